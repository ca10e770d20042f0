//! `letterkit check`: coverage and findings, in human and JSON form.

use crate::support::{
    copy_project, edit, fixture, letterkit, remove_message, shipped, snapshot_settings,
};

#[test]
fn the_shipped_project_is_complete() {
    let run = letterkit(&shipped(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    snapshot_settings().bind(|| insta::assert_snapshot!("check__shipped", run.transcript()));
    let json = letterkit(&shipped(), &["check", "--format", "json"]);
    assert_eq!(json.code, 0);
    snapshot_settings().bind(|| insta::assert_snapshot!("check__shipped__json", json.stdout));
}

#[test]
fn deleting_a_message_lowers_coverage_and_fails_the_check() {
    let project = copy_project(&shipped());
    remove_message(
        &project.path().join("locales/ht/us-mexico-asylum-2023.ftl"),
        "body-dangers",
    );
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("us-mexico-asylum-2023        ht       yes       draft          35/36   97%"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("error: [missing-message] ht: `body-dangers` is not translated")
    );

    let json = letterkit(project.path(), &["check", "--format", "json"]);
    assert_eq!(json.code, 1);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "missing-message");
    assert_eq!(finding["locale"], "ht");
    assert_eq!(finding["message_id"], "body-dangers");
    assert_eq!(finding["file"], "locales/ht/us-mexico-asylum-2023.ftl");
}

fn check_small(case: &str, change: impl FnOnce(&std::path::Path)) -> String {
    let project = copy_project(&fixture("small"));
    change(project.path());
    let run = letterkit(project.path(), &["check"]);
    let transcript = run.transcript();
    snapshot_settings()
        .bind(|| insta::assert_snapshot!(format!("check__small__{case}"), transcript));
    transcript
}

#[test]
fn a_missing_message_is_reported_where_it_belongs() {
    let transcript = check_small("missing_message", |p| {
        remove_message(&p.join("locales/es/notice.ftl"), "demand-open")
    });
    assert!(transcript.starts_with("exit code: 1"));
    assert!(
        transcript.contains("--> locales/es/notice.ftl:5:"),
        "{transcript}"
    );
}

#[test]
fn an_obsolete_message_is_a_warning() {
    let transcript = check_small("obsolete_message", |p| {
        edit(
            &p.join("locales/es/notice.ftl"),
            "closing =",
            "old-closing = Saludos,\nclosing =",
        )
    });
    assert!(transcript.starts_with("exit code: 0"));
    assert!(
        transcript.contains("warning: [obsolete-message] es: `old-closing`"),
        "{transcript}"
    );
}

#[test]
fn a_syntax_error_is_reported_with_line_and_column() {
    let transcript = check_small("syntax_error", |p| {
        edit(
            &p.join("locales/es/notice.ftl"),
            "demand-publish = Publique",
            "demand-publish = { Publique",
        )
    });
    assert!(transcript.starts_with("exit code: 1"));
    assert!(transcript.contains("[syntax-error] es:"), "{transcript}");
    assert!(
        transcript.contains("locales/es/notice.ftl:6:"),
        "{transcript}"
    );
}

#[test]
fn unsafe_content_in_a_translation_is_reported() {
    let transcript = check_small("unsafe_content", |p| {
        edit(
            &p.join("locales/es/notice.ftl"),
            "demand-open = La abra",
            "demand-open = <img src=x onerror=alert(1)> [aquí](javascript:alert(1)) [^nada] La abra",
        )
    });
    assert!(transcript.starts_with("exit code: 1"));
    for code in ["raw-html", "unsafe-link", "unknown-note"] {
        assert!(
            transcript.contains(&format!("[{code}] es:")),
            "{code}: {transcript}"
        );
    }
}

#[test]
fn an_optional_locale_only_warns() {
    let project = copy_project(&fixture("small"));
    edit(
        &project.path().join("letterkit.toml"),
        "tag = \"es\"\nrequired = true",
        "tag = \"es\"\nrequired = false",
    );
    remove_message(&project.path().join("locales/es/notice.ftl"), "closing");
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("warning: [missing-message] es: `closing`")
    );
}

#[test]
fn a_missing_file_is_reported_and_counts_as_untranslated() {
    let project = copy_project(&fixture("small"));
    std::fs::remove_file(project.path().join("locales/es/notice.ftl")).unwrap();
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("error: [missing-file] es: this file is missing"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("notice                       es       yes       draft          14/24   58%"),
        "{}",
        run.stdout
    );
}
