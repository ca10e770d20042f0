//! Defects of every hidden-character, markup and emptiness kind planted in a
//! copy of the shipped letter's Spanish, each asserted with its code,
//! severity and line:column, as a translator's CI would see it.

use std::fs;
use std::path::Path;

use crate::support::{copy_project, edit, letterkit, shipped};

/// Each finding as `code severity file:line:column`.
fn findings(project: &Path) -> Vec<String> {
    let run = letterkit(project, &["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            let file = file.rsplit('/').next().unwrap_or(file);
            format!(
                "{} {} {}:{}:{}",
                f["code"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                file,
                f["line"],
                f["column"]
            )
        })
        .collect()
}

/// The line (from 1) of the message `id` in `path`, and the column (from
/// 1, in characters) where `marker` starts on it.
fn place(path: &Path, id: &str, marker: &str) -> (usize, usize) {
    let text = fs::read_to_string(path).unwrap();
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with(&format!("{id} =")))
        .unwrap_or_else(|| panic!("no {id}"));
    let at = line.find(marker).unwrap_or_else(|| panic!("no {marker:?}"));
    (index + 1, line[..at].chars().count() + 1)
}

#[test]
fn every_hidden_character_markup_and_empty_value_planted_in_the_letter_is_an_error_at_its_place() {
    let project = copy_project(&shipped());
    let letter = project.path().join("locales/es/us-mexico-asylum-2023.ftl");
    let common = project.path().join("locales/es/common.ftl");
    edit(
        &letter,
        "salutation = Estimado presidente Biden:",
        "salutation = Estimado presidente <strong>Biden</ strong>:",
    );
    edit(
        &letter,
        "recipient-name = Presidente Joseph R. Biden",
        "recipient-name = Presidente Joseph R. Biden{ \"\\u202E\" }",
    );
    edit(
        &letter,
        "subject = Restablecer",
        "subject = Resta\u{AD}blecer",
    );
    edit(
        &letter,
        "body-purpose = En nombre",
        "body-purpose = En\u{E0041}\u{E0042} nombre",
    );
    edit(
        &common,
        "skip-link = Saltar a la carta",
        "skip-link = { \" \" }",
    );
    edit(
        &common,
        "sources-heading = Fuentes",
        "sources-heading = \u{200B}\n-mark = a\n-mark = b",
    );
    let mut expected = Vec::new();
    let at = |path: &Path, id: &str, marker: &str| {
        let (line, column) = place(path, id, marker);
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        format!("{file}:{line}:{column}")
    };
    let (line, _) = place(&letter, "salutation", "salutation");
    let salutation = format!("us-mexico-asylum-2023.ftl:{line}:1");
    expected.push(format!("raw-html error {salutation}"));
    expected.push(format!(
        "bidi-control error {}",
        at(&letter, "recipient-name", "\\u202E")
    ));
    expected.push(format!(
        "invisible-character error {}",
        at(&letter, "subject", "\u{AD}")
    ));
    expected.push(format!(
        "invisible-character error {}",
        at(&letter, "body-purpose", "\u{E0041}")
    ));
    expected.push(format!(
        "empty-value error {}",
        at(&common, "skip-link", "skip-link")
    ));
    expected.push(format!(
        "empty-value error {}",
        at(&common, "sources-heading", "sources-heading")
    ));
    expected.push(format!(
        "invisible-character error {}",
        at(&common, "sources-heading", "\u{200B}")
    ));
    expected.push(format!("duplicate-message error {}", {
        let text = fs::read_to_string(&common).unwrap();
        let line = text.lines().position(|l| l == "-mark = b").unwrap() + 1;
        format!("common.ftl:{line}:2")
    }));
    let found = findings(project.path());
    for wanted in &expected {
        assert!(
            found.contains(wanted),
            "{wanted} is not reported; found:\n{}",
            found.join("\n")
        );
    }
    // The broken closing tag is reported besides the tag Markdown reads.
    let salutation_errors = found
        .iter()
        .filter(|f| **f == format!("raw-html error {salutation}"))
        .count();
    assert!(salutation_errors >= 2, "{found:#?}");
}

#[test]
fn carriage_returns_alone_in_the_letter_are_an_error_at_the_first() {
    let project = copy_project(&shipped());
    let common = project.path().join("locales/es/common.ftl");
    let text = fs::read_to_string(&common).unwrap();
    fs::write(&common, text.replace('\n', "\r")).unwrap();
    let first = text.find('\n').unwrap();
    let column = text[..first].chars().count() + 1;
    let found = findings(project.path());
    assert!(
        found.contains(&format!("line-ending error common.ftl:1:{column}")),
        "{found:#?}"
    );
}
