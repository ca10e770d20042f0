//! The PDFs of a build: set up once (the fonts are read once per build), then
//! every locale of a letter rendered in parallel. Without the `pdf` feature, a
//! build asked for PDFs fails with [`BuildError::PdfUnsupported`].

use std::path::PathBuf;

use crate::config::Paper;
use crate::document::Document;

use super::BuildError;

/// What every PDF of a build is made with.
#[derive(Debug)]
pub struct Setup {
    #[cfg(feature = "pdf")]
    typesetter: crate::render::pdf::Typesetter,
    #[cfg(feature = "pdf")]
    paper: Paper,
}

/// The setup for a build that writes PDFs (`wanted`), none for one that does
/// not.
pub fn setup(wanted: bool, paper: Paper) -> Result<Option<Setup>, BuildError> {
    if !wanted {
        return Ok(None);
    }
    #[cfg(feature = "pdf")]
    {
        use crate::render::pdf::{Fonts, Typesetter};
        let typesetter = Typesetter::new(Fonts::system()).map_err(BuildError::PdfSetup)?;
        Ok(Some(Setup { typesetter, paper }))
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = paper;
        Err(BuildError::PdfUnsupported)
    }
}

impl Setup {
    /// The PDFs of one letter's `documents`, in parallel, by path relative to
    /// the output folder.
    pub fn render(&self, documents: &[Document]) -> Result<Vec<(PathBuf, Vec<u8>)>, BuildError> {
        #[cfg(feature = "pdf")]
        {
            use rayon::prelude::*;
            let pdfs = documents
                .par_iter()
                .map(|document| {
                    let bytes = self
                        .typesetter
                        .letter(document, self.paper)
                        .map_err(|source| BuildError::Pdf {
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
            crate::render::pdf::forget_older_letters();
            pdfs
        }
        #[cfg(not(feature = "pdf"))]
        {
            let _ = documents;
            Err(BuildError::PdfUnsupported)
        }
    }

    /// Runs `op` (the build's loop over its letters) on the typesetter's
    /// threads, whose stacks are deep enough for Typst: a thread of another
    /// pool waiting for a PDF would run other letters meanwhile, one inside
    /// the other, and overflow its stack.
    pub fn install<R: Send>(&self, op: impl FnOnce() -> R + Send) -> R {
        #[cfg(feature = "pdf")]
        {
            self.typesetter.install(op)
        }
        #[cfg(not(feature = "pdf"))]
        {
            op()
        }
    }

    /// Frees what the typesetter keeps between letters once a build is done.
    pub fn finish(self) {
        #[cfg(feature = "pdf")]
        crate::render::pdf::clear_caches();
    }
}
