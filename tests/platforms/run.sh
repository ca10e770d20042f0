#!/usr/bin/env bash
# The translation platforms' configurations (docs/platforms/) tried on the
# shipped project: Weblate's file masks with translate-toolkit's Fluent reader,
# Pontoon's l10n.toml with compare-locales, Crowdin's crowdin.yml with
# Crowdin's CLI. Tools are pinned: PyPI packages in a virtual environment of
# their own, the Crowdin CLI from npm (with its own binary; no Java needed).
# Usage: bash tests/platforms/run.sh [LETTERKIT]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [ $# -ge 1 ]; then
  letterkit="$(command -v "$1" || realpath "$1")"
else
  (cd "$repo" && cargo build --release --locked --quiet)
  letterkit="$repo/target/release/letterkit"
fi

venv="$repo/target/platforms-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  "translate-toolkit==3.20.4" "fluent.syntax==0.19.0" "compare-locales==9.0.5" "PyYAML==6.0.3"

crowdin_dir="$repo/target/crowdin-cli"
if [ ! -x "$crowdin_dir/node_modules/.bin/crowdin" ]; then
  mkdir -p "$crowdin_dir"
  (cd "$crowdin_dir" && npm install --silent --no-audit --no-fund --no-save "@crowdin/cli@5.6.0" >/dev/null)
fi

"$venv/bin/python" "$here/check.py" "$letterkit" "$repo" "$crowdin_dir/node_modules/.bin/crowdin"
