//! The `letterkit` command: parses arguments, calls the library, prints results
//! on stdout and errors on stderr, and returns the exit code.

mod args;
mod report;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use letterkit::config::Lang;
use letterkit::project::Project;
use letterkit::publish::{self, BuildError, BuildOptions};
use letterkit::render::{self, Format};
use letterkit::{check, localize, status, sync};

use args::{CheckFormat, Cli, Command, LocaleCommand, RenderFormat, StatusFormat};

/// Check found errors in a required locale, `build --strict` found fallbacks, or
/// `locale sync --check` found changes to make.
const FINDINGS: u8 = 1;
/// Usage, configuration, input or output error.
const FAILURE: u8 = 2;

/// An error writing to stdout, unless the reader went away (`letterkit status | head`).
fn written(result: std::io::Result<()>, what: &str) -> Result<(), String> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write {what}: {e}"))
        }
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            let mut stderr = anstream::stderr();
            let _ = writeln!(stderr, "error: {message}");
            ExitCode::from(FAILURE)
        }
    }
}

fn run(cli: Cli) -> Result<u8, String> {
    let start = cli.project.clone().unwrap_or_else(|| PathBuf::from("."));
    let root = match &cli.project {
        Some(dir) if !dir.join(letterkit::config::CONFIG_FILE).is_file() => {
            return Err(format!(
                "{} has no {}",
                dir.display(),
                letterkit::config::CONFIG_FILE
            ));
        }
        Some(dir) => dir.clone(),
        None => Project::discover(&start).map_err(|e| e.to_string())?,
    };
    let project = Project::load(&root).map_err(|e| e.to_string())?;

    match cli.command {
        Command::Build {
            letters,
            locales,
            out,
            strict,
            incremental,
        } => {
            let out_dir = out.unwrap_or_else(|| root.join(&project.config.output_dir));
            let options = BuildOptions {
                out_dir: out_dir.clone(),
                letters,
                locales,
                strict,
                incremental,
            };
            let mut stderr = anstream::stderr();
            let summary = match publish::build(&project, &options) {
                Ok(summary) => summary,
                Err(error @ BuildError::Strict { .. }) => {
                    let _ = writeln!(stderr, "error: {error}");
                    return Ok(FINDINGS);
                }
                Err(error) => return Err(error.to_string()),
            };
            for (letter, lang, fallback) in &summary.fallbacks {
                let _ = writeln!(
                    stderr,
                    "warning: {letter} ({lang}): `{}` is not translated; shown in {}",
                    fallback.id, fallback.from
                );
            }
            let _ = writeln!(
                stderr,
                "built {} files in {}",
                summary.files.len(),
                out_dir.display()
            );
            Ok(0)
        }
        Command::Check {
            letters,
            locales,
            format,
        } => {
            let report = check::check(&project, &letters, &locales)?;
            // A report can run to tens of thousands of lines: buffered under
            // the colour handling, so that they are written in large blocks,
            // not a system call per line.
            let choice = anstream::stdout().current_choice();
            let buffered: Box<dyn Write> = Box::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            ));
            let mut stdout = anstream::AutoStream::new(buffered, choice);
            let printed = match format {
                CheckFormat::Human => report::human(&report, &root, &mut stdout),
                CheckFormat::Json => report::json(&report, &mut stdout),
            }
            .and_then(|()| stdout.flush());
            written(printed, "the report")?;
            Ok(if report.has_errors() { FINDINGS } else { 0 })
        }
        Command::Status { format } => {
            let rows = status::status(&project).map_err(|e| e.to_string())?;
            let mut stdout = anstream::stdout();
            let printed = match format {
                StatusFormat::Human => report::status_table(&rows, &mut stdout),
                StatusFormat::Json => report::status_json(&rows, &mut stdout),
            };
            written(printed, "the status")?;
            Ok(0)
        }
        Command::Locale(LocaleCommand::Add { tag }) => {
            let written = sync::add_locale(&project, &tag).map_err(|e| e.to_string())?;
            let mut stdout = anstream::stdout();
            let _ = writeln!(stdout, "added locale {tag} (optional, draft):");
            for path in &written {
                let _ = writeln!(stdout, "  {}", path.display());
            }
            let _ = writeln!(
                stdout,
                "translate a message by removing the `# ` before its id and replacing the text;\n\
                 then run `letterkit check --locale {tag}` and `letterkit build --locale {tag}`"
            );
            Ok(0)
        }
        Command::Locale(LocaleCommand::Sync { tags, check }) => {
            let plans = sync::plan_sync(&project, &tags).map_err(|e| e.to_string())?;
            let mut stdout = anstream::stdout();
            let changes = plans.iter().map(|p| p.changes.len()).sum::<usize>();
            for plan in &plans {
                let _ = writeln!(
                    stdout,
                    "{}: {} new message(s), {} moved to obsolete, {} stale",
                    plan.locale,
                    plan.added.len(),
                    plan.moved.len(),
                    plan.stale.len()
                );
                for stale in &plan.stale {
                    let _ = writeln!(stdout, "  stale: {} `{}`", stale.resource, stale.id);
                }
                for change in &plan.changes {
                    let verb = if check { "would write" } else { "wrote" };
                    let _ = writeln!(stdout, "  {verb} {}", change.path.display());
                }
            }
            if check {
                return Ok(if changes > 0 { FINDINGS } else { 0 });
            }
            sync::apply(&project, &plans).map_err(|e| e.to_string())?;
            Ok(0)
        }
        Command::Render {
            letter,
            locale,
            format,
        } => {
            let (letters, langs) = project.select(&[letter], &[])?;
            let lang = Lang::parse(&locale)?;
            if !langs.contains(&lang) {
                project.select(&[], &[locale])?;
            }
            let localized = localize::localize(&project, letters[0], &lang, &langs)
                .map_err(|e| e.to_string())?;
            let format = match format {
                RenderFormat::Text => Format::Text,
                RenderFormat::Html => Format::Html,
            };
            let mut stdout = std::io::stdout().lock();
            let rendered = render::render(&localized.document, format);
            written(stdout.write_all(rendered.as_bytes()), "the letter")?;
            Ok(0)
        }
    }
}
