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
pub fn flowed(document: &Document) -> String {
    write_lines(&layout(document, Indent::None), |line, out| {
        if line.text.starts_with([' ', '>']) || line.text.starts_with("From ") {
            out.push(' ');
        }
        out.push_str(&line.text);
        if line.soft {
            out.push(' ');
        }
    })
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
            let marker = format!("[{}] ", note.number);
            let indent = hang(marker.len());
            let mut description = text(&note.description);
            if let Some(title) = &note.cited_title {
                description.push_str(". ");
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
            });
            blocks.push(lines);
        }
    }
    blocks
}

/// A paragraph wrapped into lines, each but the last a soft break.
fn paragraph(text: &str, initial_indent: &str, subsequent_indent: &str) -> Vec<Line> {
    let wrapped = wrap(text, initial_indent, subsequent_indent);
    let lines: Vec<&str> = wrapped.split('\n').collect();
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| Line {
            text: line.to_owned(),
            soft: i + 1 < count,
        })
        .collect()
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
                out.push_str(&format!("[{}]", note.number));
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
///
/// The first-fit loop is textwrap's `wrap_algorithms::wrap_first_fit` written
/// out over the words' integer widths, each line cut from the text as soon as
/// it is found. Calling `wrap_first_fit` instead (floating-point widths, a
/// display-width call for each word's empty penalty, a vector of lines) made
/// building the 100 x 30 project take 8% more CPU time (BENCHMARKS.md, "Text
/// wrapping"), so the loop stays.
fn wrap(text: &str, initial_indent: &str, subsequent_indent: &str) -> String {
    let text = single_spaced(text);
    let text = text.as_ref();
    let mut out = String::with_capacity(text.len() + text.len() / 32 + initial_indent.len());
    let mut open = 0;
    if text.len() < WIDTH && initial_indent.is_empty() {
        balance_isolates(text.trim_end(), &mut open, &mut out);
        return out;
    }
    let words = words_keeping_urls(text);
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
            return;
        };
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
fn words_keeping_urls(line: &str) -> Vec<Word<'_>> {
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
            is_url_like(chunk).then(|| textwrap::core::display_width(chunk))
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
        // Byte ranges of the pieces between break opportunities, except after
        // a hyphen: a line ending in one reads as a word split in two, so
        // "US-Mexican" stays whole.
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
        let first = words.len();
        words.extend(
            pieces
                .into_iter()
                .map(|(start, end)| Word::from(&chunk[start..end])),
        );
        if let Some(last) = words[first..].last_mut() {
            last.whitespace = whitespace;
        }
    }
    words
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
mod tests {
    use super::*;
    use proptest::prelude::*;
    use textwrap::{Options, WordSplitter, WrapAlgorithm};

    /// The width [`words_keeping_urls`] gives `word` without the segmenter:
    /// one column a character, when every character binds.
    fn unbreakable_width(word: &str) -> Option<usize> {
        let words = words_keeping_urls(word);
        let judged = word.chars().all(|c| binds(u32::from(c)));
        match words.as_slice() {
            [only] if judged => Some(only.width),
            _ => None,
        }
    }

    fn is_unbreakable(word: &str) -> bool {
        unbreakable_width(word).is_some()
    }

    #[test]
    fn words_judged_unbreakable_have_no_break_opportunity() {
        let words = [
            "word",
            "Word.",
            "a,b",
            "1.5",
            "2023:",
            "élan",
            "Ünïcödé;",
            "ŁódźŻ",
            "Ελληνικά",
            "Русский.",
            "עברית",
            "العربية",
            "x1y2",
            "end.",
        ];
        for word in words {
            assert!(is_unbreakable(word), "{word}");
            let parts: Vec<&str> = WordSeparator::UnicodeBreakProperties
                .find_words(word)
                .map(|w| w.word)
                .collect();
            assert_eq!(parts, [word], "the segmenter breaks {word}");
        }
        for word in [
            "US-Mexican",
            "a/b",
            "日本語",
            "ไทย",
            "हिन्दी",
            "“quoted”",
            "a×b",
        ] {
            assert!(!is_unbreakable(word), "{word}");
        }
    }

    #[test]
    fn the_segmenter_agrees_on_every_unbreakable_word_of_the_shipped_and_generated_letters() {
        let mut checked = 0;
        for paragraph in crate::corpus::sample_values() {
            for word in paragraph.split_whitespace().filter(|w| is_unbreakable(w)) {
                let parts = WordSeparator::UnicodeBreakProperties.find_words(word);
                assert_eq!(parts.count(), 1, "the segmenter breaks {word}");
                assert_eq!(
                    unbreakable_width(word),
                    Some(textwrap::core::display_width(word)),
                    "{word}"
                );
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// The words as textwrap's own separators find them: the reference.
    fn reference_words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
        Box::new(
            WordSeparator::AsciiSpace
                .find_words(line)
                .flat_map(|chunk| {
                    // One word as is, without a vector: most words need no segmenter.
                    if is_unbreakable(chunk.word) || is_url_like(chunk.word) {
                        return Some(chunk).into_iter().chain(Vec::new());
                    }
                    // Byte ranges of the pieces between break opportunities,
                    // except after a hyphen: a line ending in one reads as a
                    // word split in two, so "US-Mexican" stays whole.
                    let mut pieces: Vec<(usize, usize)> = Vec::new();
                    let mut start = 0;
                    for part in WordSeparator::UnicodeBreakProperties.find_words(chunk.word) {
                        let end = start + part.word.len() + part.whitespace.len();
                        match pieces.last_mut() {
                            Some(last) if chunk.word[..last.1].ends_with('-') => last.1 = end,
                            _ => pieces.push((start, end)),
                        }
                        start = end;
                    }
                    let mut parts: Vec<Word<'_>> = pieces
                        .into_iter()
                        .map(|(start, end)| Word::from(&chunk.word[start..end]))
                        .collect();
                    if let Some(last) = parts.last_mut() {
                        last.whitespace = chunk.whitespace;
                    }
                    None.into_iter().chain(parts)
                }),
        )
    }

    #[test]
    fn single_spacing_borrows_only_what_needs_no_change() {
        for text in [
            "",
            "a",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "a\u{2003}b",
            "a\u{3000}b",
            "a\u{85}b",
            "a b",
            "日本語 と",
            "’quoted’ words",
            "a\u{1680}b",
        ] {
            let expected = text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(text), expected, "{text:?}");
        }
        assert!(matches!(
            single_spaced("plain text, one space"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn wrapping_matches_textwrap_first_fit() {
        let reference = |text: &str, initial: &str, subsequent: &str| {
            let text = text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
            let options = Options::new(WIDTH)
                .initial_indent(initial)
                .subsequent_indent(subsequent)
                .break_words(false)
                .word_splitter(WordSplitter::NoHyphenation)
                .wrap_algorithm(WrapAlgorithm::FirstFit)
                .word_separator(WordSeparator::Custom(reference_words));
            let mut open = 0;
            textwrap::wrap(&text, &options)
                .iter()
                .map(|line| {
                    let mut out = String::new();
                    balance_isolates(line.trim_end(), &mut open, &mut out);
                    out
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let mut paragraphs = crate::corpus::sample_values();
        paragraphs.extend(
            [
                "",
                " ",
                "short",
                "\u{2068}isolated words that run on long enough to wrap across more than one line of the text\u{2069} and more",
                "a-very-long-hyphenated-word-that-is-wider-than-the-whole-line-by-itself-and-then-some more",
            ]
            .map(String::from),
        );
        for text in &paragraphs {
            for (initial, subsequent) in [("", ""), ("- ", "  "), ("[12] ", "     ")] {
                assert_eq!(
                    wrap(text, initial, subsequent),
                    reference(text, initial, subsequent),
                    "{text:?}"
                );
            }
        }
        assert!(paragraphs.len() > 2000, "{}", paragraphs.len());
    }

    /// Words of letters, CJK, digits, hyphens, slashes, combining marks,
    /// emoji and the odd URL, up to twice the page's width.
    fn words() -> impl Strategy<Value = Vec<String>> {
        let chars = prop::sample::select(vec![
            'a', 'z', 'é', 'ß', 'Ж', 'ع', '漢', '字', 'ー', '1', '-', '/', '.', ',', '(',
            '\u{301}', '😀', '\u{00A0}',
        ]);
        let word = prop_oneof![
            8 => prop::collection::vec(chars, 1..20).prop_map(|c| c.into_iter().collect::<String>()),
            1 => prop::collection::vec(prop::sample::select(vec!['x', '-', '漢']), 60..150)
                .prop_map(|c| c.into_iter().collect::<String>()),
            1 => (1usize..120).prop_map(|n| format!("https://example.org/{}", "p".repeat(n))),
        ];
        prop::collection::vec(word, 0..60)
    }

    fn non_space(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    proptest! {
        #[test]
        fn wrapping_keeps_every_character_in_order_within_the_width(words in words()) {
            let text = words.join(" ");
            for (first, rest) in [("", ""), ("- ", "  "), ("[12] ", "     ")] {
                let wrapped = wrap(&text, first, rest);
                let indents = non_space(first);
                let kept: String = non_space(&wrapped);
                // A no-break space is text, not a space to collapse: a line
                // of it alone keeps its indent.
                let expected = if text.trim_ascii().is_empty() {
                    String::new()
                } else {
                    format!("{indents}{}", non_space(&text))
                };
                prop_assert_eq!(kept, expected);
                for line in wrapped.lines() {
                    let width = textwrap::core::display_width(line);
                    let body = line.trim_start_matches(' ');
                    let body = body.strip_prefix(first.trim_end()).unwrap_or(body).trim_start();
                    // Only what cannot be broken stands alone past the width.
                    prop_assert!(width <= WIDTH || !body.contains(' '), "{width}: {line:?}");
                    prop_assert!(!line.ends_with(' '), "{line:?}");
                }
            }
        }
    }

    #[test]
    fn long_urls_are_never_broken() {
        let url = "https://example.org/a/very/long/path/that/goes/on/and/on/and/on/past/the/width";
        let wrapped = wrap(&format!("see <{url}> for more"), "", "");
        assert!(
            wrapped.lines().any(|line| line == format!("<{url}>")),
            "{wrapped}"
        );
    }

    #[test]
    fn hyphenated_words_stay_on_one_line() {
        // "US-" would still fit on the first line; "Mexican" would not.
        let text = format!("{} US-Mexican border", "x".repeat(66));
        let wrapped = wrap(&text, "", "");
        assert_eq!(wrapped, format!("{}\nUS-Mexican border", "x".repeat(66)));
        let cjk = "漢字".repeat(40);
        assert!(wrap(&cjk, "", "").lines().count() > 1, "CJK still breaks");
    }

    #[test]
    fn a_no_break_space_holds_its_words_together() {
        let text = format!("{} mots\u{202F}; et", "x".repeat(66));
        assert_eq!(
            wrap(&text, "", ""),
            format!("{}\nmots\u{202F}; et", "x".repeat(66))
        );
    }

    #[test]
    fn a_link_is_its_text_then_its_address() {
        let url = "https://example.org/report";
        let link = |text: &str| Inline::Link {
            url: url.to_owned(),
            content: vec![Inline::Text(text.to_owned())],
        };
        assert_eq!(
            plain(&[link("the report")], false),
            "the report (https://example.org/report)"
        );
        assert_eq!(plain(&[link(url)], false), url);
    }

    #[test]
    fn lines_fit_the_width_and_items_hang() {
        let text = "word ".repeat(40);
        let wrapped = wrap(&text, "- ", "  ");
        for line in wrapped.lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
        assert!(wrapped.starts_with("- word"));
        assert!(wrapped.lines().skip(1).all(|l| l.starts_with("  word")));
    }

    #[test]
    fn an_isolate_wrapped_across_lines_is_closed_and_reopened() {
        let text = format!(
            "{} \u{2068}{}\u{2069} end",
            "word ".repeat(12),
            "title ".repeat(6)
        );
        let wrapped = wrap(&text, "", "");
        for line in wrapped.lines() {
            let opened = line.matches('\u{2068}').count();
            assert_eq!(opened, line.matches('\u{2069}').count(), "{line:?}");
        }
        assert!(
            wrapped.lines().filter(|l| l.contains('\u{2068}')).count() >= 2,
            "{wrapped}"
        );
    }

    #[test]
    fn wide_characters_count_double() {
        let text = "漢字".repeat(40);
        let wrapped = wrap(&text, "", "");
        for line in wrapped.lines() {
            assert!(textwrap::core::display_width(line) <= WIDTH, "{line}");
        }
    }
}
