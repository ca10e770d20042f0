//! A letter's structure, `content/<letter>/letter.toml`: the order of its blocks,
//! its data (names, the postal address, the date, source URLs) and, for every
//! translatable block, the id of the Fluent message that holds its words.

use schemars::JsonSchema;
use serde::Deserialize;

/// A Fluent message id named by the letter.
pub type MessageId = String;

pub use crate::dates::Date;

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
    /// The document's own title, shown as written in every language.
    pub cited_title: Option<String>,
    /// The language of `cited-title` (a BCP 47 tag), so screen readers read it in that language.
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
