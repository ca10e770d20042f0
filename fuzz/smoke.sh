#!/usr/bin/env bash
# The fuzz targets' smoke test, as CI runs it: builds every target, then runs
# each for a short time over its seeds (in a scratch corpus, so seeds/ stays as
# committed). Fails if a target does not build, or if any input run makes a
# target fail (a panic, a property that does not hold, an input slower than
# the timeout, memory past the limit); every target is run, and the failing
# ones are named at the end.
#
#   bash fuzz/smoke.sh                  every target, 45 seconds each
#   bash fuzz/smoke.sh 10 serve sync    the targets named, 10 seconds each
#
# Installs cargo-fuzz (the version below) when it is missing. Builds without
# AddressSanitizer (`-s none`: the library forbids `unsafe`, and the checking
# targets run several times faster) and with 16 codegen units, which builds
# faster than the default and runs fast enough for a smoke test.
set -euo pipefail
cd "$(dirname "$0")"

cargo_fuzz_version="0.13.2"
seconds="${1:-45}"
shift || true
export RUSTC_BOOTSTRAP=1

if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $cargo_fuzz_version" ]; then
  cargo install cargo-fuzz --locked --version "$cargo_fuzz_version"
fi

build_flags=(--sanitizer none --codegen-units 16)
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi

echo "building ${#targets[@]} fuzz targets: ${targets[*]}"
cargo fuzz build "${build_flags[@]}"

failed=()
for target in "${targets[@]}"; do
  if [ ! -d "seeds/$target" ]; then
    echo "fuzz target $target has no seeds/$target" >&2
    failed+=("$target")
    continue
  fi
  corpus="$(mktemp -d)"
  log="$(mktemp)"
  echo "== fuzz target $target: ${seconds}s over $(find "seeds/$target" -type f | wc -l) seeds"
  # -timeout: one input taking longer is a failure (a hang), not a slow run.
  status=0
  cargo fuzz run "${build_flags[@]}" "$target" "$corpus" "seeds/$target" -- \
    -max_total_time="$seconds" -timeout=120 -rss_limit_mb=2048 -print_final_stats=1 \
    > "$log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then
    grep -E '^(Done [0-9]+ runs|stat::new_units_added)' "$log" || true
  else
    tail -n 80 "$log"
    echo "fuzz target $target FAILED (exit $status)"
    failed+=("$target")
  fi
  rm -f "$log"
  rm -rf "$corpus"
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz targets failed: ${failed[*]} (the input is under fuzz/artifacts/<target>/)" >&2
  exit 1
fi
echo "every fuzz target ran ${seconds}s without a failure: ${targets[*]}"
