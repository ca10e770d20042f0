//! A report as bytes for machines: one JSON document, GitHub workflow
//! commands, SARIF 2.1.0 or JUnit XML. (The report for people, with source
//! snippets, is the binary's.) Every format is written as a stream: a
//! [`Writer`] opens the document, takes one locale's findings at a time, in
//! report order, and closes it with the totals, so that a tree of a hundred
//! locales is written holding one locale's findings, not all of them. Each
//! format is one module with `begin`, `locale` and `end` functions; a new
//! format is that module and one line in `formats!` below: the command line
//! offers it at once, and the snapshot test of every format asks for its
//! snapshot.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use super::{CheckedFile, Finding, Report};
use crate::code::Severity;
use crate::coverage::Coverage;

mod github;
pub mod json;
mod junit;
mod sarif;

/// Declares [`OutputFormat`]: one line per format, `Variant => module
/// "summary"`, the module writing it with `begin(writer)`,
/// `locale(writer, part)` and `end(writer, fails)`, and named on the command
/// line as the module is.
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
        }

        impl Writer<'_> {
            fn begin(&mut self) -> io::Result<()> {
                match self.format {
                    $(OutputFormat::$variant => $module::begin(self),)+
                }
            }

            fn write_locale(&mut self, part: &Part<'_>) -> io::Result<()> {
                match self.format {
                    $(OutputFormat::$variant => $module::locale(self, part),)+
                }
            }

            fn end(&mut self, fails: bool) -> io::Result<()> {
                match self.format {
                    $(OutputFormat::$variant => $module::end(self, fails),)+
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
    /// Writes the whole `report` to `out`, as [`Writer`] streams it, one
    /// locale after the other; `deny_warnings`, whether warnings fail the
    /// check (besides `letterkit.toml`'s `deny-warnings`). Returns whether
    /// the check fails.
    pub fn write(
        self,
        report: &Report,
        base: &Base,
        deny_warnings: bool,
        out: &mut dyn Write,
    ) -> io::Result<bool> {
        let mut writer = Writer::new(self, base.clone(), out)?;
        for part in report.parts() {
            writer.locale(&part)?;
        }
        writer.waived += report.waived;
        writer.finish(deny_warnings || report.deny_warnings)
    }

    /// The report as bytes.
    pub fn to_bytes(self, report: &Report, base: &Base, deny_warnings: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.write(report, base, deny_warnings, &mut bytes)
            .expect("writing to memory does not fail");
        bytes
    }
}

/// One locale's share of a report, as a [`Writer`] takes it: the locale's
/// findings in report order, the files looked at and its coverage rows.
#[derive(Debug, Clone, Copy)]
pub struct Part<'r> {
    /// The locale's tag.
    pub locale: &'r str,
    /// Its findings, waivers applied, by file, line and column.
    pub findings: &'r [Finding],
    /// The files checked (or expected) in the locale.
    pub files: &'r [CheckedFile],
    /// The locale's coverage rows.
    pub coverage: &'r [Coverage],
    /// How many of its findings waivers accepted.
    pub waived: usize,
}

/// Where the files a report names are: SARIF's `originalUriBaseIds`, a
/// `file://` URI of the project or tree folder, and the artifact URIs
/// relative to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    /// The folder as a `file://` URI, ending with `/`.
    uri: String,
    /// How findings spell the folder at the start of their paths (empty
    /// where they are relative to it).
    shown: PathBuf,
    /// The folder's path relative to the root of the repository it is in,
    /// where that is known: GitHub's annotations name files from there.
    in_repository: Option<PathBuf>,
    /// The folder's absolute path, where it is on this machine.
    absolute: Option<PathBuf>,
}

/// What a URI path segment cannot hold as is (RFC 3986 `pchar`).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

impl Base {
    /// The folder `dir` (read from the file system, so made absolute), whose
    /// files findings name as `shown` followed by their path in it: the
    /// empty path for a project's findings, the `--locales` folder as typed
    /// for a tree's.
    pub fn of(dir: &Path, shown: &Path) -> io::Result<Base> {
        let absolute = std::fs::canonicalize(dir)?;
        let mut uri = String::from("file://");
        for component in absolute.components() {
            match component {
                std::path::Component::Prefix(prefix) => {
                    uri.push('/');
                    uri.push_str(&prefix.as_os_str().to_string_lossy());
                }
                std::path::Component::RootDir => {}
                other => {
                    uri.push('/');
                    uri.extend(utf8_percent_encode(
                        &other.as_os_str().to_string_lossy(),
                        SEGMENT,
                    ));
                }
            }
        }
        uri.push('/');
        // The repository's root: the nearest folder holding `.git` (a
        // folder, or a file in a worktree or submodule).
        let in_repository = absolute
            .ancestors()
            .find(|folder| folder.join(".git").exists())
            .and_then(|top| absolute.strip_prefix(top).ok())
            .map(Path::to_path_buf);
        Ok(Base {
            uri,
            shown: shown.to_owned(),
            in_repository,
            absolute: Some(absolute),
        })
    }

    /// The base, with `workspace` (GitHub's `GITHUB_WORKSPACE`, the folder
    /// the repository was checked out in) as the repository's root where no
    /// `.git` above the folder says where it is, as when the code was
    /// downloaded without git.
    pub fn with_workspace(mut self, workspace: Option<&Path>) -> Base {
        if self.in_repository.is_none()
            && let (Some(absolute), Some(workspace)) = (&self.absolute, workspace)
            && let Ok(workspace) = std::fs::canonicalize(workspace)
        {
            self.in_repository = absolute
                .strip_prefix(&workspace)
                .ok()
                .map(Path::to_path_buf);
        }
        self
    }

    /// A finding's file named from the root of the repository the folder is
    /// in (`site/locales/fr/notice.ftl` for a project in `site/`), or as the
    /// finding names it where the repository is not known.
    pub fn repository_path(&self, file: &Path) -> PathBuf {
        match &self.in_repository {
            Some(prefix) => prefix.join(file.strip_prefix(&self.shown).unwrap_or(file)),
            None => file.to_owned(),
        }
    }

    /// A base given as its URI (which must end with `/`), for findings whose
    /// paths start with `shown`: for tests and reports about files that are
    /// not on this machine.
    pub fn from_uri(uri: impl Into<String>, shown: impl Into<PathBuf>) -> Base {
        let mut uri = uri.into();
        if !uri.ends_with('/') {
            uri.push('/');
        }
        Base {
            uri,
            shown: shown.into(),
            in_repository: None,
            absolute: None,
        }
    }

    /// The folder's `file://` URI, ending with `/`.
    pub fn uri(&self) -> &str {
        &self.uri
    }

    /// A finding's file as a URI reference relative to [`Base::uri`]:
    /// segments joined by `/`, each percent-encoded.
    pub fn relative_uri(&self, file: &Path) -> String {
        let relative = file.strip_prefix(&self.shown).unwrap_or(file);
        let mut uri = String::new();
        for component in relative.components() {
            if let std::path::Component::Normal(segment) = component {
                if !uri.is_empty() {
                    uri.push('/');
                }
                uri.extend(utf8_percent_encode(&segment.to_string_lossy(), SEGMENT));
            }
        }
        uri
    }
}

/// Writes a report in one format as it comes, a locale at a time: the
/// document's opening when made, each locale's findings as they are given,
/// and the coverage and totals at [`Writer::finish`]. It holds the coverage
/// rows (one per locale and letter), never the findings.
pub struct Writer<'w> {
    format: OutputFormat,
    out: &'w mut dyn Write,
    base: Base,
    /// Items written so far in the document's main list (for the commas of
    /// JSON and SARIF).
    written: usize,
    /// What closes the document after the list, where the format knows it
    /// from the start.
    closing: String,
    /// The indent of the list's items.
    indent: usize,
    errors: usize,
    warnings: usize,
    waived: usize,
    coverage: Vec<Coverage>,
}

impl<'w> Writer<'w> {
    /// Starts a report in `format` on `out`, its files relative to `base`.
    pub fn new(format: OutputFormat, base: Base, out: &'w mut dyn Write) -> io::Result<Self> {
        let mut writer = Writer {
            format,
            out,
            base,
            written: 0,
            closing: String::new(),
            indent: 0,
            errors: 0,
            warnings: 0,
            waived: 0,
            coverage: Vec::new(),
        };
        writer.begin()?;
        Ok(writer)
    }

    /// Writes one locale's findings; locales come in report order.
    pub fn locale(&mut self, part: &Part<'_>) -> io::Result<()> {
        for finding in part.findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
        }
        self.waived += part.waived;
        self.coverage.extend_from_slice(part.coverage);
        self.write_locale(part)
    }

    /// Whether the findings written so far fail the check: an error, or a
    /// warning where `deny_warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.errors > 0 || (deny_warnings && self.warnings > 0)
    }

    /// Closes the report with the coverage and the totals, and returns
    /// whether the check fails (see [`Writer::fails`]).
    pub fn finish(mut self, deny_warnings: bool) -> io::Result<bool> {
        let fails = self.fails(deny_warnings);
        self.end(fails)?;
        Ok(fails)
    }
}

/// Writes the items of a list cut by [`split_at_list`]: a line break
/// before each (after a comma from the second on).
fn json_item(
    writer: &mut Writer<'_>,
    value: &impl serde::Serialize,
    indent: usize,
) -> io::Result<()> {
    writer
        .out
        .write_all(if writer.written == 0 { b"\n" } else { b",\n" })?;
    writer.written += 1;
    indented_json(value, indent, writer.out)
}

/// Closes a list cut by [`split_at_list`], then writes the rest of the
/// document.
fn json_close(writer: &mut Writer<'_>, indent: usize, closing: &str) -> io::Result<()> {
    if writer.written > 0 {
        writer.out.write_all(b"\n")?;
        writer.out.write_all(" ".repeat(indent - 2).as_bytes())?;
    }
    writer.out.write_all(closing.as_bytes())?;
    writer.out.write_all(b"\n")
}

/// A JSON value as pretty-printed lines, each indented by `indent` spaces
/// (JSON strings never hold a raw line break, so lines are the printer's).
fn indented_json(
    value: &impl serde::Serialize,
    indent: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    let pad = " ".repeat(indent);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(pad.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// A pretty-printed JSON document cut where its list `key` (written empty)
/// is: the text up to the list's `[`, the indent of its items, and the text
/// from its `]` on. The list is then written item by item between them.
fn split_at_list(document: &impl serde::Serialize, key: &str) -> (String, usize, String) {
    let text = serde_json::to_string_pretty(document).expect("a report is plain JSON");
    let marker = format!("\"{key}\": []");
    let at = text.find(&marker).expect("the document has the list");
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = at - line_start + 2;
    let open = at + marker.len() - 1;
    (text[..open].to_owned(), indent, text[open..].to_owned())
}

#[cfg(test)]
mod tests;
