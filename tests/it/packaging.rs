//! One version, Cargo.toml's: the action installs it by default, the
//! workflow `init` writes pins it, the pre-commit package depends on it, and
//! the install guides name it. No install command has a placeholder in it.

use std::fs;

use crate::support::shipped;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn read(path: &str) -> String {
    fs::read_to_string(shipped().join(path)).unwrap()
}

#[test]
fn every_pinned_version_is_the_crates() {
    let action = read("action.yml");
    assert!(
        action.contains(&format!("  version:\n    description: The letterkit version to install from PyPI; by default, this action's own.\n    default: \"{VERSION}\"\n")),
        "action.yml's default version"
    );
    let workflow = read("docs/ci/github-actions.yml");
    assert!(workflow.contains(&format!("  LETTERKIT_VERSION: \"{VERSION}\"\n")));
    let hooks_package = read("pyproject.toml");
    assert!(hooks_package.contains(&format!("version = \"{VERSION}\"\n")));
    assert!(hooks_package.contains(&format!("dependencies = [\"letterkit=={VERSION}\"]\n")));
    let wheel = read("pypi/pyproject.toml");
    assert!(
        wheel.contains("dynamic = [\"version\", \"urls\"]") && !wheel.contains("\nversion ="),
        "the wheel's version is read from Cargo.toml"
    );
    for guide in ["README.md", "docs/getting-started.md", "docs/ci.md"] {
        let text = read(guide);
        for line in text
            .lines()
            .filter(|l| l.contains("letterkit==") || l.contains("letterkit@v"))
            .filter(|l| !l.contains("letterkit==$"))
        {
            assert!(
                line.contains(&format!("letterkit=={VERSION}"))
                    || line.contains(&format!("letterkit@v{VERSION}")),
                "{guide}: {line}"
            );
        }
    }
}

#[test]
fn no_install_command_or_template_has_a_placeholder_address() {
    for path in [
        "README.md",
        "docs/getting-started.md",
        "docs/ci.md",
        "docs/translating.md",
        "docs/ci/github-actions.yml",
        "action.yml",
        ".pre-commit-hooks.yaml",
        ".github/workflows/release.yml",
    ] {
        let text = read(path);
        assert!(!text.contains("OWNER"), "{path} has a placeholder");
    }
}

#[test]
fn the_workflow_init_writes_installs_the_wheel_and_compiles_nothing_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let run = crate::support::letterkit_in(dir.path(), &["init", "org", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let workflow =
        fs::read_to_string(dir.path().join("org/.github/workflows/letters.yml")).unwrap();
    assert_eq!(workflow, read("docs/ci/github-actions.yml"));
    assert!(workflow.contains("  LETTERKIT_FROM_SOURCE: \"false\"\n"));
    assert!(workflow.contains("run: python -m pip install \"letterkit==$LETTERKIT_VERSION\"\n"));
    let cargo_steps: Vec<&str> = workflow
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter(|l| l.contains("cargo ") || l.contains("rust-toolchain"))
        .collect();
    assert_eq!(cargo_steps.len(), 2, "{cargo_steps:?}");
    let lines: Vec<&str> = workflow.lines().collect();
    for (at, line) in lines.iter().enumerate() {
        if !line.trim_start().starts_with('#')
            && (line.contains("cargo ") || line.contains("rust-toolchain"))
        {
            assert!(
                lines[at.saturating_sub(2)..(at + 2).min(lines.len())]
                    .iter()
                    .any(|l| l.contains("if: env.LETTERKIT_FROM_SOURCE == 'true'")),
                "{line} runs only when asked"
            );
        }
    }
}
