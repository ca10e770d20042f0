//! GNU gettext PO: one entry per message, `msgctxt` `<letter>/<message-id>`
//! (`common/…` for the page text), since ids repeat across letters. The
//! source's notes are `#.` comments, the source file and line a `#:`
//! reference; a stale translation is `fuzzy`, with the source text it was made
//! from as the previous `msgid` (`#|`). No format flag: the text is Fluent,
//! which no gettext format describes, and a note says what to keep.
//!
//! PO is a small line format; its reader is here, with line and column in
//! every error, rather than a dependency.

use std::path::Path;

use super::{Catalog, Content, Incoming, Incomings, InteropError, Mark, State, location, pieces};
use super::{CodeKind, Piece};
use crate::markdown::MarkupKind;

/// The catalog as a PO file.
pub fn write(catalog: &Catalog) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(&format!(
        "# {target} translation, from {source}, written by `letterkit export`.\n\
         # Translate each msgstr, then bring the file back with `letterkit import FILE`.\n",
        target = catalog.target.tag(),
        source = catalog.source.tag(),
    ));
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for line in [
        "Project-Id-Version: letterkit\n".to_owned(),
        "PO-Revision-Date: \n".to_owned(),
        "Last-Translator: \n".to_owned(),
        "Language-Team: \n".to_owned(),
        // gettext writes a locale `ll_CC`; import reads either form.
        format!("Language: {}\n", catalog.target.tag().replace('-', "_")),
        "MIME-Version: 1.0\n".to_owned(),
        "Content-Type: text/plain; charset=UTF-8\n".to_owned(),
        "Content-Transfer-Encoding: 8bit\n".to_owned(),
        format!("X-Generator: letterkit {}\n", env!("CARGO_PKG_VERSION")),
        format!("X-Source-Language: {}\n", catalog.source.tag()),
    ] {
        out.push_str(&quoted(&line));
        out.push('\n');
    }
    for resource in &catalog.resources {
        let path = resource.path.to_string_lossy().replace('\\', "/");
        for unit in &resource.units {
            out.push('\n');
            for note in unit
                .notes
                .iter()
                .chain(&keep_note(&unit.source, unit.whole))
            {
                for line in note.lines() {
                    comment(&mut out, "#.", line);
                }
            }
            for note in unit.tool_notes() {
                comment(&mut out, "#.", &note);
            }
            out.push_str(&format!("#: {path}:{}\n", unit.line));
            if unit.state == State::NeedsReview {
                out.push_str("#, fuzzy\n");
                if let Some(was) = &unit.was {
                    string(&mut out, "#| msgid", was);
                }
            }
            string(
                &mut out,
                "msgctxt",
                &format!("{}/{}", resource.name, unit.id),
            );
            string(&mut out, "msgid", &unit.source);
            string(&mut out, "msgstr", unit.target.as_deref().unwrap_or(""));
        }
    }
    out
}

/// What a translator must keep as it is, in words: the placeables, note
/// references and link addresses of a one-line source text.
fn keep_note(source: &str, whole: bool) -> Option<String> {
    if whole {
        return None;
    }
    let mut keep = Vec::new();
    let mut links = false;
    let mut emphasis = false;
    fn walk(pieces: &[Piece], keep: &mut Vec<String>, links: &mut bool, emphasis: &mut bool) {
        for piece in pieces {
            match piece {
                Piece::Text(_) => {}
                Piece::Code {
                    kind: CodeKind::Placeable | CodeKind::Note | CodeKind::Autolink,
                    native,
                } => {
                    if !keep.contains(native) {
                        keep.push(native.clone());
                    }
                }
                Piece::Code { .. } => {}
                Piece::Span {
                    kind,
                    close,
                    content,
                    ..
                } => {
                    *links |= close.starts_with("](");
                    *emphasis |= matches!(kind, MarkupKind::Emphasis | MarkupKind::Strong);
                    walk(content, keep, links, emphasis);
                }
            }
        }
    }
    walk(&pieces(source, false), &mut keep, &mut links, &mut emphasis);
    let mut parts = Vec::new();
    if !keep.is_empty() {
        parts.push(keep.join(", "));
    }
    if links {
        parts.push(
            "each link's address in (parentheses), translating its words in [brackets]".into(),
        );
    }
    if emphasis {
        parts.push("the * or ** around emphasised words, moved with the words".into());
    }
    (!parts.is_empty()).then(|| format!("Keep as written: {}.", parts.join("; ")))
}

fn comment(out: &mut String, mark: &str, text: &str) {
    // A comment is one line: other line breaks and controls become spaces.
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    out.push_str(mark);
    if !text.is_empty() {
        out.push(' ');
        out.push_str(&text);
    }
    out.push('\n');
}

/// `keyword "…"`, or, for text of several lines, `keyword ""` and a quoted
/// line for each line, as gettext writes them.
fn string(out: &mut String, keyword: &str, value: &str) {
    let prefix = keyword
        .strip_suffix(keyword.split(' ').next_back().unwrap_or(""))
        .unwrap_or("");
    let lines: Vec<&str> = value.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        out.push_str(&format!("{keyword} {}\n", quoted(value)));
        return;
    }
    out.push_str(&format!("{keyword} \"\"\n"));
    for line in lines {
        out.push_str(&format!("{prefix}{}\n", quoted(line)));
    }
}

/// A C string as PO writes it.
fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if u32::from(c) < 0x20 || c == '\u{7F}' => {
                out.push_str(&format!("\\{:03o}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One entry as read.
#[derive(Debug, Default)]
struct Entry {
    /// The offset of its first line.
    start: usize,
    fuzzy: bool,
    obsolete: bool,
    plural: bool,
    context: Option<String>,
    id: Option<String>,
    translation: Option<String>,
}

/// Which string a continuation line adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Context,
    Id,
    Translation,
    Other,
}

/// Reads a PO file: its languages (the `Language` and `X-Source-Language`
/// headers) and its entries with a `msgctxt` of `<resource>/<id>`.
pub(crate) fn read(path: &Path, text: &str) -> Result<Incomings, InteropError> {
    let error = |at: usize, message: String| InteropError::Malformed {
        location: location(path, text, at),
        message,
    };
    let mut entries: Vec<Entry> = Vec::new();
    let mut entry = Entry::default();
    let mut field = Field::Other;
    let mut started = false;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let at = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        let finish = |entry: &mut Entry, entries: &mut Vec<Entry>| {
            let done = std::mem::take(entry);
            if done.id.is_some() {
                entries.push(done);
            }
        };
        if let Some(comment) = trimmed.strip_prefix('#') {
            if entry.id.is_some() {
                finish(&mut entry, &mut entries);
                started = false;
            }
            if !started {
                entry.start = at;
                started = true;
            }
            if comment.starts_with('~') {
                entry.obsolete = true;
            } else if let Some(flags) = comment.strip_prefix(',') {
                entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            }
            field = Field::Other;
            continue;
        }
        if trimmed.starts_with('"') {
            if field == Field::Other {
                return Err(error(
                    at + indent,
                    "a string that continues no keyword".into(),
                ));
            }
            let value = unquote(trimmed)
                .map_err(|(column, message)| error(at + indent + column, message))?;
            let slot = match field {
                Field::Context => &mut entry.context,
                Field::Id => &mut entry.id,
                _ => &mut entry.translation,
            };
            slot.get_or_insert_with(String::new).push_str(&value);
            continue;
        }
        let (keyword, rest) = trimmed.split_once([' ', '\t']).ok_or_else(|| {
            error(
                at + indent,
                format!("`{trimmed}`: a keyword without a string"),
            )
        })?;
        let rest_at = at + indent + keyword.len() + (rest.len() - rest.trim_start().len()) + 1;
        let value =
            unquote(rest.trim()).map_err(|(column, message)| error(rest_at + column, message))?;
        // A new entry starts at its `msgctxt` or `msgid`, or at its comments.
        if matches!(keyword, "msgctxt" | "msgid") && entry.id.is_some() {
            finish(&mut entry, &mut entries);
            started = false;
        }
        if !started {
            entry.start = at;
            started = true;
        }
        field = match keyword {
            "msgctxt" => {
                entry.context = Some(value);
                Field::Context
            }
            "msgid" => {
                entry.id = Some(value);
                Field::Id
            }
            "msgid_plural" => {
                entry.plural = true;
                Field::Other
            }
            "msgstr" | "msgstr[0]" => {
                entry.translation = Some(value);
                Field::Translation
            }
            // Further plural forms: read, not used.
            k if k.starts_with("msgstr[") => Field::Other,
            other => {
                return Err(error(at + indent, format!("`{other}` is not a PO keyword")));
            }
        };
    }
    if entry.id.is_some() {
        entries.push(entry);
    }

    let mut incomings = Incomings {
        source: None,
        target: None,
        units: Vec::new(),
    };
    for entry in entries {
        if entry.obsolete {
            continue;
        }
        let id = entry.id.unwrap_or_default();
        if id.is_empty() && entry.context.is_none() {
            let header = entry.translation.unwrap_or_default();
            for line in header.lines() {
                if let Some((key, value)) = line.split_once(':') {
                    let value = value.trim();
                    match key.trim() {
                        "Language" if !value.is_empty() => {
                            incomings.target = Some(value.to_owned())
                        }
                        "X-Source-Language" if !value.is_empty() => {
                            incomings.source = Some(value.to_owned());
                        }
                        "Content-Type" => {
                            let charset = value
                                .split(';')
                                .find_map(|p| p.trim().strip_prefix("charset="))
                                .unwrap_or("UTF-8");
                            if !charset.eq_ignore_ascii_case("utf-8") && charset != "CHARSET" {
                                return Err(error(
                                    entry.start,
                                    format!("the file says it is in {charset}: save it as UTF-8"),
                                ));
                            }
                        }
                        _ => {}
                    }
                }
            }
            continue;
        }
        let Some((resource, message)) = entry.context.as_deref().and_then(|c| c.split_once('/'))
        else {
            continue;
        };
        if entry.plural {
            return Err(error(
                entry.start,
                format!(
                    "`{resource}/{message}` has plural forms (msgid_plural): letterkit writes a plural as one Fluent text to translate whole"
                ),
            ));
        }
        incomings.units.push(Incoming {
            resource: resource.to_owned(),
            id: message.to_owned(),
            source: Content::Flat(id),
            target: entry.translation.map(Content::Flat),
            mark: if entry.fuzzy {
                Mark::Review
            } else {
                Mark::Translated
            },
            location: location(path, text, entry.start),
        });
    }
    Ok(incomings)
}

/// The text of a quoted C string; on error, the column in `quoted` and why.
fn unquote(quoted: &str) -> Result<String, (usize, String)> {
    let Some(inner) = quoted.strip_prefix('"') else {
        return Err((0, "a string must start with \"".into()));
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => {
                let rest = &inner[at + 1..];
                if !rest.trim().is_empty() {
                    return Err((
                        at + 2,
                        format!("text after the closing quote: `{}`", rest.trim()),
                    ));
                }
                return Ok(out);
            }
            '\\' => {
                let Some((_, escaped)) = chars.next() else {
                    break;
                };
                match escaped {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'a' => out.push('\u{7}'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{C}'),
                    'v' => out.push('\u{B}'),
                    '"' | '\\' | '\'' | '?' => out.push(escaped),
                    '0'..='7' => {
                        let mut value = escaped.to_digit(8).unwrap_or(0);
                        for _ in 0..2 {
                            match chars.peek().and_then(|(_, d)| d.to_digit(8)) {
                                Some(d) => {
                                    value = value * 8 + d;
                                    chars.next();
                                }
                                None => break,
                            }
                        }
                        out.push(char::from_u32(value).unwrap_or('\u{FFFD}'));
                    }
                    'x' => {
                        let mut value = 0u32;
                        let mut digits = 0;
                        while let Some(d) = chars.peek().and_then(|(_, d)| d.to_digit(16)) {
                            value = value.saturating_mul(16).saturating_add(d);
                            digits += 1;
                            chars.next();
                        }
                        if digits == 0 {
                            return Err((at + 1, "`\\x` without hexadecimal digits".into()));
                        }
                        out.push(char::from_u32(value).unwrap_or('\u{FFFD}'));
                    }
                    other => return Err((at + 1, format!("unknown escape `\\{other}`"))),
                }
            }
            c => out.push(c),
        }
    }
    Err((quoted.len(), "the string has no closing quote".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_through_quoting() {
        for value in [
            "plain",
            "a \"quote\" and \\ back",
            "tab\there",
            "ctl\u{1}x",
            "é ü 中",
        ] {
            assert_eq!(unquote(&quoted(value)).as_deref(), Ok(value));
        }
        assert_eq!(unquote(r#""\101\x42""#).as_deref(), Ok("AB"));
        assert!(unquote(r#""open"#).is_err());
        assert!(unquote(r#""bad \q""#).is_err());
        assert!(unquote(r#""a" b"#).is_err());
    }

    #[test]
    fn long_strings_split_across_lines_are_joined_and_fuzzy_is_read() {
        let po = "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\n#, fuzzy, no-wrap\nmsgctxt \"common/a\"\nmsgid \"\"\n\"Hello \"\n\"world\"\nmsgstr \"Bonjour \"\n  \"le monde\"\n\n#~ msgctxt \"common/old\"\n#~ msgid \"x\"\n#~ msgstr \"y\"\n";
        let read = read(Path::new("a.po"), po).expect("well-formed");
        assert_eq!(read.target.as_deref(), Some("fr"));
        assert_eq!(read.units.len(), 1);
        let unit = &read.units[0];
        assert_eq!((unit.resource.as_str(), unit.id.as_str()), ("common", "a"));
        assert_eq!(unit.source, Content::Flat("Hello world".into()));
        assert_eq!(unit.target, Some(Content::Flat("Bonjour le monde".into())));
        assert_eq!(unit.mark, Mark::Review);
        assert_eq!(unit.location.line, 5);
    }

    #[test]
    fn malformed_lines_are_reported_at_their_line_and_column() {
        let error = read(Path::new("a.po"), "msgid \"a\"\nmsgstr \"b\" c\n")
            .expect_err("text after the string")
            .to_string();
        assert!(error.starts_with("a.po:2:"), "{error}");
        let error = read(
            Path::new("a.po"),
            "msgid \"a\"\nmsgstr \"b\"\nbogus \"x\"\n",
        )
        .expect_err("not a keyword")
        .to_string();
        assert!(error.starts_with("a.po:3:1"), "{error}");
    }
}
