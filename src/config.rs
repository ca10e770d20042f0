//! The project configuration, `letterkit.toml`: the source locale, every locale
//! with its metadata, and the output folder. Loading validates it into
//! [`ProjectConfig`], so later stages never see an unknown tag or a duplicate.

use std::ops::Range;
use std::path::PathBuf;

use toml::Spanned;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::document::Paper;
use crate::lang::{Lang, Status};

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
    /// How `letterkit check` judges findings: identical translations allowed,
    /// warnings denied, findings waived.
    #[serde(default)]
    pub check: CheckPolicy,
    /// The address the output folder is published at (`https://example.org/letters/`).
    /// With it, a build writes `sitemap.xml`, an Atom feed per locale, canonical
    /// links and `og:url`; without it, none of them.
    #[schemars(with = "Option<String>")]
    pub base_url: Option<Spanned<String>>,
    /// The paper size of the letters' PDFs.
    #[serde(default)]
    pub paper: Paper,
    /// Whether every build also writes each letter as an accessible PDF,
    /// `<letter>/<locale>/letter.pdf`, and links it from the pages (as
    /// `build --pdf` does for one build). Needs letterkit built with the
    /// `pdf` feature.
    #[serde(default)]
    pub pdf: bool,
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
    /// The locale's BCP 47 tag in canonical form (`es`, `pt-BR`, not `pt_BR`),
    /// its language an ISO 639 code (`en`, not `english` or `eng`) or one of
    /// `qaa`..`qtz`; also its folder under `locales/`.
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

/// `base-url` as written, checked to be an absolute `https` or `http`
/// address without query, fragment, spaces or markup characters, ended with
/// `/` so that page paths are appended to it.
fn validate_base_url(url: &Spanned<String>) -> Result<String, ConfigError> {
    let text = url.get_ref().trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    let host = rest.and_then(|r| r.split('/').next()).unwrap_or("");
    let plain = text.chars().all(|c| {
        c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '\'' | '`' | '\\' | '?' | '#')
    });
    if rest.is_none() || host.is_empty() || !plain {
        return Err(at(url)(format!(
            "base-url: `{text}` is not an absolute https:// or http:// address without query or fragment, such as https://example.org/letters/"
        )));
    }
    let mut base = text.to_owned();
    if !base.ends_with('/') {
        base.push('/');
    }
    Ok(base)
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
    /// The address the output folder is published at, ending in `/`.
    pub base_url: Option<String>,
    /// The paper size of the letters' PDFs.
    pub paper: Paper,
    /// Whether every build writes the letters' PDFs too.
    pub pdf: bool,
}

impl ProjectConfig {
    /// Validates the configuration as written; the error says what to change.
    pub(crate) fn validate(raw: RawConfig) -> Result<Self, ConfigError> {
        let source = Lang::parse_locale(raw.source_locale.get_ref())
            .map_err(|e| at(&raw.source_locale)(format!("source-locale: {e}")))?;
        let mut locales: Vec<LocaleSettings> = Vec::with_capacity(raw.locales.len());
        let mut tag_spans = Vec::with_capacity(raw.locales.len());
        for entry in &raw.locales {
            let lang = Lang::parse_locale(entry.tag.get_ref())
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
        let base_url = raw.base_url.as_ref().map(validate_base_url).transpose()?;
        Ok(ProjectConfig {
            source,
            output_dir: raw.output_dir.into_inner(),
            locales,
            check: raw.check,
            base_url,
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

    fn config_with_base_url(url: &str) -> Result<ProjectConfig, ConfigError> {
        let raw: RawConfig = toml::from_str(&format!(
            "source-locale = \"en\"\nbase-url = {url:?}\n[[locales]]\ntag = \"en\"\nstatus = \"reviewed\"\n"
        ))
        .unwrap();
        ProjectConfig::validate(raw)
    }

    #[test]
    fn base_url_ends_with_a_slash_and_must_be_absolute() {
        let config = config_with_base_url("https://example.org/letters").unwrap();
        assert_eq!(
            config.base_url.as_deref(),
            Some("https://example.org/letters/")
        );
        for bad in [
            "example.org",
            "ftp://x/",
            "https://",
            "https://a/?q",
            "https://a/\"x",
            "javascript:alert(1)",
        ] {
            let error = config_with_base_url(bad).unwrap_err();
            assert!(
                error.message.starts_with("base-url:"),
                "{bad}: {}",
                error.message
            );
        }
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
