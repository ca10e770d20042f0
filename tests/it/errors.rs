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
        stderr.starts_with("error: content/notice/letter.toml:3:"),
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
fn malformed_fluent_falls_back_in_the_build_with_every_position() {
    let project = copy_project(&fixture("small"));
    let p = project.path();
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
    // The broken entries are shown in English; the rest is published.
    let run = letterkit(p, &["build"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let stderr = run.stderr;
    assert!(stderr.contains("locales/es/notice.ftl:7:"), "{stderr}");
    assert!(stderr.contains("locales/es/common.ftl:3:"), "{stderr}");
    assert!(stderr.contains("[syntax-error]"), "{stderr}");
    // A required locale: check fails.
    assert_eq!(letterkit(p, &["check"]).code, 1);
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
        stderr.contains("error: content/notice/letter.toml:4:15: message `salutation` is needed by the letter but the source locale's locales/en/notice.ftl does not define it"),
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
fn an_output_folder_with_files_no_build_wrote_is_refused_and_kept() {
    let project = copy_project(&fixture("small"));
    let out = tempfile::tempdir().unwrap();
    let notes = out.path().join("notes.txt");
    std::fs::write(&notes, "my notes").unwrap();
    let run = letterkit(
        project.path(),
        &["build", "--out", out.path().to_str().unwrap()],
    );
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("no letterkit build wrote"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes");

    let inside_content = project.path().join("content/site");
    let run = letterkit(
        project.path(),
        &["build", "--out", inside_content.to_str().unwrap()],
    );
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("inside the project's `content` folder"),
        "{}",
        run.stderr
    );
    assert!(!inside_content.exists());
}

#[test]
fn a_file_letterkit_did_not_write_stops_the_build_and_stays() {
    let project = copy_project(&fixture("small"));
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    let dist_arg = dist.to_str().unwrap();
    assert_eq!(
        letterkit(project.path(), &["build", "--out", dist_arg]).code,
        0
    );
    assert!(dist.join(".letterkit-output").is_file());
    std::fs::write(dist.join("CNAME"), "letters.example").unwrap();
    let run = letterkit(project.path(), &["build", "--out", dist_arg]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("CNAME"), "{}", run.stderr);
    assert!(run.stderr.contains("`static/`"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dist.join("CNAME")).unwrap(),
        "letters.example"
    );
    // Moved out, the build goes on.
    std::fs::remove_file(dist.join("CNAME")).unwrap();
    assert_eq!(
        letterkit(project.path(), &["build", "--out", dist_arg]).code,
        0
    );
    assert!(dist.join("notice/en/index.html").is_file());
}

#[test]
fn a_letter_folder_without_letter_toml_is_named() {
    let stderr = fails("letter_folder_without_toml", &["check"], |p| {
        std::fs::create_dir(p.join("content/draft-letter")).unwrap();
    });
    assert!(
        stderr.contains("content/draft-letter/letter.toml"),
        "{stderr}"
    );
}

#[test]
fn hostile_nesting_is_refused_or_flattened_never_a_crash() {
    // Nested past the limit: the file is not read, and shown in English.
    let project = copy_project(&fixture("small"));
    let deep = format!(
        "closing = {}\"x\"{}",
        "{".repeat(10_000),
        "}".repeat(10_000)
    );
    edit(
        &project.path().join("locales/es/notice.ftl"),
        "closing = Atentamente,",
        &deep,
    );
    let run = letterkit(project.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: notice (es): locales/es/notice.ftl:7:43: placeables nested more than 32 deep"
        ),
        "{}",
        run.stderr
    );

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

#[test]
fn a_byte_order_mark_is_accepted_and_other_encodings_are_located() {
    let project = copy_project(&fixture("small"));
    let es = project.path().join("locales/es/notice.ftl");
    let text = std::fs::read_to_string(&es).unwrap();
    std::fs::write(&es, format!("\u{FEFF}{text}")).unwrap();
    let run = letterkit(project.path(), &["check", "--locale", "es"]);
    assert_eq!(run.code, 0, "{}", run.transcript());

    // A translation's file in another encoding: located, and its messages
    // shown in the fallback language; the rest is built.
    let es = project.path().join("locales/es/notice.ftl");
    let mut bytes = std::fs::read(&es).unwrap();
    let at = bytes.windows(2).position(|w| w == "í".as_bytes()).unwrap();
    bytes.splice(at..at + 2, [0xed]);
    std::fs::write(&es, bytes).unwrap();
    let build = letterkit(project.path(), &["build"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    let warning = build
        .stderr
        .lines()
        .find(|l| l.contains("[unreadable-file]"))
        .unwrap_or_else(|| panic!("{}", build.stderr));
    assert!(
        warning.starts_with("warning: notice (es): locales/es/notice.ftl:")
            && warning.contains("not UTF-8")
            && warning.ends_with("what it spoils is shown in the fallback language"),
        "{warning}"
    );
    let page = std::fs::read_to_string(project.path().join("dist/notice/es/index.html")).unwrap();
    assert!(page.contains("<html lang=\"es\""), "{page}");
    assert!(
        page.contains("class=\"fallback\" lang=\"en\""),
        "the letter's messages are the English ones: {page}"
    );
    // check still fails on it.
    let check = letterkit(project.path(), &["check"]);
    assert_eq!(check.code, 1, "{}", check.transcript());
    assert!(
        check.stdout.contains("unreadable-file"),
        "{}",
        check.transcript()
    );
}

/// The first line of what the binary printed for a project broken by
/// `change`, after asserting exit code 2 and no panic.
fn first_error(args: &[&str], change: impl FnOnce(&std::path::Path)) -> String {
    let project = copy_project(&fixture("small"));
    change(project.path());
    let run = letterkit(project.path(), args);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.stderr.lines().next().unwrap_or_default().to_owned()
}

const LETTER_TOML: &str = "content/notice/letter.toml";

#[test]
fn every_input_error_names_its_file_line_and_column() {
    let cases: [(&str, &str, &str, &str, &str); 9] = [
        (
            LETTER_TOML,
            "date = 2024-03-01",
            "date = 2024-03-01T10:00:00",
            "build",
            "error: content/notice/letter.toml:2:8: date must be a date alone, such as 2023-01-06",
        ),
        (
            LETTER_TOML,
            "date = 2024-03-01",
            "date = 2023-02-29",
            "build",
            "error: content/notice/letter.toml:2:8: invalid date, expected day between 01 and 28",
        ),
        (
            LETTER_TOML,
            "url = \"https://example.org/report\"",
            "url = \"javascript:alert(1)\"",
            "check",
            "error: content/notice/letter.toml:24:8: source `report`: `javascript:alert(1)` is not an https, http or mailto address",
        ),
        (
            LETTER_TOML,
            "closing = ",
            "colsing = \"x\"\nclosing = ",
            "build",
            "error: content/notice/letter.toml:5:1: unknown field `colsing`, expected one of",
        ),
        (
            LETTER_TOML,
            "id = \"report\"",
            "id = \"Report\"",
            "build",
            "error: content/notice/letter.toml:23:7: source id `Report` must use only a-z, 0-9 and `-`",
        ),
        (
            "letterkit.toml",
            "status = \"draft\"",
            "status = \"draft\"\n\n[[locales]]\ntag = \"es\"\nstatus = \"draft\"",
            "check",
            "error: letterkit.toml:15:7: locales: `es` is listed twice",
        ),
        (
            "letterkit.toml",
            "required = true",
            "required = \"yes\"",
            "build",
            "error: letterkit.toml:6:12: invalid type: string \"yes\", expected a boolean",
        ),
        (
            "letterkit.toml",
            "status = \"draft\"",
            "status = \"draft\"\nfallback = [\"pt\"]",
            "build",
            "error: letterkit.toml:13:13: locales.es.fallback: `pt` is not a locale of this project",
        ),
        (
            "letterkit.toml",
            "source-locale = \"en\"",
            "source-locale = \"de\"",
            "check",
            "error: letterkit.toml:2:17: source-locale `de` must also be listed under [[locales]]",
        ),
    ];
    for (file, from, to, command, expected) in cases {
        let line = first_error(&[command], |p| edit(&p.join(file), from, to));
        assert!(
            line.starts_with(expected),
            "{to:?}:\n{line}\nnot\n{expected}"
        );
    }
}

#[test]
fn an_unreadable_file_is_named_with_the_reason() {
    let line = first_error(&["build"], |p| {
        std::fs::remove_file(p.join(LETTER_TOML)).unwrap();
        std::fs::create_dir(p.join(LETTER_TOML)).unwrap();
    });
    assert_eq!(
        line,
        "error: cannot read content/notice/letter.toml: Is a directory (os error 21)"
    );
}

#[test]
fn a_folder_without_a_project_is_named() {
    let empty = tempfile::tempdir().unwrap();
    let run = letterkit(empty.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("has no letterkit.toml"),
        "{}",
        run.stderr
    );
}
