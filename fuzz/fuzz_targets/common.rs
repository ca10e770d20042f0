//! What both fuzz targets share: the small fixture project loaded once, with
//! the Spanish locale's Fluent files replaced by the fuzzer's input.
//!
//! Input: UTF-8 text (invalid bytes are replaced, as an editor would). Text up
//! to a line `%%%` becomes `locales/es/notice.ftl`, text after it
//! `locales/es/common.ftl`; without such a line, the whole input is
//! `notice.ftl` and `common.ftl` stays the fixture's.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use letterkit::ftl::FtlFile;
use letterkit::project::Project;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/small");
const SEPARATOR: &str = "\n%%%\n";

/// The fixture project, loaded from disk.
pub fn fixture() -> Project {
    Project::load(Path::new(FIXTURE)).expect("the small fixture loads")
}

/// Puts the input into the Spanish locale's files. `false` when the input is
/// refused before parsing (too large or too deeply nested), as loading would.
pub fn install(project: &mut Project, data: &[u8]) -> bool {
    let text = String::from_utf8_lossy(data);
    let (notice, common) = match text.split_once(SEPARATOR) {
        Some((notice, common)) => (notice, Some(common)),
        None => (&*text, None),
    };
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
