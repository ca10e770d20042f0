//! `letterkit build`: the shipped letter in every locale, as HTML and text.

use std::fs;

use crate::support::{
    LETTER, LOCALES, assert_plain_text_rules, assert_source_urls_whole, copy_project, edit,
    fixture, letterkit, read_tree, remove_message, shipped, snapshot_settings,
};

/// A file the shipped build wrote for `locale`.
fn read_built(out: &tempfile::TempDir, locale: &str, file: &str) -> String {
    fs::read_to_string(out.path().join("dist").join(LETTER).join(locale).join(file))
        .expect("the build wrote this file")
}

fn build_shipped() -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("a temporary folder");
    let run = letterkit(
        &shipped(),
        &["build", "--out", out.path().join("dist").to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    out
}

#[test]
fn build_writes_every_page_of_the_shipped_letter() {
    let out = build_shipped();
    let files: Vec<String> = read_tree(&out.path().join("dist"))
        .into_iter()
        .map(|(path, _)| path.display().to_string())
        .collect();
    let mut expected = vec![
        ".letterkit-output".to_owned(),
        format!("{LETTER}/index.html"),
        "status/index.html".to_owned(),
    ];
    for locale in LOCALES {
        expected.push(format!("{LETTER}/{locale}/index.html"));
        expected.push(format!("{LETTER}/{locale}/letter.txt"));
        expected.push(format!("status/{LETTER}-{locale}.svg"));
        expected.push(match locale {
            "en" => "index.html".to_owned(),
            other => format!("index.{other}.html"),
        });
    }
    expected.sort();
    assert_eq!(files, expected);
}

#[test]
fn shipped_pages_match_their_reviewed_snapshots() {
    let out = build_shipped();
    let dist = out.path().join("dist").join(LETTER);
    snapshot_settings().bind(|| {
        insta::assert_snapshot!(
            "chooser",
            fs::read_to_string(dist.join("index.html")).unwrap()
        );
        for locale in LOCALES {
            let folder = dist.join(locale);
            insta::assert_snapshot!(
                format!("{LETTER}__{locale}__html"),
                fs::read_to_string(folder.join("index.html")).unwrap()
            );
            insta::assert_snapshot!(
                format!("{LETTER}__{locale}__text"),
                fs::read_to_string(folder.join("letter.txt")).unwrap()
            );
        }
    });
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let first = build_shipped();
    let second = build_shipped();
    assert_eq!(
        read_tree(&first.path().join("dist")),
        read_tree(&second.path().join("dist"))
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let project = copy_project(&shipped());
    let out = project.path().join("dist");
    assert_eq!(letterkit(project.path(), &["build"]).code, 0);
    let before = read_tree(&out);

    // The source loses a message no locale can stand in for: nothing of
    // the new build may land.
    remove_message(
        &project.path().join("locales/en/us-mexico-asylum-2023.ftl"),
        "closing",
    );
    let run = letterkit(project.path(), &["build"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("`closing`"), "{}", run.stderr);
    assert_eq!(read_tree(&out), before);
    let leftovers: Vec<_> = fs::read_dir(project.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("letterkit-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The words of a text, with typographic hyphenation at line ends undone.
fn words(text: &str) -> Vec<String> {
    text.replace("-\n", "-")
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == '•').to_owned())
        .filter(|w| !w.is_empty() && !w.starts_with("http"))
        .collect()
}

#[test]
fn english_keeps_every_word_of_the_original_letter_in_order() {
    let original =
        fs::read_to_string(fixture("original/2023-01-06-amnesty-asylum-letter.txt")).unwrap();
    let out = build_shipped();
    let text = read_built(&out, "en", "letter.txt");
    let letter = text.split("\nSources\n").next().unwrap();
    // List items are marked `- ` in text and `•` in the original.
    let mut rendered: Vec<String> = words(letter).into_iter().filter(|w| w != "-").collect();
    // Note markers are the rendering's own; the original prints them as footnotes.
    for word in &mut rendered {
        for n in 1..=4 {
            *word = word.replace(&format!("[{n}]"), "");
        }
    }
    // The original prints the two signatories side by side; the text lists them in turn.
    let original_words = words(&original.replace(
        "Paul O’Brien            Erika Guevara-Rosas  \nExecutive Director           Americas Regional Director   \nAmnesty International USA          Amnesty International, International Secretariat",
        "Paul O’Brien\nExecutive Director\nAmnesty International USA\nErika Guevara-Rosas\nAmericas Regional Director\nAmnesty International, International Secretariat",
    ));
    assert_eq!(rendered, original_words);
}

#[test]
fn plain_text_follows_the_email_rules_in_every_locale() {
    let out = build_shipped();
    for locale in LOCALES {
        let text = read_built(&out, locale, "letter.txt");
        assert_plain_text_rules(locale, &text, false);
        for n in 1..=4 {
            assert!(text.contains(&format!("[{n}]")), "{locale}: note {n}");
        }
        assert_source_urls_whole(locale, &text, &shipped(), LETTER);
    }
}

#[test]
fn every_translation_keeps_the_letters_figures_and_names() {
    let out = build_shipped();
    for locale in LOCALES {
        let text = read_built(&out, locale, "letter.txt");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for figure in [
            "850",
            "2022",
            "2020",
            "42",
            "2023",
            "López Obrador",
            "Trudeau",
            "Paul O’Brien",
            "Erika Guevara-Rosas",
            "AMR 36/5973/2022",
            "1600 Pennsylvania Avenue NW",
        ] {
            assert!(flat.contains(figure), "{locale} lacks {figure}");
        }
        assert!(
            flat.contains("2.5") || flat.contains("2,5"),
            "{locale} lacks 2.5 million"
        );
    }
}

#[test]
fn dates_are_written_out_in_each_language() {
    let out = build_shipped();
    for (locale, date) in [
        ("en", "6 January 2023"),
        ("es", "6 de enero de 2023"),
        ("ht", "6 janvye 2023"),
        ("fr", "6 janvier 2023"),
    ] {
        let html = read_built(&out, locale, "index.html");
        assert!(
            html.contains(&format!("<time datetime=\"2023-01-06\">{date}</time>")),
            "{locale}"
        );
    }
}

#[test]
fn pages_are_structured_and_mark_their_language() {
    let out = build_shipped();
    for locale in LOCALES {
        let html = read_built(&out, locale, "index.html");
        assert!(html.starts_with(&format!(
            "<!DOCTYPE html>\n<html lang=\"{locale}\" dir=\"ltr\">"
        )));
        for (element, count) in [
            ("<h1", 1),
            ("<main", 1),
            ("<header", 1),
            ("<nav", 1),
            ("<footer", 1),
            ("<h2", 1),
        ] {
            assert_eq!(html.matches(element).count(), count, "{locale}: {element}");
        }
        let body = html.split("<body>\n").nth(1).unwrap();
        assert!(
            body.starts_with("<a class=\"skip-link\" href=\"#letter\">"),
            "{locale}: skip link first"
        );
        assert!(html.contains("<main id=\"letter\">"));
        assert!(html.contains(&format!(
            "<span lang=\"{locale}\" dir=\"ltr\" aria-current=\"page\">"
        )));
        for other in LOCALES {
            assert!(html.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"{other}\" href=\"../{other}/index.html\">"
            )));
            if other != locale {
                assert!(
                    html.contains(&format!(
                        "hreflang=\"{other}\" lang=\"{other}\" dir=\"ltr\" rel=\"alternate\""
                    )),
                    "{locale} -> {other}"
                );
            }
        }
        assert!(html.contains("hreflang=\"x-default\" href=\"../index.html\""));
        assert!(
            !html.contains("<script") && !html.contains(" src="),
            "{locale}: no script or external resource"
        );
        let mut ids: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
            .collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "{locale}: duplicate ids");
        for n in 1..=4 {
            assert!(html.contains(&format!("<li id=\"source-{n}\">")));
            assert!(html.contains(&format!("href=\"#ref-{n}\"")));
            assert!(html.contains(&format!("href=\"#source-{n}\" id=\"ref-{n}\"")));
        }
        assert_eq!(
            html.contains("class=\"notice\""),
            locale != "en",
            "{locale}: draft notice"
        );
        let marked = match locale {
            "en" => "<bdi>",
            _ => "<bdi lang=\"en\" dir=\"ltr\">",
        };
        assert!(
            html.contains(&format!(
                "{marked}‘They Did Not Treat Us Like People’: Race and Migration-Related Torture and Other Ill-Treatment of Haitians Seeking Safety in the USA</bdi>"
            )),
            "{locale}: cited title"
        );
        // Each cited document is in English: a page in another language says so
        // after each title, in its own language.
        let in_english = match locale {
            "en" => None,
            "es" => Some("</bdi>» (en inglés)<br>"),
            "fr" => Some("</bdi>\u{202f}» (en anglais)<br>"),
            "ht" => Some("</bdi>” (an angle)<br>"),
            _ => unreachable!("the shipped locales"),
        };
        match in_english {
            Some(note) => assert_eq!(html.matches(note).count(), 4, "{locale}: {note}"),
            None => assert!(!html.contains("(in English)"), "{locale}"),
        }
    }
}

/// The published titles of the documents the letter's notes cite, as checked
/// against each published page; notes 1 and 2 cite the same article.
const CITED: [(&str, &str); 4] = [
    (
        "https://www.amnesty.org/en/latest/news/2022/05/usa-dangerous-immigration-policy-will-harm-people/",
        "USA: Upholding dangerous immigration policy will harm people throughout the Americas",
    ),
    (
        "https://www.amnesty.org/en/latest/news/2022/05/usa-dangerous-immigration-policy-will-harm-people/",
        "USA: Upholding dangerous immigration policy will harm people throughout the Americas",
    ),
    (
        "https://www.amnestyusa.org/press-releases/amnesty-international-usa-advocacy-director-for-the-americas-amy-fischer-pathways-to-asylum-seekers/",
        "Amnesty International USA Condemns Biden Administration’s Attack on Asylum",
    ),
    (
        "https://www.amnesty.org/en/documents/amr36/5973/2022/en/",
        "‘They Did Not Treat Us Like People’: Race and Migration-Related Torture and Other Ill-Treatment of Haitians Seeking Safety in the USA",
    ),
];

#[test]
fn every_note_shows_the_published_title_of_the_document_it_cites() {
    let out = build_shipped();
    for locale in LOCALES {
        let html = read_built(&out, locale, "index.html");
        let notes: Vec<&str> = html
            .split("<li id=\"source-")
            .skip(1)
            .map(|note| note.split("</li>").next().unwrap())
            .collect();
        assert_eq!(notes.len(), CITED.len(), "{locale}");
        for (n, (note, (url, title))) in notes.iter().zip(CITED).enumerate() {
            assert!(
                note.starts_with(&format!("{}\">", n + 1)),
                "{locale}: {note}"
            );
            assert!(
                note.contains(&format!("href=\"{url}\"")),
                "{locale} [{}]",
                n + 1
            );
            // The title exactly as published, in a <bdi> of its own.
            let shown = note
                .split("<bdi")
                .nth(1)
                .and_then(|bdi| bdi.split_once('>'))
                .and_then(|(_, rest)| rest.split_once("</bdi>"))
                .map(|(title, _)| title);
            assert_eq!(shown, Some(title), "{locale} [{}]", n + 1);
        }
        // The plain text shows the same titles, whatever the line breaks.
        let text = read_built(&out, locale, "letter.txt");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (_, title) in CITED {
            assert!(flat.contains(title), "{locale}: {title}");
        }
    }
}

#[test]
fn haitian_creole_writes_the_first_of_a_month_as_an_ordinal() {
    let project = copy_project(&shipped());
    let toml = project
        .path()
        .join("content")
        .join(LETTER)
        .join("letter.toml");
    let mut date = "2023-01-06";
    for (next, written) in [
        ("2023-01-01", "1ye janvye 2023"),
        ("2024-03-01", "1ye mas 2024"),
        ("2023-01-11", "11 janvye 2023"),
        ("2023-12-21", "21 desanm 2023"),
    ] {
        edit(&toml, &format!("date = {date}"), &format!("date = {next}"));
        date = next;
        let run = letterkit(
            project.path(),
            &["render", LETTER, "ht", "--format", "html"],
        );
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(
            run.stdout
                .contains(&format!("<time datetime=\"{next}\">{written}</time>")),
            "{next}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_missing_translation_falls_back_with_its_language_marked() {
    let project = copy_project(&shipped());
    remove_message(
        &project.path().join("locales/es/us-mexico-asylum-2023.ftl"),
        "demand-end-detention",
    );
    let run = letterkit(project.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stderr.contains(
        "warning: us-mexico-asylum-2023 (es): `demand-end-detention` is not translated; shown in en"
    ));
    let html = fs::read_to_string(
        project
            .path()
            .join("dist")
            .join(LETTER)
            .join("es/index.html"),
    )
    .unwrap();
    assert!(html.contains("<li><span class=\"fallback\" lang=\"en\" dir=\"ltr\">End the use of arbitrary, mass immigration detention.</span></li>"));
    assert!(
        html.contains("se muestran en otro idioma: <bdi lang=\"en\" dir=\"ltr\">English</bdi>")
    );

    let strict = letterkit(project.path(), &["build", "--strict"]);
    assert_eq!(strict.code, 1);
    assert!(
        strict
            .stderr
            .contains("`demand-end-detention` taken from en"),
        "{}",
        strict.stderr
    );
}

#[test]
fn building_one_locale_lists_only_what_was_built() {
    let project = copy_project(&shipped());
    let run = letterkit(
        project.path(),
        &["build", "--locale", "ht", "--locale", "en"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let html = fs::read_to_string(
        project
            .path()
            .join("dist")
            .join(LETTER)
            .join("ht/index.html"),
    )
    .unwrap();
    assert!(html.contains("hreflang=\"en\""));
    assert!(!html.contains("hreflang=\"es\""));
    assert!(!project.path().join("dist").join(LETTER).join("es").exists());
}

#[test]
fn render_prints_what_build_writes() {
    let out = build_shipped();
    for (format, file) in [("text", "letter.txt"), ("html", "index.html")] {
        let run = letterkit(&shipped(), &["render", LETTER, "ht", "--format", format]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert_eq!(run.stdout, read_built(&out, "ht", file));
    }
}

#[test]
fn a_progress_bar_shows_on_a_terminal_only() {
    let project = copy_project(&fixture("small"));
    let on_terminal = |ci: bool| {
        let command = format!(
            "{} --project {} build",
            env!("CARGO_BIN_EXE_letterkit"),
            project.path().display()
        );
        let mut script = std::process::Command::new("script");
        script
            .args(["-qec", &command, "/dev/null"])
            .env_remove("CI");
        if ci {
            script.env("CI", "true");
        }
        let output = script
            .output()
            .expect("script(1) runs the build on a terminal");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(
        on_terminal(false).contains("building ["),
        "a terminal shows the bar"
    );
    assert!(!on_terminal(true).contains("building ["), "CI logs do not");
    let piped = letterkit(project.path(), &["build"]);
    assert!(!piped.stderr.contains("building"), "{}", piped.stderr);
}
