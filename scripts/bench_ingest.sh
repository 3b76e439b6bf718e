#!/bin/sh
# Measures `chorus ingest` into a fresh store on generated articles, then an
# incremental ingest of more articles into the filled store: once continuing
# from the grouping snapshot (the default) and once replaying every article
# (--replay, as chorus did before snapshots), each on its own copy of the store.
# Wall and CPU time (user + system, from /usr/bin/time) and peak RSS.
# Usage: scripts/bench_ingest.sh [ARTICLES] [EXTRA]   (defaults 10000 and 1000)
# CHORUS=path/to/chorus to measure another binary (one without --replay: set
# NO_REPLAY=1).
set -eu
N=${1:-10000}
EXTRA=${2:-1000}
BIN=${CHORUS:-build/chorus}
GEN=${CHORUS_GEN:-build/chorus-gen}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
"$GEN" -q --articles $((N + EXTRA)) --seed 42 --out "$DIR/all.jsonl" --truth "$DIR/truth.jsonl"
head -n "$N" "$DIR/all.jsonl" >"$DIR/first.jsonl"
tail -n "$EXTRA" "$DIR/all.jsonl" >"$DIR/more.jsonl"

report() {  # report LABEL ARTICLES
  read -r wall user sys rss <"$DIR/time"
  awk -v l="$1" -v n="$2" -v t="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "%-40s %7d articles  wall %8.2f s  cpu %8.2f s  %7.0f articles/cpu-s  %6.0f MB RSS\n", l, n, t, u + s, n / (u + s > 0 ? u + s : 1), r / 1024 }'
}
run() {  # run LABEL ARTICLES DB FILE [FLAGS]
  /usr/bin/time -f "%e %U %S %M" -o "$DIR/time" "$BIN" ingest -q ${5:-} --db "$3" "$4"
  report "$1" "$2"
}
run "ingest into an empty store" "$N" "$DIR/news.db" "$DIR/first.jsonl"
cp "$DIR/news.db" "$DIR/replay.db"
if [ -z "${NO_REPLAY:-}" ]; then how="from the snapshot"; else how="replays $N"; fi
run "ingest $EXTRA more ($how)" "$EXTRA" "$DIR/news.db" "$DIR/more.jsonl"
if [ -z "${NO_REPLAY:-}" ]; then
  run "ingest $EXTRA more (--replay of $N)" "$EXTRA" "$DIR/replay.db" "$DIR/more.jsonl" --replay
fi
/usr/bin/time -f "%e %U %S %M" -o "$DIR/time" "$BIN" stories -q "$DIR/all.jsonl" >/dev/null
report "chorus stories (for reference)" $((N + EXTRA))
ls -l "$DIR/news.db" | awk '{ printf "store size: %.1f MB\n", $5 / 1048576 }'
if command -v sqlite3 >/dev/null && [ -z "${NO_REPLAY:-}" ]; then
  sqlite3 "$DIR/news.db" "SELECT sum(length(data)) FROM snapshot" |
    awk '{ printf "snapshot size: %.1f MB\n", $1 / 1048576 }'
fi
