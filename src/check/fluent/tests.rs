use super::*;
use crate::plurals::Rules;
use std::path::PathBuf;

fn file(text: &str) -> FtlFile {
    FtlFile::parse(PathBuf::from("x.ftl"), text.to_owned())
}

fn codes(found: &[Finding]) -> Vec<(&'static str, usize, usize)> {
    found
        .iter()
        .map(|f| (f.code.as_str(), f.location.line, f.location.column))
        .collect()
}

fn compare(source: &str, target: &str, tag: &str) -> Vec<(&'static str, usize, usize)> {
    let mut found = Vec::new();
    compare_entries(
        &file(source),
        &file(target),
        &Lang::parse(tag).unwrap(),
        &[],
        &mut found,
    );
    codes(&found)
}

fn alone(text: &str, tag: &str) -> Vec<(&'static str, usize, usize)> {
    let file = file(text);
    let defined: BTreeSet<String> = entries(&file)
        .iter()
        .flat_map(|e| e.patterns().into_iter().map(|(n, _, _)| n))
        .collect();
    let mut found = Vec::new();
    let lang = Lang::parse(tag).unwrap();
    check_entries(
        &file,
        &file,
        &lang,
        &defined,
        crate::ids::KNOWN_FUNCTIONS,
        &PluralCategories::of(&lang),
        &mut found,
    );
    codes(&found)
}

/// [`alone`], with a source file to say which selects are plural.
fn against(source: &str, text: &str, tag: &str, rules: Rules) -> Vec<(&'static str, usize, usize)> {
    let source = file(source);
    let file = file(text);
    let lang = Lang::parse(tag).unwrap();
    let mut found = Vec::new();
    check_entries(
        &file,
        &source,
        &lang,
        &BTreeSet::new(),
        crate::ids::FLUENT_FUNCTIONS,
        &PluralCategories::by(&lang, rules),
        &mut found,
    );
    codes(&found)
}

#[test]
fn a_select_on_numbers_alone_needs_no_categories() {
    let source = "a = { $count ->\n    [1] Remove\n   *[other] Remove all\n}\n";
    let target = "a = { $count ->\n    [1] Supprimer\n   *[other] Tout supprimer\n}\n";
    assert!(against(source, source, "en", Rules::Renderer).is_empty());
    assert!(against(source, target, "fr", Rules::Renderer).is_empty());
    let plural = "a = { $count ->\n    [one] One\n   *[other] Many\n}\n";
    assert_eq!(
        against(plural, target, "fr", Rules::Renderer),
        [("missing-plural-category", 2, 6)],
        "the source's select is on categories"
    );
}

#[test]
fn a_category_only_fractions_reach_is_not_needed() {
    let source = "a = { $n ->\n    [one] One\n   *[other] Many\n}\n";
    let czech = "a = { $n ->\n    [one] Jeden\n    [few] Několik\n   *[other] Mnoho\n}\n";
    assert!(against(source, czech, "cs", Rules::Renderer).is_empty());
    let polish = "a = { $n ->\n    [one] Jeden\n    [few] Kilka\n   *[many] Wiele\n}\n";
    assert!(against(source, polish, "pl", Rules::Renderer).is_empty());
}

#[test]
fn a_tree_follows_current_cldr_and_a_letter_its_renderer() {
    let source = "a = { $n ->\n    [one] One\n   *[other] Many\n}\n";
    let hebrew = "a = { $n ->\n    [one] אחד\n    [two] שניים\n   *[other] רבים\n}\n";
    assert!(against(source, hebrew, "he", Rules::Current).is_empty());
    assert_eq!(
        against(source, hebrew, "he", Rules::Renderer),
        [("missing-plural-category", 2, 6)],
        "CLDR 37 has Hebrew `many`"
    );
}

#[test]
fn variables_are_compared_over_the_whole_message() {
    assert_eq!(
        compare("a = Source { $n }\n", "a = Fuente { $m }\n", "es"),
        [("unknown-variable", 1, 15), ("missing-variable", 1, 1)]
    );
    let source =
        "a = { $n ->\n    [one] one file of { $who }\n   *[other] { $n } files of { $who }\n}\n";
    let target = "a = { $n ->\n    [one] un fichier\n   *[other] { $n } fichiers de { $who }\n}\n";
    assert!(
        compare(source, target, "fr").is_empty(),
        "a variant may leave out a variable another shows"
    );
    assert_eq!(
        compare(source, "a = { $n } fichiers\n", "fr"),
        [("missing-variable", 1, 1)]
    );
    assert!(
        compare(source, source, "en").is_empty(),
        "the selector may be omitted"
    );
}

#[test]
fn a_variable_may_move_between_value_and_attributes() {
    let source = "a = Extensions\n    .tooltip = { $count } extensions\n";
    let target = "a = { $count } estyniad\n    .tooltip = Estyniadau\n";
    assert!(compare(source, target, "cy").is_empty());
    let source = "b =\n    .tooltiptext = { PLATFORM() ->\n        [macos] Open ({ $shortcut })\n       *[other] Open\n    }\n";
    let target = "b =\n    .tooltiptext = { PLATFORM() ->\n        [macos] Öffnen ({ $shortcut })\n       *[other] Öffnen\n    }\n";
    assert!(compare(source, target, "de").is_empty());
}

#[test]
fn a_variable_the_source_only_selects_on_may_be_left_out() {
    let source = "s = { $timeValue ->\n    [one] s\n   *[other] s\n}\n";
    assert!(compare(source, "s = s\n", "cs").is_empty());
}

#[test]
fn a_terms_variables_are_its_own_parameters() {
    let source = "-brand = Firefox\n";
    let target = "-brand = { $case ->\n   *[nom] Firefox\n    [gen] Firefoxu\n}\n";
    assert!(compare(source, target, "sk").is_empty());
}

#[test]
fn a_missing_term_is_named_by_its_id() {
    let mut found = Vec::new();
    compare_entries(
        &file("-mdn-brand-name = MDN Web Docs\n"),
        &file("a = A\n"),
        &Lang::parse("fr").unwrap(),
        &[],
        &mut found,
    );
    assert_eq!(found[0].code, Code::MissingTerm);
    assert_eq!(found[0].message_id.as_deref(), Some("-mdn-brand-name"));
}

#[test]
fn attributes_terms_and_references_are_compared() {
    let source = "-brand = Acme\na = { -brand }\n    .title = T\n";
    let target = "a = { other }\n    .label = L\n";
    assert_eq!(
        compare(source, target, "es"),
        [
            ("missing-term", 1, 1),
            ("missing-attribute", 1, 1),
            ("obsolete-attribute", 2, 6),
            ("changed-reference", 1, 7),
        ]
    );
}

#[test]
fn a_select_on_a_term_attribute_refers_to_the_term() {
    let source = "-brand = Firefox\na = Update { -brand }\n";
    let target = "-brand = Firefox\na =\n    { -brand.case-status ->\n        [with-cases] Aktualizace { -brand(case: \"gen\") }\n       *[no-cases] Aktualizace aplikace { -brand }\n    }\n";
    assert!(compare(source, target, "cs").is_empty());
    assert_eq!(
        compare(
            source,
            "-brand = Firefox\na = { -other.x ->\n   *[y] Y\n}\n",
            "cs"
        ),
        [("changed-reference", 2, 8)],
        "another term's attribute is another term"
    );
}

#[test]
fn a_terms_attributes_are_the_locales_own() {
    let source = "-brand = Firefox\n    .gender = neuter\n";
    let target = "-brand = Firefox\n    .gender = masculine\n    .declinable = yes\n";
    assert!(compare(source, target, "sr").is_empty());
    assert!(compare(source, "-brand = Firefox\n", "tr").is_empty());
}

#[test]
fn entries_on_their_own() {
    assert_eq!(
        alone(
            "a = \u{A0}\nb = { missing }\nc = { NOPE() }\nd = D\n    .t = 1\n    .t = 2\n",
            "en"
        ),
        [
            ("empty-value", 1, 1),
            ("undefined-reference", 2, 7),
            ("unknown-function", 3, 7),
            ("duplicate-attribute", 6, 6),
        ]
    );
    assert!(alone("a = A { NUMBER($n) }\n", "en").is_empty());
}

#[test]
fn an_empty_string_literal_is_an_empty_value_on_purpose() {
    assert!(alone("a = A\n    .key = { \"\" }\nb = {\"\"}\n", "cy").is_empty());
}

#[test]
fn plural_categories_follow_the_renderers_rules() {
    let en = "a = { $n ->\n    [one] one\n   *[other] many\n}\n";
    assert!(alone(en, "en").is_empty());
    assert_eq!(alone(en, "ja"), [("unreachable-variant", 2, 6)]);
    assert_eq!(alone(en, "ar"), [("missing-plural-category", 2, 6)]);
    assert_eq!(
        against(en, "a = { $n ->\n   *[other] x\n}\n", "ht", Rules::Renderer),
        [("missing-plural-category", 2, 6)],
        "Haitian Creole is checked, with the rules the renderer falls back to"
    );
    assert!(
        alone("a = { $g ->\n    [masculine] x\n   *[other] y\n}\n", "ja").is_empty(),
        "not a plural select"
    );
    assert_eq!(
        alone(
            "a = { $n ->\n    [one] x\n    [one] y\n   *[other] z\n}\n",
            "en"
        ),
        [("duplicate-variant", 3, 6)]
    );
}

/// English files by resource name.
fn english(resources: &[(&str, &str)]) -> LocaleFiles {
    let mut files = LocaleFiles {
        settings: crate::config::LocaleSettings::new(Lang::parse("en").unwrap()),
        folder: PathBuf::from("en"),
        files: Default::default(),
        refused: Default::default(),
    };
    for (name, text) in resources {
        files.files.insert((*name).into(), file(text).into());
    }
    files
}

#[test]
fn cycles_and_duplicates_across_files_are_found() {
    let files = english(&[
        ("common", "a = { b }\nb = { a }\nc = { c.t }\n    .t = T\n"),
        ("letter", "a = Again\n"),
    ]);
    let mut found = Vec::new();
    check_locale(&files, Bundles::CommonAndLetter, &mut found);
    let mut codes: Vec<&str> = found.iter().map(|f| f.code.as_str()).collect();
    codes.sort();
    assert_eq!(codes, ["cyclic-reference", "duplicate-message"]);
}

#[test]
fn files_of_a_plain_tree_may_share_ids() {
    let files = english(&[
        ("about/support", "page-title = Troubleshooting\n"),
        ("robots", "page-title = Gort!\na = { b }\n"),
        ("sub/b", "b = { a }\n"),
    ]);
    let mut found = Vec::new();
    check_locale(&files, Bundles::Unknown, &mut found);
    let codes: Vec<&str> = found.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        codes,
        ["cyclic-reference"],
        "cycles across files still count"
    );
}

#[test]
fn two_letters_may_share_ids_but_not_with_the_page_text() {
    let files = english(&[
        ("a-letter", "subject = A\nskip-link = Skip\n"),
        ("common", "skip-link = Skip to the letter\n"),
        ("second", "subject = B\n"),
    ]);
    let mut found = Vec::new();
    check_locale(&files, Bundles::CommonAndLetter, &mut found);
    let reported: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|f| (f.code.as_str(), f.message_id.as_deref()))
        .collect();
    assert_eq!(reported, [("duplicate-message", Some("skip-link"))]);
}

#[test]
fn a_variable_the_letter_gives_is_known_to_a_translation() {
    let source = file("signed = Signed by our members.\n");
    let target = file("signed = Signed by { $signatory-count } members in { $country }.\n");
    let lang = Lang::parse("fr").unwrap();
    let mut found = Vec::new();
    compare_entries(
        &source,
        &target,
        &lang,
        &["signatory-count".to_owned()],
        &mut found,
    );
    let unknown: Vec<&str> = found
        .iter()
        .filter(|f| f.code == Code::UnknownVariable)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(unknown.len(), 1, "{found:?}");
    assert!(unknown[0].contains("$country"), "{unknown:?}");
}

#[test]
fn a_number_call_that_cannot_show_its_number_is_a_format_error() {
    let number_calls = |text: &str, bounded: bool| {
        let mut found = Vec::new();
        check_number_calls(
            &file(text),
            &Lang::parse("fr").unwrap(),
            bounded,
            &mut found,
        );
        let messages: Vec<String> = found.iter().map(|f| f.message.clone()).collect();
        (codes(&found), messages)
    };
    let text = "a = { NUMBER(\"cinq\") } fichiers\n\
                b = { NUMBER($n, minimumFractionDigits: 3000000000) }\n\
                -t = { NUMBER($n, maximumSignificantDigits: 0, useGrouping: \"false\") }\n\
                c = { NUMBER($n, minimumFractionDigits: 2, maximumFractionDigits: 19) } ok\n\
                d = { NUMBER(1.5) } { OTHER(\"x\") }\n";
    let (letter, messages) = number_calls(text, true);
    assert_eq!(
        letter,
        [
            ("format-error", 1, 7),
            ("format-error", 2, 7),
            ("format-error", 3, 8)
        ]
    );
    assert_eq!(
        messages[..2],
        [
            "`a` calls NUMBER() with the text \"cinq\" where it takes a number: fix the call",
            "`b` calls NUMBER() with minimumFractionDigits: 3000000000 (letterkit takes 0 to 19): fix the call",
        ]
    );
    // An application's runtime takes Intl.NumberFormat's ranges: only the
    // text is wrong everywhere.
    let (tree, _) = number_calls(text, false);
    assert_eq!(tree, [("format-error", 1, 7)]);
}
