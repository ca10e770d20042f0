//! Figures in a message read as values, in the conventions of the message's
//! locale, and a translation's figures compared with its source's.
//!
//! A figure is a run of decimal digits (of any script Unicode knows) with
//! the separators the locale writes between them: CLDR's decimal and group
//! separators, and in the locales that group with a space (fr, ru, pl, cs,
//! sv, nb, ...) a space, no-break space, narrow no-break space or thin space
//! followed by exactly three digits. A run the locale's conventions cannot
//! read is tried with the source's (a translator who keeps "TLS 1.2" in
//! German), and otherwise compared as written (`127.0.0.1`, `1.0.8`). Digits
//! that touch a letter before them (`V2`, `MD5`, `제3자`) make an identifier,
//! compared whole. Nothing inside a tag, an entity, a URL or a placeable is
//! read. A figure may have several readings: `2.5 million` is 2.5 and
//! 2,500,000, so Japanese `250万` agrees with it; a Thai Buddhist year, a
//! Persian solar year or a Japanese era year also stands for its Gregorian
//! year. A figure written with a counter that stands for a word in Chinese,
//! Japanese or Korean (`1月` for January, `2倍` for twice, `2週間` for two
//! weeks) is only compared when the source has the same figure.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use crate::lang::Lang;

/// How a locale writes a number: its decimal and group separators, and
/// whether the group separator is a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Conventions {
    decimal: char,
    group: char,
    spaced: bool,
}

/// The source's conventions when nothing else is known: CLDR's root.
const ROOT: Conventions = Conventions {
    decimal: '.',
    group: ',',
    spaced: false,
};

/// The Arabic decimal and thousands separators, read wherever they are
/// written (CLDR's `ar` now defaults to Latin digits and separators, and
/// writers use both).
const ARABIC: Conventions = Conventions {
    decimal: '\u{066B}',
    group: '\u{066C}',
    spaced: false,
};

/// Groups of three digits separated by dots, and a decimal comma: how much of
/// Europe and Latin America writes numbers whatever CLDR's choice for the
/// locale (Ukrainian `32.700`, Hungarian `3.000`).
const DOT_GROUPS: Conventions = Conventions {
    decimal: ',',
    group: '.',
    spaced: false,
};

/// Swiss groups: an apostrophe (or right single quotation mark) and a
/// decimal point, as in Romansh `3'000`.
const SWISS: [Conventions; 2] = [
    Conventions {
        decimal: '.',
        group: '\'',
        spaced: false,
    },
    Conventions {
        decimal: '.',
        group: '\u{2019}',
        spaced: false,
    },
];

/// Languages CLDR has no number symbols for, read as the language their
/// writers follow.
const CONVENTIONS_OF: [(&str, &str); 1] = [("ht", "fr")];

impl Conventions {
    /// The conventions of `lang` from CLDR (ICU4X's compiled data), worked
    /// out once per tag.
    pub(super) fn of(lang: &Lang) -> Conventions {
        static CACHE: OnceLock<Mutex<BTreeMap<String, Conventions>>> = OnceLock::new();
        let cache = CACHE.get_or_init(Default::default);
        if let Some(found) = cache.lock().ok().and_then(|c| c.get(lang.tag()).copied()) {
            return found;
        }
        let found = Self::from_cldr(lang.tag()).unwrap_or(ROOT);
        if let Ok(mut cache) = cache.lock() {
            cache.insert(lang.tag().to_owned(), found);
        }
        found
    }

    fn from_cldr(tag: &str) -> Option<Conventions> {
        let language = tag.split('-').next().unwrap_or(tag);
        let tag = CONVENTIONS_OF
            .iter()
            .find(|(l, _)| *l == language)
            .map_or(tag, |(_, other)| other);
        let locale: icu_locale_core::Locale = tag.parse().ok()?;
        let formatter =
            icu_decimal::DecimalFormatter::try_new(locale.into(), Default::default()).ok()?;
        let number: fixed_decimal::Decimal = "1234567.5".parse().ok()?;
        let written = formatter.format(&number).to_string();
        let mut separators = written
            .chars()
            .filter(|c| digit_value(*c).is_none() && !is_format_mark(*c));
        let group = separators.next()?;
        let decimal = separators.next_back()?;
        Some(Conventions {
            decimal,
            group,
            spaced: is_space(group),
        })
    }

    /// Said in a finding's message: what the figures were read with.
    pub(super) fn describe(self) -> String {
        let name = |c: char| match c {
            ' ' => "a space".to_owned(),
            '\u{A0}' => "a no-break space".to_owned(),
            '\u{202F}' => "a narrow no-break space".to_owned(),
            '\u{2009}' => "a thin space".to_owned(),
            c => format!("`{c}`"),
        };
        format!(
            "decimal separator {}, group separator {}",
            name(self.decimal),
            name(self.group)
        )
    }
}

fn is_format_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}'
    )
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// The first code point of each run of ten decimal digits (general category
/// Nd) in Unicode 16.
const DIGIT_ZEROS: [u32; 75] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x116D0, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50,
    0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// One bit for each run of 32 code points that holds a decimal digit.
const DIGIT_RUNS: [u64; 0x110000 / 32 / 64] = {
    let mut runs = [0; 0x110000 / 32 / 64];
    let mut i = 0;
    while i < DIGIT_ZEROS.len() {
        let mut code = DIGIT_ZEROS[i];
        while code < DIGIT_ZEROS[i] + 10 {
            let run = (code / 32) as usize;
            runs[run / 64] |= 1 << (run % 64);
            code += 1;
        }
        i += 1;
    }
    runs
};

/// The value of a decimal digit of any script.
pub(super) fn digit_value(c: char) -> Option<u8> {
    let code = c as u32;
    if c.is_ascii_digit() {
        return Some(code as u8 - b'0');
    }
    let run = (code / 32) as usize;
    if code < 0x0660 || DIGIT_RUNS[run / 64] & (1 << (run % 64)) == 0 {
        return None;
    }
    let at = DIGIT_ZEROS.partition_point(|zero| *zero <= code);
    let zero = DIGIT_ZEROS[at.checked_sub(1)?];
    (code - zero < 10).then(|| (code - zero) as u8)
}

/// Burmese writes the letter ဝ with the digit zero's shape and ၎ as ၄: a
/// Myanmar digit beside a Myanmar letter or sign is a letter.
fn is_myanmar(c: char) -> bool {
    matches!(c, '\u{1000}'..='\u{109F}' | '\u{AA60}'..='\u{AA7F}' | '\u{A9E0}'..='\u{A9FF}')
}

/// Han, kana: scripts whose characters before a figure do not make it an
/// identifier.
fn is_ideographic(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// A value as significant digits times a power of ten, so that 2.5 × 10⁶
/// and 250 × 10⁴ are the same.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Value {
    digits: String,
    exponent: i32,
}

impl Value {
    fn new(integer: &str, fraction: &str) -> Value {
        let mut digits: String = format!("{integer}{fraction}")
            .trim_start_matches('0')
            .to_owned();
        let mut exponent = -(fraction.len() as i32);
        while digits.ends_with('0') {
            digits.pop();
            exponent += 1;
        }
        if digits.is_empty() {
            return Value {
                digits: "0".to_owned(),
                exponent: 0,
            };
        }
        Value { digits, exponent }
    }

    fn scaled(&self, power: i32) -> Value {
        if self.digits == "0" {
            return self.clone();
        }
        Value {
            digits: self.digits.clone(),
            exponent: self.exponent + power,
        }
    }

    /// The value if it is a whole number below a million.
    fn whole(&self) -> Option<i64> {
        if self.exponent < 0 || self.digits.len() as i32 + self.exponent > 6 {
            return None;
        }
        let n: i64 = self.digits.parse().ok()?;
        Some(n * 10_i64.pow(self.exponent as u32))
    }

    fn from_whole(n: i64) -> Value {
        Value::new(&n.to_string(), "")
    }
}

/// One way a figure can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reading {
    Value(Value),
    /// As written, digits in ASCII: an identifier (`V2`) or a figure no
    /// convention reads (`1.0.8`).
    Written(String),
    /// An identifier's digits, and whether its letters are not ASCII: an
    /// identifier written in another script agrees with one of the same
    /// digits.
    Digits(String, bool),
}

/// A figure of a message.
#[derive(Debug, Clone)]
pub(super) struct Figure {
    /// As written in the message.
    pub(super) written: String,
    readings: Vec<Reading>,
    /// A figure written where the source would use a word (a month, a
    /// factor, a duration with a counter): compared only when the source
    /// has it.
    word_like: bool,
    /// Digits touching a letter before them (`V2`), compared whole: a
    /// change is only told against another identifier.
    identifier: bool,
}

/// The figures of `text` as a writer of `lang` writes them; `source` are
/// the conventions a translator may keep from the source language.
pub(super) fn figures(text: &str, lang: &Lang, source: Conventions) -> Vec<Figure> {
    let conventions = Conventions::of(lang);
    let language = lang.tag().split('-').next().unwrap_or_default();
    let chars: Vec<char> = readable(text).chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit_value(chars[i]).is_none() || is_myanmar_letter(&chars, i) {
            i += 1;
            continue;
        }
        let start = i;
        let end = number_end(&chars, start, conventions);
        i = end;
        let before = start.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(end).copied();
        let raw: String = chars[start..end].iter().collect();
        if before.is_some_and(|c| c.is_alphabetic() && !is_ideographic(c)) {
            // An identifier: the word the digits belong to, compared whole.
            // Letters of one kind (ASCII or not) with it: `CTAP2를` is the
            // name and a Korean particle.
            let latin = before.is_some_and(|c| c.is_ascii());
            let same_kind = |c: char| {
                c.is_alphanumeric() && (c.is_ascii() == latin || digit_value(c).is_some())
            };
            let mut from = start;
            while from > 0 && same_kind(chars[from - 1]) {
                from -= 1;
            }
            let mut to = end;
            while to < chars.len() && same_kind(chars[to]) {
                to += 1;
            }
            i = to;
            let written: String = chars[from..to].iter().collect();
            let mut readings = vec![Reading::Written(ascii(&written).to_uppercase())];
            // Transliterated (Serbian `МД5`, Hindi `डी3डी11`): its digits
            // stand for the source's identifier with the same digits.
            let digits: String = ascii(&written)
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            readings.push(Reading::Digits(digits, !latin));
            found.push(Figure {
                readings,
                written,
                word_like: false,
                identifier: true,
            });
            continue;
        }
        let mut values: Vec<Value> = Vec::new();
        let arabic = raw.contains(['\u{066B}', '\u{066C}']).then_some(ARABIC);
        let swiss = raw.contains(['\'', '\u{2019}']).then_some(SWISS);
        let tried = [Some(conventions), Some(source), arabic, Some(DOT_GROUPS)];
        let tried = tried
            .into_iter()
            .flatten()
            .chain(swiss.into_iter().flatten());
        for c in tried {
            if let Some(v) = read(&raw, c)
                && !values.contains(&v)
            {
                values.push(v);
            }
        }
        let mut readings: Vec<Reading> = Vec::new();
        if values.is_empty() {
            readings.push(Reading::Written(ascii(&raw)));
        }
        let next_word = word_after(&chars, end);
        let scale = scale_of(&next_word);
        let mut word_like = scale.is_none() && counts_a_word(&chars, start, end, &values);
        for value in &values {
            readings.push(Reading::Value(value.clone()));
            if let Some(power) = scale {
                readings.push(Reading::Value(value.scaled(power)));
            }
            let Some(n) = value.whole() else { continue };
            // "the 90s", "'90s": the decade's years.
            if n % 10 == 0 && n < 100 && (after == Some('s') || before == Some('\'')) {
                readings.push(Reading::Value(Value::from_whole(1900 + n)));
                readings.push(Reading::Value(Value::from_whole(2000 + n)));
            }
            for year in calendar_years(language, n, &chars[..start]) {
                readings.push(Reading::Value(Value::from_whole(year)));
                word_like = false;
            }
        }
        found.push(Figure {
            written: raw,
            readings,
            word_like,
            identifier: false,
        });
    }
    found
}

fn is_myanmar_letter(chars: &[char], i: usize) -> bool {
    if !is_myanmar(chars[i]) {
        return false;
    }
    let letter = |c: &char| is_myanmar(*c) && digit_value(*c).is_none();
    let mut from = i;
    while from > 0 && digit_value(chars[from - 1]).is_some() {
        from -= 1;
    }
    let mut to = i;
    while to < chars.len() && digit_value(chars[to]).is_some() {
        to += 1;
    }
    from.checked_sub(1)
        .and_then(|b| chars.get(b))
        .is_some_and(letter)
        || chars.get(to).is_some_and(letter)
}

/// Where the figure starting at `start` ends: digits, and separators each
/// followed by a digit (a space only in a space-grouping locale, and only
/// before exactly three digits).
fn number_end(chars: &[char], start: usize, conventions: Conventions) -> usize {
    let is_digit = |i: usize| chars.get(i).is_some_and(|c| digit_value(*c).is_some());
    let mut end = start;
    while is_digit(end) {
        end += 1;
    }
    loop {
        let Some(&c) = chars.get(end) else {
            return end;
        };
        let joins = if is_space(c) {
            conventions.spaced && (1..=3).all(|k| is_digit(end + k)) && !is_digit(end + 4)
        } else {
            matches!(c, '.' | ',' | '\'' | '\u{2019}' | '\u{066B}' | '\u{066C}')
                && is_digit(end + 1)
        };
        if !joins {
            return end;
        }
        end += 1;
        while is_digit(end) {
            end += 1;
        }
    }
}

/// The value of a figure written with `conventions`, if they read it.
fn read(raw: &str, conventions: Conventions) -> Option<Value> {
    let mut integer = String::new();
    let mut fraction: Option<String> = None;
    let mut group_len: Option<usize> = None;
    let mut grouped = false;
    for c in raw.chars() {
        if let Some(d) = digit_value(c) {
            let digit = char::from(b'0' + d);
            match &mut fraction {
                Some(f) => f.push(digit),
                None => {
                    integer.push(digit);
                    if let Some(len) = &mut group_len {
                        *len += 1;
                    }
                }
            }
            continue;
        }
        if fraction.is_some() {
            return None;
        }
        let is_group = c == conventions.group || conventions.spaced && is_space(c);
        if is_group {
            match group_len {
                None if (1..=3).contains(&integer.len()) => {}
                Some(3) => {}
                _ => return None,
            }
            group_len = Some(0);
            grouped = true;
        } else if c == conventions.decimal {
            if grouped && group_len != Some(3) {
                return None;
            }
            fraction = Some(String::new());
        } else {
            return None;
        }
    }
    if grouped && fraction.is_none() && group_len != Some(3) {
        return None;
    }
    Some(Value::new(&integer, fraction.as_deref().unwrap_or("")))
}

fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| digit_value(c).map_or(c, |d| char::from(b'0' + d)))
        .collect()
}

/// The word after a figure, past spaces, lower-cased; a Han or Hangul
/// character right after the digits is a word of its own.
fn word_after(chars: &[char], end: usize) -> String {
    let mut at = end;
    if chars
        .get(at)
        .is_some_and(|c| is_ideographic(*c) || is_hangul(*c))
    {
        return chars[at].to_string();
    }
    while chars.get(at).is_some_and(|c| is_space(*c)) {
        at += 1;
    }
    chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_alphabetic() || **c == '.')
        .take(12)
        .collect::<String>()
        .to_lowercase()
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// The power of ten a scale word after a figure multiplies it by.
fn scale_of(word: &str) -> Option<i32> {
    const SCALES: [(&str, i32); 40] = [
        ("万", 4),
        ("萬", 4),
        ("만", 4),
        ("億", 8),
        ("亿", 8),
        ("억", 8),
        ("千", 3),
        ("천", 3),
        ("兆", 12),
        ("조", 12),
        ("thousand", 3),
        ("tausend", 3),
        ("mille", 3),
        ("mila", 3),
        ("mil", 3),
        ("mijë", 3),
        ("тыс", 3),
        ("тис", 3),
        ("tys", 3),
        ("tis", 3),
        ("lakh", 5),
        ("लाख", 5),
        ("crore", 7),
        ("करोड़", 7),
        ("milliard", 9),
        ("miliard", 9),
        ("mrd", 9),
        ("млрд", 9),
        ("billion", 9),
        ("trillion", 12),
        ("milli", 6),
        ("milió", 6),
        ("milio", 6),
        ("miljo", 6),
        ("milyo", 6),
        ("millo", 6),
        ("millón", 6),
        ("млн", 6),
        ("мільйо", 6),
        ("миллио", 6),
    ];
    if word.is_empty() {
        return None;
    }
    SCALES
        .iter()
        .find(|(w, _)| {
            if w.chars().count() == 1 || *w == "mil" {
                word == *w || *w == "mil" && word == "mil."
            } else {
                word.starts_with(w)
            }
        })
        .map(|(_, p)| *p)
}

/// Counters that make a figure stand for a word in Chinese, Japanese and
/// Korean: months, days, times, weeks, hours, minutes, seconds, people and
/// things counted.
const COUNTERS: &str = "月日倍週周時时分秒回次個个名人件枚番歩步度つ월일배주시분초회번개명";

/// Whether a figure stands for a word: a CJK figure under 100 with a
/// counter (`1月`, `2倍`, `2週間`, `3年`; `2,318人` is an amount), an
/// ordinal `第3`, or Vietnamese `tháng 1` (January).
fn counts_a_word(chars: &[char], start: usize, end: usize, values: &[Value]) -> bool {
    let mut at = end;
    if chars.get(at) == Some(&' ') {
        at += 1;
    }
    let small = values
        .first()
        .and_then(Value::whole)
        .is_some_and(|n| n < 100);
    if small
        && chars
            .get(at)
            .is_some_and(|c| COUNTERS.contains(*c) || matches!(c, '年' | '년'))
    {
        return true;
    }
    // An ordinal or a fraction written with a suffix on the figure (French
    // "16es de finale", Spanish "16avos de final" for "Round of 32", "3rd"):
    // another way to count than the source's figure, which is then missing.
    if small && chars.get(end).is_some_and(|c| c.is_lowercase()) {
        return true;
    }
    let before: String = chars[start.saturating_sub(6)..start].iter().collect();
    let before = before.trim_end();
    before.ends_with('第') || before.ends_with('제') || before.to_lowercase().ends_with("tháng")
}

/// The Gregorian years a year of another calendar written in `language`
/// stands for: Buddhist (Thai, Lao), solar Hijri (Persian, Pashto), Hebrew,
/// and a Japanese era or the Republic of China's calendar named before it.
fn calendar_years(language: &str, n: i64, before: &[char]) -> Vec<i64> {
    let mut years = Vec::new();
    match language {
        "th" | "lo" if (2400..2700).contains(&n) => years.push(n - 543),
        "fa" | "ps" if (1300..1500).contains(&n) => years.extend([n + 621, n + 622]),
        "he" if (5600..5900).contains(&n) => years.extend([n - 3761, n - 3760]),
        _ => {}
    }
    let before: String = before[before.len().saturating_sub(3)..].iter().collect();
    let before = before.trim_end();
    for (era, first) in [
        ("令和", 2018),
        ("平成", 1988),
        ("昭和", 1925),
        ("民國", 1911),
    ] {
        if before.ends_with(era) && (1..100).contains(&n) {
            years.push(first + n);
        }
    }
    years
}

/// The text with tags, entities and URLs blanked out, so no figure is read
/// inside them; `&thinsp;`, `&nbsp;` and `&#8239;` become the spaces they are.
fn readable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix('<') {
            let starts_tag = after
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
            if starts_tag {
                let end = after.find('>').map_or(after.len(), |e| e + 1);
                out.push(' ');
                rest = &after[end..];
                continue;
            }
            out.push('<');
            rest = after;
            continue;
        }
        let entity_len = tail[1..]
            .char_indices()
            .take(10)
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
            .filter(|(i, c)| *c == ';' && *i > 0)
            .map(|(i, _)| i + 2);
        match entity_len {
            Some(len) => {
                out.push(match &tail[..len] {
                    "&thinsp;" | "&#8201;" | "&#x2009;" => '\u{2009}',
                    "&nbsp;" | "&#160;" | "&#xA0;" | "&#xa0;" => '\u{A0}',
                    "&#8239;" | "&#x202F;" | "&#x202f;" => '\u{202F}',
                    _ => ' ',
                });
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    if !out.contains("://") && !out.contains("www.") && !out.contains("mailto:") {
        return out;
    }
    // A URL is a word holding `://`, or starting with `www.` or `mailto:`.
    let mut blanked = String::with_capacity(out.len());
    for (i, word) in out.split(char::is_whitespace).enumerate() {
        if i > 0 {
            blanked.push(' ');
        }
        let trimmed = word.trim_start_matches(['(', '[', '<', '"', '\'']);
        if word.contains("://") || trimmed.starts_with("www.") || trimmed.starts_with("mailto:") {
            blanked.push(' ');
        } else {
            blanked.push_str(word);
        }
    }
    blanked
}

/// What comparing a translation's figures with its source's found.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Comparison {
    /// Source figures changed in value, as (translation, source): the
    /// translation has as many figures as the source.
    pub(super) changed: Vec<(String, String)>,
    /// Source figures the translation lacks (perhaps written in words).
    pub(super) missing: Vec<String>,
    /// Figures of the translation the source lacks.
    pub(super) added: Vec<String>,
    /// Source identifiers of one letter and a figure written with the same
    /// figure and another letter, as (translation, source): the letter may
    /// abbreviate a word the translation translates (Breton `H2`, *handelv*,
    /// for `V2`, version 2).
    pub(super) relettered: Vec<(String, String)>,
}

/// Whether `a` and `b` are one letter each followed by the same digits, the
/// letters differing.
fn relettered(a: &str, b: &str) -> bool {
    fn split(s: &str) -> Option<(char, &str)> {
        let mut chars = s.chars();
        let letter = chars.next().filter(|c| c.is_alphabetic())?;
        let digits = chars.as_str();
        (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
            .then_some((letter, digits))
    }
    matches!((split(a), split(b)), (Some((x, d)), Some((y, e))) if x != y && d == e)
}

/// Pairs each source figure with a translation figure that reads the same.
pub(super) fn compare(source: &[Figure], target: &[Figure]) -> Comparison {
    let mut matched = vec![false; target.len()];
    let mut unmatched_source = Vec::new();
    let agree = |a: &Figure, b: &Figure| {
        a.readings.iter().any(|r| match r {
            Reading::Digits(digits, other_script) => b.readings.iter().any(
                |r| matches!(r, Reading::Digits(d, o) if d == digits && (*o || *other_script)),
            ),
            r => b.readings.contains(r),
        })
    };
    for wanted in source {
        // The same first reading before any other, so "2.5 million ... 2.5"
        // pairs each with its own.
        let pick = (0..target.len())
            .find(|&t| !matched[t] && target[t].readings.first() == wanted.readings.first())
            .or_else(|| (0..target.len()).find(|&t| !matched[t] && agree(wanted, &target[t])));
        match pick {
            Some(t) => matched[t] = true,
            None => unmatched_source.push(wanted),
        }
    }
    let unmatched_target: Vec<&Figure> = target
        .iter()
        .zip(&matched)
        .filter(|(f, m)| !**m && !f.word_like)
        .map(|(f, _)| f)
        .collect();
    let counted = target
        .iter()
        .zip(&matched)
        .filter(|(f, m)| **m || !f.word_like)
        .count();
    let mut comparison = Comparison::default();
    let identifiers = |figures: &[&Figure]| figures.iter().filter(|f| f.identifier).count();
    if !unmatched_source.is_empty()
        && !unmatched_target.is_empty()
        && counted == source.len()
        && identifiers(&unmatched_source) == identifiers(&unmatched_target)
    {
        let mut source_left = unmatched_source.clone();
        for figure in &unmatched_target {
            let at = source_left
                .iter()
                .position(|s| s.identifier == figure.identifier)
                .expect("as many identifiers on each side");
            let wanted = source_left.remove(at);
            let pair = (figure.written.clone(), wanted.written.clone());
            if relettered(&figure.written, &wanted.written) {
                comparison.relettered.push(pair);
            } else {
                comparison.changed.push(pair);
            }
        }
        return comparison;
    }
    comparison.missing = unmatched_source.iter().map(|f| f.written.clone()).collect();
    comparison.added = unmatched_target.iter().map(|f| f.written.clone()).collect();
    comparison
}

#[cfg(test)]
mod tests;
