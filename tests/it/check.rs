//! `letterkit check`: coverage and findings, in human and JSON form.

use crate::support::{
    copy_project, edit, fixture, letterkit, letterkit_in, remove_message, shipped,
    snapshot_settings,
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
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"letterkit check\" tests=\"4\" failures=\"2\">"), "{xml}");
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
    assert!(run.stdout.contains("[raw-html] fr"), "{}", run.stdout);
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
