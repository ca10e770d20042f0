//! The translator's files: `locale add` scaffolds a new locale from the source,
//! and `locale sync` brings a locale in line after the source changed. Both edit
//! Fluent files as text, so every sentence, comment and line break a translator
//! wrote survives.
//!
//! A scaffolded message is the source entry commented out (`# subject = ...`),
//! under the source's notes for translators: the file stays valid Fluent and
//! counts as untranslated until the translator removes the `# ` and translates.
//!
//! What each translation was made from, and so which translations are stale,
//! is [`crate::lock`]'s record; sync rewrites it with the files.

mod remove;

pub use remove::{REMOVED_DIR, Removal, remove_locale};

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::ftl::{EntryKind, EntrySpan, FtlFile, scaffold_id};
use crate::ids::{
    ADDED_PAGE_MESSAGES, COMMON_RESOURCE, CONFIG_FILE, LETTER_DATE_MESSAGE, LOCALES_DIR,
};
use crate::lang::Lang;
use crate::lock::{
    self, Lock, LockEntry, LockError, ResourceLock, STALE_MARK, Stale, has_stale_flag,
    normalized_value, source_messages,
};
use crate::project::{LocaleFiles, Project};

/// The comment that starts the section obsolete messages are moved to.
pub const OBSOLETE_HEADING: &str = "Obsolete: the source no longer has these messages. They are never shown; delete them when no longer useful.";

const WAS_MARK: &str = "#   was: ";
const NOW_MARK: &str = "#   now: ";

/// Why a locale could not be added or synced.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The tag is not a usable BCP 47 tag.
    #[error("{0}")]
    BadTag(String),
    /// The locale exists already.
    #[error("locale `{0}` already exists: edit its files, or run `letterkit locale sync {0}`")]
    Exists(String),
    /// The locale is not in the project.
    #[error("no locale `{0}` in {CONFIG_FILE}: add it with `letterkit locale add {0}`")]
    Unknown(String),
    /// A letter named is not in the project.
    #[error("no letter `{0}` in this project")]
    UnknownLetter(String),
    /// The locale to remove is not in the project (and has no folder).
    #[error("no locale `{tag}` in {CONFIG_FILE} (locales: {locales})")]
    NotListed {
        /// The tag asked for.
        tag: String,
        /// The project's locales, comma-separated.
        locales: String,
    },
    /// The locale to remove is the source locale.
    #[error(
        "cannot remove `{0}`: it is the source locale, which every other locale is translated from; make another locale the source-locale in {CONFIG_FILE} first"
    )]
    IsSource(String),
    /// Other locales fall back to the locale to remove.
    #[error(
        "cannot remove `{tag}`: {others} fall(s) back to it; take `{tag}` out of their `fallback` in {CONFIG_FILE} first, so that what their readers see changes on purpose"
    )]
    FallbackOf {
        /// The locale to remove.
        tag: String,
        /// The locales falling back to it, comma-separated.
        others: String,
    },
    /// A file could not be edited without changing more than meant.
    #[error(
        "{}: cannot take out {what} without rewriting the file; take it out by hand, then run the command again",
        path.display()
    )]
    Edit {
        /// The file, relative to the project.
        path: PathBuf,
        /// What was to be taken out.
        what: String,
    },
    /// A lock file is malformed.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// Reading or writing failed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// One file a sync writes, with its old content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The file, relative to the project.
    pub path: PathBuf,
    /// The content before (`None` for a new file).
    pub old: Option<String>,
    /// The content after.
    pub new: String,
}

/// What syncing one locale does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocaleSync {
    /// The locale.
    pub locale: String,
    /// Source messages newly scaffolded, by resource.
    pub added: Vec<(String, String)>,
    /// Obsolete messages moved to the obsolete section, by resource.
    pub moved: Vec<(String, String)>,
    /// Stale translations, by resource.
    pub stale: Vec<Stale>,
    /// The files whose content changes.
    pub changes: Vec<FileChange>,
}

/// Scaffolds a new locale: validates the tag, writes every source resource with
/// each message commented out under its notes, and lists the locale in
/// `letterkit.toml` as optional and draft. Returns the files written.
pub fn add_locale(project: &Project, tag: &str) -> Result<Vec<PathBuf>, SyncError> {
    add_locale_for(project, tag, &[])
}

/// [`add_locale`], also adding the locale to the `locales` of each letter
/// of `letters` that lists its locales. A letter that lists its locales
/// without the new one gets no file for it.
pub fn add_locale_for(
    project: &Project,
    tag: &str,
    letters: &[String],
) -> Result<Vec<PathBuf>, SyncError> {
    let lang = Lang::parse_locale(tag).map_err(|e| SyncError::BadTag(e.to_string()))?;
    if let Some(name) = letters.iter().find(|n| project.letter(n).is_none()) {
        return Err(SyncError::UnknownLetter(name.clone()));
    }
    let folder = Path::new(LOCALES_DIR).join(lang.tag());
    if project.config.locale(lang.tag()).is_some() && !letters.is_empty() {
        return add_to_letters(project, &lang, letters);
    }
    if project.config.locale(lang.tag()).is_some() || project.root.join(&folder).exists() {
        return Err(SyncError::Exists(lang.tag().to_owned()));
    }
    let source = project.source_locale();
    let mut written = Vec::new();
    fs::create_dir_all(project.root.join(&folder)).map_err(io_error(&folder))?;
    let mut lock = Lock::new();
    for (name, file) in &source.files {
        let listed = project
            .letter(name)
            .is_none_or(|l| l.locales.is_none() || letters.contains(name));
        if !listed {
            continue;
        }
        let path = folder.join(format!("{name}.ftl"));
        fs::write(project.root.join(&path), scaffold_resource(file)).map_err(io_error(&path))?;
        written.push(path);
        lock.insert(name.clone(), lock::untranslated(file));
    }
    let lock_path = lock::path(&lang);
    fs::write(project.root.join(&lock_path), lock::text(&lock)).map_err(io_error(&lock_path))?;
    written.push(lock_path);
    let config_path = project.root.join(CONFIG_FILE);
    let mut config = fs::read_to_string(&config_path).map_err(io_error(Path::new(CONFIG_FILE)))?;
    if !config.ends_with('\n') {
        config.push('\n');
    }
    config.push_str(&format!(
        "\n[[locales]]\ntag = \"{}\"\nrequired = false\nstatus = \"draft\"\n",
        lang.tag()
    ));
    fs::write(&config_path, config).map_err(io_error(Path::new(CONFIG_FILE)))?;
    written.push(PathBuf::from(CONFIG_FILE));
    for name in letters {
        let Some(letter) = project.letter(name).filter(|l| l.locales.is_some()) else {
            continue;
        };
        let path = crate::project::letter_file_path(&letter.name);
        let text = fs::read_to_string(project.root.join(&path)).map_err(io_error(&path))?;
        if let Some(text) = with_locale_listed(&text, lang.tag()) {
            fs::write(project.root.join(&path), text).map_err(io_error(&path))?;
            written.push(path);
        }
    }
    Ok(written)
}

/// Adds the project's locale `lang` to the `locales` of each letter of
/// `letters` that lists its locales without it, and scaffolds those letters'
/// files in it (every message commented out), as `locale add` does for a
/// new locale. A file the locale has already is kept as written.
fn add_to_letters(
    project: &Project,
    lang: &Lang,
    letters: &[String],
) -> Result<Vec<PathBuf>, SyncError> {
    let source = project.source_locale();
    let folder = Path::new(LOCALES_DIR).join(lang.tag());
    let mut written = Vec::new();
    let (lock_text, mut lock) = lock::read(&project.root, lang)?.unwrap_or_default();
    for name in letters {
        let Some(letter) = project.letter(name) else {
            continue;
        };
        if letter.locales.is_some() && !letter.is_in(lang) {
            let path = crate::project::letter_file_path(&letter.name);
            let text = fs::read_to_string(project.root.join(&path)).map_err(io_error(&path))?;
            if let Some(text) = with_locale_listed(&text, lang.tag()) {
                fs::write(project.root.join(&path), text).map_err(io_error(&path))?;
                written.push(path);
            }
        }
        let path = folder.join(format!("{name}.ftl"));
        if let Some(file) = source.file(name)
            && !project.root.join(&path).exists()
        {
            fs::create_dir_all(project.root.join(&folder)).map_err(io_error(&folder))?;
            fs::write(project.root.join(&path), scaffold_resource(file))
                .map_err(io_error(&path))?;
            written.push(path);
            lock.insert(name.clone(), lock::untranslated(file));
        }
    }
    let new_text = lock::text(&lock);
    if new_text != lock_text {
        let lock_path = lock::path(lang);
        fs::write(project.root.join(&lock_path), new_text).map_err(io_error(&lock_path))?;
        written.push(lock_path);
    }
    Ok(written)
}

/// `letter.toml`'s text with `tag` added at the end of its top-level
/// `locales = [...]` array, the rest as written; `None` where there is none.
fn with_locale_listed(text: &str, tag: &str) -> Option<String> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with('[') {
            // Past the top-level keys.
            return None;
        }
        if let Some(rest) = line.strip_prefix("locales")
            && rest.trim_start().starts_with('=')
        {
            let open = at + line.find('[')?;
            let close = open + text[open..].find(']')?;
            let inside = text[open + 1..close].trim_end();
            let inside = inside.strip_suffix(',').unwrap_or(inside);
            let separator = if inside.trim().is_empty() { "" } else { ", " };
            return Some(format!(
                "{}[{inside}{separator}\"{tag}\"]{}",
                &text[..open],
                &text[close + 1..]
            ));
        }
        at += line.len();
    }
    None
}

/// Works out what syncing the given locales (every translation locale when
/// empty) would change, without writing anything.
pub fn plan_sync(project: &Project, tags: &[String]) -> Result<Vec<LocaleSync>, SyncError> {
    for tag in tags {
        if project.config.locale(tag).is_none() {
            return Err(SyncError::Unknown(tag.clone()));
        }
    }
    let source = project.source_locale();
    let mut plans = Vec::new();
    for files in &project.locales {
        let lang = files.lang();
        if lang == source.lang() || !(tags.is_empty() || tags.iter().any(|t| t == lang.tag())) {
            continue;
        }
        plans.push(plan_locale(project, source, files)?);
    }
    Ok(plans)
}

/// Writes the changes a plan lists.
pub fn apply(project: &Project, plans: &[LocaleSync]) -> Result<(), SyncError> {
    for change in plans.iter().flat_map(|p| &p.changes) {
        let path = project.root.join(&change.path);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(io_error(&change.path))?;
        }
        fs::write(&path, &change.new).map_err(io_error(&change.path))?;
    }
    Ok(())
}

/// Brings the locale's file of resource `name` (empty where it has none) in
/// line with the source's, against the lock's record of it.
fn sync_resource(
    name: &str,
    source_file: &FtlFile,
    files: &LocaleFiles,
    lock: &Lock,
) -> SyncedFile {
    let empty;
    let target = match files.file(name) {
        Some(file) => file,
        None => {
            empty = FtlFile::parse(files.path_of(name), String::new());
            &empty
        }
    };
    // Messages a translation may have that its source lacks.
    let optional: Vec<&str> = if name == COMMON_RESOURCE {
        std::iter::once(LETTER_DATE_MESSAGE)
            .chain(ADDED_PAGE_MESSAGES.iter().copied())
            .collect()
    } else {
        Vec::new()
    };
    let unrecorded = BTreeMap::new();
    sync_file(
        source_file,
        target,
        lock.get(name).unwrap_or(&unrecorded),
        &optional,
    )
}

fn plan_locale(
    project: &Project,
    source: &LocaleFiles,
    files: &LocaleFiles,
) -> Result<LocaleSync, SyncError> {
    let lock_path = lock::path(files.lang());
    let (old_lock_text, old_lock) = match lock::read(&project.root, files.lang())? {
        Some((text, lock)) => (Some(text), lock),
        None => (None, Lock::new()),
    };
    let mut plan = LocaleSync {
        locale: files.lang().tag().to_owned(),
        ..LocaleSync::default()
    };
    let mut new_lock = Lock::new();
    for (name, source_file) in &source.files {
        // No scaffold for a letter not published in the locale.
        if project.letter(name).is_some_and(|l| !l.is_in(files.lang())) {
            continue;
        }
        let path = files.path_of(name);
        let synced = sync_resource(name, source_file, files, &old_lock);
        plan.added
            .extend(synced.added.into_iter().map(|id| (name.clone(), id)));
        plan.moved
            .extend(synced.moved.into_iter().map(|id| (name.clone(), id)));
        plan.stale.extend(synced.stale.into_iter().map(|mut s| {
            s.resource = name.clone();
            s
        }));
        if !synced.lock.is_empty() {
            new_lock.insert(name.clone(), synced.lock);
        }
        let old = files.file(name).map(|f| f.source().to_owned());
        if old.as_deref() != Some(synced.text.as_str()) {
            plan.changes.push(FileChange {
                path,
                old,
                new: synced.text,
            });
        }
    }
    let new_lock_text = lock::text(&new_lock);
    let unchanged = match &old_lock_text {
        Some(text) => *text == new_lock_text,
        None => new_lock.is_empty(),
    };
    if !unchanged {
        plan.changes.push(FileChange {
            path: lock_path,
            old: old_lock_text,
            new: new_lock_text,
        });
    }
    Ok(plan)
}

struct SyncedFile {
    text: String,
    added: Vec<String>,
    moved: Vec<String>,
    stale: Vec<Stale>,
    lock: ResourceLock,
}

/// Brings one target file in line with its source file.
fn sync_file(
    source: &FtlFile,
    target: &FtlFile,
    lock: &ResourceLock,
    optional: &[&str],
) -> SyncedFile {
    let source_text = source.source();
    let text = target.source();
    let source_spans = source_messages(source);
    let source_ids: BTreeSet<&str> = source_spans.iter().filter_map(|s| s.id).collect();
    let spans = target.entry_spans();
    let obsolete_at = spans
        .iter()
        .position(|s| s.kind != EntryKind::Message && s.comment.first() == Some(&OBSOLETE_HEADING));
    let live = &spans[..obsolete_at.unwrap_or(spans.len())];

    let translated = |id: &str| target.message(id).is_some();
    let scaffolded = |id: &str| {
        let entry = format!("{id} =");
        spans
            .iter()
            .any(|s| s.comment.iter().any(|line| line.starts_with(&entry)))
    };
    let position = |id: &str| {
        let entry = format!("{id} =");
        live.iter()
            .position(|s| s.id == Some(id) || s.comment.iter().any(|line| line.starts_with(&entry)))
    };

    // Where each missing source message goes: before the next source message the
    // file has, or at the end of the live part.
    let mut inserts: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut at_end: Vec<String> = Vec::new();
    let mut added = Vec::new();
    for (i, span) in source_spans.iter().enumerate() {
        let id = span.id.expect("message spans have ids");
        if translated(id) || scaffolded(id) {
            continue;
        }
        added.push(id.to_owned());
        let scaffold = scaffold_entry(source_text, span);
        let next = source_spans[i + 1..]
            .iter()
            .filter_map(|s| s.id)
            .find_map(&position);
        match next {
            Some(at) => inserts.entry(at).or_default().push(scaffold),
            None => at_end.push(scaffold),
        }
    }

    // Each untranslated source message's current scaffold. Scaffold lines of
    // anything else (translated, optional, or no longer in the source) are left
    // as written: nothing is deleted.
    let current: BTreeMap<&str, String> = source_spans
        .iter()
        .filter_map(|s| s.id.map(|id| (id, commented_entry(source_text, s))))
        .filter(|(id, _)| !translated(id))
        .collect();
    // A scaffold of a message the source no longer has goes, unless the
    // translator changed it: then it is their draft, and stays.
    let keep_scaffold = |id: &str, scaffold: &str| {
        if current.contains_key(id) {
            return false;
        }
        let removed = !source_ids.contains(id) && !optional.contains(&id);
        let untouched = lock.get(id).is_some_and(|entry| {
            entry.translation.is_empty() && entry.source == normalized_scaffold(scaffold)
        });
        !(removed && untouched)
    };
    let mut out = String::with_capacity(text.len() + 1024);
    out.push_str(&text[..spans.first().map_or(text.len(), |s| s.range.start)]);
    let mut moved_text = Vec::new();
    let mut moved = Vec::new();
    let mut stale = Vec::new();
    let mut new_lock = BTreeMap::new();
    // A message defined twice (a `duplicate-message` error for check) has its
    // stale state at its first definition, the one Fluent uses; later ones
    // are left as written, so that a second sync changes nothing.
    let mut judged: BTreeSet<&str> = BTreeSet::new();
    for (index, span) in spans.iter().enumerate() {
        if Some(index) == obsolete_at {
            push_blocks(&mut out, &at_end);
            at_end.clear();
        }
        if let Some(blocks) = inserts.get(&index) {
            push_blocks(&mut out, blocks);
        }
        let span_text = &text[span.range.clone()];
        let in_live = obsolete_at.is_none_or(|at| index < at);
        match (span.kind, span.id) {
            (EntryKind::Message, Some(id))
                if in_live && !source_ids.contains(id) && !optional.contains(&id) =>
            {
                moved.push(id.to_owned());
                // Scaffolds in its comment are refreshed as they are where
                // it is moved to, so that the next sync changes nothing.
                moved_text.push(refresh_scaffolds(span_text, &current, &keep_scaffold));
            }
            (EntryKind::Message, Some(id))
                if source_ids.contains(id) && translated(id) && judged.insert(id) =>
            {
                let source_span = source_spans
                    .iter()
                    .find(|s| s.id == Some(id))
                    .expect("in source ids");
                let now = normalized_value(source_text, source_span);
                let translation = normalized_value(text, span);
                let flag_present = has_stale_flag(span_text);
                let flagged = match lock.get(id) {
                    Some(entry) if entry.is_stale(&now, flag_present) => {
                        new_lock.insert(
                            id.to_owned(),
                            LockEntry {
                                source: entry.source.clone(),
                                translation,
                                flagged: true,
                            },
                        );
                        Some(Stale {
                            resource: String::new(),
                            id: id.to_owned(),
                            was: entry.source.clone(),
                            now: now.clone(),
                        })
                    }
                    _ => {
                        new_lock.insert(
                            id.to_owned(),
                            LockEntry {
                                source: now,
                                translation,
                                flagged: false,
                            },
                        );
                        None
                    }
                };
                out.push_str(&flag_stale(span_text, id, flagged.as_ref()));
                stale.extend(flagged);
            }
            _ => out.push_str(&refresh_scaffolds(span_text, &current, &keep_scaffold)),
        }
    }
    for (id, entry) in lock::untranslated(source) {
        if !translated(&id) {
            new_lock.insert(id, entry);
        }
    }
    push_blocks(&mut out, &at_end);
    if !moved_text.is_empty() {
        if obsolete_at.is_none() {
            ensure_blank_line(&mut out);
            out.push_str(&format!("# {OBSOLETE_HEADING}\n\n"));
        }
        push_blocks(&mut out, &moved_text);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    SyncedFile {
        text: out,
        added,
        moved,
        stale,
        lock: new_lock,
    }
}

/// A whole resource for a new locale: headings and comments as in the source,
/// each message scaffolded.
fn scaffold_resource(source: &FtlFile) -> String {
    let text = source.source();
    let spans = source.entry_spans();
    let mut out = String::from(&text[..spans.first().map_or(text.len(), |s| s.range.start)]);
    for span in &spans {
        match span.kind {
            EntryKind::Message | EntryKind::Term => out.push_str(&scaffold_entry(text, span)),
            EntryKind::Comment | EntryKind::Heading => out.push_str(&text[span.range.clone()]),
            EntryKind::Junk => {}
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A source entry commented out, under its own notes for translators, then a
/// blank line, so that it never attaches to the entry after it.
fn scaffold_entry(text: &str, span: &EntrySpan<'_>) -> String {
    let mut out = String::from(&text[span.range.start..span.id_line]);
    out.push_str(&commented_entry(text, span));
    out.push('\n');
    out
}

/// The lines of a source entry (id, value, attributes), each commented out.
fn commented_entry(text: &str, span: &EntrySpan<'_>) -> String {
    let entry = text[span.id_line..span.range.end].trim_end_matches('\n');
    let mut out = String::with_capacity(entry.len() + 16);
    for line in entry.lines() {
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Rewrites the scaffolds in a piece of the file: an untranslated message's
/// commented-out source text is replaced by the current one; a scaffold that
/// `keep` refuses and no current source text replaces is removed with the
/// notes above it.
fn refresh_scaffolds(
    span_text: &str,
    current: &BTreeMap<&str, String>,
    keep: &dyn Fn(&str, &str) -> bool,
) -> String {
    let mut out = String::with_capacity(span_text.len());
    let mut notes_start = 0;
    let mut removed = false;
    let mut lines = span_text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let Some(id) = scaffold_id(line) else {
            if !line.starts_with('#') {
                notes_start = out.len() + line.len();
            }
            out.push_str(line);
            continue;
        };
        let mut scaffold = String::from(line);
        while let Some(next) = lines.next_if(|next| next.starts_with("#  ")) {
            scaffold.push_str(next);
        }
        if keep(id, &scaffold) {
            out.push_str(&scaffold);
        } else if let Some(entry) = current.get(id) {
            out.push_str(entry);
        } else {
            out.truncate(notes_start);
            removed = true;
        }
        notes_start = out.len();
    }
    if removed && out.trim().is_empty() {
        out.clear();
    }
    out
}

/// A scaffold's source text with whitespace collapsed, as the lock records it.
fn normalized_scaffold(scaffold: &str) -> String {
    let entry: String = scaffold
        .lines()
        .map(|line| line.strip_prefix('#').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n");
    let value = entry
        .split_once('=')
        .map_or(entry.as_str(), |(_, value)| value);
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What `locale resolve` did: the translations marked up to date, and the
/// ids the source does not have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    /// The messages whose stale state was cleared, by resource.
    pub resolved: Vec<(String, String)>,
    /// The ids asked for that no source file of the locale defines.
    pub unknown: Vec<String>,
}

/// Clears the stale state of the locale's translations of `ids` on purpose:
/// records the source text as it is now for each (see
/// [`lock::record_current_source`]) and removes the flag sync wrote above it.
pub fn resolve(project: &Project, tag: &str, ids: &[String]) -> Result<Resolved, SyncError> {
    let lang = Lang::parse(tag).map_err(|e| SyncError::BadTag(e.to_string()))?;
    let files = project
        .locale(&lang)
        .filter(|_| lang != project.config.source)
        .ok_or_else(|| SyncError::Unknown(tag.to_owned()))?;
    let source = project.source_locale();
    let mut done = Resolved::default();
    let mut by_resource: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for id in ids {
        let resource = source
            .files
            .iter()
            .find(|(name, file)| file.message(id).is_some() && files.file(name).is_some())
            .map(|(name, _)| name.as_str());
        match resource {
            Some(resource) => by_resource.entry(resource).or_default().push(id),
            None => done.unknown.push(id.clone()),
        }
    }
    for (resource, ids) in by_resource {
        let recorded = lock::record_current_source(project, files, resource, &ids)?;
        let target = files
            .file(resource)
            .expect("chosen above: the locale has it");
        let text = target.source();
        let mut out = String::with_capacity(text.len());
        let spans = target.entry_spans();
        out.push_str(&text[..spans.first().map_or(text.len(), |s| s.range.start)]);
        for span in &spans {
            let span_text = &text[span.range.clone()];
            match span.id {
                Some(id) if span.kind == EntryKind::Message && recorded.iter().any(|r| r == id) => {
                    out.push_str(&flag_stale(span_text, id, None));
                }
                _ => out.push_str(span_text),
            }
        }
        if out != text {
            let path = files.path_of(resource);
            fs::write(project.root.join(&path), out).map_err(io_error(&path))?;
        }
        let not_translated = ids.iter().filter(|id| !recorded.iter().any(|r| r == *id));
        done.unknown
            .extend(not_translated.map(|id| (*id).to_owned()));
        done.resolved
            .extend(recorded.into_iter().map(|id| (resource.to_owned(), id)));
    }
    Ok(done)
}

/// The entry's text with any stale flag removed, and the given one added just
/// above the id line.
fn flag_stale(span_text: &str, id: &str, stale: Option<&Stale>) -> String {
    let mut out = String::with_capacity(span_text.len() + 256);
    let mut flagged = false;
    for line in span_text.split_inclusive('\n') {
        if [STALE_MARK, WAS_MARK, NOW_MARK]
            .iter()
            .any(|mark| line.starts_with(mark))
        {
            continue;
        }
        if !flagged && is_entry_line(line, id) {
            if let Some(stale) = stale {
                out.push_str(&format!(
                    "{STALE_MARK}the source changed since this was translated: update the translation, or delete these three lines if it is still right\n\
                     {WAS_MARK}{}\n{NOW_MARK}{}\n",
                    stale.was, stale.now
                ));
            }
            flagged = true;
        }
        out.push_str(line);
    }
    out
}

fn is_entry_line(line: &str, id: &str) -> bool {
    line.strip_prefix(id)
        .is_some_and(|rest| rest.trim_start().starts_with('='))
}

/// Appends entries, each standing apart by a blank line, so that a scaffold's
/// comment never attaches to the message after it.
fn push_blocks(out: &mut String, blocks: &[String]) {
    for block in blocks {
        ensure_blank_line(out);
        out.push_str(block);
        ensure_blank_line(out);
    }
}

/// Ends `out` with a blank line (unless it is empty), so the next entry stands apart.
fn ensure_blank_line(out: &mut String) {
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    if out.ends_with('\r') {
        // A carriage return alone is text to Fluent, not a line end: a `\n`
        // after it would make it one, and change what fluent-syntax reads
        // (a line of `\r` alone at the end is read as a blank line of the
        // value before it, and reads the same before `\r\n`).
        out.push_str("\r\n");
    } else if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
}

/// The locale's lock once it records the translations import wrote, by
/// resource and id, as made from the source text now: importing a unit
/// marked translated says the translation is right for the current source,
/// and so clears a stale translation on purpose. `files` are the locale's
/// files as import writes them. `None` when the lock does not change, or the
/// locale has none (sync starts one).
pub fn record_current(
    project: &Project,
    files: &LocaleFiles,
    written: &[(String, String)],
) -> Result<Option<FileChange>, SyncError> {
    let Some((old, mut lock)) = lock::read(&project.root, files.lang())? else {
        return Ok(None);
    };
    let source = project.source_locale();
    for (resource, id) in written {
        let (Some(source_file), Some(file)) = (source.file(resource), files.file(resource)) else {
            continue;
        };
        let value = |file: &FtlFile| {
            file.entry_spans()
                .iter()
                .find(|s| s.kind == EntryKind::Message && s.id == Some(id.as_str()))
                .map(|s| normalized_value(file.source(), s))
        };
        let (Some(now), Some(translation)) = (value(source_file), value(file)) else {
            continue;
        };
        let entry = LockEntry {
            source: now,
            translation,
            flagged: false,
        };
        lock.entry(resource.clone())
            .or_default()
            .insert(id.clone(), entry);
    }
    let new = lock::text(&lock);
    Ok((new != old).then(|| FileChange {
        path: lock::path(files.lang()),
        old: Some(old),
        new,
    }))
}

/// An entry's text (its comment and lines) without the stale flag that sync
/// writes above it.
pub fn without_stale_flag(entry: &str) -> String {
    flag_stale(entry, "", None)
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> SyncError {
    let path = path.to_owned();
    move |source| SyncError::Io { path, source }
}

#[cfg(test)]
mod tests;
