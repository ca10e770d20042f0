//! Calendar dates, and dates written out in a locale's language from Unicode
//! CLDR data (ICU4X).
//!
//! CLDR does not cover every language: for Haitian Creole ICU4X falls back to
//! the root locale and writes "2023 M01 6". Such a locale writes the date itself
//! in its `common.ftl` (the `letter-date` message), which localize prefers when
//! present; [`cldr_has_date_format`] lets check warn about a locale that has
//! neither.

use std::cell::RefCell;
use std::collections::HashMap;

use icu_calendar::types::RataDie;
use icu_calendar::{Date as IcuDate, Gregorian, Iso};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_locale_core::Locale;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year, for example 2023.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// The date in ISO 8601 form (`2023-01-06`), for `<time datetime>`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date `days` after 1970-01-01 (before it when negative), within
    /// the years ICU4X supports (-9999 to 9999).
    pub fn from_days_since_1970(days: i64) -> Date {
        let date = IcuDate::from_rata_die(RataDie::new(unix_epoch().to_i64_date() + days), Iso);
        Date {
            year: date.year().extended_year(),
            month: date.month().ordinal,
            day: date.day_of_month().0,
        }
    }
}

/// 1970-01-01 as a day number.
fn unix_epoch() -> RataDie {
    IcuDate::try_new_iso(1970, 1, 1)
        .expect("1970-01-01 is a date")
        .to_rata_die()
}

/// The date written out in full (day, month name, year) for `locale`, a BCP 47
/// tag, in the Gregorian calendar. `None` when the tag or date is invalid or
/// CLDR has no data for the locale.
pub fn format_long_date(date: Date, locale: &str) -> Option<String> {
    let date = IcuDate::try_new_gregorian(date.year, date.month, date.day).ok()?;
    // A formatter loads its CLDR data when made: each thread keeps one per
    // locale rather than making one for every page.
    FORMATTERS.with_borrow_mut(|formatters| {
        let formatter = formatters
            .entry(locale.to_owned())
            .or_insert_with(|| formatter(locale))
            .as_ref()?;
        Some(formatter.format(&date).to_string())
    })
}

type Formatter = FixedCalendarDateTimeFormatter<Gregorian, YMD>;

thread_local! {
    static FORMATTERS: RefCell<HashMap<String, Option<Formatter>>> = RefCell::new(HashMap::new());
}

fn formatter(locale: &str) -> Option<Formatter> {
    let locale: Locale = locale.parse().ok()?;
    FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long()).ok()
}

/// Whether CLDR writes dates for `locale` in its own words, rather than the root
/// locale's numeric fallback.
pub fn cldr_has_date_format(locale: &str) -> bool {
    let probe = Date {
        year: 2023,
        month: 1,
        day: 6,
    };
    match (
        format_long_date(probe, locale),
        format_long_date(probe, "und"),
    ) {
        (Some(own), Some(root)) => own != root,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LETTER_DATE: Date = Date {
        year: 2023,
        month: 1,
        day: 6,
    };

    #[test]
    fn cldr_writes_the_letters_date_in_each_covered_language() {
        assert_eq!(
            format_long_date(LETTER_DATE, "en-GB").unwrap(),
            "6 January 2023"
        );
        assert_eq!(
            format_long_date(LETTER_DATE, "en").unwrap(),
            "January 6, 2023"
        );
        assert_eq!(
            format_long_date(LETTER_DATE, "es").unwrap(),
            "6 de enero de 2023"
        );
        assert_eq!(
            format_long_date(LETTER_DATE, "fr").unwrap(),
            "6 janvier 2023"
        );
    }

    #[test]
    fn haitian_creole_is_not_covered_by_cldr() {
        assert!(!cldr_has_date_format("ht"));
        assert!(cldr_has_date_format("es"));
    }

    #[test]
    fn days_since_1970_become_dates() {
        for (days, iso) in [
            (0, "1970-01-01"),
            (19_860, "2024-05-17"),
            (11_016, "2000-02-29"),
            (-1, "1969-12-31"),
        ] {
            assert_eq!(Date::from_days_since_1970(days).iso(), iso, "{days}");
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        let date = Date {
            year: 2023,
            month: 2,
            day: 30,
        };
        assert_eq!(format_long_date(date, "en"), None);
    }
}
