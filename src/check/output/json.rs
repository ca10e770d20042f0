//! The report as one versioned JSON document, and the JSON Schema that
//! describes it (`schemas/report.schema.json`), its codes read from
//! [`crate::code`].

use std::io::{self, Write};

use serde::Serialize;

use crate::check::{Finding, Report};
use crate::code::{Code, Severity};
use crate::coverage::Coverage;

/// The shape of the document, version 1.
#[derive(Serialize)]
struct JsonReport<'r> {
    version: u32,
    ok: bool,
    errors: usize,
    warnings: usize,
    waived: usize,
    coverage: Vec<JsonCoverage<'r>>,
    findings: &'r [Finding],
}

#[derive(Serialize)]
struct JsonCoverage<'r> {
    #[serde(flatten)]
    coverage: &'r Coverage,
    percent: usize,
}

/// Writes the report as one JSON document.
pub(super) fn write(report: &Report, fails: bool, out: &mut dyn Write) -> io::Result<()> {
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

/// Where the schema is in the repository.
pub const SCHEMA_FILE: &str = "schemas/report.schema.json";

/// The JSON Schema (draft 2020-12) of the document [`write`] prints, pretty
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
        "required": ["version", "ok", "errors", "warnings", "waived", "coverage", "findings"],
        "additionalProperties": false,
        "properties": {
            "version": { "const": 1 },
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
