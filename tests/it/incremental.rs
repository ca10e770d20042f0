//! `letterkit build --incremental`: unchanged files are kept, not rewritten,
//! and the result is the same as a full build's.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::support::{LETTER, copy_project, edit, letterkit, read_tree, shipped};

/// A modification time long past, so that a rewrite shows whatever the
/// file system's time resolution.
fn long_ago() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000)
}

fn age_every_file(dir: &Path) {
    for (relative, _) in read_tree(dir) {
        let file = fs::File::options()
            .write(true)
            .open(dir.join(relative))
            .unwrap();
        file.set_modified(long_ago()).unwrap();
    }
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

/// A copy of the shipped project, built, every output file dated long ago,
/// and the French closing replaced by `closing`.
fn built_then_edited(closing: &str) -> (tempfile::TempDir, PathBuf) {
    let project = copy_project(&shipped());
    let out = project.path().join("dist");
    assert_eq!(letterkit(project.path(), &["build"]).code, 0);
    age_every_file(&out);
    edit(
        &project.path().join("locales/fr/us-mexico-asylum-2023.ftl"),
        "closing =",
        closing,
    );
    (project, out)
}

#[test]
fn an_incremental_build_keeps_unchanged_files_and_rewrites_changed_ones() {
    let (project, out) = built_then_edited("closing = Bien à vous,\n# was:");
    let run = letterkit(project.path(), &["build", "--incremental"]);
    assert_eq!(run.code, 0, "{}", run.transcript());

    let letter = out.join(LETTER);
    assert_eq!(modified(&letter.join("es/letter.txt")), long_ago());
    assert_eq!(modified(&letter.join("es/index.html")), long_ago());
    assert_ne!(modified(&letter.join("fr/letter.txt")), long_ago());
    assert!(
        fs::read_to_string(letter.join("fr/letter.txt"))
            .unwrap()
            .contains("Bien à vous,")
    );

    // The same bytes as a full build of the same input.
    let full = project.path().join("full");
    let run = letterkit(project.path(), &["build", "--out", full.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(read_tree(&out), read_tree(&full));
}

#[test]
fn a_failed_incremental_build_leaves_the_previous_output_untouched() {
    let (project, out) = built_then_edited("closing = Bien à vous,\n# was:");
    // The source loses a message no locale can stand in for.
    crate::support::remove_message(
        &project.path().join("locales/en/us-mexico-asylum-2023.ftl"),
        "closing",
    );
    let before = read_tree(&out);
    let run = letterkit(project.path(), &["build", "--incremental"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert_eq!(read_tree(&out), before);
    assert_eq!(
        modified(&out.join(LETTER).join("es/letter.txt")),
        long_ago()
    );
}
