//! The translators' to-do list: for every letter and locale, how many messages
//! and words are translated, how many translations are stale, and what is left.

pub mod dashboard;
pub mod page;

use serde::Serialize;

use crate::coverage::{self, Coverage};
use crate::ids::COMMON_RESOURCE;
use crate::lang::Status;
use crate::letter::Letter;
use crate::lock::{self, LockError, Locks, Stale};
use crate::project::{LocaleFiles, Project};

/// Where a locale stands for one letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// The source locale: nothing to translate.
    Source,
    /// Some messages are not translated, or some translations are stale.
    Partial,
    /// Everything translated and current, not yet reviewed.
    Complete,
    /// Everything translated and current, reviewed by a native speaker.
    Reviewed,
}

impl State {
    /// The word as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Source => "source",
            State::Partial => "partial",
            State::Complete => "complete",
            State::Reviewed => "reviewed",
        }
    }
}

/// One letter in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Messages and words translated, as `check` counts them.
    #[serde(flatten)]
    pub coverage: Coverage,
    /// Translations made from an older source text.
    pub stale: usize,
    /// Words of the source in messages whose translation is stale.
    pub words_stale: usize,
    /// Where the locale stands.
    pub state: State,
}

impl Row {
    /// Source words still to translate or to bring up to date: those of
    /// untranslated messages and of stale translations.
    pub fn words_left(&self) -> usize {
        self.coverage.words_total - self.coverage.words_translated + self.words_stale
    }
}

/// Every letter in every locale it is published in, in project order.
pub fn status(project: &Project) -> Result<Vec<Row>, LockError> {
    let source = project.source_locale();
    let mut rows = Vec::new();
    for files in &project.locales {
        // Each file's stale translations are found once, for every letter.
        let stale = if files.lang() == source.lang() {
            Vec::new()
        } else {
            lock::stale_translations(project, files)?
        };
        rows.push(row(project, files, coverage::PAGE_TEXT, &stale));
        for letter in project.letters.iter().filter(|l| l.is_in(files.lang())) {
            rows.push(row(project, files, &letter.name, &stale));
        }
    }
    Ok(rows)
}

/// Sorts `rows` in [`status`]'s order: by locale, then by letter, each in
/// project order.
pub fn sort(project: &Project, rows: &mut [Row]) {
    // The page text's row comes first in each locale.
    let rank = |row: &Row| {
        (
            project
                .locales
                .iter()
                .position(|l| l.lang().tag() == row.coverage.locale),
            (row.coverage.letter != coverage::PAGE_TEXT).then(|| {
                project
                    .letters
                    .iter()
                    .position(|l| l.name == row.coverage.letter)
            }),
        )
    };
    rows.sort_by_key(|row| rank(row));
}

/// One letter in every locale of `project`, in project order: what
/// [`status`] has for it.
pub fn letter_rows(project: &Project, letter: &Letter, locks: &Locks) -> Vec<Row> {
    let source = project.source_locale();
    let resources = [COMMON_RESOURCE, letter.name.as_str()];
    project
        .locales
        .iter()
        .filter(|files| letter.is_in(files.lang()))
        .map(|files| {
            let stale = if files.lang() == source.lang() {
                Vec::new()
            } else {
                locks.stale_in(source, files, &resources)
            };
            row(project, files, &letter.name, &stale)
        })
        .collect()
}

/// The page text's row in every locale, in project order: what [`status`]
/// has for it.
pub fn page_rows(project: &Project, locks: &Locks) -> Vec<Row> {
    let source = project.source_locale();
    project
        .locales
        .iter()
        .map(|files| {
            let stale = if files.lang() == source.lang() {
                Vec::new()
            } else {
                locks.stale_in(source, files, &[COMMON_RESOURCE])
            };
            row(project, files, coverage::PAGE_TEXT, &stale)
        })
        .collect()
}

/// The row of the resource `resource` (a letter's, or the page text) in
/// the locale `files`, given the locale's stale translations (those of
/// other files are left out here).
fn row(project: &Project, files: &LocaleFiles, resource: &str, stale: &[Stale]) -> Row {
    let source = project.source_locale();
    let is_source = files.lang() == source.lang();
    let stale: Vec<&Stale> = stale.iter().filter(|s| s.resource == resource).collect();
    let coverage = coverage::resource_coverage(source, files, resource);
    let words_stale = stale
        .iter()
        .filter_map(|stale| Some(source.file(&stale.resource)?.words_of(&stale.id)))
        .sum();
    let current = coverage.translated == coverage.total && stale.is_empty();
    let state = match (is_source, current, coverage.status) {
        (true, _, _) => State::Source,
        (false, false, _) => State::Partial,
        (false, true, Status::Draft) => State::Complete,
        (false, true, Status::Reviewed) => State::Reviewed,
    };
    Row {
        coverage,
        stale: stale.len(),
        words_stale,
        state,
    }
}
