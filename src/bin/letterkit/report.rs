//! Printing for people: the check report with source snippets, then the
//! coverage (the library writes the formats for machines, in
//! `letterkit::check::output`); and the status table and document.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use letterkit::check::{Finding, Report};
use letterkit::code::{Code, Severity};
use letterkit::status;
use rayon::prelude::*;
use serde::Serialize;

use crate::terminal::{self, escape, escape_lines};

/// How much of the report for people is shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shown {
    /// Only the table of counts by locale and code, and the verdict.
    pub summary: bool,
    /// At most this many findings of each code in each locale.
    pub max_per_code: Option<usize>,
}

/// Writes the report for people: the findings with snippets, the coverage,
/// the counts of findings by locale and code, and the verdict. `root` is the
/// project folder, to show snippets; `styled`, whether they are coloured.
pub fn human(
    report: &Report,
    root: &Path,
    fails: bool,
    styled: bool,
    shown: Shown,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if !shown.summary {
        // At most `max_per_code` of each code in each locale, in report order.
        let mut seen: BTreeMap<(&str, Code), usize> = BTreeMap::new();
        let mut hidden = 0;
        let kept: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| {
                let count = seen.entry((f.locale.as_str(), f.code)).or_default();
                *count += 1;
                let keep = shown.max_per_code.is_none_or(|max| *count <= max);
                hidden += usize::from(!keep);
                keep
            })
            .collect();
        // Findings come file by file: each file is read once for its snippets,
        // and files are rendered in parallel, then written in order.
        let by_file: Vec<&[&Finding]> = kept
            .chunk_by(|a, b| a.location.file == b.location.file)
            .collect();
        let rendered: Vec<String> = by_file
            .par_iter()
            .map(|findings| render_findings(findings, root, styled))
            .collect();
        for text in rendered {
            out.write_all(text.as_bytes())?;
        }
        if let (Some(max), 1..) = (shown.max_per_code, hidden) {
            writeln!(
                out,
                "{hidden} more finding{} not shown (at most {max} of each code in each locale); the table below counts them all\n",
                if hidden == 1 { "" } else { "s" }
            )?;
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
                escape(&row.letter),
                escape(&row.locale),
                if row.required { "yes" } else { "no" },
                row.status.as_str(),
                format!("{}/{}", row.translated, row.total),
                row.percent(),
                format!("{}/{}", row.words_translated, row.words_total),
            )?;
        }
        writeln!(out)?;
    }
    counts_table(report, out)?;
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

/// The table of findings by locale (a row each, in report order, with its
/// errors and warnings) and code (a column for each code found, `-` for
/// none), and their totals.
fn counts_table(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let mut locales: Vec<&str> = Vec::new();
    for tag in (report.coverage.iter().map(|c| c.locale.as_str()))
        .chain(report.findings.iter().map(|f| f.locale.as_str()))
    {
        if !locales.contains(&tag) {
            locales.push(tag);
        }
    }
    let mut counts: BTreeMap<(&str, Code), usize> = BTreeMap::new();
    let mut severities: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for finding in &report.findings {
        *counts.entry((&finding.locale, finding.code)).or_default() += 1;
        *severities
            .entry((&finding.locale, finding.severity))
            .or_default() += 1;
    }
    let codes: Vec<Code> = Code::ALL
        .into_iter()
        .filter(|code| counts.keys().any(|(_, c)| c == code))
        .collect();
    let tags: Vec<String> = locales.iter().map(|t| escape(t).into_owned()).collect();
    let width = tags
        .iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let cell = |n: usize| {
        if n == 0 {
            "-".to_owned()
        } else {
            n.to_string()
        }
    };
    let mut header = format!("{:<width$} {:>7} {:>8}", "locale", "errors", "warnings");
    for code in &codes {
        header.push_str(&format!("  {}", code.as_str()));
    }
    writeln!(out, "{header}")?;
    let mut row = |label: &str, of: &dyn Fn(Option<Code>, Option<Severity>) -> usize| {
        let mut line = format!(
            "{label:<width$} {:>7} {:>8}",
            cell(of(None, Some(Severity::Error))),
            cell(of(None, Some(Severity::Warning)))
        );
        for code in &codes {
            let name = code.as_str().len();
            line.push_str(&format!("  {:>name$}", cell(of(Some(*code), None))));
        }
        writeln!(out, "{}", line.trim_end())
    };
    for (tag, shown) in locales.iter().zip(&tags) {
        row(shown, &|code, severity| match (code, severity) {
            (Some(code), _) => counts.get(&(*tag, code)).copied().unwrap_or(0),
            (None, Some(severity)) => severities.get(&(*tag, severity)).copied().unwrap_or(0),
            (None, None) => 0,
        })?;
    }
    if locales.len() > 1 {
        row("total", &|code, severity| match (code, severity) {
            (Some(code), _) => counts
                .iter()
                .filter(|((_, c), _)| *c == code)
                .map(|(_, n)| n)
                .sum(),
            (None, Some(severity)) => report.count(severity),
            (None, None) => 0,
        })?;
    }
    Ok(())
}

/// The findings of one file, each with a snippet of the lines it points at.
fn render_findings(findings: &[&Finding], root: &Path, styled: bool) -> String {
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
        // Names and translations in a message, and the file's lines, may
        // hold escape sequences: shown, never obeyed.
        let title = format!(
            "[{}] {}: {}",
            finding.code.as_str(),
            escape(&finding.locale),
            escape(&finding.message)
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
                let path = terminal::path(&location.file);
                let lines = &text[first..last];
                let shown = escape_lines(lines);
                // An offset in the lines, in the lines as shown.
                let at = |offset: usize| match shown {
                    std::borrow::Cow::Borrowed(_) => offset,
                    std::borrow::Cow::Owned(_) => escape_lines(&lines[..offset]).len(),
                };
                let mut snippet = Snippet::source(&*shown)
                    .line_start(location.line)
                    .path(&path)
                    .annotation(
                        AnnotationKind::Primary.span(at(span.start - first)..at(end - first)),
                    );
                if let Some(stopped) = stopped {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(at(stopped.start - first)..at(stopped.end - first))
                            .label("the parser stopped here"),
                    );
                }
                let group = level.primary_title(&title).element(snippet);
                renderer.render(&[group]).to_string()
            }
            _ => format!(
                "{}: {title}\n  --> {}",
                finding.severity.as_str(),
                escape(&location.to_string())
            ),
        };
        out.push_str(&rendered);
        out.push_str("\n\n");
    }
    out
}

/// Writes the status table: messages and words translated and current, stale
/// translations, and the progress in words as the dashboard and badges show it.
pub fn status_table(rows: &[status::Row], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<28} {:<8} {:>9} {:>11} {:>5}  {:<9} {:<9} {:>10}  progress",
        "letter", "locale", "messages", "words", "stale", "state", "review", "words left"
    )?;
    for row in rows {
        let progress = row.progress_label();
        writeln!(
            out,
            "{:<28} {:<8} {:>9} {:>11} {:>5}  {:<9} {:<9} {:>10}  {progress}",
            escape(&row.coverage.letter),
            escape(&row.coverage.locale),
            format!("{}/{}", row.progress.messages_current, row.coverage.total),
            format!(
                "{}/{}",
                row.progress.words_current, row.coverage.words_total
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
