//! The translator's workflow: add a locale, translate part of it, change the
//! source, sync, and see what is left.

use std::fs;
use std::path::Path;

use crate::support::{copy_project, edit, fixture, letterkit, snapshot_settings};

fn read(project: &Path, path: &str) -> String {
    fs::read_to_string(project.join(path)).expect("the file exists")
}

#[test]
fn adding_a_locale_scaffolds_every_message_commented_out() {
    let project = copy_project(&fixture("small"));
    let run = letterkit(project.path(), &["locale", "add", "pt-BR"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        read(project.path(), "locales/pt-BR/translated-from.toml")
            .contains("[notice.subject]\nsource = \"Open the library on Sundays\"\n"),
        "the lock records what each scaffold shows"
    );
    let config = read(project.path(), "letterkit.toml");
    assert!(
        config.ends_with("\n[[locales]]\ntag = \"pt-BR\"\nrequired = false\nstatus = \"draft\"\n")
    );
    snapshot_settings().bind(|| {
        insta::assert_snapshot!(
            "locale_add__notice",
            read(project.path(), "locales/pt-BR/notice.ftl")
        );
        insta::assert_snapshot!(
            "locale_add__common",
            read(project.path(), "locales/pt-BR/common.ftl")
        );
    });

    let check = letterkit(project.path(), &["check", "--locale", "pt-BR"]);
    assert_eq!(
        check.code,
        0,
        "an optional locale only warns: {}",
        check.transcript()
    );
    assert!(
        check.stdout.contains(
            "notice                       pt-BR    no        draft           0/10    0%        0/48"
        ),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(
            "`subject` is not translated: add it (the source text is at locales/en/notice.ftl:2:1); until then the en text is shown\n --> locales/pt-BR/notice.ftl:3:1\n"
        ),
        "a missing message points at its scaffold: {}",
        check.stdout
    );
    let build = letterkit(project.path(), &["build"]);
    assert_eq!(
        build.code,
        0,
        "an empty locale still builds, in English: {}",
        build.transcript()
    );
}

#[test]
fn bad_or_existing_locales_are_refused() {
    let project = copy_project(&fixture("small"));
    for (tag, message) in [
        ("en_US", "write `en-US`"),
        ("../x", "is not a BCP 47 language tag"),
        ("", "is not a BCP 47 language tag"),
        ("es", "locale `es` already exists"),
    ] {
        let run = letterkit(project.path(), &["locale", "add", tag]);
        assert_eq!(run.code, 2, "{tag:?}: {}", run.transcript());
        assert!(run.stderr.contains(message), "{tag:?}: {}", run.stderr);
    }
    assert!(!project.path().join("locales/x").exists());
    assert_eq!(
        read(project.path(), "letterkit.toml"),
        read(&fixture("small"), "letterkit.toml")
    );
}

#[test]
fn translate_change_the_source_sync_and_see_what_is_left() {
    let project = copy_project(&fixture("small"));
    let root = project.path();
    assert_eq!(letterkit(root, &["locale", "add", "pt-BR"]).code, 0);

    // The translator fills in two messages.
    let pt = root.join("locales/pt-BR/notice.ftl");
    edit(
        &pt,
        "# subject = Open the library on Sundays",
        "subject = Abrir a biblioteca aos domingos",
    );
    edit(
        &pt,
        "# salutation = Dear Mayor Doe,",
        "salutation = Prezada prefeita Doe,",
    );
    let first = letterkit(root, &["locale", "sync"]);
    assert_eq!(first.code, 0, "{}", first.transcript());
    // One more, translated from its scaffold after that sync.
    edit(&pt, "# closing = Yours,", "closing = Atenciosamente,");

    // The source changes: one sentence reworded, one added, one removed.
    let en = root.join("locales/en/notice.ftl");
    edit(
        &en,
        "subject = Open the library on Sundays",
        "subject = Open the public library on Sundays",
    );
    edit(
        &en,
        "demand-publish = Publish the new hours.\n",
        "demand-publish = Publish the new hours.\ndemand-report = Report on the first year.\n",
    );
    edit(&en, "closing = Yours,\n", "closing = Yours sincerely,\n");
    edit(&en, "demand-open = Open it from 10:00 to 16:00.\n", "");
    let letter = root.join("content/notice/letter.toml");
    edit(
        &letter,
        "list = [\"demand-open\", \"demand-publish\"]",
        "list = [\"demand-publish\", \"demand-report\"]",
    );

    let dry = letterkit(root, &["locale", "sync", "--check"]);
    assert_eq!(dry.code, 1, "{}", dry.transcript());
    let sync = letterkit(root, &["locale", "sync"]);
    assert_eq!(sync.code, 0, "{}", sync.transcript());
    let status = letterkit(root, &["status"]);
    assert_eq!(status.code, 0);
    let check = letterkit(root, &["check", "--locale", "es"]);
    assert!(check.stdout.contains("warning: [stale-translation] es: `closing` was translated from an older source text; update it (was: \"Yours,\"; now: \"Yours sincerely,\")"), "{}", check.stdout);
    assert!(
        check_pt_flags_closing(root),
        "a translation made from a scaffold is stale once its source changes"
    );
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("locale_sync__transcript", sync.transcript());
        insta::assert_snapshot!("locale_sync__es", read(root, "locales/es/notice.ftl"));
        insta::assert_snapshot!("locale_sync__pt-BR", read(root, "locales/pt-BR/notice.ftl"));
        insta::assert_snapshot!("locale_sync__status", status.stdout);
    });

    // A second sync changes nothing.
    let synced_files = || {
        [
            "locales/es/notice.ftl",
            "locales/pt-BR/notice.ftl",
            "locales/es/translated-from.toml",
        ]
        .map(|p| read(root, p))
    };
    let before = synced_files();
    let again = letterkit(root, &["locale", "sync", "--check"]);
    assert_eq!(again.code, 0, "{}", again.transcript());
    assert_eq!(letterkit(root, &["locale", "sync"]).code, 0);
    assert_eq!(synced_files(), before);

    // Editing the stale translation alone (a final comma deleted) keeps it
    // stale, through a sync too: only a deliberate act clears it.
    let es = root.join("locales/es/notice.ftl");
    edit(&es, "closing = Atentamente,", "closing = Atentamente");
    assert_eq!(letterkit(root, &["locale", "sync"]).code, 0);
    let check = letterkit(root, &["check", "--locale", "es"]);
    assert!(
        check.stdout.contains("[stale-translation] es: `closing`"),
        "{}",
        check.stdout
    );
    assert!(read(root, "locales/es/notice.ftl").contains("#   was: Yours,"));

    // `locale resolve` clears it, and removes the flag.
    let resolve = letterkit(root, &["locale", "resolve", "es", "closing"]);
    assert_eq!(resolve.code, 0, "{}", resolve.transcript());
    assert_eq!(resolve.stdout, "es: `closing` (notice) marked up to date\n");
    let es_text = read(root, "locales/es/notice.ftl");
    assert!(!es_text.contains("#   was: Yours,"), "{es_text}");
    assert!(es_text.contains("\nclosing = Atentamente\n"), "{es_text}");
    let check = letterkit(root, &["check", "--locale", "es"]);
    assert!(
        !check.stdout.contains("[stale-translation] es: `closing`"),
        "{}",
        check.stdout
    );
    let unknown = letterkit(root, &["locale", "resolve", "es", "no-such-message"]);
    assert_eq!(unknown.code, 2, "{}", unknown.transcript());
    assert_eq!(letterkit(root, &["locale", "sync"]).code, 0);
    let es_text = read(root, "locales/es/notice.ftl");
    assert!(
        es_text.contains("#   was: Open the library on Sundays"),
        "{es_text}"
    );
    let json = letterkit(root, &["status", "--format", "json"]);
    let status: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let es_row = status["status"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["locale"] == "es" && r["letter"] == "notice")
        .unwrap();
    assert_eq!(es_row["stale"], 1);
    assert_eq!(es_row["state"], "partial", "demand-report is new: {es_row}");
}

fn check_pt_flags_closing(root: &Path) -> bool {
    read(root, "locales/pt-BR/notice.ftl")
        .contains("#   was: Yours,\n#   now: Yours sincerely,\nclosing = Atenciosamente,")
}

#[test]
fn marking_a_locale_reviewed_removes_the_draft_notice() {
    let project = copy_project(&fixture("small"));
    let draft = letterkit(
        project.path(),
        &["render", "notice", "es", "--format", "html"],
    );
    assert!(draft.stdout.contains("Esta traducción es un borrador."));
    edit(
        &project.path().join("letterkit.toml"),
        "tag = \"es\"\nrequired = true\nstatus = \"draft\"",
        "tag = \"es\"\nrequired = true\nstatus = \"reviewed\"",
    );
    let reviewed = letterkit(
        project.path(),
        &["render", "notice", "es", "--format", "html"],
    );
    assert_eq!(reviewed.code, 0);
    assert!(!reviewed.stdout.contains("class=\"notice\""));
}
