use super::*;

fn kinds(pieces: &[Piece]) -> Vec<String> {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => format!("text:{t}"),
            Piece::Code { kind, native } => format!("{kind:?}:{native}"),
            Piece::Span {
                kind,
                open,
                close,
                content,
            } => format!("{kind:?}:{open}[{}]{close}", kinds(content).join("|")),
        })
        .collect()
}

#[test]
fn placeables_notes_and_links_are_codes_and_link_words_are_text() {
    let flat = "Back to [the *reference*](https://example.org/a_b) { $number }[^note].";
    let pieces = pieces(flat, false);
    assert_eq!(
        kinds(&pieces),
        [
            "text:Back to ",
            "Link:[[text:the |Emphasis:*[text:reference]*]](https://example.org/a_b)",
            "text: ",
            "Placeable:{ $number }",
            "Note:[^note]",
            "text:.",
        ]
    );
    assert_eq!(join(&pieces), flat);
}

#[test]
fn braces_inside_string_literals_do_not_end_a_placeable() {
    let flat = r#"A {"}"} and { NUMBER($n, style: "percent") } { { $x } }"#;
    let pieces = pieces(flat, false);
    assert_eq!(
        kinds(&pieces),
        [
            "text:A ",
            r#"Placeable:{"}"}"#,
            "text: and ",
            r#"Placeable:{ NUMBER($n, style: "percent") }"#,
            "text: ",
            "Placeable:{ { $x } }",
        ]
    );
}

#[test]
fn a_link_around_a_placeable_keeps_it_inside_its_words() {
    let flat = "See [page { $n }](https://example.org) and **{ $who }**";
    let pieces = pieces(flat, false);
    assert_eq!(
        kinds(&pieces),
        [
            "text:See ",
            "Link:[[text:page |Placeable:{ $n }]](https://example.org)",
            "text: and ",
            "Strong:**[Placeable:{ $who }]**",
        ]
    );
    assert_eq!(join(&pieces), flat);
}

#[test]
fn a_leading_block_marker_and_ampersands_keep_their_offsets() {
    for flat in [
        "# not a heading & *this* is emphasis",
        "1. not a list, but [a link](https://example.org) & more",
        "*emphasis* first",
        "&amp; *x*",
    ] {
        let pieces = pieces(flat, false);
        assert_eq!(join(&pieces), flat);
        assert!(
            pieces.iter().any(|p| matches!(p, Piece::Span { .. })),
            "{flat}: {pieces:?}"
        );
    }
}

#[test]
fn markup_nested_past_what_the_renderer_reads_stays_text() {
    let flat = "*_".repeat(5000) + "x" + &"_*".repeat(5000);
    let pieces = pieces(&flat, false);
    assert_eq!(join(&pieces), flat);
    fn depth(pieces: &[Piece]) -> usize {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Span { content, .. } => 1 + depth(content),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    assert!(depth(&pieces) <= crate::markdown::MAX_NESTING);
}

proptest::proptest! {
    #[test]
    fn pieces_put_together_are_the_text(flat in "[a-z *_\\[\\](){}$^<>&#:/.\"-]{0,60}") {
        let flat = one_line(&flat);
        proptest::prop_assert_eq!(join(&pieces(&flat, false)), flat);
    }
}

#[test]
fn control_characters_become_codes_of_their_own() {
    let pieces = pieces("a\u{1}b", false);
    assert_eq!(kinds(&pieces), ["text:a", "Control:\u{1}", "text:b"]);
}

#[test]
fn codes_of_a_translation_take_the_numbers_of_the_same_source_codes() {
    let source = pieces("{ $a } and { $b } and { $a }", false);
    let target = pieces("{ $b } y { $a } y { $c }", false);
    let (codes, numbered_source, numbered_target) = Codes::number(&source, Some(&target));
    let ids = |n: &[Numbered]| {
        n.iter()
            .filter_map(|p| match p {
                Numbered::Code { id, .. } => Some(*id),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&numbered_source), [1, 2, 3]);
    assert_eq!(ids(&numbered_target.expect("a target")), [2, 1, 4]);
    let back = codes
        .resolve(&[
            InPiece::Code {
                id: "2".into(),
                equiv: None,
            },
            InPiece::Text(" y ".into()),
            InPiece::Code {
                id: "3".into(),
                equiv: None,
            },
        ])
        .expect("known codes");
    assert_eq!(back, "{ $b } y { $a }");
    assert!(
        codes
            .resolve(&[InPiece::Code {
                id: "9".into(),
                equiv: None
            }])
            .is_err()
    );
}

#[test]
fn entries_are_written_on_the_id_line_or_below_it_as_the_value_starts() {
    assert_eq!(entry_text("a", "Hello\n  world", false), "a = Hello world");
    assert_eq!(
        entry_text("a", "{ $n ->\n    [one] One\n   *[other] Many\n}", true),
        "a = { $n ->\n    [one] One\n   *[other] Many\n}"
    );
    assert_eq!(
        entry_text("a", "    Hello\n    .title = T", true),
        "a =\n    Hello\n    .title = T"
    );
}

#[test]
fn a_translation_that_is_not_one_message_is_refused() {
    assert!(parses_alone("a", "a = Fine { $x }").is_ok());
    assert!(parses_alone("a", "a = Broken { $x").is_err());
    assert!(parses_alone("a", "a = Two\nb = messages").is_err());
}

#[test]
fn edits_replace_a_translation_with_its_flag_or_a_scaffold() {
    let file = FtlFile::parse(
        "fr.ftl".into(),
        "# note\n# stale: the source changed\n#   was: A\n#   now: B\na = Old\n    more\n\n# note b\n# b = Bee\n#     two\n\nc = C\n".into(),
    );
    let edit = edit_for(&file, "a", "a = New").expect("a is translated");
    let mut text = file.source().to_owned();
    text.replace_range(edit.range, &edit.text);
    assert_eq!(
        text,
        "# note\na = New\n\n# note b\n# b = Bee\n#     two\n\nc = C\n"
    );
    let edit = edit_for(&file, "b", "b = Abeille").expect("b is scaffolded");
    let mut text = file.source().to_owned();
    text.replace_range(edit.range, &edit.text);
    assert!(
        text.contains("\n# note b\nb = Abeille\n\nc = C\n"),
        "{text}"
    );
    assert!(edit_for(&file, "z", "z = Z").is_none());
}
