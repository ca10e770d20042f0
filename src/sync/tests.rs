use super::*;

fn file(text: &str) -> FtlFile {
    FtlFile::parse("x.ftl".into(), text.into())
}

/// A first sync of `translation` against `source`, with no lock yet.
fn first_sync(source: &str, translation: &str) -> SyncedFile {
    sync_file(&file(source), &file(translation), &BTreeMap::new(), &[])
}

#[test]
fn scaffolds_keep_notes_and_comment_out_the_entry() {
    let source = file("## Group\n\n# Note for translators\na = Hello\n    world\n\nb = Bye\n");
    assert_eq!(
        scaffold_resource(&source),
        "## Group\n\n# Note for translators\n# a = Hello\n#     world\n\n# b = Bye\n"
    );
    let source = file("a = A\nb = B\n");
    assert_eq!(
        scaffold_resource(&source),
        "# a = A\n\n# b = B\n",
        "scaffolds stand apart"
    );
    let scaffold = file(&scaffold_resource(&source));
    assert!(scaffold.errors.is_empty());
    assert_eq!(scaffold.messages().count(), 0);
}

#[test]
fn sync_adds_moves_and_is_idempotent() {
    let source = file("a = A\nb = B\nc = C\n");
    let target = file("a = Ah\n\n# mine\nold = Old\n\nc = Ce\n");
    let synced = sync_file(&source, &target, &BTreeMap::new(), &[]);
    assert_eq!(synced.added, ["b"]);
    assert_eq!(synced.moved, ["old"]);
    assert_eq!(
        synced.text,
        format!("a = Ah\n\n# b = B\n\nc = Ce\n\n# {OBSOLETE_HEADING}\n\n# mine\nold = Old\n")
    );
    let again = sync_file(&source, &file(&synced.text), &synced.lock, &[]);
    assert_eq!(again.text, synced.text);
    assert!(again.added.is_empty() && again.moved.is_empty());
}

#[test]
fn an_obsolete_message_moves_with_its_scaffolds_refreshed_once() {
    // Found by fuzzing: a scaffold in the comment above a message the
    // source no longer has was refreshed by the sync after the one that
    // moved it.
    let source = file("a = Hello\n");
    let target = file("# a = Hello (edited scaffold)\nold = Old\n");
    let synced = sync_file(&source, &target, &BTreeMap::new(), &[]);
    assert_eq!(synced.moved, ["old"]);
    let again = sync_file(&source, &file(&synced.text), &synced.lock, &[]);
    assert_eq!(again.text, synced.text);
}

#[test]
fn a_changed_source_flags_the_translation_until_the_flag_is_deleted() {
    let first = first_sync("a = Hello world\n", "a = Hola mundo\n");
    let changed_source = file("a = Hello,\n    wide world\n");
    let stale = sync_file(&changed_source, &file(&first.text), &first.lock, &[]);
    assert_eq!(stale.stale.len(), 1);
    assert_eq!(
        stale.text,
        format!(
            "{STALE_MARK}the source changed since this was translated: update the translation, or delete these three lines if it is still right\n{WAS_MARK}Hello world\n{NOW_MARK}Hello, wide world\na = Hola mundo\n"
        )
    );
    assert_eq!(
        sync_file(&changed_source, &file(&stale.text), &stale.lock, &[]).text,
        stale.text
    );
    // An edit keeps the flag: the translator clears it on purpose.
    let edited = stale.text.replace("Hola mundo", "Hola, ancho mundo");
    let still = sync_file(&changed_source, &file(&edited), &stale.lock, &[]);
    assert_eq!(still.stale.len(), 1);
    assert_eq!(still.text, edited);
    let cleared = "a = Hola, ancho mundo\n";
    let fresh = sync_file(&changed_source, &file(cleared), &still.lock, &[]);
    assert!(fresh.stale.is_empty());
    assert_eq!(fresh.text, cleared);
    assert_eq!(fresh.lock["a"].source, "Hello, wide world");
}

#[test]
fn deleting_the_flag_keeps_a_translation_that_is_still_right() {
    let first = first_sync("a = Hello\n", "a = Hola\n");
    let changed_source = file("a = Hello!\n");
    let stale = sync_file(&changed_source, &file(&first.text), &first.lock, &[]);
    assert_eq!(stale.stale.len(), 1);
    let kept = sync_file(&changed_source, &file("a = Hola\n"), &stale.lock, &[]);
    assert!(kept.stale.is_empty());
    assert_eq!(kept.text, "a = Hola\n");
    assert!(
        sync_file(&changed_source, &file(&kept.text), &kept.lock, &[])
            .stale
            .is_empty()
    );
}

#[test]
fn reformatting_the_source_is_not_a_change() {
    let first = first_sync("a = Hello world\n", "a = Hola\n");
    let reformatted = file("a =\n    Hello\n    world\n");
    assert!(
        sync_file(&reformatted, &file(&first.text), &first.lock, &[])
            .stale
            .is_empty()
    );
}

#[test]
fn a_translation_made_from_a_scaffold_is_stale_if_the_source_changed_before_sync() {
    let source = file("# Note\na = Hello\n");
    let scaffold = scaffold_resource(&source);
    let lock = lock::untranslated(&source);
    let translated = scaffold.replace("# a = Hello", "a = Hola");
    let changed_source = file("# Note\na = Hello again\n");
    let synced = sync_file(&changed_source, &file(&translated), &lock, &[]);
    assert_eq!(synced.stale.len(), 1);
    assert_eq!(synced.stale[0].was, "Hello");
    let edited = synced.text.replace("Hola", "Hola de nuevo");
    let still = sync_file(&changed_source, &file(&edited), &synced.lock, &[]);
    assert_eq!(still.stale.len(), 1);
    let cleared: String = edited
        .lines()
        .filter(|l| !l.starts_with("# stale") && !l.starts_with("#   "))
        .map(|l| format!("{l}\n"))
        .collect();
    let fresh = sync_file(&changed_source, &file(&cleared), &still.lock, &[]);
    assert!(fresh.stale.is_empty(), "{cleared}");
}

#[test]
fn an_untouched_scaffold_of_a_removed_message_goes_with_its_notes() {
    let source = file("# About a\na = A\n\n# About b\nb = B\n");
    let scaffold = scaffold_resource(&source);
    let lock = lock::untranslated(&source);
    let without_b = file("# About a\na = A\n");
    let synced = sync_file(&without_b, &file(&scaffold), &lock, &[]);
    assert_eq!(synced.text, "# About a\n# a = A\n");
    assert!(!synced.lock.contains_key("b"));

    let drafted = scaffold.replace("# b = B", "# b = Be (my draft)");
    let synced = sync_file(&without_b, &file(&drafted), &lock, &[]);
    assert!(
        synced.text.contains("# b = Be (my draft)"),
        "{}",
        synced.text
    );
}

#[test]
fn a_message_defined_twice_is_flagged_once_and_a_second_sync_changes_nothing() {
    // Found by fuzzing: with `a` defined twice, the first definition's flag
    // and the second's absence of one were both read as the message's state,
    // and the second sync removed the flag the first had written.
    let first = first_sync("a = Hello\n", "a = Hola\n");
    let changed_source = file("a = Hello!\n");
    let twice = file("a = Hola\na = Hola otra vez\n");
    let stale = sync_file(&changed_source, &twice, &first.lock, &[]);
    assert_eq!(stale.stale.len(), 1, "one message, one stale report");
    assert_eq!(
        stale.text.matches(STALE_MARK).count(),
        1,
        "only the definition Fluent uses is flagged: {}",
        stale.text
    );
    assert!(stale.text.ends_with("a = Hola\na = Hola otra vez\n"));
    let again = sync_file(&changed_source, &file(&stale.text), &stale.lock, &[]);
    assert_eq!(again.text, stale.text);
    assert_eq!(again.lock, stale.lock);
    assert_eq!(again.stale.len(), 1, "still stale: nobody cleared it");
}

#[test]
fn a_file_ending_in_a_carriage_return_alone_keeps_its_messages_when_scaffolds_follow() {
    // Found by fuzzing: the `\n` written after the file's last `\r` made a
    // line end of it, and fluent-syntax read the message before it anew.
    let source = "a = Hello\nb = Bye\n";
    for translation in ["a = Hola\r\r\n\r", "a = Hola\r", "a = Hola\n\r"] {
        let before = file(translation);
        let synced = first_sync(source, translation);
        let after = file(&synced.text);
        assert!(synced.text.contains("# b = Bye"), "{:?}", synced.text);
        assert_eq!(
            after.message("a").map(|m| format!("{:?}", m.value)),
            before.message("a").map(|m| format!("{:?}", m.value)),
            "{translation:?} -> {:?}",
            synced.text
        );
        let again = first_sync(source, &synced.text);
        assert_eq!(again.text, synced.text, "a second sync changes nothing");
    }
}
