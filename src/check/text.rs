//! Checks of what a translation says: characters that hide or reorder text,
//! and a translated message's Markdown, note references and numbers against
//! the source message's, and a translation that is the source text unchanged.

use std::collections::BTreeMap;

use fluent_syntax::ast;

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
        // Right-to-left teams of a Fluent tree embed and isolate Latin
        // names and placeables on purpose; an override reorders what is
        // stored, and stays reported everywhere.
        let laid_out = code == Code::BidiControl
            && markup == Markup::Tree
            && lang.direction() == Direction::Rtl
            && !matches!(c, '\u{202D}' | '\u{202E}');
        if c == ZERO_WIDTH_SPACE && separates_words
            || code == Code::DirectionalMark && markup == Markup::Tree
            || laid_out
        {
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
                advice_for(code)
            );
            continue;
        }
        previous = Some((offset + c.len_utf8(), c));
        repeated = 1;
        // The spans are in file order and do not overlap.
        let spans = spans.get_or_insert_with(|| file.entry_spans());
        let id = spans
            .get(spans.partition_point(|s| s.range.end <= offset))
            .filter(|s| s.range.contains(&offset) && s.kind == EntryKind::Message)
            .and_then(|s| s.id);
        let mut reported = finding(
            code,
            lang,
            id,
            file.location_of_span(offset..offset + c.len_utf8()),
            format!(
                "U+{:04X} {what}{}: {}",
                c as u32,
                in_message(id),
                advice_for(code)
            ),
        );
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

fn advice_for(code: Code) -> &'static str {
    match code {
        Code::DirectionalMark => {
            "letterkit isolates names, numbers and addresses itself; remove it unless the sentence reads wrongly without it"
        }
        _ => "it is invisible and can make the text read differently than it looks: remove it",
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
    /// The words the figures are read from (placeables and Markdown
    /// syntax left out), when they hold a digit: read in the conventions of
    /// the locale each is compared in ([`numbers::figures`]).
    figure_text: Option<String>,
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
        if holds_digits(words.as_bytes()) {
            self.figure_text = Some(words.to_owned());
        }
    }

    /// The figures of the message as a writer of `lang` writes them.
    fn figures(&self, lang: &Lang, source: Conventions) -> Vec<numbers::Figure> {
        self.figure_text
            .as_deref()
            .map_or_else(Vec::new, |text| numbers::figures(text, lang, source))
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
        // Every space the name stops at (U+2028 too), so that what follows
        // starts on a character boundary.
        let skipped = text[at..].len()
            - text[at..]
                .trim_start_matches(|c: char| c.is_whitespace() || c == '/')
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
        let attribute_end =
            text[at..]
                .find(|c: char| stop(c) || c == '=')
                .map_or(text.len(), |e| match e {
                    // A lone `=`: taken as the attribute's name, whole.
                    0 => at + text[at..].chars().next().map_or(0, char::len_utf8),
                    e => at + e,
                });
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

/// Whether `bytes` may hold a decimal digit: an ASCII digit, or the
/// first byte of a character of a block that has digits (U+0660–07FF,
/// U+0800–1FFF, U+A000–AFFF, the full-width digits, and any character past
/// U+FFFF). Text without digits, most of it, skips the reading by character.
fn holds_digits(bytes: &[u8]) -> bool {
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
            let html: Vec<String> = difference(&shape.html, &wanted.html)
                .into_iter()
                .map(|tag| shape.written_html.get(&tag).cloned().unwrap_or(tag))
                .collect();
            let added = difference(&shape.html, &wanted.html);
            if !html.is_empty()
                && harmless_inline(&added)
                && difference(&wanted.html, &shape.html).is_empty()
            {
                as_warning.set(true);
                report(
                    Code::RawHtml,
                    format!(
                        "`{id}` adds inline formatting the source does not have ({}): keep it only if the emphasis belongs in {lang}",
                        html.join(" ")
                    ),
                );
            } else if !html.is_empty() {
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
        if markup == Markup::Letter && shape.emphasis != wanted.emphasis {
            report(
                Code::ChangedEmphasis,
                format!(
                    "`{id}` has {} emphasised part(s); the source has {}",
                    shape.emphasis, wanted.emphasis
                ),
            );
        }
        if wanted.figure_text.is_some() || shape.figure_text.is_some() {
            let source_conventions = Conventions::of(source_lang);
            let found = numbers::compare(
                &wanted.figures(source_lang, source_conventions),
                &shape.figures(lang, source_conventions),
            );
            let read = || {
                format!(
                    "numbers read as {lang} writes them ({})",
                    Conventions::of(lang).describe()
                )
            };
            if !found.changed.is_empty() {
                let pairs: Vec<String> = found
                    .changed
                    .iter()
                    .map(|(new, old)| format!("{new} where the source has {old}"))
                    .collect();
                report(
                    Code::ChangedNumber,
                    format!(
                        "`{id}` has {}; {}: correct the figure",
                        pairs.join(", "),
                        read()
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

/// Whether added tags are only inline formatting without attributes, each
/// opened and closed (`<em>…</em>`, `<br>`): a translator's emphasis, which
/// an application shows as intended.
fn harmless_inline(tags: &[String]) -> bool {
    const INLINE: [&str; 9] = ["em", "strong", "b", "i", "u", "code", "span", "bdi", "br"];
    let mut open = BTreeMap::new();
    for tag in tags {
        let (closing, name) = match tag.strip_prefix("</") {
            Some(rest) => (true, rest),
            None => (false, tag.trim_start_matches('<')),
        };
        let name = name.trim_end_matches('>');
        if !INLINE.contains(&name) {
            return false;
        }
        if name != "br" {
            *open.entry(name).or_insert(0i32) += if closing { -1 } else { 1 };
        } else if closing {
            return false;
        }
    }
    open.values().all(|n| *n == 0)
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
