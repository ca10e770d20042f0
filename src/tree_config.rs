//! The configuration of `check --locales DIR`, for a Fluent tree that is not
//! a letterkit project: `l10n-check.toml` in the tree's folder, or a file
//! named with `--config` (never `letterkit.toml`, which describes a project).
//! It says which locales are required, which findings are waived, which
//! messages may stay identical to the source, the least coverage, and which
//! files and folders are not checked. Its JSON Schema is generated from
//! [`TreeConfig`] (`schemas/l10n-check.schema.json`).

use std::fs;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;
use thiserror::Error;

use crate::code::Code;
use crate::config::{CheckPolicy, Waiver};
use crate::lang::Lang;
use crate::location::Location;

/// The file `check --locales DIR` reads from `DIR` when `--config` names none.
pub const TREE_CONFIG_FILE: &str = "l10n-check.toml";

/// `l10n-check.toml`: how `check --locales` judges a Fluent tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "l10n-check.toml")]
pub struct TreeConfig {
    /// The locales whose errors fail the check (their folder names, such as
    /// `fr` or `ca-valencia`); every locale when absent. Errors in the other
    /// locales are reported as warnings.
    pub required: Option<Vec<String>>,
    /// Message ids whose translation may be the source text unchanged (names,
    /// brands): `identical-to-source` is not reported for them.
    #[serde(default)]
    pub allow_identical: Vec<String>,
    /// The least share of the source's messages, in percent, each locale must
    /// translate; below it, a `low-coverage` error, even in a locale that is
    /// not required.
    #[schemars(range(max = 100))]
    pub min_coverage: Option<u8>,
    /// Files and folders not checked, in every locale, as paths below the
    /// locale's folder with `/`: `*` stands for any characters of one name,
    /// `**` for any folders. A pattern without `/` matches a file or folder
    /// of that name at any depth (`experimental-commands.ftl`); one with `/`
    /// matches from the locale's folder (`preview/**`, `**/preview/**`).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Findings accepted on purpose, each with its reason (the shape of
    /// `[[check.waivers]]` in `letterkit.toml`).
    #[serde(default)]
    pub waivers: Vec<Waiver>,
}

/// Why the tree's configuration could not be used.
#[derive(Debug, Error)]
pub enum TreeConfigError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML, or not the shape of `l10n-check.toml`.
    #[error("{location}: {message}")]
    Syntax {
        /// Where.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// A value is refused.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
}

impl TreeConfig {
    /// The configuration for the tree in `dir`: the file `explicit` names,
    /// else `dir/l10n-check.toml` where it exists, else the defaults (every
    /// locale required, nothing waived or excluded). Returns the file read,
    /// if any.
    pub fn find(
        dir: &Path,
        explicit: Option<&Path>,
    ) -> Result<(TreeConfig, Option<PathBuf>), TreeConfigError> {
        let path = match explicit {
            Some(path) => path.to_owned(),
            None => {
                let path = dir.join(TREE_CONFIG_FILE);
                if !path.is_file() {
                    return Ok((TreeConfig::default(), None));
                }
                path
            }
        };
        Ok((TreeConfig::load(&path)?, Some(path)))
    }

    /// Reads and validates the file at `path`.
    pub fn load(path: &Path) -> Result<TreeConfig, TreeConfigError> {
        let text = fs::read_to_string(path).map_err(|source| TreeConfigError::Io {
            path: path.to_owned(),
            source,
        })?;
        let config: TreeConfig = toml::from_str(&text).map_err(|e| TreeConfigError::Syntax {
            location: Location::at_offset(path, &text, e.span().map_or(0, |s| s.start)),
            message: e.message().trim_end().to_owned(),
        })?;
        let invalid = |message: String| TreeConfigError::Invalid {
            path: path.to_owned(),
            message,
        };
        if let Some(minimum) = config.min_coverage.filter(|m| *m > 100) {
            return Err(invalid(format!(
                "min-coverage is {minimum}: it is a percentage, 0 to 100"
            )));
        }
        for tag in config.required.iter().flatten() {
            if locale_folder(tag).is_none() {
                return Err(invalid(format!(
                    "required names `{tag}`, which is not a locale tag"
                )));
            }
        }
        for waiver in &config.waivers {
            if Code::from_name(&waiver.code).is_none() {
                return Err(invalid(format!(
                    "[[waivers]] names the code `{}`, which check does not have",
                    waiver.code
                )));
            }
        }
        for pattern in &config.exclude {
            if pattern.trim().is_empty() || pattern.starts_with('/') {
                return Err(invalid(format!(
                    "exclude has `{pattern}`: a pattern is a path below the locale's folder, such as `preview/**`"
                )));
            }
        }
        Ok(config)
    }

    /// The policy `check` applies: waivers and `allow-identical`.
    pub fn policy(&self) -> CheckPolicy {
        CheckPolicy {
            allow_identical: self.allow_identical.clone(),
            deny_warnings: false,
            waivers: self.waivers.clone(),
        }
    }

    /// Whether the locale in the folder named `folder` is required.
    pub fn requires(&self, folder: &str) -> bool {
        self.required
            .as_ref()
            .is_none_or(|tags| tags.iter().any(|t| t == folder))
    }

    /// Whether `path` (below a locale's folder, with `/`) is excluded.
    pub fn excludes(&self, path: &str) -> bool {
        excludes(&self.exclude, path)
    }
}

/// Whether one of the `exclude` patterns matches `path` (below a locale's
/// folder, with `/`) or a folder it is in.
pub fn excludes(patterns: &[String], path: &str) -> bool {
    patterns.iter().any(|pattern| excluded_by(pattern, path))
}

/// The locale a folder of a tree holds, when its name is a locale tag: a
/// known language (see [`crate::lang`]) of two or three letters (so that
/// `configs`, `_tools` or `qq` is not one), then any script, region and
/// variants (`ca-valencia`, `ja-JP-macos`); `_` is read as `-`. A project's
/// locales follow the same rule, through [`Lang::parse`], but for codes
/// CLDR replaces by current ones (`hye`), which a tree may use
/// ([`Lang::parse_as_named`]).
pub fn locale_folder(name: &str) -> Option<Lang> {
    let tag = name.replace('_', "-");
    let id: unic_langid::LanguageIdentifier = tag.parse().ok()?;
    let language = id.language.as_str();
    if !(2..=3).contains(&language.len()) || language == "und" {
        return None;
    }
    Lang::parse_as_named(&id.to_string()).ok()
}

/// Whether `pattern` matches `path`, or a folder `path` is in.
fn excluded_by(pattern: &str, path: &str) -> bool {
    let pattern = pattern.trim_end_matches('/');
    let names: Vec<&str> = path.split('/').collect();
    let parts: Vec<&str> = pattern.split('/').collect();
    // A bare name matches at any depth.
    let parts = if parts.len() == 1 {
        let mut anywhere = vec!["**"];
        anywhere.extend(parts);
        anywhere
    } else {
        parts
    };
    // A folder matched excludes what is in it.
    (1..=names.len()).any(|n| segments_match(&parts, &names[..n]))
}

/// Whether the pattern's parts match the path's names, `**` standing for any
/// number of names.
fn segments_match(parts: &[&str], names: &[&str]) -> bool {
    match parts.split_first() {
        None => names.is_empty(),
        Some((&"**", rest)) => (0..=names.len()).any(|skip| segments_match(rest, &names[skip..])),
        Some((part, rest)) => names
            .split_first()
            .is_some_and(|(name, names)| name_matches(part, name) && segments_match(rest, names)),
    }
}

/// Whether one name matches a pattern's part, `*` standing for any
/// characters and `?` for one.
fn name_matches(part: &str, name: &str) -> bool {
    let part: Vec<char> = part.chars().collect();
    let name: Vec<char> = name.chars().collect();
    fn matches(part: &[char], name: &[char]) -> bool {
        match part.split_first() {
            None => name.is_empty(),
            Some(('*', rest)) => (0..=name.len()).any(|skip| matches(rest, &name[skip..])),
            Some(('?', rest)) => !name.is_empty() && matches(rest, &name[1..]),
            Some((c, rest)) => name.first() == Some(c) && matches(rest, &name[1..]),
        }
    }
    matches(&part, &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_folders_named_by_a_locale_tag_are_locales() {
        for name in [
            "fr",
            "en-US",
            "ca-valencia",
            "ja-JP-macos",
            "pt_BR",
            "sr-Latn",
            "ast",
            // Firefox's Armenian, a code CLDR replaces by `hy`.
            "hye",
        ] {
            assert!(locale_folder(name).is_some(), "{name}");
        }
        assert_eq!(locale_folder("pt_BR").unwrap().tag(), "pt-BR");
        for name in [
            "configs",
            "_tools",
            "node_modules",
            "und",
            "x",
            "fr!",
            ".git",
            "l10n",
        ] {
            assert!(locale_folder(name).is_none(), "{name}");
        }
    }

    #[test]
    fn exclude_patterns_match_names_anywhere_and_paths_from_the_locale_folder() {
        let config = TreeConfig {
            exclude: vec![
                "experimental-commands.ftl".into(),
                "preview/**".into(),
                "browser/*-old.ftl".into(),
                "**/nightly".into(),
            ],
            ..TreeConfig::default()
        };
        for excluded in [
            "experimental-commands.ftl",
            "devtools/client/experimental-commands.ftl",
            "preview/a.ftl",
            "preview/deep/b.ftl",
            "browser/menu-old.ftl",
            "toolkit/nightly/x.ftl",
        ] {
            assert!(config.excludes(excluded), "{excluded}");
        }
        for kept in [
            "experimental-commands-2.ftl",
            "browser/preview/a.ftl",
            "browser/sub/menu-old.ftl",
            "browser/menu.ftl",
            "nightly.ftl",
        ] {
            assert!(!config.excludes(kept), "{kept}");
        }
    }

    #[test]
    fn a_config_is_read_and_its_mistakes_named_with_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(TREE_CONFIG_FILE);
        fs::write(
            &path,
            "required = [\"fr\", \"ca-valencia\"]\nallow-identical = [\"brand-name\"]\n\
             min-coverage = 80\nexclude = [\"preview/**\"]\n\n[[waivers]]\nlocale = \"*\"\n\
             code = \"identical-to-source\"\nreason = \"names\"\n",
        )
        .unwrap();
        let (config, found) = TreeConfig::find(dir.path(), None).unwrap();
        assert_eq!(found.as_deref(), Some(path.as_path()));
        assert!(config.requires("ca-valencia") && !config.requires("de"));
        assert_eq!(config.min_coverage, Some(80));
        assert_eq!(config.policy().allow_identical, ["brand-name"]);
        assert_eq!(config.policy().waivers.len(), 1);

        fs::write(&path, "required = [\"fr\"]\nwaivers = 3\n").unwrap();
        let error = TreeConfig::load(&path).unwrap_err().to_string();
        assert!(
            error.starts_with(&format!("{}:2:", path.display())),
            "{error}"
        );
        fs::write(&path, "min-coverage = 180\n").unwrap();
        let error = TreeConfig::load(&path).unwrap_err().to_string();
        assert!(error.contains("min-coverage is 180"), "{error}");
        fs::write(
            &path,
            "[[waivers]]\nlocale = \"*\"\ncode = \"missing-mesage\"\nreason = \"x\"\n",
        )
        .unwrap();
        let error = TreeConfig::load(&path).unwrap_err().to_string();
        assert!(error.contains("`missing-mesage`"), "{error}");
        fs::write(&path, "colour = true\n").unwrap();
        assert!(TreeConfig::load(&path).is_err());

        let empty = tempfile::tempdir().unwrap();
        assert_eq!(
            TreeConfig::find(empty.path(), None).unwrap(),
            (TreeConfig::default(), None)
        );
    }
}
