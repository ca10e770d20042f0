//! Publishing: every selected letter in every selected locale, rendered in
//! memory, then written to a fresh folder beside the output folder and swapped
//! in with renames. A build that fails at any point leaves the previous output
//! exactly as it was; the same input always gives the same bytes.

mod output;
pub mod pdf;
pub mod statics;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::check::{self, CheckError, Finding};
use crate::document::{Chooser, Document};
use crate::lang::Lang;
use crate::letter::Letter;
use crate::localize::{self, Fallback, LocalizeError};
use crate::lock::{LockError, Locks};
use crate::project::Project;
use crate::render::site::{Site, Summary};
use crate::render::{self, Format, html};
use crate::source::LoadError;
use crate::status::dashboard::Dashboard;
use crate::status::{self, Row};

use rayon::prelude::*;

pub use output::{OUTPUT_MARKER, OutputDir, Refusal, Staging, write_atomically};

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
    /// Told how many letters are rendered of how many, after each one.
    pub progress: Option<Progress>,
    /// Also write each letter as a PDF, `<letter>/<locale>/letter.pdf`, linked
    /// from the pages, as the project's `pdf = true` asks of every build
    /// (needs the `pdf` feature). [`render_all`] renders no PDF.
    pub pdf: bool,
}

/// Told how many letters are rendered of how many (`done`, `total`), after
/// each one, from the threads that render them.
#[derive(Clone)]
pub struct Progress(Arc<dyn Fn(usize, usize) + Send + Sync>);

impl Progress {
    /// Calls `tell` with the letters done and the letters in all.
    pub fn new(tell: impl Fn(usize, usize) + Send + Sync + 'static) -> Self {
        Progress(Arc::new(tell))
    }

    fn tell(&self, done: usize, total: usize) {
        (self.0)(done, total);
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Progress")
    }
}

/// Why a build failed. The previous output is untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A letter or locale asked for is not in the project.
    #[error(transparent)]
    Selection(#[from] crate::project::SelectError),
    /// The translations could not be checked before publishing.
    #[error("cannot check the translations before publishing: {0}")]
    Check(#[source] CheckError),
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
    Status(#[source] LockError),
    /// The output folder is unsafe to replace.
    #[error("refusing to write to {}: {reason}", path.display())]
    UnsafeOutput {
        /// The output folder.
        path: PathBuf,
        /// Why it is refused.
        reason: Refusal,
    },
    /// The output folder holds files no letterkit build wrote.
    #[error("{} holds {} file(s) that letterkit did not write: {}; nothing was changed. Move them to the project's `static/` folder (copied into the output on every build) or out of the output folder, then build again", path.display(), files.len(), files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "))]
    ForeignFiles {
        /// The output folder.
        path: PathBuf,
        /// The files, relative to it.
        files: Vec<PathBuf>,
    },
    /// A file of the project's `static/` folder cannot be published.
    #[error("cannot publish {}: {reason}", path.display())]
    Static {
        /// The file, relative to the project folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The PDFs asked for could not be made.
    #[error(transparent)]
    Pdf(#[from] pdf::Failure),
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
    /// The findings that kept a message from being published as written, by
    /// letter, once each; the message is among the fallbacks (a syntax error
    /// names no message: what it spoils is missing, so it falls back).
    pub refused: Vec<LetterRefusal>,
    /// What the build left out and why, said once (no `base-url`: no
    /// sitemap, feeds, canonical links or `og:url`).
    pub notices: Vec<String>,
}

/// A finding that kept a message of a letter from being published as written.
pub type LetterRefusal = (String, Finding);

/// Said by a build of a project without `base-url`.
pub const NO_BASE_URL_NOTICE: &str = "no sitemap.xml, feeds, canonical links or og:url: letterkit.toml has no base-url (the address the output folder is published at)";

/// The rendered output, by path relative to the output folder.
pub type Output = BTreeMap<PathBuf, String>;

/// A message that fell back, with the letter and the locale it fell back in.
pub type LetterFallback = (String, Lang, Fallback);

/// Renders the selection into memory, without touching the disk.
pub fn render_all(
    project: &Project,
    options: &BuildOptions,
) -> Result<(Output, Vec<LetterFallback>), BuildError> {
    let (letters, langs) = project
        .select(&options.letters, &options.locales)
        .map_err(BuildError::Selection)?;
    let locks = dashboard_locks(project)?;
    let rendered = render_each(project, options, &letters, &langs, &locks, None, Ok);
    let mut output = Output::new();
    let mut fallbacks = Vec::new();
    let mut rows = Vec::new();
    let mut summaries = Vec::new();
    for letter in rendered.into_iter().collect::<Result<Vec<_>, _>>()? {
        output.extend(letter.files);
        fallbacks.extend(letter.fallbacks);
        rows.extend(letter.rows);
        summaries.push(letter.summaries);
    }
    if options.strict && !fallbacks.is_empty() {
        return Err(BuildError::Strict { fallbacks });
    }
    output.extend(dashboard_after(project, &letters, rows, &locks)?.files());
    output.extend(site_files(project, &langs, summaries));
    Ok((output, fallbacks))
}

/// The site's index pages, and with a `base-url` its sitemap and feeds.
fn site_files(project: &Project, langs: &[Lang], summaries: Vec<Vec<Summary>>) -> Output {
    let site = Site::new(
        project.config.source.clone(),
        langs.to_vec(),
        summaries,
        project.config.base_url.clone(),
    );
    site.files()
        .into_iter()
        .map(|(path, text)| (PathBuf::from(path), text))
        .collect()
}

/// The locks the dashboard of a project loaded deferred needs, read once.
fn dashboard_locks(project: &Project) -> Result<Locks, BuildError> {
    if project.deferred {
        Locks::read(project).map_err(BuildError::Status)
    } else {
        Ok(Locks::default())
    }
}

/// Renders each letter in every locale, in parallel, and hands it to `then`
/// as soon as it is rendered; the results in the letters' order. Tells the
/// options' progress as letters are done.
///
/// A project loaded deferred renders each letter from its view
/// ([`Project::letter_view`]), which also gives the letter's dashboard rows
/// (stale translations against `locks`); otherwise the rows are left to
/// [`Dashboard::new`]. With `pdf`, each letter's PDFs too, one letter at a
/// time ([`pdf::Setup::letters_at_once`]).
// Each argument is the build's own; a struct gathering them would only be
// passed on whole to `render_view` and `render_letter`.
#[allow(clippy::too_many_arguments)]
fn render_each<T: Send>(
    project: &Project,
    options: &BuildOptions,
    letters: &[&Letter],
    langs: &[Lang],
    locks: &Locks,
    pdf: Option<&pdf::Setup>,
    then: impl Fn(Rendered) -> Result<T, BuildError> + Sync,
) -> Vec<Result<T, BuildError>> {
    let formats = formats(options);
    let done = AtomicUsize::new(0);
    let progress = options.progress.as_ref();
    let tell = || {
        if let Some(progress) = progress {
            progress.tell(done.fetch_add(1, Ordering::Relaxed) + 1, letters.len());
        }
    };
    if let Some(progress) = progress {
        progress.tell(0, letters.len());
    }
    let min_len = pdf::Setup::letters_at_once(pdf, letters.len());
    if project.deferred {
        // The page text is judged once, each letter's files with the letter.
        let page_text = match refusals_of(project, letters, langs, check::Part::PageText) {
            Ok(refusals) => refusals,
            Err(error) => return vec![Err(error)],
        };
        return letters
            .par_iter()
            .with_min_len(min_len)
            .map(|letter| {
                let result = render_view(project, letter, langs, &formats, locks, &page_text, pdf)
                    .and_then(&then);
                tell();
                result
            })
            .collect();
    }
    let mut prepared = localize::Prepared::for_letters(project, letters, langs);
    let refusals = match refusals_of(project, letters, langs, check::Part::All) {
        Ok(refusals) => refusals,
        Err(error) => return vec![Err(error)],
    };
    let mut by_letter: Vec<Vec<Finding>> = vec![Vec::new(); letters.len()];
    for finding in refusals {
        let stem = finding.location.file.file_stem().and_then(|s| s.to_str());
        for (index, letter) in letters.iter().enumerate() {
            if stem == Some(crate::ids::COMMON_RESOURCE) || stem == Some(letter.name.as_str()) {
                by_letter[index].push(finding.clone());
            }
        }
    }
    for (prepared, findings) in prepared.iter_mut().zip(&by_letter) {
        refuse(project, prepared, findings);
    }
    letters
        .par_iter()
        .zip(&prepared)
        .zip(by_letter)
        .with_min_len(min_len)
        .map(|((letter, prepared), refused)| {
            let result = render_letter(project, letter, langs, prepared, &formats, pdf)
                .map(|mut rendered| {
                    rendered.refused.splice(0..0, refused);
                    rendered
                })
                .and_then(&then);
            tell();
            result
        })
        .collect()
}

/// The findings that keep messages of `letters` in `langs` from being
/// published as written ([`check::unpublishable`]), in the files of `part`.
fn refusals_of(
    project: &Project,
    letters: &[&Letter],
    langs: &[Lang],
    part: check::Part,
) -> Result<Vec<Finding>, BuildError> {
    let names: Vec<String> = letters.iter().map(|l| l.name.clone()).collect();
    let tags: Vec<String> = langs.iter().map(|l| l.tag().to_owned()).collect();
    check::unpublishable(project, &names, &tags, part).map_err(BuildError::Check)
}

/// Marks each message `findings` name (in any locale but the source) to be
/// taken from the next locale of its chain.
fn refuse(project: &Project, prepared: &mut localize::Prepared, findings: &[Finding]) {
    for finding in findings {
        let (Some(id), Ok(lang)) = (&finding.message_id, Lang::parse(&finding.locale)) else {
            continue;
        };
        if lang != project.config.source {
            prepared.refuse(&lang, id);
        }
    }
}

/// Renders `letter` of a project loaded deferred from its view, with its
/// dashboard rows; `page_text` are the findings of every locale's page text,
/// judged once for every letter.
fn render_view(
    project: &Project,
    letter: &Letter,
    langs: &[Lang],
    formats: &[Format],
    locks: &Locks,
    page_text: &[Finding],
    pdf: Option<&pdf::Setup>,
) -> Result<Rendered, BuildError> {
    let view = view_of(project, letter)?;
    let letter = &view.letters[0];
    let mut refused = refusals_of(&view, &[letter], langs, check::Part::Letters)?;
    refused.extend_from_slice(page_text);
    let mut prepared = localize::Prepared::new(&view, letter, langs);
    refuse(&view, &mut prepared, &refused);
    let mut rendered = render_letter(&view, letter, langs, &prepared, formats, pdf)?;
    rendered.rows = status::letter_rows(&view, letter, locks);
    rendered.refused.extend(refused);
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
        return Dashboard::new(project).map_err(BuildError::Status);
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
    rows.extend(status::page_rows(project, locks));
    status::sort(project, &mut rows);
    Ok(Dashboard::of_rows(project, &rows))
}

/// One letter in every locale: its files, by path relative to the output
/// folder, and the messages that fell back.
struct Rendered {
    /// The letter's name.
    letter: String,
    files: Output,
    fallbacks: Vec<LetterFallback>,
    /// The letter's dashboard rows, where its view worked them out.
    rows: Vec<Row>,
    /// The findings that kept its messages from being published as written.
    refused: Vec<Finding>,
    /// What the site's index and feeds show of it, in each locale.
    summaries: Vec<Summary>,
    /// Its PDFs, by path relative to the output folder, where asked for.
    pdfs: pdf::Files,
}

/// A letter localized into a locale as it may be published, with the
/// findings that kept messages from being published as written.
type Publishable = (Lang, localize::Localized, Vec<Finding>);

/// `letter` localized into `lang` as it may be published, with the findings
/// that kept messages from being published as written. The localization
/// meets every message it formats: a message Fluent cannot format is taken
/// from the next locale of its chain already; one whose Markdown holds what
/// check refuses (raw HTML, an unsafe link) in a locale other than the
/// source is refused ([`localize::Prepared::refuse`]) and the letter
/// localized again, until nothing new is refused (at most once per locale
/// of the chain and message). Most letters are localized once.
fn localize_publishable(
    project: &Project,
    letter: &Letter,
    lang: &Lang,
    prepared: &localize::Prepared,
) -> Result<(localize::Localized, Vec<Finding>), LocalizeError> {
    let mut localized = localize::localize_prepared(project, letter, lang, prepared)?;
    let mut findings: Vec<Finding> = Vec::new();
    let mut refusing: Option<localize::Prepared> = None;
    let mut refused_ids: BTreeSet<(Lang, String)> = BTreeSet::new();
    loop {
        let mut refused_more = false;
        for issue in std::mem::take(&mut localized.issues) {
            if issue.lang == project.config.source {
                continue;
            }
            let Some(files) = project.locale(&issue.lang) else {
                continue;
            };
            let finding = check::issue_finding(files, letter, &issue);
            // A waiver for the message and code publishes it as written.
            if !finding.unpublishable || finding.waived_by(&project.config.check.waivers) {
                continue;
            }
            if !matches!(issue.kind, localize::IssueKind::Format(_))
                && refused_ids.insert((issue.lang.clone(), issue.id.clone()))
            {
                refusing
                    .get_or_insert_with(|| prepared.clone())
                    .refuse(&issue.lang, &issue.id);
                refused_more = true;
            }
            findings.push(finding);
        }
        match (&refusing, refused_more) {
            (Some(refusing), true) => {
                localized = localize::localize_prepared(project, letter, lang, refusing)?;
            }
            _ => break,
        }
    }
    findings.sort_by(|a, b| {
        (&a.locale, &a.message_id, a.code).cmp(&(&b.locale, &b.message_id, b.code))
    });
    findings
        .dedup_by(|a, b| (&a.locale, &a.message_id, a.code) == (&b.locale, &b.message_id, b.code));
    Ok((localized, findings))
}

/// A finding for each file of `letter` or the page text, in `langs` but
/// the source, that could not be read (not UTF-8, past a limit): every
/// message of it is shown in the fallback language.
fn unreadable_files(project: &Project, letter: &Letter, langs: &[Lang]) -> Vec<Finding> {
    let mut found = Vec::new();
    for lang in langs.iter().filter(|l| **l != project.config.source) {
        let Some(files) = project.locale(lang) else {
            continue;
        };
        let mut unreadable = Vec::new();
        check::unreadable_files(files, &mut unreadable);
        found.extend(unreadable.into_iter().filter(|f| {
            let stem = f.location.file.file_stem().and_then(|s| s.to_str());
            stem == Some(letter.name.as_str()) || stem == Some(crate::ids::COMMON_RESOURCE)
        }));
    }
    found
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
    // Only the locales the letter is published in.
    let langs = &letter.langs_in(langs);
    let localized: Vec<Result<Publishable, BuildError>> = langs
        .par_iter()
        .map(|lang| {
            localize_publishable(project, letter, lang, prepared)
                .map(|(localized, refused)| (lang.clone(), localized, refused))
                .map_err(|source| BuildError::Localize {
                    letter: letter.name.clone(),
                    lang: lang.clone(),
                    source,
                })
        })
        .collect();
    let mut files = Output::new();
    let mut fallbacks = Vec::new();
    // A file that could not be read falls back as a whole, said once.
    let mut refused = unreadable_files(project, letter, langs);
    let mut documents: Vec<Document> = Vec::with_capacity(langs.len());
    for result in localized {
        let (lang, localized, found) = result?;
        refused.extend(found);
        fallbacks.extend(
            localized
                .fallbacks
                .into_iter()
                .map(|f| (letter.name.clone(), lang.clone(), f)),
        );
        let mut document = localized.document;
        // The page links the PDF written beside it.
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
    let Some(main) = documents
        .iter()
        .find(|d| d.lang == project.config.source)
        .or(documents.first())
    else {
        // None of the locales chosen is the letter's.
        return Ok(Rendered {
            letter: letter.name.clone(),
            files,
            fallbacks,
            rows: Vec::new(),
            refused,
            summaries: Vec::new(),
            pdfs: pdf::Files::new(),
        });
    };
    files.insert(
        Path::new(&letter.name).join("index.html"),
        html::chooser(&Chooser::new(main, &documents)),
    );
    let pdfs = match pdf {
        Some(pdf) => pdf.render(&documents)?,
        None => pdf::Files::new(),
    };
    Ok(Rendered {
        letter: letter.name.clone(),
        files,
        fallbacks,
        rows: Vec::new(),
        refused,
        summaries: documents.iter().map(Summary::of).collect(),
        pdfs,
    })
}

/// Builds the selection and replaces the output folder with the result.
///
/// Letters are rendered in parallel and each is written to the staging folder
/// as soon as it is rendered, so only the letters in flight are held in memory.
pub fn build(project: &Project, options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    let out_dir = OutputDir::resolve(&options.out_dir)?;
    // Before the output folder is judged: a killed build may have moved it aside.
    out_dir.recover_interrupted();
    out_dir.refuse_unsafe(&project.root)?;
    let (letters, langs) = project
        .select(&options.letters, &options.locales)
        .map_err(BuildError::Selection)?;
    let statics = statics::read(&project.root)?;
    let locks = dashboard_locks(project)?;
    let pdf = pdf::Setup::new(options.pdf || project.config.pdf, project.config.paper)?;
    // Dropped on any error below, the staging folder is removed.
    let staging = out_dir.stage(options.incremental)?;
    let render = || {
        render_each(
            project,
            options,
            &letters,
            &langs,
            &locks,
            pdf.as_ref(),
            |rendered| {
                staging.write(&rendered.files)?;
                staging.write(&rendered.pdfs)?;
                let name = rendered.letter;
                let mut files: Vec<PathBuf> = rendered.files.into_keys().collect();
                files.extend(rendered.pdfs.into_keys());
                Ok((
                    BuildSummary {
                        files,
                        fallbacks: rendered.fallbacks,
                        refused: rendered
                            .refused
                            .into_iter()
                            .map(|f| (name.clone(), f))
                            .collect(),
                        notices: Vec::new(),
                    },
                    (rendered.rows, rendered.summaries),
                ))
            },
        )
    };
    let written = pdf::Setup::run(pdf.as_ref(), render);
    let mut files = Vec::new();
    let mut fallbacks = Vec::new();
    let mut refused: Vec<LetterRefusal> = Vec::new();
    let mut rows = Vec::new();
    let mut summaries = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for result in written {
        let (letter, (letter_rows, letter_summaries)) = result?;
        files.extend(letter.files);
        fallbacks.extend(letter.fallbacks);
        // A finding in `common.ftl` is found with every letter: told once.
        refused.extend(
            letter
                .refused
                .into_iter()
                .filter(|(_, f)| seen.insert((f.location.clone(), f.code, f.message_id.clone()))),
        );
        rows.extend(letter_rows);
        summaries.push(letter_summaries);
    }
    if options.strict && !fallbacks.is_empty() {
        return Err(BuildError::Strict { fallbacks });
    }
    let dashboard: Output = dashboard_after(project, &letters, rows, &locks)?
        .files()
        .into_iter()
        .collect();
    staging.write(&dashboard)?;
    files.extend(dashboard.into_keys());
    let site = site_files(project, &langs, summaries);
    staging.write(&site)?;
    files.extend(site.into_keys());
    statics::refuse_collisions(&statics, &files)?;
    staging.write(&statics)?;
    files.extend(statics.into_keys());
    staging.swap_in()?;
    files.sort();
    let notices = match project.config.base_url {
        Some(_) => Vec::new(),
        None => vec![NO_BASE_URL_NOTICE.to_owned()],
    };
    Ok(BuildSummary {
        files,
        fallbacks,
        refused,
        notices,
    })
}
