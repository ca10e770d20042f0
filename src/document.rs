//! The localized document: one letter in one locale, every message resolved
//! through the fallback chain, inline Markdown parsed, notes numbered. It is the
//! seam between localizing and rendering: renderers read only this, never Fluent
//! or TOML, and nothing in it is raw HTML, so every renderer escapes by
//! construction.

use crate::lang::{Lang, Status};

/// The paper a printed letter (its PDF) is set on; `paper` in
/// `letterkit.toml`.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 inches.
    UsLetter,
}

/// One letter in one locale, ready to render in any format.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The letter's folder name; its folder in the output.
    pub letter: String,
    /// The page's language: every span not marked otherwise is in it.
    pub lang: Lang,
    /// Draft or reviewed translation.
    pub status: Status,
    /// The page title (browser tab, `<title>`), plain text.
    pub title: String,
    /// Words of the page around the letter.
    pub chrome: Chrome,
    /// The letter's date.
    pub date: DateText,
    /// The addressee's name (with title).
    pub recipient: Span,
    /// Postal address lines, as written.
    pub address: Vec<String>,
    /// The language the letter's data (the postal address) is written in:
    /// the letter's `address-lang`, else the source locale's.
    pub data_lang: Lang,
    /// Who the letter is from (author metadata), where the letter says.
    pub sender: Option<String>,
    /// The address of the email's `From` header, where the letter gives one.
    pub sender_email: Option<String>,
    /// The label before the subject ("RE:").
    pub subject_label: Span,
    /// The subject line.
    pub subject: Span,
    /// The greeting.
    pub salutation: Span,
    /// The body blocks in order.
    pub body: Vec<Block>,
    /// The closing.
    pub closing: Span,
    /// The signatories.
    pub signatories: Vec<Signatory>,
    /// The notes, numbered from 1 in the order the letter first cites them.
    pub notes: Vec<Note>,
    /// Every language the letter is published in, in configured order.
    pub languages: Vec<Alternate>,
    /// The words of the site's index page in the page's language.
    pub site_text: SiteText,
    /// The address the output folder is published at, ending in `/`, where
    /// the project names one: pages then carry canonical links and `og:url`.
    pub base_url: Option<String>,
    /// Whether the letter is published as a PDF beside the page, which the
    /// page then links to.
    pub pdf: bool,
}

/// The words of the site's index page (the list of every letter), in one
/// language; carried by each document of that language.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteText {
    /// The index page's title and heading ("Letters").
    pub heading: Span,
    /// The label of the index's language switcher.
    pub languages_label: Span,
    /// The text of the link to the language's feed.
    pub feed: Span,
}

/// Words of the page chrome, each a span with its language.
#[derive(Debug, Clone, PartialEq)]
pub struct Chrome {
    /// The skip link's text.
    pub skip_link: Span,
    /// The language switcher's label.
    pub language_switcher_label: Span,
    /// The heading above the sources.
    pub sources_heading: Span,
    /// The draft notice, on a page whose translation is a draft.
    pub draft_notice: Option<Span>,
    /// Says that some parts fell back to another language, where any did.
    pub fallback_notice: Option<Span>,
    /// The heading of the page listing every language.
    pub chooser_heading: Span,
    /// The link to the page listing every language.
    pub all_languages: Span,
    /// Marks a partly translated language on the page listing every language.
    pub partial_translation: Span,
    /// Stands between a source's description and its cited title, spaces
    /// included (". " in English).
    pub title_separator: Span,
}

impl Document {
    /// The letter's first paragraph as plain text (note markers left out),
    /// cut at a word so that it stays under 200 characters: the page's
    /// description for link previews and feeds.
    pub fn description(&self) -> String {
        let Some(first) = self.body.iter().find_map(|block| match block {
            Block::Paragraph(span) => Some(span),
            Block::List(_) => None,
        }) else {
            return String::new();
        };
        let mut text = String::new();
        push_plain_text(&first.content, false, &mut text);
        cut_at_word(&text.split_whitespace().collect::<Vec<_>>().join(" "), 200)
    }
}

/// `text` as it is if shorter than `limit` characters, else cut after the
/// last whole word that leaves room for an ellipsis.
pub(crate) fn cut_at_word(text: &str, limit: usize) -> String {
    if text.chars().count() < limit {
        return text.to_owned();
    }
    let room: String = text.chars().take(limit - 2).collect();
    let next_is_break = text[room.len()..].starts_with(' ');
    let cut = if next_is_break {
        room.as_str()
    } else {
        room.rfind(' ').map_or(room.as_str(), |at| &room[..at])
    };
    let cut = cut
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '،'));
    format!("{cut}…")
}

/// A run of inline content in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The language the words are in; differs from the page's where the message
    /// fell back to another locale.
    pub lang: Lang,
    /// The content.
    pub content: Vec<Inline>,
}

impl Span {
    /// The span's text with all markup removed.
    pub fn plain_text(&self) -> String {
        let mut text = String::new();
        push_plain_text(&self.content, true, &mut text);
        text
    }
}

/// The text of `content`, each note reference as `[n]` where `notes` is set
/// and left out where not.
fn push_plain_text(content: &[Inline], notes: bool, out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Link {
                content: children, ..
            }
            | Inline::Isolate {
                content: children, ..
            } => push_plain_text(children, notes, out),
            Inline::NoteRef(_) if !notes => {}
            Inline::NoteRef(note) => {
                out.push('[');
                out.push_str(&note.numeral);
                out.push(']');
            }
        }
    }
}

/// Inline content. There is no raw-HTML variant: markup a translation contains
/// arrives here as text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Emphasis (`*text*`).
    Emphasis(Vec<Inline>),
    /// Strong emphasis (`**text**`).
    Strong(Vec<Inline>),
    /// A link to a checked https, http or mailto address.
    Link {
        /// The address.
        url: String,
        /// The link's text.
        content: Vec<Inline>,
    },
    /// A reference to a note, inside a sentence.
    NoteRef(NoteRef),
    /// Content whose direction is isolated from its surroundings (an
    /// interpolated value), in its own language where it is known.
    Isolate {
        /// The content's language, when it differs from the surrounding text's.
        lang: Option<Lang>,
        /// The content.
        content: Vec<Inline>,
    },
}

/// A note reference inside a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteRef {
    /// The note's number.
    pub number: usize,
    /// The note's number as the page writes it, in the digits of the locale's
    /// default numbering system ("۲" on a Persian page); ids and links keep
    /// `number`.
    pub numeral: String,
    /// 1 for the first reference to this note, 2 for the second, and so on.
    pub occurrence: usize,
    /// The reference's accessible name ("Source 1").
    pub label: Span,
}

/// A block of the letter's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Span),
    /// A bulleted list.
    List(Vec<Span>),
}

/// A signatory.
#[derive(Debug, Clone, PartialEq)]
pub struct Signatory {
    /// Their name, as written.
    pub name: String,
    /// Their title.
    pub title: Span,
    /// Their organisation.
    pub organisation: Span,
}

/// The letter's date.
#[derive(Debug, Clone, PartialEq)]
pub struct DateText {
    /// ISO 8601 form, for machines.
    pub iso: String,
    /// Written out in the page's language.
    pub text: Span,
    /// Noon of the date in the letter's time zone, as an RFC 5322 date
    /// (`Fri, 6 Jan 2023 12:00:00 -0500`), for an email's `Date`.
    pub noon: Option<String>,
    /// The same instant as an RFC 3339 timestamp, for feeds.
    pub noon_rfc3339: Option<String>,
}

/// A numbered note: the source it cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The note's number, from 1.
    pub number: usize,
    /// The note's number as the page writes it, in the digits of the locale's
    /// default numbering system ("۲" on a Persian page).
    pub numeral: String,
    /// How many times the letter cites it (0 for a listed source never cited).
    pub references: usize,
    /// The label of the link back to the first reference.
    pub back_label: Span,
    /// A description of the cited document.
    pub description: Span,
    /// The document's own title, in its own language, introduced by a label.
    pub cited_title: Option<Span>,
    /// Says, in the page's language, which language the document is in, where
    /// its title is in another language than the page's ("(in English)").
    pub document_language: Option<Span>,
    /// The document's address.
    pub url: String,
}

/// One language the letter is published in, for the language switcher.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternate {
    /// The language.
    pub lang: Lang,
    /// Its name, written in itself.
    pub name: String,
    /// Whether this is the document's own language.
    pub current: bool,
}

/// The page that lists every language a letter is published in.
#[derive(Debug, Clone, PartialEq)]
pub struct Chooser {
    /// The page's language (the source locale's).
    pub lang: Lang,
    /// The page title.
    pub title: String,
    /// The letter's subject in the page's language.
    pub heading: Span,
    /// Who the letter is from, shown above the subject, where the letter says.
    pub sender: Option<String>,
    /// "Choose a language", in every language of the page, in configured
    /// order, each wording once.
    pub prompts: Vec<Span>,
    /// One entry per language, in configured order.
    pub entries: Vec<ChooserEntry>,
}

/// One language on the chooser page.
#[derive(Debug, Clone, PartialEq)]
pub struct ChooserEntry {
    /// The language.
    pub lang: Lang,
    /// Its name, in itself.
    pub name: String,
    /// The letter's subject in that language.
    pub subject: Span,
    /// Says, in that language, that it is partly translated, where it is.
    pub partial: Option<Span>,
    /// Whether it is published as a PDF too, which the page then links to.
    pub pdf: bool,
}

impl Chooser {
    /// The chooser for a letter's documents; its own words come from `main`
    /// (normally the source locale's document).
    pub fn new(main: &Document, documents: &[Document]) -> Self {
        Chooser {
            lang: main.lang.clone(),
            title: format!(
                "{} – {}",
                main.subject.plain_text(),
                main.chrome.chooser_heading.plain_text()
            ),
            heading: main.subject.clone(),
            sender: main.sender.clone(),
            prompts: documents.iter().map(|d| &d.chrome.chooser_heading).fold(
                Vec::new(),
                |mut prompts, prompt| {
                    // A prompt that fell back repeats another language's.
                    if !prompts.contains(prompt) {
                        prompts.push(prompt.clone());
                    }
                    prompts
                },
            ),
            entries: documents
                .iter()
                .map(|d| ChooserEntry {
                    lang: d.lang.clone(),
                    name: d
                        .languages
                        .iter()
                        .find(|a| a.current)
                        .map_or_else(|| d.lang.tag().to_owned(), |a| a.name.clone()),
                    subject: d.subject.clone(),
                    partial: d
                        .chrome
                        .fallback_notice
                        .as_ref()
                        .map(|_| d.chrome.partial_translation.clone()),
                    pdf: d.pdf,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_description_is_cut_at_a_word_under_200_characters() {
        let text = "word ".repeat(60);
        let cut = cut_at_word(text.trim(), 200);
        assert!(cut.chars().count() < 200, "{}", cut.chars().count());
        assert!(cut.ends_with("word…"), "{cut}");
        assert_eq!(cut_at_word("Short, whole.", 200), "Short, whole.");
        let long_word = "é".repeat(300);
        assert!(cut_at_word(&long_word, 200).chars().count() < 200);
    }
}
