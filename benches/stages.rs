//! The library's stages on a generated project of 10 letters in 5 locales:
//! loading, localizing and rendering every page, checking. `cargo bench`;
//! `bench/run.sh` times the whole command on larger projects.

use std::path::Path;
use std::sync::LazyLock;

use divan::Bencher;
use letterkit::corpus::{self, Spec};
use letterkit::project::Project;
use letterkit::publish::{self, BuildOptions};

fn main() {
    divan::main();
}

/// The generated project, made once for every benchmark.
static CORPUS: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let spec = Spec {
        letters: 10,
        locales: 5,
        seed: 1,
    };
    corpus::generate(dir.path(), spec).expect("the project is written");
    dir
});

fn root() -> &'static Path {
    CORPUS.path()
}

fn loaded() -> Project {
    Project::load(root()).expect("a generated project loads")
}

/// Reading and parsing `letterkit.toml`, every letter and every Fluent file.
#[divan::bench(sample_count = 20)]
fn load(bencher: Bencher) {
    bencher.bench(loaded);
}

/// Localizing every letter in every locale and rendering every page and text
/// in memory.
#[divan::bench(sample_count = 20)]
fn localize_and_render(bencher: Bencher) {
    let project = loaded();
    let options = BuildOptions::default();
    bencher.bench(|| publish::render_all(&project, &options).expect("it renders"));
}

/// Every check on every letter and locale.
#[divan::bench(sample_count = 20)]
fn check(bencher: Bencher) {
    let project = loaded();
    bencher.bench(|| letterkit::check::check(&project, &[], &[]).expect("it checks"));
}
