//! The translation dashboard as files of the output: the page
//! ([`super::page`]) and a badge per letter and locale, from the status rows
//! and the findings of `check` on the whole project, each language named in
//! itself.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::check::{self, Finding};
use crate::localize;
use crate::lock::LockError;
use crate::project::Project;
use crate::status::page::{self, Entry};
use crate::status::{self, Row};

/// The folder of the translation dashboard in the output.
pub const STATUS_DIR: &str = "status";

/// The translation dashboard of the whole project.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// The page.
    pub page: String,
    /// The badges, by file name.
    pub badges: Vec<(String, String)>,
}

impl Dashboard {
    /// The dashboard of every letter in every locale: a page and a badge for each.
    pub fn new(project: &Project) -> Result<Self, LockError> {
        let rows = status::status(project)?;
        Ok(Dashboard::of_rows(project, &rows))
    }

    /// The dashboard of `rows` (as [`status::status`] orders them), with
    /// what `check` finds in the whole project (or why it cannot run, said
    /// on the page).
    pub fn of_rows(project: &Project, rows: &[Row]) -> Self {
        match check::check(project, &[], &[]) {
            Ok(report) => Dashboard::of_checked(project, rows, Ok(&report.findings)),
            Err(error) => Dashboard::of_checked(project, rows, Err(&error.to_string())),
        }
    }

    /// The dashboard of `rows` with the findings of a check already run (or
    /// why it could not run).
    pub fn of_checked(project: &Project, rows: &[Row], checked: Result<&[Finding], &str>) -> Self {
        let names: BTreeMap<&str, String> = match project.letters.first() {
            Some(letter) => project
                .locales
                .iter()
                .map(|l| {
                    (
                        l.lang().tag(),
                        localize::language_name(project, letter, l.lang()),
                    )
                })
                .collect(),
            None => BTreeMap::new(),
        };
        let entries: Vec<Entry<'_>> = rows
            .iter()
            .filter_map(|row| {
                let files = project
                    .locales
                    .iter()
                    .find(|l| l.lang().tag() == row.coverage.locale)?;
                Some(Entry {
                    row,
                    lang: files.lang(),
                    name: names
                        .get(files.lang().tag())
                        .map_or(files.lang().tag(), String::as_str),
                })
            })
            .collect();
        // A badge per letter and locale; the page text has its row, no badge.
        let badges = entries
            .iter()
            .filter(|entry| entry.row.coverage.letter != crate::coverage::PAGE_TEXT)
            .map(|entry| {
                (
                    format!("{}-{}.svg", entry.row.coverage.letter, entry.lang.tag()),
                    page::badge(entry),
                )
            })
            .collect();
        Dashboard {
            page: page::page(&entries, checked),
            badges,
        }
    }

    /// The files as the output holds them: `status/index.html` and a badge
    /// per letter and locale, `status/<letter>-<locale>.svg`.
    pub fn files(self) -> Vec<(PathBuf, String)> {
        let folder = Path::new(STATUS_DIR);
        let mut files = vec![(folder.join("index.html"), self.page)];
        files.extend(
            self.badges
                .into_iter()
                .map(|(name, badge)| (folder.join(name), badge)),
        );
        files
    }
}
