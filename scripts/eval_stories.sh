#!/usr/bin/env bash
# Scores `chorus stories` on ../shared/data/dev-stories with cluster_eval.py:
#   scripts/eval_stories.sh            # input in file order
#   scripts/eval_stories.sh shuffled   # shuffled (seeded), dates stripped
# Extra arguments go to chorus stories (e.g. --threshold 0.3).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CHORUS_SHARED:-../shared}
gold="$shared/data/dev-stories/stories.jsonl"
[[ -f "$gold" ]] || { echo "eval_stories: $gold not found" >&2; exit 2; }
mode=${1:-ordered}
[[ $# -gt 0 ]] && shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [[ "$mode" == shuffled ]]; then
  for seed in ${SEEDS:-1 2 3}; do
    python3 -c "
import json, random, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
random.Random(int(sys.argv[2])).shuffle(rows)
for r in rows:
    r['published'] = ''
    print(json.dumps(r, ensure_ascii=False))" "$gold" "$seed" >"$tmp/in.jsonl"
    build/chorus stories -q "$@" "$tmp/in.jsonl" >"$tmp/pred.jsonl"
    echo -n "seed $seed: "
    python3 "$shared/eval/cluster_eval.py" "$gold" "$tmp/pred.jsonl" | sed -n 2p
  done
else
  build/chorus stories -q "$@" "$gold" >"$tmp/pred.jsonl"
  python3 "$shared/eval/cluster_eval.py" "$gold" "$tmp/pred.jsonl"
fi
