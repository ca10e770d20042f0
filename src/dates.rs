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

/// The time zone a letter is dated in: an IANA name (`America/New_York`), a
/// fixed offset (`-05:00`) or `UTC`. Its rules come from the time-zone
/// database bundled with letterkit, so every machine gives the same dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    /// The name as written.
    pub name: String,
    zone: jiff::tz::TimeZone,
}

impl Zone {
    /// Coordinated Universal Time, the zone of a letter that names none.
    pub fn utc() -> Self {
        Zone {
            name: "UTC".to_owned(),
            zone: jiff::tz::TimeZone::UTC,
        }
    }

    /// The zone `name` names: an IANA time-zone name, `UTC`, or a fixed
    /// offset from UTC written `+HH:MM` or `-HH:MM`. The error says what is
    /// accepted.
    pub fn parse(name: &str) -> Result<Self, String> {
        let refused = || {
            format!(
                "timezone `{}` is neither an IANA time-zone name (America/New_York) nor an offset such as -05:00",
                name.escape_debug()
            )
        };
        let zone = if name.starts_with(['+', '-']) {
            let offset = parse_offset(name).ok_or_else(refused)?;
            jiff::tz::TimeZone::fixed(offset)
        } else if name.is_empty() || name.len() > 64 {
            return Err(refused());
        } else {
            jiff::tz::TimeZone::get(name).map_err(|_| refused())?
        };
        Ok(Zone {
            name: name.to_owned(),
            zone,
        })
    }

    /// Noon of `date` in this zone, as an RFC 5322 date (`Fri, 06 Jan 2023
    /// 12:00:00 -0500`): a reader up to 11 hours away still sees the same day.
    /// `None` for a date the calendar does not have.
    pub fn noon_rfc2822(&self, date: Date) -> Option<String> {
        let civil = jiff::civil::DateTime::new(
            i16::try_from(date.year).ok()?,
            i8::try_from(date.month).ok()?,
            i8::try_from(date.day).ok()?,
            12,
            0,
            0,
            0,
        )
        .ok()?;
        let zoned = civil.to_zoned(self.zone.clone()).ok()?;
        jiff::fmt::rfc2822::to_string(&zoned).ok()
    }

    /// Noon of `date` in this zone, as an RFC 3339 timestamp
    /// (`2023-01-06T12:00:00-05:00`), for feeds.
    pub fn noon_rfc3339(&self, date: Date) -> Option<String> {
        let civil = jiff::civil::DateTime::new(
            i16::try_from(date.year).ok()?,
            i8::try_from(date.month).ok()?,
            i8::try_from(date.day).ok()?,
            12,
            0,
            0,
            0,
        )
        .ok()?;
        let zoned = civil.to_zoned(self.zone.clone()).ok()?;
        Some(zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
    }
}

/// `+HH:MM` or `-HH:MM` (minutes optional, `+HHMM` too), within ±18 hours.
fn parse_offset(text: &str) -> Option<jiff::tz::Offset> {
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let digits: String = match digits.split_once(':') {
        Some((h, m)) if h.len() == 2 && m.len() == 2 => format!("{h}{m}"),
        Some(_) => return None,
        None => digits.to_owned(),
    };
    if !(digits.len() == 2 || digits.len() == 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Some(0), |m| m.parse().ok())?;
    if hours > 18 || minutes > 59 {
        return None;
    }
    jiff::tz::Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
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

#[cfg(test)]
mod zone_tests {
    use super::*;

    const DATE: Date = Date {
        year: 2023,
        month: 1,
        day: 6,
    };

    #[test]
    fn noon_is_written_in_the_letters_zone() {
        let cases = [
            ("UTC", "Fri, 6 Jan 2023 12:00:00 +0000"),
            ("America/New_York", "Fri, 6 Jan 2023 12:00:00 -0500"),
            ("America/Mexico_City", "Fri, 6 Jan 2023 12:00:00 -0600"),
            ("America/Port-au-Prince", "Fri, 6 Jan 2023 12:00:00 -0500"),
            ("+05:30", "Fri, 6 Jan 2023 12:00:00 +0530"),
            ("-0300", "Fri, 6 Jan 2023 12:00:00 -0300"),
        ];
        for (name, expected) in cases {
            let zone = Zone::parse(name).unwrap();
            assert_eq!(zone.noon_rfc2822(DATE).as_deref(), Some(expected), "{name}");
        }
    }

    #[test]
    fn feeds_get_noon_as_an_rfc3339_timestamp() {
        let zone = Zone::parse("America/Mexico_City").unwrap();
        assert_eq!(
            zone.noon_rfc3339(DATE).as_deref(),
            Some("2023-01-06T12:00:00-06:00")
        );
        assert_eq!(
            Zone::utc().noon_rfc3339(DATE).as_deref(),
            Some("2023-01-06T12:00:00+00:00")
        );
    }

    #[test]
    fn summer_time_is_applied() {
        let zone = Zone::parse("America/New_York").unwrap();
        let july = Date {
            year: 2023,
            month: 7,
            day: 4,
        };
        assert_eq!(
            zone.noon_rfc2822(july).as_deref(),
            Some("Tue, 4 Jul 2023 12:00:00 -0400")
        );
    }

    #[test]
    fn unknown_zones_and_offsets_are_refused() {
        for name in [
            "",
            "Mars/Olympus",
            "+25:00",
            "+5",
            "-05:0",
            "EST5EDT/../../etc",
            "+05:60",
        ] {
            let error = Zone::parse(name).unwrap_err();
            assert!(error.starts_with("timezone `"), "{name}: {error}");
        }
    }
}
