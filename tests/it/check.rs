//! `letterkit check`: coverage and findings, in human and JSON form.

use crate::support::{
    copy_project, edit, fixture, letterkit, letterkit_in, letterkit_in_env, remove_message,
    shipped, snapshot_settings,
};

#[test]
fn the_shipped_project_is_complete() {
    let run = letterkit(&shipped(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    snapshot_settings().bind(|| insta::assert_snapshot!("check__shipped", run.transcript()));
    let json = letterkit(&shipped(), &["check", "--format", "json"]);
    assert_eq!(json.code, 0);
    snapshot_settings().bind(|| insta::assert_snapshot!("check__shipped__json", json.stdout));
}

#[test]
fn deleting_a_message_lowers_coverage_and_fails_the_check() {
    let project = copy_project(&shipped());
    remove_message(
        &project.path().join("locales/ht/us-mexico-asylum-2023.ftl"),
        "body-dangers",
    );
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout.contains(
            "us-mexico-asylum-2023        ht       yes       draft          21/22   88%     664/750"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("error: [missing-message] ht: `body-dangers` is not translated")
    );

    let json = letterkit(project.path(), &["check", "--format", "json"]);
    assert_eq!(json.code, 1);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "missing-message");
    assert_eq!(finding["locale"], "ht");
    assert_eq!(finding["message_id"], "body-dangers");
    assert_eq!(finding["file"], "locales/ht/us-mexico-asylum-2023.ftl");
}

fn check_small(case: &str, change: impl FnOnce(&std::path::Path)) -> String {
    let project = copy_project(&fixture("small"));
    change(project.path());
    let run = letterkit(project.path(), &["check"]);
    let transcript = run.transcript();
    snapshot_settings()
        .bind(|| insta::assert_snapshot!(format!("check__small__{case}"), transcript));
    transcript
}

#[test]
fn a_missing_message_is_reported_where_it_belongs() {
    let transcript = check_small("missing_message", |p| {
        remove_message(&p.join("locales/es/notice.ftl"), "demand-open")
    });
    assert!(transcript.starts_with("exit code: 1"));
    assert!(
        transcript.contains("--> locales/es/notice.ftl:5:"),
        "{transcript}"
    );
}

#[test]
fn an_obsolete_message_is_a_warning() {
    let transcript = check_small("obsolete_message", |p| {
        edit(
            &p.join("locales/es/notice.ftl"),
            "closing =",
            "old-closing = Saludos,\nclosing =",
        )
    });
    assert!(transcript.starts_with("exit code: 0"));
    assert!(
        transcript.contains("warning: [obsolete-message] es: `old-closing`"),
        "{transcript}"
    );
}

#[test]
fn a_syntax_error_is_reported_with_line_and_column() {
    let transcript = check_small("syntax_error", |p| {
        edit(
            &p.join("locales/es/notice.ftl"),
            "demand-publish = Publique",
            "demand-publish = { Publique",
        )
    });
    assert!(transcript.starts_with("exit code: 1"));
    assert!(
        transcript.contains(
            "[syntax-error] es: Fluent syntax error in the entry `demand-publish` (line 6):"
        ),
        "{transcript}"
    );
    assert!(
        transcript.contains("--> locales/es/notice.ftl:6:1\n"),
        "{transcript}"
    );
    assert!(
        transcript.contains("the parser stopped here"),
        "{transcript}"
    );
}

#[test]
fn unsafe_content_in_a_translation_is_reported() {
    let transcript = check_small("unsafe_content", |p| {
        edit(
            &p.join("locales/es/notice.ftl"),
            "demand-open = La abra",
            "demand-open = <img src=x onerror=alert(1)> [aquí](javascript:alert(1)) [^nada] La abra",
        )
    });
    assert!(transcript.starts_with("exit code: 1"));
    for code in ["raw-html", "unsafe-link", "unknown-note"] {
        assert!(
            transcript.contains(&format!("[{code}] es:")),
            "{code}: {transcript}"
        );
    }
}

#[test]
fn emphasis_and_directional_marks_are_checked_in_a_letter() {
    let transcript = check_small("emphasis_and_marks", |p| {
        edit(
            &p.join("locales/es/notice.ftl"),
            "la *mayoría* de",
            "la mayoría\u{200F} de",
        )
    });
    assert!(transcript.starts_with("exit code: 0"), "{transcript}");
    for code in ["changed-emphasis", "directional-mark"] {
        assert!(
            transcript.contains(&format!("warning: [{code}] es:")),
            "{code}: {transcript}"
        );
    }
}

#[test]
fn an_optional_locale_only_warns() {
    let project = copy_project(&fixture("small"));
    edit(
        &project.path().join("letterkit.toml"),
        "tag = \"es\"\nrequired = true",
        "tag = \"es\"\nrequired = false",
    );
    remove_message(&project.path().join("locales/es/notice.ftl"), "closing");
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("warning: [missing-message] es: `closing`")
    );
}

#[test]
fn a_missing_file_is_reported_and_counts_as_untranslated() {
    let project = copy_project(&fixture("small"));
    std::fs::remove_file(project.path().join("locales/es/notice.ftl")).unwrap();
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("error: [missing-file] es: this file is missing"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "notice                       es       yes       draft           0/10    0%        0/48"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn policy_sets_a_minimum_coverage_waives_findings_and_denies_warnings() {
    let project = copy_project(&fixture("small"));
    let config = project.path().join("letterkit.toml");
    edit(
        &config,
        "tag = \"es\"\nrequired = true",
        "tag = \"es\"\nrequired = false\nmin-coverage = 100",
    );
    remove_message(&project.path().join("locales/es/notice.ftl"), "closing");
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout.contains(
            "error: [low-coverage] es: notice is 97% translated (47/48 words, 9/10 messages; a stale translation counts as translated); letterkit.toml asks for at least 100%"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("warning: [missing-message] es: `closing`")
    );

    edit(&config, "min-coverage = 100", "min-coverage = 90");
    let run = letterkit(project.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let denied = letterkit(project.path(), &["check", "--deny", "warnings"]);
    assert_eq!(denied.code, 1, "{}", denied.transcript());
    assert!(
        denied
            .stdout
            .ends_with("check failed: 0 errors, 1 warning\n")
    );

    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str(
        "\n[check]\ndeny-warnings = true\n\n[[check.waivers]]\nlocale = \"es\"\ncode = \"missing-message\"\nmessage = \"closing\"\nreason = \"the closing is added with the next letter\"\n",
    );
    std::fs::write(&config, &text).unwrap();
    let waived = letterkit(project.path(), &["check"]);
    assert_eq!(waived.code, 0, "{}", waived.transcript());
    assert!(
        waived
            .stdout
            .ends_with("check passed: 0 errors, 0 warnings, 1 waived\n")
    );

    std::fs::write(&config, text.replace("missing-message", "missing-mesage")).unwrap();
    let typo = letterkit(project.path(), &["check"]);
    assert_eq!(typo.code, 2, "{}", typo.transcript());
    assert!(
        typo.stderr
            .contains("`missing-mesage`, which check does not have")
    );
}

/// The small fixture with a planted `raw-html` in Spanish, copied to the
/// folder `site/letters` of `top`.
fn planted_project_in(top: &std::path::Path) -> std::path::PathBuf {
    let copy = copy_project(&fixture("small"));
    let project = top.join("site/letters");
    std::fs::create_dir_all(top.join("site")).unwrap();
    std::fs::rename(copy.path(), &project).unwrap_or_else(|_| {
        // Another file system: copied again.
        crate::support::copy_tree_to(copy.path(), &project);
    });
    edit(
        &project.join("locales/es/notice.ftl"),
        "subject = Abrir",
        "subject = <b>Abrir</b>",
    );
    project
}

const PLANTED: &str =
    "locales/es/notice.ftl,line=2,col=1,title=raw-html (es)::`subject` contains HTML `<b>`";

#[test]
fn github_annotations_name_files_from_the_root_of_the_git_repository() {
    let repository = tempfile::tempdir().unwrap();
    let git = std::process::Command::new("git")
        .args(["init", "--quiet"])
        .current_dir(repository.path())
        .status()
        .expect("git runs");
    assert!(git.success());
    let project = planted_project_in(repository.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let run = letterkit_in_env(
        elsewhere.path(),
        &[
            "--project",
            project.to_str().unwrap(),
            "check",
            "--format",
            "github",
        ],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout
            .contains(&format!("::error file=site/letters/{PLANTED}")),
        "{}",
        run.stdout
    );
    // A tree named from a folder below the root, the same files.
    let tree = letterkit_in_env(
        &repository.path().join("site"),
        &[
            "check",
            "--locales",
            "letters/locales",
            "--source",
            "en",
            "--format",
            "github",
        ],
        &[],
    );
    // In a tree, added markup is a warning.
    assert_eq!(tree.code, 0, "{}", tree.transcript());
    assert!(
        tree.stdout.contains(
            "::warning file=site/letters/locales/es/notice.ftl,line=2,col=1,title=changed-markup (es)::"
        ),
        "{}",
        tree.stdout
    );
    // The repository's root wins over GITHUB_WORKSPACE, which may hold more
    // than the repository.
    let run = letterkit_in_env(
        elsewhere.path(),
        &[
            "--project",
            project.to_str().unwrap(),
            "check",
            "--format",
            "github",
        ],
        &[("GITHUB_WORKSPACE", elsewhere.path())],
    );
    assert!(
        run.stdout
            .contains(&format!("::error file=site/letters/{PLANTED}")),
        "{}",
        run.stdout
    );
}

#[test]
fn github_annotations_name_files_from_github_workspace_without_git() {
    let workspace = tempfile::tempdir().unwrap();
    let project = planted_project_in(workspace.path());
    let run = letterkit_in_env(
        &project,
        &["check", "--format", "github"],
        &[("GITHUB_WORKSPACE", workspace.path())],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout
            .contains(&format!("::error file=site/letters/{PLANTED}")),
        "{}",
        run.stdout
    );
    // Without it, and without git, files are named from the project.
    let run = letterkit_in_env(&project, &["check", "--format", "github"], &[]);
    assert!(
        run.stdout.contains(&format!("::error file={PLANTED}")),
        "{}",
        run.stdout
    );
    // A workspace the project is not in changes nothing.
    let other = tempfile::tempdir().unwrap();
    let run = letterkit_in_env(
        &project,
        &["check", "--format", "github"],
        &[("GITHUB_WORKSPACE", other.path())],
    );
    assert!(
        run.stdout.contains(&format!("::error file={PLANTED}")),
        "{}",
        run.stdout
    );
}

#[test]
fn ci_formats_carry_every_finding() {
    let project = copy_project(&fixture("small"));
    remove_message(&project.path().join("locales/es/notice.ftl"), "closing");
    edit(
        &project.path().join("locales/es/notice.ftl"),
        "subject = Abrir",
        "subject = <b>Abrir</b>",
    );

    let github = letterkit(project.path(), &["check", "--format", "github"]);
    assert_eq!(github.code, 1, "{}", github.transcript());
    assert!(
        github.stdout.contains(
            "::error file=locales/es/notice.ftl,line=2,col=1,title=raw-html (es)::`subject` contains HTML `<b>`"
        ),
        "{}",
        github.stdout
    );
    assert!(
        github.stdout.contains(
            "::error file=locales/es/notice.ftl,line=7,col=1,title=missing-message (es)::"
        )
    );

    let sarif = letterkit(project.path(), &["check", "--format", "sarif"]);
    assert_eq!(sarif.code, 1);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    // The fields SARIF 2.1.0's schema requires, at every level used.
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "letterkit");
    // The project folder, where the artifact URIs start.
    let root = std::fs::canonicalize(project.path()).unwrap();
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        format!("file://{}/", root.display())
    );
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| r["id"].is_string()));
    let results = run["results"].as_array().unwrap();
    // The HTML also reaches the page title through `{ $subject }`.
    assert_eq!(results.len(), 5);
    for result in results {
        assert!(result["message"]["text"].is_string());
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("locales/es/"), "{uri}");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }

    let junit = letterkit(project.path(), &["check", "--format", "junit"]);
    assert_eq!(junit.code, 1);
    let xml = junit.stdout;
    assert!(
        xml.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"letterkit check\">"
        ),
        "{xml}"
    );
    assert!(
        xml.contains("<testsuite name=\"es\" tests=\"2\" failures=\"2\">"),
        "{xml}"
    );
    assert_eq!(xml.matches("<testcase ").count(), 4);
    assert_eq!(xml.matches("<failure ").count(), 2);
    assert!(
        xml.contains("`subject` contains HTML `&lt;b&gt;`"),
        "escaped: {xml}"
    );
    assert!(!xml.contains("<b>"), "{xml}");
}

#[test]
fn a_locale_without_a_date_format_is_told_how_to_add_one() {
    let project = copy_project(&fixture("small"));
    assert_eq!(letterkit(project.path(), &["locale", "add", "ht"]).code, 0);
    let run = letterkit(project.path(), &["check", "--locale", "ht"]);
    assert_eq!(
        run.code,
        0,
        "an optional locale only warns: {}",
        run.transcript()
    );
    assert!(
        run.stdout.contains("warning: [missing-date-format] ht: the Unicode CLDR has no date format for `ht`: add a `letter-date` message"),
        "{}",
        run.stdout
    );
    let es = letterkit(project.path(), &["check", "--locale", "es"]);
    assert!(!es.stdout.contains("missing-date-format"), "{}", es.stdout);
}

/// A value that once made `check` panic (a tag read across U+2028).
const TAG_ACROSS_A_LINE_SEPARATOR: &str = "<img src=x:ale abc\u{2028}def";

#[test]
fn a_tag_broken_by_a_line_separator_is_reported_not_a_crash() {
    let project = copy_project(&fixture("small"));
    edit(
        &project.path().join("locales/es/notice.ftl"),
        "closing = Atentamente,",
        &format!("closing = {TAG_ACROSS_A_LINE_SEPARATOR}"),
    );
    for format in ["human", "json", "sarif", "junit", "github"] {
        let run = letterkit(project.path(), &["check", "--format", format]);
        assert_eq!(run.code, 1, "{format}: {}", run.transcript());
        assert!(run.stderr.is_empty(), "{format}: {}", run.transcript());
        assert!(run.stdout.contains("raw-html"), "{format}: {}", run.stdout);
    }

    let tree = tempfile::tempdir().unwrap();
    for (tag, value) in [("en", "Open"), ("fr", TAG_ACROSS_A_LINE_SEPARATOR)] {
        let folder = tree.path().join(tag);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("app.ftl"), format!("a = {value}\n")).unwrap();
    }
    let run = letterkit_in(tree.path(), &["check", "--locales", ".", "--source", "en"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stdout.contains("[broken-markup] fr"), "{}", run.stdout);
}

#[test]
fn an_unreadable_file_is_a_finding_and_the_rest_is_still_checked() {
    let tree = tempfile::tempdir().unwrap();
    for (tag, file, bytes) in [
        ("en", "app", &b"a = Open\nb = Close\n"[..]),
        ("en", "more", b"c = Yes\n"),
        ("fr", "app", b"a = Ouvrir\nb = Fermer\n"),
        ("fr", "more", b"c = Oui\n"),
        ("de", "app", b"a = \xd6ffnen\nb = Schlie\xdfen\n"),
        ("de", "more", b"d = Ja\n"),
    ] {
        let folder = tree.path().join(tag);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(format!("{file}.ftl")), bytes).unwrap();
    }
    let run = letterkit_in(
        tree.path(),
        &[
            "check",
            "--locales",
            ".",
            "--source",
            "en",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.is_empty(), "{}", run.transcript());
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {}:{}:{}",
                f["code"].as_str().unwrap(),
                f["locale"].as_str().unwrap(),
                f["file"].as_str().unwrap(),
                f["line"],
                f["column"]
            )
        })
        .collect();
    // The bad file at its first bad byte; the other German file still
    // checked; French clean.
    assert_eq!(
        found,
        [
            "unreadable-file de ./de/app.ftl:1:5",
            "missing-message de ./de/more.ftl:1:1",
            "obsolete-message de ./de/more.ftl:1:1",
        ],
        "{}",
        run.stdout
    );
}

/// An escape sequence that would set the terminal's title and colour.
const ESCAPES: &str = "\u{1b}]0;pwned\u{7}\u{1b}[31m";

#[test]
fn names_with_escape_sequences_are_shown_escaped_not_obeyed() {
    let tree = tempfile::tempdir().unwrap();
    for (path, text) in [
        ("en/app.ftl", "a = Open { $n }\n".to_owned()),
        // An unknown variable: its line is in the snippet.
        ("fr/app.ftl", format!("a = {ESCAPES}Ouvrir {{ $m }}\n")),
        // An obsolete file: its name is in the finding.
        (&format!("fr/{ESCAPES}evil.ftl"), "c = C\n".to_owned()),
        (&format!("{ESCAPES}fr/app.ftl"), "a = Ouvrir\n".to_owned()),
    ] {
        let path = tree.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let escaped = "\\u{1b}]0;pwned\\u{7}\\u{1b}[31m";
    let run = letterkit_in(
        tree.path(),
        &[
            "--color",
            "always",
            "check",
            "--locales",
            ".",
            "--source",
            "en",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(!run.transcript().contains(ESCAPES), "{}", run.transcript());
    assert!(!run.transcript().contains("\u{7}"), "{}", run.transcript());
    let finding = format!("[obsolete-file] fr: the source locale has no `{escaped}evil.ftl`");
    assert!(run.stdout.contains(&finding), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!("a = {escaped}Ouvrir")),
        "{}",
        run.stdout
    );

    let missing = format!("{ESCAPES}missing");
    let run = letterkit_in(
        tree.path(),
        &[
            "--color",
            "always",
            "check",
            "--locales",
            &missing,
            "--source",
            "en",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(!run.stderr.contains(ESCAPES), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("{escaped}missing")),
        "{}",
        run.stderr
    );
}

/// Writes `files` (path, text) below `root`.
fn write_files(root: &std::path::Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// A tree with a sentence, a brand, an experimental file, a preview folder
/// and two folders that are not locales.
fn configurable_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[
            (
                "l10n/en/app.ftl",
                "a = Open the door now\nb = Close { $n }\n",
            ),
            ("l10n/en/sub/experimental-commands.ftl", "x = Try it\n"),
            ("l10n/en/preview/new.ftl", "p = Preview\n"),
            ("l10n/fr/app.ftl", "a = Ouvrez la porte\n"),
            (
                "l10n/de/app.ftl",
                "a = Open the door now\nb = Schließen { $m }\n",
            ),
            (
                "l10n/ca-valencia/app.ftl",
                "a = Obriu la porta\nb = Tancar { $n }\n",
            ),
            ("l10n/configs/app.ftl", "a = A\n"),
            ("l10n/_tools/app.ftl", "a = A\n"),
            // Never read for a tree.
            ("l10n/letterkit.toml", "this is not toml"),
        ],
    );
    dir
}

/// `check --locales l10n --source en` and `args`, in `dir`.
fn check_tree_with(dir: &std::path::Path, args: &[&str]) -> crate::support::Run {
    let mut all = vec!["check", "--locales", "l10n", "--source", "en"];
    all.extend(args);
    letterkit_in(dir, &all)
}

/// The findings of a JSON report as `severity code locale file`.
fn json_findings(run: &crate::support::Run) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {}",
                f["severity"].as_str().unwrap(),
                f["code"].as_str().unwrap(),
                f["locale"].as_str().unwrap(),
                f["file"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_tree_without_configuration_requires_every_locale_folder_and_skips_other_folders() {
    let tree = configurable_tree();
    let run = check_tree_with(tree.path(), &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert_eq!(
        run.stderr,
        "skipped (not named by a locale tag): _tools, configs\n"
    );
    let found = json_findings(&run);
    for expected in [
        "error missing-file ca-valencia l10n/ca-valencia/sub/experimental-commands.ftl",
        "error unknown-variable de l10n/de/app.ftl",
        "warning identical-to-source de l10n/de/app.ftl",
        "error missing-message fr l10n/fr/app.ftl",
        "error missing-file fr l10n/fr/preview/new.ftl",
    ] {
        assert!(
            found.contains(&expected.to_owned()),
            "{expected}: {found:#?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|f| f.contains("configs") || f.contains("_tools"))
    );
}

#[test]
fn l10n_check_toml_sets_required_locales_waivers_exclusions_and_coverage() {
    let tree = configurable_tree();
    std::fs::write(
        tree.path().join("l10n/l10n-check.toml"),
        "required = [\"fr\", \"ca-valencia\"]\n\
         exclude = [\"experimental-commands.ftl\", \"preview/**\"]\n\
         min-coverage = 75\n\n\
         [[waivers]]\nlocale = \"de\"\ncode = \"missing-variable\"\nreason = \"the count is in the title\"\n",
    )
    .unwrap();
    let run = check_tree_with(tree.path(), &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert_eq!(
        json_findings(&run),
        [
            // de is not required: its errors are warnings.
            "warning identical-to-source de l10n/de/app.ftl",
            "warning unknown-variable de l10n/de/app.ftl",
            // fr translates 1 of 2 messages (the excluded files not counted).
            "error low-coverage fr l10n/fr",
            "error missing-message fr l10n/fr/app.ftl",
        ]
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["waived"], 1);
    let required: Vec<(String, bool)> = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["locale"].as_str().unwrap().to_owned(),
                c["required"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        required,
        [
            ("en".to_owned(), true),
            ("ca-valencia".to_owned(), true),
            ("de".to_owned(), false),
            ("fr".to_owned(), true)
        ]
    );

    // allow-identical, from a file named with --config (the tree's own is
    // not read then).
    let elsewhere = tree.path().join("ci.toml");
    std::fs::write(&elsewhere, "allow-identical = [\"a\"]\n").unwrap();
    let run = check_tree_with(
        tree.path(),
        &["--config", "ci.toml", "--locale", "de", "--format", "json"],
    );
    assert_eq!(
        json_findings(&run),
        [
            "warning missing-variable de l10n/de/app.ftl",
            "error unknown-variable de l10n/de/app.ftl",
            "error missing-file de l10n/de/preview/new.ftl",
            "error missing-file de l10n/de/sub/experimental-commands.ftl",
        ]
    );
}

#[test]
fn a_mistaken_tree_configuration_or_locale_is_a_usage_error() {
    let tree = configurable_tree();
    let config = tree.path().join("l10n/l10n-check.toml");
    for (text, said) in [
        (
            "required = [\"fr\", \"pt-BR\"]\n",
            "no folder for the locale `pt-BR`",
        ),
        ("min-coverage = 101\n", "min-coverage is 101"),
        ("exclude = \"preview\"\n", "l10n-check.toml:1:"),
        (
            "[[waivers]]\nlocale = \"*\"\ncode = \"missing-mesage\"\nreason = \"x\"\n",
            "`missing-mesage`",
        ),
    ] {
        std::fs::write(&config, text).unwrap();
        let run = check_tree_with(tree.path(), &[]);
        assert_eq!(run.code, 2, "{text}: {}", run.transcript());
        assert!(run.stderr.contains(said), "{text}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{text}: {}", run.stdout);
    }
    std::fs::remove_file(&config).unwrap();
    let run = check_tree_with(tree.path(), &["--locale", "configs"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains(
            "l10n/configs: the folder is not a locale: `configs` names no known language"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_human_report_ends_with_counts_by_locale_and_code_and_can_be_cut_short() {
    let tree = configurable_tree();
    let full = check_tree_with(tree.path(), &[]);
    let table = "\
locale       errors warnings  missing-file  missing-message  unknown-variable  missing-variable  identical-to-source
en                -        -             -                -                 -                 -                    -
ca-valencia       2        -             2                -                 -                 -                    -
de                3        2             2                -                 1                 1                    1
fr                3        -             2                1                 -                 -                    -
total             8        2             6                1                 1                 1                    1

check failed: 8 errors, 2 warnings
";
    assert!(full.stdout.ends_with(table), "{}", full.stdout);

    let summary = check_tree_with(tree.path(), &["--summary"]);
    assert_eq!(summary.code, 1);
    assert_eq!(summary.stdout, table);

    let cut = check_tree_with(tree.path(), &["--max-per-code", "1"]);
    assert_eq!(cut.code, 1);
    assert_eq!(
        cut.stdout.matches("[missing-file] de:").count(),
        1,
        "{}",
        cut.stdout
    );
    assert_eq!(full.stdout.matches("[missing-file] de:").count(), 2);
    assert!(
        cut.stdout
            .contains("3 more findings not shown (at most 1 of each code in each locale)"),
        "{}",
        cut.stdout
    );
    assert!(cut.stdout.ends_with(table), "{}", cut.stdout);
}
