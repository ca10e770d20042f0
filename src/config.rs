//! The project configuration, `letterkit.toml`: the source locale, every locale
//! with its metadata, and the output folder. Loading validates it into
//! [`ProjectConfig`], so later stages never see an unknown tag or a duplicate.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use toml::Spanned;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// The file name of a project's configuration.
pub const CONFIG_FILE: &str = "letterkit.toml";

// `letterkit.toml` as written. The doc comments below are also the
// descriptions editors show from the JSON Schema (`letterkit schema config`).
/// A letterkit project: its locales and where its pages are written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "letterkit.toml")]
pub(crate) struct RawConfig {
    /// The locale every other locale is translated from and falls back to, as a
    /// BCP 47 tag in canonical form (`en`, `pt-BR`). It must also be listed
    /// under `[[locales]]`.
    #[schemars(with = "String")]
    pub source_locale: Spanned<String>,
    /// Where `letterkit build` writes its pages unless `--out` says otherwise,
    /// relative to the project folder.
    #[serde(default = "default_output_dir")]
    #[schemars(with = "String")]
    pub output_dir: Spanned<PathBuf>,
    /// Every locale of the project, in the order the language chooser lists them.
    pub locales: Vec<RawLocale>,
    /// The paper size of the letters' PDFs.
    #[serde(default)]
    pub paper: Paper,
    /// Whether every build also writes each letter as a PDF,
    /// `<letter>/<locale>/letter.pdf`, and links it from the pages (as
    /// `build --pdf` does for one build).
    #[serde(default)]
    pub pdf: bool,
    /// How `letterkit check` judges findings: identical translations allowed,
    /// warnings denied, findings waived.
    #[serde(default)]
    pub check: CheckPolicy,
}

/// How `check` judges findings, from the `[check]` table of `letterkit.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckPolicy {
    /// Message ids whose translation may be the source text unchanged (names,
    /// brands): `identical-to-source` is not reported for them.
    #[serde(default)]
    pub allow_identical: Vec<String>,
    /// Warnings fail the check too, as `check --deny warnings` asks.
    #[serde(default)]
    pub deny_warnings: bool,
    /// Findings accepted on purpose, each with its reason.
    #[serde(default)]
    pub waivers: Vec<Waiver>,
}

/// A finding accepted on purpose: not reported, but counted.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Waiver {
    /// The locale's tag, or `*` for every locale.
    pub locale: String,
    /// The finding's code (`identical-to-source`, ...).
    pub code: String,
    /// The message id; every message when absent.
    pub message: Option<String>,
    /// Why the finding is accepted: kept for the next reader of the file.
    pub reason: String,
}

fn default_output_dir() -> Spanned<PathBuf> {
    Spanned::new(0..0, PathBuf::from("dist"))
}

/// One locale: its tag, whether CI requires it, and whether a native speaker has reviewed it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawLocale {
    /// The locale's BCP 47 tag in canonical form (`es`, `pt-BR`, not `pt_BR`);
    /// also its folder under `locales/`.
    #[schemars(with = "String")]
    pub tag: Spanned<String>,
    /// Whether `letterkit check` fails (exit 1) when this locale is incomplete
    /// or broken. Findings in an optional locale are warnings.
    #[serde(default)]
    pub required: bool,
    /// Whether a native speaker has reviewed the translation. A draft page says
    /// so at the top, in its own language.
    pub status: Status,
    /// Locales to take a missing message from, in order, before the source locale.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub fallback: Vec<Spanned<String>>,
    /// The CLDR locale whose date format this locale uses (default: its tag),
    /// such as `en-GB` for day-month-year English.
    #[schemars(with = "Option<String>")]
    pub date_locale: Option<Spanned<String>>,
    /// The least share of each letter, in percent, that must be translated;
    /// `check` fails below it even where the locale is optional.
    #[schemars(with = "Option<u8>", range(max = 100))]
    pub min_coverage: Option<Spanned<u8>>,
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

/// The paper size of a letter's PDF.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 inches.
    UsLetter,
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
    /// The least share of each letter, in percent, that must be translated;
    /// `check` fails below it even where the locale is optional.
    pub min_coverage: Option<u8>,
}

impl LocaleSettings {
    /// A required draft locale with no fallback but the source, dated by its own
    /// CLDR data: the settings of a locale no `letterkit.toml` describes.
    pub fn new(lang: Lang) -> Self {
        LocaleSettings {
            date_locale: lang.tag().to_owned(),
            lang,
            required: true,
            status: Status::Draft,
            fallback: Vec::new(),
            min_coverage: None,
        }
    }
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
    /// How `check` judges findings.
    pub check: CheckPolicy,
    /// The paper size of the letters' PDFs.
    pub paper: Paper,
    /// Whether every build writes the letters' PDFs too.
    pub pdf: bool,
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
            let min_coverage = match &entry.min_coverage {
                Some(percent) if *percent.get_ref() > 100 => {
                    return Err(at(percent)(format!(
                        "locales.{lang}.min-coverage: a percentage is at most 100"
                    )));
                }
                Some(percent) => Some(*percent.get_ref()),
                None => None,
            };
            tag_spans.push(entry.fallback.iter().map(Spanned::span).collect::<Vec<_>>());
            locales.push(LocaleSettings {
                lang,
                required: entry.required,
                status: entry.status,
                fallback,
                date_locale,
                min_coverage,
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
            check: raw.check,
            paper: raw.paper,
            pdf: raw.pdf,
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
