//! Locale tags, letter names and output folders never lead outside the
//! project or the output folder: each way out is refused with exit 2 and a
//! message naming it, and nothing is written outside.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::support::{Run, copy_project, edit, fixture, letterkit, read_tree};

fn refused(run: &Run, expected: &str) {
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains(expected), "{}", run.transcript());
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// A folder outside the project, with a copy of the Spanish files in it.
fn outside_copy_of(project: &Path, folder: &str) -> tempfile::TempDir {
    let outside = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(project.join(folder)).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), outside.path().join(entry.file_name())).unwrap();
    }
    outside
}

#[test]
fn a_locale_folder_linked_outside_the_project_is_refused() {
    let project = copy_project(&fixture("small"));
    let outside = outside_copy_of(project.path(), "locales/es");
    let es = project.path().join("locales/es");
    fs::remove_dir_all(&es).unwrap();
    symlink(outside.path(), &es).unwrap();
    let before = read_tree(outside.path());
    for args in [&["check"][..], &["build"], &["locale", "sync"]] {
        let run = letterkit(project.path(), args);
        refused(&run, "error: locales/es: this is a link to ");
        assert!(run.stderr.contains("outside the project"), "{}", run.stderr);
    }
    assert_eq!(read_tree(outside.path()), before, "nothing written outside");
    assert!(!project.path().join("dist").exists());
}

#[test]
fn a_fluent_file_linked_outside_the_project_is_refused() {
    let project = copy_project(&fixture("small"));
    let outside = outside_copy_of(project.path(), "locales/es");
    let notice = project.path().join("locales/es/notice.ftl");
    fs::remove_file(&notice).unwrap();
    symlink(outside.path().join("notice.ftl"), &notice).unwrap();
    refused(
        &letterkit(project.path(), &["check"]),
        "error: locales/es/notice.ftl: this is a link to ",
    );
}

#[test]
fn links_inside_the_project_are_followed() {
    let project = copy_project(&fixture("small"));
    let es = project.path().join("locales/es");
    let kept = project.path().join("translations-es");
    fs::rename(&es, &kept).unwrap();
    symlink(&kept, &es).unwrap();
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
}

#[test]
fn a_letter_folder_linked_outside_the_project_is_refused() {
    let project = copy_project(&fixture("small"));
    let outside = outside_copy_of(project.path(), "content/notice");
    symlink(outside.path(), project.path().join("content/linked")).unwrap();
    refused(
        &letterkit(project.path(), &["build"]),
        "error: content/linked/letter.toml: this is a link to ",
    );
    assert!(!project.path().join("dist").exists());
}

#[test]
fn letter_folder_names_that_are_not_plain_are_refused() {
    // A name starting with `.` (`..\\x`) is a hidden folder, never a letter.
    for name in [
        "a\\..\\..\\x",
        "x\\y",
        "Notice",
        "a b",
        "a.b",
        &"x".repeat(101),
    ] {
        let project = copy_project(&fixture("small"));
        let folder = project.path().join("content").join(name);
        fs::create_dir(&folder).unwrap();
        fs::copy(
            project.path().join("content/notice/letter.toml"),
            folder.join("letter.toml"),
        )
        .unwrap();
        let run = letterkit(project.path(), &["build"]);
        refused(&run, "must use only a-z, 0-9 and `-`");
        assert!(!project.path().join("dist").exists(), "{name}");
    }
}

#[test]
fn letter_ids_the_output_uses_or_windows_reserves_are_refused_with_the_reason() {
    for (name, why) in [
        (
            "status",
            "is reserved (the output's `status/` is the translation dashboard)",
        ),
        (
            "static",
            "is reserved (the project's `static/` holds the files copied to the output)",
        ),
        (
            "feeds",
            "is reserved (the output's `feeds/` holds the Atom feeds)",
        ),
        ("index", "is reserved"),
        ("index.fr.html", "is reserved"),
        ("sitemap", "is reserved"),
        (
            "sitemap.xml",
            "is reserved (the output's `sitemap.xml` lists every page)",
        ),
        ("nul", "is a name Windows reserves for a device"),
        ("con", "is a name Windows reserves for a device"),
        ("com1", "is a name Windows reserves for a device"),
        ("LPT1.txt", "is a name Windows reserves for a device"),
        ("trailing.", "must use only a-z, 0-9 and `-`"),
        ("trailing ", "must use only a-z, 0-9 and `-`"),
        ("colon:name", "must use only a-z, 0-9 and `-`"),
    ] {
        let project = copy_project(&fixture("small"));
        let folder = project.path().join("content").join(name);
        fs::create_dir(&folder).unwrap();
        fs::copy(
            project.path().join("content/notice/letter.toml"),
            folder.join("letter.toml"),
        )
        .unwrap();
        for command in [&["build"][..], &["check"]] {
            let run = letterkit(project.path(), command);
            refused(
                &run,
                &format!("content/{name}: the letter id `{name}` {why}"),
            );
        }
        assert!(!project.path().join("dist").exists(), "{name}");
    }
}

#[test]
fn locale_tags_that_are_paths_are_refused() {
    for tag in [
        "../x",
        "..\\x",
        "/etc",
        "es/../../x",
        "es-\u{1}",
        &"a".repeat(300),
    ] {
        let project = copy_project(&fixture("small"));
        let run = letterkit(project.path(), &["build", "--locale", tag]);
        refused(&run, "is not a BCP 47 language tag");
        let run = letterkit(project.path(), &["locale", "add", tag]);
        refused(&run, "is not a BCP 47 language tag");
        assert!(!project.path().join("x").exists());
        assert!(!project.path().parent().unwrap().join("x").exists());
    }
}

#[test]
fn a_configured_tag_that_is_a_path_is_refused_at_its_line() {
    for tag in ["../x", "..\\\\x", "/tmp/x", "es\\u0000"] {
        let project = copy_project(&fixture("small"));
        edit(
            &project.path().join("letterkit.toml"),
            "tag = \"es\"",
            &format!("tag = \"{tag}\""),
        );
        let run = letterkit(project.path(), &["build"]);
        refused(&run, "error: letterkit.toml:10:7: locales: `");
        assert!(run.stderr.contains("is not a BCP 47 language tag"));
    }
}

#[test]
fn an_output_folder_that_is_a_link_is_refused() {
    let project = copy_project(&fixture("small"));
    let elsewhere = tempfile::tempdir().unwrap();
    let theirs = tempfile::tempdir().unwrap();
    fs::write(theirs.path().join("notes.txt"), "mine").unwrap();
    let empty = tempfile::tempdir().unwrap();
    // Links to the project's sources, to someone's folder, to a folder above
    // the project and to an empty folder: each refused, nothing written.
    for (name, target) in [
        ("to-locales", project.path().join("locales")),
        ("to-theirs", theirs.path().to_owned()),
        ("to-above", project.path().parent().unwrap().to_owned()),
        ("to-empty", empty.path().to_owned()),
    ] {
        let link = elsewhere.path().join(name);
        symlink(&target, &link).unwrap();
        let run = letterkit(project.path(), &["build", "--out", link.to_str().unwrap()]);
        refused(&run, "it is a symbolic link");
    }
    assert_eq!(
        fs::read_to_string(theirs.path().join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(fs::read_dir(empty.path()).unwrap().count(), 0);
}

#[test]
fn output_folders_that_cannot_be_replaced_are_refused() {
    for (dir, expected) in [
        ("/", "it holds the project itself"),
        ("..", "it holds the project itself"),
        (".", "it holds the project itself"),
        ("locales/es/site", "inside the project's `locales` folder"),
    ] {
        let project = copy_project(&fixture("small"));
        edit(
            &project.path().join("letterkit.toml"),
            "source-locale = \"en\"",
            &format!("source-locale = \"en\"\noutput-dir = \"{dir}\""),
        );
        let run = letterkit(project.path(), &["build"]);
        refused(&run, expected);
    }
}
