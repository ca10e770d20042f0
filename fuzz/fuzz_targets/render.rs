//! Any Spanish translation of the small fixture, through Fluent and Markdown
//! to the document, then to HTML and plain text: never a panic; the HTML is
//! well-formed, holds only elements and attributes letterkit writes and only
//! safe links; neither output carries a control character from the input.
#![no_main]

use std::cell::RefCell;

use letterkit::lang::Lang;
use letterkit::document::Chooser;
use letterkit::localize::localize;
use letterkit::render::{html, text};
use libfuzzer_sys::fuzz_target;

mod common;
#[path = "../../tests/it/html.rs"]
#[allow(dead_code)]
mod html_tokens;

/// Every element the HTML renderer writes.
const ELEMENTS: &[&str] = &[
    "!doctype", "a", "bdi", "body", "br", "div", "em", "footer", "h1", "h2", "head", "header",
    "html", "li", "link", "main", "meta", "nav", "ol", "p", "section", "span", "strong", "style",
    "sup", "time", "title", "ul",
];

/// Every attribute the HTML renderer writes.
const ATTRIBUTES: &[&str] = &[
    "aria-current", "aria-hidden", "aria-labelledby", "charset", "class", "content", "datetime",
    "dir", "href", "hreflang", "id", "lang", "name", "rel",
];

thread_local! {
    static PROJECT: RefCell<letterkit::project::Project> = RefCell::new(common::fixture());
}

fn assert_page(label: &str, page: &str) {
    if let Some(problem) = html_tokens::malformed(page) {
        panic!("{label}: malformed HTML: {problem}\n{page}");
    }
    for item in html_tokens::markup(page) {
        let known = match item.trim_start_matches('/').split_once('[') {
            Some((_, attribute)) => ATTRIBUTES.contains(&attribute.trim_end_matches(']')),
            None => ELEMENTS.contains(&item.trim_start_matches('/')),
        };
        assert!(known, "{label}: unexpected markup {item}\n{page}");
    }
    for href in html_tokens::attribute_values(page, "href") {
        assert!(html_tokens::is_safe_href(&href), "{label}: unsafe href {href:?}");
    }
    assert_no_controls(label, page);
}

fn assert_no_controls(label: &str, out: &str) {
    let bad = out.chars().find(|c| {
        (c.is_control() && *c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    });
    assert!(bad.is_none(), "{label}: control {bad:?} in output");
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
        assert_page("page", &html::page(&es.document));
        let documents = [en.document, es.document];
        assert_page("chooser", &html::chooser(&Chooser::new(&documents[0], &documents)));
        // Spanish is left to right: its plain text needs no bidi controls.
        assert_no_controls("text", &text::letter(&documents[1]));
    });
});
