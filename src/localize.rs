//! Localizing: one letter in one locale becomes a [`Document`]. Every message is
//! looked up through the locale's fallback chain; a message the locale lacks, or
//! that fails to format, is taken from the next locale in the chain and its span
//! keeps that locale's language, so renderers can mark the change of language.

use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use rayon::prelude::*;

use crate::config::{Lang, LocaleSettings, Status};
use crate::dates;
use crate::document::{
    Alternate, Block, Chrome, DateText, Document, Inline, Note, NoteRef, Signatory, Span,
};
use crate::letter::{self, Letter};
use crate::markdown::{self, MarkupIssue};
use crate::project::{COMMON_RESOURCE, LocaleFiles, Project};

/// The messages of the page chrome that the source locale's `common.ftl` must define.
pub const CHROME_MESSAGES: &[&str] = &[
    "language-name",
    "page-title",
    "skip-link",
    "language-switcher-label",
    "subject-label",
    "sources-heading",
    "note-reference",
    "back-to-reference",
    "cited-title",
    "draft-notice",
    "fallback-notice",
    "chooser-heading",
    "all-languages",
    "partial-translation",
];

/// The optional message in which a locale writes dates itself, where CLDR has no
/// date format for it.
pub const LETTER_DATE_MESSAGE: &str = "letter-date";

/// Why localizing failed.
#[derive(Debug, thiserror::Error)]
pub enum LocalizeError {
    /// No locale in the chain, not even the source, could format the message.
    #[error("message `{id}` could not be formatted in any of {chain}")]
    Unresolvable {
        /// The message id.
        id: String,
        /// The locales tried, comma-separated.
        chain: String,
    },
    /// The letter or locale is not part of the project.
    #[error("{0}")]
    Unknown(String),
}

/// A message that was taken from another locale than the document's.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fallback {
    /// The message id.
    pub id: String,
    /// The locale it was taken from.
    pub from: Lang,
}

/// A problem met while localizing one message in one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageIssue {
    /// The locale whose message it is.
    pub lang: Lang,
    /// The message id.
    pub id: String,
    /// What is wrong.
    pub kind: IssueKind,
}

/// What is wrong with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// Fluent could not format it (an unknown variable or reference); it fell back.
    Format(String),
    /// Its Markdown had something that is kept as text or dropped.
    Markup(MarkupIssue),
}

/// A letter localized into one locale, with what it took from other locales.
#[derive(Debug, Clone)]
pub struct Localized {
    /// The document.
    pub document: Document,
    /// Messages taken from another locale, sorted.
    pub fallbacks: Vec<Fallback>,
    /// Problems met in the messages used.
    pub issues: Vec<MessageIssue>,
}

type Bundle<'p> = FluentBundle<&'p FluentResource>;

/// What localizing one letter takes from the project whatever the locale: the
/// notes' numbers (from the source locale) and the name of every published
/// language in itself. Made once per letter, it is shared by every locale's
/// [`localize_prepared`], where making it per locale would format the whole
/// source letter and every language's name again for each locale.
#[derive(Debug, Clone)]
pub struct Prepared {
    note_numbers: BTreeMap<String, usize>,
    languages: Vec<(Lang, String)>,
}

impl Prepared {
    /// Prepares `letter` for the languages in `published`.
    pub fn new(project: &Project, letter: &Letter, published: &[Lang]) -> Self {
        let common = common_language_names(project, published);
        Self::with_names(project, letter, published, &common)
    }

    /// Prepares each of `letters` for the languages in `published`, in
    /// parallel; each language's name in its `common.ftl` is formatted once
    /// for all of them.
    pub fn for_letters(project: &Project, letters: &[&Letter], published: &[Lang]) -> Vec<Self> {
        let common = common_language_names(project, published);
        letters
            .par_iter()
            .map(|letter| Self::with_names(project, letter, published, &common))
            .collect()
    }

    fn with_names(
        project: &Project,
        letter: &Letter,
        published: &[Lang],
        common: &[Option<String>],
    ) -> Self {
        Prepared {
            note_numbers: number_notes(project, letter),
            languages: published
                .iter()
                .zip(common)
                .map(|(lang, name)| {
                    let name = name
                        .clone()
                        .unwrap_or_else(|| letter_language_name(project, letter, lang));
                    (lang.clone(), name)
                })
                .collect(),
        }
    }
}

/// Each language's name as its `common.ftl` alone formats it.
fn common_language_names(project: &Project, langs: &[Lang]) -> Vec<Option<String>> {
    langs
        .par_iter()
        .map(|lang| format_language_name(project, lang, &[COMMON_RESOURCE]))
        .collect()
}

/// Localizes `letter` into `lang`. `published` lists the languages the letter is
/// published in, for the language switcher.
pub fn localize(
    project: &Project,
    letter: &Letter,
    lang: &Lang,
    published: &[Lang],
) -> Result<Localized, LocalizeError> {
    localize_prepared(
        project,
        letter,
        lang,
        &Prepared::new(project, letter, published),
    )
}

/// Localizes `letter` into `lang` with what [`Prepared::new`] made for the
/// letter; the published languages are those it was prepared for.
pub fn localize_prepared(
    project: &Project,
    letter: &Letter,
    lang: &Lang,
    prepared: &Prepared,
) -> Result<Localized, LocalizeError> {
    localize_in(project, letter, lang, prepared, Scope::Chain)
}

/// The problems met in `lang`'s own messages while localizing `letter`: those
/// of [`localize_prepared`]'s issues whose locale is `lang`, but for the
/// raw HTML, unsafe links and images of a message that is text alone (no
/// placeable), which are those of the file as written and are found by
/// reading it. `written_notes` gives the note ids written in such a
/// message's text, where the caller has read them; a message it has none for
/// is read as Markdown here. Nothing is taken from other locales and no
/// document is made, so this costs a fraction of localizing.
pub fn own_issues<'w>(
    project: &Project,
    letter: &Letter,
    files: &'w LocaleFiles,
    prepared: &Prepared,
    written_notes: &'w dyn Fn(&str) -> Option<&'w [String]>,
) -> Result<Vec<MessageIssue>, LocalizeError> {
    let scope = Scope::Own {
        files,
        written_notes,
    };
    localize_in(project, letter, files.lang(), prepared, scope).map(|localized| localized.issues)
}

/// Which locales a localization formats messages from.
#[derive(Clone, Copy)]
enum Scope<'w> {
    /// The whole fallback chain, for a document.
    Chain,
    /// The locale alone, with these files (which a project loaded deferred
    /// does not hold), for its own issues: a message it lacks or cannot
    /// format is left empty, and a text-only value is not read as Markdown
    /// when `written_notes` knows its note ids.
    Own {
        files: &'w LocaleFiles,
        written_notes: &'w dyn Fn(&str) -> Option<&'w [String]>,
    },
}

fn localize_in(
    project: &Project,
    letter: &Letter,
    lang: &Lang,
    prepared: &Prepared,
    scope: Scope<'_>,
) -> Result<Localized, LocalizeError> {
    let settings = project.locale(lang).map(|l| &l.settings).ok_or_else(|| {
        LocalizeError::Unknown(format!("`{lang}` is not a locale of this project"))
    })?;
    let chain_langs = project.config.fallback_chain(lang);
    let chain: Vec<(&LocaleSettings, Bundle<'_>)> = match scope {
        Scope::Own { files, .. } => vec![(
            &files.settings,
            bundle_of_files(files, &[COMMON_RESOURCE, letter.name.as_str()]),
        )],
        Scope::Chain => chain_langs
            .iter()
            .filter_map(|l| project.locale(l))
            .map(|files| (&files.settings, bundle_for(project, letter, files.lang())))
            .collect(),
    };
    let mut resolver = Resolver {
        lang: lang.clone(),
        chain,
        scope,
        fallback_lang: chain_langs.last().cloned().unwrap_or_else(|| lang.clone()),
        fallbacks: BTreeMap::new(),
        issues: Vec::new(),
    };
    let note_numbers = &prepared.note_numbers;
    let mut occurrences: BTreeMap<usize, usize> = BTreeMap::new();
    let mut note_labels: BTreeMap<usize, Span> = BTreeMap::new();

    let mut body_span =
        |resolver: &mut Resolver<'_, '_>, id: &str| -> Result<Span, LocalizeError> {
            let mut labels = Vec::new();
            let mut span = resolver.span(id, &FluentArgs::new(), &mut |note_id| {
                let number = *note_numbers.get(note_id)?;
                let occurrence = occurrences.entry(number).or_default();
                *occurrence += 1;
                labels.push(number);
                Some(Inline::NoteRef(NoteRef {
                    number,
                    occurrence: *occurrence,
                    // Filled in below, once the parser no longer borrows the resolver.
                    label: Span {
                        lang: lang.clone(),
                        content: Vec::new(),
                    },
                }))
            })?;
            for number in labels {
                // A note's label is the same at each of its references.
                let label = match note_labels.get(&number) {
                    Some(label) => label,
                    None => {
                        let label = resolver.plain_span("note-reference", &number_args(number))?;
                        note_labels.entry(number).or_insert(label)
                    }
                };
                set_note_label(&mut span.content, number, label);
            }
            Ok(span)
        };

    let recipient = body_span(&mut resolver, &letter.recipient.name)?;
    let subject = body_span(&mut resolver, &letter.subject)?;
    let salutation = body_span(&mut resolver, &letter.salutation)?;
    let mut body = Vec::with_capacity(letter.body.len());
    for block in &letter.body {
        body.push(match block {
            letter::Block::Paragraph(id) => Block::Paragraph(body_span(&mut resolver, id)?),
            letter::Block::List(items) => Block::List(
                items
                    .iter()
                    .map(|id| body_span(&mut resolver, id))
                    .collect::<Result<_, _>>()?,
            ),
        });
    }
    let closing = body_span(&mut resolver, &letter.closing)?;
    let mut signatories = Vec::with_capacity(letter.signatories.len());
    for signatory in &letter.signatories {
        signatories.push(Signatory {
            name: signatory.name.clone(),
            title: body_span(&mut resolver, &signatory.title)?,
            organisation: body_span(&mut resolver, &signatory.organisation)?,
        });
    }

    let mut notes = Vec::with_capacity(letter.sources.len());
    let mut numbered: Vec<(&usize, &letter::Source)> = letter
        .sources
        .iter()
        .map(|s| (&note_numbers[&s.id], s))
        .collect();
    numbered.sort_by_key(|(number, _)| **number);
    for (&number, source) in numbered {
        let cited_title = match &source.cited_title {
            Some(title) => {
                let mut args = FluentArgs::new();
                args.set("title", title.as_str());
                let mut span = resolver.plain_span("cited-title", &args)?;
                let title_lang = source
                    .cited_title_lang
                    .as_deref()
                    .and_then(|t| Lang::parse(t).ok());
                mark_isolates(&mut span.content, title, title_lang);
                Some(span)
            }
            None => None,
        };
        notes.push(Note {
            number,
            references: 0,
            back_label: resolver.plain_span("back-to-reference", &number_args(number))?,
            description: body_span(&mut resolver, &source.description)?,
            cited_title,
            url: source.url.clone(),
        });
    }

    for note in &mut notes {
        note.references = occurrences.get(&note.number).copied().unwrap_or(0);
    }

    let date = DateText {
        iso: letter.date.iso(),
        text: resolver.date(letter.date),
    };
    let subject_text = subject.plain_text();
    let mut title_args = FluentArgs::new();
    title_args.set("subject", subject_text.as_str());
    let title = resolver.plain_span("page-title", &title_args)?.plain_text();

    let mut chrome = Chrome {
        skip_link: resolver.plain_span("skip-link", &FluentArgs::new())?,
        language_switcher_label: resolver
            .plain_span("language-switcher-label", &FluentArgs::new())?,
        sources_heading: resolver.plain_span("sources-heading", &FluentArgs::new())?,
        draft_notice: match settings.status {
            Status::Draft => Some(resolver.plain_span("draft-notice", &FluentArgs::new())?),
            Status::Reviewed => None,
        },
        fallback_notice: None,
        chooser_heading: resolver.plain_span("chooser-heading", &FluentArgs::new())?,
        all_languages: resolver.plain_span("all-languages", &FluentArgs::new())?,
        partial_translation: resolver.plain_span("partial-translation", &FluentArgs::new())?,
    };
    let subject_label = resolver.plain_span("subject-label", &FluentArgs::new())?;

    let fallback_lang = resolver.fallbacks.values().next().cloned();
    if let Some(from) = fallback_lang {
        let name = prepared
            .languages
            .iter()
            .find(|(l, _)| *l == from)
            .map_or_else(|| language_name(project, letter, &from), |(_, n)| n.clone());
        let mut args = FluentArgs::new();
        args.set("language", name.as_str());
        let mut notice = resolver.plain_span("fallback-notice", &args)?;
        mark_isolates(&mut notice.content, &name, Some(from));
        chrome.fallback_notice = Some(notice);
    }

    let languages = prepared
        .languages
        .iter()
        .map(|(l, name)| Alternate {
            lang: l.clone(),
            name: name.clone(),
            current: l == lang,
        })
        .collect();

    let document = Document {
        letter: letter.name.clone(),
        lang: lang.clone(),
        status: settings.status,
        title,
        chrome,
        date,
        recipient,
        address: letter.recipient.address.clone(),
        data_lang: project.config.source.clone(),
        subject_label,
        subject,
        salutation,
        body,
        closing,
        signatories,
        notes,
        languages,
        pdf: false,
    };
    let mut fallbacks: Vec<Fallback> = resolver
        .fallbacks
        .into_iter()
        .map(|(id, from)| Fallback { id, from })
        .collect();
    fallbacks.sort();
    Ok(Localized {
        document,
        fallbacks,
        issues: resolver.issues,
    })
}

/// A language's name in itself, from its own `common.ftl`; its tag where that
/// file does not name it.
pub fn language_name(project: &Project, letter: &Letter, lang: &Lang) -> String {
    // The name is nearly always `common.ftl`'s own: a bundle of that file alone
    // is a third of the work, and the same for every letter.
    format_language_name(project, lang, &[COMMON_RESOURCE])
        .unwrap_or_else(|| letter_language_name(project, letter, lang))
}

/// The language's name where `common.ftl` alone cannot format it: the
/// letter's file may define it, or what it refers to; else the tag.
fn letter_language_name(project: &Project, letter: &Letter, lang: &Lang) -> String {
    format_language_name(project, lang, &[COMMON_RESOURCE, letter.name.as_str()])
        .unwrap_or_else(|| lang.tag().to_owned())
}

/// `language-name` formatted in a bundle of the locale's files named.
fn format_language_name(project: &Project, lang: &Lang, resources: &[&str]) -> Option<String> {
    let bundle = bundle_of(project, lang, resources);
    format_plain(&bundle, "language-name", &FluentArgs::new())
        .ok()
        .flatten()
        .map(|name| markdown::clean_text(&name))
        .filter(|name| !name.trim().is_empty())
}

/// The functions a letter's messages may call: the built-ins fluent-bundle has.
pub const KNOWN_FUNCTIONS: &[&str] = &["NUMBER"];

/// The built-in functions of the Fluent specification, which other Fluent
/// runtimes (fluent.js) provide.
pub const FLUENT_FUNCTIONS: &[&str] = &["NUMBER", "DATETIME"];

/// A bundle with the locale's `common.ftl` and the letter's file, as far as they exist.
fn bundle_for<'p>(project: &'p Project, letter: &Letter, lang: &Lang) -> Bundle<'p> {
    bundle_of(project, lang, &[COMMON_RESOURCE, letter.name.as_str()])
}

/// A bundle with the locale's files named, in order, as far as they exist.
fn bundle_of<'p>(project: &'p Project, lang: &Lang, resources: &[&str]) -> Bundle<'p> {
    match project.locale(lang) {
        Some(files) => bundle_of_files(files, resources),
        None => new_bundle(lang),
    }
}

/// A bundle with the files named of `files`, in order, as far as they exist.
fn bundle_of_files<'f>(files: &'f LocaleFiles, resources: &[&str]) -> Bundle<'f> {
    let mut bundle = new_bundle(files.lang());
    for name in resources {
        if let Some(file) = files.file(name) {
            // A message defined twice keeps its first definition; check reports it.
            let _ = bundle.add_resource(&file.resource);
        }
    }
    bundle
}

fn new_bundle<'f>(lang: &Lang) -> Bundle<'f> {
    let mut bundle = FluentBundle::new(vec![lang.language_identifier()]);
    // Fluent wraps each interpolated value in FSI…PDI; markdown turns those into
    // isolates, which each renderer writes its own way.
    bundle.set_use_isolating(true);
    bundle
        .add_builtins()
        .expect("the built-in functions are added to a new bundle once");
    bundle
}

/// The text of a pattern that is text alone (no placeable), as Fluent
/// formats it.
fn text_alone(pattern: &fluent_syntax::ast::Pattern<&str>) -> Option<String> {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            fluent_syntax::ast::PatternElement::TextElement { value } => Some(*value),
            fluent_syntax::ast::PatternElement::Placeable { .. } => None,
        })
        .collect()
}

/// Formats `id` as a plain string: `Ok(None)` when the bundle lacks it (or it has
/// no value), `Err` with Fluent's errors when it fails to format.
fn format_plain(
    bundle: &Bundle<'_>,
    id: &str,
    args: &FluentArgs<'_>,
) -> Result<Option<String>, String> {
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return Ok(None);
    };
    let mut errors = Vec::new();
    let value = bundle.format_pattern(pattern, Some(args), &mut errors);
    if errors.is_empty() {
        Ok(Some(value.into_owned()))
    } else {
        Err(errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "))
    }
}

struct Resolver<'p, 'w> {
    lang: Lang,
    chain: Vec<(&'p LocaleSettings, Bundle<'p>)>,
    scope: Scope<'w>,
    /// The last locale of the chain, named as the source of what [`Scope::Own`] lacks.
    fallback_lang: Lang,
    fallbacks: BTreeMap<String, Lang>,
    issues: Vec<MessageIssue>,
}

/// A message formatted by one locale of the chain.
struct Formatted {
    lang: Lang,
    value: String,
    /// Whether the pattern is text alone: its value is the file's text.
    /// Worked out for [`Scope::Own`] only; false otherwise.
    text_only: bool,
}

impl Resolver<'_, '_> {
    /// The first locale in the chain that formats `id`, and the value.
    fn format(&mut self, id: &str, args: &FluentArgs<'_>) -> Result<Formatted, LocalizeError> {
        for (settings, bundle) in &self.chain {
            // Only the locale's own issues read it: a page's formatting skips the lookup.
            // Text alone formats as itself, without the resolver.
            let own_text = match self.scope {
                Scope::Own { .. } => bundle
                    .get_message(id)
                    .and_then(|m| m.value())
                    .and_then(text_alone),
                Scope::Chain => None,
            };
            let text_only = own_text.is_some();
            let formatted = match own_text {
                Some(text) => Ok(Some(text)),
                None => format_plain(bundle, id, args),
            };
            match formatted {
                Ok(Some(value)) => {
                    if settings.lang != self.lang {
                        self.fallbacks.insert(id.to_owned(), settings.lang.clone());
                    }
                    return Ok(Formatted {
                        lang: settings.lang.clone(),
                        value,
                        text_only,
                    });
                }
                Ok(None) => {}
                Err(message) => self.issues.push(MessageIssue {
                    lang: settings.lang.clone(),
                    id: id.to_owned(),
                    kind: IssueKind::Format(message),
                }),
            }
        }
        if let Scope::Own { .. } = self.scope {
            self.fallbacks
                .insert(id.to_owned(), self.fallback_lang.clone());
            return Ok(Formatted {
                lang: self.fallback_lang.clone(),
                value: String::new(),
                text_only: true,
            });
        }
        Err(LocalizeError::Unresolvable {
            id: id.to_owned(),
            chain: self
                .chain
                .iter()
                .map(|(s, _)| s.lang.tag())
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// A message as a span of inline content.
    fn span(
        &mut self,
        id: &str,
        args: &FluentArgs<'_>,
        resolve_note: &mut dyn FnMut(&str) -> Option<Inline>,
    ) -> Result<Span, LocalizeError> {
        let Formatted {
            lang,
            value,
            text_only,
        } = self.format(id, args)?;
        if let Scope::Own { written_notes, .. } = self.scope
            && text_only
        {
            let notes = if value.contains("[^") {
                written_notes(id)
            } else {
                Some(&[][..])
            };
            if let Some(notes) = notes {
                for note in notes {
                    if resolve_note(note).is_none() {
                        self.issues.push(MessageIssue {
                            lang: lang.clone(),
                            id: id.to_owned(),
                            kind: IssueKind::Markup(MarkupIssue::UnknownNote(note.clone())),
                        });
                    }
                }
                return Ok(Span {
                    lang,
                    content: vec![Inline::Text(value)],
                });
            }
        }
        let (content, markup) = markdown::parse_inline(&value, resolve_note);
        self.issues
            .extend(markup.into_iter().map(|issue| MessageIssue {
                lang: lang.clone(),
                id: id.to_owned(),
                kind: IssueKind::Markup(issue),
            }));
        Ok(Span { lang, content })
    }

    /// A chrome message, in which note references mean nothing.
    fn plain_span(&mut self, id: &str, args: &FluentArgs<'_>) -> Result<Span, LocalizeError> {
        self.span(id, args, &mut |_| None)
    }

    /// The date, written by the first locale in the chain that can: its own
    /// `letter-date` message, else CLDR; ISO 8601 as the last resort.
    fn date(&mut self, date: letter::Date) -> Span {
        let mut args = FluentArgs::new();
        args.set("day", date.day);
        args.set("month", date.month);
        args.set("year", date.year);
        for (settings, bundle) in &self.chain {
            // The parts of a date are in the date's own language: nothing to isolate.
            let own = format_plain(bundle, LETTER_DATE_MESSAGE, &args)
                .ok()
                .flatten()
                .map(|text| text.replace(['\u{2068}', '\u{2069}'], ""));
            let text = own.or_else(|| {
                dates::cldr_has_date_format(&settings.date_locale)
                    .then(|| dates::format_long_date(date, &settings.date_locale))
                    .flatten()
            });
            if let Some(text) = text {
                let lang = settings.lang.clone();
                if lang != self.lang {
                    self.fallbacks
                        .insert(LETTER_DATE_MESSAGE.to_owned(), lang.clone());
                }
                let (content, _) = markdown::parse_inline(&text, &mut |_| None);
                return Span { lang, content };
            }
        }
        Span {
            lang: self.lang.clone(),
            content: vec![Inline::Text(date.iso())],
        }
    }
}

fn number_args(number: usize) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set("number", FluentValue::from(number));
    args
}

/// Numbers the letter's sources: those cited, in the order the source locale
/// first cites them, then those never cited, in listed order. Numbering follows
/// the source so that note 2 is the same source in every language.
fn number_notes(project: &Project, letter: &Letter) -> BTreeMap<String, usize> {
    let source_bundle = bundle_for(project, letter, &project.config.source);
    let mut order: Vec<&str> = Vec::new();
    for id in letter.message_ids() {
        let Ok(Some(value)) = format_plain(&source_bundle, id, &FluentArgs::new()) else {
            continue;
        };
        markdown::parse_inline(&value, &mut |note_id| {
            if let Some(source) = letter.source(note_id)
                && !order.contains(&source.id.as_str())
            {
                order.push(source.id.as_str());
            }
            None
        });
    }
    for source in &letter.sources {
        if !order.contains(&source.id.as_str()) {
            order.push(source.id.as_str());
        }
    }
    order.into_iter().map(str::to_owned).zip(1..).collect()
}

fn set_note_label(content: &mut [Inline], number: usize, label: &Span) {
    for inline in content {
        match inline {
            Inline::NoteRef(note) if note.number == number && note.label.content.is_empty() => {
                note.label = label.clone();
                return;
            }
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Link {
                content: children, ..
            }
            | Inline::Isolate {
                content: children, ..
            } => set_note_label(children, number, label),
            _ => {}
        }
    }
}

/// Gives the isolate holding `text` (an interpolated value) its own language.
fn mark_isolates(content: &mut [Inline], text: &str, lang: Option<Lang>) {
    for inline in content {
        if let Inline::Isolate {
            lang: isolate_lang,
            content,
        } = inline
            && matches!(content.as_slice(), [Inline::Text(t)] if t == text)
        {
            *isolate_lang = lang.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;

    #[test]
    fn text_alone_is_what_fluent_formats() {
        let source = "one = Plain text.\nlines =\n    First line,\n      indented second,\n\n    after a blank line.\nspaced =   leading spaces and trailing   \nunicode = Ça va · ١٢٣ · 日本語\nplaceable = Hello { $name }\nliteral = { \"quoted\" } text\n";
        let resource = FluentResource::try_new(source.to_owned()).expect("valid Fluent");
        let mut bundle = new_bundle(&Lang::parse("fr").expect("a tag"));
        bundle.add_resource(&resource).expect("no duplicates");
        for id in ["one", "lines", "spaced", "unicode"] {
            let pattern = bundle.get_message(id).and_then(|m| m.value()).expect(id);
            let formatted = format_plain(&bundle, id, &FluentArgs::new()).expect(id);
            assert_eq!(text_alone(pattern), formatted, "{id}");
        }
        for id in ["placeable", "literal"] {
            let pattern = bundle.get_message(id).and_then(|m| m.value()).expect(id);
            assert_eq!(text_alone(pattern), None, "{id}");
        }
    }
}
