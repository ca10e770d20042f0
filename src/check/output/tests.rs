//! Every format on a fixture with findings of every category, snapshotted;
//! and the JSON report against its schema.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::*;
use crate::check::{check, check_tree, check_tree_each};
use crate::code::{Category, Code};
use crate::project::{Project, load_tree};

/// The fixture whose findings span every category.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-category")
}

fn fixture_report() -> Report {
    let project = Project::load(&fixture()).expect("the fixture loads");
    check(&project, &[], &[]).expect("the fixture is checked")
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// Where the fixture's report says its files are.
fn base() -> Base {
    Base::from_uri("file:///projects/every-category/", "")
}

fn text(format: OutputFormat, report: &Report) -> String {
    String::from_utf8(format.to_bytes(report, &base(), false)).expect("reports are UTF-8")
}

/// A small tree: `en` and `fr` (with findings) and `de` (with one), in a
/// folder whose name needs escaping in a URI.
fn small_tree() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("my l10n");
    for (path, text) in [
        ("en/app.ftl", "a = Hello\nb = { $n } files\n"),
        ("en/sub/more.ftl", "c = More\n"),
        ("fr/app.ftl", "a = Bonjour\nold = Vieux\n"),
        ("de/app.ftl", "a = Hallo\nb = { $n } Dateien\n"),
    ] {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    (dir, root)
}

#[test]
fn a_tree_streamed_a_locale_at_a_time_is_the_report_written_whole() {
    let (_dir, root) = small_tree();
    let tree = load_tree(&root, "en").unwrap();
    let policy = Default::default();
    let whole = check_tree(&tree, &policy).unwrap();
    assert!(whole.findings.iter().any(|f| f.locale == "de"));
    assert!(whole.findings.iter().any(|f| f.locale == "fr"));
    let base = Base::of(&root, &root).unwrap();
    for format in OutputFormat::ALL {
        let mut streamed = Vec::new();
        let mut writer = Writer::new(format, base.clone(), &mut streamed).unwrap();
        let mut order = Vec::new();
        check_tree_each(&tree, &policy, &mut |locale| {
            order.push(locale.locale.clone());
            writer.locale(&locale.part())
        })
        .unwrap();
        assert!(writer.finish(false).unwrap(), "the tree has errors");
        assert_eq!(order, ["en", "de", "fr"]);
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(format.to_bytes(&whole, &base, false)).unwrap(),
            "{}",
            format.name()
        );
    }
}

#[test]
fn sarif_names_the_tree_folder_as_its_base_and_files_relative_to_it() {
    let (_dir, root) = small_tree();
    let tree = load_tree(&root, "en").unwrap();
    let report = check_tree(&tree, &Default::default()).unwrap();
    let base = Base::of(&root, &root).unwrap();
    let log: serde_json::Value =
        serde_json::from_slice(&OutputFormat::Sarif.to_bytes(&report, &base, false)).unwrap();
    let run = &log["runs"][0];
    let uri = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(uri.starts_with("file:///"), "{uri}");
    assert!(uri.ends_with("/my%20l10n/"), "{uri}");
    let uris: BTreeSet<&str> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let artifact = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
            artifact["uri"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        uris,
        BTreeSet::from(["de/sub/more.ftl", "fr/app.ftl", "fr/sub/more.ftl"])
    );
}

#[test]
fn a_json_report_streams_its_findings_before_its_totals() {
    let text = text(OutputFormat::Json, &fixture_report());
    let at = |key: &str| text.find(&format!("\n  \"{key}\":")).unwrap();
    assert!(at("version") < at("findings"));
    for total in ["coverage", "ok", "errors", "warnings", "waived"] {
        assert!(at("findings") < at(total), "{total}");
    }
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["version"], 2);
}

#[test]
fn the_fixture_has_findings_of_every_category_and_fails() {
    let report = fixture_report();
    let found: BTreeSet<Category> = report.findings.iter().map(|f| f.code.category()).collect();
    let all: BTreeSet<Category> = Category::ALL.into_iter().collect();
    assert_eq!(found, all);
    assert!(report.fails(false));
}

#[test]
fn every_format_writes_the_fixture_as_reviewed() {
    let report = fixture_report();
    snapshot_settings().bind(|| {
        for format in OutputFormat::ALL {
            insta::assert_snapshot!(
                format!("output__every-category__{}", format.name()),
                text(format, &report)
            );
        }
    });
}

#[test]
fn names_are_unique_and_summaries_one_phrase() {
    let names: BTreeSet<&str> = OutputFormat::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names.len(), OutputFormat::ALL.len());
    assert!(!names.contains("human"), "human is the binary's");
    for format in OutputFormat::ALL {
        assert!(!format.summary().ends_with('.'), "{}", format.name());
    }
}

#[test]
fn every_sarif_rule_is_a_code_with_its_explanation_and_level() {
    let log: serde_json::Value =
        serde_json::from_str(&text(OutputFormat::Sarif, &fixture_report())).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), Code::COUNT);
    for (rule, code) in rules.iter().zip(Code::ALL) {
        assert_eq!(rule["id"], code.as_str());
        assert_eq!(rule["shortDescription"]["text"], code.explanation());
        assert_eq!(
            rule["defaultConfiguration"]["level"],
            code.default_severity().as_str()
        );
    }
}

/// The shipped report schema, compiled.
struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new() -> Self {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(json::SCHEMA_FILE);
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let url = "file:///schemas/report.schema.json";
        let mut compiler = boon::Compiler::new();
        compiler.add_resource(url, schema).unwrap();
        let mut schemas = boon::Schemas::new();
        let index = compiler.compile(url, &mut schemas).unwrap();
        Validator { schemas, index }
    }

    fn errors(&self, document: &serde_json::Value) -> Option<String> {
        self.schemas
            .validate(document, self.index)
            .err()
            .map(|e| format!("{e:#}"))
    }
}

#[test]
fn the_shipped_report_schema_is_generated_from_the_codes() {
    crate::generated::assert_file(json::SCHEMA_FILE, &json::schema());
}

#[test]
fn json_reports_of_a_project_and_of_a_tree_follow_the_schema() {
    let validator = Validator::new();
    let project: serde_json::Value =
        serde_json::from_str(&text(OutputFormat::Json, &fixture_report())).unwrap();
    assert_eq!(validator.errors(&project), None);

    let dir = tempfile::tempdir().unwrap();
    for (path, text) in [
        ("en/app.ftl", "a = Hello\nb = { $n } files\n"),
        ("fr/app.ftl", "a = Bonjour\nold = Vieux\n"),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let tree = load_tree(dir.path(), "en").unwrap();
    let report = check_tree(&tree, &Default::default()).unwrap();
    assert!(!report.findings.is_empty());
    let tree: serde_json::Value = serde_json::from_str(&text(OutputFormat::Json, &report)).unwrap();
    assert_eq!(validator.errors(&tree), None);
}

#[test]
fn the_schema_refuses_an_unknown_code_and_a_missing_field() {
    let validator = Validator::new();
    let report: serde_json::Value =
        serde_json::from_str(&text(OutputFormat::Json, &fixture_report())).unwrap();
    let mut unknown = report.clone();
    unknown["findings"][0]["code"] = "missing-mesage".into();
    assert!(validator.errors(&unknown).is_some());
    let mut without = report;
    without["findings"][0]
        .as_object_mut()
        .unwrap()
        .remove("line");
    assert!(validator.errors(&without).is_some());
}
