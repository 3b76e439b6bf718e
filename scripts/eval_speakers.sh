#!/usr/bin/env bash
# Scores `chorus quotes`' canonical speakers on PolNeAR against the labelled
# referents in eval/speakers/ (see eval/speakers/README.md).
#   scripts/eval_speakers.sh [dev|train] [--json] [--errors N]
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-dev}
shift || true
shared=${CHORUS_SHARED:-../shared}
gold="$shared/data/polnear/$split.jsonl"
[[ -f "$gold" ]] || { echo "eval_speakers: $gold not found" >&2; exit 2; }
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
build/chorus quotes -q "$gold" >"$pred"
python3 eval/speaker_eval.py "eval/speakers/$split.jsonl" "$pred" "$@"
