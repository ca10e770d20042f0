use super::*;

fn canonical(text: &str) -> Vec<String> {
    tags(text).iter().map(Tag::canonical).collect()
}

/// The code, severity and message of each difference.
fn differences(source: &str, translation: &str) -> Vec<(&'static str, Severity, String)> {
    compare(&tags(source), &tags(translation))
        .into_iter()
        .map(|d| (d.code.as_str(), d.severity, d.message))
        .collect()
}

fn codes(source: &str, translation: &str) -> Vec<(&'static str, Severity)> {
    differences(source, translation)
        .into_iter()
        .map(|(code, severity, _)| (code, severity))
        .collect()
}

#[test]
fn tags_are_read_without_their_text_or_spacing() {
    assert_eq!(
        canonical("<div data-l10n-name=\"line1\">Importer</div> a < b"),
        ["<div data-l10n-name=\"line1\">", "</div>"]
    );
    assert_eq!(
        canonical("<a data-l10n-name = 'x'  class=b>t</a >"),
        canonical("<A class=\"b\" data-l10n-name=\"x\">text</a>")
    );
    assert_eq!(
        canonical("<br/><!--  x  --><img src=x"),
        ["<br>", "<!-- x -->", "<img src=\"x\">"]
    );
    let read = tags("<br/>");
    assert!(read[0].self_closing);
}

#[test]
fn a_faithful_translation_is_silent() {
    let source = "Read <a data-l10n-name=\"link\" title=\"More\">the <em>guide</em></a>.<br>";
    let translation = "Lisez <a title=\"Plus\" data-l10n-name=\"link\">le <em>guide</em></a>.<br>";
    assert!(differences(source, translation).is_empty());
    // Elements may change order, as sentences do.
    assert!(
        differences(
            "<a data-l10n-name=\"a\">A</a> and <a data-l10n-name=\"b\">B</a>",
            "<a data-l10n-name=\"b\">B</a> y <a data-l10n-name=\"a\">A</a>"
        )
        .is_empty()
    );
}

#[test]
fn a_dropped_source_tag_is_an_error_and_dropped_emphasis_a_warning() {
    assert_eq!(
        codes(
            "<a data-l10n-name=\"link\">Use</a> a <strong>strong</strong> password",
            "Usa una contraseña fuerte"
        ),
        [("changed-markup", Severity::Error)]
    );
    assert_eq!(
        codes("<p>Use a password</p>", "Usa una contraseña"),
        [("changed-markup", Severity::Error)]
    );
    // Emphasis and line breaks are the language's to use or not.
    assert_eq!(
        codes(
            "Use a <strong>strong</strong> password",
            "Usa una contraseña fuerte"
        ),
        [("changed-markup", Severity::Warning)]
    );
    let found = differences(
        "Read <a data-l10n-name=\"link\">the guide</a>.",
        "Lee la guía.",
    );
    assert!(
        found[0]
            .2
            .contains("drops the source's `<a data-l10n-name=\"link\">`, `</a>`")
    );
}

#[test]
fn a_changed_attribute_is_an_error_and_a_changed_address_a_changed_link() {
    assert_eq!(
        codes(
            "<a data-l10n-name=\"link\">x</a>",
            "<a data-l10n-name=\"enlace\">x</a>"
        ),
        [("changed-markup", Severity::Error)]
    );
    assert_eq!(
        codes(
            "<a href=\"https://example.org/help\">x</a>",
            "<a href=\"https://example.net/help\">x</a>"
        ),
        [("changed-link", Severity::Error)]
    );
    assert_eq!(
        codes(
            "<a href=\"https://example.org/help\">x</a>",
            "<a href=\"javascript:alert(1)\">x</a>"
        ),
        [("unsafe-link", Severity::Error)]
    );
    // An address the source has is the source's business.
    assert!(
        codes(
            "<a href=\"about:blank\">x</a>",
            "<a href=\"about:blank\">y</a>"
        )
        .is_empty()
    );
}

#[test]
fn inline_formatting_a_translator_adds_is_a_warning_and_other_markup_an_error() {
    assert_eq!(
        codes("Use a firewall", "Përdor një <em>firewall</em>"),
        [("changed-markup", Severity::Warning)]
    );
    assert_eq!(
        codes("Use a firewall", "Përdor një<br> firewall"),
        [("changed-markup", Severity::Warning)]
    );
    assert_eq!(
        codes("Use a firewall", "Përdor <em class=\"x\">një</em> firewall"),
        [("changed-markup", Severity::Error)]
    );
    assert_eq!(
        codes(
            "Use a firewall",
            "Përdor <img src=x onerror=alert(1)> firewall"
        ),
        [("changed-markup", Severity::Error)]
    );
}

#[test]
fn malformed_tags_are_broken_markup_once() {
    let found = differences(
        "Use a <strong>strong</strong> password",
        "Usa una contraseña <strong>fuerte</ strong>",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "broken-markup");
    assert!(found[0].2.starts_with("`</ strong>` has a space after `<`"));
    assert_eq!(
        codes("Use <b>this</b>", "Usa < b>esto</b>"),
        [("broken-markup", Severity::Error)]
    );
    assert_eq!(
        codes(
            "<a data-l10n-name=\"x\">t</a>",
            "<a data-l10n-name=\"x>t</a>"
        ),
        [("broken-markup", Severity::Error)]
    );
    // Text that only looks like a comparison is no tag.
    assert!(codes("a < b", "si a < b > c").is_empty());
}

#[test]
fn elements_left_open_or_misnested_are_broken_markup() {
    let found = differences(
        "<a href=\"https://example.org\">the guide</a>",
        "<a href=\"https://example.org\">la guía",
    );
    assert_eq!(
        found,
        [(
            "broken-markup",
            Severity::Error,
            "`<a href=\"https://example.org\">` is never closed: add `</a>` where the element ends"
                .to_owned()
        )]
    );
    // Closed out of order: one finding, not one for each tag it strands.
    assert_eq!(
        differences("<b><i>x</i></b>", "<b><i>x</b></i>"),
        [(
            "broken-markup",
            Severity::Error,
            "`</b>` closes `<b>` while `<i>` inside it is still open".to_owned()
        )]
    );
    // Tags the source has none of are added markup, whatever their shape.
    assert_eq!(
        codes("Use a firewall", "Përdor një <i> firewall"),
        [("changed-markup", Severity::Error)]
    );
    assert_eq!(
        codes("Use a firewall", "Përdor një firewall</br>"),
        [("changed-markup", Severity::Error)]
    );
    // What the source leaves open (a tag split across messages) is no defect.
    assert!(codes("<xsl:message> ended", "<xsl:message> terminada").is_empty());
}

#[test]
fn hostile_tags_are_read_without_panicking() {
    let found = tags("<img src=x:ale abc\u{2028}def");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].canonical(), "<img abc def src=\"x:ale\">");
    let text = "<a\u{2028}=\u{3000}x=\"é\"\u{85}b>< \u{3000}/ em>";
    for (at, _) in text.char_indices() {
        let read = tags(&text[..at]);
        compare(&read, &tags(text));
    }
}

proptest::proptest! {
    #[test]
    fn any_text_is_compared_without_panicking(
        source in "(<|/|=|>|\"| |\u{2028}|\u{3000}|é|a|b|x)*",
        text in "(<|/|=|>|\"| |\u{2028}|\u{3000}|é|a|b|x)*",
    ) {
        compare(&tags(&source), &tags(&text));
    }
}
