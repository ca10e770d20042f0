//! The project configuration, `letterkit.toml`: the source locale, every locale
//! with its metadata, and the output folder. Loading validates it into
//! [`ProjectConfig`], so later stages never see an unknown tag or a duplicate.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use toml::Spanned;

use serde::{Deserialize, Serialize};
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// The file name of a project's configuration.
pub const CONFIG_FILE: &str = "letterkit.toml";

/// `letterkit.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawConfig {
    pub source_locale: Spanned<String>,
    #[serde(default = "default_output_dir")]
    pub output_dir: Spanned<PathBuf>,
    pub locales: Vec<RawLocale>,
}

fn default_output_dir() -> Spanned<PathBuf> {
    Spanned::new(0..0, PathBuf::from("dist"))
}

/// One `[[locales]]` entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawLocale {
    pub tag: Spanned<String>,
    #[serde(default)]
    pub required: bool,
    pub status: Status,
    #[serde(default)]
    pub fallback: Vec<Spanned<String>>,
    pub date_locale: Option<Spanned<String>>,
}

/// Why a configuration is refused: what to change, and where in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConfigError {
    /// What is wrong and what to do.
    pub message: String,
    /// The byte range of the value at fault.
    pub span: Range<usize>,
}

fn at<T>(value: &Spanned<T>) -> impl FnOnce(String) -> ConfigError {
    let span = value.span();
    move |message| ConfigError { message, span }
}

/// Whether a native speaker has reviewed a locale's translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
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
    pub fn parse(tag: &str) -> Result<Self, String> {
        let id: LanguageIdentifier = tag.parse().map_err(|_| {
            format!("`{tag}` is not a BCP 47 language tag (for example `es` or `pt-BR`)")
        })?;
        let canonical = id.to_string();
        if canonical != tag {
            return Err(format!(
                "`{tag}` is not written in canonical form: write `{canonical}`"
            ));
        }
        if id.language.is_empty() {
            return Err(format!("`{tag}` names no language"));
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

/// One locale of the project, validated.
#[derive(Debug, Clone)]
pub struct LocaleSettings {
    /// The locale's language tag; also its folder under `locales/`.
    pub lang: Lang,
    /// Whether `check` fails when this locale is incomplete or broken.
    pub required: bool,
    /// Draft or reviewed.
    pub status: Status,
    /// Locales to take a message from when this one lacks it, before the source locale.
    pub fallback: Vec<Lang>,
    /// The CLDR locale whose date format this locale uses (default: its own tag).
    pub date_locale: String,
}

/// The validated project configuration.
#[derive(Debug, Clone)]
pub struct ProjectConfig {
    /// The locale every other is translated from; the last fallback of every locale.
    pub source: Lang,
    /// Default output folder, relative to the project.
    pub output_dir: PathBuf,
    /// Every locale, in the order the language switcher lists them.
    pub locales: Vec<LocaleSettings>,
}

impl ProjectConfig {
    /// Validates the configuration as written; the error says what to change.
    pub(crate) fn validate(raw: RawConfig) -> Result<Self, ConfigError> {
        let source = Lang::parse(raw.source_locale.get_ref())
            .map_err(|e| at(&raw.source_locale)(format!("source-locale: {e}")))?;
        let mut locales: Vec<LocaleSettings> = Vec::with_capacity(raw.locales.len());
        let mut tag_spans = Vec::with_capacity(raw.locales.len());
        for entry in &raw.locales {
            let lang = Lang::parse(entry.tag.get_ref())
                .map_err(|e| at(&entry.tag)(format!("locales: {e}")))?;
            if locales.iter().any(|l| l.lang == lang) {
                return Err(at(&entry.tag)(format!("locales: `{lang}` is listed twice")));
            }
            let fallback = entry
                .fallback
                .iter()
                .map(|tag| {
                    Lang::parse(tag.get_ref())
                        .map_err(|e| at(tag)(format!("locales.{lang}.fallback: {e}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let date_locale = match &entry.date_locale {
                Some(tag) => Lang::parse(tag.get_ref())
                    .map_err(|e| at(tag)(format!("locales.{lang}.date-locale: {e}")))?
                    .tag()
                    .to_owned(),
                None => lang.tag().to_owned(),
            };
            tag_spans.push(entry.fallback.iter().map(Spanned::span).collect::<Vec<_>>());
            locales.push(LocaleSettings {
                lang,
                required: entry.required,
                status: entry.status,
                fallback,
                date_locale,
            });
        }
        if !locales.iter().any(|l| l.lang == source) {
            return Err(at(&raw.source_locale)(format!(
                "source-locale `{source}` must also be listed under [[locales]]"
            )));
        }
        for (locale, spans) in locales.iter().zip(&tag_spans) {
            for (fallback, span) in locale.fallback.iter().zip(spans) {
                if !locales.iter().any(|l| &l.lang == fallback) {
                    return Err(ConfigError {
                        message: format!(
                            "locales.{}.fallback: `{fallback}` is not a locale of this project",
                            locale.lang
                        ),
                        span: span.clone(),
                    });
                }
            }
        }
        if raw.output_dir.get_ref().as_os_str().is_empty() {
            return Err(at(&raw.output_dir)("output-dir must not be empty".into()));
        }
        Ok(ProjectConfig {
            source,
            output_dir: raw.output_dir.into_inner(),
            locales,
        })
    }

    /// The settings of the locale tagged `tag`, if the project has it.
    pub fn locale(&self, tag: &str) -> Option<&LocaleSettings> {
        self.locales.iter().find(|l| l.lang.tag() == tag)
    }

    /// The chain of locales a message is looked up in for `locale`: itself, its
    /// configured fallbacks, then the source locale, without repeats.
    pub fn fallback_chain(&self, locale: &Lang) -> Vec<Lang> {
        let mut chain = vec![locale.clone()];
        if let Some(settings) = self.locale(locale.tag()) {
            for lang in &settings.fallback {
                if !chain.contains(lang) {
                    chain.push(lang.clone());
                }
            }
        }
        if !chain.contains(&self.source) {
            chain.push(self.source.clone());
        }
        chain
    }

    /// Every locale that `langs` may take messages from, each once, in order.
    pub fn fallback_chains_of(&self, langs: &[Lang]) -> Vec<Lang> {
        let mut all: Vec<Lang> = Vec::new();
        for lang in langs {
            for link in self.fallback_chain(lang) {
                if !all.contains(&link) {
                    all.push(link);
                }
            }
        }
        all
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
    fn arabic_is_right_to_left_and_latin_scripts_are_not() {
        assert_eq!(Lang::parse("ar").unwrap().direction(), Direction::Rtl);
        assert_eq!(Lang::parse("ht").unwrap().direction(), Direction::Ltr);
    }

    #[test]
    fn fallback_chain_ends_with_the_source_locale() {
        let raw: RawConfig = toml::from_str(
            r#"
            source-locale = "en"
            [[locales]]
            tag = "en"
            status = "reviewed"
            [[locales]]
            tag = "es"
            status = "draft"
            [[locales]]
            tag = "es-MX"
            status = "draft"
            fallback = ["es"]
            "#,
        )
        .unwrap();
        let config = ProjectConfig::validate(raw).unwrap();
        let chain = config.fallback_chain(&Lang::parse("es-MX").unwrap());
        let tags: Vec<&str> = chain.iter().map(Lang::tag).collect();
        assert_eq!(tags, ["es-MX", "es", "en"]);
    }
}
