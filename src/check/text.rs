//! Checks of what a translation says: characters that hide or reorder text,
//! and a translated message's Markdown, note references and numbers against
//! the source message's, and a translation that is the source text unchanged.

use std::collections::BTreeMap;

use fluent_syntax::ast;

use super::html;
use super::numbers::{self, Conventions};
use super::report::{Finding, finding};
use crate::code::{Code, Severity};
use crate::ftl::{EntryKind, FtlFile};
use crate::lang::{Direction, Lang};
use crate::markdown::{self, MarkupIssue};
use crate::scan::{self, in_range};
use crate::text::is_bidi_control;

/// Reports every bidi control (an error: it can make text read in another
/// order than it is stored, as in Trojan Source; in a right-to-left locale
/// of a Fluent tree, only overrides), every run of an invisible control
/// or format character (an error), and in a letter every directional mark
/// (a warning: rarely needed, since letterkit isolates what needs it), each
/// with its code point and position. In any other Fluent tree a mark is
/// left alone: an application that does not isolate its values needs one
/// before a Latin name in a right-to-left sentence. Characters written as
/// Fluent escapes in string literals (`{ "\u202E" }`) are judged as the
/// characters they stand for, and so are soft hyphens, variation selectors,
/// TAG characters, U+FFFD and noncharacters (see [`characters_against`],
/// which also knows the source).
pub(super) fn characters(file: &FtlFile, lang: &Lang, markup: Markup, found: &mut Vec<Finding>) {
    characters_against(file, None, lang, markup, found);
}

/// [`characters`], with the source locale's file of the same name: a soft
/// hyphen, variation selector, TAG character, U+FFFD or noncharacter that
/// the source's message has too is not reported, and one the script needs
/// (an emoji's or an ideograph's variation selector, a Mongolian free
/// variation selector, an emoji flag's TAG characters) never is; a soft
/// hyphen in a language that hyphenates long compounds is a warning.
pub(super) fn characters_against(
    file: &FtlFile,
    source: Option<&FtlFile>,
    lang: &Lang,
    markup: Markup,
    found: &mut Vec<Finding>,
) {
    let text = file.source();
    line_ends(file, lang, found);
    escaped_characters(file, source, lang, markup, found);
    let mut offsets = hidden_character_offsets(text.as_bytes()).peekable();
    if offsets.peek().is_none() {
        return;
    }
    // Parsed again with comments only when there is something to report.
    let mut spans = None;
    let mut source_messages = SourceMessages::new(source);
    let mut previous: Option<(usize, char)> = None;
    let mut repeated = 0;
    for offset in offsets {
        // Every offset starts a character: see `hidden_character_offsets`.
        let Some(c) = text.get(offset..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let Some((code, what)) = classify(c) else {
            continue;
        };
        let before = text[..offset].chars().next_back();
        if !reported_in(c, code, lang, markup) {
            continue;
        }
        // A run of the same character is one finding, at its first.
        if let Some(last) = found.last_mut()
            && previous == Some((offset, c))
        {
            previous = Some((offset + c.len_utf8(), c));
            repeated += 1;
            last.message = format!(
                "U+{:04X} {what} ({repeated} in a row){}: {}",
                c as u32,
                in_message(last.message_id.as_deref()),
                advice_for(c, code)
            );
            continue;
        }
        // The spans are in file order and do not overlap.
        let spans = spans.get_or_insert_with(|| file.entry_spans());
        let id = spans
            .get(spans.partition_point(|s| s.range.end <= offset))
            .filter(|s| s.range.contains(&offset) && s.kind == EntryKind::Message)
            .and_then(|s| s.id);
        let severity = match judge_rare(c, before, lang) {
            Rare::Common => Severity::Error,
            Rare::Needed => continue,
            Rare::Judged(_) if source_messages.has(id, c) => continue,
            Rare::Judged(severity) => severity,
        };
        previous = Some((offset + c.len_utf8(), c));
        repeated = 1;
        let mut reported = finding(
            code,
            lang,
            id,
            file.location_of_span(offset..offset + c.len_utf8()),
            format!(
                "U+{:04X} {what}{}: {}",
                c as u32,
                in_message(id),
                advice_for(c, code)
            ),
        );
        if severity == Severity::Warning {
            reported.severity = Severity::Warning;
        }
        if keeps_leading_space(text, offset, c) {
            reported.severity = Severity::Warning;
            reported.message = format!(
                "U+{:04X} {what}{} keeps the space after it from being trimmed: write `{{ \" \" }}` instead",
                c as u32,
                in_message(id)
            );
        }
        found.push(reported);
    }
}

/// Whether a character [`classify`] names is reported in a locale and kind
/// of project at all.
fn reported_in(c: char, code: Code, lang: &Lang, markup: Markup) -> bool {
    let separates_words =
        WORD_SEPARATING_LANGUAGES.contains(&lang.language_identifier().language.as_str());
    // Right-to-left teams of a Fluent tree embed and isolate Latin
    // names and placeables on purpose; an override reorders what is
    // stored, and stays reported everywhere.
    let laid_out = code == Code::BidiControl
        && markup == Markup::Tree
        && lang.direction() == Direction::Rtl
        && !matches!(c, '\u{202D}' | '\u{202E}');
    !(c == ZERO_WIDTH_SPACE && separates_words
        || code == Code::DirectionalMark && markup == Markup::Tree
        || laid_out)
}

/// How a rarely needed character is judged.
#[derive(Debug, PartialEq)]
enum Rare {
    /// Not one of them: judged as any hidden character.
    Common,
    /// Where it is, the script needs it: not reported.
    Needed,
    /// Reported where the source's message lacks it, at this severity.
    Judged(Severity),
}

/// Soft hyphens, variation selectors, TAG characters, U+FFFD and
/// noncharacters: needed after an emoji, an ideograph or a Mongolian letter
/// (selectors), in an emoji flag (TAG characters), a warning in a language
/// that hyphenates long compounds (a soft hyphen), an error elsewhere.
fn judge_rare(c: char, before: Option<char>, lang: &Lang) -> Rare {
    let after = |test: fn(char) -> bool| before.is_some_and(test);
    match c {
        '\u{FE0E}' | '\u{FE0F}' if after(is_emoji_base) => Rare::Needed,
        '\u{E0100}'..='\u{E01EF}' if after(is_ideograph) => Rare::Needed,
        '\u{180B}'..='\u{180F}' if after(is_mongolian) => Rare::Needed,
        '\u{E0020}'..='\u{E007F}'
            if after(|b| b == '\u{1F3F4}' || ('\u{E0020}'..='\u{E007E}').contains(&b)) =>
        {
            Rare::Needed
        }
        '\u{00AD}'
            if HYPHENATING_LANGUAGES.contains(&lang.language_identifier().language.as_str()) =>
        {
            Rare::Judged(Severity::Warning)
        }
        '\u{00AD}'
        | '\u{180B}'..='\u{180F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0000}'..='\u{E0FFF}'
        | '\u{FFFD}' => Rare::Judged(Severity::Error),
        c if crate::text::is_noncharacter(c) => Rare::Judged(Severity::Error),
        _ => Rare::Common,
    }
}

/// Characters an emoji variation selector may follow: pictographs and the
/// symbols with an emoji form (U+00A9, U+2122, arrows, U+2600–27BF, ...),
/// and the keycap bases `#`, `*` and digits.
fn is_emoji_base(c: char) -> bool {
    matches!(c,
        '#' | '*' | '0'..='9' | '\u{00A9}' | '\u{00AE}' | '\u{203C}' | '\u{2049}'
        | '\u{2122}' | '\u{2139}' | '\u{2194}'..='\u{21AA}' | '\u{231A}'..='\u{23FF}'
        | '\u{24C2}' | '\u{25AA}'..='\u{27BF}' | '\u{2934}' | '\u{2935}'
        | '\u{2B05}'..='\u{2B55}' | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
        | '\u{1F000}'..='\u{1FAFF}')
}

/// CJK ideographs, which ideographic variation selectors follow.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Mongolian letters (and a preceding selector or vowel separator).
fn is_mongolian(c: char) -> bool {
    matches!(c, '\u{1800}'..='\u{18AF}')
}

/// Languages that hyphenate long compounds, where a translator may write a
/// soft hyphen to say where a long word may break.
const HYPHENATING_LANGUAGES: [&str; 22] = [
    "de", "nl", "sv", "da", "nb", "nn", "no", "fi", "et", "hu", "is", "fo", "lb", "rm", "fy", "af",
    "hsb", "dsb", "gsw", "el", "ka", "hy",
];

/// The source's messages, read once the first time a character must be
/// looked for in one.
struct SourceMessages<'f> {
    source: Option<&'f FtlFile>,
    spans: Option<Vec<crate::ftl::EntrySpan<'f>>>,
}

impl<'f> SourceMessages<'f> {
    fn new(source: Option<&'f FtlFile>) -> Self {
        SourceMessages {
            source,
            spans: None,
        }
    }

    /// Whether the source's message `id` holds `c`, as written or as a
    /// Fluent escape.
    fn has(&mut self, id: Option<&str>, c: char) -> bool {
        let (Some(source), Some(id)) = (self.source, id) else {
            return false;
        };
        let spans = self.spans.get_or_insert_with(|| source.entry_spans());
        let Some(span) = spans
            .iter()
            .find(|s| s.kind == EntryKind::Message && s.id == Some(id))
        else {
            return false;
        };
        let Some(entry) = source.source().get(span.range.clone()) else {
            return false;
        };
        let escape = format!("\\u{:04X}", c as u32);
        let long_escape = format!("\\U{:06X}", c as u32);
        entry.contains(c)
            || entry
                .to_ascii_uppercase()
                .contains(&escape.to_ascii_uppercase())
            || entry
                .to_ascii_uppercase()
                .contains(&long_escape.to_ascii_uppercase())
    }
}

/// Reports a file whose lines end with a carriage return alone (Fluent
/// reads such lines as one, so messages merge silently: an error) or with
/// both CRLF and LF (a warning: Fluent reads both, but the file was edited
/// by tools that disagree, and a diff shows every line changed).
fn line_ends(file: &FtlFile, lang: &Lang, found: &mut Vec<Finding>) {
    let text = file.source();
    let bytes = text.as_bytes();
    let Some(first_cr) = memchr::memchr(b'\r', bytes) else {
        return;
    };
    let lone =
        (first_cr..bytes.len()).find(|&i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
    if let Some(at) = lone {
        found.push(finding(
            Code::LineEnding,
            lang,
            None,
            file.location_of_span(at..at + 1),
            "a line here ends with a carriage return alone (CR): Fluent reads it and the next as one line, so messages merge; save the file with LF (or CRLF) line ends".to_owned(),
        ));
        return;
    }
    let lone_lf = bytes
        .iter()
        .enumerate()
        .find(|&(i, &b)| b == b'\n' && (i == 0 || bytes[i - 1] != b'\r'));
    if let Some((at, _)) = lone_lf {
        let mut reported = finding(
            Code::LineEnding,
            lang,
            None,
            file.location_of_span(at..at + 1),
            "this line ends with LF where others end with CRLF: save the file with one kind of line end".to_owned(),
        );
        reported.severity = Severity::Warning;
        found.push(reported);
    }
}

/// Judges the characters that Fluent escapes in string literals stand for
/// (`{ "\u202E" }`), as [`characters_against`] judges those written as they
/// are; an escape of no character (`\uD800`, a lone surrogate) is an
/// invisible character, shown as U+FFFD.
fn escaped_characters(
    file: &FtlFile,
    source: Option<&FtlFile>,
    lang: &Lang,
    markup: Markup,
    found: &mut Vec<Finding>,
) {
    if !file.source().contains('\\') {
        return;
    }
    let mut source_messages = SourceMessages::new(source);
    for entry in super::fluent::entries(file) {
        let id = (!entry.is_term).then_some(entry.id);
        let mut literals = Vec::new();
        for (_, _, pattern) in entry.patterns() {
            string_literals(pattern, &mut literals);
        }
        for literal in literals {
            for (escape, c) in escapes(literal) {
                let location = file.location_of(escape);
                let Some(c) = c else {
                    found.push(finding(
                        Code::InvisibleCharacter,
                        lang,
                        id,
                        location,
                        format!(
                            "the escape `{escape}`{} is no character (a lone surrogate or past U+10FFFF): it shows as U+FFFD; remove it",
                            in_message(id)
                        ),
                    ));
                    continue;
                };
                let Some((code, what)) = classify(c) else {
                    continue;
                };
                let before = literal[..escape.as_ptr() as usize - literal.as_ptr() as usize]
                    .chars()
                    .next_back();
                if !reported_in(c, code, lang, markup) {
                    continue;
                }
                let severity = match judge_rare(c, before, lang) {
                    Rare::Common => Severity::Error,
                    Rare::Needed => continue,
                    Rare::Judged(_) if source_messages.has(id, c) => continue,
                    Rare::Judged(severity) => severity,
                };
                let mut reported = finding(
                    code,
                    lang,
                    id,
                    location,
                    format!(
                        "U+{:04X} {what}, written as the escape `{escape}`{}: {}",
                        c as u32,
                        in_message(id),
                        advice_for(c, code)
                    ),
                );
                reported.severity = severity;
                found.push(reported);
            }
        }
    }
}

/// The string literals of a pattern, selects and arguments included.
fn string_literals<'s>(pattern: &'s ast::Pattern<&'s str>, out: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_literals(expression, out);
        }
    }
}

fn expression_literals<'s>(expression: &'s ast::Expression<&'s str>, out: &mut Vec<&'s str>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_literals(selector, out);
            for variant in variants {
                string_literals(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_literals(inline, out),
    }
}

fn inline_literals<'s>(inline: &'s ast::InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
    match inline {
        ast::InlineExpression::StringLiteral { value } => out.push(value),
        ast::InlineExpression::Placeable { expression } => expression_literals(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_literals(argument, out);
            }
            for argument in &arguments.named {
                inline_literals(&argument.value, out);
            }
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.named {
                inline_literals(&argument.value, out);
            }
        }
        _ => {}
    }
}

/// The `\uXXXX` and `\UXXXXXX` escapes of a string literal's text, each
/// with the character it stands for (`None` for a surrogate or a value past
/// U+10FFFF).
fn escapes(literal: &str) -> Vec<(&str, Option<char>)> {
    let mut out = Vec::new();
    let bytes = literal.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        let len = match bytes.get(at + 1) {
            Some(b'u') => 4,
            Some(b'U') => 6,
            // `\\` or `\"`: skipped whole, so `\\u0041` is no escape.
            _ => {
                at += 2;
                continue;
            }
        };
        let Some(hex) = literal.get(at + 2..at + 2 + len) else {
            break;
        };
        let value = u32::from_str_radix(hex, 16).ok();
        if let Some(value) = value {
            out.push((&literal[at..at + 2 + len], char::from_u32(value)));
        }
        at += 2 + len;
    }
    out
}

/// Whether a zero width space or no-break space starts a value or variant
/// and is followed by a space: put there so that Fluent keeps the space,
/// which `{ " " }` does visibly.
fn keeps_leading_space(text: &str, offset: usize, c: char) -> bool {
    if !matches!(c, ZERO_WIDTH_SPACE | '\u{FEFF}') {
        return false;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let before = text[line_start..offset].trim_end();
    let after = &text[offset + c.len_utf8()..];
    (before.ends_with(']') || before.ends_with('=')) && after.starts_with(' ')
}

fn advice_for(c: char, code: Code) -> &'static str {
    match c {
        '\u{00AD}' => {
            return "a soft hyphen is an invisible break point the source does not have: remove it";
        }
        '\u{FFFD}' => {
            return "it stands for text lost in a conversion between encodings: write the character meant";
        }
        '\u{180B}'..='\u{180F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => {
            return "a variation selector here follows no character that has variants: remove it";
        }
        '\u{E0000}'..='\u{E007F}' => {
            return "TAG characters are invisible and can carry hidden text: remove them";
        }
        c if crate::text::is_noncharacter(c) => {
            return "a noncharacter is never text: remove it";
        }
        _ => {}
    }
    match code {
        Code::DirectionalMark => {
            "letterkit isolates names, numbers and addresses itself; remove it unless the sentence reads wrongly without it"
        }
        _ => "it is invisible and can make the text read differently than it looks: remove it",
    }
}

/// Where the text may hold a character [`classify`] reports: a control
/// byte, a C1 control (C2 80–9F), U+00AD (C2 AD), U+061C (D8 9C), U+180B–180F
/// (E1 A0 8B–8F), a character of U+200B–200F or U+2028–202E (E2 80 8B–8F,
/// A8–AE), of U+2060–206F (E2 81 A0–AF), U+FDD0–FDEF (EF B7 90–AF),
/// U+FE00–FE0F (EF B8 80–8F), U+FEFF, U+FFF9–FFFB or U+FFFD–FFFF (EF BB BF,
/// EF BF B9–BB, BD–BF), U+E0000–E0FFF (F3 A0) or the last two code points
/// of a plane past the first (F0–F4, then a byte ending in F, then BF). Each offset starts a
/// character (in UTF-8, a byte below 0x80 or from 0xC2 up always does). Most
/// files hold none, and bytes are quicker to look at than characters.
fn hidden_character_offsets(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    scan::offsets_where(bytes, |b, next, third| {
        (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')
            | (b == 0x7F)
            | (b == 0xC2) & (in_range(next, 0x80, 0x9F) | (next == 0xAD))
            | (b == 0xD8) & (next == 0x9C)
            | (b == 0xE1) & (next == 0xA0) & in_range(third, 0x8B, 0x8F)
            | (b == 0xE2)
                & ((next == 0x80) & (in_range(third, 0x8B, 0x8F) | in_range(third, 0xA8, 0xAE))
                    | (next == 0x81) & in_range(third, 0xA0, 0xAF))
            | (b == 0xEF)
                & ((next == 0xBB) & (third == 0xBF)
                    | (next == 0xBF) & (in_range(third, 0xB9, 0xBB) | in_range(third, 0xBD, 0xBF))
                    | (next == 0xB7) & in_range(third, 0x90, 0xAF)
                    | (next == 0xB8) & in_range(third, 0x80, 0x8F))
            | (b == 0xF3) & (next == 0xA0)
            | (b >= 0xF0) & (next & 0x0F == 0x0F) & (third == 0xBF)
    })
}

fn in_message(id: Option<&str>) -> String {
    id.map(|id| format!(" in `{id}`")).unwrap_or_default()
}

const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// Languages written without spaces, where a zero width space marks where a
/// line may break between words.
const WORD_SEPARATING_LANGUAGES: [&str; 5] = ["th", "lo", "km", "my", "bo"];

/// What a character is, if check reports it. Zero width joiners and
/// non-joiners are not reported: Persian, Indic scripts and emoji need them.
fn classify(c: char) -> Option<(Code, &'static str)> {
    let what = match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{200E}' => return Some((Code::DirectionalMark, "LEFT-TO-RIGHT MARK")),
        '\u{200F}' => return Some((Code::DirectionalMark, "RIGHT-TO-LEFT MARK")),
        '\u{061C}' => return Some((Code::DirectionalMark, "ARABIC LETTER MARK")),
        '\t' | '\n' | '\r' => return None,
        '\u{FEFF}' => return Some((Code::InvisibleCharacter, "ZERO WIDTH NO-BREAK SPACE")),
        ZERO_WIDTH_SPACE => return Some((Code::InvisibleCharacter, "ZERO WIDTH SPACE")),
        '\u{2028}' => return Some((Code::InvisibleCharacter, "LINE SEPARATOR")),
        '\u{2029}' => return Some((Code::InvisibleCharacter, "PARAGRAPH SEPARATOR")),
        '\u{2060}'..='\u{2064}' | '\u{206A}'..='\u{206F}' | '\u{FFF9}'..='\u{FFFB}' => {
            return Some((Code::InvisibleCharacter, "invisible format character"));
        }
        '\u{00AD}' => return Some((Code::InvisibleCharacter, "SOFT HYPHEN")),
        '\u{180B}'..='\u{180D}' | '\u{180F}' => {
            return Some((
                Code::InvisibleCharacter,
                "MONGOLIAN FREE VARIATION SELECTOR",
            ));
        }
        '\u{180E}' => return Some((Code::InvisibleCharacter, "MONGOLIAN VOWEL SEPARATOR")),
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => {
            return Some((Code::InvisibleCharacter, "VARIATION SELECTOR"));
        }
        '\u{E0001}' | '\u{E0020}'..='\u{E007F}' => {
            return Some((Code::InvisibleCharacter, "TAG character"));
        }
        '\u{E0000}'..='\u{E0FFF}' => {
            return Some((Code::InvisibleCharacter, "invisible format character"));
        }
        '\u{FFFD}' => return Some((Code::InvisibleCharacter, "REPLACEMENT CHARACTER")),
        c if crate::text::is_noncharacter(c) => {
            return Some((Code::InvisibleCharacter, "noncharacter"));
        }
        c if c.is_control() => return Some((Code::InvisibleCharacter, "control character")),
        _ => return None,
    };
    debug_assert!(is_bidi_control(c));
    Some((Code::BidiControl, what))
}

/// What a message's text holds, for comparing a translation with its source.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    links: Vec<String>,
    notes: Vec<String>,
    emphasis: usize,
    /// The words the figures are read from (placeables and Markdown
    /// syntax left out), when they hold a digit: read in the conventions of
    /// the locale each is compared in ([`numbers::figures`]).
    figure_text: Option<String>,
    /// The figures of a source message, read once for every locale that
    /// compares with it ([`Shape::source_figures`]).
    source_figures: FiguresOnce,
    /// The text, for spotting an untranslated copy.
    text: String,
    /// The HTML tags, in text order.
    html: Vec<html::Tag>,
    /// Links to anything but https, http and mailto addresses.
    unsafe_links: Vec<String>,
    /// Image addresses.
    images: Vec<String>,
    /// The raw HTML, unsafe links and images as the Markdown step reads them
    /// (variables and references left out), in text order.
    pub(super) issues: Vec<MarkupIssue>,
}

/// Figures read when first asked for; no part of what a shape is equal to.
#[derive(Debug, Default)]
struct FiguresOnce(std::sync::OnceLock<Vec<numbers::Figure>>);

impl PartialEq for FiguresOnce {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Whether a byte can start Markdown syntax in a flattened message (which
/// the parser reads as one paragraph, so no line-leading marker matters).
fn is_syntax(b: u8) -> bool {
    (b == b'*')
        | (b == b'_')
        | (b == b'[')
        | (b == b']')
        | (b == b'<')
        | (b == b'>')
        | (b == b'`')
        | (b == b'\\')
        | (b == b'&')
        | (b == b'!')
}

/// The note ids, in text order, of a text whose only Markdown is note
/// references and which holds no digit outside them; `None` for any other
/// text. A reference here is `[^id]` with an id of ASCII letters, digits and
/// hyphens, not at the start of the text (where it could begin a
/// definition) and not followed by `(`, `[` or `:` (where it could be read
/// as a link or a definition). What the parser would make of such a text is
/// its words and these notes, and its words hold no number.
fn only_note_references(text: &str) -> Option<Vec<String>> {
    let bytes = text.as_bytes();
    let mut notes = Vec::new();
    let mut from = 0;
    while let Some(offset) = scan::first_where(&bytes[from..], is_syntax) {
        let at = from + offset;
        if bytes[at] != b'[' || bytes.get(at + 1) != Some(&b'^') || text[..at].trim().is_empty() {
            return None;
        }
        let id_start = at + 2;
        let id_len = bytes[id_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        let end = id_start + id_len;
        if id_len == 0
            || bytes.get(end) != Some(&b']')
            || matches!(bytes.get(end + 1), Some(b'(' | b'[' | b':'))
            || holds_digits(&bytes[from..at])
        {
            return None;
        }
        notes.push(text[id_start..end].to_owned());
        from = end + 1;
    }
    (!holds_digits(&bytes[from..])).then_some(notes)
}

impl Shape {
    fn of(pattern: &ast::Pattern<&str>) -> Self {
        let mut flat = String::new();
        flatten(pattern, &mut flat);
        // Text with no character Markdown reads as syntax is its own words,
        // and a text whose only syntax is note references has nothing else
        // to compare: no need for the parser, as for most messages.
        if scan::first_where(flat.as_bytes(), is_syntax).is_none() {
            let mut shape = Shape::default();
            shape.count_numbers(&flat);
            shape.text = flat;
            return shape;
        }
        if let Some(mut notes) = only_note_references(&flat) {
            notes.sort();
            return Shape {
                notes,
                text: flat,
                ..Shape::default()
            };
        }
        Shape::parsed(flat)
    }

    /// The shape of a flattened message as the Markdown parser reads it.
    fn parsed(flat: String) -> Self {
        let markup = markdown::inline_markup(&flat);
        let mut shape = Shape {
            links: markup.links,
            notes: markup.notes,
            emphasis: markup.emphasis,
            ..Shape::default()
        };
        for issue in markup.issues {
            match &issue {
                MarkupIssue::RawHtml(_) => {}
                MarkupIssue::UnsafeLink(url) => shape.unsafe_links.push(url.clone()),
                MarkupIssue::Image(url) => shape.images.push(url.clone()),
                MarkupIssue::UnknownNote(_) => continue,
            }
            shape.issues.push(issue);
        }
        shape.html = html::tags(&flat);
        shape.count_numbers(&markup.words);
        shape.text = flat;
        shape.links.sort();
        shape.notes.sort();
        shape
    }

    fn count_numbers(&mut self, words: &str) {
        // The byte scan may stop at letters that share a first byte with
        // digits (Arabic, Devanagari, Thai, ...): the characters say.
        let digit = |c: char| numbers::digit_value(c).is_some();
        if holds_digits(words.as_bytes()) && words.chars().any(digit) {
            self.figure_text = Some(words.to_owned());
        }
    }

    /// The figures of the message as a writer of `lang` writes them.
    fn figures(&self, lang: &Lang, source: Conventions) -> Vec<numbers::Figure> {
        self.figure_text
            .as_deref()
            .map_or_else(Vec::new, |text| numbers::figures(text, lang, source))
    }

    /// The figures of a source message, read in the source's language once
    /// for the whole run (one source language and its conventions).
    fn source_figures(&self, source_lang: &Lang, conventions: Conventions) -> &[numbers::Figure] {
        self.source_figures
            .0
            .get_or_init(|| self.figures(source_lang, conventions))
    }

    /// Whether the two texts are the same words.
    fn same_text(&self, other: &Shape) -> bool {
        // Most translations differ from their first character.
        let first = |text: &str| text.trim_start().chars().next();
        first(&self.text) == first(&other.text)
            && self
                .text
                .split_whitespace()
                .eq(other.text.split_whitespace())
    }
}

/// A pattern as one Markdown string: its text, with each placeable as an
/// object replacement character (no letter, no digit) and each select as its
/// default variant.
fn flatten(pattern: &ast::Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => flatten_expression(expression, out),
        }
    }
}

fn flatten_expression(expression: &ast::Expression<&str>, out: &mut String) {
    match expression {
        ast::Expression::Select { variants, .. } => {
            if let Some(default) = variants.iter().find(|v| v.default) {
                flatten(&default.value, out);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
            out.push_str(value);
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            flatten_expression(expression, out);
        }
        ast::Expression::Inline(_) => out.push('\u{FFFC}'),
    }
}

/// Whether `bytes` may hold a decimal digit: an ASCII digit, or the
/// first byte of a character of a block that has digits (U+0660–07FF,
/// U+0800–1FFF, U+A000–AFFF, the full-width digits, and any character past
/// U+FFFF). Text without digits, most of it, skips the reading by character.
/// Whether two texts write the same figures the same way: the same words
/// holding an ASCII digit (runs of ASCII letters, digits and `.,'`, trimmed
/// of separators at their ends), in any order, and neither text has a byte
/// that may start a digit of another script. A translation's figures are
/// always read in the source's conventions too, so each such figure pairs
/// with the source's and comparing them would find nothing: most
/// translations are told apart from a changed figure without reading their
/// figures ([`numbers::figures`] reads every character of a long message).
fn same_written_figures(source: &str, translation: &str) -> bool {
    fn figure_words(text: &str) -> Option<Vec<&str>> {
        let other_digits = |b: &u8| matches!(b, 0xD9..=0xDF | 0xE0 | 0xE1 | 0xEA | 0xEF | 0xF0..);
        if text.as_bytes().iter().any(other_digits) {
            return None;
        }
        let mut words: Vec<&str> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '\'')))
            .map(|word| word.trim_matches(['.', ',', '\'']))
            .filter(|word| word.bytes().any(|b| b.is_ascii_digit()))
            .collect();
        words.sort_unstable();
        Some(words)
    }
    match (figure_words(source), figure_words(translation)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

fn holds_digits(bytes: &[u8]) -> bool {
    // Lead bytes of every decimal digit's UTF-8, and of other characters
    // too (Arabic, Indic and Thai letters among them): the characters
    // decide where it matters (`Shape::count_numbers`).
    scan::offsets_where(bytes, |b, next, _| {
        in_range(b, b'0', b'9')
            | in_range(b, 0xD9, 0xDF)
            | (b == 0xE0)
            | (b == 0xE1)
            | (b == 0xEA)
            | (b == 0xEF) & (next == 0xBC)
            | (b >= 0xF0)
    })
    .next()
    .is_some()
}

/// The shape of every message of a file, worked out once: a source file's
/// for all the locales compared with it, a translation's for every check
/// that reads its Markdown.
pub(super) struct Shapes<'s> {
    file: &'s FtlFile,
    by_id: BTreeMap<&'s str, Shape>,
}

impl<'s> Shapes<'s> {
    /// The shapes of the file's messages that have a value (the first
    /// definition of an id).
    pub(super) fn of(file: &'s FtlFile) -> Self {
        let mut shapes = BTreeMap::new();
        for message in file.message_defs() {
            if let Some(value) = &message.value {
                shapes
                    .entry(message.id.name)
                    .or_insert_with(|| Shape::of(value));
            }
        }
        Shapes {
            file,
            by_id: shapes,
        }
    }

    /// The raw HTML, unsafe links and images in message `id`'s own text.
    pub(super) fn markup(&self, id: &str) -> &[MarkupIssue] {
        self.by_id.get(id).map_or(&[], |shape| &shape.issues)
    }

    /// The note ids written in message `id`'s text, sorted; `None` when the
    /// file has no such message.
    pub(super) fn notes(&self, id: &str) -> Option<&[String]> {
        self.by_id.get(id).map(|shape| shape.notes.as_slice())
    }
}

/// Where markup in a message comes from, which decides how it is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Markup {
    /// A letter: Markdown only. Raw HTML, unsafe links and images are reported
    /// from the formatted letter, where variables are filled in; emphasis is
    /// compared with the source's.
    Letter,
    /// Any Fluent tree: HTML tags the source uses (`<a data-l10n-name>`) and
    /// unsafe links it has are fine in a translation; tags and unsafe links
    /// the source lacks, and images, are not. Markdown means nothing there,
    /// so emphasis is not compared.
    Tree,
}

/// Compares each translated message with its source: links, note references,
/// emphasis, numbers, markup, and a value left as the source text.
/// `heuristics` holds the messages allowed to stay identical to the source
/// (`allow-identical`); without it, only what keeps a message from being
/// published is compared (links and markup: no notes, emphasis, numbers or
/// identical text).
pub(super) fn compare_messages(
    sources: &Shapes<'_>,
    targets: &Shapes<'_>,
    lang: &Lang,
    source_lang: &Lang,
    heuristics: Option<&[String]>,
    markup: Markup,
    found: &mut Vec<Finding>,
) {
    let same_language =
        lang.language_identifier().language == source_lang.language_identifier().language;
    let mut seen = std::collections::BTreeSet::new();
    // The hosts the source's links go to, anywhere in the file.
    let source_hosts: std::collections::BTreeSet<String> = sources
        .by_id
        .values()
        .flat_map(|shape| &shape.links)
        .filter_map(|url| crate::text::link_host(url))
        .collect();
    let file = targets.file;
    for message in file.message_defs() {
        let id = message.id.name;
        if !seen.insert(id) {
            continue;
        }
        let (Some(shape), Some(wanted)) = (targets.by_id.get(id), sources.by_id.get(id)) else {
            continue;
        };
        if shape.links != wanted.links {
            let foreign: Vec<String> = shape
                .links
                .iter()
                .filter_map(|url| crate::text::link_host(url))
                .filter(|host| !source_hosts.contains(host))
                .collect();
            let published = if foreign.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} is a host the source does not use: the page shows this message in its fallback language)",
                    foreign.join(", ")
                )
            };
            let mut changed = finding(
                Code::ChangedLink,
                lang,
                Some(id),
                file.location_of(id),
                format!(
                    "`{id}` links to {}; the source links to {}{published}: keep the source's link addresses",
                    list_or_none(&shape.links),
                    list_or_none(&wanted.links)
                ),
            );
            changed.unpublishable = !foreign.is_empty();
            found.push(changed);
        }
        // Set for the next finding only: reported as a warning.
        let as_warning = std::cell::Cell::new(false);
        let mut report = |code: Code, message: String| {
            let mut reported = finding(code, lang, Some(id), file.location_of(id), message);
            if as_warning.take() {
                reported.severity = Severity::Warning;
            }
            found.push(reported);
        };
        if markup == Markup::Tree {
            for difference in html::compare(&wanted.html, &shape.html) {
                as_warning.set(difference.severity == Severity::Warning);
                report(difference.code, format!("`{id}` {}", difference.message));
            }
            for url in difference(&shape.unsafe_links, &wanted.unsafe_links) {
                report(
                    Code::UnsafeLink,
                    format!(
                        "`{id}` links to `{url}`; only https, http and mailto links are allowed"
                    ),
                );
            }
            for url in &shape.images {
                report(
                    Code::Image,
                    format!("`{id}` contains an image (`{url}`); only its description is shown"),
                );
            }
        }
        // Notes, emphasis, figures and untranslated text never keep a
        // message from being published.
        let Some(allow_identical) = heuristics else {
            continue;
        };
        let dropped = difference(&wanted.notes, &shape.notes);
        if !dropped.is_empty() {
            report(
                Code::MissingNote,
                format!(
                    "`{id}` leaves out the note reference {} that the source has: readers lose the citation; copy it into the sentence it belongs to",
                    note_list(&dropped)
                ),
            );
        }
        let added = difference(&shape.notes, &wanted.notes);
        if !added.is_empty() {
            report(
                Code::UnexpectedNote,
                format!(
                    "`{id}` cites {}, which the source's sentence does not: keep each note in the message it belongs to",
                    note_list(&added)
                ),
            );
        }
        if markup == Markup::Letter {
            for tag in html::spaced_in_letter(&shape.html) {
                report(
                    Code::RawHtml,
                    format!(
                        "`{id}` has `{}`, a broken HTML tag: it is shown as text; remove it (letters have no HTML)",
                        tag.written
                    ),
                );
            }
        }
        if markup == Markup::Letter && shape.emphasis != wanted.emphasis {
            report(
                Code::ChangedEmphasis,
                format!(
                    "`{id}` has {} emphasised part(s); the source has {}",
                    shape.emphasis, wanted.emphasis
                ),
            );
        }
        let figures_differ = match (&wanted.figure_text, &shape.figure_text) {
            (None, None) => false,
            (Some(a), Some(b)) => !same_written_figures(a, b),
            _ => true,
        };
        if figures_differ {
            let source_conventions = Conventions::of(source_lang);
            let found = numbers::compare(
                wanted.source_figures(source_lang, source_conventions),
                &shape.figures(lang, source_conventions),
            );
            let read = || {
                format!(
                    "numbers read as {lang} writes them ({})",
                    Conventions::of(lang).describe()
                )
            };
            let pairs = |pairs: &[(String, String)]| {
                pairs
                    .iter()
                    .map(|(new, old)| format!("{new} where the source has {old}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if !found.changed.is_empty() {
                report(
                    Code::ChangedNumber,
                    format!(
                        "`{id}` has {}; {}: correct the figure",
                        pairs(&found.changed),
                        read()
                    ),
                );
            }
            if !found.relettered.is_empty() {
                as_warning.set(true);
                report(
                    Code::ChangedNumber,
                    format!(
                        "`{id}` has {}: the same figure with another letter, which may abbreviate a word the translation translates (V for version); correct it if the letter is part of a name",
                        pairs(&found.relettered)
                    ),
                );
            }
            if !found.missing.is_empty() {
                report(
                    Code::MissingNumber,
                    format!(
                        "`{id}` does not have the source's {}; {}: check the figure, unless the translation writes it in words",
                        found.missing.join(", "),
                        read()
                    ),
                );
            }
            if !found.added.is_empty() {
                report(
                    Code::AddedNumber,
                    format!(
                        "`{id}` has {}, which the source does not have; {}: check it is meant (a date, a counter or an ordinal written as a figure is fine)",
                        found.added.join(", "),
                        read()
                    ),
                );
            }
        }
        let identical = shape.same_text(wanted)
            && words(&shape.text) >= IDENTICAL_MIN_WORDS
            && !same_language
            && !allow_identical.iter().any(|allowed| allowed == id);
        if identical {
            // The hint names the file that configures this check.
            let config = match markup {
                Markup::Letter => crate::ids::CONFIG_FILE,
                Markup::Tree => crate::tree_config::TREE_CONFIG_FILE,
            };
            report(
                Code::IdenticalToSource,
                format!(
                    "`{id}` is the source text unchanged: translate it, or list it under `allow-identical` in {config} if it stays the same in {lang}"
                ),
            );
        }
    }
}

/// How many words a translation identical to its source must have to be
/// reported: a label of a word or two ("Sources", "Email") is often the same
/// in both languages; a sentence almost never is.
const IDENTICAL_MIN_WORDS: usize = 3;

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// The items of `a` not matched by an item of `b` (both sorted), counting repeats.
fn difference(a: &[String], b: &[String]) -> Vec<String> {
    if a == b {
        // As most translations keep their source's.
        return Vec::new();
    }
    let mut matched = vec![false; b.len()];
    let mut out = Vec::new();
    for item in a {
        match (0..b.len()).find(|&i| !matched[i] && b[i] == *item) {
            Some(i) => matched[i] = true,
            None => out.push(item.clone()),
        }
    }
    out
}

/// Note ids as their references are written: `[^a], [^b]`.
fn note_list(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("[^{id}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests;
