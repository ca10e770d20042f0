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

/// The functions a letter's messages may call: the built-ins fluent-bundle has.
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
}
