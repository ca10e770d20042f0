//! What a build publishes: a message check refuses as unsafe is shown in its
//! fallback language, the rest of the site is built, and CI still fails where
//! a required locale is broken.

use std::fs;
use std::path::Path;

use crate::support::{LETTER, copy_project, edit, letterkit, shipped, waive};

fn page(project: &Path, locale: &str) -> String {
    fs::read_to_string(
        project
            .join("dist")
            .join(LETTER)
            .join(locale)
            .join("index.html"),
    )
    .unwrap()
}

/// The shipped project with Spanish optional.
fn with_optional_spanish() -> tempfile::TempDir {
    let project = copy_project(&shipped());
    edit(
        &project.path().join("letterkit.toml"),
        "tag = \"es\"\nrequired = true",
        "tag = \"es\"\nrequired = false",
    );
    project
}

#[test]
fn a_typo_in_an_optional_locale_publishes_everything_else() {
    let project = with_optional_spanish();
    let root = project.path();
    edit(
        &root.join(format!("locales/es/{LETTER}.ftl")),
        "closing =",
        "closing = { $",
    );
    let check = letterkit(root, &["check"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    let build = letterkit(root, &["build"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert!(
        build
            .stderr
            .contains(&format!(
                "warning: {LETTER} (es): `closing` is not published as written (locales/es/{LETTER}.ftl:"
            ))
            && build.stderr.contains("[syntax-error]"),
        "{}",
        build.stderr
    );
    // Every page is there; the broken message is the English one, marked.
    for locale in crate::support::LOCALES {
        assert!(page(root, locale).contains("<main"), "{locale}");
    }
    let spanish = page(root, "es");
    assert!(
        spanish.contains(r#"<span class="fallback" lang="en" dir="ltr">Sincerely,</span>"#),
        "{spanish}"
    );
    // The other Spanish messages are published as written.
    assert!(spanish.contains("Estimado presidente Biden:"), "{spanish}");
    let strict = letterkit(root, &["build", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.transcript());
}

#[test]
fn a_link_to_a_foreign_host_in_a_required_locale_is_not_published() {
    let project = copy_project(&shipped());
    let root = project.path();
    let french = root.join(format!("locales/fr/{LETTER}.ftl"));
    edit(
        &french,
        "salutation = Monsieur le Président,",
        "salutation = Monsieur le [Président](https://evil.example/x),",
    );
    let build = letterkit(root, &["build"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert!(
        build.stderr.contains(
            "warning: us-mexico-asylum-2023 (fr): `salutation` is not published as written"
        ) && build.stderr.contains("[changed-link]"),
        "{}",
        build.stderr
    );
    // One warning for the message, not a second one calling it untranslated.
    assert_eq!(
        build
            .stderr
            .lines()
            .filter(|l| l.contains("`salutation`"))
            .count(),
        1,
        "{}",
        build.stderr
    );
    let french_page = page(root, "fr");
    assert!(!french_page.contains("evil.example"), "{french_page}");
    assert!(
        french_page.contains(r#"lang="en" dir="ltr">Dear President Biden,"#),
        "{french_page}"
    );
    let check = letterkit(root, &["check"]);
    assert_eq!(check.code, 1, "{}", check.transcript());
    assert!(
        check.stdout.contains("changed-link"),
        "{}",
        check.transcript()
    );

    // A waiver for that message and code publishes it as written.
    waive(
        root,
        "fr",
        "changed-link",
        Some("salutation"),
        "the partner's page",
    );
    let build = letterkit(root, &["build"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert!(page(root, "fr").contains("https://evil.example/x"));
}

#[test]
fn heuristic_findings_and_links_on_the_sources_hosts_are_published() {
    let project = copy_project(&shipped());
    let root = project.path();
    // The source links to a page; the translation to another page there.
    edit(
        &root.join(format!("locales/en/{LETTER}.ftl")),
        "salutation = Dear President Biden,",
        "salutation = Dear [President](https://www.whitehouse.gov/) Biden,",
    );
    edit(
        &root.join(format!("locales/fr/{LETTER}.ftl")),
        "salutation = Monsieur le Président,",
        "salutation = Monsieur le [Président](https://www.whitehouse.gov/fr/),",
    );
    let check = letterkit(root, &["check"]);
    assert!(
        check.stdout.contains("changed-link"),
        "{}",
        check.transcript()
    );
    // A figure changed: a heuristic finding, never a reason to fall back.
    edit(
        &root.join(format!("locales/fr/{LETTER}.ftl")),
        "5 janvier 2023",
        "5 janvier 2031",
    );
    let check = letterkit(root, &["check"]);
    assert!(
        check.stdout.contains("changed-link"),
        "{}",
        check.transcript()
    );
    assert!(
        check.stdout.contains("changed-number"),
        "{}",
        check.transcript()
    );
    let build = letterkit(root, &["build"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert!(!build.stderr.contains("`salutation`"), "{}", build.stderr);
    let french_page = page(root, "fr");
    assert!(
        french_page.contains("https://www.whitehouse.gov/fr/"),
        "{french_page}"
    );
    assert!(!french_page.contains("class=\"fallback\""), "{french_page}");
}

#[test]
fn html_and_unsafe_links_in_a_translation_are_published_in_the_fallback_language() {
    let project = copy_project(&shipped());
    let root = project.path();
    let french = root.join(format!("locales/fr/{LETTER}.ftl"));
    edit(
        &french,
        "salutation = Monsieur le Président,",
        "salutation = Monsieur le <b onclick=\"x()\">Président</b>,",
    );
    edit(
        &french,
        "closing = ",
        "closing = [Cliquez](javascript:alert(1)) ",
    );
    let build = letterkit(root, &["build"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    for (id, code) in [("salutation", "[raw-html]"), ("closing", "[unsafe-link]")] {
        let warnings: Vec<&str> = build
            .stderr
            .lines()
            .filter(|l| l.contains(&format!("`{id}`")))
            .collect();
        assert_eq!(warnings.len(), 1, "{}", build.stderr);
        assert!(
            warnings[0].contains(&format!(
                "warning: {LETTER} (fr): `{id}` is not published as written"
            )) && warnings[0].contains(code),
            "{}",
            build.stderr
        );
    }
    let french_page = page(root, "fr");
    assert!(!french_page.contains("onclick"), "{french_page}");
    assert!(!french_page.contains("Cliquez"), "{french_page}");
    assert!(
        french_page.contains(r#"lang="en" dir="ltr">Dear President Biden,"#),
        "{french_page}"
    );
    assert!(
        french_page.contains(r#"<span class="fallback" lang="en" dir="ltr">Sincerely,</span>"#),
        "{french_page}"
    );
    // The other French messages are published as written.
    assert!(french_page.contains("lang=\"fr\""), "{french_page}");

    // A waiver for the message and code publishes it as written (as text).
    waive(
        root,
        "fr",
        "raw-html",
        Some("salutation"),
        "shown as text on purpose",
    );
    let build = letterkit(root, &["build"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert!(!build.stderr.contains("`salutation`"), "{}", build.stderr);
    assert!(page(root, "fr").contains("&lt;b onclick="));
}

/// The shipped letter with its Spanish locale optional and `closing`
/// written as `value`. Asserts that `check --locale es` passes and that the
/// Spanish page shows the English closing in its place; returns what check
/// printed and the line of `closing` in the Spanish file.
fn spanish_closing_falls_back(value: &str) -> (String, usize) {
    let project = with_optional_spanish();
    let root = project.path();
    let spanish = root.join(format!("locales/es/{LETTER}.ftl"));
    edit(
        &spanish,
        "closing =",
        &format!("closing = {value}\nold-closing ="),
    );
    let text = fs::read_to_string(&spanish).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("closing ="))
        .unwrap()
        + 1;
    let check = letterkit(root, &["--color", "never", "check", "--locale", "es"]);
    assert_eq!(check.code, 0, "optional: {}", check.transcript());
    let build = letterkit(root, &["build"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert!(
        page(root, "es")
            .contains(r#"<span class="fallback" lang="en" dir="ltr">Sincerely,</span>"#)
    );
    (check.stdout, line)
}

#[test]
fn a_short_unicode_escape_before_a_wide_character_is_a_syntax_error_that_falls_back() {
    // The Fluent parser once panicked on this value, and every command that
    // read the file with it.
    let (check, line) = spanish_closing_falls_back("{ \"\\u00é\" }");
    assert!(
        check.contains(&format!(
            "warning: [syntax-error] es: Fluent syntax error in the entry `closing` (line {line})"
        )),
        "{check}"
    );
}

#[test]
fn a_number_with_billions_of_decimals_is_a_format_error_that_falls_back() {
    // fluent-bundle's NUMBER() wrote a zero for each digit asked for: 3 GB of
    // text for this value, and a panic for a larger figure.
    let (check, line) =
        spanish_closing_falls_back("{ NUMBER(1, minimumFractionDigits: 3000000000) }");
    assert!(
        check.contains(
            "warning: [format-error] es: `closing` calls NUMBER() with minimumFractionDigits: 3000000000 (letterkit takes 0 to 19): fix the call"
        ) && check.contains(&format!("{LETTER}.ftl:{line}:13")),
        "{check}"
    );
}
