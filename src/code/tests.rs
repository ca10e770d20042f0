use std::collections::BTreeSet;
use std::path::Path;

use super::*;

/// A file of the repository.
fn repository_file(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The anchor GitHub gives a Markdown heading: lower case, punctuation
/// other than `-` and `_` dropped, spaces as `-`.
fn github_anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[test]
fn every_code_has_a_kebab_case_name_a_one_line_explanation_and_an_anchor() {
    for code in Code::ALL {
        let name = code.as_str();
        assert!(
            !name.is_empty()
                && name
                    .split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
            "{name} is not kebab-case"
        );
        let explanation = code.explanation();
        assert!(
            explanation.starts_with(|c: char| c.is_uppercase())
                && explanation.ends_with('.')
                && !explanation.contains('\n')
                && explanation.len() <= 100,
            "{name}: the explanation must be one sentence on one line: {explanation:?}"
        );
        assert!(!code.anchor().is_empty(), "{name} has no anchor");
    }
}

#[test]
fn every_anchor_is_a_section_of_the_errors_page() {
    let page = repository_file(DOCS_PAGE);
    let anchors: BTreeSet<String> = page
        .lines()
        .filter_map(|line| line.strip_prefix('#'))
        .map(|heading| github_anchor(heading.trim_start_matches('#')))
        .collect();
    for code in Code::ALL {
        assert!(
            anchors.contains(code.anchor()),
            "{DOCS_PAGE} has no section `{}` for {}",
            code.anchor(),
            code.as_str()
        );
    }
}

#[test]
fn the_errors_page_documents_the_codes_in_the_order_of_the_declaration() {
    let page = repository_file(DOCS_PAGE);
    let documented: Vec<String> = page
        .lines()
        .filter_map(|line| line.strip_prefix("#### "))
        .map(github_anchor)
        .collect();
    let declared: Vec<&str> = Code::by_category().map(|c| c.anchor()).collect();
    assert_eq!(documented, declared);
}

#[test]
fn names_and_ranks_are_unique_and_ranks_follow_on() {
    let names: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), Code::COUNT);
    let ranks: BTreeSet<usize> = Code::ALL.iter().map(|c| *c as usize).collect();
    assert_eq!(
        ranks,
        (0..Code::COUNT).collect(),
        "a new code takes the next free rank"
    );
    for code in Code::ALL {
        assert_eq!(Code::from_name(code.as_str()), Some(code));
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
        assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
    }
    assert_eq!(Code::from_name("missing-mesage"), None);
}

#[test]
fn every_category_has_a_code() {
    for category in Category::ALL {
        assert!(
            Code::ALL.iter().any(|c| c.category() == category),
            "no code in {}",
            category.as_str()
        );
    }
}

#[test]
fn the_readme_table_is_generated_from_the_declaration() {
    crate::generated::assert_section(
        "README.md",
        "<!-- codes: generated from src/code.rs -->\n",
        "<!-- end of codes -->\n",
        &markdown_table(),
    );
}

#[test]
fn the_help_lists_every_code_under_its_category() {
    let help = help_text();
    for code in Code::ALL {
        let line = help
            .lines()
            .find(|l| l.split_whitespace().next() == Some(code.as_str()))
            .unwrap_or_else(|| panic!("{} is not in the help", code.as_str()));
        assert!(line.contains(code.default_severity().as_str()), "{line}");
        assert!(line.ends_with(code.explanation()), "{line}");
    }
    assert!(help.contains("\n  plurals:\n    missing-plural-category  warning  "));
}
