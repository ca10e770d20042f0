//! Input far beyond any real letter is refused with a message, or handled in
//! bounded time and memory: never a hang, never a stack overflow.

use std::fs;
use std::path::Path;

use letterkit::check::check;
use letterkit::ftl::{MAX_FTL_BYTES, MAX_FTL_ENTRIES};
use letterkit::project::Project;
use letterkit::publish::{BuildOptions, render_all};

use crate::support::{Run, copy_project, edit, fixture, letterkit};

/// `build` does not read the file, says why once, and shows its messages in
/// the fallback language (exit 0): the rest of the site is built.
fn refused(run: &Run, expected: &str) {
    assert_eq!(run.code, 0, "{}", run.transcript());
    let warning = run
        .stderr
        .lines()
        .find(|l| l.contains("[unreadable-file]"))
        .unwrap_or_else(|| panic!("{}", run.transcript()));
    assert!(
        warning.starts_with("warning: notice (es): locales/es/notice.ftl:1:1: ")
            && warning.contains(expected),
        "{}",
        run.transcript()
    );
    assert!(
        run.stderr
            .contains("warning: notice (es): `closing` is not translated; shown in en"),
        "{}",
        run.transcript()
    );
}

/// `check` reports the file as an `unreadable-file` finding, saying
/// `expected`, and goes on with the rest (exit 1, nothing on stderr).
fn reported(run: &Run, expected: &str) {
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.is_empty(), "{}", run.transcript());
    assert!(
        run.stdout.contains("error: [unreadable-file] es: "),
        "{}",
        run.transcript()
    );
    assert!(run.stdout.contains(expected), "{}", run.transcript());
    assert!(
        run.stdout.contains("--> locales/es/notice.ftl:"),
        "{}",
        run.transcript()
    );
}

/// Appends `text` to the Spanish letter file of a copy of the small fixture.
fn with_spanish(text: &str) -> tempfile::TempDir {
    let project = copy_project(&fixture("small"));
    let path = project.path().join("locales/es/notice.ftl");
    let mut ftl = fs::read_to_string(&path).unwrap();
    ftl.push_str(text);
    fs::write(&path, ftl).unwrap();
    project
}

#[test]
fn a_fifty_megabyte_fluent_file_is_refused_without_being_read() {
    let project = copy_project(&fixture("small"));
    let file = fs::File::create(project.path().join("locales/es/notice.ftl")).unwrap();
    // Sparse: the size is all that is looked at.
    file.set_len(50 * 1024 * 1024).unwrap();
    refused(
        &letterkit(project.path(), &["build"]),
        "the file has 52428800 bytes; letterkit reads Fluent files of at most 1048576 bytes",
    );
    reported(
        &letterkit(project.path(), &["check"]),
        "the file has 52428800 bytes; letterkit reads Fluent files of at most 1048576 bytes",
    );
}

#[test]
fn a_ten_megabyte_line_is_refused() {
    let line = format!("huge = {}\n", "palabra ".repeat(10 * 1024 * 1024 / 8));
    let project = with_spanish(&line);
    refused(
        &letterkit(project.path(), &["build"]),
        "letterkit reads Fluent files of at most 1048576 bytes",
    );
    reported(
        &letterkit(project.path(), &["check"]),
        "letterkit reads Fluent files of at most 1048576 bytes",
    );
}

#[test]
fn a_hundred_thousand_messages_are_refused() {
    let mut text = String::new();
    for i in 0..100_000 {
        text.push_str(&format!("m{i}=x\n"));
    }
    assert!(text.len() < MAX_FTL_BYTES);
    let project = with_spanish(&text);
    refused(
        &letterkit(project.path(), &["build"]),
        &format!(
            "the file has 100010 entries; letterkit reads Fluent files of at most {MAX_FTL_ENTRIES}: split it"
        ),
    );
    reported(
        &letterkit(project.path(), &["check"]),
        &format!(
            "the file has 100010 entries; letterkit reads Fluent files of at most {MAX_FTL_ENTRIES}: split it"
        ),
    );
}

/// Loads, checks and renders in process: what `check` and `build` do,
/// without printing thousands of findings.
fn check_and_render(project: &Path) -> usize {
    let project = Project::load(project).unwrap();
    let report = check(&project, &[], &[]).unwrap();
    render_all(&project, &BuildOptions::default()).unwrap();
    report.findings.len()
}

#[test]
fn a_file_at_the_limits_is_checked_and_built() {
    // As many messages as a file may hold, each a warning.
    let mut text = String::new();
    for i in 0..MAX_FTL_ENTRIES - 20 {
        text.push_str(&format!("extra-{i} = Mensaje\n"));
    }
    let findings = check_and_render(with_spanish(&text).path());
    assert!(findings >= MAX_FTL_ENTRIES - 20, "{findings}");

    // One line as long as a file may be, in the letter's closing.
    let project = copy_project(&fixture("small"));
    let closing = "palabra *énfasis* [enlace](https://example.org) \u{200B}".repeat(15_000);
    assert!(closing.len() < MAX_FTL_BYTES);
    edit(
        &project.path().join("locales/es/notice.ftl"),
        "closing = Atentamente,",
        &format!("closing = {closing}"),
    );
    assert!(check_and_render(project.path()) >= 15_000);
}

#[test]
fn markdown_nested_ten_thousand_deep_is_flattened() {
    let deep = 10_000;
    let values = [
        format!("{}x{}", "*".repeat(deep), "*".repeat(deep)),
        format!("{}x{}", "_".repeat(deep), "_".repeat(deep)),
        format!(
            "{}x{}",
            "[".repeat(deep),
            "](https://example.org)".repeat(deep)
        ),
        format!(
            "{}x{}",
            "![".repeat(deep),
            "](https://example.org)".repeat(deep)
        ),
        format!("{}x", "<b>".repeat(deep)),
        format!("{}x{}", "`".repeat(deep), "`".repeat(deep)),
        format!("x {}", "> ".repeat(deep)),
        format!("x{}", "\\".repeat(deep)),
    ];
    let project = copy_project(&fixture("small"));
    let es = project.path().join("locales/es/notice.ftl");
    for (id, value) in [
        "closing",
        "salutation",
        "subject",
        "demand-open",
        "demand-publish",
        "signatory-title",
        "signatory-organisation",
        "source-report",
    ]
    .iter()
    .zip(&values)
    {
        let text = fs::read_to_string(&es).unwrap();
        let start = text.find(&format!("{id} = ")).unwrap();
        let end = start + text[start..].find('\n').unwrap();
        fs::write(
            &es,
            format!("{}{id} = {value}{}", &text[..start], &text[end..]),
        )
        .unwrap();
    }
    check_and_render(project.path());
    let run = letterkit(project.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
}

#[test]
fn long_chains_of_references_are_checked_without_overflowing() {
    // Each message refers to the next: deep for any recursive walk.
    let length = MAX_FTL_ENTRIES - 20;
    let mut text = String::new();
    for i in 0..length {
        text.push_str(&format!("chain-{i} = {{ chain-{} }}\n", i + 1));
    }
    text.push_str(&format!("chain-{length} = end\n"));
    let mut terms = String::new();
    for i in 0..length {
        terms.push_str(&format!("-t{i} = {{ -t{} }}\n", i + 1));
    }
    let project = with_spanish(&text);
    check_and_render(project.path());
    let project = with_spanish(&format!("{terms}-t{length} = end\n"));
    check_and_render(project.path());
}
