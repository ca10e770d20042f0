//! A letter's structure, `content/<letter>/letter.toml`: the order of its blocks,
//! its data (names, the postal address, the date, source URLs) and, for every
//! translatable block, the id of the Fluent message that holds its words.
//! Loading reads the file as written (`RawLetter`) and validates it into a
//! [`Letter`].

use std::collections::{BTreeMap, BTreeSet};
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
    /// The locales the letter is published in, the source included, where
    /// `letter.toml` lists them; `None`: every locale of the project.
    pub locales: Option<Vec<Lang>>,
    /// The organisation or person the letter is from: the page's author and
    /// the heading of the letter's language chooser.
    pub sender: Option<String>,
    /// The address the email's `From` header names, where one is given.
    pub sender_email: Option<String>,
    /// The letter's data its messages use as Fluent variables, by name.
    pub variables: BTreeMap<String, Variable>,
}

/// A value of the letter's `[variables]` table, given to its messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Variable {
    /// A number: written with the locale's digits and grouping; plural
    /// selectors choose on it.
    Number(f64),
    /// Text, shown as written in every language.
    Text(String),
    /// A date, written out as the letter's date is in each locale.
    Date(Date),
}

/// The variables every letter message is given, which `[variables]` cannot
/// redefine: the count of signatories, and the names the page text and the
/// letter's date use.
pub const RESERVED_VARIABLES: &[&str] = &[
    SIGNATORY_COUNT,
    "subject",
    "number",
    "language",
    "code",
    "title",
    "day",
    "month",
    "year",
];

/// The variable holding how many people signed the letter.
pub const SIGNATORY_COUNT: &str = "signatory-count";

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
    /// The language the address is written in (a BCP 47 tag), so that its
    /// lines are marked as that language on every page; default: the source
    /// locale's.
    #[serde(rename = "address-lang")]
    pub address_lang: Option<String>,
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

    /// Whether the letter is published in `lang`.
    pub fn is_in(&self, lang: &Lang) -> bool {
        self.locales.as_ref().is_none_or(|l| l.contains(lang))
    }

    /// Those of `langs` the letter is published in, in their order.
    pub fn langs_in(&self, langs: &[Lang]) -> Vec<Lang> {
        langs.iter().filter(|l| self.is_in(l)).cloned().collect()
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
    /// The locales the letter is published in (BCP 47 tags), a subset of the
    /// project's; the source locale is always included. Default: every
    /// locale of the project.
    locales: Option<Vec<String>>,
    /// The organisation or person the letter is from: the page's author
    /// metadata and the heading of its language chooser.
    sender: Option<String>,
    /// An email address for the `From` header of the letter's emails;
    /// without it the emails have no `From`.
    sender_email: Option<String>,
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
    /// Data the letter's messages use as Fluent variables (`{ $name }`):
    /// numbers (written with each locale's digits; plurals select on them),
    /// strings (shown as written) and TOML dates (written out as the
    /// letter's date is). `$signatory-count` is always given.
    #[serde(default)]
    #[schemars(schema_with = "variables_schema")]
    variables: BTreeMap<String, toml::Value>,
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
        project_locales: &[Lang],
        source: &Lang,
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
            .chain(raw.sender.iter())
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
        let locales = match &raw.locales {
            None => None,
            Some(tags) => {
                let mut langs: Vec<Lang> = Vec::with_capacity(tags.len() + 1);
                for tag in tags {
                    let lang = Lang::parse(tag)
                        .map_err(|e| refused_at(quoted(tag), format!("locales: {e}")))?;
                    if !project_locales.contains(&lang) {
                        return Err(refused_at(
                            quoted(tag),
                            format!(
                                "locales: `{lang}` is not a locale of this project (letterkit.toml lists {}); add it with `letterkit locale add {lang}`",
                                project_locales
                                    .iter()
                                    .map(Lang::tag)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        ));
                    }
                    if langs.contains(&lang) {
                        return Err(refused_at(
                            quoted(tag),
                            format!("locales: `{lang}` is listed twice"),
                        ));
                    }
                    langs.push(lang);
                }
                // The source locale is always in; the order is the project's.
                if !langs.contains(source) {
                    langs.push(source.clone());
                }
                langs.sort_by_key(|l| project_locales.iter().position(|p| p == l));
                Some(langs)
            }
        };
        if let Some(sender) = &raw.sender
            && sender.trim().is_empty()
        {
            return Err(refused_at(
                quoted(sender),
                "sender must not be empty".into(),
            ));
        }
        if let Some(email) = &raw.sender_email
            && !is_email_address(email)
        {
            return Err(refused_at(
                quoted(email),
                format!(
                    "sender-email `{}` is not an email address such as letters@example.org",
                    email.escape_debug()
                ),
            ));
        }
        if let Some(tag) = &raw.recipient.address_lang {
            Lang::parse(tag)
                .map_err(|e| refused_at(quoted(tag), format!("recipient.address-lang: {e}")))?;
        }
        let mut variables = BTreeMap::new();
        for (key, value) in &raw.variables {
            let key_at = || key_span(text, key);
            if RESERVED_VARIABLES.contains(&key.as_str()) {
                return Err(refused_at(
                    key_at(),
                    format!(
                        "variables: `{key}` is a name letterkit gives every message; choose another name"
                    ),
                ));
            }
            if !is_fluent_identifier(key) {
                return Err(refused_at(
                    key_at(),
                    format!(
                        "variables: `{}` cannot be a Fluent variable name: start with a letter, then letters, digits, `-` or `_`",
                        key.escape_debug()
                    ),
                ));
            }
            let variable = match value {
                toml::Value::Integer(n) => Variable::Number(*n as f64),
                toml::Value::Float(n) if n.is_finite() => Variable::Number(*n),
                toml::Value::String(s) => {
                    if let Some(c) = s.chars().find(|c| c.is_control() || is_bidi_control(*c)) {
                        return Err(invalid(format!(
                            "variables: `{key}` contains the invisible control character U+{:04X}; remove it",
                            u32::from(c)
                        )));
                    }
                    Variable::Text(s.clone())
                }
                toml::Value::Datetime(datetime) => {
                    match (datetime.date, datetime.time, datetime.offset) {
                        (Some(d), None, None) => Variable::Date(Date {
                            year: i32::from(d.year),
                            month: d.month,
                            day: d.day,
                        }),
                        _ => {
                            return Err(refused_at(
                                key_at(),
                                format!(
                                    "variables: `{key}` must be a date alone, such as 2023-01-06"
                                ),
                            ));
                        }
                    }
                }
                _ => {
                    return Err(refused_at(
                        key_at(),
                        format!(
                            "variables: `{key}` must be a number, a string or a date (found {})",
                            value.type_str()
                        ),
                    ));
                }
            };
            variables.insert(key.clone(), variable);
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
            locales,
            sender: raw.sender,
            sender_email: raw.sender_email,
            variables,
        })
    }
}

/// Where the key `key` of a table is written: at the start of a line,
/// before `=`.
fn key_span(text: &str, key: &str) -> Option<Range<usize>> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return Some(at + indent..at + indent + key.len());
        }
        at += line.len();
    }
    None
}

/// A Fluent identifier: `[a-zA-Z][a-zA-Z0-9_-]*`.
fn is_fluent_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A plain email address: one `@` between a local part and a domain with a
/// dot, no spaces, controls or angle brackets, so that it cannot add a
/// header or a second address.
fn is_email_address(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars().all(|c| {
                !c.is_whitespace()
                    && !c.is_control()
                    && !is_bidi_control(c)
                    && !"<>()[],;:\\\"@".contains(c)
            })
    };
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// The `[variables]` table: each value a number, a string or a TOML date.
fn variables_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "propertyNames": {
            "pattern": "^[a-zA-Z][a-zA-Z0-9_-]*$",
            "not": { "enum": RESERVED_VARIABLES },
        },
        "additionalProperties": {
            "anyOf": [
                { "type": "number" },
                { "type": "string" },
            ],
        },
    })
}

/// A TOML date such as `2023-01-06`; editors validate TOML dates as strings.
fn date_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "format": "date",
    })
}
