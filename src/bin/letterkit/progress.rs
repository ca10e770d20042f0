//! A progress bar for builds and checks, drawn on standard error only when it
//! is a terminal, and never in CI (`CI` set), in quiet mode or in piped output.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// A bar, or nothing where none should be drawn; a clone draws the same bar.
#[derive(Clone)]
pub struct Bar(Option<ProgressBar>);

impl Bar {
    /// A bar labelled `what` ("building"), if a person is watching.
    pub fn new(what: &'static str, quiet: bool) -> Self {
        let watched = !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        if !watched {
            return Bar(None);
        }
        let bar = ProgressBar::new(0).with_message(what);
        if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {prefix}") {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar(Some(bar))
    }

    /// Shows `done` of `total` `unit`s.
    pub fn update(&self, done: usize, total: usize, unit: &'static str) {
        if let Some(bar) = &self.0 {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            bar.set_prefix(unit);
        }
    }

    /// Takes the bar off the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
