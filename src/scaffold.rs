//! Starting out: `letterkit init` writes a new project (configuration, a
//! sample letter, the page text for each locale, editor schemas, a CI
//! workflow) that builds and checks clean at once; `letterkit new` adds a
//! letter skeleton to a project. Both return the files they wrote and leave
//! printing to the caller.
//!
//! A locale whose words letterkit does not have is scaffolded exactly as
//! `letterkit locale sync` would do it, by running sync on the new project:
//! every message commented out under its notes, and the record of what each
//! translation is made from, so `locale sync --check` is clean from the start.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::dates::Date;
use crate::ids::{COMMON_RESOURCE, CONFIG_FILE, letter_id_problem};
use crate::lang::{Lang, LangError};
use crate::project::{Project, letter_file_path, locale_file_path};
use crate::schema::{SCHEMA_DIR, Schema};
use crate::source::LoadError;
use crate::sync::{self, SyncError};

/// The folder name of the sample letter `init` writes.
pub const SAMPLE_LETTER: &str = "sample-letter";

/// Where `init` writes the CI workflow, relative to the project.
pub const WORKFLOW_FILE: &str = ".github/workflows/letters.yml";

/// The page text around every letter (`common.ftl`) in the locales letterkit
/// ships it for: the shipped project's own files.
const COMMON: &[(&str, &str)] = &[
    ("en", include_str!("../locales/en/common.ftl")),
    ("es", include_str!("../locales/es/common.ftl")),
    ("fr", include_str!("../locales/fr/common.ftl")),
    ("ht", include_str!("../locales/ht/common.ftl")),
];

/// The sample letter's sentences, in the locales it is written in.
const SAMPLE: &[(&str, &str)] = &[
    ("en", include_str!("scaffold/sample/en.ftl")),
    ("es", include_str!("scaffold/sample/es.ftl")),
    ("fr", include_str!("scaffold/sample/fr.ftl")),
];

const SAMPLE_LETTER_TOML: &str = include_str!("scaffold/sample/letter.toml");
const NEW_LETTER_TOML: &str = include_str!("scaffold/letter.toml");
const NEW_LETTER_FTL: &str = include_str!("scaffold/letter.ftl");
const WORKFLOW: &str = include_str!("../docs/ci/github-actions.yml");
const GITIGNORE: &str = "/dist\n/preview\n";

/// Why a project or a letter could not be started.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// A locale tag is not a canonical BCP 47 tag.
    #[error(transparent)]
    BadTag(LangError),
    /// The same locale was given twice.
    #[error("locale `{0}` is given twice")]
    DuplicateLocale(String),
    /// letterkit has no sample letter in the chosen source locale.
    #[error(
        "letterkit has its sample letter in {tags} only: choose one of them with --source, and add `{0}` with --locale",
        tags = sample_tags()
    )]
    NoSample(String),
    /// The folder for a new project holds files already.
    #[error("{} is not empty: choose a new or empty folder for the project", .0.display())]
    NotEmpty(PathBuf),
    /// The letter name is not a safe folder name.
    #[error("{0}")]
    BadName(String),
    /// The letter exists, or its name is taken by a file the letter would write.
    #[error("{}: already exists: choose another name for the letter", .0.display())]
    Exists(PathBuf),
    /// Writing a file failed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The new project does not load (a bug in the templates).
    #[error("the new project does not load: {0}")]
    Load(#[from] LoadError),
    /// Scaffolding the other locales failed.
    #[error(transparent)]
    Sync(#[from] SyncError),
}

/// What `init` writes.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The source locale: one the sample letter is written in.
    pub source: String,
    /// The other locales. Each is optional and draft; letterkit writes what it
    /// has of their words and scaffolds the rest.
    pub locales: Vec<String>,
    /// The sample letter's date.
    pub date: Date,
}

impl InitOptions {
    /// English as the source and Spanish as the one other locale, dated `date`.
    pub fn new(date: Date) -> Self {
        InitOptions {
            source: "en".into(),
            locales: vec!["es".into()],
            date,
        }
    }
}

/// Writes a new project into `dir`, which must be missing or empty. Returns
/// every file written, relative to `dir`, sorted.
pub fn init(dir: &Path, options: &InitOptions) -> Result<Vec<PathBuf>, ScaffoldError> {
    let source = Lang::parse_locale(&options.source).map_err(ScaffoldError::BadTag)?;
    let Some(source_sample) = find(SAMPLE, &source) else {
        return Err(ScaffoldError::NoSample(source.tag().to_owned()));
    };
    let mut others: Vec<Lang> = Vec::new();
    for tag in &options.locales {
        let lang = Lang::parse_locale(tag).map_err(ScaffoldError::BadTag)?;
        if lang == source || others.contains(&lang) {
            return Err(ScaffoldError::DuplicateLocale(lang.tag().to_owned()));
        }
        others.push(lang);
    }
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(ScaffoldError::NotEmpty(dir.to_owned()));
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(ScaffoldError::Io {
                path: dir.to_owned(),
                source,
            });
        }
    }

    let mut files: Vec<(PathBuf, String)> = vec![
        (CONFIG_FILE.into(), config_text(&source, &others)),
        (".gitignore".into(), GITIGNORE.into()),
        (WORKFLOW_FILE.into(), WORKFLOW.into()),
        (
            letter_file_path(SAMPLE_LETTER),
            with_directive(
                Schema::Letter,
                &SAMPLE_LETTER_TOML.replace("{date}", &options.date.iso()),
            ),
        ),
        (
            locale_file_path(&source, COMMON_RESOURCE),
            find(COMMON, &source)
                .expect("every locale of the sample has its common.ftl")
                .into(),
        ),
        (
            locale_file_path(&source, SAMPLE_LETTER),
            source_sample.into(),
        ),
    ];
    for schema in Schema::PROJECT {
        files.push((
            Path::new(SCHEMA_DIR).join(schema.file_name()),
            schema.json(),
        ));
    }
    for lang in &others {
        if let Some(text) = find(COMMON, lang) {
            files.push((locale_file_path(lang, COMMON_RESOURCE), text.into()));
        }
        if let Some(text) = find(SAMPLE, lang) {
            files.push((locale_file_path(lang, SAMPLE_LETTER), text.into()));
        }
    }
    let mut written = Vec::with_capacity(files.len());
    for (path, text) in files {
        write_new(dir, &path, &text)?;
        written.push(path);
    }

    // Sync scaffolds what letterkit has no words for and records what each
    // translation is made from.
    let project = Project::load(dir)?;
    let plans = sync::plan_sync(&project, &[])?;
    sync::apply(&project, &plans)?;
    written.extend(
        plans
            .iter()
            .flat_map(|p| &p.changes)
            .map(|c| c.path.clone()),
    );
    written.sort();
    written.dedup();
    Ok(written)
}

/// Writes the skeleton of a new letter named `name` into `project`: its
/// `letter.toml` and the source locale's Fluent file with every message the
/// structure names, each under a note for translators. Returns the files
/// written, relative to the project. The other locales get the letter with
/// `letterkit locale sync`.
pub fn new_letter(
    project: &Project,
    name: &str,
    date: Date,
) -> Result<Vec<PathBuf>, ScaffoldError> {
    if let Some(problem) = letter_id_problem(name) {
        return Err(ScaffoldError::BadName(problem));
    }
    let letter_file = letter_file_path(name);
    let folder = letter_file
        .parent()
        .expect("a letter file is in the letter's folder")
        .to_owned();
    let ftl = locale_file_path(&project.config.source, name);
    for taken in [&folder, &ftl] {
        if project.root.join(taken).exists() {
            return Err(ScaffoldError::Exists(taken.clone()));
        }
    }
    let structure = NEW_LETTER_TOML
        .replace("{name}", name)
        .replace("{date}", &date.iso());
    let structure = if project
        .root
        .join(SCHEMA_DIR)
        .join(Schema::Letter.file_name())
        .is_file()
    {
        with_directive(Schema::Letter, &structure)
    } else {
        structure
    };
    write_new(&project.root, &letter_file, &structure)?;
    write_new(&project.root, &ftl, &NEW_LETTER_FTL.replace("{name}", name))?;
    Ok(vec![letter_file, ftl])
}

/// Today's date (UTC), for a new letter.
pub fn today() -> Date {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_1970(i64::try_from(seconds / 86_400).unwrap_or(0))
}

fn find(table: &[(&str, &'static str)], lang: &Lang) -> Option<&'static str> {
    table
        .iter()
        .find(|(tag, _)| *tag == lang.tag())
        .map(|(_, text)| *text)
}

fn sample_tags() -> String {
    let tags: Vec<&str> = SAMPLE.iter().map(|(tag, _)| *tag).collect();
    tags.join(", ")
}

fn with_directive(schema: Schema, text: &str) -> String {
    format!("{}\n{text}", schema.directive())
}

fn config_text(source: &Lang, others: &[Lang]) -> String {
    let mut text = with_directive(
        Schema::Config,
        &format!(
            "\
# letterkit project configuration.
# The source locale is the one every other locale is translated from and falls back to.
source-locale = \"{source}\"
# Where `letterkit build` writes its pages unless `--out` says otherwise.
output-dir = \"dist\"
# The address the output folder is published at: with it, build writes
# sitemap.xml, a feed per locale, canonical links and og:url.
# base-url = \"https://example.org/letters/\"
# The page size of the letters' PDFs: \"a4\" or \"us-letter\".
paper = \"a4\"
# Whether every build also writes each letter as an accessible PDF, linked from
# its pages (needs letterkit built with the `pdf` feature; `build --pdf` does it once).
pdf = false

# Locales in the order the language chooser lists them.
# required: `letterkit check` fails when this locale is incomplete or broken;
#           make a locale required once it is translated, so CI keeps it complete.
# status:   \"draft\" until a native speaker has reviewed the translation, then \"reviewed\".
#           A draft page says so at the top, in its own language.
[[locales]]
tag = \"{source}\"
required = true
status = \"reviewed\"
"
        ),
    );
    for lang in others {
        text.push_str(&format!(
            "\n[[locales]]\ntag = \"{lang}\"\nrequired = false\nstatus = \"draft\"\n"
        ));
    }
    text
}

/// Writes a file that must not exist yet, creating its folder.
fn write_new(root: &Path, path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let io_error = |source| ScaffoldError::Io {
        path: path.to_owned(),
        source,
    };
    let full = root.join(path);
    if let Some(folder) = full.parent() {
        fs::create_dir_all(folder).map_err(io_error)?;
    }
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&full)
        .and_then(|mut file| io::Write::write_all(&mut file, text.as_bytes()))
        .map_err(io_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATE: Date = Date {
        year: 2024,
        month: 5,
        day: 17,
    };

    fn read(dir: &Path, path: &str) -> String {
        fs::read_to_string(dir.join(path)).unwrap()
    }

    #[test]
    fn init_writes_a_project_that_loads_with_every_locale() {
        let dir = tempfile::tempdir().unwrap();
        let options = InitOptions {
            locales: vec!["es".into(), "ht".into(), "pt-BR".into()],
            ..InitOptions::new(DATE)
        };
        let written = init(dir.path(), &options).unwrap();
        let shown: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(
            shown,
            [
                ".github/workflows/letters.yml",
                ".gitignore",
                "content/sample-letter/letter.toml",
                "letterkit.toml",
                "locales/en/common.ftl",
                "locales/en/sample-letter.ftl",
                "locales/es/common.ftl",
                "locales/es/sample-letter.ftl",
                "locales/es/translated-from.toml",
                "locales/ht/common.ftl",
                "locales/ht/sample-letter.ftl",
                "locales/ht/translated-from.toml",
                "locales/pt-BR/common.ftl",
                "locales/pt-BR/sample-letter.ftl",
                "locales/pt-BR/translated-from.toml",
                "schemas/letter.schema.json",
                "schemas/letterkit.schema.json",
            ]
        );
        let project = Project::load(dir.path()).unwrap();
        assert_eq!(project.letters[0].date, DATE);
        assert!(read(dir.path(), "letterkit.toml").starts_with(
            "#:schema ./schemas/letterkit.schema.json\n# letterkit project configuration."
        ));
        assert!(
            read(dir.path(), "content/sample-letter/letter.toml")
                .starts_with("#:schema ../../schemas/letter.schema.json\n")
        );
        let pt = read(dir.path(), "locales/pt-BR/sample-letter.ftl");
        assert!(
            pt.contains("\n# subject = A sample letter, published in every language"),
            "a locale without words is scaffolded: {pt}"
        );
        assert!(
            sync::plan_sync(&project, &[])
                .unwrap()
                .iter()
                .all(|p| p.changes.is_empty()),
            "sync has nothing left to do"
        );
    }

    #[test]
    fn init_in_spanish_translates_the_sample_into_english() {
        let dir = tempfile::tempdir().unwrap();
        let options = InitOptions {
            source: "es".into(),
            locales: vec!["en".into(), "fr".into()],
            ..InitOptions::new(DATE)
        };
        init(dir.path(), &options).unwrap();
        let project = Project::load(dir.path()).unwrap();
        assert_eq!(project.config.source.tag(), "es");
        let en = project.locales[1].file(SAMPLE_LETTER).unwrap();
        assert!(en.message("subject").is_some());
    }

    #[test]
    fn init_refuses_a_folder_with_files_and_a_source_without_a_sample() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let error = init(dir.path(), &InitOptions::new(DATE)).unwrap_err();
        assert!(matches!(error, ScaffoldError::NotEmpty(_)), "{error}");
        assert_eq!(read(dir.path(), "notes.txt"), "mine");

        let empty = tempfile::tempdir().unwrap();
        let options = InitOptions {
            source: "de".into(),
            ..InitOptions::new(DATE)
        };
        assert_eq!(
            init(empty.path(), &options).unwrap_err().to_string(),
            "letterkit has its sample letter in en, es, fr only: choose one of them with --source, and add `de` with --locale"
        );
        for locales in [vec!["en".to_owned()], vec!["es".into(), "es".into()]] {
            let options = InitOptions {
                locales,
                ..InitOptions::new(DATE)
            };
            assert!(matches!(
                init(empty.path(), &options),
                Err(ScaffoldError::DuplicateLocale(_))
            ));
        }
        assert_eq!(fs::read_dir(empty.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_new_letter_names_every_message_it_needs() {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path(), &InitOptions::new(DATE)).unwrap();
        let project = Project::load(dir.path()).unwrap();
        let written = new_letter(&project, "second-letter", DATE).unwrap();
        assert_eq!(
            written,
            [
                PathBuf::from("content/second-letter/letter.toml"),
                PathBuf::from("locales/en/second-letter.ftl"),
            ]
        );
        let project = Project::load(dir.path()).expect("every message the letter names exists");
        let letter = project.letter("second-letter").unwrap();
        assert_eq!(letter.date, DATE);
        let ftl = project.source_locale().file("second-letter").unwrap();
        let defined: Vec<&str> = ftl.messages().map(|(m, _)| m.id.name).collect();
        let mut needed = letter.message_ids();
        needed.sort_unstable();
        let mut defined_sorted = defined.clone();
        defined_sorted.sort_unstable();
        assert_eq!(needed, defined_sorted, "no message more, none less");
        assert!(
            read(dir.path(), "content/second-letter/letter.toml")
                .starts_with("#:schema ../../schemas/letter.schema.json\n")
        );
    }

    #[test]
    fn a_new_letter_refuses_unsafe_and_taken_names() {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path(), &InitOptions::new(DATE)).unwrap();
        let project = Project::load(dir.path()).unwrap();
        for name in [
            "",
            "../x",
            "Letter",
            "-x",
            "a b",
            "common",
            "status",
            "feeds",
            "con",
            &"a".repeat(101),
        ] {
            assert!(
                matches!(
                    new_letter(&project, name, DATE),
                    Err(ScaffoldError::BadName(_))
                ),
                "{name:?}"
            );
        }
        let error = new_letter(&project, SAMPLE_LETTER, DATE).unwrap_err();
        assert_eq!(
            error.to_string(),
            "content/sample-letter: already exists: choose another name for the letter"
        );
    }
}
