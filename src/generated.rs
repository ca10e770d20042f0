//! Test support: files of the repository that are generated from the code
//! (the README's table of codes, the report's JSON schema) are compared with
//! what the code generates now. `LETTERKIT_BLESS=1 cargo test --lib` rewrites
//! them instead; CI never sets it.

use std::path::Path;

/// The variable that lets a test rewrite a generated file.
const BLESS: &str = "LETTERKIT_BLESS";

/// Asserts that `file` (relative to the repository) holds `generated`
/// between the line `start` and the line `end`, or rewrites it there.
pub(crate) fn assert_section(file: &str, start: &str, end: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{file} lacks the line {start:?}"))
        + start.len();
    let to = from
        + text[from..]
            .find(end)
            .unwrap_or_else(|| panic!("{file} lacks the line {end:?} after {start:?}"));
    if text[from..to] == *generated {
        return;
    }
    if std::env::var_os(BLESS).is_some() {
        let mut new = text[..from].to_owned();
        new.push_str(generated);
        new.push_str(&text[to..]);
        std::fs::write(&path, new).unwrap_or_else(|e| panic!("{file}: {e}"));
        return;
    }
    panic!(
        "{file} is stale between {start:?} and {end:?}: run `{BLESS}=1 cargo test --lib` and review the change\n--- generated\n{generated}"
    );
}

/// Asserts that `file` (relative to the repository) is `generated`, or
/// rewrites it.
pub(crate) fn assert_file(file: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    if text == generated {
        return;
    }
    if std::env::var_os(BLESS).is_some() {
        std::fs::write(&path, generated).unwrap_or_else(|e| panic!("{file}: {e}"));
        return;
    }
    panic!("{file} is stale: run `{BLESS}=1 cargo test --lib` and review the change");
}
