//! A Fluent tree that is not a letterkit project (`<dir>/<locale>/**/*.ftl`,
//! a web app's strings), for `check --locales`: the source locale loaded, the
//! others each loaded when asked for.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::paths::visible_folders;
use super::{LocaleFiles, RefusedFile};
use crate::config::LocaleSettings;
use crate::ftl::{FtlFile, read_ftl};
use crate::lang::Lang;
use crate::source::LoadError;
use crate::tree_config::{TreeConfig, excludes, locale_folder};

/// A Fluent tree laid out as `<dir>/<locale>/**/*.ftl` (a web app's
/// strings, say): the source locale's files, loaded, and the other locale
/// folders, each loaded when asked for, so that a check holds only the few
/// it is working on. Resources are named by their path below the locale
/// folder, without `.ftl`, with `/` separators; paths are shown as `dir` plus
/// the file's path.
#[derive(Debug)]
pub struct Tree {
    /// The source locale's files.
    pub source: LocaleFiles,
    /// Every other locale folder to check, by folder name.
    pub locales: Vec<TreeLocale>,
    /// Whether the source locale's own files are checked too (not when
    /// other locales are chosen by name).
    pub check_source: bool,
    /// The folders skipped: their names are not locale tags.
    pub skipped: Vec<String>,
}

/// A locale folder of a [`Tree`], not yet loaded.
#[derive(Debug, Clone)]
pub struct TreeLocale {
    /// The locale, read from the folder's name.
    pub lang: Lang,
    /// The folder, as paths are shown.
    pub folder: PathBuf,
    /// Whether its errors fail the check.
    pub required: bool,
    /// The least share of messages it must translate, in percent.
    pub min_coverage: Option<u8>,
    /// The files and folders not read (`exclude` patterns).
    pub exclude: Arc<[String]>,
}

impl TreeLocale {
    /// Reads and parses every `.ftl` file below the folder; a file that
    /// cannot be read (not UTF-8, past a limit) is kept in
    /// [`LocaleFiles::refused`], and the others are read.
    pub fn load(&self) -> Result<LocaleFiles, LoadError> {
        let mut files = BTreeMap::new();
        let mut refused = BTreeMap::new();
        collect_tree(
            &self.folder,
            &self.folder,
            &self.exclude,
            &mut files,
            &mut refused,
        )?;
        let mut settings = LocaleSettings::new(self.lang.clone());
        settings.required = self.required;
        settings.min_coverage = self.min_coverage;
        Ok(LocaleFiles {
            settings,
            folder: self.folder.clone(),
            files,
            refused,
        })
    }
}

/// Finds the locale folders of the tree in `dir` and loads the source
/// locale's, every locale required. Folders whose names are not locale
/// tags are skipped.
pub fn load_tree(dir: &Path, source: &str) -> Result<Tree, LoadError> {
    load_tree_with(dir, source, &TreeConfig::default(), &[])
}

/// Finds the locale folders of the tree in `dir`, as `config` describes
/// them (required locales, excluded files, least coverage), and loads the
/// source locale's. Folders whose names are not locale tags (see
/// [`locale_folder`]) are skipped and listed in [`Tree::skipped`]. Where
/// `only` names locales (folder names), only those are checked.
pub fn load_tree_with(
    dir: &Path,
    source: &str,
    config: &TreeConfig,
    only: &[String],
) -> Result<Tree, LoadError> {
    let mut skipped = Vec::new();
    let mut folders: Vec<(String, Lang)> = Vec::new();
    for name in visible_folders(dir, dir)? {
        match locale_folder(&name) {
            Some(lang) => folders.push((name, lang)),
            None => skipped.push(name),
        }
    }
    skipped.sort();
    folders.sort_by(|a, b| (a.0 != source, &a.0).cmp(&(b.0 != source, &b.0)));
    if folders.first().is_none_or(|(name, _)| name != source) {
        return Err(LoadError::Invalid {
            path: dir.join(source),
            message: match skipped.iter().find(|name| *name == source) {
                Some(_) => format!(
                    "the folder of the source locale is not a locale: {}",
                    why_not_a_locale(source)
                ),
                None => format!("no folder for the source locale `{source}`"),
            },
        });
    }
    let names = || {
        folders
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for tag in only.iter().chain(config.required.iter().flatten()) {
        if !folders.iter().any(|(name, _)| name == tag) {
            return Err(LoadError::Invalid {
                path: dir.join(tag),
                message: match skipped.iter().find(|name| *name == tag) {
                    Some(_) => format!(
                        "the folder is not a locale: {} (the tree's locales: {})",
                        why_not_a_locale(tag),
                        names()
                    ),
                    None => format!(
                        "no folder for the locale `{tag}` (the tree has {})",
                        names()
                    ),
                },
            });
        }
    }
    let exclude: Arc<[String]> = config.exclude.clone().into();
    let mut locales = folders.into_iter().map(|(name, lang)| TreeLocale {
        lang,
        folder: dir.join(&name),
        // The source's own errors break every locale: it is always required.
        required: name == source || config.requires(&name),
        min_coverage: config.min_coverage,
        exclude: Arc::clone(&exclude),
    });
    // The other locales are compared with the source: it must be read whole.
    let source_locale = locales
        .next()
        .expect("the source locale is first")
        .load()?
        .strict()?;
    let chosen = |locale: &TreeLocale| {
        only.is_empty()
            || only.iter().any(|tag| {
                locale
                    .folder
                    .file_name()
                    .is_some_and(|name| name == tag.as_str())
            })
    };
    Ok(Tree {
        source: source_locale,
        locales: locales.filter(chosen).collect(),
        check_source: only.is_empty() || only.iter().any(|tag| tag == source),
        skipped,
    })
}

/// Why a folder of a tree is not a locale (see [`locale_folder`]).
fn why_not_a_locale(name: &str) -> String {
    match Lang::parse(&name.replace('_', "-")) {
        Err(error) => error.to_string(),
        Ok(_) => format!("`{name}` does not start with a language code of two or three letters"),
    }
}

fn collect_tree(
    root: &Path,
    folder: &Path,
    exclude: &[String],
    files: &mut BTreeMap<String, Arc<FtlFile>>,
    refused: &mut BTreeMap<String, RefusedFile>,
) -> Result<(), LoadError> {
    let io_error = |source| LoadError::Io {
        path: folder.to_owned(),
        source,
    };
    let mut entries: Vec<_> = fs::read_dir(folder)
        .map_err(io_error)?
        .collect::<Result<_, _>>()
        .map_err(io_error)?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let file_type = entry.file_type().map_err(io_error)?;
        if !exclude.is_empty() {
            let below = path.strip_prefix(root).unwrap_or(&path);
            let below = below
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if excludes(exclude, &below) {
                continue;
            }
        }
        if file_type.is_dir() {
            collect_tree(root, &path, exclude, files, refused)?;
        } else if file_type.is_file() && path.extension().is_some_and(|e| e == "ftl") {
            let relative = path.strip_prefix(root).unwrap_or(&path).with_extension("");
            let resource = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            match read_ftl(&path, &path) {
                Ok(file) => {
                    files.insert(resource, Arc::new(file));
                }
                Err(error) => {
                    refused.insert(resource, RefusedFile::of(&error, &path));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_loads_its_source_and_lists_the_other_locales_unread() {
        let dir = tempfile::tempdir().unwrap();
        for (folder, file) in [
            ("en-US", "app"),
            ("fr", "app"),
            ("de", "sub/app"),
            ("_tools", "x"),
        ] {
            let path = dir.path().join(folder).join(format!("{file}.ftl"));
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "a = A\n").unwrap();
        }
        // Unreadable, but not read until its locale is checked.
        fs::write(dir.path().join("fr/bad.ftl"), b"a = \xff\n").unwrap();
        let tree = load_tree(dir.path(), "en-US").unwrap();
        assert_eq!(tree.source.lang().tag(), "en-US");
        assert_eq!(tree.source.files.keys().collect::<Vec<_>>(), ["app"]);
        let tags: Vec<&str> = tree.locales.iter().map(|l| l.lang.tag()).collect();
        assert_eq!(tags, ["de", "fr"]);
        assert_eq!(
            tree.locales[0]
                .load()
                .unwrap()
                .files
                .keys()
                .collect::<Vec<_>>(),
            ["sub/app"]
        );
        let fr = tree.locales[1].load().unwrap();
        assert_eq!(fr.files.keys().collect::<Vec<_>>(), ["app"]);
        let bad = &fr.refused["bad"];
        assert!(bad.reason.contains("not UTF-8"), "{}", bad.reason);
        assert_eq!(
            bad.location.to_string(),
            format!("{}:1:5", dir.path().join("fr/bad.ftl").display())
        );
    }
}
