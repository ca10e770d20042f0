//! A locale's language: its validated BCP 47 tag, the direction its script
//! is written in, and whether a native speaker has reviewed its translation.
//! Every later stage names a locale by a [`Lang`], never by a raw tag.

use std::fmt;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// Why a tag is not a [`Lang`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LangError {
    /// The tag does not parse as a BCP 47 language tag.
    #[error("`{tag}` is not a BCP 47 language tag (for example `es` or `pt-BR`)")]
    NotATag {
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
    /// language tag (so `en_US`, `EN`, `../x` and the empty string are refused).
    pub fn parse(tag: &str) -> Result<Self, LangError> {
        let id: LanguageIdentifier = tag.parse().map_err(|_| LangError::NotATag {
            tag: tag.to_owned(),
        })?;
        let canonical = id.to_string();
        if canonical != tag {
            return Err(LangError::NotCanonical {
                tag: tag.to_owned(),
                canonical,
            });
        }
        if id.language.is_empty() {
            return Err(LangError::NoLanguage {
                tag: tag.to_owned(),
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
            LangError::NotATag { tag: "x y".into() }
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
