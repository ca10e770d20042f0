//! A [`Report`] as bytes for machines: one JSON document, GitHub workflow
//! commands, SARIF 2.1.0 or JUnit XML. (The report for people, with source
//! snippets, is the binary's.) Each format is one module with a `write`
//! function; a new format is that module and one line in `formats!` below:
//! the command line offers it at once, and the snapshot test of every format
//! asks for its snapshot.

use std::io::{self, Write};

use super::Report;

mod github;
pub mod json;
mod junit;
mod sarif;

/// Declares [`OutputFormat`]: one line per format, `Variant => module
/// "summary"`, the module writing it with `write(report, fails, out)` and
/// named on the command line as the module is.
macro_rules! formats {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident => $module:ident $summary:literal;
    )+) => {
        /// A format `check` writes its report in.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum OutputFormat {
            $($(#[doc = $doc])* $variant,)+
        }

        impl OutputFormat {
            /// Every format, in the order `--help` lists them.
            pub const ALL: [OutputFormat; [$($summary),+].len()] = [$(OutputFormat::$variant),+];

            /// The format's name on the command line (`--format json`).
            pub fn name(self) -> &'static str {
                match self {
                    $(OutputFormat::$variant => stringify!($module),)+
                }
            }

            /// What the format is, in a phrase for `--help`.
            pub fn summary(self) -> &'static str {
                match self {
                    $(OutputFormat::$variant => $summary,)+
                }
            }

            /// Writes `report` to `out`; `fails` is whether the check fails
            /// (the formats that carry a verdict say so).
            pub fn write(self, report: &Report, fails: bool, out: &mut dyn Write) -> io::Result<()> {
                match self {
                    $(OutputFormat::$variant => $module::write(report, fails, out),)+
                }
            }
        }
    };
}

formats! {
    /// One JSON document, described by `schemas/report.schema.json`.
    Json => json "One JSON document (see the README for its fields)";
    /// GitHub Actions workflow commands: each finding annotates its line.
    Github => github "GitHub Actions workflow commands: each finding annotates its line";
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif => sarif "SARIF 2.1.0, for code-scanning dashboards";
    /// JUnit XML: one test case per locale and file.
    Junit => junit "JUnit XML: one test case per locale and file";
}

impl OutputFormat {
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
