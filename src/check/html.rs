//! HTML in a Fluent tree's messages, read as a browser reads tags and
//! compared as structure with the source message's: tags and attributes
//! added, dropped or changed, tags written so that no browser reads them as
//! tags, elements left open or closed in the wrong order, and link targets
//! in attributes.
//!
//! A letter has no HTML (it is shown as text, `raw-html`); this module
//! serves the tree mode of check, where an application renders the values'
//! markup, and reads malformed tags for both.

use std::collections::BTreeMap;

use crate::code::{Code, Severity};
use crate::text::safe_url;

/// One tag as written in a message's text (placeables as U+FFFC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tag {
    /// What it opens, closes, or neither.
    pub(super) kind: Kind,
    /// The element's name in lower case; for [`Kind::Other`], the tag as
    /// written, white space collapsed.
    pub(super) name: String,
    /// Attributes sorted by name, values with white space collapsed
    /// (`None` for an attribute without a value).
    pub(super) attributes: Vec<(String, Option<String>)>,
    /// `<br/>`.
    pub(super) self_closing: bool,
    /// The tag as written, white space collapsed.
    pub(super) written: String,
    /// Why a browser would not read it as written, if it would not.
    pub(super) fault: Option<Fault>,
}

/// What a tag does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    /// `<name ...>`
    Open,
    /// `</name>`
    Close,
    /// A comment, doctype or processing instruction.
    Other,
}

/// How a tag is written wrongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Fault {
    /// `< strong>` or `</ strong>`: a browser shows it as text.
    SpaceInside,
    /// No `>` before the text ends or the next tag starts.
    Unterminated,
    /// An attribute value whose quote is never closed.
    UnclosedQuote,
}

impl Fault {
    fn describe(self) -> &'static str {
        match self {
            Fault::SpaceInside => "has a space after `<`, so it is shown as text",
            Fault::Unterminated => "has no closing `>`",
            Fault::UnclosedQuote => "has an attribute whose quote is never closed",
        }
    }
}

/// Attributes a translator translates: their values are not compared.
const TRANSLATED_ATTRIBUTES: [&str; 9] = [
    "title",
    "alt",
    "placeholder",
    "label",
    "aria-label",
    "aria-description",
    "aria-placeholder",
    "aria-roledescription",
    "aria-valuetext",
];

/// Attributes whose value is an address a browser follows or loads.
const LINK_ATTRIBUTES: [&str; 6] = ["href", "src", "action", "formaction", "xlink:href", "cite"];

/// Elements that have no closing tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Names a translator may write as `< name>` or `</ name>` meaning a tag:
/// the elements of running text and of simple documents.
const KNOWN_NAMES: [&str; 40] = [
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "br",
    "button",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "u",
];

impl Tag {
    /// The tag written one way: `<a class="b" data-l10n-name="x">`.
    pub(super) fn canonical(&self) -> String {
        self.written_with(|_| false)
    }

    /// The tag as [`Tag::canonical`], with translated attributes' values
    /// left out: what must match the source's.
    fn key(&self) -> String {
        self.written_with(|name| TRANSLATED_ATTRIBUTES.contains(&name))
    }

    fn written_with(&self, hide_value: impl Fn(&str) -> bool) -> String {
        let mut out = String::with_capacity(self.written.len());
        match self.kind {
            Kind::Other => return self.name.clone(),
            Kind::Open => out.push('<'),
            Kind::Close => out.push_str("</"),
        }
        out.push_str(&self.name);
        for (name, value) in &self.attributes {
            out.push(' ');
            out.push_str(name);
            match value {
                Some(_) if hide_value(name) => out.push_str("=…"),
                Some(value) => {
                    out.push_str("=\"");
                    out.push_str(value);
                    out.push('"');
                }
                None => {}
            }
        }
        out.push('>');
        out
    }

    fn is_inline_formatting(&self) -> bool {
        const INLINE: [&str; 9] = ["em", "strong", "b", "i", "u", "code", "span", "bdi", "br"];
        self.kind != Kind::Other
            && self.attributes.is_empty()
            && self.fault.is_none()
            && INLINE.contains(&self.name.as_str())
    }

    /// The tag's link targets: `(attribute, address)`.
    fn links(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attributes.iter().filter_map(|(name, value)| {
            let value = value.as_deref()?;
            LINK_ATTRIBUTES
                .contains(&name.as_str())
                .then_some((name.as_str(), value))
        })
    }
}

/// The tags a browser would read in `text` (`<` then a letter, `/` and a
/// letter, `!` or `?`), and tags a translator wrote with a space inside
/// (`</ strong>`) that a browser shows as text, in text order.
pub(super) fn tags(text: &str) -> Vec<Tag> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find('<') {
        let at = from + offset;
        let after = &text[at + 1..];
        let mut chars = after.chars();
        let first = chars.next();
        let (kind, name_start, fault) = match first {
            Some(c) if c.is_ascii_alphabetic() => (Kind::Open, 0, None),
            Some('/') if chars.next().is_some_and(|c| c.is_ascii_alphabetic()) => {
                (Kind::Close, 1, None)
            }
            Some('!' | '?') => {
                let end = after.find('>').map_or(after.len(), |e| e + 1);
                let written = collapsed(&text[at..at + 1 + end]);
                found.push(Tag {
                    kind: Kind::Other,
                    name: written.clone(),
                    attributes: Vec::new(),
                    self_closing: false,
                    written,
                    fault: None,
                });
                from = at + 1 + end;
                continue;
            }
            _ => match spaced_tag(after) {
                Some((kind, name_start)) => (kind, name_start, Some(Fault::SpaceInside)),
                None => {
                    from = at + 1;
                    continue;
                }
            },
        };
        let read = read_tag(&after[name_start..]);
        let end = at + 1 + name_start + read.consumed;
        let fault = fault.or(read.fault);
        found.push(Tag {
            kind,
            name: read.name,
            attributes: read.attributes,
            self_closing: read.self_closing,
            written: collapsed(&text[at..end]),
            fault,
        });
        from = end;
    }
    found
}

fn collapsed(tag: &str) -> String {
    tag.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `after` (the text after a `<`) is a tag written with spaces
/// after `<` or `</` (`< b>`, `</ strong>`, `< /em>`): a known element's name,
/// then `>` or an attribute with a quoted value. The kind and where the name
/// starts.
fn spaced_tag(after: &str) -> Option<(Kind, usize)> {
    let trimmed = after.trim_start();
    let (kind, rest) = match trimmed.strip_prefix('/') {
        Some(rest) => (Kind::Close, rest.trim_start()),
        None if trimmed.len() == after.len() => return None,
        None => (Kind::Open, trimmed),
    };
    if rest.len() == after.len() {
        return None;
    }
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    if !KNOWN_NAMES
        .iter()
        .any(|known| known.eq_ignore_ascii_case(name))
    {
        return None;
    }
    let after_name = &rest[name_len..];
    let tail = after_name.trim_start();
    let attribute = tail.len() < after_name.len()
        && tail.split_once('=').is_some_and(|(name, value)| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
                && value.trim_start().starts_with(['"', '\''])
        });
    (after_name.starts_with('>') || after_name.starts_with("/>") || attribute)
        .then(|| (kind, after.len() - rest.len()))
}

/// A tag read after `<` or `</`.
struct Read {
    name: String,
    attributes: Vec<(String, Option<String>)>,
    self_closing: bool,
    /// Bytes taken, up to and including `>` where there is one.
    consumed: usize,
    fault: Option<Fault>,
}

/// Reads a tag's name and attributes up to its `>`. Every offset it slices
/// at is a character boundary: the ends of what `find` and `trim` found.
fn read_tag(text: &str) -> Read {
    let stop = |c: char| c.is_whitespace() || c == '/' || c == '>' || c == '<';
    let name_end = text.find(stop).unwrap_or(text.len());
    let name = text[..name_end].to_lowercase();
    let mut attributes = Vec::new();
    let mut at = name_end;
    let mut self_closing;
    let mut fault = None;
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        self_closing = rest[..rest.len() - trimmed.len()].ends_with('/');
        at = text.len() - trimmed.len();
        match trimmed.chars().next() {
            None | Some('<') => {
                fault = fault.or(Some(Fault::Unterminated));
                break;
            }
            Some('>') => {
                at += 1;
                break;
            }
            Some(_) => {}
        }
        let attribute_end = trimmed
            .find(|c: char| stop(c) || c == '=')
            .map_or(text.len(), |e| match e {
                // A lone `=`: taken as the attribute's name, whole.
                0 => at + trimmed.chars().next().map_or(0, char::len_utf8),
                e => at + e,
            });
        let attribute = text[at..attribute_end].to_lowercase();
        at = attribute_end;
        let after_name = text[at..].trim_start();
        let Some(value) = after_name.strip_prefix('=') else {
            attributes.push((attribute, None));
            continue;
        };
        let value = value.trim_start();
        at = text.len() - value.len();
        let (raw, length) = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => match value[1..].find(quote) {
                Some(end) => (&value[1..1 + end], end + 2),
                None => {
                    fault = Some(Fault::UnclosedQuote);
                    (&value[1..], value.len())
                }
            },
            _ => {
                let end = value
                    .find(|c: char| c.is_whitespace() || c == '>' || c == '<')
                    .unwrap_or(value.len());
                (&value[..end], end)
            }
        };
        at += length;
        attributes.push((attribute, Some(collapsed(raw))));
    }
    attributes.sort();
    Read {
        name,
        attributes,
        self_closing,
        consumed: at,
        fault,
    }
}

/// A problem found comparing a translation's tags with the source's.
#[derive(Debug, PartialEq)]
pub(super) struct Difference {
    pub(super) code: Code,
    pub(super) severity: Severity,
    /// What is wrong, naming the tags as the translation writes them; the
    /// caller adds the message id.
    pub(super) message: String,
}

/// Compares the tags of a translated message with its source's.
pub(super) fn compare(source: &[Tag], translation: &[Tag]) -> Vec<Difference> {
    let mut out = Vec::new();
    if source.is_empty() && translation.is_empty() {
        return out;
    }
    let error = |code, message| Difference {
        code,
        severity: Severity::Error,
        message,
    };
    // Tags a browser does not read as written, or elements left open or
    // closed out of order, that the source does not have.
    for tag in translation {
        if let Some(fault) = tag.fault
            && !source
                .iter()
                .any(|s| s.fault == Some(fault) && s.written == tag.written)
        {
            out.push(error(
                Code::BrokenMarkup,
                format!("`{}` {}", tag.written, fault.describe()),
            ));
        }
    }
    let mut wanted_nesting: Vec<_> = nesting(source).into_iter().map(|n| n.names).collect();
    // A malformed tag's element is reported once, as malformed.
    let mut broken_names: Vec<String> = translation
        .iter()
        .filter(|t| t.fault.is_some())
        .map(|t| t.name.clone())
        .collect();
    // Tags the source does not have at all are reported as added.
    let source_names: Vec<&str> = source.iter().map(|t| t.name.as_str()).collect();
    for problem in nesting(translation) {
        if !source_names.contains(&problem.names.1.as_str())
            || broken_names.contains(&problem.names.1)
        {
            continue;
        }
        match wanted_nesting
            .iter()
            .position(|names| *names == problem.names)
        {
            Some(i) => {
                wanted_nesting.swap_remove(i);
            }
            None => {
                broken_names.push(problem.names.1.clone());
                broken_names.push(problem.names.2.clone());
                out.push(error(Code::BrokenMarkup, problem.message));
            }
        }
    }
    // Links in the translation's own tags.
    for tag in translation {
        for (attribute, url) in tag.links() {
            let in_source = source
                .iter()
                .any(|s| s.links().any(|(_, wanted)| wanted == url));
            if !in_source && safe_url(url).is_none() && url.contains(':') {
                out.push(error(
                    Code::UnsafeLink,
                    format!(
                        "`{}` has {attribute}=\"{url}\", which the source does not: only https, http and mailto links are allowed; keep the source's",
                        tag.written
                    ),
                ));
            }
        }
    }
    // Tags matched by name and attributes (translated values aside).
    let mut unmatched: BTreeMap<String, Vec<&Tag>> = BTreeMap::new();
    for tag in source {
        unmatched.entry(tag.key()).or_default().push(tag);
    }
    let mut added = Vec::new();
    for tag in translation {
        match unmatched.get_mut(&tag.key()).and_then(Vec::pop) {
            Some(_) => {}
            None => added.push(tag),
        }
    }
    let mut dropped: Vec<&Tag> = unmatched.into_values().flatten().collect();
    dropped.sort_by_key(|tag| source.iter().position(|s| std::ptr::eq(s, *tag)));
    // An added tag of a dropped one's name and kind is that tag changed.
    let mut changed = Vec::new();
    added.retain(|tag| {
        let Some(i) = dropped
            .iter()
            .position(|d| d.kind == tag.kind && d.name == tag.name)
        else {
            return true;
        };
        changed.push((dropped.remove(i), *tag));
        false
    });
    for (was, now) in changed {
        let links_only = was.attributes.len() == now.attributes.len()
            && was
                .attributes
                .iter()
                .zip(&now.attributes)
                .all(|((a, x), (b, y))| {
                    a == b && (x == y || LINK_ATTRIBUTES.contains(&a.as_str()))
                });
        if now.fault.is_some() {
            continue;
        }
        if links_only {
            // An unsafe target is reported above.
            if now
                .links()
                .all(|(_, url)| safe_url(url).is_some() || !url.contains(':'))
            {
                out.push(error(
                    Code::ChangedLink,
                    format!(
                        "`{}` links elsewhere than the source's `{}`: keep the source's address",
                        now.written,
                        was.canonical()
                    ),
                ));
            }
        } else {
            out.push(error(
                Code::ChangedMarkup,
                format!(
                    "`{}` is `{}` in the source: keep the source's tag and attributes",
                    now.written,
                    was.canonical()
                ),
            ));
        }
    }
    let dropped: Vec<&Tag> = dropped
        .into_iter()
        .filter(|t| !broken_names.contains(&t.name))
        .collect();
    if !dropped.is_empty() {
        let list = |tags: &[&Tag]| {
            tags.iter()
                .map(|t| format!("`{}`", t.canonical()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        // Emphasis, a line break or code type is the language's to use or
        // not (scripts without italics, sentences joined); an element the
        // application finds by its attributes, or a block, is needed.
        let (formatting, needed): (Vec<&Tag>, Vec<&Tag>) =
            dropped.iter().partition(|t| t.is_inline_formatting());
        if !needed.is_empty() {
            out.push(error(
                Code::ChangedMarkup,
                format!(
                    "drops the source's {}: the application needs the source's markup; keep it around the words it belongs to",
                    list(&dropped)
                ),
            ));
        } else {
            out.push(Difference {
                code: Code::ChangedMarkup,
                severity: Severity::Warning,
                message: format!(
                    "drops the source's formatting {}: keep it unless {} does not fit this language",
                    list(&formatting),
                    if formatting.iter().all(|t| t.name == "br") {
                        "the line break"
                    } else {
                        "the emphasis"
                    }
                ),
            });
        }
    }
    let added: Vec<&Tag> = added
        .into_iter()
        .filter(|t| t.fault.is_none() && !broken_names.contains(&t.name))
        .collect();
    if !added.is_empty() {
        let list = added
            .iter()
            .map(|t| format!("`{}`", t.written))
            .collect::<Vec<_>>()
            .join(", ");
        let inline = added.iter().all(|t| t.is_inline_formatting())
            && nesting(added.iter().copied()).is_empty()
            && added.iter().all(|t| t.kind == Kind::Open || t.name != "br");
        out.push(if inline {
            Difference {
                code: Code::ChangedMarkup,
                severity: Severity::Warning,
                message: format!(
                    "adds inline formatting the source does not have ({list}): keep it only if the emphasis belongs in this language"
                ),
            }
        } else {
            error(
                Code::ChangedMarkup,
                format!(
                    "adds markup the source does not have ({list}): the application renders it; keep only the source's tags"
                ),
            )
        });
    }
    out
}

/// A problem of how elements nest: the names it concerns (to compare with
/// the source's problems whatever the translated attributes say) and a
/// sentence naming the tags as written.
#[derive(Debug)]
struct Nesting {
    names: (Kind, String, String),
    message: String,
}

/// Elements closed in the wrong order, closing tags of nothing open, and
/// elements never closed.
fn nesting<'t>(tags: impl IntoIterator<Item = &'t Tag>) -> Vec<Nesting> {
    let mut open: Vec<&Tag> = Vec::new();
    let mut problems = Vec::new();
    let mut problem = |kind, name: &str, other: &str, message| {
        problems.push(Nesting {
            names: (kind, name.to_owned(), other.to_owned()),
            message,
        });
    };
    // A tag with a fault counts as the tag meant: the fault is its finding.
    for tag in tags {
        match tag.kind {
            Kind::Other => {}
            Kind::Open if tag.self_closing || VOID.contains(&tag.name.as_str()) => {}
            Kind::Open => open.push(tag),
            Kind::Close => match open.iter().rposition(|o| o.name == tag.name) {
                Some(i) => {
                    for inner in open.drain(i + 1..) {
                        problem(
                            Kind::Close,
                            &tag.name,
                            &inner.name,
                            format!(
                                "`{}` closes `<{}>` while `{}` inside it is still open",
                                tag.written, tag.name, inner.written
                            ),
                        );
                    }
                    open.pop();
                }
                None if VOID.contains(&tag.name.as_str()) => problem(
                    Kind::Close,
                    &tag.name,
                    "",
                    format!(
                        "`{}` closes an element that has no closing tag: write `<{}>`",
                        tag.written, tag.name
                    ),
                ),
                None => problem(
                    Kind::Close,
                    &tag.name,
                    "",
                    format!("`{}` closes no open `<{}>`", tag.written, tag.name),
                ),
            },
        }
    }
    for tag in open {
        problem(
            Kind::Open,
            &tag.name,
            "",
            format!(
                "`{}` is never closed: add `</{}>` where the element ends",
                tag.written, tag.name
            ),
        );
    }
    problems
}

/// Tags in a letter's message that a browser would not read as tags but a
/// reader would see as broken markup (`</ strong>`): the Markdown step shows
/// them as text, and does not report them.
pub(super) fn spaced_in_letter(tags: &[Tag]) -> impl Iterator<Item = &Tag> {
    tags.iter().filter(|t| t.fault == Some(Fault::SpaceInside))
}

#[cfg(test)]
mod tests;
