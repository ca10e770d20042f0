//! `locale sync` (the library's `sync::plan_sync`, which the command runs
//! before writing) on any Spanish locale of the small fixture: its
//! `notice.ftl`, its `common.ftl` and its `translated-from.toml`. Never a
//! panic; the record it writes reads back. Where the Spanish files parse
//! without syntax errors: every Fluent file sync writes parses without error
//! and keeps every message and term of the file it replaces, with the same
//! value and attributes (sync adds commented-out scaffolds, flags and moves,
//! never edits a translation), and a second sync of what it wrote changes
//! nothing.
//!
//! Input: `notice.ftl`, a line `%%%`, `common.ftl`, a line `%%%`, the
//! record; a part left out keeps the fixture's file (the fixture has no
//! record).
#![no_main]

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use fluent_syntax::ast;
use letterkit::ftl::FtlFile;
use letterkit::lock;
use letterkit::project::Project;
use letterkit::sync::{LocaleSync, plan_sync};
use libfuzzer_sys::fuzz_target;

mod common;
mod scratch;

const LOCK: &str = "locales/es/translated-from.toml";

/// The Spanish locale's files as the fixture has them.
type Files = std::collections::BTreeMap<String, Arc<FtlFile>>;

thread_local! {
    static PROJECT: RefCell<(scratch::Scratch, Project, Files)> = RefCell::new({
        let scratch = scratch::Scratch::new("sync");
        let project = Project::load(&scratch.root).expect("the small fixture loads");
        let files = project.locales[1].files.clone();
        (scratch, project, files)
    });
}

/// Every message and term of a file, as (id, value and attributes), sorted.
fn entries(file: &FtlFile) -> Vec<String> {
    let mut out: Vec<String> = file
        .resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                Some(format!("{}\0{:?}\0{:?}", m.id.name, m.value, m.attributes))
            }
            ast::Entry::Term(t) => {
                Some(format!("-{}\0{:?}\0{:?}", t.id.name, t.value, t.attributes))
            }
            _ => None,
        })
        .collect();
    out.sort();
    out
}

fn sync(project: &Project) -> Option<LocaleSync> {
    plan_sync(project, &["es".to_owned()]).ok()?.pop()
}

fuzz_target!(|data: &[u8]| {
    PROJECT.with_borrow_mut(|(scratch, project, fixture_files)| {
        let parts = common::parts(data, 3);
        // Each input starts from the fixture's files.
        project.locales[1].files = fixture_files.clone();
        if !common::install_texts(project, &parts[0], parts.get(1).map(String::as_str)) {
            return;
        }
        match parts.get(2) {
            Some(record) => scratch.write(LOCK, record.as_bytes()),
            None => scratch.remove(LOCK),
        }
        let Some(plan) = sync(project) else {
            return;
        };
        let es = &project.locales[1];
        let mut written = Vec::new();
        for change in &plan.changes {
            if change.path == Path::new(LOCK) {
                lock::parse(&change.path, &change.new).unwrap_or_else(|e| {
                    panic!(
                        "the record sync writes does not read back: {e}\n{}",
                        change.new
                    )
                });
                continue;
            }
            let name = change
                .path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("sync writes Fluent files by resource name")
                .to_owned();
            let new = FtlFile::parse(change.path.clone(), change.new.clone());
            // A file with syntax errors is edited as text too, but what its
            // junk swallows may change when a message beside it moves.
            if let Some(old) = es.file(&name).filter(|old| old.errors.is_empty()) {
                assert_eq!(
                    entries(old),
                    entries(&new),
                    "sync changed the messages of {}\n--- before\n{}\n--- after\n{}",
                    change.path.display(),
                    old.source(),
                    new.source()
                );
                assert!(
                    new.errors.is_empty(),
                    "sync made {} unreadable: {:?}\n--- before\n{}\n--- after\n{}",
                    change.path.display(),
                    new.errors,
                    old.source(),
                    new.source()
                );
            }
            written.push((name, new));
        }
        // What sync wrote from files without syntax errors, synced again:
        // nothing to change.
        if es.files.values().any(|f| !f.errors.is_empty()) {
            return;
        }
        for (name, file) in written {
            project.locales[1].files.insert(name, Arc::new(file));
        }
        for change in plan.changes.iter().filter(|c| c.path == Path::new(LOCK)) {
            scratch.write(LOCK, change.new.as_bytes());
        }
        if let Some(again) = sync(project) {
            assert!(
                again.changes.is_empty(),
                "a second sync changes {:?}",
                again.changes
            );
        }
    });
});
