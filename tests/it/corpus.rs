//! A generated project: it builds, and check reports exactly the messages the
//! generator left out or added.

use std::collections::BTreeSet;

use letterkit::corpus::{self, Spec};

use crate::support::{letterkit, read_tree};

fn generated() -> (tempfile::TempDir, corpus::Corpus) {
    let dir = tempfile::tempdir().unwrap();
    let spec = Spec {
        letters: 3,
        locales: 5,
        seed: 7,
    };
    let corpus = corpus::generate(dir.path(), spec).unwrap();
    (dir, corpus)
}

#[test]
fn a_generated_project_builds_every_page() {
    let (dir, corpus) = generated();
    assert!(!corpus.missing.is_empty() && !corpus.obsolete.is_empty());
    let run = letterkit(dir.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    // Per letter: a page and a text per locale, and the language chooser;
    // then the dashboard, with a badge per letter and locale; then the
    // site's index in each locale.
    let pages = 3 * (5 * 2 + 1) + 1 + 3 * 5 + 5;
    assert!(
        run.stderr.contains(&format!("built {pages} files")),
        "{}",
        run.stderr
    );
    let files = read_tree(&dir.path().join("dist"));
    assert_eq!(files.len(), pages + 1, "the pages and the output marker");
}

#[test]
fn check_reports_the_planted_missing_and_obsolete_messages() {
    let (dir, corpus) = generated();
    let run = letterkit(dir.path(), &["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let found = |code: &str| -> BTreeSet<(String, String, String)> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == code)
            .map(|f| {
                let file = f["file"].as_str().unwrap();
                let letter = file.rsplit('/').next().unwrap().trim_end_matches(".ftl");
                (
                    f["locale"].as_str().unwrap().to_owned(),
                    letter.to_owned(),
                    f["message_id"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let planted = |list: &[corpus::Planted]| -> BTreeSet<(String, String, String)> {
        list.iter()
            .map(|p| (p.locale.clone(), p.letter.clone(), p.id.clone()))
            .collect()
    };
    assert_eq!(found("missing-message"), planted(&corpus.missing));
    assert_eq!(found("obsolete-message"), planted(&corpus.obsolete));
    let codes: BTreeSet<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        BTreeSet::from(["missing-message", "obsolete-message"]),
        "nothing else is wrong in a generated project"
    );
}

#[test]
fn reading_letter_by_letter_builds_and_checks_exactly_what_reading_everything_does() {
    use letterkit::check;
    use letterkit::project::Project;
    use letterkit::publish::{self, BuildOptions};

    let (dir, _) = generated();
    // The shipped project has translation locks: the dashboard's stale
    // counts come from them.
    for root in [dir.path().to_owned(), crate::support::shipped()] {
        let whole = Project::load(&root).unwrap();
        let deferred = Project::load_deferred(&root).unwrap();
        let some = BuildOptions {
            letters: vec![whole.letters[0].name.clone()],
            ..BuildOptions::default()
        };
        for options in [BuildOptions::default(), some] {
            let (files, fallbacks) = publish::render_all(&whole, &options).unwrap();
            let (read_later, later_fallbacks) = publish::render_all(&deferred, &options).unwrap();
            assert_eq!(
                files.keys().collect::<Vec<_>>(),
                read_later.keys().collect::<Vec<_>>()
            );
            assert!(
                files == read_later,
                "{}: the same paths, other bytes",
                root.display()
            );
            assert_eq!(fallbacks, later_fallbacks);
        }
        let report = check::check(&whole, &[], &[]).unwrap();
        let read_later = check::check(&deferred, &[], &[]).unwrap();
        assert_eq!(report.findings, read_later.findings);
        assert_eq!(report.coverage, read_later.coverage);
    }
}
