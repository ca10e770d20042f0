//! The report as GitHub Actions workflow commands: one `::error` or
//! `::warning` annotation per finding, then the coverage and the verdict as
//! log lines.

use std::io::{self, Write};

use crate::check::Report;
use crate::code::Severity;

/// Writes the workflow commands.
pub(super) fn write(report: &Report, fails: bool, out: &mut dyn Write) -> io::Result<()> {
    for finding in &report.findings {
        let location = &finding.location;
        // A syntax error's entry spans lines: the annotation covers them.
        let end = finding.extent.as_ref().map_or(String::new(), |e| {
            format!(",endLine={},endColumn={}", e.end_line, e.end_column)
        });
        writeln!(
            out,
            "::{} file={},line={},col={}{end},title={}::{}",
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
