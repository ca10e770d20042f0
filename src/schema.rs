//! JSON Schemas for `letterkit.toml` and `letter.toml`, generated from the very
//! types loading deserialises (`config::RawConfig`, `letter::RawLetter`), so
//! an editor that follows a file's `#:schema` line (taplo, Even Better TOML)
//! completes field names, shows each field's documentation and flags a
//! mistake before letterkit runs. The repository ships them in `schemas/`, and
//! `letterkit init` writes them into a new project.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;

use crate::config::RawConfig;
use crate::ids::{CONFIG_FILE, LETTER_FILE};
use crate::letter::RawLetter;
use crate::tree_config::{TREE_CONFIG_FILE, TreeConfig};

/// The project folder holding the JSON Schemas.
pub const SCHEMA_DIR: &str = "schemas";

/// The files letterkit reads that an editor can validate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// The project configuration, `letterkit.toml`.
    Config,
    /// A letter's structure, `content/<letter>/letter.toml`.
    Letter,
    /// The configuration of `check --locales DIR`, `DIR/l10n-check.toml`.
    TreeConfig,
}

impl Schema {
    /// Every schema.
    pub const ALL: [Schema; 3] = [Schema::Config, Schema::Letter, Schema::TreeConfig];

    /// The schemas of a letterkit project's files, which `init` writes.
    pub const PROJECT: [Schema; 2] = [Schema::Config, Schema::Letter];

    /// The schema's file name in `schemas/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Schema::Config => "letterkit.schema.json",
            Schema::Letter => "letter.schema.json",
            Schema::TreeConfig => "l10n-check.schema.json",
        }
    }

    /// The name of the file the schema describes.
    pub fn describes(self) -> &'static str {
        match self {
            Schema::Config => CONFIG_FILE,
            Schema::Letter => LETTER_FILE,
            Schema::TreeConfig => TREE_CONFIG_FILE,
        }
    }

    /// The schema as pretty-printed JSON, ending with a newline.
    pub fn json(self) -> String {
        let mut generator = SchemaSettings::draft07()
            .with_transform(RecursiveTransform(without_null))
            .into_generator();
        let schema = match self {
            Schema::Config => generator.root_schema_for::<RawConfig>(),
            Schema::Letter => generator.root_schema_for::<RawLetter>(),
            Schema::TreeConfig => generator.root_schema_for::<TreeConfig>(),
        };
        let mut json = serde_json::to_string_pretty(&schema)
            .expect("a generated schema is plain JSON and always serialises");
        json.push('\n');
        json
    }

    /// The first line of a file this schema describes, pointing editors at the
    /// schema in the project's `schemas/` folder by a path relative to the file
    /// (for `l10n-check.toml`, a `schemas/` folder beside it).
    pub fn directive(self) -> String {
        let up = match self {
            Schema::Config | Schema::TreeConfig => ".",
            Schema::Letter => "../..",
        };
        format!("#:schema {up}/{SCHEMA_DIR}/{}", self.file_name())
    }
}

/// TOML has no null: an optional value is left out, never written as null, so
/// `"type": ["string", "null"]` becomes `"type": "string"`.
fn without_null(schema: &mut schemars::Schema) {
    if let Some(serde_json::Value::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            schema.insert("type".into(), only);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_schema_names_every_field_and_refuses_unknown_ones() {
        let schema: serde_json::Value = serde_json::from_str(&Schema::Config.json()).unwrap();
        let properties = schema["properties"].as_object().unwrap();
        let names: Vec<&str> = properties.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "base-url",
                "check",
                "locales",
                "output-dir",
                "paper",
                "pdf",
                "source-locale"
            ]
        );
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(properties["output-dir"]["default"], "dist");
        assert_eq!(properties["paper"]["default"], "a4");
        assert_eq!(properties["pdf"]["default"], false);
        let locale = &schema["definitions"]["RawLocale"];
        assert_eq!(locale["additionalProperties"], false);
        assert_eq!(
            locale["required"],
            serde_json::json!(["tag", "status"]),
            "{locale}"
        );
    }

    #[test]
    fn the_tree_config_schema_names_every_field_and_refuses_unknown_ones() {
        let schema: serde_json::Value = serde_json::from_str(&Schema::TreeConfig.json()).unwrap();
        let properties = schema["properties"].as_object().unwrap();
        let names: Vec<&str> = properties.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "allow-identical",
                "exclude",
                "min-coverage",
                "required",
                "waivers"
            ]
        );
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(properties["min-coverage"]["maximum"], 100);
        assert_eq!(schema["title"], "l10n-check.toml");
    }

    #[test]
    fn the_letter_schema_writes_the_date_as_a_date() {
        let schema: serde_json::Value = serde_json::from_str(&Schema::Letter.json()).unwrap();
        assert_eq!(schema["properties"]["date"]["format"], "date");
        assert_eq!(schema["title"], "letter.toml");
    }

    #[test]
    fn directives_point_from_each_file_to_the_schemas_folder() {
        assert_eq!(
            Schema::Config.directive(),
            "#:schema ./schemas/letterkit.schema.json"
        );
        assert_eq!(
            Schema::Letter.directive(),
            "#:schema ../../schemas/letter.schema.json"
        );
    }
}
