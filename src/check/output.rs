//! A [`Report`] as bytes for machines: one JSON document, GitHub workflow
//! commands, SARIF 2.1.0 or JUnit XML. (The report for people, with source
//! snippets, is the binary's.) Each format is one module; a new format is a
//! variant here and its module, and the command line offers it at once.

use std::io::{self, Write};

use super::Report;

mod github;
pub mod json;
mod junit;
mod sarif;

/// A format `check` writes its report in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// One JSON document, described by `schemas/report.schema.json`.
    Json,
    /// GitHub Actions workflow commands: each finding annotates its line.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// JUnit XML: one test case per locale and file.
    Junit,
}

impl OutputFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [OutputFormat; 4] = [
        OutputFormat::Json,
        OutputFormat::Github,
        OutputFormat::Sarif,
        OutputFormat::Junit,
    ];

    /// The format's name on the command line (`--format json`).
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Github => "github",
            OutputFormat::Sarif => "sarif",
            OutputFormat::Junit => "junit",
        }
    }

    /// What the format is, in a phrase for `--help`.
    pub fn summary(self) -> &'static str {
        match self {
            OutputFormat::Json => "One JSON document (see the README for its fields)",
            OutputFormat::Github => {
                "GitHub Actions workflow commands: each finding annotates its line"
            }
            OutputFormat::Sarif => "SARIF 2.1.0, for code-scanning dashboards",
            OutputFormat::Junit => "JUnit XML: one test case per locale and file",
        }
    }

    /// Writes `report` to `out`; `fails` is whether the check fails (the
    /// formats that carry a verdict say so).
    pub fn write(self, report: &Report, fails: bool, out: &mut dyn Write) -> io::Result<()> {
        match self {
            OutputFormat::Json => json::write(report, fails, out),
            OutputFormat::Github => github::write(report, fails, out),
            OutputFormat::Sarif => sarif::write(report, out),
            OutputFormat::Junit => junit::write(report, out),
        }
    }

    /// The report as bytes.
    pub fn to_bytes(self, report: &Report, fails: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.write(report, fails, &mut bytes)
            .expect("writing to memory does not fail");
        bytes
    }
}

#[cfg(test)]
mod tests;
