#!/usr/bin/env python3
"""Serve web/ and answer the JSON API of docs/API.md from web/dev/fixtures/.

A development stand-in for `chorus serve` (Python standard library only):

  web/dev/serve_fixtures.py [--port 8080] [--host 127.0.0.1] [--fixtures DIR]

Static files are served only from a fixed list (index.html, app.js, style.css, favicon.svg), so nothing
else under web/ or outside it can be reached. Prints "serving http://HOST:PORT/" once ready
(with --port 0 the OS picks a free port, which is the one printed).
"""
import argparse
import json
import os
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
WEB = os.path.dirname(HERE)
ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_LIMIT = 200


class BadRequest(Exception):
    pass


def load(fixtures):
    def j(name):
        with open(os.path.join(fixtures, name), encoding="utf-8") as f:
            return json.load(f)
    return {"health": j("health.json"), "stories": j("stories.json"),
            "details": j("story_details.json"), "articles": j("articles.json"),
            "quotes": j("quotes.json")}


def paging(qs, default_limit):
    def num(name, default, lo, hi):
        v = qs.get(name, [str(default)])[-1]
        if not re.fullmatch(r"\d{1,9}", v):
            raise BadRequest(f"{name} must be a non-negative integer")
        n = int(v)
        if not lo <= n <= hi:
            raise BadRequest(f"{name} must be between {lo} and {hi}")
        return n
    return num("limit", default_limit, 1, MAX_LIMIT), num("offset", 0, 0, 10**9)


def api(data, path, qs):
    """Returns (status, object)."""
    if path == "/api/health":
        return 200, data["health"]
    if path == "/api/stories":
        limit, offset = paging(qs, 50)
        q = qs.get("q", [""])[-1].strip().casefold()
        since = qs.get("since", [""])[-1]
        if since and not DATE.match(since):
            raise BadRequest("since must be YYYY-MM-DD")
        rows = []
        for s in data["stories"]:
            if since and (s["last_seen"] is None or s["last_seen"] < since):
                continue
            if q:
                titles = [a["title"] or "" for a in data["details"][s["story"]]["articles"]]
                hay = " ".join([s["headline"] or ""] + titles).casefold()
                if q not in hay:
                    continue
            rows.append(s)
        return 200, {"total": len(rows), "stories": rows[offset:offset + limit]}
    if path.startswith("/api/stories/"):
        sid = unquote(path[len("/api/stories/"):])
        d = data["details"].get(sid)
        return (200, d) if d is not None else (404, {"error": "no such story"})
    if path == "/api/quotes":
        limit, offset = paging(qs, 50)
        speaker = qs.get("speaker", [""])[-1].strip().casefold()
        q = qs.get("q", [""])[-1].strip().casefold()
        rows = [x for x in data["quotes"]
                if (not speaker or (x["speaker"] or "").casefold() == speaker)
                and (not q or q in x["text"].casefold())]
        return 200, {"total": len(rows), "quotes": rows[offset:offset + limit]}
    if path.startswith("/api/articles/"):
        aid = unquote(path[len("/api/articles/"):])
        a = data["articles"].get(aid)
        return (200, a) if a is not None else (404, {"error": "no such article"})
    return 404, {"error": "no such endpoint"}


def make_handler(data, quiet):
    class Handler(BaseHTTPRequestHandler):
        server_version = "chorus-fixtures"

        def log_message(self, fmt, *args):
            if not quiet:
                sys.stderr.write("serve_fixtures: " + fmt % args + "\n")

        def send(self, status, body, ctype, cache):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", cache)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Content-Security-Policy", CSP)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            url = urlsplit(self.path)
            path = url.path
            if path.startswith("/api/"):
                try:
                    status, obj = api(data, path, parse_qs(url.query))
                except BadRequest as e:
                    status, obj = 400, {"error": str(e)}
                body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
                self.send(status, body, "application/json; charset=utf-8", "no-store")
                return
            asset = ASSETS.get(path)
            if asset is None:
                self.send(404, b"not found\n", "text/plain; charset=utf-8", "no-store")
                return
            with open(os.path.join(WEB, asset[0]), "rb") as f:
                body = f.read()
            self.send(200, body, asset[1], "no-cache")

    return Handler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--fixtures", default=os.path.join(HERE, "fixtures"))
    ap.add_argument("--quiet", action="store_true", help="no request log")
    a = ap.parse_args()
    httpd = ThreadingHTTPServer((a.host, a.port), make_handler(load(a.fixtures), a.quiet))
    host, port = httpd.server_address[:2]
    print(f"serving http://{host}:{port}/", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
