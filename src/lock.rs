//! What each translation was made from: `locales/<tag>/translated-from.toml`.
//!
//! `locale sync` records, per locale, the source text and the translation of
//! every translated message, and the source text of every untranslated one
//! (what its scaffold shows). A translation is stale when the source text
//! changed since it was recorded; sync then flags it in a comment above the
//! message. Like gettext's fuzzy flag, it stays stale until the translator
//! clears it on purpose: by deleting the flag, by `letterkit locale resolve`,
//! or by importing the unit marked translated ([`record_current_source`]).
//! Editing the translation alone (deleting a final period) does not clear
//! it. Whitespace is normalised first, so reformatting is not a change.
//!
//! This module reads and writes the record and compares it with the files;
//! finding stale translations edits nothing. The editing is `sync`'s.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ftl::{EntryKind, EntrySpan, FtlFile};
use crate::ids::LOCALES_DIR;
use crate::lang::Lang;
use crate::project::{LocaleFiles, Project};

/// The file, in each locale's folder, recording what each translation was made from.
pub const LOCK_FILE: &str = "translated-from.toml";

/// The first line of the comment sync puts above a stale translation; the
/// translator deleting it says the translation is still right.
pub(crate) const STALE_MARK: &str = "# stale: ";

/// A lock file that cannot be read as one.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}; delete the file to start recording afresh", path.display())]
pub struct LockError {
    /// The lock file, relative to the project.
    pub path: PathBuf,
    /// What the TOML reader said.
    pub message: String,
}

/// A translation made from an older version of its source message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The resource (`common` or a letter).
    pub resource: String,
    /// The message id.
    pub id: String,
    /// The source text the translation was made from.
    pub was: String,
    /// The source text now.
    pub now: String,
}

/// A locale's record: its entries by resource and message id, as
/// [`parse`] reads a lock file and [`text`] writes one.
pub type Lock = BTreeMap<String, ResourceLock>;

/// One resource's entries, by message id.
pub type ResourceLock = BTreeMap<String, LockEntry>;

/// What one message's translation was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockEntry {
    /// The source text, whitespace collapsed.
    pub source: String,
    /// The translation made from it; empty while the message is untranslated,
    /// so that a translation made later is known to come from this source text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub translation: String,
    /// Sync has flagged the translation stale; the translator deleting the flag
    /// says the translation is still right.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flagged: bool,
}

impl LockEntry {
    /// Whether a translation of a message whose source text is now `now` is
    /// stale against this record: the source changed since it was recorded,
    /// and the translator has not deleted a flag sync wrote (`flag_present`
    /// says whether the file still has it). An edit of the translation does
    /// not count: only a deliberate act clears the state.
    pub(crate) fn is_stale(&self, now: &str, flag_present: bool) -> bool {
        let acknowledged = self.flagged && !flag_present;
        self.source != now && !acknowledged
    }
}

/// The stale translations of a locale, in all its files, as sync would flag them.
pub fn stale_translations(project: &Project, files: &LocaleFiles) -> Result<Vec<Stale>, LockError> {
    // Staleness is measured against the lock: a locale without one has nothing
    // recorded to be stale against.
    let Some((_, lock)) = read(&project.root, files.lang())? else {
        return Ok(Vec::new());
    };
    let source = project.source_locale();
    let resources: Vec<&str> = source.files.keys().map(String::as_str).collect();
    Ok(stale_in(source, files, &lock, &resources))
}

/// Every locale's lock (`translated-from.toml`), read once, for the stale
/// translations of one letter after another.
#[derive(Debug, Default)]
pub struct Locks(BTreeMap<Lang, Lock>);

impl Locks {
    /// Reads the lock of every locale of the project that has one.
    pub fn read(project: &Project) -> Result<Self, LockError> {
        let mut locks = BTreeMap::new();
        for files in &project.locales {
            if let Some((_, lock)) = read(&project.root, files.lang())? {
                locks.insert(files.lang().clone(), lock);
            }
        }
        Ok(Locks(locks))
    }

    /// The stale translations in the locale's files of `resources`, as
    /// [`stale_translations`] finds them in all its files.
    pub fn stale_in(
        &self,
        source: &LocaleFiles,
        files: &LocaleFiles,
        resources: &[&str],
    ) -> Vec<Stale> {
        match self.0.get(files.lang()) {
            Some(lock) => stale_in(source, files, lock, resources),
            None => Vec::new(),
        }
    }
}

/// The stale translations in the locale's files of `resources`, against `lock`.
fn stale_in(
    source: &LocaleFiles,
    files: &LocaleFiles,
    lock: &Lock,
    resources: &[&str],
) -> Vec<Stale> {
    let unrecorded = ResourceLock::new();
    let mut stale = Vec::new();
    for name in resources {
        let (Some(source_file), Some(target)) = (source.file(name), files.file(name)) else {
            continue;
        };
        let lock = lock.get(*name).unwrap_or(&unrecorded);
        stale.extend(
            stale_in_file(source_file, target, lock)
                .into_iter()
                .map(|mut s| {
                    s.resource = (*name).to_owned();
                    s
                }),
        );
    }
    stale
}

/// The stale translations of one file, in file order, against its resource's
/// record; `resource` is left empty.
pub(crate) fn stale_in_file(source: &FtlFile, target: &FtlFile, lock: &ResourceLock) -> Vec<Stale> {
    let source_text = source.source();
    let text = target.source();
    let source_spans = source_messages(source);
    let source_ids: BTreeSet<&str> = source_spans.iter().filter_map(|s| s.id).collect();
    let mut stale = Vec::new();
    for span in target.entry_spans() {
        let (EntryKind::Message, Some(id)) = (span.kind, span.id) else {
            continue;
        };
        if !source_ids.contains(id) || target.message(id).is_none() {
            continue;
        }
        let Some(entry) = lock.get(id) else {
            continue;
        };
        let source_span = source_spans
            .iter()
            .find(|s| s.id == Some(id))
            .expect("in source ids");
        let now = normalized_value(source_text, source_span);
        if entry.is_stale(&now, has_stale_flag(&text[span.range.clone()])) {
            stale.push(Stale {
                resource: String::new(),
                id: id.to_owned(),
                was: entry.source.clone(),
                now,
            });
        }
    }
    stale
}

/// Records that the locale's translations of `ids` in `resource` are made
/// from the source text as it is now: their stale state is cleared on
/// purpose (`letterkit locale resolve`, or an import of units marked
/// translated). Writes the locale's `translated-from.toml` and returns the
/// ids recorded; an id the source's file or the locale's file of `resource`
/// does not define is left out. A flag sync wrote in the file is removed by
/// the next sync.
pub fn record_current_source(
    project: &Project,
    files: &LocaleFiles,
    resource: &str,
    ids: &[&str],
) -> Result<Vec<String>, LockError> {
    let (Some(source), Some(target)) =
        (project.source_locale().file(resource), files.file(resource))
    else {
        return Ok(Vec::new());
    };
    let mut lock = read(&project.root, files.lang())?.map_or_else(Lock::new, |(_, lock)| lock);
    let source_spans = source_messages(source);
    let target_spans = target.entry_spans();
    let resource_lock = lock.entry(resource.to_owned()).or_default();
    let mut recorded = Vec::new();
    for id in ids {
        let is_it = |s: &&EntrySpan<'_>| s.kind == EntryKind::Message && s.id == Some(*id);
        let (Some(source_span), Some(target_span)) = (
            source_spans.iter().find(is_it),
            target_spans.iter().find(is_it),
        ) else {
            continue;
        };
        resource_lock.insert(
            (*id).to_owned(),
            LockEntry {
                source: normalized_value(source.source(), source_span),
                translation: normalized_value(target.source(), target_span),
                flagged: false,
            },
        );
        recorded.push((*id).to_owned());
    }
    let path = path(files.lang());
    fs::write(project.root.join(&path), text(&lock)).map_err(|e| LockError {
        path,
        message: format!("cannot write: {e}"),
    })?;
    Ok(recorded)
}

/// Whether an entry's text carries sync's stale flag.
pub(crate) fn has_stale_flag(span_text: &str) -> bool {
    span_text.lines().any(|line| line.starts_with(STALE_MARK))
}

/// The source's messages that have a value: what a locale translates.
pub(crate) fn source_messages(source: &FtlFile) -> Vec<EntrySpan<'_>> {
    source
        .entry_spans()
        .into_iter()
        .filter(|s| s.kind == EntryKind::Message)
        .filter(|s| {
            s.id.is_some_and(|id| source.message(id).is_some_and(|m| m.value.is_some()))
        })
        .collect()
}

/// The record of a freshly scaffolded resource: every message untranslated,
/// with the source text its scaffold shows.
pub(crate) fn untranslated(source: &FtlFile) -> ResourceLock {
    source_messages(source)
        .iter()
        .filter_map(|span| {
            let id = span.id?;
            let entry = LockEntry {
                source: normalized_value(source.source(), span),
                translation: String::new(),
                flagged: false,
            };
            Some((id.to_owned(), entry))
        })
        .collect()
}

/// A message's value and attributes with whitespace collapsed, without its id
/// and comments: what a translator translated.
pub(crate) fn normalized_value(text: &str, span: &EntrySpan<'_>) -> String {
    let entry = &text[span.id_line..span.range.end];
    let value = entry.split_once('=').map_or(entry, |(_, value)| value);
    value
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The locale's lock as written and as read; `None` when there is none.
pub(crate) fn read(root: &Path, lang: &Lang) -> Result<Option<(String, Lock)>, LockError> {
    let path = path(lang);
    let Ok(text) = fs::read_to_string(root.join(&path)) else {
        return Ok(None);
    };
    let lock = parse(&path, &text)?;
    Ok(Some((text, lock)))
}

/// Reads the text of a lock file (`path`, relative to the project, names it
/// in the error). What [`text`] writes reads back as the same record.
pub fn parse(path: &Path, text: &str) -> Result<Lock, LockError> {
    toml::from_str(text).map_err(|e| LockError {
        path: path.to_owned(),
        message: e.message().to_owned(),
    })
}

/// `locales/<tag>/translated-from.toml`, relative to the project.
pub(crate) fn path(lang: &Lang) -> PathBuf {
    Path::new(LOCALES_DIR).join(lang.tag()).join(LOCK_FILE)
}

/// The text of a lock file that records `lock`, with a comment saying what
/// the file is.
pub fn text(lock: &Lock) -> String {
    let body = toml::to_string(lock).expect("a map of strings always serialises");
    format!(
        "# Written by `letterkit locale sync`: the source text each translation was made\n\
         # from, so that a change of the source marks the translation stale. Do not edit.\n\n{body}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> FtlFile {
        FtlFile::parse("x.ftl".into(), text.into())
    }

    fn entry(source: &str, translation: &str, flagged: bool) -> LockEntry {
        LockEntry {
            source: source.into(),
            translation: translation.into(),
            flagged,
        }
    }

    #[test]
    fn a_translation_of_a_changed_source_stays_stale_when_edited() {
        let source = file("a = Hello,\n    wide world\nb = Bye\n");
        let lock = ResourceLock::from([
            ("a".into(), entry("Hello world", "Hola mundo", false)),
            ("b".into(), entry("Bye", "Adiós", false)),
        ]);
        let stale = stale_in_file(&source, &file("a = Hola mundo\nb = Adiós\n"), &lock);
        assert_eq!(
            stale,
            [Stale {
                resource: String::new(),
                id: "a".into(),
                was: "Hello world".into(),
                now: "Hello, wide world".into(),
            }]
        );
        // Any edit (a final period deleted, a word changed) keeps it stale.
        for edited in [
            "a = Hola, ancho mundo\nb = Adiós\n",
            "a = Hola mundo.\nb = Adiós\n",
        ] {
            assert_eq!(
                stale_in_file(&source, &file(edited), &lock).len(),
                1,
                "{edited}"
            );
        }
    }

    #[test]
    fn a_deleted_flag_says_the_translation_is_still_right() {
        let source = file("a = Hello!\n");
        let lock = ResourceLock::from([("a".into(), entry("Hello", "Hola", true))]);
        let flagged =
            file("# stale: the source changed\n#   was: Hello\n#   now: Hello!\na = Hola\n");
        assert_eq!(stale_in_file(&source, &flagged, &lock).len(), 1);
        assert!(stale_in_file(&source, &file("a = Hola\n"), &lock).is_empty());
    }

    #[test]
    fn a_translation_made_from_a_scaffold_is_stale_when_its_source_changed() {
        let lock = untranslated(&file("a = Hello\n"));
        let changed = file("a = Hello again\n");
        let stale = stale_in_file(&changed, &file("a = Hola\n"), &lock);
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].was, "Hello");
        assert!(stale_in_file(&file("a =\n  Hello\n"), &file("a = Hola\n"), &lock).is_empty());
    }

    #[test]
    fn a_message_without_a_record_is_never_stale() {
        let source = file("a = Hello\n");
        assert!(stale_in_file(&source, &file("a = Hola\n"), &ResourceLock::new()).is_empty());
    }

    #[test]
    fn the_lock_file_reads_back_as_written() {
        let lock = Lock::from([(
            "common".to_owned(),
            ResourceLock::from([("a".into(), entry("Hello", "Hola", true))]),
        )]);
        let written = text(&lock);
        assert_eq!(parse(Path::new(LOCK_FILE), &written).unwrap(), lock);
        let error = parse(Path::new(LOCK_FILE), "[common]\na = 1\n").unwrap_err();
        assert_eq!(error.path, Path::new(LOCK_FILE));
    }
}
