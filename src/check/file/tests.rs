use std::path::PathBuf;

use super::*;
use crate::check::ALL_FILES;
use crate::config::LocaleSettings;
use crate::coverage::Coverage;
use crate::ftl::FtlFile;
use crate::lang::Lang;

fn locale(tag: &str, resources: &[(&str, &str)]) -> LocaleFiles {
    let mut files = LocaleFiles {
        settings: LocaleSettings::new(Lang::parse(tag).unwrap()),
        folder: PathBuf::from(tag),
        files: BTreeMap::new(),
        refused: Default::default(),
    };
    for (name, text) in resources {
        let path = PathBuf::from(format!("{tag}/{name}.ftl"));
        files.files.insert(
            (*name).to_owned(),
            FtlFile::parse(path, (*text).to_owned()).into(),
        );
    }
    files
}

/// The codes and message ids `check_file` reports for resource `app`.
fn checked(source: &LocaleFiles, files: &LocaleFiles) -> Vec<(&'static str, Option<String>)> {
    let defined = fluent::defined_names(files);
    let shapes = source_shapes(source, &|_| true);
    let rules = Rules {
        defined: &defined,
        policy: &CheckPolicy::default(),
        markup: text::Markup::Tree,
        functions: crate::ids::FLUENT_FUNCTIONS,
        shapes: &shapes,
        plurals: &PluralCategories::of(files.lang()),
        given: &BTreeMap::new(),
        full: true,
    };
    let mut found = Vec::new();
    check_file(source, files, "app", None, &rules, &mut found);
    found
        .into_iter()
        .map(|f| (f.code.as_str(), f.message_id))
        .collect()
}

fn coverage(source: &LocaleFiles, files: &LocaleFiles) -> (usize, usize) {
    let mut coverage = Coverage {
        letter: ALL_FILES.to_owned(),
        locale: files.lang().tag().to_owned(),
        required: true,
        status: files.settings.status,
        translated: 0,
        total: 0,
        words_translated: 0,
        words_total: 0,
    };
    coverage.add(source.file("app").unwrap(), files.file("app"));
    (coverage.translated, coverage.total)
}

#[test]
fn a_message_with_attributes_alone_is_reported_missing_and_counted() {
    let source = locale("en", &[("app", "a = A\nb =\n    .label = B\n")]);
    let without = locale("fr", &[("app", "a = A fr\n")]);
    assert_eq!(
        checked(&source, &without),
        [("missing-message", Some("b".to_owned()))]
    );
    assert_eq!(coverage(&source, &without), (1, 2));

    let with = locale("fr", &[("app", "a = A fr\nb =\n    .label = B fr\n")]);
    assert!(checked(&source, &with).is_empty());
    assert_eq!(coverage(&source, &with), (2, 2));
}

#[test]
fn a_message_the_source_gives_a_value_needs_one() {
    let source = locale("en", &[("app", "a = A\n    .title = T\n")]);
    let target = locale("fr", &[("app", "a =\n    .title = T fr\n")]);
    assert_eq!(
        checked(&source, &target),
        [("missing-message", Some("a".to_owned()))]
    );
    assert_eq!(coverage(&source, &target), (0, 1));
}
