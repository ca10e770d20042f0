//! The translators' to-do list: for every letter and locale, how many messages
//! and words are translated, how many translations are stale, and what is left.

use serde::Serialize;

use crate::check::{self, Coverage};
use crate::config::Status;
use crate::project::{COMMON_RESOURCE, Project};
use crate::sync::{self, SyncError};

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

/// Every letter in every locale, in project order.
pub fn status(project: &Project) -> Result<Vec<Row>, SyncError> {
    let source = project.source_locale();
    let mut rows = Vec::new();
    for files in &project.locales {
        let is_source = files.lang() == source.lang();
        let stale = if is_source {
            Vec::new()
        } else {
            sync::stale_translations(project, files)?
        };
        for letter in &project.letters {
            let resources = [COMMON_RESOURCE, letter.name.as_str()];
            let coverage = check::letter_coverage(source, files, letter);
            let mut words_stale = 0;
            let letter_stale: Vec<_> = stale
                .iter()
                .filter(|s| resources.contains(&s.resource.as_str()))
                .collect();
            for stale in &letter_stale {
                if let Some(source_file) = source.file(&stale.resource) {
                    words_stale += source_file.words_of(&stale.id);
                }
            }
            let current = coverage.translated == coverage.total && letter_stale.is_empty();
            let state = match (is_source, current, coverage.status) {
                (true, _, _) => State::Source,
                (false, false, _) => State::Partial,
                (false, true, Status::Draft) => State::Complete,
                (false, true, Status::Reviewed) => State::Reviewed,
            };
            rows.push(Row {
                coverage,
                stale: letter_stale.len(),
                words_stale,
                state,
            });
        }
    }
    Ok(rows)
}
