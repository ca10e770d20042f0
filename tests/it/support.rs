//! Running the binary on copies of projects.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository folder: the shipped project.
pub fn shipped() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture project under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    shipped().join("tests/fixtures").join(name)
}

/// The shipped letter's folder name.
pub const LETTER: &str = "us-mexico-asylum-2023";

/// The shipped locales.
pub const LOCALES: [&str; 4] = ["en", "es", "ht", "fr"];

/// What a run printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Exit code, stdout and stderr, for snapshots.
    pub fn transcript(&self) -> String {
        format!(
            "exit code: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `letterkit --project <project> <args>`, without colour.
pub fn letterkit(project: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letterkit"));
    command.arg("--project").arg(project).args(args);
    run(command)
}

/// Runs `letterkit <args>` in the folder `dir`, without `--project` and
/// without colour, as someone at a terminal would.
pub fn letterkit_in(dir: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letterkit"));
    command.current_dir(dir).args(args);
    run(command)
}

/// Runs `letterkit <args>` in the folder `dir` with the environment
/// variables `env` set (and `GITHUB_WORKSPACE` unset unless given).
pub fn letterkit_in_env(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letterkit"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("GITHUB_WORKSPACE");
    for (name, value) in env {
        command.env(name, value);
    }
    run(command)
}

fn run(mut command: Command) -> Run {
    let output = command
        .env("NO_COLOR", "1")
        .output()
        .expect("the letterkit binary runs");
    Run {
        code: output.status.code().expect("not killed by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A copy of a project's sources (config, content, locales) in a temporary folder.
pub fn copy_project(project: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::copy(
        project.join("letterkit.toml"),
        dir.path().join("letterkit.toml"),
    )
    .expect("copy letterkit.toml");
    for folder in ["content", "locales"] {
        copy_tree(&project.join(folder), &dir.path().join(folder));
    }
    dir
}

/// Copies the folder `from` and everything in it to `to`.
pub fn copy_tree_to(from: &Path, to: &Path) {
    copy_tree(from, to);
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Appends a `[[check.waivers]]` entry to the project's `letterkit.toml`:
/// `locale` and `code`, and the message when one is given.
pub fn waive(project: &Path, locale: &str, code: &str, message: Option<&str>, reason: &str) {
    let config = project.join("letterkit.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str(&format!(
        "\n[[check.waivers]]\nlocale = \"{locale}\"\ncode = \"{code}\"\n"
    ));
    if let Some(message) = message {
        text.push_str(&format!("message = \"{message}\"\n"));
    }
    text.push_str(&format!("reason = \"{reason}\"\n"));
    std::fs::write(&config, text).unwrap();
}

/// Replaces `from` with `to` in a file, which must contain it.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("read file to edit");
    assert!(
        text.contains(from),
        "{} does not contain {from:?}",
        path.display()
    );
    fs::write(path, text.replacen(from, to, 1)).expect("write edited file");
}

/// Removes the line defining message `id` from a Fluent file.
pub fn remove_message(path: &Path, id: &str) {
    let text = fs::read_to_string(path).expect("read file to edit");
    let prefix = format!("{id} =");
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with(&prefix)).collect();
    assert_ne!(kept.len(), text.lines().count(), "no message {id}");
    fs::write(path, kept.join("\n") + "\n").expect("write edited file");
}

/// Every file under `dir`, relative to it, sorted, with its bytes.
pub fn read_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files);
    files.sort();
    files
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    for entry in fs::read_dir(dir).expect("read output folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let relative = path.strip_prefix(root).expect("below root").to_owned();
            files.push((relative, fs::read(&path).expect("read output file")));
        }
    }
}

/// insta settings that keep snapshots in the top-level `snapshots/` folder.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(shipped().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// Asserts that every source URL of the letter stands whole on a line of its
/// own in `text`.
pub fn assert_source_urls_whole(label: &str, text: &str, project: &Path, letter: &str) {
    let toml_text = fs::read_to_string(project.join("content").join(letter).join("letter.toml"))
        .expect("the letter's letter.toml");
    let parsed: toml::Table = toml::from_str(&toml_text).expect("letter.toml parses");
    let sources = parsed["sources"]
        .as_array()
        .expect("the letter has sources");
    assert!(!sources.is_empty(), "{label}: no sources to check");
    for source in sources {
        let url = source["url"].as_str().expect("a source has a url");
        assert!(
            text.lines().any(|line| line.trim() == url),
            "{label}: {url} is not whole on a line of its own"
        );
    }
}

/// The rules every plain-text letter follows, whatever its language: UTF-8 with
/// LF, one final newline, no tab, no trailing space, at most one blank line in a
/// row, no line over 72 columns but a lone URL, no signature marker, rule or
/// Markdown; bidi controls only in a right-to-left text, and balanced per line.
pub fn assert_plain_text_rules(label: &str, text: &str, rtl: bool) {
    assert!(
        text.ends_with('\n') && !text.ends_with("\n\n"),
        "{label}: final newline"
    );
    assert!(
        !text.contains('\r') && !text.contains('\t'),
        "{label}: CR or tab"
    );
    assert!(
        !text.contains("\n\n\n"),
        "{label}: more than one blank line"
    );
    for line in text.lines() {
        let width = textwrap::core::display_width(line);
        // A URL alone on its line, with the parentheses and punctuation that bind to it.
        let bare = line.trim().trim_start_matches('(');
        let lone_url = bare.starts_with("https://") && !bare.contains(' ');
        assert!(width <= 72 || lone_url, "{label}: {width} columns: {line}");
        assert_eq!(line.trim_end(), line, "{label}: trailing space");
        assert!(
            !line.starts_with("-- ") && line != "--",
            "{label}: signature marker"
        );
        assert!(
            !line.starts_with("==") && !line.starts_with("---"),
            "{label}: rule"
        );
        for markdown in ["**", "[^", "](", "<http"] {
            assert!(
                !line.contains(markdown),
                "{label}: Markdown {markdown} in {line}"
            );
        }
        let controls = line
            .chars()
            .filter(|c| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
            .count();
        if rtl {
            assert_eq!(
                line.matches('\u{2068}').count(),
                line.matches('\u{2069}').count(),
                "{label}: unbalanced isolate in {line:?}"
            );
        } else {
            assert_eq!(controls, 0, "{label}: bidi control in {line:?}");
        }
    }
}
