#!/usr/bin/env bash
# Runs the browser accessibility suite: the self-test first (so a checker that
# cannot fail is noticed), then every page under the dist dir.
# Usage: bash tests/browser/run.sh [dist-dir]   (default: the repository's dist/)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dist="$(realpath "${1:-$here/../../dist}")"

cd "$here"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

# Screenshots of pages that no longer exist would otherwise linger.
rm -rf "$here/screenshots"
status=0
node selftest.mjs || status=1
node check.mjs "$dist" --screenshots "$here/screenshots" || status=1
exit "$status"
