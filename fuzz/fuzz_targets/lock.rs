//! Any `locales/es/translated-from.toml` (the record of what each
//! translation was made from) for the small fixture: a record read is
//! written back as text that reads as the same record, and that text is
//! written again unchanged; a record refused names its file; the stale
//! translations found against it name messages it records; and the record
//! `locale sync` would write in its place reads back.
#![no_main]

use std::cell::RefCell;
use std::path::Path;

use letterkit::lock;
use letterkit::project::Project;
use letterkit::sync::plan_sync;
use libfuzzer_sys::fuzz_target;

mod common;
mod scratch;

const LOCK: &str = "locales/es/translated-from.toml";

thread_local! {
    static PROJECT: RefCell<(scratch::Scratch, Project)> = RefCell::new({
        let scratch = scratch::Scratch::new("lock");
        let project = Project::load(&scratch.root).expect("the small fixture loads");
        (scratch, project)
    });
}

fuzz_target!(|data: &[u8]| {
    PROJECT.with_borrow(|(scratch, project)| {
        let path = Path::new(LOCK);
        let record = std::str::from_utf8(data)
            .ok()
            .map(|text| lock::parse(path, text));
        match &record {
            Some(Ok(record)) => {
                let written = lock::text(record);
                let again = lock::parse(path, &written).unwrap_or_else(|e| {
                    panic!("the record written does not read back: {e}\n{written}")
                });
                assert_eq!(
                    &again, record,
                    "the record written reads back otherwise\n{written}"
                );
                assert_eq!(
                    lock::text(&again),
                    written,
                    "the record is written otherwise twice"
                );
            }
            Some(Err(error)) => {
                assert_eq!(error.path, path);
                assert!(!error.message.is_empty(), "an error without a message");
            }
            None => {}
        }

        scratch.write(LOCK, data);
        let es = &project.locales[1];
        let stale = lock::stale_translations(project, es);
        match (&record, &stale) {
            (Some(Ok(record)), Ok(stale)) => {
                for s in stale {
                    assert!(
                        record
                            .get(&s.resource)
                            .is_some_and(|r| r.contains_key(&s.id)),
                        "{s:?} is stale against nothing recorded"
                    );
                }
            }
            (Some(Err(_)), Ok(_)) => panic!("a record refused by parse is read"),
            (Some(Ok(_)), Err(e)) => panic!("a record read by parse is refused: {e}"),
            _ => {}
        }
        if let Ok(plans) = plan_sync(project, &["es".to_owned()]) {
            for change in plans.iter().flat_map(|p| &p.changes) {
                if change.path == path {
                    lock::parse(path, &change.new).unwrap_or_else(|e| {
                        panic!(
                            "the record sync writes does not read back: {e}\n{}",
                            change.new
                        )
                    });
                }
            }
        }
        scratch.remove(LOCK);
    });
});
