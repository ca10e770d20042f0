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

// ---------------------------------------------------------------------------
// Inline codes

/// A piece of a one-line unit's text: words, or something a CAT tool keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Words, translated.
    Text(String),
    /// Kept as it is: a placeable, a note reference, an autolink, a character
    /// XML cannot carry.
    Code { kind: CodeKind, native: String },
    /// Markup around words: a link or emphasis, whose words are translated.
    Span {
        kind: MarkupKind,
        open: String,
        close: String,
        content: Vec<Piece>,
    },
}

/// What a standalone code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeKind {
    /// `{ $variable }`, `{ -term }`, `{ message }`, `{ "literal" }`...
    Placeable,
    /// `[^id]`.
    Note,
    /// `<https://…>`.
    Autolink,
    /// A control character that XML 1.0 cannot hold.
    Control,
}

/// A unit's text as pieces. A whole value is one piece of text (its
/// placeables and variant keys are Fluent syntax the note explains).
pub(crate) fn pieces(flat: &str, whole: bool) -> Vec<Piece> {
    let pieces = if whole {
        vec![Piece::Text(flat.to_owned())]
    } else {
        markup_pieces(flat)
    };
    split_controls(pieces)
}

/// The placeables (`{ … }`, outermost) of a value's Fluent text.
fn placeables(flat: &str) -> Vec<Range<usize>> {
    let bytes = flat.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut start, mut in_string, mut at) = (0usize, 0, false, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if in_string => at += 1,
            b'"' if in_string => in_string = false,
            b'"' if depth > 0 => in_string = true,
            b'{' if !in_string => {
                if depth == 0 {
                    start = at;
                }
                depth += 1;
            }
            b'}' if !in_string && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(start..at + 1);
                }
            }
            _ => {}
        }
        at += 1;
    }
    if depth > 0 {
        out.push(start..bytes.len());
    }
    out
}

/// What stands for a placeable while Markdown is read: one character Markdown
/// takes for a letter, as it takes the value a placeable becomes.
const HOLE: char = '\u{E000}';

fn markup_pieces(flat: &str) -> Vec<Piece> {
    let holes = placeables(flat);
    // The text with each placeable one character, and each of its byte
    // offsets (and its end) mapped to the flat text's.
    let mut skeleton = String::with_capacity(flat.len());
    let mut map: Vec<usize> = Vec::with_capacity(flat.len() + 1);
    let mut copied = 0;
    for hole in &holes {
        skeleton.push_str(&flat[copied..hole.start]);
        map.extend(copied..hole.start);
        skeleton.push(HOLE);
        map.extend([hole.start; 3]);
        copied = hole.end;
    }
    skeleton.push_str(&flat[copied..]);
    map.extend(copied..flat.len());
    map.push(flat.len());
    // Markup starts and ends between characters, never inside a hole.
    let to_flat = |offset: usize| map[offset];
    let range = |r: Range<usize>| to_flat(r.start)..to_flat(r.end);

    #[derive(Debug)]
    enum Mark {
        Open(usize),
        Close(usize),
        Code(CodeKind),
    }
    let spans = markdown::markup_spans(&skeleton);
    let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        let open = range(span.open.clone());
        match (span.kind, &span.close) {
            (MarkupKind::Note, _) => marks.push((open, Mark::Code(CodeKind::Note))),
            (MarkupKind::Autolink, _) => marks.push((open, Mark::Code(CodeKind::Autolink))),
            (_, Some(close)) => {
                marks.push((open, Mark::Open(index)));
                marks.push((range(close.clone()), Mark::Close(index)));
            }
            (_, None) => marks.push((open, Mark::Code(CodeKind::Placeable))),
        }
    }
    for hole in &holes {
        let inside = marks
            .iter()
            .any(|(r, _)| r.start <= hole.start && hole.end <= r.end);
        if !inside {
            marks.push((hole.clone(), Mark::Code(CodeKind::Placeable)));
        }
    }
    // In text order; a span closing where another opens closes first.
    marks.sort_by_key(|(r, mark)| (r.start, !matches!(mark, Mark::Close(_))));

    // Open spans: their index, opening and the pieces before them.
    let mut stack: Vec<(usize, String, Vec<Piece>)> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut at = 0;
    for (r, mark) in marks {
        if r.start < at || r.is_empty() {
            continue;
        }
        push_text(&mut current, &flat[at..r.start]);
        let native = flat[r.clone()].to_owned();
        match mark {
            Mark::Open(index) => stack.push((index, native, std::mem::take(&mut current))),
            Mark::Close(index) if stack.last().is_some_and(|(i, _, _)| *i == index) => {
                let (_, open, before) = stack.pop().expect("checked: not empty");
                let content = std::mem::replace(&mut current, before);
                current.push(Piece::Span {
                    kind: spans[index].kind,
                    open,
                    close: native,
                    content,
                });
            }
            Mark::Close(_) => current.push(Piece::Code {
                kind: CodeKind::Placeable,
                native,
            }),
            Mark::Code(kind) => current.push(Piece::Code { kind, native }),
        }
        at = r.end;
    }
    push_text(&mut current, &flat[at..]);
    // A span left open (never, from a balanced parse) is its opening as a code.
    while let Some((_, open, mut before)) = stack.pop() {
        before.push(Piece::Code {
            kind: CodeKind::Placeable,
            native: open,
        });
        before.append(&mut current);
        current = before;
    }
    current
}

fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(Piece::Text(last)) => last.push_str(text),
        _ => pieces.push(Piece::Text(text.to_owned())),
    }
}

/// Whether XML 1.0 can hold `c` as a character (not even a reference can
/// carry the others).
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Each character XML cannot hold made a code of its own.
fn split_controls(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match piece {
            Piece::Text(text) if !text.chars().all(xml_char) => {
                let mut run = String::new();
                for c in text.chars() {
                    if xml_char(c) {
                        run.push(c);
                    } else {
                        push_text(&mut out, &std::mem::take(&mut run));
                        out.push(Piece::Code {
                            kind: CodeKind::Control,
                            native: c.to_string(),
                        });
                    }
                }
                push_text(&mut out, &run);
            }
            Piece::Span {
                kind,
                open,
                close,
                content,
            } => out.push(Piece::Span {
                kind,
                open,
                close,
                content: split_controls(content),
            }),
            other => out.push(other),
        }
    }
    out
}

/// The text pieces make, as written.
#[cfg(test)]
fn join(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Code { native, .. } => out.push_str(native),
            Piece::Span {
                open,
                close,
                content,
                ..
            } => {
                out.push_str(open);
                out.push_str(&join(content));
                out.push_str(close);
            }
        }
    }
    out
}

/// A piece with the number of its code, as XLIFF writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Numbered {
    Text(String),
    Code {
        id: usize,
        kind: CodeKind,
        native: String,
    },
    Span {
        id: usize,
        kind: MarkupKind,
        content: Vec<Numbered>,
    },
}

/// What a code's number stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Native {
    Code(String),
    Span(String, String),
}

/// The numbers of a unit's codes: the source's in order, then the
/// translation's, each the number of the same code of the source where it
/// has one.
#[derive(Debug, Default)]
pub(crate) struct Codes {
    natives: BTreeMap<usize, Native>,
    /// The numbers of each code, in source order.
    by_native: BTreeMap<Native, Vec<usize>>,
}

impl PartialOrd for Native {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Native {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |n: &Native| match n {
            Native::Code(c) => (0, c.clone(), String::new()),
            Native::Span(o, c) => (1, o.clone(), c.clone()),
        };
        key(self).cmp(&key(other))
    }
}

impl Codes {
    /// Numbers the source's pieces and the translation's.
    pub(crate) fn number(
        source: &[Piece],
        target: Option<&[Piece]>,
    ) -> (Codes, Vec<Numbered>, Option<Vec<Numbered>>) {
        let mut codes = Codes::default();
        let source = codes.number_source(source);
        let mut used = BTreeSet::new();
        let target = target.map(|t| codes.number_target(t, &mut used));
        (codes, source, target)
    }

    fn next(&self) -> usize {
        self.natives.len() + 1
    }

    fn number_source(&mut self, pieces: &[Piece]) -> Vec<Numbered> {
        pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => Numbered::Text(text.clone()),
                Piece::Code { kind, native } => {
                    let id = self.add(Native::Code(native.clone()));
                    Numbered::Code {
                        id,
                        kind: *kind,
                        native: native.clone(),
                    }
                }
                Piece::Span {
                    kind,
                    open,
                    close,
                    content,
                } => {
                    let id = self.add(Native::Span(open.clone(), close.clone()));
                    Numbered::Span {
                        id,
                        kind: *kind,
                        content: self.number_source(content),
                    }
                }
            })
            .collect()
    }

    fn add(&mut self, native: Native) -> usize {
        let id = self.next();
        self.natives.insert(id, native.clone());
        self.by_native.entry(native).or_default().push(id);
        id
    }

    fn number_target(&mut self, pieces: &[Piece], used: &mut BTreeSet<usize>) -> Vec<Numbered> {
        let find = |codes: &mut Codes, used: &mut BTreeSet<usize>, native: Native| {
            let ids = codes.by_native.get(&native).cloned().unwrap_or_default();
            match ids.iter().find(|id| !used.contains(*id)).or(ids.first()) {
                Some(&id) => {
                    used.insert(id);
                    id
                }
                None => {
                    let id = codes.add(native);
                    used.insert(id);
                    id
                }
            }
        };
        let mut out = Vec::new();
        for piece in pieces {
            out.push(match piece {
                Piece::Text(text) => Numbered::Text(text.clone()),
                Piece::Code { kind, native } => Numbered::Code {
                    id: find(self, used, Native::Code(native.clone())),
                    kind: *kind,
                    native: native.clone(),
                },
                Piece::Span {
                    kind,
                    open,
                    close,
                    content,
                } => {
                    let id = find(self, used, Native::Span(open.clone(), close.clone()));
                    Numbered::Span {
                        id,
                        kind: *kind,
                        content: self.number_target(content, used),
                    }
                }
            });
        }
        out
    }

    /// The Fluent text of pieces read from a file, each code by its number
    /// (or, for a standalone code this unit does not have, the text the file
    /// gives for it).
    fn resolve(&self, pieces: &[InPiece]) -> Result<String, String> {
        let mut out = String::new();
        for piece in pieces {
            match piece {
                InPiece::Text(text) => out.push_str(text),
                InPiece::Code { id, equiv } => match (self.native(id), equiv) {
                    (Some(Native::Code(native)), _) => out.push_str(native),
                    (None, Some(equiv)) => out.push_str(equiv),
                    (Some(Native::Span(..)), _) => {
                        return Err(format!(
                            "inline code {id} is a paired code (<g>) in the source, not a placeholder (<x/>)"
                        ));
                    }
                    (None, None) => {
                        return Err(format!("inline code {id} is not one of this unit's codes"));
                    }
                },
                InPiece::Span { id, content } => match self.native(id) {
                    Some(Native::Span(open, close)) => {
                        out.push_str(open);
                        out.push_str(&self.resolve(content)?);
                        out.push_str(close);
                    }
                    Some(Native::Code(_)) => {
                        return Err(format!(
                            "inline code {id} is a placeholder (<x/>) in the source, not a paired code (<g>)"
                        ));
                    }
                    None => {
                        return Err(format!("inline code {id} is not one of this unit's codes"));
                    }
                },
            }
        }
        Ok(out)
    }

    fn native(&self, id: &str) -> Option<&Native> {
        self.natives.get(&id.trim().parse::<usize>().ok()?)
    }
}

// ---------------------------------------------------------------------------
// Import

/// A unit as an imported file has it.
#[derive(Debug, Clone)]
pub(crate) struct Incoming {
    /// `common` or a letter.
    pub resource: String,
    /// The message id.
    pub id: String,
    /// The source text the file was made from.
    pub source: Content,
    /// The translation; `None` or empty when there is none.
    pub target: Option<Content>,
    /// What the file says of the translation.
    pub mark: Mark,
    /// Where the unit is in the file.
    pub location: Location,
}

/// What a file says of a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Translated (XLIFF `translated`, `final`, `signed-off` or no state; a PO
    /// entry that is not fuzzy).
    Translated,
    /// To review (XLIFF `needs-review-…`, PO `fuzzy`).
    Review,
    /// Not translated yet (XLIFF `new`, `needs-translation`...).
    New,
}

/// A unit's text as a file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Content {
    /// Fluent text (PO).
    Flat(String),
    /// Text and numbered codes (XLIFF).
    Inline(Vec<InPiece>),
}

/// A piece of XLIFF content as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InPiece {
    Text(String),
    Code { id: String, equiv: Option<String> },
    Span { id: String, content: Vec<InPiece> },
}

/// What a file to import holds: its languages and its units.
#[derive(Debug, Clone)]
pub(crate) struct Incomings {
    pub source: Option<String>,
    pub target: Option<String>,
    pub units: Vec<Incoming>,
}

/// What import does with one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// The translation is written.
    Written,
    /// The translation is unchanged and marked translated: its stale flag goes.
    Cleared,
    /// The translation is as the locale has it.
    Unchanged,
    /// The unit has no translation.
    Untranslated,
    /// The translation is not marked translated (to review, or new): left out.
    NotMarked,
    /// The file was made from an older source text: left out.
    Stale,
    /// The project has no such message, or the locale's file lacks its
    /// scaffold: left out.
    Unknown,
}

/// One unit's fate.
#[derive(Debug, Clone)]
pub struct UnitReport {
    /// `common` or a letter.
    pub resource: String,
    /// The message id.
    pub id: String,
    /// What import does with it.
    pub outcome: Outcome,
    /// Why, where it is left out.
    pub detail: String,
}

/// A problem that stops import from writing anything.
#[derive(Debug, Clone)]
pub struct UnitError {
    /// The unit's place in the imported file.
    pub location: Location,
    /// `common` or a letter.
    pub resource: String,
    /// The message id.
    pub id: String,
    /// The check's code, where a finding of check is the reason.
    pub code: Option<Code>,
    /// What is wrong.
    pub message: String,
}

/// What importing a file would do.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    /// The locale translated into.
    pub locale: String,
    /// Every unit of the file, in file order.
    pub units: Vec<UnitReport>,
    /// Problems that stop the import; nothing is written when there is one.
    pub errors: Vec<UnitError>,
    /// The files import writes (the locale's Fluent files and its lock).
    pub changes: Vec<FileChange>,
}

impl ImportPlan {
    /// How many units have `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.units.iter().filter(|u| u.outcome == outcome).count()
    }
}

/// Reads `path` (XLIFF or PO, by its name or its first characters) and works
/// out what importing it into `project` does, without writing anything.
pub fn plan_import(project: &Project, path: &Path) -> Result<ImportPlan, InteropError> {
    let bytes = read_limited(path)?;
    let text = String::from_utf8(bytes).map_err(|e| InteropError::Malformed {
        location: Location::at_offset(path, "", 0),
        message: format!(
            "not UTF-8 (byte {}): export writes UTF-8; save the file as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let format = Format::from_path(path).unwrap_or(if text.trim_start().starts_with('<') {
        Format::Xliff
    } else {
        Format::Po
    });
    let incomings = match format {
        Format::Xliff => xliff::read(path, text)?,
        Format::Po => po::read(path, text)?,
    };
    plan(project, path, incomings)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, InteropError> {
    let io_error = |source| InteropError::Io {
        verb: "read",
        path: path.to_owned(),
        source,
    };
    let size = fs::metadata(path).map_err(io_error)?.len();
    if size > MAX_IMPORT_BYTES as u64 {
        return Err(InteropError::Usage(format!(
            "{}: {size} bytes: larger than the {MAX_IMPORT_BYTES} bytes import reads; export and import a letter at a time (--letter)",
            path.display()
        )));
    }
    fs::read(path).map_err(io_error)
}

/// An edit of a locale's file: the bytes to replace and their new text.
struct Edit {
    range: Range<usize>,
    text: String,
}

fn plan(project: &Project, path: &Path, incomings: Incomings) -> Result<ImportPlan, InteropError> {
    let source = project.source_locale();
    let Some(tag) = incomings.target.clone() else {
        return Err(InteropError::Usage(format!(
            "{}: the file does not say which language it is translated into (XLIFF: target-language; PO: the Language header)",
            path.display()
        )));
    };
    let tag = tag.replace('_', "-");
    let (files, _) = locale_files(project, &tag)?;
    if let Some(from) = &incomings.source {
        let from = from.replace('_', "-");
        if !from.eq_ignore_ascii_case(source.lang().tag()) {
            return Err(InteropError::Usage(format!(
                "{}: translated from `{from}`, but the project's source locale is `{}`",
                path.display(),
                source.lang().tag()
            )));
        }
    }
    let locale = files.lang().tag().to_owned();
    let stale: BTreeSet<(String, String)> = lock::stale_translations(project, files)?
        .into_iter()
        .map(|s| (s.resource, s.id))
        .collect();

    let mut currents: BTreeMap<String, Vec<Current>> = BTreeMap::new();
    let mut edits: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    let mut written: Vec<(String, String, Location)> = Vec::new();
    let mut units = Vec::new();
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for unit in incomings.units {
        let report = |outcome: Outcome, detail: String| UnitReport {
            resource: unit.resource.clone(),
            id: unit.id.clone(),
            outcome,
            detail,
        };
        let Some(source_file) = source.file(&unit.resource).filter(|_| {
            unit.resource == COMMON_RESOURCE || project.letter(&unit.resource).is_some()
        }) else {
            units.push(report(
                Outcome::Unknown,
                format!("the project has no letter `{}`", unit.resource),
            ));
            continue;
        };
        let current_list = currents
            .entry(unit.resource.clone())
            .or_insert_with(|| current_units(source_file, files.file(&unit.resource)));
        let Some(current) = current_list.iter().find(|c| c.id == unit.id) else {
            units.push(report(
                Outcome::Unknown,
                format!("the source has no message `{}`", unit.id),
            ));
            continue;
        };
        if !seen.insert((unit.resource.clone(), unit.id.clone())) {
            errors.push(UnitError {
                location: unit.location.clone(),
                resource: unit.resource.clone(),
                id: unit.id.clone(),
                code: None,
                message: "the file has this unit twice: keep one".into(),
            });
            continue;
        }
        let source_pieces = pieces(&current.source, current.whole);
        let target_pieces = current.target.as_ref().map(|t| pieces(t, current.whole));
        let (codes, _, _) = Codes::number(&source_pieces, target_pieces.as_deref());
        let resolve = |content: &Content| match content {
            Content::Flat(text) => Ok(text.clone()),
            Content::Inline(pieces) => codes.resolve(pieces),
        };
        let same_source = match resolve(&unit.source) {
            Ok(text) => same_text(&text, &current.source, current.whole),
            Err(_) => false,
        };
        if !same_source {
            units.push(report(
                Outcome::Stale,
                "the source text changed since this file was exported: export again and translate the new text".into(),
            ));
            continue;
        }
        let target = match unit.target.as_ref().map(resolve).transpose() {
            Ok(target) => target.filter(|t| !t.trim().is_empty()),
            Err(message) => {
                errors.push(UnitError {
                    location: unit.location.clone(),
                    resource: unit.resource.clone(),
                    id: unit.id.clone(),
                    code: None,
                    message,
                });
                continue;
            }
        };
        let Some(target) = target else {
            units.push(report(Outcome::Untranslated, String::new()));
            continue;
        };
        let is_stale = stale.contains(&(unit.resource.clone(), unit.id.clone()));
        let unchanged = current
            .target
            .as_ref()
            .is_some_and(|t| same_text(&target, t, current.whole));
        match unit.mark {
            Mark::Translated => {}
            Mark::Review | Mark::New if unchanged => {
                units.push(report(Outcome::Unchanged, String::new()));
                continue;
            }
            Mark::Review => {
                units.push(report(
                    Outcome::NotMarked,
                    "marked for review, not translated: mark it translated to import it".into(),
                ));
                continue;
            }
            Mark::New => {
                units.push(report(
                    Outcome::NotMarked,
                    "marked as not translated: mark it translated to import it".into(),
                ));
                continue;
            }
        }
        if unchanged && !is_stale {
            units.push(report(Outcome::Unchanged, String::new()));
            continue;
        }
        let Some(file) = files.file(&unit.resource) else {
            units.push(report(
                Outcome::Unknown,
                format!(
                    "{} does not exist: run `letterkit locale sync {locale}`, then import again",
                    files.path_of(&unit.resource).display()
                ),
            ));
            continue;
        };
        let new_entry = entry_text(&unit.id, &target, current.whole);
        if let Err(message) = parses_alone(&unit.id, &new_entry) {
            errors.push(UnitError {
                location: unit.location.clone(),
                resource: unit.resource.clone(),
                id: unit.id.clone(),
                code: Some(Code::SyntaxError),
                message,
            });
            continue;
        }
        let Some(edit) = edit_for(file, &unit.id, &new_entry) else {
            units.push(report(
                Outcome::Unknown,
                format!(
                    "{} has neither this message nor its commented-out scaffold: run `letterkit locale sync {locale}`, then import again",
                    file.path.display()
                ),
            ));
            continue;
        };
        edits.entry(unit.resource.clone()).or_default().push(edit);
        written.push((
            unit.resource.clone(),
            unit.id.clone(),
            unit.location.clone(),
        ));
        units.push(report(
            if unchanged {
                Outcome::Cleared
            } else {
                Outcome::Written
            },
            String::new(),
        ));
    }

    // The locale's files as they would be, checked for the written messages.
    let mut new_files: BTreeMap<String, Arc<FtlFile>> = files.files.clone();
    let mut changes = Vec::new();
    for (resource, mut file_edits) in edits {
        let file = files
            .file(&resource)
            .expect("edits are made only in files that exist");
        file_edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        let mut text = file.source().to_owned();
        for edit in file_edits {
            text.replace_range(edit.range, &edit.text);
        }
        changes.push(FileChange {
            path: files.path_of(&resource),
            old: Some(file.source().to_owned()),
            new: text.clone(),
        });
        new_files.insert(
            resource.clone(),
            Arc::new(FtlFile::parse(files.path_of(&resource), text)),
        );
    }
    if !written.is_empty() {
        let view = with_files(project, files, new_files);
        let report = check::check(&view, &[], std::slice::from_ref(&locale))
            .map_err(|e| InteropError::Usage(e.to_string()))?;
        for finding in &report.findings {
            if finding.code.default_severity() != Severity::Error
                || finding.code == Code::StaleTranslation
            {
                continue;
            }
            let Some((resource, id, location)) = written.iter().find(|(resource, id, _)| {
                finding.message_id.as_deref() == Some(id.as_str())
                    && finding.location.file.as_ref() == files.path_of(resource)
            }) else {
                continue;
            };
            errors.push(UnitError {
                location: location.clone(),
                resource: resource.clone(),
                id: id.clone(),
                code: Some(finding.code),
                message: finding.message.clone(),
            });
        }
        let view_files = view
            .locale(files.lang())
            .expect("the view has the locale it was made with");
        let written: Vec<(String, String)> = written
            .iter()
            .map(|(resource, id, _)| (resource.clone(), id.clone()))
            .collect();
        if let Some(lock) = sync::record_current(project, view_files, &written)? {
            changes.push(lock);
        }
    }
    errors.sort_by(|a, b| {
        (a.location.line, a.location.column).cmp(&(b.location.line, b.location.column))
    });
    Ok(ImportPlan {
        locale,
        units,
        errors,
        changes,
    })
}

/// Whether two unit texts are the same: exactly, or, for one-line units, as
/// Markdown reads them (lines joined).
fn same_text(a: &str, b: &str, whole: bool) -> bool {
    if whole {
        whole_text(a).trim_end() == whole_text(b).trim_end()
    } else {
        one_line(a) == one_line(b)
    }
}

/// Whether `entry` is one message `id` to Fluent, with no syntax error.
fn parses_alone(id: &str, entry: &str) -> Result<(), String> {
    let resource = match fluent_syntax::parser::parse(entry) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            let error = errors.first().map(describe_parser_error);
            return Err(format!(
                "the translation is not valid Fluent: {}",
                error.unwrap_or_else(|| "unreadable".into())
            ));
        }
    };
    match resource.body.as_slice() {
        [ast::Entry::Message(message)] if message.id.name == id => Ok(()),
        _ => Err(
            "the translation is not valid Fluent: it does not read as this one message (a line that starts at the margin, or an unescaped { or })"
                .into(),
        ),
    }
}

/// The edit that puts `entry` in place of message `id` in `file`: its lines
/// (and any stale flag above them), or its commented-out scaffold.
fn edit_for(file: &FtlFile, id: &str, entry: &str) -> Option<Edit> {
    let text = file.source();
    let spans = file.entry_spans();
    if let Some(span) = spans
        .iter()
        .find(|s| s.kind == EntryKind::Message && s.id == Some(id))
    {
        let end = span.id_line + text[span.id_line..span.range.end].trim_end().len();
        let comment = sync::without_stale_flag(&text[span.range.start..span.id_line]);
        return Some(Edit {
            range: span.range.start..end,
            text: format!("{comment}{entry}"),
        });
    }
    // The scaffold: `# id = …` and its continuation lines `#  …`.
    for span in spans.iter().filter(|s| s.kind == EntryKind::Comment) {
        let block = &text[span.range.clone()];
        let mut offset = span.range.start;
        let mut lines = block.split_inclusive('\n').peekable();
        while let Some(line) = lines.next() {
            let start = offset;
            offset += line.len();
            if scaffold_id(line) != Some(id) {
                continue;
            }
            while let Some(next) = lines.next_if(|next| next.starts_with("#  ")) {
                offset += next.len();
            }
            let ends_line = text[..offset].ends_with('\n');
            return Some(Edit {
                range: start..offset,
                text: if ends_line {
                    format!("{entry}\n")
                } else {
                    entry.to_owned()
                },
            });
        }
    }
    None
}

/// The project with the locale's files replaced by `new_files`.
fn with_files(
    project: &Project,
    files: &LocaleFiles,
    new_files: BTreeMap<String, Arc<FtlFile>>,
) -> Project {
    let mut new_files = Some(new_files);
    let locales = project
        .locales
        .iter()
        .map(|locale| LocaleFiles {
            settings: locale.settings.clone(),
            folder: locale.folder.clone(),
            files: if locale.lang() == files.lang() {
                new_files.take().unwrap_or_default()
            } else {
                locale.files.clone()
            },
        })
        .collect();
    Project {
        root: project.root.clone(),
        config: project.config.clone(),
        letters: project.letters.clone(),
        locales,
        deferred: false,
    }
}

/// Writes what a plan changes, each file whole (through a temporary file in
/// its folder, so a file is never half written).
pub fn write(project: &Project, plan: &ImportPlan) -> Result<(), InteropError> {
    for change in &plan.changes {
        let path = project.root.join(&change.path);
        let temporary = path.with_extension("import-tmp");
        let io_error = |source| InteropError::Io {
            verb: "write",
            path: change.path.clone(),
            source,
        };
        fs::write(&temporary, &change.new).map_err(io_error)?;
        fs::rename(&temporary, &path).map_err(io_error)?;
    }
    Ok(())
}

/// The location of byte `offset` of an imported file.
pub(crate) fn location(path: &Path, text: &str, offset: usize) -> Location {
    Location::at_offset(path, text, offset.min(text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => format!("text:{t}"),
                Piece::Code { kind, native } => format!("{kind:?}:{native}"),
                Piece::Span {
                    kind,
                    open,
                    close,
                    content,
                } => format!("{kind:?}:{open}[{}]{close}", kinds(content).join("|")),
            })
            .collect()
    }

    #[test]
    fn placeables_notes_and_links_are_codes_and_link_words_are_text() {
        let flat = "Back to [the *reference*](https://example.org/a_b) { $number }[^note].";
        let pieces = pieces(flat, false);
        assert_eq!(
            kinds(&pieces),
            [
                "text:Back to ",
                "Link:[[text:the |Emphasis:*[text:reference]*]](https://example.org/a_b)",
                "text: ",
                "Placeable:{ $number }",
                "Note:[^note]",
                "text:.",
            ]
        );
        assert_eq!(join(&pieces), flat);
    }

    #[test]
    fn braces_inside_string_literals_do_not_end_a_placeable() {
        let flat = r#"A {"}"} and { NUMBER($n, style: "percent") } { { $x } }"#;
        let pieces = pieces(flat, false);
        assert_eq!(
            kinds(&pieces),
            [
                "text:A ",
                r#"Placeable:{"}"}"#,
                "text: and ",
                r#"Placeable:{ NUMBER($n, style: "percent") }"#,
                "text: ",
                "Placeable:{ { $x } }",
            ]
        );
    }

    #[test]
    fn a_link_around_a_placeable_keeps_it_inside_its_words() {
        let flat = "See [page { $n }](https://example.org) and **{ $who }**";
        let pieces = pieces(flat, false);
        assert_eq!(
            kinds(&pieces),
            [
                "text:See ",
                "Link:[[text:page |Placeable:{ $n }]](https://example.org)",
                "text: and ",
                "Strong:**[Placeable:{ $who }]**",
            ]
        );
        assert_eq!(join(&pieces), flat);
    }

    #[test]
    fn a_leading_block_marker_and_ampersands_keep_their_offsets() {
        for flat in [
            "# not a heading & *this* is emphasis",
            "1. not a list, but [a link](https://example.org) & more",
            "*emphasis* first",
            "&amp; *x*",
        ] {
            let pieces = pieces(flat, false);
            assert_eq!(join(&pieces), flat);
            assert!(
                pieces.iter().any(|p| matches!(p, Piece::Span { .. })),
                "{flat}: {pieces:?}"
            );
        }
    }

    #[test]
    fn markup_nested_past_what_the_renderer_reads_stays_text() {
        let flat = "*_".repeat(5000) + "x" + &"_*".repeat(5000);
        let pieces = pieces(&flat, false);
        assert_eq!(join(&pieces), flat);
        fn depth(pieces: &[Piece]) -> usize {
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Span { content, .. } => 1 + depth(content),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&pieces) <= crate::markdown::MAX_NESTING);
    }

    proptest::proptest! {
        #[test]
        fn pieces_put_together_are_the_text(flat in "[a-z *_\\[\\](){}$^<>&#:/.\"-]{0,60}") {
            let flat = one_line(&flat);
            proptest::prop_assert_eq!(join(&pieces(&flat, false)), flat);
        }
    }

    #[test]
    fn control_characters_become_codes_of_their_own() {
        let pieces = pieces("a\u{1}b", false);
        assert_eq!(kinds(&pieces), ["text:a", "Control:\u{1}", "text:b"]);
    }

    #[test]
    fn codes_of_a_translation_take_the_numbers_of_the_same_source_codes() {
        let source = pieces("{ $a } and { $b } and { $a }", false);
        let target = pieces("{ $b } y { $a } y { $c }", false);
        let (codes, numbered_source, numbered_target) = Codes::number(&source, Some(&target));
        let ids = |n: &[Numbered]| {
            n.iter()
                .filter_map(|p| match p {
                    Numbered::Code { id, .. } => Some(*id),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&numbered_source), [1, 2, 3]);
        assert_eq!(ids(&numbered_target.expect("a target")), [2, 1, 4]);
        let back = codes
            .resolve(&[
                InPiece::Code {
                    id: "2".into(),
                    equiv: None,
                },
                InPiece::Text(" y ".into()),
                InPiece::Code {
                    id: "3".into(),
                    equiv: None,
                },
            ])
            .expect("known codes");
        assert_eq!(back, "{ $b } y { $a }");
        assert!(
            codes
                .resolve(&[InPiece::Code {
                    id: "9".into(),
                    equiv: None
                }])
                .is_err()
        );
    }

    #[test]
    fn entries_are_written_on_the_id_line_or_below_it_as_the_value_starts() {
        assert_eq!(entry_text("a", "Hello\n  world", false), "a = Hello world");
        assert_eq!(
            entry_text("a", "{ $n ->\n    [one] One\n   *[other] Many\n}", true),
            "a = { $n ->\n    [one] One\n   *[other] Many\n}"
        );
        assert_eq!(
            entry_text("a", "    Hello\n    .title = T", true),
            "a =\n    Hello\n    .title = T"
        );
    }

    #[test]
    fn a_translation_that_is_not_one_message_is_refused() {
        assert!(parses_alone("a", "a = Fine { $x }").is_ok());
        assert!(parses_alone("a", "a = Broken { $x").is_err());
        assert!(parses_alone("a", "a = Two\nb = messages").is_err());
    }

    #[test]
    fn edits_replace_a_translation_with_its_flag_or_a_scaffold() {
        let file = FtlFile::parse(
            "fr.ftl".into(),
            "# note\n# stale: the source changed\n#   was: A\n#   now: B\na = Old\n    more\n\n# note b\n# b = Bee\n#     two\n\nc = C\n".into(),
        );
        let edit = edit_for(&file, "a", "a = New").expect("a is translated");
        let mut text = file.source().to_owned();
        text.replace_range(edit.range, &edit.text);
        assert_eq!(
            text,
            "# note\na = New\n\n# note b\n# b = Bee\n#     two\n\nc = C\n"
        );
        let edit = edit_for(&file, "b", "b = Abeille").expect("b is scaffolded");
        let mut text = file.source().to_owned();
        text.replace_range(edit.range, &edit.text);
        assert!(
            text.contains("\n# note b\nb = Abeille\n\nc = C\n"),
            "{text}"
        );
        assert!(edit_for(&file, "z", "z = Z").is_none());
    }
}
