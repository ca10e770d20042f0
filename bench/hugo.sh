#!/usr/bin/env bash
# Times Hugo rendering the same pages as `letterkit build` on a project: every
# letter in every locale as an HTML page and a plain-text file, and a language
# chooser per letter, at letterkit's paths (<letter>/<locale>/index.html,
# <letter>/<locale>/letter.txt, <letter>/index.html).
#
#   bash bench/hugo.sh PROJECT_DIR LETTERKIT_BINARY WORK_DIR
#   RUNS=10 WARMUP=2 (hyperfine's runs, as in bench/run.sh)
#
# The words come from letterkit: `build --markdown` writes each letter-locale
# as CommonMark, which becomes a Hugo content file; titles, language names and
# directions are taken from letterkit's HTML, and its stylesheet is inlined in
# Hugo's pages as it is in letterkit's. Making the site is not timed, only Hugo.
#
# WORK_DIR (no spaces) gets letterkit/ (letterkit's output), hugo-site/ (the
# Hugo site, with the templates of bench/hugo/) and hugo-out/ (Hugo's output).
# Printed: the files each tool wrote (the script fails unless Hugo wrote all of
# letterkit's, each in its page's language), Hugo's median time (with
# hyperfine, if installed), its wall and CPU seconds and peak memory (GNU time),
# and on the last line the Hugo command, which needs no shell:
#   hyperfine --shell=none "$(bash bench/hugo.sh P L W | tail -1)"
# Needs hugo (0.111 or later), python3 and GNU time: apt-get install hugo time.
set -euo pipefail
[ $# -eq 3 ] || { sed -n '2,8s/^# \{0,1\}//p' "$0" >&2; exit 2; }
project=$(realpath "$1")
letterkit=$(realpath "$2")
mkdir -p "$3"
work=$(realpath "$3")
templates="$(dirname "$(realpath "$0")")/hugo"
lk_out="$work/letterkit" site="$work/hugo-site" out="$work/hugo-out"
rm -rf "$lk_out" "$site" "$out"

"$letterkit" --project "$project" build --markdown --quiet --out "$lk_out" 2>"$work/letterkit.log" ||
  { cat "$work/letterkit.log" >&2; exit 1; }

# A multilingual Hugo site, one Hugo language per locale, as the Hugo docs lay
# one out: each letter is a page bundle translated by file name,
# content/<letter>/index.<locale>.md, so Hugo knows each page's language and
# direction and links a letter's translations (.AllTranslations) for the
# language lists. The choosers are pages in the default language,
# content/choosers/<letter>.md. Front matter `url` keeps letterkit's paths.
# (Letters as sections, with _index.md as the chooser, make Hugo build a section
# page per letter in every language: on 100x30, nearly twice the CPU time and
# 2.5 times the memory.)
mkdir -p "$site"
cp -r "$templates/layouts" "$site/"
mkdir -p "$site/layouts/partials"
page="$(dirname "$(find "$lk_out" -name letter.md -print -quit)")/index.html"
sed -n '/^<style>$/,/^<\/style>$/p' "$page" >"$site/layouts/partials/style.html"
python3 - "$lk_out" "$site" "$templates/hugo.toml" <<'PY'
import html, json, pathlib, re, sys

lk, site, config = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
letters = sorted({md.parent.parent for md in lk.glob("*/*/letter.md")})
text = lambda value: json.dumps(value, ensure_ascii=False)  # a TOML string
title = lambda page: html.unescape(re.search(r"<title>(.*?)</title>", page.read_text()).group(1))

languages = {}  # tag: (name, direction), in letterkit's order
for letter in letters:
    for tag, direction, name in re.findall(
            r'<li lang="([^"]+)" dir="(\w+)"><a href="[^"]*" hreflang="[^"]*" rel="alternate">([^<]*)</a>',
            (letter / "index.html").read_text()):
        languages.setdefault(tag, (html.unescape(name), direction))
default = re.search(r'<html lang="([^"]+)"', (letters[0] / "index.html").read_text()).group(1).lower()

(site / "content" / "choosers").mkdir(parents=True)
for letter in letters:
    site.joinpath("content", "choosers", letter.name + ".md").write_text(
        f"+++\ntitle = {text(title(letter / 'index.html'))}\nletter = '/{letter.name}'\n"
        f"url = '/{letter.name}/'\noutputs = ['html']\n+++\n")
    folder = site / "content" / letter.name
    folder.mkdir()
    for md in sorted(letter.glob("*/letter.md")):
        locale = md.parent.name
        folder.joinpath(f"index.{locale.lower()}.md").write_text(
            f"+++\ntitle = {text(title(md.parent / 'index.html'))}\nurl = '/{letter.name}/{locale}/'\n+++\n"
            + md.read_text())

# Hugo lowercases language keys, so the file names and keys are lowercase and
# the tag as written (zh-Hans, pt-BR) is each language's languageCode, which the
# templates use for lang and hreflang.
with open(site / "hugo.toml", "w") as f:
    f.write(f"defaultContentLanguage = {text(default)}\n" + open(config).read())
    for weight, (tag, (name, direction)) in enumerate(languages.items(), 1):
        f.write(f"\n[languages.{text(tag.lower())}]\nweight = {weight}\nlanguageCode = {text(tag)}\n"
                f"languageName = {text(name)}\nlanguageDirection = {text(direction)}\n")
PY

hugo=(hugo --source "$site" --destination "$out" --quiet)
"${hugo[@]}"

# The files each tool wrote, by kind. Not counted: letterkit's Markdown (asked
# for above) and status/ (its translation status page and badges).
(cd "$lk_out" && find . -type f \( -name index.html -o -name letter.txt \) ! -path './status/*' | sort) >"$work/letterkit.files"
(cd "$out" && find . -type f | sort) >"$work/hugo.files"
kinds() {
  printf '%5d pages, %5d text files, %4d choosers' "$(grep -c '^\./[^/]*/[^/]*/index\.html$' "$1")" \
    "$(grep -c '/letter\.txt$' "$1")" "$(grep -c '^\./[^/]*/index\.html$' "$1")"
}
echo "letterkit: $(kinds "$work/letterkit.files")"
comm -12 "$work/letterkit.files" "$work/hugo.files" >"$work/common.files"
echo "hugo:      $(kinds "$work/common.files") at the same paths"
# Hugo's other files: a multilingual site always gets <default locale>/index.html,
# a redirect.
comm -13 "$work/letterkit.files" "$work/hugo.files" | sed 's/^/  and /'
missing=$(comm -23 "$work/letterkit.files" "$work/hugo.files" | wc -l)
[ "$missing" -eq 0 ] || { echo "hugo did not write $missing of letterkit's files: see $work/*.files" >&2; exit 1; }
# Each page in its locale's language: <html lang> is the locale folder's name.
wrong=$(cd "$out" && grep -o -m1 '<html lang="[^"]*"' ./*/*/index.html |
  awk -F'[/"]' '$3 != $(NF - 1)' | wc -l)
[ "$wrong" -eq 0 ] || { echo "hugo wrote $wrong pages in another language than their folder's" >&2; exit 1; }

if command -v hyperfine >/dev/null; then
  hyperfine --shell=none --style none --warmup "${WARMUP:-2}" --runs "${RUNS:-10}" \
    --export-json "$work/hugo.json" "${hugo[*]}" >/dev/null
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"][0]
print("hugo: median %.3f s (%.3f to %.3f) of %d runs" % (r["median"], r["min"], r["max"], len(r["times"])))' "$work/hugo.json"
fi
# Wall and CPU seconds and peak memory of the fastest of three runs.
rm -f "$work/time.out"
for _ in 1 2 3; do /usr/bin/time -f '%e %U %S %M' -a -o "$work/time.out" "${hugo[@]}"; done
read -r wall user sys kb < <(sort -n "$work/time.out" | head -1)
echo "hugo: wall $wall s, cpu $user s user + $sys s system, peak $((kb / 1024)) MB"
echo "${hugo[*]}"
