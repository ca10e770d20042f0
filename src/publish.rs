//! Publishing: every selected letter in every selected locale, rendered in
//! memory, then written to a fresh folder beside the output folder and swapped
//! in with renames. A build that fails at any point leaves the previous output
//! exactly as it was; the same input always gives the same bytes.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::config::Lang;
use crate::document::{Chooser, Document};
use crate::letter::Letter;
use crate::localize::{self, Fallback, LocalizeError};
use crate::location::Location;
use crate::project::{LoadError, Project};
use crate::render::{self, Format, html};
use crate::status::{self, Row};
use crate::sync::Locks;

use rayon::prelude::*;

mod pdf;

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
    /// Keep the previous output's file (its inode and modification time) where
    /// the new bytes are the same, instead of writing it again.
    pub incremental: bool,
    /// Also write each letter as a PDF, `<letter>/<locale>/letter.pdf`, linked
    /// from the pages, as the project's `pdf = true` asks of every build
    /// (needs the `pdf` feature). [`render_all`] renders no PDF.
    pub pdf: bool,
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
    /// A letter's files could not be read (a project loaded deferred reads
    /// them as it builds).
    #[error("{0}")]
    Load(LoadError),
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
    /// PDFs were asked for, and this letterkit was built without the `pdf` feature.
    #[error(
        "this letterkit cannot write PDFs: it was built without the `pdf` feature (cargo install letterkit --features pdf)"
    )]
    PdfUnsupported,
    /// The PDFs could not be set up.
    #[cfg(feature = "pdf")]
    #[error("{0}")]
    PdfSetup(crate::render::pdf::PdfError),
    /// A letter could not be made into a PDF.
    #[cfg(feature = "pdf")]
    #[error("{letter} ({lang}): {source}")]
    Pdf {
        /// The letter.
        letter: String,
        /// The locale.
        lang: Lang,
        /// Why.
        source: crate::render::pdf::PdfError,
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
    let locks = dashboard_locks(project)?;
    let rendered = render_each(
        project, options, &letters, &langs, &locks, None, progress, Ok,
    );
    let mut output = Output::new();
    let mut fallbacks = Vec::new();
    let mut rows = Vec::new();
    for letter in gather_syntax_errors(project, &langs, rendered)? {
        output.extend(letter.files);
        fallbacks.extend(letter.fallbacks);
        rows.extend(letter.rows);
    }
    if options.strict && !fallbacks.is_empty() {
        return Err(BuildError::Strict { fallbacks });
    }
    output.extend(dashboard_after(project, &letters, rows, &locks)?.files());
    Ok((output, fallbacks))
}

/// The locks the dashboard of a project loaded deferred needs, read once.
fn dashboard_locks(project: &Project) -> Result<Locks, BuildError> {
    if project.deferred {
        Locks::read(project).map_err(|e| BuildError::Status(e.to_string()))
    } else {
        Ok(Locks::default())
    }
}

/// The results in order, or every syntax error of every letter (a project
/// loaded deferred finds them letter by letter) ordered as
/// [`refuse_syntax_errors`] orders them; the first other error as it is.
fn gather_syntax_errors<T>(
    project: &Project,
    langs: &[Lang],
    results: Vec<Result<T, BuildError>>,
) -> Result<Vec<T>, BuildError> {
    let mut done = Vec::with_capacity(results.len());
    let mut errors: Vec<(Location, String)> = Vec::new();
    for result in results {
        match result {
            Ok(value) => done.push(value),
            Err(BuildError::Syntax { errors: found }) => errors.extend(found),
            Err(other) => return Err(other),
        }
    }
    if errors.is_empty() {
        return Ok(done);
    }
    let chains = project.config.fallback_chains_of(langs);
    let rank = |location: &Location| {
        let tag = location.file.iter().nth(1).and_then(|t| t.to_str());
        chains.iter().position(|l| Some(l.tag()) == tag)
    };
    errors.sort_by(|a, b| {
        (rank(&a.0), &a.0.file, &a.0.span.as_ref().map(|s| s.start)).cmp(&(
            rank(&b.0),
            &b.0.file,
            &b.0.span.as_ref().map(|s| s.start),
        ))
    });
    errors.dedup();
    Err(BuildError::Syntax { errors })
}

/// Renders each letter in every locale, in parallel, and hands it to `then`
/// as soon as it is rendered; the results in the letters' order. Tells
/// `progress` as letters are done.
///
/// A project loaded deferred renders each letter from its view
/// ([`Project::letter_view`]), which also gives the letter's dashboard rows
/// (stale translations against `locks`); otherwise the rows are left to
/// [`dashboard`].
// Each argument is the build's own (the PDF setup is the last added); a struct
// gathering them would only be passed on whole to `render_view` and
// `render_letter`.
#[allow(clippy::too_many_arguments)]
fn render_each<T: Send>(
    project: &Project,
    options: &BuildOptions,
    letters: &[&Letter],
    langs: &[Lang],
    locks: &Locks,
    pdf: Option<&pdf::Setup>,
    progress: Progress<'_>,
    then: impl Fn(Rendered) -> Result<T, BuildError> + Sync,
) -> Vec<Result<T, BuildError>> {
    let formats = formats(options);
    let done = AtomicUsize::new(0);
    let tell = || progress(done.fetch_add(1, Ordering::Relaxed) + 1, letters.len());
    progress(0, letters.len());
    // With PDFs, one letter at a time, its locales' PDFs in parallel: letters
    // rendered side by side would each hold Typst's work on all their PDFs
    // (a thread waiting for one PDF starts another letter), gigabytes for an
    // archive; the pages and text take a hundredth of the time.
    let min_len = if pdf.is_some() {
        letters.len().max(1)
    } else {
        1
    };
    if project.deferred {
        return letters
            .par_iter()
            .with_min_len(min_len)
            .map(|letter| {
                let result =
                    render_view(project, letter, langs, &formats, locks, pdf).and_then(&then);
                tell();
                result
            })
            .collect();
    }
    let prepared = localize::Prepared::for_letters(project, letters, langs);
    letters
        .par_iter()
        .zip(&prepared)
        .with_min_len(min_len)
        .map(|(letter, prepared)| {
            let result =
                render_letter(project, letter, langs, prepared, &formats, pdf).and_then(&then);
            tell();
            result
        })
        .collect()
}

/// Renders `letter` of a project loaded deferred from its view, with its
/// dashboard rows.
fn render_view(
    project: &Project,
    letter: &Letter,
    langs: &[Lang],
    formats: &[Format],
    locks: &Locks,
    pdf: Option<&pdf::Setup>,
) -> Result<Rendered, BuildError> {
    let view = view_of(project, letter)?;
    let letter = &view.letters[0];
    refuse_syntax_errors(&view, &[letter], langs)?;
    let prepared = localize::Prepared::new(&view, letter, langs);
    let mut rendered = render_letter(&view, letter, langs, &prepared, formats, pdf)?;
    rendered.rows = status::letter_rows(&view, letter, locks);
    Ok(rendered)
}

fn view_of(project: &Project, letter: &Letter) -> Result<Project, BuildError> {
    project
        .letter_view(&letter.name)
        .expect("the letter is the project's")
        .map_err(BuildError::Load)
}

/// The formats written for each letter and locale: the page, the text, and
/// those asked for besides.
fn formats(options: &BuildOptions) -> Vec<Format> {
    let mut formats = vec![Format::Html, Format::Text];
    formats.extend(&options.extra_formats);
    formats
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
    let rows = status::status(project).map_err(|e| BuildError::Status(e.to_string()))?;
    Ok(dashboard_of(project, &rows))
}

/// The dashboard once the letters are rendered: of a project loaded
/// deferred, from the rows each letter's view gave and those of the letters
/// not rendered, in [`status::status`]'s order.
fn dashboard_after(
    project: &Project,
    rendered: &[&Letter],
    mut rows: Vec<Row>,
    locks: &Locks,
) -> Result<Dashboard, BuildError> {
    if !project.deferred {
        return dashboard(project);
    }
    let others: Vec<&Letter> = project
        .letters
        .iter()
        .filter(|l| !rendered.iter().any(|r| r.name == l.name))
        .collect();
    let more = others
        .par_iter()
        .map(|letter| {
            let view = view_of(project, letter)?;
            Ok(status::letter_rows(&view, &view.letters[0], locks))
        })
        .collect::<Result<Vec<_>, BuildError>>()?;
    rows.extend(more.into_iter().flatten());
    let rank = |row: &Row| {
        (
            project
                .locales
                .iter()
                .position(|l| l.lang().tag() == row.coverage.locale),
            project
                .letters
                .iter()
                .position(|l| l.name == row.coverage.letter),
        )
    };
    rows.sort_by_key(|row| rank(row));
    Ok(dashboard_of(project, &rows))
}

fn dashboard_of(project: &Project, rows: &[Row]) -> Dashboard {
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
    Dashboard {
        page: render::dashboard::page(&entries),
        badges,
    }
}

/// One letter in every locale: its files, by path relative to the output
/// folder, and the messages that fell back.
struct Rendered {
    files: Output,
    fallbacks: Vec<LetterFallback>,
    /// The letter's dashboard rows, where its view worked them out.
    rows: Vec<Row>,
    /// Its PDFs, by path relative to the output folder.
    pdfs: BTreeMap<PathBuf, Vec<u8>>,
}

/// Renders one letter in every locale of `langs` (in parallel) and its
/// language chooser.
fn render_letter(
    project: &Project,
    letter: &Letter,
    langs: &[Lang],
    prepared: &localize::Prepared,
    formats: &[Format],
    pdf: Option<&pdf::Setup>,
) -> Result<Rendered, BuildError> {
    let localized: Vec<Result<(Lang, localize::Localized), BuildError>> = langs
        .par_iter()
        .map(|lang| {
            localize::localize_prepared(project, letter, lang, prepared)
                .map(|localized| (lang.clone(), localized))
                .map_err(|source| BuildError::Localize {
                    letter: letter.name.clone(),
                    lang: lang.clone(),
                    source,
                })
        })
        .collect();
    let mut files = Output::new();
    let mut fallbacks = Vec::new();
    let mut documents: Vec<Document> = Vec::with_capacity(langs.len());
    for result in localized {
        let (lang, localized) = result?;
        fallbacks.extend(
            localized
                .fallbacks
                .into_iter()
                .map(|f| (letter.name.clone(), lang.clone(), f)),
        );
        let mut document = localized.document;
        document.pdf = pdf.is_some();
        documents.push(document);
    }
    let pages: Vec<Vec<(PathBuf, String)>> = documents
        .par_iter()
        .map(|document| {
            let folder = Path::new(&letter.name).join(document.lang.tag());
            formats
                .iter()
                .map(|&format| {
                    (
                        folder.join(format.file_name()),
                        render::render(document, format),
                    )
                })
                .collect()
        })
        .collect();
    files.extend(pages.into_iter().flatten());
    let main = documents
        .iter()
        .find(|d| d.lang == project.config.source)
        .unwrap_or(&documents[0]);
    files.insert(
        Path::new(&letter.name).join("index.html"),
        html::chooser(&Chooser::new(main, &documents)),
    );
    let pdfs = match pdf {
        Some(pdf) => pdf.render(&documents)?.into_iter().collect(),
        None => BTreeMap::new(),
    };
    Ok(Rendered {
        files,
        fallbacks,
        rows: Vec::new(),
        pdfs,
    })
}

/// Builds the selection and replaces the output folder with the result.
///
/// Letters are rendered in parallel and each is written to the staging folder
/// as soon as it is rendered, so only the letters in flight are held in memory.
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
    let (letters, langs) = project
        .select(&options.letters, &options.locales)
        .map_err(BuildError::Selection)?;
    // A project loaded deferred has its letters' files read, and checked,
    // letter by letter.
    if !project.deferred {
        refuse_syntax_errors(project, &letters, &langs)?;
    }
    let locks = dashboard_locks(project)?;
    let pdf = pdf::setup(options.pdf || project.config.pdf, project.config.paper)?;
    let staging = Staging::create(&options.out_dir, options.incremental)?;
    let render = || {
        render_each(
            project,
            options,
            &letters,
            &langs,
            &locks,
            pdf.as_ref(),
            progress,
            |rendered| {
                staging.write(&rendered.files)?;
                staging.write(&rendered.pdfs)?;
                let mut files: Vec<PathBuf> = rendered.files.into_keys().collect();
                files.extend(rendered.pdfs.into_keys());
                Ok((
                    BuildSummary {
                        files,
                        fallbacks: rendered.fallbacks,
                    },
                    rendered.rows,
                ))
            },
        )
    };
    // With PDFs, the whole build runs on the typesetter's threads.
    let written = match &pdf {
        Some(pdf) => pdf.install(render),
        None => render(),
    };
    if let Some(pdf) = pdf {
        pdf.finish();
    }
    let written = match gather_syntax_errors(project, &langs, written) {
        Ok(written) => written,
        Err(error) => {
            staging.discard();
            return Err(error);
        }
    };
    let mut files = Vec::new();
    let mut fallbacks = Vec::new();
    let mut rows = Vec::new();
    for (letter, letter_rows) in written {
        files.extend(letter.files);
        fallbacks.extend(letter.fallbacks);
        rows.extend(letter_rows);
    }
    if options.strict && !fallbacks.is_empty() {
        staging.discard();
        return Err(BuildError::Strict { fallbacks });
    }
    let dashboard: Output = match dashboard_after(project, &letters, rows, &locks) {
        Ok(dashboard) => dashboard.files().into_iter().collect(),
        Err(error) => {
            staging.discard();
            return Err(error);
        }
    };
    if let Err(error) = staging.write(&dashboard) {
        staging.discard();
        return Err(error);
    }
    files.extend(dashboard.into_keys());
    staging.swap_in()?;
    files.sort();
    Ok(BuildSummary { files, fallbacks })
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
                    file.location_of_span(error.pos.clone()),
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
    let staging = Staging::create(out_dir, false)?;
    if let Err(error) = staging.write(output) {
        staging.discard();
        return Err(error);
    }
    staging.swap_in()
}

/// A new output folder being written beside the output folder, swapped in whole
/// when complete. Nothing in the output folder changes before the swap: an
/// unchanged file is hard-linked from it, never written in place.
struct Staging {
    /// The output folder, absolute.
    out_dir: PathBuf,
    /// `.<out>.letterkit-new-<pid>` beside it.
    folder: PathBuf,
    /// `.<out>.letterkit-old-<pid>`, where the output folder goes during the swap.
    previous: PathBuf,
    /// Link unchanged files from the output folder instead of writing them.
    incremental: bool,
}

impl Staging {
    /// Creates the empty staging folder, after cleaning up what killed builds
    /// left (see [`recover_interrupted`]).
    fn create(out_dir: &Path, incremental: bool) -> Result<Self, BuildError> {
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
        fs::create_dir_all(parent).map_err(io_error(parent))?;
        recover_interrupted(parent, &name, &out_dir);
        let pid = std::process::id();
        let folder = parent.join(format!("{}{pid}", staging_prefix(&name, NEW)));
        let previous = parent.join(format!("{}{pid}", staging_prefix(&name, OLD)));
        let _ = fs::remove_dir_all(&folder);
        fs::create_dir_all(&folder).map_err(io_error(&folder))?;
        Ok(Staging {
            out_dir,
            folder,
            previous,
            incremental,
        })
    }

    /// Writes `files` (paths relative to the output folder), each in one
    /// write; with `incremental`, a file whose bytes the output folder already
    /// has is linked from there instead.
    fn write<C: AsRef<[u8]>>(&self, files: &BTreeMap<PathBuf, C>) -> Result<(), BuildError> {
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
            let contents = contents.as_ref();
            if self.incremental && self.link_unchanged(relative, contents, &path) {
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

    /// Removes the staging folder: the output folder stays as it was.
    fn discard(&self) {
        let _ = fs::remove_dir_all(&self.folder);
    }

    /// Adds the marker and swaps the staging folder in with two renames.
    fn swap_in(self) -> Result<(), BuildError> {
        let marker = self.folder.join(OUTPUT_MARKER);
        if let Err(error) = fs::write(&marker, OUTPUT_MARKER_TEXT).map_err(io_error(&marker)) {
            self.discard();
            return Err(error);
        }
        let had_previous = self.out_dir.exists();
        if had_previous {
            let _ = fs::remove_dir_all(&self.previous);
            if let Err(source) = fs::rename(&self.out_dir, &self.previous) {
                self.discard();
                return Err(BuildError::Io {
                    path: self.out_dir,
                    source,
                });
            }
        }
        if let Err(source) = fs::rename(&self.folder, &self.out_dir) {
            if had_previous {
                let _ = fs::rename(&self.previous, &self.out_dir);
            }
            self.discard();
            return Err(BuildError::Io {
                path: self.out_dir,
                source,
            });
        }
        if had_previous {
            remove_tree(&self.previous);
        }
        Ok(())
    }
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
