//! The documentation is true: every `letterkit` command in the `sh` blocks of
//! the getting-started guide and the CI guide runs, in order, against the built
//! binary, and exits as the page says (0 unless its comment says `exits N`);
//! the content model names every field the schemas know.

use std::fs;
use std::path::{Path, PathBuf};

use letterkit::ids::{ADDED_PAGE_MESSAGES, CHROME_MESSAGES};

use crate::support::{letterkit_in, shipped};

/// Programs the guides show that the test does not run: installing letterkit
/// and using git are outside what it can check here (`.ci/run` installs the
/// wheel with pip and runs it).
const NOT_RUN: [&str; 5] = ["cargo", "git", "pip", "pipx", "uvx"];

/// The commands of every ```sh block of a Markdown file, without comments, each
/// with the exit code its comment announces.
fn sh_commands(markdown: &str) -> Vec<(String, i32)> {
    let mut commands = Vec::new();
    let mut in_sh = false;
    for line in markdown.lines() {
        let fence = line.trim_start();
        if fence.starts_with("```") {
            in_sh = !in_sh && fence == "```sh";
            continue;
        }
        if !in_sh || line.trim().is_empty() {
            continue;
        }
        let (command, comment) = match line.find(" #") {
            Some(at) => (&line[..at], &line[at + 2..]),
            None => (line, ""),
        };
        let expected = comment
            .split_once("exits ")
            .and_then(|(_, code)| code.split_whitespace().next())
            .map_or(0, |code| code.parse().expect("an exit code"));
        commands.push((command.trim().to_owned(), expected));
    }
    commands
}

/// Runs the guide's commands in `start`, following `cd`, with `~` a folder of
/// its own; returns how many letterkit commands ran.
fn run_guide(guide: &str, start: &Path) -> usize {
    let markdown = fs::read_to_string(shipped().join("docs").join(guide)).unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut cwd: PathBuf = start.to_owned();
    let mut ran = 0;
    for (command, expected) in sh_commands(&markdown) {
        let (command, redirect) = match command.split_once(" > ") {
            Some((command, target)) => (command, Some(target.trim())),
            None => (command.as_str(), None),
        };
        let words: Vec<&str> = command.split_whitespace().collect();
        match words[0] {
            "cd" => {
                cwd = cwd.join(words[1]);
                continue;
            }
            "letterkit" => {}
            program if NOT_RUN.contains(&program) => continue,
            program => panic!("{guide}: `{program}` is not a command the guide test can run"),
        }
        let run = letterkit_in(&cwd, &words[1..]);
        assert_eq!(
            run.code,
            expected,
            "{guide}: `{command}` in {}:\n{}",
            cwd.display(),
            run.transcript()
        );
        if let Some(target) = redirect {
            let path = match target.strip_prefix("~/") {
                Some(rest) => home.path().join(rest),
                None => cwd.join(target),
            };
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &run.stdout).unwrap();
        }
        ran += 1;
    }
    ran
}

#[test]
fn every_command_of_the_getting_started_guide_works() {
    let dir = tempfile::tempdir().unwrap();
    let ran = run_guide("getting-started.md", dir.path());
    assert!(ran >= 15, "only {ran} commands ran");
    let project = dir.path().join("my-letters");
    assert!(project.join("dist/open-letter/fr/index.html").is_file());
    assert!(project.join("locales/es/open-letter.ftl").is_file());
}

#[test]
fn every_command_of_the_ci_guide_works_in_a_new_project() {
    let dir = tempfile::tempdir().unwrap();
    let init = letterkit_in(dir.path(), &["init", "org", "--quiet"]);
    assert_eq!(init.code, 0, "{}", init.transcript());
    let ran = run_guide("ci.md", &dir.path().join("org"));
    assert!(ran >= 3, "only {ran} commands ran");
}

#[test]
fn the_sh_blocks_are_read_with_their_exit_codes() {
    let markdown = "```sh\nletterkit check   # exits 1 when\n\nletterkit build\n```\n```text\nletterkit x\n```\n";
    assert_eq!(
        sh_commands(markdown),
        [
            ("letterkit check".to_owned(), 1),
            ("letterkit build".to_owned(), 0)
        ]
    );
}

#[test]
fn the_content_model_names_every_field_and_page_message() {
    let model = fs::read_to_string(shipped().join("docs/content-model.md")).unwrap();
    let mut names: Vec<String> = CHROME_MESSAGES
        .iter()
        .chain(ADDED_PAGE_MESSAGES)
        .map(|m| (*m).to_owned())
        .collect();
    for file in ["letterkit.schema.json", "letter.schema.json"] {
        let schema: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(shipped().join("schemas").join(file)).unwrap(),
        )
        .unwrap();
        collect_properties(&schema, &mut names);
    }
    assert!(names.len() > 30, "{names:?}");
    for name in names {
        assert!(
            model.contains(&format!("`{name}`")),
            "docs/content-model.md does not describe `{name}`"
        );
    }
}

fn collect_properties(schema: &serde_json::Value, names: &mut Vec<String>) {
    match schema {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(properties)) = map.get("properties") {
                names.extend(properties.keys().cloned());
            }
            map.values().for_each(|v| collect_properties(v, names));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_properties(v, names)),
        _ => {}
    }
}
