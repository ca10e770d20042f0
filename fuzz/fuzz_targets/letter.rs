//! Any letter of the small fixture: its `letter.toml` and its source text
//! (`locales/en/notice.ftl`, the messages its Markdown is written in),
//! loaded as `letterkit` loads a project, then localized into every locale
//! it is published in and rendered in every format. An error about either
//! file names a place inside it; a letter accepted is published in its
//! source locale, and every page of it is well-formed HTML with only the
//! markup the renderer writes, safe links and no control character, and its
//! plain text has no control character either.
//!
//! Input: `letter.toml`, then a line `%%%` and the English `notice.ftl`
//! (without such a line, the fixture's `notice.ftl`).
#![no_main]

use std::cell::RefCell;
use std::path::Path;

use letterkit::document::Chooser;
use letterkit::localize::localize;
use letterkit::project::Project;
use letterkit::render::{self, Format, html};
use libfuzzer_sys::fuzz_target;

mod common;
mod pages;
mod scratch;

const LETTER: &str = "content/notice/letter.toml";
const SOURCE: &str = "locales/en/notice.ftl";

thread_local! {
    static SCRATCH: RefCell<(scratch::Scratch, Vec<u8>)> = RefCell::new({
        let scratch = scratch::Scratch::new("letter");
        let source = std::fs::read(scratch.root.join(SOURCE)).expect("the fixture has it");
        (scratch, source)
    });
}

fuzz_target!(|data: &[u8]| {
    SCRATCH.with_borrow(|(scratch, fixture_source)| {
        let (letter, source) = match data
            .windows(common::SEPARATOR.len())
            .position(|w| w == common::SEPARATOR.as_bytes())
        {
            Some(at) => (&data[..at], &data[at + common::SEPARATOR.len()..]),
            None => (data, &fixture_source[..]),
        };
        scratch.write(LETTER, letter);
        scratch.write(SOURCE, source);
        let project = match Project::load(&scratch.root) {
            Ok(project) => project,
            Err(error) => {
                if let Some(location) = common::error_location(&error) {
                    if location.file.as_ref() == Path::new(LETTER) {
                        common::assert_inside(location, letter);
                    } else if location.file.as_ref() == Path::new(SOURCE) {
                        common::assert_inside(location, source);
                    }
                }
                return;
            }
        };
        let letter = &project.letters[0];
        let langs: Vec<_> = project.locales.iter().map(|l| l.lang().clone()).collect();
        let published = letter.langs_in(&langs);
        assert!(
            published.contains(&project.config.source),
            "the letter is not published in its source locale"
        );
        let mut documents = Vec::new();
        for lang in &published {
            let Ok(localized) = localize(&project, letter, lang, &published) else {
                continue;
            };
            let document = localized.document;
            let label = format!("{lang}");
            pages::assert_page(&label, &render::render(&document, Format::Html));
            // Both locales are left to right: the text needs no bidi controls.
            pages::assert_no_controls(&label, &render::render(&document, Format::Text));
            render::render(&document, Format::Email);
            render::render(&document, Format::Markdown { front_matter: true });
            documents.push(document);
        }
        if let Some(first) = documents.first() {
            pages::assert_page("chooser", &html::chooser(&Chooser::new(first, &documents)));
        }
    });
});
