//! Rendering: a [`crate::document::Document`] to bytes. Renderers read
//! only the document; they never see Fluent or TOML.

pub mod email;
pub mod html;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod site;
pub mod text;
pub mod writer;
pub mod yaml;

use crate::document::Document;

/// U+2068: opens a run whose direction is its own first strong character's.
pub(crate) const FIRST_STRONG_ISOLATE: char = '\u{2068}';
/// U+2069: closes the run [`FIRST_STRONG_ISOLATE`] opened.
pub(crate) const POP_DIRECTIONAL_ISOLATE: char = '\u{2069}';

/// Writes what `write` writes, between FSI and PDI where `rtl`: in
/// right-to-left text without markup, data (names, addresses, values) is
/// isolated so that Latin script keeps its order; left-to-right text gets no
/// invisible characters.
pub(crate) fn isolated(rtl: bool, out: &mut String, write: impl FnOnce(&mut String)) {
    if rtl {
        out.push(FIRST_STRONG_ISOLATE);
    }
    write(out);
    if rtl {
        out.push(POP_DIRECTIONAL_ISOLATE);
    }
}

/// The file name of a letter's PDF in its locale's folder, beside the page.
pub const PDF_FILE_NAME: &str = "letter.pdf";

/// An output format for one letter in one locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The accessible, self-contained HTML page.
    Html,
    /// Plain text for email and screen readers.
    Text,
    /// An email message: flowed plain text and the standalone HTML page.
    Email,
    /// GitHub-flavoured Markdown (GFM) with footnotes, for content management systems.
    Markdown {
        /// Whether the file opens with YAML front matter (title, date,
        /// language, translation key, the other languages' files).
        front_matter: bool,
    },
}

impl Format {
    /// The file name of this format's output in a locale's folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Html => "index.html",
            Format::Text => "letter.txt",
            Format::Email => "letter.eml",
            Format::Markdown { .. } => "letter.md",
        }
    }
}

/// Renders `document` in `format`.
pub fn render(document: &Document, format: Format) -> String {
    match format {
        Format::Html => html::page(document),
        Format::Text => text::letter(document),
        Format::Email => email::message(document),
        Format::Markdown {
            front_matter: false,
        } => markdown::letter(document),
        Format::Markdown { front_matter: true } => markdown::letter_with_front_matter(document),
    }
}
