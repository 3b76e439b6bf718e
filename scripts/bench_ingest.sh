#!/bin/sh
# Measures `chorus ingest` into a fresh store on generated articles, and an
# incremental ingest of more articles into the filled store (replay cost).
# Usage: scripts/bench_ingest.sh [ARTICLES] [EXTRA]   (defaults 10000 and 1000)
set -eu
N=${1:-10000}
EXTRA=${2:-1000}
BIN=${CHORUS:-build/chorus}
GEN=${CHORUS_GEN:-build/chorus-gen}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
"$GEN" --articles $((N + EXTRA)) --seed 42 --out "$DIR/all.jsonl" --truth "$DIR/truth.jsonl"
head -n "$N" "$DIR/all.jsonl" >"$DIR/first.jsonl"
tail -n "$EXTRA" "$DIR/all.jsonl" >"$DIR/more.jsonl"

run() {  # run LABEL ARTICLES FILE
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$DIR/rss" "$BIN" ingest -q --db "$DIR/news.db" "$3"
  end=$(date +%s.%N)
  awk -v l="$1" -v n="$2" -v s="$start" -v e="$end" -v r="$(cat "$DIR/rss")" \
    'BEGIN { t = e - s; printf "%-34s %7d articles  %7.2f s  %7.0f articles/s  %6.0f MB RSS\n", l, n, t, n / t, r / 1024 }'
}
run "ingest into an empty store" "$N" "$DIR/first.jsonl"
run "ingest $EXTRA more (replays $N)" "$EXTRA" "$DIR/more.jsonl"
start=$(date +%s.%N)
"$BIN" stories -q "$DIR/all.jsonl" >/dev/null
end=$(date +%s.%N)
awk -v n=$((N + EXTRA)) -v s="$start" -v e="$end" \
  'BEGIN { t = e - s; printf "%-34s %7d articles  %7.2f s  %7.0f articles/s\n", "chorus stories (for reference)", n, t, n / t }'
ls -l "$DIR/news.db" | awk '{ printf "store size: %.1f MB\n", $5 / 1048576 }'
