//! A small HTML writer whose only ways in are escaping ones: element and
//! attribute names are `&'static str` (so they come from this crate's code, never
//! from input), text and attribute values are always escaped, and there is no raw
//! method. A newline after each block keeps the output readable in diffs.

use pulldown_cmark_escape::{escape_href, escape_html, escape_html_body_text};

/// Builds an HTML document as a string.
#[derive(Debug, Default)]
pub struct HtmlWriter {
    out: String,
}

impl HtmlWriter {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// `<!DOCTYPE html>` and a newline.
    pub fn doctype(&mut self) {
        self.out.push_str("<!DOCTYPE html>\n");
    }

    /// An opening tag. `href` values are escaped as URLs, every other value as
    /// attribute text.
    pub fn start(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            if *name == "href" {
                escape_href(&mut self.out, value).expect("writing to a String cannot fail");
            } else {
                escape_html(&mut self.out, value).expect("writing to a String cannot fail");
            }
            self.out.push('"');
        }
        self.out.push('>');
    }

    /// A void element (`<meta>`, `<br>`): an opening tag with no closing one.
    pub fn void(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.start(tag, attributes);
    }

    /// A closing tag.
    pub fn end(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) {
        escape_html_body_text(&mut self.out, text).expect("writing to a String cannot fail");
    }

    /// An element holding only escaped text.
    pub fn element(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) {
        self.start(tag, attributes);
        self.text(text);
        self.end(tag);
    }

    /// A `<style>` element holding a style sheet that is part of this crate.
    pub fn style(&mut self, css: &'static str) {
        self.out.push_str("<style>\n");
        self.out.push_str(css);
        self.out.push_str("</style>\n");
    }

    /// A line break in the source (not in the rendered page).
    pub fn newline(&mut self) {
        self.out.push('\n');
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Characters that matter to HTML, with anything else mixed in.
    fn hostile_text() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            '<', '>', '"', '\'', '&', '=', '/', '`', ';', '#', ' ', '\n', '\u{0}', '\u{202E}',
        ]);
        prop::collection::vec(prop_oneof![special, any::<char>()], 0..64)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn text_never_holds_a_tag_or_a_bare_ampersand(text in hostile_text()) {
            let mut w = HtmlWriter::new();
            w.text(&text);
            let out = w.finish();
            prop_assert!(!out.contains('<') && !out.contains('>'), "{out:?}");
            for (at, _) in out.match_indices('&') {
                let entity = &out[at..];
                prop_assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| entity.starts_with(e)),
                    "{out:?}"
                );
            }
        }

        #[test]
        fn attribute_values_never_leave_their_quotes(value in hostile_text()) {
            for name in ["title", "href"] {
                let mut w = HtmlWriter::new();
                w.start("a", &[(name, &value)]);
                let out = w.finish();
                let inner = &out[name.len() + 5..out.len() - 2];
                prop_assert_eq!(&out[..name.len() + 5], format!("<a {name}=\""));
                prop_assert!(out.ends_with("\">"));
                prop_assert!(!inner.contains(['"', '<', '>']), "{out:?}");
            }
        }
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut w = HtmlWriter::new();
        w.start("p", &[("title", "\"><script>")]);
        w.text("<b>&amp;</b>");
        w.end("p");
        w.start("a", &[("href", "https://e.org/?a=1&b=\"x\"")]);
        w.end("a");
        assert_eq!(
            w.finish(),
            "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;amp;&lt;/b&gt;</p>\
             <a href=\"https://e.org/?a=1&amp;b=%22x%22\"></a>"
        );
    }
}
