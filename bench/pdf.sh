#!/usr/bin/env bash
# Times `letterkit build --pdf` (the pages, the text and a PDF of every letter
# in every locale) against `letterkit build` on the shipped project and on
# generated projects (letters x locales; their 30 locales include Arabic,
# Hebrew, Persian, Urdu, Chinese, Japanese, Korean, Hindi, Bengali and Thai):
# hyperfine medians and peak memory (/usr/bin/time).
#
#   bash bench/pdf.sh                 # the shipped project and 100x30
#   bash bench/pdf.sh 10x5            # other sizes
#   RUNS=5 bash bench/pdf.sh
#
# Needs the `pdf` feature (this script builds with it), hyperfine, GNU time
# and Debian's fonts-noto-core and fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100x30)
runs=${RUNS:-3}
base=${BENCH_DIR:-$([ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}

for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "bench/pdf.sh needs $tool: apt-get install hyperfine time" >&2
    exit 2
  }
done

work=$(mktemp -d "$base/letterkit-pdf-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet --features pdf --bin letterkit --example gen-corpus
letterkit="$repo/target/release/letterkit"
gen="$repo/target/release/examples/gen-corpus"

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(free -h | awk '/^Mem:/ {print $2}'); load: $(cut -d' ' -f1-3 /proc/loadavg); output in: $base"
echo

median() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f (%.2f-%.2f)" % (r["median"], min(r["times"]), max(r["times"])))' "$1"; }

peak() {
  /usr/bin/time -f '%M' -o "$work/time.out" "$@" >/dev/null 2>&1
  echo $(($(tail -1 "$work/time.out") / 1024))
}

timed() {
  local name=$1 warmup=$2
  shift 2
  hyperfine --shell=none --style none --warmup "$warmup" --runs "$runs" \
    --export-json "$work/$name.json" --command-name "$name" "$*" >"$work/$name.log" 2>&1 || {
    cat "$work/$name.log" >&2
    exit 1
  }
  median "$work/$name.json"
}

rows=()
bench() {
  local label=$1 project=$2 documents=$3 warmup=$4
  local pages pdfs pdf_mb count
  pages=$(timed "build-$label" 1 "$letterkit --project $project build --out $work/out-$label")
  pdfs=$(timed "pdf-$label" "$warmup" "$letterkit --project $project build --pdf --out $work/out-$label")
  pdf_mb=$(peak "$letterkit" --project "$project" build --pdf --out "$work/out-$label")
  count=$(find "$work/out-$label" -name letter.pdf | wc -l)
  rows+=("$(printf '| %-8s | %5s | %5s | %-22s | %-22s | %5s MB |' \
    "$label" "$documents" "$count" "$pages s" "$pdfs s" "$pdf_mb")")
  rm -rf "$work/out-$label"
}

echo "== build and build --pdf (median (min-max) of $runs runs)"
bench shipped "$repo" 4 1
for size in "${sizes[@]}"; do
  letters=${size%x*}
  locales=${size#*x}
  project="$work/$size"
  "$gen" --letters "$letters" --locales "$locales" --out "$project" >/dev/null
  bench "$size" "$project" $((letters * locales)) 0
  rm -rf "$project"
done

echo
echo "| project  | documents | PDFs | build | build --pdf | peak memory (--pdf) |"
echo "| --- | ---: | ---: | --- | --- | ---: |"
printf '%s\n' "${rows[@]}"
