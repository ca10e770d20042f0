//! The command line, as clap types. Only the binary knows clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  success (check: no errors in any required locale)
  1  check found errors in a required locale, build --strict found untranslated
     messages, or locale sync --check found changes to make
  2  usage, configuration, input or output error";

/// Publish public letters accessibly in many languages, and check their translations.
#[derive(Debug, Parser)]
#[command(name = "letterkit", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// The project folder (default: the nearest folder from here upwards holding letterkit.toml).
    #[arg(long, global = true, value_name = "DIR")]
    pub project: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build every letter in every locale: HTML pages, plain text, language choosers.
    ///
    /// Writes dist/<letter>/<locale>/index.html, dist/<letter>/<locale>/letter.txt and
    /// dist/<letter>/index.html. The output folder is replaced only when the whole build
    /// succeeds.
    #[command(after_help = EXIT_CODES)]
    Build {
        /// Only this letter (repeatable).
        #[arg(long = "letter", value_name = "LETTER")]
        letters: Vec<String>,
        /// Only these locales (comma-separated or repeated).
        #[arg(long = "locale", value_name = "TAG", value_delimiter = ',')]
        locales: Vec<String>,
        /// The output folder (default: output-dir from letterkit.toml, relative to the project).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Fail (exit 1) when any message is missing and would be shown in another language.
        #[arg(long)]
        strict: bool,
        /// Keep each output file whose bytes are unchanged (its modification time stays).
        #[arg(long)]
        incremental: bool,
    },
    /// Check translations: coverage per locale, missing and obsolete messages, syntax errors.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Only this letter (repeatable).
        #[arg(long = "letter", value_name = "LETTER")]
        letters: Vec<String>,
        /// Only these locales (comma-separated or repeated).
        #[arg(long = "locale", value_name = "TAG", value_delimiter = ',')]
        locales: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
    },
    /// Show every letter in every locale: translated messages and words, stale translations, state.
    #[command(after_help = EXIT_CODES)]
    Status {
        /// Output format.
        #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
        format: StatusFormat,
    },
    /// Add a locale, or bring locales in line with the source.
    #[command(subcommand)]
    Locale(LocaleCommand),
    /// Print one letter in one locale to standard output.
    #[command(after_help = EXIT_CODES)]
    Render {
        /// The letter (its folder name under content/).
        letter: String,
        /// The locale's tag.
        locale: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RenderFormat::Text)]
        format: RenderFormat,
    },
}

/// How `check` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Findings with source snippets, then a coverage table.
    Human,
    /// One JSON document (see the README for its fields).
    Json,
}

/// What `render` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// Plain text.
    Text,
    /// The HTML page.
    Html,
}

/// `letterkit locale ...`.
#[derive(Debug, Subcommand)]
pub enum LocaleCommand {
    /// Scaffold a new locale: every source message, commented out with its source text.
    ///
    /// Creates locales/<TAG>/ and lists the locale in letterkit.toml as optional and draft.
    /// Translate a message by removing the `# ` before its id and replacing the text.
    #[command(after_help = EXIT_CODES)]
    Add {
        /// The locale's BCP 47 tag, in canonical form (`pt-BR`, not `pt_BR`).
        tag: String,
    },
    /// Bring locales in line with the source after it changed, keeping every translation.
    ///
    /// New source messages appear in place, commented out; obsolete ones move to a marked
    /// section at the end; translations whose source text changed are flagged as stale.
    #[command(after_help = EXIT_CODES)]
    Sync {
        /// The locales to sync (default: every locale but the source).
        tags: Vec<String>,
        /// Change nothing; exit 1 if a sync would change something (for CI).
        #[arg(long)]
        check: bool,
    },
}

/// How `status` prints its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// A table.
    Human,
    /// One JSON document.
    Json,
}
