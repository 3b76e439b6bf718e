#!/usr/bin/env bash
# chorus stories against the scikit-learn peer on one generated corpus.
#
#   bench/peer/run_peer.sh N         # e.g. 10000 or 100000
#
# Generates $PEER_DIR/genN.jsonl (chorus-gen --seed 42) when missing, runs
# `chorus stories` and bench/peer/sklearn_stories.py on it, scores both with
# bench/peer/bcubed.py against the planted truth and prints one markdown table
# row each. Needs build/chorus and build/chorus-gen (Release), Debian's
# python3-sklearn, and ../shared (the generator's sentence source).
# Environment: PEER_DIR (/tmp/peer), CHORUS_ARGS (extra `chorus stories`
# flags, e.g. "--threads 1"), PEER_ARGS (extra peer flags, e.g.
# "--threshold 0.3 --window-days 3"), PYTHON (/usr/bin/python3: Debian's, which
# has sklearn).
set -euo pipefail

n=${1:?usage: run_peer.sh N}
root=$(cd "$(dirname "$0")/../.." && pwd)
source_file=$root/../shared/data/polnear/train.jsonl
if [[ ! -f $source_file ]]; then
  echo "run_peer.sh: skipped: $source_file not found (../shared is missing)" >&2
  exit 0
fi
dir=${PEER_DIR:-/tmp/peer}
py=${PYTHON:-/usr/bin/python3}
chorus=$root/build/chorus
gen=$root/build/chorus-gen
for f in "$chorus" "$gen"; do
  [[ -x $f ]] || { echo "run_peer.sh: $f missing: build first (cmake --build build -j2)" >&2; exit 2; }
done
"$py" -c 'import sklearn' 2>/dev/null || {
  echo "run_peer.sh: $py has no sklearn: apt-get install -y python3-sklearn" >&2; exit 2; }

mkdir -p "$dir"
corpus=$dir/gen$n.jsonl truth=$dir/gen$n.truth.jsonl
if [[ ! -s $corpus || ! -s $truth ]]; then
  "$gen" --articles "$n" --seed 42 --out "$corpus" --truth "$truth" >&2
fi
mb=$(awk -v b="$(stat -c %s "$corpus")" 'BEGIN { printf "%.1f", b / 1e6 }')

# run NAME COMMAND...: times COMMAND (stdout to $dir/NAME.N.pred), scores it, prints a row.
run() {
  local name=$1; shift
  local pred=$dir/$name.$n.pred timing=$dir/$name.$n.time load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$timing" "$@" > "$pred"
  read -r wall user sys rss < "$timing"
  read -r p r f1 groups < <("$py" "$root/bench/peer/bcubed.py" --short "$truth" "$pred")
  awk -v name="$name" -v n="$n" -v mb="$mb" -v w="$wall" -v u="$user" -v s="$sys" \
      -v rss="$rss" -v p="$p" -v r="$r" -v f="$f1" -v g="$groups" -v load="$load" 'BEGIN {
    printf "| %s | %d | %s | %.1f | %.1f | %.0f | %d | %.0f | %s | %s | **%s** | %d | %s |\n",
      name, n, mb, w, u + s, n / w, n / (u + s), rss / 1024, p, r, f, g, load }'
}

echo "| system | articles | MB | wall s | CPU s (user+sys) | articles/s wall | articles/s CPU | peak RSS MB | B³ P | B³ R | B³ F1 | stories | load avg before |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
# shellcheck disable=SC2086  # the extra flags are meant to split
run chorus "$chorus" stories -q ${CHORUS_ARGS:-} "$corpus"
# shellcheck disable=SC2086
run sklearn "$py" "$root/bench/peer/sklearn_stories.py" ${PEER_ARGS:-} "$corpus"
