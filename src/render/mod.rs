//! Rendering: a [`crate::document::Document`] to bytes. Renderers read
//! only the document; they never see Fluent or TOML.

pub mod dashboard;
pub mod email;
pub mod html;
pub mod markdown;
pub mod text;
pub mod writer;

use crate::document::Document;

/// An output format for one letter in one locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The accessible, self-contained HTML page.
    Html,
    /// Plain text for email and screen readers.
    Text,
    /// An email message: flowed plain text and the standalone HTML page.
    Email,
    /// CommonMark with footnotes, for content management systems.
    Markdown,
}

impl Format {
    /// The file name of this format's output in a locale's folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Html => "index.html",
            Format::Text => "letter.txt",
            Format::Email => "letter.eml",
            Format::Markdown => "letter.md",
        }
    }
}

/// Renders `document` in `format`.
pub fn render(document: &Document, format: Format) -> String {
    match format {
        Format::Html => html::page(document),
        Format::Text => text::letter(document),
        Format::Email => email::message(document),
        Format::Markdown => markdown::letter(document),
    }
}
