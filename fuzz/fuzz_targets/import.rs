//! Any file given to `letterkit import` for the Spanish locale of the small
//! fixture, XLIFF or PO (told apart as import tells a file without a known
//! extension: by its first character): an error names a place inside the
//! file; a plan without errors changes only the messages it reports written,
//! each to a message with a value, and keeps every other message as it was;
//! and the locale as imported, exported again in the same format and
//! imported again, changes nothing (export -> import round-trips).
#![no_main]

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use letterkit::ftl::FtlFile;
use letterkit::interop::{Format, ImportPlan, InteropError, Outcome, export, plan_import_text};
use letterkit::project::{LocaleFiles, Project};
use libfuzzer_sys::fuzz_target;

mod common;

/// The file's name: no extension, so that its text says its format.
const FILE: &str = "translations";

thread_local! {
    static PROJECT: RefCell<Project> = RefCell::new(common::fixture());
}

/// The project with the Spanish files the plan writes.
fn imported(project: &Project, plan: &ImportPlan) -> Project {
    let locales = project
        .locales
        .iter()
        .map(|locale| {
            let mut files = locale.files.clone();
            for change in &plan.changes {
                let Some(name) = change
                    .path
                    .strip_prefix(&locale.folder)
                    .ok()
                    .and_then(|p| p.to_str())
                    .and_then(|p| p.strip_suffix(".ftl"))
                else {
                    continue;
                };
                let file = FtlFile::parse(change.path.clone(), change.new.clone());
                files.insert(name.to_owned(), Arc::new(file));
            }
            LocaleFiles {
                settings: locale.settings.clone(),
                folder: locale.folder.clone(),
                files,
                refused: locale.refused.clone(),
            }
        })
        .collect();
    Project {
        root: project.root.clone(),
        config: project.config.clone(),
        letters: project.letters.clone(),
        locales,
        deferred: false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    PROJECT.with_borrow(|project| {
        let path = Path::new(FILE);
        let plan = match plan_import_text(project, path, text) {
            Ok(plan) => plan,
            Err(InteropError::Malformed { location, .. }) => {
                assert_eq!(location.file.as_ref(), path);
                common::assert_inside(&location, data);
                return;
            }
            Err(_) => return,
        };
        for error in &plan.errors {
            assert_eq!(error.location.file.as_ref(), path);
            common::assert_inside(&error.location, data);
        }
        if !plan.errors.is_empty() {
            return;
        }
        let after = imported(project, &plan);
        let written: BTreeSet<(&str, &str)> = plan
            .units
            .iter()
            .filter(|u| matches!(u.outcome, Outcome::Written | Outcome::Cleared))
            .map(|u| (u.resource.as_str(), u.id.as_str()))
            .collect();
        let (before, now) = (&project.locales[1], &after.locales[1]);
        for (name, file) in &before.files {
            let new = now.file(name).expect("import removes no file");
            for message in file.message_defs() {
                let id = message.id.name;
                let Some(changed) = new.message(id) else {
                    panic!("import removed {name} {id}\n{}", new.source());
                };
                if written.contains(&(name.as_str(), id)) {
                    assert!(changed.value.is_some() || !changed.attributes.is_empty());
                } else {
                    assert!(
                        changed.value == message.value && changed.attributes == message.attributes,
                        "import changed {name} {id}, which it did not report written\n{}",
                        new.source()
                    );
                }
            }
        }
        for (resource, id) in &written {
            let file = now
                .file(resource)
                .expect("written into a file of the locale");
            assert!(
                file.message(id).is_some(),
                "{resource} {id} reported written, not there"
            );
        }

        let format = if text
            .trim_start_matches('\u{FEFF}')
            .trim_start()
            .starts_with('<')
        {
            Format::Xliff
        } else {
            Format::Po
        };
        let exported = export(&after, format, "es", &[]).expect("the locale exports");
        let again = plan_import_text(&after, path, &exported)
            .unwrap_or_else(|e| panic!("the export does not import: {e}\n{exported}"));
        assert!(
            again.errors.is_empty() && again.changes.is_empty(),
            "the export imports with {:?} and changes {:?}\n{exported}",
            again.errors,
            again.changes
        );
    });
});
