//! The document as the data the Typst template reads (`/document.json`):
//! every word of the letter is a JSON string, which Typst shows as text and
//! never reads as markup, so nothing a translation holds can become Typst code.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::document::{Block, Document, Inline, Paper, Span};
use crate::lang::{Direction, Lang};

use super::PdfError;
use super::fonts::Family;

/// The letter, as the template lays it out.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Letter<'d> {
    /// The document's language tag, a key of `langs`.
    lang: &'d str,
    /// The document title: the subject line.
    title: String,
    /// The document's authors: the sender where the letter names one, as
    /// the page's `author`, else the signatories.
    authors: Vec<&'d str>,
    /// Who the letter is from, shown above the addressee, where the letter says.
    sender: Option<&'d str>,
    /// Typst's name of the paper size.
    paper: &'static str,
    /// Every language of the document, by tag.
    langs: BTreeMap<&'d str, LangData>,
    /// The draft notice and the fallback notice, where there are.
    notices: Vec<SpanData<'d>>,
    recipient: SpanData<'d>,
    address: Vec<&'d str>,
    /// The address's language, a key of `langs`.
    address_lang: &'d str,
    date: SpanData<'d>,
    subject_label: SpanData<'d>,
    subject: SpanData<'d>,
    salutation: SpanData<'d>,
    body: Vec<BlockData<'d>>,
    closing: SpanData<'d>,
    signatories: Vec<SignatoryData<'d>>,
    /// Every note, by number from 1: those cited become footnotes where
    /// first cited, the others are listed under `sources_heading`.
    notes: Vec<NoteData<'d>>,
    sources_heading: SpanData<'d>,
    /// Stands between a source's description and its cited title (". ").
    title_separator: SpanData<'d>,
}

/// A language as Typst's `text` takes it.
#[derive(Debug, Serialize)]
struct LangData {
    /// ISO 639 code.
    lang: String,
    /// ISO 3166 region, where the tag has one.
    region: Option<String>,
    /// `ltr` or `rtl`.
    dir: &'static str,
    /// The font families, first choice first.
    fonts: Vec<Family>,
    /// OpenType features to set, by tag.
    features: BTreeMap<&'static str, u32>,
    /// The text size, relative to the letter's 11 points: Arabic script is
    /// set larger, as its letters are smaller on the same body than Latin ones.
    scale: f64,
}

#[derive(Debug, Serialize)]
struct SpanData<'d> {
    /// A key of `langs`.
    lang: &'d str,
    content: Vec<InlineData<'d>>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum InlineData<'d> {
    Text {
        text: String,
    },
    /// A word no line may break inside.
    Word {
        text: String,
    },
    Emphasis {
        content: Vec<InlineData<'d>>,
    },
    Strong {
        content: Vec<InlineData<'d>>,
    },
    Link {
        url: &'d str,
        content: Vec<InlineData<'d>>,
    },
    /// A note's marker, written as `numeral`; its footnote where `first`.
    Note {
        number: usize,
        numeral: &'d str,
        first: bool,
    },
    /// Content isolated from the text around it; in its own language, a key
    /// of `langs`, where it has one.
    Isolate {
        lang: Option<&'d str>,
        content: Vec<InlineData<'d>>,
    },
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum BlockData<'d> {
    Paragraph { span: SpanData<'d> },
    List { items: Vec<SpanData<'d>> },
}

#[derive(Debug, Serialize)]
struct SignatoryData<'d> {
    name: &'d str,
    title: SpanData<'d>,
    organisation: SpanData<'d>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct NoteData<'d> {
    number: usize,
    /// The number in the locale's digits, as the page writes it.
    numeral: &'d str,
    /// Whether the letter cites it (then it is a footnote).
    cited: bool,
    description: SpanData<'d>,
    cited_title: Option<SpanData<'d>>,
    /// Which language the cited document is in ("(in English)"), where its
    /// title is in another language than the letter's.
    document_language: Option<SpanData<'d>>,
    url: &'d str,
}

/// Gathers the text of each language, for choosing fonts, while the data is made.
#[derive(Default)]
struct Texts<'d> {
    by_lang: BTreeMap<&'d str, String>,
    langs: BTreeMap<&'d str, &'d Lang>,
    /// Whether the document reads right to left.
    rtl: bool,
}

impl<'d> Texts<'d> {
    fn add(&mut self, lang: &'d Lang, text: &str) {
        self.langs.insert(lang.tag(), lang);
        self.by_lang.entry(lang.tag()).or_default().push_str(text);
    }

    fn span(&mut self, span: &'d Span) -> SpanData<'d> {
        self.langs.insert(span.lang.tag(), &span.lang);
        SpanData {
            lang: span.lang.tag(),
            content: self.inlines(&span.content, &span.lang),
        }
    }

    fn inlines(&mut self, content: &'d [Inline], lang: &'d Lang) -> Vec<InlineData<'d>> {
        let mut out = Vec::with_capacity(content.len());
        for inline in content {
            out.push(match inline {
                Inline::Text(text) => {
                    let text = shown(text);
                    self.add(lang, &text);
                    // In right-to-left text an unbreakable box would be a
                    // neutral object to the bidi algorithm: words stay text.
                    let whole = !self.rtl && lang.direction() == Direction::Ltr;
                    out.extend(runs(text, whole));
                    continue;
                }
                Inline::Emphasis(children) => InlineData::Emphasis {
                    content: self.inlines(children, lang),
                },
                Inline::Strong(children) => InlineData::Strong {
                    content: self.inlines(children, lang),
                },
                Inline::Link { url, content } => InlineData::Link {
                    url,
                    content: self.inlines(content, lang),
                },
                Inline::NoteRef(note) => {
                    self.add(lang, &note.numeral);
                    InlineData::Note {
                        number: note.number,
                        numeral: &note.numeral,
                        first: note.occurrence == 1,
                    }
                }
                Inline::Isolate { lang: own, content } => {
                    let inner = own.as_ref().unwrap_or(lang);
                    self.langs.insert(inner.tag(), inner);
                    InlineData::Isolate {
                        lang: own.as_ref().map(Lang::tag),
                        content: self.inlines(content, inner),
                    }
                }
            });
        }
        out
    }
}

/// The text as the PDF shows it: a line or paragraph separator is a space
/// (the letter's blocks are its paragraphs), and a character that is neither
/// shown nor invisible by definition (an annotation mark, a private-use or
/// unassigned code point) is left out, as a browser shows nothing for it.
fn shown(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{2028}' | '\u{2029}' => Some(' '),
            '\u{FFF9}'..='\u{FFFB}' | '\u{FFFE}' | '\u{FFFF}' => None,
            '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' => None,
            c => Some(c),
        })
        .collect()
}

/// `text` cut into runs of words and, where `whole` (left-to-right text),
/// words with a hyphen inside, kept whole: as in the plain text, no line
/// ends in a hyphen that is part of a word, which text extraction would take
/// for hyphenation and join the word without it.
fn runs(text: String, whole: bool) -> Vec<InlineData<'static>> {
    if !whole || !text.contains(['-', '\u{2010}']) {
        return vec![InlineData::Text { text }];
    }
    let mut out = Vec::new();
    let mut plain = String::new();
    for word in text.split_inclusive(char::is_whitespace) {
        let body = word.trim_end_matches(char::is_whitespace);
        let inner = body
            .char_indices()
            .any(|(at, c)| matches!(c, '-' | '\u{2010}') && at + c.len_utf8() < body.len());
        if inner {
            if !plain.is_empty() {
                out.push(InlineData::Text {
                    text: std::mem::take(&mut plain),
                });
            }
            out.push(InlineData::Word {
                text: body.to_owned(),
            });
            plain.push_str(&word[body.len()..]);
        } else {
            plain.push_str(word);
        }
    }
    if !plain.is_empty() {
        out.push(InlineData::Text { text: plain });
    }
    out
}

/// The template's data for `document`, and every font it needs.
pub(super) fn letter<'d>(
    document: &'d Document,
    paper: Paper,
    fonts: &super::fonts::Fonts,
) -> Result<(Letter<'d>, Vec<typst::text::Font>), PdfError> {
    let mut texts = Texts {
        rtl: document.lang.direction() == Direction::Rtl,
        ..Texts::default()
    };
    texts.langs.insert(document.lang.tag(), &document.lang);
    let notices = [
        &document.chrome.draft_notice,
        &document.chrome.fallback_notice,
    ]
    .into_iter()
    .flatten()
    .map(|notice| texts.span(notice))
    .collect();
    if let Some(sender) = &document.sender {
        texts.add(&document.lang, sender);
    }
    let recipient = texts.span(&document.recipient);
    for line in &document.address {
        texts.add(&document.data_lang, line);
    }
    let date = texts.span(&document.date.text);
    let subject_label = texts.span(&document.subject_label);
    let subject = texts.span(&document.subject);
    let salutation = texts.span(&document.salutation);
    let body = document
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph(span) => BlockData::Paragraph {
                span: texts.span(span),
            },
            Block::List(items) => BlockData::List {
                items: items.iter().map(|item| texts.span(item)).collect(),
            },
        })
        .collect();
    let closing = texts.span(&document.closing);
    let signatories = document
        .signatories
        .iter()
        .map(|signatory| {
            texts.add(&document.lang, &signatory.name);
            SignatoryData {
                name: &signatory.name,
                title: texts.span(&signatory.title),
                organisation: texts.span(&signatory.organisation),
            }
        })
        .collect();
    let notes = document
        .notes
        .iter()
        .map(|note| {
            texts.add(&document.lang, &note.url);
            texts.add(&document.lang, &note.numeral);
            NoteData {
                number: note.number,
                numeral: &note.numeral,
                cited: note.references > 0,
                description: texts.span(&note.description),
                cited_title: note.cited_title.as_ref().map(|t| texts.span(t)),
                document_language: note.document_language.as_ref().map(|l| texts.span(l)),
                url: &note.url,
            }
        })
        .collect();
    let sources_heading = texts.span(&document.chrome.sources_heading);
    let title_separator = texts.span(&document.chrome.title_separator);
    // The page number, in the document's language.
    texts.add(&document.lang, "0123456789 /");

    let by_lang: BTreeMap<String, String> = texts
        .langs
        .keys()
        .map(|tag| {
            let text = texts.by_lang.get(tag).cloned().unwrap_or_default();
            ((*tag).to_owned(), text)
        })
        .collect();
    let (fonts, families) = fonts.choose(&by_lang)?;
    let langs = texts
        .langs
        .iter()
        .map(|(tag, lang)| {
            let (code, region) = typst_language(lang);
            let text = by_lang.get(*tag).map_or("", String::as_str);
            let features = features(lang, region.is_none(), text);
            let scale = if text.chars().any(is_arabic_script) {
                ARABIC_SCALE
            } else {
                1.0
            };
            (
                *tag,
                LangData {
                    lang: code,
                    region,
                    dir: match lang.direction() {
                        Direction::Ltr => "ltr",
                        Direction::Rtl => "rtl",
                    },
                    fonts: families.get(*tag).cloned().unwrap_or_default(),
                    features,
                    scale,
                },
            )
        })
        .collect();
    let letter = Letter {
        lang: document.lang.tag(),
        title: title(&document.subject),
        authors: match &document.sender {
            Some(sender) => vec![sender.as_str()],
            None => document
                .signatories
                .iter()
                .map(|s| s.name.as_str())
                .collect(),
        },
        sender: document.sender.as_deref(),
        paper: super::paper_name(paper),
        langs,
        notices,
        recipient,
        address: document.address.iter().map(String::as_str).collect(),
        address_lang: document.data_lang.tag(),
        date,
        subject_label,
        subject,
        salutation,
        body,
        closing,
        signatories,
        notes,
        sources_heading,
        title_separator,
    };
    Ok((letter, fonts))
}

/// The OpenType features set apart from the fonts' defaults for a language.
///
/// Traditional Chinese without a region would be shaped as Simplified
/// (Typst knows no script subtag), whose local forms would replace the
/// Traditional face's own: `locl` is off, keeping the face's.
///
/// Arabic script has its vowel marks placed at the font's own default
/// positions rather than moved by `mark` positioning (marks on marks are
/// still placed, `mkmk`): a moved mark is written as a run of its own on
/// another baseline, which text extraction (poppler's `pdftotext`) reads as a
/// separate line, tearing the words apart. Noto Naskh Arabic's default
/// positions are drawn for its letters and look the same.
fn features(lang: &Lang, no_region: bool, text: &str) -> BTreeMap<&'static str, u32> {
    let hant = lang
        .language_identifier()
        .script
        .is_some_and(|s| s.as_str() == "Hant");
    let mut features = BTreeMap::new();
    if hant && no_region {
        features.insert("locl", 0);
    }
    if text.chars().any(is_arabic_script) {
        features.insert("mark", 0);
    }
    features
}

/// How much larger Arabic script is set than Latin.
const ARABIC_SCALE: f64 = 1.15;

fn is_arabic_script(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{0870}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
    )
}

/// The subject as the document's title: its words, without note markers.
fn title(subject: &Span) -> String {
    fn push(content: &[Inline], out: &mut String) {
        for inline in content {
            match inline {
                Inline::Text(text) => out.push_str(&shown(text)),
                Inline::Emphasis(children)
                | Inline::Strong(children)
                | Inline::Link {
                    content: children, ..
                }
                | Inline::Isolate {
                    content: children, ..
                } => push(children, out),
                Inline::NoteRef(_) => {}
            }
        }
    }
    let mut out = String::new();
    push(&subject.content, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A BCP 47 tag as Typst's `lang` and `region`: the language subtag (two or
/// three letters) and a two-letter region subtag where there is one. Typst
/// knows no script subtag; the fonts chosen for the text stand for it.
fn typst_language(lang: &Lang) -> (String, Option<String>) {
    let id = lang.language_identifier();
    let code = id.language.as_str().to_owned();
    let region = id
        .region
        .map(|r| r.as_str().to_owned())
        .filter(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()));
    (code, region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_is_kept_and_a_script_or_numeric_region_is_not() {
        let split = |tag: &str| typst_language(&Lang::parse(tag).unwrap());
        assert_eq!(split("pt-BR"), ("pt".into(), Some("BR".into())));
        assert_eq!(split("zh-Hant"), ("zh".into(), None));
        assert_eq!(split("es-419"), ("es".into(), None));
        assert_eq!(split("fil"), ("fil".into(), None));
    }

    #[test]
    fn separators_are_spaces_and_unshowable_characters_are_left_out() {
        assert_eq!(shown("a\u{2028}b\u{FFF9}c\u{E000}d"), "a bcd");
    }

    #[test]
    fn a_word_with_a_hyphen_inside_is_kept_whole_in_left_to_right_text() {
        let runs = runs("the US-Mexican border - 2- x".to_owned(), true);
        let json = serde_json::to_string(&runs).unwrap();
        assert_eq!(
            json,
            r#"[{"kind":"text","text":"the "},{"kind":"word","text":"US-Mexican"},{"kind":"text","text":" border - 2- x"}]"#
        );
        assert_eq!(
            serde_json::to_string(&super::runs("US-Mexican".to_owned(), false)).unwrap(),
            r#"[{"kind":"text","text":"US-Mexican"}]"#
        );
    }
}
