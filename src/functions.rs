//! The Fluent functions a message can call when letterkit formats it:
//! `NUMBER()`, as fluent-bundle has it, with its digit options held to the
//! ranges `Intl.NumberFormat` accepts.
//!
//! fluent-bundle writes as many zeros as `minimumFractionDigits` asks for
//! (`NUMBER(1, minimumFractionDigits: 3000000000)` is 3 GB of text, and a
//! larger figure a panic), and works out plural categories in 64-bit
//! integers that overflow past 19 fraction digits. A translation is
//! untrusted input, so every bundle letterkit makes calls this `NUMBER`
//! instead; `check` reports an option outside its range, so a translator
//! learns of it rather than seeing it bent.

use std::ops::RangeInclusive;

use fluent_bundle::bundle::FluentBundle;
use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::types::FluentNumberOptions;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The most fraction digits a number is written with: past 19, fluent-bundle's
/// plural operands overflow a 64-bit integer. (`Intl.NumberFormat` accepts up
/// to 100; no letter writes a figure to 20 decimal places.)
pub const MAX_FRACTION_DIGITS: usize = 19;

/// Each digit option of `NUMBER()` and the values it takes.
pub const DIGIT_OPTIONS: &[(&str, RangeInclusive<usize>)] = &[
    ("minimumIntegerDigits", 1..=21),
    ("minimumFractionDigits", 0..=MAX_FRACTION_DIGITS),
    ("maximumFractionDigits", 0..=MAX_FRACTION_DIGITS),
    ("minimumSignificantDigits", 1..=21),
    ("maximumSignificantDigits", 1..=21),
];

/// Adds the functions to a new `bundle` (once: a second call is an error
/// fluent-bundle reports, which this ignores).
pub fn add_to<R, M>(bundle: &mut FluentBundle<R, M>)
where
    R: std::borrow::Borrow<FluentResource>,
    M: MemoizerKind,
{
    let _ = bundle.add_function("NUMBER", number);
}

/// `NUMBER(value, options)`: the number with its options, each digit option
/// brought into its range ([`DIGIT_OPTIONS`]). A value that is not a number
/// is an error, which Fluent writes as `NUMBER()`, as fluent-bundle's own
/// does (`check` reports the call).
pub fn number<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let Some(FluentValue::Number(number)) = positional.first() else {
        return FluentValue::Error;
    };
    let mut number = number.clone();
    number.options.merge(named);
    bound(&mut number.options);
    FluentValue::Number(number)
}

/// Brings each digit option of `options` into its range.
fn bound(options: &mut FluentNumberOptions) {
    let in_order = [
        &mut options.minimum_integer_digits,
        &mut options.minimum_fraction_digits,
        &mut options.maximum_fraction_digits,
        &mut options.minimum_significant_digits,
        &mut options.maximum_significant_digits,
    ];
    for (option, (_, range)) in in_order.into_iter().zip(DIGIT_OPTIONS) {
        if let Some(value) = option {
            *value = (*value).clamp(*range.start(), *range.end());
        }
    }
}

/// The digit option named `name` written as `value` (a Fluent number
/// literal), where it lies outside the values it takes: the range, to say so.
pub fn out_of_range(name: &str, value: &str) -> Option<&'static RangeInclusive<usize>> {
    let (_, range) = DIGIT_OPTIONS.iter().find(|(option, _)| *option == name)?;
    // fluent-bundle reads the option as a float and truncates it.
    let value: f64 = value.parse().ok()?;
    let inside = value >= *range.start() as f64 && value < (*range.end() + 1) as f64;
    (!inside).then_some(range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentBundle;

    fn format(ftl: &str) -> String {
        let resource = FluentResource::try_new(ftl.to_owned()).expect("valid Fluent");
        let mut bundle = FluentBundle::new(vec!["en".parse().expect("a language tag")]);
        bundle.set_use_isolating(false);
        add_to(&mut bundle);
        bundle.add_resource(resource).expect("one resource");
        let pattern = bundle.get_message("m").unwrap().value().unwrap();
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned();
        assert!(errors.is_empty(), "{errors:?}");
        text
    }

    #[test]
    fn a_huge_fraction_digit_count_is_bounded_not_gigabytes_or_a_panic() {
        // fluent-bundle's own NUMBER wrote 3 GB of zeros for the first and
        // panicked (capacity overflow) on the second.
        let nineteen = format!("1.{}", "0".repeat(19));
        assert_eq!(
            format("m = { NUMBER(1, minimumFractionDigits: 3000000000) }"),
            nineteen
        );
        assert_eq!(
            format("m = { NUMBER(1, minimumFractionDigits: 99999999999999999999) }"),
            nineteen
        );
        assert_eq!(
            format("m = { NUMBER(1.5, minimumFractionDigits: 2) }"),
            "1.50"
        );
    }

    #[test]
    fn a_select_on_a_number_with_many_fraction_digits_chooses_a_variant() {
        // Plural operands were worked out in a 64-bit integer that overflowed
        // (a panic where overflow is checked).
        let select = |digits: &str| {
            format(&format!(
                "m = {{ NUMBER(1.5, minimumFractionDigits: {digits}) ->\n    [one] one\n   *[other] other\n }}\n"
            ))
        };
        assert_eq!(select("25"), "other");
        // A literal selector keeps its own fraction digits, past NUMBER():
        // fluent-bundle's arithmetic wraps there (Cargo.toml turns its
        // overflow checks off in every profile, as a release build has them).
        let literal = format!(
            "m = {{ 1.{} ->\n    [one] one\n   *[other] other\n }}\n",
            "0".repeat(25)
        );
        assert_eq!(format(&literal), "other");
        assert_eq!(select("2"), "other");
        assert_eq!(
            format("m = { NUMBER(1) ->\n    [one] one\n   *[other] other\n }\n"),
            "one"
        );
    }

    #[test]
    fn a_value_that_is_not_a_number_is_an_error_as_in_fluent_bundle() {
        assert_eq!(format("m = { NUMBER(\"x\") }"), "NUMBER()");
    }

    #[test]
    fn an_option_is_out_of_range_as_fluent_bundle_reads_it() {
        assert_eq!(
            out_of_range("minimumFractionDigits", "3000000000"),
            Some(&(0..=19))
        );
        assert_eq!(out_of_range("minimumFractionDigits", "19.5"), None);
        assert_eq!(out_of_range("minimumFractionDigits", "20"), Some(&(0..=19)));
        assert_eq!(out_of_range("minimumIntegerDigits", "0"), Some(&(1..=21)));
        assert_eq!(out_of_range("minimumIntegerDigits", "-1"), Some(&(1..=21)));
        assert_eq!(out_of_range("useGrouping", "7"), None);
    }
}
