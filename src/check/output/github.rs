//! The report as GitHub Actions workflow commands: one `::error` or
//! `::warning` annotation per finding, its file named from the repository's
//! root (so that a project in a subfolder annotates the right files), then
//! the coverage and the verdict as log lines.

use std::io;

use super::{Part, Writer};

/// Nothing opens the commands.
pub(super) fn begin(_writer: &mut Writer<'_>) -> io::Result<()> {
    Ok(())
}

/// Writes a command per finding of the locale.
pub(super) fn locale(writer: &mut Writer<'_>, part: &Part<'_>) -> io::Result<()> {
    for finding in part.findings {
        let location = &finding.location;
        // A syntax error's entry spans lines: the annotation covers them.
        let end = finding.extent.as_ref().map_or(String::new(), |e| {
            format!(",endLine={},endColumn={}", e.end_line, e.end_column)
        });
        writeln!(
            writer.out,
            "::{} file={},line={},col={}{end},title={}::{}",
            finding.severity.as_str(),
            escape_property(&repository_path(writer, &location.file)),
            location.line,
            location.column,
            escape_property(&format!("{} ({})", finding.code.as_str(), finding.locale)),
            escape_data(&finding.message)
        )?;
    }
    Ok(())
}

/// A file as GitHub names it: from the repository's root, with `/`.
fn repository_path(writer: &Writer<'_>, file: &std::path::Path) -> String {
    let path = writer.base.repository_path(file);
    let names: Vec<String> = path
        .components()
        .filter_map(|component| match component {
            std::path::Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            std::path::Component::ParentDir => Some("..".to_owned()),
            _ => None,
        })
        .collect();
    names.join("/")
}

/// Writes the coverage and the verdict as log lines.
pub(super) fn end(writer: &mut Writer<'_>, fails: bool) -> io::Result<()> {
    for row in &writer.coverage {
        writeln!(
            writer.out,
            "coverage {} {}: {}/{} ({}%)",
            row.letter,
            row.locale,
            row.translated,
            row.total,
            row.percent()
        )?;
    }
    writeln!(
        writer.out,
        "{}: {} errors, {} warnings, {} waived",
        if fails {
            "check failed"
        } else {
            "check passed"
        },
        writer.errors,
        writer.warnings,
        writer.waived
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
