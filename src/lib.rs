//! letterkit publishes public letters accessibly in many languages.
//!
//! A letter is kept as structure (`content/<letter>/letter.toml`) plus one Fluent
//! file of sentences per locale (`locales/<locale>/<letter>.ftl`, with the page
//! chrome in `locales/<locale>/common.ftl`). The pipeline:
//!
//! ```text
//!   letterkit.toml + content/*/letter.toml + locales/*/*.ftl
//!       -> project::Project::load        (parse once: config, letters, FTL)
//!       -> localize::localize            (one letter, one locale -> document::Document)
//!       -> render::html / render::text   (Document -> bytes; no Fluent, no TOML)
//!   publish::build   drives all of it into an output folder, atomically
//!   check::check     reads the loaded Project and reports findings; never renders
//! ```
//!
//! The [`document::Document`] is the seam: it has no raw HTML in it, so every
//! renderer escapes by construction, and a new output format is one new renderer.

pub mod check;
pub mod config;
pub mod dates;
pub mod document;
pub mod letter;
pub mod localize;
pub mod location;
pub mod markdown;
pub mod project;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod status;
pub mod sync;
