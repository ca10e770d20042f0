//! The checks of one Fluent file against the source locale's (completeness,
//! syntax, duplicates, then the Fluent and text checks), and the checks of a
//! locale that need a letter or the project: what the localizer reports
//! formatting each message, stale translations, the date format.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::report::{Finding, finding};
use super::{CheckError, fluent, text};
use crate::code::{Code, Severity};
use crate::config::CheckPolicy;
use crate::coverage::{defined_messages, has_value, translates};
use crate::dates;
use crate::ftl::FtlFile;
use crate::ids::{ADDED_PAGE_MESSAGES, COMMON_RESOURCE, LETTER_DATE_MESSAGE};
use crate::lang::Lang;
use crate::letter::Letter;
use crate::localize::{self, IssueKind, MessageIssue};
use crate::location::Location;
use crate::markdown::MarkupIssue;
use crate::plurals::PluralCategories;
use crate::project::{LocaleFiles, Project};

/// The shapes of the source locale's messages of the `wanted` resources,
/// by resource, worked out once.
pub(super) fn source_shapes<'s>(
    source: &'s LocaleFiles,
    wanted: &(dyn Fn(&str) -> bool + Sync),
) -> BTreeMap<String, text::Shapes<'s>> {
    source
        .files
        .par_iter()
        .filter(|(name, _)| wanted(name))
        .map(|(name, file)| (name.clone(), text::Shapes::of(file)))
        .collect()
}

/// What every file of a locale is checked against.
pub(super) struct Rules<'r> {
    /// Every name the locale defines, for references.
    pub(super) defined: &'r BTreeSet<String>,
    /// The project's policy (`allow-identical`).
    pub(super) policy: &'r CheckPolicy,
    /// Whether the files are a letter's or any Fluent tree's.
    pub(super) markup: text::Markup,
    /// The functions messages may call.
    pub(super) functions: &'r [&'r str],
    /// The source messages' shapes, by resource.
    pub(super) shapes: &'r BTreeMap<String, text::Shapes<'r>>,
    /// The plural categories of the locale's numbers.
    pub(super) plurals: &'r PluralCategories,
    /// The variables each resource's messages are given besides those its
    /// source messages use (a letter's `$signatory-count` and `[variables]`).
    pub(super) given: &'r BTreeMap<String, Vec<String>>,
    /// Whether to look for everything, or only for what keeps a message from
    /// being published (no heuristics, no missing messages).
    pub(super) full: bool,
}

/// The characters written in `file` (hidden or bidi ones the source's
/// message lacks) and, in a translation, its links, markup and (in a full
/// check) heuristics against the source's ([`text::compare_messages`]).
fn judge_written(
    (source_file, source_lang): (&FtlFile, &Lang),
    (file, lang): (&FtlFile, &Lang),
    resource: &str,
    shapes: Option<&text::Shapes<'_>>,
    rules: &Rules<'_>,
    found: &mut Vec<Finding>,
) {
    if lang == source_lang {
        text::characters(file, lang, rules.markup, found);
        return;
    }
    text::characters_against(file, Some(source_file), lang, rules.markup, found);
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
        source_lang,
        rules.full.then_some(&rules.policy.allow_identical[..]),
        rules.markup,
        found,
    );
}

/// Checks the locale's file `resource` against the source's; `shapes` are
/// the file's own message shapes where the caller has worked them out.
pub(super) fn check_file(
    source: &LocaleFiles,
    files: &LocaleFiles,
    resource: &str,
    shapes: Option<&text::Shapes<'_>>,
    rules: &Rules<'_>,
    found: &mut Vec<Finding>,
) {
    let Rules {
        defined, functions, ..
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
        found.push(syntax_error(file, lang, error));
    }
    // Formatting bounds NUMBER()'s options rather than failing: a call
    // outside them is found here, for publishing too.
    fluent::check_number_calls(file, lang, rules.markup == text::Markup::Letter, found);
    // For publishing, what Fluent cannot format is found by formatting it:
    // only the characters, links and markup written are judged here.
    if !rules.full {
        judge_written(
            (source_file, source.lang()),
            (file, lang),
            resource,
            shapes,
            rules,
            found,
        );
        return;
    }
    let mut terms = BTreeSet::new();
    for entry in file.resource.entries() {
        if let fluent_syntax::ast::Entry::Term(term) = entry
            && !terms.insert(term.id.name)
        {
            found.push(finding(
                Code::DuplicateMessage,
                lang,
                None,
                file.location_of(term.id.name),
                format!(
                    "the term `-{}` is defined again here; only the first definition is used: remove one",
                    term.id.name
                ),
            ));
        }
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
    if lang != source.lang() {
        let given = rules.given.get(resource).map_or(&[][..], Vec::as_slice);
        fluent::compare_entries(source_file, file, lang, given, found);
    }
    judge_written(
        (source_file, source.lang()),
        (file, lang),
        resource,
        shapes,
        rules,
        found,
    );
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

/// Findings from formatting the locale's own messages through the real
/// localizer (format errors, raw HTML, unsafe links, unknown notes), and
/// from the markup of every message of the letter's files as written.
/// `shapes` gives a file's message shapes by resource.
pub(super) fn message_issues<'s>(
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
    found.extend(
        issues
            .iter()
            .filter(|i| &i.lang == lang)
            .map(|issue| issue_finding(files, letter, issue)),
    );
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
/// The finding for `issue`, met while localizing `letter` in the locale of
/// `files` (the issue's own locale): at the message's definition in the
/// letter's file or the page text, else at the start of the letter's file.
pub fn issue_finding(files: &LocaleFiles, letter: &Letter, issue: &MessageIssue) -> Finding {
    let location = match [letter.name.as_str(), COMMON_RESOURCE]
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
    finding(code, files.lang(), Some(&issue.id), location, message)
}

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

/// A finding for each translation made from an older source text.
pub(super) fn stale_translations(
    project: &Project,
    files: &LocaleFiles,
    letters: &[&Letter],
    found: &mut Vec<Finding>,
) -> Result<(), CheckError> {
    let stale = crate::lock::stale_translations(project, files)?;
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

/// A finding when neither CLDR nor the locale's `common.ftl` can write the
/// letter's date.
pub(super) fn date_format(files: &LocaleFiles, found: &mut Vec<Finding>) {
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

/// Formats every message and attribute of a locale with Fluent, each variable
/// given a number, and reports what the resolver refuses that no other check
/// names: a message that expands into too many placeables.
pub(super) fn format_every_message(files: &LocaleFiles, found: &mut Vec<Finding>) {
    use fluent_bundle::resolver::ResolverError;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentError, FluentValue};

    let mut bundle = FluentBundle::new(vec![files.lang().language_identifier()]);
    bundle.set_use_isolating(false);
    crate::functions::add_to(&mut bundle);
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

/// A syntax error at the entry the parser could not read, with its id where
/// one can be read, its extent and where the parser stopped.
fn syntax_error(
    file: &FtlFile,
    lang: &crate::lang::Lang,
    error: &fluent_syntax::parser::ParserError,
) -> Finding {
    let place = file.syntax_error_place(error);
    let reason = crate::ftl::parser_reason(error);
    let entry = match &place.id {
        Some(id) => format!("the entry `{id}`"),
        None => "this entry".to_owned(),
    };
    let lines = if place.end.line > place.entry.line {
        format!("lines {} to {}", place.entry.line, place.end.line)
    } else {
        format!("line {}", place.entry.line)
    };
    let message = format!(
        "Fluent syntax error in {entry} ({lines}): {reason} at line {}, column {}, where the parser stopped; the entry is ignored until it is fixed",
        place.stopped.line, place.stopped.column
    );
    let mut found = finding(
        Code::SyntaxError,
        lang,
        place.id.as_deref(),
        place.entry,
        message,
    );
    found.extent = Some(Box::new(super::report::Extent {
        end_line: place.end.line,
        end_column: place.end.column,
        stopped_line: place.stopped.line,
        stopped_column: place.stopped.column,
        stopped_offset: place.stopped.span.map_or(0, |s| s.start),
    }));
    found
}

#[cfg(test)]
mod tests;
