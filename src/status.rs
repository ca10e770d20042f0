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
    /// The one measure of progress the table, the progress bar, the badge
    /// and `status --format json` all show.
    pub progress: Progress,
}

/// How far a translation is, in words of the source (messages are shown
/// beside): the share translated and current, and the share whose
/// translation is stale. Together they make [`Coverage::percent`], the
/// figure `min-coverage` judges, for which a stale translation still counts
/// as translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Source words whose translation is current, in whole percent, rounded
    /// down: 100 only when every message is translated and none is stale.
    pub percent: usize,
    /// Source words whose translation is stale, in whole percent: what
    /// `min-coverage` counts besides [`Progress::percent`].
    pub stale_percent: usize,
    /// Source words whose translation is current.
    pub words_current: usize,
    /// Messages whose translation is current.
    pub messages_current: usize,
}

impl Progress {
    /// The progress of `coverage` with `stale` stale translations of
    /// `words_stale` source words.
    pub fn new(coverage: &Coverage, stale: usize, words_stale: usize) -> Self {
        let messages_current = coverage.translated.saturating_sub(stale);
        let words_current = coverage.words_translated.saturating_sub(words_stale);
        let current = Coverage {
            translated: messages_current,
            words_translated: words_current,
            ..coverage.clone()
        };
        let percent = current.percent();
        Progress {
            percent,
            stale_percent: coverage.percent().saturating_sub(percent),
            words_current,
            messages_current,
        }
    }
}

impl Row {
    /// The progress as the dashboard, the badges and `status` write it:
    /// "80%", or with stale translations "80% + 15% stale".
    pub fn progress_label(&self) -> String {
        match (self.stale, self.progress.stale_percent) {
            (0, _) => format!("{}%", self.progress.percent),
            (_, stale) => format!("{}% + {stale}% stale", self.progress.percent),
        }
    }

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
    let words_stale: usize = stale
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
    let progress = Progress::new(&coverage, stale.len(), words_stale);
    Row {
        coverage,
        stale: stale.len(),
        words_stale,
        state,
        progress,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coverage(translated: usize, words_translated: usize) -> Coverage {
        Coverage {
            letter: "letter".to_owned(),
            locale: "es".to_owned(),
            required: false,
            status: Status::Draft,
            translated,
            total: 10,
            words_translated,
            words_total: 200,
        }
    }

    #[test]
    fn stale_words_are_not_done_and_make_up_the_rest_of_min_coverage() {
        // 9 of 10 messages translated (190 words), 2 of them stale (30 words).
        let progress = Progress::new(&coverage(9, 190), 2, 30);
        assert_eq!(progress.percent, 80);
        assert_eq!(progress.stale_percent, 15);
        assert_eq!(
            progress.percent + progress.stale_percent,
            coverage(9, 190).percent()
        );
        assert_eq!(
            (progress.messages_current, progress.words_current),
            (7, 160)
        );
    }

    #[test]
    fn complete_only_when_nothing_is_missing_or_stale() {
        let all = coverage(10, 200);
        let current = Progress::new(&all, 0, 0);
        assert_eq!((current.percent, current.stale_percent), (100, 0));
        // One stale message of one word in 200: not 100% done.
        let stale = Progress::new(&all, 1, 1);
        assert_eq!((stale.percent, stale.stale_percent), (99, 1));
    }
}
