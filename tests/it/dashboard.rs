//! One measure of progress: the dashboard's table and bars, the badges and
//! `status --format json` agree on a project with a partial, a stale and an
//! erroneous locale, and the dashboard lists what `check` found per locale.

use std::fs;
use std::path::Path;

use crate::html;
use crate::support::{
    LETTER, copy_project, edit, letterkit, remove_message, shipped, snapshot_settings,
};

/// The shipped project with Haitian Creole missing a paragraph (partial),
/// French's closing translated from an older English text (stale) and raw
/// HTML in the Spanish closing (an error).
fn project() -> tempfile::TempDir {
    let project = copy_project(&shipped());
    let locales = project.path().join("locales");
    remove_message(&locales.join(format!("ht/{LETTER}.ftl")), "body-dangers");
    edit(
        &locales.join("fr/translated-from.toml"),
        &format!("[{LETTER}.closing]\nsource = \"Sincerely,\""),
        &format!("[{LETTER}.closing]\nsource = \"Yours,\""),
    );
    edit(
        &locales.join(format!("es/{LETTER}.ftl")),
        "closing = Atentamente,",
        "closing = <b>Atentamente</b>,",
    );
    project
}

/// The text of the element that opens at `start` in `page` (its tags removed).
fn text_from(page: &str, start: &str, end: &str) -> String {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {page}"));
    let to = from + page[from..].find(end).unwrap();
    let mut text = String::new();
    for token in html::tokenize(&page[from..to]) {
        if let html::Token::Text(t) = token {
            text.push_str(&html::decode(&t));
        }
    }
    text
}

#[test]
fn dashboard_bars_badges_and_status_show_one_measure_with_stale_and_errors_apart() {
    let project = project();
    let root = project.path();
    let dist = root.join("dist");
    let run = letterkit(root, &["build", "--out", dist.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.transcript());

    let json = letterkit(root, &["status", "--format", "json"]);
    let status: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let row = |locale: &str| {
        status["status"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["locale"] == locale && r["letter"] == LETTER)
            .unwrap()
            .clone()
    };
    let check = letterkit(root, &["check", "--format", "json"]);
    assert_eq!(check.code, 1, "{}", check.transcript());
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();

    let page = fs::read_to_string(dist.join("status/index.html")).unwrap();
    let expected = [("ht", 88, 0, 0), ("fr", 99, 1, 1), ("es", 100, 0, 0)];
    for (locale, percent, stale_percent, stale) in expected {
        let row = row(locale);
        let progress = &row["progress"];
        assert_eq!(
            (
                progress["percent"].as_u64().unwrap(),
                progress["stale_percent"].as_u64().unwrap(),
                row["stale"].as_u64().unwrap(),
            ),
            (percent, stale_percent, stale),
            "{locale}: {row}"
        );
        // The same words: current words of the total.
        let words = format!("{}/{}", progress["words_current"], row["words_total"]);
        let label = if stale == 0 {
            format!("{percent}%")
        } else {
            format!("{percent}% + {stale_percent}% stale")
        };

        // The badge.
        let badge = fs::read_to_string(dist.join(format!("status/{LETTER}-{locale}.svg"))).unwrap();
        assert!(
            badge.contains(&format!(
                "<title>{locale}: {label} of words translated</title>"
            )),
            "{locale}: {badge}"
        );
        let green = percent == 100;
        assert_eq!(badge.contains("#2e7d32"), green, "{locale}: {badge}");

        // The dashboard's row: its figures, its bar and its words.
        let start = format!("<span lang=\"{locale}\" dir=\"ltr\">");
        let at = page
            .match_indices(&start)
            .map(|(at, _)| at)
            .find(|&at| {
                page[..at]
                    .rfind("<th scope=\"row\">")
                    .is_some_and(|th| page[th..at].contains(LETTER))
            })
            .unwrap_or_else(|| panic!("{locale}: no row"));
        let row_html = &page[at..at + page[at..].find("</tr>").unwrap() + "</tr>".len()];
        let cells = text_from(row_html, "<span", "</tr>");
        assert!(cells.contains(&words), "{locale}: {words} in {cells}");
        assert!(cells.ends_with(&label), "{locale}: {label} in {cells}");
        assert!(
            row_html.contains(&format!(
                "class=\"bar-fill\" x=\"0\" y=\"0\" width=\"{percent}\""
            )),
            "{locale}: {row_html}"
        );
        assert_eq!(
            row_html.contains(&format!(
                "class=\"bar-stale\" x=\"{percent}\" y=\"0\" width=\"{stale_percent}\""
            )),
            stale_percent > 0,
            "{locale}: {row_html}"
        );

        // The row's errors and warnings, as check counts them in the letter's file.
        let file = format!("locales/{locale}/{LETTER}.ftl");
        let count = |severity: &str| {
            findings
                .iter()
                .filter(|f| {
                    f["locale"] == locale && f["file"] == file.as_str() && f["severity"] == severity
                })
                .count()
        };
        let (errors, warnings) = (count("error"), count("warning"));
        if errors + warnings == 0 {
            assert!(cells.contains("none"), "{locale}: {cells}");
        } else {
            assert!(
                row_html.contains(&format!("<a href=\"#check-{locale}\">")),
                "{locale}: {row_html}"
            );
        }
        if locale == "es" {
            assert!(errors > 0, "raw HTML is an error: {findings:?}");
            let errors_text = format!("{errors} error");
            assert!(cells.contains(&errors_text), "{errors_text} in {cells}");
        }
    }

    // Each locale's findings under the heading the table links to.
    let es = text_from(&page, "<h3 id=\"check-es\">", "</ul>");
    assert!(es.contains("error raw-html"), "{es}");
    assert!(es.contains(&format!("locales/es/{LETTER}.ftl:")), "{es}");
    let main = &page[page.find("<main>").unwrap()..];
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("dashboard__partial_stale_errors", main);
    });
    assert!(
        html::malformed(&page).is_none(),
        "{:?}",
        html::malformed(&page)
    );
    assert!(!Path::new(&dist.join("status/common-es.svg")).exists());
}
