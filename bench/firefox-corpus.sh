#!/usr/bin/env bash
# Makes a real, public Fluent corpus to check letterkit against: Firefox ESR's
# .ftl files in every locale that Debian ships a language pack for, laid out as
# OUT_DIR/<locale>/<path>.ftl with en-US (from firefox-esr's two omni.ja) as
# the source, so that `letterkit check --locales OUT_DIR --source en-US` and
# compare-locales run on the same tree as Firefox's own localizations.
#
#   bash bench/firefox-corpus.sh OUT_DIR
#   FIREFOX_ESR_VERSION=153.8.0esr-1~deb12u1 bash bench/firefox-corpus.sh OUT_DIR
#   WORK_DIR=/some/dir bash bench/firefox-corpus.sh OUT_DIR   (keeps the .debs)
#
# Only Debian's archive is used (apt-get download, no install): firefox-esr and
# the firefox-esr-l10n-* packages, all at one version (the candidate unless
# FIREFOX_ESR_VERSION pins it; the archive keeps only recent versions). Each
# langpack .xpi holds localization/<locale>/ (toolkit) and
# browser/localization/<locale>/ (browser); Firefox merges the two, and so does
# this script. OUT_DIR must be empty or absent. Prints the version, the number
# of locales and files, the size and a digest of the tree to compare runs.
# Needs apt-get, dpkg-deb and python3 (its zipfile reads omni.ja).
set -euo pipefail

out=${1:?usage: bash bench/firefox-corpus.sh OUT_DIR}
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "firefox-corpus: $out is not empty; remove it or pick another" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -n "${WORK_DIR:-}" ]; then
  work=$WORK_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

pkgs() { apt-cache search --names-only '^firefox-esr-l10n-' | awk '{print $1}' | grep -v -- '-all$' | sort; }
if [ -z "$(pkgs)" ]; then
  apt-get update -qq
fi
mapfile -t l10n < <(pkgs)
[ ${#l10n[@]} -gt 0 ] || { echo "firefox-corpus: no firefox-esr-l10n-* in apt's lists" >&2; exit 1; }

version=${FIREFOX_ESR_VERSION:-$(apt-cache policy firefox-esr | awk '/Candidate:/ {print $2}')}
[ -n "$version" ] && [ "$version" != "(none)" ] || { echo "firefox-corpus: no firefox-esr candidate" >&2; exit 1; }
echo "firefox-esr $version: ${#l10n[@]} language packs" >&2

mkdir -p "$work/debs"
( cd "$work/debs" && apt-get download -q "firefox-esr=$version" "${l10n[@]/%/=$version}" >&2 )

python3 - "$work/debs" "$out" <<'EOF'
import glob, io, os, subprocess, sys, tarfile, zipfile

debs, out = sys.argv[1], sys.argv[2]

def members(deb, suffix):
    """(name, bytes) of the files in a .deb's data whose names end with suffix."""
    tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", deb], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        for m in t:
            if m.isfile() and m.name.endswith(suffix):
                yield m.name, t.extractfile(m).read()

def lay_out(zip_bytes, where, want_locale=None):
    """Writes the .ftl files under [browser/]localization/<locale>/ to out/<locale>/; returns the locale."""
    found = None
    seen = set()
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as z:
        for name in sorted(z.namelist()):
            if not name.endswith(".ftl"):
                continue
            parts = name.split("/")
            if parts[0] == "browser":
                parts = parts[1:]
            if len(parts) < 3 or parts[0] != "localization":
                continue
            locale, rel = parts[1], "/".join(parts[2:])
            if want_locale and locale != want_locale:
                continue
            if found not in (None, locale):
                sys.exit(f"firefox-corpus: {where} holds two locales, {found} and {locale}")
            found = locale
            if rel in seen:
                sys.exit(f"firefox-corpus: {where}: {locale}/{rel} is there twice")
            seen.add(rel)
            path = os.path.join(out, locale, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(z.read(name))
    if not found:
        sys.exit(f"firefox-corpus: no .ftl in {where}")
    return found

# en-US: toolkit's omni.ja and browser/omni.ja, merged as Firefox does.
main = glob.glob(os.path.join(debs, "firefox-esr_*.deb"))
assert len(main) == 1, main
omni = dict(members(main[0], "omni.ja"))
both = {}
for name, data in omni.items():
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for n in z.namelist():
            if n.startswith("localization/en-US/") and n.endswith(".ftl"):
                if n in both:
                    sys.exit(f"firefox-corpus: {n} is in two omni.ja")
                both[n] = z.read(n)
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    for n, data in both.items():
        z.writestr(n, data)
lay_out(buf.getvalue(), "omni.ja", "en-US")

for deb in sorted(glob.glob(os.path.join(debs, "firefox-esr-l10n-*.deb"))):
    xpis = list(members(deb, ".xpi"))
    if len(xpis) != 1:
        sys.exit(f"firefox-corpus: {deb} holds {len(xpis)} .xpi")
    lay_out(xpis[0][1], os.path.basename(xpis[0][0]))
EOF

cd "$out"
locales=$(find . -mindepth 1 -maxdepth 1 -type d | wc -l)
files=$(find . -name '*.ftl' -type f | wc -l)
size=$(du -sm --apparent-size . | cut -f1)
digest=$(find . -name '*.ftl' -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
echo "firefox-esr $version: $locales locales, $files files, $size MB of Fluent in $out (digest $digest)"
