//! Inline Markdown inside message values. This module alone uses pulldown-cmark;
//! its options are set in [`parse_inline`] and nowhere else.
//!
//! A message is one block of the letter, so only inline syntax means anything:
//! emphasis, strong emphasis, links and note references (`[^id]`). Anything that
//! would start a block (a leading `- `, `# `, `1. `) is kept as text, raw HTML
//! becomes text, images become their description, and links to anything but
//! https, http and mailto addresses become their text. Each of these is reported.
//! HTML character references (`&lt;`, `&#8203;`) are text as written: a message
//! is Fluent text, not HTML, so `&` is always an ampersand.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

use crate::document::Inline;
use crate::text::{clean_text, is_bidi_control, safe_url};

/// Something in a message's Markdown that did not make it into the document as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkupIssue {
    /// Raw HTML, kept as text.
    RawHtml(String),
    /// A link whose address is not https, http or mailto, kept as its text.
    UnsafeLink(String),
    /// A note reference to no known source, kept as text.
    UnknownNote(String),
    /// An image, kept as its description.
    Image(String),
}

/// Parses a message value's inline Markdown. `resolve_note` turns a note id into
/// the document's reference, or `None` when no source has that id.
pub fn parse_inline(
    value: &str,
    resolve_note: &mut dyn FnMut(&str) -> Option<Inline>,
) -> (Vec<Inline>, Vec<MarkupIssue>) {
    let prepared = neutralize_block_syntax(value);
    let prepared = prepared.as_ref();
    if is_plain(prepared) {
        // What the parser would make of it: one paragraph of this text.
        let text = prepared.trim();
        let content = if text.is_empty() {
            Vec::new()
        } else {
            vec![Inline::Text(text.to_owned())]
        };
        return (isolate_directional_runs(content), Vec::new());
    }
    parse_markdown(prepared, resolve_note)
}

/// Whether a prepared value has nothing Markdown would read: no character
/// that starts markup, an escape, an entity or HTML, and no control character
/// (the parser replaces NUL). Such a value is one paragraph of its own text,
/// and most short messages are such.
fn is_plain(prepared: &str) -> bool {
    let markup = |b: u8| {
        (b < 0x20)
            | (b == b'\\')
            | (b == b'*')
            | (b == b'_')
            | (b == b'[')
            | (b == b']')
            | (b == b'<')
            | (b == b'>')
            | (b == b'&')
            | (b == b'!')
            | (b == b'`')
            | (b == b'~')
            | (b == 0x7F)
    };
    crate::scan::first_where(prepared.as_bytes(), markup).is_none()
}

/// Parses a prepared value with pulldown-cmark into inline content.
fn parse_markdown(
    prepared: &str,
    resolve_note: &mut dyn FnMut(&str) -> Option<Inline>,
) -> (Vec<Inline>, Vec<MarkupIssue>) {
    let mut tree = TreeReader {
        frames: vec![Vec::new()],
        resolve_note,
    };
    let issues = read_markdown(prepared, &mut tree);
    let mut content = tree.finish();
    trim_edges(&mut content);
    (isolate_directional_runs(content), issues)
}

/// What a message value's Markdown holds, for comparing a translation with
/// its source without making its content: what [`parse_inline`] would find.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct InlineMarkup {
    /// The safe links' addresses, in text order.
    pub links: Vec<String>,
    /// The note ids referred to, in text order.
    pub notes: Vec<String>,
    /// How many emphasis and strong emphasis spans.
    pub emphasis: usize,
    /// The raw HTML, unsafe links and images, in text order (no note is unknown).
    pub issues: Vec<MarkupIssue>,
    /// The words the content shows, a space after each emphasis, link and
    /// isolate, and nothing for a note reference: where numbers are read.
    /// (White space at the edges may differ from the content's.)
    pub words: String,
}

/// Reads a message value's inline Markdown as [`parse_inline`] does, for
/// what it holds: links, note references, emphasis, markup issues and words.
pub fn inline_markup(value: &str) -> InlineMarkup {
    let prepared = neutralize_block_syntax(value);
    let mut markup = InlineMarkup::default();
    if is_plain(&prepared) {
        markup.words = prepared.trim().to_owned();
    } else {
        markup.issues = read_markdown(&prepared, &mut markup);
    }
    // Words with a control or an isolate are what the content makes of them.
    if !surely_clean(&markup.words) && markup.words.contains(is_unclean) {
        return markup_of_content(value);
    }
    markup
}

/// What [`inline_markup`] finds, read from the content [`parse_inline`] makes.
fn markup_of_content(value: &str) -> InlineMarkup {
    let mut notes = Vec::new();
    let (content, issues) = parse_inline(value, &mut |id| {
        notes.push(id.to_owned());
        Some(Inline::Text(String::new()))
    });
    let mut markup = InlineMarkup {
        notes,
        issues,
        ..InlineMarkup::default()
    };
    markup.walk(&content);
    markup
}

impl InlineMarkup {
    fn walk(&mut self, content: &[Inline]) {
        for inline in content {
            match inline {
                Inline::Text(text) => {
                    self.words.push_str(text);
                    continue;
                }
                Inline::Emphasis(children) | Inline::Strong(children) => {
                    self.emphasis += 1;
                    self.walk(children);
                }
                Inline::Link { url, content } => {
                    self.links.push(url.clone());
                    self.walk(content);
                }
                Inline::Isolate { content, .. } => self.walk(content),
                Inline::NoteRef(_) => {}
            }
            self.words.push(' ');
        }
    }
}

/// What reading Markdown makes, event by event: the document's content
/// ([`TreeReader`]) or what it holds ([`InlineMarkup`]).
trait MarkdownReader {
    /// A frame opened with [`MarkdownReader::open`] closes, innermost first.
    fn close(&mut self, kind: FrameKind);
    /// A frame opens.
    fn open(&mut self);
    /// Text, in the innermost open frame.
    fn text(&mut self, text: &str);
    /// A note reference; false when no source has that id.
    fn note(&mut self, id: &str) -> bool;
}

/// Reads a prepared value with pulldown-cmark into `reader`, with the
/// markup issues met.
fn read_markdown(prepared: &str, reader: &mut impl MarkdownReader) -> Vec<MarkupIssue> {
    // Old-style footnotes make every `[^id]` a reference, defined or not, so an
    // unknown id is reported instead of silently staying text.
    let options = Options::ENABLE_OLD_FOOTNOTES;
    let mut issues = Vec::new();
    // The frames open inside the value, innermost last.
    let mut open: Vec<FrameKind> = Vec::new();
    // The text as Markdown left it, each other event a space: a `<svg/onload=…>`
    // that CommonMark does not count as HTML is still a tag to a browser.
    // Needed only where there is a `<` to find.
    let mut plain = String::new();
    let may_hold_tags = prepared.contains('<');
    // An autolink's text is its address as written, backslashes kept.
    let mut in_autolink = false;

    for event in Parser::new_ext(prepared, options) {
        if may_hold_tags {
            match &event {
                Event::Text(text) => plain.push_str(text),
                _ => plain.push(' '),
            }
        }
        match event {
            Event::Start(tag) => {
                // Deeper nesting means nothing to a reader, and would make every
                // walk over the document recurse without bound.
                let kind = if open.len() >= MAX_NESTING {
                    FrameKind::Transparent
                } else {
                    if let Tag::Link { link_type, .. } = &tag {
                        in_autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    }
                    match tag {
                        Tag::Emphasis => FrameKind::Emphasis,
                        Tag::Strong => FrameKind::Strong,
                        Tag::Link { dest_url, .. } => match safe_url(&literal(&dest_url)) {
                            Some(url) => FrameKind::Link(url),
                            None => {
                                issues.push(MarkupIssue::UnsafeLink(literal(&dest_url)));
                                FrameKind::Transparent
                            }
                        },
                        Tag::Image { dest_url, .. } => {
                            issues.push(MarkupIssue::Image(literal(&dest_url)));
                            FrameKind::Transparent
                        }
                        _ => FrameKind::Transparent,
                    }
                };
                reader.open();
                open.push(kind);
            }
            Event::End(end) => {
                in_autolink &= end != TagEnd::Link;
                if matches!(end, TagEnd::Paragraph | TagEnd::Item) {
                    // Block boundaries inside one message (only possible through raw
                    // HTML blocks) still separate words.
                    reader.text(" ");
                }
                if let Some(kind) = open.pop() {
                    reader.close(kind);
                }
            }
            Event::Text(text) if in_autolink => reader.text(&literal(&text)),
            Event::Text(text) => reader.text(&text),
            Event::Code(text) => reader.text(&literal(&text)),
            Event::Html(html) | Event::InlineHtml(html) => {
                let html = literal(&html);
                issues.push(MarkupIssue::RawHtml(html.trim_end().to_string()));
                reader.text(&html);
            }
            Event::FootnoteReference(id) => {
                let id = literal(&id);
                if !reader.note(&id) {
                    reader.text(&format!("[^{id}]"));
                    issues.push(MarkupIssue::UnknownNote(id));
                }
            }
            Event::SoftBreak | Event::HardBreak => reader.text(" "),
            Event::Rule
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }
    issues.extend(browser_tags(&plain).map(MarkupIssue::RawHtml));
    issues
}

impl MarkdownReader for InlineMarkup {
    fn open(&mut self) {}

    fn close(&mut self, kind: FrameKind) {
        match kind {
            FrameKind::Emphasis | FrameKind::Strong => self.emphasis += 1,
            FrameKind::Link(url) => self.links.push(url),
            FrameKind::Transparent => return,
        }
        self.words.push(' ');
    }

    fn text(&mut self, text: &str) {
        self.words.push_str(text);
    }

    fn note(&mut self, id: &str) -> bool {
        self.notes.push(id.to_owned());
        true
    }
}

/// Makes a value's inline content: each open frame's content, the value's
/// own first.
struct TreeReader<'r> {
    frames: Vec<Vec<Inline>>,
    resolve_note: &'r mut dyn FnMut(&str) -> Option<Inline>,
}

impl TreeReader<'_> {
    fn top(&mut self) -> &mut Vec<Inline> {
        self.frames
            .last_mut()
            .expect("the value's own frame is never closed")
    }

    /// The content, with the frames still open (none, from a balanced
    /// parse) kept as their content.
    fn finish(mut self) -> Vec<Inline> {
        while self.frames.len() > 1 {
            let content = self.frames.pop().expect("checked: more than the value's");
            self.top().extend(content);
        }
        self.frames.pop().expect("the value's own frame")
    }
}

impl MarkdownReader for TreeReader<'_> {
    fn open(&mut self) {
        self.frames.push(Vec::new());
    }

    fn close(&mut self, kind: FrameKind) {
        let content = self.frames.pop().expect("opened before");
        let parent = self.top();
        match kind {
            FrameKind::Emphasis => push_inline(parent, Inline::Emphasis(content)),
            FrameKind::Strong => push_inline(parent, Inline::Strong(content)),
            FrameKind::Link(url) => push_inline(parent, Inline::Link { url, content }),
            FrameKind::Transparent => {
                for inline in content {
                    push_inline(parent, inline);
                }
            }
        }
    }

    fn text(&mut self, text: &str) {
        let content = self.top();
        match content.last_mut() {
            Some(Inline::Text(last)) => last.push_str(text),
            _ => content.push(Inline::Text(text.to_owned())),
        }
    }

    fn note(&mut self, id: &str) -> bool {
        match (self.resolve_note)(id) {
            Some(reference) => {
                push_inline(self.top(), reference);
                true
            }
            None => false,
        }
    }
}

/// Adds `inline` to `content`, text joined to the text before it.
fn push_inline(content: &mut Vec<Inline>, inline: Inline) {
    match (content.last_mut(), inline) {
        (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
        (_, inline) => content.push(inline),
    }
}

/// How deep emphasis, strong emphasis and links may nest; deeper markup is kept
/// as its text.
pub const MAX_NESTING: usize = 16;

/// What an opening Markdown tag becomes.
#[derive(Debug)]
enum FrameKind {
    Emphasis,
    Strong,
    /// A link with a safe address.
    Link(String),
    /// Kept as its content: an unsafe link, an image, a paragraph, or
    /// anything nested too deep.
    Transparent,
}

/// Makes the value one line, escapes a leading block marker, so that the
/// value parses as a single paragraph whatever its first characters are, and
/// escapes every `&` that is not escaped already, so that no character
/// reference is decoded: `&#8203;` would otherwise smuggle an invisible
/// character past check, which reads the value as written.
fn neutralize_block_syntax(value: &str) -> Cow<'_, str> {
    // Most values are one line with no `&` and no leading block marker.
    let trimmed = value.trim();
    let starts_block = trimmed.bytes().next().is_some_and(|b| {
        matches!(
            b,
            b'#' | b'>' | b'=' | b'|' | b'-' | b'+' | b'*' | b'_' | b'`' | b'~' | b'['
        ) || b.is_ascii_digit()
    });
    if !starts_block && memchr::memchr2(b'\n', b'&', trimmed.as_bytes()).is_none() {
        return Cow::Borrowed(trimmed);
    }
    let one_line: String = if value.contains('\n') {
        value
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        value.trim().to_owned()
    };
    let text = one_line.trim_start();
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let after = |i: usize| bytes.get(i).is_none_or(|b| *b == b' ');
    let escape_at = match bytes.first() {
        // A leading `<` is left alone: an HTML block still arrives as HTML events,
        // which become reported text.
        Some(b'#' | b'>' | b'=' | b'|') => Some(0),
        Some(b'-' | b'+' | b'*' | b'_') if after(1) || bytes.get(1) == bytes.first() => Some(0),
        Some(b'`' | b'~') if bytes.get(1) == bytes.first() => Some(0),
        Some(b'[') if is_definition(text) => Some(0),
        Some(_)
            if digits > 0
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && after(digits + 1) =>
        {
            Some(digits)
        }
        _ => None,
    };
    let text = match escape_at {
        Some(at) => format!("{}\\{}", &text[..at], &text[at..]),
        None => text.to_owned(),
    };
    let bytes = text.as_bytes();
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut copied = 0;
    for at in memchr::memchr_iter(b'&', bytes) {
        // An `&` after an odd number of backslashes is escaped already.
        let backslashes = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| **b == b'\\')
            .count();
        if backslashes % 2 == 0 {
            escaped.push_str(&text[copied..at]);
            escaped.push('\\');
            copied = at;
        }
    }
    escaped.push_str(&text[copied..]);
    Cow::Owned(escaped)
}

/// Where Markdown keeps backslashes (code spans, raw HTML, autolinks, note
/// labels), the `\&` of [`neutralize_block_syntax`] back to `&`.
fn literal(text: &str) -> String {
    text.replace("\\&", "&")
}

/// Every fragment of `text` that a browser would read as markup if it were
/// not escaped: `<` followed by a letter, `/` and a letter, `!` or `?`, up to
/// the next `>` (at most 80 characters shown).
fn browser_tags(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices('<').filter_map(|(at, _)| {
        let rest = &text[at..];
        let mut chars = rest[1..].chars();
        let opens = match chars.next() {
            Some(c) if c.is_ascii_alphabetic() || c == '!' || c == '?' => true,
            Some('/') => chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
            _ => false,
        };
        if !opens {
            return None;
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        Some(rest[..end].trim_end().chars().take(80).collect())
    })
}

/// `[label]: …` at the start would be a link reference definition.
fn is_definition(text: &str) -> bool {
    text.find("]:")
        .is_some_and(|end| !text[1..end].contains(']'))
}

fn trim_edges(content: &mut Vec<Inline>) {
    if let Some(Inline::Text(first)) = content.first_mut() {
        *first = first.trim_start().to_owned();
    }
    if let Some(Inline::Text(last)) = content.last_mut() {
        *last = last.trim_end().to_owned();
    }
    content.retain(|inline| !matches!(inline, Inline::Text(t) if t.is_empty()));
}

const FIRST_STRONG_ISOLATE: char = '\u{2068}';
const POP_DIRECTIONAL_ISOLATE: char = '\u{2069}';

/// Turns each FSI…PDI run that Fluent put around an interpolated value into an
/// [`Inline::Isolate`], so that each renderer isolates it its own way (`<bdi>` in
/// HTML). Bidi embedding, override and isolate controls that are not such a
/// balanced pair are dropped: they would reorder the surrounding text.
fn isolate_directional_runs(content: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(content.len());
    for inline in content {
        match inline {
            Inline::Text(text) if surely_clean(&text) || !text.contains(FIRST_STRONG_ISOLATE) => {
                push_clean_owned(text, &mut out)
            }
            Inline::Text(text) => split_isolates(&text, &mut out),
            Inline::Emphasis(children) => {
                out.push(Inline::Emphasis(isolate_directional_runs(children)))
            }
            Inline::Strong(children) => {
                out.push(Inline::Strong(isolate_directional_runs(children)))
            }
            Inline::Link { url, content } => out.push(Inline::Link {
                url,
                content: isolate_directional_runs(content),
            }),
            other => out.push(other),
        }
    }
    out
}

fn split_isolates(text: &str, out: &mut Vec<Inline>) {
    let mut rest = text;
    while let Some(start) = rest.find(FIRST_STRONG_ISOLATE) {
        let inner_start = start + FIRST_STRONG_ISOLATE.len_utf8();
        let Some(len) = rest[inner_start..].find(POP_DIRECTIONAL_ISOLATE) else {
            break;
        };
        push_clean_text(&rest[..start], out);
        let inner_text = &rest[inner_start..inner_start + len];
        if inner_text.chars().any(char::is_alphabetic) {
            let mut inner = Vec::new();
            push_clean_text(inner_text, &mut inner);
            out.push(Inline::Isolate {
                lang: None,
                content: inner,
            });
        } else {
            // Digits and punctuation have no strong direction to isolate.
            push_clean_text(inner_text, out);
        }
        rest = &rest[inner_start + len + POP_DIRECTIONAL_ISOLATE.len_utf8()..];
    }
    push_clean_text(rest, out);
}

/// True when `text` has no character [`push_clean_text`] drops or changes,
/// nor an isolate: none of its bytes is below 0x20, 0x7F, or the first byte
/// of a C1 control (C2) or of a bidi control (E2). Most text passes; the
/// rest is looked at by character. One branch-free pass over the bytes.
fn surely_clean(text: &str) -> bool {
    text.bytes().fold(true, |clean, b| {
        clean & (b >= 0x20) & (b != 0x7F) & (b != 0xC2) & (b != 0xE2)
    })
}

/// Whether `c` is dropped or changed by [`push_clean_text`].
fn is_unclean(c: char) -> bool {
    c == '\t' || is_bidi_control(c) || c.is_control()
}

/// [`push_clean_text`] for an owned string, kept without a copy when clean.
fn push_clean_owned(text: String, out: &mut Vec<Inline>) {
    if text.is_empty() || (!surely_clean(&text) && text.contains(is_unclean)) {
        return push_clean_text(&text, out);
    }
    match out.last_mut() {
        Some(Inline::Text(last)) => last.push_str(&text),
        _ => out.push(Inline::Text(text)),
    }
}

fn push_clean_text(text: &str, out: &mut Vec<Inline>) {
    if surely_clean(text) || !text.contains(is_unclean) {
        if !text.is_empty() {
            match out.last_mut() {
                Some(Inline::Text(last)) => last.push_str(text),
                _ => out.push(Inline::Text(text.to_owned())),
            }
        }
        return;
    }
    let clean = clean_text(text);
    if clean.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Inline::Text(last)) => last.push_str(&clean),
        _ => out.push(Inline::Text(clean)),
    }
}

/// A piece of inline markup in a one-line value, for tools that must keep it
/// while the words around and inside it are translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupSpan {
    /// What the markup is.
    pub kind: MarkupKind,
    /// The bytes that open it (`*`, `**`, `[`, `![`), or all of it when
    /// nothing inside is text (a note reference, an autolink).
    pub open: Range<usize>,
    /// The bytes that close it (`*`, `**`, `](https://…)`); `None` when
    /// `open` is all of it.
    pub close: Option<Range<usize>>,
}

/// What a [`MarkupSpan`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkupKind {
    /// `*text*` or `_text_`.
    Emphasis,
    /// `**text**` or `__text__`.
    Strong,
    /// `[text](address)`.
    Link,
    /// `![description](address)`.
    Image,
    /// `<https://…>`, whose text is its address.
    Autolink,
    /// `[^id]`.
    Note,
}

/// The inline markup of a one-line value, as [`parse_inline`] reads it, by
/// byte ranges of `value`, in text order (an opening before what it holds).
pub fn markup_spans(value: &str) -> Vec<MarkupSpan> {
    let prepared = neutralize_block_syntax(value);
    // The prepared text is `value` trimmed, with backslashes inserted before
    // some characters: each prepared offset maps to one of `value`.
    let lead = value.len() - value.trim_start().len();
    let original = value.trim().as_bytes();
    let mut map = Vec::with_capacity(prepared.len() + 1);
    let mut at = 0;
    for &byte in prepared.as_bytes() {
        map.push(lead + at);
        if original.get(at) == Some(&byte) {
            at += 1;
        }
    }
    map.push(lead + at);
    let span = |range: Range<usize>| map[range.start]..map[range.end];

    let mut spans: Vec<MarkupSpan> = Vec::new();
    // Open elements: their index in `spans` (or none for other tags), and
    // where their last inner event ended.
    let mut open: Vec<(Option<usize>, usize)> = Vec::new();
    let parser = Parser::new_ext(&prepared, Options::ENABLE_OLD_FOOTNOTES).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Start(tag) => {
                let found = match tag {
                    Tag::Emphasis => Some((MarkupKind::Emphasis, 1)),
                    Tag::Strong => Some((MarkupKind::Strong, 2)),
                    Tag::Link {
                        link_type: LinkType::Inline,
                        ..
                    } => Some((MarkupKind::Link, 1)),
                    Tag::Image {
                        link_type: LinkType::Inline,
                        ..
                    } => Some((MarkupKind::Image, 2)),
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => Some((MarkupKind::Autolink, range.len())),
                    _ => None,
                };
                // Deeper markup is text to the renderer, and is not marked.
                let depth = open.iter().filter(|(index, _)| index.is_some()).count();
                let found = found.filter(|_| depth < MAX_NESTING);
                let index = found.map(|(kind, opener)| {
                    spans.push(MarkupSpan {
                        kind,
                        open: span(range.start..range.start + opener),
                        close: None,
                    });
                    spans.len() - 1
                });
                open.push((index, range.start + found.map_or(0, |(_, opener)| opener)));
            }
            Event::End(_) => {
                let Some((index, inner_end)) = open.pop() else {
                    continue;
                };
                if let Some(last) = open.last_mut() {
                    last.1 = range.end;
                }
                let Some(index) = index else { continue };
                let markup = &mut spans[index];
                match markup.kind {
                    MarkupKind::Autolink => markup.open = span(range),
                    MarkupKind::Emphasis => markup.close = Some(span(range.end - 1..range.end)),
                    MarkupKind::Strong => markup.close = Some(span(range.end - 2..range.end)),
                    MarkupKind::Link | MarkupKind::Image => {
                        markup.close = Some(span(inner_end..range.end));
                    }
                    MarkupKind::Note => {}
                }
            }
            Event::FootnoteReference(_) => {
                spans.push(MarkupSpan {
                    kind: MarkupKind::Note,
                    open: span(range.clone()),
                    close: None,
                });
                if let Some(last) = open.last_mut() {
                    last.1 = range.end;
                }
            }
            _ => {
                if let Some(last) = open.last_mut() {
                    last.1 = range.end;
                }
            }
        }
    }
    // Paragraph frames and autolinks' text are not markup of their own.
    spans
}

#[cfg(test)]
mod tests;
