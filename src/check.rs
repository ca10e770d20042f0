//! Checking translations: reads the loaded [`Project`] and reports every finding
//! (never only the first) with a stable code, a severity, the locale, the
//! message id, a location and a sentence a translator understands, plus the
//! coverage of every letter in every locale. It never writes output.
//!
//! Findings in an optional locale are warnings; CI fails on errors only, so it
//! refuses an incomplete or broken required locale and lets optional ones grow.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use fluent_syntax::parser::ParserError;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::{CONFIG_FILE, CheckPolicy, Lang, Status, Waiver};
use crate::dates;
use crate::letter::Letter;
use crate::localize::{self, ADDED_PAGE_MESSAGES, IssueKind, LETTER_DATE_MESSAGE};
use crate::location::Location;
use crate::markdown::MarkupIssue;
use crate::plurals::{self, PluralCategories};
use crate::project::{COMMON_RESOURCE, FtlFile, LocaleFiles, Project, Tree, TreeLocale};
use crate::sync;

mod fluent;
mod text;

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
    /// The same message id defined twice in one file (or, in a project, in a
    /// letter's file and `common.ftl`).
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
    /// A term the source locale has is missing.
    MissingTerm,
    /// A term the source locale does not have.
    ObsoleteTerm,
    /// An attribute the source's message has is missing. (A term's
    /// attributes are the locale's own, and are not compared.)
    MissingAttribute,
    /// An attribute the source's message does not have.
    ObsoleteAttribute,
    /// A value, attribute or variant of white space alone (`{ "" }` is
    /// empty on purpose, and not reported).
    EmptyValue,
    /// The same attribute twice in one message or term.
    DuplicateAttribute,
    /// The same variant key twice in one select expression.
    DuplicateVariant,
    /// A variable the source's message (value or attributes) does not have:
    /// it would show unfilled. A term's variables are its own parameters.
    UnknownVariable,
    /// A variable whose value the source's message shows that the
    /// translation never uses (in its value or any attribute).
    MissingVariable,
    /// References to other messages or terms that differ from the source's.
    ChangedReference,
    /// A reference to a message, term or attribute the locale does not define.
    UndefinedReference,
    /// Messages or terms that refer to each other in a circle.
    CyclicReference,
    /// A call to a function letterkit does not have.
    UnknownFunction,
    /// A plural category the locale's rules need that a select lacks.
    MissingPluralCategory,
    /// A plural variant the locale's rules never choose.
    UnreachableVariant,
    /// A bidi embedding, override or isolate character (Trojan Source).
    BidiControl,
    /// An invisible control or format character.
    InvisibleCharacter,
    /// A left-to-right, right-to-left or Arabic letter mark.
    DirectionalMark,
    /// A link missing, added or pointing elsewhere than in the source.
    ChangedLink,
    /// A note reference of the source's message that the translation drops.
    MissingNote,
    /// A note reference the source's message does not have.
    UnexpectedNote,
    /// Emphasis or strong emphasis added or dropped.
    ChangedEmphasis,
    /// A number the source does not have, in place of one it has or added.
    ChangedNumber,
    /// A number of the source that the translation does not have (perhaps
    /// written in words).
    MissingNumber,
    /// A translation identical to the source text.
    IdenticalToSource,
    /// Less of a letter translated than the locale's `min-coverage`.
    LowCoverage,
}

impl Code {
    /// Every code, in the order of the documentation.
    pub const ALL: [Code; 39] = [
        Code::MissingFile,
        Code::ObsoleteFile,
        Code::SyntaxError,
        Code::MissingMessage,
        Code::ObsoleteMessage,
        Code::MissingTerm,
        Code::ObsoleteTerm,
        Code::MissingAttribute,
        Code::ObsoleteAttribute,
        Code::EmptyValue,
        Code::DuplicateMessage,
        Code::DuplicateAttribute,
        Code::DuplicateVariant,
        Code::FormatError,
        Code::UnknownVariable,
        Code::MissingVariable,
        Code::ChangedReference,
        Code::UndefinedReference,
        Code::CyclicReference,
        Code::UnknownFunction,
        Code::MissingPluralCategory,
        Code::UnreachableVariant,
        Code::RawHtml,
        Code::UnsafeLink,
        Code::ChangedLink,
        Code::UnknownNote,
        Code::MissingNote,
        Code::UnexpectedNote,
        Code::ChangedEmphasis,
        Code::Image,
        Code::BidiControl,
        Code::InvisibleCharacter,
        Code::DirectionalMark,
        Code::ChangedNumber,
        Code::MissingNumber,
        Code::IdenticalToSource,
        Code::MissingDateFormat,
        Code::StaleTranslation,
        Code::LowCoverage,
    ];

    /// The code named `name`, as printed.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The severity in a required locale.
    pub fn default_severity(self) -> Severity {
        self.severity()
    }

    /// What the code means, in one sentence.
    pub fn description(self) -> &'static str {
        match self {
            Code::MissingFile => "The locale lacks a Fluent file the source locale has.",
            Code::ObsoleteFile => "A Fluent file that nothing uses.",
            Code::SyntaxError => "Fluent syntax the parser cannot read.",
            Code::MissingMessage => "A source message the locale does not translate.",
            Code::ObsoleteMessage => "A message the source locale does not have.",
            Code::MissingTerm => "A source term the locale does not define.",
            Code::ObsoleteTerm => "A term the source locale does not have.",
            Code::MissingAttribute => {
                "An attribute of the source's message that the translation lacks."
            }
            Code::ObsoleteAttribute => "An attribute the source's message does not have.",
            Code::EmptyValue => {
                "A value, attribute or variant of white space alone, which shows nothing."
            }
            Code::DuplicateMessage => {
                "The same message or term id defined twice in a file, or in a letter's file and common.ftl."
            }
            Code::DuplicateAttribute => "The same attribute twice in one message or term.",
            Code::DuplicateVariant => "The same variant key twice in one select expression.",
            Code::FormatError => "A message Fluent cannot format.",
            Code::UnknownVariable => "A variable the source does not have: it would show unfilled.",
            Code::MissingVariable => {
                "A variable the source's message shows that the translation never uses."
            }
            Code::ChangedReference => {
                "References to other messages or terms that differ from the source's."
            }
            Code::UndefinedReference => {
                "A reference to a message, term or attribute the locale does not define."
            }
            Code::CyclicReference => "Messages or terms that refer to each other in a circle.",
            Code::UnknownFunction => "A call to a function letterkit does not have.",
            Code::MissingPluralCategory => {
                "A plural category the locale's CLDR rules need that a select expression lacks."
            }
            Code::UnreachableVariant => "A plural variant the locale's CLDR rules never choose.",
            Code::RawHtml => "HTML in a message: it is shown as text, never as markup.",
            Code::UnsafeLink => "A link that is not https, http or mailto: only its text is shown.",
            Code::ChangedLink => "A link missing, added or pointing elsewhere than in the source.",
            Code::UnknownNote => "A note reference to a source the letter does not have.",
            Code::MissingNote => {
                "A note reference of the source's sentence that the translation drops."
            }
            Code::UnexpectedNote => "A note reference the source's sentence does not have.",
            Code::ChangedEmphasis => "Emphasis added or dropped.",
            Code::Image => "An image in a message: only its description is shown.",
            Code::BidiControl => {
                "A bidi embedding, override or isolate character, which can reorder how text reads."
            }
            Code::InvisibleCharacter => "An invisible control or format character.",
            Code::DirectionalMark => "A left-to-right, right-to-left or Arabic letter mark.",
            Code::ChangedNumber => "A number the source does not have: a figure changed or added.",
            Code::MissingNumber => {
                "A number of the source the translation does not have, perhaps written in words."
            }
            Code::IdenticalToSource => {
                "A translation of three or more words identical to the source text."
            }
            Code::MissingDateFormat => {
                "Neither CLDR nor the locale's common.ftl can write the letter's date."
            }
            Code::StaleTranslation => "The source text changed after the message was translated.",
            Code::LowCoverage => "Less of a letter translated than the locale's min-coverage.",
        }
    }

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
            Code::MissingTerm => "missing-term",
            Code::ObsoleteTerm => "obsolete-term",
            Code::MissingAttribute => "missing-attribute",
            Code::ObsoleteAttribute => "obsolete-attribute",
            Code::EmptyValue => "empty-value",
            Code::DuplicateAttribute => "duplicate-attribute",
            Code::DuplicateVariant => "duplicate-variant",
            Code::UnknownVariable => "unknown-variable",
            Code::MissingVariable => "missing-variable",
            Code::ChangedReference => "changed-reference",
            Code::UndefinedReference => "undefined-reference",
            Code::CyclicReference => "cyclic-reference",
            Code::UnknownFunction => "unknown-function",
            Code::MissingPluralCategory => "missing-plural-category",
            Code::UnreachableVariant => "unreachable-variant",
            Code::BidiControl => "bidi-control",
            Code::InvisibleCharacter => "invisible-character",
            Code::DirectionalMark => "directional-mark",
            Code::ChangedLink => "changed-link",
            Code::MissingNote => "missing-note",
            Code::UnexpectedNote => "unexpected-note",
            Code::ChangedEmphasis => "changed-emphasis",
            Code::ChangedNumber => "changed-number",
            Code::MissingNumber => "missing-number",
            Code::IdenticalToSource => "identical-to-source",
            Code::LowCoverage => "low-coverage",
        }
    }

    /// The severity in a required locale.
    fn severity(self) -> Severity {
        match self {
            Code::ObsoleteFile
            | Code::ObsoleteMessage
            | Code::ObsoleteTerm
            | Code::ObsoleteAttribute
            | Code::Image
            | Code::MissingDateFormat
            | Code::StaleTranslation
            | Code::MissingVariable
            | Code::ChangedReference
            | Code::MissingPluralCategory
            | Code::UnreachableVariant
            | Code::DirectionalMark
            | Code::UnexpectedNote
            | Code::ChangedEmphasis
            | Code::MissingNumber
            | Code::IdenticalToSource => Severity::Warning,
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
    /// Words of the source in the messages the locale translates.
    pub words_translated: usize,
    /// Words of the source.
    pub words_total: usize,
}

impl Coverage {
    /// Counts a source file's messages and words, and those `file` translates.
    /// A message with attributes alone (`b =\n    .label = B`) counts as
    /// one to translate, as a message with a value does.
    fn add(&mut self, source: &FtlFile, file: Option<&FtlFile>) {
        let present = file.map(defined_messages).unwrap_or_default();
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
    /// Findings accepted by a waiver in `letterkit.toml`, not listed.
    pub waived: usize,
    /// Whether warnings fail the check too (`deny-warnings` in `letterkit.toml`).
    pub deny_warnings: bool,
    /// Every file checked (or expected), by locale, in check order.
    pub files: Vec<CheckedFile>,
}

/// A file `check` looked at, or looked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckedFile {
    /// The locale's tag.
    pub locale: String,
    /// The file, as findings name it.
    pub path: std::path::PathBuf,
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

    /// Whether the check fails: an error, or a warning where warnings are denied
    /// by `letterkit.toml` or by `deny_warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.has_errors()
            || ((deny_warnings || self.deny_warnings) && self.count(Severity::Warning) > 0)
    }
}

/// Checks the named letters and locales (all where a list is empty).
pub fn check(project: &Project, letters: &[String], locales: &[String]) -> Result<Report, String> {
    check_reporting(project, letters, locales, &|_, _| {})
}

/// [`check`], telling `progress` how many locales are checked of how many.
pub fn check_reporting(
    project: &Project,
    letters: &[String],
    locales: &[String],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report, String> {
    let (letters, langs) = project.select(letters, locales)?;
    let source = project.source_locale();
    let policy = &project.config.check;
    let prepared = localize::Prepared::for_letters(project, &letters, &langs);
    let shapes = source_shapes(source);
    let done = AtomicUsize::new(0);
    progress(0, langs.len());

    // Locales are checked in parallel, and their results gathered in order.
    let results: Vec<Result<LocaleChecked, String>> = langs
        .par_iter()
        .map(|lang| {
            let mut checked = LocaleChecked::default();
            // A project loaded deferred holds a locale's files only while it
            // is checked.
            let read;
            let files = if project.deferred && lang != source.lang() {
                let Some(files) = project.read_locale(lang) else {
                    return Ok(checked);
                };
                read = files.map_err(|e| e.to_string())?;
                &read
            } else {
                let Some(files) = project.locale(lang) else {
                    return Ok(checked);
                };
                files
            };
            let mut found = Vec::new();
            let mut resources: Vec<&str> = vec![COMMON_RESOURCE];
            resources.extend(letters.iter().map(|l| l.name.as_str()));
            let defined = fluent::defined_names(files);
            // A letter's plurals are chosen by the renderer's rules.
            let plurals = PluralCategories::of(lang);
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
            for resource in &resources {
                let rules = Rules {
                    defined: &defined,
                    policy,
                    markup: text::Markup::Letter,
                    functions: localize::KNOWN_FUNCTIONS,
                    shapes: &shapes,
                    plurals: &plurals,
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
            fluent::check_locale(files, fluent::Bundles::CommonAndLetter, &mut found);
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
            let mut policy_found = Vec::new();
            for (letter, prepared) in letters.iter().zip(&prepared) {
                let letter_coverage = letter_coverage(source, files, letter);
                if let Some(minimum) = files.settings.min_coverage {
                    low_coverage(files, &letter_coverage, minimum, &mut policy_found);
                }
                checked.coverage.push(letter_coverage);
                message_issues(project, letter, files, prepared, &shapes_of, &mut found);
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
    report(all, &order, policy)
}

/// Checks a plain Fluent tree (`<dir>/<locale>/**/*.ftl`, as found by
/// [`crate::project::load_tree`]) with every check that needs no letter;
/// each message is also formatted by Fluent, as a page would. Every locale
/// is required. Locales are loaded, checked and dropped in parallel, a few
/// at a time, and their results gathered in order.
pub fn check_tree(tree: &Tree, policy: &CheckPolicy) -> Result<Report, String> {
    let source = &tree.source;
    let shapes = source_shapes(source);
    // The application provides the functions its own strings call.
    let called = fluent::functions_called(source);
    let mut functions: Vec<&str> = localize::FLUENT_FUNCTIONS.to_vec();
    functions.extend(
        called
            .iter()
            .map(String::as_str)
            .filter(|f| !localize::FLUENT_FUNCTIONS.contains(f)),
    );
    let check = |files: &LocaleFiles| {
        let mut checked = LocaleChecked::default();
        let lang = files.lang();
        let defined = fluent::defined_names(files);
        let names: BTreeSet<&String> = source.files.keys().chain(files.files.keys()).collect();
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
        };
        let found = &mut checked.findings;
        for resource in source.files.keys() {
            check_file(source, files, resource, None, &rules, found);
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
        let mut locale_coverage = Coverage {
            letter: ALL_FILES.to_owned(),
            locale: lang.tag().to_owned(),
            required: true,
            status: files.settings.status,
            translated: 0,
            total: 0,
            words_translated: 0,
            words_total: 0,
        };
        for (name, source_file) in &source.files {
            locale_coverage.add(source_file, files.file(name));
        }
        checked.coverage.push(locale_coverage);
        sort_in_locale_order(&mut checked.findings);
        checked
    };
    let locales: Vec<Option<&TreeLocale>> = std::iter::once(None)
        .chain(tree.locales.iter().map(Some))
        .collect();
    let results: Vec<Result<LocaleChecked, String>> = locales
        .par_iter()
        .map(|locale| match locale {
            None => Ok(check(source)),
            Some(locale) => Ok(check(&locale.load().map_err(|e| e.to_string())?)),
        })
        .collect();
    let all = gather(results)?;
    let order: Vec<&str> = std::iter::once(source.lang().tag())
        .chain(tree.locales.iter().map(|l| l.lang.tag()))
        .collect();
    report(all, &order, policy)
}

/// The locales' coverage, findings and files, gathered in order. Each
/// locale's findings are sorted already, so the findings are too when the
/// locales come in report order.
fn gather(results: Vec<Result<LocaleChecked, String>>) -> Result<LocaleChecked, String> {
    let mut all = LocaleChecked {
        // Sized once: a large tree has hundreds of thousands of findings.
        findings: Vec::with_capacity(
            results
                .iter()
                .map(|r| r.as_ref().map_or(0, |l| l.findings.len()))
                .sum(),
        ),
        ..LocaleChecked::default()
    };
    for locale in results {
        let locale = locale?;
        all.coverage.extend(locale.coverage);
        all.findings.extend(locale.findings);
        all.files.extend(locale.files);
    }
    Ok(all)
}

/// The report: the waivers applied, the findings in order (locales as in
/// `order`, by tag).
fn report(checked: LocaleChecked, order: &[&str], policy: &CheckPolicy) -> Result<Report, String> {
    let LocaleChecked {
        coverage,
        mut findings,
        files,
    } = checked;
    let waived = waive(&mut findings, &policy.waivers)?;
    sort_findings(&mut findings, order);
    Ok(Report {
        coverage,
        findings,
        waived,
        deny_warnings: policy.deny_warnings,
        files,
    })
}

/// What a coverage row of [`check_tree`] names instead of a letter.
pub const ALL_FILES: &str = "(all files)";

/// Formats every message and attribute of a locale with Fluent, each variable
/// given a number, and reports what the resolver refuses that no other check
/// names: a message that expands into too many placeables.
fn format_every_message(files: &LocaleFiles, found: &mut Vec<Finding>) {
    use fluent_bundle::resolver::ResolverError;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentError, FluentValue};

    let mut bundle = FluentBundle::new(vec![files.lang().language_identifier()]);
    bundle.set_use_isolating(false);
    let _ = bundle.add_builtins();
    for file in files.files.values() {
        // Duplicates keep their first definition; check_locale reports them.
        let _ = bundle.add_resource(&file.resource);
    }
    for file in files.files.values() {
        for (message, location) in file.messages() {
            let Some(bundled) = bundle.get_message(message.id.name) else {
                continue;
            };
            let mut args = FluentArgs::new();
            let patterns = message
                .value
                .iter()
                .chain(message.attributes.iter().map(|a| &a.value));
            for pattern in patterns {
                for variable in fluent::variables(pattern) {
                    args.set(variable, FluentValue::from(1));
                }
            }
            let patterns = bundled
                .value()
                .into_iter()
                .chain(bundled.attributes().map(|a| a.value()));
            for pattern in patterns {
                let mut errors = Vec::new();
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                for error in errors {
                    let reason = match error {
                        FluentError::ResolverError(ResolverError::Reference(_))
                        | FluentError::ResolverError(ResolverError::Cyclic) => continue,
                        other => other.to_string(),
                    };
                    found.push(finding(
                        Code::FormatError,
                        files.lang(),
                        Some(message.id.name),
                        location.clone(),
                        format!("`{}` cannot be formatted ({reason})", message.id.name),
                    ));
                }
            }
        }
    }
}

/// Orders findings by locale (as listed), then file, line and column, and
/// drops repeats. Findings gathered from locales sorted one by one are
/// mostly in order already: checked first, sorted only when not.
fn sort_findings(findings: &mut Vec<Finding>, locales: &[&str]) {
    let order: BTreeMap<&str, usize> = locales
        .iter()
        .enumerate()
        .map(|(i, tag)| (*tag, i))
        .collect();
    let rank = |f: &Finding| order.get(f.locale.as_str()).copied();
    let compare =
        |a: &Finding, b: &Finding| rank(a).cmp(&rank(b)).then_with(|| in_locale_order(a, b));
    if !findings.is_sorted_by(|a, b| compare(a, b).is_le()) {
        findings.sort_by(compare);
    }
    findings.dedup();
}

/// One locale's findings by file, line and column.
fn sort_in_locale_order(findings: &mut [Finding]) {
    findings.sort_by(in_locale_order);
}

fn in_locale_order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (&a.location, a.code, &a.message_id).cmp(&(&b.location, b.code, &b.message_id))
}

/// Removes the findings the waivers accept; returns how many. A waiver naming
/// an unknown code is refused, so that a typo never hides nothing silently.
fn waive(findings: &mut Vec<Finding>, waivers: &[Waiver]) -> Result<usize, String> {
    for waiver in waivers {
        if Code::from_name(&waiver.code).is_none() {
            return Err(format!(
                "{CONFIG_FILE}: [[check.waivers]] names the code `{}`, which check does not have",
                waiver.code
            ));
        }
    }
    let before = findings.len();
    findings.retain(|f| {
        !waivers.iter().any(|w| {
            (w.locale == "*" || w.locale == f.locale)
                && w.code == f.code.as_str()
                && w.message
                    .as_ref()
                    .is_none_or(|m| Some(m) == f.message_id.as_ref())
        })
    });
    Ok(before - findings.len())
}

/// A letter translated less than the locale's `min-coverage`: an error even in
/// an optional locale, since the team set the bar on purpose.
fn low_coverage(files: &LocaleFiles, coverage: &Coverage, minimum: u8, found: &mut Vec<Finding>) {
    if coverage.percent() >= usize::from(minimum) {
        return;
    }
    let mut low = finding(
        Code::LowCoverage,
        files.lang(),
        None,
        Location::file_start(files.path_of(&coverage.letter)),
        format!(
            "{} is {}% translated ({}/{} messages); letterkit.toml asks for at least {minimum}%",
            coverage.letter,
            coverage.percent(),
            coverage.translated,
            coverage.total
        ),
    );
    low.severity = Severity::Error;
    found.push(low);
}

/// What checking one locale (or all) found: coverage per letter, findings,
/// and the files looked at.
#[derive(Default)]
struct LocaleChecked {
    coverage: Vec<Coverage>,
    findings: Vec<Finding>,
    files: Vec<CheckedFile>,
}

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
    mut message: String,
) -> Finding {
    // Findings are kept until the report is written: no spare capacity.
    message.shrink_to_fit();
    Finding {
        code,
        severity: code.severity(),
        locale: lang.tag().to_owned(),
        message_id: id.map(str::to_owned),
        location,
        message,
    }
}

/// The ids of the messages `file` defines, in order, each with whether a
/// definition of it has a value.
fn defined_messages(file: &FtlFile) -> Vec<(&str, bool)> {
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

/// Whether a locale whose messages are `present` translates the source
/// message `id`: it defines it, with a value where the source's has one (a
/// source message with attributes alone needs only the id; its attributes
/// are compared one by one).
fn translates(present: &[(&str, bool)], id: &str, source_has_value: bool) -> bool {
    has_value(present, id).is_some_and(|has_value| has_value || !source_has_value)
}

/// Whether a definition of `id` among `defined` (from [`defined_messages`])
/// has a value; `None` when none defines it.
fn has_value(defined: &[(&str, bool)], id: &str) -> Option<bool> {
    defined
        .binary_search_by(|(defined_id, _)| defined_id.cmp(&id))
        .ok()
        .map(|at| defined[at].1)
}

/// The shapes of the source locale's messages, by resource, worked out once.
fn source_shapes(source: &LocaleFiles) -> BTreeMap<String, text::Shapes<'_>> {
    source
        .files
        .par_iter()
        .map(|(name, file)| (name.clone(), text::Shapes::of(file)))
        .collect()
}

/// What every file of a locale is checked against.
struct Rules<'r> {
    /// Every name the locale defines, for references.
    defined: &'r BTreeSet<String>,
    /// The project's policy (`allow-identical`).
    policy: &'r CheckPolicy,
    /// Whether the files are a letter's or any Fluent tree's.
    markup: text::Markup,
    /// The functions messages may call.
    functions: &'r [&'r str],
    /// The source messages' shapes, by resource.
    shapes: &'r BTreeMap<String, text::Shapes<'r>>,
    /// The plural categories of the locale's numbers.
    plurals: &'r PluralCategories,
}

/// Checks the locale's file `resource` against the source's; `shapes` are
/// the file's own message shapes where the caller has worked them out.
fn check_file(
    source: &LocaleFiles,
    files: &LocaleFiles,
    resource: &str,
    shapes: Option<&text::Shapes<'_>>,
    rules: &Rules<'_>,
    found: &mut Vec<Finding>,
) {
    let Rules {
        defined,
        policy,
        markup,
        functions,
        ..
    } = *rules;
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
            file.location_of_span(error.pos.clone()),
            describe_parser_error(error),
        ));
    }
    let in_source = defined_messages(source_file);
    let mut seen = BTreeSet::new();
    for message in file.message_defs() {
        let location = || file.location_of(message.id.name);
        if !seen.insert(message.id.name) {
            found.push(finding(
                Code::DuplicateMessage,
                lang,
                Some(message.id.name),
                location(),
                format!(
                    "`{}` is defined again here; only the first definition is used: remove one",
                    message.id.name
                ),
            ));
        }
        // A locale's own text of a message its source lacks is still shown
        // where letterkit supplies the source's (an added page message).
        let optional = resource == COMMON_RESOURCE
            && (message.id.name == LETTER_DATE_MESSAGE
                || ADDED_PAGE_MESSAGES.contains(&message.id.name));
        if has_value(&in_source, message.id.name).is_none() && !optional {
            found.push(finding(
                Code::ObsoleteMessage,
                lang,
                Some(message.id.name),
                location(),
                format!(
                    "`{}` is not in the source locale ({}): it is never shown; remove it, or rename it if its id changed",
                    message.id.name,
                    source_file.path.display()
                ),
            ));
        }
    }
    fluent::check_entries(
        file,
        source_file,
        lang,
        defined,
        functions,
        rules.plurals,
        found,
    );
    text::characters(file, lang, markup, found);
    if lang != source.lang() {
        fluent::compare_entries(source_file, file, lang, found);
        let (owned_source, owned_target);
        let wanted = match rules.shapes.get(resource) {
            Some(wanted) => wanted,
            None => {
                owned_source = text::Shapes::of(source_file);
                &owned_source
            }
        };
        let shapes = match shapes {
            Some(shapes) => shapes,
            None => {
                owned_target = text::Shapes::of(file);
                &owned_target
            }
        };
        text::compare_messages(
            wanted,
            shapes,
            lang,
            source.lang(),
            &policy.allow_identical,
            markup,
            found,
        );
    }
    let present = defined_messages(file);
    let mut previous: Option<&str> = None;
    for (message, source_location) in source_file.messages() {
        let id = message.id.name;
        if translates(&present, id, message.value.is_some()) {
            previous = Some(id);
            continue;
        }
        let location = match (file.location_of_scaffold(id), previous) {
            (Some(scaffold), _) => scaffold,
            (None, Some(previous)) => file.location_after(previous),
            (None, None) => Location::file_start(&file.path),
        };
        let mut missing = finding(
            Code::MissingMessage,
            lang,
            Some(id),
            location,
            format!(
                "`{id}` is not translated: add it (the source text is at {source_location}); until then the {} text is shown",
                source.lang()
            ),
        );
        if resource == COMMON_RESOURCE && ADDED_PAGE_MESSAGES.contains(&id) {
            missing.severity = Severity::Warning;
        }
        found.push(missing);
    }
    if resource == COMMON_RESOURCE && lang == source.lang() {
        for id in ADDED_PAGE_MESSAGES {
            if has_value(&in_source, id).is_none() {
                let mut missing = finding(
                    Code::MissingMessage,
                    lang,
                    Some(id),
                    file.location_of_span(file.source().len()..file.source().len()),
                    format!(
                        "`{id}`, page text added in a newer letterkit, is not in the source locale: add it (a project made by `letterkit init` has it); until then letterkit's English text is shown"
                    ),
                );
                missing.severity = Severity::Warning;
                found.push(missing);
            }
        }
    }
}

/// How much of `letter` the locale `files` translates.
pub(crate) fn letter_coverage(
    source: &LocaleFiles,
    files: &LocaleFiles,
    letter: &Letter,
) -> Coverage {
    let mut coverage = Coverage {
        letter: letter.name.clone(),
        locale: files.lang().tag().to_owned(),
        required: files.settings.required,
        status: files.settings.status,
        translated: 0,
        total: 0,
        words_translated: 0,
        words_total: 0,
    };
    for resource in [COMMON_RESOURCE, letter.name.as_str()] {
        if let Some(source_file) = source.file(resource) {
            coverage.add(source_file, files.file(resource));
        }
    }
    coverage
}

/// Findings from formatting the locale's own messages through the real
/// localizer (format errors, raw HTML, unsafe links, unknown notes), and
/// from the markup of every message of the letter's files as written.
/// `shapes` gives a file's message shapes by resource.
fn message_issues<'s>(
    project: &Project,
    letter: &Letter,
    files: &LocaleFiles,
    prepared: &localize::Prepared,
    shapes: &dyn Fn(&str) -> Option<&'s text::Shapes<'s>>,
    found: &mut Vec<Finding>,
) {
    let lang = files.lang();
    // As the localizer's bundle does, the common file's definition comes first.
    let written_notes = |id: &str| {
        [COMMON_RESOURCE, letter.name.as_str()]
            .into_iter()
            .find_map(|resource| shapes(resource)?.notes(id))
    };
    let Ok(issues) = localize::own_issues(project, letter, files, prepared, &written_notes) else {
        return;
    };
    let resources = [letter.name.as_str(), COMMON_RESOURCE];
    for issue in issues.iter().filter(|i| &i.lang == lang) {
        let location = match resources
            .iter()
            .filter_map(|r| files.file(r))
            .find_map(|f| Some((f, f.message(&issue.id)?)))
        {
            Some((file, message)) => file.location_of(message.id.name),
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
            IssueKind::Markup(markup) => markup_finding(&issue.id, markup, letter),
        };
        found.push(finding(code, lang, Some(&issue.id), location, message));
    }
    // A message this build does not format through Markdown (a language's
    // name, a notice shown only when something falls back, the frame of a
    // cited title), or that is text alone, reaches pages with its markup as
    // written.
    let reported: BTreeSet<(&str, Code)> = issues
        .iter()
        .filter(|i| &i.lang == lang)
        .filter_map(|i| match &i.kind {
            IssueKind::Markup(markup) => {
                Some((i.id.as_str(), markup_finding(&i.id, markup, letter).0))
            }
            IssueKind::Format(_) => None,
        })
        .collect();
    for resource in resources {
        let (Some(file), Some(shapes)) = (files.file(resource), shapes(resource)) else {
            continue;
        };
        let mut seen = BTreeSet::new();
        for message in file.message_defs() {
            let id = message.id.name;
            if !seen.insert(id) {
                continue;
            }
            for markup in shapes.markup(id) {
                let (code, text) = markup_finding(id, markup, letter);
                if !reported.contains(&(id, code)) {
                    found.push(finding(code, lang, Some(id), file.location_of(id), text));
                }
            }
        }
    }
}

/// The code and sentence of a finding about markup in message `id`.
fn markup_finding(id: &str, markup: &MarkupIssue, letter: &Letter) -> (Code, String) {
    match markup {
        MarkupIssue::RawHtml(html) => (
            Code::RawHtml,
            format!(
                "`{id}` contains HTML `{html}`; it is shown as text: use Markdown (*emphasis*, [link](https://…)) instead"
            ),
        ),
        MarkupIssue::UnsafeLink(url) => (
            Code::UnsafeLink,
            format!(
                "`{id}` links to `{url}`; only https, http and mailto links are allowed, so only its text is shown"
            ),
        ),
        MarkupIssue::UnknownNote(note) => (
            Code::UnknownNote,
            format!(
                "`{id}` refers to note [^{note}], which the letter does not have (notes: {})",
                letter
                    .sources
                    .iter()
                    .map(|s| format!("[^{}]", s.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        MarkupIssue::Image(url) => (
            Code::Image,
            format!("`{id}` contains an image (`{url}`); only its description is shown"),
        ),
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    use crate::config::LocaleSettings;

    fn locale(tag: &str, resources: &[(&str, &str)]) -> LocaleFiles {
        let mut files = LocaleFiles {
            settings: LocaleSettings::new(Lang::parse(tag).unwrap()),
            folder: PathBuf::from(tag),
            files: BTreeMap::new(),
        };
        for (name, text) in resources {
            let path = PathBuf::from(format!("{tag}/{name}.ftl"));
            files.files.insert(
                (*name).to_owned(),
                FtlFile::parse(path, (*text).to_owned()).into(),
            );
        }
        files
    }

    /// The codes and message ids `check_file` reports for resource `app`.
    fn checked(source: &LocaleFiles, files: &LocaleFiles) -> Vec<(&'static str, Option<String>)> {
        let defined = fluent::defined_names(files);
        let shapes = source_shapes(source);
        let rules = Rules {
            defined: &defined,
            policy: &CheckPolicy::default(),
            markup: text::Markup::Tree,
            functions: localize::FLUENT_FUNCTIONS,
            shapes: &shapes,
            plurals: &PluralCategories::of(files.lang()),
        };
        let mut found = Vec::new();
        check_file(source, files, "app", None, &rules, &mut found);
        found
            .into_iter()
            .map(|f| (f.code.as_str(), f.message_id))
            .collect()
    }

    fn coverage(source: &LocaleFiles, files: &LocaleFiles) -> (usize, usize) {
        let mut coverage = Coverage {
            letter: ALL_FILES.to_owned(),
            locale: files.lang().tag().to_owned(),
            required: true,
            status: files.settings.status,
            translated: 0,
            total: 0,
            words_translated: 0,
            words_total: 0,
        };
        coverage.add(source.file("app").unwrap(), files.file("app"));
        (coverage.translated, coverage.total)
    }

    #[test]
    fn a_message_with_attributes_alone_is_reported_missing_and_counted() {
        let source = locale("en", &[("app", "a = A\nb =\n    .label = B\n")]);
        let without = locale("fr", &[("app", "a = A fr\n")]);
        assert_eq!(
            checked(&source, &without),
            [("missing-message", Some("b".to_owned()))]
        );
        assert_eq!(coverage(&source, &without), (1, 2));

        let with = locale("fr", &[("app", "a = A fr\nb =\n    .label = B fr\n")]);
        assert!(checked(&source, &with).is_empty());
        assert_eq!(coverage(&source, &with), (2, 2));
    }

    #[test]
    fn a_message_the_source_gives_a_value_needs_one() {
        let source = locale("en", &[("app", "a = A\n    .title = T\n")]);
        let target = locale("fr", &[("app", "a =\n    .title = T fr\n")]);
        assert_eq!(
            checked(&source, &target),
            [("missing-message", Some("a".to_owned()))]
        );
        assert_eq!(coverage(&source, &target), (0, 1));
    }
}
