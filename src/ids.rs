//! The names letterkit gives to files, folders, resources and messages, and
//! the rule a name chosen by a user must follow. Loading, localizing, check
//! and sync all agree on them through this module, which imports nothing.

/// The file name of a project's configuration.
pub const CONFIG_FILE: &str = "letterkit.toml";

/// The Fluent resource that holds the page chrome shared by every letter.
pub const COMMON_RESOURCE: &str = "common";

/// The project folder holding one folder per letter.
pub const CONTENT_DIR: &str = "content";

/// The project folder holding one folder of Fluent files per locale.
pub const LOCALES_DIR: &str = "locales";

/// The file describing a letter's structure, in the letter's folder.
pub const LETTER_FILE: &str = "letter.toml";

/// The messages of the page chrome that the source locale's `common.ftl` must define.
pub const CHROME_MESSAGES: &[&str] = &[
    "language-name",
    "page-title",
    "skip-link",
    "language-switcher-label",
    "subject-label",
    "sources-heading",
    "note-reference",
    "back-to-reference",
    "cited-title",
    "draft-notice",
    "fallback-notice",
    "chooser-heading",
    "all-languages",
    "partial-translation",
];

/// The page title: a pattern in `common.ftl` around the letter's subject,
/// which a letter's own file may replace with a title of its own.
pub const PAGE_TITLE_MESSAGE: &str = "page-title";

/// The optional message in which a locale writes dates itself, where CLDR has no
/// date format for it.
pub const LETTER_DATE_MESSAGE: &str = "letter-date";

/// The functions a letter's messages may call ([`crate::functions`]).
pub const KNOWN_FUNCTIONS: &[&str] = &["NUMBER"];

/// The built-in functions of the Fluent specification, which other Fluent
/// runtimes (fluent.js) provide.
pub const FLUENT_FUNCTIONS: &[&str] = &["NUMBER", "DATETIME"];

/// Whether `name` is safe as a folder name and URL segment: `a-z`, `0-9`, `-`,
/// not starting with `-`, at most 100 characters.
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Names a letter's folder cannot have, because the output folder uses
/// them beside the letters' folders: each with what uses it.
pub const RESERVED_LETTER_IDS: &[(&str, &str)] = &[
    (
        "common",
        "each locale's `common.ftl` holds the page text every letter shares",
    ),
    (
        "status",
        "the output's `status/` is the translation dashboard",
    ),
    (
        "static",
        "the project's `static/` holds the files copied to the output",
    ),
    ("feeds", "the output's `feeds/` holds the Atom feeds"),
    (
        "index",
        "the output's `index.html` and `index.<tag>.html` list the letters",
    ),
    ("sitemap", "the output's `sitemap.xml` lists every page"),
];

/// Why `name` cannot be a letter's id (its folder under `content/`, and its
/// folder in the output), if it cannot: it is reserved by the output
/// (`status`, `feeds`, `index.fr.html`, `sitemap.xml`...), is not a safe
/// name ([`is_safe_name`]), or is a name Windows keeps for a device (`nul`,
/// `con`, `com1`...), so the project could not be checked out there.
pub fn letter_id_problem(name: &str) -> Option<String> {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    if let Some((reserved, why)) = RESERVED_LETTER_IDS.iter().find(|(r, _)| *r == stem) {
        return Some(format!(
            "the letter id `{name}` is reserved ({why}); rename the folder, to `{reserved}-letter` say"
        ));
    }
    if is_windows_device_name(name) {
        return Some(format!(
            "the letter id `{name}` is a name Windows reserves for a device, so the project could not be checked out there; rename the folder"
        ));
    }
    if !is_safe_name(name) {
        return Some(format!(
            "the letter id `{name}` must use only a-z, 0-9 and `-`, not start with `-` and have at most 100 characters, so that it is a file name and a web address on every system; rename the folder"
        ));
    }
    None
}

/// Whether `name`, before any extension, is one Windows reserves for a
/// device (`con`, `prn`, `aux`, `nul`, `com1`..`com9`, `lpt1`..`lpt9`, in any
/// case, with trailing spaces): no file or folder can have it there.
pub fn is_windows_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    match stem.to_ascii_lowercase().as_bytes() {
        b"con" | b"prn" | b"aux" | b"nul" => true,
        [b'c', b'o', b'm', digit] | [b'l', b'p', b't', digit] => matches!(digit, b'1'..=b'9'),
        _ => false,
    }
}

/// Says, after a cited title in another language than the page's, which
/// language the cited document is in.
pub const DOCUMENT_LANGUAGE_MESSAGE: &str = "cited-document-language";

/// Stands between a source's description and its cited title (". " in English).
pub const TITLE_SEPARATOR_MESSAGE: &str = "cited-title-separator";

/// Page text added to letterkit after projects began, which a project's
/// `common.ftl` may lack. A locale that lacks it falls back along its chain;
/// where the source locale lacks it too, letterkit's own English text (its
/// shipped `locales/en/common.ftl`) is shown. Check reports the gap as a
/// warning, so upgrading letterkit never fails a project's checks.
pub const ADDED_PAGE_MESSAGES: &[&str] = &[
    DOCUMENT_LANGUAGE_MESSAGE,
    TITLE_SEPARATOR_MESSAGE,
    INDEX_HEADING_MESSAGE,
    INDEX_LANGUAGES_MESSAGE,
    INDEX_FEED_MESSAGE,
];

/// The title and heading of the site's index page, the list of every letter.
pub const INDEX_HEADING_MESSAGE: &str = "index-heading";

/// The label of the index page's language switcher.
pub const INDEX_LANGUAGES_MESSAGE: &str = "index-languages";

/// The text of the index page's link to its language's Atom feed.
pub const INDEX_FEED_MESSAGE: &str = "index-feed";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_are_refused() {
        for name in ["", "../x", "a/b", "A", "-x", "a b", "a\0"] {
            assert!(!is_safe_name(name), "{name:?}");
        }
        assert!(is_safe_name("us-mexico-asylum-2023"));
    }

    #[test]
    fn reserved_and_unportable_letter_ids_are_refused_with_the_reason() {
        for name in [
            "status",
            "static",
            "feeds",
            "index",
            "sitemap",
            "sitemap.xml",
            "index.fr.html",
            "index.pt-BR.html",
            "Status",
        ] {
            let why = letter_id_problem(name).unwrap_or_else(|| panic!("{name} accepted"));
            assert!(why.contains("is reserved"), "{name}: {why}");
        }
        for name in [
            "nul", "con", "aux", "prn", "com1", "lpt9", "NUL", "con.txt", "nul ",
        ] {
            let why = letter_id_problem(name).unwrap_or_else(|| panic!("{name} accepted"));
            assert!(why.contains("Windows"), "{name}: {why}");
        }
        for name in ["a.", "a ", "a:b", "a*b", "x\\y", "caf\u{e9}", "A"] {
            let why = letter_id_problem(name).unwrap_or_else(|| panic!("{name:?} accepted"));
            assert!(why.contains("a-z, 0-9"), "{name}: {why}");
        }
        for name in [
            "status-2024",
            "index-of-letters",
            "console",
            "com10",
            "letter-nul",
        ] {
            assert_eq!(letter_id_problem(name), None, "{name}");
        }
    }
}
