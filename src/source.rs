//! Reading the project's files: text that must be UTF-8, TOML that must
//! match its type, and [`LoadError`], which every loading stage returns and
//! which names the file and, where known, the line and column.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::ids::CONFIG_FILE;
use crate::lang::Lang;
use crate::location::Location;

/// Why a project could not be loaded. Each variant names the file and, where
/// known, the line and column.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file or folder could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// No `letterkit.toml` in the folder or any folder above it.
    #[error("no {CONFIG_FILE} in {} or any folder above it", dir.display())]
    NoProject {
        /// Where the search started.
        dir: PathBuf,
    },
    /// A TOML file is malformed or has a field of the wrong type or an unknown field.
    #[error("{location}: {message}")]
    Toml {
        /// Where the problem is.
        location: Location,
        /// What the TOML reader said.
        message: String,
    },
    /// A file is refused at a position (a Fluent file nested too deeply).
    #[error("{location}: {message}")]
    Refused {
        /// Where.
        location: Location,
        /// Why, and what to do.
        message: String,
    },
    /// A file is well-formed but its content is refused.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// A file the source locale must have is missing.
    #[error("{}: missing: the source locale `{lang}` needs this file", path.display())]
    MissingSourceFile {
        /// The file that should exist.
        path: PathBuf,
        /// The source locale.
        lang: Lang,
    },
    /// The letter (or the page chrome) needs a message the source locale lacks.
    #[error("{location}: message `{id}` is needed by {needed_by} but the source locale's {} does not define it", path.display())]
    MissingSourceMessage {
        /// Where it is needed: in `letter.toml`, or the source file for the chrome.
        location: Box<Location>,
        /// The source locale's file that should define it.
        path: PathBuf,
        /// The message id.
        id: String,
        /// What needs it: the letter, or the page around every letter.
        needed_by: &'static str,
    },
}

/// A text file's content, without the byte order mark some editors write;
/// bytes that are not UTF-8 are refused at their line and column.
pub(crate) fn read_text(path: &Path, shown: &Path) -> Result<String, LoadError> {
    let bytes = fs::read(path).map_err(|source| LoadError::Io {
        path: shown.to_owned(),
        source,
    })?;
    // A vectorised check first: most files are valid, and std's check is
    // slow on text that is not ASCII. The copy costs less than it saves.
    let mut text = match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => String::from_utf8(bytes),
    }
    .map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).expect("valid up to here");
        LoadError::Refused {
            location: Location::at_offset(shown, valid, valid.len()),
            message: "this file is not UTF-8: save it as UTF-8 (without converting the characters to `?`)".into(),
        }
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

/// Reads `text` (the file `path`) as TOML into `T`; an error names the
/// line and column of the value at fault.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
) -> Result<T, LoadError> {
    toml::from_str(text).map_err(|error| {
        let location = match error.span() {
            Some(span) => Location::at_span(path, text, span),
            None => Location::file_start(path),
        };
        LoadError::Toml {
            location,
            message: error.message().trim_end().to_owned(),
        }
    })
}
