#!/bin/sh
# Measures `chorus ingest --follow`: builds a store of ARTICLES generated
# articles (chorus-gen --seed 42, as bench_ingest.sh), then streams EXTRA more
# into a running `chorus ingest --db --follow -`, RATE lines a second (0: all at
# once), and reports what chorus recorded (--latency-log): the latency of each
# article from its line being read to its commit with the article grouped in
# memory (p50/p90/p99/max), the cost of each regroup step (the first one loads
# the snapshot at start) and how long it held the ingest thread, and
# wall/CPU/RSS of the follow process. With a chorus that logs when it read each
# line (READ_AT), also each line's wait from the feeder's write to its commit
# (the time it spent in the pipe included: what a step makes lines wait).
# Usage: scripts/bench_follow.sh [ARTICLES] [EXTRA] [RATE] [REGROUP_EVERY]
# FOLLOW_ARGS: more options for the follow (e.g. "--snapshot-every 1").
#        (defaults 10000, 1000, 50 lines/s, a regroup step every 250 articles)
# FOLLOW_NICE=-10: run the follow process at that niceness (on a shared machine,
# to see how much of the wall-time tail is preemption; negative needs root).
# STORE_DIR=dir: keep the generated files and the built store there, and reuse
# them when present (the store is copied before following: a 1M store takes
# long to build). CHORUS=path/to/chorus, CHORUS_GEN=path/to/chorus-gen.
set -eu
N=${1:-10000}
EXTRA=${2:-1000}
RATE=${3:-50}
EVERY=${4:-250}
BIN=${CHORUS:-build/chorus}
GEN=${CHORUS_GEN:-build/chorus-gen}
if [ -n "${STORE_DIR:-}" ]; then
  DIR=$STORE_DIR
  mkdir -p "$DIR"
else
  DIR=$(mktemp -d)
  trap 'rm -rf "$DIR"' EXIT
fi
if [ ! -f "$DIR/done" ]; then
  "$GEN" -q --articles $((N + EXTRA)) --seed 42 --out "$DIR/all.jsonl" --truth "$DIR/truth.jsonl"
  head -n "$N" "$DIR/all.jsonl" >"$DIR/first.jsonl"
  tail -n "$EXTRA" "$DIR/all.jsonl" >"$DIR/more.jsonl"
  rm -f "$DIR/news.db"
  /usr/bin/time -f "%e %U %S %M" -o "$DIR/build.time" "$BIN" ingest -q --db "$DIR/news.db" \
    "$DIR/first.jsonl"
  echo done >"$DIR/done"
fi
read -r wall user sys rss <"$DIR/build.time"
echo "store of $N articles: built in $wall s wall, $user + $sys s CPU, $((rss / 1024)) MB RSS;" \
  "$(ls -l "$DIR/news.db" | awk '{ printf "%.0f MB", $5 / 1048576 }')"
cp "$DIR/news.db" "$DIR/follow.db"
rm -f "$DIR/follow.db-wal" "$DIR/follow.db-shm"

# The feeder: EXTRA lines at RATE a second (flushed one by one).
# Each line's write time (CLOCK_MONOTONIC, microseconds) goes to sent.log. The
# feeder starts once chorus says its start step is done (the snapshot loaded),
# so that no line waits for the start.
rm -f "$DIR/follow.err"
python3 -c '
import sys, time
rate = float(sys.argv[2])
for _ in range(60000):
    try:
        if b": start: grouped" in open(sys.argv[4], "rb").read(): break
    except OSError: pass
    time.sleep(0.01)
start = time.monotonic()
sent = []
with open(sys.argv[1], "rb") as f:
    for i, line in enumerate(f):
        if rate > 0:
            delay = start + i / rate - time.monotonic()
            if delay > 0: time.sleep(delay)
        sent.append(time.monotonic_ns() // 1000)
        sys.stdout.buffer.write(line)
        sys.stdout.buffer.flush()
with open(sys.argv[3], "w") as out:
    out.write("".join("%d\n" % t for t in sent))
' "$DIR/more.jsonl" "$RATE" "$DIR/sent.log" "$DIR/follow.err" |
  /usr/bin/time -f "%e %U %S %M" -o "$DIR/follow.time" nice -n "${FOLLOW_NICE:-0}" \
    "$BIN" ingest --db "$DIR/follow.db" \
    --follow --regroup-every "$EVERY" ${FOLLOW_ARGS:-} --latency-log "$DIR/latency.log" - 2>"$DIR/follow.err"
grep -E "^chorus: (latency|regroup steps)" "$DIR/follow.err"
for col in 3 4; do
  [ $col = 3 ] && what="latency" || what="CPU time"
  awk -v c=$col '$1 == "article" { print $c }' "$DIR/latency.log" | sort -n | awk -v what="$what" '
  { v[NR] = $1 }
  END {
    if (NR == 0) exit
    split("0.5 0.9 0.99 1", p, " ")
    printf "per-article %s, %d articles (from the log):", what, NR
    for (i = 1; i <= 4; i++) { k = int(p[i] * NR + 0.999999); if (k < 1) k = 1; printf " p%s %.2f ms", p[i] * 100, v[k] / 1000 }
    printf "\n"
  }'
done
awk '$1 == "article" && $3 > 2000 { n++; v += $5 > 0; i += $6 > 0 }
  END { printf "articles over 2 ms (wall): %d; of them %d waited (voluntary context switch: I/O, locks), %d were preempted (involuntary)\n", n, v, i }' \
  "$DIR/latency.log"
# Each line's wait, feeder write -> committed and grouped (the k-th article
# line is the k-th line sent: every line of the bench is a new article). A
# chorus that does not log READ_AT ran everything on one thread, in log order:
# line k was read at max(its write, the end of what came before it in the log).
awk 'NR == FNR { sent[NR] = $1; next }
  $1 == "article" && NF >= 7 { k++; print ($7 + $3 - sent[k]); next }
  $1 == "article" { k++; read = sent[k] > busy ? sent[k] : busy; busy = read + $3; print busy - sent[k] }
  $1 == "regroup" && $5 == "save_state" && k > 0 { busy += $4 }' "$DIR/sent.log" "$DIR/latency.log" |
  sort -n | awk '
  { v[NR] = $1 }
  END {
    if (NR == 0) exit
    split("0.5 0.9 0.99 1", p, " ")
    printf "per-line wait, written by the feeder -> committed and grouped, %d lines:", NR
    for (i = 1; i <= 4; i++) { k = int(p[i] * NR + 0.999999); if (k < 1) k = 1; printf " p%s %.2f ms", p[i] * 100, v[k] / 1000 }
    printf "\n"
  }'
awk '$1 == "regroup" && $5 == "save_state" { n++; printf "regroup step %d: %d articles pending, %d stories rewritten (%d of them only renumbered), %.0f ms, all on the ingest thread (save state %.0f, finish on a copy %.0f, stories %.0f, snapshot write %.0f; the rest: checkpoint, commit)\n", n, $2, $3, $14, $4 / 1000, $6 / 1000, $8 / 1000, $10 / 1000, $12 / 1000 }
  $1 == "regroup" && $5 == "cut" { n++; printf "regroup step %d: %d articles pending, covers %d, %d stories rewritten (%d of them only renumbered), %.0f ms cut to applied; ingest thread held %.0f ms (cut %.0f, write %.0f%s); second thread: finish on the copy %.0f, stories %.0f\n", n, $2, $18, $3, $14, $4 / 1000, $16 / 1000, $6 / 1000, $12 / 1000, $20 ? " with the snapshot" : "", $8 / 1000, $10 / 1000 }
  $1 == "regroup" && $2 == "discarded" { n++; printf "regroup step %d: discarded (the store changed under it)\n", n }' \
  "$DIR/latency.log"
read -r wall user sys rss <"$DIR/follow.time"
echo "follow process: $wall s wall (feeding at $RATE lines/s), $user + $sys s CPU, $((rss / 1024)) MB peak RSS"
if command -v sqlite3 >/dev/null; then
  sqlite3 "$DIR/follow.db" "SELECT sum(length(data)) FROM snapshot" |
    awk '{ printf "snapshot size: %.1f MB\n", $1 / 1048576 }'
fi
uptime
