//! The accessible HTML page of one letter in one locale, and the page that lists
//! a letter's languages. Self-contained: inline CSS, no script, no external
//! request; relative links name `index.html` so the pages open from disk.
//!
//! Every change of language is marked: a span whose language differs from the
//! page's (a fallback, a cited title) carries `lang` and, where the direction
//! differs, `dir`.

use crate::document::{Block, Chooser, Document, Inline, Span};
use crate::lang::Lang;
use crate::render::writer::HtmlWriter;

const STYLE: &str = include_str!("page.css");

/// The letter page, as published beside its other languages.
pub fn page(document: &Document) -> String {
    write_page(document, Setting::Site)
}

/// The letter page on its own, for the HTML part of an email: no language
/// switcher, no skip link and no link to other pages, since relative links
/// lead nowhere in a mail client.
pub fn standalone_page(document: &Document) -> String {
    write_page(document, Setting::Standalone)
}

/// Where a letter page is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setting {
    /// In the published site, beside the other languages.
    Site,
    /// On its own, as in an email.
    Standalone,
}

fn write_page(document: &Document, setting: Setting) -> String {
    let site = setting == Setting::Site;
    let mut w = HtmlWriter::new();
    let page_lang = &document.lang;
    w.doctype();
    w.start(
        "html",
        &[
            ("lang", page_lang.tag()),
            ("dir", page_lang.direction().as_str()),
        ],
    );
    w.newline();
    head(&mut w, &document.title, &[], |w| {
        if let Some(sender) = &document.sender {
            w.void("meta", &[("name", "author"), ("content", sender)]);
            w.newline();
        }
        if !site {
            return;
        }
        let alternates: Vec<(&str, String)> = document
            .languages
            .iter()
            .map(|a| (a.lang.tag(), format!("../{}/index.html", a.lang.tag())))
            .collect();
        alternate_links(w, &alternates, "../index.html");
        let url = document
            .base_url
            .as_ref()
            .map(|base| page_url(base, &document.letter, document.lang.tag()));
        social_metadata(
            w,
            &SocialMetadata {
                title: &document.title,
                description: &document.description(),
                lang: &document.lang,
                alternates: document.languages.iter().map(|a| &a.lang).collect(),
                url: url.as_deref(),
            },
        );
    });
    w.start("body", &[]);
    w.newline();

    if site {
        w.start("a", &[("class", "skip-link"), ("href", "#letter")]);
        plain_span(&mut w, &document.chrome.skip_link, page_lang);
        w.end("a");
        w.newline();

        w.start("header", &[]);
        w.newline();
        language_switcher(&mut w, document);
        w.end("header");
        w.newline();
    }

    w.start("main", &[("id", "letter")]);
    w.newline();
    // The notices open the letter, so that the skip link does not pass them.
    for notice in [
        &document.chrome.draft_notice,
        &document.chrome.fallback_notice,
    ]
    .into_iter()
    .flatten()
    {
        w.start("p", &[("class", "notice")]);
        span(&mut w, notice, page_lang);
        w.end("p");
        w.newline();
    }
    w.start("p", &[("class", "recipient")]);
    span(&mut w, &document.recipient, page_lang);
    let data_lang = (document.data_lang != *page_lang).then(|| document.data_lang.tag());
    for line in &document.address {
        w.void("br", &[]);
        // Isolated, so that an address in Latin script keeps its order on a
        // right-to-left page, and in its own language for screen readers.
        match data_lang {
            Some(lang) => w.element("bdi", &[("lang", lang)], line),
            None => w.element("bdi", &[], line),
        }
    }
    w.end("p");
    w.newline();

    w.start("p", &[("class", "date")]);
    w.start("time", &[("datetime", &document.date.iso)]);
    span(&mut w, &document.date.text, page_lang);
    w.end("time");
    w.end("p");
    w.newline();

    w.start("h1", &[]);
    w.start("span", &[("class", "subject-label")]);
    span(&mut w, &document.subject_label, page_lang);
    w.end("span");
    w.text(" ");
    span(&mut w, &document.subject, page_lang);
    w.end("h1");
    w.newline();

    paragraph(&mut w, &document.salutation, page_lang, None);
    for block in &document.body {
        match block {
            Block::Paragraph(content) => paragraph(&mut w, content, page_lang, None),
            Block::List(items) => {
                w.start("ul", &[]);
                w.newline();
                for item in items {
                    w.start("li", &[]);
                    span(&mut w, item, page_lang);
                    w.end("li");
                    w.newline();
                }
                w.end("ul");
                w.newline();
            }
        }
    }
    paragraph(&mut w, &document.closing, page_lang, Some("closing"));

    w.start("div", &[("class", "signatories")]);
    w.newline();
    for signatory in &document.signatories {
        w.start("p", &[("class", "signatory")]);
        w.element("bdi", &[("class", "name")], &signatory.name);
        w.void("br", &[]);
        span(&mut w, &signatory.title, page_lang);
        w.void("br", &[]);
        span(&mut w, &signatory.organisation, page_lang);
        w.end("p");
        w.newline();
    }
    w.end("div");
    w.newline();

    if !document.notes.is_empty() {
        w.start("section", &[("aria-labelledby", "sources")]);
        w.newline();
        w.start("h2", &[("id", "sources")]);
        span(&mut w, &document.chrome.sources_heading, page_lang);
        w.end("h2");
        w.newline();
        // The browser's own markers write Western digits: a page whose
        // numbers are written otherwise writes each marker as text, which
        // every browser shows and every screen reader reads as written.
        let own_markers = document
            .notes
            .iter()
            .any(|note| note.numeral != note.number.to_string());
        let class = if own_markers {
            "sources numbered"
        } else {
            "sources"
        };
        w.start("ol", &[("class", class)]);
        w.newline();
        for note in &document.notes {
            let id = format!("source-{}", note.number);
            w.start("li", &[("id", &id)]);
            if own_markers {
                w.element(
                    "span",
                    &[("class", "marker")],
                    &format!("{}.", note.numeral),
                );
                w.text(" ");
            }
            span(&mut w, &note.description, page_lang);
            if let Some(title) = &note.cited_title {
                span(&mut w, &document.chrome.title_separator, page_lang);
                span(&mut w, title, page_lang);
            }
            if let Some(language) = &note.document_language {
                w.text(" ");
                span(&mut w, language, page_lang);
            }
            w.void("br", &[]);
            w.element(
                "a",
                &[("class", "url"), ("dir", "ltr"), ("href", &note.url)],
                &note.url,
            );
            if note.references > 0 {
                w.void("br", &[]);
                let href = format!("#ref-{}", note.number);
                w.start("a", &[("class", "back"), ("href", &href)]);
                plain_span(&mut w, &note.back_label, page_lang);
                w.end("a");
            }
            w.end("li");
            w.newline();
        }
        w.end("ol");
        w.newline();
        w.end("section");
        w.newline();
    }
    w.end("main");
    w.newline();

    if site {
        w.start("footer", &[]);
        w.start("p", &[]);
        w.start("a", &[("href", "../index.html")]);
        plain_span(&mut w, &document.chrome.all_languages, page_lang);
        w.end("a");
        w.end("p");
        if document.pdf {
            // "PDF" names the file's format in every language.
            w.start("p", &[]);
            w.element(
                "a",
                &[("href", super::PDF_FILE_NAME), ("type", "application/pdf")],
                "PDF",
            );
            w.end("p");
        }
        w.end("footer");
        w.newline();
    }
    end_page(w)
}

/// The address of a letter's page in `tag` on a site published at `base`
/// (which ends in `/`): its folder, as static hosts serve `index.html`.
pub fn page_url(base: &str, letter: &str, tag: &str) -> String {
    format!("{base}{letter}/{tag}/")
}

/// What link previews (Open Graph, Twitter cards) show of a page.
pub(crate) struct SocialMetadata<'a> {
    /// The page's title.
    pub title: &'a str,
    /// A description under 200 characters.
    pub description: &'a str,
    /// The page's language.
    pub lang: &'a Lang,
    /// Every language the page is published in, its own included.
    pub alternates: Vec<&'a Lang>,
    /// The page's address, where the site's is known.
    pub url: Option<&'a str>,
}

/// The canonical link and the Open Graph and Twitter card metadata.
pub(crate) fn social_metadata(w: &mut HtmlWriter, page: &SocialMetadata<'_>) {
    if let Some(url) = page.url {
        w.void("link", &[("rel", "canonical"), ("href", url)]);
        w.newline();
    }
    if !page.description.is_empty() {
        w.void(
            "meta",
            &[("name", "description"), ("content", page.description)],
        );
        w.newline();
    }
    let property = |w: &mut HtmlWriter, name: &'static str, content: &str| {
        w.void("meta", &[("property", name), ("content", content)]);
        w.newline();
    };
    property(w, "og:type", "article");
    property(w, "og:title", page.title);
    if !page.description.is_empty() {
        property(w, "og:description", page.description);
    }
    property(w, "og:locale", &page.lang.og_locale());
    for alternate in page.alternates.iter().filter(|l| **l != page.lang) {
        property(w, "og:locale:alternate", &alternate.og_locale());
    }
    if let Some(url) = page.url {
        property(w, "og:url", url);
    }
    w.void("meta", &[("name", "twitter:card"), ("content", "summary")]);
    w.newline();
}

/// The page listing every language of a letter, each named in itself.
pub fn chooser(chooser: &Chooser) -> String {
    let mut w = HtmlWriter::new();
    let page_lang = &chooser.lang;
    w.doctype();
    w.start(
        "html",
        &[
            ("lang", page_lang.tag()),
            ("dir", page_lang.direction().as_str()),
        ],
    );
    w.newline();
    head(&mut w, &chooser.title, &[], |w| {
        if let Some(sender) = &chooser.sender {
            w.void("meta", &[("name", "author"), ("content", sender)]);
            w.newline();
        }
        for entry in &chooser.entries {
            let href = format!("{}/index.html", entry.lang.tag());
            w.void(
                "link",
                &[
                    ("rel", "alternate"),
                    ("hreflang", entry.lang.tag()),
                    ("href", &href),
                ],
            );
            w.newline();
        }
    });
    w.start("body", &[]);
    w.newline();
    w.start("main", &[]);
    w.newline();
    if let Some(sender) = &chooser.sender {
        // Data, as written: isolated, so that a name in another script keeps its order.
        w.start("p", &[("class", "sender")]);
        w.element("bdi", &[], sender);
        w.end("p");
        w.newline();
    }
    w.start("h1", &[]);
    span(&mut w, &chooser.heading, page_lang);
    w.end("h1");
    w.newline();
    w.start("h2", &[]);
    for (i, prompt) in chooser.prompts.iter().enumerate() {
        if i > 0 {
            w.text(" · ");
        }
        foreign_span(&mut w, prompt, page_lang);
    }
    w.end("h2");
    w.newline();
    w.start("ul", &[("class", "choices")]);
    w.newline();
    for entry in &chooser.entries {
        let href = format!("{}/index.html", entry.lang.tag());
        let dir = entry.lang.direction().as_str();
        w.start("li", &[("lang", entry.lang.tag()), ("dir", dir)]);
        w.start(
            "a",
            &[
                ("href", &href),
                ("hreflang", entry.lang.tag()),
                ("rel", "alternate"),
            ],
        );
        w.text(&entry.name);
        w.end("a");
        if let Some(partial) = &entry.partial {
            w.text(" (");
            span(&mut w, partial, &entry.lang);
            w.text(")");
        }
        if entry.pdf {
            let href = format!("{}/{}", entry.lang.tag(), super::PDF_FILE_NAME);
            w.text(" · ");
            w.element(
                "a",
                &[
                    ("href", &href),
                    ("hreflang", entry.lang.tag()),
                    ("type", "application/pdf"),
                ],
                "PDF",
            );
        }
        w.void("br", &[]);
        span(&mut w, &entry.subject, &entry.lang);
        w.end("li");
        w.newline();
    }
    w.end("ul");
    w.newline();
    w.end("main");
    w.newline();
    end_page(w)
}

/// Closes `<body>` and `<html>`; the page's text.
pub(crate) fn end_page(mut w: HtmlWriter) -> String {
    w.end("body");
    w.newline();
    w.end("html");
    w.newline();
    w.finish()
}

/// `<head>`: charset, viewport, title, `links` and the page's style, then
/// any further style sheets.
pub(crate) fn head(
    w: &mut HtmlWriter,
    title: &str,
    extra_styles: &[&'static str],
    links: impl FnOnce(&mut HtmlWriter),
) {
    w.start("head", &[]);
    w.newline();
    w.void("meta", &[("charset", "utf-8")]);
    w.newline();
    w.void(
        "meta",
        &[
            ("name", "viewport"),
            ("content", "width=device-width, initial-scale=1"),
        ],
    );
    w.newline();
    w.element("title", &[], title);
    w.newline();
    links(w);
    w.style(STYLE);
    for style in extra_styles {
        w.style(style);
    }
    w.end("head");
    w.newline();
}

fn language_switcher(w: &mut HtmlWriter, document: &Document) {
    let page_lang = &document.lang;
    w.start("nav", &[("aria-labelledby", "languages")]);
    w.newline();
    w.start("p", &[("id", "languages"), ("class", "nav-label")]);
    plain_span(w, &document.chrome.language_switcher_label, page_lang);
    w.end("p");
    w.newline();
    w.start("ul", &[("class", "languages")]);
    w.newline();
    for alternate in &document.languages {
        let tag = alternate.lang.tag();
        let dir = alternate.lang.direction().as_str();
        w.start("li", &[]);
        if alternate.current {
            w.element(
                "span",
                &[("lang", tag), ("dir", dir), ("aria-current", "page")],
                &alternate.name,
            );
        } else {
            let href = format!("../{tag}/index.html");
            w.element(
                "a",
                &[
                    ("href", &href),
                    ("hreflang", tag),
                    ("lang", tag),
                    ("dir", dir),
                    ("rel", "alternate"),
                ],
                &alternate.name,
            );
        }
        w.end("li");
        w.newline();
    }
    w.end("ul");
    w.newline();
    w.end("nav");
    w.newline();
}

fn paragraph(w: &mut HtmlWriter, content: &Span, page_lang: &Lang, class: Option<&str>) {
    match class {
        Some(class) => w.start("p", &[("class", class)]),
        None => w.start("p", &[]),
    }
    span(w, content, page_lang);
    w.end("p");
    w.newline();
}

/// A span, wrapped in an element carrying its language where it differs from
/// the surrounding `context` language: text taken from a fallback locale, marked
/// with the `fallback` class so that a style sheet can show it.
pub(crate) fn span(w: &mut HtmlWriter, span: &Span, context: &Lang) {
    marked_span(w, span, context, Some("fallback"), Markup::Flow);
}

/// A span written inside a link (a letter's subject on the site's index):
/// its emphasis kept, its links and note references as their text, since a
/// link inside a link is invalid HTML that browsers split apart.
pub(crate) fn link_span(w: &mut HtmlWriter, span: &Span, context: &Lang) {
    marked_span(w, span, context, Some("fallback"), Markup::InLink);
}

/// A span of page text that is a link or a label (the skip link, "All
/// languages", a navigation label, the accessible name of a note
/// reference): plain text, whatever Markdown or HTML its translation holds,
/// so that it never nests a link nor gives a label markup.
pub(crate) fn plain_span(w: &mut HtmlWriter, span: &Span, context: &Lang) {
    marked_span(w, span, context, Some("fallback"), Markup::Plain);
}

/// A span in a language of its own by design (a multilingual heading), not a
/// fallback: marked with its language only.
fn foreign_span(w: &mut HtmlWriter, span: &Span, context: &Lang) {
    marked_span(w, span, context, None, Markup::Flow);
}

/// How much of a span's markup is written where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    /// All of it: emphasis, links, note references.
    Flow,
    /// Inside a link: emphasis, but links and note references as text.
    InLink,
    /// Text only (directional isolation kept).
    Plain,
}

fn marked_span(
    w: &mut HtmlWriter,
    span: &Span,
    context: &Lang,
    class: Option<&'static str>,
    markup: Markup,
) {
    if &span.lang == context {
        inlines(w, &span.content, context, markup);
        return;
    }
    let [lang, dir] = lang_attributes(&span.lang);
    match class {
        Some(class) => w.start("span", &[("class", class), lang, dir]),
        None => w.start("span", &[lang, dir]),
    }
    inlines(w, &span.content, &span.lang, markup);
    w.end("span");
}

fn lang_attributes(lang: &Lang) -> [(&'static str, &str); 2] {
    [("lang", lang.tag()), ("dir", lang.direction().as_str())]
}

fn inlines(w: &mut HtmlWriter, content: &[Inline], context: &Lang, markup: Markup) {
    for inline in content {
        match inline {
            Inline::Text(text) => w.text(text),
            Inline::Emphasis(children) | Inline::Strong(children) if markup == Markup::Plain => {
                inlines(w, children, context, markup);
            }
            Inline::Emphasis(children) => {
                w.start("em", &[]);
                inlines(w, children, context, markup);
                w.end("em");
            }
            Inline::Strong(children) => {
                w.start("strong", &[]);
                inlines(w, children, context, markup);
                w.end("strong");
            }
            Inline::Link { content, .. } if markup != Markup::Flow => {
                inlines(w, content, context, markup);
            }
            Inline::Link { url, content } => {
                w.start("a", &[("href", url)]);
                inlines(w, content, context, Markup::InLink);
                w.end("a");
            }
            Inline::NoteRef(note) if markup != Markup::Flow => {
                w.text(&format!("[{}]", note.numeral));
            }
            Inline::NoteRef(note) => {
                let href = format!("#source-{}", note.number);
                let id = match note.occurrence {
                    1 => format!("ref-{}", note.number),
                    n => format!("ref-{}-{n}", note.number),
                };
                w.start("sup", &[("class", "note-ref")]);
                w.start("a", &[("href", &href), ("id", &id)]);
                w.start("span", &[("class", "visually-hidden")]);
                plain_span(w, &note.label, context);
                w.end("span");
                w.element(
                    "span",
                    &[("aria-hidden", "true")],
                    &format!("[{}]", note.numeral),
                );
                w.end("a");
                w.end("sup");
            }
            Inline::Isolate { lang, content } => match lang {
                Some(lang) if lang != context => {
                    w.start("bdi", &lang_attributes(lang));
                    inlines(w, content, lang, markup);
                    w.end("bdi");
                }
                _ => {
                    w.start("bdi", &[]);
                    inlines(w, content, context, markup);
                    w.end("bdi");
                }
            },
        }
    }
}

/// `<link rel="alternate" hreflang>` for each language's version of a page,
/// then the `x-default` one, each on its own line.
pub(crate) fn alternate_links(w: &mut HtmlWriter, alternates: &[(&str, String)], default: &str) {
    for (tag, href) in alternates {
        w.void(
            "link",
            &[("rel", "alternate"), ("hreflang", tag), ("href", href)],
        );
        w.newline();
    }
    w.void(
        "link",
        &[
            ("rel", "alternate"),
            ("hreflang", "x-default"),
            ("href", default),
        ],
    );
    w.newline();
}
