//! The output folder: a build never writes into it. It writes a new folder
//! beside it ([`Staging`]) and swaps that in with two renames, so a build
//! that fails at any point, or is killed, leaves the previous output exactly
//! as it was; the next build cleans up what a killed one left
//! ([`OutputDir::recover_interrupted`]).
//!
//! The marker `.letterkit-output` is the manifest of the files the last
//! build wrote. A file the manifest does not list (a `CNAME`, notes) stops
//! the next build before anything changes, so that nothing letterkit did not
//! write is ever removed; a symbolic link as the output folder is refused.
//!
//! Beside an output folder `dist`, a build of process `pid` writes
//! `.dist.letterkit-new-<pid>` and moves the previous output to
//! `.dist.letterkit-old-<pid>` for the moment between the renames.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::{BuildError, Output};
use crate::ids::{CONTENT_DIR, LOCALES_DIR};

/// The file every output folder holds, so that a later build knows the folder
/// is its own to replace: the manifest of the files the build wrote.
pub const OUTPUT_MARKER: &str = ".letterkit-output";

/// The manifest's first lines; each line after them names a file the build
/// wrote, relative to the output folder, with `/` between folders.
const OUTPUT_MARKER_TEXT: &str = "# letterkit output manifest\n\
# This folder is written by `letterkit build`: the files listed below are the\n\
# last build's, replaced by the next one. A build stops, and changes nothing,\n\
# when it finds any other file here: keep your own files (CNAME, .nojekyll)\n\
# in the project's static/ folder instead.\n";

/// The first line of a manifest; markers written before manifests lack it.
const MANIFEST_HEADER: &str = "# letterkit output manifest";

const NEW: &str = "new";
const OLD: &str = "old";

/// Why an output folder is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// It is the project's folder or one above it.
    HoldsProject,
    /// It is a file-system root, which has no name to swap.
    NotReplaceable,
    /// It is inside the project's `content/` or `locales/` (the folder named).
    InsideSources(&'static str),
    /// It exists and is a file.
    NotAFolder,
    /// It holds files and no marker of an earlier build.
    NotOurs,
    /// It has no parent folder to write the new output in.
    NoParent,
    /// It is a symbolic link.
    Symlink,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::HoldsProject => f.write_str("it holds the project itself"),
            Refusal::NotReplaceable => f.write_str("it is not a folder that can be replaced"),
            Refusal::InsideSources(folder) => {
                write!(f, "it is inside the project's `{folder}` folder")
            }
            Refusal::NotAFolder => f.write_str("it exists and is not a folder"),
            Refusal::NotOurs => write!(
                f,
                "it already holds files that no letterkit build wrote (it has no `{OUTPUT_MARKER}`); \
                 choose a new or empty folder, or delete this one if it is an old build"
            ),
            Refusal::NoParent => f.write_str("it has no parent folder"),
            Refusal::Symlink => f.write_str(
                "it is a symbolic link; give the folder it points to, or a folder inside the project",
            ),
        }
    }
}

/// An output folder, its path resolved once: made absolute, its existing
/// part resolved through symbolic links.
#[derive(Debug, Clone)]
pub struct OutputDir {
    /// The path as given, for messages.
    given: PathBuf,
    /// The resolved path.
    path: PathBuf,
}

impl OutputDir {
    /// Resolves `out_dir` (relative to the working folder).
    pub fn resolve(out_dir: &Path) -> Result<Self, BuildError> {
        let linked = std::path::absolute(out_dir)
            .and_then(fs::symlink_metadata)
            .is_ok_and(|m| m.file_type().is_symlink());
        if linked {
            return Err(BuildError::UnsafeOutput {
                path: out_dir.to_owned(),
                reason: Refusal::Symlink,
            });
        }
        let path = absolute(out_dir).map_err(|source| BuildError::Io {
            path: out_dir.to_owned(),
            source,
        })?;
        Ok(OutputDir {
            given: out_dir.to_owned(),
            path,
        })
    }

    /// The resolved path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses an output folder whose replacement could destroy anything but
    /// an earlier build: the project folder (at `project_root`) or one above
    /// it, a folder inside the project's `content/` or `locales/`, and any
    /// existing folder that is neither empty nor marked as letterkit output.
    pub fn refuse_unsafe(&self, project_root: &Path) -> Result<(), BuildError> {
        let refuse = |reason| BuildError::UnsafeOutput {
            path: self.given.clone(),
            reason,
        };
        let root = fs::canonicalize(project_root).unwrap_or_else(|_| project_root.to_owned());
        if root.starts_with(&self.path) {
            return Err(refuse(Refusal::HoldsProject));
        }
        if self.path.file_name().is_none() {
            return Err(refuse(Refusal::NotReplaceable));
        }
        for sources in [CONTENT_DIR, LOCALES_DIR] {
            if self.path.starts_with(root.join(sources)) {
                return Err(refuse(Refusal::InsideSources(sources)));
            }
        }
        if self.path.exists() {
            if !self.path.is_dir() {
                return Err(refuse(Refusal::NotAFolder));
            }
            let marked = self.path.join(OUTPUT_MARKER).is_file();
            let empty = fs::read_dir(&self.path)
                .map_err(|source| BuildError::Io {
                    path: self.given.clone(),
                    source,
                })?
                .next()
                .is_none();
            if !marked && !empty {
                return Err(refuse(Refusal::NotOurs));
            }
            if marked {
                let foreign = self.foreign_files(project_root)?;
                if !foreign.is_empty() {
                    return Err(BuildError::ForeignFiles {
                        path: self.given.clone(),
                        files: foreign,
                    });
                }
            }
        }
        Ok(())
    }

    /// The files in the output folder that the last build did not write
    /// (sorted, relative to the folder): every file its manifest does not
    /// list. A marker written before manifests lists none: the files under a
    /// folder named after one of the project's letters (`content/<letter>`),
    /// `status` or `feeds`, the site's `index.html`, `index.<tag>.html` and
    /// `sitemap.xml`, and copies of the project's `static/` files are taken
    /// as that build's.
    fn foreign_files(&self, project_root: &Path) -> Result<Vec<PathBuf>, BuildError> {
        let marker = self.path.join(OUTPUT_MARKER);
        let text = fs::read_to_string(&marker).map_err(io_error(&marker))?;
        let listed: Option<BTreeSet<PathBuf>> = text.starts_with(MANIFEST_HEADER).then(|| {
            text.lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(PathBuf::from)
                .collect()
        });
        let letters: BTreeSet<std::ffi::OsString> = fs::read_dir(project_root.join(CONTENT_DIR))
            .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        let site_page = |name: &str| {
            name == "index.html"
                || name == "sitemap.xml"
                || name
                    .strip_prefix("index.")
                    .and_then(|rest| rest.strip_suffix(".html"))
                    .is_some_and(|tag| crate::lang::Lang::parse(tag).is_ok())
        };
        let static_dir = project_root.join(super::statics::STATIC_DIR);
        let ours = |relative: &Path| match &listed {
            Some(listed) => listed.contains(relative),
            None => {
                let nested = relative.components().count() > 1;
                relative.iter().next().is_some_and(|first| {
                    first == "status"
                        || (nested && (first == "feeds" || letters.contains(first)))
                        || (!nested && first.to_str().is_some_and(site_page))
                }) || static_dir.join(relative).is_file()
            }
        };
        let mut foreign = Vec::new();
        let mut folders = vec![self.path.clone()];
        while let Some(folder) = folders.pop() {
            let entries = fs::read_dir(&folder).map_err(io_error(&folder))?;
            for entry in entries {
                let entry = entry.map_err(io_error(&folder))?;
                let path = entry.path();
                let relative = path.strip_prefix(&self.path).unwrap_or(&path).to_owned();
                let kind = entry.file_type().map_err(io_error(&path))?;
                if kind.is_dir() {
                    folders.push(path);
                } else if relative != Path::new(OUTPUT_MARKER) && !ours(&relative) {
                    foreign.push(relative);
                }
            }
        }
        foreign.sort();
        Ok(foreign)
    }

    /// Cleans up after builds killed before they finished (their process is
    /// gone): a half-written new folder is removed, and a previous output
    /// moved aside is moved back if the output folder is missing (the build
    /// was killed between its two renames), else removed. Folders of builds
    /// still running are left alone.
    pub fn recover_interrupted(&self) {
        let (Some(parent), Some(name)) = (self.path.parent(), self.path.file_name()) else {
            return;
        };
        let name = name.to_string_lossy();
        let Ok(entries) = fs::read_dir(parent) else {
            return;
        };
        let mut stale: Vec<(bool, PathBuf)> = Vec::new();
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            for (kind, old) in [(NEW, false), (OLD, true)] {
                let pid = file_name
                    .strip_prefix(&staging_prefix(&name, kind))
                    .and_then(|pid| pid.parse::<u32>().ok());
                if pid.is_some_and(|pid| pid != std::process::id() && !process_runs(pid)) {
                    stale.push((old, entry.path()));
                }
            }
        }
        for (old, path) in stale {
            if old && !self.path.exists() {
                let _ = fs::rename(&path, &self.path);
            } else {
                let _ = fs::remove_dir_all(&path);
            }
        }
    }

    /// Creates the empty staging folder beside the output folder, after
    /// cleaning up what killed builds left. With `incremental`, a file whose
    /// bytes the output folder already has is linked from there.
    pub fn stage(&self, incremental: bool) -> Result<Staging, BuildError> {
        let parent = self.path.parent().ok_or_else(|| BuildError::UnsafeOutput {
            path: self.path.clone(),
            reason: Refusal::NoParent,
        })?;
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        fs::create_dir_all(parent).map_err(io_error(parent))?;
        self.recover_interrupted();
        let pid = std::process::id();
        let folder = parent.join(format!("{}{pid}", staging_prefix(&name, NEW)));
        let previous = parent.join(format!("{}{pid}", staging_prefix(&name, OLD)));
        let _ = fs::remove_dir_all(&folder);
        fs::create_dir_all(&folder).map_err(io_error(&folder))?;
        Ok(Staging {
            out_dir: self.path.clone(),
            folder,
            previous,
            incremental,
            written: Mutex::new(BTreeSet::new()),
            swapped: false,
        })
    }
}

/// `.<name>.letterkit-new-` or `-old-`: the start of the name of a folder
/// beside the output folder `name` that a build writes (new) or moves the
/// previous output to (old), followed by the build's process id.
fn staging_prefix(name: &str, kind: &str) -> String {
    format!(".{name}.letterkit-{kind}-")
}

/// Whether process `pid` runs. Where the system does not say (no `/proc`),
/// every process is taken to run, so that no other build's folder is touched.
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// Writes `output` to a new folder beside `out_dir`, then swaps it in.
pub fn write_atomically(output: &Output, out_dir: &Path) -> Result<(), BuildError> {
    let staging = OutputDir::resolve(out_dir)?.stage(false)?;
    staging.write(output)?;
    staging.swap_in()
}

/// A new output folder being written beside the output folder, swapped in
/// whole when complete. Nothing in the output folder changes before the
/// swap: an unchanged file is hard-linked from it, never written in place.
/// Dropped without [`Staging::swap_in`] (a build that failed), it removes
/// the folder, and the output folder stays as it was.
#[derive(Debug)]
pub struct Staging {
    /// The output folder, absolute.
    out_dir: PathBuf,
    /// `.<out>.letterkit-new-<pid>` beside it.
    folder: PathBuf,
    /// `.<out>.letterkit-old-<pid>`, where the output folder goes during the swap.
    previous: PathBuf,
    /// Link unchanged files from the output folder instead of writing them.
    incremental: bool,
    /// Every file written, for the manifest.
    written: Mutex<BTreeSet<PathBuf>>,
    /// The folder is the output folder now: nothing to remove.
    swapped: bool,
}

impl Staging {
    /// The staging folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Writes `files` (paths relative to the output folder), each in one
    /// write; with `incremental`, a file whose bytes the output folder already
    /// has is linked from there instead.
    pub fn write<C: AsRef<[u8]>>(&self, files: &BTreeMap<PathBuf, C>) -> Result<(), BuildError> {
        self.written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .extend(files.keys().cloned());
        let mut made: Option<&Path> = None;
        for (relative, contents) in files {
            let path = self.folder.join(relative);
            if let Some(folder) = relative.parent()
                && made != Some(folder)
            {
                let folder = self.folder.join(folder);
                fs::create_dir_all(&folder).map_err(io_error(&folder))?;
                made = relative.parent();
            }
            if self.incremental && self.link_unchanged(relative, contents.as_ref(), &path) {
                continue;
            }
            fs::write(&path, contents).map_err(io_error(&path))?;
        }
        Ok(())
    }

    /// Hard-links the output folder's `relative` to `path` if it holds exactly
    /// `contents`; false when it does not, or cannot be linked (another file
    /// system): the caller writes the file.
    fn link_unchanged(&self, relative: &Path, contents: &[u8], path: &Path) -> bool {
        let old = self.out_dir.join(relative);
        let same_size = fs::symlink_metadata(&old)
            .is_ok_and(|m| m.is_file() && m.len() == contents.len() as u64);
        same_size
            && fs::read(&old).is_ok_and(|bytes| bytes == contents)
            && fs::hard_link(&old, path).is_ok()
    }

    /// Adds the marker and swaps the staging folder in with two renames. On
    /// failure the previous output is put back where it can be.
    pub fn swap_in(mut self) -> Result<(), BuildError> {
        let marker = self.folder.join(OUTPUT_MARKER);
        let mut manifest = OUTPUT_MARKER_TEXT.to_owned();
        for path in self
            .written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
        {
            let parts: Vec<String> = path
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            manifest.push_str(&parts.join("/"));
            manifest.push('\n');
        }
        fs::write(&marker, manifest).map_err(io_error(&marker))?;
        let had_previous = self.out_dir.exists();
        if had_previous {
            let _ = fs::remove_dir_all(&self.previous);
            if let Err(source) = fs::rename(&self.out_dir, &self.previous) {
                return Err(BuildError::Io {
                    path: self.out_dir.clone(),
                    source,
                });
            }
        }
        if let Err(source) = fs::rename(&self.folder, &self.out_dir) {
            if had_previous {
                let _ = fs::rename(&self.previous, &self.out_dir);
            }
            return Err(BuildError::Io {
                path: self.out_dir.clone(),
                source,
            });
        }
        self.swapped = true;
        if had_previous {
            remove_tree(&self.previous);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.swapped {
            let _ = fs::remove_dir_all(&self.folder);
        }
    }
}

/// The path made absolute and its existing part resolved through symbolic links.
fn absolute(path: &Path) -> io::Result<PathBuf> {
    let path = std::path::absolute(path)?;
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = fs::canonicalize(existing).unwrap_or_else(|_| existing.to_owned());
    resolved.extend(rest.iter().rev());
    Ok(resolved)
}

/// Removes a folder and everything in it, its entries in parallel: a
/// previous build holds thousands of files.
fn remove_tree(folder: &Path) {
    if let Ok(entries) = fs::read_dir(folder) {
        let entries: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        entries.par_iter().for_each(|path| {
            let _ = match fs::symlink_metadata(path) {
                Ok(meta) if meta.is_dir() => fs::remove_dir_all(path),
                _ => fs::remove_file(path),
            };
        });
    }
    let _ = fs::remove_dir_all(folder);
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> BuildError {
    let path = path.to_owned();
    move |source| BuildError::Io { path, source }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(files: &[(&str, &str)]) -> Output {
        files
            .iter()
            .map(|(path, text)| (PathBuf::from(path), (*text).to_owned()))
            .collect()
    }

    /// Every file under `folder`, by path relative to it, with its text.
    fn read_tree(folder: &Path) -> Vec<(PathBuf, String)> {
        let mut files = Vec::new();
        let mut folders = vec![folder.to_owned()];
        while let Some(next) = folders.pop() {
            for entry in fs::read_dir(&next).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    let text = fs::read_to_string(&path).unwrap();
                    files.push((path.strip_prefix(folder).unwrap().to_owned(), text));
                }
            }
        }
        files.sort();
        files
    }

    /// The names in `parent` that a build writes beside its output folder.
    fn staging_folders(parent: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(parent)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains(".letterkit-"))
            .collect();
        names.sort();
        names
    }

    /// A temporary folder with a built output folder `dist` in it.
    fn built() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        write_atomically(&output(&[("a/index.html", "one"), ("b.txt", "bee")]), &dist).unwrap();
        (dir, dist)
    }

    #[test]
    fn a_swap_replaces_the_output_whole_and_marks_it() {
        let (dir, dist) = built();
        write_atomically(&output(&[("c.txt", "sea")]), &dist).unwrap();
        assert_eq!(
            read_tree(&dist),
            [
                (
                    PathBuf::from(OUTPUT_MARKER),
                    format!("{OUTPUT_MARKER_TEXT}c.txt\n")
                ),
                (PathBuf::from("c.txt"), "sea".to_owned()),
            ]
        );
        assert_eq!(staging_folders(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output_untouched() {
        let (dir, dist) = built();
        let previous = read_tree(&dist);
        let out = OutputDir::resolve(&dist).unwrap();
        let staging = out.stage(false).unwrap();
        // `a` is written as a file, so the folder `a/` cannot be made.
        let failed = staging.write(&output(&[("a", "file"), ("a/index.html", "two")]));
        assert!(matches!(failed, Err(BuildError::Io { .. })), "{failed:?}");
        drop(staging);
        assert_eq!(read_tree(&dist), previous);
        assert_eq!(staging_folders(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn dropping_the_staging_folder_unswapped_removes_it() {
        let (dir, dist) = built();
        let previous = read_tree(&dist);
        let staging = OutputDir::resolve(&dist).unwrap().stage(false).unwrap();
        staging.write(&output(&[("a/index.html", "two")])).unwrap();
        let folder = staging.folder().to_owned();
        assert!(folder.join("a/index.html").is_file());
        drop(staging);
        assert!(!folder.exists());
        assert_eq!(read_tree(&dist), previous);
        assert_eq!(staging_folders(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn an_output_moved_aside_by_a_killed_build_is_moved_back() {
        let (dir, dist) = built();
        let previous = read_tree(&dist);
        // Killed between its renames: the output aside, a half-written one
        // beside it, and the process (no such pid) gone.
        let gone = 4_000_000_000u32;
        fs::rename(
            &dist,
            dir.path().join(format!(".dist.letterkit-old-{gone}")),
        )
        .unwrap();
        let half = dir.path().join(format!(".dist.letterkit-new-{gone}"));
        fs::create_dir_all(half.join("a")).unwrap();
        fs::write(half.join("a/index.html"), "half").unwrap();

        OutputDir::resolve(&dist).unwrap().recover_interrupted();
        assert_eq!(read_tree(&dist), previous);
        assert_eq!(staging_folders(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn an_old_output_left_beside_a_newer_one_is_removed() {
        let (dir, dist) = built();
        let previous = read_tree(&dist);
        let aside = dir.path().join(".dist.letterkit-old-4000000000");
        fs::create_dir_all(&aside).unwrap();
        fs::write(aside.join("b.txt"), "older").unwrap();
        OutputDir::resolve(&dist).unwrap().recover_interrupted();
        assert_eq!(read_tree(&dist), previous);
        assert_eq!(staging_folders(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn the_folder_of_a_build_still_running_is_left_alone() {
        let (dir, dist) = built();
        let running = dir
            .path()
            .join(format!(".dist.letterkit-new-{}", std::process::id()));
        fs::create_dir(&running).unwrap();
        OutputDir::resolve(&dist).unwrap().recover_interrupted();
        assert!(running.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn an_incremental_build_links_unchanged_files_and_writes_changed_ones() {
        use std::os::unix::fs::MetadataExt;
        let (_dir, dist) = built();
        let inode = |path: &str| fs::metadata(dist.join(path)).unwrap().ino();
        let (a, b) = (inode("a/index.html"), inode("b.txt"));
        let staging = OutputDir::resolve(&dist).unwrap().stage(true).unwrap();
        staging
            .write(&output(&[("a/index.html", "one"), ("b.txt", "bees")]))
            .unwrap();
        staging.swap_in().unwrap();
        assert_eq!(inode("a/index.html"), a);
        assert_ne!(inode("b.txt"), b);
        assert_eq!(fs::read_to_string(dist.join("b.txt")).unwrap(), "bees");
    }

    #[test]
    fn folders_that_are_not_a_build_of_the_project_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("project");
        fs::create_dir_all(project.join("locales/es")).unwrap();
        let foreign = dir.path().join("photos");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("cat.jpg"), "").unwrap();
        let file = dir.path().join("notes.txt");
        fs::write(&file, "").unwrap();
        let refusal = |out: &Path| match OutputDir::resolve(out).unwrap().refuse_unsafe(&project) {
            Err(BuildError::UnsafeOutput { reason, .. }) => Some(reason),
            _ => None,
        };
        assert_eq!(refusal(&project), Some(Refusal::HoldsProject));
        assert_eq!(refusal(dir.path()), Some(Refusal::HoldsProject));
        assert_eq!(
            refusal(&project.join("locales/es/dist")),
            Some(Refusal::InsideSources(LOCALES_DIR))
        );
        assert_eq!(refusal(&foreign), Some(Refusal::NotOurs));
        assert_eq!(refusal(&file), Some(Refusal::NotAFolder));
        assert_eq!(refusal(&project.join("dist")), None);
        let (_built, dist) = built();
        assert_eq!(refusal(&dist), None, "an earlier build is replaced");
    }

    #[test]
    fn the_manifest_lists_every_file_written() {
        let (_dir, dist) = built();
        let manifest = fs::read_to_string(dist.join(OUTPUT_MARKER)).unwrap();
        assert_eq!(
            manifest,
            format!("{OUTPUT_MARKER_TEXT}a/index.html\nb.txt\n")
        );
    }

    #[test]
    fn files_the_last_build_did_not_write_stop_the_next_and_stay() {
        let (dir, dist) = built();
        let project = dir.path().join("project");
        fs::create_dir_all(&project).unwrap();
        fs::write(dist.join("CNAME"), "letters.example").unwrap();
        fs::write(dist.join("a/notes.txt"), "mine").unwrap();
        let refused = OutputDir::resolve(&dist).unwrap().refuse_unsafe(&project);
        match refused {
            Err(BuildError::ForeignFiles { files, .. }) => assert_eq!(
                files,
                [PathBuf::from("CNAME"), PathBuf::from("a/notes.txt")]
            ),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            fs::read_to_string(dist.join("CNAME")).unwrap(),
            "letters.example"
        );
    }

    #[test]
    fn an_output_marked_before_manifests_keeps_files_outside_letters() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("project");
        fs::create_dir_all(project.join("content/notice")).unwrap();
        let dist = dir.path().join("dist");
        fs::create_dir_all(dist.join("notice/en")).unwrap();
        fs::create_dir_all(dist.join("status")).unwrap();
        fs::write(
            dist.join(OUTPUT_MARKER),
            "This folder is written by `letterkit build`\n",
        )
        .unwrap();
        fs::write(dist.join("notice/en/index.html"), "page").unwrap();
        fs::write(dist.join("status/index.html"), "status").unwrap();
        // The site around the letters, and a copy of a static file.
        fs::create_dir_all(dist.join("feeds")).unwrap();
        fs::create_dir_all(project.join("static")).unwrap();
        for site in [
            "index.html",
            "index.fr.html",
            "index.pt-BR.html",
            "sitemap.xml",
            "feeds/en.xml",
            "CNAME",
        ] {
            fs::write(dist.join(site), "site").unwrap();
        }
        fs::write(project.join("static/CNAME"), "site").unwrap();
        let out = OutputDir::resolve(&dist).unwrap();
        assert!(out.refuse_unsafe(&project).is_ok());
        fs::write(dist.join(".nojekyll"), "").unwrap();
        fs::write(dist.join("index.old copy.html"), "").unwrap();
        fs::write(dist.join("feeds.xml"), "").unwrap();
        assert!(matches!(
            out.refuse_unsafe(&project),
            Err(BuildError::ForeignFiles { files, .. })
                if files == [".nojekyll", "feeds.xml", "index.old copy.html"].map(PathBuf::from)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_as_the_output_folder_is_refused() {
        let (dir, dist) = built();
        let link = dir.path().join("linked");
        std::os::unix::fs::symlink(&dist, &link).unwrap();
        assert!(matches!(
            OutputDir::resolve(&link),
            Err(BuildError::UnsafeOutput {
                reason: Refusal::Symlink,
                ..
            })
        ));
    }
}
