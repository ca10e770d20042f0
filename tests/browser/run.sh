#!/usr/bin/env bash
# Runs the browser accessibility suite: the self-test first (so a checker that
# cannot fail is noticed), then every page the project can produce: the shipped
# project built into dist/ and every fixture project under tests/fixtures/
# built into a temporary dir. The letter pages of the shipped project and of the
# right-to-left fixture are also compared with their screen-reader snapshots
# (snapshots/a11y__*.snap). Then, with no dist dir given, hostile.mjs loads the
# pages built from hostile translations (tests/hostile/vectors.txt) and checks
# that nothing in them runs or becomes markup.
# Usage: bash tests/browser/run.sh [dist-dir]
#   With a dist dir, builds nothing and checks only that dir; the repository's
#   own dist/ still counts as the shipped project and gets its snapshots compared.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# NAME=DIR pairs for check.mjs; the name labels the pages and their screenshots.
projects=()
if [ $# -eq 0 ]; then
  (cd "$repo" && cargo run --release --locked --quiet -- build)
  projects+=("shipped=$repo/dist")
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
  for config in "$repo"/tests/fixtures/*/letterkit.toml; do
    # The glob stays unexpanded when no fixture has a letterkit.toml.
    [ -e "$config" ] || continue
    project="$(dirname "$config")"
    name="$(basename "$project")"
    # every-category holds a planted defect of each kind for check's reports,
    # a file Fluent cannot parse among them: it is not a site to publish.
    [ "$name" = every-category ] && continue
    (cd "$repo" && cargo run --release --locked --quiet -- --project "$project" build --out "$out/$name")
    projects+=("$name=$out/$name")
  done
else
  dist="$(realpath "$1")"
  if [ "$dist" = "$repo/dist" ]; then
    projects+=("shipped=$dist")
  else
    projects+=("$(basename "$dist")=$dist")
  fi
fi
snapshots=()
if [ $# -eq 0 ]; then
  snapshots=(--snapshots shipped,rtl)
elif [[ "${projects[0]}" == shipped=* ]]; then
  snapshots=(--snapshots shipped)
fi

cd "$here"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

# Screenshots of pages that no longer exist would otherwise linger.
rm -rf "$here/screenshots"
status=0
node selftest.mjs || status=1
node check.mjs "${projects[@]}" --screenshots "$here/screenshots" "${snapshots[@]}" || status=1
if [ $# -eq 0 ]; then
  node hostile.mjs "${CARGO_TARGET_DIR:-$repo/target}/release/letterkit" || status=1
fi
exit "$status"
