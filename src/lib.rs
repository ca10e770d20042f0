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
//!   check::check     reads the Project and reports findings; never renders
//! ```
//!
//! `build` and `check` load a project deferred
//! ([`project::Project::load_deferred`]) and read each letter's, or each
//! locale's, files while they work on it, so that an archive of hundreds of
//! letters in dozens of languages is never in memory whole.
//!
//! The [`document::Document`] is the seam: it has no raw HTML in it, so every
//! renderer escapes by construction, and a new output format is one new renderer.

pub mod check;
pub mod code;
pub mod config;
#[cfg(any(test, feature = "corpus"))]
pub mod corpus;
pub mod coverage;
pub mod dates;
pub mod document;
pub mod ftl;
pub mod functions;
#[cfg(test)]
mod generated;
pub mod ids;
pub mod interop;
pub mod lang;
pub mod letter;
pub mod localize;
pub mod location;
pub mod lock;
pub mod markdown;
pub mod plurals;
pub mod project;
pub mod publish;
pub mod render;
pub mod scaffold;
mod scan;
pub mod schema;
pub mod serve;
pub mod source;
pub mod status;
pub mod sync;
pub mod text;
pub mod tree_config;
