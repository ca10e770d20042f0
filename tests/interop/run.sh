#!/usr/bin/env bash
# The XLIFF and PO files of `letterkit export` read and edited by real tools:
# translate-toolkit (pinned below, from PyPI, in a virtual environment of its
# own) and GNU gettext (Debian's package, installed when msgfmt is missing);
# the Markdown of `build --markdown --front-matter` read by markdown-it-py
# (with mdit-py-plugins' footnotes and front matter), cmark-gfm and PyYAML.
# Usage: bash tests/interop/run.sh [LETTERKIT]
#   LETTERKIT: the binary to test (default: a release build of this checkout).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [ $# -ge 1 ]; then
  letterkit="$(command -v "$1" || realpath "$1")"
else
  (cd "$repo" && cargo build --release --locked --quiet)
  letterkit="$repo/target/release/letterkit"
fi

if ! command -v msgfmt >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext >/dev/null
fi

venv="$repo/target/interop-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "translate-toolkit==3.20.4" \
  "markdown-it-py==4.3.0" "mdit-py-plugins==0.7.0" "cmarkgfm==2025.10.22" "PyYAML==6.0.3"

echo "translate-toolkit $("$venv/bin/python" -c 'import translate.__version__ as v; print(v.sver)'), $(msgfmt --version | head -n 1)"
"$venv/bin/python" "$here/readers.py" "$letterkit" "$repo"
"$venv/bin/python" "$here/markdown.py" "$letterkit" "$repo"
