//! A copy of the small fixture in a folder of its own, for the targets that
//! go through the files on disk as `letterkit` does: the input is written
//! into it, then the project is loaded (or its lock read) from there.
//!
//! The folder is `<temp>/letterkit-fuzz/<target>-<process id>`; folders left
//! by processes that have ended are removed when a new one is made.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::FIXTURE;

/// A fixture copy, removed when dropped (libFuzzer exits without dropping:
/// the next process of the target removes it).
pub struct Scratch {
    /// The project folder.
    pub root: PathBuf,
}

impl Scratch {
    /// A fresh copy of the small fixture for `target`.
    pub fn new(target: &str) -> Scratch {
        let parent = std::env::temp_dir().join("letterkit-fuzz");
        fs::create_dir_all(&parent).expect("the temporary folder is writable");
        let prefix = format!("{target}-");
        for entry in fs::read_dir(&parent).expect("just made").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ended = name
                .strip_prefix(&prefix)
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists());
            if ended && Path::new("/proc/self").exists() {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
        let root = parent.join(format!("{target}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        copy(Path::new(FIXTURE), &root);
        Scratch { root }
    }

    /// Writes `bytes` as the project's file `relative`.
    pub fn write(&self, relative: &str, bytes: &[u8]) {
        fs::write(self.root.join(relative), bytes).expect("the scratch project is writable");
    }

    /// Removes the project's file `relative`, if it is there.
    pub fn remove(&self, relative: &str) {
        let _ = fs::remove_file(self.root.join(relative));
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("the scratch project is writable");
    for entry in fs::read_dir(from)
        .expect("the fixture is readable")
        .flatten()
    {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("the fixture is copied");
        }
    }
}
