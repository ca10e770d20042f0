//! How a browser tokenizes letterkit's HTML: the HTML Standard's tokenizer
//! states for data, tags, attributes, comments and raw text, enough to tell
//! what a page's markup is (elements, attributes, their values) and whether its
//! tags balance. Written without dependencies, so that the fuzz targets
//! (`fuzz/`) include this same file.
//!
//! A `<` starts a tag only when a letter, `/`, `!` or `?` follows it, as in a
//! browser; everything else is text. After `<style>`, `<title>`, `<script>`,
//! `<textarea>` and the like, everything up to the matching end tag is text.

use std::collections::BTreeSet;

/// One token of an HTML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// `<!DOCTYPE ...>`, with what follows `<!`.
    Doctype(String),
    /// A start tag: lowercase name, attributes (lowercase names, values with
    /// character references undecoded), and whether every value was double-quoted.
    Start {
        name: String,
        attributes: Vec<(String, String)>,
        quoted: bool,
    },
    /// An end tag's lowercase name.
    End(String),
    /// A comment, a bogus comment (`<?...>`, `<!x>`) or CDATA.
    Comment(String),
    /// Text between tags.
    Text(String),
}

/// Elements that have no end tag.
pub const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "keygen",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: [&str; 9] = [
    "style", "script", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Splits `html` into tokens as a browser's tokenizer would.
pub fn tokenize(html: &str) -> Vec<Token> {
    let bytes = html.as_bytes();
    let mut tokens = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    let flush = |tokens: &mut Vec<Token>, from: usize, to: usize| {
        if to > from {
            tokens.push(Token::Text(html[from..to].to_owned()));
        }
    };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied();
        let after_slash = bytes.get(i + 2).copied();
        match next {
            Some(b'!') if html[i..].starts_with("<!--") => {
                flush(&mut tokens, text_start, i);
                let body_start = i + 4;
                let end = html[body_start..]
                    .find("-->")
                    .map_or(html.len(), |e| body_start + e);
                tokens.push(Token::Comment(html[body_start..end].to_owned()));
                i = (end + 3).min(html.len());
                text_start = i;
            }
            Some(b'!') => {
                flush(&mut tokens, text_start, i);
                let end = html[i..].find('>').map_or(html.len(), |e| i + e);
                let body = &html[i + 2..end];
                if body.to_ascii_lowercase().starts_with("doctype") {
                    tokens.push(Token::Doctype(body.to_owned()));
                } else {
                    tokens.push(Token::Comment(body.to_owned()));
                }
                i = (end + 1).min(html.len());
                text_start = i;
            }
            Some(b'?') => {
                flush(&mut tokens, text_start, i);
                let end = html[i..].find('>').map_or(html.len(), |e| i + e);
                tokens.push(Token::Comment(html[i + 1..end].to_owned()));
                i = (end + 1).min(html.len());
                text_start = i;
            }
            Some(b'/') if after_slash.is_some_and(|b| b.is_ascii_alphabetic()) => {
                flush(&mut tokens, text_start, i);
                let (name, _, _, end) = tag(html, i + 2);
                tokens.push(Token::End(name));
                i = end;
                text_start = i;
            }
            Some(b) if b.is_ascii_alphabetic() => {
                flush(&mut tokens, text_start, i);
                let (name, attributes, quoted, end) = tag(html, i + 1);
                i = end;
                text_start = i;
                let raw = RAW_TEXT.contains(&name.as_str());
                tokens.push(Token::Start {
                    name: name.clone(),
                    attributes,
                    quoted,
                });
                if raw {
                    // Text up to `</name` followed by a tag-ending character.
                    let lower = html[i..].to_ascii_lowercase();
                    let closing = format!("</{name}");
                    let mut search = 0;
                    let end = loop {
                        match lower[search..].find(&closing) {
                            Some(at) => {
                                let after = search + at + closing.len();
                                let ends = lower.as_bytes().get(after).is_none_or(|b| {
                                    b.is_ascii_whitespace() || *b == b'/' || *b == b'>'
                                });
                                if ends {
                                    break i + search + at;
                                }
                                search = after;
                            }
                            None => break html.len(),
                        }
                    };
                    flush(&mut tokens, i, end);
                    i = end;
                    text_start = i;
                }
            }
            _ => i += 1,
        }
    }
    flush(&mut tokens, text_start, html.len());
    tokens
}

/// Reads a tag's name and attributes from `start` (just after `<` or `</`):
/// the name, the attributes, whether every value was double-quoted, and the
/// offset after the closing `>`.
fn tag(html: &str, start: usize) -> (String, Vec<(String, String)>, bool, usize) {
    let bytes = html.as_bytes();
    let is_space = |b: u8| matches!(b, b'\t' | b'\n' | b'\x0C' | b' ' | b'\r');
    let mut i = start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = html[start..i].to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut quoted = true;
    loop {
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (name, attributes, quoted, i);
        }
        if bytes[i] == b'>' {
            return (name, attributes, quoted, i + 1);
        }
        let name_start = i;
        i += 1; // The first character may be `=`.
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attribute = html[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    quoted &= q == b'"';
                    let end = html[i + 1..]
                        .find(q as char)
                        .map_or(html.len(), |e| i + 1 + e);
                    value = html[i + 1..end].to_owned();
                    i = (end + 1).min(html.len());
                }
                _ => {
                    quoted = false;
                    let value_start = i;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = html[value_start..i].to_owned();
                }
            }
        } else {
            quoted = false;
        }
        attributes.push((attribute, value));
    }
}

/// Why `html` is not as letterkit writes pages: one `<!DOCTYPE html>` first,
/// no comments, every attribute double-quoted and given once, and every
/// element but a void one closed in order. `None` when it is.
pub fn malformed(html: &str) -> Option<String> {
    let mut stack: Vec<String> = Vec::new();
    for (index, token) in tokenize(html).into_iter().enumerate() {
        match token {
            Token::Doctype(body) if index == 0 && body == "DOCTYPE html" => {}
            Token::Doctype(body) => return Some(format!("unexpected doctype `{body}`")),
            Token::Comment(body) => return Some(format!("comment or CDATA `{body}`")),
            Token::Start {
                name,
                attributes,
                quoted,
            } => {
                if !quoted {
                    return Some(format!("<{name}> has an attribute not double-quoted"));
                }
                let names: BTreeSet<&str> = attributes.iter().map(|(n, _)| n.as_str()).collect();
                if names.len() != attributes.len() {
                    return Some(format!("<{name}> repeats an attribute"));
                }
                if !VOID.contains(&name.as_str()) {
                    stack.push(name);
                }
            }
            Token::End(name) => match stack.pop() {
                Some(open) if open == name => {}
                Some(open) => return Some(format!("</{name}> closes <{open}>")),
                None => return Some(format!("</{name}> closes nothing")),
            },
            Token::Text(_) => {}
        }
    }
    stack.pop().map(|open| format!("<{open}> is never closed"))
}

/// The page's markup: every element name, and every element name with each
/// of its attribute names (`a[href]`).
pub fn markup(html: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for token in tokenize(html) {
        match token {
            Token::Start {
                name, attributes, ..
            } => {
                for (attribute, _) in &attributes {
                    set.insert(format!("{name}[{attribute}]"));
                }
                set.insert(name);
            }
            Token::End(name) => {
                set.insert(format!("/{name}"));
            }
            Token::Doctype(_) => {
                set.insert("!doctype".into());
            }
            Token::Comment(_) => {
                set.insert("!--".into());
            }
            Token::Text(_) => {}
        }
    }
    set
}

/// Every value of an attribute named `attribute`, with `&amp;` and the other
/// references the writer produces decoded, as a browser reads it.
pub fn attribute_values(html: &str, attribute: &str) -> Vec<String> {
    tokenize(html)
        .into_iter()
        .filter_map(|token| match token {
            Token::Start { attributes, .. } => Some(attributes),
            _ => None,
        })
        .flatten()
        .filter(|(name, _)| name == attribute)
        .map(|(_, value)| decode(&value))
        .collect()
}

/// Decodes the character references HTML escaping produces, and numeric ones.
pub fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|e| *e <= 10);
        let Some(end) = end else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a link target is one letterkit writes: an https, http or mailto
/// address, a fragment, or a relative path with no scheme.
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    if ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        return true;
    }
    let scheme_end = href.find([':', '/', '?', '#']);
    let relative = !matches!(scheme_end.map(|at| &href[at..at + 1]), Some(":"));
    relative
        && !href.is_empty()
        && !href
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_less_than_sign_starts_a_tag_only_before_a_letter() {
        let tokens = tokenize("a < b <b x=1 y='2' z>c</B>&lt;i&gt;");
        assert_eq!(
            tokens,
            vec![
                Token::Text("a < b ".into()),
                Token::Start {
                    name: "b".into(),
                    attributes: vec![
                        ("x".into(), "1".into()),
                        ("y".into(), "2".into()),
                        ("z".into(), String::new())
                    ],
                    quoted: false,
                },
                Token::Text("c".into()),
                Token::End("b".into()),
                Token::Text("&lt;i&gt;".into()),
            ]
        );
    }

    #[test]
    fn raw_text_ends_only_at_its_end_tag() {
        let tokens = tokenize("<title>x<b></titlex></title><p>");
        assert_eq!(tokens[1], Token::Text("x<b></titlex>".into()));
        assert_eq!(tokens[2], Token::End("title".into()));
    }

    #[test]
    fn malformed_pages_are_told_apart() {
        assert_eq!(malformed("<!DOCTYPE html>\n<p a=\"1\">x<br></p>"), None);
        for bad in [
            "<p>x",
            "<p></b>",
            "<p a=1></p>",
            "<p a=\"1\" a=\"2\"></p>",
            "<!-- x --><p></p>",
            "<![CDATA[x]]>",
        ] {
            assert!(malformed(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn hrefs_are_judged_by_their_scheme() {
        for safe in [
            "https://e.org",
            "HTTP://e.org",
            "mailto:a@e.org",
            "#x",
            "../es/index.html",
            "es/index.html",
        ] {
            assert!(is_safe_href(safe), "{safe}");
        }
        for bad in [
            "javascript:x",
            "data:x",
            "java\tscript:x",
            " javascript:x",
            "",
            "vbscript:x",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
        assert_eq!(decode("a&amp;b&#106;&#x41;&bogus"), "a&bjA&bogus");
    }
}
