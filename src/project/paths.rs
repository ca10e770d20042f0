//! Where a project's files are, and the rule that letterkit reads and writes
//! inside the project folder only.

use std::fs;
use std::path::{Path, PathBuf};

use crate::ids::{CONTENT_DIR, LETTER_FILE, LOCALES_DIR};
use crate::lang::Lang;
use crate::source::LoadError;

/// `content/<letter>/letter.toml`.
pub fn letter_file_path(name: &str) -> PathBuf {
    Path::new(CONTENT_DIR).join(name).join(LETTER_FILE)
}

/// `locales/<tag>/<resource>.ftl`.
pub fn locale_file_path(lang: &Lang, resource: &str) -> PathBuf {
    Path::new(LOCALES_DIR)
        .join(lang.tag())
        .join(format!("{resource}.ftl"))
}

/// The names of the folders in `dir` that are not hidden (`.git`), in the
/// order the system lists them; `shown` names `dir` in an error.
pub(crate) fn visible_folders(dir: &Path, shown: &Path) -> Result<Vec<String>, LoadError> {
    let io_error = |source| LoadError::Io {
        path: shown.to_owned(),
        source,
    };
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_error)? {
        let entry = entry.map_err(io_error)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && entry.path().is_dir() {
            names.push(name);
        }
    }
    Ok(names)
}

/// Refuses a file or folder of the project (`shown`, relative to `root`) that
/// a symbolic link puts outside the project folder: letterkit reads and
/// writes inside the project only, so a link cannot make `check` read or
/// `locale sync` write anywhere else. What does not exist is left to the caller.
pub(crate) fn refuse_outside(root: &Path, shown: &Path) -> Result<(), LoadError> {
    let (Ok(root), Ok(real)) = (fs::canonicalize(root), fs::canonicalize(root.join(shown))) else {
        return Ok(());
    };
    if real.starts_with(&root) {
        return Ok(());
    }
    Err(LoadError::Invalid {
        path: shown.to_owned(),
        message: format!(
            "this is a link to {}, outside the project; letterkit reads and writes only inside the project folder: copy the files in instead",
            real.display()
        ),
    })
}
