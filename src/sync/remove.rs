//! `locale remove`: a locale taken out of the project. Its `[[locales]]`
//! table leaves `letterkit.toml` and its tag every letter's `locales`, each
//! file edited as text so that every other line and comment stays as
//! written; each edit is read back and compared with what was meant, and
//! nothing is written when one is not exactly that. The locale's folder
//! stays where it is unless asked to go, and then it is moved aside, not
//! deleted, to `locales/.removed/<tag>/`, which letterkit never reads and
//! git ignores.

use std::fs;
use std::path::{Path, PathBuf};

use super::{SyncError, io_error};
use crate::ids::{CONFIG_FILE, LOCALES_DIR};
use crate::lang::Lang;
use crate::project::{Project, letter_file_path};

/// The folder under `locales/` that removed locales' folders are moved to.
pub const REMOVED_DIR: &str = ".removed";

/// What `locale remove` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// The locale's tag.
    pub locale: String,
    /// The files edited (`letterkit.toml`, letters' `letter.toml`), relative
    /// to the project.
    pub edited: Vec<PathBuf>,
    /// The locale's folder, relative to the project (`locales/<tag>`).
    pub folder: PathBuf,
    /// How many files the folder holds (0 where there is no folder).
    pub files: usize,
    /// Where the folder was moved, when asked to be.
    pub moved_to: Option<PathBuf>,
}

/// Removes the locale `tag` from `letterkit.toml` and from the `locales` of
/// every letter that lists it; with `delete_files`, moves `locales/<tag>/`
/// to `locales/.removed/<tag>/` (a folder letterkit never reads, with a
/// `.gitignore` so that git ignores it too). The source locale, and a locale
/// another falls back to, are refused. A locale no longer configured whose
/// folder is still there has only its folder moved, with `delete_files`.
pub fn remove_locale(
    project: &Project,
    tag: &str,
    delete_files: bool,
) -> Result<Removal, SyncError> {
    let lang = Lang::parse(tag).map_err(|e| SyncError::BadTag(e.to_string()))?;
    let folder = Path::new(LOCALES_DIR).join(lang.tag());
    let folder_exists = project.root.join(&folder).is_dir();
    let listed = project.config.locale(lang.tag()).is_some();
    let only_files = delete_files && folder_exists;
    if !listed && !only_files {
        return Err(SyncError::NotListed {
            tag: lang.tag().to_owned(),
            locales: project
                .config
                .locales
                .iter()
                .map(|l| l.lang.tag())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    if lang == project.config.source {
        return Err(SyncError::IsSource(lang.tag().to_owned()));
    }
    let others: Vec<&str> = project
        .config
        .locales
        .iter()
        .filter(|l| l.fallback.contains(&lang))
        .map(|l| l.lang.tag())
        .collect();
    if !others.is_empty() {
        return Err(SyncError::FallbackOf {
            tag: lang.tag().to_owned(),
            others: others.join(", "),
        });
    }

    // Every edit is made and verified before any file is written.
    let mut edits: Vec<(PathBuf, String)> = Vec::new();
    if listed {
        let path = PathBuf::from(CONFIG_FILE);
        let text = fs::read_to_string(project.root.join(&path)).map_err(io_error(&path))?;
        let edited = without_locale_table(&text, lang.tag()).ok_or_else(|| SyncError::Edit {
            path: path.clone(),
            what: format!("the [[locales]] table with tag = \"{lang}\""),
        })?;
        edits.push((path, edited));
    }
    for letter in &project.letters {
        if !letter.locales.as_ref().is_some_and(|l| l.contains(&lang)) {
            continue;
        }
        let path = letter_file_path(&letter.name);
        let text = fs::read_to_string(project.root.join(&path)).map_err(io_error(&path))?;
        let edited = without_listed_locale(&text, lang.tag()).ok_or_else(|| SyncError::Edit {
            path: path.clone(),
            what: format!("\"{lang}\" from its `locales`"),
        })?;
        edits.push((path, edited));
    }
    for (path, text) in &edits {
        fs::write(project.root.join(path), text).map_err(io_error(path))?;
    }
    let files = if folder_exists {
        count_files(&project.root.join(&folder))
    } else {
        0
    };
    let moved_to = if delete_files && folder_exists {
        Some(move_aside(&project.root, &folder, lang.tag())?)
    } else {
        None
    };
    Ok(Removal {
        locale: lang.tag().to_owned(),
        edited: edits.into_iter().map(|(path, _)| path).collect(),
        folder,
        files,
        moved_to,
    })
}

/// Moves `folder` (relative to `root`) to `locales/.removed/<tag>/`, or
/// `<tag>-2`, `<tag>-3`... where that is taken; returns where it went.
fn move_aside(root: &Path, folder: &Path, tag: &str) -> Result<PathBuf, SyncError> {
    let removed = Path::new(LOCALES_DIR).join(REMOVED_DIR);
    fs::create_dir_all(root.join(&removed)).map_err(io_error(&removed))?;
    let ignore = removed.join(".gitignore");
    if !root.join(&ignore).exists() {
        fs::write(
            root.join(&ignore),
            "# Locales taken out of the project by `letterkit locale remove --delete-files`.\n*\n",
        )
        .map_err(io_error(&ignore))?;
    }
    let mut target = removed.join(tag);
    let mut n = 2;
    while root.join(&target).exists() {
        target = removed.join(format!("{tag}-{n}"));
        n += 1;
    }
    fs::rename(root.join(folder), root.join(&target)).map_err(io_error(folder))?;
    Ok(target)
}

/// How many files are in `dir` and the folders below it.
fn count_files(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => count_files(&entry.path()),
            Ok(_) => 1,
            Err(_) => 0,
        })
        .sum()
}

/// Whether a line opens a table (`[check]`, `[[locales]]`), comments aside.
fn is_header(line: &str) -> bool {
    line.trim_start().starts_with('[')
}

fn is_blank_or_comment(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.is_empty() || trimmed.starts_with('#')
}

/// The value of a `key = "value"` line, quotes and a comment aside.
fn string_value<'l>(line: &'l str, key: &str) -> Option<&'l str> {
    let rest = line.trim_start().strip_prefix(key)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim();
    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let inner = &rest[1..];
    let end = inner.find(quote)?;
    let after = inner[end + 1..].trim();
    (after.is_empty() || after.starts_with('#')).then_some(&inner[..end])
}

/// `letterkit.toml`'s text without the `[[locales]]` table whose tag is
/// `tag`: its header, its keys, the comment lines just above its header,
/// and the blank lines that separated it; `None` where the table is not
/// written so, or the result is not the configuration without that locale.
fn without_locale_table(text: &str, tag: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let headers: Vec<usize> = (0..lines.len()).filter(|&i| is_header(lines[i])).collect();
    let (start, end) = headers.iter().enumerate().find_map(|(n, &at)| {
        let header = lines[at].trim();
        let header = header.split('#').next().unwrap_or(header).trim();
        if header.replace(' ', "") != "[[locales]]" {
            return None;
        }
        let next = headers.get(n + 1).copied().unwrap_or(lines.len());
        lines[at + 1..next]
            .iter()
            .any(|line| string_value(line, "tag") == Some(tag))
            .then_some((at, next))
    })?;
    // The comments just above the header are the table's; those at its end
    // are the next table's.
    let mut first = start;
    while first > 0 && lines[first - 1].trim_start().starts_with('#') {
        first -= 1;
    }
    let mut last = end;
    while last > start + 1 && is_blank_or_comment(lines[last - 1]) {
        last -= 1;
    }
    // The blank lines after it go too, where blank lines stand before it.
    if first == 0 || lines[first - 1].trim().is_empty() {
        while last < lines.len() && lines[last].trim().is_empty() {
            last += 1;
        }
    }
    let mut edited: String = lines[..first].concat();
    edited.push_str(&lines[last..].concat());
    if first > 0 && last == lines.len() {
        // The removed table was the last: no blank lines left at the end.
        let kept = edited.trim_end_matches('\n').len();
        edited.truncate(kept);
        edited.push('\n');
    }
    let mut expected: toml::Table = toml::from_str(text).ok()?;
    let locales = expected.get_mut("locales")?.as_array_mut()?;
    let before = locales.len();
    locales.retain(|l| l.get("tag").and_then(toml::Value::as_str) != Some(tag));
    if locales.len() + 1 != before {
        return None;
    }
    let got: toml::Table = toml::from_str(&edited).ok()?;
    (got == expected).then_some(edited)
}

/// `letter.toml`'s text with `tag` taken out of its top-level `locales`
/// array, the rest as written; `None` where the array is not written so, or
/// the result is not the letter without that locale.
fn without_listed_locale(text: &str, tag: &str) -> Option<String> {
    let mut at = 0;
    let mut array = None;
    for line in text.split_inclusive('\n') {
        if is_header(line) {
            break;
        }
        if let Some(rest) = line.strip_prefix("locales")
            && rest.trim_start().starts_with('=')
        {
            let open = at + line.find('[')?;
            let close = open + text[open..].find(']')?;
            array = Some((open, close));
            break;
        }
        at += line.len();
    }
    let (open, close) = array?;
    let inside = &text[open + 1..close];
    let (from, to) = ['"', '\''].iter().find_map(|q| {
        let quoted = format!("{q}{tag}{q}");
        inside.find(&quoted).map(|at| (at, at + quoted.len()))
    })?;
    // The element and the comma after it, or else the comma before it.
    let after = &inside[to..];
    let (from, to) = match after.trim_start_matches([' ', '\t']).strip_prefix(',') {
        Some(rest) => {
            let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            (from, inside.len() - rest.len() + spaces)
        }
        None => {
            let before = inside[..from].trim_end_matches([' ', '\t', '\n', '\r']);
            match before.strip_suffix(',') {
                Some(kept) => (kept.len(), to),
                None => (from, to),
            }
        }
    };
    let edited = format!(
        "{}{}{}",
        &text[..open + 1],
        {
            let mut kept = inside[..from].to_owned();
            kept.push_str(&inside[to..]);
            kept
        },
        &text[close..]
    );
    let mut expected: toml::Table = toml::from_str(text).ok()?;
    let locales = expected.get_mut("locales")?.as_array_mut()?;
    let before = locales.len();
    locales.retain(|l| l.as_str() != Some(tag));
    if locales.len() + 1 != before {
        return None;
    }
    let got: toml::Table = toml::from_str(&edited).ok()?;
    (got == expected).then_some(edited)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "#:schema schemas/letterkit.schema.json
source-locale = \"en\" # the letter is written in English

[[locales]]
tag = \"en\"
required = true
status = \"reviewed\"

# French: reviewed by Camille
[[locales]]
tag = \"fr\"
required = false # for now
status = \"draft\"

# Haitian Creole comes next.
[[locales]]
tag = 'ht'
status = \"draft\"

[check]
allow-identical = [\"name\"]
";

    #[test]
    fn a_locale_table_goes_with_its_comments_and_the_rest_stays_as_written() {
        assert_eq!(
            without_locale_table(CONFIG, "fr").unwrap(),
            "#:schema schemas/letterkit.schema.json
source-locale = \"en\" # the letter is written in English

[[locales]]
tag = \"en\"
required = true
status = \"reviewed\"

# Haitian Creole comes next.
[[locales]]
tag = 'ht'
status = \"draft\"

[check]
allow-identical = [\"name\"]
"
        );
        let without_ht = without_locale_table(CONFIG, "ht").unwrap();
        assert!(without_ht.contains("# French: reviewed by Camille\n[[locales]]\ntag = \"fr\""));
        assert!(!without_ht.contains("Haitian"));
        assert!(
            without_ht.contains("status = \"draft\"\n\n[check]\n"),
            "{without_ht}"
        );
    }

    #[test]
    fn the_last_table_leaves_no_blank_lines_behind() {
        let text = "source-locale = \"en\"\n\n[[locales]]\ntag = \"en\"\nstatus = \"reviewed\"\n\n[[locales]]\ntag = \"es\"\nstatus = \"draft\"\n";
        assert_eq!(
            without_locale_table(text, "es").unwrap(),
            "source-locale = \"en\"\n\n[[locales]]\ntag = \"en\"\nstatus = \"reviewed\"\n"
        );
    }

    #[test]
    fn a_configuration_not_written_as_tables_is_not_edited() {
        let inline = "source-locale = \"en\"\nlocales = [{ tag = \"en\", status = \"reviewed\" }, { tag = \"fr\", status = \"draft\" }]\n";
        assert_eq!(without_locale_table(inline, "fr"), None);
        assert_eq!(without_locale_table(CONFIG, "de"), None);
    }

    #[test]
    fn a_letter_loses_the_tag_and_keeps_its_layout() {
        for (before, after) in [
            (
                "locales = [\"en\", \"fr\", \"ht\"] # published in\ndate = 2024-01-01\n",
                "locales = [\"en\", \"ht\"] # published in\ndate = 2024-01-01\n",
            ),
            ("locales = [\"en\", \"fr\"]\n", "locales = [\"en\"]\n"),
            ("locales = ['fr']\n", "locales = []\n"),
            (
                "locales = [\n  \"en\",\n  \"fr\", # reviewed\n  \"ht\",\n]\n",
                "locales = [\n  \"en\",\n  # reviewed\n  \"ht\",\n]\n",
            ),
        ] {
            assert_eq!(
                without_listed_locale(before, "fr").as_deref(),
                Some(after),
                "{before}"
            );
        }
        assert_eq!(without_listed_locale("locales = [\"en\"]\n", "fr"), None);
        assert_eq!(without_listed_locale("date = 2024-01-01\n", "fr"), None);
    }
}
