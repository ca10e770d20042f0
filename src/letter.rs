//! A letter's structure, `content/<letter>/letter.toml`: the order of its blocks,
//! its data (names, the postal address, the date, source URLs) and, for every
//! translatable block, the id of the Fluent message that holds its words.

use serde::Deserialize;

/// A Fluent message id named by the letter.
pub type MessageId = String;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year, for example 2023.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// The date in ISO 8601 form (`2023-01-06`), for `<time datetime>`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One letter, as loaded from its `letter.toml`.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The letter's folder name under `content/`; also its Fluent file's name
    /// and its folder in the output.
    pub name: String,
    /// The date the letter bears.
    pub date: Date,
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The addressee's name with any title ("President Joseph R. Biden"): a message,
    /// since the title is translated.
    pub name: MessageId,
    /// Postal address lines: data, never translated.
    #[serde(default)]
    pub address: Vec<String>,
}

/// A block of the letter's body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph: one message.
    Paragraph(MessageId),
    /// A bulleted list: one message per item.
    List(Vec<MessageId>),
}

/// Someone who signed the letter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// The person's name: data, never translated.
    pub name: String,
    /// Their title: a message.
    pub title: MessageId,
    /// Their organisation: a message.
    pub organisation: MessageId,
}

/// A document cited by the letter's notes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Source {
    /// The note id messages cite it by, as `[^id]`.
    pub id: String,
    /// Where the document is.
    pub url: String,
    /// A short description of the document: a message.
    pub description: MessageId,
    /// The document's own title, shown as written (not translated).
    pub cited_title: Option<String>,
    /// The language of `cited_title` (a BCP 47 tag).
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
        let mut seen = std::collections::BTreeSet::new();
        ids.retain(|id| seen.insert(*id));
        ids
    }

    /// The source a note id refers to.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
