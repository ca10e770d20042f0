//! Adopting letterkit: a new project from `init`, a second letter from `new`,
//! a third locale, and the conventions of the command line (completions, the
//! manual, colour, quiet and verbose, finding the project from a subfolder).

use std::fs;
use std::path::Path;

use crate::support::{
    copy_project, fixture, letterkit, letterkit_in, remove_message, snapshot_settings,
};

/// Every subcommand, as `--help` lists them.
const COMMANDS: [&str; 10] = [
    "build",
    "check",
    "status",
    "locale",
    "render",
    "init",
    "new",
    "schema",
    "completions",
    "man",
];

fn ok(project: &Path, args: &[&str]) -> String {
    let run = letterkit(project, args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.transcript());
    run.stdout
}

/// A new project in `<tmp>/org`, made by `letterkit init org`.
fn init_project(args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["init", "org"];
    all.extend_from_slice(args);
    let run = letterkit_in(dir.path(), &all);
    assert_eq!(run.code, 0, "{}", run.transcript());
    dir
}

#[test]
fn a_new_project_builds_checks_and_syncs_clean_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let run = letterkit_in(dir.path(), &["init", "org"]);
    snapshot_settings().bind(|| insta::assert_snapshot!("adopt__init", run.transcript()));
    let project = dir.path().join("org");
    assert!(
        ok(&project, &["check"]).ends_with("check passed: 0 errors, 0 warnings\n"),
        "the sample is complete in both locales"
    );
    ok(&project, &["locale", "sync", "--check"]);
    let build = letterkit(&project, &["build"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert_eq!(
        build.stderr,
        format!(
            "note: {}\nbuilt 10 files in {}\n",
            letterkit::publish::NO_BASE_URL_NOTICE,
            project.join("dist").display()
        )
    );
    let es = fs::read_to_string(project.join("dist/sample-letter/es/index.html")).unwrap();
    assert!(
        es.contains("Esta traducción es un borrador"),
        "es is a draft"
    );
    assert!(
        fs::read_to_string(project.join(".gitignore"))
            .unwrap()
            .contains("/dist\n")
    );
}

#[test]
fn init_refuses_a_folder_with_files_and_an_unusable_locale() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("org")).unwrap();
    fs::write(dir.path().join("org/notes.txt"), "mine").unwrap();
    let run = letterkit_in(dir.path(), &["init", "org"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: org is not empty: choose a new or empty folder for the project\n"
    );
    assert_eq!(fs::read_dir(dir.path().join("org")).unwrap().count(), 1);

    let run = letterkit_in(dir.path(), &["init", "other", "--locale", "pt_BR"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: `pt_BR` is not written in canonical form: write `pt-BR`\n"
    );
    assert!(!dir.path().join("other").exists(), "nothing written");
}

#[test]
fn a_second_letter_and_a_third_locale_keep_the_project_clean() {
    let dir = init_project(&[]);
    let project = dir.path().join("org");
    let run = letterkit(&project, &["new", "second-letter"]);
    snapshot_settings().bind(|| insta::assert_snapshot!("adopt__new", run.transcript()));

    // Until sync, the optional Spanish lacks the file: a warning, and the
    // page shows the letter in English.
    let check = letterkit(&project, &["check"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check.stdout.contains("warning: [missing-file] es:"),
        "{}",
        check.stdout
    );
    ok(&project, &["build"]);
    let sync = letterkit(&project, &["locale", "sync", "--check"]);
    assert_eq!(sync.code, 1, "the new letter is not in es yet");

    let synced = ok(&project, &["locale", "sync"]);
    assert!(
        synced.contains("es: 10 new message(s)")
            && synced.contains("wrote locales/es/second-letter.ftl"),
        "{synced}"
    );
    ok(&project, &["locale", "sync", "--check"]);
    let es = fs::read_to_string(project.join("locales/es/second-letter.ftl")).unwrap();
    assert!(
        es.contains("# The addressee, as written at the head of the letter.\n# recipient-name = The addressee\n"),
        "translators get every message with its note: {es}"
    );

    ok(&project, &["locale", "add", "fr"]);
    let check = ok(&project, &["check"]);
    assert!(
        check.contains(
            "second-letter                fr       no        draft           0/10    0%        0/36"
        ) && check.contains(
            "common                       fr       no        draft           0/19    0%       0/107"
        ),
        "{check}"
    );
    ok(&project, &["build"]);
    assert!(project.join("dist/second-letter/fr/index.html").is_file());
}

#[test]
fn new_refuses_unsafe_and_taken_names() {
    let dir = init_project(&[]);
    let project = dir.path().join("org");
    for (name, message) in [
        (
            "Second",
            "the letter id `Second` must use only a-z, 0-9 and `-`",
        ),
        ("../x", "the letter id `../x` must use only"),
        ("-x", "the letter id `-x` must use only"),
        ("common", "the letter id `common` is reserved"),
        (
            "status",
            "the letter id `status` is reserved (the output's `status/` is the translation dashboard)",
        ),
        (
            "nul",
            "the letter id `nul` is a name Windows reserves for a device",
        ),
        (
            "sample-letter",
            "content/sample-letter: already exists: choose another name for the letter",
        ),
    ] {
        let run = letterkit(&project, &["new", "--", name]);
        assert_eq!(run.code, 2, "{name}: {}", run.transcript());
        assert!(run.stderr.contains(message), "{name}: {}", run.stderr);
    }
    ok(&project, &["check"]);
}

#[test]
fn a_required_locale_is_named_when_a_new_letter_would_fail_check() {
    let dir = init_project(&["--source", "es", "--locale", "en"]);
    let project = dir.path().join("org");
    crate::support::edit(
        &project.join("letterkit.toml"),
        "tag = \"en\"\nrequired = false",
        "tag = \"en\"\nrequired = true",
    );
    let next = ok(&project, &["new", "carta"]);
    assert!(
        next.contains("`letterkit check` fails until the required en translate the letter"),
        "{next}"
    );
    assert_eq!(letterkit(&project, &["check"]).code, 1);
}

#[test]
fn the_project_is_found_from_a_subfolder() {
    let project = copy_project(&fixture("small"));
    let run = letterkit_in(&project.path().join("content/notice"), &["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains("check passed"), "{}", run.stdout);

    let nowhere = tempfile::tempdir().unwrap();
    let run = letterkit_in(nowhere.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no letterkit.toml in . or any folder above it\n"
    );
}

#[test]
fn every_command_has_examples_and_exit_codes_in_its_help() {
    let here = std::env::temp_dir();
    let version = letterkit_in(&here, &["--version"]);
    assert_eq!(
        version.stdout,
        format!("letterkit {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = letterkit_in(&here, &["--help"]).stdout;
    for command in COMMANDS {
        assert!(
            help.contains(&format!("\n  {command} ")),
            "{command} in {help}"
        );
        let run = letterkit_in(&here, &[command, "--help"]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(
            run.stdout.contains("\nExamples:\n  letterkit ")
                && run.stdout.contains("\nExit codes:\n"),
            "{command}: {}",
            run.stdout
        );
    }
}

#[test]
fn completions_and_the_manual_name_every_command() {
    let here = std::env::temp_dir();
    for shell in ["bash", "zsh", "fish"] {
        let run = letterkit_in(&here, &["completions", shell]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        for command in COMMANDS {
            assert!(run.stdout.contains(command), "{shell}: no {command}");
        }
        assert!(run.stdout.contains("color"), "{shell}: no global flags");
    }
    let man = letterkit_in(&here, &["man"]);
    assert_eq!(man.code, 0, "{}", man.transcript());
    assert!(
        man.stdout.starts_with(".ie \\n(.g .ds Aq"),
        "roff: {}",
        &man.stdout[..80]
    );
    assert!(man.stdout.contains(".TH letterkit 1"), "{}", man.stdout);
    for command in COMMANDS {
        assert!(
            man.stdout.contains(&format!("letterkit\\-{command}")),
            "the manual lists {command}"
        );
    }
}

#[test]
fn colour_follows_the_color_flag_and_no_color() {
    let project = copy_project(&fixture("small"));
    remove_message(&project.path().join("locales/es/notice.ftl"), "subject");
    let esc = "\u{1b}[";
    let always = letterkit(project.path(), &["--color", "always", "check"]);
    assert_eq!(always.code, 1);
    assert!(always.stdout.contains(esc), "{}", always.stdout);
    let never = letterkit(project.path(), &["check", "--color", "never"]);
    assert!(!never.stdout.contains(esc), "{}", never.stdout);
    let auto = letterkit(project.path(), &["check"]);
    assert!(
        !auto.stdout.contains(esc),
        "NO_COLOR, and not a terminal: {}",
        auto.stdout
    );
    assert_eq!(auto.stdout, never.stdout);
}

#[test]
fn quiet_drops_progress_and_verbose_names_every_file() {
    let project = copy_project(&fixture("small"));
    let quiet = letterkit(project.path(), &["build", "-q"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (0, ""));
    let verbose = letterkit(project.path(), &["--verbose", "build"]);
    assert_eq!(verbose.code, 0, "{}", verbose.transcript());
    let lines: Vec<&str> = verbose.stderr.lines().collect();
    assert!(lines[0].starts_with("project: "), "{}", verbose.stderr);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("wrote ") && l.ends_with("notice/es/index.html")),
        "{}",
        verbose.stderr
    );
    assert!(lines.last().unwrap().starts_with("built 10 files in "));
    let both = letterkit(project.path(), &["-q", "-v", "build"]);
    assert_eq!(both.code, 2, "{}", both.transcript());
}
