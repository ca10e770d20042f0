//! XLIFF 1.2: one `<file>` per resource (`common`, each letter), one
//! `<trans-unit>` per message with the message id as its id. Placeables, note
//! references and autolinks are `<x/>` codes (their Fluent text as
//! `equiv-text`); links and emphasis are `<g>` codes around the words they
//! hold, so their words stay translatable. Written by hand with escaping at
//! its only two entry points (text and attribute); read with quick-xml.

use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::{
    Catalog, CodeKind, Codes, Content, InPiece, Incoming, Incomings, InteropError, Mark, Numbered,
    State, location, pieces, xml_char,
};
use crate::markdown::MarkupKind;

/// How deep inline codes may nest in a unit: a message's markup nests a few
/// levels (the renderer reads 16).
const MAX_DEPTH: usize = 32;

/// The XLIFF 1.2 namespace.
const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The catalog as an XLIFF 1.2 document.
pub fn write(catalog: &Catalog) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\">\n"));
    for resource in &catalog.resources {
        let original = resource.path.to_string_lossy().replace('\\', "/");
        out.push_str(&format!(
            "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"x-fluent\" tool-id=\"letterkit\">\n",
            attribute(&original),
            attribute(catalog.source.tag()),
            attribute(catalog.target.tag()),
        ));
        out.push_str(&format!(
            "    <header>\n      <tool tool-id=\"letterkit\" tool-name=\"letterkit\" tool-version=\"{}\"/>\n    </header>\n",
            env!("CARGO_PKG_VERSION")
        ));
        out.push_str("    <body>\n");
        for unit in &resource.units {
            let source = pieces(&unit.source, unit.whole);
            let target = unit.target.as_ref().map(|t| pieces(t, unit.whole));
            let (_, source, target) = Codes::number(&source, target.as_deref());
            // translate-toolkit, and the tools built on it, count a unit as
            // translated only when it is approved.
            let approved = if unit.state == State::Translated {
                " approved=\"yes\""
            } else {
                ""
            };
            out.push_str(&format!(
                "      <trans-unit id=\"{id}\" resname=\"{id}\" xml:space=\"preserve\"{approved}>\n",
                id = attribute(&unit.id)
            ));
            out.push_str("        <source>");
            content(&mut out, &source);
            out.push_str("</source>\n");
            let state = match unit.state {
                State::Translated => "translated",
                State::NeedsTranslation => "needs-translation",
                State::NeedsReview => "needs-review-translation",
            };
            match target {
                Some(target) => {
                    out.push_str(&format!("        <target state=\"{state}\">"));
                    content(&mut out, &target);
                    out.push_str("</target>\n");
                }
                None => out.push_str(&format!("        <target state=\"{state}\"/>\n")),
            }
            for note in &unit.notes {
                out.push_str("        <note from=\"developer\">");
                text(&mut out, note);
                out.push_str("</note>\n");
            }
            for note in unit.tool_notes() {
                out.push_str("        <note from=\"letterkit\">");
                text(&mut out, &note);
                out.push_str("</note>\n");
            }
            out.push_str("      </trans-unit>\n");
        }
        out.push_str("    </body>\n  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

fn content(out: &mut String, pieces: &[Numbered]) {
    for piece in pieces {
        match piece {
            Numbered::Text(words) => text(out, words),
            Numbered::Code { id, kind, native } => {
                let ctype = match kind {
                    CodeKind::Placeable => "x-fluent-placeable",
                    CodeKind::Note => "x-markdown-note",
                    CodeKind::Autolink => "x-markdown-autolink",
                    CodeKind::Control => "x-control-character",
                };
                let equiv = match kind {
                    CodeKind::Control => native
                        .chars()
                        .map(|c| format!("U+{:04X}", u32::from(c)))
                        .collect(),
                    _ => native.clone(),
                };
                out.push_str(&format!(
                    "<x id=\"{id}\" ctype=\"{ctype}\" equiv-text=\"{}\"/>",
                    attribute(&equiv)
                ));
            }
            Numbered::Span {
                id,
                kind,
                content: inner,
            } => {
                let ctype = match kind {
                    MarkupKind::Emphasis => "italic",
                    MarkupKind::Strong => "bold",
                    MarkupKind::Link => "link",
                    MarkupKind::Image => "x-markdown-image",
                    MarkupKind::Autolink | MarkupKind::Note => "x-markdown",
                };
                out.push_str(&format!("<g id=\"{id}\" ctype=\"{ctype}\">"));
                content(out, inner);
                out.push_str("</g>");
            }
        }
    }
}

/// Text content, escaped; a carriage return as a reference, so that XML's
/// line-end rules keep it. A character XML cannot hold (only in notes: the
/// units make them codes) becomes U+FFFD.
fn text(out: &mut String, words: &str) {
    for c in words.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// An attribute's value, escaped for double quotes, with white space other
/// than spaces as references so that attribute normalisation keeps it.
fn attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Reads an XLIFF 1.x document: its languages and its units.
pub(crate) fn read(path: &Path, document: &str) -> Result<Incomings, InteropError> {
    let mut reader = Reader::from_str(document);
    reader.config_mut().trim_text(false);
    let mut xml = Xml {
        reader,
        path,
        document,
    };
    let mut incomings = Incomings {
        source: None,
        target: None,
        units: Vec::new(),
    };
    let mut resource: Option<String> = None;
    let mut saw_root = false;
    loop {
        let at = xml.position();
        match xml.next()? {
            Event::Start(e) | Event::Empty(e) if !saw_root => {
                if e.local_name().as_ref() != "xliff" {
                    return Err(
                        xml.error(at, "not an XLIFF document: its root element is not <xliff>")
                    );
                }
                saw_root = true;
            }
            Event::Start(e) => match e.local_name().as_ref() {
                "file" => {
                    let original = xml.attribute(&e, "original")?.unwrap_or_default();
                    let stem = Path::new(&original.replace('\\', "/"))
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .unwrap_or_default()
                        .to_owned();
                    resource = Some(stem);
                    for (name, slot) in [
                        ("source-language", &mut incomings.source),
                        ("target-language", &mut incomings.target),
                    ] {
                        if let Some(lang) = xml.attribute(&e, name)? {
                            match slot {
                                Some(known) if !known.eq_ignore_ascii_case(&lang) => {
                                    return Err(xml.error(
                                        at,
                                        "the files of this document are in different languages: import one language at a time",
                                    ));
                                }
                                _ => *slot = Some(lang),
                            }
                        }
                    }
                }
                "trans-unit" => {
                    let Some(resource) = resource.clone() else {
                        return Err(xml.error(at, "<trans-unit> outside a <file>"));
                    };
                    let unit = xml.unit(&e, at, resource)?;
                    incomings.units.push(unit);
                }
                // A unit's place in groups says nothing to letterkit.
                "body" | "group" => {}
                _ => xml.skip(&e)?,
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(xml.error(0, "not an XLIFF document: no <xliff> element"));
    }
    Ok(incomings)
}

/// A reader over one document, which knows where it is for messages.
struct Xml<'d> {
    reader: Reader<&'d [u8]>,
    path: &'d Path,
    document: &'d str,
}

impl<'d> Xml<'d> {
    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    fn error(&self, at: usize, message: &str) -> InteropError {
        InteropError::Malformed {
            location: location(self.path, self.document, at),
            message: message.to_owned(),
        }
    }

    fn next(&mut self) -> Result<Event<'d>, InteropError> {
        self.reader.read_event().map_err(|e| {
            let at = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
            self.error(at, &format!("not well-formed XML: {e}"))
        })
    }

    fn attribute(&self, e: &BytesStart<'_>, name: &str) -> Result<Option<String>, InteropError> {
        for attribute in e.attributes() {
            let attribute = attribute.map_err(|err| {
                self.error(self.position(), &format!("malformed attribute: {err}"))
            })?;
            if attribute.key.local_name().as_ref() == name {
                let value = attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|err| {
                        self.error(self.position(), &format!("malformed attribute: {err}"))
                    })?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// Skips an element that was opened, with all it holds.
    fn skip(&mut self, e: &BytesStart<'_>) -> Result<(), InteropError> {
        let at = self.position();
        self.reader
            .read_to_end(e.name())
            .map(|_| ())
            .map_err(|err| self.error(at, &format!("not well-formed XML: {err}")))
    }

    /// A `<trans-unit>`, read to its end.
    fn unit(
        &mut self,
        e: &BytesStart<'_>,
        at: usize,
        resource: String,
    ) -> Result<Incoming, InteropError> {
        let Some(id) = self.attribute(e, "id")? else {
            return Err(self.error(at, "a <trans-unit> without an id"));
        };
        let approved = self.attribute(e, "approved")?;
        let mut source = None;
        let mut target = None;
        let mut state = None;
        loop {
            let here = self.position();
            match self.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    "source" => source = Some(self.content("source")?),
                    "target" => {
                        state = self.attribute(&e, "state")?;
                        target = Some(self.content("target")?);
                    }
                    _ => self.skip(&e)?,
                },
                Event::Empty(e) if e.local_name().as_ref() == "target" => {
                    state = self.attribute(&e, "state")?;
                    target = Some(Vec::new());
                }
                Event::End(e) if e.local_name().as_ref() == "trans-unit" => break,
                Event::Eof => {
                    return Err(self.error(here, "the document ends inside a <trans-unit>"));
                }
                _ => {}
            }
        }
        let Some(source) = source else {
            return Err(self.error(at, &format!("<trans-unit id=\"{id}\"> has no <source>")));
        };
        // `approved="no"` is translate-toolkit's fuzzy; otherwise the state
        // says, and a unit with neither was translated by a tool that keeps
        // no states.
        let mark = match (approved.as_deref(), state.as_deref()) {
            (Some("no"), _) => Mark::Review,
            (_, Some("translated" | "final" | "signed-off")) => Mark::Translated,
            (_, Some(s)) if s.starts_with("needs-review") => Mark::Review,
            (Some("yes"), _) => Mark::Translated,
            (_, Some("new" | "needs-translation" | "needs-adaptation" | "needs-l10n")) => Mark::New,
            (_, Some(_)) => Mark::Review,
            (_, None) => Mark::Translated,
        };
        Ok(Incoming {
            resource,
            id,
            source: Content::Inline(source),
            target: target.map(Content::Inline),
            mark,
            location: location(self.path, self.document, at),
        })
    }

    /// The content of an element, to its end: text, `<x/>` and `<g>` codes;
    /// `<mrk>` (a CAT tool's segments) is read through.
    fn content(&mut self, end: &str) -> Result<Vec<InPiece>, InteropError> {
        self.content_at(end, 0)
    }

    fn content_at(&mut self, end: &str, depth: usize) -> Result<Vec<InPiece>, InteropError> {
        if depth > MAX_DEPTH {
            return Err(self.error(
                self.position(),
                &format!("inline codes nested more than {MAX_DEPTH} deep"),
            ));
        }
        let mut out: Vec<InPiece> = Vec::new();
        let push_text = |out: &mut Vec<InPiece>, words: &str| match out.last_mut() {
            Some(InPiece::Text(last)) => last.push_str(words),
            _ => out.push(InPiece::Text(words.to_owned())),
        };
        loop {
            let here = self.position();
            match self.next()? {
                Event::Text(t) => push_text(&mut out, &t.xml10_content()),
                Event::CData(c) => {
                    let raw = c.into_inner();
                    push_text(&mut out, &raw.replace("\r\n", "\n"));
                }
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => match r.xml10_content().as_ref() {
                            "amp" => "&".into(),
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            "quot" => "\"".into(),
                            "apos" => "'".into(),
                            other => {
                                return Err(self.error(here, &format!("unknown entity &{other};")));
                            }
                        },
                        Err(err) => {
                            return Err(
                                self.error(here, &format!("bad character reference: {err}"))
                            );
                        }
                    };
                    push_text(&mut out, &resolved);
                }
                Event::Empty(e) => match e.local_name().as_ref() {
                    "x" => out.push(self.code(&e, here)?),
                    "g" => {
                        let id = self.code_id(&e, here)?;
                        out.push(InPiece::Span {
                            id,
                            content: Vec::new(),
                        });
                    }
                    "mrk" => {}
                    other => return Err(self.unsupported(other, here)),
                },
                Event::Start(e) => match e.local_name().as_ref() {
                    "g" => {
                        let id = self.code_id(&e, here)?;
                        let content = self.content_at("g", depth + 1)?;
                        out.push(InPiece::Span { id, content });
                    }
                    "x" => {
                        let code = self.code(&e, here)?;
                        self.skip(&e)?;
                        out.push(code);
                    }
                    "mrk" => {
                        for piece in self.content_at("mrk", depth + 1)? {
                            match piece {
                                InPiece::Text(words) => push_text(&mut out, &words),
                                other => out.push(other),
                            }
                        }
                    }
                    other => return Err(self.unsupported(other, here)),
                },
                Event::End(e) if e.local_name().as_ref() == end => return Ok(out),
                Event::Eof => {
                    return Err(self.error(here, "the document ends inside a unit's text"));
                }
                _ => {}
            }
        }
    }

    fn code(&self, e: &BytesStart<'_>, at: usize) -> Result<InPiece, InteropError> {
        Ok(InPiece::Code {
            id: self.code_id(e, at)?,
            equiv: self.attribute(e, "equiv-text")?,
        })
    }

    fn code_id(&self, e: &BytesStart<'_>, at: usize) -> Result<String, InteropError> {
        self.attribute(e, "id")?
            .ok_or_else(|| self.error(at, "an inline code without an id"))
    }

    fn unsupported(&self, name: &str, at: usize) -> InteropError {
        self.error(
            at,
            &format!(
                "<{}> in a unit's text: letterkit writes and reads <x/> and <g> codes only; keep the codes the source has",
                name
            ),
        )
    }
}
