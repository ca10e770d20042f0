//! The plural categories a locale's numbers fall in. A letter's by the rules
//! the renderer applies: intl_pluralrules (CLDR 37), negotiated as
//! fluent-bundle negotiates it, with English as the default. Any other Fluent
//! tree's by current CLDR (ICU4X), as a browser's `Intl.PluralRules` applies
//! them, for the same negotiated language. Check judges plural variants by
//! them; the corpus generator writes them.

use std::collections::BTreeSet;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::lang::Lang;

/// CLDR's plural categories, in CLDR's order.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A number, as written, to its category; `None` where the rules cannot read it.
type Select = Box<dyn Fn(&str) -> Option<&'static str>>;

/// Whose plural rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// fluent-bundle's (intl_pluralrules, CLDR 37): what letters render with.
    Renderer,
    /// Current CLDR's (ICU4X): what an application on a current runtime uses.
    Current,
}

/// The plural categories numbers of a locale fall in.
pub struct PluralCategories {
    /// The categories of any number, in CLDR's order.
    pub categories: Vec<&'static str>,
    /// The categories some count up to a thousand falls in, in CLDR's order:
    /// those a select needs. (Czech `many` and Polish `other` are for
    /// fractions only, French `many` for millions, where the default variant
    /// serves.)
    pub integer_categories: Vec<&'static str>,
    /// The locale whose rules apply, when not the locale's own.
    pub borrowed_from: Option<LanguageIdentifier>,
}

impl PluralCategories {
    /// No categories: for a check that does not judge a select's variants.
    pub fn unjudged() -> Self {
        Self {
            categories: Vec::new(),
            integer_categories: Vec::new(),
            borrowed_from: None,
        }
    }

    /// The categories fluent-bundle's rules (intl_pluralrules, chosen the same
    /// way) give any integer or decimal.
    pub fn of(lang: &Lang) -> Self {
        Self::by(lang, Rules::Renderer)
    }

    /// The categories `rules` give any integer or decimal of the locale,
    /// found by trying numbers: CLDR rules depend only on the last digits,
    /// the fraction and a few large powers.
    pub fn by(lang: &Lang, rules: Rules) -> Self {
        let wanted = lang.language_identifier();
        let default: LanguageIdentifier = "en".parse().expect("a valid tag");
        let available = PluralRules::get_locales(PluralRuleType::CARDINAL);
        let chosen = fluent_langneg::negotiate_languages(
            std::slice::from_ref(&wanted),
            &available,
            Some(&default),
            fluent_langneg::NegotiationStrategy::Lookup,
        )
        .first()
        .map_or(default.clone(), |l| (*l).clone());
        let borrowed_from = (chosen.language != wanted.language).then(|| chosen.clone());
        let select: Select = match rules {
            Rules::Renderer => {
                let Ok(rules) = PluralRules::create(chosen, PluralRuleType::CARDINAL) else {
                    return PluralCategories {
                        categories: vec!["other"],
                        integer_categories: vec!["other"],
                        borrowed_from: None,
                    };
                };
                Box::new(move |n| rules.select(n).ok().map(category_name))
            }
            Rules::Current => {
                let rules = chosen
                    .to_string()
                    .parse::<icu_locale_core::Locale>()
                    .ok()
                    .filter(has_current_rules)
                    .and_then(|l| icu_plurals::PluralRules::try_new_cardinal(l.into()).ok());
                let Some(rules) = rules else {
                    // CLDR 37's rules are the newest letterkit has for it.
                    return Self::by(lang, Rules::Renderer);
                };
                Box::new(move |n| {
                    let number: fixed_decimal::Decimal = n.parse().ok()?;
                    Some(icu_category_name(rules.category_for(&number)))
                })
            }
        };
        let mut integers = BTreeSet::new();
        for n in 0..=1100u64 {
            integers.extend(select(&n.to_string()));
        }
        let mut seen = integers.clone();
        for n in [1_000_000u64, 2_000_000, 1_000_000_000] {
            seen.extend(select(&n.to_string()));
        }
        for tenths in 0..=300u32 {
            seen.extend(select(&format!("{}.{}", tenths / 10, tenths % 10)));
        }
        let in_order = |set: &BTreeSet<&str>| {
            CATEGORIES
                .iter()
                .copied()
                .filter(|c| set.contains(c))
                .collect()
        };
        PluralCategories {
            categories: in_order(&seen),
            integer_categories: in_order(&integers),
            borrowed_from,
        }
    }

    /// Where the rules are another language's, a note saying so for a finding.
    pub fn rules_note(&self, lang: &Lang) -> String {
        match &self.borrowed_from {
            Some(from) => format!(
                " (CLDR has no plural rules for {lang}, so numbers follow the rules of {from})"
            ),
            None => String::new(),
        }
    }
}

/// Whether ICU4X's compiled data has plural rules for the locale's language
/// itself. It holds the locales of basic CLDR coverage and up, and answers
/// for any other (Kabyle, Friulian, Fulah) with the root's rules, `other`
/// alone, which would make every `[one]` unreachable.
fn has_current_rules(locale: &icu_locale_core::Locale) -> bool {
    use icu_provider::prelude::*;
    let data_locale = DataLocale::from(locale);
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_locale(&data_locale),
        ..Default::default()
    };
    let loaded: Result<DataResponse<icu_plurals::provider::PluralsCardinalV1>, _> =
        icu_plurals::provider::Baked.load(request);
    loaded.is_ok_and(|response| {
        response
            .metadata
            .locale
            .is_none_or(|resolved| !resolved.is_unknown())
    })
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

fn icu_category_name(category: icu_plurals::PluralCategory) -> &'static str {
    match category {
        icu_plurals::PluralCategory::Zero => "zero",
        icu_plurals::PluralCategory::One => "one",
        icu_plurals::PluralCategory::Two => "two",
        icu_plurals::PluralCategory::Few => "few",
        icu_plurals::PluralCategory::Many => "many",
        icu_plurals::PluralCategory::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories(tag: &str, rules: Rules) -> (Vec<&'static str>, Vec<&'static str>) {
        let found = PluralCategories::by(&Lang::parse(tag).unwrap(), rules);
        (found.categories, found.integer_categories)
    }

    #[test]
    fn categories_only_fractions_reach_are_not_integer_categories() {
        for tag in ["cs", "sk", "lt"] {
            let (all, integers) = categories(tag, Rules::Renderer);
            assert!(
                all.contains(&"many") && !integers.contains(&"many"),
                "{tag}"
            );
        }
        for tag in ["pl", "ru", "uk"] {
            let (all, integers) = categories(tag, Rules::Renderer);
            assert!(
                all.contains(&"other") && !integers.contains(&"other"),
                "{tag}"
            );
        }
        assert_eq!(categories("en", Rules::Renderer).1, ["one", "other"]);
    }

    #[test]
    fn the_renderers_rules_are_cldr_37_and_a_trees_are_current() {
        assert_eq!(
            categories("he", Rules::Renderer).0,
            ["one", "two", "many", "other"]
        );
        let (current, _) = categories("he", Rules::Current);
        assert!(!current.contains(&"many"), "{current:?}");
        for tag in ["kab", "fur", "ff", "an"] {
            assert_eq!(
                categories(tag, Rules::Current),
                categories(tag, Rules::Renderer),
                "{tag}: ICU4X has no rules of its own, CLDR 37 has"
            );
        }
        assert_eq!(
            categories("fr", Rules::Current),
            (vec!["one", "many", "other"], vec!["one", "other"]),
            "French has had `many` for a million since CLDR 38; a count needs no more"
        );
    }
}
