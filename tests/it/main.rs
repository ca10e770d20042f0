#![allow(clippy::unwrap_used)]
//! End-to-end tests: the built `letterkit` binary run on the shipped project and
//! on small fixtures, its outputs compared with reviewed snapshots in
//! `snapshots/`.

mod adopt;
mod build;
mod channels;
mod check;
mod checks;
mod corpus;
mod dashboard;
mod docs;
mod errors;
mod fixtures;
mod gate;
mod hostile;
mod html;
mod incremental;
mod interop;
mod limits;
mod locales;
mod multi;
mod packaging;
mod paths;
mod pdf;
mod planted;
mod publishing;
mod schema;
mod serve;
mod site;
mod support;
mod translate;
