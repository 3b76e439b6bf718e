#!/usr/bin/env bash
# The web page's end-to-end test in headless Chromium (tests/browser/story_page.mjs).
#
#   scripts/browser_test.sh [BASE_URL]
#
# BASE_URL: a running server with the web page and the API of docs/API.md (e.g. `chorus serve`
# on a store holding ../shared/seeds, ../shared/data/dev-stories/stories.jsonl and
# web/dev/hostile.jsonl). Without it, the script starts web/dev/serve_fixtures.py on a free
# loopback port and uses the fixtures in web/dev/fixtures/ (regenerated with
# web/dev/make_fixtures.py when missing).
#
# Installs what it needs: Debian's chromium (apt-get, non-interactive) when /usr/bin/chromium is
# missing, and playwright-core from npm into $BUILD_DIR/browser-test (never into the source
# tree). When Chromium or playwright-core cannot be installed it prints "SKIPPED: ..." and
# exits 0. Screenshots: $BUILD_DIR/browser-test/story_page*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${BUILD_DIR:-build}
DEPS="$ROOT/$BUILD_DIR/browser-test"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
BASE_URL=${1:-}

skip() { echo "SKIPPED: $*"; exit 0; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 ||
    { as_root apt-get update -q >/dev/null 2>&1 &&
      as_root apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1; }
}

if [ ! -x "$CHROMIUM" ]; then
  echo "browser_test: $CHROMIUM missing, installing Debian's chromium"
  apt_install chromium || true
  [ -x "$CHROMIUM" ] || skip "Chromium could not be installed (apt-get install chromium failed or no root); the browser test did not run"
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "browser_test: node/npm missing, installing Debian's nodejs and npm"
  apt_install nodejs npm || true
  command -v node >/dev/null && command -v npm >/dev/null ||
    skip "node and npm could not be installed; the browser test did not run"
fi

mkdir -p "$DEPS"
if [ ! -f "$DEPS/node_modules/playwright-core/package.json" ]; then
  echo "browser_test: installing playwright-core into $DEPS"
  [ -f "$DEPS/package.json" ] ||
    echo '{"name": "chorus-browser-test", "private": true}' > "$DEPS/package.json"
  (cd "$DEPS" && npm install --no-audit --no-fund --silent 'playwright-core@^1.49.0' >/dev/null 2>&1) ||
    skip "npm could not install playwright-core (offline?); the browser test did not run"
fi

SERVER_PID=
cleanup() { [ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT

if [ -z "$BASE_URL" ]; then
  if [ ! -f web/dev/fixtures/story_details.json ]; then
    [ -x "$BUILD_DIR/chorus" ] || { echo "browser_test: no fixtures and no $BUILD_DIR/chorus; run make build" >&2; exit 2; }
    python3 web/dev/make_fixtures.py --chorus "$BUILD_DIR/chorus"
  fi
  LOG="$DEPS/serve_fixtures.log"
  python3 web/dev/serve_fixtures.py --port 0 --quiet > "$LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    BASE_URL=$(sed -n 's/^serving \(http:[^ ]*\)$/\1/p' "$LOG")
    [ -n "$BASE_URL" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG" >&2; echo "browser_test: fixture server died" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$BASE_URL" ] || { echo "browser_test: fixture server did not start" >&2; exit 1; }
  echo "browser_test: fixture server at $BASE_URL"
fi

CHORUS_BROWSER_DEPS="$DEPS" CHROMIUM="$CHROMIUM" \
  timeout 300 node tests/browser/story_page.mjs "$BASE_URL" "$DEPS/story_page.png"
