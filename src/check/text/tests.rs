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
    for prose in [
        "نيابة عن منظمة العفو الدولية",
        "एमनेस्टी इंटरनेशनल की ओर से",
        "অ্যামনেস্টি ইন্টারন্যাশনালের পক্ষ থেকে",
        "ในนามของแอมเนสตี้ อินเตอร์เนชั่นแนล",
        "از طرف عفو بین‌الملل",
    ] {
        let mut shape = Shape::default();
        shape.count_numbers(prose);
        assert_eq!(shape.figure_text, None, "{prose}");
    }
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
        ["changed-markup", "unsafe-link"]
    );
    assert_eq!(
        compare_in(Markup::Letter, source, target),
        ["changed-emphasis"]
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
    for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
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

fn hidden_against(
    tag: &str,
    source: Option<&str>,
    text: &str,
) -> Vec<(&'static str, Severity, String)> {
    let mut found = Vec::new();
    let source = source.map(file);
    characters_against(
        &file(text),
        source.as_ref(),
        &Lang::parse(tag).unwrap(),
        Markup::Tree,
        &mut found,
    );
    found
        .into_iter()
        .map(|f| (f.code.as_str(), f.severity, f.location.to_string()))
        .collect()
}

#[test]
fn escapes_are_judged_as_the_characters_they_stand_for() {
    let text = "a = { \"\\u202E\" }gpj.exe\nb = x{ \"\\u0000\" }\nc = { \"\\uD800\" }\nd = { \"\\U01F600\" } { \"\\\\u202E\" }\n";
    assert_eq!(
        hidden_against("fr", None, text),
        [
            ("bidi-control", Severity::Error, "x.ftl:1:8".to_owned()),
            (
                "invisible-character",
                Severity::Error,
                "x.ftl:2:9".to_owned()
            ),
            (
                "invisible-character",
                Severity::Error,
                "x.ftl:3:8".to_owned()
            ),
        ],
        "an emoji and an escaped backslash are no hidden character"
    );
    // In a select's variant and a function's argument too.
    let nested = "a = { $n ->\n    [one] { NUMBER($n, style: \"\\u2066\") }\n   *[other] { \"\\u00AD\" }x\n}\n";
    let codes: Vec<&str> = hidden_against("fr", None, nested)
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(codes, ["bidi-control", "invisible-character"]);
}

#[test]
fn rare_invisible_characters_are_errors_where_the_source_lacks_them() {
    let source = "a = Settings\nb = Stop\nc = Flag\n";
    for (c, what) in [
        ('\u{E0041}', "TAG"),
        ('\u{FE0F}', "VS16 after a letter"),
        ('\u{E0100}', "ideographic VS after a letter"),
        ('\u{00AD}', "soft hyphen in French"),
        ('\u{FFFD}', "replacement character"),
        ('\u{FDD0}', "noncharacter"),
        ('\u{10FFFF}', "noncharacter of the last plane"),
        ('\u{180B}', "Mongolian selector after a Latin letter"),
    ] {
        let text = format!("a = Réglages{c}\nb = Arrêt\nc = Drapeau\n");
        assert_eq!(
            hidden_against("fr", Some(source), &text),
            [(
                "invisible-character",
                Severity::Error,
                "x.ftl:1:13".to_owned()
            )],
            "{what}"
        );
        let same = format!("a = Settings{c}\n");
        assert!(
            hidden_against("fr", Some(&same), &text).is_empty(),
            "{what}: the source has it too"
        );
    }
}

#[test]
fn characters_a_script_needs_are_not_errors() {
    let source = "a = Great\nb = Font\nc = Mongolian\nd = Flag\ne = Settings\n";
    let text = "a = Génial ❤\u{FE0F} 1\u{FE0F}\u{20E3}\nb = 葛\u{E0100}\nc = ᠠ\u{180B}\nd = 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}\ne = Einstellungs\u{00AD}optionen\n";
    assert_eq!(
        hidden_against("de", Some(source), text),
        [(
            "invisible-character",
            Severity::Warning,
            "x.ftl:5:17".to_owned()
        )],
        "a German soft hyphen is a warning; the rest is what the script needs"
    );
}

#[test]
fn carriage_returns_alone_and_mixed_line_ends_are_reported() {
    assert_eq!(
        hidden_against("fr", None, "a = Un\rb = Deux\r"),
        [("line-ending", Severity::Error, "x.ftl:1:7".to_owned())]
    );
    assert_eq!(
        hidden_against("fr", None, "a = Un\r\nb = Deux\nc = Trois\r\n"),
        [("line-ending", Severity::Warning, "x.ftl:2:9".to_owned())]
    );
    assert!(hidden_against("fr", None, "a = Un\r\nb = Deux\r\n").is_empty());
}

#[test]
fn the_scan_of_escapes_never_slices_inside_a_character() {
    for text in ["\\", "\\u", "\\u20", "\\ué", "é\\U01F6", "\\U01F600é\\"] {
        escapes(text);
    }
    assert_eq!(escapes("\\\\u202E\\u0041"), [("\\u0041", Some('A'))]);
}

#[test]
fn figures_written_alike_are_not_read_and_any_other_difference_is() {
    assert!(same_written_figures(
        "In 2013, 850 people (2.5%) asked; see RFC 5646.",
        "RFC 5646: en 2013 preguntaron 850 personas (2.5 %)."
    ));
    // A changed, moved, added or dropped figure, or one in another script,
    // goes to the comparison that reads values.
    for translation in [
        "En 2013 preguntaron 580 personas (2.5 %); RFC 5646.",
        "En 2013 preguntaron 850 personas (25 %); RFC 5646.",
        "En 2013 preguntaron 850 personas (2,5 %); RFC 5646.",
        "En 2013 preguntaron 850 personas; RFC 5646.",
        "En ٢٠١٣ preguntaron 850 personas (2.5 %); RFC 5646.",
    ] {
        assert!(
            !same_written_figures(
                "In 2013, 850 people (2.5%) asked; see RFC 5646.",
                translation
            ),
            "{translation}"
        );
    }
    // Letters joined to the digits are part of what is compared.
    assert!(!same_written_figures("MD5 digest", "M5 digest"));
    assert_eq!(
        compare("a = Version 2.5 of 2013\n", "a = Versión 25 de 2013\n"),
        ["changed-number"]
    );
}
