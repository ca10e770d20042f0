//! The letter as GitHub-flavoured Markdown (GFM), for content management systems that take
//! Markdown: paragraphs, the address and signatures with hard line breaks, the
//! subject as the heading, the list of demands, and the sources, under their
//! heading, as footnotes (`[^1]`, the GitHub-flavoured extension most
//! Markdown tools read).
//!
//! Every piece of text is escaped, so a translation's `*`, `[` or `<` stays a
//! character; a URL is written as an angle-bracketed destination. Markdown has
//! no way to mark a language, so in right-to-left letters data is isolated
//! with FSI/PDI as in the plain text.
//!
//! With front matter, the file opens with a YAML block as Hugo and Jekyll
//! read it: the title, description, date and language, the letter's id as
//! the key that ties its translations together (Hugo's `translationKey`,
//! jekyll-polyglot's `page_id`), and the path of each other language's file.

use crate::document::{Block, Document, Inline, Span};
use crate::lang::Direction;

use super::yaml::quoted;
use super::{FIRST_STRONG_ISOLATE, Format, POP_DIRECTIONAL_ISOLATE, isolated};

/// The letter's Markdown preceded by its [`front_matter`].
pub fn letter_with_front_matter(document: &Document) -> String {
    let mut out = front_matter(document);
    out.push('\n');
    out.push_str(&letter(document));
    out
}

/// YAML front matter for a content management system, between `---` lines:
/// `title`, `description` (the first paragraph, under 200 characters),
/// `date` (noon of the letter's date in its time zone, ISO 8601, or the day
/// alone), `lang`, `translationKey` and `page_id` (the letter's id, the same
/// in every language) and `translations` (each other language's tag and the
/// path of its Markdown file, relative to the output folder). Every value is
/// a double-quoted scalar, escaped, so translations are read back exactly.
pub fn front_matter(document: &Document) -> String {
    let mut out = String::from("---\n");
    let mut field = |name: &str, value: &str| {
        out.push_str(name);
        out.push_str(": ");
        out.push_str(&quoted(value));
        out.push('\n');
    };
    field("title", &document.title);
    field("description", &document.description());
    field(
        "date",
        document
            .date
            .noon_rfc3339
            .as_deref()
            .unwrap_or(&document.date.iso),
    );
    field("lang", document.lang.tag());
    field("translationKey", &document.letter);
    field("page_id", &document.letter);
    let others: Vec<_> = document.languages.iter().filter(|a| !a.current).collect();
    if others.is_empty() {
        out.push_str("translations: []\n");
    } else {
        out.push_str("translations:\n");
    }
    for other in others {
        let path = format!(
            "{}/{}/{}",
            document.letter,
            other.lang.tag(),
            Format::Markdown { front_matter: true }.file_name()
        );
        out.push_str(&format!(
            "  - lang: {}\n    path: {}\n",
            quoted(other.lang.tag()),
            quoted(&path)
        ));
    }
    out.push_str("---\n");
    out
}

/// The letter as GitHub-flavoured Markdown with footnotes.
pub fn letter(document: &Document) -> String {
    let rtl = document.lang.direction() == Direction::Rtl;
    let text = |span: &Span| inline(&span.content, rtl);
    let data = |value: &str| {
        let escaped = escape(value);
        if rtl {
            format!("{FIRST_STRONG_ISOLATE}{escaped}{POP_DIRECTIONAL_ISOLATE}")
        } else {
            escaped
        }
    };
    let mut blocks: Vec<String> = Vec::new();

    for notice in [
        &document.chrome.draft_notice,
        &document.chrome.fallback_notice,
    ]
    .into_iter()
    .flatten()
    {
        blocks.push(format!("> {}", text(notice)));
    }
    let mut recipient = vec![text(&document.recipient)];
    recipient.extend(document.address.iter().map(|line| data(line)));
    blocks.push(hard_lines(&recipient));
    blocks.push(text(&document.date.text));
    blocks.push(format!(
        "# {} {}",
        text(&document.subject_label),
        text(&document.subject)
    ));
    blocks.push(text(&document.salutation));
    for block in &document.body {
        match block {
            Block::Paragraph(content) => blocks.push(text(content)),
            Block::List(items) => blocks.push(
                items
                    .iter()
                    .map(|item| format!("- {}", text(item)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        }
    }
    blocks.push(text(&document.closing));
    for signatory in &document.signatories {
        blocks.push(hard_lines(&[
            data(&signatory.name),
            text(&signatory.title),
            text(&signatory.organisation),
        ]));
    }
    if !document.notes.is_empty() {
        blocks.push(format!("## {}", text(&document.chrome.sources_heading)));
    }
    for note in &document.notes {
        let mut definition = format!("[^{}]: {}", note.number, text(&note.description));
        if let Some(title) = &note.cited_title {
            // The separator keeps its spaces at either end, which `text` trims.
            let separator = &document.chrome.title_separator;
            let mut raw = String::new();
            push_inline(&separator.content, rtl, &mut raw);
            definition.push_str(&raw.replace(['\n', '\t'], " "));
            definition.push_str(&text(title));
        }
        if let Some(language) = &note.document_language {
            definition.push(' ');
            definition.push_str(&text(language));
        }
        definition.push_str(&format!(" <{}>", destination(&note.url)));
        blocks.push(definition);
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// Lines of one paragraph, joined by hard line breaks.
fn hard_lines(lines: &[String]) -> String {
    lines.join("\\\n")
}

/// Inline content as Markdown.
fn inline(content: &[Inline], rtl: bool) -> String {
    let mut out = String::new();
    push_inline(content, rtl, &mut out);
    out.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn push_inline(content: &[Inline], rtl: bool, out: &mut String) {
    for item in content {
        match item {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Emphasis(children) => {
                out.push('*');
                push_inline(children, rtl, out);
                out.push('*');
            }
            Inline::Strong(children) => {
                out.push_str("**");
                push_inline(children, rtl, out);
                out.push_str("**");
            }
            Inline::Link { url, content } => {
                out.push('[');
                push_inline(content, rtl, out);
                out.push_str("](<");
                out.push_str(&destination(url));
                out.push_str(">)");
            }
            Inline::NoteRef(note) => out.push_str(&format!("[^{}]", note.number)),
            Inline::Isolate { content, .. } => {
                isolated(rtl, out, |out| push_inline(content, rtl, out));
            }
        }
    }
}

/// Text with every character Markdown could read as syntax backslash-escaped,
/// and a leading list or heading marker neutralised.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // "2023. A year" or "- item" at the start of a paragraph would start a list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    match out[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => out.insert(digits, '\\'),
        Some('-' | '+') if digits == 0 => out.insert(0, '\\'),
        _ => {}
    }
    out
}

/// A URL as an angle-bracketed link destination: only `<`, `>` and spaces
/// would end it, and a checked URL has none but those percent-encoded here.
fn destination(url: &str) -> String {
    url.replace('<', "%3C")
        .replace('>', "%3E")
        .replace(' ', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_looks_like_markdown_stays_text() {
        assert_eq!(
            escape("*not* [a](link) <b> & #1"),
            "\\*not\\* \\[a\\](link) \\<b\\> \\& \\#1"
        );
        assert_eq!(escape("2022. The year"), "2022\\. The year");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("US-Mexican"), "US-Mexican");
    }
}
