//! The report as JUnit XML: a test suite per locale, a test case per file
//! checked, failing with the file's errors; its warnings go to the case's
//! output.

use std::io::{self, Write};

use crate::check::{Finding, Report};
use crate::code::Severity;

/// A JUnit test suite: a locale's files, each with its findings.
struct Suite<'r> {
    locale: &'r str,
    cases: Vec<(String, Vec<&'r Finding>)>,
}

/// Writes JUnit XML: a test suite per locale, a test case per file checked,
/// failing with the file's errors; its warnings go to the case's output.
pub(super) fn write(report: &Report, _fails: bool, out: &mut dyn Write) -> io::Result<()> {
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
