//! What every page letterkit renders must be, whatever the translation or the
//! letter's data: well-formed HTML (checked with the tokenizer of
//! `tests/it/html.rs`) holding only the elements and attributes the renderer
//! writes, only safe links, and no control or bidi character.

#![allow(dead_code)]

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
    "aria-current",
    "aria-hidden",
    "aria-labelledby",
    "charset",
    "class",
    "content",
    "datetime",
    "dir",
    "href",
    "hreflang",
    "id",
    "lang",
    "name",
    "property",
    "rel",
];

/// Panics unless `page` is well-formed, holds only known markup and safe
/// links, and carries no control or bidi character.
pub fn assert_page(label: &str, page: &str) {
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
        assert!(
            html_tokens::is_safe_href(&href),
            "{label}: unsafe href {href:?}"
        );
    }
    assert_no_controls(label, page);
}

/// Panics if `out` carries a control character other than a line feed, or a
/// bidi embedding, override or isolate.
pub fn assert_no_controls(label: &str, out: &str) {
    let bad = out.chars().find(|c| {
        (c.is_control() && *c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    });
    assert!(bad.is_none(), "{label}: control {bad:?} in output");
}
