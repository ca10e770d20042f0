"""The translation platforms' configurations in docs/platforms/, tried on the
shipped project with the tools that read them.

- Weblate has no configuration file: docs/platforms/weblate-components.json
  holds its component settings (as Weblate's API takes them). Each file mask
  is expanded over the tree as Weblate does (`*` is the language code), and
  every file it matches is read with translate-toolkit's Fluent reader, the
  one Weblate's Fluent format is built on.
- Pontoon's l10n.toml is read by compare-locales, which shares Pontoon's
  project-configuration reader.
- Crowdin's crowdin.yml is linted by Crowdin's own CLI (@crowdin/cli from
  npm), without credentials (the lint's server check needs the network), and
  its source and translation patterns are expanded over the tree.

Usage: python check.py LETTERKIT REPOSITORY CROWDIN
"""

import fnmatch
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import yaml
from translate.storage import fluent

LETTERKIT, REPOSITORY, CROWDIN = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
PLATFORMS = REPOSITORY / "docs" / "platforms"
TESTS = []


def test(function):
    TESTS.append(function)
    return function


def project_copy():
    project = Path(tempfile.mkdtemp(prefix="letterkit-platforms-"))
    shutil.copy(REPOSITORY / "letterkit.toml", project)
    for folder in ("content", "locales"):
        shutil.copytree(REPOSITORY / folder, project / folder)
    return project


def locales():
    config = tomllib.loads((REPOSITORY / "letterkit.toml").read_text())
    return config["source-locale"], [entry["tag"] for entry in config["locales"]]


def translated_ids(project, locale, resource):
    """The message ids letterkit gives translators: its own PO export."""
    out = project / f"{locale}.po"
    subprocess.run(
        [LETTERKIT, "--project", str(project), "export", "--format", "po", "--locale", locale, "--out", str(out)],
        check=True,
        capture_output=True,
    )
    contexts = re.findall(r'^msgctxt "([^"]+)"$', out.read_text(), re.M)
    return [c.split("/", 1)[1] for c in contexts if c.split("/", 1)[0] == resource]


@test
def weblate_file_masks_match_every_locale_and_read_as_fluent():
    project = project_copy()
    source, tags = locales()
    components = json.loads((PLATFORMS / "weblate-components.json").read_text())
    resources = sorted(p.stem for p in (project / "locales" / source).glob("*.ftl"))
    assert sorted(c["filemask"].rsplit("/", 1)[1][:-4] for c in components) == resources, components
    said = []
    for component in components:
        mask = component["filemask"]
        assert mask.count("*") == 1 and component["file_format"] == "fluent", component
        before, after = mask.split("*")
        matched = {}
        for path in sorted(project.glob(mask)):
            relative = str(path.relative_to(project))
            assert fnmatch.fnmatch(relative, mask)
            matched[relative[len(before) : len(relative) - len(after)]] = path
        assert sorted(matched) == sorted(tags), (mask, sorted(matched), tags)
        template = component["template"]
        assert template == mask.replace("*", source) == component["new_base"], component
        resource = Path(template).stem
        expected = translated_ids(project, tags[1], resource)
        for code, path in matched.items():
            store = fluent.FluentFile(open(path, "rb"))
            ids = [unit.getid() for unit in store.units if unit.getid()]
            if code == source:
                assert ids == expected, (ids, expected)
            else:
                missing = [i for i in expected if i not in ids]
                assert missing == [], (code, resource, missing)
        said.append(f"{mask}: {', '.join(sorted(matched))}")
    return "; ".join(said)


@test
def pontoon_l10n_toml_reads_in_compare_locales():
    project = project_copy()
    shutil.copy(PLATFORMS / "l10n.toml", project / "l10n.toml")
    source, tags = locales()
    config = tomllib.loads((PLATFORMS / "l10n.toml").read_text())
    assert sorted(config["locales"]) == sorted(t for t in tags if t != source), config["locales"]
    run = subprocess.run(
        [str(Path(sys.executable).parent / "compare-locales"), "--json", "-", "l10n.toml", "."],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (report,) = json.loads(run.stdout)
    summary = report["summary"]
    assert sorted(summary) == sorted(config["locales"]), summary
    for locale, counts in summary.items():
        assert counts["missing"] == 0 and counts["errors"] == 0 and counts["warnings"] == 0, (locale, counts)
        assert counts.get("changed", 0) > 30, (locale, counts)
    # letterkit's optional page-text message, which the source does not have.
    obsolete = sorted(
        (path, entry["obsoleteEntity"])
        for path, entries in report.get("details", {}).items()
        for entry in entries
        if "obsoleteEntity" in entry
    )
    assert obsolete in ([], [("locales/ht/common.ftl", "letter-date")]), obsolete
    return f"compare-locales: {', '.join(sorted(summary))} complete, 0 errors, 0 warnings; obsolete: {obsolete}"


@test
def crowdin_yml_lints_in_crowdin_cli_and_its_patterns_match_the_tree():
    project = project_copy()
    shutil.copy(PLATFORMS / "crowdin.yml", project / "crowdin.yml")
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(project)}
    run = subprocess.run(
        [CROWDIN, "config", "lint", "--no-colors", "--no-progress"],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
    )
    problems = sorted(line.strip("\t -") for line in (run.stdout + run.stderr).splitlines() if line.startswith("\t"))
    assert problems == [
        "Required option 'api_token' is missing",
        "Required option 'project_id' is missing",
    ], run.stdout + run.stderr
    # A configuration with a mistake is refused for it, so the lint read ours.
    broken = (project / "crowdin.yml").read_text().replace("translation:", "translaton:")
    (project / "broken.yml").write_text(broken)
    run_broken = subprocess.run(
        [CROWDIN, "config", "lint", "--no-colors", "--no-progress", "--config", "broken.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
    )
    assert "Invalid input" in run_broken.stdout + run_broken.stderr, run_broken.stdout + run_broken.stderr

    config = yaml.safe_load((PLATFORMS / "crowdin.yml").read_text())
    source, tags = locales()
    (entry,) = config["files"]
    sources = sorted(project.glob(entry["source"].lstrip("/")))
    assert [p.name for p in sources] == sorted(p.name for p in (project / "locales" / source).glob("*.ftl"))
    mapping = entry.get("languages_mapping", {}).get("two_letters_code", {})
    for tag in tags:
        if tag == source:
            continue
        code = mapping.get(tag, tag.split("-")[0])
        assert code == tag, f"{tag} would be written to locales/{code}: map it in languages_mapping"
        for path in sources:
            translation = entry["translation"].replace("%two_letters_code%", code).replace(
                "%original_file_name%", path.name
            )
            assert (project / translation.lstrip("/")).is_file(), translation
    version = subprocess.run([CROWDIN, "--version"], capture_output=True, text=True, env=environment).stdout.strip()
    return f"crowdin {version}: lint finds only the missing credentials; {len(sources)} sources x {len(tags) - 1} locales match"


def main():
    passed = failed = 0
    for function in TESTS:
        try:
            said = function()
            passed += 1
            print(f"ok   {function.__name__}: {said}")
        except Exception as error:  # noqa: BLE001 - every failure is reported
            failed += 1
            print(f"FAIL {function.__name__}: {type(error).__name__}: {error}")
    print(f"platforms: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
