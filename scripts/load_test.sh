#!/usr/bin/env bash
# Load test of `chorus serve` on loopback: builds a store from a generated
# corpus (build/chorus-gen, ARTICLES articles, default 5000), starts the server,
# runs wrk (CONNECTIONS connections, default 16, THREADS threads, default 2) for
# SECONDS (default 60) over a mix of endpoints (docs/API.md: health, story
# lists with paging, search and dates, story pages, articles, quotes, the page
# and its assets), samples the server's resident memory every few seconds, and
# reports requests, errors, latency percentiles and memory at start, middle and
# end. Exits 1 when a request failed (socket error or a non-2xx answer: every
# path in the mix exists) or when memory grew by more than 10% (+8 MB) from
# the middle of the run to its end.
#   scripts/load_test.sh [SECONDS]
# Needs wrk (apt-get install wrk) and a built build/chorus and build/chorus-gen.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-60}
BUILD_DIR=${BUILD_DIR:-build}
ARTICLES=${ARTICLES:-5000}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
SAMPLE=${SAMPLE_SECONDS:-5}
CHORUS=$BUILD_DIR/chorus
GEN=$BUILD_DIR/chorus-gen
command -v wrk >/dev/null || { echo "load_test: wrk not found (apt-get install wrk)" >&2; exit 2; }
[[ -x "$CHORUS" && -x "$GEN" ]] || { echo "load_test: build $CHORUS and $GEN first" >&2; exit 2; }

tmp=$(mktemp -d)
server=""
sampler=""
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "load_test: generating $ARTICLES articles and ingesting them" >&2
"$GEN" -n "$ARTICLES" --seed 1 --out "$tmp/corpus.jsonl" --truth "$tmp/truth.jsonl" 2>/dev/null
start_ingest=$(date +%s)
"$CHORUS" ingest -q --db "$tmp/news.db" "$tmp/corpus.jsonl"
echo "load_test: ingest took $(($(date +%s) - start_ingest)) s; store $(du -h "$tmp/news.db" | cut -f1)" >&2

"$CHORUS" serve --db "$tmp/news.db" --port 0 2>"$tmp/serve.log" &
server=$!
url=""
for _ in $(seq 1 200); do
  url=$(grep -o 'http://[0-9.]*:[0-9]*' "$tmp/serve.log" || true)
  [[ -n "$url" ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "load_test: the server did not start" >&2; exit 1; }

# The mix: paths that all exist (so any non-2xx is an error), ids taken from
# the store and the corpus.
python3 - "$url" "$tmp/corpus.jsonl" "$tmp/paths.lua" <<'EOF'
import json, random, sys, urllib.parse, urllib.request
url, corpus, out = sys.argv[1:4]
random.seed(1)
stories = json.load(urllib.request.urlopen(url + "/api/stories?limit=200"))["stories"]
quotes = json.load(urllib.request.urlopen(url + "/api/quotes?limit=200"))["quotes"]
articles = [json.loads(line) for line in open(corpus, encoding="utf-8")]
q = lambda s: urllib.parse.quote(s, safe="")
paths = ["/api/health", "/api/stories", "/api/stories?limit=200", "/api/stories?offset=50&limit=20",
         "/api/stories?since=2020-01-01", "/api/quotes?limit=50", "/api/quotes?offset=100",
         "/", "/app.js", "/style.css", "/favicon.svg"]
words = [w for a in random.sample(articles, 20) for w in a["title"].split()[:2] if w.isalpha()]
paths += ["/api/stories?q=" + q(w) for w in words[:10]]
paths += ["/api/quotes?q=" + q(w) for w in words[:5]]
speakers = sorted({x["speaker"] for x in quotes if x.get("speaker")})
paths += ["/api/quotes?speaker=" + q(s) for s in speakers[:5]]
paths += ["/api/stories/" + s["story"] for s in stories[:100]]
paths += ["/api/articles/" + q(a["id"]) for a in random.sample(articles, 200)]
# Weights: story and article pages are what the page asks for most.
with open(out, "w") as f:
    f.write("paths = {\n" + ",\n".join(json.dumps(p) for p in paths) + "\n}\n")
    f.write("""
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[math.random(#paths)])
end
""")
print(f"load_test: {len(paths)} paths ({len(stories)} stories listed)", file=sys.stderr)
EOF

rss() { awk '/^VmRSS/ {print $2}' "/proc/$server/status"; }
(
  t0=$(date +%s)
  while kill -0 "$server" 2>/dev/null; do
    echo "$(($(date +%s) - t0)) $(rss) $(cut -d' ' -f1 /proc/loadavg)"
    sleep "$SAMPLE"
  done
) >"$tmp/rss.log" 2>/dev/null &
sampler=$!

echo "load_test: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s against $url" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$tmp/paths.lua" \
  "$url" | tee "$tmp/wrk.log"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=""

python3 - "$tmp/wrk.log" "$tmp/rss.log" "$DURATION" <<'EOF'
import re, sys
wrk = open(sys.argv[1]).read()
samples = [tuple(map(float, l.split())) for l in open(sys.argv[2]) if len(l.split()) == 3]
duration = float(sys.argv[3])
requests = int(re.search(r"(\d+) requests in", wrk).group(1))
non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)) else 0
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", wrk)
sock_errors = sum(map(int, sock.groups())) if sock else 0
lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", wrk, re.M))
rate = re.search(r"Requests/sec:\s+(\S+)", wrk).group(1)
def at(frac):
    t = duration * frac
    return min(samples, key=lambda s: abs(s[0] - t))
start, middle, end = at(0.0), at(0.5), at(1.0)
peak = max(s[1] for s in samples)
loads = [s[2] for s in samples]
print(f"load_test: {requests} requests ({rate}/s), {non2xx} non-2xx, {sock_errors} socket errors")
print(f"load_test: latency p50 {lat.get('50')}, p75 {lat.get('75')}, p90 {lat.get('90')}, p99 {lat.get('99')}")
print(f"load_test: RSS start {start[1]/1024:.1f} MB (t={start[0]:.0f}s), middle {middle[1]/1024:.1f} MB "
      f"(t={middle[0]:.0f}s), end {end[1]/1024:.1f} MB (t={end[0]:.0f}s), peak {peak/1024:.1f} MB; "
      f"{len(samples)} samples")
print(f"load_test: load average (1 min) min {min(loads):.2f}, max {max(loads):.2f}, mean {sum(loads)/len(loads):.2f}")
grew = end[1] - middle[1]
bad = non2xx or sock_errors
if grew > max(0.10 * middle[1], 8 * 1024):
    print(f"load_test: FAIL: memory grew by {grew/1024:.1f} MB in the second half")
    bad = True
sys.exit(1 if bad else 0)
EOF
