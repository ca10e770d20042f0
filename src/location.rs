//! Positions in the project's files, for errors and check findings.

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

/// A place in one of the project's files: the path as the user would type it
/// (relative to the project folder), a 1-based line and a 1-based column counted
/// in characters, and the byte range it covers where one is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file, relative to the project folder; shared by the locations of
    /// one parsed file, since a check can report hundreds of thousands.
    #[serde(serialize_with = "serialize_path")]
    pub file: Arc<Path>,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
    /// Byte range in the file, where known.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

fn serialize_path<S: serde::Serializer>(
    path: &Arc<Path>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    path.serialize(serializer)
}

impl Location {
    /// The location of byte `offset` (clamped to the text) in `text`, read from `file`.
    pub fn at_offset(file: impl AsRef<Path>, text: &str, offset: usize) -> Self {
        let offset = text.floor_char_boundary(offset);
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        Location {
            file: Arc::from(file.as_ref()),
            line,
            column,
            span: Some(offset..offset),
        }
    }

    /// The location of the byte range `span` of `text`.
    pub fn at_span(file: impl AsRef<Path>, text: &str, span: Range<usize>) -> Self {
        let mut location = Self::at_offset(file, text, span.start);
        let start = location.span.as_ref().map_or(0, |s| s.start);
        let end = text.floor_char_boundary(span.end).max(start);
        location.span = Some(start..end);
        location
    }

    /// The start of `file`, for findings about a file as a whole.
    pub fn file_start(file: impl AsRef<Path>) -> Self {
        Self::start_of(Arc::from(file.as_ref()))
    }

    /// The start of `file`, sharing its path.
    pub fn start_of(file: Arc<Path>) -> Self {
        Location {
            file,
            line: 1,
            column: 1,
            span: None,
        }
    }
}

impl PartialOrd for Location {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Location {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (
            &self.file,
            self.line,
            self.column,
            self.span.as_ref().map(|s| (s.start, s.end)),
        )
            .cmp(&(
                &other.file,
                other.line,
                other.column,
                other.span.as_ref().map(|s| (s.start, s.end)),
            ))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// Where each line of a text starts, so that the location of any offset costs
/// a binary search and a walk along one line rather than a scan from the start
/// of the file: findings locate every message of every file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// The byte offset of each line's first byte; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The location of the byte range `span` of `text` (the indexed text), as
    /// [`Location::at_span`] gives it, sharing the path `file`.
    pub fn span(&self, file: &Arc<Path>, text: &str, span: Range<usize>) -> Location {
        let offset = text.floor_char_boundary(span.start);
        // Line starts after `offset` do not count; a start equal to it does.
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        let column = text[line_start..offset].chars().count() + 1;
        let end = text.floor_char_boundary(span.end).max(offset);
        Location {
            file: Arc::clone(file),
            line,
            column,
            span: Some(offset..end),
        }
    }
}

/// The byte offset of `slice` inside `text`, when `slice` borrows from `text`.
///
/// fluent-syntax's AST has no spans, but every name and value in it is a slice
/// of the parsed source, so its address gives the position.
pub fn offset_in(text: &str, slice: &str) -> Option<usize> {
    let start = text.as_ptr() as usize;
    let at = slice.as_ptr() as usize;
    (at >= start && at + slice.len() <= start + text.len()).then(|| at - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a = é\nb = ü x\n";
        let at = text.find('x').unwrap();
        let location = Location::at_offset("f.ftl", text, at);
        assert_eq!((location.line, location.column), (2, 7));
        assert_eq!(location.to_string(), "f.ftl:2:7");
    }

    #[test]
    fn an_offset_inside_a_character_or_past_the_end_is_moved_back() {
        let text = "a\né";
        let inside = Location::at_offset("f.ftl", text, 3);
        assert_eq!(
            (inside.line, inside.column, inside.span),
            (2, 1, Some(2..2))
        );
        let past = Location::at_span("f.ftl", text, 9..12);
        assert_eq!((past.line, past.column, past.span), (2, 2, Some(4..4)));
    }

    #[test]
    fn the_line_index_locates_as_a_scan_does() {
        let text = "a = é\nb = ü x\n\nc = 日本\nlast";
        let index = LineIndex::new(text);
        for start in 0..=text.len() + 2 {
            for end in [start, start + 1, start + 3] {
                assert_eq!(
                    index.span(&Arc::from(Path::new("f.ftl")), text, start..end),
                    Location::at_span("f.ftl", text, start..end),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn offset_in_finds_borrowed_slices_only() {
        let text = String::from("hello world");
        assert_eq!(offset_in(&text, &text[6..]), Some(6));
        assert_eq!(offset_in(&text, "world"), None);
    }
}
