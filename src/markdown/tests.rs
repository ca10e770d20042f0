use super::*;

fn parse(value: &str) -> (Vec<Inline>, Vec<MarkupIssue>) {
    parse_inline(value, &mut |id| {
        (id == "known").then(|| Inline::Strong(text("note")))
    })
}

fn text(value: &str) -> Vec<Inline> {
    vec![Inline::Text(value.into())]
}

#[test]
fn text_surely_clean_has_no_control_and_no_isolate() {
    for text in [
        "plain",
        "tab\there",
        "nul\0",
        "del\u{7f}",
        "c1\u{85}",
        "nbsp\u{a0}",
        "’quotes’",
        "\u{2068}iso\u{2069}",
        "\u{202e}override",
        "\u{2066}",
        "日本語",
        "العربية",
    ] {
        if surely_clean(text) {
            assert!(!text.contains(is_unclean), "{text:?}");
        }
    }
    assert!(surely_clean("العربية 日本語 plain é"));
}

#[test]
fn plain_values_give_what_the_parser_gives() {
    let mut values: Vec<String> = [
        "",
        " ",
        "plain words",
        "  padded  ",
        "two  spaces",
        "a: b; c, d.",
        "100% (sure)",
        "1. not a list",
        "- not a list",
        "# not a heading",
        "=== no",
        "+ x",
        "| pipe |",
        "a \u{2068}isolate\u{2069} b",
        "tab\tinside",
        "nbsp\u{a0}",
        "日本語のテキスト。",
        "line\nbreak",
        "trailing \u{a0}",
    ]
    .map(String::from)
    .to_vec();
    values.extend(crate::corpus::sample_values());
    let mut plain = 0;
    for value in &values {
        let prepared = neutralize_block_syntax(value);
        if !is_plain(&prepared) {
            continue;
        }
        plain += 1;
        let mut no_notes = |_: &str| None;
        assert_eq!(
            parse_inline(value, &mut no_notes),
            parse_markdown(&prepared, &mut no_notes),
            "{value:?}"
        );
    }
    assert!(plain > 30, "{plain}");
}

#[test]
fn what_markup_holds_is_what_its_content_holds() {
    let deep = format!("{}deep{}", "*a _b ".repeat(12), "_ a*".repeat(12));
    let mut values: Vec<String> = [
        "a *b* **c** [d](https://example.org/) e[^n1] f[^n2]",
        "[x](javascript:alert(1)) ![img](https://example.org/i.png) <b>bold</b>",
        "<https://example.org/a\\&b> and <mail@example.org> `code <i>`",
        "*[link *in* emphasis](https://example.org)* __strong__ ***both***",
        "x <svg/onload=alert(1)> y &amp; [^a][^b] [^c](https://example.org)",
        "<div>\nblock\n</div> after",
        "- item *one*\n- item [two](http://example.org)",
        "**unclosed *nesting [text](https://example.org)",
        "[ref][def]\n\n[def]: https://example.org",
        "In 2022, *850* people[^d] died: 1\u{a0}000 « 2,5 » [3](https://example.org/4)",
        "a \u{2068}x 1\u{2069} *1*2 \u{202e}3\u{202c} tab\t*4* c1\u{85}5",
    ]
    .map(String::from)
    .to_vec();
    values.push(deep);
    values.extend(crate::corpus::sample_values());
    for value in &values {
        let mut read = inline_markup(value);
        let mut made = markup_of_content(value);
        assert_eq!(read.words.trim(), made.words.trim(), "{value:?}");
        (read.words, made.words) = (String::new(), String::new());
        assert_eq!(read, made, "{value:?}");
    }
}

#[test]
fn emphasis_strong_and_links_are_structure() {
    let (content, issues) = parse("a *b* **c** [d](https://example.org/)");
    assert!(issues.is_empty());
    assert_eq!(
        content,
        vec![
            Inline::Text("a ".into()),
            Inline::Emphasis(text("b")),
            Inline::Text(" ".into()),
            Inline::Strong(text("c")),
            Inline::Text(" ".into()),
            Inline::Link {
                url: "https://example.org/".into(),
                content: text("d")
            },
        ]
    );
}

#[test]
fn leading_block_markers_stay_text() {
    for value in [
        "2022. was",
        "- item",
        "# title",
        "> quote",
        "1) one",
        "---",
        "<div>",
    ] {
        let (content, _) = parse(value);
        let Inline::Text(first) = &content[0] else {
            panic!("{value:?} became {content:?}")
        };
        assert_eq!(first, value, "{value:?}");
    }
}

#[test]
fn raw_html_becomes_reported_text() {
    let (content, issues) = parse("a <script>alert(1)</script> b");
    assert_eq!(content, text("a <script>alert(1)</script> b"));
    assert_eq!(issues.len(), 2);
    assert!(matches!(&issues[0], MarkupIssue::RawHtml(h) if h == "<script>"));
}

#[test]
fn unsafe_links_become_their_text() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:x",
        "data:text/html,x",
        "/relative",
        "https:x",
    ] {
        let (content, issues) = parse(&format!("[click]({url})"));
        assert_eq!(content, text("click"), "{url}");
        assert_eq!(issues.len(), 1, "{url}");
    }
    assert!(safe_url("mailto:someone@example.org").is_some());
    assert!(safe_url("HTTPS://example.org").is_some());
}

#[test]
fn tags_a_browser_would_read_are_reported_even_when_markdown_does_not() {
    let (content, issues) = parse("x <svg/onload=alert(1)> a < b <3 </p");
    assert_eq!(content, text("x <svg/onload=alert(1)> a < b <3 </p"));
    assert_eq!(
        issues,
        vec![
            MarkupIssue::RawHtml("<svg/onload=alert(1)>".into()),
            MarkupIssue::RawHtml("</p".into()),
        ]
    );
}

#[test]
fn every_ampersand_not_escaped_already_is_escaped() {
    for (value, prepared) in [
        ("a & b", "a \\& b"),
        ("a \\& b", "a \\& b"),
        ("a \\\\& b", "a \\\\\\& b"),
        ("a \\\\\\& b", "a \\\\\\& b"),
        ("&&x&", "\\&\\&x\\&"),
        ("é&ü &amp; 日本&", "é\\&ü \\&amp; 日本\\&"),
        ("# a&b", "\\# a\\&b"),
    ] {
        assert_eq!(neutralize_block_syntax(value), prepared, "{value:?}");
    }
}

#[test]
fn character_references_stay_as_written() {
    let (content, issues) =
        parse("&lt;b&gt; &#8203; \\&amp; `a&b` [x](https://e.org/?a=1&b=2) <https://e.org/?c&d>");
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(
        content,
        vec![
            Inline::Text("&lt;b&gt; &#8203; &amp; a&b ".into()),
            Inline::Link {
                url: "https://e.org/?a=1&b=2".into(),
                content: text("x")
            },
            Inline::Text(" ".into()),
            Inline::Link {
                url: "https://e.org/?c&d".into(),
                content: text("https://e.org/?c&d")
            },
        ]
    );
    let (_, issues) = parse("[x](&#106;avascript:alert(1))");
    assert_eq!(
        issues,
        vec![MarkupIssue::UnsafeLink("&#106;avascript:alert(1)".into())]
    );
}

#[test]
fn control_characters_are_dropped() {
    let (content, _) = parse("a\u{0}b\u{1b}[31mc\td");
    assert_eq!(content, text("ab[31mc d"));
}

#[test]
fn deep_nesting_is_flattened() {
    let value = format!("{}x{}", "*".repeat(20_000), "*".repeat(20_000));
    let (content, _) = parse(&value);
    fn depth(content: &[Inline]) -> usize {
        content
            .iter()
            .map(|inline| match inline {
                Inline::Emphasis(c) | Inline::Strong(c) => 1 + depth(c),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    assert!(depth(&content) <= MAX_NESTING);
}

#[test]
fn note_references_resolve_or_are_reported() {
    let (content, issues) = parse("x.[^known] y.[^unknown]");
    assert_eq!(
        content,
        vec![
            Inline::Text("x.".into()),
            Inline::Strong(text("note")),
            Inline::Text(" y.[^unknown]".into()),
        ]
    );
    assert_eq!(issues, vec![MarkupIssue::UnknownNote("unknown".into())]);
}

#[test]
fn fluent_isolation_marks_become_isolates_and_stray_controls_vanish() {
    let (numbers, _) = parse("n \u{2068}42\u{2069}");
    assert_eq!(numbers, text("n 42"));
    let (content, _) = parse("a \u{2068}b\u{2069} c\u{202E}d");
    assert_eq!(
        content,
        vec![
            Inline::Text("a ".into()),
            Inline::Isolate {
                lang: None,
                content: text("b")
            },
            Inline::Text(" cd".into()),
        ]
    );
}
