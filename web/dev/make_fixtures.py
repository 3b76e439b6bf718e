#!/usr/bin/env python3
"""Build API-shaped JSON fixtures for the web page from real `chorus` output.

Runs the CLI (read, stories, digest, quotebook, reuse, quotes) on the same inputs, so story
and quote ids agree, and writes what the HTTP API of docs/API.md would answer into
web/dev/fixtures/:

  health.json         GET /api/health
  stories.json        every story summary, newest first (the server filters and pages)
  story_details.json  {story: GET /api/stories/{story}}
  articles.json       {id: GET /api/articles/{id}}
  quotes.json         every quotebook line (the server filters and pages)

Usage: web/dev/make_fixtures.py [--chorus build/chorus] [--out web/dev/fixtures] [INPUTS...]
Default inputs: ../shared/seeds, ../shared/data/dev-stories/stories.jsonl and
web/dev/hostile.jsonl (an article whose title and text carry </script> and HTML, and emoji
before a quotation, to test escaping and code-point spans in the browser).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(chorus, cmd, inputs):
    out = subprocess.run([chorus, cmd, "--quiet", *inputs], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def newest_first_key(s):
    # Newest first by last_seen, then first_seen; stories without dates last; then by id
    # (numerically for "s12"-style ids) so the order is total and stable.
    sid = s["story"]
    num = int(sid[1:]) if sid[1:].isdigit() else 0
    return (s["last_seen"] is None, _neg(s["last_seen"]), _neg(s["first_seen"]), num, sid)


def _neg(date):
    # Sort dates descending inside an ascending sort.
    return "" if date is None else "".join(chr(0x10FFFF - ord(c)) for c in date)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chorus", default=os.path.join(ROOT, "build", "chorus"))
    ap.add_argument("--out", default=os.path.join(HERE, "fixtures"))
    ap.add_argument("inputs", nargs="*")
    a = ap.parse_args()
    shared = os.path.join(os.path.dirname(ROOT), "shared")
    inputs = a.inputs or [os.path.join(shared, "seeds"),
                          os.path.join(shared, "data", "dev-stories", "stories.jsonl"),
                          os.path.join(HERE, "hostile.jsonl")]

    read = run(a.chorus, "read", inputs)
    stories = run(a.chorus, "stories", inputs)
    digests = run(a.chorus, "digest", inputs)
    quotebook = run(a.chorus, "quotebook", inputs)
    reuse = run(a.chorus, "reuse", inputs)
    quotes = run(a.chorus, "quotes", inputs)

    story_of = {s["id"]: s["story"] for s in stories}
    dup_of = {s["id"]: s["duplicate_of"] for s in stories}
    art = {r["id"]: r for r in read}
    quotes_of = {q["id"]: q["quotes"] for q in quotes}

    def brief(aid):
        r = art[aid]
        return {"id": aid, "title": r["title"], "source": r["source"], "url": r["url"],
                "published": r["published"], "duplicate_of": dup_of.get(aid)}

    summaries = [{"story": d["story"], "headline": d["headline"], "outlets": d["outlets"],
                  "first_seen": d["first_seen"], "last_seen": d["last_seen"],
                  "articles": len(d["articles"])} for d in digests]
    summaries.sort(key=newest_first_key)

    details = {}
    for d in digests:
        ids = set(d["articles"])
        details[d["story"]] = {
            "digest": d,
            "articles": [brief(i) for i in d["articles"]],
            "quotebook": [q for q in quotebook if q["story"] == d["story"]],
            "reuse": [r for r in reuse if r["a"] in ids],
        }

    articles = {}
    for r in read:
        aid = r["id"]
        articles[aid] = {"id": aid, "title": r["title"], "source": r["source"], "url": r["url"],
                         "published": r["published"], "story": story_of.get(aid),
                         "text": r["text"], "quotes": quotes_of.get(aid, [])}

    os.makedirs(a.out, exist_ok=True)

    def dump(name, obj):
        with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
            f.write("\n")

    dump("health.json", {"ok": True, "articles": len(read), "stories": len(digests)})
    dump("stories.json", summaries)
    dump("story_details.json", details)
    dump("articles.json", articles)
    dump("quotes.json", quotebook)
    total = sum(os.path.getsize(os.path.join(a.out, n)) for n in os.listdir(a.out))
    print(f"make_fixtures: {len(read)} articles, {len(digests)} stories, "
          f"{len(quotebook)} quotes -> {a.out} ({total // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
