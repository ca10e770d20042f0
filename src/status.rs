//! The translators' to-do list: for every letter and locale, how many messages
//! and words are translated, how many translations are stale, and what is left.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::check::{self, Coverage};
use crate::config::Status;
use crate::project::{COMMON_RESOURCE, FtlFile, Project};
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
    /// Messages translated, as `check` counts them.
    #[serde(flatten)]
    pub coverage: Coverage,
    /// Words of the source in translated messages.
    pub words_translated: usize,
    /// Words of the source.
    pub words_total: usize,
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
        self.words_total - self.words_translated + self.words_stale
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
            let mut words_translated = 0;
            let mut words_total = 0;
            let mut words_stale = 0;
            for resource in resources {
                let Some(source_file) = source.file(resource) else {
                    continue;
                };
                let target = files.file(resource);
                let words_of = word_counts(source_file);
                for (message, _) in source_file.messages().filter(|(m, _)| m.value.is_some()) {
                    let words = words_of.get(message.id.name).copied().unwrap_or(0);
                    words_total += words;
                    if target
                        .and_then(|t| t.message(message.id.name))
                        .is_some_and(|m| m.value.is_some())
                    {
                        words_translated += words;
                        if stale
                            .iter()
                            .any(|s| s.resource == resource && s.id == message.id.name)
                        {
                            words_stale += words;
                        }
                    }
                }
            }
            let stale = stale
                .iter()
                .filter(|s| resources.contains(&s.resource.as_str()))
                .count();
            let current = coverage.translated == coverage.total && stale == 0;
            let state = match (is_source, current, coverage.status) {
                (true, _, _) => State::Source,
                (false, false, _) => State::Partial,
                (false, true, Status::Draft) => State::Complete,
                (false, true, Status::Reviewed) => State::Reviewed,
            };
            let row = Row {
                coverage,
                words_translated,
                words_total,
                stale,
                words_stale,
                state,
            };
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Words in each message's value as written in its file, by id.
fn word_counts(file: &FtlFile) -> BTreeMap<&str, usize> {
    let text = file.source();
    file.entry_spans()
        .into_iter()
        .filter_map(|span| {
            let id = span.id?;
            let (_, value) = text[span.id_line..span.range.end].split_once('=')?;
            let words = value
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .flat_map(str::split_whitespace)
                .count();
            Some((id, words))
        })
        .collect()
}
