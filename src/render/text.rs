//! The letter as plain text, for email and screen readers: UTF-8, LF line ends,
//! no line wider than 72 columns (by Unicode width) except a URL that does not
//! fit, which stands alone on its line, never broken; one blank line between paragraphs; list
//! items as `- ` with a hanging indent; `[N]` note markers and the sources at
//! the end, each URL on its own line. No Markdown syntax, no rules or tabs.

use textwrap::WordSeparator;
use textwrap::core::Word;

use crate::document::{Block, Document, Inline, Span};
use crate::lang::Direction;

/// The widest a line may be, in columns.
pub const WIDTH: usize = 72;

use super::{FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE, isolated};

/// The letter as plain text.
pub fn letter(document: &Document) -> String {
    write_lines(&layout(document, Indent::Hanging), |line, out| {
        out.push_str(&line.text);
    })
}

/// The letter as `format=flowed` text (RFC 3676), for the plain part of an
/// email: the same words and lines, but each line that continues a paragraph
/// ends in a space (a soft break a mail client may reflow), lines that would
/// read as quoted or as indentation are space-stuffed, and continuation lines
/// have no hanging indent, which reflowing would turn into stray spaces.
/// Lines end in LF; the email writer makes them CRLF.
///
/// Where a soft break falls between characters that no space separates (as
/// between two Japanese characters), the text is `DelSp=yes`: a reader
/// deletes the space that marks each soft break, so a break at a space keeps
/// that space before the mark, and reflowing puts no space inside a word.
pub fn flowed(document: &Document) -> Flowed {
    let blocks = layout(document, Indent::None);
    let delsp = blocks
        .iter()
        .flatten()
        .any(|line| line.soft && !line.spaced);
    let text = write_lines(&blocks, |line, out| {
        if line.text.starts_with([' ', '>']) || line.text.starts_with("From ") {
            out.push(' ');
        }
        out.push_str(&line.text);
        if line.soft {
            if delsp && line.spaced {
                out.push(' ');
            }
            out.push(' ');
        }
    });
    Flowed { text, delsp }
}

/// The plain part of an email as `format=flowed` text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flowed {
    /// The lines, ended with LF.
    pub text: String,
    /// Whether the text is `DelSp=yes` (RFC 3676, section 4.2).
    pub delsp: bool,
}

/// The blocks' lines, each written by `write` and ended with LF, with a
/// blank line between blocks.
fn write_lines(blocks: &[Vec<Line>], write: impl Fn(&Line, &mut String)) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for line in block {
            write(line, &mut out);
            out.push('\n');
        }
    }
    out
}

/// One line of the laid-out letter.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    text: String,
    /// The paragraph goes on in the next line: a break only for width.
    soft: bool,
    /// The break after the line falls at a space, not between two characters
    /// written together.
    spaced: bool,
}

/// Whether wrapped list items and notes indent their continuation lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Indent {
    Hanging,
    None,
}

/// The letter's blocks, each a run of lines, in reading order.
fn layout(document: &Document, indent: Indent) -> Vec<Vec<Line>> {
    let rtl = document.lang.direction() == Direction::Rtl;
    let urls = link_urls(document);
    let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
    let paragraph =
        |text: &str, initial: &str, subsequent: &str| paragraph(text, initial, subsequent, &urls);
    let text = |span: &Span| plain(&span.content, rtl);
    let hang = |width: usize| match indent {
        Indent::Hanging => " ".repeat(width),
        Indent::None => String::new(),
    };
    let mut blocks: Vec<Vec<Line>> = Vec::new();

    for notice in [
        &document.chrome.draft_notice,
        &document.chrome.fallback_notice,
    ]
    .into_iter()
    .flatten()
    {
        blocks.push(paragraph(&text(notice), "", ""));
    }

    let mut recipient = paragraph(&text(&document.recipient), "", "");
    for line in &document.address {
        recipient.extend(paragraph(&data(line, rtl), "", ""));
    }
    blocks.push(recipient);
    blocks.push(paragraph(&text(&document.date.text), "", ""));
    let subject = format!(
        "{} {}",
        text(&document.subject_label),
        text(&document.subject)
    );
    blocks.push(paragraph(&subject, "", ""));
    blocks.push(paragraph(&text(&document.salutation), "", ""));
    for block in &document.body {
        match block {
            Block::Paragraph(content) => blocks.push(paragraph(&text(content), "", "")),
            Block::List(items) => blocks.push(
                items
                    .iter()
                    .flat_map(|item| paragraph(&text(item), "- ", &hang(2)))
                    .collect(),
            ),
        }
    }
    blocks.push(paragraph(&text(&document.closing), "", ""));
    for signatory in &document.signatories {
        let mut lines = paragraph(&data(&signatory.name, rtl), "", "");
        lines.extend(paragraph(&text(&signatory.title), "", ""));
        lines.extend(paragraph(&text(&signatory.organisation), "", ""));
        blocks.push(lines);
    }

    if !document.notes.is_empty() {
        blocks.push(paragraph(&text(&document.chrome.sources_heading), "", ""));
        for note in &document.notes {
            let marker = format!("[{}] ", note.numeral);
            let indent = hang(textwrap::core::display_width(&marker));
            let mut description = text(&note.description);
            if let Some(title) = &note.cited_title {
                description.push_str(&text(&document.chrome.title_separator));
                description.push_str(&text(title));
            }
            if let Some(language) = &note.document_language {
                description.push(' ');
                description.push_str(&text(language));
            }
            let mut lines = paragraph(&description, &marker, &indent);
            // A URL under its note, whole even when wider than the page.
            lines.push(Line {
                text: format!("{indent}{}", note.url),
                soft: false,
                spaced: true,
            });
            blocks.push(lines);
        }
    }
    blocks
}

/// A paragraph wrapped into lines, each but the last a soft break. `urls`
/// are the addresses of the letter's links, kept whole.
fn paragraph(
    text: &str,
    initial_indent: &str,
    subsequent_indent: &str,
    urls: &[&str],
) -> Vec<Line> {
    let mut spaced = Vec::new();
    let wrapped = wrap_keeping(text, initial_indent, subsequent_indent, urls, &mut spaced);
    let lines: Vec<&str> = wrapped.split('\n').collect();
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| Line {
            text: line.to_owned(),
            soft: i + 1 < count,
            spaced: spaced.get(i).copied().unwrap_or(true),
        })
        .collect()
}

/// The address of every link in the letter, each once.
fn link_urls(document: &Document) -> Vec<String> {
    fn walk(content: &[Inline], urls: &mut Vec<String>) {
        for inline in content {
            match inline {
                Inline::Link { url, content } => {
                    if !urls.contains(url) {
                        urls.push(url.clone());
                    }
                    walk(content, urls);
                }
                Inline::Emphasis(children)
                | Inline::Strong(children)
                | Inline::Isolate {
                    content: children, ..
                } => walk(children, urls),
                Inline::Text(_) | Inline::NoteRef(_) => {}
            }
        }
    }
    let chrome = &document.chrome;
    let mut spans: Vec<&Span> = vec![
        &document.recipient,
        &document.subject,
        &document.salutation,
        &document.closing,
    ];
    spans.extend(chrome.draft_notice.iter().chain(&chrome.fallback_notice));
    for block in &document.body {
        match block {
            Block::Paragraph(span) => spans.push(span),
            Block::List(items) => spans.extend(items),
        }
    }
    for signatory in &document.signatories {
        spans.extend([&signatory.title, &signatory.organisation]);
    }
    for note in &document.notes {
        spans.push(&note.description);
        spans.extend(note.cited_title.iter().chain(&note.document_language));
    }
    let mut urls = Vec::new();
    for span in spans {
        walk(&span.content, &mut urls);
    }
    urls
}

/// Data (a name, an address line) isolated from a right-to-left paragraph, so
/// that Latin-script data keeps its order; left-to-right text has no controls.
fn data(text: &str, rtl: bool) -> String {
    if rtl {
        format!("{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}")
    } else {
        text.to_owned()
    }
}

/// Inline content as text: markup dropped, notes as `[N]`, links followed by
/// their address in parentheses, interpolated values isolated only in right-to-left text.
fn plain(content: &[Inline], rtl: bool) -> String {
    let mut out = String::new();
    push_plain(content, rtl, &mut out);
    out
}

fn push_plain(content: &[Inline], rtl: bool, out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Emphasis(children) | Inline::Strong(children) => push_plain(children, rtl, out),
            Inline::Link { url, content } => {
                let text = plain(content, rtl);
                if text == *url {
                    out.push_str(url);
                } else {
                    out.push_str(&text);
                    out.push_str(" (");
                    out.push_str(url);
                    out.push(')');
                }
            }
            Inline::NoteRef(note) => {
                out.push('[');
                out.push_str(&note.numeral);
                out.push(']');
            }
            Inline::Isolate { content, .. } => {
                isolated(rtl, out, |out| push_plain(content, rtl, out));
            }
        }
    }
}

/// Wraps one paragraph at line-break opportunities (UAX #14) to [`WIDTH`]:
/// first fit, words never broken, exactly as `textwrap::wrap` does with those
/// options (a test holds the two to the same output), without its per-line
/// allocations.
#[cfg(test)]
fn wrap(text: &str, initial_indent: &str, subsequent_indent: &str) -> String {
    wrap_keeping(
        text,
        initial_indent,
        subsequent_indent,
        &[],
        &mut Vec::new(),
    )
}

/// [`wrap`], keeping each of `urls` whole with what binds to it (the
/// parentheses around it, a full stop after it) but breaking where the line
/// breaking rules allow after that; `spaced` gets, for each line, whether the
/// break after it falls at a space.
///
/// The first-fit loop is textwrap's `wrap_algorithms::wrap_first_fit` written
/// out over the words' integer widths, each line cut from the text as soon as
/// it is found. Calling `wrap_first_fit` instead (floating-point widths, a
/// display-width call for each word's empty penalty, a vector of lines) made
/// building the 100 x 30 project take 8% more CPU time (BENCHMARKS.md, "Text
/// wrapping"), so the loop stays.
fn wrap_keeping(
    text: &str,
    initial_indent: &str,
    subsequent_indent: &str,
    urls: &[&str],
    spaced: &mut Vec<bool>,
) -> String {
    let text = single_spaced(text);
    let text = text.as_ref();
    let mut out = String::with_capacity(text.len() + text.len() / 32 + initial_indent.len());
    let mut open = 0;
    if text.len() < WIDTH && initial_indent.is_empty() {
        balance_isolates(text.trim_end(), &mut open, &mut out);
        return out;
    }
    let words = words_keeping_urls(text, urls);
    let widths = [
        WIDTH.saturating_sub(textwrap::core::display_width(initial_indent)),
        WIDTH.saturating_sub(textwrap::core::display_width(subsequent_indent)),
    ];
    let mut lines = 0;
    let mut offset = 0;
    let mut line = |words: &[Word<'_>], out: &mut String| {
        if lines > 0 {
            out.push('\n');
        }
        let Some(last) = words.last() else {
            lines += 1;
            spaced.push(true);
            return;
        };
        spaced.push(!last.whitespace.is_empty());
        let len: usize = words.iter().map(|w| w.len() + w.whitespace.len()).sum();
        let indent = if lines == 0 {
            initial_indent
        } else {
            subsequent_indent
        };
        let body = &text[offset..offset + len - last.whitespace.len()];
        if indent.is_empty() {
            balance_isolates(body.trim_end(), &mut open, out);
        } else {
            let mut joined = String::with_capacity(indent.len() + body.len());
            joined.push_str(indent);
            joined.push_str(body);
            balance_isolates(joined.trim_end(), &mut open, out);
        }
        offset += len;
        lines += 1;
    };
    let mut start = 0;
    let mut width = 0;
    for (index, word) in words.iter().enumerate() {
        // The line being filled is the first until one is written.
        let line_width = widths[usize::from(start > 0)];
        if width + word.width > line_width && index > start {
            line(&words[start..index], &mut out);
            start = index;
            width = 0;
        }
        width += word.width + word.whitespace.len();
    }
    line(&words[start..], &mut out);
    out
}

/// Closes at the end of a line every isolate still open there and reopens it at
/// the start of the next, since each line of a text file is its own bidi paragraph.
fn balance_isolates(line: &str, open: &mut usize, out: &mut String) {
    let reopen = *open;
    // Both isolate controls start with the byte E2: a line without it, as
    // most are, needs no scan by character.
    if line.as_bytes().contains(&0xE2) {
        for c in line.chars() {
            match c {
                FIRST_STRONG_ISOLATE => *open += 1,
                POP_DIRECTIONAL_ISOLATE => *open = open.saturating_sub(1),
                _ => {}
            }
        }
    }
    if reopen == 0 && *open == 0 {
        out.push_str(line);
        return;
    }
    let body = line.trim_start_matches(' ');
    out.push_str(&line[..line.len() - body.len()]);
    out.extend(std::iter::repeat_n(FIRST_STRONG_ISOLATE, reopen));
    out.push_str(body);
    out.extend(std::iter::repeat_n(POP_DIRECTIONAL_ISOLATE, *open));
}

/// The words of a line whose words are separated by single spaces (as
/// [`wrap`] makes it): split at spaces, then at the Unicode line-break
/// opportunities inside each space-separated chunk, except in a chunk holding
/// a URL, which stays whole. Each word keeps the space after it.
///
/// One pass over the bytes finds each chunk's end and whether the Unicode
/// line-break rules (UAX #14) allow no break inside it, judged from its
/// characters alone: letters and digits of alphabets written with spaces
/// between words, and the punctuation that binds to them (`.`, `,`, `:`,
/// `;`), each one column wide. Most words of most languages are such, and they
/// skip the line segmenter, the costliest step of rendering text. Anything
/// else (hyphens, slashes, quotation marks, CJK, Thai, Brahmic scripts) goes
/// to the segmenter.
fn words_keeping_urls<'a>(line: &'a str, urls: &[&str]) -> Vec<Word<'a>> {
    let bytes = line.as_bytes();
    let mut words = Vec::with_capacity(line.len() / 5 + 1);
    let mut rest_start = 0;
    while rest_start < bytes.len() {
        let start = rest_start;
        let mut at = start;
        let mut width = 0;
        let mut unbreakable = true;
        while let Some(&b) = bytes.get(at).filter(|b| **b != b' ') {
            let (code, len) = match b {
                0x00..=0x7F => (u32::from(b), 1),
                // Two bytes: U+0080 to U+07FF, where every alphabet above is.
                0xC0..=0xDF => {
                    let next = bytes.get(at + 1).copied().unwrap_or(0);
                    ((u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F), 2)
                }
                0xE0..=0xEF => (u32::MAX, 3),
                _ => (u32::MAX, 4),
            };
            unbreakable &= binds(code);
            width += 1;
            at += len;
        }
        let at = at.min(bytes.len());
        let chunk = &line[start..at];
        let whitespace = if at < bytes.len() { " " } else { "" };
        rest_start = at + 1;
        if chunk.is_empty() {
            continue;
        }
        let width = if unbreakable {
            Some(width)
        } else {
            (is_url_like(chunk) && known_url(chunk, urls).is_none())
                .then(|| textwrap::core::display_width(chunk))
        };
        if let Some(width) = width {
            words.push(Word {
                word: chunk,
                whitespace,
                penalty: "",
                width,
            });
            continue;
        }
        let first = words.len();
        words.extend(
            pieces_keeping_urls(chunk, urls)
                .into_iter()
                .map(|(start, end)| Word::from(&chunk[start..end])),
        );
        if let Some(last) = words[first..].last_mut() {
            last.whitespace = whitespace;
        }
    }
    words
}

/// Byte ranges of the pieces of a chunk without spaces between which a line
/// may break: at the line-break opportunities of UAX #14, except after a
/// hyphen (a line ending in one reads as a word split in two, so
/// "US-Mexican" stays whole) and inside one of `urls`, which stays whole
/// with what binds to it on either side: its opening parenthesis, and its
/// closing one with a full stop after it. Text written against it, as
/// Japanese is, may still go to the next line.
fn pieces_keeping_urls(chunk: &str, urls: &[&str]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    // The URL found last, glued to the first piece of what follows it.
    let mut glued: Option<(usize, usize)> = None;
    let mut offset = 0;
    loop {
        let rest = &chunk[offset..];
        let found = known_url(rest, urls);
        let before = found.map_or(rest.len(), |(start, _)| start);
        let mut parts = pieces(&rest[..before])
            .into_iter()
            .map(|(from, to)| (from + offset, to + offset));
        if let Some((from, end)) = glued.take() {
            // The rest starts with the URL's last character: whether a line
            // may break after the URL is the rules' call on that character
            // and what follows it ("(URL)." is one piece, "(URL)に" two),
            // but letters and digits written against the address, which the
            // rules bind to it ("(URL)พบ"), may go to the next line.
            let to = parts.next().map_or(end, |(_, to)| to.max(end));
            let binding = chunk[end..to]
                .char_indices()
                .find(|(_, c)| c.is_alphanumeric())
                .map_or(to, |(at, _)| end + at);
            out.push((from, binding));
            if binding < to {
                out.push((binding, to));
            }
        }
        out.extend(parts);
        let Some((start, end)) = found else {
            break;
        };
        // The URL binds to what precedes it in its chunk ("(").
        let from = match out.last() {
            Some(&(from, to)) if to == offset + start && from >= offset => {
                out.pop();
                from
            }
            _ => offset + start,
        };
        let end = offset + end;
        let last_char = chunk[..end].chars().next_back().map_or(0, char::len_utf8);
        glued = Some((from, end));
        offset = end - last_char;
        if offset + last_char == chunk.len() {
            out.push((from, end));
            break;
        }
    }
    out
}

/// The byte ranges of the pieces of `chunk` between line-break
/// opportunities, none ending after a hyphen.
fn pieces(chunk: &str) -> Vec<(usize, usize)> {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for part in WordSeparator::UnicodeBreakProperties.find_words(chunk) {
        let end = start + part.word.len() + part.whitespace.len();
        match pieces.last_mut() {
            Some(last) if chunk[..last.1].ends_with('-') => last.1 = end,
            _ => pieces.push((start, end)),
        }
        start = end;
    }
    pieces
}

/// Where the first of `urls` to appear in `chunk` is, as a byte range, with
/// the closing parenthesis after it; the longest where several start at the
/// same place.
fn known_url(chunk: &str, urls: &[&str]) -> Option<(usize, usize)> {
    if urls.is_empty() || !is_url_like(chunk) {
        return None;
    }
    let (start, len) = urls
        .iter()
        .filter_map(|url| chunk.find(url).map(|at| (at, url.len())))
        .min_by_key(|&(at, len)| (at, std::cmp::Reverse(len)))?;
    let end = start + len;
    let end = if chunk[end..].starts_with(')') {
        end + 1
    } else {
        end
    };
    Some((start, end))
}

/// `text` with every run of ASCII white space made one space and none at either end;
/// borrowed when it is so already, as most text is.
fn single_spaced(text: &str) -> std::borrow::Cow<'_, str> {
    // Only ASCII white space is collapsed: a no-break space (French puts a
    // narrow one before `;`) must keep the words on either side together.
    // A space at either end or after a space, or any other ASCII white
    // space, needs the text rebuilt. Folds without early exit, which the
    // compiler turns into wide comparisons.
    let bytes = text.as_bytes();
    let doubled = bytes.windows(2).fold(false, |found, pair| {
        found | ((pair[0] == b' ') & (pair[1] == b' '))
    });
    let other = bytes
        .iter()
        .fold(false, |found, &b| found | (b.wrapping_sub(0x09) < 5));
    let plain = !doubled
        && !other
        && bytes.first().is_some_and(|b| *b != b' ')
        && bytes.last().is_some_and(|b| *b != b' ');
    if plain {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Whether the character `code` is one around which UAX #14 never breaks
/// within a word: see [`words_keeping_urls`]. One table lookup: every such
/// character is below U+0800.
fn binds(code: u32) -> bool {
    const TABLE: [bool; 0x800] = {
        let mut table = [false; 0x800];
        let mut code = 0;
        while code < 0x800 {
            table[code] = binds_slowly(code as u32);
            code += 1;
        }
        table
    };
    usize::try_from(code)
        .ok()
        .and_then(|code| TABLE.get(code))
        .copied()
        .unwrap_or(false)
}

const fn binds_slowly(code: u32) -> bool {
    matches!(code,
        0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A // ASCII letters and digits
        | 0x2C | 0x2E | 0x3A | 0x3B // , . : ;
        | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F // Latin letters
        | 0x386 | 0x388..=0x3CE // Greek letters
        | 0x400..=0x481 | 0x48A..=0x4FF // Cyrillic letters
        | 0x5D0..=0x5EA // Hebrew letters
        | 0x620..=0x64A // Arabic letters
    )
}

fn is_url_like(word: &str) -> bool {
    word.contains("://") || word.contains("mailto:")
}

#[cfg(test)]
mod tests;
