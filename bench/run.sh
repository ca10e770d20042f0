#!/usr/bin/env bash
# Times `letterkit build` and `letterkit check` end to end on generated projects
# of several sizes (letters x locales) and on the shipped project: hyperfine
# medians and peak memory (/usr/bin/time). Where Hugo is installed, the same
# pages are rendered by Hugo (bench/hugo.sh) and the ratios to `build` are
# printed; where compare-locales or moz-fluent-lint is, it checks the same
# files and the ratios to `check` are printed.
#
#   bash bench/run.sh                 # 10x5, 100x30 and 300x60
#   bash bench/run.sh 100x30          # only these sizes
#   RUNS=20 BENCH_DIR=/tmp bash bench/run.sh
#   PEER_RUNS=3 PEER_LIMIT=3000 (runs of each peer; the largest project they run on)
#
# The projects are written under BENCH_DIR (default: /dev/shm where it exists,
# so that the figures are letterkit's and not the disk's; see BENCHMARKS.md).
# Needs hyperfine and GNU time: apt-get install hyperfine time (and hugo for the peer).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10x5 100x30 300x60)
runs=${RUNS:-10}
warmup=${WARMUP:-2}
base=${BENCH_DIR:-$([ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}

for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "bench/run.sh needs $tool: apt-get install hyperfine time" >&2
    exit 2
  }
done

work=$(mktemp -d "$base/letterkit-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet --bin letterkit --example gen-corpus
letterkit="$repo/target/release/letterkit"
gen="$repo/target/release/examples/gen-corpus"

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(free -h | awk '/^Mem:/ {print $2}'); load: $(cut -d' ' -f1-3 /proc/loadavg); output in: $base"
echo

# The median of a hyperfine JSON export, in seconds.
median() { python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }

# Peak resident memory in MB of a command (the least of three runs).
peak() {
  local best="" kb
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' -o "$work/time.out" "$@" >/dev/null 2>&1 || true
    kb=$(tail -1 "$work/time.out")
    if [ -z "$best" ] || [ "$kb" -lt "$best" ]; then best=$kb; fi
  done
  echo $((best / 1024))
}

# timed NAME COMMAND...: the median in seconds, exported to $work/NAME.{json,md}.
# RUNS and WARMUP may be set for one call: RUNS=3 timed ...
timed() {
  local name=$1
  shift
  hyperfine --shell=none --style none --warmup "${WARMUP_NOW:-$warmup}" --runs "${RUNS_NOW:-$runs}" --ignore-failure \
    --export-json "$work/$name.json" --export-markdown "$work/$name.md" \
    --command-name "$name" "$*" >"$work/$name.log" 2>&1 || {
    cat "$work/$name.log" >&2
    exit 1
  }
  median "$work/$name.json"
}

rows=()
peers=()
build_peers=()
bench_project() {
  local label=$1 project=$2 pages=$3 mb=$4
  local build check build_mb check_mb
  build=$(timed "build-$label" "$letterkit --project $project build --out $work/out-$label")
  check=$(timed "check-$label" "$letterkit --project $project check")
  build_mb=$(peak "$letterkit" --project "$project" build --out "$work/out-$label")
  check_mb=$(peak "$letterkit" --project "$project" check)
  rows+=("$(printf '| %-16s | %6s | %7s | %8s s | %6s MB | %8s s | %6s MB |' \
    "$label" "$pages" "$mb" "$build" "$build_mb" "$check" "$check_mb")")
  rm -rf "$work/out-$label"
  LAST_CHECK=$check LAST_CHECK_MB=$check_mb LAST_BUILD=$build LAST_BUILD_MB=$build_mb
}

echo "== letterkit (median of $runs runs after $warmup warm-up runs)"
pages=$(( $(find "$repo/locales" -name '*.ftl' ! -name common.ftl | wc -l) ))
mb=$(du -cb "$repo"/locales/*/*.ftl | tail -1 | awk '{printf "%.2f", $1 / 1e6}')
bench_project shipped "$repo" "$pages" "$mb"

for size in "${sizes[@]}"; do
  letters=${size%x*}
  locales=${size#*x}
  project="$work/$size"
  "$gen" --letters "$letters" --locales "$locales" --out "$project" >/dev/null
  mb=$(du -cb "$project"/locales/*/*.ftl | tail -1 | awk '{printf "%.1f", $1 / 1e6}')
  bench_project "$size" "$project" $((letters * locales)) "$mb"

  # Peers, on the same files, where installed: fewer runs (they take seconds
  # to minutes), and only up to PEER_LIMIT letter-locales.
  if [ $((letters * locales)) -gt "${PEER_LIMIT:-3000}" ]; then
    rm -rf "$project"
    continue
  fi
  if command -v compare-locales >/dev/null; then
    python3 - "$project" <<'EOF'
import re, sys
root = sys.argv[1]
tags = re.findall(r'tag = "([^"]+)"', open(f"{root}/letterkit.toml").read())
with open(f"{root}/l10n.toml", "w") as f:
    f.write('basepath = "."\nlocales = [%s]\n\n[[paths]]\n    reference = "locales/en/**"\n    l10n = "locales/{locale}/**"\n'
            % ", ".join(f'"{t}"' for t in tags[1:]))
EOF
    peer=$(RUNS_NOW=${PEER_RUNS:-3} WARMUP_NOW=0 timed "compare-locales-$size" "compare-locales --return-zero $project/l10n.toml $project")
    peers+=("$(printf '| %-8s | compare-locales | %8s s | %8s s | %6.0fx |' "$size" "$peer" "$LAST_CHECK" \
      "$(python3 -c "print($peer / max($LAST_CHECK, 0.001))")")")
  fi
  if command -v hugo >/dev/null; then
    # The same pages as a Hugo site; bench/hugo.sh makes it and times Hugo.
    RUNS=${PEER_RUNS:-3} WARMUP=1 bash bench/hugo.sh "$project" "$letterkit" "$work/hugo-$size" >"$work/hugo-$size.log"
    hugo_s=$(sed -n 's/^hugo: median \([0-9.]*\) s.*/\1/p' "$work/hugo-$size.log")
    hugo_mb=$(sed -n 's/^hugo: wall .* peak \([0-9]*\) MB$/\1/p' "$work/hugo-$size.log")
    build_peers+=("$(printf '| %-8s | %8s s | %6s MB | %8s s | %6s MB | %6.1fx | %5.1fx |' "$size" "$hugo_s" "$hugo_mb" \
      "$LAST_BUILD" "$LAST_BUILD_MB" "$(python3 -c "print($hugo_s / max($LAST_BUILD, 0.001))")" \
      "$(python3 -c "print($hugo_mb / max($LAST_BUILD_MB, 1))")")")
    rm -rf "$work/hugo-$size"
  fi
  if command -v moz-fluent-lint >/dev/null; then
    peer=$(RUNS_NOW=${PEER_RUNS:-3} WARMUP_NOW=0 timed "moz-fluent-lint-$size" "moz-fluent-lint $project/locales")
    peers+=("$(printf '| %-8s | moz-fluent-lint | %8s s | %8s s | %6.0fx |' "$size" "$peer" "$LAST_CHECK" \
      "$(python3 -c "print($peer / max($LAST_CHECK, 0.001))")")")
  fi
  rm -rf "$project"
done

echo
echo "| project          | letter-locales | Fluent MB | build | build peak | check | check peak |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
# table HEADER ALIGN MISSING ROWS...: a markdown table, or MISSING where no row.
table() {
  local header=$1 align=$2 missing=$3
  shift 3
  echo
  if [ $# -gt 0 ]; then
    echo "$header"
    echo "$align"
    printf '%s\n' "$@"
  else
    echo "$missing"
  fi
}
table "| project  | peer | peer | letterkit check | ratio |" "| --- | --- | ---: | ---: | ---: |" \
  "(no checker to compare with ran: pip install compare-locales moz-fluent-linter; they run on projects up to PEER_LIMIT)" "${peers[@]}"
table "| project  | hugo | hugo peak | letterkit build | build peak | time ratio | memory ratio |" \
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |" \
  "(Hugo did not run: apt-get install hugo; it runs on projects up to PEER_LIMIT)" "${build_peers[@]}"
echo
echo "hyperfine's tables: $work/*.md are removed on exit; set KEEP=1 to keep them"
if [ "${KEEP:-0}" = 1 ]; then trap - EXIT; echo "kept in $work"; fi
