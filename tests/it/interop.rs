//! XLIFF and PO round trips: export a locale, edit the file as a CAT tool
//! would, import it, and compare every byte the import should not touch.
//! (Real readers, translate-toolkit and GNU gettext, read and edit the same
//! files in `tests/interop/readers.py`, which `.ci/run` runs.)

use std::fs;
use std::path::Path;

use crate::support::{
    LOCALES, copy_project, edit, fixture, letterkit, read_tree, shipped, snapshot_settings,
};

fn read(project: &Path, path: &str) -> String {
    fs::read_to_string(project.join(path)).expect("the file exists")
}

fn export(project: &Path, format: &str, locale: &str, out: &Path) {
    let run = letterkit(
        project,
        &[
            "export",
            "--format",
            format,
            "--locale",
            locale,
            "--out",
            out.to_str().expect("a UTF-8 path"),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
}

fn import(project: &Path, file: &Path) -> crate::support::Run {
    letterkit(project, &["import", file.to_str().expect("a UTF-8 path")])
}

/// The small fixture with a draft pt-BR scaffolded by `locale add`.
fn with_new_locale() -> tempfile::TempDir {
    let project = copy_project(&fixture("small"));
    let run = letterkit(project.path(), &["locale", "add", "pt-BR"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    project
}

#[test]
fn export_then_import_without_edits_changes_no_byte() {
    let project = copy_project(&shipped());
    let before = read_tree(project.path());
    let files = tempfile::tempdir().expect("a folder for the exports");
    for locale in &LOCALES[1..] {
        for (format, extension) in [("xliff", "xlf"), ("po", "po")] {
            let file = files.path().join(format!("{locale}.{extension}"));
            export(project.path(), format, locale, &file);
            let run = import(project.path(), &file);
            assert_eq!(run.code, 0, "{}", run.transcript());
            assert!(
                run.stdout.contains(" 0 written, 0 cleared"),
                "{locale} {format}: {}",
                run.stdout
            );
        }
    }
    assert!(read_tree(project.path()) == before, "no file changed");
}

#[test]
fn exports_carry_state_notes_and_codes() {
    let project = with_new_locale();
    edit(
        &project.path().join("locales/pt-BR/notice.ftl"),
        "# closing = Yours,",
        "closing = Atenciosamente,",
    );
    let files = tempfile::tempdir().expect("a folder for the exports");
    let xliff = files.path().join("pt-BR.xlf");
    let po = files.path().join("pt-BR.po");
    export(project.path(), "xliff", "pt-BR", &xliff);
    export(project.path(), "po", "pt-BR", &po);
    snapshot_settings().bind(|| {
        insta::assert_snapshot!(
            "interop__small_pt-BR_xliff",
            fs::read_to_string(&xliff).unwrap()
        );
        insta::assert_snapshot!("interop__small_pt-BR_po", fs::read_to_string(&po).unwrap());
    });
    let xliff = fs::read_to_string(&xliff).unwrap();
    assert_eq!(
        xliff.matches("<file ").count(),
        2,
        "one <file> per resource"
    );
    assert!(xliff.contains(
        "<source>We ask you to open the library on Sundays, as <g id=\"1\" ctype=\"italic\">most</g> residents want.<x id=\"2\" ctype=\"x-markdown-note\" equiv-text=\"[^report]\"/> We ask you to:</source>"
    ));
    assert!(xliff.contains("<target state=\"translated\">Atenciosamente,</target>"));
    let po = fs::read_to_string(&po).unwrap();
    assert!(
        po.contains("msgctxt \"notice/closing\"\nmsgid \"Yours,\"\nmsgstr \"Atenciosamente,\"\n")
    );
    assert!(!po.contains("-format"), "no format flag");
}

#[test]
fn a_translated_unit_replaces_its_scaffold_and_nothing_else() {
    let project = with_new_locale();
    let file = project.path().join("pt-BR.xlf");
    export(project.path(), "xliff", "pt-BR", &file);
    let before = read(project.path(), "locales/pt-BR/notice.ftl");
    edit(
        &file,
        "<source>Open the library on Sundays</source>\n        <target state=\"needs-translation\"/>",
        "<source>Open the library on Sundays</source>\n        <target state=\"translated\">Abrir a biblioteca aos domingos</target>",
    );
    let run = import(project.path(), &file);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.starts_with("pt-BR: 1 written,"),
        "{}",
        run.stdout
    );
    let after = read(project.path(), "locales/pt-BR/notice.ftl");
    assert_eq!(
        after,
        before.replacen(
            "# subject = Open the library on Sundays\n",
            "subject = Abrir a biblioteca aos domingos\n",
            1
        ),
        "only the scaffold's line changed"
    );
    assert!(
        read(project.path(), "locales/pt-BR/translated-from.toml").contains(
            "[notice.subject]\nsource = \"Open the library on Sundays\"\ntranslation = \"Abrir a biblioteca aos domingos\"\n"
        ),
        "the lock records what the translation was made from"
    );
    let sync = letterkit(project.path(), &["locale", "sync", "--check", "pt-BR"]);
    assert_eq!(sync.code, 0, "nothing left for sync: {}", sync.transcript());
    let check = letterkit(
        project.path(),
        &["check", "--locale", "pt-BR", "--format", "json"],
    );
    assert!(
        !check.stdout.contains("\"message_id\": \"subject\""),
        "{}",
        check.stdout
    );
    let build = letterkit(project.path(), &["build", "--locale", "pt-BR"]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    let page = read(project.path(), "dist/notice/pt-BR/index.html");
    assert!(page.contains("Abrir a biblioteca aos domingos"));
}

#[test]
fn a_po_translation_with_markup_and_codes_is_written_as_fluent() {
    let project = with_new_locale();
    let file = project.path().join("pt-BR.po");
    export(project.path(), "po", "pt-BR", &file);
    edit(
        &file,
        "msgid \"We ask you to open the library on Sundays, as *most* residents want.[^report] We ask you to:\"\nmsgstr \"\"",
        "msgid \"We ask you to open the library on Sundays, as *most* residents want.[^report] We ask you to:\"\nmsgstr \"Pedimos que abra a biblioteca aos domingos, como *a maioria* dos moradores deseja.[^report] Pedimos que:\"",
    );
    let run = import(project.path(), &file);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        read(project.path(), "locales/pt-BR/notice.ftl").contains(
            "\nbody-request = Pedimos que abra a biblioteca aos domingos, como *a maioria* dos moradores deseja.[^report] Pedimos que:\n"
        )
    );
}

#[test]
fn a_unit_made_from_an_older_source_is_stale_and_left_out() {
    let project = with_new_locale();
    let file = project.path().join("pt-BR.po");
    export(project.path(), "po", "pt-BR", &file);
    edit(
        &file,
        "msgid \"Publish the new hours.\"\nmsgstr \"\"",
        "msgid \"Publish the new hours.\"\nmsgstr \"Publicar o novo horário.\"",
    );
    edit(
        &file,
        "msgid \"Yours,\"\nmsgstr \"\"",
        "msgid \"Yours,\"\nmsgstr \"Atenciosamente,\"",
    );
    edit(
        &project.path().join("locales/en/notice.ftl"),
        "demand-publish = Publish the new hours.",
        "demand-publish = Publish the new opening hours.",
    );
    let run = import(project.path(), &file);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("warning: notice/demand-publish: stale, left out: the source text changed"),
        "{}",
        run.stderr
    );
    let after = read(project.path(), "locales/pt-BR/notice.ftl");
    assert!(after.contains("\nclosing = Atenciosamente,\n"), "{after}");
    assert!(!after.contains("Publicar"), "{after}");
}

#[test]
fn an_error_in_one_unit_writes_nothing() {
    let project = with_new_locale();
    let before = read_tree(project.path());
    let file = project.path().join("pt-BR.po");
    export(project.path(), "po", "pt-BR", &file);
    edit(
        &file,
        "msgid \"Yours,\"\nmsgstr \"\"",
        "msgid \"Yours,\"\nmsgstr \"[Atenciosamente](javascript:alert(1)),\"",
    );
    edit(
        &file,
        "msgid \"Chair\"\nmsgstr \"\"",
        "msgid \"Chair\"\nmsgstr \"Presidente { $who\"",
    );
    edit(
        &file,
        "msgid \"Publish the new hours.\"\nmsgstr \"\"",
        "msgid \"Publish the new hours.\"\nmsgstr \"Publicar o novo horário.\"",
    );
    let run = import(project.path(), &file);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.contains(": notice/closing: unsafe-link: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(": notice/signatory-title: syntax-error: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("error: nothing written"),
        "{}",
        run.stderr
    );
    fs::remove_file(&file).unwrap();
    assert!(read_tree(project.path()) == before, "no file changed");
}

#[test]
fn a_stale_translation_marked_translated_is_cleared_on_purpose() {
    let project = copy_project(&fixture("small"));
    let run = letterkit(project.path(), &["locale", "sync"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    edit(
        &project.path().join("locales/en/notice.ftl"),
        "closing = Yours,",
        "closing = Yours sincerely,",
    );
    let run = letterkit(project.path(), &["locale", "sync"]);
    assert!(
        run.stdout.contains("stale: notice `closing`"),
        "{}",
        run.stdout
    );
    let flagged = read(project.path(), "locales/es/notice.ftl");
    assert!(flagged.contains("# stale: "));

    let file = project.path().join("es.xlf");
    export(project.path(), "xliff", "es", &file);
    let xliff = fs::read_to_string(&file).unwrap();
    let closing = xliff
        .split("<trans-unit id=\"closing\"")
        .nth(1)
        .and_then(|unit| unit.split("</trans-unit>").next())
        .expect("the closing unit");
    assert!(
        closing.contains("<target state=\"needs-review-translation\">"),
        "{closing}"
    );
    assert!(closing.contains("It was: Yours,"), "{closing}");

    // Imported unchanged and still to review: nothing changes.
    let run = import(project.path(), &file);
    assert!(
        run.stdout.contains(" 0 written, 0 cleared"),
        "{}",
        run.stdout
    );
    assert_eq!(read(project.path(), "locales/es/notice.ftl"), flagged);

    // Marked translated, the words unchanged: the flag goes on purpose.
    let reviewed = xliff.replacen(
        "<target state=\"needs-review-translation\">",
        "<target state=\"translated\">",
        1,
    );
    fs::write(&file, reviewed).unwrap();
    let run = import(project.path(), &file);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains(" 1 cleared"), "{}", run.stdout);
    let cleared = read(project.path(), "locales/es/notice.ftl");
    assert!(!cleared.contains("# stale: "), "{cleared}");
    let mut unflagged: Vec<&str> = flagged
        .lines()
        .filter(|l| {
            !(l.starts_with("# stale: ")
                || l.starts_with("#   was: ")
                || l.starts_with("#   now: "))
        })
        .collect();
    unflagged.push("");
    assert_eq!(cleared, unflagged.join("\n"), "only the flag lines went");
    let sync = letterkit(project.path(), &["locale", "sync", "--check"]);
    assert_eq!(sync.code, 0, "{}", sync.transcript());
    let status = letterkit(project.path(), &["status", "--format", "json"]);
    assert!(!status.stdout.contains("\"closing\""), "{}", status.stdout);
}

#[test]
fn a_plural_is_one_unit_of_its_whole_fluent_text() {
    let project = with_new_locale();
    let source = project.path().join("locales/en/common.ftl");
    let mut text = fs::read_to_string(&source).unwrap();
    text.push_str(
        "# How many people signed; $count is their number.\nsignatures = { $count ->\n    [one] One person signed.\n   *[other] { $count } people signed.\n}\n",
    );
    fs::write(&source, text).unwrap();
    let run = letterkit(project.path(), &["locale", "sync", "pt-BR"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let file = project.path().join("pt-BR.po");
    export(project.path(), "po", "pt-BR", &file);
    let po = fs::read_to_string(&file).unwrap();
    let source_text = "msgid \"\"\n\"{ $count ->\\n\"\n\"    [one] One person signed.\\n\"\n\"   *[other] { $count } people signed.\\n\"\n\"}\"\nmsgstr \"\"";
    assert!(po.contains(source_text), "{po}");
    assert!(
        po.contains("#. This is the message's whole Fluent text"),
        "{po}"
    );
    edit(
        &file,
        source_text,
        &source_text.replace(
            "msgstr \"\"",
            "msgstr \"\"\n\"{ $count ->\\n\"\n\"    [one] Uma pessoa assinou.\\n\"\n\"   *[other] { $count } pessoas assinaram.\\n\"\n\"}\"",
        ),
    );
    let run = import(project.path(), &file);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let common = read(project.path(), "locales/pt-BR/common.ftl");
    assert!(
        common.contains(
            "# How many people signed; $count is their number.\nsignatures = { $count ->\n    [one] Uma pessoa assinou.\n   *[other] { $count } pessoas assinaram.\n}\n"
        ),
        "{common}"
    );
    let check = letterkit(
        project.path(),
        &["check", "--locale", "pt-BR", "--format", "json"],
    );
    assert!(
        !check.stdout.contains("\"message_id\": \"signatures\""),
        "{}",
        check.stdout
    );
}

#[test]
fn a_malformed_file_is_refused_with_its_line_and_column() {
    let project = with_new_locale();
    let file = project.path().join("broken.xlf");
    fs::write(
        &file,
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n  <file original=\"notice.ftl\" source-language=\"en\" target-language=\"pt-BR\" datatype=\"x-fluent\">\n    <body>\n      <trans-unit id=\"subject\"><source>A</target></trans-unit>\n",
    )
    .unwrap();
    let run = import(project.path(), &file);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("broken.xlf:5:"), "{}", run.stderr);
    let header = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n  <file original=\"notice.ftl\" source-language=\"en\" target-language=\"pt-BR\" datatype=\"x-fluent\">\n    <body>\n";
    let deep = format!(
        "{header}      <trans-unit id=\"subject\"><source>A</source><target>{}B{}</target></trans-unit>\n    </body>\n  </file>\n</xliff>\n",
        "<g id=\"1\">".repeat(100_000),
        "</g>".repeat(100_000)
    );
    fs::write(&file, deep).unwrap();
    let run = import(project.path(), &file);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("nested more than"), "{}", run.stderr);
    let entity = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n{}",
        &header[22..]
    ) + "      <trans-unit id=\"subject\"><source>Open the library on Sundays</source><target state=\"translated\">&b;</target></trans-unit>\n    </body>\n  </file>\n</xliff>\n";
    fs::write(&file, entity).unwrap();
    let run = import(project.path(), &file);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("unknown entity &b;"), "{}", run.stderr);
    let run = import(project.path(), &project.path().join("missing.po"));
    assert_eq!(run.code, 2, "{}", run.transcript());
    let file = project.path().join("source.po");
    fs::write(&file, "msgid \"\"\nmsgstr \"Language: en\\n\"\n").unwrap();
    let run = import(project.path(), &file);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("`en` is the source locale"),
        "{}",
        run.stderr
    );
}
