use super::*;

fn lang(tag: &str) -> Lang {
    Lang::parse(tag).unwrap()
}

fn read_in(tag: &str, text: &str) -> Vec<String> {
    let source = Conventions::of(&lang("en"));
    figures(text, &lang(tag), source)
        .into_iter()
        .map(|f| f.written)
        .collect()
}

fn compared(source: &str, tag: &str, target: &str) -> Comparison {
    let en = Conventions::of(&lang("en"));
    compare(
        &figures(source, &lang("en"), en),
        &figures(target, &lang(tag), en),
    )
}

fn silent(source: &str, tag: &str, target: &str) {
    assert_eq!(
        compared(source, tag, target),
        Comparison::default(),
        "{tag}: {target}"
    );
}

fn changed(source: &str, tag: &str, target: &str) -> Vec<(String, String)> {
    let found = compared(source, tag, target);
    assert!(!found.changed.is_empty(), "{tag}: {target}: {found:?}");
    found.changed
}

#[test]
fn every_decimal_digit_of_unicode_has_its_value() {
    for zero in DIGIT_ZEROS {
        for k in 0..10 {
            let c = char::from_u32(zero + k).unwrap();
            assert!(c.is_numeric(), "U+{:04X}", zero + k);
            assert_eq!(digit_value(c), Some(k as u8), "U+{:04X}", zero + k);
        }
    }
    for c in ['a', '½', '²', '〇', '一', '\u{19DA}', '\u{2160}'] {
        assert_eq!(digit_value(c), None, "{c}");
    }
}

#[test]
fn cldr_gives_each_locale_its_separators() {
    let of = |tag: &str| {
        let c = Conventions::of(&lang(tag));
        (c.decimal, c.group, c.spaced)
    };
    assert_eq!(of("en"), ('.', ',', false));
    assert_eq!(of("de"), (',', '.', false));
    assert_eq!(of("es"), (',', '.', false));
    assert_eq!(of("fr"), (',', '\u{202F}', true));
    assert_eq!(of("uk"), (',', '\u{A0}', true));
    assert_eq!(of("fa"), ('\u{066B}', '\u{066C}', false));
    assert_eq!(of("ht"), of("fr"));
}

#[test]
fn a_moved_decimal_point_or_changed_figure_is_a_change() {
    let source = "2.5 million people, 850 of them in 2013.";
    silent(
        source,
        "es",
        "2,5 millones de personas, 850 de ellas en 2013.",
    );
    assert_eq!(
        changed(
            source,
            "es",
            "25 millones de personas, 850 de ellas en 2013."
        ),
        [("25".to_owned(), "2.5".to_owned())]
    );
    changed(
        source,
        "es",
        "2,5 millones de personas, 580 de ellas en 2013.",
    );
    changed(
        source,
        "es",
        "2,5 millones de personas, 850 de ellas en 2031.",
    );
    changed("Version 1.0", "de", "Version 10");
    changed("XSLT 1.0", "az", "XSLT 1.0.8");
    changed("PKCS #11", "lij", "PKCS #1");
    changed("Level V2", "cs", "Úroveň V1");
    silent("TLS 1.2 and HDCP 2.2", "de", "TLS 1.2 und HDCP 2.2");
    silent("HDCP 2.2", "fr", "HDCP 2.2");
}

#[test]
fn grouped_numbers_are_read_in_each_locales_way() {
    let source = "In 2024, 2,318 people had to leave.";
    silent(source, "de", "2024 mussten 2.318 Menschen gehen.");
    silent(source, "de", "Im Jahr mussten 2024 2.318 Menschen gehen.");
    assert_eq!(
        read_in("de", "mussten 2024 2.318 Menschen"),
        ["2024", "2.318"]
    );
    silent(source, "uk", "У 2024 році 2\u{A0}318 людей.");
    silent(source, "fr", "En 2024, 2\u{202F}318 personnes.");
    silent(source, "ht", "An 2024, 2\u{A0}318 moun.");
    silent(source, "es", "En 2024, 2318 personas.");
    silent(source, "ar", "في ٢٠٢٤ اضطر ٢٬٣١٨ شخصاً.");
    silent(source, "fa", "در ۲۰۲۴، ۲٬۳۱۸ نفر.");
    silent(source, "fr", "En 2024, 2&thinsp;318 personnes.");
    changed(source, "de", "2042 mussten 2.318 Menschen gehen.");
    changed(source, "de", "2024 mussten 2.381 Menschen gehen.");
    changed(source, "fr", "En 2024, 2\u{202F}381 personnes.");
    // A space joins only three digits, and only where the locale groups with it.
    assert_eq!(
        read_in("fr", "1999 99 et 10 2015"),
        ["1999", "99", "10", "2015"]
    );
    assert_eq!(read_in("fr", "1 000 000"), ["1 000 000"]);
    assert_eq!(read_in("en", "X.509 1 000"), ["509", "1", "000"]);
    assert_eq!(
        read_in("fr", "2,5\u{A0}millions, 400\u{A0}jours"),
        ["2,5", "400"]
    );
    silent("2.5 million", "ar", "٢٫٥ مليون");
    changed("2.5 million", "ar", "٢٥ مليون");
}

#[test]
fn figures_for_words_scales_and_other_calendars_agree() {
    silent(
        "In January 2024, 2,318 people left for two weeks, twice as many.",
        "ja",
        "2024年1月、2,318人が2週間避難し、2倍になった。",
    );
    silent("by November", "ja", "11月までに");
    silent("2.5 million euros", "ja", "250万ユーロ");
    changed("2.5 million euros", "ja", "25万ユーロ");
    silent("100 million", "hi", "10 crore");
    silent("3,000 users", "sq", "3 mijë përdorues");
    silent("in 2024", "th", "ในปี 2567");
    silent("in 2024", "ja", "令和6年に");
    silent("in the 90s", "fi", "1990-luvulla");
    silent("SSL version 2", "km", "SSL ២");
    silent("3,000", "sat", "᱓,᱐᱐᱐");
    // Burmese letters written with digit shapes are letters.
    assert!(read_in("my", "တရားမ၀င် ၄င်း").is_empty());
    assert_eq!(read_in("my", "၂၀၂၄ ခုနှစ်"), ["၂၀၂၄"]);
}

#[test]
fn nothing_is_read_in_urls_tags_or_entities() {
    assert!(
        read_in(
            "en",
            "See https://example.org/2024/l10n and <a data-l10n-name=\"x2\">"
        )
        .is_empty()
    );
    assert!(read_in("en", "&#160; www.example2.org (mailto:a1@b.example)").is_empty());
    assert_eq!(read_in("en", "a < 3 and 4 > b"), ["3", "4"]);
}

#[test]
fn added_and_missing_figures_are_told_apart_from_changes() {
    let found = compared("Less than 1 month", "fr", "Moins d'un mois");
    assert_eq!(found.missing, ["1"]);
    assert!(found.changed.is_empty() && found.added.is_empty());
    let found = compared("Step one", "fr", "Étape 1");
    assert_eq!(found.added, ["1"]);
    assert!(found.changed.is_empty());
    // A different count of figures: each difference is told, none is a change.
    let found = compared("Last 7 days of 2024", "ko", "2024년 제3자 최근 1주");
    assert!(found.changed.is_empty(), "{found:?}");
    silent(
        "3,000 trackers, 124,900,000 pixels",
        "uk",
        "3.000 трекерів, 124.900.000 пікселів",
    );
    silent("3,000 trackers", "rm", "3'000 fastizaders");
    silent("MD5, A4 and D3D11", "sr", "МД5, А4 и डी3डी11");
    silent("support CTAP2.", "ko", "CTAP2를 지원");
    changed("MD5 digest", "lij", "M5 digest");
    changed("ASN1 encoder", "pl", "koder ANS1");
    changed("124,900,000 pixels", "eu", "124.900.00 pixel");
    let found = compared("Shift", "lt", "Lyg2");
    assert_eq!(found.added, ["Lyg2"]);
}

#[test]
fn an_ordinal_or_fraction_written_on_the_figure_is_no_change() {
    for (tag, target) in [("fr", "16es de finale"), ("es-AR", "16avos de final")] {
        let found = compared("Round of 32", tag, target);
        assert!(found.changed.is_empty(), "{tag}: {found:?}");
        assert_eq!(found.missing, ["32"], "{tag}");
    }
    // A figure with a space before its word is still compared.
    assert_eq!(
        changed("Go to Tab 3", "ia", "Ir al scheda 1"),
        [("1".to_owned(), "3".to_owned())]
    );
}

#[test]
fn a_translated_letter_before_the_same_figure_is_told_apart_from_a_change() {
    // Breton writes V2 (version 2) as H2 (handelv 2): the figure is the
    // source's, the letter abbreviates a translated word.
    let found = compared("Unknown V2 extension", "br", "Askouezh H2 dianav");
    assert!(found.changed.is_empty(), "{found:?}");
    assert_eq!(found.relettered, [("H2".to_owned(), "V2".to_owned())]);
    // Another figure, or a name of several letters, stays a change.
    changed("Unknown V2 extension", "cs", "Neznámé rozšíření V1");
    changed("JIS-B4", "fy", "JIS-B5");
    changed("MD5 digest", "lij", "M5 digest");
    changed("Win32k", "dsb", "Win32");
}
