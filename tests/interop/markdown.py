"""letterkit's Markdown for a CMS read by parsers that are not its own.

`build --markdown --front-matter` is run on a copy of the shipped project whose
page title and first paragraph carry hostile text (quotes, backslashes, `: `,
`#`, `---`, control characters, a line break, U+2028, U+2029, a byte-order
mark) in the source and in a translation. Every `letter.md` is read:

- by markdown-it-py (CommonMark, with the GFM tables and strikethrough rules
  and the footnote and front matter plugins of mdit-py-plugins): the front
  matter is a front matter token, the body holds no HTML, its footnotes are
  the page's sources;
- by cmarkgfm (GitHub's own cmark-gfm) with footnotes: the same links;
- its front matter by PyYAML: title, description, date, lang, translationKey,
  page_id and the other languages' files, each value exactly what the HTML
  page of the same letter and language says (its <title>, its description,
  its <time datetime>, its hreflang alternates).

Usage: python markdown.py LETTERKIT REPOSITORY
"""

import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import yaml
from cmarkgfm.cmark import Options as CmarkOptions
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

LETTERKIT = sys.argv[1]
REPOSITORY = Path(sys.argv[2])
LETTER = "us-mexico-asylum-2023"
TESTS = []

# Written into the source's page title and first paragraph, and (without the
# characters a translation may not carry) into the Spanish ones.
HOSTILE_SOURCE = (
    'Open "letter" \\ back: #not-a-comment\x01\x7f tab\there \u2028sep\u2029 ---\ufeff'
)
HOSTILE_TRANSLATION = 'Carta "abierta" \\ dice: #nada --- fin'


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


def hostile_project():
    project = Path(tempfile.mkdtemp(prefix="letterkit-markdown-"))
    shutil.copy(REPOSITORY / "letterkit.toml", project)
    for folder in ("content", "locales"):
        shutil.copytree(REPOSITORY / folder, project / folder)

    def edit(path, message, value):
        text = path.read_text(encoding="utf-8")
        # A Fluent continuation line gives the value a line break.
        replaced, count = re.subn(
            rf"(?m)^{message} = ", lambda _: f"{message} = {value}\n    ---\n    ", text
        )
        assert count == 1, (path, message)
        path.write_text(replaced, encoding="utf-8")

    for tag, value in (("en", HOSTILE_SOURCE), ("es", HOSTILE_TRANSLATION)):
        edit(project / "locales" / tag / "common.ftl", "page-title", value)
        edit(project / "locales" / tag / f"{LETTER}.ftl", "body-purpose", value)
    return project


class Page(HTMLParser):
    """What an HTML page says of itself: title, description, date, alternates."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.title = None
        self.description = None
        self.datetime = None
        self.alternates = []
        self.sources = []
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
            self.title = ""
        elif tag == "meta" and attrs.get("name") == "description":
            self.description = attrs["content"]
        elif tag == "time" and self.datetime is None:
            self.datetime = attrs["datetime"]
        elif tag == "link" and attrs.get("rel") == "alternate" and attrs["hreflang"] != "x-default":
            self.alternates.append(attrs["hreflang"])
        elif tag == "a" and attrs.get("class") == "url":
            self.sources.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def built():
    project = hostile_project()
    out = project / "dist"
    letterkit(project, "build", "--markdown", "--front-matter", "--out", str(out))
    return project, out


PROJECT, OUT = built()
FILES = sorted(OUT.glob("*/*/letter.md"))


def parser():
    return (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(footnote_plugin)
    )


def front_matter_of(markdown):
    tokens = parser().parse(markdown)
    assert tokens[0].type == "front_matter", tokens[0]
    return yaml.safe_load(tokens[0].content), tokens


@test
def every_front_matter_says_what_the_page_says():
    assert len(FILES) == 4, FILES
    for path in FILES:
        letter, tag = path.parts[-3], path.parts[-2]
        page = Page((path.parent / "index.html").read_text(encoding="utf-8"))
        matter, _ = front_matter_of(path.read_text(encoding="utf-8"))
        others = [t for t in page.alternates if t != tag]
        expected = {
            "title": page.title,
            "description": page.description,
            "date": matter["date"],
            "lang": tag,
            "translationKey": letter,
            "page_id": letter,
            "translations": [{"lang": t, "path": f"{letter}/{t}/letter.md"} for t in others],
        }
        assert matter == expected, (path, matter, expected)
        # Noon of the letter's day in its zone (UTC for the shipped letter).
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT12:00:00[+-]\d\d:\d\d", matter["date"]), matter
        assert matter["date"].startswith(page.datetime), (matter["date"], page.datetime)
        for other in matter["translations"]:
            assert (OUT / other["path"]).is_file(), other
    return f"{len(FILES)} files: title, description, date, lang, keys and translations as their pages"


@test
def hostile_text_reads_back_exactly():
    said = []
    # Control characters, tabs and line breaks never reach a title or a
    # description (letterkit writes them as spaces or leaves them out), and a
    # description's white space, U+2028 and U+2029 included, is one space.
    source = 'Open "letter" \\ back: #not-a-comment'
    for tag, field, kept in (
        ("en", "title", [source, " tab here \u2028sep\u2029 ---\ufeff"]),
        ("en", "description", [source, " tab here sep ---\ufeff"]),
        ("es", "title", [HOSTILE_TRANSLATION]),
        ("es", "description", [HOSTILE_TRANSLATION]),
    ):
        path = OUT / LETTER / tag / "letter.md"
        matter, _ = front_matter_of(path.read_text(encoding="utf-8"))
        for part in kept:
            assert part in matter[field], (tag, field, part, matter[field])
        said.append(f"{tag} {field}: {matter[field][:40]!r}…")
    return "; ".join(said)


@test
def bodies_are_gfm_with_footnotes_and_no_html():
    for path in FILES:
        page = Page((path.parent / "index.html").read_text(encoding="utf-8"))
        markdown = path.read_text(encoding="utf-8")
        _, tokens = front_matter_of(markdown)
        kinds = set()
        links = []
        for token in tokens:
            kinds.add(token.type)
            for child in token.children or []:
                kinds.add(child.type)
                if child.type == "link_open":
                    links.append(child.attrs["href"])
        assert not {"html_block", "html_inline", "image"} & kinds, (path, kinds)
        assert "footnote_ref" in kinds and "footnote_block_open" in kinds, (path, kinds)
        assert sorted(set(links)) == sorted(set(page.sources)), (path, links, page.sources)
        definitions = sum(1 for t in tokens if t.type == "footnote_open")
        assert definitions == len(page.sources), (path, definitions, page.sources)

        # GitHub's own parser, on the body after the front matter.
        body = markdown.split("\n---\n", 1)[1]
        html = cmarkgfm.github_flavored_markdown_to_html(body, options=CmarkOptions.CMARK_OPT_FOOTNOTES)
        assert 'class="footnotes"' in html, path
        hrefs = set(re.findall(r'<a href="(https?://[^"]+)"', html))
        assert hrefs == set(page.sources), (path, hrefs, page.sources)
        assert "<script" not in html and "<img" not in html, path
    return f"{len(FILES)} files parsed by markdown-it-py and cmark-gfm"


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
    print(f"markdown: {passed} passed, {failed} failed")
    shutil.rmtree(PROJECT)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
