//! The translation dashboard's page: one accessible page with a table of every
//! letter in every locale (the table is the source of truth; each row's
//! progress bar is an SVG image with the same figure as its text
//! alternative), and one SVG badge per letter and locale ("es 100%") that a
//! README can embed. Its own words are English, the language coordinators
//! share; each language's name is in itself, marked with its `lang`.

use crate::lang::{Lang, Status};
use crate::render::html;
use crate::render::writer::HtmlWriter;
use crate::status::{Row, State};

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

/// The dashboard page.
pub fn page(entries: &[Entry<'_>]) -> String {
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
        "Messages and words of the source translated in each language, translations whose source has changed since (stale), and whether a native speaker has reviewed the translation.",
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
        "Letter", "Language", "Messages", "Words", "Stale", "State", "Review", "Progress",
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
        let figures = [
            format!("{}/{}", coverage.translated, coverage.total),
            format!("{}/{}", coverage.words_translated, coverage.words_total),
            row.stale.to_string(),
        ];
        for figure in &figures {
            w.element("td", &[("class", "number")], figure);
        }
        w.element("td", &[], row.state.as_str());
        w.element("td", &[], review(row));
        w.start("td", &[]);
        bar(
            &mut w,
            percent(coverage.words_translated, coverage.words_total),
        );
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
    w.end("main");
    w.newline();
    html::end_page(w)
}

fn review(row: &Row) -> &'static str {
    match (row.state, row.coverage.status) {
        (State::Source, _) => "source",
        (_, Status::Draft) => "draft",
        (_, Status::Reviewed) => "reviewed",
    }
}

/// The share in whole percent, rounded down (100 only when complete).
fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(100)
}

/// A progress bar: an SVG image whose text alternative says the figure.
fn bar(w: &mut HtmlWriter, percent: usize) {
    let label = format!("{percent}% of words translated");
    let fill = percent.to_string();
    w.start(
        "svg",
        &[
            ("class", "bar"),
            ("role", "img"),
            ("aria-label", &label),
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
    w.end("svg");
}

/// A badge for a README: the locale's tag and the share of messages
/// translated, as a standalone SVG file.
pub fn badge(entry: &Entry<'_>) -> String {
    let coverage = &entry.row.coverage;
    let label = entry.lang.tag();
    // Words, as `min-coverage` counts them; a stale translation counts as
    // translated and is named beside.
    let stale = entry.row.stale;
    let value = if stale > 0 {
        format!("{}%, {stale} stale", coverage.percent())
    } else {
        format!("{}%", coverage.percent())
    };
    // Verdana at 11px averages under 7px a character.
    let label_width = 10 + 7 * label.chars().count();
    let value_width = 10 + 7 * value.chars().count();
    let width = label_width + value_width;
    // White text on these keeps a contrast of at least 4.5:1.
    let colour = if coverage.translated == coverage.total && stale == 0 {
        "#2e7d32"
    } else {
        "#8a5a00"
    };
    let title = format!("{label}: {value} translated");
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
