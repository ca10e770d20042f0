//! The site around the letters: index pages, static files, the sitemap, the
//! feeds and each page's link-preview metadata, read back with an XML parser.

use std::fs;
use std::path::Path;

use crate::support::{LETTER, LOCALES, copy_project, edit, letterkit, shipped};

const BASE: &str = "https://example.org/letters/";

/// The shipped project with two more letters (copies of the shipped one, one
/// older and one newer), published at `BASE` when `base_url`.
fn three_letters(base_url: bool) -> tempfile::TempDir {
    let project = copy_project(&shipped());
    for (name, date) in [("older-2021", "2021-03-02"), ("newer-2024", "2024-11-20")] {
        let folder = project.path().join("content").join(name);
        fs::create_dir_all(&folder).unwrap();
        let toml = fs::read_to_string(shipped().join("content").join(LETTER).join("letter.toml"))
            .unwrap()
            .replace("date = 2023-01-06", &format!("date = {date}"));
        fs::write(folder.join("letter.toml"), toml).unwrap();
        for tag in LOCALES {
            let locale = project.path().join("locales").join(tag);
            fs::copy(
                locale.join(format!("{LETTER}.ftl")),
                locale.join(format!("{name}.ftl")),
            )
            .unwrap();
        }
    }
    if base_url {
        edit(
            &project.path().join("letterkit.toml"),
            "output-dir = \"dist\"\n",
            "output-dir = \"dist\"\nbase-url = \"https://example.org/letters\"\n",
        );
    }
    project
}

fn build(project: &Path) -> crate::support::Run {
    let run = letterkit(project, &["build"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    run
}

/// The `href`s of the links inside `<main>` of a page, in order.
fn links_in_main(page: &str) -> Vec<String> {
    let main = &page[page.find("<main").unwrap()..page.find("</main>").unwrap()];
    main.split("<a href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

#[test]
fn the_index_lists_every_letter_newest_first_in_each_language() {
    let project = three_letters(false);
    let run = build(project.path());
    let dist = project.path().join("dist");
    let english = fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(
        english.contains("<html lang=\"en\" dir=\"ltr\">"),
        "{english}"
    );
    assert!(english.contains("<h1>Letters</h1>"), "{english}");
    assert_eq!(
        links_in_main(&english),
        [
            "newer-2024/en/index.html",
            "us-mexico-asylum-2023/en/index.html",
            "older-2021/en/index.html"
        ]
    );
    for tag in ["es", "ht", "fr"] {
        let page = fs::read_to_string(dist.join(format!("index.{tag}.html"))).unwrap();
        assert!(page.contains(&format!("<html lang=\"{tag}\"")), "{page}");
        let links = links_in_main(&page);
        assert_eq!(links.len(), 3);
        for link in &links {
            assert!(link.ends_with(&format!("/{tag}/index.html")), "{link}");
            assert!(dist.join(link).is_file(), "{link}");
        }
        // Every other language's index is one link away.
        assert!(
            page.contains("href=\"index.html\" hreflang=\"en\""),
            "{page}"
        );
    }
    let spanish = fs::read_to_string(dist.join("index.es.html")).unwrap();
    assert!(spanish.contains("<h1>Cartas</h1>"), "{spanish}");
    // Without an address: no sitemap, feeds, canonical links or og:url, said once.
    assert!(!dist.join("sitemap.xml").exists());
    assert!(!dist.join("feeds").exists());
    let page = fs::read_to_string(dist.join(LETTER).join("es/index.html")).unwrap();
    assert!(!page.contains("rel=\"canonical\"") && !page.contains("og:url"));
    assert_eq!(
        run.stderr.matches("no base-url").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn a_project_without_the_index_text_falls_back_to_english_with_a_warning() {
    let project = copy_project(&shipped());
    crate::support::remove_message(
        &project.path().join("locales/fr/common.ftl"),
        "index-heading",
    );
    build(project.path());
    let page = fs::read_to_string(project.path().join("dist/index.fr.html")).unwrap();
    assert!(
        page.contains("<h1><span class=\"fallback\" lang=\"en\" dir=\"ltr\">Letters</span></h1>"),
        "{page}"
    );
    // The letter's own page does not become partly translated for it.
    let letter =
        fs::read_to_string(project.path().join(format!("dist/{LETTER}/fr/index.html"))).unwrap();
    assert!(!letter.contains("class=\"notice\">Certaines"), "{letter}");
    let check = letterkit(project.path(), &["check"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check
            .stdout
            .contains("warning: [missing-message] fr: `index-heading` is not translated"),
        "{}",
        check.stdout
    );
}

#[test]
fn the_sitemap_names_every_page_with_its_alternates() {
    let project = three_letters(true);
    build(project.path());
    let text = fs::read_to_string(project.path().join("dist/sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let xhtml = "http://www.w3.org/1999/xhtml";
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(sitemap));
    assert_eq!(root.tag_name().name(), "urlset");
    let urls: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    // 4 index pages, and per letter 4 pages and the chooser.
    assert_eq!(urls.len(), 4 + 3 * 5);
    let mut locs = Vec::new();
    for url in urls {
        assert_eq!(url.tag_name().name(), "url");
        let loc = url
            .children()
            .find(|n| n.has_tag_name((sitemap, "loc")))
            .and_then(|n| n.text())
            .unwrap();
        assert!(loc.starts_with(BASE), "{loc}");
        let alternates: Vec<(&str, &str)> = url
            .children()
            .filter(|n| n.has_tag_name((xhtml, "link")))
            .map(|n| {
                assert_eq!(n.attribute("rel"), Some("alternate"));
                (
                    n.attribute("hreflang").unwrap(),
                    n.attribute("href").unwrap(),
                )
            })
            .collect();
        let langs: Vec<&str> = alternates.iter().map(|(l, _)| *l).collect();
        assert_eq!(langs, ["en", "es", "ht", "fr", "x-default"], "{loc}");
        // A page is among its own alternates (or is the x-default).
        assert!(alternates.iter().any(|(_, href)| *href == loc), "{loc}");
        locs.push(loc.to_owned());
    }
    for expected in [
        BASE.to_owned(),
        format!("{BASE}index.ht.html"),
        format!("{BASE}{LETTER}/fr/"),
        format!("{BASE}newer-2024/"),
    ] {
        assert!(locs.contains(&expected), "{expected} in {locs:?}");
    }
}

#[test]
fn each_language_has_an_atom_feed_of_its_letters_newest_first() {
    let project = three_letters(true);
    build(project.path());
    let atom = "http://www.w3.org/2005/Atom";
    for tag in LOCALES {
        let text =
            fs::read_to_string(project.path().join(format!("dist/feeds/{tag}.xml"))).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let feed = doc.root_element();
        assert!(feed.has_tag_name((atom, "feed")));
        assert_eq!(
            feed.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(tag)
        );
        let child = |node: roxmltree::Node<'_, '_>, name: &str| {
            node.children()
                .find(|n| n.has_tag_name((atom, name)))
                .and_then(|n| n.text())
                .map(str::to_owned)
        };
        // RFC 4287: a feed has an id, a title, an updated date, and an author
        // where its entries do not all have one.
        assert_eq!(child(feed, "id").unwrap(), format!("{BASE}feeds/{tag}.xml"));
        assert!(!child(feed, "title").unwrap().is_empty());
        assert_eq!(child(feed, "updated").unwrap(), "2024-11-20T12:00:00+00:00");
        assert!(feed.children().any(|n| n.has_tag_name((atom, "author"))));
        let entries: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name((atom, "entry")))
            .collect();
        let ids: Vec<String> = entries.iter().map(|e| child(*e, "id").unwrap()).collect();
        assert_eq!(
            ids,
            [
                format!("{BASE}newer-2024/{tag}/"),
                format!("{BASE}{LETTER}/{tag}/"),
                format!("{BASE}older-2021/{tag}/"),
            ]
        );
        for entry in entries {
            assert!(!child(entry, "title").unwrap().is_empty());
            let summary = child(entry, "summary").unwrap();
            assert!(summary.chars().count() < 200, "{summary}");
            let link = entry
                .children()
                .find(|n| n.has_tag_name((atom, "link")))
                .unwrap();
            assert_eq!(
                link.attribute("href").map(str::to_owned),
                child(entry, "id")
            );
        }
    }
}

/// The `content` of `<meta property|name="{name}">` in a page, every one.
fn meta(page: &str, name: &str) -> Vec<String> {
    page.lines()
        .filter(|l| l.contains(&format!("=\"{name}\" content=\"")))
        .map(|l| {
            let rest = &l[l.find("content=\"").unwrap() + 9..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

#[test]
fn every_page_carries_its_canonical_address_and_link_preview() {
    let project = three_letters(true);
    build(project.path());
    let page =
        fs::read_to_string(project.path().join(format!("dist/{LETTER}/es/index.html"))).unwrap();
    let url = format!("{BASE}{LETTER}/es/");
    assert!(
        page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
        "{page}"
    );
    assert_eq!(meta(&page, "og:url"), [url]);
    assert_eq!(meta(&page, "og:locale"), ["es_ES"]);
    assert_eq!(
        meta(&page, "og:locale:alternate"),
        ["en_US", "ht_HT", "fr_FR"]
    );
    assert_eq!(meta(&page, "twitter:card"), ["summary"]);
    let description = &meta(&page, "og:description")[0];
    assert!(
        description.starts_with("En nombre de Amnistía Internacional"),
        "{description}"
    );
    assert!(description.chars().count() < 200 && description.ends_with('…'));
    assert!(!description.contains('['), "no note markers: {description}");
    let title = &meta(&page, "og:title")[0];
    assert!(title.starts_with("Carta abierta: Restablecer"), "{title}");
    let index = fs::read_to_string(project.path().join("dist/index.fr.html")).unwrap();
    assert_eq!(meta(&index, "og:url"), [format!("{BASE}index.fr.html")]);
    assert!(index.contains("href=\"feeds/fr.xml\""), "{index}");
}

#[test]
fn static_files_are_copied_to_the_output_root_as_they_are() {
    let project = copy_project(&shipped());
    let statics = project.path().join("static");
    fs::create_dir_all(statics.join("images")).unwrap();
    fs::write(statics.join("CNAME"), "letters.example.org\n").unwrap();
    fs::write(statics.join(".nojekyll"), "").unwrap();
    let png: Vec<u8> = vec![0x89, b'P', b'N', b'G', 0, 0xff, 0xfe];
    fs::write(statics.join("images/logo.png"), &png).unwrap();
    build(project.path());
    let dist = project.path().join("dist");
    assert_eq!(
        fs::read_to_string(dist.join("CNAME")).unwrap(),
        "letters.example.org\n"
    );
    assert!(dist.join(".nojekyll").is_file());
    assert_eq!(fs::read(dist.join("images/logo.png")).unwrap(), png);
}

#[test]
fn a_static_file_in_place_of_a_generated_one_stops_the_build() {
    let project = copy_project(&shipped());
    build(project.path());
    let before = crate::support::read_tree(&project.path().join("dist"));
    let statics = project.path().join("static");
    fs::create_dir_all(statics.join(LETTER)).unwrap();
    fs::write(statics.join(LETTER).join("index.html"), "mine").unwrap();
    let run = letterkit(project.path(), &["build"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains(&format!(
            "cannot publish static/{LETTER}/index.html: letterkit writes a file of that name"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(
        crate::support::read_tree(&project.path().join("dist")),
        before
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_in_static_stops_the_build() {
    let project = copy_project(&shipped());
    let statics = project.path().join("static");
    fs::create_dir_all(&statics).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", statics.join("passwd")).unwrap();
    let run = letterkit(project.path(), &["build"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("static/passwd: it is a symbolic link"),
        "{}",
        run.stderr
    );
    assert!(!project.path().join("dist/passwd").exists());
}
