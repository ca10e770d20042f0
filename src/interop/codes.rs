//! Inline codes: the placeables, note references and Markdown of a value
//! that a CAT tool must keep, as numbered codes.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A piece of a one-line unit's text: words, or something a CAT tool keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Words, translated.
    Text(String),
    /// Kept as it is: a placeable, a note reference, an autolink, a character
    /// XML cannot carry.
    Code { kind: CodeKind, native: String },
    /// Markup around words: a link or emphasis, whose words are translated.
    Span {
        kind: MarkupKind,
        open: String,
        close: String,
        content: Vec<Piece>,
    },
}

/// What a standalone code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeKind {
    /// `{ $variable }`, `{ -term }`, `{ message }`, `{ "literal" }`...
    Placeable,
    /// `[^id]`.
    Note,
    /// `<https://…>`.
    Autolink,
    /// A control character that XML 1.0 cannot hold.
    Control,
}

/// A unit's text as pieces. A whole value is one piece of text (its
/// placeables and variant keys are Fluent syntax the note explains).
pub(crate) fn pieces(flat: &str, whole: bool) -> Vec<Piece> {
    let pieces = if whole {
        vec![Piece::Text(flat.to_owned())]
    } else {
        markup_pieces(flat)
    };
    split_controls(pieces)
}

/// The placeables (`{ … }`, outermost) of a value's Fluent text.
pub(super) fn placeables(flat: &str) -> Vec<Range<usize>> {
    let bytes = flat.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut start, mut in_string, mut at) = (0usize, 0, false, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if in_string => at += 1,
            b'"' if in_string => in_string = false,
            b'"' if depth > 0 => in_string = true,
            b'{' if !in_string => {
                if depth == 0 {
                    start = at;
                }
                depth += 1;
            }
            b'}' if !in_string && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(start..at + 1);
                }
            }
            _ => {}
        }
        at += 1;
    }
    if depth > 0 {
        out.push(start..bytes.len());
    }
    out
}

/// What stands for a placeable while Markdown is read: one character Markdown
/// takes for a letter, as it takes the value a placeable becomes.
pub(super) const HOLE: char = '\u{E000}';

pub(super) fn markup_pieces(flat: &str) -> Vec<Piece> {
    let holes = placeables(flat);
    // The text with each placeable one character, and each of its byte
    // offsets (and its end) mapped to the flat text's.
    let mut skeleton = String::with_capacity(flat.len());
    let mut map: Vec<usize> = Vec::with_capacity(flat.len() + 1);
    let mut copied = 0;
    for hole in &holes {
        skeleton.push_str(&flat[copied..hole.start]);
        map.extend(copied..hole.start);
        skeleton.push(HOLE);
        map.extend([hole.start; 3]);
        copied = hole.end;
    }
    skeleton.push_str(&flat[copied..]);
    map.extend(copied..flat.len());
    map.push(flat.len());
    // Markup starts and ends between characters, never inside a hole.
    let to_flat = |offset: usize| map[offset];
    let range = |r: Range<usize>| to_flat(r.start)..to_flat(r.end);

    #[derive(Debug)]
    enum Mark {
        Open(usize),
        Close(usize),
        Code(CodeKind),
    }
    let spans = markdown::markup_spans(&skeleton);
    let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        let open = range(span.open.clone());
        match (span.kind, &span.close) {
            (MarkupKind::Note, _) => marks.push((open, Mark::Code(CodeKind::Note))),
            (MarkupKind::Autolink, _) => marks.push((open, Mark::Code(CodeKind::Autolink))),
            (_, Some(close)) => {
                marks.push((open, Mark::Open(index)));
                marks.push((range(close.clone()), Mark::Close(index)));
            }
            (_, None) => marks.push((open, Mark::Code(CodeKind::Placeable))),
        }
    }
    for hole in &holes {
        let inside = marks
            .iter()
            .any(|(r, _)| r.start <= hole.start && hole.end <= r.end);
        if !inside {
            marks.push((hole.clone(), Mark::Code(CodeKind::Placeable)));
        }
    }
    // In text order; a span closing where another opens closes first.
    marks.sort_by_key(|(r, mark)| (r.start, !matches!(mark, Mark::Close(_))));

    // Open spans: their index, opening and the pieces before them.
    let mut stack: Vec<(usize, String, Vec<Piece>)> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut at = 0;
    for (r, mark) in marks {
        if r.start < at || r.is_empty() {
            continue;
        }
        push_text(&mut current, &flat[at..r.start]);
        let native = flat[r.clone()].to_owned();
        match mark {
            Mark::Open(index) => stack.push((index, native, std::mem::take(&mut current))),
            Mark::Close(index) if stack.last().is_some_and(|(i, _, _)| *i == index) => {
                let (_, open, before) = stack.pop().expect("checked: not empty");
                let content = std::mem::replace(&mut current, before);
                current.push(Piece::Span {
                    kind: spans[index].kind,
                    open,
                    close: native,
                    content,
                });
            }
            Mark::Close(_) => current.push(Piece::Code {
                kind: CodeKind::Placeable,
                native,
            }),
            Mark::Code(kind) => current.push(Piece::Code { kind, native }),
        }
        at = r.end;
    }
    push_text(&mut current, &flat[at..]);
    // A span left open (never, from a balanced parse) is its opening as a code.
    while let Some((_, open, mut before)) = stack.pop() {
        before.push(Piece::Code {
            kind: CodeKind::Placeable,
            native: open,
        });
        before.append(&mut current);
        current = before;
    }
    current
}

pub(super) fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(Piece::Text(last)) => last.push_str(text),
        _ => pieces.push(Piece::Text(text.to_owned())),
    }
}

/// Whether XML 1.0 can hold `c` as a character (not even a reference can
/// carry the others).
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Each character XML cannot hold made a code of its own.
pub(super) fn split_controls(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match piece {
            Piece::Text(text) if !text.chars().all(xml_char) => {
                let mut run = String::new();
                for c in text.chars() {
                    if xml_char(c) {
                        run.push(c);
                    } else {
                        push_text(&mut out, &std::mem::take(&mut run));
                        out.push(Piece::Code {
                            kind: CodeKind::Control,
                            native: c.to_string(),
                        });
                    }
                }
                push_text(&mut out, &run);
            }
            Piece::Span {
                kind,
                open,
                close,
                content,
            } => out.push(Piece::Span {
                kind,
                open,
                close,
                content: split_controls(content),
            }),
            other => out.push(other),
        }
    }
    out
}

/// The text pieces make, as written.
#[cfg(test)]
pub(super) fn join(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Code { native, .. } => out.push_str(native),
            Piece::Span {
                open,
                close,
                content,
                ..
            } => {
                out.push_str(open);
                out.push_str(&join(content));
                out.push_str(close);
            }
        }
    }
    out
}

/// A piece with the number of its code, as XLIFF writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Numbered {
    Text(String),
    Code {
        id: usize,
        kind: CodeKind,
        native: String,
    },
    Span {
        id: usize,
        kind: MarkupKind,
        content: Vec<Numbered>,
    },
}

/// What a code's number stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Native {
    Code(String),
    Span(String, String),
}

/// The numbers of a unit's codes: the source's in order, then the
/// translation's, each the number of the same code of the source where it
/// has one.
#[derive(Debug, Default)]
pub(crate) struct Codes {
    natives: BTreeMap<usize, Native>,
    /// The numbers of each code, in source order.
    by_native: BTreeMap<Native, Vec<usize>>,
}

impl PartialOrd for Native {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Native {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |n: &Native| match n {
            Native::Code(c) => (0, c.clone(), String::new()),
            Native::Span(o, c) => (1, o.clone(), c.clone()),
        };
        key(self).cmp(&key(other))
    }
}

impl Codes {
    /// Numbers the source's pieces and the translation's.
    pub(crate) fn number(
        source: &[Piece],
        target: Option<&[Piece]>,
    ) -> (Codes, Vec<Numbered>, Option<Vec<Numbered>>) {
        let mut codes = Codes::default();
        let source = codes.number_source(source);
        let mut used = BTreeSet::new();
        let target = target.map(|t| codes.number_target(t, &mut used));
        (codes, source, target)
    }

    pub(super) fn next(&self) -> usize {
        self.natives.len() + 1
    }

    pub(super) fn number_source(&mut self, pieces: &[Piece]) -> Vec<Numbered> {
        pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => Numbered::Text(text.clone()),
                Piece::Code { kind, native } => {
                    let id = self.add(Native::Code(native.clone()));
                    Numbered::Code {
                        id,
                        kind: *kind,
                        native: native.clone(),
                    }
                }
                Piece::Span {
                    kind,
                    open,
                    close,
                    content,
                } => {
                    let id = self.add(Native::Span(open.clone(), close.clone()));
                    Numbered::Span {
                        id,
                        kind: *kind,
                        content: self.number_source(content),
                    }
                }
            })
            .collect()
    }

    pub(super) fn add(&mut self, native: Native) -> usize {
        let id = self.next();
        self.natives.insert(id, native.clone());
        self.by_native.entry(native).or_default().push(id);
        id
    }

    pub(super) fn number_target(
        &mut self,
        pieces: &[Piece],
        used: &mut BTreeSet<usize>,
    ) -> Vec<Numbered> {
        let find = |codes: &mut Codes, used: &mut BTreeSet<usize>, native: Native| {
            let ids = codes.by_native.get(&native).cloned().unwrap_or_default();
            match ids.iter().find(|id| !used.contains(*id)).or(ids.first()) {
                Some(&id) => {
                    used.insert(id);
                    id
                }
                None => {
                    let id = codes.add(native);
                    used.insert(id);
                    id
                }
            }
        };
        let mut out = Vec::new();
        for piece in pieces {
            out.push(match piece {
                Piece::Text(text) => Numbered::Text(text.clone()),
                Piece::Code { kind, native } => Numbered::Code {
                    id: find(self, used, Native::Code(native.clone())),
                    kind: *kind,
                    native: native.clone(),
                },
                Piece::Span {
                    kind,
                    open,
                    close,
                    content,
                } => {
                    let id = find(self, used, Native::Span(open.clone(), close.clone()));
                    Numbered::Span {
                        id,
                        kind: *kind,
                        content: self.number_target(content, used),
                    }
                }
            });
        }
        out
    }

    /// The Fluent text of pieces read from a file, each code by its number
    /// (or, for a standalone code this unit does not have, the text the file
    /// gives for it).
    pub(super) fn resolve(&self, pieces: &[InPiece]) -> Result<String, String> {
        let mut out = String::new();
        for piece in pieces {
            match piece {
                InPiece::Text(text) => out.push_str(text),
                InPiece::Code { id, equiv } => match (self.native(id), equiv) {
                    (Some(Native::Code(native)), _) => out.push_str(native),
                    (None, Some(equiv)) => out.push_str(equiv),
                    (Some(Native::Span(..)), _) => {
                        return Err(format!(
                            "inline code {id} is a paired code (<g>) in the source, not a placeholder (<x/>)"
                        ));
                    }
                    (None, None) => {
                        return Err(format!("inline code {id} is not one of this unit's codes"));
                    }
                },
                InPiece::Span { id, content } => match self.native(id) {
                    Some(Native::Span(open, close)) => {
                        out.push_str(open);
                        out.push_str(&self.resolve(content)?);
                        out.push_str(close);
                    }
                    Some(Native::Code(_)) => {
                        return Err(format!(
                            "inline code {id} is a placeholder (<x/>) in the source, not a paired code (<g>)"
                        ));
                    }
                    None => {
                        return Err(format!("inline code {id} is not one of this unit's codes"));
                    }
                },
            }
        }
        Ok(out)
    }

    pub(super) fn native(&self, id: &str) -> Option<&Native> {
        self.natives.get(&id.trim().parse::<usize>().ok()?)
    }
}
