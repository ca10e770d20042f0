//! What the Fluent targets share: the small fixture project loaded once, with
//! the Spanish locale's Fluent files replaced by the fuzzer's input.
//!
//! Input: UTF-8 text (invalid bytes are replaced, as an editor would). Text up
//! to a line `%%%` becomes `locales/es/notice.ftl`, text after it
//! `locales/es/common.ftl`; without such a line, the whole input is
//! `notice.ftl` and `common.ftl` stays the fixture's.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use letterkit::ftl::FtlFile;
use letterkit::project::Project;

/// The small fixture: one letter (`notice`), English and Spanish.
pub const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/small");
/// The line that separates the parts of an input.
pub const SEPARATOR: &str = "\n%%%\n";

/// The fixture project, loaded from disk.
pub fn fixture() -> Project {
    Project::load(Path::new(FIXTURE)).expect("the small fixture loads")
}

/// The input as text, cut at its first `count - 1` separator lines: at most
/// `count` parts.
pub fn parts(data: &[u8], count: usize) -> Vec<String> {
    String::from_utf8_lossy(data)
        .splitn(count, SEPARATOR)
        .map(str::to_owned)
        .collect()
}

/// Puts the input into the Spanish locale's files. `false` when the input is
/// refused before parsing (too large or too deeply nested), as loading would.
pub fn install(project: &mut Project, data: &[u8]) -> bool {
    let parts = parts(data, 2);
    install_texts(project, &parts[0], parts.get(1).map(String::as_str))
}

/// Puts `notice` and, where given, `common` into the Spanish locale's files,
/// each parsed as loading parses it; `false` when loading would refuse one.
pub fn install_texts(project: &mut Project, notice: &str, common: Option<&str>) -> bool {
    let es = project
        .locales
        .iter_mut()
        .find(|l| l.lang().tag() == "es")
        .expect("the fixture has es");
    for (name, text) in [("notice", Some(notice)), ("common", common)] {
        let Some(text) = text else { continue };
        let path = PathBuf::from(format!("locales/es/{name}.ftl"));
        match FtlFile::parse_checked(path, text.to_owned()) {
            Ok(file) => {
                es.files.insert(name.to_owned(), Arc::new(file));
            }
            Err(_) => return false,
        }
    }
    true
}

/// The place an error names, where it names one.
pub fn error_location(
    error: &letterkit::source::LoadError,
) -> Option<&letterkit::location::Location> {
    use letterkit::source::LoadError;
    match error {
        LoadError::Toml { location, .. } | LoadError::Refused { location, .. } => Some(location),
        LoadError::MissingSourceMessage { location, .. } => Some(location),
        _ => None,
    }
}

/// Panics unless `location` lies inside `text`, the file it names as
/// letterkit read it (`bytes`, invalid UTF-8 replaced, without a byte order
/// mark): a span on character boundaries within the text, a line the text
/// has, a column within that line.
pub fn assert_inside(location: &letterkit::location::Location, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    if let Some(span) = &location.span {
        assert!(
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "{location:?} is outside its file ({} bytes)",
            text.len()
        );
    }
    let line = text.split('\n').nth(location.line.wrapping_sub(1));
    let Some(line) = line else {
        panic!("{location:?}: the file has no such line");
    };
    assert!(
        location.column >= 1 && location.column <= line.chars().count() + 1,
        "{location:?}: the line has no such column"
    );
}
