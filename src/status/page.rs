//! The translation dashboard's page: one accessible page with a table of every
//! letter in every locale (the table is the source of truth; each row's
//! progress is written out beside a bar drawn from the same figure), the
//! findings of `check` in each locale, and one SVG badge per letter and
//! locale ("es 100%") that a README can embed. Table, bar and badge show
//! one measure, [`crate::status::Progress`]: words translated and current,
//! with stale translations shown apart. Its own words are English, the
//! language coordinators share; each language's name is in itself, marked
//! with its `lang`.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::Path;

use crate::check::Finding;
use crate::code::Severity;
use crate::lang::{Lang, Status};
use crate::render::html;
use crate::render::writer::HtmlWriter;
use crate::status::{Row, State};

/// At most this many findings of a locale are listed; the rest are counted.
const FINDINGS_LISTED: usize = 100;

/// What `check` found, for the dashboard: its findings, or why it could
/// not run.
pub type Checked<'f> = Result<&'f [Finding], &'f str>;

const STYLE: &str = include_str!("dashboard.css");

/// One row of the dashboard: a status row and the language's name in itself.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'r> {
    /// Coverage, stale count and state.
    pub row: &'r Row,
    /// The locale's language.
    pub lang: &'r Lang,
    /// The language's name in itself.
    pub name: &'r str,
}

/// The dashboard page: the table of `entries`, and what `check` found in
/// each of their locales.
pub fn page(entries: &[Entry<'_>], checked: Checked<'_>) -> String {
    let by_file = checked.ok().map(file_counts);
    let mut w = HtmlWriter::new();
    w.doctype();
    w.start("html", &[("lang", "en"), ("dir", "ltr")]);
    w.newline();
    html::head(&mut w, "Translation status", &[STYLE], |_| {});
    w.start("body", &[]);
    w.newline();
    w.start("main", &[]);
    w.newline();
    w.element("h1", &[], "Translation status");
    w.newline();
    w.element(
        "p",
        &[],
        "Messages and words of the source translated and up to date in each language, translations whose source has changed since (stale: they are published, but need updating), the errors and warnings of letterkit check, and whether a native speaker has reviewed the translation. Progress counts words; a stale translation is not counted as done.",
    );
    w.newline();
    w.start(
        "div",
        &[
            ("class", "table-scroll"),
            ("role", "region"),
            ("aria-labelledby", "status-caption"),
            ("tabindex", "0"),
        ],
    );
    w.newline();
    w.start("table", &[]);
    w.newline();
    w.element(
        "caption",
        &[("id", "status-caption")],
        "Every letter in every language",
    );
    w.newline();
    w.start("thead", &[]);
    w.start("tr", &[]);
    for heading in [
        "Letter", "Language", "Messages", "Words", "Stale", "State", "Review", "Check", "Progress",
    ] {
        w.element("th", &[("scope", "col")], heading);
    }
    w.end("tr");
    w.end("thead");
    w.newline();
    w.start("tbody", &[]);
    w.newline();
    for entry in entries {
        let row = entry.row;
        let coverage = &row.coverage;
        w.start("tr", &[]);
        if coverage.letter == crate::coverage::PAGE_TEXT {
            w.element("th", &[("scope", "row")], "page text (common.ftl)");
        } else {
            w.element("th", &[("scope", "row")], &coverage.letter);
        }
        w.start("td", &[]);
        w.element(
            "span",
            &[
                ("lang", entry.lang.tag()),
                ("dir", entry.lang.direction().as_str()),
            ],
            entry.name,
        );
        w.text(&format!(" ({})", entry.lang.tag()));
        w.end("td");
        let progress = &row.progress;
        let stale = match row.stale {
            0 => "0".to_owned(),
            n => format!(
                "{n} ({} word{})",
                row.words_stale,
                if row.words_stale == 1 { "" } else { "s" }
            ),
        };
        let figures = [
            format!("{}/{}", progress.messages_current, coverage.total),
            format!("{}/{}", progress.words_current, coverage.words_total),
            stale,
        ];
        for figure in &figures {
            w.element("td", &[("class", "number")], figure);
        }
        w.element("td", &[], row.state.as_str());
        w.element("td", &[], review(row));
        w.start("td", &[]);
        check_cell(&mut w, entry, by_file.as_ref());
        w.end("td");
        w.start("td", &[("class", "progress")]);
        bar(&mut w, row);
        w.text(&row.progress_label());
        w.end("td");
        w.end("tr");
        w.newline();
    }
    w.end("tbody");
    w.newline();
    w.end("table");
    w.newline();
    w.end("div");
    w.newline();
    findings_section(&mut w, entries, checked);
    w.end("main");
    w.newline();
    html::end_page(w)
}

/// Errors and warnings by locale and file stem (a letter's name, or
/// `common` for the page text), so that each row finds its own at once.
type FileCounts<'f> = BTreeMap<(&'f str, &'f OsStr), (usize, usize)>;

fn file_counts(findings: &[Finding]) -> FileCounts<'_> {
    let mut counts = FileCounts::new();
    for finding in findings {
        let Some(stem) = Path::new(&*finding.location.file).file_stem() else {
            continue;
        };
        let count = counts.entry((&finding.locale, stem)).or_default();
        match finding.severity {
            Severity::Error => count.0 += 1,
            Severity::Warning => count.1 += 1,
        }
    }
    counts
}

/// "2 errors, 1 warning", or "none".
fn counts(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => "none".to_owned(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

fn severity_counts<'f>(findings: impl Iterator<Item = &'f Finding>) -> (usize, usize) {
    findings.fold((0, 0), |(e, w), f| match f.severity {
        Severity::Error => (e + 1, w),
        Severity::Warning => (e, w + 1),
    })
}

/// The id of a locale's list of findings on the page.
fn findings_id(lang: &Lang) -> String {
    format!("check-{}", lang.tag())
}

/// `text` with its control characters and bidi controls (which a finding
/// quoting a translation may hold) written as their code points, `[U+202E]`,
/// so that they are seen and never act on the page.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || crate::text::is_bidi_control(c) {
            out.push_str(&format!("[U+{:04X}]", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A row's errors and warnings, linked to its locale's list of findings.
fn check_cell(w: &mut HtmlWriter, entry: &Entry<'_>, counts_by_file: Option<&FileCounts<'_>>) {
    let Some(by_file) = counts_by_file else {
        w.text("not run");
        return;
    };
    let key = (
        entry.row.coverage.locale.as_str(),
        OsStr::new(&entry.row.coverage.letter),
    );
    let (errors, warnings) = by_file.get(&key).copied().unwrap_or_default();
    let text = counts(errors, warnings);
    if errors + warnings == 0 {
        w.text(&text);
        return;
    }
    let href = format!("#{}", findings_id(entry.lang));
    w.element("a", &[("href", &href)], &text);
}

/// Each locale's findings, errors first, under a heading the table links to.
fn findings_section(w: &mut HtmlWriter, entries: &[Entry<'_>], checked: Checked<'_>) {
    w.start("section", &[("aria-labelledby", "check-findings")]);
    w.newline();
    w.element(
        "h2",
        &[("id", "check-findings")],
        "Findings of letterkit check",
    );
    w.newline();
    let findings = match checked {
        Ok(findings) => findings,
        Err(reason) => {
            w.element(
                "p",
                &[],
                &format!("letterkit check could not run: {reason}"),
            );
            w.newline();
            w.end("section");
            w.newline();
            return;
        }
    };
    let mut locales: Vec<&Entry<'_>> = Vec::new();
    for entry in entries {
        if !locales.iter().any(|e| e.lang == entry.lang) {
            locales.push(entry);
        }
    }
    let mut by_locale: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for finding in findings {
        by_locale.entry(&finding.locale).or_default().push(finding);
    }
    let mut any = false;
    for entry in locales {
        let Some(mut found) = by_locale.remove(entry.lang.tag()) else {
            continue;
        };
        any = true;
        // Errors first, each severity in the report's order.
        found.sort_by_key(|f| f.severity != Severity::Error);
        let (errors, warnings) = severity_counts(found.iter().copied());
        w.start("h3", &[("id", &findings_id(entry.lang))]);
        w.element(
            "span",
            &[
                ("lang", entry.lang.tag()),
                ("dir", entry.lang.direction().as_str()),
            ],
            entry.name,
        );
        w.text(&format!(
            " ({}): {}",
            entry.lang.tag(),
            counts(errors, warnings)
        ));
        w.end("h3");
        w.newline();
        w.start("ul", &[("class", "findings")]);
        w.newline();
        for finding in found.iter().take(FINDINGS_LISTED) {
            w.start("li", &[]);
            let severity = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            w.element("strong", &[], severity);
            w.text(" ");
            w.element("code", &[], finding.code.as_str());
            w.text(" ");
            let place = format!(
                "{}:{}:{}",
                finding.location.file.display(),
                finding.location.line,
                finding.location.column
            );
            w.element("code", &[], &visible(&place));
            if let Some(id) = &finding.message_id {
                w.text(" ");
                w.element("code", &[], &visible(id));
            }
            w.text(": ");
            w.text(&visible(&finding.message));
            w.end("li");
            w.newline();
        }
        w.end("ul");
        w.newline();
        if found.len() > FINDINGS_LISTED {
            w.element(
                "p",
                &[],
                &format!(
                    "and {} more: run letterkit check --locale {}",
                    found.len() - FINDINGS_LISTED,
                    entry.lang.tag()
                ),
            );
            w.newline();
        }
    }
    if !any {
        w.element("p", &[], "letterkit check found nothing to report.");
        w.newline();
    }
    w.end("section");
    w.newline();
}

fn review(row: &Row) -> &'static str {
    match (row.state, row.coverage.status) {
        (State::Source, _) => "source",
        (_, Status::Draft) => "draft",
        (_, Status::Reviewed) => "reviewed",
    }
}

/// A progress bar drawn from the row's progress: words current, then words
/// stale. Hidden from assistive technology, since the same figures are
/// written beside it.
fn bar(w: &mut HtmlWriter, row: &Row) {
    let progress = &row.progress;
    let fill = progress.percent.to_string();
    let stale_width = progress.stale_percent.to_string();
    w.start(
        "svg",
        &[
            ("class", "bar"),
            ("aria-hidden", "true"),
            ("focusable", "false"),
            ("viewBox", "0 0 100 10"),
            ("preserveAspectRatio", "none"),
        ],
    );
    w.start(
        "rect",
        &[
            ("class", "bar-track"),
            ("x", "0.5"),
            ("y", "0.5"),
            ("width", "99"),
            ("height", "9"),
        ],
    );
    w.end("rect");
    w.start(
        "rect",
        &[
            ("class", "bar-fill"),
            ("x", "0"),
            ("y", "0"),
            ("width", &fill),
            ("height", "10"),
        ],
    );
    w.end("rect");
    if progress.stale_percent > 0 {
        w.start(
            "rect",
            &[
                ("class", "bar-stale"),
                ("x", &fill),
                ("y", "0"),
                ("width", &stale_width),
                ("height", "10"),
            ],
        );
        w.end("rect");
    }
    w.end("svg");
}

/// A badge for a README: the locale's tag and its progress as the
/// dashboard shows it (words translated and current, stale beside), as a
/// standalone SVG file.
pub fn badge(entry: &Entry<'_>) -> String {
    let label = entry.lang.tag();
    let value = entry.row.progress_label();
    // Verdana at 11px averages under 7px a character.
    let label_width = 10 + 7 * label.chars().count();
    let value_width = 10 + 7 * value.chars().count();
    let width = label_width + value_width;
    // White text on these keeps a contrast of at least 4.5:1.
    let colour = if entry.row.progress.percent == 100 {
        "#2e7d32"
    } else {
        "#8a5a00"
    };
    let title = format!("{label}: {value} of words translated");
    let mut w = HtmlWriter::new();
    w.start(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", &width.to_string()),
            ("height", "20"),
            ("role", "img"),
            ("aria-label", &title),
        ],
    );
    w.newline();
    w.element("title", &[], &title);
    w.newline();
    let rect = |w: &mut HtmlWriter, x: usize, width: usize, fill: &str| {
        w.start(
            "rect",
            &[
                ("x", &x.to_string()),
                ("width", &width.to_string()),
                ("height", "20"),
                ("fill", fill),
            ],
        );
        w.end("rect");
        w.newline();
    };
    rect(&mut w, 0, label_width, "#555555");
    rect(&mut w, label_width, value_width, colour);
    let text = |w: &mut HtmlWriter, x: usize, content: &str| {
        w.element(
            "text",
            &[
                ("x", &x.to_string()),
                ("y", "14"),
                ("fill", "#ffffff"),
                ("font-family", "Verdana, DejaVu Sans, sans-serif"),
                ("font-size", "11"),
                ("text-anchor", "middle"),
            ],
            content,
        );
        w.newline();
    };
    text(&mut w, label_width / 2, label);
    text(&mut w, label_width + value_width / 2, &value);
    w.end("svg");
    w.newline();
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_of_a_finding_are_shown_as_code_points() {
        assert_eq!(
            visible("`x` holds <sc\0ript> and \u{202E}gnp.exe\n"),
            "`x` holds <sc[U+0000]ript> and [U+202E]gnp.exe[U+000A]"
        );
        assert_eq!(visible("Español ۱"), "Español ۱");
    }
}
