//! The site around the letters: the index page listing every letter, newest
//! first, in each language (`index.html` in the source language,
//! `index.<tag>.html` in the others), and, where the site's address is known,
//! `sitemap.xml` (every page with its alternates in other languages) and an
//! Atom 1.0 feed per language (`feeds/<tag>.xml`).
//!
//! They are built from a [`Summary`] of each letter's document in each
//! language, so that a build holds the few words they need, not the pages.

use std::fmt::Write as _;

use crate::document::{DateText, Document, SiteText, Span};
use crate::lang::Lang;
use crate::render::html::{self, SocialMetadata, page_url};
use crate::render::writer::HtmlWriter;

/// What the site's pages and feeds show of one letter in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The letter's folder name.
    pub letter: String,
    /// The document's language.
    pub lang: Lang,
    /// The language's name, written in itself.
    pub lang_name: String,
    /// The page title.
    pub title: String,
    /// The subject line.
    pub subject: Span,
    /// The date.
    pub date: DateText,
    /// The first paragraph, cut under 200 characters.
    pub description: String,
    /// Says, in the document's language, that it is partly translated, where it is.
    pub partial: Option<Span>,
    /// The index page's words in this language.
    pub site_text: SiteText,
    /// The signatories' names, the letter's authors.
    pub authors: Vec<String>,
}

impl Summary {
    /// The summary of a rendered document.
    pub fn of(document: &Document) -> Self {
        Summary {
            letter: document.letter.clone(),
            lang: document.lang.clone(),
            lang_name: document
                .languages
                .iter()
                .find(|a| a.current)
                .map_or_else(|| document.lang.tag().to_owned(), |a| a.name.clone()),
            title: document.title.clone(),
            subject: document.subject.clone(),
            date: document.date.clone(),
            description: document.description(),
            partial: document
                .chrome
                .fallback_notice
                .as_ref()
                .map(|_| document.chrome.partial_translation.clone()),
            site_text: document.site_text.clone(),
            authors: document
                .signatories
                .iter()
                .map(|s| s.name.clone())
                .collect(),
        }
    }
}

/// Every letter of a build in every language.
#[derive(Debug, Clone)]
pub struct Site {
    /// The source language: `index.html` is written in it.
    pub source: Lang,
    /// The languages, in configured order.
    pub langs: Vec<Lang>,
    /// Each letter's summaries, newest letter first (then by name), each
    /// letter's in the order of `langs`.
    pub letters: Vec<Vec<Summary>>,
    /// The address the output folder is published at, ending in `/`.
    pub base_url: Option<String>,
}

impl Site {
    /// The site of these letters, sorted newest first.
    pub fn new(
        source: Lang,
        langs: Vec<Lang>,
        mut letters: Vec<Vec<Summary>>,
        base_url: Option<String>,
    ) -> Self {
        letters.retain(|summaries| !summaries.is_empty());
        letters.sort_by(|a, b| {
            b[0].date
                .iso
                .cmp(&a[0].date.iso)
                .then_with(|| a[0].letter.cmp(&b[0].letter))
        });
        Site {
            source,
            langs,
            letters,
            base_url,
        }
    }

    /// The index page's file name in `lang`, relative to the output folder.
    pub fn index_name(&self, lang: &Lang) -> String {
        if *lang == self.source {
            "index.html".to_owned()
        } else {
            format!("index.{}.html", lang.tag())
        }
    }

    /// Every file of the site: the index pages, and with a base address the
    /// sitemap and the feeds; by path relative to the output folder.
    pub fn files(&self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        for lang in &self.langs {
            if let Some(page) = self.index_page(lang) {
                files.push((self.index_name(lang), page));
            }
        }
        if let Some(base) = &self.base_url {
            files.push(("sitemap.xml".to_owned(), self.sitemap(base)));
            for lang in &self.langs {
                if let Some(feed) = self.feed(base, lang) {
                    files.push((format!("feeds/{}.xml", lang.tag()), feed));
                }
            }
        }
        files
    }

    fn in_lang<'s>(&'s self, lang: &'s Lang) -> impl Iterator<Item = &'s Summary> + 's {
        self.letters
            .iter()
            .filter_map(move |summaries| summaries.iter().find(|s| s.lang == *lang))
    }

    fn index_url(&self, base: &str, lang: &Lang) -> String {
        if *lang == self.source {
            base.to_owned()
        } else {
            format!("{base}{}", self.index_name(lang))
        }
    }

    /// The index page in `lang`; `None` where no letter is in it.
    pub fn index_page(&self, lang: &Lang) -> Option<String> {
        let entries: Vec<&Summary> = self.in_lang(lang).collect();
        let text = &entries.first()?.site_text;
        let names: Vec<(&Lang, &str)> = self
            .langs
            .iter()
            .filter_map(|l| self.in_lang(l).next().map(|s| (l, s.lang_name.as_str())))
            .collect();
        let mut w = HtmlWriter::new();
        w.doctype();
        w.start(
            "html",
            &[("lang", lang.tag()), ("dir", lang.direction().as_str())],
        );
        w.newline();
        let title = text.heading.plain_text();
        let description = entries
            .iter()
            .map(|s| s.subject.plain_text())
            .collect::<Vec<_>>()
            .join(" · ");
        let description = crate::document::cut_at_word(&description, 200);
        let url = self.base_url.as_ref().map(|b| self.index_url(b, lang));
        html::head(&mut w, &title, &[], |w| {
            let alternates: Vec<(&str, String)> = names
                .iter()
                .map(|(other, _)| (other.tag(), self.index_name(other)))
                .collect();
            html::alternate_links(w, &alternates, "index.html");
            if self.base_url.is_some() {
                let feed = format!("feeds/{}.xml", lang.tag());
                w.void(
                    "link",
                    &[
                        ("rel", "alternate"),
                        ("type", "application/atom+xml"),
                        ("href", &feed),
                        ("title", &title),
                    ],
                );
                w.newline();
            }
            html::social_metadata(
                w,
                &SocialMetadata {
                    title: &title,
                    description: &description,
                    lang,
                    alternates: names.iter().map(|(l, _)| *l).collect(),
                    url: url.as_deref(),
                },
            );
        });
        w.start("body", &[]);
        w.newline();
        if names.len() > 1 {
            w.start("header", &[]);
            w.newline();
            w.start("nav", &[("aria-labelledby", "languages")]);
            w.newline();
            w.start("p", &[("id", "languages"), ("class", "nav-label")]);
            html::plain_span(&mut w, &text.languages_label, lang);
            w.end("p");
            w.newline();
            w.start("ul", &[("class", "languages")]);
            w.newline();
            for (other, name) in &names {
                let tag = other.tag();
                let dir = other.direction().as_str();
                w.start("li", &[]);
                if *other == lang {
                    w.element(
                        "span",
                        &[("lang", tag), ("dir", dir), ("aria-current", "page")],
                        name,
                    );
                } else {
                    let href = self.index_name(other);
                    w.element(
                        "a",
                        &[
                            ("href", &href),
                            ("hreflang", tag),
                            ("lang", tag),
                            ("dir", dir),
                            ("rel", "alternate"),
                        ],
                        name,
                    );
                }
                w.end("li");
                w.newline();
            }
            w.end("ul");
            w.newline();
            w.end("nav");
            w.newline();
            w.end("header");
            w.newline();
        }
        w.start("main", &[]);
        w.newline();
        w.start("h1", &[]);
        html::span(&mut w, &text.heading, lang);
        w.end("h1");
        w.newline();
        w.start("ul", &[("class", "letters")]);
        w.newline();
        for entry in &entries {
            let href = format!("{}/{}/index.html", entry.letter, lang.tag());
            w.start("li", &[]);
            w.start("a", &[("href", &href)]);
            html::link_span(&mut w, &entry.subject, lang);
            w.end("a");
            if let Some(partial) = &entry.partial {
                w.text(" (");
                html::span(&mut w, partial, lang);
                w.text(")");
            }
            w.void("br", &[]);
            w.start("time", &[("datetime", &entry.date.iso)]);
            html::span(&mut w, &entry.date.text, lang);
            w.end("time");
            w.end("li");
            w.newline();
        }
        w.end("ul");
        w.newline();
        w.end("main");
        w.newline();
        if self.base_url.is_some() {
            let feed = format!("feeds/{}.xml", lang.tag());
            w.start("footer", &[]);
            w.start("p", &[]);
            w.start("a", &[("href", &feed), ("type", "application/atom+xml")]);
            html::plain_span(&mut w, &text.feed, lang);
            w.end("a");
            w.end("p");
            w.end("footer");
            w.newline();
        }
        Some(html::end_page(w))
    }

    /// `sitemap.xml`: each index page, each letter's page in each language
    /// and each letter's language chooser, every one with the set of its
    /// alternates (`x-default` the chooser, or the source index).
    pub fn sitemap(&self, base: &str) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        let index_langs: Vec<&Lang> = self
            .langs
            .iter()
            .filter(|l| self.in_lang(l).next().is_some())
            .collect();
        let index_set: Vec<(String, String)> = index_langs
            .iter()
            .map(|l| (l.tag().to_owned(), self.index_url(base, l)))
            .chain(std::iter::once(("x-default".to_owned(), base.to_owned())))
            .collect();
        for lang in &index_langs {
            sitemap_url(&mut out, &self.index_url(base, lang), &index_set);
        }
        for summaries in &self.letters {
            let letter = &summaries[0].letter;
            let chooser = format!("{base}{letter}/");
            let set: Vec<(String, String)> = summaries
                .iter()
                .map(|s| {
                    (
                        s.lang.tag().to_owned(),
                        page_url(base, letter, s.lang.tag()),
                    )
                })
                .chain(std::iter::once(("x-default".to_owned(), chooser.clone())))
                .collect();
            for summary in summaries {
                sitemap_url(&mut out, &page_url(base, letter, summary.lang.tag()), &set);
            }
            sitemap_url(&mut out, &chooser, &set);
        }
        out.push_str("</urlset>\n");
        out
    }

    /// The Atom 1.0 feed of the letters in `lang`, newest first; `None`
    /// where no letter is in it.
    pub fn feed(&self, base: &str, lang: &Lang) -> Option<String> {
        let entries: Vec<&Summary> = self.in_lang(lang).collect();
        let first = entries.first()?;
        let self_url = format!("{base}feeds/{}.xml", lang.tag());
        let index = self.index_url(base, lang);
        let updated = entries
            .iter()
            .filter_map(|s| s.date.noon_rfc3339.clone())
            .max()
            .unwrap_or_else(|| format!("{}T12:00:00Z", first.date.iso));
        let host = base
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or(base);
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
            xml(lang.tag())
        );
        let _ = writeln!(out, "<id>{}</id>", xml(&self_url));
        let _ = writeln!(
            out,
            "<title>{}</title>",
            xml(&first.site_text.heading.plain_text())
        );
        let _ = writeln!(out, "<updated>{}</updated>", xml(&updated));
        let _ = writeln!(out, "<author><name>{}</name></author>", xml(host));
        let _ = writeln!(
            out,
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
            xml(&self_url)
        );
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>",
            xml(lang.tag()),
            xml(&index)
        );
        for entry in entries {
            let url = page_url(base, &entry.letter, lang.tag());
            let when = entry
                .date
                .noon_rfc3339
                .clone()
                .unwrap_or_else(|| format!("{}T12:00:00Z", entry.date.iso));
            out.push_str("<entry>\n");
            let _ = writeln!(out, "<id>{}</id>", xml(&url));
            let _ = writeln!(out, "<title>{}</title>", xml(&entry.subject.plain_text()));
            let _ = writeln!(out, "<published>{}</published>", xml(&when));
            let _ = writeln!(out, "<updated>{}</updated>", xml(&when));
            for author in &entry.authors {
                let _ = writeln!(out, "<author><name>{}</name></author>", xml(author));
            }
            let _ = writeln!(
                out,
                "<link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>",
                xml(lang.tag()),
                xml(&url)
            );
            if !entry.description.is_empty() {
                let _ = writeln!(out, "<summary>{}</summary>", xml(&entry.description));
            }
            out.push_str("</entry>\n");
        }
        out.push_str("</feed>\n");
        Some(out)
    }
}

fn sitemap_url(out: &mut String, loc: &str, alternates: &[(String, String)]) {
    out.push_str("<url>\n");
    let _ = writeln!(out, "<loc>{}</loc>", xml(loc));
    for (hreflang, href) in alternates {
        let _ = writeln!(
            out,
            "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            xml(hreflang),
            xml(href)
        );
    }
    out.push_str("</url>\n");
}

/// Text for XML content or a quoted attribute: markup characters escaped,
/// characters XML 1.0 does not allow left out.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_is_escaped_and_invalid_characters_dropped() {
        assert_eq!(
            xml("a<b>&\"c'\u{0}\u{1b}d"),
            "a&lt;b&gt;&amp;&quot;c&apos;d"
        );
    }
}
