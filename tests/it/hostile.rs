//! Untrusted translations: every value of `tests/hostile/vectors.txt` in every
//! message of the small fixture's Spanish locale. `check` reports each one
//! with its code, and the pages built from them hold no markup, script, unsafe
//! link or bidi control that the clean fixture's pages do not.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use letterkit::check::check;
use letterkit::project::Project;
use letterkit::publish::{BuildOptions, Output, render_all};
use letterkit::render::Format;

use crate::html;
use crate::support::{copy_project, fixture, letterkit, shipped};

/// A hostile value and the finding code it must yield (`text`: none needed).
#[derive(Debug, Clone)]
pub struct Vector {
    pub code: String,
    pub value: String,
}

/// The vectors, with `\u{HEX}` escapes decoded.
pub fn vectors() -> Vec<Vector> {
    let text = fs::read_to_string(shipped().join("tests/hostile/vectors.txt")).unwrap();
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (code, value) = line.split_once('\t').expect("CODE<TAB>VALUE");
            Vector {
                code: code.to_owned(),
                value: unescape(value),
            }
        })
        .collect()
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('}').expect("closing brace") + at;
        let code = u32::from_str_radix(&rest[at + 3..end], 16).expect("hex");
        out.push(char::from_u32(code).expect("a character"));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// `value` as a Fluent message value: braces as string literals, each later
/// line indented as a continuation.
fn ftl_value(value: &str) -> String {
    value
        .replace('{', "\u{1}")
        .replace('}', "{\"}\"}")
        .replace('\u{1}', "{\"{\"}")
        .replace('\n', "\n    ")
}

/// The messages of `file`, which holds one message per line, as id and value.
fn messages(file: &Path) -> Vec<(String, String)> {
    fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .map(|(id, value)| (id.to_owned(), value.to_owned()))
        .collect()
}

/// The message that keeps the note reference, so that the page keeps its
/// `<sup>` and sources whatever the value does around it.
const NOTE_MESSAGE: &str = "body-request";

/// The small fixture with message `i` of the Spanish locale (notice.ftl, then
/// common.ftl) set to `value(i)`.
pub fn project_with(value: impl Fn(usize) -> String) -> tempfile::TempDir {
    let project = copy_project(&fixture("small"));
    let mut index = 0;
    for name in ["notice", "common"] {
        let path = project.path().join(format!("locales/es/{name}.ftl"));
        let mut text = String::new();
        for (id, _) in messages(&path) {
            let mut value = ftl_value(&value(index));
            if id == NOTE_MESSAGE {
                value = format!("Texto.[^report] {value}");
            }
            text.push_str(&format!("{id} = {value}\n"));
            index += 1;
        }
        fs::write(&path, text).unwrap();
    }
    project
}

/// Every message of the Spanish locale, in the order `project_with` fills them.
pub fn clean_messages() -> Vec<(String, String)> {
    let es = fixture("small").join("locales/es");
    let mut all = messages(&es.join("notice.ftl"));
    all.extend(messages(&es.join("common.ftl")));
    all
}

fn build(project: &Path) -> Output {
    let project = Project::load(project).unwrap();
    render_all(&project, &BuildOptions::default()).unwrap().0
}

const PAGE: &str = "notice/es/index.html";
const CHOOSER: &str = "notice/index.html";
const TEXT: &str = "notice/es/letter.txt";
const MARKDOWN: &str = "notice/es/letter.md";

/// A letter's Markdown, read back by a CommonMark parser, holds no HTML, no
/// image and no link but the letter's own https addresses and footnotes.
fn assert_markdown_safe(label: &str, markdown: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    for event in Parser::new_ext(markdown, Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("{label}: HTML in the Markdown: {html:?}")
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                panic!("{label}: an image in the Markdown: {dest_url}")
            }
            Event::Start(Tag::Link { dest_url, .. }) => assert!(
                dest_url.starts_with("https://example.org/"),
                "{label}: a link to {dest_url} in the Markdown"
            ),
            Event::FootnoteReference(name) => {
                assert_eq!(&*name, "1", "{label}: a footnote the letter does not have")
            }
            _ => {}
        }
    }
}

/// Markup without the elements a translation produces on purpose: emphasis,
/// and `<bdi>` for a balanced first-strong isolate (as Fluent writes around
/// values), neither with attributes.
fn structure(page: &str) -> BTreeSet<String> {
    let mut set = html::markup(page);
    // A message check refuses is shown in its fallback language, marked
    // with a class.
    set.retain(|item| {
        !["em", "strong", "bdi"].contains(&item.trim_start_matches('/')) && item != "span[class]"
    });
    set
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a reader meets on a page: its text and attribute values, decoded.
fn readable(page: &str) -> String {
    let mut out = String::new();
    for token in html::tokenize(page) {
        match token {
            html::Token::Text(text) => out.push_str(&html::decode(&text)),
            html::Token::Start { attributes, .. } => {
                for (_, value) in attributes {
                    out.push(' ');
                    out.push_str(&html::decode(&value));
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    collapse(&out)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The markup of the dashboard's findings: headings, lists, severities and
/// codes, and the table's links to them.
const FINDINGS_MARKUP: [&str; 27] = [
    "section",
    "section[aria-labelledby]",
    "/section",
    "h2",
    "h2[id]",
    "/h2",
    "h3",
    "h3[id]",
    "/h3",
    "span",
    "span[lang]",
    "span[dir]",
    "/span",
    "ul",
    "ul[class]",
    "/ul",
    "li",
    "/li",
    "strong",
    "/strong",
    "code",
    "/code",
    "p",
    "/p",
    "a",
    "a[href]",
    "/a",
];

/// A page without the dashboard's list of findings (and the table's links
/// to it, kept as their text), and that list with those links; other pages
/// as they are.
fn without_findings(page: &str) -> (String, String) {
    let Some(start) = page.find("<section aria-labelledby=\"check-findings\">") else {
        return (page.to_owned(), String::new());
    };
    let end = start + page[start..].find("</section>").unwrap() + "</section>".len();
    let mut rest = format!("{}{}", &page[..start], &page[end..]);
    let mut findings = page[start..end].to_owned();
    while let Some(at) = rest.find("<a href=\"#check-") {
        let close = at + rest[at..].find('>').unwrap() + 1;
        let end = close + rest[close..].find("</a>").unwrap();
        findings.push_str("<a href=\"#\"></a>");
        rest = format!("{}{}{}", &rest[..at], &rest[close..end], &rest[end + 4..]);
    }
    (rest, findings)
}

/// The safety of one built project, whatever its translations say: every
/// page (letter, chooser, dashboard) as the clean build's, and no control
/// character in any file.
fn assert_safe(label: &str, output: &Output, clean: &Output) {
    assert_eq!(
        output.keys().collect::<Vec<_>>(),
        clean.keys().collect::<Vec<_>>(),
        "{label}: other files than the clean build"
    );
    for (path, built) in output {
        let file = path.display();
        if path.extension().is_some_and(|e| e == "html" || e == "svg") {
            if let Some(problem) = html::malformed(
                built.trim_start_matches("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            ) {
                panic!("{label}: {file} is malformed: {problem}");
            }
            // The dashboard lists what check found, which the clean build
            // lacks: the list's own markup, and the table's links to it.
            let (built_page, findings) = without_findings(built);
            let (clean_page, _) = without_findings(&clean[path]);
            assert_eq!(
                structure(&built_page),
                structure(&clean_page),
                "{label}: {file} has other elements or attributes than the clean build"
            );
            let allowed: BTreeSet<String> =
                FINDINGS_MARKUP.iter().map(|m| (*m).to_owned()).collect();
            assert!(
                html::markup(&findings).is_subset(&allowed),
                "{label}: {file}: {:?}",
                html::markup(&findings)
            );
            for href in html::attribute_values(built, "href") {
                assert!(html::is_safe_href(&href), "{label}: {file}: href {href:?}");
            }
        }
        let hidden = built
            .chars()
            .find(|c| is_bidi_control(*c) || (c.is_control() && *c != '\n'));
        if let Some(c) = hidden {
            let line = built.lines().find(|l| l.contains(c)).unwrap_or_default();
            panic!("{label}: {file} holds {c:?}: {line:?}");
        }
    }
}

#[test]
fn every_hostile_value_in_every_message_is_reported_and_stays_text() {
    let vectors = vectors();
    assert!(vectors.len() >= 100, "only {} vectors", vectors.len());
    let ids: Vec<String> = clean_messages().into_iter().map(|(id, _)| id).collect();
    let clean = build(&fixture("small"));
    // Where a message shows at all (some only in HTML, some only on a
    // condition), found by giving each a marker of its own.
    let marker = |i: usize| format!("marker{i}x");
    let marked = build(project_with(marker).path());
    let with_markdown = BuildOptions {
        extra_formats: vec![Format::Markdown {
            front_matter: false,
        }],
        ..BuildOptions::default()
    };
    let shown_in = |i: usize, file: &str| marked[Path::new(file)].contains(&marker(i));

    let mut missed = Vec::new();
    // Round r puts vector (r + i) into message i: every vector meets every message.
    for round in 0..vectors.len() {
        let vector = |i: usize| &vectors[(round + i) % vectors.len()];
        let project = project_with(|i| vector(i).value.clone());
        let loaded = Project::load(project.path()).unwrap();
        let report = check(&loaded, &[], &[]).unwrap();
        let output = render_all(&loaded, &BuildOptions::default()).unwrap().0;
        let label = format!("round {round}");
        assert_safe(&label, &output, &clean);
        let markdown = render_all(&loaded, &with_markdown).unwrap().0;
        assert_markdown_safe(&label, &markdown[Path::new(MARKDOWN)]);

        for (i, id) in ids.iter().enumerate() {
            let Vector { code, value } = vector(i);
            let label = format!("round {round}: `{id}` = {value:?}");
            if code == "text" {
                for file in [PAGE, CHOOSER, TEXT] {
                    if shown_in(i, file) {
                        let seen = if file.ends_with(".html") {
                            readable(&output[Path::new(file)])
                        } else {
                            collapse(&output[Path::new(file)])
                        };
                        assert!(
                            seen.contains(&collapse(value)),
                            "{label}: not shown as written in {file}"
                        );
                    }
                }
                continue;
            }
            let reported = report.findings.iter().any(|f| {
                f.locale == "es" && f.message_id.as_deref() == Some(id) && f.code.as_str() == code
            });
            if !reported {
                missed.push(format!(
                    "{label}: no {code} finding; found: {:?}",
                    report
                        .findings
                        .iter()
                        .filter(|f| f.message_id.as_deref() == Some(id))
                        .map(|f| f.code.as_str())
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn the_binary_reports_and_builds_a_hostile_translation_safely() {
    let vectors = vectors();
    // Every seventh vector, so that every kind is among them.
    let project = project_with(|i| vectors[i * 7 % vectors.len()].value.clone());
    let run = letterkit(project.path(), &["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    for code in [
        "raw-html",
        "unsafe-link",
        "image",
        "bidi-control",
        "invisible-character",
    ] {
        assert!(
            run.stdout.contains(&format!("\"{code}\"")),
            "{code}: {}",
            run.stdout
        );
    }

    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    let run = letterkit(project.path(), &["build", "--out", dist.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let output: Output = crate::support::read_tree(&dist)
        .into_iter()
        .filter(|(path, _)| path != Path::new(".letterkit-output"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect();
    assert_safe("built", &output, &build(&fixture("small")));
}

#[test]
fn bidi_controls_are_reported_at_their_code_point_and_never_reach_a_page() {
    // Trojan Source in a right-to-left translation: an override that would
    // show "level gnirts" reversed, and isolates around a run.
    let project = copy_project(&fixture("rtl"));
    let ar = project.path().join("locales/ar/clean-water.ftl");
    let text = fs::read_to_string(&ar).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("salutation = "))
        .unwrap()
        + 1;
    crate::support::edit(
        &ar,
        "salutation = ",
        "salutation = access\u{202E}gnirts\u{202C} \u{2066}x\u{2069} \u{2067}",
    );
    let loaded = Project::load(project.path()).unwrap();
    let report = check(&loaded, &[], &[]).unwrap();
    let found: Vec<(usize, usize, String)> = report
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "bidi-control")
        .map(|f| {
            let point = f.message.split_whitespace().next().unwrap().to_owned();
            (f.location.line, f.location.column, point)
        })
        .collect();
    let at = |column: usize, point: &str| (line, column, point.to_owned());
    assert_eq!(
        found,
        [
            at(20, "U+202E"),
            at(27, "U+202C"),
            at(29, "U+2066"),
            at(31, "U+2069"),
            at(33, "U+2067"),
        ]
    );

    let output = render_all(&loaded, &BuildOptions::default()).unwrap().0;
    for (path, content) in &output {
        let label = path.display().to_string();
        if label.ends_with(".html") || label.ends_with(".svg") {
            assert!(
                !content.chars().any(is_bidi_control),
                "{label} holds a bidi control"
            );
        } else if !label.ends_with(".txt") {
            assert!(
                !content
                    .chars()
                    .any(|c| is_bidi_control(c) && !matches!(c, '\u{2068}' | '\u{2069}')),
                "{label} holds a bidi control other than FSI and PDI"
            );
        } else {
            // Plain text in Arabic isolates data with FSI and PDI only, each
            // line balanced; nothing from the translation survives.
            let rtl = label.contains("/ar/");
            crate::support::assert_plain_text_rules(&label, content, rtl);
            assert!(
                !content
                    .chars()
                    .any(|c| is_bidi_control(c) && !matches!(c, '\u{2068}' | '\u{2069}')),
                "{label} holds a bidi control other than FSI and PDI"
            );
            // The message with the controls is shown in its fallback
            // language: the translation's reversed text never shows.
            assert!(!content.contains("accessgnirts"), "{label}");
        }
    }
}

/// The page text placed inside a link or used as a label, and the letter's
/// subject (a link on the site's index).
const LINK_AND_LABEL_MESSAGES: [(&str, &str); 8] = [
    ("common", "skip-link"),
    ("common", "language-switcher-label"),
    ("common", "note-reference"),
    ("common", "back-to-reference"),
    ("common", "all-languages"),
    ("common", "index-languages"),
    ("common", "index-feed"),
    ("notice", "subject"),
];

/// Ids of the elements that label others (`aria-labelledby`) on `page`.
fn label_ids(page: &str) -> BTreeSet<String> {
    html::attribute_values(page, "aria-labelledby")
        .into_iter()
        .flat_map(|ids| {
            ids.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn links_written_into_link_and_label_texts_never_nest_links() {
    let project = copy_project(&fixture("small"));
    // With a base-url the index links to its feed, whose text is page text too.
    // Waivers publish the messages as written: what is asserted is how the
    // renderer writes them, not the build's refusal of HTML and new links.
    let config = project.path().join("letterkit.toml");
    let toml = fs::read_to_string(&config).unwrap();
    let toml = toml.replace(
        "source-locale",
        "base-url = \"https://example.org/letters/\"\nsource-locale",
    );
    fs::write(&config, toml).unwrap();
    for code in ["raw-html", "changed-link"] {
        crate::support::waive(
            project.path(),
            "es",
            code,
            None,
            "the renderer's own safety is tested",
        );
    }
    let hostile =
        " [linked](https://example.org/x) <a href=\"https://example.org/y\">tagged</a> **strong**";
    for (resource, id) in LINK_AND_LABEL_MESSAGES {
        crate::support::edit(
            &project.path().join(format!("locales/es/{resource}.ftl")),
            &format!("\n{id} = "),
            &format!("\n{id} = lead{hostile} "),
        );
    }
    let loaded = Project::load(project.path()).unwrap();
    let output = render_all(&loaded, &BuildOptions::default()).unwrap().0;
    let mut pages = 0;
    for (path, page) in &output {
        if path.extension().is_none_or(|e| e != "html") || !page.contains("<html lang=\"es\"") {
            continue;
        }
        pages += 1;
        let file = path.display();
        let labels = label_ids(page);
        // Open `<a>` elements, and the label (by id) being read, if any.
        let mut open_links = 0;
        let mut in_label: Option<(String, usize)> = None;
        let mut depth = 0usize;
        for token in html::tokenize(page) {
            match token {
                html::Token::Start {
                    name, attributes, ..
                } => {
                    if name == "a" {
                        assert_eq!(open_links, 0, "{file}: a link inside a link");
                        assert!(in_label.is_none(), "{file}: a link inside a label");
                        open_links += 1;
                    }
                    if let Some((label, _)) = &in_label {
                        assert!(
                            ["span", "bdi"].contains(&name.as_str()),
                            "{file}: <{name}> inside the label #{label}"
                        );
                    }
                    if html::VOID.contains(&name.as_str()) {
                        continue;
                    }
                    depth += 1;
                    let id = attributes.iter().find(|(n, _)| n == "id");
                    if let Some((_, id)) = id.filter(|(_, id)| labels.contains(id)) {
                        in_label = Some((id.clone(), depth));
                    }
                }
                html::Token::End(name) => {
                    if name == "a" {
                        open_links -= 1;
                    }
                    if in_label.as_ref().is_some_and(|(_, at)| *at == depth) {
                        in_label = None;
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        // The words stay, as text.
        assert!(readable(page).contains("lead linked"), "{file}: {page}");
    }
    // The letter's page and the index in Spanish (the chooser is in English).
    assert!(pages >= 2, "{pages} Spanish pages");
    let page = readable(&output[Path::new(PAGE)]);
    for text in ["lead linked", "tagged", "strong"] {
        assert!(page.contains(text), "{text}: {page}");
    }
}
