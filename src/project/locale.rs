//! One locale's Fluent files in a project: found in `locales/<tag>/`, each
//! read and parsed once, all of them or only the resources asked for.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::paths::refuse_outside;
use crate::config::LocaleSettings;
use crate::ftl::{FtlFile, read_ftl};
use crate::ids::LOCALES_DIR;
use crate::lang::Lang;
use crate::location::Location;
use crate::source::LoadError;

/// One locale's Fluent files, by resource name (`common` or a letter's name).
#[derive(Debug)]
pub struct LocaleFiles {
    /// The locale's settings from `letterkit.toml`.
    pub settings: LocaleSettings,
    /// The folder holding its files, relative to the project (`locales/<tag>`).
    pub folder: PathBuf,
    /// The `.ftl` files found in `locales/<tag>/`, by file stem; shared, so
    /// that a letter's view holds the same parse of `common.ftl` as the
    /// project.
    pub files: BTreeMap<String, Arc<FtlFile>>,
    /// The files found but not read (not UTF-8, or past a limit), by
    /// resource name, where they were loaded to be checked: `check` reports
    /// each and goes on with the others. Loading for a build refuses them.
    pub refused: BTreeMap<String, RefusedFile>,
}

/// A Fluent file found but not read: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedFile {
    /// The first place at fault (the first byte that is not UTF-8, the brace
    /// past the nesting limit), or the file's start.
    pub location: Location,
    /// Why, with the limit it went past, and what to do.
    pub reason: String,
    /// Whether the location is a place in the file, not only the file.
    pub at_place: bool,
}

impl RefusedFile {
    /// The refusal of one file, from the error its loading returned.
    pub fn of(error: &LoadError, shown: &Path) -> Self {
        match error {
            LoadError::Refused { location, message } => RefusedFile {
                location: location.clone(),
                reason: message.clone(),
                at_place: true,
            },
            LoadError::Invalid { path, message } => RefusedFile {
                location: Location::file_start(path),
                reason: message.clone(),
                at_place: false,
            },
            LoadError::Io { source, .. } => RefusedFile {
                location: Location::file_start(shown),
                reason: format!("cannot read the file: {source}"),
                at_place: false,
            },
            other => RefusedFile {
                location: Location::file_start(shown),
                reason: other.to_string(),
                at_place: false,
            },
        }
    }
}

impl LocaleFiles {
    /// The locale's language.
    pub fn lang(&self) -> &Lang {
        &self.settings.lang
    }

    /// The file for resource `name`, if present.
    pub fn file(&self, name: &str) -> Option<&FtlFile> {
        self.files.get(name).map(|file| &**file)
    }

    /// Where the file for resource `name` is or would be.
    pub fn path_of(&self, name: &str) -> PathBuf {
        self.folder.join(format!("{name}.ftl"))
    }

    /// The files, or the first refusal as an error: for a command that
    /// cannot go on without every file.
    pub fn strict(self) -> Result<Self, LoadError> {
        match self.refused.values().next() {
            None => Ok(self),
            Some(refused) if refused.at_place => Err(LoadError::Refused {
                location: refused.location.clone(),
                message: refused.reason.clone(),
            }),
            Some(refused) => Err(LoadError::Invalid {
                path: refused.location.file.to_path_buf(),
                message: refused.reason.clone(),
            }),
        }
    }
}

/// Reads the locale's files, or only those of the resources in `only`;
/// a file that cannot be read is an error.
pub(crate) fn load_locale(
    root: &Path,
    settings: &LocaleSettings,
    only: Option<&[&str]>,
) -> Result<LocaleFiles, LoadError> {
    read_locale_files(root, settings, only)?.strict()
}

/// [`load_locale`], keeping a file that cannot be read (not UTF-8, past a
/// limit) in [`LocaleFiles::refused`] and reading the others.
pub(crate) fn read_locale_files(
    root: &Path,
    settings: &LocaleSettings,
    only: Option<&[&str]>,
) -> Result<LocaleFiles, LoadError> {
    let folder = Path::new(LOCALES_DIR).join(settings.lang.tag());
    let mut found = Vec::new();
    refuse_outside(root, &folder)?;
    // A few resources are looked up by name, not by listing the folder.
    if let Some(only) = only {
        for stem in only {
            let shown = folder.join(format!("{stem}.ftl"));
            let path = root.join(&shown);
            if path.is_file() {
                refuse_outside(root, &shown)?;
                found.push(((*stem).to_owned(), path, shown));
            }
        }
    }
    let listing = match only {
        Some(_) => Err(io::ErrorKind::NotFound.into()),
        None => fs::read_dir(root.join(&folder)),
    };
    match listing {
        Ok(entries) => {
            for entry in entries {
                let entry = entry.map_err(|source| LoadError::Io {
                    path: folder.clone(),
                    source,
                })?;
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "ftl") || !path.is_file() {
                    continue;
                }
                let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                    continue;
                };
                let shown = folder.join(entry.file_name());
                refuse_outside(root, &shown)?;
                found.push((stem.to_owned(), path, shown));
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(LoadError::Io {
                path: folder,
                source,
            });
        }
    }
    // Sorted, so that the first error reported does not depend on the order
    // the system lists the folder in.
    found.sort();
    let parsed = found
        .into_par_iter()
        .map(|(stem, path, shown)| {
            let read = read_ftl(&path, &shown).map_err(|e| RefusedFile::of(&e, &shown));
            (stem, read)
        })
        .collect::<Vec<_>>();
    let mut files = BTreeMap::new();
    let mut refused = BTreeMap::new();
    for (stem, read) in parsed {
        match read {
            Ok(file) => {
                files.insert(stem, Arc::new(file));
            }
            Err(why) => {
                refused.insert(stem, why);
            }
        }
    }
    Ok(LocaleFiles {
        settings: settings.clone(),
        folder,
        files,
        refused,
    })
}
