use super::*;
use std::path::PathBuf;

fn file(text: &str) -> FtlFile {
    FtlFile::parse(PathBuf::from("x.ftl"), text.to_owned())
}

#[test]
fn the_byte_scan_misses_no_digit() {
    let digits = (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|c| numbers::digit_value(*c).is_some());
    for c in digits {
        let mut buffer = [0; 4];
        let encoded = c.encode_utf8(&mut buffer).as_bytes();
        assert!(holds_digits(encoded), "U+{:04X}", c as u32);
        // In the block-at-a-time part of the scan too, across two blocks.
        let text = format!("{}{c}{}", "a".repeat(31), "b".repeat(40));
        assert!(holds_digits(text.as_bytes()), "U+{:04X}", c as u32);
    }
    assert!(!holds_digits(
        "Ça, c'est écrit en français — «bien».".as_bytes()
    ));
    assert!(!holds_digits("本書簡に署名した".as_bytes()));
}

fn compare(source: &str, target: &str) -> Vec<&'static str> {
    compare_in(Markup::Letter, source, target)
}

fn compare_in(markup: Markup, source: &str, target: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    let source = file(source);
    let target = file(target);
    compare_messages(
        &Shapes::of(&source),
        &Shapes::of(&target),
        &Lang::parse("es").unwrap(),
        &Lang::parse("en").unwrap(),
        Some(&["name".to_owned()]),
        markup,
        &mut found,
    );
    found.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn judging_what_to_publish_skips_the_heuristics_but_not_a_foreign_link() {
    let source = file("a = [Read](https://example.org/a) the 2 reports, *now*.\n");
    let target = file("a = Lea los 3 [informes](https://evil.example/x), ya.\n");
    let codes = |heuristics: bool| {
        let mut found = Vec::new();
        compare_messages(
            &Shapes::of(&source),
            &Shapes::of(&target),
            &Lang::parse("es").unwrap(),
            &Lang::parse("en").unwrap(),
            heuristics.then_some(&[][..]),
            Markup::Letter,
            &mut found,
        );
        found
            .iter()
            .map(|f| (f.code.as_str(), f.unpublishable))
            .collect::<Vec<_>>()
    };
    let all = codes(true);
    assert!(all.contains(&("changed-emphasis", false)), "{all:?}");
    assert!(all.contains(&("changed-number", false)), "{all:?}");
    assert_eq!(codes(false), [("changed-link", true)]);
}

#[test]
fn a_tree_keeps_the_sources_unsafe_links_and_has_no_emphasis() {
    let source = "a = Ended by <xsl:message>.\nb = *Report* it\n";
    let target = "a = Terminada por <xsl:message>.\nb = Informe\n";
    assert!(compare_in(Markup::Tree, source, target).is_empty());
    assert_eq!(
        compare_in(
            Markup::Tree,
            "a = Ended.\n",
            "a = Terminada <xsl:message>.\n"
        ),
        ["raw-html", "unsafe-link"]
    );
    assert_eq!(
        compare_in(Markup::Letter, source, target),
        ["changed-emphasis"]
    );
}

#[test]
fn tags_are_compared_without_their_text_or_spacing() {
    let tags = |text: &str| -> Vec<String> { tags(text).into_iter().map(|t| t.0).collect() };
    assert_eq!(
        tags("<div data-l10n-name=\"line1\">Importer</div> a < b"),
        ["<div data-l10n-name=\"line1\">", "</div>"]
    );
    assert_eq!(
        tags("<a data-l10n-name = 'x'  class=b>t</a >"),
        tags("<A class=\"b\" data-l10n-name=\"x\">text</a>")
    );
    assert_eq!(
        tags("<a data-l10n-name=\"p\">Obavijest</a od \u{FFFC} >"),
        ["<a data-l10n-name=\"p\">", "</a od \u{fffc}>"]
    );
    assert_eq!(
        tags("<br/><!--  x  --><img src=x"),
        ["<br>", "<!-- x -->", "<img src=\"x\">"]
    );
}

#[test]
fn a_moved_decimal_point_is_a_changed_number_and_a_figure_in_words_a_warning() {
    let source = "a = 2.5 million people in 2022\nb = In 1 month\nc = Step one\n";
    assert!(
        compare(
            source,
            "a = 2,5 millones de personas en 2022\nb = En un mes\nc = Paso uno\n"
        )
        .iter()
        .all(|code| *code == "missing-number")
    );
    assert_eq!(
        compare(
            source,
            "a = 25 millones de personas en 2022\nb = En un mes\nc = Paso 1\n"
        ),
        ["changed-number", "missing-number", "added-number"]
    );
}

#[test]
fn a_faithful_translation_is_silent() {
    let source = "a = In 2022, *850* people died.[^deaths] See [the report](https://example.org/r).\nname = Ada\n";
    let target = "a = En 2022 murieron *850* personas.[^deaths] Vea [el informe](https://example.org/r).\nname = Ada\n";
    assert!(compare(source, target).is_empty());
}

#[test]
fn a_text_of_note_references_alone_is_what_the_parser_reads() {
    let mut values: Vec<String> = [
        "Text with a note.[^s1] And another[^s-2] here.",
        "  { placeable } text[^a] more[^B7]",
        "[^a] at the start",
        "x [^a](https://example.org) a link",
        "x [^a]: a definition?",
        "x [^a][^b] side by side",
        "x [^a b] with a space",
        "x [^] empty",
        "x [^a]\n[^b] across lines",
        "in 2022[^a]",
        "x [^a] *emphasis*",
    ]
    .map(String::from)
    .to_vec();
    values.extend(crate::corpus::sample_values());
    let (mut read, mut refused) = (0, 0);
    for value in &values {
        let Some(notes) = only_note_references(value) else {
            refused += 1;
            continue;
        };
        read += 1;
        let markup = markdown::inline_markup(value);
        assert_eq!(markup.notes, notes, "{value:?}");
        assert!(
            markup.links.is_empty() && markup.issues.is_empty(),
            "{value:?}"
        );
        assert_eq!(markup.emphasis, 0, "{value:?}");
        assert!(!holds_digits(markup.words.as_bytes()), "{value:?}");
    }
    assert!(read >= 2 && refused >= 9, "{read} read, {refused} refused");
}

#[test]
fn a_difference_counts_repeats() {
    let list = |items: &[&str]| items.iter().map(|i| i.to_string()).collect::<Vec<_>>();
    assert_eq!(
        difference(&list(&["1", "1", "2"]), &list(&["1", "3"])),
        ["1", "2"]
    );
    assert_eq!(
        difference(&list(&["a", "b"]), &list(&["a", "b"])),
        Vec::<String>::new()
    );
    assert_eq!(difference(&list(&[]), &list(&["a"])), Vec::<String>::new());
    assert_eq!(difference(&list(&["a"]), &list(&[])), ["a"]);
}

#[test]
fn each_difference_is_reported() {
    let source =
        "a = In 2022, *850* people died.[^deaths] See [the report](https://example.org/r).\n";
    let target =
        "a = En 2021 murieron 850 personas. Vea [el informe](https://evil.example/r).\nb = B\n";
    assert_eq!(
        compare(source, target),
        [
            "changed-link",
            "missing-note",
            "changed-emphasis",
            "changed-number"
        ]
    );
    assert_eq!(
        compare("a = Hello there, reader\n", "a = Hello there, reader\n"),
        ["identical-to-source"]
    );
    assert!(
        compare("a = Sources\n", "a = Sources\n").is_empty(),
        "a label"
    );
    assert!(
        compare("name = Ada Lovelace Byron\n", "name = Ada Lovelace Byron\n").is_empty(),
        "allowed"
    );
    assert!(
        compare("a = 42\n", "a = 42\n").is_empty(),
        "no words to translate"
    );
}

#[test]
fn hidden_characters_are_located_by_code_point() {
    let mut found = Vec::new();
    let text = file("a = abc\u{202E}def\nb = x\u{200F}y\u{0007}\nc = x\u{200C}y\n");
    characters(
        &text,
        &Lang::parse("ar").unwrap(),
        Markup::Letter,
        &mut found,
    );
    let seen: Vec<(&str, usize, usize, Option<&str>)> = found
        .iter()
        .map(|f| {
            (
                f.code.as_str(),
                f.location.line,
                f.location.column,
                f.message_id.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("bidi-control", 1, 8, Some("a")),
            ("directional-mark", 2, 6, Some("b")),
            ("invisible-character", 2, 8, Some("b")),
        ]
    );
    let mut in_tree = Vec::new();
    characters(
        &text,
        &Lang::parse("ar").unwrap(),
        Markup::Tree,
        &mut in_tree,
    );
    let codes: Vec<&str> = in_tree.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        codes,
        ["bidi-control", "invisible-character"],
        "an app that does not isolate needs its marks"
    );
    assert!(
        found[0]
            .message
            .starts_with("U+202E RIGHT-TO-LEFT OVERRIDE in `a`")
    );
}

#[test]
fn a_zero_width_space_is_reported_except_where_it_separates_words() {
    let text = file("a = hello\u{200B}world\n");
    for (tag, reported) in [("en", 1), ("th", 0)] {
        let mut found = Vec::new();
        characters(
            &text,
            &Lang::parse(tag).unwrap(),
            Markup::Letter,
            &mut found,
        );
        assert_eq!(found.len(), reported, "{tag}");
    }
}

#[test]
fn the_byte_scan_sees_every_character_that_is_reported() {
    for c in (0..0x3_0000u32).filter_map(char::from_u32) {
        if classify(c).is_none() {
            continue;
        }
        // Anywhere in a block, across two, or at the end.
        for before in [1, 30, 31, 32, 62] {
            let text = format!("{}{c}{}", "a".repeat(before), "b".repeat(40));
            let offsets: Vec<usize> = hidden_character_offsets(text.as_bytes()).collect();
            assert_eq!(offsets, [before], "U+{:04X}", c as u32);
            let at_end = format!("{}{c}", "a".repeat(before));
            assert_eq!(hidden_character_offsets(at_end.as_bytes()).count(), 1);
        }
    }
    let typographic = "plain “quoted” text’s — in عربي…";
    assert_eq!(hidden_character_offsets(typographic.as_bytes()).count(), 0);
}

#[test]
fn a_tag_broken_by_a_line_separator_is_read_without_panicking() {
    let found = tags("<img src=x:ale abc\u{2028}def");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "<img abc def src=\"x:ale\">");
    // A lone `=` after a multi-byte space, and a tag cut at every place.
    let text = "<a\u{2028}=\u{3000}x=\"é\"\u{85}b>";
    for (at, _) in text.char_indices() {
        tags(&text[..at]);
    }
}

proptest::proptest! {
    #[test]
    fn any_text_is_read_for_tags_without_panicking(text in "(<|/|=|>|\"| |\u{2028}|\u{3000}|é|a|x)*") {
        tags(&text);
    }
}

fn hidden(tag: &str, markup: Markup, text: &str) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    characters(&file(text), &Lang::parse(tag).unwrap(), markup, &mut found);
    found
        .into_iter()
        .map(|f| (f.code.as_str(), f.location.to_string()))
        .collect()
}

#[test]
fn a_run_of_invisible_characters_is_one_finding_at_its_first() {
    let found = hidden(
        "hr",
        Markup::Tree,
        "a = x\u{200B}\u{200B}\u{200B}\u{200B}y z\u{200B}\n",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "invisible-character");
}

#[test]
fn right_to_left_locales_of_a_tree_may_embed_but_not_override() {
    let embedded = "a = \u{202B}يبحث عن \u{202A}{ $host }\u{202C}\u{202C}\n";
    assert!(hidden("ar", Markup::Tree, embedded).is_empty());
    assert_eq!(
        hidden("ar", Markup::Letter, embedded).len(),
        3,
        "the two closing PDFs are one run"
    );
    assert_eq!(hidden("fr", Markup::Tree, embedded).len(), 3);
    let overridden = "a = \u{202E}txt.exe\n";
    assert_eq!(
        hidden("ar", Markup::Tree, overridden),
        [("bidi-control", "x.ftl:1:5".to_owned())]
    );
}

#[test]
fn a_zero_width_space_that_keeps_a_leading_space_is_a_warning() {
    let text = file(
        "a =\n    { $n ->\n        [one] \u{200B} שנייה\n       *[other] \u{200B} שניות\n    }\nb = x\u{200B} y\n",
    );
    let mut found = Vec::new();
    characters(&text, &Lang::parse("he").unwrap(), Markup::Tree, &mut found);
    let severities: Vec<_> = found.iter().map(|f| f.severity).collect();
    assert_eq!(
        severities,
        [Severity::Warning, Severity::Warning, Severity::Error]
    );
    assert!(
        found[0].message.contains("{ \" \" }"),
        "{}",
        found[0].message
    );
}

#[test]
fn emphasis_a_tree_translation_adds_is_a_warning_and_broken_tags_an_error() {
    let severities = |target: &str| -> Vec<Severity> {
        let mut found = Vec::new();
        let (source, target) = (file("a = Use a firewall\n"), file(target));
        compare_messages(
            &Shapes::of(&source),
            &Shapes::of(&target),
            &Lang::parse("sq").unwrap(),
            &Lang::parse("en").unwrap(),
            Some(&[]),
            Markup::Tree,
            &mut found,
        );
        found.iter().map(|f| f.severity).collect()
    };
    assert_eq!(
        severities("a = Përdor një <em>firewall</em>\n"),
        [Severity::Warning]
    );
    assert_eq!(
        severities("a = Përdor një<br> firewall\n"),
        [Severity::Warning]
    );
    assert_eq!(
        severities("a = Përdor një <i> firewall\n"),
        [Severity::Error]
    );
    assert_eq!(
        severities("a = Përdor një firewall</br>\n"),
        [Severity::Error]
    );
    assert_eq!(
        severities("a = Përdor <em class=\"x\">një</em> firewall\n"),
        [Severity::Error]
    );
}
