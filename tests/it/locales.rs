//! Locale tags name a known language wherever they enter (letterkit.toml,
//! letter.toml, `locale add`, `--locale`, a tree's folders), with a
//! suggestion when they do not; `locale remove` takes a locale out of the
//! project and keeps every other line of the files it edits.

use std::fs;
use std::path::Path;

use crate::support::{Run, copy_project, edit, fixture, letterkit, letterkit_in};

fn refused(run: &Run, expected: &str) {
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains(expected), "{}", run.transcript());
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

fn ok(project: &Path, args: &[&str]) -> String {
    let run = letterkit(project, args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.transcript());
    run.stdout
}

#[test]
fn a_configured_tag_must_name_a_known_language() {
    for (tag, message) in [
        (
            "english",
            "error: letterkit.toml:10:7: locales: `english` names no known language: `english` is not an ISO 639 language code; did you mean `en` (English)?",
        ),
        (
            "qq",
            "locales: `qq` names no known language: `qq` is not an ISO 639 language code; did you mean `qu` (Quechua)?",
        ),
        (
            "spa",
            "locales: `spa` names no known language: `spa` is not an ISO 639 language code; did you mean `es` (Spanish)?",
        ),
        (
            "nul",
            "locales: `nul` cannot be a locale's folder: Windows reserves the name `nul` for a device",
        ),
        ("con", "locales: `con` cannot be a locale's folder"),
    ] {
        let project = copy_project(&fixture("small"));
        edit(
            &project.path().join("letterkit.toml"),
            "tag = \"es\"",
            &format!("tag = \"{tag}\""),
        );
        for command in ["build", "check"] {
            refused(&letterkit(project.path(), &[command]), message);
        }
    }
}

#[test]
fn a_letters_locale_must_name_a_known_language() {
    let project = copy_project(&fixture("small"));
    let letter = project.path().join("content/notice/letter.toml");
    edit(
        &letter,
        "date = ",
        "locales = [\"en\", \"english\"]\ndate = ",
    );
    refused(
        &letterkit(project.path(), &["build"]),
        "content/notice/letter.toml:2:19: locales: `english` names no known language: `english` is not an ISO 639 language code; did you mean `en` (English)?",
    );
}

#[test]
fn a_tag_given_on_the_command_line_must_name_a_known_language() {
    let project = copy_project(&fixture("small"));
    for (tag, suggestion) in [
        ("english", "`en` (English)"),
        ("qq", "`qu` (Quechua)"),
        ("French", "`fr` (French)"),
    ] {
        let run = letterkit(project.path(), &["locale", "add", tag]);
        refused(&run, &format!("did you mean {suggestion}?"));
        assert!(!project.path().join("locales").join(tag).exists());
        for command in ["build", "check"] {
            let run = letterkit(project.path(), &[command, "--locale", tag]);
            refused(&run, &format!("--locale `{tag}` names no known language"));
            assert!(
                run.stderr.contains(&format!("did you mean {suggestion}?")),
                "{}",
                run.stderr
            );
        }
    }
    refused(
        &letterkit(project.path(), &["locale", "add", "nul"]),
        "`nul` cannot be a locale's folder",
    );
    let config = fs::read_to_string(project.path().join("letterkit.toml")).unwrap();
    assert!(
        !config.contains("english") && !config.contains("nul"),
        "{config}"
    );
}

#[test]
fn a_code_reserved_for_local_use_is_a_language() {
    let project = copy_project(&fixture("small"));
    ok(project.path(), &["locale", "add", "qaa"]);
    assert!(project.path().join("locales/qaa/notice.ftl").is_file());
    ok(project.path(), &["build"]);
    assert!(project.path().join("dist/notice/qaa/index.html").is_file());
}

#[test]
fn a_tree_folder_that_names_no_known_language_is_not_a_locale() {
    let project = copy_project(&fixture("small"));
    let tree = project.path().join("locales");
    fs::create_dir(tree.join("qq")).unwrap();
    fs::copy(tree.join("es/notice.ftl"), tree.join("qq/notice.ftl")).unwrap();
    let run = letterkit_in(
        project.path(),
        &["check", "--locales", "locales", "--source", "en"],
    );
    assert!(
        !run.stdout.contains("qq/notice.ftl"),
        "{}",
        run.transcript()
    );
    assert!(
        format!("{}{}", run.stdout, run.stderr).contains("qq"),
        "the skipped folder is listed: {}",
        run.transcript()
    );
    refused(
        &letterkit_in(
            project.path(),
            &[
                "check",
                "--locales",
                "locales",
                "--source",
                "en",
                "--locale",
                "qq",
            ],
        ),
        "the folder is not a locale: `qq` names no known language: `qq` is not an ISO 639 language code; did you mean `qu` (Quechua)?",
    );
    refused(
        &letterkit_in(
            project.path(),
            &["check", "--locales", "locales", "--source", "qq"],
        ),
        "the folder of the source locale is not a locale: `qq` names no known language",
    );
}

#[test]
fn removing_a_locale_edits_the_configuration_and_letters_and_keeps_the_files() {
    let project = copy_project(&fixture("multi"));
    let root = project.path();
    let config_before = fs::read_to_string(root.join("letterkit.toml")).unwrap();
    let letter = root.join("content/press-freedom-2025/letter.toml");
    let letter_before = fs::read_to_string(&letter).unwrap();

    let out = ok(root, &["locale", "remove", "fr"]);
    assert_eq!(
        out,
        "removed locale fr:\n  edited letterkit.toml\n  edited content/press-freedom-2025/letter.toml\n\
         kept locales/fr/ (2 file(s)): letterkit no longer reads it; move it aside with `letterkit locale remove fr --delete-files`, or delete it\n"
    );
    let config = fs::read_to_string(root.join("letterkit.toml")).unwrap();
    assert_eq!(
        config,
        config_before.replace(
            "[[locales]]\ntag = \"fr\"\nrequired = true\nstatus = \"draft\"\n\n",
            ""
        )
    );
    assert_eq!(
        fs::read_to_string(&letter).unwrap(),
        letter_before.replace(
            "locales = [\"en\", \"es\", \"fr\", \"ht\", \"fa\"]",
            "locales = [\"en\", \"es\", \"ht\", \"fa\"]"
        )
    );
    assert!(root.join("locales/fr/common.ftl").is_file());
    ok(root, &["build"]);
    assert!(root.join("dist/press-freedom-2025/es/index.html").is_file());
    assert!(!root.join("dist/press-freedom-2025/fr").exists());

    // Asked again with --delete-files, the folder goes aside.
    let out = ok(root, &["locale", "remove", "fr", "--delete-files"]);
    assert_eq!(
        out,
        "fr was not in the project\nmoved locales/fr/ (2 file(s)) to locales/.removed/fr/, which letterkit and git ignore; delete it when you are sure\n"
    );
    assert!(!root.join("locales/fr").exists());
    assert!(
        root.join("locales/.removed/fr/press-freedom-2025.ftl")
            .is_file()
    );
    assert_eq!(
        fs::read_to_string(root.join("locales/.removed/.gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some("*")
    );
    ok(root, &["build"]);
    let run = letterkit(root, &["check"]);
    assert_ne!(run.code, 2, "{}", run.transcript());
}

#[test]
fn removing_a_locale_takes_its_comment_and_can_move_its_files_at_once() {
    let project = copy_project(&fixture("multi"));
    let root = project.path();
    let out = ok(root, &["locale", "remove", "uk", "--delete-files"]);
    assert!(
        out.contains("moved locales/uk/ (2 file(s)) to locales/.removed/uk/"),
        "{out}"
    );
    let config = fs::read_to_string(root.join("letterkit.toml")).unwrap();
    assert!(
        !config.contains("Only half of the climate letter"),
        "{config}"
    );
    assert!(!config.contains("\"uk\""), "{config}");
    assert!(
        config.contains("# required: `letterkit check` fails"),
        "{config}"
    );
    assert!(config.contains("[[locales]]\ntag = \"de\"\nrequired = true\nstatus = \"draft\"\n\n[[locales]]\ntag = \"es\""), "{config}");
    let letter =
        fs::read_to_string(root.join("content/coalition-climate-2025/letter.toml")).unwrap();
    assert!(
        letter.contains("locales = [\"en\", \"ar\", \"ja\", \"de\"]"),
        "{letter}"
    );
    ok(root, &["build"]);
    // A second removal of the same tag's new folder does not overwrite the first.
    fs::create_dir(root.join("locales/uk")).unwrap();
    fs::write(
        root.join("locales/uk/common.ftl"),
        "language-name = Українська\n",
    )
    .unwrap();
    let out = ok(root, &["locale", "remove", "uk", "--delete-files"]);
    assert!(out.contains("to locales/.removed/uk-2/"), "{out}");
}

#[test]
fn the_source_locale_and_a_fallback_of_others_are_not_removed() {
    let project = copy_project(&fixture("multi"));
    let root = project.path();
    let config_before = fs::read_to_string(root.join("letterkit.toml")).unwrap();
    refused(
        &letterkit(root, &["locale", "remove", "en", "--delete-files"]),
        "cannot remove `en`: it is the source locale",
    );
    edit(
        &root.join("letterkit.toml"),
        "tag = \"ht\"\nrequired = false\n",
        "tag = \"ht\"\nrequired = false\nfallback = [\"fr\"]\n",
    );
    refused(
        &letterkit(root, &["locale", "remove", "fr"]),
        "cannot remove `fr`: ht fall(s) back to it; take `fr` out of their `fallback` in letterkit.toml first",
    );
    refused(
        &letterkit(root, &["locale", "remove", "it"]),
        "no locale `it` in letterkit.toml (locales: en, ar, ja, de, uk, es, fr, ht, fa, pt-BR)",
    );
    refused(
        &letterkit(root, &["locale", "remove", "english"]),
        "did you mean `en` (English)?",
    );
    let config = fs::read_to_string(root.join("letterkit.toml")).unwrap();
    assert_eq!(
        config,
        config_before.replace(
            "tag = \"ht\"\nrequired = false\n",
            "tag = \"ht\"\nrequired = false\nfallback = [\"fr\"]\n"
        )
    );
    assert!(root.join("locales/en").is_dir() && root.join("locales/fr").is_dir());
}

#[test]
fn a_configuration_letterkit_cannot_edit_safely_is_left_as_it_is() {
    let project = copy_project(&fixture("small"));
    let root = project.path();
    fs::write(
        root.join("letterkit.toml"),
        "source-locale = \"en\"\nlocales = [{ tag = \"en\", required = true, status = \"reviewed\" }, { tag = \"es\", required = true, status = \"draft\" }]\n",
    )
    .unwrap();
    refused(
        &letterkit(root, &["locale", "remove", "es"]),
        "letterkit.toml: cannot take out the [[locales]] table with tag = \"es\" without rewriting the file; take it out by hand",
    );
    assert!(root.join("locales/es").is_dir());
}
