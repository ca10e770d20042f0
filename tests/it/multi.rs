//! One organisation's project with three letters, each in its own languages
//! (`tests/fixtures/multi`): per-letter locales, letter data, the sender,
//! the address's language and coverage per letter with the page text apart.
//!
//! Number findings (`changed-number`) and a letter's own `page-title`
//! (`duplicate-message` on it) are judged elsewhere; these tests leave both
//! out of what they count, so that they hold whatever those checks report.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::support::{copy_project, edit, fixture, letterkit, snapshot_settings};

const COALITION: &str = "coalition-climate-2025";
const PRESS: &str = "press-freedom-2025";
const GARDEN: &str = "community-garden-2025";

/// Each letter with the locales its letter.toml lists.
const LETTERS: [(&str, &[&str]); 3] = [
    (COALITION, &["en", "ar", "ja", "de", "uk"]),
    (PRESS, &["en", "es", "fr", "ht", "fa"]),
    (GARDEN, &["en", "pt-BR"]),
];

const PROJECT_LOCALES: [&str; 10] = [
    "en", "ar", "ja", "de", "uk", "es", "fr", "ht", "fa", "pt-BR",
];

fn check_json(project: &Path) -> serde_json::Value {
    let run = letterkit(project, &["check", "--format", "json"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.transcript());
    serde_json::from_str(&run.stdout).unwrap()
}

/// Findings other than those judged elsewhere (numbers, a letter's own page title).
fn own_findings(report: &serde_json::Value) -> Vec<&serde_json::Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] != "changed-number")
        .filter(|f| !(f["code"] == "duplicate-message" && f["message_id"] == "page-title"))
        .collect()
}

/// The coverage row of `letter` in `locale`: (messages, words, percent).
fn coverage_row(report: &serde_json::Value, letter: &str, locale: &str) -> Option<String> {
    report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["letter"] == letter && row["locale"] == locale)
        .map(|row| {
            format!(
                "{}/{} messages, {}/{} words, {}%",
                row["translated"],
                row["total"],
                row["words_translated"],
                row["words_total"],
                row["percent"]
            )
        })
}

#[test]
fn check_finds_only_the_partial_ukrainian_and_nothing_outside_each_letters_locales() {
    let project = copy_project(&fixture("multi"));
    let report = check_json(project.path());
    let own = own_findings(&report);
    let described: Vec<String> = own
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {}",
                f["severity"].as_str().unwrap(),
                f["code"].as_str().unwrap(),
                f["locale"].as_str().unwrap(),
                f["file"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        described,
        vec!["warning missing-message uk locales/uk/coalition-climate-2025.ftl".to_owned(); 9],
        "the nine messages uk leaves out, and nothing else: {own:#?}"
    );
    // No finding of any kind for a letter in a locale it is not in.
    for finding in report["findings"].as_array().unwrap() {
        let file = finding["file"].as_str().unwrap();
        let locale = finding["locale"].as_str().unwrap();
        for (letter, locales) in LETTERS {
            if file.ends_with(&format!("/{letter}.ftl")) {
                assert!(locales.contains(&locale), "{finding}");
            }
        }
    }
}

#[test]
fn coverage_has_a_row_per_letter_in_its_locales_and_a_page_text_row_per_locale() {
    let project = copy_project(&fixture("multi"));
    let report = check_json(project.path());
    let rows: BTreeSet<(String, String)> = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["letter"].as_str().unwrap().to_owned(),
                row["locale"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut expected = BTreeSet::new();
    for locale in PROJECT_LOCALES {
        expected.insert(("common".to_owned(), locale.to_owned()));
    }
    for (letter, locales) in LETTERS {
        for locale in locales {
            expected.insert((letter.to_owned(), (*locale).to_owned()));
        }
    }
    assert_eq!(rows, expected);
    // The letter's own words: the page text is not added to it.
    assert_eq!(
        coverage_row(&report, COALITION, "uk").as_deref(),
        Some("8/17 messages, 178/251 words, 70%")
    );
    assert_eq!(
        coverage_row(&report, "common", "uk").as_deref(),
        Some("19/19 messages, 107/107 words, 100%")
    );
    assert_eq!(
        coverage_row(&report, GARDEN, "pt-BR").as_deref(),
        Some("5/5 messages, 65/65 words, 100%")
    );

    // The text table shows the page text as a row of its own.
    let run = letterkit(project.path(), &["check", "--locale", "uk"]);
    assert!(
        run.stdout.contains(
            "common                       uk       no        draft          19/19  100%     107/107\n\
             coalition-climate-2025       uk       no        draft           8/17   70%     178/251\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_letter_without_its_translation_file_is_not_translated_at_all() {
    let project = copy_project(&fixture("multi"));
    fs::remove_file(project.path().join("locales/uk/coalition-climate-2025.ftl")).unwrap();
    let report = check_json(project.path());
    assert_eq!(
        coverage_row(&report, COALITION, "uk").as_deref(),
        Some("0/17 messages, 0/251 words, 0%"),
        "the page text no longer lends it coverage"
    );
    assert_eq!(
        coverage_row(&report, "common", "uk").as_deref(),
        Some("19/19 messages, 107/107 words, 100%")
    );
}

#[test]
fn min_coverage_counts_the_letters_own_words() {
    let project = copy_project(&fixture("multi"));
    let config = project.path().join("letterkit.toml");
    edit(
        &config,
        "tag = \"uk\"\nrequired = false",
        "tag = \"uk\"\nrequired = false\nmin-coverage = 75",
    );
    let report = check_json(project.path());
    let low: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "low-coverage")
        .collect();
    assert_eq!(low.len(), 1, "{low:#?}");
    assert_eq!(low[0]["locale"], "uk");
    assert!(
        low[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("coalition-climate-2025 is 70% translated (178/251 words, 8/17 messages"),
        "{}",
        low[0]
    );

    edit(&config, "min-coverage = 75", "min-coverage = 70");
    let report = check_json(project.path());
    assert!(
        !report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "low-coverage"),
        "{report:#}"
    );
}

#[test]
fn build_publishes_each_letter_in_its_own_locales_only() {
    let project = copy_project(&fixture("multi"));
    let run = letterkit(project.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let dist = project.path().join("dist");
    for (letter, locales) in LETTERS {
        for locale in PROJECT_LOCALES {
            let page = dist.join(letter).join(locale).join("index.html");
            assert_eq!(
                page.is_file(),
                locales.contains(&locale),
                "{}",
                page.display()
            );
            let badge = dist.join(format!("status/{letter}-{locale}.svg"));
            assert_eq!(
                badge.is_file(),
                locales.contains(&locale),
                "{}",
                badge.display()
            );
        }
        // The chooser offers the letter's languages, and no other.
        let chooser = fs::read_to_string(dist.join(letter).join("index.html")).unwrap();
        let offered: Vec<&str> = chooser
            .split("<a href=\"")
            .skip(1)
            .filter_map(|link| link.split_once("/index.html\"").map(|(locale, _)| locale))
            .collect();
        assert_eq!(offered, locales, "{chooser}");
    }
    // The dashboard: a page-text row per project locale and a row per letter page.
    let dashboard = fs::read_to_string(dist.join("status/index.html")).unwrap();
    assert_eq!(dashboard.matches("<tr><th scope=\"row\">").count(), 10 + 12);
    assert_eq!(
        dashboard
            .matches("<tr><th scope=\"row\">page text (common.ftl)</th>")
            .count(),
        10
    );
}

#[test]
fn letter_data_sender_and_address_language_reach_the_pages() {
    let project = copy_project(&fixture("multi"));
    let run = letterkit(project.path(), &["build", "--email"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let dist = project.path().join("dist");
    let page = |letter: &str, locale: &str| {
        fs::read_to_string(dist.join(letter).join(locale).join("index.html")).unwrap()
    };

    // Two signatories: Ukrainian's `few`, Arabic's `two`.
    let uk = page(COALITION, "uk");
    assert!(
        uk.contains("<p>2 підписанти цього листа говорять від імені всіх членів коаліції"),
        "{uk}"
    );
    let en = page(COALITION, "en");
    assert!(
        en.contains("The 2 signatories of this letter speak for"),
        "{en}"
    );

    // [variables]: a number in the locale's digits, a string as written.
    let fa = page(PRESS, "fa");
    assert!(fa.contains("۳۷ روزنامه‌نگار"), "{fa}");
    assert!(page(PRESS, "en").contains("counted 37 journalists in detention in"));

    // The French address is French on every page.
    let address = "<bdi lang=\"fr\">Ministère de la Justice et des Libertés publiques</bdi>";
    for locale in ["en", "es", "ht", "fa"] {
        assert!(page(PRESS, locale).contains(address), "{locale}");
    }
    let fr = page(PRESS, "fr");
    assert!(
        fr.contains("Ministère de la Justice et des Libertés publiques")
            && !fr.contains("lang=\"en\">Ministère"),
        "{fr}"
    );

    // The sender: the pages' author and the chooser's heading; the email's
    // From only where the letter gives an address.
    let author = "<meta name=\"author\" content=\"Open Newsroom Alliance\">";
    assert!(fa.contains(author));
    let chooser = fs::read_to_string(dist.join(PRESS).join("index.html")).unwrap();
    assert!(chooser.contains(author));
    assert!(chooser.contains("<p class=\"sender\"><bdi>Open Newsroom Alliance</bdi></p>"));
    assert!(!page(GARDEN, "en").contains("name=\"author\""));
    let email = fs::read_to_string(dist.join(PRESS).join("fr").join("letter.eml")).unwrap();
    assert!(
        email.contains("From: \"Open Newsroom Alliance\" <letters@open-newsroom.example>\r\n"),
        "{email}"
    );
    for letter in [COALITION, GARDEN] {
        let email = fs::read_to_string(dist.join(letter).join("en").join("letter.eml")).unwrap();
        assert!(
            !email.contains("\r\nFrom:") && !email.starts_with("From:"),
            "{email}"
        );
    }
}

#[test]
fn pages_and_text_files_match_their_reviewed_snapshots() {
    let project = copy_project(&fixture("multi"));
    let run = letterkit(project.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let dist = project.path().join("dist");
    let settings = snapshot_settings();
    for (letter, locale, file) in [
        (PRESS, "fa", "index.html"),
        (PRESS, "fr", "letter.txt"),
        (COALITION, "uk", "letter.txt"),
        (GARDEN, "pt-BR", "index.html"),
    ] {
        let text = fs::read_to_string(dist.join(letter).join(locale).join(file)).unwrap();
        let name = format!("multi__{letter}_{locale}_{}", file.replace('.', "_"));
        settings.bind(|| insta::assert_snapshot!(name, text));
    }
    let chooser = fs::read_to_string(dist.join(PRESS).join("index.html")).unwrap();
    settings.bind(|| insta::assert_snapshot!("multi__press-freedom-2025_chooser", chooser));
}

#[test]
fn a_locale_is_added_to_a_letter_and_only_that_letter_gets_its_file() {
    let project = copy_project(&fixture("multi"));
    let root = project.path();
    let run = letterkit(root, &["locale", "add", "pt-BR", "--letter", PRESS]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let toml = fs::read_to_string(root.join("content").join(PRESS).join("letter.toml")).unwrap();
    assert!(
        toml.contains("locales = [\"en\", \"es\", \"fr\", \"ht\", \"fa\", \"pt-BR\"]"),
        "{toml}"
    );
    let scaffold = fs::read_to_string(root.join("locales/pt-BR/press-freedom-2025.ftl")).unwrap();
    assert!(scaffold.contains("# subject = "), "{scaffold}");
    assert!(
        !root
            .join("locales/pt-BR/coalition-climate-2025.ftl")
            .exists()
    );

    // A new project locale for one letter: its files, and no other letter's.
    let run = letterkit(root, &["locale", "add", "it", "--letter", GARDEN]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(root.join("locales/it/common.ftl").is_file());
    assert!(root.join("locales/it/community-garden-2025.ftl").is_file());
    for letter in [COALITION, PRESS] {
        assert!(!root.join(format!("locales/it/{letter}.ftl")).exists());
    }
    // sync scaffolds no file for a letter in a locale it is not in.
    let run = letterkit(root, &["locale", "sync"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!root.join("locales/ja/press-freedom-2025.ftl").exists());
    assert!(!root.join("locales/fr/coalition-climate-2025.ftl").exists());
    assert!(!root.join("locales/it/press-freedom-2025.ftl").exists());

    let report = check_json(root);
    assert_eq!(
        coverage_row(&report, PRESS, "pt-BR").as_deref(),
        Some("0/15 messages, 0/221 words, 0%")
    );
}

#[test]
fn a_letter_listing_a_locale_the_project_lacks_is_a_configuration_error() {
    let project = copy_project(&fixture("multi"));
    let letter = project
        .path()
        .join("content")
        .join(GARDEN)
        .join("letter.toml");
    edit(
        &letter,
        "locales = [\"en\", \"pt-BR\"]",
        "locales = [\"en\", \"pt-BR\", \"it\"]",
    );
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains(
            "content/community-garden-2025/letter.toml:6:28: locales: `it` is not a locale of this project"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_reserved_name_cannot_be_a_letter_variable() {
    let project = copy_project(&fixture("multi"));
    let letter = project
        .path()
        .join("content")
        .join(PRESS)
        .join("letter.toml");
    edit(
        &letter,
        "country = \"Valmont\"",
        "country = \"Valmont\"\nsignatory-count = 3",
    );
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("content/press-freedom-2025/letter.toml:")
            && run.stderr.contains("signatory-count"),
        "{}",
        run.stderr
    );
}
