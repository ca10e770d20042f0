//! Printing for people: the check report with source snippets, then the
//! coverage (the library writes the formats for machines, in
//! `letterkit::check::output`); and the status table and document.

use std::fs;
use std::io::Write;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use letterkit::check::{Finding, Report};
use letterkit::code::Severity;
use letterkit::status;
use rayon::prelude::*;
use serde::Serialize;

/// Writes the report for people. `root` is the project folder, to show
/// snippets; `styled`, whether they are coloured.
pub fn human(
    report: &Report,
    root: &Path,
    fails: bool,
    styled: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // Findings come file by file: each file is read once for its snippets,
    // and files are rendered in parallel, then written in order.
    let by_file: Vec<&[Finding]> = report
        .findings
        .chunk_by(|a, b| a.location.file == b.location.file)
        .collect();
    let rendered: Vec<String> = by_file
        .par_iter()
        .map(|findings| render_findings(findings, root, styled))
        .collect();
    for text in rendered {
        out.write_all(text.as_bytes())?;
    }

    writeln!(
        out,
        "{:<28} {:<8} {:<9} {:<9} {:>16} {:>11}",
        "letter", "locale", "required", "status", "translated", "words"
    )?;
    for row in &report.coverage {
        writeln!(
            out,
            "{:<28} {:<8} {:<9} {:<9} {:>10} {:>4}% {:>11}",
            row.letter,
            row.locale,
            if row.required { "yes" } else { "no" },
            row.status.as_str(),
            format!("{}/{}", row.translated, row.total),
            row.percent(),
            format!("{}/{}", row.words_translated, row.words_total),
        )?;
    }
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let waived = match report.waived {
        0 => String::new(),
        n => format!(", {n} waived"),
    };
    writeln!(
        out,
        "\n{}: {errors} error{}, {warnings} warning{}{waived}",
        if fails {
            "check failed"
        } else {
            "check passed"
        },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    )
}

/// The findings of one file, each with a snippet of the lines it points at.
fn render_findings(findings: &[Finding], root: &Path, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let Some(first) = findings.first() else {
        return out;
    };
    // Checked as UTF-8 in place, by the same vectorised check as loading.
    let bytes = fs::read(root.join(&first.location.file)).ok();
    let text = bytes
        .as_deref()
        .and_then(|bytes| simdutf8::basic::from_utf8(bytes).ok());
    for finding in findings {
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
        let rendered = match (text, &location.span) {
            // A place at the very end of the file (where a missing message
            // belongs) has no character to point at: the location says it.
            (Some(text), Some(span)) if span.start < text.len() => {
                let end = if span.is_empty() {
                    let next = text[span.start..].chars().next().map_or(0, char::len_utf8);
                    span.start + next
                } else {
                    span.end
                };
                // Where a syntax error's parser stopped, past the entry or
                // inside it, is pointed at too.
                let stopped = finding
                    .extent
                    .as_ref()
                    .map(|e| text.floor_char_boundary(e.stopped_offset))
                    .filter(|&at| at < text.len());
                let stopped = stopped.map(|at| {
                    let next = text[at..].chars().next().map_or(0, char::len_utf8);
                    at..at + next
                });
                let through = stopped.as_ref().map_or(end, |s| s.end.max(end));
                // Only the lines the span covers, so that a finding in a
                // large file costs what its lines cost.
                let first = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
                let last = text[through..]
                    .find('\n')
                    .map_or(text.len(), |i| through + i);
                let path = location.file.display().to_string();
                let mut snippet = Snippet::source(&text[first..last])
                    .line_start(location.line)
                    .path(&path)
                    .annotation(AnnotationKind::Primary.span(span.start - first..end - first));
                if let Some(stopped) = stopped {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(stopped.start - first..stopped.end - first)
                            .label("the parser stopped here"),
                    );
                }
                let group = level.primary_title(&title).element(snippet);
                renderer.render(&[group]).to_string()
            }
            _ => format!("{}: {title}\n  --> {location}", finding.severity.as_str()),
        };
        out.push_str(&rendered);
        out.push_str("\n\n");
    }
    out
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
            format!(
                "{}/{}",
                row.coverage.words_translated, row.coverage.words_total
            ),
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
