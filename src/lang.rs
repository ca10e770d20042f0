//! A locale's language: its validated BCP 47 tag, the direction its script
//! is written in, and whether a native speaker has reviewed its translation.
//! Every later stage names a locale by a [`Lang`], never by a raw tag.
//!
//! A tag names a known language: its language subtag is an ISO 639 code
//! (the table in `lang/languages.rs`, generated from Debian's iso-codes by
//! `scripts/languages.py`), or one of the codes `qaa`..`qtz` that ISO 639
//! reserves for local use. A refused tag comes with a suggestion: the code
//! whose English name was written (`english`: `en`), the current code of an
//! old or three-letter one (`iw`: `he`, `eng`: `en`), or the nearest code.

mod languages;

use std::fmt;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::ids::is_windows_device_name;

/// Why a tag is not a [`Lang`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LangError {
    /// The tag does not parse as a BCP 47 language tag.
    #[error("`{tag}` is not a BCP 47 language tag (for example `es` or `pt-BR`){}", did_you_mean(.suggestion))]
    NotATag {
        /// The tag as written.
        tag: String,
        /// A tag of a known language it may have meant.
        suggestion: Option<String>,
    },
    /// The tag's language subtag is not an ISO 639 code.
    #[error("`{tag}` names no known language: `{language}` is not an ISO 639 language code{}", did_you_mean(.suggestion))]
    UnknownLanguage {
        /// The tag as written.
        tag: String,
        /// Its language subtag, in lower case.
        language: String,
        /// A tag of a known language it may have meant.
        suggestion: Option<String>,
    },
    /// The tag is a device name on Windows (`con`, `nul`), so it cannot be
    /// a locale's folder.
    #[error(
        "`{tag}` cannot be a locale's folder: Windows reserves the name `{tag}` for a device, so the project could not be checked out there"
    )]
    NotPortable {
        /// The tag as written.
        tag: String,
    },
    /// The tag parses, but is not written in its canonical form.
    #[error("`{tag}` is not written in canonical form: write `{canonical}`")]
    NotCanonical {
        /// The tag as written.
        tag: String,
        /// The tag in canonical form.
        canonical: String,
    },
    /// The tag has no language subtag.
    #[error("`{tag}` names no language")]
    NoLanguage {
        /// The tag as written.
        tag: String,
    },
}

/// Whether a native speaker has reviewed a locale's translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not yet reviewed: every page in this locale says so.
    Draft,
    /// Reviewed by a native speaker.
    Reviewed,
}

impl Status {
    /// The word used in config files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Reviewed => "reviewed",
        }
    }
}

/// Writing direction of a locale's script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A validated BCP 47 language tag in canonical form, with its direction.
///
/// Every span of every localized document carries its language, so a clone
/// shares the tag rather than copying it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang {
    tag: Arc<str>,
    direction: Direction,
}

impl Lang {
    /// Parses a tag, refusing anything that is not already a canonical BCP 47
    /// language tag (so `en_US`, `EN`, `../x` and the empty string are refused)
    /// or whose language is not known (`english`, `qq`).
    pub fn parse(tag: &str) -> Result<Self, LangError> {
        Self::parse_with(tag, false)
    }

    /// [`Lang::parse`], also accepting a language code that CLDR replaces
    /// by a current one (`hye` for `hy`, `iw` for `he`, `mo` for `ro`): for
    /// the folders of an application's Fluent tree, named as the
    /// application names its locales (Firefox's `hye`), where a project's
    /// own tags are held to the current code.
    pub fn parse_as_named(tag: &str) -> Result<Self, LangError> {
        Self::parse_with(tag, true)
    }

    fn parse_with(tag: &str, aliases: bool) -> Result<Self, LangError> {
        let id: LanguageIdentifier = tag.parse().map_err(|_| LangError::NotATag {
            tag: tag.to_owned(),
            suggestion: suggest_for_name(tag, ""),
        })?;
        if id.language.is_empty() {
            return Err(LangError::NoLanguage {
                tag: tag.to_owned(),
            });
        }
        let language = id.language.as_str();
        if !(is_known_language(language) || aliases && current_code(language).is_some()) {
            // The tag after its language subtag, for the suggestion.
            let rest = id.to_string()[language.len()..].to_owned();
            return Err(LangError::UnknownLanguage {
                tag: tag.to_owned(),
                language: language.to_owned(),
                suggestion: suggest(tag, language, &rest),
            });
        }
        let canonical = id.to_string();
        if canonical != tag {
            return Err(LangError::NotCanonical {
                tag: tag.to_owned(),
                canonical,
            });
        }
        let direction = match id.character_direction() {
            CharacterDirection::RTL => Direction::Rtl,
            _ => Direction::Ltr,
        };
        Ok(Lang {
            tag: Arc::from(canonical),
            direction,
        })
    }

    /// [`Lang::parse`] for a tag that names a locale, and so a folder
    /// (`locales/<tag>/`, `dist/<letter>/<tag>/`): also refuses a name that
    /// Windows reserves for a device (`con`, `nul`, `aux`, `prn`, `com1`,
    /// `lpt1`...), which ISO 639 gives to languages too.
    pub fn parse_locale(tag: &str) -> Result<Self, LangError> {
        let lang = Lang::parse(tag)?;
        if is_windows_device_name(tag) {
            return Err(LangError::NotPortable {
                tag: tag.to_owned(),
            });
        }
        Ok(lang)
    }

    /// The tag, for `lang` and `hreflang` attributes and folder names.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The script's writing direction.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// A locale folder's name read leniently, for Fluent trees letterkit does not
    /// own: `en_US` is read as `en-US`, and subtags that are not BCP 47
    /// (`ja-JP-mac`) are dropped from the end until the rest is.
    pub fn lenient(name: &str) -> Option<Self> {
        let mut subtags: Vec<&str> = name.split(['-', '_']).collect();
        while !subtags.is_empty() {
            if let Ok(id) = subtags.join("-").parse::<LanguageIdentifier>() {
                if id.language.is_empty() {
                    return None;
                }
                return Lang::parse(&id.to_string()).ok();
            }
            subtags.pop();
        }
        None
    }

    /// The locale as Open Graph writes it (`es_ES`, `pt_BR`): language and
    /// region, the region the likeliest for the language (Unicode CLDR's
    /// likely subtags) where the tag has none.
    pub fn og_locale(&self) -> String {
        let mut locale: icu_locale::Locale = match self.tag().parse() {
            Ok(locale) => locale,
            Err(_) => return self.tag().replace('-', "_"),
        };
        if locale.id.region.is_none() {
            icu_locale::LocaleExpander::new_extended().maximize(&mut locale.id);
        }
        match locale.id.region {
            Some(region) => format!("{}_{}", locale.id.language, region),
            None => locale.id.language.to_string(),
        }
    }

    /// The tag as a unic-langid identifier, for Fluent.
    pub fn language_identifier(&self) -> LanguageIdentifier {
        self.tag
            .parse()
            .expect("a Lang is only built from a tag that parsed")
    }
}

/// Whether `language` (a language subtag in lower case) is known: an ISO
/// 639 code of the table, one of `qaa`..`qtz` (reserved by ISO 639 for
/// local use: a project may give one to a language ISO 639 lacks), or a
/// code Unicode CLDR has data for that is not an alias of another (ISO 639-3
/// codes newer than the table, such as `isv`; not `iw`, now `he`).
pub fn is_known_language(language: &str) -> bool {
    let local_use = matches!(language.as_bytes(), [b'q', b'a'..=b't', b'a'..=b'z']);
    local_use
        || languages::LANGUAGES
            .binary_search_by(|(code, _)| (*code).cmp(language))
            .is_ok()
        || (cldr_has_language(language) && current_code(language).is_none())
}

/// Whether CLDR's likely subtags know `language`: the expander adds a
/// script and a region to a language it knows, and leaves others as they are.
fn cldr_has_language(language: &str) -> bool {
    let Ok(mut id) = language.parse::<icu_locale::LanguageIdentifier>() else {
        return false;
    };
    icu_locale::LocaleExpander::new_extended().maximize(&mut id)
        == icu_locale::TransformResult::Modified
}

/// The English name of a known language code (`en`: English).
pub fn language_name(language: &str) -> Option<&'static str> {
    let at = languages::LANGUAGES
        .binary_search_by(|(code, _)| (*code).cmp(language))
        .ok()?;
    languages::LANGUAGES[at].1.split("; ").next()
}

/// The suggestion an error gives, if any: "; did you mean `en` (English)?".
fn did_you_mean(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(tag) => {
            let language = tag.split('-').next().unwrap_or(tag);
            match language_name(language) {
                Some(name) => format!("; did you mean `{tag}` ({name})?"),
                None => format!("; did you mean `{tag}`?"),
            }
        }
        None => String::new(),
    }
}

/// A tag of a known language for one whose language subtag `language` is
/// unknown (`rest` is the tag after it, such as `-US`): the current code of an
/// old or three-letter code, the language named in English, or the nearest code.
fn suggest(written: &str, language: &str, rest: &str) -> Option<String> {
    if let Some(current) = current_code(language) {
        return Some(format!("{current}{rest}"));
    }
    if let Some(named) = suggest_for_name(written, "") {
        return Some(named);
    }
    if let Some(named) = suggest_for_name(language, rest) {
        return Some(named);
    }
    nearest_code(language).map(|code| format!("{code}{rest}"))
}

/// The code CLDR's aliases give an old or three-letter code for (`iw`: `he`,
/// `eng`: `en`, `fre`: `fr`).
fn current_code(language: &str) -> Option<String> {
    let mut locale: icu_locale::Locale = language.parse().ok()?;
    icu_locale::LocaleCanonicalizer::new_extended().canonicalize(&mut locale);
    let current = locale.id.language.as_str();
    (current != language && !locale.id.language.is_unknown()).then(|| current.to_owned())
}

/// The code of the language whose English name is `name` (case, `-`, `_`
/// and spaces aside), followed by `rest`: `english` gives `en`, `Haitian
/// Creole` gives `ht`. A name in full wins over the part of a name before
/// its comma (`Greek` for `Greek, Modern (1453-)`); of equal matches, the
/// two-letter code.
fn suggest_for_name(name: &str, rest: &str) -> Option<String> {
    let wanted: String = name
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if wanted.len() < 3 {
        return None;
    }
    let mut best: Option<(u8, &str)> = None;
    for (code, names) in languages::LANGUAGES {
        for written in names.split("; ") {
            let written = written.to_lowercase();
            let rank = if written == wanted {
                0
            } else if written.split([',', '(']).next().map(str::trim) == Some(wanted.as_str()) {
                1
            } else {
                continue;
            };
            let better = best.is_none_or(|(best_rank, best_code)| {
                (rank, code.len()) < (best_rank, best_code.len())
            });
            if better {
                best = Some((rank, code));
            }
        }
    }
    best.map(|(_, code)| format!("{code}{rest}"))
}

/// The known code one letter away from `language` (a letter changed, added,
/// removed, or two swapped), two-letter codes first, then in order.
fn nearest_code(language: &str) -> Option<&'static str> {
    if language.len() > 4 {
        return None;
    }
    languages::LANGUAGES
        .iter()
        .map(|(code, _)| *code)
        .filter(|code| one_edit_apart(language, code))
        .min_by_key(|code| code.len())
}

/// Whether `a` becomes `b` by changing, adding or removing one letter, or
/// swapping two neighbours.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() == b.len() {
        let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return match differ.as_slice() {
            [_] => true,
            [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
            _ => false,
        };
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    (0..long.len()).any(|skip| long[..skip] == short[..skip] && long[skip + 1..] == short[skip..])
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_canonical_and_hostile_tags_are_refused() {
        for tag in ["en_US", "EN", "../x", "", "es-mx", "x y"] {
            assert!(Lang::parse(tag).is_err(), "{tag:?} was accepted");
        }
        assert_eq!(Lang::parse("pt-BR").unwrap().tag(), "pt-BR");
    }

    #[test]
    fn a_refused_tag_says_what_to_write_instead() {
        assert_eq!(
            Lang::parse("es-mx").unwrap_err().to_string(),
            "`es-mx` is not written in canonical form: write `es-MX`"
        );
        assert_eq!(
            Lang::parse("x y").unwrap_err(),
            LangError::NotATag {
                tag: "x y".into(),
                suggestion: None
            }
        );
    }

    #[test]
    fn open_graph_locales_have_the_likely_region() {
        for (tag, expected) in [
            ("es", "es_ES"),
            ("en", "en_US"),
            ("fr", "fr_FR"),
            ("ht", "ht_HT"),
            ("pt-BR", "pt_BR"),
            ("ar", "ar_EG"),
        ] {
            assert_eq!(Lang::parse(tag).unwrap().og_locale(), expected, "{tag}");
        }
    }

    #[test]
    fn arabic_is_right_to_left_and_latin_scripts_are_not() {
        assert_eq!(Lang::parse("ar").unwrap().direction(), Direction::Rtl);
        assert_eq!(Lang::parse("ht").unwrap().direction(), Direction::Ltr);
    }
}

#[cfg(test)]
mod known_tests {
    use super::*;
    use icu_provider::prelude::*;

    fn suggestion(tag: &str) -> Option<String> {
        match Lang::parse(tag).unwrap_err() {
            LangError::UnknownLanguage { suggestion, .. }
            | LangError::NotATag { suggestion, .. } => suggestion,
            other => panic!("{tag}: {other}"),
        }
    }

    #[test]
    fn a_language_written_as_a_name_suggests_its_code() {
        assert_eq!(
            Lang::parse("english").unwrap_err().to_string(),
            "`english` names no known language: `english` is not an ISO 639 language code; did you mean `en` (English)?"
        );
        assert_eq!(suggestion("Spanish").as_deref(), Some("es"));
        assert_eq!(suggestion("english-US").as_deref(), Some("en-US"));
        assert_eq!(suggestion("Haitian Creole").as_deref(), Some("ht"));
        assert_eq!(suggestion("greek").as_deref(), Some("el"));
        assert_eq!(suggestion("browser"), None);
    }

    #[test]
    fn an_unknown_code_suggests_the_nearest_known_one() {
        assert_eq!(
            Lang::parse("qq").unwrap_err().to_string(),
            "`qq` names no known language: `qq` is not an ISO 639 language code; did you mean `qu` (Quechua)?"
        );
        let with_region = suggestion("fe-CA").expect("a suggestion");
        assert!(with_region.ends_with("-CA"), "{with_region}");
        assert!(Lang::parse(&with_region).is_ok());
    }

    #[test]
    fn old_and_three_letter_codes_suggest_the_current_one() {
        for (old, current) in [
            ("eng", "en"),
            ("fre", "fr"),
            ("spa", "es"),
            ("iw", "he"),
            ("mo", "ro"),
            ("ji", "yi"),
        ] {
            assert_eq!(suggestion(old).as_deref(), Some(current), "{old}");
        }
    }

    #[test]
    fn codes_that_name_no_language_are_refused() {
        for tag in ["mul", "zxx", "mis", "und", "x-private", "en-x-private"] {
            assert!(Lang::parse(tag).is_err(), "{tag} was accepted");
        }
    }

    #[test]
    fn codes_for_local_use_and_every_iso_639_kind_are_accepted() {
        for tag in [
            "qaa",
            "qtz-Latn",
            "ht",
            "sh",
            "ast",
            "son",
            "ca-valencia",
            "isv",
        ] {
            assert!(Lang::parse(tag).is_ok(), "{tag}: {:?}", Lang::parse(tag));
        }
        assert!(
            Lang::parse("qua").is_ok(),
            "qua is Quapaw, an ISO 639-3 code"
        );
        assert!(Lang::parse("quz").is_ok());
    }

    #[test]
    fn windows_device_names_cannot_be_locales() {
        assert!(
            Lang::parse("nul").is_ok(),
            "Nusa Laut, a language of ISO 639-3"
        );
        for tag in ["nul", "con", "aux", "prn"] {
            assert_eq!(
                Lang::parse_locale(tag).unwrap_err(),
                LangError::NotPortable { tag: tag.into() }
            );
        }
        for name in ["CON", "nul.txt", "com1", "LPT9.html", "aux ", "con.tar.gz"] {
            assert!(is_windows_device_name(name), "{name}");
        }
        for name in ["com0", "com10", "cons", "console", "lpt", "nullify", "en"] {
            assert!(!is_windows_device_name(name), "{name}");
        }
    }

    #[test]
    fn the_table_lists_every_iso_639_1_code() {
        let two_letter = languages::LANGUAGES
            .iter()
            .filter(|(code, _)| code.len() == 2)
            .count();
        // ISO 639-1 has 184 codes (`sh` among them).
        assert_eq!(two_letter, 184);
        assert!(
            languages::LANGUAGES.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted"
        );
        assert_eq!(language_name("ht"), Some("Haitian"));
    }

    #[test]
    fn every_language_cldr_knows_is_known_unless_it_is_an_alias() {
        let response: DataResponse<icu_locale::provider::LocaleLikelySubtagsExtendedV1> =
            icu_locale::provider::Baked
                .load(Default::default())
                .expect("compiled data");
        let data = response.payload.get();
        let mut count = 0;
        for key in data.language.iter_keys() {
            let code = key.try_into_tinystr().expect("a subtag").to_string();
            count += 1;
            assert!(
                is_known_language(&code) || current_code(&code).is_some(),
                "CLDR knows `{code}`"
            );
        }
        assert!(count > 5000, "{count} languages");
    }

    /// The table is what `scripts/languages.py` makes of the iso-codes on
    /// this machine, where the package is installed (`.ci/run` installs it).
    #[test]
    fn the_table_is_what_iso_codes_gives() {
        if !Path::new("/usr/share/iso-codes/json/iso_639-3.json").is_file() {
            eprintln!("iso-codes is not installed: the table is not compared with it");
            return;
        }
        let status = std::process::Command::new("python3")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/languages.py"))
            .arg("--check")
            .status()
            .expect("python3 runs");
        assert!(status.success(), "run python3 scripts/languages.py");
    }

    use std::path::Path;
}
