//! A letter's structure, `content/<letter>/letter.toml`: the order of its blocks,
//! its data (names, the postal address, the date, source URLs) and, for every
//! translatable block, the id of the Fluent message that holds its words.
//! Loading reads the file as written (`RawLetter`) and validates it into a
//! [`Letter`].

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::dates::{Date, Zone};
use crate::ids::is_safe_name;
use crate::lang::Lang;
use crate::location::Location;
use crate::source::LoadError;
use crate::text::{is_bidi_control, safe_url};

/// A Fluent message id named by the letter.
pub type MessageId = String;

/// One letter, as loaded from its `letter.toml`.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The letter's folder name under `content/`; also its Fluent file's name
    /// and its folder in the output.
    pub name: String,
    /// The date the letter bears.
    pub date: Date,
    /// The time zone the date is in (UTC when `letter.toml` names none): an
    /// email is dated noon of the date there.
    pub timezone: Zone,
    /// Who the letter is addressed to.
    pub recipient: Recipient,
    /// The subject line; also the page's main heading.
    pub subject: MessageId,
    /// The greeting, such as "Dear President Biden,".
    pub salutation: MessageId,
    /// The body, in order.
    pub body: Vec<Block>,
    /// The closing, such as "Sincerely,".
    pub closing: MessageId,
    /// Who signed the letter.
    pub signatories: Vec<Signatory>,
    /// The documents the letter's notes cite.
    pub sources: Vec<Source>,
}

/// The addressee.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The id of the message holding the addressee's name with any title
    /// ("President Joseph R. Biden"): a message, since the title is translated.
    pub name: MessageId,
    /// Postal address lines: data, shown as written in every language.
    #[serde(default)]
    pub address: Vec<String>,
}

/// A block of the letter's body: `paragraph = "id"` or `list = ["id", ...]`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph: the id of its message.
    Paragraph(MessageId),
    /// A bulleted list: the id of each item's message.
    List(Vec<MessageId>),
}

/// Someone who signed the letter.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// The person's name: data, shown as written in every language.
    pub name: String,
    /// The id of the message holding their title.
    pub title: MessageId,
    /// The id of the message holding their organisation's name.
    pub organisation: MessageId,
}

/// A document cited by the letter's notes.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Source {
    /// The note id messages cite it by, as `[^id]`: a-z, 0-9 and `-`.
    pub id: String,
    /// Where the document is: an https, http or mailto address.
    pub url: String,
    /// The id of the message holding a short description of the document.
    pub description: MessageId,
    /// The document's own title, exactly as published, shown as written in
    /// every language. Left out where it has not been checked against the
    /// published document: the note then shows the URL alone.
    pub cited_title: Option<String>,
    /// The language of `cited-title` (a BCP 47 tag), so screen readers read it in that language;
    /// a page in another language says, after the title, that the document is in it.
    pub cited_title_lang: Option<String>,
}

impl Letter {
    /// Every message id the letter needs, in reading order, each once.
    pub fn message_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = vec![&self.recipient.name, &self.subject, &self.salutation];
        for block in &self.body {
            match block {
                Block::Paragraph(id) => ids.push(id),
                Block::List(items) => ids.extend(items.iter().map(String::as_str)),
            }
        }
        ids.push(&self.closing);
        for signatory in &self.signatories {
            ids.push(&signatory.title);
            ids.push(&signatory.organisation);
        }
        ids.extend(self.sources.iter().map(|s| s.description.as_str()));
        let mut seen = BTreeSet::new();
        ids.retain(|id| seen.insert(*id));
        ids
    }

    /// The source a note id refers to.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

// `letter.toml` as written. The doc comments below are also the descriptions
// editors show from the JSON Schema (`letterkit schema letter`).
/// A letter's structure and data. Every translatable text is a Fluent message in
/// `locales/<locale>/<letter>.ftl`; the values that name one are message ids.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "letter.toml")]
pub(crate) struct RawLetter {
    /// The date the letter bears, as a TOML date (`2023-01-06`); each locale writes it its own way.
    #[schemars(schema_with = "date_schema")]
    date: toml::Spanned<toml::value::Datetime>,
    /// The time zone the date is in: an IANA name (`America/New_York`) or a
    /// fixed offset (`-05:00`); UTC when absent. An email of the letter is dated
    /// noon of the date in this zone, so readers within 11 hours see the same day.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    timezone: Option<toml::Spanned<String>>,
    /// Who the letter is addressed to.
    recipient: Recipient,
    /// The id of the message holding the subject line, also the page's main heading.
    subject: String,
    /// The id of the message holding the greeting, such as "Dear President Biden,".
    salutation: String,
    /// The body's blocks, in order: paragraphs and lists.
    body: Vec<Block>,
    /// The id of the message holding the closing, such as "Sincerely,".
    closing: String,
    /// Who signed the letter.
    #[serde(default)]
    signatories: Vec<Signatory>,
    /// The documents the letter's notes cite.
    #[serde(default)]
    sources: Vec<Source>,
}

impl RawLetter {
    /// The letter named `name`, as `letter.toml` (the file `shown`, whose
    /// text is `text`) describes it, once its data is found sound: a date
    /// alone, no invisible control character in the data shown as written,
    /// source ids safe and distinct, source addresses safe to link.
    pub(crate) fn validate(
        self,
        name: &str,
        shown: &Path,
        text: &str,
    ) -> Result<Letter, LoadError> {
        let raw = self;
        let invalid = |message: String| LoadError::Invalid {
            path: shown.to_owned(),
            message,
        };
        // Where a value of the file is, for errors about it: the span of the
        // first place its text is written as a TOML string, else the file.
        let refused_at = |span: Option<Range<usize>>, message: String| match span {
            Some(span) => LoadError::Refused {
                location: Location::at_span(shown, text, span),
                message,
            },
            None => invalid(message),
        };
        let quoted = |value: &str| {
            ['"', '\'']
                .iter()
                .find_map(|q| text.find(&format!("{q}{value}{q}")))
                .map(|start| start + 1..start + 1 + value.len())
        };
        let date = match (
            raw.date.get_ref().date,
            raw.date.get_ref().time,
            raw.date.get_ref().offset,
        ) {
            (Some(d), None, None) => Date {
                year: i32::from(d.year),
                month: d.month,
                day: d.day,
            },
            _ => {
                return Err(refused_at(
                    Some(raw.date.span()),
                    "date must be a date alone, such as 2023-01-06".into(),
                ));
            }
        };
        let timezone = match &raw.timezone {
            Some(name) => {
                Zone::parse(name.get_ref()).map_err(|e| refused_at(Some(name.span()), e))?
            }
            None => Zone::utc(),
        };
        let data = raw
            .recipient
            .address
            .iter()
            .chain(raw.signatories.iter().map(|s| &s.name))
            .chain(raw.sources.iter().filter_map(|s| s.cited_title.as_ref()));
        for text in data {
            if let Some(c) = text.chars().find(|c| c.is_control() || is_bidi_control(*c)) {
                return Err(invalid(format!(
                    "`{}` contains the invisible control character U+{:04X}; remove it",
                    text.escape_debug(),
                    u32::from(c)
                )));
            }
        }
        let mut seen = BTreeSet::new();
        for source in &raw.sources {
            if !is_safe_name(&source.id) {
                return Err(refused_at(
                    quoted(&source.id),
                    format!("source id `{}` must use only a-z, 0-9 and `-`", source.id),
                ));
            }
            if !seen.insert(source.id.as_str()) {
                let second = quoted(&source.id).and_then(|first| {
                    let rest = &text[first.end..];
                    rest.find(&format!("\"{}\"", source.id))
                        .map(|at| first.end + at + 1..first.end + at + 1 + source.id.len())
                });
                return Err(refused_at(
                    second,
                    format!("source id `{}` is used twice", source.id),
                ));
            }
            if safe_url(&source.url).is_none() {
                return Err(refused_at(
                    quoted(&source.url),
                    format!(
                        "source `{}`: `{}` is not an https, http or mailto address",
                        source.id,
                        source.url.escape_debug()
                    ),
                ));
            }
            if let Some(tag) = &source.cited_title_lang {
                Lang::parse(tag)
                    .map_err(|e| refused_at(quoted(tag), format!("source `{}`: {e}", source.id)))?;
            }
        }
        Ok(Letter {
            name: name.to_owned(),
            date,
            timezone,
            recipient: raw.recipient,
            subject: raw.subject,
            salutation: raw.salutation,
            body: raw.body,
            closing: raw.closing,
            signatories: raw.signatories,
            sources: raw.sources,
        })
    }
}

/// A TOML date such as `2023-01-06`; editors validate TOML dates as strings.
fn date_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "format": "date",
    })
}
