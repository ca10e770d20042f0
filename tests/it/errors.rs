//! Bad input: a clear message naming the file (and line and column where there
//! is one), exit code 2, never a panic.

use crate::support::{copy_project, edit, fixture, letterkit, remove_message, snapshot_settings};

fn fails(case: &str, args: &[&str], change: impl FnOnce(&std::path::Path)) -> String {
    let project = copy_project(&fixture("small"));
    change(project.path());
    let run = letterkit(project.path(), args);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let transcript = run.transcript();
    snapshot_settings().bind(|| insta::assert_snapshot!(format!("error__{case}"), transcript));
    run.stderr
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let stderr = fails("malformed_toml", &["build"], |p| {
        edit(
            &p.join("content/notice/letter.toml"),
            "subject = \"subject\"",
            "subject = \"subject",
        )
    });
    assert!(
        stderr.starts_with("error: content/notice/letter.toml:2:"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_field_is_refused() {
    let stderr = fails("unknown_field", &["check"], |p| {
        edit(
            &p.join("content/notice/letter.toml"),
            "closing = ",
            "colsing = \"x\"\nclosing = ",
        )
    });
    assert!(stderr.contains("unknown field `colsing`"), "{stderr}");
}

#[test]
fn malformed_fluent_stops_the_build_with_every_position() {
    let stderr = fails("malformed_fluent", &["build"], |p| {
        edit(
            &p.join("locales/es/notice.ftl"),
            "closing = ",
            "closing = {",
        );
        edit(
            &p.join("locales/es/common.ftl"),
            "skip-link = ",
            "skip-link = }",
        );
    });
    assert!(stderr.contains("locales/es/notice.ftl:7:"), "{stderr}");
    assert!(stderr.contains("locales/es/common.ftl:3:"), "{stderr}");
}

#[test]
fn a_non_canonical_locale_tag_is_refused() {
    let stderr = fails("bad_tag", &["build"], |p| {
        edit(&p.join("letterkit.toml"), "tag = \"es\"", "tag = \"es_MX\"")
    });
    assert!(stderr.contains("write `es-MX`"), "{stderr}");
}

#[test]
fn an_unknown_locale_on_the_command_line_is_refused() {
    let stderr = fails("unknown_locale", &["build", "--locale", "pt"], |_| {});
    assert!(stderr.contains("no locale `pt`"), "{stderr}");
}

#[test]
fn a_message_the_source_lacks_is_refused() {
    let stderr = fails("missing_source_message", &["build"], |p| {
        remove_message(&p.join("locales/en/notice.ftl"), "salutation")
    });
    assert!(
        stderr.contains("message `salutation` is needed by content/notice/letter.toml"),
        "{stderr}"
    );
}

#[test]
fn a_missing_source_file_is_refused() {
    let stderr = fails("missing_source_file", &["check"], |p| {
        std::fs::remove_file(p.join("locales/en/common.ftl")).unwrap()
    });
    assert!(
        stderr.contains("locales/en/common.ftl: missing"),
        "{stderr}"
    );
}

#[test]
fn an_output_folder_holding_the_project_is_refused() {
    let project = copy_project(&fixture("small"));
    let run = letterkit(
        project.path(),
        &["build", "--out", project.path().to_str().unwrap()],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("it holds the project itself"),
        "{}",
        run.stderr
    );
    assert!(project.path().join("letterkit.toml").exists());
}

#[test]
fn hostile_nesting_is_refused_or_flattened_never_a_crash() {
    let stderr = fails("deep_placeables", &["check"], |p| {
        let deep = format!(
            "closing = {}\"x\"{}",
            "{".repeat(10_000),
            "}".repeat(10_000)
        );
        edit(
            &p.join("locales/es/notice.ftl"),
            "closing = Atentamente,",
            &deep,
        );
    });
    assert!(stderr.contains("locales/es/notice.ftl:7:"), "{stderr}");

    let project = copy_project(&fixture("small"));
    let deep = format!("closing = {}x{}", "*".repeat(20_000), "*".repeat(20_000));
    edit(
        &project.path().join("locales/es/notice.ftl"),
        "closing = Atentamente,",
        &deep,
    );
    let run = letterkit(project.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
}

#[test]
fn control_characters_in_letter_data_are_refused() {
    let stderr = fails("control_in_data", &["build"], |p| {
        edit(
            &p.join("content/notice/letter.toml"),
            "name = \"Ada Example\"",
            "name = \"Ada\\u202EExample\"",
        );
    });
    assert!(stderr.contains("U+202E"), "{stderr}");
}
