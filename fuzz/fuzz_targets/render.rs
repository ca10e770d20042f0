//! Any Spanish translation of the small fixture, through Fluent and Markdown
//! to the document, then to HTML and plain text: never a panic; the HTML is
//! well-formed, holds only elements and attributes letterkit writes and only
//! safe links; neither output carries a control character from the input.
#![no_main]

use std::cell::RefCell;

use letterkit::document::Chooser;
use letterkit::lang::Lang;
use letterkit::localize::localize;
use letterkit::render::{html, text};
use libfuzzer_sys::fuzz_target;

mod common;
mod pages;

thread_local! {
    static PROJECT: RefCell<letterkit::project::Project> = RefCell::new(common::fixture());
}

fuzz_target!(|data: &[u8]| {
    PROJECT.with_borrow_mut(|project| {
        if !common::install(project, data) {
            return;
        }
        let letter = &project.letters[0];
        let langs = [Lang::parse("en").unwrap(), Lang::parse("es").unwrap()];
        let Ok(en) = localize(project, letter, &langs[0], &langs) else {
            return;
        };
        let Ok(es) = localize(project, letter, &langs[1], &langs) else {
            return;
        };
        pages::assert_page("page", &html::page(&es.document));
        let documents = [en.document, es.document];
        pages::assert_page(
            "chooser",
            &html::chooser(&Chooser::new(&documents[0], &documents)),
        );
        // Spanish is left to right: its plain text needs no bidi controls.
        pages::assert_no_controls("text", &text::letter(&documents[1]));
    });
});
