#!/usr/bin/env bash
# The web page against the real server: ingests the seeds, the dev stories (when
# ../shared is there) and web/dev/hostile.jsonl into a fresh store, starts
# `chorus serve` on a free loopback port, and runs scripts/browser_test.sh on it
# (which installs Chromium and playwright-core itself, or prints SKIPPED).
# Screenshots: $BUILD_DIR/browser-test/story_page*.png.
#   scripts/serve_e2e.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
CHORUS=$BUILD_DIR/chorus
shared=${CHORUS_SHARED:-../shared}
if [[ ! -d "$shared/seeds" ]]; then
  echo "SKIPPED: $shared/seeds not found; the browser test needs the seeds"
  exit 0
fi
tmp=$(mktemp -d)
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
inputs=("$shared/seeds")
[[ -f "$shared/data/dev-stories/stories.jsonl" ]] && inputs+=("$shared/data/dev-stories/stories.jsonl")
inputs+=(web/dev/hostile.jsonl)
"$CHORUS" ingest -q --db "$tmp/news.db" "${inputs[@]}"
"$CHORUS" serve --db "$tmp/news.db" --port 0 2>"$tmp/serve.log" &
server=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://[0-9.]*:[0-9]*/' "$tmp/serve.log" || true)
  [[ -n "$url" ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "serve_e2e: the server did not start" >&2; exit 1; }
echo "serve_e2e: chorus serve at $url"
scripts/browser_test.sh "$url"
