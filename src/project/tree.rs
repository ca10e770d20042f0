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
    /// Every other locale folder, by folder name.
    pub locales: Vec<TreeLocale>,
}

/// A locale folder of a [`Tree`], not yet loaded.
#[derive(Debug, Clone)]
pub struct TreeLocale {
    /// The locale, read from the folder's name.
    pub lang: Lang,
    /// The folder, as paths are shown.
    pub folder: PathBuf,
}

impl TreeLocale {
    /// Reads and parses every `.ftl` file below the folder; a file that
    /// cannot be read (not UTF-8, past a limit) is kept in
    /// [`LocaleFiles::refused`], and the others are read.
    pub fn load(&self) -> Result<LocaleFiles, LoadError> {
        let mut files = BTreeMap::new();
        let mut refused = BTreeMap::new();
        collect_tree(&self.folder, &self.folder, &mut files, &mut refused)?;
        Ok(LocaleFiles {
            settings: LocaleSettings::new(self.lang.clone()),
            folder: self.folder.clone(),
            files,
            refused,
        })
    }
}

/// Finds the locale folders of the tree in `dir` and loads the source
/// locale's. Folders whose names are not language tags are skipped.
pub fn load_tree(dir: &Path, source: &str) -> Result<Tree, LoadError> {
    let mut folders: Vec<(String, Lang)> = visible_folders(dir, dir)?
        .into_iter()
        .filter_map(|name| Lang::lenient(&name).map(|lang| (name, lang)))
        .collect();
    folders.sort_by(|a, b| (a.0 != source, &a.0).cmp(&(b.0 != source, &b.0)));
    if folders.first().is_none_or(|(name, _)| name != source) {
        return Err(LoadError::Invalid {
            path: dir.join(source),
            message: format!("no folder for the source locale `{source}`"),
        });
    }
    let mut locales = folders.into_iter().map(|(name, lang)| TreeLocale {
        lang,
        folder: dir.join(name),
    });
    // The other locales are compared with the source: it must be read whole.
    let source = locales
        .next()
        .expect("the source locale is first")
        .load()?
        .strict()?;
    Ok(Tree {
        source,
        locales: locales.collect(),
    })
}

fn collect_tree(
    root: &Path,
    folder: &Path,
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
        if file_type.is_dir() {
            collect_tree(root, &path, files, refused)?;
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
