//! The report as one versioned JSON document, and the JSON Schema that
//! describes it (`schemas/report.schema.json`), its codes read from
//! [`crate::code`].

use std::io;

use serde::Serialize;

use super::{Part, Writer, json_close, json_item, split_at_list};
use crate::check::Finding;
use crate::code::{Code, Severity};
use crate::coverage::Coverage;

/// The report's version: 2 since the findings come first and the totals
/// last, so that the report is written as the locales are checked.
pub const VERSION: u32 = 2;

/// The shape of the document, in the order it is written: the findings
/// stream out first, the coverage and totals close it.
#[derive(Serialize)]
struct JsonReport<'r> {
    version: u32,
    findings: &'r [Finding],
    coverage: Vec<JsonCoverage<'r>>,
    ok: bool,
    errors: usize,
    warnings: usize,
    waived: usize,
}

#[derive(Serialize)]
struct JsonCoverage<'r> {
    #[serde(flatten)]
    coverage: &'r Coverage,
    percent: usize,
}

/// The document with no finding, its totals as `writer` has them.
fn document<'r>(writer: &'r Writer<'_>, fails: bool) -> JsonReport<'r> {
    JsonReport {
        version: VERSION,
        findings: &[],
        coverage: writer
            .coverage
            .iter()
            .map(|coverage| JsonCoverage {
                coverage,
                percent: coverage.percent(),
            })
            .collect(),
        ok: !fails,
        errors: writer.errors,
        warnings: writer.warnings,
        waived: writer.waived,
    }
}

/// Opens the document: its version and the list of findings.
pub(super) fn begin(writer: &mut Writer<'_>) -> io::Result<()> {
    let (opening, indent, _) = split_at_list(&document(writer, false), "findings");
    writer.indent = indent;
    writer.out.write_all(opening.as_bytes())
}

/// Writes a locale's findings.
pub(super) fn locale(writer: &mut Writer<'_>, part: &Part<'_>) -> io::Result<()> {
    let indent = writer.indent;
    for finding in part.findings {
        json_item(writer, finding, indent)?;
    }
    Ok(())
}

/// Closes the list of findings, then writes the coverage and the totals.
pub(super) fn end(writer: &mut Writer<'_>, fails: bool) -> io::Result<()> {
    let (_, indent, closing) = split_at_list(&document(writer, fails), "findings");
    json_close(writer, indent, &closing)
}

/// Where the schema is in the repository.
pub const SCHEMA_FILE: &str = "schemas/report.schema.json";

/// The JSON Schema (draft 2020-12) of the document this format writes, pretty
/// printed and ending with a newline.
pub fn schema() -> String {
    let count = || serde_json::json!({ "type": "integer", "minimum": 0 });
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/letterkit/letterkit/blob/main/schemas/report.schema.json",
        "title": "letterkit check report",
        "description": "The report of `letterkit check --format json`. `version` changes only when a field changes meaning or goes away.",
        "type": "object",
        "required": ["version", "findings", "coverage", "ok", "errors", "warnings", "waived"],
        "additionalProperties": false,
        "properties": {
            "version": {
                "description": "2: the findings come first and the totals last, so that the report streams (version 1 had the totals first).",
                "const": VERSION,
            },
            "ok": {
                "description": "False exactly when the check fails (exit code 1).",
                "type": "boolean",
            },
            "errors": count(),
            "warnings": count(),
            "waived": {
                "description": "Findings accepted by a waiver in letterkit.toml, not listed.",
                "type": "integer",
                "minimum": 0,
            },
            "coverage": {
                "description": "How much of each letter each locale translates, in project order.",
                "type": "array",
                "items": { "$ref": "#/$defs/coverage" },
            },
            "findings": {
                "description": "Every finding, by locale, then by file, line and column.",
                "type": "array",
                "items": { "$ref": "#/$defs/finding" },
            },
        },
        "$defs": {
            "coverage": {
                "type": "object",
                "required": [
                    "letter", "locale", "required", "status", "translated", "total",
                    "words_translated", "words_total", "percent",
                ],
                "additionalProperties": false,
                "properties": {
                    "letter": {
                        "description": "The letter, or `(all files)` for a plain Fluent tree.",
                        "type": "string",
                    },
                    "locale": { "type": "string" },
                    "required": { "type": "boolean" },
                    "status": { "enum": ["draft", "reviewed"] },
                    "translated": count(),
                    "total": count(),
                    "words_translated": count(),
                    "words_total": count(),
                    "percent": { "type": "integer", "minimum": 0, "maximum": 100 },
                },
            },
            "finding": {
                "type": "object",
                "required": ["code", "severity", "locale", "message_id", "file", "line", "column", "message"],
                "additionalProperties": false,
                "properties": {
                    "code": {
                        "description": "The stable code; docs/errors.md explains each.",
                        "enum": codes,
                    },
                    "severity": { "enum": [Severity::Error.as_str(), Severity::Warning.as_str()] },
                    "locale": { "type": "string" },
                    "message_id": {
                        "description": "The message concerned, where there is one.",
                        "type": ["string", "null"],
                    },
                    "file": {
                        "description": "The file, relative to the project or the current folder, with `/` or the system's separator.",
                        "type": "string",
                    },
                    "line": { "type": "integer", "minimum": 1 },
                    "column": {
                        "description": "In Unicode code points, from 1.",
                        "type": "integer",
                        "minimum": 1,
                    },
                    "message": { "type": "string" },
                    "end_line": {
                        "description": "A syntax error only: the last line of the entry the parser could not read (which starts at `line`, `column`).",
                        "type": "integer",
                        "minimum": 1,
                    },
                    "end_column": {
                        "description": "A syntax error only: the column just past the entry's end, in Unicode code points.",
                        "type": "integer",
                        "minimum": 1,
                    },
                    "stopped_line": {
                        "description": "A syntax error only: the line where the parser stopped, inside the entry or at the next one.",
                        "type": "integer",
                        "minimum": 1,
                    },
                    "stopped_column": {
                        "description": "A syntax error only: the column where the parser stopped.",
                        "type": "integer",
                        "minimum": 1,
                    },
                },
            },
        },
    });
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
    json.push('\n');
    json
}
