//! Checking translations: reads the loaded [`Project`] and reports every finding
//! (never only the first) with a stable code, a severity, the locale, the
//! message id, a location and a sentence a translator understands, plus the
//! coverage of every letter in every locale. It never writes output.
//!
//! Findings in an optional locale are warnings; CI fails on errors only, so it
//! refuses an incomplete or broken required locale and lets optional ones grow.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::parser::ParserError;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::{Lang, Status};
use crate::dates;
use crate::letter::Letter;
use crate::localize::{self, IssueKind, LETTER_DATE_MESSAGE};
use crate::location::Location;
use crate::markdown::MarkupIssue;
use crate::project::{COMMON_RESOURCE, FtlFile, LocaleFiles, Project};
use crate::sync;

/// What kind of problem a finding is. Each has a stable kebab-case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A Fluent file the source locale has is missing in this locale.
    MissingFile,
    /// A Fluent file that no letter uses.
    ObsoleteFile,
    /// Fluent syntax the parser could not read.
    SyntaxError,
    /// A message the source locale has is missing or has no value.
    MissingMessage,
    /// A message the source locale does not have.
    ObsoleteMessage,
    /// The same message id defined twice in one file.
    DuplicateMessage,
    /// A message that Fluent cannot format (an unknown variable or reference).
    FormatError,
    /// Raw HTML in a message; it is shown as text.
    RawHtml,
    /// A link to something other than an https, http or mailto address.
    UnsafeLink,
    /// A note reference to a source the letter does not have.
    UnknownNote,
    /// An image in a message; only its description is shown.
    Image,
    /// Neither CLDR nor the locale's `common.ftl` can write the letter's date.
    MissingDateFormat,
    /// A translation made from an older version of its source message.
    StaleTranslation,
}

impl Code {
    /// The code as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::MissingFile => "missing-file",
            Code::ObsoleteFile => "obsolete-file",
            Code::SyntaxError => "syntax-error",
            Code::MissingMessage => "missing-message",
            Code::ObsoleteMessage => "obsolete-message",
            Code::DuplicateMessage => "duplicate-message",
            Code::FormatError => "format-error",
            Code::RawHtml => "raw-html",
            Code::UnsafeLink => "unsafe-link",
            Code::UnknownNote => "unknown-note",
            Code::Image => "image",
            Code::MissingDateFormat => "missing-date-format",
            Code::StaleTranslation => "stale-translation",
        }
    }

    /// The severity in a required locale.
    fn severity(self) -> Severity {
        match self {
            Code::ObsoleteFile
            | Code::ObsoleteMessage
            | Code::Image
            | Code::MissingDateFormat
            | Code::StaleTranslation => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the check.
    Error,
    /// Reported; does not fail the check.
    Warning,
}

impl Severity {
    /// The word as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The locale's tag.
    pub locale: String,
    /// The message concerned, where there is one.
    pub message_id: Option<String>,
    /// Where it is.
    #[serde(flatten)]
    pub location: Location,
    /// What is wrong and what to do, for a translator.
    pub message: String,
}

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
    /// Messages the locale translates (the letter's and the page's).
    pub translated: usize,
    /// Messages the source locale has.
    pub total: usize,
}

impl Coverage {
    /// The translated share in whole percent, rounded down (100 only when complete).
    pub fn percent(&self) -> usize {
        (self.translated * 100)
            .checked_div(self.total)
            .unwrap_or(100)
    }
}

/// Everything `check` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Coverage per letter and locale, in project order.
    pub coverage: Vec<Coverage>,
    /// Every finding, in locale order, then by file, line and column.
    pub findings: Vec<Finding>,
}

impl Report {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether any finding is an error: the check fails.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Checks the named letters and locales (all where a list is empty).
pub fn check(project: &Project, letters: &[String], locales: &[String]) -> Result<Report, String> {
    let (letters, langs) = project.select(letters, locales)?;
    let source = project.source_locale();
    let prepared = localize::Prepared::for_letters(project, &letters, &langs);
    let mut coverage = Vec::new();
    let mut findings = Vec::new();

    // Locales are checked in parallel, and their results gathered in order.
    let checked: Vec<Result<LocaleChecked, String>> = langs
        .par_iter()
        .map(|lang| {
            let mut coverage = Vec::new();
            let mut findings = Vec::new();
            let Some(files) = project.locale(lang) else {
                return Ok((coverage, findings));
            };
        let mut found = Vec::new();
        let mut resources: Vec<&str> = vec![COMMON_RESOURCE];
        resources.extend(letters.iter().map(|l| l.name.as_str()));
        for resource in &resources {
            check_file(source, files, resource, &mut found);
        }
        for (stem, file) in &files.files {
            if stem != COMMON_RESOURCE && project.letter(stem).is_none() {
                found.push(finding(
                    Code::ObsoleteFile,
                    lang,
                    None,
                    Location::file_start(&file.path),
                    format!("no letter is named `{stem}`: this file is never used; remove it or rename it after its letter"),
                ));
            }
        }
        for (letter, prepared) in letters.iter().zip(&prepared) {
            coverage.push(letter_coverage(source, files, letter));
            message_issues(project, letter, lang, prepared, &mut found);
        }
        date_format(files, &mut found);
        if lang != source.lang() {
            stale_translations(project, files, &letters, &mut found)?;
        }
        let required = files.settings.required;
        for mut f in found {
            if !required && f.severity == Severity::Error {
                f.severity = Severity::Warning;
            }
            findings.push(f);
        }
            Ok((coverage, findings))
        })
        .collect();
    for locale in checked {
        let (locale_coverage, locale_findings) = locale?;
        coverage.extend(locale_coverage);
        findings.extend(locale_findings);
    }
    let order: BTreeMap<&str, usize> = project
        .locales
        .iter()
        .enumerate()
        .map(|(i, l)| (l.lang().tag(), i))
        .collect();
    findings.sort_by(|a, b| {
        (
            order.get(a.locale.as_str()),
            &a.location,
            a.code,
            &a.message_id,
        )
            .cmp(&(
                order.get(b.locale.as_str()),
                &b.location,
                b.code,
                &b.message_id,
            ))
    });
    findings.dedup();
    Ok(Report { coverage, findings })
}

/// One locale's coverage rows and findings.
type LocaleChecked = (Vec<Coverage>, Vec<Finding>);

/// The parser's reason for a syntax error, as a sentence.
pub fn describe_parser_error(error: &ParserError) -> String {
    let reason = error.kind.to_string();
    let mut reason = reason.trim_end_matches('.').to_owned();
    if let Some(first) = reason.get(..1) {
        let lower = first.to_lowercase();
        reason.replace_range(..1, &lower);
    }
    format!("Fluent syntax error: {reason}; the entry around it is ignored until it is fixed")
}

fn finding(
    code: Code,
    lang: &Lang,
    id: Option<&str>,
    location: Location,
    message: String,
) -> Finding {
    Finding {
        code,
        severity: code.severity(),
        locale: lang.tag().to_owned(),
        message_id: id.map(str::to_owned),
        location,
        message,
    }
}

/// Ids that have a value in `file`.
fn translated_ids(file: &FtlFile) -> BTreeSet<&str> {
    file.messages()
        .filter(|(m, _)| m.value.is_some())
        .map(|(m, _)| m.id.name)
        .collect()
}

fn check_file(source: &LocaleFiles, files: &LocaleFiles, resource: &str, found: &mut Vec<Finding>) {
    let lang = files.lang();
    let Some(source_file) = source.file(resource) else {
        return;
    };
    let Some(file) = files.file(resource) else {
        found.push(finding(
            Code::MissingFile,
            lang,
            None,
            Location::file_start(files.path_of(resource)),
            format!(
                "this file is missing: create it with every message of {} translated",
                source_file.path.display()
            ),
        ));
        return;
    };
    for error in &file.errors {
        found.push(finding(
            Code::SyntaxError,
            lang,
            None,
            Location::at_span(&file.path, file.source(), error.pos.clone()),
            describe_parser_error(error),
        ));
    }
    let mut seen = BTreeSet::new();
    for (message, location) in file.messages() {
        if !seen.insert(message.id.name) {
            found.push(finding(
                Code::DuplicateMessage,
                lang,
                Some(message.id.name),
                location.clone(),
                format!(
                    "`{}` is defined again here; only the first definition is used: remove one",
                    message.id.name
                ),
            ));
        }
        let in_source = source_file.message(message.id.name).is_some();
        let optional = resource == COMMON_RESOURCE && message.id.name == LETTER_DATE_MESSAGE;
        if !in_source && !optional {
            found.push(finding(
                Code::ObsoleteMessage,
                lang,
                Some(message.id.name),
                location,
                format!(
                    "`{}` is not in the source locale ({}): it is never shown; remove it, or rename it if its id changed",
                    message.id.name,
                    source_file.path.display()
                ),
            ));
        }
    }
    let present = translated_ids(file);
    let mut previous: Option<&str> = None;
    for (message, source_location) in source_file.messages() {
        let id = message.id.name;
        if message.value.is_none() {
            continue;
        }
        if present.contains(id) {
            previous = Some(id);
            continue;
        }
        let location = match (file.location_of_scaffold(id), previous) {
            (Some(scaffold), _) => scaffold,
            (None, Some(previous)) => file.location_after(previous),
            (None, None) => Location::file_start(&file.path),
        };
        found.push(finding(
            Code::MissingMessage,
            lang,
            Some(id),
            location,
            format!(
                "`{id}` is not translated: add it (the source text is at {source_location}); until then the page shows the {} text",
                source.lang()
            ),
        ));
    }
}

/// How much of `letter` the locale `files` translates.
pub(crate) fn letter_coverage(
    source: &LocaleFiles,
    files: &LocaleFiles,
    letter: &Letter,
) -> Coverage {
    let mut translated = 0;
    let mut total = 0;
    for resource in [COMMON_RESOURCE, letter.name.as_str()] {
        let Some(source_file) = source.file(resource) else {
            continue;
        };
        let wanted = translated_ids(source_file);
        total += wanted.len();
        if let Some(file) = files.file(resource) {
            translated += translated_ids(file).intersection(&wanted).count();
        }
    }
    Coverage {
        letter: letter.name.clone(),
        locale: files.lang().tag().to_owned(),
        required: files.settings.required,
        status: files.settings.status,
        translated,
        total,
    }
}

/// Findings from formatting the locale's own messages through the real
/// localizer: format errors, raw HTML, unsafe links, unknown notes.
fn message_issues(
    project: &Project,
    letter: &Letter,
    lang: &Lang,
    prepared: &localize::Prepared,
    found: &mut Vec<Finding>,
) {
    let Ok(localized) = localize::localize_prepared(project, letter, lang, prepared) else {
        return;
    };
    let Some(files) = project.locale(lang) else {
        return;
    };
    for issue in localized.issues.iter().filter(|i| &i.lang == lang) {
        let file = [letter.name.as_str(), COMMON_RESOURCE]
            .iter()
            .filter_map(|r| files.file(r))
            .find(|f| f.message(&issue.id).is_some());
        let location = match file {
            Some(file) => file
                .messages()
                .find(|(m, _)| m.id.name == issue.id)
                .map(|(_, l)| l)
                .unwrap_or_else(|| Location::file_start(&file.path)),
            None => Location::file_start(files.path_of(&letter.name)),
        };
        let (code, message) = match &issue.kind {
            IssueKind::Format(reason) => (
                Code::FormatError,
                format!(
                    "`{}` cannot be formatted ({reason}); the page shows another language's text instead",
                    issue.id
                ),
            ),
            IssueKind::Markup(MarkupIssue::RawHtml(html)) => (
                Code::RawHtml,
                format!(
                    "`{}` contains HTML `{html}`; it is shown as text: use Markdown (*emphasis*, [link](https://…)) instead",
                    issue.id
                ),
            ),
            IssueKind::Markup(MarkupIssue::UnsafeLink(url)) => (
                Code::UnsafeLink,
                format!(
                    "`{}` links to `{url}`; only https, http and mailto links are allowed, so only its text is shown",
                    issue.id
                ),
            ),
            IssueKind::Markup(MarkupIssue::UnknownNote(id)) => (
                Code::UnknownNote,
                format!(
                    "`{}` refers to note [^{id}], which the letter does not have (notes: {})",
                    issue.id,
                    letter
                        .sources
                        .iter()
                        .map(|s| format!("[^{}]", s.id))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            IssueKind::Markup(MarkupIssue::Image(url)) => (
                Code::Image,
                format!(
                    "`{}` contains an image (`{url}`); only its description is shown",
                    issue.id
                ),
            ),
        };
        found.push(finding(code, lang, Some(&issue.id), location, message));
    }
}

fn stale_translations(
    project: &Project,
    files: &LocaleFiles,
    letters: &[&Letter],
    found: &mut Vec<Finding>,
) -> Result<(), String> {
    let stale = sync::stale_translations(project, files).map_err(|e| e.to_string())?;
    for stale in stale {
        let checked =
            stale.resource == COMMON_RESOURCE || letters.iter().any(|l| l.name == stale.resource);
        let Some(file) = files.file(&stale.resource).filter(|_| checked) else {
            continue;
        };
        let location = file
            .messages()
            .find(|(m, _)| m.id.name == stale.id)
            .map_or_else(|| Location::file_start(&file.path), |(_, l)| l);
        found.push(finding(
            Code::StaleTranslation,
            files.lang(),
            Some(&stale.id),
            location,
            format!(
                "`{}` was translated from an older source text; update it (was: \"{}\"; now: \"{}\")",
                stale.id, stale.was, stale.now
            ),
        ));
    }
    Ok(())
}

fn date_format(files: &LocaleFiles, found: &mut Vec<Finding>) {
    let own = files
        .file(COMMON_RESOURCE)
        .is_some_and(|f| f.message(LETTER_DATE_MESSAGE).is_some());
    if !own && !dates::cldr_has_date_format(&files.settings.date_locale) {
        found.push(finding(
            Code::MissingDateFormat,
            files.lang(),
            Some(LETTER_DATE_MESSAGE),
            Location::file_start(files.path_of(COMMON_RESOURCE)),
            format!(
                "the Unicode CLDR has no date format for `{}`: add a `{LETTER_DATE_MESSAGE}` message naming the months (see the source locale's common.ftl); until then dates come from the fallback locale",
                files.settings.date_locale
            ),
        ));
    }
}
