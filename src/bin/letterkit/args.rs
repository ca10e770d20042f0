//! The command line, as clap types. Only the binary knows clap.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use letterkit::check::output::OutputFormat;

/// The exit codes, as a literal so that `concat!` can join them to examples.
macro_rules! exit_codes {
    () => {
        "\
Exit codes:
  0  success (check: no errors in any required locale)
  1  check found errors in a required locale, build --strict found untranslated
     messages, locale sync --check found changes to make, or import found a
     translation with an error (and wrote nothing)
  2  usage, configuration, input or output error"
    };
}

const EXIT_CODES: &str = exit_codes!();

/// `--help` of a command: its examples, then the exit codes.
macro_rules! examples {
    ($($line:literal),+ $(,)?) => {
        concat!("Examples:\n", $("  ", $line, "\n",)+ "\n", exit_codes!())
    };
}

/// Publish public letters accessibly in many languages, and check their translations.
///
/// Results go to standard output; progress, warnings and errors to standard error.
#[derive(Debug, Parser)]
#[command(name = "letterkit", version, after_help = EXIT_CODES)]
#[command(after_long_help = examples!(
    "letterkit init my-letters          # a new project, ready to build",
    "letterkit new open-letter-2025     # a new letter in this project",
    "letterkit check                    # what every translation lacks",
    "letterkit build                    # every page, into dist/",
))]
pub struct Cli {
    /// The project folder (default: the nearest folder from here upwards holding letterkit.toml).
    #[arg(long, global = true, value_name = "DIR")]
    pub project: Option<PathBuf>,

    /// When to colour output: auto (only on a terminal, and never with NO_COLOR set), always, never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// Print results and errors only: no progress lines such as "built 9 files" and no hints.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also say which project is used and every file written.
    #[arg(short, long, global = true)]
    pub verbose: bool,

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
    #[command(after_long_help = examples!(
        "letterkit build                              # every letter, every locale, into dist/",
        "letterkit build --locale pt-BR,en --out preview",
        "letterkit build --strict                     # refuse any untranslated message",
        "letterkit build --pdf                        # and a PDF of each letter",
    ))]
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
        /// Also write each letter as an email message, <letter>/<locale>/letter.eml.
        #[arg(long)]
        email: bool,
        /// Also write each letter as Markdown for a CMS, <letter>/<locale>/letter.md.
        #[arg(long)]
        markdown: bool,
        /// Open each letter.md with YAML front matter as Hugo and Jekyll read it (title,
        /// date, lang, translationKey, the other languages' files); needs --markdown.
        #[arg(long, requires = "markdown")]
        front_matter: bool,
        /// Also write each letter as an accessible PDF (tagged, PDF/UA-1),
        /// <letter>/<locale>/letter.pdf, linked from the pages (`pdf = true` in
        /// letterkit.toml does this for every build). Needs the `pdf` feature.
        #[arg(long)]
        pdf: bool,
        /// Keep each output file whose bytes are unchanged (its modification time stays).
        #[arg(long)]
        incremental: bool,
    },
    /// Check translations: completeness, Fluent syntax and structure, plurals, links,
    /// notes, numbers, hidden characters and stale translations, with coverage per locale.
    ///
    /// With --locales DIR --source TAG, checks a plain Fluent tree laid out as
    /// DIR/<locale>/**/*.ftl (no letterkit project needed) with every check that
    /// needs no letter; folders whose names are not locale tags are skipped. Its
    /// configuration (required locales, waivers, allow-identical, min-coverage,
    /// exclude) is DIR/l10n-check.toml, or the file --config names.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = format!("{}\n{}", letterkit::code::help_text(), examples!(
        "letterkit check                  # every letter, every locale",
        "letterkit check --locale pt-BR   # one translation",
        "letterkit check --format json > report.json",
        "letterkit check --locales l10n --source en-US --summary",
        "letterkit check --locales l10n --source en-US --locale fr --max-per-code 5",
    )))]
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
        /// Fail (exit 1) on warnings too.
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<Deny>,
        /// Check the plain Fluent tree DIR/<locale>/**/*.ftl instead of a project.
        #[arg(long = "locales", value_name = "DIR", requires = "source", conflicts_with_all = ["letters"])]
        tree: Option<PathBuf>,
        /// With --locales: the source locale's folder name.
        #[arg(long, value_name = "TAG", requires = "tree")]
        source: Option<String>,
        /// With --locales: the tree's configuration (default: DIR/l10n-check.toml).
        #[arg(long, value_name = "FILE", requires = "tree")]
        config: Option<PathBuf>,
        /// Human format: print only the table of counts by locale and code.
        #[arg(long)]
        summary: bool,
        /// Human format: show at most N findings of each code in each locale
        /// (the table counts them all).
        #[arg(long, value_name = "N")]
        max_per_code: Option<usize>,
    },
    /// Show every letter in every locale: translated messages and words, stale translations, state.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit status",
        "letterkit status --format json",
    ))]
    Status {
        /// Output format.
        #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
        format: StatusFormat,
    },
    /// Preview the letters in a browser, rebuilt whenever a file changes.
    ///
    /// Builds into the output folder and serves it on 127.0.0.1. The address /
    /// opens the letter in the browser's preferred language. Pages reload after
    /// each rebuild; text shown in a fallback language is outlined and stale
    /// translations are listed. A failed build shows its errors in the page.
    #[command(after_help = "Examples:
  letterkit serve
  letterkit serve --port 8080")]
    Serve {
        /// The port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The output folder (default: output-dir from letterkit.toml).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// A host name the preview also answers to, besides localhost,
        /// 127.0.0.1 and [::1] (repeatable).
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_host: Vec<String>,
    },
    /// Add a locale, or bring locales in line with the source.
    #[command(subcommand)]
    #[command(after_long_help = examples!(
        "letterkit locale add pt-BR     # scaffold a new locale",
        "letterkit locale sync          # every locale in line with the source",
        "letterkit locale sync --check  # for CI: exit 1 if a sync would change something",
    ))]
    Locale(LocaleCommand),
    /// Write a locale's messages as XLIFF 1.2 or PO, for a translation tool (CAT tool).
    ///
    /// Every message of the locale, with its source text, its translation and its state
    /// (translated, needs-translation, or needs-review-translation when stale) and the notes
    /// for translators. Placeables, note references and link addresses are marked so that
    /// the tool keeps them. Bring the translated file back with `letterkit import`.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit export --format xliff --locale fr --out fr.xlf",
        "letterkit export --format po --locale pt-BR --letter open-letter-2025 --out pt-BR.po",
    ))]
    Export {
        /// The file format.
        #[arg(long, value_enum)]
        format: InterchangeFormat,
        /// Only this letter (repeatable; default: every letter and the page text).
        #[arg(long = "letter", value_name = "LETTER")]
        letters: Vec<String>,
        /// The locale translated into.
        #[arg(long, value_name = "TAG")]
        locale: String,
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Write the translations of an XLIFF or PO file back into the locale's Fluent files.
    ///
    /// Writes each unit marked translated whose source text is still the project's,
    /// and nothing else: other messages, comments and formatting stay as they are.
    /// Units made from an older source text are reported as stale and left out. If
    /// any translation has an error (as `check` reports it), nothing is written.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit import fr.xlf",
        "letterkit import pt-BR.po && letterkit check --locale pt-BR",
    ))]
    Import {
        /// The XLIFF (.xlf, .xliff) or PO (.po) file.
        file: PathBuf,
    },
    /// Print one letter in one locale to standard output.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit render us-mexico-asylum-2023 es                # plain text, for email",
        "letterkit render us-mexico-asylum-2023 fr --format html > letter.html",
        "letterkit render us-mexico-asylum-2023 ht --format pdf > letter.pdf",
    ))]
    Render {
        /// The letter (its folder name under content/).
        letter: String,
        /// The locale's tag.
        locale: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RenderFormat::Text)]
        format: RenderFormat,
        /// With --format markdown: open with YAML front matter as Hugo and Jekyll read it.
        #[arg(long)]
        front_matter: bool,
    },
    /// Start a new project: configuration, a sample letter, CI workflow and editor schemas.
    ///
    /// Writes letterkit.toml, a sample letter in the source locale and every other locale
    /// (translated where letterkit has the words, scaffolded for translators where not),
    /// the page text of each locale, schemas/ for editors, .gitignore and
    /// .github/workflows/letters.yml. The project builds and checks clean at once.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit init my-letters                        # English source, Spanish draft",
        "letterkit init my-letters --source es --locale en,fr",
    ))]
    Init {
        /// The folder for the project: new or empty.
        dir: PathBuf,
        /// The source locale: en, es or fr, the languages the sample letter is written in.
        #[arg(long, value_name = "TAG", default_value = "en")]
        source: String,
        /// The other locales (comma-separated or repeated; default: es, or en when the source is not en).
        #[arg(long = "locale", value_name = "TAG", value_delimiter = ',')]
        locales: Vec<String>,
    },
    /// Start a new letter in this project: its structure and its sentences in the source locale.
    ///
    /// Writes content/<LETTER>/letter.toml and locales/<source>/<LETTER>.ftl with every
    /// message the structure names, each under a note for translators. Then replace the
    /// placeholders, and run `letterkit locale sync` to give the letter to every other locale.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit new open-letter-2025",
        "letterkit locale sync           # then: the new letter in every other locale",
    ))]
    New {
        /// The letter's folder name under content/: a-z, 0-9 and `-`.
        letter: String,
    },
    /// Print the JSON Schema of letterkit.toml or letter.toml, for editors.
    ///
    /// The repository ships both in schemas/, and `letterkit init` writes them into a new
    /// project; the first line of each TOML file (`#:schema ...`) points editors at them.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit schema config > schemas/letterkit.schema.json",
        "letterkit schema letter > schemas/letter.schema.json",
        "letterkit schema l10n-check > schemas/l10n-check.schema.json",
    ))]
    Schema {
        /// Which file's schema.
        #[arg(value_enum)]
        file: SchemaFile,
    },
    /// Print a shell completion script.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit completions bash > ~/.local/share/bash-completion/completions/letterkit",
        "letterkit completions zsh > ~/.zfunc/_letterkit",
        "letterkit completions fish > ~/.config/fish/completions/letterkit.fish",
    ))]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page, in roff.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit man > ~/.local/share/man/man1/letterkit.1",
        "letterkit man | man -l -",
    ))]
    Man,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, even into a pipe.
    Always,
    /// Never.
    Never,
}

/// The file `schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
    /// letterkit.toml, the project configuration.
    Config,
    /// content/<letter>/letter.toml, a letter's structure.
    Letter,
    /// l10n-check.toml, the configuration of check --locales DIR.
    #[value(name = "l10n-check")]
    L10nCheck,
}

/// How `check` prints its report: for people, or in a format the library
/// writes (every one of them is offered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// Findings with source snippets, then a coverage table.
    Human,
    /// A format for machines.
    Output(OutputFormat),
}

/// Every check format: human, then the library's.
const CHECK_FORMATS: [CheckFormat; 1 + OutputFormat::ALL.len()] = {
    let mut formats = [CheckFormat::Human; 1 + OutputFormat::ALL.len()];
    let mut i = 0;
    while i < OutputFormat::ALL.len() {
        formats[i + 1] = CheckFormat::Output(OutputFormat::ALL[i]);
        i += 1;
    }
    formats
};

impl ValueEnum for CheckFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &CHECK_FORMATS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            CheckFormat::Human => PossibleValue::new("human")
                .help("Findings with source snippets, then a coverage table"),
            CheckFormat::Output(format) => PossibleValue::new(format.name()).help(format.summary()),
        })
    }
}

/// Which findings fail the check besides errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings fail the check too.
    Warnings,
}

/// What `render` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// Plain text.
    Text,
    /// The HTML page.
    Html,
    /// An email message (MIME): flowed plain text and the HTML page.
    Email,
    /// GitHub-flavoured Markdown (GFM) with footnotes, for a CMS.
    Markdown,
    /// An accessible PDF (tagged, PDF/UA-1); never written to a terminal.
    /// Needs the `pdf` feature.
    Pdf,
}

/// `letterkit locale ...`: add, remove, sync, resolve.
#[derive(Debug, Subcommand)]
pub enum LocaleCommand {
    /// Scaffold a new locale: every source message, commented out with its source text.
    ///
    /// Creates locales/<TAG>/ and lists the locale in letterkit.toml as optional and draft.
    /// Translate a message by removing the `# ` before its id and replacing the text.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit locale add pt-BR",
        "letterkit check --locale pt-BR   # then: what is left to translate",
    ))]
    Add {
        /// The locale's BCP 47 tag, in canonical form (`pt-BR`, not `pt_BR`).
        tag: String,
        /// Also add the locale to this letter's `locales` (a letter that lists
        /// its locales gets no file for a locale it does not list); repeatable.
        #[arg(long = "letter", value_name = "LETTER")]
        letters: Vec<String>,
    },
    /// Take a locale out of the project: out of letterkit.toml and every letter's `locales`.
    ///
    /// Every other line and comment of those files stays as written. The locale's
    /// folder, locales/<TAG>/, is kept (no longer read) unless --delete-files is given.
    /// The source locale, and a locale others fall back to, cannot be removed.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit locale remove pt-BR                  # its files stay in locales/pt-BR/",
        "letterkit locale remove pt-BR --delete-files   # its files move to locales/.removed/pt-BR/",
    ))]
    Remove {
        /// The locale's tag.
        tag: String,
        /// Also move locales/<TAG>/ out of the project's locales, to
        /// locales/.removed/<TAG>/ (which letterkit and git ignore), to delete when sure.
        #[arg(long)]
        delete_files: bool,
    },
    /// Bring locales in line with the source after it changed, keeping every translation.
    ///
    /// New source messages appear in place, commented out; obsolete ones move to a marked
    /// section at the end; translations whose source text changed are flagged as stale.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit locale sync           # every locale but the source",
        "letterkit locale sync pt-BR",
        "letterkit locale sync --check   # for CI: exit 1 if a sync would change something",
    ))]
    Sync {
        /// The locales to sync (default: every locale but the source).
        tags: Vec<String>,
        /// Change nothing; exit 1 if a sync would change something (for CI).
        #[arg(long)]
        check: bool,
    },
    /// Mark stale translations as up to date on purpose, after reviewing them.
    ///
    /// A translation stays stale after its source changed until it is cleared on
    /// purpose: by deleting the flag `locale sync` wrote above it, or with this
    /// command. Editing the translation alone does not clear it.
    #[command(after_help = EXIT_CODES)]
    #[command(after_long_help = examples!(
        "letterkit locale resolve fr body-intro closing",
    ))]
    Resolve {
        /// The locale.
        tag: String,
        /// The message ids whose translations are still right (or now updated).
        #[arg(required = true)]
        ids: Vec<String>,
    },
}

/// The formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InterchangeFormat {
    /// XLIFF 1.2: Trados, memoQ, Smartcat, OmegaT, Weblate, Crowdin.
    Xliff,
    /// GNU gettext PO: Poedit, Weblate, Crowdin, Pootle.
    Po,
}

/// How `status` prints its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// A table.
    Human,
    /// One JSON document.
    Json,
    /// The accessible dashboard page that `build` writes to status/index.html.
    Html,
}
