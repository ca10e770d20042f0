//! Loading: reads `letterkit.toml`, every `content/<letter>/letter.toml` and every
//! locale's Fluent files into one [`Project`] that build, check and every renderer
//! share. Each Fluent file is parsed once, here.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;
use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::config::{CONFIG_FILE, Lang, LocaleSettings, ProjectConfig, RawConfig};
use crate::letter::{Block, Date, Letter, Recipient, Signatory, Source};
use crate::location::{LineIndex, Location, offset_in};

/// The Fluent resource that holds the page chrome shared by every letter.
pub const COMMON_RESOURCE: &str = "common";

/// The project folder holding one folder per letter.
pub const CONTENT_DIR: &str = "content";

/// The project folder holding one folder of Fluent files per locale.
pub const LOCALES_DIR: &str = "locales";

/// The file describing a letter's structure, in the letter's folder.
pub const LETTER_FILE: &str = "letter.toml";

/// Why a project could not be loaded. Each variant names the file and, where
/// known, the line and column.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file or folder could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// No `letterkit.toml` in the folder or any folder above it.
    #[error("no {CONFIG_FILE} in {} or any folder above it", dir.display())]
    NoProject {
        /// Where the search started.
        dir: PathBuf,
    },
    /// A TOML file is malformed or has a field of the wrong type or an unknown field.
    #[error("{location}: {message}")]
    Toml {
        /// Where the problem is.
        location: Location,
        /// What the TOML reader said.
        message: String,
    },
    /// A file is refused at a position (a Fluent file nested too deeply).
    #[error("{location}: {message}")]
    Refused {
        /// Where.
        location: Location,
        /// Why, and what to do.
        message: String,
    },
    /// A file is well-formed but its content is refused.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// A file the source locale must have is missing.
    #[error("{}: missing: the source locale `{lang}` needs this file", path.display())]
    MissingSourceFile {
        /// The file that should exist.
        path: PathBuf,
        /// The source locale.
        lang: Lang,
    },
    /// The letter (or the page chrome) needs a message the source locale lacks.
    #[error("{location}: message `{id}` is needed by {needed_by} but the source locale's {} does not define it", path.display())]
    MissingSourceMessage {
        /// Where it is needed: in `letter.toml`, or the source file for the chrome.
        location: Box<Location>,
        /// The source locale's file that should define it.
        path: PathBuf,
        /// The message id.
        id: String,
        /// What needs it: the letter, or the page around every letter.
        needed_by: &'static str,
    },
}

/// One parsed Fluent file.
#[derive(Debug)]
pub struct FtlFile {
    /// The file, relative to the project folder; every location in the file
    /// shares it.
    pub path: Arc<Path>,
    /// The parsed resource (what parsed; junk is kept as junk entries).
    pub resource: FluentResource,
    /// Every syntax error the parser recovered from.
    pub errors: Vec<ParserError>,
    /// Where each line starts, made when a location is first asked for: a
    /// build asks for none.
    lines: OnceLock<LineIndex>,
    /// Words in each message's value, counted when first asked for: check
    /// and status ask for a source file's once per locale.
    words: OnceLock<BTreeMap<String, usize>>,
}

impl FtlFile {
    /// Parses `text`, keeping every error; never fails.
    pub fn parse(path: PathBuf, text: String) -> Self {
        let (resource, errors) = match FluentResource::try_new(text) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        FtlFile {
            path: path.into(),
            resource,
            errors,
            lines: OnceLock::new(),
            words: OnceLock::new(),
        }
    }

    /// Words in each message's value as written in the file, by id; the
    /// attributes are left out (a message with attributes alone has none).
    pub fn words(&self) -> &BTreeMap<String, usize> {
        self.words.get_or_init(|| {
            let text = self.source();
            self.entry_spans()
                .into_iter()
                .filter_map(|span| {
                    let id = span.id?;
                    let (_, value) = text[span.id_line..span.range.end].split_once('=')?;
                    // An indented line cannot start with `.` but as an
                    // attribute, and attributes come after the value.
                    let words = value
                        .lines()
                        .take_while(|l| !l.trim_start().starts_with('.'))
                        .filter(|l| !l.trim_start().starts_with('#'))
                        .flat_map(str::split_whitespace)
                        .count();
                    Some((id.to_owned(), words))
                })
                .collect()
        })
    }

    /// Words in the value of message `id`, as written.
    pub fn words_of(&self, id: &str) -> usize {
        self.words().get(id).copied().unwrap_or(0)
    }

    /// Parses `text` as [`FtlFile::parse`] does, refusing a file too large
    /// ([`MAX_FTL_BYTES`]), too deeply nested ([`MAX_PLACEABLE_NESTING`]) or
    /// with too many entries ([`MAX_FTL_ENTRIES`]) to handle in bounded time
    /// and stack. Loading reads every Fluent
    /// file through this; it also serves callers that hold Fluent text in
    /// memory (a fuzzer, an editor).
    pub fn parse_checked(path: PathBuf, text: String) -> Result<Self, LoadError> {
        check_limits(&path, &text)?;
        let file = Self::parse(path, text);
        let entries = file.resource.entries().count();
        if entries > MAX_FTL_ENTRIES {
            return Err(LoadError::Invalid {
                path: file.path.to_path_buf(),
                message: format!(
                    "the file has {entries} entries; letterkit reads Fluent files of at most {MAX_FTL_ENTRIES}: split it"
                ),
            });
        }
        Ok(file)
    }

    /// The file's text.
    pub fn source(&self) -> &str {
        self.resource.source()
    }

    /// The messages the file defines, with the location of each id, in file order.
    pub fn messages(&self) -> impl Iterator<Item = (&ast::Message<&str>, Location)> {
        self.resource.entries().filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some((message, self.location_of(message.id.name))),
            _ => None,
        })
    }

    /// The messages the file defines, in file order, without working out
    /// where each is ([`FtlFile::location_of`] its id does).
    pub fn message_defs(&self) -> impl Iterator<Item = &ast::Message<&str>> {
        self.resource.entries().filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message),
            _ => None,
        })
    }

    /// The message `id`, if this file defines it (its first definition).
    pub fn message(&self, id: &str) -> Option<&ast::Message<&str>> {
        self.resource.entries().find_map(|entry| match entry {
            ast::Entry::Message(message) if message.id.name == id => Some(message),
            _ => None,
        })
    }

    /// The location of a slice of this file's text (an id, a value), or its start.
    pub fn location_of(&self, slice: &str) -> Location {
        match offset_in(self.source(), slice) {
            Some(offset) => self.location_of_span(offset..offset + slice.len()),
            None => Location::start_of(Arc::clone(&self.path)),
        }
    }

    /// The location of a byte range of this file's text.
    pub fn location_of_span(&self, span: Range<usize>) -> Location {
        self.lines
            .get_or_init(|| LineIndex::new(self.source()))
            .span(&self.path, self.source(), span)
    }

    /// Where the commented-out source entry of an untranslated message
    /// (`# id = ...`, as `locale add` and `locale sync` write it) is.
    pub fn location_of_scaffold(&self, id: &str) -> Option<Location> {
        let source = self.source();
        let bytes = source.as_bytes();
        // Only a line that starts `# id` can be one: found by searching for it.
        let start = format!("# {id}");
        memchr::memmem::find_iter(bytes, start.as_bytes())
            .filter(|&at| at == 0 || bytes[at - 1] == b'\n')
            .find(|&at| {
                let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n + 1);
                crate::sync::scaffold_id(&source[at..end]) == Some(id)
            })
            .map(|at| self.location_of_span(at..at))
    }

    /// Where the entry after message `id` starts: where a missing message
    /// belongs when the one before it in the source is `id`.
    pub fn location_after(&self, id: &str) -> Location {
        let source = self.source();
        let offsets: Vec<usize> = self
            .resource
            .entries()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => offset_in(source, m.id.name),
                ast::Entry::Term(t) => offset_in(source, t.id.name).map(|o| o.saturating_sub(1)),
                _ => None,
            })
            .collect();
        let after = self
            .message(id)
            .and_then(|m| offset_in(source, m.id.name))
            .and_then(|start| offsets.iter().find(|&&o| o > start).copied());
        let offset = after.unwrap_or(source.len());
        self.location_of_span(offset..offset)
    }
}

/// What an entry of a Fluent file is, for editing the file as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A message, with or without a value.
    Message,
    /// A term (`-name = ...`).
    Term,
    /// A standalone comment (`#`).
    Comment,
    /// A group comment (`##`) or resource comment (`###`).
    Heading,
    /// Text the parser could not read.
    Junk,
}

/// One entry of a Fluent file as text: from the start of the line where it
/// begins (its attached comment, if any) to where the next entry begins, so
/// that the spans of a file, in order, cover all of it after the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySpan<'f> {
    /// What the entry is.
    pub kind: EntryKind,
    /// The message or term id, without the leading `-` of a term.
    pub id: Option<&'f str>,
    /// Where the id's line starts (the entry's start when it has no comment).
    pub id_line: usize,
    /// The byte range in the file.
    pub range: Range<usize>,
    /// The attached comment's lines, or a standalone comment's.
    pub comment: Vec<&'f str>,
}

impl FtlFile {
    /// Every entry of the file as a text span, in file order. Parses the file
    /// again with comments, which the runtime parse behind rendering drops.
    pub fn entry_spans(&self) -> Vec<EntrySpan<'_>> {
        let source = self.source();
        let full = match fluent_syntax::parser::parse(source) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        let line_start = |offset: usize| source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let mut spans: Vec<EntrySpan<'_>> = Vec::new();
        for entry in &full.body {
            let (kind, id, comment): (EntryKind, Option<&str>, Vec<&str>) = match entry {
                ast::Entry::Message(m) => (
                    EntryKind::Message,
                    Some(m.id.name),
                    m.comment
                        .as_ref()
                        .map(|c| c.content.clone())
                        .unwrap_or_default(),
                ),
                ast::Entry::Term(t) => (
                    EntryKind::Term,
                    Some(t.id.name),
                    t.comment
                        .as_ref()
                        .map(|c| c.content.clone())
                        .unwrap_or_default(),
                ),
                ast::Entry::Comment(c) => (EntryKind::Comment, None, c.content.clone()),
                ast::Entry::GroupComment(c) | ast::Entry::ResourceComment(c) => {
                    (EntryKind::Heading, None, c.content.clone())
                }
                ast::Entry::Junk { content } => (EntryKind::Junk, None, vec![*content]),
            };
            let anchor = id.or(comment.first().copied());
            let Some(id_offset) = anchor.and_then(|a| offset_in(source, a)) else {
                continue;
            };
            let id_line = line_start(id_offset);
            let start = comment
                .first()
                .filter(|_| id.is_some())
                .and_then(|first| offset_in(source, first))
                .map_or(id_line, line_start);
            if let Some(previous) = spans.last_mut() {
                previous.range.end = start;
            }
            spans.push(EntrySpan {
                kind,
                id,
                id_line,
                range: start..source.len(),
                comment,
            });
        }
        spans
    }
}

/// One locale's Fluent files, by resource name (`common` or a letter's name).
#[derive(Debug)]
pub struct LocaleFiles {
    /// The locale's settings from `letterkit.toml`.
    pub settings: LocaleSettings,
    /// The folder holding its files, relative to the project (`locales/<tag>`).
    pub folder: PathBuf,
    /// The `.ftl` files found in `locales/<tag>/`, by file stem; shared, so
    /// that a letter's view holds the same parse of `common.ftl` as the
    /// project.
    pub files: BTreeMap<String, Arc<FtlFile>>,
}

impl LocaleFiles {
    /// The locale's language.
    pub fn lang(&self) -> &Lang {
        &self.settings.lang
    }

    /// The file for resource `name`, if present.
    pub fn file(&self, name: &str) -> Option<&FtlFile> {
        self.files.get(name).map(|file| &**file)
    }

    /// Where the file for resource `name` is or would be.
    pub fn path_of(&self, name: &str) -> PathBuf {
        self.folder.join(format!("{name}.ftl"))
    }
}

/// A loaded project: configuration, letters and every locale's files.
#[derive(Debug)]
pub struct Project {
    /// The project folder (holding `letterkit.toml`).
    pub root: PathBuf,
    /// The validated configuration.
    pub config: ProjectConfig,
    /// Every letter, by folder name order.
    pub letters: Vec<Letter>,
    /// Every configured locale's files, in configuration order. A project
    /// loaded by [`Project::load_deferred`] holds only the source locale's
    /// files and the other locales' `common.ftl` here; a letter's view
    /// ([`Project::letter_view`]), `common.ftl` and the letter's file.
    pub locales: Vec<LocaleFiles>,
    /// Whether the other locales' letter files are left for
    /// [`Project::read_locale`] to read.
    pub deferred: bool,
}

impl Project {
    /// Finds the project: `dir` itself or the nearest folder above it that holds
    /// `letterkit.toml`.
    pub fn discover(dir: &Path) -> Result<PathBuf, LoadError> {
        let absolute = fs::canonicalize(dir).map_err(|source| LoadError::Io {
            path: dir.to_owned(),
            source,
        })?;
        absolute
            .ancestors()
            .find(|candidate| candidate.join(CONFIG_FILE).is_file())
            .map(Path::to_path_buf)
            .ok_or_else(|| LoadError::NoProject {
                dir: dir.to_owned(),
            })
    }

    /// Loads the project in `root`.
    pub fn load(root: &Path) -> Result<Project, LoadError> {
        Self::load_with(root, false)
    }

    /// Loads the project in `root` with the source locale's files and each
    /// other locale's `common.ftl` (the language names every page lists):
    /// the rest of a locale is read by [`Project::read_locale`] when it is
    /// needed, so that a command going through the locales one by one holds
    /// a few in memory and not the whole archive.
    pub fn load_deferred(root: &Path) -> Result<Project, LoadError> {
        Self::load_with(root, true)
    }

    /// Every file of the locale `lang`, read from disk as [`Project::load`]
    /// reads it; `None` if the project has no such locale.
    pub fn read_locale(&self, lang: &Lang) -> Option<Result<LocaleFiles, LoadError>> {
        let settings = self.config.locales.iter().find(|l| &l.lang == lang)?;
        Some(load_locale(&self.root, settings, None))
    }

    /// The project as one letter sees it: that letter alone, and of every
    /// locale `common.ftl` (shared with this project) and the letter's file
    /// (shared, or read from disk where this project was loaded deferred).
    /// Building a project loaded deferred renders each letter from its view,
    /// so that only the letters being rendered are in memory. `None` if there
    /// is no such letter.
    pub fn letter_view(&self, name: &str) -> Option<Result<Project, LoadError>> {
        let letter = self.letter(name)?.clone();
        // `common.ftl` as loaded; the letter's file as loaded, or read now.
        let locales = self
            .locales
            .iter()
            .map(|loaded| {
                let mut view = match loaded.files.get(name) {
                    Some(file) => LocaleFiles {
                        settings: loaded.settings.clone(),
                        folder: loaded.folder.clone(),
                        files: BTreeMap::from([(name.to_owned(), Arc::clone(file))]),
                    },
                    None => load_locale(&self.root, &loaded.settings, Some(&[name]))?,
                };
                if let Some(common) = loaded.files.get(COMMON_RESOURCE) {
                    view.files
                        .insert(COMMON_RESOURCE.to_owned(), Arc::clone(common));
                }
                Ok(view)
            })
            .collect::<Result<Vec<_>, _>>();
        Some(locales.map(|locales| Project {
            root: self.root.clone(),
            config: self.config.clone(),
            letters: vec![letter],
            locales,
            deferred: false,
        }))
    }

    fn load_with(root: &Path, deferred: bool) -> Result<Project, LoadError> {
        let config_text = read_text(&root.join(CONFIG_FILE), Path::new(CONFIG_FILE))?;
        let raw: RawConfig = parse_toml(Path::new(CONFIG_FILE), &config_text)?;
        let config = ProjectConfig::validate(raw).map_err(|error| LoadError::Toml {
            location: Location::at_span(CONFIG_FILE, &config_text, error.span),
            message: error.message,
        })?;

        let letters = load_letters(root)?;
        // Locales are read and parsed in parallel; the first error in
        // configuration order is reported, as a serial load would.
        let locales = config
            .locales
            .par_iter()
            .map(|settings| {
                let only =
                    (deferred && settings.lang != config.source).then_some(&[COMMON_RESOURCE][..]);
                load_locale(root, settings, only)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;

        let project = Project {
            root: root.to_owned(),
            config,
            letters,
            locales,
            deferred,
        };
        project.require_source_messages()?;
        Ok(project)
    }

    /// The files of the locale `lang`.
    pub fn locale(&self, lang: &Lang) -> Option<&LocaleFiles> {
        self.locales.iter().find(|l| l.lang() == lang)
    }

    /// The source locale's files.
    pub fn source_locale(&self) -> &LocaleFiles {
        self.locale(&self.config.source)
            .expect("validation ensures the source locale is configured")
    }

    /// The letter named `name`.
    pub fn letter(&self, name: &str) -> Option<&Letter> {
        self.letters.iter().find(|l| l.name == name)
    }

    /// The letters and locales named (all of them where a list is empty), each
    /// once, in project order; an error names what is not in the project.
    pub fn select(
        &self,
        letters: &[String],
        locales: &[String],
    ) -> Result<(Vec<&Letter>, Vec<Lang>), String> {
        for name in letters {
            if self.letter(name).is_none() {
                return Err(format!(
                    "no letter `{name}` in this project (letters: {})",
                    self.letters
                        .iter()
                        .map(|l| l.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        for tag in locales {
            if self.config.locale(tag).is_none() {
                return Err(format!(
                    "no locale `{tag}` in {CONFIG_FILE} (locales: {})",
                    self.locales
                        .iter()
                        .map(|l| l.lang().tag())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        let chosen_letters: Vec<&Letter> = self
            .letters
            .iter()
            .filter(|l| letters.is_empty() || letters.contains(&l.name))
            .collect();
        if chosen_letters.is_empty() {
            return Err("the project has no letters in content/".into());
        }
        let langs = self
            .locales
            .iter()
            .map(LocaleFiles::lang)
            .filter(|l| locales.is_empty() || locales.iter().any(|t| t == l.tag()))
            .cloned()
            .collect();
        Ok((chosen_letters, langs))
    }

    /// Every message the source locale must define: the letter's and the chrome's.
    fn require_source_messages(&self) -> Result<(), LoadError> {
        let source = self.source_locale();
        let require =
            |resource: &str, ids: &[&str], needed_by: &'static str, needed_at: Option<&Path>| {
                let path = source.path_of(resource);
                let Some(file) = source.file(resource) else {
                    return Err(LoadError::MissingSourceFile {
                        path,
                        lang: source.lang().clone(),
                    });
                };
                match ids
                    .iter()
                    .find(|id| file.message(id).and_then(|m| m.value.as_ref()).is_none())
                {
                    Some(id) => Err(LoadError::MissingSourceMessage {
                        location: Box::new(
                            needed_at
                                .and_then(|file| locate_quoted(&self.root, file, id))
                                .unwrap_or_else(|| Location::file_start(&path)),
                        ),
                        path,
                        id: (*id).to_owned(),
                        needed_by,
                    }),
                    None => Ok(()),
                }
            };
        require(
            COMMON_RESOURCE,
            crate::localize::CHROME_MESSAGES,
            "the page around every letter",
            None,
        )?;
        for letter in &self.letters {
            let letter_file = letter_file_path(&letter.name);
            require(
                &letter.name,
                &letter.message_ids(),
                "the letter",
                Some(&letter_file),
            )?;
        }
        Ok(())
    }
}

/// Where the string `"id"` first appears in a project file.
fn locate_quoted(root: &Path, file: &Path, id: &str) -> Option<Location> {
    let text = fs::read_to_string(root.join(file)).ok()?;
    let start = text.find(&format!("\"{id}\""))? + 1;
    Some(Location::at_span(file, &text, start..start + id.len()))
}

/// The largest Fluent file letterkit reads: a letter's file is a few
/// kilobytes, a large application's a few hundred. Larger input is refused
/// before it is read, so that no file makes a build or check slow.
pub const MAX_FTL_BYTES: usize = 1024 * 1024;

/// The most messages, terms and comments a Fluent file may hold: a letter has
/// tens of messages, a large application's file hundreds.
pub const MAX_FTL_ENTRIES: usize = 10_000;

/// How deep placeables may nest (`{ { ... } }`); real messages use two or three.
/// The Fluent parser recurses per level, so a hostile file could exhaust the stack.
pub const MAX_PLACEABLE_NESTING: usize = 32;

/// Reads and parses a Fluent file, refusing one too large before reading it.
fn read_ftl(path: &Path, shown: &Path) -> Result<FtlFile, LoadError> {
    if let Ok(metadata) = fs::metadata(path)
        && metadata.len() > MAX_FTL_BYTES as u64
    {
        return Err(too_large(shown, metadata.len()));
    }
    let text = read_text(path, shown)?;
    FtlFile::parse_checked(shown.to_owned(), text)
}

fn too_large(path: &Path, bytes: u64) -> LoadError {
    LoadError::Invalid {
        path: path.to_owned(),
        message: format!(
            "the file has {bytes} bytes; letterkit reads Fluent files of at most {MAX_FTL_BYTES} bytes: split it"
        ),
    }
}

/// Refuses a Fluent file too large or too deeply nested to parse safely.
fn check_limits(path: &Path, text: &str) -> Result<(), LoadError> {
    if text.len() > MAX_FTL_BYTES {
        return Err(too_large(path, text.len() as u64));
    }
    // Braces, quotes and backslashes are ASCII, and no byte of a multi-byte
    // UTF-8 character is ASCII: the bytes can be read one by one, and only
    // braces and quotes need looking at.
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut read_to = 0;
    let marks = |b: u8, _: u8, _: u8| (b == b'{') | (b == b'}') | (b == b'"');
    for at in crate::scan::offsets_where(bytes, marks) {
        if at < read_to {
            continue;
        }
        match bytes[at] {
            b'{' => {
                depth += 1;
                if depth > MAX_PLACEABLE_NESTING {
                    return Err(LoadError::Refused {
                        location: Location::at_offset(path, text, at),
                        message: format!(
                            "placeables nested more than {MAX_PLACEABLE_NESTING} deep; the file is not read"
                        ),
                    });
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            // Inside a placeable, braces in a string literal are text: it
            // ends at its closing quote or at the end of the line.
            b'"' if depth > 0 => read_to = end_of_string_literal(bytes, at) + 1,
            _ => {}
        }
    }
    Ok(())
}

/// Where the string literal opened by the quote at `open` ends: its closing
/// quote, the end of its line, or the last byte.
fn end_of_string_literal(bytes: &[u8], open: usize) -> usize {
    let mut escaped = false;
    for (at, &b) in bytes.iter().enumerate().skip(open + 1) {
        match b {
            b'\\' if !escaped => escaped = true,
            b'"' if !escaped => return at,
            b'\n' => return at,
            _ => escaped = false,
        }
    }
    bytes.len().saturating_sub(1).max(open)
}

/// `content/<letter>/letter.toml`.
pub fn letter_file_path(name: &str) -> PathBuf {
    Path::new(CONTENT_DIR).join(name).join(LETTER_FILE)
}

/// `locales/<tag>/<resource>.ftl`.
pub fn locale_file_path(lang: &Lang, resource: &str) -> PathBuf {
    Path::new(LOCALES_DIR)
        .join(lang.tag())
        .join(format!("{resource}.ftl"))
}

/// A text file's content, without the byte order mark some editors write;
/// bytes that are not UTF-8 are refused at their line and column.
fn read_text(path: &Path, shown: &Path) -> Result<String, LoadError> {
    let bytes = fs::read(path).map_err(|source| LoadError::Io {
        path: shown.to_owned(),
        source,
    })?;
    // A vectorised check first: most files are valid, and std's check is
    // slow on text that is not ASCII. The copy costs less than it saves.
    let mut text = match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => String::from_utf8(bytes),
    }
    .map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).expect("valid up to here");
        LoadError::Refused {
            location: Location::at_offset(shown, valid, valid.len()),
            message: "this file is not UTF-8: save it as UTF-8 (without converting the characters to `?`)".into(),
        }
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    toml::from_str(text).map_err(|error| {
        let location = match error.span() {
            Some(span) => Location::at_span(path, text, span),
            None => Location::file_start(path),
        };
        LoadError::Toml {
            location,
            message: error.message().trim_end().to_owned(),
        }
    })
}

// `letter.toml` as written. The doc comments below are also the descriptions
// editors show from the JSON Schema (`letterkit schema letter`).
/// A letter's structure and data. Every translatable text is a Fluent message in
/// `locales/<locale>/<letter>.ftl`; the values that name one are message ids.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "letter.toml")]
pub(crate) struct RawLetter {
    /// The date the letter bears, as a TOML date (`2023-01-06`); each locale writes it its own way.
    #[schemars(schema_with = "crate::schema::date")]
    date: toml::Spanned<toml::value::Datetime>,
    /// Who the letter is addressed to.
    recipient: Recipient,
    /// The id of the message holding the subject line, also the page's main heading.
    subject: String,
    /// The id of the message holding the greeting, such as "Dear President Biden,".
    salutation: String,
    /// The body's blocks, in order: paragraphs and lists.
    body: Vec<Block>,
    /// The id of the message holding the closing, such as "Sincerely,".
    closing: String,
    /// Who signed the letter.
    #[serde(default)]
    signatories: Vec<Signatory>,
    /// The documents the letter's notes cite.
    #[serde(default)]
    sources: Vec<Source>,
}

fn load_letters(root: &Path) -> Result<Vec<Letter>, LoadError> {
    let mut names = visible_folders(&root.join(CONTENT_DIR), Path::new(CONTENT_DIR))?;
    refuse_outside(root, Path::new(CONTENT_DIR))?;
    names.sort();
    names
        .par_iter()
        .map(|name| load_letter(root, name))
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

/// The names of the folders in `dir` that are not hidden (`.git`), in the
/// order the system lists them; `shown` names `dir` in an error.
fn visible_folders(dir: &Path, shown: &Path) -> Result<Vec<String>, LoadError> {
    let io_error = |source| LoadError::Io {
        path: shown.to_owned(),
        source,
    };
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_error)? {
        let entry = entry.map_err(io_error)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && entry.path().is_dir() {
            names.push(name);
        }
    }
    Ok(names)
}

fn load_letter(root: &Path, name: &str) -> Result<Letter, LoadError> {
    let shown = letter_file_path(name);
    let invalid = |message: String| LoadError::Invalid {
        path: shown.clone(),
        message,
    };
    if !is_safe_name(name) {
        return Err(invalid(format!(
            "the letter's folder name `{name}` must use only a-z, 0-9 and `-`"
        )));
    }
    refuse_outside(root, &shown)?;
    let text = read_text(&root.join(&shown), &shown)?;
    let raw: RawLetter = parse_toml(&shown, &text)?;
    // Where a value of the file is, for errors about it: the span of the
    // first place its text is written as a TOML string, else the file.
    let refused_at = |span: Option<Range<usize>>, message: String| match span {
        Some(span) => LoadError::Refused {
            location: Location::at_span(&shown, &text, span),
            message,
        },
        None => invalid(message),
    };
    let quoted = |value: &str| {
        ['"', '\'']
            .iter()
            .find_map(|q| text.find(&format!("{q}{value}{q}")))
            .map(|start| start + 1..start + 1 + value.len())
    };
    let date = match (
        raw.date.get_ref().date,
        raw.date.get_ref().time,
        raw.date.get_ref().offset,
    ) {
        (Some(d), None, None) => Date {
            year: i32::from(d.year),
            month: d.month,
            day: d.day,
        },
        _ => {
            return Err(refused_at(
                Some(raw.date.span()),
                "date must be a date alone, such as 2023-01-06".into(),
            ));
        }
    };
    let data = raw
        .recipient
        .address
        .iter()
        .chain(raw.signatories.iter().map(|s| &s.name))
        .chain(raw.sources.iter().filter_map(|s| s.cited_title.as_ref()));
    for text in data {
        if let Some(c) = text
            .chars()
            .find(|c| c.is_control() || crate::markdown::is_bidi_control(*c))
        {
            return Err(invalid(format!(
                "`{}` contains the invisible control character U+{:04X}; remove it",
                text.escape_debug(),
                u32::from(c)
            )));
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for source in &raw.sources {
        if !is_safe_name(&source.id) {
            return Err(refused_at(
                quoted(&source.id),
                format!("source id `{}` must use only a-z, 0-9 and `-`", source.id),
            ));
        }
        if !seen.insert(source.id.as_str()) {
            let second = quoted(&source.id).and_then(|first| {
                let rest = &text[first.end..];
                rest.find(&format!("\"{}\"", source.id))
                    .map(|at| first.end + at + 1..first.end + at + 1 + source.id.len())
            });
            return Err(refused_at(
                second,
                format!("source id `{}` is used twice", source.id),
            ));
        }
        if crate::markdown::safe_url(&source.url).is_none() {
            return Err(refused_at(
                quoted(&source.url),
                format!(
                    "source `{}`: `{}` is not an https, http or mailto address",
                    source.id,
                    source.url.escape_debug()
                ),
            ));
        }
        if let Some(tag) = &source.cited_title_lang {
            Lang::parse(tag)
                .map_err(|e| refused_at(quoted(tag), format!("source `{}`: {e}", source.id)))?;
        }
    }
    Ok(Letter {
        name: name.to_owned(),
        date,
        recipient: raw.recipient,
        subject: raw.subject,
        salutation: raw.salutation,
        body: raw.body,
        closing: raw.closing,
        signatories: raw.signatories,
        sources: raw.sources,
    })
}

/// Refuses a file or folder of the project (`shown`, relative to `root`) that
/// a symbolic link puts outside the project folder: letterkit reads and
/// writes inside the project only, so a link cannot make `check` read or
/// `locale sync` write anywhere else. What does not exist is left to the caller.
fn refuse_outside(root: &Path, shown: &Path) -> Result<(), LoadError> {
    let (Ok(root), Ok(real)) = (fs::canonicalize(root), fs::canonicalize(root.join(shown))) else {
        return Ok(());
    };
    if real.starts_with(&root) {
        return Ok(());
    }
    Err(LoadError::Invalid {
        path: shown.to_owned(),
        message: format!(
            "this is a link to {}, outside the project; letterkit reads and writes only inside the project folder: copy the files in instead",
            real.display()
        ),
    })
}

/// Whether `name` is safe as a folder name and URL segment: `a-z`, `0-9`, `-`,
/// not starting with `-`, at most 100 characters.
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads the locale's files, or only those of the resources in `only`.
fn load_locale(
    root: &Path,
    settings: &LocaleSettings,
    only: Option<&[&str]>,
) -> Result<LocaleFiles, LoadError> {
    let folder = Path::new(LOCALES_DIR).join(settings.lang.tag());
    let mut found = Vec::new();
    refuse_outside(root, &folder)?;
    // A few resources are looked up by name, not by listing the folder.
    if let Some(only) = only {
        for stem in only {
            let shown = folder.join(format!("{stem}.ftl"));
            let path = root.join(&shown);
            if path.is_file() {
                refuse_outside(root, &shown)?;
                found.push(((*stem).to_owned(), path, shown));
            }
        }
    }
    let listing = match only {
        Some(_) => Err(io::ErrorKind::NotFound.into()),
        None => fs::read_dir(root.join(&folder)),
    };
    match listing {
        Ok(entries) => {
            for entry in entries {
                let entry = entry.map_err(|source| LoadError::Io {
                    path: folder.clone(),
                    source,
                })?;
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "ftl") || !path.is_file() {
                    continue;
                }
                let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                    continue;
                };
                let shown = folder.join(entry.file_name());
                refuse_outside(root, &shown)?;
                found.push((stem.to_owned(), path, shown));
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(LoadError::Io {
                path: folder,
                source,
            });
        }
    }
    // Sorted, so that the first error reported does not depend on the order
    // the system lists the folder in.
    found.sort();
    let parsed = found
        .into_par_iter()
        .map(|(stem, path, shown)| Ok((stem, Arc::new(read_ftl(&path, &shown)?))))
        .collect::<Vec<_>>();
    Ok(LocaleFiles {
        settings: settings.clone(),
        folder,
        files: parsed.into_iter().collect::<Result<_, _>>()?,
    })
}

/// A Fluent tree laid out as `<dir>/<locale>/**/*.ftl` (a web app's
/// strings, say): the source locale's files, loaded, and the other locale
/// folders, each loaded when asked for, so that a check holds only the few
/// it is working on. Resources are named by their path below the locale
/// folder, without `.ftl`, with `/` separators; paths are shown as `dir` plus
/// the file's path.
#[derive(Debug)]
pub struct Tree {
    /// The source locale's files.
    pub source: LocaleFiles,
    /// Every other locale folder, by folder name.
    pub locales: Vec<TreeLocale>,
}

/// A locale folder of a [`Tree`], not yet loaded.
#[derive(Debug, Clone)]
pub struct TreeLocale {
    /// The locale, read from the folder's name.
    pub lang: Lang,
    /// The folder, as paths are shown.
    pub folder: PathBuf,
}

impl TreeLocale {
    /// Reads and parses every `.ftl` file below the folder.
    pub fn load(&self) -> Result<LocaleFiles, LoadError> {
        let mut files = BTreeMap::new();
        collect_tree(&self.folder, &self.folder, &mut files)?;
        Ok(LocaleFiles {
            settings: LocaleSettings::new(self.lang.clone()),
            folder: self.folder.clone(),
            files,
        })
    }
}

/// Finds the locale folders of the tree in `dir` and loads the source
/// locale's. Folders whose names are not language tags are skipped.
pub fn load_tree(dir: &Path, source: &str) -> Result<Tree, LoadError> {
    let mut folders: Vec<(String, Lang)> = visible_folders(dir, dir)?
        .into_iter()
        .filter_map(|name| Lang::lenient(&name).map(|lang| (name, lang)))
        .collect();
    folders.sort_by(|a, b| (a.0 != source, &a.0).cmp(&(b.0 != source, &b.0)));
    if folders.first().is_none_or(|(name, _)| name != source) {
        return Err(LoadError::Invalid {
            path: dir.join(source),
            message: format!("no folder for the source locale `{source}`"),
        });
    }
    let mut locales = folders.into_iter().map(|(name, lang)| TreeLocale {
        lang,
        folder: dir.join(name),
    });
    let source = locales.next().expect("the source locale is first").load()?;
    Ok(Tree {
        source,
        locales: locales.collect(),
    })
}

fn collect_tree(
    root: &Path,
    folder: &Path,
    files: &mut BTreeMap<String, Arc<FtlFile>>,
) -> Result<(), LoadError> {
    let io_error = |source| LoadError::Io {
        path: folder.to_owned(),
        source,
    };
    let mut entries: Vec<_> = fs::read_dir(folder)
        .map_err(io_error)?
        .collect::<Result<_, _>>()
        .map_err(io_error)?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let file_type = entry.file_type().map_err(io_error)?;
        if file_type.is_dir() {
            collect_tree(root, &path, files)?;
        } else if file_type.is_file() && path.extension().is_some_and(|e| e == "ftl") {
            let relative = path.strip_prefix(root).unwrap_or(&path).with_extension("");
            let resource = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.insert(resource, Arc::new(read_ftl(&path, &path)?));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deferred_project_reads_other_locales_letter_files_when_asked() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
        let whole = Project::load(&root).unwrap();
        let deferred = Project::load_deferred(&root).unwrap();
        let es = Lang::parse("es").unwrap();
        let stems = |files: &LocaleFiles| files.files.keys().cloned().collect::<Vec<_>>();
        assert_eq!(stems(deferred.locale(&es).unwrap()), ["common"]);
        assert_eq!(
            stems(deferred.source_locale()),
            stems(whole.source_locale())
        );
        let read = deferred.read_locale(&es).unwrap().unwrap();
        assert_eq!(stems(&read), stems(whole.locale(&es).unwrap()));
        assert_eq!(
            read.file("notice").unwrap().source(),
            whole.locale(&es).unwrap().file("notice").unwrap().source()
        );
        assert!(deferred.read_locale(&Lang::parse("de").unwrap()).is_none());
    }

    #[test]
    fn message_locations_point_at_the_id() {
        let file = FtlFile::parse("x.ftl".into(), "# c\na = A\n\nbb = B\n".into());
        let found: Vec<String> = file
            .messages()
            .map(|(m, l)| format!("{} {}", m.id.name, l))
            .collect();
        assert_eq!(found, ["a x.ftl:2:1", "bb x.ftl:4:1"]);
    }

    #[test]
    fn a_scaffold_is_found_on_its_own_line_by_its_whole_id() {
        let text = "# ab = longer id\nb = B\n#a = no space\n # a = indented\n# a is prose\n# a = the scaffold\n# a = again\n";
        let file = FtlFile::parse("x.ftl".into(), text.into());
        let at = |id: &str| file.location_of_scaffold(id).map(|l| (l.line, l.column));
        assert_eq!(at("a"), Some((6, 1)));
        assert_eq!(at("ab"), Some((1, 1)));
        assert_eq!(at("b"), None);
    }

    #[test]
    fn words_are_counted_in_the_value_alone() {
        let text = "a = One two\n    three\n    .title = Not counted\nb =\n    .label = B\n";
        let file = FtlFile::parse("x.ftl".into(), text.into());
        assert_eq!((file.words_of("a"), file.words_of("b")), (3, 0));
    }

    #[test]
    fn syntax_errors_are_kept_and_the_rest_still_parses() {
        let file = FtlFile::parse("x.ftl".into(), "a = A\nb = }\nc = C\n".into());
        assert!(!file.errors.is_empty());
        assert!(file.message("a").is_some());
        assert!(file.message("c").is_some());
    }

    #[test]
    fn entry_spans_cover_the_file_from_the_first_entry() {
        let text = "### Resource\n\n# About a\na = A\n    continued\n\n## Group\n-t = T\nb = B\n";
        let file = FtlFile::parse("x.ftl".into(), text.into());
        let spans = file.entry_spans();
        let kinds: Vec<(EntryKind, Option<&str>, &str)> = spans
            .iter()
            .map(|s| (s.kind, s.id, &text[s.range.clone()]))
            .collect();
        assert_eq!(
            kinds,
            [
                (EntryKind::Heading, None, "### Resource\n\n"),
                (
                    EntryKind::Message,
                    Some("a"),
                    "# About a\na = A\n    continued\n\n"
                ),
                (EntryKind::Heading, None, "## Group\n"),
                (EntryKind::Term, Some("t"), "-t = T\n"),
                (EntryKind::Message, Some("b"), "b = B\n"),
            ]
        );
        assert_eq!(&text[spans[1].id_line..spans[1].id_line + 1], "a");
    }

    #[test]
    fn deeply_nested_or_huge_fluent_is_refused_before_parsing() {
        let deep = format!("a = {}x{}\n", "{".repeat(10_000), "}".repeat(10_000));
        let error = check_limits(Path::new("x.ftl"), &deep)
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "x.ftl:1:37: placeables nested more than 32 deep; the file is not read"
        );
        let quoted = "a = { \"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\" }\n";
        assert!(check_limits(Path::new("x.ftl"), quoted).is_ok());
        let huge = "a".repeat(MAX_FTL_BYTES + 1);
        assert!(check_limits(Path::new("x.ftl"), &huge).is_err());
    }

    #[test]
    fn nesting_is_read_past_string_literals_wherever_they_end() {
        let at = |text: &str| {
            check_limits(Path::new("x.ftl"), text)
                .err()
                .map(|e| e.to_string())
        };
        let deep = |inner: &str| format!("a = {}{inner}{}", "{".repeat(32), "}".repeat(32));
        // Braces in a literal, escaped quotes in it, and a literal cut by
        // the end of its line or of the file.
        assert_eq!(at(&deep("\"{{{\"")), None);
        assert_eq!(at(&deep("\"a\\\"{{{\"")), None);
        assert_eq!(
            at(&deep("\"a\\\\\"{")),
            Some("x.ftl:1:42: placeables nested more than 32 deep; the file is not read".into())
        );
        assert_eq!(
            at(&deep("\"{{\n{")),
            Some("x.ftl:2:1: placeables nested more than 32 deep; the file is not read".into())
        );
        assert_eq!(at(&format!("{}\"{{{{", "{".repeat(32))), None);
        // Outside a placeable a quote is text.
        assert_eq!(
            at(&format!("a = \"{}", "{".repeat(33))),
            Some("x.ftl:1:38: placeables nested more than 32 deep; the file is not read".into())
        );
        // Across the blocks the scan reads at once.
        for pad in 0..70 {
            let text = format!("{}{}", "x".repeat(pad), "{".repeat(33));
            assert_eq!(
                at(&text),
                Some(format!(
                    "x.ftl:1:{}: placeables nested more than 32 deep; the file is not read",
                    pad + 33
                )),
            );
        }
    }

    #[test]
    fn a_tree_loads_its_source_and_lists_the_other_locales_unread() {
        let dir = tempfile::tempdir().unwrap();
        for (folder, file) in [
            ("en-US", "app"),
            ("fr", "app"),
            ("de", "sub/app"),
            ("_tools", "x"),
        ] {
            let path = dir.path().join(folder).join(format!("{file}.ftl"));
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "a = A\n").unwrap();
        }
        // Unreadable, but not read until its locale is checked.
        fs::write(dir.path().join("fr/bad.ftl"), b"a = \xff\n").unwrap();
        let tree = load_tree(dir.path(), "en-US").unwrap();
        assert_eq!(tree.source.lang().tag(), "en-US");
        assert_eq!(tree.source.files.keys().collect::<Vec<_>>(), ["app"]);
        let tags: Vec<&str> = tree.locales.iter().map(|l| l.lang.tag()).collect();
        assert_eq!(tags, ["de", "fr"]);
        assert_eq!(
            tree.locales[0]
                .load()
                .unwrap()
                .files
                .keys()
                .collect::<Vec<_>>(),
            ["sub/app"]
        );
        assert!(tree.locales[1].load().is_err());
    }

    #[test]
    fn unsafe_names_are_refused() {
        for name in ["", "../x", "a/b", "A", "-x", "a b", "a\0"] {
            assert!(!is_safe_name(name), "{name:?}");
        }
        assert!(is_safe_name("us-mexico-asylum-2023"));
    }
}
