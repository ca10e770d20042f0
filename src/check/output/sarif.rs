//! The report as SARIF 2.1.0: one run, a rule per code (from
//! [`crate::code`]), a result per finding, with columns counted in Unicode
//! code points as letterkit counts them.

use std::io;

use super::{Part, Writer, json_close, json_item, split_at_list};
use crate::check::Finding;
use crate::code::{Code, Severity};

/// The name of the base the artifact URIs are relative to.
const BASE_ID: &str = "%SRCROOT%";

/// Opens the log: the tool, its rules, the base folder and the list of
/// results; keeps what closes it.
pub(super) fn begin(writer: &mut Writer<'_>) -> io::Result<()> {
    let rules: Vec<serde_json::Value> = Code::ALL
        .iter()
        .map(|code| {
            serde_json::json!({
                "id": code.as_str(),
                "shortDescription": { "text": code.explanation() },
                "helpUri": "https://github.com/letterkit/letterkit/blob/main/README.md#check",
                "defaultConfiguration": { "level": level(code.default_severity()) },
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
            "originalUriBaseIds": {
                BASE_ID: {
                    "uri": writer.base.uri(),
                    "description": { "text": "The folder checked: the project, or the tree of locales." },
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    });
    let (opening, indent, closing) = split_at_list(&document, "results");
    writer.indent = indent;
    writer.closing = closing;
    writer.out.write_all(opening.as_bytes())
}

/// Writes a result per finding of the locale.
pub(super) fn locale(writer: &mut Writer<'_>, part: &Part<'_>) -> io::Result<()> {
    let indent = writer.indent;
    for finding in part.findings {
        let result = result(writer, finding);
        json_item(writer, &result, indent)?;
    }
    Ok(())
}

/// Closes the list of results and the log.
pub(super) fn end(writer: &mut Writer<'_>, _fails: bool) -> io::Result<()> {
    let closing = std::mem::take(&mut writer.closing);
    json_close(writer, writer.indent, &closing)
}

/// A finding as a SARIF result.
fn result(writer: &Writer<'_>, finding: &Finding) -> serde_json::Value {
    let location = &finding.location;
    let mut properties = serde_json::json!({ "locale": finding.locale });
    if let Some(id) = &finding.message_id {
        properties["messageId"] = serde_json::json!(id);
    }
    let uri = writer.base.relative_uri(&location.file);
    let mut region =
        serde_json::json!({ "startLine": location.line, "startColumn": location.column });
    let mut result = serde_json::json!({
        "ruleId": finding.code.as_str(),
        "ruleIndex": Code::ALL.iter().position(|c| *c == finding.code),
        "level": level(finding.severity),
        "message": { "text": finding.message },
    });
    // A syntax error: the entry as the region, and where the parser
    // stopped as a related location.
    if let Some(extent) = &finding.extent {
        region["endLine"] = serde_json::json!(extent.end_line);
        region["endColumn"] = serde_json::json!(extent.end_column);
        result["relatedLocations"] = serde_json::json!([{
            "id": 0,
            "message": { "text": "the parser stopped here" },
            "physicalLocation": {
                "artifactLocation": { "uri": uri, "uriBaseId": BASE_ID },
                "region": {
                    "startLine": extent.stopped_line,
                    "startColumn": extent.stopped_column,
                },
            },
        }]);
    }
    result["locations"] = serde_json::json!([{
        "physicalLocation": {
            "artifactLocation": { "uri": uri, "uriBaseId": BASE_ID },
            "region": region,
        }
    }]);
    result["properties"] = properties;
    result
}

/// A severity as a SARIF level.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
