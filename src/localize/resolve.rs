//! Formatting a letter's messages: Fluent bundles of a locale's files, and
//! the resolver that takes each message from the first locale of the
//! fallback chain that formats it.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use fixed_decimal::Decimal;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use icu_decimal::DecimalFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::Locale;
use intl_memoizer::{IntlLangMemoizer, Memoizable};
use unic_langid::LanguageIdentifier;

use super::{IssueKind, LocalizeError, MessageIssue, Scope};
use crate::config::LocaleSettings;
use crate::dates::{self, Date};
use crate::document::{Inline, Span};
use crate::ids::{COMMON_RESOURCE, LETTER_DATE_MESSAGE};
use crate::lang::Lang;
use crate::letter::Letter;
use crate::markdown::{self, MarkupIssue};
use crate::project::{LocaleFiles, Project};

/// A bundle borrowing the parsed files of a project.
pub(super) type Bundle<'p> = FluentBundle<&'p FluentResource>;

/// A bundle with the locale's `common.ftl` and the letter's file, as far as they exist.
pub(super) fn bundle_for<'p>(project: &'p Project, letter: &Letter, lang: &Lang) -> Bundle<'p> {
    bundle_of(project, lang, &[COMMON_RESOURCE, letter.name.as_str()])
}

/// A bundle with the locale's files named, in order, as far as they exist.
pub(super) fn bundle_of<'p>(project: &'p Project, lang: &Lang, resources: &[&str]) -> Bundle<'p> {
    match project.locale(lang) {
        Some(files) => bundle_of_files(files, resources),
        None => new_bundle(lang),
    }
}

/// A bundle with the files named of `files`, in order, as far as they exist.
pub(super) fn bundle_of_files<'f>(files: &'f LocaleFiles, resources: &[&str]) -> Bundle<'f> {
    let mut bundle = new_bundle(files.lang());
    for name in resources {
        if let Some(file) = files.file(name) {
            // A message defined twice keeps its first definition; check reports it.
            let _ = bundle.add_resource(&file.resource);
        }
    }
    bundle
}

pub(super) fn new_bundle<'f>(lang: &Lang) -> Bundle<'f> {
    let mut bundle = FluentBundle::new(vec![lang.language_identifier()]);
    // Fluent wraps each interpolated value in FSI…PDI; markdown turns those into
    // isolates, which each renderer writes its own way.
    bundle.set_use_isolating(true);
    bundle.set_formatter(Some(format_number));
    crate::functions::add_to(&mut bundle);
    bundle
}

/// A number as the bundle's locale writes it: its default digits (CLDR's
/// numbering system: Arabic-Indic in `ar`, Persian in `fa`) and grouping.
/// `None` leaves it to Fluent (a locale ICU does not know writes Western
/// digits either way).
fn format_number(value: &FluentValue<'_>, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let decimal: Decimal = number.as_string().parse().ok()?;
    intls
        .with_try_get::<LocaleDecimals, _, _>((), |decimals| {
            let formatter = if number.options.use_grouping {
                decimals.grouped.as_ref()
            } else {
                decimals.plain.as_ref()
            };
            formatter.map(|f| f.format(&decimal).to_string())
        })
        .ok()
        .flatten()
}

/// A locale's number formatters, made once per bundle.
struct LocaleDecimals {
    grouped: Option<DecimalFormatter>,
    plain: Option<DecimalFormatter>,
}

impl Memoizable for LocaleDecimals {
    type Args = ();
    type Error = std::convert::Infallible;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, Self::Error> {
        let locale: Option<Locale> = lang.to_string().parse().ok();
        let make = |grouping: GroupingStrategy| {
            let mut options = DecimalFormatterOptions::default();
            options.grouping_strategy = Some(grouping);
            DecimalFormatter::try_new(locale.clone()?.into(), options).ok()
        };
        Ok(LocaleDecimals {
            grouped: make(GroupingStrategy::Auto),
            plain: make(GroupingStrategy::Never),
        })
    }
}

/// A whole number Fluent writes with the locale's digits but no grouping
/// (a year, a day of the month).
pub(super) fn ungrouped(n: impl Into<f64>) -> FluentValue<'static> {
    let mut number = FluentNumber::new(n.into(), FluentNumberOptions::default());
    number.options.use_grouping = false;
    FluentValue::Number(number)
}

/// The text of a pattern that is text alone (no placeable), as Fluent
/// formats it.
pub(super) fn text_alone(pattern: &fluent_syntax::ast::Pattern<&str>) -> Option<String> {
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
pub(super) fn format_plain(
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

/// Formats a letter's messages through a locale's fallback chain,
/// recording the fallbacks taken and the problems met.
pub(super) struct Resolver<'p, 'w> {
    pub(super) lang: Lang,
    pub(super) chain: Vec<(&'p LocaleSettings, Bundle<'p>)>,
    pub(super) scope: Scope<'w>,
    /// The last locale of the chain, named as the source of what [`Scope::Own`] lacks.
    pub(super) fallback_lang: Lang,
    pub(super) fallbacks: BTreeMap<String, Lang>,
    pub(super) issues: Vec<MessageIssue>,
    /// Messages taken from the next locale of the chain, by locale.
    pub(super) refused: super::Refused,
}

/// A message formatted by one locale of the chain.
struct Formatted {
    lang: Lang,
    value: String,
    /// Whether the pattern is text alone: its value is the file's text.
    /// Worked out for [`Scope::Own`] only; false otherwise.
    text_only: bool,
}

/// letterkit's own English page text, which stands in for the
/// [`ADDED_PAGE_MESSAGES`] a project's source locale lacks.
static BUILT_IN_PAGE_TEXT: LazyLock<FluentResource> = LazyLock::new(|| {
    FluentResource::try_new(include_str!("../../locales/en/common.ftl").to_owned())
        .expect("letterkit's own common.ftl is valid Fluent")
});

impl Resolver<'_, '_> {
    /// The first locale in the chain that formats `id`, and the value.
    fn format(&mut self, id: &str, args: &FluentArgs<'_>) -> Result<Formatted, LocalizeError> {
        let last = self.chain.len().saturating_sub(1);
        for (index, (settings, bundle)) in self.chain.iter().enumerate() {
            if index < last
                && self
                    .refused
                    .get(&settings.lang)
                    .is_some_and(|ids| ids.contains(id))
            {
                continue;
            }
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
    pub(super) fn span(
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

    /// One of the [`ADDED_PAGE_MESSAGES`]: from the chain where a locale of it
    /// has the message, else letterkit's own English text.
    pub(super) fn added_page_text(
        &mut self,
        id: &str,
        args: &FluentArgs<'_>,
    ) -> Result<Span, LocalizeError> {
        match self.plain_span(id, args) {
            Err(LocalizeError::Unresolvable { .. }) => {
                let (lang, value) = self.built_in_page_text(id, args);
                let (content, _) = markdown::parse_inline(&value, &mut |_| None);
                Ok(Span { lang, content })
            }
            other => other,
        }
    }

    /// One of the [`ADDED_PAGE_MESSAGES`] as text exactly as formatted, its
    /// spaces at either end kept (a separator's), without Markdown and
    /// without control characters.
    pub(super) fn added_page_separator(
        &mut self,
        id: &str,
        args: &FluentArgs<'_>,
    ) -> Result<Span, LocalizeError> {
        let (lang, value) = match self.format(id, args) {
            Ok(Formatted { lang, value, .. }) => (lang, value),
            Err(LocalizeError::Unresolvable { .. }) => self.built_in_page_text(id, args),
            Err(other) => return Err(other),
        };
        Ok(Span {
            lang,
            content: vec![Inline::Text(crate::text::clean_text(&value))],
        })
    }

    /// letterkit's own English text of one of the [`ADDED_PAGE_MESSAGES`].
    fn built_in_page_text(&mut self, id: &str, args: &FluentArgs<'_>) -> (Lang, String) {
        let lang = Lang::parse("en").expect("`en` is a canonical tag");
        let mut bundle = new_bundle(&lang);
        bundle
            .add_resource(&*BUILT_IN_PAGE_TEXT)
            .expect("letterkit's own common.ftl defines each message once");
        let value = format_plain(&bundle, id, args)
            .ok()
            .flatten()
            .expect("letterkit's own common.ftl formats every added message");
        if lang != self.lang {
            self.fallbacks.insert(id.to_owned(), lang.clone());
        }
        (lang, value)
    }

    /// A chrome message, in which note references mean nothing.
    pub(super) fn plain_span(
        &mut self,
        id: &str,
        args: &FluentArgs<'_>,
    ) -> Result<Span, LocalizeError> {
        self.span(id, args, &mut |_| None)
    }

    /// The date, written by the first locale in the chain that can: its own
    /// `letter-date` message, else CLDR; ISO 8601 as the last resort.
    pub(super) fn date(&mut self, date: Date) -> Span {
        let mut args = FluentArgs::new();
        // Day and month as plain numbers, which selectors (`[1] janvye`)
        // match; the year without grouping (2023, not 2,023).
        args.set("day", date.day);
        args.set("month", date.month);
        args.set("year", ungrouped(date.year));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letterkit_has_english_text_for_every_added_page_message() {
        let mut bundle = new_bundle(&Lang::parse("en").expect("a tag"));
        bundle
            .add_resource(&*BUILT_IN_PAGE_TEXT)
            .expect("no duplicates");
        let mut args = FluentArgs::new();
        args.set("code", "de");
        args.set("language", "Deutsch");
        for id in crate::ids::ADDED_PAGE_MESSAGES {
            let text = format_plain(&bundle, id, &args).expect(id).expect(id);
            assert!(!text.is_empty(), "{id}");
        }
        let text = format_plain(&bundle, crate::ids::DOCUMENT_LANGUAGE_MESSAGE, &args);
        assert_eq!(
            text,
            Ok(Some("(language: \u{2068}Deutsch\u{2069})".to_owned()))
        );
        let text = format_plain(&bundle, crate::ids::TITLE_SEPARATOR_MESSAGE, &args);
        assert_eq!(text, Ok(Some(". ".to_owned())));
        args.set("code", "en");
        let text = format_plain(&bundle, crate::ids::DOCUMENT_LANGUAGE_MESSAGE, &args);
        assert_eq!(text, Ok(Some("(in English)".to_owned())));
    }
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
