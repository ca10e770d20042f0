//! Writes a generated project for benchmarks:
//! `cargo run --release --example gen-corpus -- --letters 100 --locales 30 --out DIR [--seed N]`.

use std::path::PathBuf;
use std::process::ExitCode;

use letterkit::corpus::{self, Spec};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut spec = Spec {
        letters: 10,
        locales: 5,
        seed: 1,
    };
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: `{value}` is not a number"))
        };
        match flag.as_str() {
            "--letters" => spec.letters = number()? as usize,
            "--locales" => spec.locales = number()? as usize,
            "--seed" => spec.seed = number()?,
            "--out" => out = Some(PathBuf::from(&value)),
            _ => {
                return Err(format!(
                    "unknown option {flag}; usage: gen-corpus --letters N --locales M --out DIR [--seed S]"
                ));
            }
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    let corpus = corpus::generate(&out, spec).map_err(|e| e.to_string())?;
    println!(
        "{} letters x {} locales in {}: {:.1} MB of Fluent, {} missing and {} obsolete messages",
        corpus.letters.len(),
        corpus.locales.len(),
        out.display(),
        corpus.ftl_bytes as f64 / 1e6,
        corpus.missing.len(),
        corpus.obsolete.len()
    );
    Ok(())
}
