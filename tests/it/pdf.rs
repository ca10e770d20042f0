//! The letter as a PDF (`build --pdf`, `render --format pdf`), judged by tools
//! letterkit does not contain: poppler's `pdfinfo`, `pdffonts`, `pdftotext`
//! and `pdftoppm`, pikepdf (read by `tests/pdf/structure.py`, which prints
//! the facts these tests judge) and PyPI's `pdfua` (a partial PDF/UA-1 check).
//! `.ci/run` installs them (the Python packages in a virtual environment it
//! names with `LETTERKIT_TEST_PYTHON`; `python3` otherwise); where one is
//! missing these tests fail, never skip, and say what to install. They need the `pdf` feature (`cargo test --features pdf`); the
//! last test holds what a build without it says.
//!
//! First pages are kept as PNG files under `target/pdf-screenshots/`.

#[cfg(feature = "pdf")]
mod with_pdf {
    use std::collections::BTreeSet;
    use std::ffi::OsStr;
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Output};
    use std::sync::OnceLock;

    use letterkit::document::{Block, Document, Inline, Paper};
    use letterkit::lang::{Direction, Lang};
    use letterkit::localize;
    use letterkit::project::Project;
    use letterkit::render::pdf::{Fonts, Typesetter};
    use serde_json::Value;
    use unicode_normalization::UnicodeNormalization;

    use crate::hostile;
    use crate::support::{LETTER, LOCALES, copy_project, fixture, letterkit, shipped};

    /// Runs a tool on the PDF tests' behalf, naming the package that has it
    /// when it is not installed. `python3` is `LETTERKIT_TEST_PYTHON` where
    /// that is set (a virtual environment with pikepdf and pdfua).
    fn tool<S: AsRef<OsStr>>(program: &str, args: &[S]) -> Output {
        let package = match program {
            "python3" => "python3 with pikepdf and pdfua (pip install pikepdf pdfua)",
            _ => "poppler-utils",
        };
        let python = std::env::var_os("LETTERKIT_TEST_PYTHON");
        let executable = match (program, &python) {
            ("python3", Some(python)) => python.as_os_str(),
            _ => OsStr::new(program),
        };
        Command::new(executable)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {program} ({e}): install {package}"))
    }

    fn stdout(output: &Output, what: &str) -> String {
        assert!(
            output.status.success(),
            "{what} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
    }

    /// A folder under `target/` that each run of the tests replaces.
    fn target_dir(name: &str) -> PathBuf {
        let dir = shipped().join("target").join(name);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// `letterkit build --pdf` of `project` into `target/pdf-tests/<case>/dist`.
    fn build_pdfs(case: &str, project: &Path) -> PathBuf {
        let out = target_dir("pdf-tests").join(case).join("dist");
        let run = letterkit(project, &["build", "--pdf", "--out", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        out
    }

    /// The shipped project, built once for every test that reads it.
    fn shipped_build() -> &'static Path {
        static BUILT: OnceLock<PathBuf> = OnceLock::new();
        BUILT.get_or_init(|| build_pdfs("shipped", &shipped()))
    }

    /// Every document of a project, by locale, as the build localizes them.
    fn documents(project: &Path) -> Vec<Document> {
        let project = Project::load(project).unwrap();
        let (letters, langs) = project.select(&[], &[]).unwrap();
        let mut documents = Vec::new();
        for letter in letters {
            // Only the locales the letter is published in.
            for lang in &letter.langs_in(&langs) {
                let localized = localize::localize(&project, letter, lang, &langs).unwrap();
                documents.push(localized.document);
            }
        }
        documents
    }

    /// pikepdf's reading of the file, from tests/pdf/structure.py.
    fn structure(pdf: &Path) -> Value {
        let script = shipped().join("tests/pdf/structure.py");
        let output = tool("python3", &[script.as_os_str(), pdf.as_os_str()]);
        serde_json::from_str(&stdout(&output, "tests/pdf/structure.py")).unwrap()
    }

    /// pdfinfo's fields, by name.
    fn info(pdf: &Path) -> Vec<(String, String)> {
        stdout(&tool("pdfinfo", &[pdf]), "pdfinfo")
            .lines()
            .filter_map(|line| line.split_once(':'))
            .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
            .collect()
    }

    fn field<'i>(info: &'i [(String, String)], key: &str) -> &'i str {
        info.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("pdfinfo has no {key}: {info:?}"))
    }

    /// Text for comparing reading order: NFC, without white space and
    /// without the invisible direction controls that the text version uses
    /// (FSI, PDI) and that pdftotext adds (embeddings).
    fn normalized(text: &str) -> String {
        text.nfc()
            .filter(|c| {
                !c.is_whitespace()
                    && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            })
            .collect()
    }

    /// The sentences of a letter's text version before its sources (the
    /// body: notices, addressee, date, subject, greeting, paragraphs, list,
    /// closing, signatories), cut also at each note marker `[N]` (in the
    /// locale's digits), where the PDF has its footnote's number.
    fn body_sentences(letter_txt: &str, sources_heading: &str) -> Vec<String> {
        let heading = format!("\n\n{sources_heading}\n");
        let body = match letter_txt.rfind(&heading) {
            Some(end) => &letter_txt[..end],
            None => letter_txt,
        };
        let mut sentences = Vec::new();
        for block in body.split("\n\n") {
            // A list item's marker: `- ` here, a bullet in the PDF (left out
            // of its text below).
            let block = block
                .lines()
                .map(|line| line.strip_prefix("- ").unwrap_or(line))
                .collect::<Vec<_>>()
                .join(" ");
            let mut current = String::new();
            let mut chars = block.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '[' {
                    let digits: String = chars.clone().take_while(|d| d.is_numeric()).collect();
                    let rest: String = chars.clone().skip(digits.chars().count()).take(1).collect();
                    if !digits.is_empty() && rest == "]" {
                        sentences.push(std::mem::take(&mut current));
                        chars.nth(digits.chars().count());
                        continue;
                    }
                }
                current.push(c);
                let ends = matches!(c, '。' | '！' | '？')
                    || (matches!(c, '.' | '!' | '?' | '؟') && chars.peek() == Some(&' '));
                if ends {
                    sentences.push(std::mem::take(&mut current));
                }
            }
            sentences.push(current);
        }
        sentences
            .into_iter()
            .filter(|s| !normalized(s).is_empty())
            .collect()
    }

    /// Every address the document links: its sources' and its links'.
    fn linked(document: &Document) -> BTreeSet<String> {
        fn walk(content: &[Inline], out: &mut BTreeSet<String>) {
            for inline in content {
                match inline {
                    Inline::Link { url, content } => {
                        out.insert(url.clone());
                        walk(content, out);
                    }
                    Inline::Emphasis(children)
                    | Inline::Strong(children)
                    | Inline::Isolate {
                        content: children, ..
                    } => walk(children, out),
                    Inline::Text(_) | Inline::NoteRef(_) => {}
                }
            }
        }
        let mut spans = vec![
            &document.recipient,
            &document.date.text,
            &document.subject_label,
            &document.subject,
            &document.salutation,
            &document.closing,
            &document.chrome.sources_heading,
            &document.chrome.title_separator,
        ];
        spans.extend(&document.chrome.draft_notice);
        spans.extend(&document.chrome.fallback_notice);
        for block in &document.body {
            match block {
                Block::Paragraph(span) => spans.push(span),
                Block::List(items) => spans.extend(items),
            }
        }
        for signatory in &document.signatories {
            spans.extend([&signatory.title, &signatory.organisation]);
        }
        let mut out: BTreeSet<String> = BTreeSet::new();
        for note in &document.notes {
            out.insert(note.url.clone());
            spans.push(&note.description);
            spans.extend(&note.cited_title);
            spans.extend(&note.document_language);
        }
        for span in spans {
            walk(&span.content, &mut out);
        }
        out
    }

    fn plain_without_notes(content: &[Inline], out: &mut String) {
        for inline in content {
            match inline {
                Inline::Text(text) => out.push_str(text),
                Inline::Emphasis(children)
                | Inline::Strong(children)
                | Inline::Link {
                    content: children, ..
                }
                | Inline::Isolate {
                    content: children, ..
                } => plain_without_notes(children, out),
                Inline::NoteRef(_) => {}
            }
        }
    }

    /// The PDF's text as pdftotext reads it.
    fn pdftotext(pdf: &Path) -> String {
        stdout(
            &tool(
                "pdftotext",
                &[
                    pdf.as_os_str(),
                    OsStr::new("-enc"),
                    OsStr::new("UTF-8"),
                    OsStr::new("-"),
                ],
            ),
            "pdftotext",
        )
    }

    /// The PDF's text as pdftotext reads it, normalized, without what is not
    /// the letter's body: the footnotes (each note's description, cited title,
    /// the language it is in, and address) and the page numbers.
    fn body_of_pdf(pdf: &Path, document: &Document, pages: usize) -> String {
        let mut text = normalized(&pdftotext(pdf)).replace('•', "");
        for note in &document.notes {
            let mut parts = vec![note.description.plain_text(), note.url.clone()];
            parts.extend(note.cited_title.as_ref().map(|t| t.plain_text()));
            parts.extend(note.document_language.as_ref().map(|l| l.plain_text()));
            for part in parts {
                text = text.replace(&normalized(&part), "\u{1}");
            }
        }
        for page in 1..=pages {
            text = text.replace(&format!("{page}/{pages}"), "\u{1}");
        }
        text
    }

    /// Every body sentence of the text version is in the PDF's text, in
    /// the same order.
    /// Letters alone: for right-to-left text, whose punctuation, digits next
    /// to punctuation, and vowel marks pdftotext (poppler 22.12) does not put
    /// back in their logical order (it reverses each line by a simpler rule
    /// than Unicode's bidi algorithm, and reverses a vowel mark with its
    /// letter); the words' order is still compared.
    fn letters(text: &str) -> String {
        text.chars()
            .filter(|c| c.is_alphabetic() && !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}'))
            .collect()
    }

    fn assert_reads_in_order(
        label: &str,
        pdf: &Path,
        letter_txt: &str,
        document: &Document,
        pages: usize,
    ) {
        let rtl = document.lang.direction() == Direction::Rtl;
        let prepare = |s: &str| {
            if rtl {
                letters(&normalized(s))
            } else {
                normalized(s)
            }
        };
        let text = prepare(&body_of_pdf(pdf, document, pages));
        // The text version writes a link's address after its words, in
        // brackets; the PDF, like the page, makes the words a live link.
        let mut letter_txt = letter_txt.to_owned();
        for url in linked(document) {
            for before in [' ', '\n'] {
                letter_txt = letter_txt.replace(&format!("{before}({url})"), "");
            }
        }
        let sentences = body_sentences(&letter_txt, &document.chrome.sources_heading.plain_text());
        assert!(
            sentences.len() > 5,
            "{label}: only {} sentences",
            sentences.len()
        );
        let mut at = 0;
        for sentence in &sentences {
            let whole = prepare(sentence);
            if let Some(found) = text[at..].find(&whole) {
                at += found + whole.len();
                continue;
            }
            // A sentence that goes on over a page break has that page's
            // footnotes and number inside it: its words, in order, close
            // together.
            let start = at;
            let mut end = at;
            for word in sentence.split_whitespace().map(prepare) {
                match text[end..].find(&word) {
                    Some(found) => end += found + word.len(),
                    None => {
                        let context: String = text[at..].chars().take(300).collect();
                        panic!(
                            "{label}: the sentence {sentence:?} is not in the PDF after what came before (no {word:?}); the PDF goes on: {context:?}"
                        );
                    }
                }
            }
            assert!(
                end - start <= whole.len() + 3000,
                "{label}: the words of {sentence:?} are far apart in the PDF"
            );
            at = end;
        }
    }

    /// A page's media box, in whole points.
    fn media_box(page: &Value) -> Vec<i64> {
        page.as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap().round() as i64)
            .collect()
    }

    /// pdftoppm's first page as `target/pdf-screenshots/<name>.png`.
    fn screenshot(pdf: &Path, name: &str) -> PathBuf {
        let prefix = target_dir("pdf-screenshots").join(name);
        let output = tool(
            "pdftoppm",
            &[
                OsStr::new("-png"),
                OsStr::new("-r"),
                OsStr::new("80"),
                OsStr::new("-singlefile"),
                OsStr::new("-f"),
                OsStr::new("1"),
                OsStr::new("-l"),
                OsStr::new("1"),
                pdf.as_os_str(),
                prefix.as_os_str(),
            ],
        );
        stdout(&output, "pdftoppm");
        let png = prefix.with_extension("png");
        let bytes = fs::read(&png).unwrap();
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
            "{}",
            png.display()
        );
        png
    }

    /// What every letter's PDF must be, whatever its language: tagged PDF/UA-1
    /// with its locale's language, its subject as title, every font embedded,
    /// every link described, the body in reading order; and pdfua finds nothing.
    fn assert_accessible(label: &str, pdf: &Path, document: &Document, letter_txt: &str) -> Value {
        let info = info(pdf);
        assert_eq!(field(&info, "Tagged"), "yes", "{label}");
        let mut subject = String::new();
        plain_without_notes(&document.subject.content, &mut subject);
        let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(field(&info, "Title"), subject, "{label}: title");
        let pages: usize = field(&info, "Pages").parse().unwrap();
        assert!(pages >= 1);

        let fonts = stdout(&tool("pdffonts", &[pdf]), "pdffonts");
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{label}: no fonts");
        for row in &rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            // name, type (one or more words), encoding, emb, sub, uni, object, generation
            let emb = columns[columns.len() - 5];
            let uni = columns[columns.len() - 3];
            assert_eq!(
                (emb, uni),
                ("yes", "yes"),
                "{label}: font not embedded or unmapped: {row}"
            );
        }

        let facts = structure(pdf);
        let tag = document.lang.tag();
        assert_eq!(facts["struct_tree"], true, "{label}");
        assert_eq!(facts["marked"], true, "{label}");
        assert_eq!(facts["display_doc_title"], true, "{label}");
        assert_eq!(facts["ua_part"], "1", "{label}: PDF/UA identifier");
        assert_eq!(facts["xmp_title"], subject.as_str(), "{label}");
        // Typst writes the language and the region (it has no script subtag).
        let id: unic_langid::LanguageIdentifier = tag.parse().unwrap();
        let lang = match id.region {
            Some(region) if region.as_str().len() == 2 => format!("{}-{region}", id.language),
            _ => id.language.to_string(),
        };
        assert_eq!(facts["lang"], lang.as_str(), "{label}: /Lang");
        let direction = if document.lang.direction() == Direction::Rtl {
            "R2L"
        } else {
            "L2R"
        };
        assert_eq!(facts["direction"], direction, "{label}");
        // A list where the letter has one (or sources it never cites), links
        // where it cites sources.
        let listed = document
            .body
            .iter()
            .any(|block| matches!(block, Block::List(_)))
            || document.notes.iter().any(|note| note.references == 0);
        let mut roles = vec!["Document", "H1", "P"];
        if listed {
            roles.extend(["L", "LI", "Lbl", "LBody"]);
        }
        if !document.notes.is_empty() {
            roles.push("Link");
        }
        for role in roles {
            assert!(
                facts["roles"][role].as_u64() >= Some(1),
                "{label}: no {role}: {}",
                facts["roles"]
            );
        }
        let cited = document.notes.iter().filter(|n| n.references > 0).count();
        assert_eq!(
            facts["roles"]["Note"].as_u64().unwrap_or(0),
            cited as u64,
            "{label}: one Note per cited source"
        );
        for link in facts["links"].as_array().unwrap() {
            let contents = link["contents"].as_str().unwrap_or_default();
            assert!(
                !contents.is_empty(),
                "{label}: a link without /Contents: {link}"
            );
            assert_eq!(
                link["struct_parent"], true,
                "{label}: an untagged link: {link}"
            );
        }
        let uris: BTreeSet<&str> = facts["links"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l["uri"].as_str())
            .collect();
        let urls = linked(document);
        assert_eq!(
            uris,
            urls.iter().map(String::as_str).collect(),
            "{label}: every source's address and every link of the letter, and nothing else, is a live link"
        );
        for font in facts["fonts"].as_array().unwrap() {
            assert_eq!(font["embedded"], true, "{label}: {font}");
        }

        let pdfua = tool(
            "python3",
            &[
                OsStr::new("-m"),
                OsStr::new("pdfua"),
                OsStr::new("check"),
                pdf.as_os_str(),
            ],
        );
        assert!(
            pdfua.status.success(),
            "{label}: pdfua: {}{}",
            String::from_utf8_lossy(&pdfua.stdout),
            String::from_utf8_lossy(&pdfua.stderr)
        );

        assert_reads_in_order(label, pdf, letter_txt, document, pages);
        facts
    }

    #[test]
    fn every_locale_of_the_shipped_letter_is_an_accessible_pdf() {
        let out = shipped_build();
        let documents = documents(&shipped());
        for locale in LOCALES {
            let document = documents.iter().find(|d| d.lang.tag() == locale).unwrap();
            let folder = out.join(LETTER).join(locale);
            let pdf = folder.join("letter.pdf");
            let letter_txt = fs::read_to_string(folder.join("letter.txt")).unwrap();
            let facts = assert_accessible(locale, &pdf, document, &letter_txt);
            assert_eq!(
                facts["roles"]["Note"].as_u64(),
                Some(4),
                "{locale}: four footnotes"
            );
            // A4 by default.
            for page in facts["pages"].as_array().unwrap() {
                assert_eq!(media_box(page), [0, 0, 595, 842], "{locale}");
            }
            if locale != "en" {
                // The cited titles are English in every translation.
                assert!(
                    facts["content_langs"]["en"].as_u64() >= Some(2),
                    "{locale}: {}",
                    facts["content_langs"]
                );
            }
            let png = screenshot(&pdf, &format!("{LETTER}-{locale}"));
            eprintln!("{locale}: first page in {}", png.display());
        }
    }

    #[test]
    fn the_pages_and_the_chooser_link_the_pdfs() {
        let out = shipped_build();
        let chooser = fs::read_to_string(out.join(LETTER).join("index.html")).unwrap();
        for locale in LOCALES {
            let page =
                fs::read_to_string(out.join(LETTER).join(locale).join("index.html")).unwrap();
            assert!(
                page.contains(r#"<a href="letter.pdf" type="application/pdf">PDF</a>"#),
                "{locale}"
            );
            assert!(
                chooser.contains(&format!(
                    r#"<a href="{locale}/letter.pdf" hreflang="{locale}" type="application/pdf">PDF</a>"#
                )),
                "{locale}"
            );
        }
    }

    #[test]
    fn a_right_to_left_letter_is_shaped_isolated_and_read_in_order() {
        let project = fixture("rtl");
        let out = build_pdfs("rtl", &project);
        for document in documents(&project) {
            let tag = document.lang.tag();
            let folder = out.join("clean-water").join(tag);
            let pdf = folder.join("letter.pdf");
            let letter_txt = fs::read_to_string(folder.join("letter.txt")).unwrap();
            let facts = assert_accessible(tag, &pdf, &document, &letter_txt);
            let fonts = facts["fonts"].to_string();
            if tag == "ar" {
                assert!(fonts.contains("NotoNaskhArabic"), "{fonts}");
                // The postal address and the cited title are English, marked so.
                assert!(
                    facts["content_langs"]["en"].as_u64() >= Some(2),
                    "{}",
                    facts["content_langs"]
                );
            }
            screenshot(&pdf, &format!("rtl-clean-water-{tag}"));
        }
    }

    #[test]
    fn a_cjk_letter_is_set_in_its_own_faces_and_read_in_order() {
        let project = fixture("cjk");
        let out = build_pdfs("cjk", &project);
        for document in documents(&project) {
            let tag = document.lang.tag();
            let folder = out.join("library").join(tag);
            let pdf = folder.join("letter.pdf");
            let letter_txt = fs::read_to_string(folder.join("letter.txt")).unwrap();
            let facts = assert_accessible(tag, &pdf, &document, &letter_txt);
            let fonts = facts["fonts"].to_string();
            match tag {
                "ja" => assert!(fonts.contains("NotoSerifCJKjp"), "{fonts}"),
                "zh-Hant" => {
                    assert!(fonts.contains("NotoSerifCJKtc"), "{fonts}");
                    // One demand is not translated: English, marked so.
                    assert!(
                        facts["content_langs"]["en"].as_u64() >= Some(2),
                        "{}",
                        facts["content_langs"]
                    );
                }
                _ => assert!(!fonts.contains("CJK"), "{tag}: {fonts}"),
            }
            screenshot(&pdf, &format!("cjk-library-{tag}"));
        }
    }

    #[test]
    fn each_letter_has_a_pdf_in_the_locales_of_its_pages_with_their_words() {
        let project = fixture("multi");
        let out = build_pdfs("multi", &project);
        let documents = documents(&project);
        for letter in [
            "coalition-climate-2025",
            "community-garden-2025",
            "press-freedom-2025",
        ] {
            let folder = out.join(letter);
            let with = |file: &str| -> BTreeSet<String> {
                fs::read_dir(&folder)
                    .unwrap()
                    .map(|entry| entry.unwrap().path())
                    .filter(|path| path.join(file).is_file())
                    .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
                    .collect()
            };
            // A letter's own `locales`: a PDF beside each of its pages, no other.
            assert_eq!(with("letter.pdf"), with("index.html"), "{letter}");
            for document in documents.iter().filter(|d| d.letter == letter) {
                let tag = document.lang.tag();
                let label = format!("{letter} {tag}");
                let pdf = folder.join(tag).join("letter.pdf");
                let letter_txt = fs::read_to_string(folder.join(tag).join("letter.txt")).unwrap();
                let facts = assert_accessible(&label, &pdf, document, &letter_txt);
                // The page's author: the sender, where the letter names one.
                if let Some(sender) = &document.sender {
                    assert_eq!(field(&info(&pdf), "Author"), sender, "{label}");
                }
                // The postal address in its own language.
                if document.data_lang != document.lang && !document.address.is_empty() {
                    assert!(
                        facts["content_langs"][document.data_lang.tag()].as_u64() >= Some(1),
                        "{label}: {}",
                        facts["content_langs"]
                    );
                }
                screenshot(&pdf, &format!("multi-{letter}-{tag}"));
            }
        }
        // Notes numbered in the locale's digits, as on the page.
        let persian = pdftotext(&out.join("press-freedom-2025/fa/letter.pdf"));
        assert!(persian.contains('۱'), "{persian}");
    }

    #[test]
    fn the_same_letter_always_gives_the_same_bytes() {
        let first = shipped_build();
        let second = build_pdfs("shipped-again", &shipped());
        for locale in LOCALES {
            let path = Path::new(LETTER).join(locale).join("letter.pdf");
            let a = fs::read(first.join(&path)).unwrap();
            let b = fs::read(second.join(&path)).unwrap();
            assert!(a == b, "{locale}: two builds differ");
        }
        // The creation date is the letter's, not the build's.
        let info = info(&first.join(LETTER).join("en/letter.pdf"));
        assert!(
            field(&info, "CreationDate").contains("Jan  6 00:00:00 2023"),
            "{info:?}"
        );
    }

    #[test]
    fn paper_and_pdf_are_read_from_letterkit_toml() {
        let project = copy_project(&fixture("small"));
        let config = project.path().join("letterkit.toml");
        let text = fs::read_to_string(&config).unwrap();
        let text = text.replacen(
            "source-locale = \"en\"",
            "source-locale = \"en\"\npaper = \"us-letter\"\npdf = true",
            1,
        );
        fs::write(&config, text).unwrap();
        let out = tempfile::tempdir().unwrap();
        let dist = out.path().join("dist");
        // No --pdf: the configuration asks for the PDFs.
        let run = letterkit(project.path(), &["build", "--out", dist.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        for locale in ["en", "es"] {
            let facts = structure(&dist.join("notice").join(locale).join("letter.pdf"));
            assert_eq!(media_box(&facts["pages"][0]), [0, 0, 612, 792], "{locale}");
        }
        let page = fs::read_to_string(dist.join("notice/es/index.html")).unwrap();
        assert!(page.contains(r#"href="letter.pdf""#), "{page}");
    }

    #[test]
    fn render_writes_a_pdf_to_a_pipe_and_refuses_a_terminal() {
        let piped = Command::new(env!("CARGO_BIN_EXE_letterkit"))
            .args(["--project"])
            .arg(fixture("small"))
            .args(["render", "notice", "es", "--format", "pdf"])
            .output()
            .unwrap();
        assert!(
            piped.status.success(),
            "{}",
            String::from_utf8_lossy(&piped.stderr)
        );
        assert!(piped.stdout.starts_with(b"%PDF-"));
        let built = build_pdfs("small", &fixture("small"));
        assert!(
            piped.stdout == fs::read(built.join("notice/es/letter.pdf")).unwrap(),
            "render prints what build writes"
        );

        let command = format!(
            "{} --project {} render notice es --format pdf",
            env!("CARGO_BIN_EXE_letterkit"),
            fixture("small").display()
        );
        let on_terminal = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .output()
            .expect("script(1) runs render on a terminal");
        let shown = String::from_utf8_lossy(&on_terminal.stdout);
        assert!(!on_terminal.status.success(), "{shown}");
        assert!(
            shown.contains("refusing to write a PDF to the terminal"),
            "{shown}"
        );
        assert!(!shown.contains("%PDF"), "{shown}");
    }

    #[test]
    fn hostile_translations_reach_the_pdf_as_text_and_nothing_else() {
        // The shared vectors, and Typst's own markup: code in Typst, text here.
        let mut vectors = hostile::vectors();
        for value in [
            r#"Typst code: #read("/letter.typ") #eval("1 + 1") #link("https://evil.example")[x] #sys.inputs"#,
            r#"x #import "/document.json": * #set page(fill: red) #show: it => none"#,
            r#"$ x^2 $ and @note-1 and ]#pagebreak()[ and #{ panic() }"#,
        ] {
            vectors.push(hostile::Vector {
                code: "text".into(),
                value: value.into(),
            });
        }
        let count = hostile::clean_messages().len();
        let es = Lang::parse("es").unwrap();
        let typesetter = Typesetter::new(Fonts::system()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let render = |project: &Path, name: &str| -> (PathBuf, Document) {
            let loaded = Project::load(project).unwrap();
            let (letters, langs) = loaded.select(&[], &[]).unwrap();
            let document = localize::localize(&loaded, letters[0], &es, &langs)
                .unwrap()
                .document;
            let bytes = typesetter
                .letter(&document, Paper::A4)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            for forbidden in [&b"/JavaScript"[..], b"/JS", b"/Launch", b"/EmbeddedFile"] {
                assert!(
                    !bytes.windows(forbidden.len()).any(|w| w == forbidden),
                    "{name}: {}",
                    String::from_utf8_lossy(forbidden)
                );
            }
            let path = dir.path().join(format!("{name}.pdf"));
            fs::write(&path, bytes).unwrap();
            (path, document)
        };
        let text_of = |pdf: &Path| normalized(&pdftotext(pdf));
        // Which messages the PDF shows, found by giving each a marker.
        let marker = |i: usize| format!("marker{i}x");
        let (marked, _) = render(hostile::project_with(marker).path(), "marked");
        let marked = text_of(&marked);
        let shown: Vec<bool> = (0..count).map(|i| marked.contains(&marker(i))).collect();
        assert!(shown.iter().filter(|s| **s).count() >= 10, "{shown:?}");

        // Round r puts vector (r * count + i) into message i: every vector
        // goes through the renderer.
        for round in 0..vectors.len().div_ceil(count) {
            let vector = |i: usize| &vectors[(round * count + i) % vectors.len()];
            let project = hostile::project_with(|i| vector(i).value.clone());
            let (pdf, document) = render(project.path(), &format!("round-{round}"));
            let text = text_of(&pdf);
            for (i, shown) in shown.iter().enumerate() {
                let value = vector(i);
                if value.code == "text" && *shown {
                    assert!(
                        text.contains(&normalized(&value.value)),
                        "round {round}: {:?} is not shown as written",
                        value.value
                    );
                }
            }
            // A link only where the page has one (the localizer keeps only
            // https, http and mailto links), and nowhere else.
            let facts = structure(&pdf);
            let allowed = linked(&document);
            for link in facts["links"].as_array().unwrap() {
                if let Some(uri) = link["uri"].as_str() {
                    assert!(
                        allowed.contains(uri)
                            && ["https:", "http:", "mailto:"]
                                .iter()
                                .any(|scheme| uri.starts_with(scheme)),
                        "round {round}: a link to {uri:?}"
                    );
                }
            }
            assert_eq!(facts["lang"], "es");
        }
    }
}

/// Without the `pdf` feature, asking for a PDF is refused with the way to get it.
#[cfg(not(feature = "pdf"))]
#[test]
fn without_the_pdf_feature_a_pdf_is_refused_with_how_to_get_one() {
    use crate::support::{copy_project, fixture, letterkit};
    let project = copy_project(&fixture("small"));
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    let run = letterkit(
        project.path(),
        &["build", "--pdf", "--out", dist.to_str().unwrap()],
    );
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("--features pdf"), "{}", run.stderr);
    assert!(!dist.exists(), "nothing is written");
}
