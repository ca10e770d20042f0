//! The report as JUnit XML: a test suite per locale, a test case per file
//! checked, failing with the file's errors; its warnings go to the case's
//! output.

use std::collections::BTreeMap;
use std::io;

use super::{Part, Writer};
use crate::check::Finding;
use crate::code::Severity;

/// Opens the document. (The totals are not on `<testsuites>`: the report is
/// written as locales are checked; each suite has its own.)
pub(super) fn begin(writer: &mut Writer<'_>) -> io::Result<()> {
    writeln!(writer.out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(writer.out, r#"<testsuites name="letterkit check">"#)
}

/// Writes a locale's test suite: a test case per file checked, then per any
/// other file a finding names, failing with the file's errors; its warnings
/// go to the case's output.
pub(super) fn locale(writer: &mut Writer<'_>, part: &Part<'_>) -> io::Result<()> {
    let mut files: Vec<(String, Vec<&Finding>)> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let checked = part.files.iter().map(|f| (f.path.as_path(), None));
    let found = part.findings.iter().map(|f| (&*f.location.file, Some(f)));
    for (path, finding) in checked.chain(found) {
        let file = path.to_string_lossy().into_owned();
        let at = *index.entry(file.clone()).or_insert_with(|| {
            files.push((file, Vec::new()));
            files.len() - 1
        });
        files[at].1.extend(finding);
    }
    if files.is_empty() {
        return Ok(());
    }
    let out = &mut *writer.out;
    let locale = part.locale;
    let failing = |findings: &[&Finding]| findings.iter().any(|f| f.severity == Severity::Error);
    let suite_failures = files.iter().filter(|(_, f)| failing(f)).count();
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{}" failures="{suite_failures}">"#,
        xml(locale),
        files.len()
    )?;
    for (file, findings) in &files {
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
    writeln!(out, "  </testsuite>")
}

/// Closes the document.
pub(super) fn end(writer: &mut Writer<'_>, _fails: bool) -> io::Result<()> {
    writeln!(writer.out, "</testsuites>")
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
