//! Publishing: every selected letter in every selected locale, rendered in
//! memory, then written to a fresh folder beside the output folder and swapped
//! in with renames. A build that fails at any point leaves the previous output
//! exactly as it was; the same input always gives the same bytes.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::config::Lang;
use crate::document::{Chooser, Document};
use crate::letter::Letter;
use crate::localize::{self, Fallback, LocalizeError};
use crate::location::Location;
use crate::project::Project;
use crate::render::{self, Format, html};

/// What to build and where.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The output folder.
    pub out_dir: PathBuf,
    /// Only these letters (all when empty).
    pub letters: Vec<String>,
    /// Only these locales (all when empty).
    pub locales: Vec<String>,
    /// Refuse to build when any message falls back to another locale.
    pub strict: bool,
    /// Formats written beside each page and text file (email, Markdown).
    pub extra_formats: Vec<Format>,
}

/// Why a build failed. The previous output is untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A letter or locale asked for is not in the project.
    #[error("{0}")]
    Selection(String),
    /// A Fluent file of a locale being built has syntax errors.
    #[error("{} Fluent syntax error(s):\n{}", errors.len(), errors.iter().map(|(l, m)| format!("  {l}: {m}")).collect::<Vec<_>>().join("\n"))]
    Syntax {
        /// Each error's location and the parser's reason.
        errors: Vec<(Location, String)>,
    },
    /// `--strict` and some messages fell back to another locale.
    #[error("--strict: {} message(s) are not translated:\n{}", fallbacks.len(), fallbacks.iter().map(|(letter, lang, f)| format!("  {letter} {lang}: `{}` taken from {}", f.id, f.from)).collect::<Vec<_>>().join("\n"))]
    Strict {
        /// The letter, the locale and the message that fell back.
        fallbacks: Vec<LetterFallback>,
    },
    /// A letter could not be localized.
    #[error("{letter} ({lang}): {source}")]
    Localize {
        /// The letter.
        letter: String,
        /// The locale.
        lang: Lang,
        /// Why.
        source: LocalizeError,
    },
    /// The translation status could not be worked out for the dashboard.
    #[error("cannot write the translation dashboard: {0}")]
    Status(String),
    /// The output folder is unsafe to replace.
    #[error("refusing to write to {}: {reason}", path.display())]
    UnsafeOutput {
        /// The output folder.
        path: PathBuf,
        /// Why it is refused.
        reason: String,
    },
    /// Writing the output failed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// What a successful build wrote.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// Every file written, relative to the output folder, sorted.
    pub files: Vec<PathBuf>,
    /// Messages that fell back to another locale, per letter and locale.
    pub fallbacks: Vec<LetterFallback>,
}

/// The rendered output, by path relative to the output folder.
pub type Output = BTreeMap<PathBuf, String>;

/// A message that fell back, with the letter and the locale it fell back in.
pub type LetterFallback = (String, Lang, Fallback);

/// Renders the selection into memory, without touching the disk.
pub fn render_all(
    project: &Project,
    options: &BuildOptions,
) -> Result<(Output, Vec<LetterFallback>), BuildError> {
    render_all_reporting(project, options, &|_, _| {})
}

/// Told how many letters are rendered of how many, after each one.
pub type Progress<'p> = &'p (dyn Fn(usize, usize) + Sync);

/// [`render_all`], telling `progress` after each letter.
pub fn render_all_reporting(
    project: &Project,
    options: &BuildOptions,
    progress: Progress<'_>,
) -> Result<(Output, Vec<LetterFallback>), BuildError> {
    let (letters, langs) = project
        .select(&options.letters, &options.locales)
        .map_err(BuildError::Selection)?;
    refuse_syntax_errors(project, &letters, &langs)?;

    let mut output = Output::new();
    let mut fallbacks = Vec::new();
    for (done, letter) in letters.iter().enumerate() {
        progress(done, letters.len());
        let mut documents: Vec<Document> = Vec::with_capacity(langs.len());
        for lang in &langs {
            let localized =
                localize::localize(project, letter, lang, &langs).map_err(|source| {
                    BuildError::Localize {
                        letter: letter.name.clone(),
                        lang: lang.clone(),
                        source,
                    }
                })?;
            fallbacks.extend(
                localized
                    .fallbacks
                    .into_iter()
                    .map(|f| (letter.name.clone(), lang.clone(), f)),
            );
            let folder = Path::new(&letter.name).join(lang.tag());
            for &format in [Format::Html, Format::Text]
                .iter()
                .chain(&options.extra_formats)
            {
                output.insert(
                    folder.join(format.file_name()),
                    render::render(&localized.document, format),
                );
            }
            documents.push(localized.document);
        }
        let main = documents
            .iter()
            .find(|d| d.lang == project.config.source)
            .unwrap_or(&documents[0]);
        output.insert(
            Path::new(&letter.name).join("index.html"),
            html::chooser(&Chooser::new(main, &documents)),
        );
    }
    progress(letters.len(), letters.len());
    if options.strict && !fallbacks.is_empty() {
        return Err(BuildError::Strict { fallbacks });
    }
    output.extend(dashboard(project)?.files());
    Ok((output, fallbacks))
}

/// The folder of the translation dashboard in the output.
pub const STATUS_DIR: &str = "status";

/// The translation dashboard of the whole project.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// The page.
    pub page: String,
    /// The badges, by file name.
    pub badges: Vec<(String, String)>,
}

impl Dashboard {
    /// The files as the output holds them: `status/index.html` and a badge
    /// per letter and locale, `status/<letter>-<locale>.svg`.
    pub fn files(self) -> Vec<(PathBuf, String)> {
        let folder = Path::new(STATUS_DIR);
        let mut files = vec![(folder.join("index.html"), self.page)];
        files.extend(
            self.badges
                .into_iter()
                .map(|(name, badge)| (folder.join(name), badge)),
        );
        files
    }
}

/// The translation dashboard: a page with every letter in every locale and
/// a badge for each.
pub fn dashboard(project: &Project) -> Result<Dashboard, BuildError> {
    let rows = crate::status::status(project).map_err(|e| BuildError::Status(e.to_string()))?;
    let names: BTreeMap<&str, String> = match project.letters.first() {
        Some(letter) => project
            .locales
            .iter()
            .map(|l| {
                (
                    l.lang().tag(),
                    localize::language_name(project, letter, l.lang()),
                )
            })
            .collect(),
        None => BTreeMap::new(),
    };
    let entries: Vec<render::dashboard::Entry<'_>> = rows
        .iter()
        .filter_map(|row| {
            let files = project
                .locales
                .iter()
                .find(|l| l.lang().tag() == row.coverage.locale)?;
            Some(render::dashboard::Entry {
                row,
                lang: files.lang(),
                name: names
                    .get(files.lang().tag())
                    .map_or(files.lang().tag(), String::as_str),
            })
        })
        .collect();
    let badges = entries
        .iter()
        .map(|entry| {
            (
                format!("{}-{}.svg", entry.row.coverage.letter, entry.lang.tag()),
                render::dashboard::badge(entry),
            )
        })
        .collect();
    Ok(Dashboard {
        page: render::dashboard::page(&entries),
        badges,
    })
}

/// Builds the selection and replaces the output folder with the result.
pub fn build(project: &Project, options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    build_reporting(project, options, &|_, _| {})
}

/// [`build`], telling `progress` after each letter is rendered.
pub fn build_reporting(
    project: &Project,
    options: &BuildOptions,
    progress: Progress<'_>,
) -> Result<BuildSummary, BuildError> {
    if let Ok(out_dir) = absolute(&options.out_dir)
        && let (Some(parent), Some(name)) = (out_dir.parent(), out_dir.file_name())
    {
        recover_interrupted(parent, &name.to_string_lossy(), &out_dir);
    }
    refuse_unsafe_output(project, &options.out_dir)?;
    let (output, fallbacks) = render_all_reporting(project, options, progress)?;
    write_atomically(&output, &options.out_dir)?;
    Ok(BuildSummary {
        files: output.into_keys().collect(),
        fallbacks,
    })
}

fn refuse_syntax_errors(
    project: &Project,
    letters: &[&Letter],
    langs: &[Lang],
) -> Result<(), BuildError> {
    let mut errors = Vec::new();
    for lang in project.config.fallback_chains_of(langs) {
        let Some(files) = project.locale(&lang) else {
            continue;
        };
        for file in files.files.values() {
            let used = file.path.file_stem().is_some_and(|stem| {
                stem == crate::project::COMMON_RESOURCE || letters.iter().any(|l| *l.name == *stem)
            });
            if !used {
                continue;
            }
            for error in &file.errors {
                errors.push((
                    file.location_at(error.pos.clone()),
                    crate::check::describe_parser_error(error),
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(BuildError::Syntax { errors })
    }
}

/// The file every output folder holds, so that a later build knows the folder
/// is its own to replace.
pub const OUTPUT_MARKER: &str = ".letterkit-output";

const OUTPUT_MARKER_TEXT: &str = "This folder is written by `letterkit build` and replaced whole by the next build.\n\
Do not keep other files here: edit the project's content/ and locales/ instead.\n";

/// Refuses an output folder whose replacement could destroy anything but an
/// earlier build: the project folder or one above it, a folder inside the
/// project's `content/` or `locales/`, and any existing folder that is neither
/// empty nor marked as letterkit output.
fn refuse_unsafe_output(project: &Project, out_dir: &Path) -> Result<(), BuildError> {
    let unsafe_output = |reason: &str| BuildError::UnsafeOutput {
        path: out_dir.to_owned(),
        reason: reason.to_owned(),
    };
    let absolute = absolute(out_dir).map_err(|source| BuildError::Io {
        path: out_dir.to_owned(),
        source,
    })?;
    let root = fs::canonicalize(&project.root).unwrap_or_else(|_| project.root.clone());
    if root.starts_with(&absolute) {
        return Err(unsafe_output("it holds the project itself"));
    }
    if absolute.file_name().is_none() {
        return Err(unsafe_output("it is not a folder that can be replaced"));
    }
    for sources in [crate::project::CONTENT_DIR, crate::project::LOCALES_DIR] {
        if absolute.starts_with(root.join(sources)) {
            return Err(unsafe_output(&format!(
                "it is inside the project's `{sources}` folder"
            )));
        }
    }
    if absolute.exists() {
        if !absolute.is_dir() {
            return Err(unsafe_output("it exists and is not a folder"));
        }
        let marked = absolute.join(OUTPUT_MARKER).is_file();
        let empty = fs::read_dir(&absolute)
            .map_err(|source| BuildError::Io {
                path: out_dir.to_owned(),
                source,
            })?
            .next()
            .is_none();
        if !marked && !empty {
            return Err(unsafe_output(&format!(
                "it already holds files that no letterkit build wrote (it has no `{OUTPUT_MARKER}`); \
                 choose a new or empty folder, or delete this one if it is an old build"
            )));
        }
    }
    Ok(())
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

const NEW: &str = "new";
const OLD: &str = "old";

/// `.<name>.letterkit-new-` or `-old-`: the start of the name of a folder
/// beside the output folder `name` that a build writes (new) or moves the
/// previous output to (old), followed by the build's process id.
fn staging_prefix(name: &str, kind: &str) -> String {
    format!(".{name}.letterkit-{kind}-")
}

/// Cleans up after builds killed before they finished (their process is
/// gone): a half-written new folder is removed, and a previous output moved
/// aside is moved back if the output folder is missing (the build was killed
/// between its two renames), else removed.
fn recover_interrupted(parent: &Path, name: &str, out_dir: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let mut stale: Vec<(bool, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        for (kind, old) in [(NEW, false), (OLD, true)] {
            let pid = file_name
                .strip_prefix(&staging_prefix(name, kind))
                .and_then(|pid| pid.parse::<u32>().ok());
            if pid.is_some_and(|pid| pid != std::process::id() && !process_runs(pid)) {
                stale.push((old, entry.path()));
            }
        }
    }
    for (old, path) in stale {
        if old && !out_dir.exists() {
            let _ = fs::rename(&path, out_dir);
        } else {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Whether process `pid` runs. Where the system does not say (no `/proc`),
/// every process is taken to run, so that no other build's folder is touched.
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// Writes `output` to a new folder beside `out_dir`, then swaps it in.
pub fn write_atomically(output: &Output, out_dir: &Path) -> Result<(), BuildError> {
    let out_dir = absolute(out_dir).map_err(|source| BuildError::Io {
        path: out_dir.to_owned(),
        source,
    })?;
    let parent = out_dir.parent().ok_or_else(|| BuildError::UnsafeOutput {
        path: out_dir.clone(),
        reason: "it has no parent folder".into(),
    })?;
    let name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| BuildError::Io { path, source }
    };
    fs::create_dir_all(parent).map_err(io_error(parent))?;
    recover_interrupted(parent, &name, &out_dir);
    let staging = parent.join(format!(
        "{}{}",
        staging_prefix(&name, NEW),
        std::process::id()
    ));
    let previous = parent.join(format!(
        "{}{}",
        staging_prefix(&name, OLD),
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&staging);

    let written = (|| {
        for (relative, contents) in output {
            let path = staging.join(relative);
            if let Some(folder) = path.parent() {
                fs::create_dir_all(folder).map_err(io_error(folder))?;
            }
            fs::write(&path, contents).map_err(io_error(&path))?;
        }
        fs::create_dir_all(&staging).map_err(io_error(&staging))?;
        let marker = staging.join(OUTPUT_MARKER);
        fs::write(&marker, OUTPUT_MARKER_TEXT).map_err(io_error(&marker))?;
        Ok(())
    })();
    if let Err(error) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }

    let had_previous = out_dir.exists();
    if had_previous {
        let _ = fs::remove_dir_all(&previous);
        if let Err(source) = fs::rename(&out_dir, &previous) {
            let _ = fs::remove_dir_all(&staging);
            return Err(BuildError::Io {
                path: out_dir,
                source,
            });
        }
    }
    if let Err(source) = fs::rename(&staging, &out_dir) {
        if had_previous {
            let _ = fs::rename(&previous, &out_dir);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(BuildError::Io {
            path: out_dir,
            source,
        });
    }
    if had_previous {
        let _ = fs::remove_dir_all(&previous);
    }
    Ok(())
}
