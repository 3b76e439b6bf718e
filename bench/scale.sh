#!/usr/bin/env bash
# Whole-process cost of each chorus stage on a generated corpus of N articles.
#
#   bench/scale.sh N             # e.g. 10000, 100000
#
# Generates $SCALE_DIR/genN.jsonl (chorus-gen --seed 42) when missing, then
# times, output to /dev/null:
#   chorus read     read + normalise + segment
#   chorus quotes   read + segment + attributions
#   chorus stories  read + segment + story features (quotations, not the
#                   attribution rules), near-copy index, clustering (default
#                   threads, and --threads 1)
# and prints markdown rows: wall, user CPU, articles/s and MB/s (of JSONL, by
# wall time), peak RSS, and the load average just before each run.
# SCALE_DIR defaults to /tmp/peer, shared with bench/peer/run_peer.sh.
set -euo pipefail

n=${1:?usage: scale.sh N}
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ ! -f $root/../shared/data/polnear/train.jsonl ]]; then
  echo "scale.sh: skipped: ../shared/data/polnear/train.jsonl not found (the generator's source)" >&2
  exit 0
fi
chorus=$root/build/chorus gen=$root/build/chorus-gen
for f in "$chorus" "$gen"; do
  [[ -x $f ]] || { echo "scale.sh: $f missing: build first (cmake --build build -j2)" >&2; exit 2; }
done
dir=${SCALE_DIR:-/tmp/peer}
mkdir -p "$dir"
corpus=$dir/gen$n.jsonl
if [[ ! -s $corpus ]]; then
  "$gen" --articles "$n" --seed 42 --out "$corpus" --truth "$dir/gen$n.truth.jsonl" >&2
fi
bytes=$(stat -c %s "$corpus")

row() {
  local stage=$1; shift
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$dir/scale.time" "$@" > /dev/null
  read -r wall user sys rss < "$dir/scale.time"
  awk -v st="$stage" -v n="$n" -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" \
      -v rss="$rss" -v load="$load" 'BEGIN {
    printf "| %s | %d | %.2f | %.2f | %.2f | %.0f | %.1f | %.0f | %s |\n",
      st, n, w, u, s, n / w, b / 1e6 / w, rss / 1024, load }'
}

echo "| stage | articles | wall s | user s | sys s | articles/s | MB/s | peak RSS MB | load avg before |"
echo "|---|---|---|---|---|---|---|---|---|"
row "read" "$chorus" read -q "$corpus"
row "quotes" "$chorus" quotes -q "$corpus"
row "stories" "$chorus" stories -q "$corpus"
row "stories --threads 1" "$chorus" stories -q --threads 1 "$corpus"
