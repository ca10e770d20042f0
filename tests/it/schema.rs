//! The JSON Schemas editors use: the shipped files are what `letterkit schema`
//! prints, and every TOML file the repository ships validates against them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{fixture, letterkit, shipped};

/// Validates TOML documents against one of the shipped schemas.
struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new(file: &str) -> Self {
        let path = shipped().join("schemas").join(file);
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let url = format!("file:///schemas/{file}");
        let mut compiler = boon::Compiler::new();
        compiler.enable_format_assertions();
        compiler.add_resource(&url, json).unwrap();
        let mut schemas = boon::Schemas::new();
        let index = compiler.compile(&url, &mut schemas).unwrap();
        Validator { schemas, index }
    }

    /// The validation errors of a TOML document, or none.
    fn errors(&self, toml_text: &str) -> Option<String> {
        let value: toml::Value = toml::from_str(toml_text).unwrap();
        let json = to_json(value);
        self.schemas
            .validate(&json, self.index)
            .err()
            .map(|e| format!("{e:#}"))
    }
}

/// TOML as the JSON an editor validates: dates become strings.
fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => f.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(to_json).collect(),
        toml::Value::Table(table) => table.into_iter().map(|(k, v)| (k, to_json(v))).collect(),
    }
}

fn toml_files(project: &Path) -> (PathBuf, Vec<PathBuf>) {
    let mut letters: Vec<PathBuf> = fs::read_dir(project.join("content"))
        .unwrap()
        .map(|entry| entry.unwrap().path().join("letter.toml"))
        .collect();
    letters.sort();
    (project.join("letterkit.toml"), letters)
}

#[test]
fn shipped_schemas_are_what_letterkit_generates() {
    for (which, file) in [
        ("config", "letterkit.schema.json"),
        ("letter", "letter.schema.json"),
        ("l10n-check", "l10n-check.schema.json"),
    ] {
        let run = letterkit(&shipped(), &["schema", which]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let shipped_text = fs::read_to_string(shipped().join("schemas").join(file)).unwrap();
        assert!(
            run.stdout == shipped_text,
            "schemas/{file} is stale: run `cargo run -- schema {which} > schemas/{file}`"
        );
    }
}

#[test]
fn every_shipped_toml_file_is_valid_and_points_at_its_schema() {
    let config = Validator::new("letterkit.schema.json");
    let letter = Validator::new("letter.schema.json");
    let projects = [
        shipped(),
        fixture("small"),
        fixture("partial"),
        fixture("rtl"),
    ];
    for project in projects {
        let (config_file, letters) = toml_files(&project);
        for (validator, file) in std::iter::once((&config, config_file))
            .chain(letters.into_iter().map(|file| (&letter, file)))
        {
            let text = fs::read_to_string(&file).unwrap();
            assert_eq!(validator.errors(&text), None, "{}", file.display());
            let first = text.lines().next().unwrap();
            let schema = first
                .strip_prefix("#:schema ")
                .unwrap_or_else(|| panic!("{}: no #:schema line", file.display()));
            assert!(
                file.parent().unwrap().join(schema).is_file(),
                "{}: {schema} is not there",
                file.display()
            );
        }
    }
}

#[test]
fn the_schemas_refuse_what_loading_refuses() {
    let config = Validator::new("letterkit.schema.json");
    let letter = Validator::new("letter.schema.json");
    let errors = config
        .errors("source-locale = \"en\"\n[[locales]]\ntag = \"en\"\nstatus = \"done\"\n")
        .expect("an unknown status is refused");
    assert!(errors.contains("status"), "{errors}");
    assert!(
        config
            .errors("source-locale = \"en\"\nlocales = []\noutput = \"x\"\n")
            .is_some(),
        "an unknown field is refused"
    );
    let minimal = "date = 2024-01-01\nsubject = \"s\"\nsalutation = \"g\"\nclosing = \"c\"\nbody = []\n[recipient]\nname = \"r\"\n";
    assert_eq!(letter.errors(minimal), None);
    for wrong in [
        minimal.replace("date = 2024-01-01", "date = \"1 January\""),
        minimal.replace("body = []", "body = [{ heading = \"h\" }]"),
        minimal.replace("closing = \"c\"\n", ""),
    ] {
        assert!(letter.errors(&wrong).is_some(), "accepted: {wrong}");
    }
}
