//! Printing check reports: human (findings with source snippets, then
//! coverage), JSON (one versioned document), GitHub workflow commands, SARIF
//! 2.1.0 and JUnit XML; and the status table.

use std::fs;
use std::io::Write;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use letterkit::check::{Code, Finding, Report, Severity};
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
                // Only the lines the span covers, so that a finding in a
                // large file costs what its lines cost.
                let first = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
                let last = text[end..].find('\n').map_or(text.len(), |i| end + i);
                let path = location.file.display().to_string();
                let group = level.primary_title(&title).element(
                    Snippet::source(&text[first..last])
                        .line_start(location.line)
                        .path(&path)
                        .annotation(AnnotationKind::Primary.span(span.start - first..end - first)),
                );
                renderer.render(&[group]).to_string()
            }
            _ => format!("{}: {title}\n  --> {location}", finding.severity.as_str()),
        };
        out.push_str(&rendered);
        out.push_str("\n\n");
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'r> {
    version: u32,
    ok: bool,
    errors: usize,
    warnings: usize,
    waived: usize,
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
pub fn json(report: &Report, fails: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let document = JsonReport {
        version: 1,
        ok: !fails,
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        waived: report.waived,
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

/// Writes GitHub Actions workflow commands: one `::error` or `::warning`
/// annotation per finding, then the coverage and the verdict as log lines.
pub fn github(report: &Report, fails: bool, out: &mut dyn Write) -> std::io::Result<()> {
    for finding in &report.findings {
        let location = &finding.location;
        writeln!(
            out,
            "::{} file={},line={},col={},title={}::{}",
            finding.severity.as_str(),
            escape_property(&location.file.to_string_lossy()),
            location.line,
            location.column,
            escape_property(&format!("{} ({})", finding.code.as_str(), finding.locale)),
            escape_data(&finding.message)
        )?;
    }
    for row in &report.coverage {
        writeln!(
            out,
            "coverage {} {}: {}/{} ({}%)",
            row.letter,
            row.locale,
            row.translated,
            row.total,
            row.percent()
        )?;
    }
    writeln!(
        out,
        "{}: {} errors, {} warnings, {} waived",
        if fails {
            "check failed"
        } else {
            "check passed"
        },
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.waived
    )
}

/// A workflow command's message, escaped as the runner reads it.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped as the runner reads it.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Writes SARIF 2.1.0: one run, a rule per code, a result per finding, with
/// columns counted in Unicode code points as letterkit counts them.
pub fn sarif(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let rules: Vec<serde_json::Value> = Code::ALL
        .iter()
        .map(|code| {
            serde_json::json!({
                "id": code.as_str(),
                "shortDescription": { "text": code.description() },
                "helpUri": "https://github.com/letterkit/letterkit/blob/main/README.md#check",
                "defaultConfiguration": { "level": sarif_level(code.default_severity()) },
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|finding| {
            let location = &finding.location;
            let mut properties = serde_json::json!({ "locale": finding.locale });
            if let Some(id) = &finding.message_id {
                properties["messageId"] = serde_json::json!(id);
            }
            serde_json::json!({
                "ruleId": finding.code.as_str(),
                "ruleIndex": Code::ALL.iter().position(|c| *c == finding.code),
                "level": sarif_level(finding.severity),
                "message": { "text": finding.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": location.file.to_string_lossy().replace('\\', "/"),
                            "uriBaseId": "%SRCROOT%",
                        },
                        "region": { "startLine": location.line, "startColumn": location.column },
                    }
                }],
                "properties": properties,
            })
        })
        .collect();
    let document = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "letterkit",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/letterkit/letterkit",
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A JUnit test suite: a locale's files, each with its findings.
struct Suite<'r> {
    locale: &'r str,
    cases: Vec<(String, Vec<&'r Finding>)>,
}

/// Writes JUnit XML: a test suite per locale, a test case per file checked,
/// failing with the file's errors; its warnings go to the case's output.
pub fn junit(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    // Every checked file, then any other file a finding names, by locale.
    let mut suites: Vec<Suite<'_>> = Vec::new();
    let files = report
        .files
        .iter()
        .map(|f| (f.locale.as_str(), f.path.as_path(), None));
    let found = report
        .findings
        .iter()
        .map(|f| (f.locale.as_str(), &*f.location.file, Some(f)));
    for (locale, path, finding) in files.chain(found) {
        let suite = match suites.iter().position(|s| s.locale == locale) {
            Some(i) => &mut suites[i],
            None => {
                suites.push(Suite {
                    locale,
                    cases: Vec::new(),
                });
                suites.last_mut().expect("just pushed")
            }
        };
        let file = path.to_string_lossy().into_owned();
        let case = match suite.cases.iter().position(|(f, _)| *f == file) {
            Some(i) => &mut suite.cases[i],
            None => {
                suite.cases.push((file, Vec::new()));
                suite.cases.last_mut().expect("just pushed")
            }
        };
        case.1.extend(finding);
    }
    let failing = |findings: &[&Finding]| findings.iter().any(|f| f.severity == Severity::Error);
    let cases: usize = suites.iter().map(|s| s.cases.len()).sum();
    let failures: usize = suites
        .iter()
        .flat_map(|s| &s.cases)
        .filter(|(_, f)| failing(f))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="letterkit check" tests="{cases}" failures="{failures}">"#
    )?;
    for Suite {
        locale,
        cases: files,
    } in &suites
    {
        let suite_failures = files.iter().filter(|(_, f)| failing(f)).count();
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{suite_failures}">"#,
            xml(locale),
            files.len()
        )?;
        for (file, findings) in files {
            writeln!(
                out,
                r#"    <testcase classname="{}" name="{}">"#,
                xml(locale),
                xml(file)
            )?;
            let lines = |severity: Severity| {
                findings
                    .iter()
                    .filter(|f| f.severity == severity)
                    .map(|f| format!("{} [{}] {}", f.location, f.code.as_str(), f.message))
                    .collect::<Vec<_>>()
            };
            let errors = lines(Severity::Error);
            if !errors.is_empty() {
                writeln!(
                    out,
                    r#"      <failure message="{} error(s)" type="{}">{}</failure>"#,
                    errors.len(),
                    findings
                        .iter()
                        .find(|f| f.severity == Severity::Error)
                        .map_or("", |f| f.code.as_str()),
                    xml(&errors.join("\n"))
                )?;
            }
            let warnings = lines(Severity::Warning);
            if !warnings.is_empty() {
                writeln!(
                    out,
                    "      <system-out>{}</system-out>",
                    xml(&warnings.join("\n"))
                )?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Text for XML content or attributes: escaped, and without the characters
/// XML 1.0 cannot hold.
fn xml(text: &str) -> String {
    let allowed: String = text
        .chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => '\u{FFFD}',
            c => c,
        })
        .collect();
    let mut escaped = String::with_capacity(allowed.len());
    pulldown_cmark_escape::escape_html(&mut escaped, &allowed).expect("writing to a String");
    escaped
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
