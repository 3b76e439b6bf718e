#!/usr/bin/env bash
# Scores `chorus quotes` against PolNeAR with ../shared/eval/attribution_eval.py.
#   scripts/eval_quotes.sh [dev|train] [--json]
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-dev}
shift || true
shared=${CHORUS_SHARED:-../shared}
gold="$shared/data/polnear/$split.jsonl"
[[ -f "$gold" ]] || { echo "eval_quotes: $gold not found" >&2; exit 2; }
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
build/chorus quotes -q "$gold" >"$pred"
python3 "$shared/eval/attribution_eval.py" "$gold" "$pred" "$@"
