//! Localizing: one letter in one locale becomes a [`Document`]. Every message is
//! looked up through the locale's fallback chain; a message the locale lacks, or
//! that fails to format, is taken from the next locale in the chain and its span
//! keeps that locale's language, so renderers can mark the change of language.

mod numerals;
mod resolve;

use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentValue};
use rayon::prelude::*;

use crate::config::LocaleSettings;
use crate::document::{
    Alternate, Block, Chrome, DateText, Document, Inline, Note, NoteRef, Signatory, SiteText, Span,
};
use crate::ids::{
    COMMON_RESOURCE, DOCUMENT_LANGUAGE_MESSAGE, INDEX_FEED_MESSAGE, INDEX_HEADING_MESSAGE,
    INDEX_LANGUAGES_MESSAGE, PAGE_TITLE_MESSAGE, TITLE_SEPARATOR_MESSAGE,
};
use crate::lang::{Lang, Status};
use crate::letter::{self, Letter};
use crate::markdown::{self, MarkupIssue};
use crate::project::{LocaleFiles, Project};
use crate::text::clean_text;
use resolve::{Bundle, Resolver, bundle_for, bundle_of, bundle_of_files, format_plain};

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

/// What localizing one letter takes from the project whatever the locale: the
/// notes' numbers (from the source locale) and the name of every published
/// language in itself. Made once per letter, it is shared by every locale's
/// [`localize_prepared`], where making it per locale would format the whole
/// source letter and every language's name again for each locale.
#[derive(Debug, Clone)]
pub struct Prepared {
    note_numbers: BTreeMap<String, usize>,
    languages: Vec<(Lang, String)>,
    refused: Refused,
}

/// Messages never published as written, by the locale whose message it is:
/// each is taken from the next locale of the chain (check refuses what it
/// says: see [`crate::code::Code::unsafe_to_publish`]). The last locale of a
/// chain, the source, is never refused: nothing would stand in for it.
pub type Refused = BTreeMap<Lang, std::collections::BTreeSet<String>>;

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

    /// Takes `id` of `lang` from the next locale of the chain instead.
    pub fn refuse(&mut self, lang: &Lang, id: &str) {
        self.refused
            .entry(lang.clone())
            .or_default()
            .insert(id.to_owned());
    }

    fn with_names(
        project: &Project,
        letter: &Letter,
        published: &[Lang],
        common: &[Option<String>],
    ) -> Self {
        Prepared {
            note_numbers: number_notes(project, letter),
            // The letter's switcher lists the languages the letter is in.
            languages: published
                .iter()
                .zip(common)
                .filter(|(lang, _)| letter.is_in(lang))
                .map(|(lang, name)| {
                    let name = name
                        .clone()
                        .unwrap_or_else(|| letter_language_name(project, letter, lang));
                    (lang.clone(), name)
                })
                .collect(),
            refused: Refused::new(),
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
        refused: chain_langs
            .iter()
            .filter_map(|l| Some((l.clone(), prepared.refused.get(l)?.clone())))
            .collect(),
    };
    let args = letter_args(letter, &mut |date| resolver.date(date).plain_text());
    let note_numbers = &prepared.note_numbers;
    let mut occurrences: BTreeMap<usize, usize> = BTreeMap::new();
    let mut note_labels: BTreeMap<usize, Span> = BTreeMap::new();

    let mut body_span =
        |resolver: &mut Resolver<'_, '_>, id: &str| -> Result<Span, LocalizeError> {
            let mut labels = Vec::new();
            let mut span = resolver.span(id, &args, &mut |note_id| {
                let number = *note_numbers.get(note_id)?;
                let occurrence = occurrences.entry(number).or_default();
                *occurrence += 1;
                labels.push(number);
                Some(Inline::NoteRef(NoteRef {
                    number,
                    numeral: numerals::numeral(lang, number),
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
        let mut document_language = None;
        let cited_title = match &source.cited_title {
            Some(title) => {
                let mut args = FluentArgs::new();
                args.set("title", title.as_str());
                let mut span = resolver.plain_span("cited-title", &args)?;
                let title_lang = source
                    .cited_title_lang
                    .as_deref()
                    .and_then(|t| Lang::parse(t).ok());
                if let Some(title_lang) = title_lang.as_ref().filter(|t| !same_language(t, lang)) {
                    let name = name_of(project, letter, prepared, title_lang);
                    let code = title_lang.language_identifier().language;
                    let mut args = FluentArgs::new();
                    args.set("code", code.as_str());
                    args.set("language", name.as_str());
                    let mut span = resolver.added_page_text(DOCUMENT_LANGUAGE_MESSAGE, &args)?;
                    mark_isolates(&mut span.content, &name, Some(title_lang.clone()));
                    document_language = Some(span);
                }
                mark_isolates(&mut span.content, title, title_lang);
                Some(span)
            }
            None => None,
        };
        notes.push(Note {
            number,
            numeral: numerals::numeral(lang, number),
            references: 0,
            back_label: resolver.plain_span("back-to-reference", &number_args(number))?,
            description: body_span(&mut resolver, &source.description)?,
            cited_title,
            document_language,
            url: source.url.clone(),
        });
    }

    for note in &mut notes {
        note.references = occurrences.get(&note.number).copied().unwrap_or(0);
    }

    let date = DateText {
        iso: letter.date.iso(),
        text: resolver.date(letter.date),
        noon: letter.timezone.noon_rfc2822(letter.date),
        noon_rfc3339: letter.timezone.noon_rfc3339(letter.date),
    };
    let subject_text = subject.plain_text();
    // A letter's own `page-title` may use the letter's data.
    let mut title_args = letter_args(letter, &mut |date| date.iso());
    title_args.set("subject", subject_text.as_str());
    let title = if letter_has_own_title(project, letter) {
        // The letter's own title, looked up in its own files alone: each
        // locale's common.ftl also has the message, as the shared pattern.
        let own_chain = match scope {
            Scope::Own { files, .. } => vec![(
                &files.settings,
                bundle_of_files(files, &[letter.name.as_str()]),
            )],
            Scope::Chain => chain_langs
                .iter()
                .filter_map(|l| project.locale(l))
                .map(|files| {
                    (
                        &files.settings,
                        bundle_of_files(files, &[letter.name.as_str()]),
                    )
                })
                .collect(),
        };
        let mut own = Resolver {
            lang: lang.clone(),
            chain: own_chain,
            scope,
            fallback_lang: resolver.fallback_lang.clone(),
            fallbacks: BTreeMap::new(),
            issues: Vec::new(),
            refused: resolver.refused.clone(),
        };
        let title = own
            .plain_span(PAGE_TITLE_MESSAGE, &title_args)?
            .plain_text();
        resolver.fallbacks.extend(own.fallbacks);
        resolver.issues.extend(own.issues);
        title
    } else {
        resolver
            .plain_span(PAGE_TITLE_MESSAGE, &title_args)?
            .plain_text()
    };

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
        title_separator: resolver
            .added_page_separator(TITLE_SEPARATOR_MESSAGE, &FluentArgs::new())?,
    };
    let subject_label = resolver.plain_span("subject-label", &FluentArgs::new())?;
    // The index's words are not on the letter's page: their fallbacks do not
    // make the page partly translated.
    let recorded = resolver.fallbacks.clone();
    let site_text = SiteText {
        heading: resolver.added_page_text(INDEX_HEADING_MESSAGE, &FluentArgs::new())?,
        languages_label: resolver.added_page_text(INDEX_LANGUAGES_MESSAGE, &FluentArgs::new())?,
        feed: resolver.added_page_text(INDEX_FEED_MESSAGE, &FluentArgs::new())?,
    };
    resolver.fallbacks = recorded;

    let fallback_lang = resolver.fallbacks.values().next().cloned();
    if let Some(from) = fallback_lang {
        let name = name_of(project, letter, prepared, &from);
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
        data_lang: letter
            .recipient
            .address_lang
            .as_deref()
            .and_then(|tag| Lang::parse(tag).ok())
            .unwrap_or_else(|| project.config.source.clone()),
        sender: letter.sender.clone(),
        sender_email: letter.sender_email.clone(),
        subject_label,
        subject,
        salutation,
        body,
        closing,
        signatories,
        notes,
        languages,
        site_text,
        base_url: project.config.base_url.clone(),
        // Set by a build that writes the PDFs.
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

/// Whether the letter has a page title of its own: its file in the source
/// locale defines `page-title`, which then replaces the shared pattern of
/// `common.ftl` (whose "Open letter: …" would double a subject that starts
/// so).
fn letter_has_own_title(project: &Project, letter: &Letter) -> bool {
    project
        .locale(&project.config.source)
        .and_then(|files| files.file(&letter.name))
        .is_some_and(|file| {
            file.resource.entries().any(|entry| {
                matches!(entry, fluent_syntax::ast::Entry::Message(m) if m.id.name == PAGE_TITLE_MESSAGE)
            })
        })
}

/// A language's name in itself: as prepared for a published language, else
/// as [`language_name`] finds it.
fn name_of(project: &Project, letter: &Letter, prepared: &Prepared, lang: &Lang) -> String {
    prepared
        .languages
        .iter()
        .find(|(l, _)| l == lang)
        .map_or_else(|| language_name(project, letter, lang), |(_, n)| n.clone())
}

/// Whether two tags name the same language, whatever their region or script:
/// an English document needs no word of warning on a British English page.
fn same_language(a: &Lang, b: &Lang) -> bool {
    a.language_identifier().language == b.language_identifier().language
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
        .map(|name| clean_text(&name))
        .filter(|name| !name.trim().is_empty())
}

/// The letter's data its messages are given: `$signatory-count` and the
/// `[variables]`, numbers as numbers (written with the locale's digits,
/// chosen on by plural selectors), dates written out by `date_text`.
pub(crate) fn letter_args<'l>(
    letter: &'l Letter,
    date_text: &mut dyn FnMut(crate::dates::Date) -> String,
) -> FluentArgs<'l> {
    let mut args = FluentArgs::new();
    args.set(
        letter::SIGNATORY_COUNT,
        FluentValue::from(letter.signatories.len()),
    );
    for (name, value) in &letter.variables {
        let value = match value {
            letter::Variable::Number(n) => FluentValue::from(*n),
            letter::Variable::Text(text) => FluentValue::from(text.as_str()),
            letter::Variable::Date(date) => FluentValue::from(date_text(*date)),
        };
        args.set(name.as_str(), value);
    }
    args
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
    let args = letter_args(letter, &mut |date| date.iso());
    let mut order: Vec<&str> = Vec::new();
    for id in letter.message_ids() {
        let Ok(Some(value)) = format_plain(&source_bundle, id, &args) else {
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

    #[test]
    fn languages_are_compared_without_region_or_script() {
        let lang = |tag| Lang::parse(tag).expect("a tag");
        assert!(same_language(&lang("en"), &lang("en-GB")));
        assert!(same_language(&lang("zh-Hant"), &lang("zh")));
        assert!(!same_language(&lang("en"), &lang("es")));
    }
}
