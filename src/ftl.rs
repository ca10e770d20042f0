//! One Fluent file, parsed: its messages and where each is, its entries as
//! text spans for editing, the limits that keep a hostile file from making
//! loading slow or deep, and the syntax of a scaffold (a source entry
//! commented out, `# id = ...`, as `locale add` and `locale sync` write it).

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;

use crate::location::{LineIndex, Location, offset_in};
use crate::source::{LoadError, read_text};

/// One parsed Fluent file.
#[derive(Debug)]
pub struct FtlFile {
    /// The file, relative to the project folder; every location in the file
    /// shares it.
    pub path: Arc<Path>,
    /// The parsed resource (what parsed; junk is kept as junk entries).
    pub resource: FluentResource,
    /// The file's text as read, when the resource was parsed from a copy
    /// with characters masked ([`unsliceable_escapes`]); the copy has the
    /// same length, so every offset into one is an offset into the other.
    original: Option<String>,
    /// Every syntax error the parser recovered from.
    pub errors: Vec<ParserError>,
    /// Where each line starts, made when a location is first asked for: a
    /// build asks for none.
    lines: OnceLock<LineIndex>,
    /// Words in each message's value, counted when first asked for: check
    /// and status ask for a source file's once per locale.
    words: OnceLock<BTreeMap<String, usize>>,
    /// The position among the entries of each message id's first
    /// definition, sorted by id, made when a message is first looked up.
    ids: OnceLock<Vec<usize>>,
}

impl FtlFile {
    /// Parses `text`, keeping every error; never fails.
    pub fn parse(path: PathBuf, text: String) -> Self {
        let try_new = |text: String| match FluentResource::try_new(text) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        let masks = unsliceable_escapes(&text);
        let ((resource, errors), original) = if masks.is_empty() {
            (try_new(text), None)
        } else {
            // Masked where the parser reads a string literal, that is in the
            // entries it turns into junk: elsewhere (text, comments) the
            // character is the translation's own, and parsed as written.
            let (first, errors) = try_new(masked(&text, &masks));
            let junk: Vec<Range<usize>> = first
                .entries()
                .filter_map(|entry| match entry {
                    ast::Entry::Junk { content } => {
                        offset_in(first.source(), content).map(|at| at..at + content.len())
                    }
                    _ => None,
                })
                .collect();
            let kept: Vec<Range<usize>> = masks
                .iter()
                .filter(|mask| junk.iter().any(|j| j.contains(&mask.start)))
                .cloned()
                .collect();
            let parsed = if kept.len() == masks.len() {
                (first, errors)
            } else {
                try_new(masked(&text, &kept))
            };
            (parsed, Some(text))
        };
        FtlFile {
            path: path.into(),
            resource,
            original,
            errors,
            lines: OnceLock::new(),
            words: OnceLock::new(),
            ids: OnceLock::new(),
        }
    }

    /// Words in each message's value as written in the file, by id; the
    /// attributes are left out (a message with attributes alone has none).
    pub fn words(&self) -> &BTreeMap<String, usize> {
        self.words.get_or_init(|| {
            let text = self.source();
            self.entry_spans()
                .into_iter()
                .filter_map(|span| {
                    let id = span.id?;
                    let (_, value) = text[span.id_line..span.range.end].split_once('=')?;
                    // An indented line cannot start with `.` but as an
                    // attribute, and attributes come after the value.
                    let words = value
                        .lines()
                        .take_while(|l| !l.trim_start().starts_with('.'))
                        .filter(|l| !l.trim_start().starts_with('#'))
                        .flat_map(str::split_whitespace)
                        .count();
                    Some((id.to_owned(), words))
                })
                .collect()
        })
    }

    /// Words in the value of message `id`, as written.
    pub fn words_of(&self, id: &str) -> usize {
        self.words().get(id).copied().unwrap_or(0)
    }

    /// Parses `text` as [`FtlFile::parse`] does, refusing a file too large
    /// ([`MAX_FTL_BYTES`]), too deeply nested ([`MAX_PLACEABLE_NESTING`]) or
    /// with too many entries ([`MAX_FTL_ENTRIES`]) to handle in bounded time
    /// and stack. Loading reads every Fluent
    /// file through this; it also serves callers that hold Fluent text in
    /// memory (a fuzzer, an editor).
    pub fn parse_checked(path: PathBuf, text: String) -> Result<Self, LoadError> {
        check_limits(&path, &text)?;
        let file = Self::parse(path, text);
        let entries = file.resource.entries().count();
        if entries > MAX_FTL_ENTRIES {
            return Err(LoadError::Invalid {
                path: file.path.to_path_buf(),
                message: format!(
                    "the file has {entries} entries; letterkit reads Fluent files of at most {MAX_FTL_ENTRIES}: split it"
                ),
            });
        }
        Ok(file)
    }

    /// The file's text.
    pub fn source(&self) -> &str {
        self.original
            .as_deref()
            .unwrap_or_else(|| self.resource.source())
    }

    /// The text the resource was parsed from, which its slices borrow: the
    /// file's text, but for characters masked ([`unsliceable_escapes`]).
    fn parsed_text(&self) -> &str {
        self.resource.source()
    }

    /// The messages the file defines, with the location of each id, in file order.
    pub fn messages(&self) -> impl Iterator<Item = (&ast::Message<&str>, Location)> {
        self.resource.entries().filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some((message, self.location_of(message.id.name))),
            _ => None,
        })
    }

    /// The messages the file defines, in file order, without working out
    /// where each is ([`FtlFile::location_of`] its id does).
    pub fn message_defs(&self) -> impl Iterator<Item = &ast::Message<&str>> {
        self.resource.entries().filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message),
            _ => None,
        })
    }

    /// The message `id`, if this file defines it (its first definition).
    pub fn message(&self, id: &str) -> Option<&ast::Message<&str>> {
        let message_at = |at: usize| match self.resource.get_entry(at) {
            Some(ast::Entry::Message(message)) => Some(message),
            _ => None,
        };
        let ids = self.ids.get_or_init(|| {
            let mut ids: Vec<(&str, usize)> = self
                .resource
                .entries()
                .enumerate()
                .filter_map(|(at, entry)| match entry {
                    ast::Entry::Message(message) => Some((message.id.name, at)),
                    _ => None,
                })
                .collect();
            // Sorted by id, then position: the first of each id is its
            // first definition.
            ids.sort_unstable();
            ids.dedup_by_key(|(id, _)| *id);
            ids.into_iter().map(|(_, at)| at).collect()
        });
        let found = ids
            .binary_search_by(|&at| message_at(at).map_or("", |m| m.id.name).cmp(id))
            .ok()?;
        message_at(ids[found])
    }

    /// The location of a slice of this file's text (an id, a value), or its start.
    pub fn location_of(&self, slice: &str) -> Location {
        match offset_in(self.parsed_text(), slice) {
            Some(offset) => self.location_of_span(offset..offset + slice.len()),
            None => Location::start_of(Arc::clone(&self.path)),
        }
    }

    /// Where a syntax error is, as a translator looks for it: the entry the
    /// parser could not read (from the start of its first line to the end of
    /// its last non-blank one), the id written at its start where one can be
    /// read, and the place the parser stopped, which may be further on.
    pub fn syntax_error_place(&self, error: &ParserError) -> SyntaxErrorPlace {
        let source = self.source();
        let len = source.len();
        let stopped = error.pos.start.min(len);
        let junk = error.slice.clone().unwrap_or(error.pos.clone());
        let start = source.floor_char_boundary(junk.start.min(stopped).min(len));
        // The start of its first line, and its end without trailing blank lines.
        let start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let end = source.floor_char_boundary(junk.end.max(stopped).min(len));
        let end = start + source[start..end].trim_end().len();
        let first_line = source[start..end].lines().next().unwrap_or("");
        SyntaxErrorPlace {
            entry: self.location_of_span(start..end),
            id: entry_id(first_line).map(str::to_owned),
            end: self.location_of_span(end..end),
            stopped: self.location_of_span(stopped..stopped),
        }
    }

    /// The location of a byte range of this file's text.
    pub fn location_of_span(&self, span: Range<usize>) -> Location {
        self.lines
            .get_or_init(|| LineIndex::new(self.source()))
            .span(&self.path, self.source(), span)
    }

    /// Where the commented-out source entry of an untranslated message
    /// (`# id = ...`, as `locale add` and `locale sync` write it) is.
    pub fn location_of_scaffold(&self, id: &str) -> Option<Location> {
        let source = self.source();
        let bytes = source.as_bytes();
        // Only a line that starts `# id` can be one: found by searching for it.
        let start = format!("# {id}");
        memchr::memmem::find_iter(bytes, start.as_bytes())
            .filter(|&at| at == 0 || bytes[at - 1] == b'\n')
            .find(|&at| {
                let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n + 1);
                scaffold_id(&source[at..end]) == Some(id)
            })
            .map(|at| self.location_of_span(at..at))
    }

    /// Where the entry after message `id` starts: where a missing message
    /// belongs when the one before it in the source is `id`.
    pub fn location_after(&self, id: &str) -> Location {
        let source = self.parsed_text();
        let offsets: Vec<usize> = self
            .resource
            .entries()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => offset_in(source, m.id.name),
                ast::Entry::Term(t) => offset_in(source, t.id.name).map(|o| o.saturating_sub(1)),
                _ => None,
            })
            .collect();
        let after = self
            .message(id)
            .and_then(|m| offset_in(source, m.id.name))
            .and_then(|start| offsets.iter().find(|&&o| o > start).copied());
        let offset = after.unwrap_or(source.len());
        self.location_of_span(offset..offset)
    }
}

/// What an entry of a Fluent file is, for editing the file as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A message, with or without a value.
    Message,
    /// A term (`-name = ...`).
    Term,
    /// A standalone comment (`#`).
    Comment,
    /// A group comment (`##`) or resource comment (`###`).
    Heading,
    /// Text the parser could not read.
    Junk,
}

/// One entry of a Fluent file as text: from the start of the line where it
/// begins (its attached comment, if any) to where the next entry begins, so
/// that the spans of a file, in order, cover all of it after the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySpan<'f> {
    /// What the entry is.
    pub kind: EntryKind,
    /// The message or term id, without the leading `-` of a term.
    pub id: Option<&'f str>,
    /// Where the id's line starts (the entry's start when it has no comment).
    pub id_line: usize,
    /// The byte range in the file.
    pub range: Range<usize>,
    /// The attached comment's lines, or a standalone comment's.
    pub comment: Vec<&'f str>,
}

impl FtlFile {
    /// Every entry of the file as a text span, in file order. Parses the file
    /// again with comments, which the runtime parse behind rendering drops.
    pub fn entry_spans(&self) -> Vec<EntrySpan<'_>> {
        let source = self.parsed_text();
        let full = match fluent_syntax::parser::parse(source) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        let line_start = |offset: usize| source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let mut spans: Vec<EntrySpan<'_>> = Vec::new();
        for entry in &full.body {
            let (kind, id, comment): (EntryKind, Option<&str>, Vec<&str>) = match entry {
                ast::Entry::Message(m) => (
                    EntryKind::Message,
                    Some(m.id.name),
                    m.comment
                        .as_ref()
                        .map(|c| c.content.clone())
                        .unwrap_or_default(),
                ),
                ast::Entry::Term(t) => (
                    EntryKind::Term,
                    Some(t.id.name),
                    t.comment
                        .as_ref()
                        .map(|c| c.content.clone())
                        .unwrap_or_default(),
                ),
                ast::Entry::Comment(c) => (EntryKind::Comment, None, c.content.clone()),
                ast::Entry::GroupComment(c) | ast::Entry::ResourceComment(c) => {
                    (EntryKind::Heading, None, c.content.clone())
                }
                ast::Entry::Junk { content } => (EntryKind::Junk, None, vec![*content]),
            };
            let anchor = id.or(comment.first().copied());
            let Some(id_offset) = anchor.and_then(|a| offset_in(source, a)) else {
                continue;
            };
            let id_line = line_start(id_offset);
            let start = comment
                .first()
                .filter(|_| id.is_some())
                .and_then(|first| offset_in(source, first))
                .map_or(id_line, line_start);
            if let Some(previous) = spans.last_mut() {
                previous.range.end = start;
            }
            spans.push(EntrySpan {
                kind,
                id,
                id_line,
                range: start..source.len(),
                comment,
            });
        }
        spans
    }
}

/// The largest Fluent file letterkit reads: a letter's file is a few
/// kilobytes, a large application's a few hundred. Larger input is refused
/// before it is read, so that no file makes a build or check slow.
pub const MAX_FTL_BYTES: usize = 1024 * 1024;

/// The most messages, terms and comments a Fluent file may hold: a letter has
/// tens of messages, a large application's file hundreds.
pub const MAX_FTL_ENTRIES: usize = 10_000;

/// How deep placeables may nest (`{ { ... } }`); real messages use two or three.
/// The Fluent parser recurses per level, so a hostile file could exhaust the stack.
pub const MAX_PLACEABLE_NESTING: usize = 32;

/// Reads and parses a Fluent file, refusing one too large before reading it.
pub(crate) fn read_ftl(path: &Path, shown: &Path) -> Result<FtlFile, LoadError> {
    if let Ok(metadata) = fs::metadata(path)
        && metadata.len() > MAX_FTL_BYTES as u64
    {
        return Err(too_large(shown, metadata.len()));
    }
    let text = read_text(path, shown)?;
    FtlFile::parse_checked(shown.to_owned(), text)
}

fn too_large(path: &Path, bytes: u64) -> LoadError {
    LoadError::Invalid {
        path: path.to_owned(),
        message: format!(
            "the file has {bytes} bytes; letterkit reads Fluent files of at most {MAX_FTL_BYTES} bytes: split it"
        ),
    }
}

/// Refuses a Fluent file too large or too deeply nested to parse safely.
fn check_limits(path: &Path, text: &str) -> Result<(), LoadError> {
    if text.len() > MAX_FTL_BYTES {
        return Err(too_large(path, text.len() as u64));
    }
    // Braces, quotes and backslashes are ASCII, and no byte of a multi-byte
    // UTF-8 character is ASCII: the bytes can be read one by one, and only
    // braces and quotes need looking at.
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut read_to = 0;
    for at in memchr::memchr3_iter(b'{', b'}', b'"', bytes) {
        if at < read_to {
            continue;
        }
        match bytes[at] {
            b'{' => {
                depth += 1;
                if depth > MAX_PLACEABLE_NESTING {
                    return Err(LoadError::Refused {
                        location: Location::at_offset(path, text, at),
                        message: format!(
                            "placeables nested more than {MAX_PLACEABLE_NESTING} deep; the file is not read"
                        ),
                    });
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            // Inside a placeable, braces in a string literal are text: it
            // ends at its closing quote or at the end of the line.
            b'"' if depth > 0 => read_to = end_of_string_literal(bytes, at) + 1,
            _ => {}
        }
    }
    Ok(())
}

/// Where the string literal opened by the quote at `open` ends: its closing
/// quote, the end of its line, or the last byte.
fn end_of_string_literal(bytes: &[u8], open: usize) -> usize {
    let mut escaped = false;
    for (at, &b) in bytes.iter().enumerate().skip(open + 1) {
        match b {
            b'\\' if !escaped => escaped = true,
            b'"' if !escaped => return at,
            b'\n' => return at,
            _ => escaped = false,
        }
    }
    bytes.len().saturating_sub(1).max(open)
}

/// Where a syntax error is: see [`FtlFile::syntax_error_place`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxErrorPlace {
    /// The entry the parser could not read, from the start of its first line.
    pub entry: Location,
    /// The message or term id at its start (`-term` for a term), if one can be read.
    pub id: Option<String>,
    /// The end of the entry.
    pub end: Location,
    /// Where the parser stopped.
    pub stopped: Location,
}

/// The id an entry's first line defines (`id =`, `-term =`), if it starts
/// like one.
fn entry_id(line: &str) -> Option<&str> {
    let name_start = usize::from(line.starts_with('-'));
    let rest = &line[name_start..];
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    rest[end..]
        .trim_start_matches([' ', '\t'])
        .starts_with('=')
        .then(|| &line[..name_start + end])
}

/// The id of a scaffold line (`# id = ...`).
pub(crate) fn scaffold_id(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("# ")?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let id = &rest[..end];
    let starts_well = id.starts_with(|c: char| c.is_ascii_alphabetic());
    (starts_well && rest[end..].trim_start().starts_with('=')).then_some(id)
}

/// The parser's reason for a syntax error, as a sentence.
pub fn describe_parser_error(error: &ParserError) -> String {
    let reason = parser_reason(error);
    format!("Fluent syntax error: {reason}; the entry around it is ignored until it is fixed")
}

/// The parser's reason for a syntax error, lowercase, without a final period.
pub fn parser_reason(error: &ParserError) -> String {
    let reason = error.kind.to_string();
    let mut reason = reason.trim_end_matches('.').to_owned();
    if let Some(first) = reason.chars().next() {
        let lower = first.to_lowercase().to_string();
        reason.replace_range(..first.len_utf8(), &lower);
    }
    reason
}

/// Where fluent-syntax 0.12 would panic: in a string literal, `\u` or `\U`
/// followed by fewer hex digits than the escape takes and then a character
/// that is not ASCII; the parser's error path slices the text one byte past
/// the digits, inside that character. These are the byte ranges of such
/// characters (taken wherever the pattern occurs, in a string literal or
/// not: a masked character outside one parses as any text does).
pub fn unsliceable_escapes(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (at, _) in text.match_indices('\\') {
        let digits_wanted = match bytes.get(at + 1) {
            Some(b'u') => 4,
            Some(b'U') => 6,
            _ => continue,
        };
        let digits = bytes[at + 2..]
            .iter()
            .take(digits_wanted)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        let next = at + 2 + digits;
        if digits < digits_wanted
            && let Some(c) = text.get(next..).and_then(|rest| rest.chars().next())
            && !c.is_ascii()
        {
            found.push(next..next + c.len_utf8());
        }
    }
    found
}

/// `text` with each range of `masks` (whole characters) replaced by as many
/// `?`: the same length, still UTF-8, safe for the parser.
pub fn masked(text: &str, masks: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for mask in masks {
        out.push_str(&text[from..mask.start]);
        out.extend(std::iter::repeat_n('?', mask.len()));
        from = mask.end;
    }
    out.push_str(&text[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_unicode_escape_before_a_wide_character_is_a_syntax_error_not_a_panic() {
        // Found by fuzzing `check`: fluent-syntax sliced the text inside the
        // character after the digits, and every command that read the file
        // panicked.
        let text = "bad = { \"\\u00é\" }\nlong = { \"\\U12😀\" }\nplain = C:\\u00é ok\n# note \\uñ\ngood = Bien\n";
        let file = FtlFile::parse("x.ftl".into(), text.into());
        assert_eq!(file.source(), text, "the file's text as written");
        assert_eq!(file.errors.len(), 2, "{:?}", file.errors);
        assert!(file.message("bad").is_none() && file.message("long").is_none());
        let value = |id: &str| {
            let pattern = file.message(id).and_then(|m| m.value.as_ref()).unwrap();
            match &pattern.elements[..] {
                [ast::PatternElement::TextElement { value }] => value.to_string(),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(
            value("plain"),
            "C:\\u00é ok",
            "text outside a literal as written"
        );
        assert_eq!(value("good"), "Bien");
        let at = |id: &str| {
            let (_, location) = file.messages().find(|(m, _)| m.id.name == id).unwrap();
            (location.line, location.column)
        };
        assert_eq!((at("plain"), at("good")), ((3, 1), (5, 1)));
        let spans = file.entry_spans();
        assert_eq!(spans.len(), 4, "{spans:?}");
        assert_eq!(&text[spans[0].range.clone()], "bad = { \"\\u00é\" }\n");
    }

    #[test]
    fn message_locations_point_at_the_id() {
        let file = FtlFile::parse("x.ftl".into(), "# c\na = A\n\nbb = B\n".into());
        let found: Vec<String> = file
            .messages()
            .map(|(m, l)| format!("{} {}", m.id.name, l))
            .collect();
        assert_eq!(found, ["a x.ftl:2:1", "bb x.ftl:4:1"]);
    }

    #[test]
    fn a_scaffold_is_found_on_its_own_line_by_its_whole_id() {
        let text = "# ab = longer id\nb = B\n#a = no space\n # a = indented\n# a is prose\n# a = the scaffold\n# a = again\n";
        let file = FtlFile::parse("x.ftl".into(), text.into());
        let at = |id: &str| file.location_of_scaffold(id).map(|l| (l.line, l.column));
        assert_eq!(at("a"), Some((6, 1)));
        assert_eq!(at("ab"), Some((1, 1)));
        assert_eq!(at("b"), None);
    }

    #[test]
    fn words_are_counted_in_the_value_alone() {
        let text = "a = One two\n    three\n    .title = Not counted\nb =\n    .label = B\n";
        let file = FtlFile::parse("x.ftl".into(), text.into());
        assert_eq!((file.words_of("a"), file.words_of("b")), (3, 0));
    }

    #[test]
    fn a_message_is_found_by_its_first_definition() {
        let text = "-b = term\nc = C1\na = A\n# c = scaffold\nc = C2\nb = B\n";
        let file = FtlFile::parse("x.ftl".into(), text.into());
        let value = |id: &str| {
            let message = file.message(id)?;
            let location = file.location_of(message.id.name);
            Some((location.line, message.value.is_some()))
        };
        assert_eq!(value("c"), Some((2, true)));
        assert_eq!(value("a"), Some((3, true)));
        assert_eq!(value("b"), Some((6, true)));
        assert_eq!(value("d"), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn a_syntax_error_is_placed_at_its_entry_with_its_id() {
        let text = "a = A\n\nbroken = { $x\n  more\n\nnext = N\n";
        let file = FtlFile::parse("x.ftl".into(), text.into());
        assert_eq!(file.errors.len(), 1);
        let place = file.syntax_error_place(&file.errors[0]);
        assert_eq!(place.entry.to_string(), "x.ftl:3:1");
        assert_eq!(place.id.as_deref(), Some("broken"));
        assert_eq!(place.end.to_string(), "x.ftl:4:7");
        assert!(place.stopped.line >= 3, "{}", place.stopped);
        let span = place.entry.span.clone().unwrap();
        assert_eq!(&text[span], "broken = { $x\n  more");

        // Junk without an id, and junk in a file of multi-byte characters.
        let file = FtlFile::parse("x.ftl".into(), "é = \u{2028}\n{ ü\n".into());
        for error in &file.errors {
            let place = file.syntax_error_place(error);
            assert_eq!(place.id, None);
        }
        assert_eq!(entry_id("-brand-name = X"), Some("-brand-name"));
        assert_eq!(entry_id("a.b = X"), None);
    }

    #[test]
    fn syntax_errors_are_kept_and_the_rest_still_parses() {
        let file = FtlFile::parse("x.ftl".into(), "a = A\nb = }\nc = C\n".into());
        assert!(!file.errors.is_empty());
        assert!(file.message("a").is_some());
        assert!(file.message("c").is_some());
    }

    #[test]
    fn entry_spans_cover_the_file_from_the_first_entry() {
        let text = "### Resource\n\n# About a\na = A\n    continued\n\n## Group\n-t = T\nb = B\n";
        let file = FtlFile::parse("x.ftl".into(), text.into());
        let spans = file.entry_spans();
        let kinds: Vec<(EntryKind, Option<&str>, &str)> = spans
            .iter()
            .map(|s| (s.kind, s.id, &text[s.range.clone()]))
            .collect();
        assert_eq!(
            kinds,
            [
                (EntryKind::Heading, None, "### Resource\n\n"),
                (
                    EntryKind::Message,
                    Some("a"),
                    "# About a\na = A\n    continued\n\n"
                ),
                (EntryKind::Heading, None, "## Group\n"),
                (EntryKind::Term, Some("t"), "-t = T\n"),
                (EntryKind::Message, Some("b"), "b = B\n"),
            ]
        );
        assert_eq!(&text[spans[1].id_line..spans[1].id_line + 1], "a");
    }

    #[test]
    fn deeply_nested_or_huge_fluent_is_refused_before_parsing() {
        let deep = format!("a = {}x{}\n", "{".repeat(10_000), "}".repeat(10_000));
        let error = check_limits(Path::new("x.ftl"), &deep)
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "x.ftl:1:37: placeables nested more than 32 deep; the file is not read"
        );
        let quoted = "a = { \"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\" }\n";
        assert!(check_limits(Path::new("x.ftl"), quoted).is_ok());
        let huge = "a".repeat(MAX_FTL_BYTES + 1);
        assert!(check_limits(Path::new("x.ftl"), &huge).is_err());
    }

    #[test]
    fn nesting_is_read_past_string_literals_wherever_they_end() {
        let at = |text: &str| {
            check_limits(Path::new("x.ftl"), text)
                .err()
                .map(|e| e.to_string())
        };
        let deep = |inner: &str| format!("a = {}{inner}{}", "{".repeat(32), "}".repeat(32));
        // Braces in a literal, escaped quotes in it, and a literal cut by
        // the end of its line or of the file.
        assert_eq!(at(&deep("\"{{{\"")), None);
        assert_eq!(at(&deep("\"a\\\"{{{\"")), None);
        assert_eq!(
            at(&deep("\"a\\\\\"{")),
            Some("x.ftl:1:42: placeables nested more than 32 deep; the file is not read".into())
        );
        assert_eq!(
            at(&deep("\"{{\n{")),
            Some("x.ftl:2:1: placeables nested more than 32 deep; the file is not read".into())
        );
        assert_eq!(at(&format!("{}\"{{{{", "{".repeat(32))), None);
        // Outside a placeable a quote is text.
        assert_eq!(
            at(&format!("a = \"{}", "{".repeat(33))),
            Some("x.ftl:1:38: placeables nested more than 32 deep; the file is not read".into())
        );
        // Across the blocks the scan reads at once.
        for pad in 0..70 {
            let text = format!("{}{}", "x".repeat(pad), "{".repeat(33));
            assert_eq!(
                at(&text),
                Some(format!(
                    "x.ftl:1:{}: placeables nested more than 32 deep; the file is not read",
                    pad + 33
                )),
            );
        }
    }
}
