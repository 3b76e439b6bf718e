#!/usr/bin/env bash
# Scores `chorus digest` on ../shared/data/dev-stories with digest_eval.py: the
# coverage method (the default) and the LexRank baseline, side by side. The
# scorer computes the lead baseline itself (same number of sentences).
#   scripts/eval_digest.sh            # summary lines
#   scripts/eval_digest.sh -v         # per story as well
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CHORUS_SHARED:-../shared}
gold="$shared/data/dev-stories/stories.jsonl"
facts="$shared/data/dev-stories/keyfacts.jsonl"
[[ -f "$gold" && -f "$facts" ]] || { echo "eval_digest: $gold or $facts not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for method in coverage lexrank; do
  build/chorus digest -q --method "$method" "$gold" >"$tmp/$method.jsonl"
  echo "== $method"
  if [[ "${1:-}" == -v ]]; then
    python3 "$shared/eval/digest_eval.py" "$gold" "$facts" "$tmp/$method.jsonl"
  else
    python3 "$shared/eval/digest_eval.py" "$gold" "$facts" "$tmp/$method.jsonl" | tail -1
  fi
done
