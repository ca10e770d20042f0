//! The numbers the page writes itself (note numbers) in the digits of the
//! locale's default numbering system, from Unicode CLDR data (ICU4X): Persian
//! (`fa`) writes ۱, ۲, ۳; a locale CLDR does not know, or one whose default is
//! Western digits, writes 1, 2, 3.

use std::cell::RefCell;
use std::collections::HashMap;

use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::Locale;

use crate::lang::Lang;

thread_local! {
    // A formatter loads its CLDR data when made: each thread keeps one per
    // locale rather than making one for every page.
    static FORMATTERS: RefCell<HashMap<String, Option<DecimalFormatter>>> =
        RefCell::new(HashMap::new());
}

/// `number` as `lang` writes a counter: its default digits, never grouped
/// (note 1000 is "1000", as a list marker is).
pub(super) fn numeral(lang: &Lang, number: usize) -> String {
    FORMATTERS.with_borrow_mut(|formatters| {
        let formatter = formatters
            .entry(lang.tag().to_owned())
            .or_insert_with(|| formatter(lang.tag()));
        match formatter {
            Some(formatter) => formatter.format(&Decimal::from(number)).to_string(),
            None => number.to_string(),
        }
    })
}

fn formatter(tag: &str) -> Option<DecimalFormatter> {
    let locale: Locale = tag.parse().ok()?;
    let mut options = DecimalFormatterOptions::default();
    options.grouping_strategy = Some(GroupingStrategy::Never);
    DecimalFormatter::try_new(locale.into(), options).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numerals(tag: &str) -> Vec<String> {
        let lang = Lang::parse(tag).expect("a tag");
        [1, 2, 10, 1234].map(|n| numeral(&lang, n)).to_vec()
    }

    #[test]
    fn persian_writes_its_own_digits() {
        assert_eq!(numerals("fa"), ["۱", "۲", "۱۰", "۱۲۳۴"]);
    }

    #[test]
    fn locales_whose_default_is_western_digits_keep_them() {
        for tag in ["en", "es", "fr", "ja", "ht", "pt-BR"] {
            assert_eq!(numerals(tag), ["1", "2", "10", "1234"], "{tag}");
        }
    }

    #[test]
    fn other_numbering_systems_follow_cldr() {
        assert_eq!(numerals("bn"), ["১", "২", "১০", "১২৩৪"]);
        assert_eq!(numerals("my"), ["၁", "၂", "၁၀", "၁၂၃၄"]);
        // CLDR writes Arabic in Western digits by default, and in
        // Arabic-Indic digits in Egypt and Saudi Arabia.
        assert_eq!(numerals("ar"), ["1", "2", "10", "1234"]);
        assert_eq!(numerals("ar-EG"), ["١", "٢", "١٠", "١٢٣٤"]);
    }
}
