//! The `letterkit` command: parses arguments, calls the library, prints results
//! on stdout and errors on stderr, and returns the exit code.

mod args;
mod progress;
mod report;
mod serve;
mod terminal;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use letterkit::check::output::{Base, OutputFormat};
use letterkit::lang::Lang;
use letterkit::project::Project;
use letterkit::publish::{self, BuildError, BuildOptions};
use letterkit::render::{self, Format};
use letterkit::schema::Schema;
use letterkit::{check, localize, scaffold, status, sync};

use args::{
    CheckFormat, Cli, ColorWhen, Command, InterchangeFormat, LocaleCommand, RenderFormat,
    SchemaFile, StatusFormat,
};

/// Check found errors in a required locale, `build --strict` found fallbacks, or
/// `locale sync --check` found changes to make.
const FINDINGS: u8 = 1;
/// Usage, configuration, input or output error.
const FAILURE: u8 = 2;

/// What a check report is printed from: a project's report, made whole,
/// or a tree, checked as the report is written.
enum Checked<'a> {
    /// A project's report.
    Report(&'a check::Report),
    /// A tree (in `--locales DIR`) and its policy.
    Tree(
        &'a Path,
        &'a letterkit::project::Tree,
        &'a letterkit::config::CheckPolicy,
    ),
}

/// Prints a check report and returns the exit code it calls for. The
/// formats for machines stream a tree's report a locale at a time.
fn print_report(
    checked: Checked<'_>,
    root: &Path,
    format: CheckFormat,
    shown: report::Shown,
    deny_warnings: bool,
) -> Result<u8, String> {
    // A report can run to tens of thousands of lines: buffered under the
    // colour handling, so that they are written in large blocks, not a system
    // call per line.
    let buffered = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let choice = anstream::stdout().current_choice();
    let mut stdout: Box<dyn Write> = match format {
        // JSON has no styling to strip, and escapes every control character.
        CheckFormat::Output(OutputFormat::Json | OutputFormat::Sarif) => Box::new(buffered),
        _ => {
            let buffered: Box<dyn Write> = Box::new(buffered);
            Box::new(anstream::AutoStream::new(buffered, choice))
        }
    };
    let verdict = |fails: bool| if fails { FINDINGS } else { 0 };
    let output = match format {
        CheckFormat::Output(output) => output,
        CheckFormat::Human => {
            let whole;
            let report = match checked {
                Checked::Report(report) => report,
                Checked::Tree(_, tree, policy) => {
                    whole = check::check_tree(tree, policy).map_err(|e| e.to_string())?;
                    &whole
                }
            };
            let fails = report.fails(deny_warnings);
            // Colours the stream would strip are not worth making.
            let styled = choice != anstream::ColorChoice::Never;
            let printed = report::human(report, root, fails, styled, shown, &mut stdout)
                .and_then(|()| stdout.flush());
            written(printed, "the report")?;
            return Ok(verdict(fails));
        }
    };
    let cannot_read = |dir: &Path, e: std::io::Error| format!("cannot read {}: {e}", dir.display());
    // Where GitHub checked the repository out, for annotations' paths where
    // there is no `.git` to find its root by.
    let workspace = std::env::var_os("GITHUB_WORKSPACE").filter(|w| !w.is_empty());
    let workspace = workspace.as_deref().map(Path::new);
    match checked {
        Checked::Report(report) => {
            let base = Base::of(root, Path::new(""))
                .map_err(|e| cannot_read(root, e))?
                .with_workspace(workspace);
            let printed = output
                .write(report, &base, deny_warnings, &mut stdout)
                .and_then(|fails| stdout.flush().map(|()| fails));
            let fails = report.fails(deny_warnings);
            written(printed.map(drop), "the report")?;
            Ok(verdict(fails))
        }
        Checked::Tree(dir, tree, policy) => {
            let base = Base::of(dir, dir)
                .map_err(|e| cannot_read(dir, e))?
                .with_workspace(workspace);
            let mut writer = check::output::Writer::new(output, base, &mut stdout)
                .map_err(|e| format!("cannot write the report: {e}"))?;
            let deny = deny_warnings || policy.deny_warnings;
            let result =
                check::check_tree_each(tree, policy, &mut |locale| writer.locale(&locale.part()));
            match result {
                // The reader went away (`letterkit check ... | head`): the
                // verdict is the one of the locales written.
                Err(check::CheckError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(verdict(writer.fails(deny)));
                }
                result => result.map_err(|e| e.to_string())?,
            }
            let printed = writer.finish(deny);
            let fails = *printed.as_ref().unwrap_or(&false);
            let printed = printed.and_then(|_| stdout.flush());
            written(printed, "the report")?;
            Ok(verdict(fails))
        }
    }
}

/// An error writing to stdout, unless the reader went away (`letterkit status | head`).
fn written(result: std::io::Result<()>, what: &str) -> Result<(), String> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write {what}: {e}"))
        }
        _ => Ok(()),
    }
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    }
    .write_global();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            let mut stderr = anstream::stderr();
            // Messages name files and folders, which may hold escape sequences.
            let _ = writeln!(stderr, "error: {}", terminal::escape_lines(&message));
            ExitCode::from(FAILURE)
        }
    }
}

fn run(cli: Cli) -> Result<u8, String> {
    if let Command::Check {
        tree: Some(dir),
        source: Some(source),
        locales,
        config,
        format,
        deny,
        summary,
        max_per_code,
        ..
    } = &cli.command
    {
        let (tree_config, _) = letterkit::tree_config::TreeConfig::find(dir, config.as_deref())
            .map_err(|e| e.to_string())?;
        let tree = letterkit::project::load_tree_with(dir, source, &tree_config, locales)
            .map_err(|e| e.to_string())?;
        if !tree.skipped.is_empty() && !cli.quiet {
            let names: Vec<String> = tree
                .skipped
                .iter()
                .map(|name| terminal::escape(name).into_owned())
                .collect();
            let _ = writeln!(
                anstream::stderr(),
                "skipped (not named by a locale tag): {}",
                names.join(", ")
            );
        }
        let policy = tree_config.policy();
        let shown = report::Shown {
            summary: *summary,
            max_per_code: *max_per_code,
        };
        return print_report(
            Checked::Tree(dir, &tree, &policy),
            Path::new("."),
            *format,
            shown,
            deny.is_some(),
        );
    }
    let command = match cli.command {
        Command::Init {
            dir,
            source,
            locales,
        } => return init(&dir, source, locales, cli.quiet),
        Command::Schema { file } => {
            let schema = match file {
                SchemaFile::Config => Schema::Config,
                SchemaFile::Letter => Schema::Letter,
                SchemaFile::L10nCheck => Schema::TreeConfig,
            };
            let mut stdout = std::io::stdout().lock();
            written(stdout.write_all(schema.json().as_bytes()), "the schema")?;
            return Ok(0);
        }
        Command::Completions { shell } => {
            let mut stdout = std::io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "letterkit", &mut stdout);
            return Ok(0);
        }
        Command::Man => {
            let mut stdout = std::io::stdout().lock();
            written(
                clap_mangen::Man::new(Cli::command()).render(&mut stdout),
                "the manual page",
            )?;
            return Ok(0);
        }
        command => command,
    };
    let start = cli.project.clone().unwrap_or_else(|| PathBuf::from("."));
    let root = match &cli.project {
        Some(dir) if !dir.join(letterkit::ids::CONFIG_FILE).is_file() => {
            return Err(format!(
                "{} has no {}",
                dir.display(),
                letterkit::ids::CONFIG_FILE
            ));
        }
        Some(dir) => dir.clone(),
        None => Project::discover(&start).map_err(|e| e.to_string())?,
    };
    if let Command::Serve {
        port,
        out,
        allow_host,
    } = command
    {
        return serve::run(&root, port, out, allow_host);
    }
    // check reads one locale at a time, build one letter at a time: memory
    // holds a few, not the archive.
    let project = match command {
        Command::Check { .. } => Project::load_for_check(&root),
        // A translation's file that cannot be read falls back as a whole.
        Command::Build { .. } => Project::load_for_check(&root),
        _ => Project::load(&root),
    }
    .map_err(|e| e.to_string())?;
    if cli.verbose {
        let _ = writeln!(anstream::stderr(), "project: {}", terminal::path(&root));
    }

    match command {
        Command::Build {
            letters,
            locales,
            out,
            strict,
            email,
            markdown,
            pdf,
            front_matter,
            incremental,
        } => {
            let out_dir = out.unwrap_or_else(|| root.join(&project.config.output_dir));
            let extra_formats = [
                (email, Format::Email),
                (markdown, Format::Markdown { front_matter }),
            ]
            .into_iter()
            .filter_map(|(wanted, format)| wanted.then_some(format))
            .collect();
            let bar = progress::Bar::new("building", cli.quiet);
            let options = BuildOptions {
                out_dir: out_dir.clone(),
                letters,
                locales,
                strict,
                extra_formats,
                incremental,
                pdf,
                progress: Some(publish::Progress::new({
                    let bar = bar.clone();
                    move |done, total| bar.update(done, total, "letters")
                })),
            };
            let mut stderr = anstream::stderr();
            let built = publish::build(&project, &options);
            bar.finish();
            let summary = match built {
                Ok(summary) => summary,
                Err(error @ BuildError::Strict { .. }) => {
                    let _ = writeln!(
                        stderr,
                        "error: {}",
                        terminal::escape_lines(&error.to_string())
                    );
                    return Ok(FINDINGS);
                }
                Err(error) => return Err(error.to_string()),
            };
            // Written at once: an archive can have thousands. A message
            // refused by check is told once, with the reason.
            let refused: std::collections::BTreeMap<(&str, &str, &str), &check::Finding> = summary
                .refused
                .iter()
                .filter_map(|(letter, f)| {
                    Some((
                        (letter.as_str(), f.locale.as_str(), f.message_id.as_deref()?),
                        f,
                    ))
                })
                .collect();
            let mut warnings: String = summary
                .refused
                .iter()
                .filter(|(_, f)| f.message_id.is_none())
                .map(|(letter, f)| {
                    format!(
                        "warning: {letter} ({}): {}: {} [{}]; what it spoils is shown in the fallback language\n",
                        f.locale,
                        f.location,
                        f.message,
                        f.code.as_str()
                    )
                })
                .collect();
            warnings.extend(summary.fallbacks.iter().map(|(letter, lang, fallback)| {
                match refused.get(&(letter.as_str(), lang.tag(), fallback.id.as_str())) {
                    Some(f) => format!(
                        "warning: {letter} ({lang}): `{}` is not published as written ({}: {} [{}]); shown in {}\n",
                        fallback.id,
                        f.location,
                        f.message,
                        f.code.as_str(),
                        fallback.from
                    ),
                    None => format!(
                        "warning: {letter} ({lang}): `{}` is not translated; shown in {}\n",
                        fallback.id, fallback.from
                    ),
                }
            }));
            let _ = stderr.write_all(warnings.as_bytes());
            if !cli.quiet {
                for notice in &summary.notices {
                    let _ = writeln!(stderr, "note: {notice}");
                }
            }
            if cli.verbose {
                for file in &summary.files {
                    let _ = writeln!(stderr, "wrote {}", terminal::path(&out_dir.join(file)));
                }
            }
            if !cli.quiet {
                let _ = writeln!(
                    stderr,
                    "built {} files in {}",
                    summary.files.len(),
                    terminal::path(&out_dir)
                );
            }
            Ok(0)
        }
        Command::Check {
            letters,
            locales,
            format,
            deny,
            summary,
            max_per_code,
            ..
        } => {
            let bar = progress::Bar::new("checking", cli.quiet);
            let report = check::check_reporting(&project, &letters, &locales, &|done, total| {
                bar.update(done, total, "locales");
            });
            bar.finish();
            let report = report.map_err(|e| e.to_string())?;
            let shown = report::Shown {
                summary,
                max_per_code,
            };
            print_report(
                Checked::Report(&report),
                &root,
                format,
                shown,
                deny.is_some(),
            )
        }
        Command::Status { format } => {
            let rows = status::status(&project).map_err(|e| e.to_string())?;
            let mut stdout = anstream::stdout();
            let printed = match format {
                StatusFormat::Human => report::status_table(&rows, &mut stdout),
                StatusFormat::Json => report::status_json(&rows, &mut stdout),
                StatusFormat::Html => {
                    let dashboard = status::dashboard::Dashboard::new(&project)
                        .map_err(|e| format!("cannot write the translation dashboard: {e}"))?;
                    stdout.write_all(dashboard.page.as_bytes())
                }
            };
            written(printed, "the status")?;
            Ok(0)
        }
        Command::Locale(LocaleCommand::Add { tag, letters }) => {
            let existing = letterkit::lang::Lang::parse(&tag)
                .is_ok_and(|lang| project.config.locale(lang.tag()).is_some());
            let written =
                sync::add_locale_for(&project, &tag, &letters).map_err(|e| e.to_string())?;
            let mut stdout = anstream::stdout();
            if existing {
                let _ = writeln!(stdout, "added {tag} to {}:", letters.join(", "));
            } else {
                let _ = writeln!(stdout, "added locale {tag} (optional, draft):");
            }
            for path in &written {
                let _ = writeln!(stdout, "  {}", terminal::path(path));
            }
            if !cli.quiet {
                let _ = writeln!(
                    stdout,
                    "translate a message by removing the `# ` before its id and replacing the text;\n\
                     see what is left with `letterkit check --locale {tag}`, preview with `letterkit serve`,\n\
                     and run `letterkit locale sync {tag}` before you commit (it records what you translated from)"
                );
            }
            Ok(0)
        }
        Command::Locale(LocaleCommand::Remove { tag, delete_files }) => {
            let removal =
                sync::remove_locale(&project, &tag, delete_files).map_err(|e| e.to_string())?;
            let mut stdout = anstream::stdout();
            if removal.edited.is_empty() {
                let _ = writeln!(stdout, "{} was not in the project", removal.locale);
            } else {
                let _ = writeln!(stdout, "removed locale {}:", removal.locale);
                for path in &removal.edited {
                    let _ = writeln!(stdout, "  edited {}", terminal::path(path));
                }
            }
            let folder = terminal::path(&removal.folder);
            match &removal.moved_to {
                Some(moved) => {
                    let _ = writeln!(
                        stdout,
                        "moved {folder}/ ({} file(s)) to {}/, which letterkit and git ignore; delete it when you are sure",
                        removal.files,
                        terminal::path(moved)
                    );
                }
                None if removal.files > 0 => {
                    let _ = writeln!(
                        stdout,
                        "kept {folder}/ ({} file(s)): letterkit no longer reads it; move it aside with `letterkit locale remove {} --delete-files`, or delete it",
                        removal.files, removal.locale
                    );
                }
                None => {}
            }
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
                    let _ = writeln!(
                        stdout,
                        "  stale: {} `{}`",
                        terminal::escape(&stale.resource),
                        terminal::escape(&stale.id)
                    );
                }
                for change in &plan.changes {
                    let verb = if check { "would write" } else { "wrote" };
                    let _ = writeln!(stdout, "  {verb} {}", terminal::path(&change.path));
                }
            }
            if check {
                return Ok(if changes > 0 { FINDINGS } else { 0 });
            }
            sync::apply(&project, &plans).map_err(|e| e.to_string())?;
            Ok(0)
        }
        Command::Locale(LocaleCommand::Resolve { tag, ids }) => {
            let done = sync::resolve(&project, &tag, &ids).map_err(|e| e.to_string())?;
            let mut stdout = anstream::stdout();
            for (resource, id) in &done.resolved {
                let _ = writeln!(
                    stdout,
                    "{}: `{}` ({}) marked up to date",
                    terminal::escape(&tag),
                    terminal::escape(id),
                    terminal::escape(resource)
                );
            }
            if !done.unknown.is_empty() {
                return Err(format!(
                    "{tag} has no translated message {}: nothing recorded for it",
                    done.unknown
                        .iter()
                        .map(|id| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            Ok(0)
        }
        Command::Render {
            letter,
            locale,
            format,
            front_matter,
        } => {
            if front_matter && format != RenderFormat::Markdown {
                return Err("--front-matter goes with --format markdown".to_owned());
            }
            let (letters, langs) = project.select(&[letter], &[]).map_err(|e| e.to_string())?;
            let lang = Lang::parse(&locale).map_err(|e| e.to_string())?;
            if !langs.contains(&lang) {
                project.select(&[], &[locale]).map_err(|e| e.to_string())?;
            }
            let localized = localize::localize(&project, letters[0], &lang, &langs)
                .map_err(|e| e.to_string())?;
            let format = match format {
                RenderFormat::Text => Format::Text,
                RenderFormat::Html => Format::Html,
                RenderFormat::Email => Format::Email,
                RenderFormat::Markdown => Format::Markdown { front_matter },
                RenderFormat::Pdf => {
                    let pdf = render_pdf(&project, &localized.document)?;
                    written(std::io::stdout().lock().write_all(&pdf), "the letter")?;
                    return Ok(0);
                }
            };
            let mut stdout = std::io::stdout().lock();
            let rendered = render::render(&localized.document, format);
            written(stdout.write_all(rendered.as_bytes()), "the letter")?;
            Ok(0)
        }
        Command::New { letter } => new_letter(&project, &letter, cli.quiet),
        Command::Export {
            format,
            letters,
            locale,
            out,
        } => {
            let format = match format {
                InterchangeFormat::Xliff => letterkit::interop::Format::Xliff,
                InterchangeFormat::Po => letterkit::interop::Format::Po,
            };
            let text = letterkit::interop::export(&project, format, &locale, &letters)
                .map_err(|e| e.to_string())?;
            std::fs::write(&out, text)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            if !cli.quiet {
                let _ = writeln!(
                    anstream::stderr(),
                    "wrote {}; translate it, then run `letterkit import {}`",
                    terminal::path(&out),
                    terminal::path(&out)
                );
            }
            Ok(0)
        }
        Command::Import { file } => import(&project, &file, cli.quiet),
        Command::Init { .. }
        | Command::Schema { .. }
        | Command::Completions { .. }
        | Command::Man
        | Command::Serve { .. } => {
            unreachable!("commands that need no project return before it is loaded")
        }
    }
}

/// `letterkit render --format pdf`: the letter's PDF, refused when standard
/// output is a terminal, where its bytes would only garble the screen.
fn render_pdf(
    project: &Project,
    document: &letterkit::document::Document,
) -> Result<Vec<u8>, String> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        return Err(
            "refusing to write a PDF to the terminal: redirect it to a file, as in `> letter.pdf`"
                .into(),
        );
    }
    #[cfg(feature = "pdf")]
    {
        use letterkit::render::pdf::{Fonts, Typesetter};
        Typesetter::new(Fonts::system())
            .and_then(|typesetter| typesetter.letter(document, project.config.paper))
            .map_err(|e| e.to_string())
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (project, document);
        Err(publish::pdf::Failure::Unsupported.to_string())
    }
}

/// `letterkit init`: writes the project, lists its files and what to do next.
fn init(dir: &Path, source: String, locales: Vec<String>, quiet: bool) -> Result<u8, String> {
    let locales = if locales.is_empty() {
        vec![if source == "en" { "es" } else { "en" }.to_owned()]
    } else {
        locales
    };
    let options = scaffold::InitOptions {
        source,
        locales,
        date: scaffold::today(),
    };
    let files = scaffold::init(dir, &options).map_err(|e| e.to_string())?;
    let mut stdout = anstream::stdout();
    let _ = writeln!(
        stdout,
        "created a letterkit project in {}:",
        terminal::path(dir)
    );
    for file in &files {
        let _ = writeln!(stdout, "  {}", terminal::path(file));
    }
    if !quiet {
        let _ = writeln!(
            stdout,
            "next:\n  \
             cd {dir}\n  \
             letterkit build          then open dist/{letter}/index.html in a browser\n  \
             letterkit new <LETTER>   start a letter of your own\n  \
             push to GitHub: {workflow} checks and builds every push",
            dir = terminal::path(dir),
            letter = scaffold::SAMPLE_LETTER,
            workflow = scaffold::WORKFLOW_FILE,
        );
    }
    Ok(0)
}

/// `letterkit import`: plans, reports every unit left out, and writes only
/// when no translation has an error.
fn import(project: &Project, file: &Path, quiet: bool) -> Result<u8, String> {
    use letterkit::interop::{self, Outcome};
    let plan = interop::plan_import(project, file).map_err(|e| e.to_string())?;
    let mut stdout = anstream::stdout();
    let mut stderr = anstream::stderr();
    for unit in &plan.units {
        let what = match unit.outcome {
            Outcome::Stale => "stale, left out",
            Outcome::NotMarked => "not translated, left out",
            Outcome::Unknown => "unknown, left out",
            Outcome::Written | Outcome::Cleared | Outcome::Unchanged | Outcome::Untranslated => {
                continue;
            }
        };
        let _ = writeln!(
            stderr,
            "warning: {}/{}: {what}: {}",
            terminal::escape(&unit.resource),
            terminal::escape(&unit.id),
            terminal::escape(&unit.detail)
        );
    }
    for error in &plan.errors {
        let code = error
            .code
            .map(|c| format!("{}: ", c.as_str()))
            .unwrap_or_default();
        let _ = writeln!(
            stderr,
            "error: {}: {}/{}: {code}{}",
            terminal::escape(&error.location.to_string()),
            terminal::escape(&error.resource),
            terminal::escape(&error.id),
            terminal::escape(&error.message)
        );
    }
    if !plan.errors.is_empty() {
        let _ = writeln!(
            stderr,
            "error: nothing written: {} translation(s) have errors; fix them in the file and import it again",
            plan.errors.len()
        );
        return Ok(FINDINGS);
    }
    interop::write(project, &plan).map_err(|e| e.to_string())?;
    let _ = writeln!(
        stdout,
        "{}: {} written, {} cleared of their stale flag, {} unchanged, {} untranslated, {} stale, {} not marked translated, {} unknown",
        plan.locale,
        plan.count(Outcome::Written),
        plan.count(Outcome::Cleared),
        plan.count(Outcome::Unchanged),
        plan.count(Outcome::Untranslated),
        plan.count(Outcome::Stale),
        plan.count(Outcome::NotMarked),
        plan.count(Outcome::Unknown),
    );
    for change in &plan.changes {
        let _ = writeln!(stdout, "  wrote {}", terminal::path(&change.path));
    }
    if !quiet && !plan.changes.is_empty() {
        let _ = writeln!(
            stdout,
            "next: `letterkit check --locale {}`, then commit these files",
            plan.locale
        );
    }
    Ok(0)
}

/// `letterkit new`: writes the letter's skeleton, lists its files and what to do next.
fn new_letter(project: &Project, letter: &str, quiet: bool) -> Result<u8, String> {
    let files =
        scaffold::new_letter(project, letter, scaffold::today()).map_err(|e| e.to_string())?;
    let mut stdout = anstream::stdout();
    let _ = writeln!(stdout, "created letter {letter}:");
    for file in &files {
        let _ = writeln!(stdout, "  {}", terminal::path(file));
    }
    if quiet {
        return Ok(0);
    }
    let source = &project.config.source;
    let _ = writeln!(
        stdout,
        "next:\n  \
         write the letter in locales/{source}/{letter}.ftl, and its date, names and addresses in content/{letter}/letter.toml"
    );
    let others: Vec<_> = project
        .config
        .locales
        .iter()
        .filter(|l| &l.lang != source)
        .collect();
    if !others.is_empty() {
        let tags: Vec<&str> = others.iter().map(|l| l.lang.tag()).collect();
        let _ = writeln!(
            stdout,
            "  run `letterkit locale sync` to give the letter to {tags} for translation (until then, pages in {tags} show it in {source})",
            tags = tags.join(", ")
        );
        let required: Vec<&str> = others
            .iter()
            .filter(|l| l.required)
            .map(|l| l.lang.tag())
            .collect();
        if !required.is_empty() {
            let _ = writeln!(
                stdout,
                "  `letterkit check` fails until the required {} translate the letter",
                required.join(", ")
            );
        }
    }
    let _ = writeln!(stdout, "  preview with `letterkit build --letter {letter}`");
    Ok(0)
}
