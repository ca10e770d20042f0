//! Text from files and folders made safe to print: a name or a translation
//! can hold escape sequences (ANSI CSI, OSC), other C0 and C1 controls or
//! bidirectional controls, which a terminal would obey or reorder. Each is
//! shown as a visible `\u{1b}` instead.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// Whether `c` is shown escaped: a control character (C0, DEL, C1), a
/// bidirectional control, or a line or paragraph separator.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// `text` with the hidden characters `escaped` says so of written `\u{…}`,
/// borrowed when there is none.
fn escape_where(
    text: &str,
    breaks_kept: bool,
    escaped: impl Fn(&str, usize, char) -> bool,
) -> Cow<'_, str> {
    // Every hidden character's UTF-8 starts with a byte below 0x20, 0x7F,
    // 0xC2 (C1 controls), 0xD8 (U+061C) or 0xE2 (the rest): most text has
    // none (but line breaks and tabs, where they are kept), and is passed
    // over byte by byte.
    let kept = |b: u8| breaks_kept & ((b == b'\n') | (b == b'\t'));
    let may_hide =
        |b: u8| (b < 0x20) & !kept(b) | (b == 0x7F) | (b == 0xC2) | (b == 0xD8) | (b == 0xE2);
    if !text.bytes().any(may_hide) {
        return Cow::Borrowed(text);
    }
    if !text
        .char_indices()
        .any(|(at, c)| hidden(c) && escaped(text, at, c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (at, c) in text.char_indices() {
        if hidden(c) && escaped(text, at, c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A name or a one-line message: every hidden character escaped, line
/// breaks and tabs too.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_where(text, false, |_, _, _| true)
}

/// A path, as [`escape`] shows it.
pub fn path(path: &Path) -> String {
    escape(&path.display().to_string()).into_owned()
}

/// Lines of text (a message over lines, a file's lines in a snippet): hidden
/// characters escaped but line breaks (`\n`, `\r\n`) and tabs kept.
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    escape_where(text, true, |text, at, c| match c {
        '\n' | '\t' => false,
        '\r' => !text[at + 1..].starts_with('\n'),
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_controls_are_shown_not_obeyed() {
        assert_eq!(
            escape("fr\u{1b}[31m\u{1b}]0;title\u{7}\u{9b}x\u{202e}y\nz"),
            "fr\\u{1b}[31m\\u{1b}]0;title\\u{7}\\u{9b}x\\u{202e}y\\u{a}z"
        );
        assert!(matches!(escape("locales/fr/app.ftl"), Cow::Borrowed(_)));
        assert_eq!(escape("日本語 ελληνικά"), "日本語 ελληνικά");
        assert_eq!(escape("a\tb\nc"), "a\\u{9}b\\u{a}c");
        assert!(matches!(escape_lines("a\tb\nc"), Cow::Borrowed(_)));
        assert_eq!(escape_lines("“a”\u{85}"), "“a”\\u{85}");
    }

    #[test]
    fn lines_keep_their_breaks_and_tabs() {
        assert_eq!(
            escape_lines("a\tb\r\nc\rd\u{1b}[2J\n"),
            "a\tb\r\nc\\u{d}d\\u{1b}[2J\n"
        );
    }
}
