//! The PDFs of a build: set up once (the fonts are read once per build), then
//! every locale of a letter rendered in parallel, one letter at a time, and
//! written through the build's staging folder like every other file. Without
//! the `pdf` feature, a build asked for PDFs fails with
//! [`Failure::Unsupported`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::document::{Document, Paper};

/// A letter's PDFs, by path relative to the output folder.
pub type Files = BTreeMap<PathBuf, Vec<u8>>;

/// Why the PDFs of a build could not be made. The previous output is
/// untouched.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// PDFs were asked for, and this letterkit was built without the `pdf` feature.
    #[error(
        "this letterkit cannot write PDFs: it was built without the `pdf` feature (cargo install --path . --features pdf)"
    )]
    Unsupported,
    /// The typesetter could not be set up.
    #[cfg(feature = "pdf")]
    #[error("{0}")]
    Setup(crate::render::pdf::PdfError),
    /// A letter could not be made into a PDF.
    #[cfg(feature = "pdf")]
    #[error("{letter} ({lang}): {source}")]
    Letter {
        /// The letter.
        letter: String,
        /// The locale.
        lang: crate::lang::Lang,
        /// Why.
        source: crate::render::pdf::PdfError,
    },
}

/// What every PDF of a build is made with.
#[derive(Debug)]
pub struct Setup {
    #[cfg(feature = "pdf")]
    typesetter: crate::render::pdf::Typesetter,
    #[cfg(feature = "pdf")]
    paper: Paper,
}

impl Setup {
    /// The setup of a build that writes PDFs (`wanted`) on `paper`; none for
    /// one that does not.
    pub fn new(wanted: bool, paper: Paper) -> Result<Option<Setup>, Failure> {
        if !wanted {
            return Ok(None);
        }
        #[cfg(feature = "pdf")]
        {
            use crate::render::pdf::{Fonts, Typesetter};
            let typesetter = Typesetter::new(Fonts::system()).map_err(Failure::Setup)?;
            Ok(Some(Setup { typesetter, paper }))
        }
        #[cfg(not(feature = "pdf"))]
        {
            let _ = paper;
            Err(Failure::Unsupported)
        }
    }

    /// The least number of letters one thread takes at once, out of
    /// `letters`: with PDFs, all of them, so that letters are rendered one
    /// at a time, each with its locales' PDFs in parallel. Letters rendered
    /// side by side would each hold Typst's work on all their PDFs (a thread
    /// waiting for one PDF starts another letter), gigabytes for an archive;
    /// the pages and text take a hundredth of the time.
    pub fn letters_at_once(setup: Option<&Setup>, letters: usize) -> usize {
        if setup.is_some() { letters.max(1) } else { 1 }
    }

    /// Runs `build` (the build's loop over its letters), on the typesetter's
    /// threads where there is a setup, then frees what Typst keeps between
    /// letters. Typst needs deeper stacks than rayon's threads have, and a
    /// thread of another pool waiting for a PDF would run other letters
    /// meanwhile, one inside the other, and overflow its stack.
    pub fn run<R: Send>(setup: Option<&Setup>, build: impl FnOnce() -> R + Send) -> R {
        let Some(setup) = setup else {
            return build();
        };
        #[cfg(feature = "pdf")]
        {
            let result = setup.typesetter.install(build);
            crate::render::pdf::clear_caches();
            result
        }
        #[cfg(not(feature = "pdf"))]
        {
            let _ = setup;
            build()
        }
    }

    /// The PDFs of one letter's `documents` (each in its locale), in parallel.
    pub fn render(&self, documents: &[Document]) -> Result<Files, Failure> {
        #[cfg(feature = "pdf")]
        {
            use rayon::prelude::*;
            let pdfs = documents
                .par_iter()
                .map(|document| {
                    let bytes = self
                        .typesetter
                        .letter(document, self.paper)
                        .map_err(|source| Failure::Letter {
                            letter: document.letter.clone(),
                            lang: document.lang.clone(),
                            source,
                        })?;
                    let path = PathBuf::from(&document.letter)
                        .join(document.lang.tag())
                        .join(crate::render::PDF_FILE_NAME);
                    Ok((path, bytes))
                })
                .collect();
            // Typst keeps what it computed for a letter in case the next
            // compilation is of the same letter; here none is, and an
            // archive's letters would fill the memory.
            crate::render::pdf::clear_caches();
            pdfs
        }
        #[cfg(not(feature = "pdf"))]
        {
            let _ = documents;
            Err(Failure::Unsupported)
        }
    }
}
