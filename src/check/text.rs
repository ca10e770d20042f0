//! Checks of what a translation says: characters that hide or reorder text,
//! and a translated message's Markdown, note references and numbers against
//! the source message's, and a translation that is the source text unchanged.

use std::collections::BTreeMap;

use fluent_syntax::ast;

use super::report::{Finding, finding};
use crate::code::Code;
use crate::ftl::{EntryKind, FtlFile};
use crate::lang::Lang;
use crate::markdown::{self, MarkupIssue};
use crate::scan::{self, in_range};
use crate::text::is_bidi_control;

/// Reports every bidi control (an error: it can make text read in another
/// order than it is stored, as in Trojan Source), every invisible control
/// or format character (an error), and in a letter every directional mark
/// (a warning: rarely needed, since letterkit isolates what needs it), each
/// with its code point and position. In any other Fluent tree a mark is
/// left alone: an application that does not isolate its values needs one
/// before a Latin name in a right-to-left sentence.
pub(super) fn characters(file: &FtlFile, lang: &Lang, markup: Markup, found: &mut Vec<Finding>) {
    let text = file.source();
    let mut offsets = hidden_character_offsets(text.as_bytes()).peekable();
    if offsets.peek().is_none() {
        return;
    }
    // Parsed again with comments only when there is something to report.
    let mut spans = None;
    let separates_words =
        WORD_SEPARATING_LANGUAGES.contains(&lang.language_identifier().language.as_str());
    for offset in offsets {
        // Every offset starts a character: see `hidden_character_offsets`.
        let Some(c) = text.get(offset..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let Some((code, what)) = classify(c) else {
            continue;
        };
        if c == ZERO_WIDTH_SPACE && separates_words
            || code == Code::DirectionalMark && markup == Markup::Tree
        {
            continue;
        }
        // The spans are in file order and do not overlap.
        let spans = spans.get_or_insert_with(|| file.entry_spans());
        let id = spans
            .get(spans.partition_point(|s| s.range.end <= offset))
            .filter(|s| s.range.contains(&offset) && s.kind == EntryKind::Message)
            .and_then(|s| s.id);
        let advice = match code {
            Code::DirectionalMark => {
                "letterkit isolates names, numbers and addresses itself; remove it unless the sentence reads wrongly without it"
            }
            _ => "it is invisible and can make the text read differently than it looks: remove it",
        };
        found.push(finding(
            code,
            lang,
            id,
            file.location_of_span(offset..offset + c.len_utf8()),
            format!("U+{:04X} {what}{}: {advice}", c as u32, in_message(id)),
        ));
    }
}

/// Where the text may hold a character [`classify`] reports: a control
/// byte, a C1 control (C2 80–9F), U+061C (D8 9C), a character of U+200B–200F
/// or U+2028–202E (E2 80 8B–8F, A8–AE), of U+2060–206F (E2 81 A0–AF), or
/// U+FEFF or U+FFF9–FFFB (EF BB BF, EF BF B9–BB). Each offset starts a
/// character (in UTF-8, a byte below 0x80 or from 0xC2 up always does). Most
/// files hold none, and bytes are quicker to look at than characters.
fn hidden_character_offsets(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    scan::offsets_where(bytes, |b, next, third| {
        (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')
            | (b == 0x7F)
            | (b == 0xC2) & in_range(next, 0x80, 0x9F)
            | (b == 0xD8) & (next == 0x9C)
            | (b == 0xE2)
                & ((next == 0x80) & (in_range(third, 0x8B, 0x8F) | in_range(third, 0xA8, 0xAE))
                    | (next == 0x81) & in_range(third, 0xA0, 0xAF))
            | (b == 0xEF)
                & ((next == 0xBB) & (third == 0xBF) | (next == 0xBF) & in_range(third, 0xB9, 0xBB))
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
    /// Each number's digits, sorted, and the numbers as written.
    numbers: Vec<String>,
    written_numbers: BTreeMap<String, String>,
    /// The text, for spotting an untranslated copy.
    text: String,
    /// The HTML tags, each written one way ([`tags`]), sorted; and each as
    /// written, white space collapsed.
    html: Vec<String>,
    written_html: BTreeMap<String, String>,
    /// Links to anything but https, http and mailto addresses.
    unsafe_links: Vec<String>,
    /// Image addresses.
    images: Vec<String>,
    /// The raw HTML, unsafe links and images as the Markdown step reads them
    /// (variables and references left out), in text order.
    pub(super) issues: Vec<MarkupIssue>,
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
        for (tag, written) in tags(&flat) {
            shape.written_html.entry(tag.clone()).or_insert(written);
            shape.html.push(tag);
        }
        shape.html.sort();
        shape.count_numbers(&markup.words);
        shape.text = flat;
        shape.links.sort();
        shape.notes.sort();
        shape
    }

    fn count_numbers(&mut self, words: &str) {
        if !holds_digits(words.as_bytes()) {
            return;
        }
        for (digits, written) in numbers(words) {
            self.written_numbers
                .entry(digits.clone())
                .or_insert(written);
            self.numbers.push(digits);
        }
        self.numbers.sort();
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

/// The HTML tags a browser would read in `text` (`<` then a letter, `/` and
/// a letter, `!` or `?`), without the text between them, each written one
/// way: names in lower case, attributes sorted, separated by one space, with
/// values in double quotes and white space collapsed. So a translated link
/// text, or `data-l10n-name = "x"` for `data-l10n-name="x"`, is no
/// difference, while `</a od ￼ >` for `</a>` is. Each comes with the tag as
/// written, white space collapsed.
fn tags(text: &str) -> Vec<(String, String)> {
    let collapsed = |tag: &str| tag.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        let mut chars = after.chars();
        let (closing, name_start) = match chars.next() {
            Some(c) if c.is_ascii_alphabetic() => (false, 0),
            Some('/') if chars.next().is_some_and(|c| c.is_ascii_alphabetic()) => (true, 1),
            Some('!' | '?') => {
                // A comment, doctype or processing instruction, as written.
                let end = after.find('>').map_or(after.len(), |e| e + 1);
                let tag = collapsed(&rest[at..at + 1 + end]);
                found.push((tag.clone(), tag));
                rest = &after[end..];
                continue;
            }
            _ => {
                rest = after;
                continue;
            }
        };
        let (tag, consumed) = read_tag(&after[name_start..]);
        let tag = if closing {
            format!("</{tag}")
        } else {
            format!("<{tag}")
        };
        let end = at + 1 + name_start + consumed;
        found.push((tag, collapsed(&rest[at..end])));
        rest = &rest[end..];
    }
    found
}

/// Reads a tag after `<` or `</`: its name and attributes, written one way
/// and closed with `>`, and how many bytes it took.
fn read_tag(text: &str) -> (String, usize) {
    let stop = |c: char| c.is_whitespace() || c == '/' || c == '>';
    let name_end = text.find(stop).unwrap_or(text.len());
    let name = text[..name_end].to_lowercase();
    let mut attributes = Vec::new();
    let mut at = name_end;
    loop {
        let skipped = text[at..].len()
            - text[at..]
                .trim_start_matches([' ', '\t', '\n', '\r', '/'])
                .len();
        at += skipped;
        match text[at..].chars().next() {
            None => break,
            Some('>') => {
                at += 1;
                break;
            }
            Some(_) => {}
        }
        let attribute_end = text[at..]
            .find(|c: char| stop(c) || c == '=')
            .map_or(text.len(), |e| at + e.max(1));
        let attribute = text[at..attribute_end].to_lowercase();
        at = attribute_end;
        let after_name = text[at..].trim_start();
        let Some(value) = after_name.strip_prefix('=') else {
            attributes.push(attribute);
            continue;
        };
        let value = value.trim_start();
        at = text.len() - value.len();
        let (raw, length) = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => match value[1..].find(quote) {
                Some(end) => (&value[1..1 + end], end + 2),
                None => (&value[1..], value.len()),
            },
            _ => {
                let end = value
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(value.len());
                (&value[..end], end)
            }
        };
        at += length;
        let words: Vec<&str> = raw.split_whitespace().collect();
        attributes.push(format!("{attribute}=\"{}\"", words.join(" ")));
    }
    attributes.sort();
    let mut tag = name;
    for attribute in attributes {
        tag.push(' ');
        tag.push_str(&attribute);
    }
    tag.push('>');
    (tag, at)
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

/// The numbers in a text, each as its digits alone, so that `2.5`, `2,5` and
/// `٢٫٥` agree and `1,000`, `1 000` and `1.000` do too; with each as written.
fn numbers(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut written = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(digit) = decimal_digit(c) {
            current.push(digit);
            written.push(c);
            continue;
        }
        let separator = matches!(
            c,
            '.' | ',' | ' ' | '\'' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{066B}' | '\u{066C}'
        );
        let continues = separator
            && !current.is_empty()
            && chars
                .peek()
                .is_some_and(|next| decimal_digit(*next).is_some());
        if continues {
            written.push(c);
        } else if !current.is_empty() {
            found.push((std::mem::take(&mut current), std::mem::take(&mut written)));
        }
    }
    if !current.is_empty() {
        found.push((current, written));
    }
    found
}

/// Whether `bytes` hold a digit [`decimal_digit`] reads: an ASCII digit,
/// an Arabic-Indic (D9 A0–A9), Persian (DB B0–B9), Devanagari (E0 A5 A6–AF),
/// Bengali (E0 A7 A6–AF), Thai (E0 B9 90–99) or full-width (EF BC 90–99) one.
/// Text without digits, most of it, skips the scan by character.
fn holds_digits(bytes: &[u8]) -> bool {
    scan::offsets_where(bytes, |b, next, third| {
        in_range(b, b'0', b'9')
            | (b == 0xD9) & in_range(next, 0xA0, 0xA9)
            | (b == 0xDB) & in_range(next, 0xB0, 0xB9)
            | (b == 0xE0)
                & (((next == 0xA5) | (next == 0xA7)) & in_range(third, 0xA6, 0xAF)
                    | (next == 0xB9) & in_range(third, 0x90, 0x99))
            | (b == 0xEF) & (next == 0xBC) & in_range(third, 0x90, 0x99)
    })
    .next()
    .is_some()
}

/// The ASCII digit of a decimal digit in the scripts letters are translated into.
fn decimal_digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => return Some(c),
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{0966}'..='\u{096F}' => 0x0966,
        '\u{09E6}'..='\u{09EF}' => 0x09E6,
        '\u{0E50}'..='\u{0E59}' => 0x0E50,
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
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
pub(super) fn compare_messages(
    sources: &Shapes<'_>,
    targets: &Shapes<'_>,
    lang: &Lang,
    source_lang: &Lang,
    allow_identical: &[String],
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
        let mut report = |code: Code, message: String| {
            found.push(finding(code, lang, Some(id), file.location_of(id), message));
        };
        if markup == Markup::Tree {
            let html: Vec<String> = difference(&shape.html, &wanted.html)
                .into_iter()
                .map(|tag| shape.written_html.get(&tag).cloned().unwrap_or(tag))
                .collect();
            if !html.is_empty() {
                report(
                    Code::RawHtml,
                    format!(
                        "`{id}` has HTML the source does not have ({}): it is shown as text; keep the source's markup",
                        html.join(" ")
                    ),
                );
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
        if markup == Markup::Letter && shape.emphasis != wanted.emphasis {
            report(
                Code::ChangedEmphasis,
                format!(
                    "`{id}` has {} emphasised part(s); the source has {}",
                    shape.emphasis, wanted.emphasis
                ),
            );
        }
        let as_written = |digits: Vec<String>, shape: &Shape| -> Vec<String> {
            digits
                .into_iter()
                .map(|d| shape.written_numbers.get(&d).cloned().unwrap_or(d))
                .collect()
        };
        let lost = as_written(difference(&wanted.numbers, &shape.numbers), wanted);
        let new = as_written(difference(&shape.numbers, &wanted.numbers), shape);
        if !new.is_empty() {
            report(
                Code::ChangedNumber,
                format!(
                    "`{id}` has numbers the source does not ({}{}): check every figure",
                    new.join(", "),
                    if lost.is_empty() {
                        String::new()
                    } else {
                        format!("; the source has {}", lost.join(", "))
                    }
                ),
            );
        } else if !lost.is_empty() {
            report(
                Code::MissingNumber,
                format!(
                    "`{id}` does not have the source's {}: check the figure, unless the translation writes it in words",
                    lost.join(", ")
                ),
            );
        }
        let identical = shape.same_text(wanted)
            && words(&shape.text) >= IDENTICAL_MIN_WORDS
            && !same_language
            && !allow_identical.iter().any(|allowed| allowed == id);
        if identical {
            report(
                Code::IdenticalToSource,
                format!(
                    "`{id}` is the source text unchanged: translate it, or list it under `allow-identical` in letterkit.toml if it stays the same in {lang}"
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
