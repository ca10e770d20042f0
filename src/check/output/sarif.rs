//! The report as SARIF 2.1.0: one run, a rule per code (from
//! [`crate::code`]), a result per finding, with columns counted in Unicode
//! code points as letterkit counts them.

use std::io::{self, Write};

use crate::check::Report;
use crate::code::{Code, Severity};

/// Writes the SARIF log.
pub(super) fn write(report: &Report, _fails: bool, out: &mut dyn Write) -> io::Result<()> {
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
    let results: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|finding| {
            let location = &finding.location;
            let mut properties = serde_json::json!({ "locale": finding.locale });
            if let Some(id) = &finding.message_id {
                properties["messageId"] = serde_json::json!(id);
            }
            let uri = location.file.to_string_lossy().replace('\\', "/");
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
                        "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                        "region": {
                            "startLine": extent.stopped_line,
                            "startColumn": extent.stopped_column,
                        },
                    },
                }]);
            }
            result["locations"] = serde_json::json!([{
                "physicalLocation": {
                    "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                    "region": region,
                }
            }]);
            result["properties"] = properties;
            result
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

/// A severity as a SARIF level.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
