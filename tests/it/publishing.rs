//! Interrupted builds: killed at any moment, out of space, on a read-only
//! disk, the previous output stays exactly as it was, and the next build
//! cleans up after the one that died.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::support::{copy_project, edit, fixture, letterkit, read_tree};

/// The small fixture with `count` copies of its letter (`notice-0`, ...), a
/// project whose build takes a while.
fn many_letters(count: usize) -> tempfile::TempDir {
    let project = copy_project(&fixture("small"));
    let root = project.path();
    for n in 0..count {
        let name = format!("notice-{n}");
        fs::create_dir(root.join("content").join(&name)).unwrap();
        fs::copy(
            root.join("content/notice/letter.toml"),
            root.join("content").join(&name).join("letter.toml"),
        )
        .unwrap();
        for locale in ["en", "es"] {
            let folder = root.join("locales").join(locale);
            fs::copy(
                folder.join("notice.ftl"),
                folder.join(format!("{name}.ftl")),
            )
            .unwrap();
        }
    }
    project
}

/// The folders a build leaves beside `dist` while it runs.
fn staging_folders(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".letterkit-"))
        .collect()
}

fn build_into(project: &Path, dist: &Path) -> crate::support::Run {
    letterkit(project, &["build", "--out", dist.to_str().unwrap()])
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_previous_output() {
    let project = many_letters(40);
    let root = project.path();
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    assert_eq!(build_into(root, &dist).code, 0);
    let previous = read_tree(&dist);

    // The next build changes every Spanish page, so that a mix would show.
    let es = root.join("locales/es");
    for entry in fs::read_dir(&es).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n != "common.ftl") {
            edit(&path, "Atentamente,", "Cordialmente,");
        }
    }
    let started = Instant::now();
    let next_build = tempfile::tempdir().unwrap();
    assert_eq!(build_into(root, &next_build.path().join("dist")).code, 0);
    let next = read_tree(&next_build.path().join("dist"));
    let took = started.elapsed();

    // Kill moments sweep a build's time: coarsely while it reads and
    // renders, finely around the end, where it writes and swaps.
    let mut interrupted = 0;
    for step in 0..24u32 {
        let fraction = if step < 4 {
            step * 20
        } else {
            70 + (step - 4) * 3
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_letterkit"))
            .arg("--project")
            .arg(root)
            .args(["build", "--out"])
            .arg(&dist)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(took * fraction / 100);
        child.kill().unwrap();
        child.wait().unwrap();

        let now = if dist.exists() {
            read_tree(&dist)
        } else {
            // Killed between moving the old output aside and moving the new
            // one in: the old one waits beside it, whole, for the next build.
            let aside: Vec<PathBuf> = staging_folders(out.path())
                .iter()
                .filter(|name| name.starts_with(".dist.letterkit-old-"))
                .map(|name| out.path().join(name))
                .collect();
            assert_eq!(aside.len(), 1, "step {step}: no output and {aside:?}");
            read_tree(&aside[0])
        };
        if now == next {
            // The build finished before the kill: start again from the old output.
            restore(&dist, &previous);
        } else {
            interrupted += 1;
            assert!(
                now == previous,
                "step {step}: the output is neither the old nor the new"
            );
        }
    }
    assert!(interrupted > 0, "no kill landed before the build ended");

    // The next build cleans up whatever the killed ones left, and gives the
    // same bytes as an uninterrupted one.
    assert_eq!(build_into(root, &dist).code, 0);
    assert_eq!(read_tree(&dist), next);
    assert_eq!(staging_folders(out.path()), Vec::<String>::new());
}

/// Puts `files` back as the output folder.
fn restore(dist: &Path, files: &[(PathBuf, Vec<u8>)]) {
    fs::remove_dir_all(dist).unwrap();
    for (path, bytes) in files {
        let path = dist.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

#[test]
fn folders_left_by_a_killed_build_are_cleaned_up_or_restored() {
    let project = copy_project(&fixture("small"));
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    assert_eq!(build_into(project.path(), &dist).code, 0);
    let previous = read_tree(&dist);

    // A build killed between its renames: the output moved aside, a
    // half-written one beside it, and the process (no such pid) gone.
    let gone = 4_000_000_000u32;
    let aside = out.path().join(format!(".dist.letterkit-old-{gone}"));
    fs::rename(&dist, &aside).unwrap();
    let half = out.path().join(format!(".dist.letterkit-new-{gone}"));
    fs::create_dir_all(half.join("notice/es")).unwrap();
    fs::write(half.join("notice/es/index.html"), "<p>half").unwrap();

    // Even a build that fails restores the output the killed one moved aside.
    let failed = letterkit(
        project.path(),
        &["build", "--out", dist.to_str().unwrap(), "--locale", "pt"],
    );
    assert_eq!(failed.code, 2, "{}", failed.transcript());
    assert_eq!(read_tree(&dist), previous);
    assert_eq!(staging_folders(out.path()), Vec::<String>::new());

    // A folder of a build still running (this test's own process) is left alone.
    let running = out
        .path()
        .join(format!(".dist.letterkit-new-{}", std::process::id()));
    fs::create_dir(&running).unwrap();
    assert_eq!(build_into(project.path(), &dist).code, 0);
    assert!(running.is_dir());
}

/// A tmpfs mounted for the test's life, unmounted when dropped.
struct Mount(tempfile::TempDir);

impl Mount {
    /// A tmpfs of `size`, or `None` where mounting is not allowed (not root,
    /// no capability, not Linux).
    fn tmpfs(size: &str) -> Option<Mount> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(Mount(dir))
    }

    fn remount(&self, options: &str) -> bool {
        Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(self.0.path())
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

#[test]
fn a_full_or_read_only_disk_leaves_the_previous_output() {
    let Some(disk) = Mount::tmpfs("256k") else {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    };
    let dist = disk.0.path().join("dist");
    let small = copy_project(&fixture("small"));
    assert_eq!(build_into(small.path(), &dist).code, 0);
    let previous = read_tree(&dist);

    // Forty letters do not fit in what is left.
    let big = many_letters(40);
    fails_keeping(big.path(), &dist, "No space left on device", &previous);

    // A read-only disk refuses the first folder.
    assert!(disk.remount("ro"));
    edit(
        &small.path().join("locales/es/notice.ftl"),
        "Atentamente,",
        "Cordialmente,",
    );
    fails_keeping(small.path(), &dist, "Read-only file system", &previous);
    assert!(disk.remount("rw"));
}

/// Builds `project` into `dist`, which must fail with `reason`, leaving
/// `previous` in `dist` and nothing beside it.
fn fails_keeping(project: &Path, dist: &Path, reason: &str, previous: &[(PathBuf, Vec<u8>)]) {
    let run = build_into(project, dist);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains(reason), "{}", run.stderr);
    assert_eq!(read_tree(dist), previous);
    assert_eq!(
        staging_folders(dist.parent().unwrap()),
        Vec::<String>::new()
    );
}

#[test]
fn builds_of_many_letters_are_byte_identical() {
    let project = many_letters(8);
    let out = tempfile::tempdir().unwrap();
    let (first, second) = (out.path().join("a"), out.path().join("b"));
    assert_eq!(build_into(project.path(), &first).code, 0);
    assert_eq!(build_into(project.path(), &second).code, 0);
    assert_eq!(read_tree(&first), read_tree(&second));
}
