//! Loading: reads `letterkit.toml`, every `content/<letter>/letter.toml` and every
//! locale's Fluent files into one [`Project`] that build, check and every renderer
//! share. Each Fluent file is parsed once, here.

mod locale;
mod paths;
mod tree;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{ProjectConfig, RawConfig};
use crate::ids::{CHROME_MESSAGES, COMMON_RESOURCE, CONFIG_FILE, CONTENT_DIR, letter_id_problem};
use crate::lang::{Lang, LangError};
use crate::letter::{Letter, RawLetter};
use crate::location::Location;
use crate::source::{LoadError, parse_toml, read_text};

pub use locale::{LocaleFiles, RefusedFile};
use locale::{load_locale, read_locale_files};
pub use paths::{letter_file_path, locale_file_path};
use paths::{refuse_outside, visible_folders};
pub use tree::{Tree, TreeLocale, load_tree, load_tree_with};

/// Why [`Project::select`] refused a choice of letters and locales.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// A letter named is not in the project.
    #[error("no letter `{name}` in this project (letters: {letters})")]
    UnknownLetter {
        /// The name asked for.
        name: String,
        /// The project's letters, comma-separated.
        letters: String,
    },
    /// A locale named is not in the configuration.
    #[error("no locale `{tag}` in {CONFIG_FILE} (locales: {locales})")]
    UnknownLocale {
        /// The tag asked for.
        tag: String,
        /// The project's locales, comma-separated.
        locales: String,
    },
    /// A locale named is not a usable tag (`english`, `qq`): the error
    /// suggests one.
    #[error("--locale {0}")]
    InvalidLocale(LangError),
    /// The project has no letter at all.
    #[error("the project has no letters in content/")]
    NoLetters,
}

/// A loaded project: configuration, letters and every locale's files.
#[derive(Debug)]
pub struct Project {
    /// The project folder (holding `letterkit.toml`).
    pub root: PathBuf,
    /// The validated configuration.
    pub config: ProjectConfig,
    /// Every letter, by folder name order.
    pub letters: Vec<Letter>,
    /// Every configured locale's files, in configuration order. A project
    /// loaded by [`Project::load_deferred`] holds only the source locale's
    /// files and the other locales' `common.ftl` here; a letter's view
    /// ([`Project::letter_view`]), `common.ftl` and the letter's file.
    pub locales: Vec<LocaleFiles>,
    /// Whether the other locales' letter files are left for
    /// [`Project::read_locale`] to read.
    pub deferred: bool,
}

impl Project {
    /// Finds the project: `dir` itself or the nearest folder above it that holds
    /// `letterkit.toml`.
    pub fn discover(dir: &Path) -> Result<PathBuf, LoadError> {
        let absolute = fs::canonicalize(dir).map_err(|source| LoadError::Io {
            path: dir.to_owned(),
            source,
        })?;
        absolute
            .ancestors()
            .find(|candidate| candidate.join(CONFIG_FILE).is_file())
            .map(Path::to_path_buf)
            .ok_or_else(|| LoadError::NoProject {
                dir: dir.to_owned(),
            })
    }

    /// Loads the project in `root`.
    pub fn load(root: &Path) -> Result<Project, LoadError> {
        Self::load_with(root, false, false)
    }

    /// Loads the project in `root` with the source locale's files and each
    /// other locale's `common.ftl` (the language names every page lists):
    /// the rest of a locale is read by [`Project::read_locale`] when it is
    /// needed, so that a command going through the locales one by one holds
    /// a few in memory and not the whole archive.
    pub fn load_deferred(root: &Path) -> Result<Project, LoadError> {
        Self::load_with(root, true, false)
    }

    /// [`Project::load_deferred`] for checking: a file of another locale
    /// that cannot be read (not UTF-8, past a limit) is kept in its
    /// [`LocaleFiles::refused`], to be reported, and does not stop the load.
    /// The source locale's files must all be read.
    pub fn load_for_check(root: &Path) -> Result<Project, LoadError> {
        Self::load_with(root, true, true)
    }

    /// Every file of the locale `lang`, read from disk as [`Project::load`]
    /// reads it, except that a file that cannot be read is kept in
    /// [`LocaleFiles::refused`]; `None` if the project has no such locale.
    pub fn read_locale(&self, lang: &Lang) -> Option<Result<LocaleFiles, LoadError>> {
        let settings = self.config.locales.iter().find(|l| &l.lang == lang)?;
        Some(read_locale_files(&self.root, settings, None))
    }

    /// The project as one letter sees it: that letter alone, and of every
    /// locale `common.ftl` (shared with this project) and the letter's file
    /// (shared, or read from disk where this project was loaded deferred).
    /// Building a project loaded deferred renders each letter from its view,
    /// so that only the letters being rendered are in memory. `None` if there
    /// is no such letter.
    pub fn letter_view(&self, name: &str) -> Option<Result<Project, LoadError>> {
        let letter = self.letter(name)?.clone();
        // `common.ftl` as loaded; the letter's file as loaded, or read now.
        let locales = self
            .locales
            .iter()
            .map(|loaded| {
                let mut view = match loaded.files.get(name) {
                    Some(file) => LocaleFiles {
                        settings: loaded.settings.clone(),
                        folder: loaded.folder.clone(),
                        files: BTreeMap::from([(name.to_owned(), Arc::clone(file))]),
                        refused: loaded
                            .refused
                            .get(name)
                            .map(|r| BTreeMap::from([(name.to_owned(), r.clone())]))
                            .unwrap_or_default(),
                    },
                    // A file of another locale that cannot be read is kept
                    // in `refused`: its messages fall back as a whole.
                    None if loaded.settings.lang != self.config.source => {
                        read_locale_files(&self.root, &loaded.settings, Some(&[name]))?
                    }
                    None => load_locale(&self.root, &loaded.settings, Some(&[name]))?,
                };
                if let Some(common) = loaded.files.get(COMMON_RESOURCE) {
                    view.files
                        .insert(COMMON_RESOURCE.to_owned(), Arc::clone(common));
                }
                if let Some(common) = loaded.refused.get(COMMON_RESOURCE) {
                    view.refused
                        .insert(COMMON_RESOURCE.to_owned(), common.clone());
                }
                Ok(view)
            })
            .collect::<Result<Vec<_>, _>>();
        Some(locales.map(|locales| Project {
            root: self.root.clone(),
            config: self.config.clone(),
            letters: vec![letter],
            locales,
            deferred: false,
        }))
    }

    fn load_with(root: &Path, deferred: bool, lenient: bool) -> Result<Project, LoadError> {
        let config_text = read_text(&root.join(CONFIG_FILE), Path::new(CONFIG_FILE))?;
        let raw: RawConfig = parse_toml(Path::new(CONFIG_FILE), &config_text)?;
        let config = ProjectConfig::validate(raw).map_err(|error| LoadError::Toml {
            location: Location::at_span(CONFIG_FILE, &config_text, error.span),
            message: error.message,
        })?;

        let project_locales: Vec<Lang> = config.locales.iter().map(|l| l.lang.clone()).collect();
        let letters = load_letters(root, &project_locales, &config.source)?;
        // Locales are read and parsed in parallel; the first error in
        // configuration order is reported, as a serial load would.
        let locales = config
            .locales
            .par_iter()
            .map(|settings| {
                let only =
                    (deferred && settings.lang != config.source).then_some(&[COMMON_RESOURCE][..]);
                if lenient && settings.lang != config.source {
                    read_locale_files(root, settings, only)
                } else {
                    load_locale(root, settings, only)
                }
            })
            .collect::<Vec<_>>()
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;

        let project = Project {
            root: root.to_owned(),
            config,
            letters,
            locales,
            deferred,
        };
        project.require_source_messages()?;
        Ok(project)
    }

    /// The files of the locale `lang`.
    pub fn locale(&self, lang: &Lang) -> Option<&LocaleFiles> {
        self.locales.iter().find(|l| l.lang() == lang)
    }

    /// The source locale's files.
    pub fn source_locale(&self) -> &LocaleFiles {
        self.locale(&self.config.source)
            .expect("validation ensures the source locale is configured")
    }

    /// The letter named `name`.
    pub fn letter(&self, name: &str) -> Option<&Letter> {
        self.letters.iter().find(|l| l.name == name)
    }

    /// The letters and locales named (all of them where a list is empty), each
    /// once, in project order; an error names what is not in the project.
    pub fn select(
        &self,
        letters: &[String],
        locales: &[String],
    ) -> Result<(Vec<&Letter>, Vec<Lang>), SelectError> {
        for name in letters {
            if self.letter(name).is_none() {
                return Err(SelectError::UnknownLetter {
                    name: name.clone(),
                    letters: self
                        .letters
                        .iter()
                        .map(|l| l.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
        for tag in locales {
            if self.config.locale(tag).is_none() {
                if let Err(error) = Lang::parse(tag) {
                    return Err(SelectError::InvalidLocale(error));
                }
                return Err(SelectError::UnknownLocale {
                    tag: tag.clone(),
                    locales: self
                        .locales
                        .iter()
                        .map(|l| l.lang().tag())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
        let chosen_letters: Vec<&Letter> = self
            .letters
            .iter()
            .filter(|l| letters.is_empty() || letters.contains(&l.name))
            .collect();
        if chosen_letters.is_empty() {
            return Err(SelectError::NoLetters);
        }
        let langs = self
            .locales
            .iter()
            .map(LocaleFiles::lang)
            .filter(|l| locales.is_empty() || locales.iter().any(|t| t == l.tag()))
            .cloned()
            .collect();
        Ok((chosen_letters, langs))
    }

    /// Every message the source locale must define: the letter's and the chrome's.
    fn require_source_messages(&self) -> Result<(), LoadError> {
        let source = self.source_locale();
        let require =
            |resource: &str, ids: &[&str], needed_by: &'static str, needed_at: Option<&Path>| {
                let path = source.path_of(resource);
                let Some(file) = source.file(resource) else {
                    return Err(LoadError::MissingSourceFile {
                        path,
                        lang: source.lang().clone(),
                    });
                };
                match ids
                    .iter()
                    .find(|id| file.message(id).and_then(|m| m.value.as_ref()).is_none())
                {
                    Some(id) => Err(LoadError::MissingSourceMessage {
                        location: Box::new(
                            needed_at
                                .and_then(|file| locate_quoted(&self.root, file, id))
                                .unwrap_or_else(|| Location::file_start(&path)),
                        ),
                        path,
                        id: (*id).to_owned(),
                        needed_by,
                    }),
                    None => Ok(()),
                }
            };
        require(
            COMMON_RESOURCE,
            CHROME_MESSAGES,
            "the page around every letter",
            None,
        )?;
        for letter in &self.letters {
            let letter_file = letter_file_path(&letter.name);
            require(
                &letter.name,
                &letter.message_ids(),
                "the letter",
                Some(&letter_file),
            )?;
        }
        Ok(())
    }
}

/// Where the string `"id"` first appears in a project file.
fn locate_quoted(root: &Path, file: &Path, id: &str) -> Option<Location> {
    let text = fs::read_to_string(root.join(file)).ok()?;
    let start = text.find(&format!("\"{id}\""))? + 1;
    Some(Location::at_span(file, &text, start..start + id.len()))
}

fn load_letters(root: &Path, locales: &[Lang], source: &Lang) -> Result<Vec<Letter>, LoadError> {
    let mut names = visible_folders(&root.join(CONTENT_DIR), Path::new(CONTENT_DIR))?;
    refuse_outside(root, Path::new(CONTENT_DIR))?;
    names.sort();
    names
        .par_iter()
        .map(|name| load_letter(root, name, locales, source))
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

fn load_letter(
    root: &Path,
    name: &str,
    locales: &[Lang],
    source: &Lang,
) -> Result<Letter, LoadError> {
    let shown = letter_file_path(name);
    if let Some(problem) = letter_id_problem(name) {
        return Err(LoadError::Invalid {
            path: Path::new(CONTENT_DIR).join(name),
            message: problem,
        });
    }
    refuse_outside(root, &shown)?;
    let text = read_text(&root.join(&shown), &shown)?;
    let raw: RawLetter = parse_toml(&shown, &text)?;
    raw.validate(name, &shown, &text, locales, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deferred_project_reads_other_locales_letter_files_when_asked() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
        let whole = Project::load(&root).unwrap();
        let deferred = Project::load_deferred(&root).unwrap();
        let es = Lang::parse("es").unwrap();
        let stems = |files: &LocaleFiles| files.files.keys().cloned().collect::<Vec<_>>();
        assert_eq!(stems(deferred.locale(&es).unwrap()), ["common"]);
        assert_eq!(
            stems(deferred.source_locale()),
            stems(whole.source_locale())
        );
        let read = deferred.read_locale(&es).unwrap().unwrap();
        assert_eq!(stems(&read), stems(whole.locale(&es).unwrap()));
        assert_eq!(
            read.file("notice").unwrap().source(),
            whole.locale(&es).unwrap().file("notice").unwrap().source()
        );
        assert!(deferred.read_locale(&Lang::parse("de").unwrap()).is_none());
    }
}
