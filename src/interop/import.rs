//! Import: a translated XLIFF or PO file read back, checked, and written
//! into the locale's Fluent files without touching anything else.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A unit as an imported file has it.
#[derive(Debug, Clone)]
pub(crate) struct Incoming {
    /// `common` or a letter.
    pub resource: String,
    /// The message id.
    pub id: String,
    /// The source text the file was made from.
    pub source: Content,
    /// The translation; `None` or empty when there is none.
    pub target: Option<Content>,
    /// What the file says of the translation.
    pub mark: Mark,
    /// Where the unit is in the file.
    pub location: Location,
}

/// What a file says of a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Translated (XLIFF `translated`, `final`, `signed-off` or no state; a PO
    /// entry that is not fuzzy).
    Translated,
    /// To review (XLIFF `needs-review-…`, PO `fuzzy`).
    Review,
    /// Not translated yet (XLIFF `new`, `needs-translation`...).
    New,
}

/// A unit's text as a file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Content {
    /// Fluent text (PO).
    Flat(String),
    /// Text and numbered codes (XLIFF).
    Inline(Vec<InPiece>),
}

/// A piece of XLIFF content as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InPiece {
    Text(String),
    Code { id: String, equiv: Option<String> },
    Span { id: String, content: Vec<InPiece> },
}

/// What a file to import holds: its languages and its units.
#[derive(Debug, Clone)]
pub(crate) struct Incomings {
    pub source: Option<String>,
    pub target: Option<String>,
    pub units: Vec<Incoming>,
}

/// What import does with one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// The translation is written.
    Written,
    /// The translation is unchanged and marked translated: its stale flag goes.
    Cleared,
    /// The translation is as the locale has it.
    Unchanged,
    /// The unit has no translation.
    Untranslated,
    /// The translation is not marked translated (to review, or new): left out.
    NotMarked,
    /// The file was made from an older source text: left out.
    Stale,
    /// The project has no such message, or the locale's file lacks its
    /// scaffold: left out.
    Unknown,
}

/// One unit's fate.
#[derive(Debug, Clone)]
pub struct UnitReport {
    /// `common` or a letter.
    pub resource: String,
    /// The message id.
    pub id: String,
    /// What import does with it.
    pub outcome: Outcome,
    /// Why, where it is left out.
    pub detail: String,
}

/// A problem that stops import from writing anything.
#[derive(Debug, Clone)]
pub struct UnitError {
    /// The unit's place in the imported file.
    pub location: Location,
    /// `common` or a letter.
    pub resource: String,
    /// The message id.
    pub id: String,
    /// The check's code, where a finding of check is the reason.
    pub code: Option<Code>,
    /// What is wrong.
    pub message: String,
}

/// What importing a file would do.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    /// The locale translated into.
    pub locale: String,
    /// Every unit of the file, in file order.
    pub units: Vec<UnitReport>,
    /// Problems that stop the import; nothing is written when there is one.
    pub errors: Vec<UnitError>,
    /// The files import writes (the locale's Fluent files and its lock).
    pub changes: Vec<FileChange>,
}

impl ImportPlan {
    /// How many units have `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.units.iter().filter(|u| u.outcome == outcome).count()
    }
}

/// Reads `path` (XLIFF or PO, by its name or its first characters) and works
/// out what importing it into `project` does, without writing anything.
pub fn plan_import(project: &Project, path: &Path) -> Result<ImportPlan, InteropError> {
    let bytes = read_limited(path)?;
    let text = String::from_utf8(bytes).map_err(|e| InteropError::Malformed {
        location: Location::at_offset(path, "", 0),
        message: format!(
            "not UTF-8 (byte {}): export writes UTF-8; save the file as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })?;
    plan_import_text(project, path, &text)
}

/// [`plan_import`] of a file's text held in memory (an editor's buffer, a
/// fuzzer's input): `path` names the file in errors, and its extension, or
/// else the text's first characters, says whether it is XLIFF or PO.
pub fn plan_import_text(
    project: &Project,
    path: &Path,
    text: &str,
) -> Result<ImportPlan, InteropError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let format = Format::from_path(path).unwrap_or(if text.trim_start().starts_with('<') {
        Format::Xliff
    } else {
        Format::Po
    });
    let incomings = match format {
        Format::Xliff => xliff::read(path, text)?,
        Format::Po => po::read(path, text)?,
    };
    plan(project, path, incomings)
}

pub(super) fn read_limited(path: &Path) -> Result<Vec<u8>, InteropError> {
    let io_error = |source| InteropError::Io {
        verb: "read",
        path: path.to_owned(),
        source,
    };
    let size = fs::metadata(path).map_err(io_error)?.len();
    if size > MAX_IMPORT_BYTES as u64 {
        return Err(InteropError::Usage(format!(
            "{}: {size} bytes: larger than the {MAX_IMPORT_BYTES} bytes import reads; export and import a letter at a time (--letter)",
            path.display()
        )));
    }
    fs::read(path).map_err(io_error)
}

/// An edit of a locale's file: the bytes to replace and their new text.
pub(super) struct Edit {
    pub(super) range: Range<usize>,
    pub(super) text: String,
}

pub(super) fn plan(
    project: &Project,
    path: &Path,
    incomings: Incomings,
) -> Result<ImportPlan, InteropError> {
    let source = project.source_locale();
    let Some(tag) = incomings.target.clone() else {
        return Err(InteropError::Usage(format!(
            "{}: the file does not say which language it is translated into (XLIFF: target-language; PO: the Language header)",
            path.display()
        )));
    };
    let tag = tag.replace('_', "-");
    let (files, _) = locale_files(project, &tag)?;
    if let Some(from) = &incomings.source {
        let from = from.replace('_', "-");
        if !from.eq_ignore_ascii_case(source.lang().tag()) {
            return Err(InteropError::Usage(format!(
                "{}: translated from `{from}`, but the project's source locale is `{}`",
                path.display(),
                source.lang().tag()
            )));
        }
    }
    let locale = files.lang().tag().to_owned();
    let stale: BTreeSet<(String, String)> = lock::stale_translations(project, files)?
        .into_iter()
        .map(|s| (s.resource, s.id))
        .collect();

    let mut currents: BTreeMap<String, Vec<Current>> = BTreeMap::new();
    let mut edits: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    let mut written: Vec<(String, String, Location)> = Vec::new();
    let mut units = Vec::new();
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for unit in incomings.units {
        let report = |outcome: Outcome, detail: String| UnitReport {
            resource: unit.resource.clone(),
            id: unit.id.clone(),
            outcome,
            detail,
        };
        let Some(source_file) = source.file(&unit.resource).filter(|_| {
            unit.resource == COMMON_RESOURCE || project.letter(&unit.resource).is_some()
        }) else {
            units.push(report(
                Outcome::Unknown,
                format!("the project has no letter `{}`", unit.resource),
            ));
            continue;
        };
        let current_list = currents
            .entry(unit.resource.clone())
            .or_insert_with(|| current_units(source_file, files.file(&unit.resource)));
        let Some(current) = current_list.iter().find(|c| c.id == unit.id) else {
            units.push(report(
                Outcome::Unknown,
                format!("the source has no message `{}`", unit.id),
            ));
            continue;
        };
        if !seen.insert((unit.resource.clone(), unit.id.clone())) {
            errors.push(UnitError {
                location: unit.location.clone(),
                resource: unit.resource.clone(),
                id: unit.id.clone(),
                code: None,
                message: "the file has this unit twice: keep one".into(),
            });
            continue;
        }
        let source_pieces = pieces(&current.source, current.whole);
        let target_pieces = current.target.as_ref().map(|t| pieces(t, current.whole));
        let (codes, _, _) = Codes::number(&source_pieces, target_pieces.as_deref());
        let resolve = |content: &Content| match content {
            Content::Flat(text) => Ok(text.clone()),
            Content::Inline(pieces) => codes.resolve(pieces),
        };
        let same_source = match resolve(&unit.source) {
            Ok(text) => same_text(&text, &current.source, current.whole),
            Err(_) => false,
        };
        if !same_source {
            units.push(report(
                Outcome::Stale,
                "the source text changed since this file was exported: export again and translate the new text".into(),
            ));
            continue;
        }
        let target = match unit.target.as_ref().map(resolve).transpose() {
            Ok(target) => target.filter(|t| !t.trim().is_empty()),
            Err(message) => {
                errors.push(UnitError {
                    location: unit.location.clone(),
                    resource: unit.resource.clone(),
                    id: unit.id.clone(),
                    code: None,
                    message,
                });
                continue;
            }
        };
        let Some(target) = target else {
            units.push(report(Outcome::Untranslated, String::new()));
            continue;
        };
        let is_stale = stale.contains(&(unit.resource.clone(), unit.id.clone()));
        let unchanged = current
            .target
            .as_ref()
            .is_some_and(|t| same_text(&target, t, current.whole));
        match unit.mark {
            Mark::Translated => {}
            Mark::Review | Mark::New if unchanged => {
                units.push(report(Outcome::Unchanged, String::new()));
                continue;
            }
            Mark::Review => {
                units.push(report(
                    Outcome::NotMarked,
                    "marked for review, not translated: mark it translated to import it".into(),
                ));
                continue;
            }
            Mark::New => {
                units.push(report(
                    Outcome::NotMarked,
                    "marked as not translated: mark it translated to import it".into(),
                ));
                continue;
            }
        }
        if unchanged && !is_stale {
            units.push(report(Outcome::Unchanged, String::new()));
            continue;
        }
        let Some(file) = files.file(&unit.resource) else {
            units.push(report(
                Outcome::Unknown,
                format!(
                    "{} does not exist: run `letterkit locale sync {locale}`, then import again",
                    files.path_of(&unit.resource).display()
                ),
            ));
            continue;
        };
        let new_entry = entry_text(&unit.id, &target, current.whole);
        if let Err(message) = parses_alone(&unit.id, &new_entry) {
            errors.push(UnitError {
                location: unit.location.clone(),
                resource: unit.resource.clone(),
                id: unit.id.clone(),
                code: Some(Code::SyntaxError),
                message,
            });
            continue;
        }
        let Some(edit) = edit_for(file, &unit.id, &new_entry) else {
            units.push(report(
                Outcome::Unknown,
                format!(
                    "{} has neither this message nor its commented-out scaffold: run `letterkit locale sync {locale}`, then import again",
                    file.path.display()
                ),
            ));
            continue;
        };
        edits.entry(unit.resource.clone()).or_default().push(edit);
        written.push((
            unit.resource.clone(),
            unit.id.clone(),
            unit.location.clone(),
        ));
        units.push(report(
            if unchanged {
                Outcome::Cleared
            } else {
                Outcome::Written
            },
            String::new(),
        ));
    }

    // The locale's files as they would be, checked for the written messages.
    let mut new_files: BTreeMap<String, Arc<FtlFile>> = files.files.clone();
    let mut changes = Vec::new();
    for (resource, mut file_edits) in edits {
        let file = files
            .file(&resource)
            .expect("edits are made only in files that exist");
        file_edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        let mut text = file.source().to_owned();
        for edit in file_edits {
            text.replace_range(edit.range, &edit.text);
        }
        changes.push(FileChange {
            path: files.path_of(&resource),
            old: Some(file.source().to_owned()),
            new: text.clone(),
        });
        new_files.insert(
            resource.clone(),
            Arc::new(FtlFile::parse(files.path_of(&resource), text)),
        );
    }
    if !written.is_empty() {
        let view = with_files(project, files, new_files);
        let report = check::check(&view, &[], std::slice::from_ref(&locale))
            .map_err(|e| InteropError::Usage(e.to_string()))?;
        for finding in &report.findings {
            if finding.code.default_severity() != Severity::Error
                || finding.code == Code::StaleTranslation
            {
                continue;
            }
            let Some((resource, id, location)) = written.iter().find(|(resource, id, _)| {
                finding.message_id.as_deref() == Some(id.as_str())
                    && finding.location.file.as_ref() == files.path_of(resource)
            }) else {
                continue;
            };
            errors.push(UnitError {
                location: location.clone(),
                resource: resource.clone(),
                id: id.clone(),
                code: Some(finding.code),
                message: finding.message.clone(),
            });
        }
        let view_files = view
            .locale(files.lang())
            .expect("the view has the locale it was made with");
        let written: Vec<(String, String)> = written
            .iter()
            .map(|(resource, id, _)| (resource.clone(), id.clone()))
            .collect();
        if let Some(lock) = sync::record_current(project, view_files, &written)? {
            changes.push(lock);
        }
    }
    errors.sort_by(|a, b| {
        (a.location.line, a.location.column).cmp(&(b.location.line, b.location.column))
    });
    Ok(ImportPlan {
        locale,
        units,
        errors,
        changes,
    })
}

/// Whether two unit texts are the same: exactly, or, for one-line units, as
/// Markdown reads them (lines joined).
pub(super) fn same_text(a: &str, b: &str, whole: bool) -> bool {
    if whole {
        whole_text(a).trim_end() == whole_text(b).trim_end()
    } else {
        one_line(a) == one_line(b)
    }
}

/// Whether `entry` is one message `id` to Fluent, with no syntax error.
pub(super) fn parses_alone(id: &str, entry: &str) -> Result<(), String> {
    let entry = &crate::ftl::masked(entry, &crate::ftl::unsliceable_escapes(entry));
    let resource = match fluent_syntax::parser::parse(entry.as_str()) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            let error = errors.first().map(describe_parser_error);
            return Err(format!(
                "the translation is not valid Fluent: {}",
                error.unwrap_or_else(|| "unreadable".into())
            ));
        }
    };
    match resource.body.as_slice() {
        [ast::Entry::Message(message)] if message.id.name == id => Ok(()),
        _ => Err(
            "the translation is not valid Fluent: it does not read as this one message (a line that starts at the margin, or an unescaped { or })"
                .into(),
        ),
    }
}

/// The edit that puts `entry` in place of message `id` in `file`: its lines
/// (and any stale flag above them), or its commented-out scaffold.
pub(super) fn edit_for(file: &FtlFile, id: &str, entry: &str) -> Option<Edit> {
    let text = file.source();
    let spans = file.entry_spans();
    if let Some(span) = spans
        .iter()
        .find(|s| s.kind == EntryKind::Message && s.id == Some(id))
    {
        let end = span.id_line + text[span.id_line..span.range.end].trim_end().len();
        let comment = sync::without_stale_flag(&text[span.range.start..span.id_line]);
        return Some(Edit {
            range: span.range.start..end,
            text: format!("{comment}{entry}"),
        });
    }
    // The scaffold: `# id = …` and its continuation lines `#  …`.
    for span in spans.iter().filter(|s| s.kind == EntryKind::Comment) {
        let block = &text[span.range.clone()];
        let mut offset = span.range.start;
        let mut lines = block.split_inclusive('\n').peekable();
        while let Some(line) = lines.next() {
            let start = offset;
            offset += line.len();
            if scaffold_id(line) != Some(id) {
                continue;
            }
            while let Some(next) = lines.next_if(|next| next.starts_with("#  ")) {
                offset += next.len();
            }
            let ends_line = text[..offset].ends_with('\n');
            return Some(Edit {
                range: start..offset,
                text: if ends_line {
                    format!("{entry}\n")
                } else {
                    entry.to_owned()
                },
            });
        }
    }
    None
}

/// The project with the locale's files replaced by `new_files`.
pub(super) fn with_files(
    project: &Project,
    files: &LocaleFiles,
    new_files: BTreeMap<String, Arc<FtlFile>>,
) -> Project {
    let mut new_files = Some(new_files);
    let locales = project
        .locales
        .iter()
        .map(|locale| LocaleFiles {
            settings: locale.settings.clone(),
            folder: locale.folder.clone(),
            files: if locale.lang() == files.lang() {
                new_files.take().unwrap_or_default()
            } else {
                locale.files.clone()
            },
            refused: locale.refused.clone(),
        })
        .collect();
    Project {
        root: project.root.clone(),
        config: project.config.clone(),
        letters: project.letters.clone(),
        locales,
        deferred: false,
    }
}

/// Writes what a plan changes, each file whole (through a temporary file in
/// its folder, so a file is never half written).
pub fn write(project: &Project, plan: &ImportPlan) -> Result<(), InteropError> {
    for change in &plan.changes {
        let path = project.root.join(&change.path);
        let temporary = path.with_extension("import-tmp");
        let io_error = |source| InteropError::Io {
            verb: "write",
            path: change.path.clone(),
            source,
        };
        fs::write(&temporary, &change.new).map_err(io_error)?;
        fs::rename(&temporary, &path).map_err(io_error)?;
    }
    Ok(())
}

/// The location of byte `offset` of an imported file.
pub(crate) fn location(path: &Path, text: &str, offset: usize) -> Location {
    Location::at_offset(path, text, offset.min(text.len()))
}
