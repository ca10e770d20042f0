//! The letter as an accessible PDF: tagged, PDF/UA-1, every script.
//!
//! ```text
//!   Document -> data::letter -> /document.json ─┐
//!                                letter.typ ─────┴-> typst::compile -> typst_pdf (PDF/UA-1) -> bytes
//! ```
//!
//! The layout is a fixed Typst template compiled into the crate
//! (`letter.typ`); the letter reaches it only as JSON data, which the template
//! reads with `json(...)`. A JSON string is shown by Typst as text, never read
//! as markup, so no translation can turn into Typst code. Typst tags the
//! structure (headings, paragraphs, lists, footnotes as notes, links with
//! alternate text, page numbers as artifacts) and its PDF/UA-1 validator
//! (krilla's) refuses to write a file that would not conform: such a letter
//! gives a [`PdfError::Export`], never a PDF.
//!
//! The same document always gives the same bytes: the creation date is the
//! letter's date and the document identifier is made from the letter's name and
//! language.

mod data;
mod fonts;

use std::path::PathBuf;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::document::{Document, Paper};

pub use fonts::Fonts;

/// The template: the layout of every letter.
const TEMPLATE: &str = include_str!("letter.typ");
/// The template's path in the virtual file system Typst reads.
const TEMPLATE_PATH: &str = "/letter.typ";
/// The data's path, which the template names.
const DATA_PATH: &str = "/document.json";

/// Why a letter could not be made into a PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No font of the base family is installed.
    #[error(
        "no Noto Serif font found in the font folders: install Debian's fonts-noto-core (see docs/output.md)"
    )]
    NoFonts,
    /// A font file could not be read.
    #[error("cannot read the font {}: {source}", path.display())]
    FontFile {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Some characters are in no installed font.
    #[error(
        "no installed font has {}: install Debian's fonts-noto-core and fonts-noto-cjk (see docs/output.md)",
        characters.iter().map(|c| format!("`{c}` (U+{:04X})", u32::from(*c))).collect::<Vec<_>>().join(", ")
    )]
    MissingGlyphs {
        /// The characters, in code point order.
        characters: Vec<char>,
    },
    /// Typst could not lay the letter out.
    #[error("cannot lay out the letter: {0}")]
    Layout(String),
    /// The PDF would not conform to PDF/UA-1 (or could not be written).
    #[error("cannot write a PDF/UA-1 file: {0}")]
    Export(String),
    /// The threads that lay letters out could not be started.
    #[error("cannot start the threads that lay out PDFs: {0}")]
    Threads(String),
}

/// The stack of each thread that lays letters out: Typst's layout recurses
/// deeper than the 2 MiB a thread gets by default (a letter of a generated
/// archive overflowed it). Reserved, not used, until a letter needs it.
const STACK_SIZE: usize = 256 << 20;

/// Typst's name of a paper size.
fn paper_name(paper: Paper) -> &'static str {
    match paper {
        Paper::A4 => "a4",
        Paper::UsLetter => "us-letter",
    }
}

/// Makes letters into PDFs: Typst's standard library and the fonts, set up
/// once and shared by every letter of a build (on any number of threads),
/// and the threads Typst lays letters out on.
#[derive(Debug)]
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: Fonts,
    /// Threads with stacks deep enough for Typst, one per core; Typst's own
    /// parallel work runs on them too.
    pool: rayon::ThreadPool,
}

impl Typesetter {
    /// A typesetter that sets letters in `fonts`.
    pub fn new(fonts: Fonts) -> Result<Self, PdfError> {
        let pool = rayon::ThreadPoolBuilder::new()
            .stack_size(STACK_SIZE)
            .thread_name(|i| format!("letterkit-pdf-{i}"))
            .build()
            .map_err(|e| PdfError::Threads(e.to_string()))?;
        Ok(Typesetter {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            pool,
        })
    }

    /// Runs `op` on the typesetter's threads: a caller that lays out many
    /// letters in parallel runs its whole loop here, so that every letter is
    /// laid out on a thread with a deep stack and no thread waits on another
    /// pool. [`Typesetter::letter`] called inside runs on the calling thread.
    pub fn install<R: Send>(&self, op: impl FnOnce() -> R + Send) -> R {
        self.pool.install(op)
    }

    /// The letter as a tagged PDF/UA-1 file on `paper`, laid out on the
    /// typesetter's threads (the caller waits).
    pub fn letter(&self, document: &Document, paper: Paper) -> Result<Vec<u8>, PdfError> {
        self.pool.install(|| self.typeset(document, paper))
    }

    fn typeset(&self, document: &Document, paper: Paper) -> Result<Vec<u8>, PdfError> {
        let (data, fonts) = data::letter(document, paper, &self.fonts)?;
        let json = serde_json::to_vec(&data).map_err(|e| PdfError::Layout(e.to_string()))?;
        let world = LetterWorld {
            library: &self.library,
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(file_id(TEMPLATE_PATH), TEMPLATE.to_owned()),
            data: Bytes::new(json),
        };
        let compiled = typst::compile::<PagedDocument>(&world);
        let paged = compiled
            .output
            .map_err(|errors| PdfError::Layout(describe(errors.as_slice())))?;
        let options = PdfOptions {
            ident: Smart::Custom(format!("letterkit/{}/{}", document.letter, document.lang)),
            creator: Smart::Custom(Some(format!(
                "letterkit {} (Typst)",
                env!("CARGO_PKG_VERSION")
            ))),
            timestamp: timestamp(&document.date.iso).map(Timestamp::new_utc),
            standards: PdfStandards::new(&[PdfStandard::Ua_1])
                .map_err(|e| PdfError::Export(e.message().to_string()))?,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(&paged, &options)
            .map_err(|errors| PdfError::Export(describe(errors.as_slice())))
    }
}

/// Frees what Typst keeps between compilations (its caches of layouts and
/// shaped text), for a build that has finished its PDFs.
pub fn clear_caches() {
    typst::comemo::evict(0);
}

/// The letter's date (`2023-01-06`) as the PDF's creation date, at midnight UTC.
fn timestamp(iso: &str) -> Option<Datetime> {
    let mut parts = iso.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Datetime::from_ymd(year, month, day)
}

/// Typst's messages, each with its hints, on one line each.
fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let mut line = d.message.to_string();
            for hint in &d.hints {
                line.push_str(" (");
                line.push_str(&hint.v);
                line.push(')');
            }
            line
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn file_id(path: &str) -> FileId {
    FileId::new(RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("the template's paths are absolute and plain"),
    ))
}

/// What Typst may read while it lays out one letter: the template, the
/// letter's data, and the fonts chosen for it. No other file, no clock.
struct LetterWorld<'t> {
    library: &'t LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data: Bytes,
}

impl World for LetterWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == file_id(DATA_PATH) {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_with_slash().into())
}
