#!/usr/bin/env bash
# Minimises the committed seeds (`seeds/<target>/`) as `cargo fuzz cmin`
# does, keeping their names: libFuzzer's merge chooses the smallest set of
# seeds that reaches the coverage of them all, and every seed it leaves out is
# removed, except the inputs that once failed (`crash-*`), which stay as
# regression cases whatever their coverage.
#
#   bash fuzz/minimise-seeds.sh             every target
#   bash fuzz/minimise-seeds.sh sync serve  the targets named
#   DRY_RUN=1 bash fuzz/minimise-seeds.sh   says what it would remove
#
# Builds as smoke.sh does (cargo-fuzz, `-s none`). Prints, for each target,
# the seeds before and after.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1

build_flags=(--sanitizer none --codegen-units 16)
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi
for target in "${targets[@]}"; do
  cargo fuzz build "${build_flags[@]}" "$target"
done

for target in "${targets[@]}"; do
  seeds="seeds/$target"
  kept="$(mktemp -d)"
  # -merge=1 copies each input it keeps into the first folder, named by the
  # SHA-1 of its bytes.
  cargo fuzz run "${build_flags[@]}" "$target" "$kept" "$seeds" -- -merge=1 \
    >/dev/null 2>&1
  before=$(find "$seeds" -type f | wc -l)
  removed=0
  for seed in "$seeds"/*; do
    name="$(basename "$seed")"
    sum="$(sha1sum "$seed" | cut -d' ' -f1)"
    if [[ "$name" == crash-* ]] || [ -e "$kept/$sum" ]; then
      continue
    fi
    removed=$((removed + 1))
    if [ -n "${DRY_RUN:-}" ]; then
      echo "would remove $seed"
    else
      git rm -q "$seed" 2>/dev/null || rm -f "$seed"
    fi
  done
  rm -rf "$kept"
  echo "$target: $before seeds, $removed removed, $((before - removed)) kept"
done
