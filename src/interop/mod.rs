//! Interchange with the tools translators already use: `letterkit export`
//! writes a locale's messages as XLIFF 1.2 or PO for a CAT tool, and
//! `letterkit import` writes the translations of such a file back into the
//! locale's Fluent files.
//!
//! ```text
//!   Project -> catalog: one unit per source message (source text, translation,
//!              state, notes)                -> xliff::write | po::write
//!   file    -> xliff::read | po::read       -> units as the file has them
//!           -> plan: each unit matched to its message; stale ones skipped;
//!              inline codes resolved; Fluent text edited in memory; checked
//!           -> write: the locale's files and its lock, or nothing at all
//! ```
//!
//! A unit's text is the message's Fluent value as written, on one line: the
//! same words, Markdown and placeables a translator sees in the `.ftl` file.
//! XLIFF marks the placeables, note references and Markdown around words as
//! inline codes so that a CAT tool protects them (links and emphasis as paired
//! codes, their words translatable); PO has no codes, and says in a note what
//! to keep. A message with a select expression (plurals) or attributes is a
//! unit of its whole Fluent text, variant lines and all, never flattened.
//!
//! Import edits the locale's files as text, as `locale sync` does: a written
//! message's lines are replaced, or its commented-out scaffold; nothing else
//! in the file changes. A unit whose file was made from an older source text
//! is stale and skipped; a unit marked translated is recorded in the lock as
//! made from the current source, which clears a stale translation on purpose.
//! Nothing is written if any written message would have an error.

pub mod po;
pub mod xliff;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_syntax::ast;

use crate::check;
use crate::code::{Code, Severity};
use crate::ftl::{EntryKind, EntrySpan, FtlFile, describe_parser_error, scaffold_id};
use crate::ids::COMMON_RESOURCE;
use crate::lang::Lang;
use crate::location::Location;
use crate::lock::{self, LockError};
use crate::markdown::{self, MarkupKind};
use crate::project::{LocaleFiles, Project};
use crate::sync::{self, FileChange, SyncError};

/// The largest file `import` reads: an archive of a hundred letters in XLIFF
/// is a few megabytes.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// The interchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// XLIFF 1.2, for CAT tools (Trados, memoQ, Smartcat, OmegaT, Weblate...).
    Xliff,
    /// GNU gettext PO, for Poedit, Weblate, Crowdin...
    Po,
}

impl Format {
    /// The format a file's name says (`.xlf`, `.xliff`, `.po`), or `None`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "xlf" | "xliff" => Some(Format::Xliff),
            "po" | "pot" => Some(Format::Po),
            _ => None,
        }
    }
}

/// Why an export or an import could not be done.
#[derive(Debug, thiserror::Error)]
pub enum InteropError {
    /// The locale, letter or file named does not fit the project.
    #[error("{0}")]
    Usage(String),
    /// A file could not be read or written.
    #[error("cannot {verb} {}: {source}", path.display())]
    Io {
        /// `read` or `write`.
        verb: &'static str,
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file to import is not well-formed XLIFF or PO.
    #[error("{location}: {message}")]
    Malformed {
        /// Where.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// The locale's lock could not be read.
    #[error(transparent)]
    Sync(#[from] SyncError),
    /// A locale's record of translations could not be read.
    #[error(transparent)]
    Lock(#[from] LockError),
}

/// A translation's state, as the file says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Translated, and made from the current source text.
    Translated,
    /// Not translated yet.
    NeedsTranslation,
    /// Translated from an older source text: stale.
    NeedsReview,
}

/// Every message of one locale, as export writes it.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The source locale.
    pub source: Lang,
    /// The locale translated into.
    pub target: Lang,
    /// One resource per Fluent file: `common`, then each letter.
    pub resources: Vec<Resource>,
}

/// One Fluent file's messages.
#[derive(Debug, Clone)]
pub struct Resource {
    /// `common` or the letter's name.
    pub name: String,
    /// The source locale's file, relative to the project.
    pub path: PathBuf,
    /// One unit per source message with a value, in file order.
    pub units: Vec<Unit>,
}

/// One message to translate.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The message id.
    pub id: String,
    /// The line of the source message.
    pub line: usize,
    /// The source's Fluent text.
    pub source: String,
    /// The translation's Fluent text, where there is one.
    pub target: Option<String>,
    /// Translated, untranslated or stale.
    pub state: State,
    /// The text is the whole Fluent value (a select expression or attributes),
    /// not one line of words.
    pub whole: bool,
    /// The source's notes for translators, then the group it is in.
    pub notes: Vec<String>,
    /// For a stale translation, the source text it was made from.
    pub was: Option<String>,
}

impl Unit {
    /// What a translator should know besides the source's notes: how to edit
    /// a whole Fluent value, what changed in a stale one.
    pub fn tool_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.whole {
            notes.push(
                "This is the message's whole Fluent text, with one line per variant: \
                 translate the words of each variant; keep the braces, `->`, the keys in \
                 [brackets], the `*` of the default variant, the `.name =` of each attribute \
                 and the indentation. Your language may need other plural variants \
                 (zero, one, two, few, many, other)."
                    .to_owned(),
            );
        }
        if let Some(was) = &self.was {
            notes.push(format!(
                "The source changed since this was translated: update the translation, \
                 or mark it translated if it is still right. It was: {was}"
            ));
        }
        notes
    }
}

/// Every message of the locale `tag` in the letters named (all, and the page
/// text, where none is named), with the translation and its state.
pub fn catalog(project: &Project, tag: &str, letters: &[String]) -> Result<Catalog, InteropError> {
    let (files, source) = locale_files(project, tag)?;
    let resources = resources(project, letters)?;
    let stale: BTreeMap<(String, String), String> = lock::stale_translations(project, files)?
        .into_iter()
        .map(|s| ((s.resource, s.id), s.was))
        .collect();
    let mut out = Vec::new();
    for name in resources {
        let Some(source_file) = source.file(&name) else {
            continue;
        };
        let units = current_units(source_file, files.file(&name))
            .into_iter()
            .map(|current| {
                let was = stale.get(&(name.clone(), current.id.clone())).cloned();
                let state = match (&current.target, &was) {
                    (None, _) => State::NeedsTranslation,
                    (Some(_), Some(_)) => State::NeedsReview,
                    (Some(_), None) => State::Translated,
                };
                Unit {
                    id: current.id,
                    line: current.line,
                    source: current.source,
                    target: current.target,
                    state,
                    whole: current.whole,
                    notes: current.notes,
                    was,
                }
            })
            .collect();
        out.push(Resource {
            path: source.path_of(&name),
            name,
            units,
        });
    }
    Ok(Catalog {
        source: source.lang().clone(),
        target: files.lang().clone(),
        resources: out,
    })
}

/// The catalog of [`catalog`], written in `format`.
pub fn export(
    project: &Project,
    format: Format,
    tag: &str,
    letters: &[String],
) -> Result<String, InteropError> {
    let catalog = catalog(project, tag, letters)?;
    Ok(match format {
        Format::Xliff => xliff::write(&catalog),
        Format::Po => po::write(&catalog),
    })
}

/// The locale's files and the source locale's, or why not.
fn locale_files<'p>(
    project: &'p Project,
    tag: &str,
) -> Result<(&'p LocaleFiles, &'p LocaleFiles), InteropError> {
    let source = project.source_locale();
    let files = project
        .locales
        .iter()
        .find(|l| l.lang().tag() == tag)
        .ok_or_else(|| {
            InteropError::Usage(format!(
                "no locale `{tag}` in letterkit.toml (locales: {})",
                project
                    .locales
                    .iter()
                    .map(|l| l.lang().tag())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
    if files.lang() == source.lang() {
        return Err(InteropError::Usage(format!(
            "`{tag}` is the source locale: export a locale translated from it"
        )));
    }
    Ok((files, source))
}

/// The resources of the letters named, or `common` and every letter.
fn resources(project: &Project, letters: &[String]) -> Result<Vec<String>, InteropError> {
    let (chosen, _) = project
        .select(letters, &[])
        .map_err(|e| InteropError::Usage(e.to_string()))?;
    let mut names: Vec<String> = Vec::new();
    if letters.is_empty() {
        names.push(COMMON_RESOURCE.to_owned());
    }
    names.extend(chosen.iter().map(|l| l.name.clone()));
    Ok(names)
}

/// A source message and its translation as units show them.
#[derive(Debug, Clone)]
struct Current {
    id: String,
    line: usize,
    source: String,
    target: Option<String>,
    whole: bool,
    notes: Vec<String>,
}

/// The units of one resource: each source message with a value.
fn current_units(source: &FtlFile, target: Option<&FtlFile>) -> Vec<Current> {
    let text = source.source();
    let spans = source.entry_spans();
    let target_spans = target.map(|t| t.entry_spans()).unwrap_or_default();
    // Each id's first definition, found once rather than by a scan per message.
    let mut target_messages: BTreeMap<&str, (&ast::Message<&str>, &EntrySpan<'_>)> =
        BTreeMap::new();
    if let Some(t) = target {
        let mut spans: BTreeMap<&str, &EntrySpan<'_>> = BTreeMap::new();
        for span in target_spans.iter().filter(|s| s.kind == EntryKind::Message) {
            if let Some(id) = span.id {
                spans.entry(id).or_insert(span);
            }
        }
        for message in t.message_defs() {
            let id = message.id.name;
            if let Some(span) = spans.get(id) {
                target_messages.entry(id).or_insert((message, *span));
            }
        }
    }
    let mut group: Option<String> = None;
    let mut units = Vec::new();
    for span in &spans {
        match span.kind {
            EntryKind::Heading => {
                // `##` starts a group; a `###` resource comment says what the
                // file is, and is not every message's context.
                group = (!text[span.range.clone()].starts_with("###"))
                    .then(|| span.comment.join(" "))
                    .filter(|g| !g.trim().is_empty());
                continue;
            }
            EntryKind::Message => {}
            _ => continue,
        }
        let Some(id) = span.id else { continue };
        let Some(message) = source.message(id).filter(|m| m.value.is_some()) else {
            continue;
        };
        if units.iter().any(|u: &Current| u.id == id) {
            continue;
        }
        let translation = target.and_then(|t| {
            let (message, span) = target_messages.get(id)?;
            Some((*message, t.source(), *span))
        });
        let whole = is_whole(message) || translation.as_ref().is_some_and(|(m, _, _)| is_whole(m));
        let flat = |text: &str, span: &EntrySpan<'_>| {
            let value = entry_value(text, span);
            if whole {
                whole_text(value)
            } else {
                one_line(value)
            }
        };
        let mut notes = Vec::new();
        let note = span.comment.join("\n");
        if !note.trim().is_empty() {
            notes.push(note);
        }
        if let Some(group) = &group {
            notes.push(format!("Group: {group}"));
        }
        units.push(Current {
            id: id.to_owned(),
            line: text[..span.id_line].matches('\n').count() + 1,
            source: flat(text, span),
            target: translation.map(|(_, text, span)| flat(text, span)),
            whole,
            notes,
        });
    }
    units
}

/// Whether a message is a unit of its whole Fluent text: it has a select
/// expression, attributes or no value.
fn is_whole(message: &ast::Message<&str>) -> bool {
    fn selects(pattern: &ast::Pattern<&str>) -> bool {
        pattern.elements.iter().any(|element| match element {
            ast::PatternElement::Placeable { expression } => expression_selects(expression),
            ast::PatternElement::TextElement { .. } => false,
        })
    }
    fn expression_selects(expression: &ast::Expression<&str>) -> bool {
        match expression {
            ast::Expression::Select { .. } => true,
            ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
                expression_selects(expression)
            }
            ast::Expression::Inline(_) => false,
        }
    }
    !message.attributes.is_empty() || message.value.as_ref().is_none_or(selects)
}

/// The Fluent text after `id =`: value and attributes, without the white
/// space around them.
fn entry_value<'t>(text: &'t str, span: &EntrySpan<'_>) -> &'t str {
    let entry = &text[span.id_line..span.range.end];
    let value = entry.split_once('=').map_or("", |(_, value)| value);
    let value = value.trim_start_matches([' ', '\t']);
    let value = value.strip_prefix("\r\n").unwrap_or(value);
    let value = value.strip_prefix('\n').unwrap_or(value);
    value.trim_end()
}

/// A value's lines joined by a space: how Markdown reads them.
fn one_line(value: &str) -> String {
    value
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A whole value as written, each line as it is, with Unix line ends.
fn whole_text(value: &str) -> String {
    value.lines().collect::<Vec<_>>().join("\n")
}

/// The text of an entry for `id` with the value `flat`: on the id's line,
/// or, for a whole value that starts indented, below it.
fn entry_text(id: &str, flat: &str, whole: bool) -> String {
    if !whole {
        return format!("{id} = {}", one_line(flat));
    }
    let flat = flat.trim_end();
    if flat.starts_with([' ', '\t']) {
        format!("{id} =\n{flat}")
    } else {
        format!("{id} = {flat}")
    }
}

mod codes;
mod import;

use codes::*;
pub use import::*;

#[cfg(test)]
mod tests;
