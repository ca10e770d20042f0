//! Printing check reports: human (findings with source snippets, then coverage)
//! and JSON (one document).

use std::fs;
use std::io::Write;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use letterkit::check::{Report, Severity};
use letterkit::status;
use serde::Serialize;

/// Writes the report for people. `root` is the project folder, to show snippets.
pub fn human(report: &Report, root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    let renderer = Renderer::styled();
    // Findings come file by file: each file is read once for its snippets.
    let mut read: Option<(&Path, Option<String>)> = None;
    for finding in &report.findings {
        let level = match finding.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = format!(
            "[{}] {}: {}",
            finding.code.as_str(),
            finding.locale,
            finding.message
        );
        let location = &finding.location;
        if read.as_ref().is_none_or(|(file, _)| *file != location.file) {
            read = Some((
                &location.file,
                fs::read_to_string(root.join(&location.file)).ok(),
            ));
        }
        let text = read.as_ref().and_then(|(_, text)| text.as_ref());
        let rendered = match (text, &location.span) {
            (Some(text), Some(span)) if !text.is_empty() => {
                let end = if span.is_empty() {
                    let next = text[span.start..].chars().next().map_or(0, char::len_utf8);
                    span.start + next
                } else {
                    span.end
                };
                let path = location.file.display().to_string();
                let group = level.primary_title(&title).element(
                    Snippet::source(text.as_str())
                        .path(&path)
                        .annotation(AnnotationKind::Primary.span(span.start..end)),
                );
                renderer.render(&[group]).to_string()
            }
            _ => format!("{}: {title}\n  --> {location}", finding.severity.as_str()),
        };
        writeln!(out, "{rendered}\n")?;
    }

    writeln!(
        out,
        "{:<28} {:<8} {:<9} {:<9} {:>16}",
        "letter", "locale", "required", "status", "translated"
    )?;
    for row in &report.coverage {
        writeln!(
            out,
            "{:<28} {:<8} {:<9} {:<9} {:>10} {:>4}%",
            row.letter,
            row.locale,
            if row.required { "yes" } else { "no" },
            row.status.as_str(),
            format!("{}/{}", row.translated, row.total),
            row.percent()
        )?;
    }
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    writeln!(
        out,
        "\n{}: {errors} error{}, {warnings} warning{}",
        if errors > 0 {
            "check failed"
        } else {
            "check passed"
        },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    )
}

#[derive(Serialize)]
struct JsonReport<'r> {
    version: u32,
    ok: bool,
    errors: usize,
    warnings: usize,
    coverage: Vec<JsonCoverage<'r>>,
    findings: &'r [letterkit::check::Finding],
}

#[derive(Serialize)]
struct JsonCoverage<'r> {
    #[serde(flatten)]
    coverage: &'r letterkit::check::Coverage,
    percent: usize,
}

/// Writes the report as one JSON document.
pub fn json(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let document = JsonReport {
        version: 1,
        ok: !report.has_errors(),
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        coverage: report
            .coverage
            .iter()
            .map(|coverage| JsonCoverage {
                coverage,
                percent: coverage.percent(),
            })
            .collect(),
        findings: &report.findings,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

/// Writes the status table.
pub fn status_table(rows: &[status::Row], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<28} {:<8} {:>9} {:>11} {:>5}  {:<9} {:<9} {:>10}",
        "letter", "locale", "messages", "words", "stale", "state", "review", "words left"
    )?;
    for row in rows {
        writeln!(
            out,
            "{:<28} {:<8} {:>9} {:>11} {:>5}  {:<9} {:<9} {:>10}",
            row.coverage.letter,
            row.coverage.locale,
            format!("{}/{}", row.coverage.translated, row.coverage.total),
            format!("{}/{}", row.words_translated, row.words_total),
            row.stale,
            row.state.as_str(),
            if row.state == status::State::Source {
                "-"
            } else {
                row.coverage.status.as_str()
            },
            row.words_left()
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonRow<'r> {
    #[serde(flatten)]
    row: &'r status::Row,
    words_left: usize,
}

/// Writes the status as one JSON document.
pub fn status_json(rows: &[status::Row], out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<JsonRow<'_>> = rows
        .iter()
        .map(|row| JsonRow {
            row,
            words_left: row.words_left(),
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut *out,
        &serde_json::json!({ "version": 1, "status": rows }),
    )?;
    writeln!(out)
}
