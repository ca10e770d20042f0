//! The project's `static/` folder: files copied verbatim to the root of the
//! output (a `CNAME`, `.nojekyll`, images, a style sheet). A file that would
//! replace one letterkit writes, and any symbolic link, stops the build.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::{BuildError, OUTPUT_MARKER};

/// The project folder whose files are copied to the output's root.
pub const STATIC_DIR: &str = "static";

/// The files of `static/` under the project `root`, by path relative to it,
/// with their bytes; none when there is no such folder. Symbolic links are
/// refused, so that nothing outside the project is published.
pub fn read(root: &Path) -> Result<BTreeMap<PathBuf, Vec<u8>>, BuildError> {
    let folder = root.join(STATIC_DIR);
    let mut files = BTreeMap::new();
    match fs::symlink_metadata(&folder) {
        Err(_) => return Ok(files),
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(refused(
                Path::new(STATIC_DIR),
                "it is a symbolic link: make it a folder".into(),
            ));
        }
        Ok(meta) if !meta.is_dir() => {
            return Err(refused(Path::new(STATIC_DIR), "it is not a folder".into()));
        }
        Ok(_) => {}
    }
    let mut folders = vec![folder.clone()];
    while let Some(next) = folders.pop() {
        let entries = fs::read_dir(&next).map_err(|source| BuildError::Io {
            path: next.clone(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| BuildError::Io {
                path: next.clone(),
                source,
            })?;
            let path = entry.path();
            let relative = path
                .strip_prefix(&folder)
                .expect("an entry of the static folder is under it")
                .to_owned();
            let meta = fs::symlink_metadata(&path).map_err(|source| BuildError::Io {
                path: path.clone(),
                source,
            })?;
            if meta.file_type().is_symlink() {
                return Err(refused(
                    &Path::new(STATIC_DIR).join(&relative),
                    "it is a symbolic link: copy the file it points to instead".into(),
                ));
            } else if meta.is_dir() {
                folders.push(path);
            } else {
                let bytes = fs::read(&path).map_err(|source| BuildError::Io {
                    path: path.clone(),
                    source,
                })?;
                files.insert(relative, bytes);
            }
        }
    }
    Ok(files)
}

/// Refuses a static file that is, or is in the place of, a file the build
/// writes (`generated`, paths relative to the output folder).
pub fn refuse_collisions<'g>(
    statics: &BTreeMap<PathBuf, Vec<u8>>,
    generated: impl IntoIterator<Item = &'g PathBuf>,
) -> Result<(), BuildError> {
    let generated: Vec<&PathBuf> = generated.into_iter().collect();
    for relative in statics.keys() {
        let clash = relative == Path::new(OUTPUT_MARKER)
            || generated
                .iter()
                .any(|g| *g == relative || g.starts_with(relative) || relative.starts_with(g));
        if clash {
            return Err(refused(
                &Path::new(STATIC_DIR).join(relative),
                "letterkit writes a file of that name in the output folder: rename or move it"
                    .into(),
            ));
        }
    }
    Ok(())
}

fn refused(path: &Path, reason: String) -> BuildError {
    BuildError::Static {
        path: path.to_owned(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_static_file_in_the_place_of_a_generated_one_is_refused() {
        let statics: BTreeMap<PathBuf, Vec<u8>> = [
            (PathBuf::from("CNAME"), b"example.org".to_vec()),
            (PathBuf::from("letter/en/index.html"), Vec::new()),
        ]
        .into();
        let generated = [PathBuf::from("letter/en/index.html")];
        let error = refuse_collisions(&statics, &generated).unwrap_err();
        assert_eq!(
            error.to_string(),
            "cannot publish static/letter/en/index.html: letterkit writes a file of that name in the output folder: rename or move it"
        );
        let statics: BTreeMap<PathBuf, Vec<u8>> = [(PathBuf::from("status"), Vec::new())].into();
        assert!(refuse_collisions(&statics, &[PathBuf::from("status/index.html")]).is_err());
        let statics: BTreeMap<PathBuf, Vec<u8>> = [(PathBuf::from("CNAME"), Vec::new())].into();
        assert!(refuse_collisions(&statics, &generated).is_ok());
    }
}
