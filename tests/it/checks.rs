//! Every check, one at a time: a minimal source locale and a minimal broken
//! locale in a plain Fluent tree (`check --locales DIR --source en`), the
//! report snapshotted, the finding asserted at its line and column with its
//! exit code; then the same locale corrected, and the check silent.

use std::fs;
use std::path::Path;

use crate::support::{letterkit_in, snapshot_settings};

/// One check's case.
struct Case {
    /// The code that must be reported.
    code: &'static str,
    /// Where, as `file:line:column` below the tree.
    at: &'static str,
    /// The target locale's tag.
    locale: &'static str,
    /// The source locale's files.
    source: &'static [(&'static str, &'static str)],
    /// The broken locale's files.
    broken: &'static [(&'static str, &'static str)],
    /// The same locale, corrected.
    fixed: &'static [(&'static str, &'static str)],
}

const PLURAL: &str = "a = { $n ->\n    [one] one file\n   *[other] { $n } files\n}\n";

const CASES: &[Case] = &[
    Case {
        code: "unreadable-file",
        at: "fr/app.ftl:1:37",
        locale: "fr",
        source: &[("app", "a = Open\n")],
        broken: &[(
            "app",
            "a = {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\"x\"}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}\n",
        )],
        fixed: &[("app", "a = Ouvrir\n")],
    },
    Case {
        code: "missing-file",
        at: "fr/other.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = Hello\n"), ("other", "b = Bye\n")],
        broken: &[("app", "a = Bonjour\n")],
        fixed: &[("app", "a = Bonjour\n"), ("other", "b = Au revoir\n")],
    },
    Case {
        code: "obsolete-file",
        at: "fr/old.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = Hello\n")],
        broken: &[("app", "a = Bonjour\n"), ("old", "b = Vieux\n")],
        fixed: &[("app", "a = Bonjour\n")],
    },
    Case {
        code: "syntax-error",
        at: "fr/app.ftl:2:1",
        locale: "fr",
        source: &[("app", "a = Hello\nb = Bye\n")],
        broken: &[("app", "a = Bonjour\nb = Au revoir }\n")],
        fixed: &[("app", "a = Bonjour\nb = Au revoir\n")],
    },
    Case {
        code: "missing-message",
        at: "fr/app.ftl:2:1",
        locale: "fr",
        source: &[("app", "a = Hello\nb = Bye\n")],
        broken: &[("app", "a = Bonjour\n")],
        fixed: &[("app", "a = Bonjour\nb = Au revoir\n")],
    },
    Case {
        code: "obsolete-message",
        at: "fr/app.ftl:2:1",
        locale: "fr",
        source: &[("app", "a = Hello\n")],
        broken: &[("app", "a = Bonjour\nold = Vieux\n")],
        fixed: &[("app", "a = Bonjour\n")],
    },
    Case {
        code: "missing-term",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "-brand = Acme\na = { -brand } app\n")],
        broken: &[("app", "a = appli { -brand }\n")],
        fixed: &[("app", "-brand = Acme\na = appli { -brand }\n")],
    },
    Case {
        code: "obsolete-term",
        at: "fr/app.ftl:2:2",
        locale: "fr",
        source: &[("app", "-brand = Acme\n")],
        broken: &[("app", "-brand = Acme\n-old = Vieux\n")],
        fixed: &[("app", "-brand = Acme\n")],
    },
    Case {
        code: "missing-attribute",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = Hello\n    .title = Greeting\n")],
        broken: &[("app", "a = Bonjour\n")],
        fixed: &[("app", "a = Bonjour\n    .title = Salutation\n")],
    },
    Case {
        code: "obsolete-attribute",
        at: "fr/app.ftl:2:6",
        locale: "fr",
        source: &[("app", "a = Hello\n")],
        broken: &[("app", "a = Bonjour\n    .title = Salutation\n")],
        fixed: &[("app", "a = Bonjour\n")],
    },
    Case {
        code: "empty-value",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = Hello\n")],
        broken: &[("app", "a = \u{A0}\n")],
        fixed: &[("app", "a = Bonjour\n")],
    },
    Case {
        code: "duplicate-message",
        at: "fr/app.ftl:2:1",
        locale: "fr",
        source: &[("app", "a = Hello\n")],
        broken: &[("app", "a = Bonjour\na = Salut\n")],
        fixed: &[("app", "a = Bonjour\n")],
    },
    Case {
        code: "duplicate-attribute",
        at: "fr/app.ftl:3:6",
        locale: "fr",
        source: &[("app", "a = Hello\n    .title = Greeting\n")],
        broken: &[(
            "app",
            "a = Bonjour\n    .title = Salutation\n    .title = Salut\n",
        )],
        fixed: &[("app", "a = Bonjour\n    .title = Salutation\n")],
    },
    Case {
        code: "duplicate-variant",
        at: "fr/app.ftl:3:6",
        locale: "fr",
        source: &[("app", PLURAL)],
        broken: &[(
            "app",
            "a = { $n ->\n    [one] un fichier\n    [one] une fiche\n   *[other] { $n } fichiers\n}\n",
        )],
        fixed: &[(
            "app",
            "a = { $n ->\n    [one] un fichier\n   *[other] { $n } fichiers\n}\n",
        )],
    },
    Case {
        code: "unknown-variable",
        at: "fr/app.ftl:1:16",
        locale: "fr",
        source: &[("app", "a = Hello { $name }\n")],
        broken: &[("app", "a = Bonjour { $nom }\n")],
        fixed: &[("app", "a = Bonjour { $name }\n")],
    },
    Case {
        code: "missing-variable",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[(
            "app",
            "a = { $n ->\n    [one] one file by { $who }\n   *[other] { $n } files by { $who }\n}\n",
        )],
        broken: &[(
            "app",
            "a = { $n ->\n    [one] un fichier\n   *[other] { $n } fichiers\n}\n",
        )],
        fixed: &[(
            "app",
            "a = { $n ->\n    [one] un fichier de { $who }\n   *[other] { $n } fichiers de { $who }\n}\n",
        )],
    },
    Case {
        code: "changed-reference",
        at: "fr/app.ftl:2:8",
        locale: "fr",
        source: &[("app", "b = Bob\na = { b } came\n")],
        broken: &[("app", "b = Bob\na = { -b } est venu\n-b = Bobby\n")],
        fixed: &[("app", "b = Bob\na = { b } est venu\n")],
    },
    Case {
        code: "undefined-reference",
        at: "fr/app.ftl:1:7",
        locale: "fr",
        source: &[("app", "a = { b } came\nb = Bob\n")],
        broken: &[("app", "a = { bob } est venu\nb = Bob\n")],
        fixed: &[("app", "a = { b } est venu\nb = Bob\n")],
    },
    Case {
        code: "cyclic-reference",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = { b } came\nb = Bob\n")],
        broken: &[("app", "a = { b } est venu\nb = { a }\n")],
        fixed: &[("app", "a = { b } est venu\nb = Bob\n")],
    },
    Case {
        code: "unknown-function",
        at: "fr/app.ftl:1:7",
        locale: "fr",
        source: &[("app", "a = { NUMBER($n) } files\n")],
        broken: &[("app", "a = { NOMBRE($n) } fichiers\n")],
        fixed: &[("app", "a = { NUMBER($n) } fichiers\n")],
    },
    Case {
        code: "missing-plural-category",
        at: "ar/app.ftl:2:6",
        locale: "ar",
        source: &[("app", PLURAL)],
        broken: &[(
            "app",
            "a = { $n ->\n    [one] ملف واحد\n   *[other] { $n } ملفات\n}\n",
        )],
        fixed: &[(
            "app",
            "a = { $n ->\n    [zero] لا ملفات\n    [one] ملف واحد\n    [two] ملفان\n    [few] { $n } ملفات\n    [many] { $n } ملفًا\n   *[other] { $n } ملف\n}\n",
        )],
    },
    Case {
        code: "unreachable-variant",
        at: "ja/app.ftl:2:6",
        locale: "ja",
        source: &[("app", PLURAL)],
        broken: &[(
            "app",
            "a = { $n ->\n    [one] 1つのファイル\n   *[other] { $n }個のファイル\n}\n",
        )],
        fixed: &[("app", "a = { $n ->\n   *[other] { $n }個のファイル\n}\n")],
    },
    Case {
        code: "format-error",
        at: "fr/app.ftl:3:1",
        locale: "fr",
        source: &[("app", "c = Hi\nb = { c } { c }\na = { b } { b }\n")],
        broken: &[(
            "app",
            "c = Salut\nb = { c } { c }\na = { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b } { b }\n",
        )],
        fixed: &[("app", "c = Salut\nb = { c } { c }\na = { b } { b }\n")],
    },
    Case {
        code: "changed-markup",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = Read <a data-l10n-name=\"doc\">the guide</a>\n")],
        broken: &[(
            "app",
            "a = Lisez <a data-l10n-name=\"doc\">le guide</a> <img src=x onerror=y>\n",
        )],
        fixed: &[("app", "a = Lisez <a data-l10n-name=\"doc\">le guide</a>\n")],
    },
    Case {
        code: "broken-markup",
        at: "fr/app.ftl:2:1",
        locale: "fr",
        source: &[(
            "app",
            "b = Stop\na = Use a <strong>strong</strong> password\n",
        )],
        broken: &[(
            "app",
            "b = Arrêt\na = Utilisez un mot de passe <strong>fort</ strong>\n",
        )],
        fixed: &[(
            "app",
            "b = Arrêt\na = Utilisez un mot de passe <strong>fort</strong>\n",
        )],
    },
    Case {
        code: "line-ending",
        at: "fr/app.ftl:1:12",
        locale: "fr",
        source: &[("app", "a = Hello\nb = Bye\n")],
        broken: &[("app", "a = Bonjour\rb = Salut\r")],
        fixed: &[("app", "a = Bonjour\r\nb = Salut\r\n")],
    },
    Case {
        code: "unsafe-link",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = [Read the guide](https://example.org/guide)\n")],
        broken: &[("app", "a = [Lisez le guide](javascript:alert())\n")],
        fixed: &[("app", "a = [Lisez le guide](https://example.org/guide)\n")],
    },
    Case {
        code: "changed-link",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = [Read the guide](https://example.org/guide)\n")],
        broken: &[("app", "a = [Lisez le guide](https://example.net/guide)\n")],
        fixed: &[("app", "a = [Lisez le guide](https://example.org/guide)\n")],
    },
    Case {
        code: "missing-note",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = It rained.[^weather]\n")],
        broken: &[("app", "a = Il a plu.\n")],
        fixed: &[("app", "a = Il a plu[^weather].\n")],
    },
    Case {
        code: "unexpected-note",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = It rained.\n")],
        broken: &[("app", "a = Il a plu.[^weather]\n")],
        fixed: &[("app", "a = Il a plu.\n")],
    },
    Case {
        code: "image",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = Hello\n")],
        broken: &[("app", "a = Bonjour ![logo](https://example.org/logo.png)\n")],
        fixed: &[("app", "a = Bonjour\n")],
    },
    Case {
        code: "bidi-control",
        at: "fr/app.ftl:1:9",
        locale: "fr",
        source: &[("app", "a = Pay 100 to Ada\n")],
        broken: &[("app", "a = Pay \u{202E}001 à Ada\n")],
        fixed: &[("app", "a = Payez 100 à Ada\n")],
    },
    Case {
        code: "invisible-character",
        at: "fr/app.ftl:1:12",
        locale: "fr",
        source: &[("app", "a = Hello\n")],
        broken: &[("app", "a = Bonjour\u{0007}\n")],
        fixed: &[("app", "a = Bonjour\n")],
    },
    Case {
        code: "changed-number",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = 2.5 million people in 2022\n")],
        broken: &[("app", "a = 25 millions de personnes en 2022\n")],
        fixed: &[("app", "a = 2,5 millions de personnes en 2022\n")],
    },
    Case {
        code: "added-number",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = Step one: open the file\n")],
        broken: &[("app", "a = Étape 1 : ouvrez le fichier\n")],
        fixed: &[("app", "a = Première étape : ouvrez le fichier\n")],
    },
    Case {
        code: "missing-number",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = Aim for 1 or 2 sentences\n")],
        broken: &[("app", "a = Visez une ou deux phrases\n")],
        fixed: &[("app", "a = Visez 1 ou 2 phrases\n")],
    },
    Case {
        code: "identical-to-source",
        at: "fr/app.ftl:1:1",
        locale: "fr",
        source: &[("app", "a = Open the door now\n")],
        broken: &[("app", "a = Open the door now\n")],
        fixed: &[("app", "a = Ouvrez la porte maintenant\n")],
    },
];

fn write_tree(root: &Path, source: &[(&str, &str)], locale: &str, files: &[(&str, &str)]) {
    let _ = fs::remove_dir_all(root.join("l10n"));
    for (tag, files) in [("en", source), (locale, files)] {
        let folder = root.join("l10n").join(tag);
        fs::create_dir_all(&folder).unwrap();
        for (name, text) in files {
            fs::write(folder.join(format!("{name}.ftl")), text).unwrap();
        }
    }
}

fn check_tree(root: &Path) -> crate::support::Run {
    letterkit_in(root, &["check", "--locales", "l10n", "--source", "en"])
}

#[test]
fn every_check_fires_on_its_defect_and_stays_silent_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    for case in CASES {
        write_tree(dir.path(), case.source, case.locale, case.broken);
        let run = check_tree(dir.path());
        let label = format!("{} (broken)", case.code);
        let line = run
            .stdout
            .lines()
            .position(|l| l.contains(&format!("[{}] {}:", case.code, case.locale)))
            .unwrap_or_else(|| panic!("{label}: not reported:\n{}", run.transcript()));
        let location = run.stdout.lines().nth(line + 1).unwrap_or_default();
        assert!(
            location.contains(&format!("--> l10n/{}", case.at)),
            "{label}: reported at {location}, not {}:\n{}",
            case.at,
            run.stdout
        );
        let severity = run.stdout.lines().nth(line).unwrap_or_default();
        let expected_code = if severity.starts_with("error") { 1 } else { 0 };
        assert_eq!(run.code, expected_code, "{label}: {}", run.transcript());
        assert!(run.stderr.is_empty(), "{label}: {}", run.stderr);
        snapshot_settings().bind(|| {
            insta::assert_snapshot!(format!("checks__{}", case.code), run.stdout);
        });

        write_tree(dir.path(), case.source, case.locale, case.fixed);
        let run = check_tree(dir.path());
        assert_eq!(run.code, 0, "{} (fixed): {}", case.code, run.transcript());
        assert!(
            run.stdout.contains("check passed: 0 errors, 0 warnings"),
            "{} (fixed) is not silent:\n{}",
            case.code,
            run.stdout
        );
    }
}

#[test]
fn every_code_has_a_case_or_needs_a_letter() {
    // Notes, dates, the record of translations and coverage policy come with
    // a letterkit project; HTML shown as text and emphasis are a letter's, and directional marks are
    // needed where an application does not isolate values as letterkit does.
    let needs_a_letter = [
        "raw-html",
        "unknown-note",
        "missing-date-format",
        "stale-translation",
        "low-coverage",
        "changed-emphasis",
        "directional-mark",
    ];
    for code in letterkit::code::Code::ALL {
        let code = code.as_str();
        assert!(
            CASES.iter().any(|c| c.code == code) || needs_a_letter.contains(&code),
            "no case for {code}"
        );
    }
}

/// The tree's findings as `code locale id file:line:column`, from JSON.
fn tree_findings(root: &Path) -> Vec<String> {
    let run = letterkit_in(
        root,
        &[
            "check",
            "--locales",
            "l10n",
            "--source",
            "en",
            "--format",
            "json",
        ],
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {}:{}:{}",
                f["code"].as_str().unwrap(),
                f["locale"].as_str().unwrap(),
                f["message_id"].as_str().unwrap_or("-"),
                f["file"].as_str().unwrap(),
                f["line"],
                f["column"]
            )
        })
        .collect()
}

#[test]
fn a_message_with_attributes_alone_is_missing_until_translated() {
    let dir = tempfile::tempdir().unwrap();
    let source = &[("app", "a = A\nb =\n    .label = B\n")];
    write_tree(dir.path(), source, "fr", &[("app", "a = A fr\n")]);
    assert_eq!(
        tree_findings(dir.path()),
        ["missing-message fr b l10n/fr/app.ftl:2:1"]
    );
    let run = check_tree(dir.path());
    assert!(
        run.stdout.contains(
            "(all files)                  fr       yes       draft            1/2   99%         1/1"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_tree_checked_in_parallel_reports_locales_in_folder_order() {
    let dir = tempfile::tempdir().unwrap();
    let tags = [
        "ar", "bg", "cs", "da", "de", "el", "es", "fi", "fr", "hu", "it", "ja", "nl", "pl",
    ];
    for tag in std::iter::once("en").chain(tags) {
        let folder = dir.path().join("l10n").join(tag);
        fs::create_dir_all(folder.join("sub")).unwrap();
        let (app, more) = if tag == "en" {
            ("a = A\nb = B\n", "c = C\nd = D\n")
        } else {
            ("a = A\n", "c = C\n")
        };
        fs::write(folder.join("app.ftl"), app).unwrap();
        fs::write(folder.join("sub/more.ftl"), more).unwrap();
    }
    let findings = tree_findings(dir.path());
    let expected: Vec<String> = tags
        .iter()
        .flat_map(|tag| {
            [
                format!("missing-message {tag} b l10n/{tag}/app.ftl:2:1"),
                format!("missing-message {tag} d l10n/{tag}/sub/more.ftl:2:1"),
            ]
        })
        .collect();
    assert_eq!(findings, expected);
    let run = check_tree(dir.path());
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("(all files)"))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(rows, std::iter::once("en").chain(tags).collect::<Vec<_>>());
}

#[test]
fn an_unreadable_file_in_any_locale_of_a_tree_fails_the_check() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[("app", "a = A\n")],
        "fr",
        &[("app", "a = A\n")],
    );
    fs::write(dir.path().join("l10n/fr/bad.ftl"), b"a = \xff\n").unwrap();
    let run = check_tree(dir.path());
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.is_empty(), "{}", run.transcript());
    assert!(
        run.stdout
            .contains("error: [unreadable-file] fr: this file is not UTF-8"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("--> l10n/fr/bad.ftl:1:5"),
        "{}",
        run.stdout
    );
}

#[test]
fn two_files_of_a_tree_may_define_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let files: &[(&str, &str)] = &[
        ("support", "page-title = Troubleshooting\n"),
        ("robots", "page-title = Gort!\n"),
    ];
    write_tree(dir.path(), files, "lv", files);
    assert_eq!(tree_findings(dir.path()), Vec::<String>::new());
}

#[test]
fn numbers_are_read_as_each_locale_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let source: &[(&str, &str)] = &[(
        "app",
        "a = The floods of January 2024 cut the road for two weeks. In 2024, 2,318 people had to leave, twice as many as before.\nb = It costs 2.5 million euros, by November.\n",
    )];
    let faithful = [
        (
            "de",
            "a = Das Hochwasser vom Januar 2024 hat die Straße zwei Wochen lang unterbrochen. Im Tal mussten 2024 2.318 Menschen gehen, doppelt so viele wie davor.\nb = Es kostet 2,5 Millionen Euro, bis November.\n",
        ),
        (
            "ja",
            "a = 2024年1月の洪水で道路が2週間寸断された。2024年には2,318人が避難し、2倍になった。\nb = 費用は250万ユーロで、11月までに。\n",
        ),
        (
            "fr",
            "a = Les crues de janvier 2024 ont coupé la route deux semaines. En 2024, 2\u{202F}318 personnes ont dû partir, deux fois plus qu’avant.\nb = Cela coûte 2,5\u{A0}millions d’euros, d’ici novembre.\n",
        ),
        (
            "fa",
            "a = سیل ژانویهٔ ۲۰۲۴ جاده را دو هفته بست. در ۲۰۲۴، ۲٬۳۱۸ نفر ناچار به ترک شدند.\nb = هزینه ۲٫۵ میلیون یورو است، تا نوامبر.\n",
        ),
    ];
    for (locale, text) in faithful {
        write_tree(dir.path(), source, locale, &[("app", text)]);
        assert_eq!(tree_findings(dir.path()), Vec::<String>::new(), "{locale}");
    }
    let planted = [
        (
            "de",
            "a = Das Hochwasser vom Januar 2024 hat die Straße zwei Wochen lang unterbrochen. Im Tal mussten 2042 2.318 Menschen gehen, doppelt so viele wie davor.\nb = Es kostet 25 Millionen Euro, bis November.\n",
        ),
        (
            "ja",
            "a = 2024年1月の洪水で道路が2週間寸断された。2024年には2,381人が避難し、2倍になった。\nb = 費用は25万ユーロで、11月までに。\n",
        ),
    ];
    for (locale, text) in planted {
        write_tree(dir.path(), source, locale, &[("app", text)]);
        assert_eq!(
            tree_findings(dir.path()),
            [
                format!("changed-number {locale} a l10n/{locale}/app.ftl:1:1"),
                format!("changed-number {locale} b l10n/{locale}/app.ftl:2:1"),
            ],
            "{locale}"
        );
    }
}

#[test]
fn html_of_a_tree_is_compared_tag_by_tag() {
    let dir = tempfile::tempdir().unwrap();
    let source: &[(&str, &str)] = &[(
        "app",
        "-brand = Firefox\na =\n    <div data-l10n-name=\"line1\">Import</div>\n    <div data-l10n-name=\"line2\">for { $host }</div>\nb = You agree to { -brand }’s <a data-l10n-name=\"privacy\">Privacy Notice</a>\nc = Blocked.\n",
    )];
    let translated: &[(&str, &str)] = &[(
        "app",
        "-brand = Firefox\na =\n    <div data-l10n-name = \"line1\">Importer</div >\n    <div data-l10n-name='line2'>pour { $host }</div>\nb = Vous acceptez <a data-l10n-name=\"privacy\">la politique</a> de { -brand }\nc = Bloqué.\n",
    )];
    write_tree(dir.path(), source, "fr", translated);
    assert_eq!(tree_findings(dir.path()), Vec::<String>::new());
    let broken: &[(&str, &str)] = &[(
        "app",
        "-brand = Firefox\na =\n    <div data-l10n-name=\"line1\">Importer</div>\n    <div data-l10n-name=\"line2\">pour { $host }</div>\nb = Vous acceptez <a data-l10n-name=\"privacy\">la politique</a de { -brand } >\nc = <p>Bloqué.</p>\n",
    )];
    write_tree(dir.path(), source, "bs", broken);
    assert_eq!(
        tree_findings(dir.path()),
        [
            "changed-markup bs b l10n/bs/app.ftl:5:1",
            "changed-markup bs c l10n/bs/app.ftl:6:1"
        ]
    );
}

#[test]
fn a_tree_keeps_directional_marks_emphasis_and_the_sources_unsafe_links() {
    let dir = tempfile::tempdir().unwrap();
    let source: &[(&str, &str)] = &[(
        "app",
        "-brand = Firefox\na = Import from { -brand }\nb = Terminated by <xsl:message>.\nc = Please help us *fix* it\n",
    )];
    let translated: &[(&str, &str)] = &[(
        "app",
        "-brand = Firefox\na = درون‌برد از \u{200F}{ -brand }\nb = اتمام توسط <xsl:message>.\nc = لطفا کمک کنید\n",
    )];
    write_tree(dir.path(), source, "fa", translated);
    assert_eq!(tree_findings(dir.path()), Vec::<String>::new());
}
