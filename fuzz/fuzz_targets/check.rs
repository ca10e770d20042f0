//! Any Spanish translation of the small fixture through `check`: never a
//! panic, and every finding points into the file it names.
#![no_main]

use std::cell::RefCell;

use letterkit::check::check;
use libfuzzer_sys::fuzz_target;

mod common;

thread_local! {
    static PROJECT: RefCell<letterkit::project::Project> = RefCell::new(common::fixture());
}

fuzz_target!(|data: &[u8]| {
    PROJECT.with_borrow_mut(|project| {
        if !common::install(project, data) {
            return;
        }
        let report = check(project, &[], &[]).expect("the selection is the whole project");
        for finding in &report.findings {
            let es = project.locales.iter().find(|l| l.lang().tag() == "es");
            let file = es.and_then(|l| l.files.values().find(|f| f.path == finding.location.file));
            if let (Some(file), Some(span)) = (file, &finding.location.span) {
                assert!(
                    span.end <= file.source().len() && file.source().is_char_boundary(span.start),
                    "{finding:?} is outside its file"
                );
            }
        }
    });
});
