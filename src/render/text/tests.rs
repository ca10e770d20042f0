use super::*;
use proptest::prelude::*;
use textwrap::{Options, WordSplitter, WrapAlgorithm};

/// The width [`words_keeping_urls`] gives `word` without the segmenter:
/// one column a character, when every character binds.
fn unbreakable_width(word: &str) -> Option<usize> {
    let words = words_keeping_urls(word, &[]);
    let judged = word.chars().all(|c| binds(u32::from(c)));
    match words.as_slice() {
        [only] if judged => Some(only.width),
        _ => None,
    }
}

fn is_unbreakable(word: &str) -> bool {
    unbreakable_width(word).is_some()
}

#[test]
fn words_judged_unbreakable_have_no_break_opportunity() {
    let words = [
        "word",
        "Word.",
        "a,b",
        "1.5",
        "2023:",
        "élan",
        "Ünïcödé;",
        "ŁódźŻ",
        "Ελληνικά",
        "Русский.",
        "עברית",
        "العربية",
        "x1y2",
        "end.",
    ];
    for word in words {
        assert!(is_unbreakable(word), "{word}");
        let parts: Vec<&str> = WordSeparator::UnicodeBreakProperties
            .find_words(word)
            .map(|w| w.word)
            .collect();
        assert_eq!(parts, [word], "the segmenter breaks {word}");
    }
    for word in [
        "US-Mexican",
        "a/b",
        "日本語",
        "ไทย",
        "हिन्दी",
        "“quoted”",
        "a×b",
    ] {
        assert!(!is_unbreakable(word), "{word}");
    }
}

#[test]
fn the_segmenter_agrees_on_every_unbreakable_word_of_the_shipped_and_generated_letters() {
    let mut checked = 0;
    for paragraph in crate::corpus::sample_values() {
        for word in paragraph.split_whitespace().filter(|w| is_unbreakable(w)) {
            let parts = WordSeparator::UnicodeBreakProperties.find_words(word);
            assert_eq!(parts.count(), 1, "the segmenter breaks {word}");
            assert_eq!(
                unbreakable_width(word),
                Some(textwrap::core::display_width(word)),
                "{word}"
            );
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// The words as textwrap's own separators find them: the reference.
fn reference_words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    Box::new(
        WordSeparator::AsciiSpace
            .find_words(line)
            .flat_map(|chunk| {
                // One word as is, without a vector: most words need no segmenter.
                if is_unbreakable(chunk.word) || is_url_like(chunk.word) {
                    return Some(chunk).into_iter().chain(Vec::new());
                }
                // Byte ranges of the pieces between break opportunities,
                // except after a hyphen: a line ending in one reads as a
                // word split in two, so "US-Mexican" stays whole.
                let mut pieces: Vec<(usize, usize)> = Vec::new();
                let mut start = 0;
                for part in WordSeparator::UnicodeBreakProperties.find_words(chunk.word) {
                    let end = start + part.word.len() + part.whitespace.len();
                    match pieces.last_mut() {
                        Some(last) if chunk.word[..last.1].ends_with('-') => last.1 = end,
                        _ => pieces.push((start, end)),
                    }
                    start = end;
                }
                let mut parts: Vec<Word<'_>> = pieces
                    .into_iter()
                    .map(|(start, end)| Word::from(&chunk.word[start..end]))
                    .collect();
                if let Some(last) = parts.last_mut() {
                    last.whitespace = chunk.whitespace;
                }
                None.into_iter().chain(parts)
            }),
    )
}

#[test]
fn single_spacing_borrows_only_what_needs_no_change() {
    for text in [
        "",
        "a",
        " a",
        "a ",
        "a  b",
        "a\tb",
        "a\u{a0}b",
        "a\u{2003}b",
        "a\u{3000}b",
        "a\u{85}b",
        "a b",
        "日本語 と",
        "’quoted’ words",
        "a\u{1680}b",
    ] {
        let expected = text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(single_spaced(text), expected, "{text:?}");
    }
    assert!(matches!(
        single_spaced("plain text, one space"),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn wrapping_matches_textwrap_first_fit() {
    let reference = |text: &str, initial: &str, subsequent: &str| {
        let text = text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        let options = Options::new(WIDTH)
            .initial_indent(initial)
            .subsequent_indent(subsequent)
            .break_words(false)
            .word_splitter(WordSplitter::NoHyphenation)
            .wrap_algorithm(WrapAlgorithm::FirstFit)
            .word_separator(WordSeparator::Custom(reference_words));
        let mut open = 0;
        textwrap::wrap(&text, &options)
            .iter()
            .map(|line| {
                let mut out = String::new();
                balance_isolates(line.trim_end(), &mut open, &mut out);
                out
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut paragraphs = crate::corpus::sample_values();
    paragraphs.extend(
        [
            "",
            " ",
            "short",
            "\u{2068}isolated words that run on long enough to wrap across more than one line of the text\u{2069} and more",
            "a-very-long-hyphenated-word-that-is-wider-than-the-whole-line-by-itself-and-then-some more",
        ]
        .map(String::from),
    );
    for text in &paragraphs {
        for (initial, subsequent) in [("", ""), ("- ", "  "), ("[12] ", "     ")] {
            assert_eq!(
                wrap(text, initial, subsequent),
                reference(text, initial, subsequent),
                "{text:?}"
            );
        }
    }
    assert!(paragraphs.len() > 2000, "{}", paragraphs.len());
}

/// Words of letters, CJK, digits, hyphens, slashes, combining marks,
/// emoji and the odd URL, up to twice the page's width.
fn words() -> impl Strategy<Value = Vec<String>> {
    let chars = prop::sample::select(vec![
        'a', 'z', 'é', 'ß', 'Ж', 'ع', '漢', '字', 'ー', '1', '-', '/', '.', ',', '(', '\u{301}',
        '😀', '\u{00A0}',
    ]);
    let word = prop_oneof![
        8 => prop::collection::vec(chars, 1..20).prop_map(|c| c.into_iter().collect::<String>()),
        1 => prop::collection::vec(prop::sample::select(vec!['x', '-', '漢']), 60..150)
            .prop_map(|c| c.into_iter().collect::<String>()),
        1 => (1usize..120).prop_map(|n| format!("https://example.org/{}", "p".repeat(n))),
    ];
    prop::collection::vec(word, 0..60)
}

fn non_space(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #[test]
    fn wrapping_keeps_every_character_in_order_within_the_width(words in words()) {
        let text = words.join(" ");
        for (first, rest) in [("", ""), ("- ", "  "), ("[12] ", "     ")] {
            let wrapped = wrap(&text, first, rest);
            let indents = non_space(first);
            let kept: String = non_space(&wrapped);
            // A no-break space is text, not a space to collapse: a line
            // of it alone keeps its indent.
            let expected = if text.trim_ascii().is_empty() {
                String::new()
            } else {
                format!("{indents}{}", non_space(&text))
            };
            prop_assert_eq!(kept, expected);
            for line in wrapped.lines() {
                let width = textwrap::core::display_width(line);
                let body = line.trim_start_matches(' ');
                let body = body.strip_prefix(first.trim_end()).unwrap_or(body).trim_start();
                // Only what cannot be broken stands alone past the width.
                prop_assert!(width <= WIDTH || !body.contains(' '), "{width}: {line:?}");
                prop_assert!(!line.ends_with(' '), "{line:?}");
            }
        }
    }
}

#[test]
fn long_urls_are_never_broken() {
    let url = "https://example.org/a/very/long/path/that/goes/on/and/on/and/on/past/the/width";
    let wrapped = wrap(&format!("see <{url}> for more"), "", "");
    assert!(
        wrapped.lines().any(|line| line == format!("<{url}>")),
        "{wrapped}"
    );
}

#[test]
fn hyphenated_words_stay_on_one_line() {
    // "US-" would still fit on the first line; "Mexican" would not.
    let text = format!("{} US-Mexican border", "x".repeat(66));
    let wrapped = wrap(&text, "", "");
    assert_eq!(wrapped, format!("{}\nUS-Mexican border", "x".repeat(66)));
    let cjk = "漢字".repeat(40);
    assert!(wrap(&cjk, "", "").lines().count() > 1, "CJK still breaks");
}

#[test]
fn a_no_break_space_holds_its_words_together() {
    let text = format!("{} mots\u{202F}; et", "x".repeat(66));
    assert_eq!(
        wrap(&text, "", ""),
        format!("{}\nmots\u{202F}; et", "x".repeat(66))
    );
}

#[test]
fn a_link_is_its_text_then_its_address() {
    let url = "https://example.org/report";
    let link = |text: &str| Inline::Link {
        url: url.to_owned(),
        content: vec![Inline::Text(text.to_owned())],
    };
    assert_eq!(
        plain(&[link("the report")], false),
        "the report (https://example.org/report)"
    );
    assert_eq!(plain(&[link(url)], false), url);
}

#[test]
fn lines_fit_the_width_and_items_hang() {
    let text = "word ".repeat(40);
    let wrapped = wrap(&text, "- ", "  ");
    for line in wrapped.lines() {
        assert!(line.chars().count() <= WIDTH, "{line}");
    }
    assert!(wrapped.starts_with("- word"));
    assert!(wrapped.lines().skip(1).all(|l| l.starts_with("  word")));
}

#[test]
fn an_isolate_wrapped_across_lines_is_closed_and_reopened() {
    let text = format!(
        "{} \u{2068}{}\u{2069} end",
        "word ".repeat(12),
        "title ".repeat(6)
    );
    let wrapped = wrap(&text, "", "");
    for line in wrapped.lines() {
        let opened = line.matches('\u{2068}').count();
        assert_eq!(opened, line.matches('\u{2069}').count(), "{line:?}");
    }
    assert!(
        wrapped.lines().filter(|l| l.contains('\u{2068}')).count() >= 2,
        "{wrapped}"
    );
}

#[test]
fn wide_characters_count_double() {
    let text = "漢字".repeat(40);
    let wrapped = wrap(&text, "", "");
    for line in wrapped.lines() {
        assert!(textwrap::core::display_width(line) <= WIDTH, "{line}");
    }
}

const REPORT: &str = "https://example.org/reports/2025/climate-displacement-in-the-pacific-region";

fn widest(text: &str) -> usize {
    text.lines()
        .map(textwrap::core::display_width)
        .max()
        .unwrap_or(0)
}

#[test]
fn japanese_after_a_link_goes_to_the_next_line_not_onto_the_address() {
    let text = format!(
        "詳しくは報告書 ({REPORT})に記載されています。影響を受けた人々の数は過去十年で二倍になりました。"
    );
    let wrapped = wrap_keeping(&text, "", "", &[REPORT], &mut Vec::new());
    assert!(
        wrapped.lines().any(|l| l == format!("({REPORT})")),
        "{wrapped}"
    );
    let rest = wrapped.lines().filter(|l| !l.contains(REPORT));
    assert!(
        rest.clone()
            .all(|l| textwrap::core::display_width(l) <= WIDTH)
    );
    assert!(rest.count() >= 2, "{wrapped}");
    assert_eq!(wrapped.replace('\n', ""), text.replace(' ', ""));
}

#[test]
fn a_full_stop_after_a_link_stays_with_its_address() {
    let text = format!("{} the report ({REPORT}). Then more", "x".repeat(50));
    let wrapped = wrap_keeping(&text, "", "", &[REPORT], &mut Vec::new());
    assert!(
        wrapped.lines().any(|l| l == format!("({REPORT}).")),
        "{wrapped}"
    );
    let with_paren = format!("{REPORT}_(part)");
    let text = format!("{} ({with_paren})に", "語".repeat(30));
    let wrapped = wrap_keeping(&text, "", "", &[&with_paren], &mut Vec::new());
    assert!(
        wrapped.lines().any(|l| l == format!("({with_paren})")),
        "{wrapped}"
    );
}

#[test]
fn cjk_arabic_and_thai_lines_fit_the_width_by_display_width() {
    let japanese =
        "気候変動による洪水で、二〇二四年一月に二千三百十八人が家を失いました。".repeat(4);
    let arabic = "تسببت الفيضانات في تشريد آلاف الأسر في المنطقة خلال الشتاء الماضي، ".repeat(6);
    // "Thai language, the nation's official language" and so on, without spaces.
    let thai = "ภาษาไทยเป็นภาษาราชการของประเทศไทยและเป็นภาษาแม่ของคนส่วนใหญ่ในประเทศ".repeat(3);
    for text in [japanese.as_str(), arabic.as_str(), thai.as_str()] {
        let wrapped = wrap(text, "", "");
        assert!(wrapped.lines().count() > 1, "{wrapped}");
        assert!(widest(&wrapped) <= WIDTH, "{wrapped}");
        assert_eq!(non_space(&wrapped), non_space(text));
    }
    // Thai breaks between words, by the segmenter's dictionary.
    let wrapped = wrap(&thai, "", "");
    assert!(wrapped.lines().all(|l| thai.contains(l)), "{wrapped}");
}

#[test]
fn breaks_between_characters_are_told_from_breaks_at_spaces() {
    let mut spaced = Vec::new();
    let wrapped = wrap_keeping(&"語".repeat(50), "", "", &[], &mut spaced);
    assert_eq!(wrapped.lines().count(), 2);
    assert_eq!(spaced, [false, false]);
    let mut spaced = Vec::new();
    wrap_keeping(&"word ".repeat(20), "", "", &[], &mut spaced);
    assert_eq!(spaced, [true, false]);
}
