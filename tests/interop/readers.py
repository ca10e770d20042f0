"""letterkit's XLIFF and PO files read and edited by real tools.

translate-toolkit (the library behind Pootle, Virtaal and much of Weblate)
reads every exported file and edits targets through its API, as a CAT tool
would; GNU gettext's msgfmt --check validates every PO file and msgcat rewraps
one. Each edited file is imported back, and every byte of the messages the
edit did not touch is compared.

Usage: python readers.py LETTERKIT REPOSITORY
  LETTERKIT   the letterkit binary to test (the installed wheel's, in CI)
  REPOSITORY  the letterkit repository, whose shipped project is copied
"""

import copy
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from translate.storage import po, xliff
from translate.storage.placeables import StringElem
from translate.storage.placeables.xliff import G, X

LETTERKIT = sys.argv[1]
REPOSITORY = Path(sys.argv[2])
LETTER = "us-mexico-asylum-2023"
TESTS = []


def test(function):
    TESTS.append(function)
    return function


def letterkit(project, *args, expect=0):
    run = subprocess.run(
        [LETTERKIT, "--project", str(project), *args],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    if expect is not None and run.returncode != expect:
        raise AssertionError(
            f"letterkit {' '.join(args)}: exit {run.returncode}, expected {expect}\n"
            f"{run.stdout}{run.stderr}"
        )
    return run


def copy_shipped():
    project = Path(tempfile.mkdtemp(prefix="letterkit-readers-"))
    shutil.copy(REPOSITORY / "letterkit.toml", project)
    for folder in ("content", "locales"):
        shutil.copytree(REPOSITORY / folder, project / folder)
    return project


def tree(project):
    return {
        str(path.relative_to(project)): path.read_bytes()
        for path in sorted((project / "locales").rglob("*"))
        if path.is_file()
    }


def source_ids(project, resource):
    """The source messages with a value, as letterkit reads them."""
    text = (project / "locales" / "en" / f"{resource}.ftl").read_text()
    ids = []
    for line in text.splitlines():
        if line[:1].isalpha() and " =" in line:
            ids.append(line.split(" =")[0].strip())
    return ids


def msgfmt_check(path):
    run = subprocess.run(
        ["msgfmt", "--check", "--check-header", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and run.stderr == "", f"msgfmt --check {path}:\n{run.stderr}"


def export(project, fmt, locale, out, *letters):
    extra = [arg for letter in letters for arg in ("--letter", letter)]
    letterkit(project, "export", "--format", fmt, "--locale", locale, "--out", str(out), *extra)


def units_by_id(store):
    return {unit.getid().split("\x04")[-1]: unit for unit in store.units if not unit.isheader()}


def rich_target(unit, words):
    """The source's codes, in order, around new words: each text piece of the
    source replaced by the next of `words`, each code kept."""
    words = list(words)

    def rebuild(element):
        out = []
        for sub in element.sub:
            if isinstance(sub, (X,)):
                out.append(copy.deepcopy(sub))
            elif isinstance(sub, G):
                g = copy.deepcopy(sub)
                g.sub = rebuild(sub)
                out.append(g)
            elif isinstance(sub, StringElem) and sub.sub and all(isinstance(s, str) for s in sub.sub):
                out.append(StringElem(words.pop(0)))
            elif isinstance(sub, str):
                out.append(words.pop(0))
            else:
                out.append(StringElem(rebuild(sub)))
        return out

    return [StringElem(rebuild(unit.rich_source[0]))]


@test
def every_exported_xliff_and_po_file_reads_in_translate_toolkit_and_msgfmt():
    project = copy_shipped()
    out = Path(tempfile.mkdtemp())
    for locale in ("es", "fr", "ht"):
        export(project, "xliff", locale, out / f"{locale}.xlf")
        export(project, "po", locale, out / f"{locale}.po")
        store = xliff.xlifffile(open(out / f"{locale}.xlf", "rb"))
        files = store.getfilenames()
        assert files == [f"locales/en/common.ftl", f"locales/en/{LETTER}.ftl"], files
        expected = source_ids(project, "common") + source_ids(project, LETTER)
        ids = [unit.getid().split("\x04")[-1] for unit in store.units]
        assert ids == expected, (ids, expected)
        assert all(unit.istranslated() for unit in store.units), locale
        assert store.gettargetlanguage() == locale, store.gettargetlanguage()
        page_title = units_by_id(store)["page-title"]
        assert "title" in page_title.getnotes("developer"), page_title.getnotes()
        assert [type(e).__name__ for e in page_title.rich_source[0].sub] == ["StringElem", "X"]

        catalog = po.pofile(open(out / f"{locale}.po", "rb"))
        contexts = [unit.getcontext() for unit in catalog.units if not unit.isheader()]
        assert contexts == [f"common/{i}" for i in source_ids(project, "common")] + [
            f"{LETTER}/{i}" for i in source_ids(project, LETTER)
        ], contexts
        assert all(unit.istranslated() for unit in catalog.units if not unit.isheader())
        assert catalog.gettargetlanguage() == locale, catalog.gettargetlanguage()
        assert "Keep as written: { $subject }." in catalog.units[2].getnotes(), catalog.units[2].getnotes()
        assert not any("format" in flag for unit in catalog.units for flag in unit.typecomments)
        msgfmt_check(out / f"{locale}.po")
    return "es, fr, ht: 3 XLIFF and 3 PO files read; msgfmt --check clean"


@test
def a_new_locale_translated_through_the_xliff_api_imports_and_builds():
    project = copy_shipped()
    letterkit(project, "locale", "add", "de")
    before = tree(project)
    out = Path(tempfile.mkdtemp())
    export(project, "xliff", "de", out / "de.xlf")
    store = xliff.xlifffile(open(out / "de.xlf", "rb"))
    units = units_by_id(store)
    assert not any(unit.istranslated() for unit in units.values())
    # Setting a rich target is an edit; marking it translated is the tool's
    # save, as its own plain `target` setter does.
    units["page-title"].rich_target = rich_target(units["page-title"], ["Offener Brief: "])
    units["page-title"].marktranslated()
    units["subject"].target = "Das Asylrecht an der Grenze zwischen den USA und Mexiko vollständig wiederherstellen"
    expulsions = units["body-expulsions"]
    codes = [type(e).__name__ for e in expulsions.rich_source[0].sub]
    assert codes.count("X") == 2, codes
    expulsions.rich_target = rich_target(
        expulsions,
        [
            "Seit März 2020 wurden Asylsuchende fast 2,5 Millionen Mal ausgewiesen.",
            " 2022 starben mehr als 850 Menschen an der Grenze.",
        ],
    )
    expulsions.marktranslated()
    units["closing"].target = "Mit freundlichen Grüßen"
    units["closing"].markfuzzy(True)
    (out / "de-edited.xlf").write_bytes(bytes(store))

    run = letterkit(project, "import", str(out / "de-edited.xlf"))
    assert run.stdout.startswith("de: 3 written,"), run.stdout
    assert "closing: not translated, left out" in run.stderr, run.stderr
    after = tree(project)
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert changed == [
        "locales/de/common.ftl",
        "locales/de/translated-from.toml",
        f"locales/de/{LETTER}.ftl",
    ], changed
    letter = after[f"locales/de/{LETTER}.ftl"].decode()
    assert (
        "\nbody-expulsions = Seit März 2020 wurden Asylsuchende fast 2,5 Millionen Mal ausgewiesen.[^expulsions]"
        " 2022 starben mehr als 850 Menschen an der Grenze.[^deaths]\n" in letter
    ), letter
    assert "\n# closing = Sincerely,\n" in letter, "the unit to review stays a scaffold"
    assert "\npage-title = Offener Brief: { $subject }\n" in after["locales/de/common.ftl"].decode()
    # Every other line is the bytes it was.
    for path in ("locales/de/common.ftl", f"locales/de/{LETTER}.ftl"):
        old = before[path].decode().splitlines()
        new = after[path].decode().splitlines()
        assert len(old) == len(new), path
        differing = [(a, b) for a, b in zip(old, new) if a != b]
        assert all(a.startswith("# ") and b.split(" =")[0] == a[2:].split(" =")[0] for a, b in differing), differing

    report = json.loads(letterkit(project, "check", "--locale", "de", "--format", "json").stdout)
    imported = {"page-title", "subject", "body-expulsions"}
    problems = [
        f for f in report["findings"] if f.get("message_id") in imported and f["severity"] == "error"
    ]
    assert problems == [], problems
    letterkit(project, "locale", "sync", "--check", "de")
    letterkit(project, "build", "--locale", "de,en", "--out", str(out / "site"))
    page = (out / "site" / LETTER / "de" / "index.html").read_text()
    assert "Das Asylrecht an der Grenze" in page
    return "3 targets set through translate-toolkit's API, 1 fuzzy left out; check, sync --check and build clean"


@test
def a_target_with_an_unknown_variable_is_refused_and_nothing_is_written():
    project = copy_shipped()
    before = tree(project)
    out = Path(tempfile.mkdtemp())
    export(project, "xliff", "es", out / "es.xlf")
    store = xliff.xlifffile(open(out / "es.xlf", "rb"))
    units = units_by_id(store)
    # The translator typed a variable of their own.
    units["back-to-reference"].target = "Volver a la referencia { $numero }"
    units["draft-notice"].target = "Esta traducción es un borrador."
    (out / "es-edited.xlf").write_bytes(bytes(store))
    run = letterkit(project, "import", str(out / "es-edited.xlf"), expect=1)
    refused = [line for line in run.stderr.splitlines() if "back-to-reference" in line]
    refused = [line for line in refused if "unknown-variable" in line]
    assert refused, run.stderr
    assert "nothing written" in run.stderr, run.stderr
    assert tree(project) == before
    # A plain target over one with a code: translate-toolkit keeps the code
    # (it protects it), and the import writes the variable back.
    units["back-to-reference"].target = "Volver a la referencia "
    (out / "es-edited.xlf").write_bytes(bytes(store))
    letterkit(project, "import", str(out / "es-edited.xlf"))
    common = (project / "locales/es/common.ftl").read_text()
    assert "\nback-to-reference = Volver a la referencia { $number }\n" in common, common
    return "refused: " + refused[0].split(": ", 1)[1]


@test
def a_po_file_edited_through_the_api_and_rewrapped_by_msgcat_imports():
    project = copy_shipped()
    letterkit(project, "locale", "add", "pt-BR")
    before = tree(project)
    out = Path(tempfile.mkdtemp())
    export(project, "po", "pt-BR", out / "pt-BR.po")
    msgfmt_check(out / "pt-BR.po")
    catalog = po.pofile(open(out / "pt-BR.po", "rb"))
    entries = {unit.getcontext(): unit for unit in catalog.units if not unit.isheader()}
    entries["common/back-to-reference"].target = "Voltar à referência { $number }"
    entries[f"{LETTER}/demand-end-detention"].target = "Pôr fim ao uso da detenção migratória arbitrária e em massa."
    entries[f"{LETTER}/closing"].target = "Atenciosamente,"
    entries[f"{LETTER}/closing"].markfuzzy(True)
    (out / "pt-BR-edited.po").write_bytes(bytes(catalog))
    msgfmt_check(out / "pt-BR-edited.po")
    # gettext's own tools rewrap long strings; the reader joins them again.
    subprocess.run(
        ["msgcat", "--width=40", "-o", str(out / "pt-BR-wrapped.po"), str(out / "pt-BR-edited.po")],
        check=True,
    )
    wrapped = (out / "pt-BR-wrapped.po").read_text()
    assert '"Pôr fim ao uso da detenção "' in wrapped or "\n\"" in wrapped
    run = letterkit(project, "import", str(out / "pt-BR-wrapped.po"))
    assert run.stdout.startswith("pt-BR: 2 written,"), run.stdout
    after = tree(project)
    assert "\nback-to-reference = Voltar à referência { $number }\n" in after["locales/pt-BR/common.ftl"].decode()
    assert (
        "\ndemand-end-detention = Pôr fim ao uso da detenção migratória arbitrária e em massa.\n"
        in after[f"locales/pt-BR/{LETTER}.ftl"].decode()
    )
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert len(changed) == 3, changed
    letterkit(project, "locale", "sync", "--check", "pt-BR")
    # The same file again changes nothing.
    snapshot = tree(project)
    letterkit(project, "import", str(out / "pt-BR-wrapped.po"))
    assert tree(project) == snapshot
    return "2 msgstr set through translate-toolkit, rewrapped at 40 columns by msgcat, imported; msgfmt --check clean"


@test
def a_stale_translation_exports_as_fuzzy_with_its_previous_source():
    project = copy_shipped()
    source = project / "locales" / "en" / f"{LETTER}.ftl"
    text = source.read_text()
    source.write_text(text.replace("closing = Sincerely,", "closing = Yours sincerely,"))
    letterkit(project, "locale", "sync", "fr")
    out = Path(tempfile.mkdtemp())
    export(project, "po", "fr", out / "fr.po", LETTER)
    export(project, "xliff", "fr", out / "fr.xlf", LETTER)
    msgfmt_check(out / "fr.po")
    catalog = po.pofile(open(out / "fr.po", "rb"))
    closing = next(u for u in catalog.units if u.getcontext() == f"{LETTER}/closing")
    assert closing.isfuzzy(), closing
    assert closing.prev_source == "Sincerely,", closing.prev_source
    store = xliff.xlifffile(open(out / "fr.xlf", "rb"))
    unit = units_by_id(store)["closing"]
    assert unit.isfuzzy() and not unit.istranslated()
    # The reviewer confirms it: marked translated, the words unchanged.
    unit.markfuzzy(False)
    unit.target = unit.target
    (out / "fr-reviewed.xlf").write_bytes(bytes(store))
    run = letterkit(project, "import", str(out / "fr-reviewed.xlf"))
    assert " 1 cleared" in run.stdout, run.stdout
    assert "# stale:" not in (project / "locales" / "fr" / f"{LETTER}.ftl").read_text()
    letterkit(project, "locale", "sync", "--check", "fr")
    return "stale: fuzzy with #| msgid in PO, needs-review-translation in XLIFF; cleared by marking it translated"


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
    print(f"readers: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
