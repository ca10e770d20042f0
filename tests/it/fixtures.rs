//! The fixture projects: a right-to-left letter, a partly translated locale,
//! and the rules every text output follows.

use std::fs;
use std::path::Path;

use crate::support::{
    assert_plain_text_rules, assert_source_urls_whole, copy_project, fixture, letterkit,
    remove_message, snapshot_settings,
};

fn build(project: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("a temporary folder");
    let run = letterkit(project, &["build", "--out", out.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    out
}

#[test]
fn right_to_left_pages_set_direction_and_isolate_latin_data() {
    let out = build(&fixture("rtl"));
    let arabic = fs::read_to_string(out.path().join("clean-water/ar/index.html")).unwrap();
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
    for isolated in [
        "<bdi class=\"name\">Ada Example</bdi>",
        "<bdi lang=\"en\">PO Box 1200</bdi>",
        "<a class=\"url\" dir=\"ltr\" href=\"https://example.org/reports/water-survey-2023?lang=en&amp;format=html\">",
        "«<bdi lang=\"en\" dir=\"ltr\">Water Safety Review 2023</bdi>» (باللغة الإنجليزية)<br>",
        "<a href=\"../en/index.html\" hreflang=\"en\" lang=\"en\" dir=\"ltr\" rel=\"alternate\">English</a>",
    ] {
        assert!(arabic.contains(isolated), "ar page lacks {isolated}");
    }
    let english = fs::read_to_string(out.path().join("clean-water/en/index.html")).unwrap();
    assert!(english.contains(
        "<a href=\"../ar/index.html\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\" rel=\"alternate\">العربية</a>"
    ));
    let text = fs::read_to_string(out.path().join("clean-water/ar/letter.txt")).unwrap();
    assert!(text.contains("\u{2068}Ada Example\u{2069}"), "{text}");
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("rtl__clean-water__ar__html", arabic);
        insta::assert_snapshot!("rtl__clean-water__ar__text", text);
    });
}

/// Removes the message `id`, written over several lines and closed by `    }`,
/// from a Fluent file.
fn remove_select_message(path: &Path, id: &str) {
    let text = fs::read_to_string(path).unwrap();
    let start = text
        .find(&format!("{id} ="))
        .expect("the message is defined");
    let end = start + text[start..].find("\n    }\n").expect("a closed select") + 7;
    fs::write(path, format!("{}{}", &text[..start], &text[end..])).unwrap();
}

#[test]
fn page_text_a_project_lacks_is_a_warning_and_shown_in_english() {
    let english_note = "<span class=\"fallback\" lang=\"en\" dir=\"ltr\">(in English)</span><br>";
    let arabic_page = |out: &tempfile::TempDir| {
        fs::read_to_string(out.path().join("clean-water/ar/index.html")).unwrap()
    };

    // A translation lacks it: the source's text, and a warning even where the
    // locale is required.
    let project = copy_project(&fixture("rtl"));
    let common = |tag: &str| project.path().join("locales").join(tag).join("common.ftl");
    remove_select_message(&common("ar"), "cited-document-language");
    let check = letterkit(project.path(), &["check"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check
            .stdout
            .contains("warning: [missing-message] ar: `cited-document-language` is not translated"),
        "{}",
        check.stdout
    );
    assert!(
        check
            .stdout
            .ends_with("check passed: 0 errors, 1 warning\n")
    );
    let arabic = arabic_page(&build(project.path()));
    assert!(arabic.contains(english_note), "{arabic}");

    // The source lacks it, as in a project made by an older letterkit: one
    // warning, on the source; a translation's own text is still shown, and
    // sync leaves it where it is.
    let project = copy_project(&fixture("rtl"));
    let common = |tag: &str| project.path().join("locales").join(tag).join("common.ftl");
    remove_select_message(&common("en"), "cited-document-language");
    let check = letterkit(project.path(), &["check"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check.stdout.contains(
            "warning: [missing-message] en: `cited-document-language`, page text added in a newer letterkit, is not in the source locale"
        ),
        "{}",
        check.stdout
    );
    assert!(
        check
            .stdout
            .ends_with("check passed: 0 errors, 1 warning\n")
    );
    let arabic = arabic_page(&build(project.path()));
    assert!(
        arabic.contains("</bdi>» (باللغة الإنجليزية)<br>"),
        "{arabic}"
    );
    let sync = letterkit(project.path(), &["locale", "sync"]);
    assert!(
        sync.stdout
            .contains("ar: 0 new message(s), 0 moved to obsolete"),
        "{}",
        sync.transcript()
    );

    // Neither has it: letterkit's own English text.
    remove_select_message(&common("ar"), "cited-document-language");
    let check = letterkit(project.path(), &["check"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check
            .stdout
            .ends_with("check passed: 0 errors, 1 warning\n")
    );
    let out = build(project.path());
    let arabic = arabic_page(&out);
    assert!(arabic.contains(english_note), "{arabic}");
    let text = fs::read_to_string(out.path().join("clean-water/ar/letter.txt")).unwrap();
    assert!(text.contains("(in English)"), "{text}");
    let english = fs::read_to_string(out.path().join("clean-water/en/index.html")).unwrap();
    assert!(
        !english.contains("(in English)"),
        "the title is in the page's language"
    );
}

#[test]
fn a_partial_locale_is_published_with_its_gaps_marked() {
    let out = build(&fixture("partial"));
    let page = fs::read_to_string(out.path().join("notice/es/index.html")).unwrap();
    assert!(page.contains(
        "<li><span class=\"fallback\" lang=\"en\" dir=\"ltr\">Publish the new hours.</span></li>"
    ));
    assert!(page.contains("<span class=\"fallback\" lang=\"en\" dir=\"ltr\">Chair</span>"));
    assert!(page.contains(
        "<p class=\"notice\">Algunas partes de esta página aún no están traducidas y se muestran en otro idioma: <bdi lang=\"en\" dir=\"ltr\">English</bdi>.</p>"
    ));
    let chooser = fs::read_to_string(out.path().join("notice/index.html")).unwrap();
    assert!(chooser.contains("rel=\"alternate\">Español</a> (Traducción parcial)"));
    assert!(!chooser.contains("English</a> ("), "the source is complete");
}

#[test]
fn a_chooser_prompt_that_fell_back_is_not_repeated() {
    let project = copy_project(&fixture("partial"));
    remove_message(
        &project.path().join("locales/es/common.ftl"),
        "chooser-heading",
    );
    let out = build(project.path());
    let chooser = fs::read_to_string(out.path().join("notice/index.html")).unwrap();
    assert!(
        chooser.contains("<h2>Choose a language</h2>"),
        "one English prompt, not two: {chooser}"
    );
}

#[test]
fn strict_build_names_every_untranslated_message_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("dist");
    let run = letterkit(
        &fixture("partial"),
        &["build", "--strict", "--out", target.to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("notice es: `demand-publish` taken from en")
    );
    assert!(
        run.stderr
            .contains("notice es: `signatory-title` taken from en")
    );
    assert!(!target.exists());
}

#[test]
fn every_fixture_text_follows_the_plain_text_rules() {
    for (name, letter, locales) in [
        ("small", "notice", &["en", "es"][..]),
        ("partial", "notice", &["en", "es"][..]),
        ("rtl", "clean-water", &["en", "ar"][..]),
    ] {
        let out = build(&fixture(name));
        for locale in locales {
            let text = fs::read_to_string(out.path().join(letter).join(locale).join("letter.txt"))
                .unwrap();
            let label = format!("{name} {locale}");
            assert_plain_text_rules(&label, &text, *locale == "ar");
            assert_source_urls_whole(&label, &text, &fixture(name), letter);
        }
    }
}

#[test]
fn the_style_sheet_uses_logical_properties_only() {
    let css = include_str!("../../src/render/page.css");
    for line in css.lines() {
        let Some((property, value)) = line.trim().split_once(':') else {
            continue;
        };
        let words: Vec<&str> = property.split('-').collect();
        for physical in ["left", "right", "top", "bottom"] {
            assert!(!words.contains(&physical), "physical property: {line}");
        }
        let sizes = [
            "width",
            "height",
            "min-width",
            "max-width",
            "min-height",
            "max-height",
        ];
        assert!(!sizes.contains(&property), "physical size: {line}");
        for physical in ["left", "right"] {
            assert!(
                !value
                    .split_whitespace()
                    .any(|w| w.trim_end_matches(';') == physical),
                "physical value: {line}"
            );
        }
    }
}

#[test]
fn japanese_persian_and_thai_text_fits_the_width_with_each_address_whole() {
    let out = build(&fixture("scripts"));
    let letter = out.path().join("river-survey");
    for locale in ["en", "ja", "fa", "th"] {
        let text = fs::read_to_string(letter.join(locale).join("letter.txt")).unwrap();
        assert_plain_text_rules(&format!("scripts {locale}"), &text, locale == "fa");
        // The link's address stands alone, its parentheses with it; the
        // Japanese after it is on the next line, not glued to the address.
        assert!(
            text.lines().any(|l| l
                == "(https://example.org/reports/2024/river-survey-of-the-lower-basin-districts)"
                || l.ends_with(
                    "(https://example.org/reports/2024/river-survey-of-the-lower-basin-districts)"
                )),
            "{locale}: {text}"
        );
    }
    let japanese = fs::read_to_string(letter.join("ja/letter.txt")).unwrap();
    assert!(
        japanese.contains("当局による河川調査、2024年。表題："),
        "{japanese}"
    );
    assert!(!japanese.contains(". 表題"), "{japanese}");
    let thai = fs::read_to_string(letter.join("th/letter.txt")).unwrap();
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("scripts__river-survey__ja__text", japanese);
        insta::assert_snapshot!("scripts__river-survey__th__text", thai);
    });
}

#[test]
fn a_letter_with_its_own_page_title_replaces_the_shared_pattern() {
    let out = build(&fixture("scripts"));
    let page = |locale: &str| {
        fs::read_to_string(
            out.path()
                .join("river-survey")
                .join(locale)
                .join("index.html"),
        )
        .unwrap()
    };
    assert!(
        page("en").contains("<title>Open letter on the river survey of the lower basin</title>")
    );
    assert!(page("ja").contains("<title>下流域の河川調査に関する公開書簡</title>"));
    for locale in ["en", "ja", "fa", "th"] {
        assert!(
            !page(locale).contains("Open letter: Open letter"),
            "{locale}"
        );
    }
    // Without it, the shared pattern stays.
    let plain = build(&fixture("rtl"));
    let english = fs::read_to_string(plain.path().join("clean-water/en/index.html")).unwrap();
    assert!(english.contains("<title>Open letter: Publish the water quality report"));
    let check = letterkit(&fixture("scripts"), &["check"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        !check.stdout.contains("duplicate-message"),
        "{}",
        check.transcript()
    );
}

/// Reads the email's plain part with Python's email package and undoes its
/// soft breaks as RFC 3676 says a reader does.
fn reflowed_with_python(eml: &Path) -> String {
    let script = r#"
import email, sys
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
part = message.get_body(preferencelist=("plain",))
assert part.get_param("format") == "flowed", part["content-type"]
delsp = (part.get_param("delsp") or "no").lower() == "yes"
paragraphs, current = [], None
for line in part.get_content().replace("\r\n", "\n").split("\n"):
    if line.startswith(" "):
        line = line[1:]
    if current is None:
        current = ""
    if line.endswith(" "):
        current += line[:-1] if delsp else line
    else:
        paragraphs.append(current + line)
        current = None
sys.stdout.write("\n".join(paragraphs))
"#;
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(eml)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_japanese_email_reflows_without_spaces_inside_words() {
    let out = tempfile::tempdir().expect("a temporary folder");
    let project = fixture("scripts");
    let run = letterkit(
        &project,
        &["build", "--email", "--out", out.path().to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let letter = out.path().join("river-survey");
    let japanese = fs::read_to_string(letter.join("ja/letter.eml")).unwrap();
    assert!(
        japanese.contains("format=flowed; delsp=yes") || japanese.contains("delsp=\"yes\""),
        "{japanese}"
    );
    let reflowed = reflowed_with_python(&letter.join("ja/letter.eml"));
    assert!(
        reflowed.contains("河川の硝酸塩濃度が安全基準の二倍に達していました。[1] 2024年十一月の会合で、当局は調査の全文を公表すると約束しました。[2] 私たちは次のことを求めます。"),
        "{reflowed}"
    );
    // Breaks at spaces keep their space: English reflows as written.
    let english = fs::read_to_string(letter.join("en/letter.eml")).unwrap();
    assert!(!english.contains("delsp"), "{english}");
    let reflowed = reflowed_with_python(&letter.join("en/letter.eml"));
    assert!(
        reflowed.contains("found that the river carries twice the safe level of nitrates in 14 of 20 districts.[1] At the meeting"),
        "{reflowed}"
    );
    let thai = reflowed_with_python(&letter.join("th/letter.eml"));
    assert!(
        thai.contains("เผยแพร่ผลการสำรวจฉบับสมบูรณ์[2] เราขอให้ท่าน"),
        "{thai}"
    );
}

/// The part of an email of the given MIME subtype ("plain", "html"), decoded.
fn email_part(eml: &Path, subtype: &str) -> String {
    let script = r#"
import email, sys
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
sys.stdout.write(message.get_body(preferencelist=(sys.argv[2],)).get_content())
"#;
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(eml)
        .arg(subtype)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn persian_notes_are_numbered_in_persian_digits_in_every_output() {
    let out = tempfile::tempdir().expect("a temporary folder");
    let project = fixture("scripts");
    let run = letterkit(
        &project,
        &["build", "--email", "--out", out.path().to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let letter = out.path().join("river-survey");
    let page = fs::read_to_string(letter.join("fa/index.html")).unwrap();
    let email_page = email_part(&letter.join("fa/letter.eml"), "html");
    for html in [&page, &email_page] {
        // The reference shows the Persian numeral; its link and id stay ASCII.
        assert!(
            html.contains("<a href=\"#source-1\" id=\"ref-1\">")
                && html.contains("<span aria-hidden=\"true\">[۱]</span>")
                && html.contains("<span aria-hidden=\"true\">[۲]</span>"),
            "{html}"
        );
        // The list writes its own markers, which the browser's would not.
        assert!(html.contains("<ol class=\"sources numbered\">"), "{html}");
        assert!(
            html.contains("<li id=\"source-1\"><span class=\"marker\">۱.</span> ")
                && html.contains("<li id=\"source-2\"><span class=\"marker\">۲.</span> "),
            "{html}"
        );
        assert!(!html.contains("[1]") && !html.contains("[2]"), "{html}");
    }

    let text = fs::read_to_string(letter.join("fa/letter.txt")).unwrap();
    let email_text = email_part(&letter.join("fa/letter.eml"), "plain");
    for text in [&text, &email_text] {
        assert!(
            text.contains("است.[۱]") && text.contains("کند.[۲]"),
            "{text}"
        );
        assert!(!text.contains("[1]") && !text.contains("[2]"), "{text}");
    }
    // Each note's marker hangs by its display width.
    assert!(
        text.contains(
            "[۲] صورت‌جلسهٔ نشست سازمان در نوامبر ۲۰۲۴\n    https://example.org/minutes/2024-11\n"
        ),
        "{text}"
    );
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("scripts__river-survey__fa__text", text);
    });

    // Footnote labels are identifiers, which stay ASCII.
    let markdown = letterkit(
        &project,
        &["render", "river-survey", "fa", "--format", "markdown"],
    );
    assert_eq!(markdown.code, 0, "{}", markdown.transcript());
    assert!(
        markdown.stdout.contains("است.[^1]") && markdown.stdout.contains("\n[^2]: "),
        "{}",
        markdown.stdout
    );

    // Locales whose digits are Western keep the browser's markers.
    for locale in ["en", "ja", "th"] {
        let html = fs::read_to_string(letter.join(locale).join("index.html")).unwrap();
        assert!(html.contains("<ol class=\"sources\">"), "{locale}");
        assert!(!html.contains("class=\"marker\""), "{locale}");
        assert!(
            html.contains("<span aria-hidden=\"true\">[1]</span>"),
            "{locale}"
        );
    }
}
