//! Checking translations: reads the loaded [`Project`] and reports every finding
//! (never only the first) with a stable code, a severity, the locale, the
//! message id, a location and a sentence a translator understands, plus the
//! coverage of every letter in every locale. It never writes output: the
//! [`output`] formats turn a [`Report`] into bytes.
//!
//! Findings in an optional locale are warnings; CI fails on errors only, so it
//! refuses an incomplete or broken required locale and lets optional ones grow.
//!
//! The codes are declared in [`crate::code`]; the checks of one file are in
//! `file`, Fluent's structure in `fluent`, the text as a reader sees it in
//! `text`, and the report's order and policy in `report`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use thiserror::Error;

use crate::code::{Code, Severity};
use crate::config::CheckPolicy;
use crate::coverage::{Coverage, letter_coverage};
use crate::ids::COMMON_RESOURCE;
use crate::ids::CONFIG_FILE;
use crate::localize;
use crate::location::Location;
use crate::plurals::{self, PluralCategories};
use crate::project::{LocaleFiles, Project, SelectError, Tree, TreeLocale};
use crate::source::LoadError;
use crate::tree_config::TREE_CONFIG_FILE;

mod file;
mod fluent;
mod html;
mod numbers;
pub mod output;
mod report;
mod text;

pub use file::issue_finding;
pub use report::{CheckedFile, Extent, Finding, LocaleReport, Report};

use file::{
    Rules, check_file, date_format, format_every_message, message_issues, source_shapes,
    stale_translations,
};
use report::{
    LocaleChecked, assemble, finding, gather, known_waivers, locale_report, low_coverage,
    sort_in_locale_order,
};

/// Why a check could not be made (its findings are never errors).
#[derive(Debug, Error)]
pub enum CheckError {
    /// A letter or locale asked for that the project does not have.
    #[error(transparent)]
    Selection(#[from] SelectError),
    /// A locale's files could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A locale's record of translations could not be read.
    #[error(transparent)]
    Lock(#[from] crate::lock::LockError),
    /// A waiver in `letterkit.toml` names a code that `check` does not have.
    #[error("{CONFIG_FILE}: [[check.waivers]] names the code `{code}`, which check does not have")]
    UnknownWaiverCode {
        /// The code as written.
        code: String,
    },
    /// The report could not be written as the locales were checked.
    #[error("cannot write the report: {0}")]
    Output(#[source] std::io::Error),
}

/// Checks the named letters and locales (all where a list is empty).
pub fn check(
    project: &Project,
    letters: &[String],
    locales: &[String],
) -> Result<Report, CheckError> {
    check_reporting(project, letters, locales, &|_, _| {})
}

/// [`check`], telling `progress` how many locales are checked of how many.
pub fn check_reporting(
    project: &Project,
    letters: &[String],
    locales: &[String],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report, CheckError> {
    check_with(project, letters, locales, progress, Depth::Full)
}

/// The findings that keep a message of the named letters and locales from
/// being published as written ([`Finding::unpublishable`]), the waivers of
/// `letterkit.toml` applied: a build shows each such message in its fallback
/// locale. Judged by the code, whether the locale is required or optional.
///
/// Only the checks that can keep a message from being published run: no
/// heuristics (numbers, identical text, emphasis, notes), no stale
/// translations, no coverage, no missing messages. `part` says which files:
/// a build of a project loaded deferred judges each locale's `common.ftl`
/// once ([`Part::PageText`]) and each letter's files with the letter
/// ([`Part::Letters`]).
pub fn unpublishable(
    project: &Project,
    letters: &[String],
    locales: &[String],
    part: Part,
) -> Result<Vec<Finding>, CheckError> {
    let report = check_with(project, letters, locales, &|_, _| {}, Depth::Publish(part))?;
    Ok(report
        .findings
        .into_iter()
        .filter(|f| f.unpublishable)
        .collect())
}

/// The files [`unpublishable`] judges in each locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The page text (`common.ftl`) and the letters' files.
    All,
    /// The letters' files and the letters' own use of the page text.
    Letters,
    /// The page text alone.
    PageText,
}

impl Part {
    fn page_text(self) -> bool {
        self != Part::Letters
    }

    fn letters(self) -> bool {
        self != Part::PageText
    }
}

/// How much a check looks at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Depth {
    /// Everything.
    Full,
    /// What decides whether a message is published, in these files.
    Publish(Part),
}

fn check_with(
    project: &Project,
    letters: &[String],
    locales: &[String],
    progress: &(dyn Fn(usize, usize) + Sync),
    depth: Depth,
) -> Result<Report, CheckError> {
    let (letters, langs) = project
        .select(letters, locales)
        .map_err(CheckError::Selection)?;
    let source = project.source_locale();
    let policy = &project.config.check;
    let prepared = match depth {
        Depth::Full => localize::Prepared::for_letters(project, &letters, &langs),
        Depth::Publish(_) => Vec::new(),
    };
    // A check for publishing reads only the files of its part.
    let shapes = source_shapes(source, &|resource| match depth {
        Depth::Full | Depth::Publish(Part::All) => true,
        Depth::Publish(Part::PageText) => resource == COMMON_RESOURCE,
        Depth::Publish(Part::Letters) => letters.iter().any(|l| l.name == resource),
    });
    let done = AtomicUsize::new(0);
    progress(0, langs.len());

    // Locales are checked in parallel, and their results gathered in order.
    let results: Vec<Result<LocaleChecked, CheckError>> = langs
        .par_iter()
        .map(|lang| {
            let mut checked = LocaleChecked::default();
            // A project loaded deferred holds a locale's files only while it
            // is checked.
            let read;
            let part = match depth {
                Depth::Full => Part::All,
                Depth::Publish(part) => part,
            };
            let full = depth == Depth::Full;
            // A project loaded deferred holds each locale's page text.
            let files = if project.deferred && lang != source.lang() && part.letters() {
                let Some(files) = project.read_locale(lang) else {
                    return Ok(checked);
                };
                read = files?;
                &read
            } else {
                let Some(files) = project.locale(lang) else {
                    return Ok(checked);
                };
                files
            };
            let mut found = Vec::new();
            // The letters published in this locale; the others are not checked in it.
            let letters_in: Vec<&crate::letter::Letter> = letters
                .iter()
                .copied()
                .filter(|l| part.letters() && l.is_in(lang))
                .collect();
            let mut resources: Vec<&str> = Vec::new();
            if part.page_text() {
                resources.push(COMMON_RESOURCE);
            }
            resources.extend(letters_in.iter().map(|l| l.name.as_str()));
            let defined = fluent::defined_names(files);
            // A letter's plurals are chosen by the renderer's rules; a check
            // for publishing does not judge variants.
            let plurals = if full {
                PluralCategories::of(lang)
            } else {
                PluralCategories::unjudged()
            };
            // The data each letter gives its own messages.
            let given: BTreeMap<String, Vec<String>> = letters_in
                .iter()
                .map(|letter| {
                    let mut names = vec![crate::letter::SIGNATORY_COUNT.to_owned()];
                    names.extend(letter.variables.keys().cloned());
                    (letter.name.clone(), names)
                })
                .collect();
            // Each file's messages are read as Markdown once, for every check.
            let own_shapes: BTreeMap<&str, text::Shapes<'_>> = if lang == source.lang() {
                BTreeMap::new()
            } else {
                resources
                    .iter()
                    .filter_map(|r| Some((*r, text::Shapes::of(files.file(r)?))))
                    .collect()
            };
            let shapes_of = |resource: &str| {
                own_shapes
                    .get(resource)
                    .or_else(|| (lang == source.lang()).then(|| shapes.get(resource)).flatten())
            };
            unreadable_files(files, &mut found);
            for resource in &resources {
                if files.refused.contains_key(*resource) {
                    checked.files.push(CheckedFile {
                        locale: lang.tag().to_owned(),
                        path: files.path_of(resource),
                    });
                    continue;
                }
                let rules = Rules {
                    defined: &defined,
                    policy,
                    markup: text::Markup::Letter,
                    functions: crate::ids::KNOWN_FUNCTIONS,
                    shapes: &shapes,
                    plurals: &plurals,
                    given: &given,
                    full,
                };
                check_file(
                    source,
                    files,
                    resource,
                    shapes_of(resource),
                    &rules,
                    &mut found,
                );
                checked.files.push(CheckedFile {
                    locale: lang.tag().to_owned(),
                    path: files.path_of(resource),
                });
            }
            // What Fluent cannot format and the letter's own markup are
            // found by the build's localization itself (see
            // `publish::render_letter`), which refuses such messages.
            if full {
                fluent::check_locale(files, fluent::Bundles::CommonAndLetter, &mut found);
            }
            // Files no letter uses, and coverage, concern a full check only.
            for (stem, file) in files.files.iter().filter(|_| full) {
                if stem == COMMON_RESOURCE {
                    continue;
                }
                if let Some(letter) = project.letter(stem) {
                    if !letter.is_in(lang) {
                        found.push(finding(
                            Code::ObsoleteFile,
                            lang,
                            None,
                            Location::file_start(&file.path),
                            format!("the letter `{stem}` is not published in `{lang}` (the `locales` of its letter.toml): this file is never used; remove it or add `{lang}` to the letter's locales"),
                        ));
                    }
                } else {
                    found.push(finding(
                        Code::ObsoleteFile,
                        lang,
                        None,
                        Location::file_start(&file.path),
                        format!("no letter is named `{stem}`: this file is never used; remove it or rename it after its letter"),
                    ));
                }
            }
            let mut policy_found = Vec::new();
            if full {
                // The page text, shared by every letter, has a row of its own.
                let page = crate::coverage::page_coverage(source, files);
                if let Some(minimum) = files.settings.min_coverage {
                    low_coverage(files, &page, minimum, &mut policy_found);
                }
                checked.coverage.push(page);
            }
            // A check for publishing prepares no letter: nothing here.
            for (letter, prepared) in letters.iter().zip(&prepared) {
                if !letter.is_in(lang) {
                    continue;
                }
                let letter_coverage = letter_coverage(source, files, letter);
                if let Some(minimum) = files.settings.min_coverage {
                    low_coverage(files, &letter_coverage, minimum, &mut policy_found);
                }
                checked.coverage.push(letter_coverage);
                message_issues(project, letter, files, prepared, &shapes_of, &mut found);
            }
            if full {
                date_format(files, &mut found);
            }
            if lang != source.lang() && full {
                stale_translations(project, files, &letters_in, &mut found)?;
            }
            let required = files.settings.required;
            for mut f in found {
                if !required && f.severity == Severity::Error {
                    f.severity = Severity::Warning;
                }
                checked.findings.push(f);
            }
            checked.findings.extend(policy_found);
            sort_in_locale_order(&mut checked.findings);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, langs.len());
            Ok(checked)
        })
        .collect();
    let all = gather(results)?;
    let order: Vec<&str> = project.locales.iter().map(|l| l.lang().tag()).collect();
    assemble(all, &order, policy)
}

/// Checks a plain Fluent tree (`<dir>/<locale>/**/*.ftl`, as found by
/// [`crate::project::load_tree`]) with every check that needs no letter;
/// each message is also formatted by Fluent, as a page would. Every locale
/// is required unless the tree's configuration says otherwise (see
/// [`crate::tree_config`]). The whole report, gathered from [`check_tree_each`].
pub fn check_tree(tree: &Tree, policy: &CheckPolicy) -> Result<Report, CheckError> {
    let mut report = Report {
        coverage: Vec::new(),
        findings: Vec::new(),
        waived: 0,
        deny_warnings: policy.deny_warnings,
        files: Vec::new(),
    };
    check_tree_each(tree, policy, &mut |locale| {
        report.coverage.extend(locale.coverage);
        report.findings.extend(locale.findings);
        report.files.extend(locale.files);
        report.waived += locale.waived;
        Ok(())
    })?;
    Ok(report)
}

/// Checks a plain Fluent tree as [`check_tree`] does, handing each locale's
/// report to `emit` as soon as it and the locales before it are checked:
/// the source locale first, then the others by folder name. Locales are
/// loaded, checked and dropped in parallel, a few at a time (a window of
/// twice the threads, emitted in order), so that memory holds the findings
/// of a few locales, never of the whole tree. An error of `emit` stops the
/// check ([`CheckError::Output`]).
pub fn check_tree_each(
    tree: &Tree,
    policy: &CheckPolicy,
    emit: &mut dyn FnMut(LocaleReport) -> std::io::Result<()>,
) -> Result<(), CheckError> {
    known_waivers(&policy.waivers)?;
    let source = &tree.source;
    let shapes = source_shapes(source, &|_| true);
    // The application provides the functions its own strings call.
    let called = fluent::functions_called(source);
    let mut functions: Vec<&str> = crate::ids::FLUENT_FUNCTIONS.to_vec();
    functions.extend(
        called
            .iter()
            .map(String::as_str)
            .filter(|f| !crate::ids::FLUENT_FUNCTIONS.contains(f)),
    );
    let check = |files: &LocaleFiles| {
        let mut checked = LocaleChecked::default();
        let lang = files.lang();
        let defined = fluent::defined_names(files);
        let names: BTreeSet<&String> = source
            .files
            .keys()
            .chain(files.files.keys())
            .chain(files.refused.keys())
            .collect();
        checked
            .files
            .extend(names.into_iter().map(|name| CheckedFile {
                locale: lang.tag().to_owned(),
                path: files.path_of(name),
            }));
        // An application's plurals are chosen by its runtime: current CLDR.
        let plurals = PluralCategories::by(lang, plurals::Rules::Current);
        let rules = Rules {
            defined: &defined,
            policy,
            markup: text::Markup::Tree,
            functions: &functions,
            shapes: &shapes,
            plurals: &plurals,
            given: &BTreeMap::new(),
            full: true,
        };
        let found = &mut checked.findings;
        unreadable_files(files, found);
        for resource in source.files.keys() {
            if !files.refused.contains_key(resource) {
                check_file(source, files, resource, None, &rules, found);
            }
        }
        for (name, file) in &files.files {
            if source.file(name).is_none() {
                found.push(finding(
                    Code::ObsoleteFile,
                    lang,
                    None,
                    Location::file_start(&file.path),
                    format!("the source locale has no `{name}.ftl`: this file is never used; remove it or rename it"),
                ));
            }
        }
        fluent::check_locale(files, fluent::Bundles::Unknown, found);
        format_every_message(files, found);
        let mut locale_coverage = Coverage::none(ALL_FILES, files);
        for (name, source_file) in &source.files {
            locale_coverage.add(source_file, files.file(name));
        }
        // Errors in a locale that is not required are warnings; too low a
        // coverage is an error all the same, since the team set the bar.
        if !files.settings.required {
            for found in &mut checked.findings {
                found.severity = Severity::Warning;
            }
        }
        if let Some(minimum) = files.settings.min_coverage
            && locale_coverage.percent() < usize::from(minimum)
        {
            let mut low = finding(
                Code::LowCoverage,
                lang,
                None,
                Location::file_start(&files.folder),
                format!(
                    "{} is {}% translated ({}/{} messages); {TREE_CONFIG_FILE} asks for at least {minimum}%",
                    lang.tag(),
                    locale_coverage.percent(),
                    locale_coverage.translated,
                    locale_coverage.total
                ),
            );
            low.severity = Severity::Error;
            checked.findings.push(low);
        }
        checked.coverage.push(locale_coverage);
        sort_in_locale_order(&mut checked.findings);
        checked
    };
    let locales: Vec<Option<&TreeLocale>> = tree
        .check_source
        .then_some(None)
        .into_iter()
        .chain(tree.locales.iter().map(Some))
        .collect();
    let window = 2 * rayon::current_num_threads().max(1);
    for chunk in locales.chunks(window) {
        let results: Vec<Result<(String, LocaleChecked), CheckError>> = chunk
            .par_iter()
            .map(|locale| match locale {
                None => Ok((source.lang().tag().to_owned(), check(source))),
                Some(locale) => Ok((locale.lang.tag().to_owned(), check(&locale.load()?))),
            })
            .collect();
        for result in results {
            let (tag, checked) = result?;
            emit(locale_report(tag, checked, &policy.waivers)?).map_err(CheckError::Output)?;
        }
    }
    Ok(())
}

/// A finding for each of the locale's files that could not be read: the
/// rest of the locale is still checked.
/// A finding for each file of the locale that could not be read (not
/// UTF-8, past a limit: [`LocaleFiles::refused`]); its messages count as
/// untranslated, and a build shows them in the fallback language.
pub fn unreadable_files(files: &LocaleFiles, found: &mut Vec<Finding>) {
    for refused in files.refused.values() {
        found.push(finding(
            Code::UnreadableFile,
            files.lang(),
            None,
            refused.location.clone(),
            format!("{} (its messages count as untranslated)", refused.reason),
        ));
    }
}

/// What a coverage row of [`check_tree`] names instead of a letter.
pub const ALL_FILES: &str = "(all files)";
