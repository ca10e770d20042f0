//! How much of a letter a locale translates, in words of the source (messages
//! shown beside): the coverage table of `check` and the rows of `status` both
//! count here, so that they always agree. A letter's coverage counts its own
//! messages; the page text every letter shares (`common.ftl`) has a row of its
//! own, [`PAGE_TEXT`].

use serde::Serialize;

use crate::ftl::FtlFile;
use crate::ids::COMMON_RESOURCE;
use crate::lang::Status;
use crate::letter::Letter;
use crate::project::LocaleFiles;

/// How much of one letter one locale translates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The letter.
    pub letter: String,
    /// The locale's tag.
    pub locale: String,
    /// Whether the locale is required.
    pub required: bool,
    /// Draft or reviewed.
    pub status: Status,
    /// Messages the locale translates (the letter's own, or the page text's).
    pub translated: usize,
    /// Messages the source locale has.
    pub total: usize,
    /// Words of the source in the messages the locale translates.
    pub words_translated: usize,
    /// Words of the source.
    pub words_total: usize,
}

impl Coverage {
    /// A row named `letter` for the locale of `files`, with nothing counted yet.
    pub(crate) fn none(letter: &str, files: &LocaleFiles) -> Coverage {
        Coverage {
            letter: letter.to_owned(),
            locale: files.lang().tag().to_owned(),
            required: files.settings.required,
            status: files.settings.status,
            translated: 0,
            total: 0,
            words_translated: 0,
            words_total: 0,
        }
    }

    /// Counts a source file's messages and words, and those `file` translates.
    /// A message with attributes alone (`b =\n    .label = B`) counts as
    /// one to translate, as a message with a value does. A value that shows
    /// no visible character (white space, `{ " " }`, invisible characters)
    /// is not a translation.
    pub(crate) fn add(&mut self, source: &FtlFile, file: Option<&FtlFile>) {
        let present = file.map(shown_messages).unwrap_or_default();
        // Both in id order: each message's words are met as it is.
        let mut words = source.words().iter().peekable();
        for (id, has_value) in defined_messages(source) {
            while words
                .next_if(|(word_id, _)| word_id.as_str() < id)
                .is_some()
            {}
            let count = words
                .peek()
                .filter(|(word_id, _)| word_id.as_str() == id)
                .map_or(0, |(_, count)| **count);
            self.total += 1;
            self.words_total += count;
            if translates(&present, id, has_value) {
                self.translated += 1;
                self.words_translated += count;
            }
        }
    }

    /// The translated share of the source's words in whole percent, rounded
    /// down (100 only when complete); of the messages where the source has
    /// no words.
    pub fn percent(&self) -> usize {
        if self.words_total == 0 {
            return (self.translated * 100)
                .checked_div(self.total)
                .unwrap_or(100);
        }
        let percent = self.words_translated * 100 / self.words_total;
        if percent == 100 && self.translated < self.total {
            99
        } else {
            percent
        }
    }
}

/// The name of the page text's row: the messages of `common.ftl`, shared
/// by every letter.
pub const PAGE_TEXT: &str = COMMON_RESOURCE;

/// How much of `letter`'s own messages the locale `files` translates: 0%
/// where it has no file for the letter.
pub(crate) fn letter_coverage(
    source: &LocaleFiles,
    files: &LocaleFiles,
    letter: &Letter,
) -> Coverage {
    resource_coverage(source, files, &letter.name)
}

/// How much of the page text (`common.ftl`) the locale `files` translates.
pub(crate) fn page_coverage(source: &LocaleFiles, files: &LocaleFiles) -> Coverage {
    resource_coverage(source, files, PAGE_TEXT)
}

/// How much of the resource `resource` the locale `files` translates.
pub(crate) fn resource_coverage(
    source: &LocaleFiles,
    files: &LocaleFiles,
    resource: &str,
) -> Coverage {
    let mut coverage = Coverage::none(resource, files);
    if let Some(source_file) = source.file(resource) {
        coverage.add(source_file, files.file(resource));
    }
    coverage
}

/// The ids of the messages `file` defines, in order, each with whether a
/// definition of it has a value.
pub(crate) fn defined_messages(file: &FtlFile) -> Vec<(&str, bool)> {
    let mut ids: Vec<(&str, bool)> = file
        .message_defs()
        .map(|message| (message.id.name, message.value.is_some()))
        .collect();
    ids.sort_unstable_by(|a, b| a.0.cmp(b.0));
    ids.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        kept.1 |= same && later.1;
        same
    });
    ids
}

/// The messages of a file as [`defined_messages`] lists them, a value that
/// shows no visible character counted as none.
fn shown_messages(file: &FtlFile) -> Vec<(&str, bool)> {
    let mut ids = defined_messages(file);
    for (id, has_value) in &mut ids {
        if *has_value {
            *has_value = file
                .message(id)
                .and_then(|m| m.value.as_ref())
                .is_none_or(|value| !crate::text::is_blank(value));
        }
    }
    ids
}

/// Whether a locale whose messages are `present` translates the source
/// message `id`: it defines it, with a value where the source's has one (a
/// source message with attributes alone needs only the id; its attributes
/// are compared one by one).
pub(crate) fn translates(present: &[(&str, bool)], id: &str, source_has_value: bool) -> bool {
    has_value(present, id).is_some_and(|has_value| has_value || !source_has_value)
}

/// Whether a definition of `id` among `defined` (from [`defined_messages`])
/// has a value; `None` when none defines it.
pub(crate) fn has_value(defined: &[(&str, bool)], id: &str) -> Option<bool> {
    defined
        .binary_search_by(|(defined_id, _)| defined_id.cmp(&id))
        .ok()
        .map(|at| defined[at].1)
}
