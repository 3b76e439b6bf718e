#!/usr/bin/env python3
"""Writes the WARC fixtures of tests/warc_reader_test.cc into tests/data/warc/.

Python 3 standard library only; the output is deterministic (fixed dates,
record ids and gzip headers), so re-running it leaves the committed files
unchanged. The tests read the committed files and do not need Python.

    scripts/make_test_warc.py [OUT_DIR]    # default: tests/data/warc

Every page is a made-up news story about an invented event; no real people.
"""

import base64
import gzip
import hashlib
import os
import sys
import zlib

CRLF = b"\r\n"


# --- pages --------------------------------------------------------------------


def page(title, paragraphs, canonical=None, extra_head="", charset="utf-8"):
    """A news-like page: menu, article paragraphs, share widget, footer."""
    head = f"<title>{title}</title>\n"
    head += f'<meta property="og:title" content="{title}">\n'
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">\n'
    head += extra_head
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    meta = f'<meta charset="{charset}">\n' if charset else ""
    html = f"""<!DOCTYPE html>
<html lang="en">
<head>
{meta}{head}<script>window.analytics = {{ enabled: true }};</script>
</head>
<body>
<nav class="menu"><a href="/">Home</a> <a href="/region">Region</a> <a href="/science">Science</a></nav>
<article>
<h1>{title}</h1>
{body}
</article>
<div class="share">Share this story</div>
<footer>Copyright 2031 Example News Group</footer>
</body>
</html>
"""
    return html.encode("cp1252" if charset in ("windows-1252", "iso-8859-1", None) else "utf-8")


BRIDGE = [
    "The town of Marrowvale opened a floating footbridge across the Quill River on Saturday, "
    "ending a ferry service that had run for ninety years.",
    "The bridge rests on forty pontoons and rises with the spring floods, according to the "
    "regional transport office.",
    "Engineers said the crossing would carry up to three thousand walkers a day.",
]
MOSS = [
    "A survey team found a glowing moss in the limestone caves of Ostrel Ridge last week.",
    "The moss gives off a faint green light when it is touched, the team reported.",
    "Cave visits have been suspended until the colony has been mapped.",
]
ORCHARD = [
    "Frost destroyed most of the apricot blossom in the Tessaly valley overnight on Monday.",
    "Growers in the valley expect the harvest to fall by half this summer.",
]
FERRY = [
    "The last Quill River ferry made its final crossing on Sunday evening.",
    "Dozens of residents rode the old boat one more time before it was retired to a museum.",
]
LIBRARY = [
    "The Harrowgate public library will stay open until midnight during the exam season.",
    "The council approved the longer hours after a petition signed by four hundred students.",
]
KITE = [
    "More than two hundred kites filled the sky above Pellin Beach at the annual kite festival.",
    "A kite shaped like a paper crane won the prize for the best design.",
]
TRAM = [
    "The first electric tram of the Dunmere line carried passengers between the harbour and "
    "the old market on Friday.",
    "The line had been under construction for six years.",
]
OBSERVATORY = [
    "The hilltop observatory at Caskel reopened to visitors after a two-year restoration.",
    "Its refurbished telescope will be open to the public on clear Thursday nights.",
]
SNOW = [
    "Unseasonal snow closed the mountain pass above Verrin for the first time in twenty years.",
    "Road crews expected to reopen the pass by the weekend.",
]
CAFE = [
    "The caf\u00e9 on Quay Street reopened with cr\u00e8me br\u00fbl\u00e9e on the menu.",
    "\u201cWe missed the harbour,\u201d the owners wrote \u2014 the view cost \u20ac2 extra.",
]
PIER = [
    "Storm waves tore a section from the Luma Bay pier on Wednesday night.",
    "Nobody was hurt, and repairs are expected to take three months.",
]


# --- WARC records ---------------------------------------------------------------


class Warc:
    def __init__(self, version="WARC/1.1"):
        self.version = version
        self.records = []  # raw bytes of each record, with its trailing CRLFCRLF
        self.n = 0

    def record(self, wtype, block, uri=None, content_type=None, length=None, extra=(),
               names=None):
        """Adds a record. `length`: None writes the true Content-Length, a string
        writes that instead, False leaves the header out. `names` renames headers
        (to test case-insensitive names)."""
        self.n += 1
        names = names or {}
        rid = f"<urn:uuid:00000000-0000-4000-8000-{self.n:012d}>"
        date = f"2031-04-0{1 + self.n % 9}T08:{self.n:02d}:00Z"
        digest = base64.b32encode(hashlib.sha1(block).digest()).decode()
        headers = [(names.get("WARC-Type", "WARC-Type"), wtype)]
        if uri is not None:
            headers.append(("WARC-Target-URI", uri))
        headers += [("WARC-Date", date), ("WARC-Record-ID", rid),
                    ("WARC-Block-Digest", "sha1:" + digest)]
        if content_type:
            headers.append(("Content-Type", content_type))
        headers += list(extra)
        if length is not False:
            headers.append((names.get("Content-Length", "Content-Length"),
                            str(len(block)) if length is None else length))
        out = self.version.encode() + CRLF
        for k, v in headers:
            out += f"{k}: {v}".encode() + CRLF
        out += CRLF + block + CRLF + CRLF
        self.records.append(out)
        return len(self.records) - 1

    def warcinfo(self):
        info = (b"software: chorus scripts/make_test_warc.py\r\n"
                b"format: WARC File Format 1.1\r\n"
                b"description: test fixture; every story in it is invented\r\n")
        return self.record("warcinfo", info, content_type="application/warc-fields")

    def request(self, uri):
        host = uri.split("/")[2]
        path = "/" + uri.split("/", 3)[3]
        req = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: chorus-test\r\n"
               "Accept: text/html\r\n\r\n").encode()
        return self.record("request", req, uri=uri, content_type="application/http; msgtype=request")

    def response(self, uri, http, **kw):
        return self.record("response", http, uri=uri,
                           content_type="application/http; msgtype=response", **kw)

    def plain(self):
        return b"".join(self.records)

    def gz(self):
        # One gzip member a record, as WARC writers do; mtime 0 keeps it stable.
        return b"".join(gzip.compress(r, compresslevel=9, mtime=0) for r in self.records)


def http(status, headers, body):
    reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}.get(status, "OK")
    head = f"HTTP/1.1 {status} {reason}\r\n"
    for k, v in headers:
        head += f"{k}: {v}\r\n"
    return head.encode() + CRLF + body


def chunked(data, size=300):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += f"{len(piece):x}".encode() + CRLF + piece + CRLF
    return out + b"0" + CRLF + CRLF


def gzipped(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def raw_deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def fake_jpeg(size):
    # A JPEG-looking binary: SOI marker, then bytes including NUL, CR and LF.
    out = bytearray(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    x = 12345
    while len(out) < size - 2:
        x = (x * 1103515245 + 12345) % (1 << 31)
        out.append(x >> 16 & 0xFF)
    return bytes(out + b"\xff\xd9")


BRIDGE_URI = "https://news.example/2031/04/marrowvale-footbridge"
MOSS_URI = "https://daily.example.org/science/glowing-moss"


def sample():
    """warcinfo, request, two HTML responses (chunked; gzip), a JPEG, a 404."""
    w = Warc("WARC/1.1")
    w.warcinfo()
    w.request(BRIDGE_URI)
    bridge = page("Marrowvale opens floating footbridge over the Quill River", BRIDGE)
    w.response(BRIDGE_URI, http(200, [("Content-Type", "text/html; charset=utf-8"),
                                      ("Transfer-Encoding", "chunked"),
                                      ("Server", "example")], chunked(bridge)))
    moss = page("Glowing moss found in the caves of Ostrel Ridge", MOSS, canonical=MOSS_URI)
    z = gzipped(moss)
    # WARC 1.0 examples write the target URI in angle brackets; readers strip them.
    w.response("<" + MOSS_URI + ">",
               http(200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                          ("Content-Length", str(len(z)))], z))
    jpeg = fake_jpeg(3000)
    w.response("https://news.example/img/footbridge.jpg",
               http(200, [("Content-Type", "image/jpeg"), ("Content-Length", str(len(jpeg)))],
                    jpeg))
    missing = page("Page not found", ["Sorry, the page you were looking for has moved."])
    w.response("https://news.example/2031/04/old-story",
               http(404, [("Content-Type", "text/html; charset=utf-8")], missing))
    return w


def simple_response(w, uri, title, paras, **kw):
    body = page(title, paras)
    return w.response(uri, http(200, [("Content-Type", "text/html; charset=utf-8"),
                                      ("Content-Length", str(len(body)))], body), **kw)


def bad_length(delta):
    """Four HTML responses; the second one's Content-Length is off by `delta`."""
    w = Warc()
    simple_response(w, "https://news.example/a/orchard-frost", "Frost hits Tessaly orchards",
                    ORCHARD)
    body = page("Last ferry crosses the Quill", FERRY)
    block = http(200, [("Content-Type", "text/html")], body)
    w.response("https://news.example/b/last-ferry", block, length=str(len(block) + delta))
    simple_response(w, "https://news.example/c/library-hours", "Library extends its hours",
                    LIBRARY)
    simple_response(w, "https://news.example/d/kite-festival", "Kites fill the sky at Pellin",
                    KITE)
    return w


def garbled_length():
    """Six HTML responses; records 2-5 have a garbled, missing, negative or
    overflowing Content-Length."""
    w = Warc()
    simple_response(w, "https://news.example/1/tram", "Dunmere tram opens", TRAM)
    simple_response(w, "https://news.example/2/garbled", "Garbled", FERRY, length="12ab")
    simple_response(w, "https://news.example/3/missing", "Missing", LIBRARY, length=False)
    simple_response(w, "https://news.example/4/negative", "Negative", KITE, length="-7")
    simple_response(w, "https://news.example/5/overflow", "Overflow", SNOW,
                    length="99999999999999999999999")
    simple_response(w, "https://news.example/6/observatory", "Caskel observatory reopens",
                    OBSERVATORY)
    return w


def huge_length():
    """Four HTML responses; the second claims 50 MB (over the article limit)."""
    w = Warc()
    simple_response(w, "https://news.example/h1/pier", "Storm damages Luma Bay pier", PIER)
    simple_response(w, "https://news.example/h2/huge", "Huge", FERRY, length="50000000")
    simple_response(w, "https://news.example/h3/snow", "Snow closes Verrin pass", SNOW)
    simple_response(w, "https://news.example/h4/tram", "Dunmere tram opens", TRAM)
    return w


def variants():
    """WARC/1.0 with the payload variations a crawl contains."""
    w = Warc("WARC/1.0")
    w.warcinfo()
    # 1: no Content-Type at all; header names in lower case. Delivered (sniffed).
    body = page("Frost hits Tessaly orchards", ORCHARD)
    w.response("https://variants.example/1-no-content-type", http(200, [], body),
               names={"WARC-Type": "warc-type", "Content-Length": "content-length"})
    # 2: raw deflate, as many servers send for "deflate". Delivered.
    body = page("Last ferry crosses the Quill", FERRY)
    w.response("https://variants.example/2-deflate",
               http(200, [("Content-Type", "text/html"), ("Content-Encoding", "deflate")],
                    raw_deflate(body)))
    # 3: gzip, then chunked. Delivered.
    body = page("Library extends its hours", LIBRARY)
    w.response("https://variants.example/3-gzip-chunked",
               http(200, [("Content-Type", "text/html; charset=UTF-8"),
                          ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
                    chunked(gzipped(body), 100)))
    # 4: says gzip and chunked, but the writer stored the decoded body. Delivered.
    body = page("Kites fill the sky at Pellin", KITE)
    w.response("https://variants.example/4-already-decoded",
               http(200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                          ("Transfer-Encoding", "chunked")], body))
    # 5: text/plain. Not an article: skipped silently.
    w.response("https://variants.example/5-robots.txt",
               http(200, [("Content-Type", "text/plain")], b"User-agent: *\nDisallow:\n"))
    # 6: a redirect. Skipped silently.
    w.response("https://variants.example/6-redirect",
               http(301, [("Location", "https://variants.example/elsewhere"),
                          ("Content-Type", "text/html")],
                    b"<html><body><p>Moved.</p></body></html>"))
    # 7: a resource record holding HTML. Not a response: skipped silently.
    w.record("resource", page("Dunmere tram opens", TRAM),
             uri="file:///crawl/notes.html", content_type="text/html")
    # 8: a revisit record. Skipped silently.
    w.record("revisit", http(200, [("Content-Type", "text/html")], b""),
             uri="https://variants.example/2-deflate", content_type="application/http",
             extra=[("WARC-Profile",
                     "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest")])
    # 9: a DNS response: not HTTP. Skipped silently.
    w.record("response", b"20310401080000\nnews.example.\t300\tIN\tA\t192.0.2.7\n",
             uri="dns:news.example", content_type="text/dns")
    # 10: an HTML page with no article text. Skipped with a message.
    empty = (b"<!DOCTYPE html><html><head><title></title></head><body>"
             b"<img src=\"/spacer.gif\"><script>var x = 1;</script></body></html>")
    w.response("https://variants.example/10-empty-page",
               http(200, [("Content-Type", "text/html")], empty))
    # 11: brotli, which chorus does not decode. Skipped with a message.
    w.response("https://variants.example/11-brotli",
               http(200, [("Content-Type", "text/html"), ("Content-Encoding", "br")],
                    b"\x1b\x2f\x00\xf8\x25\x82\x82\x88\x5e\x00"))
    # 12: XHTML, HTTP/2 status line. Delivered.
    body = page("Caskel observatory reopens", OBSERVATORY)
    w.response("https://variants.example/12-xhtml",
               b"HTTP/2 200\r\ncontent-type: application/xhtml+xml\r\n\r\n" + body)
    # 13: metadata. Skipped silently.
    w.record("metadata", b"outlinks: https://variants.example/elsewhere\r\n",
             uri="https://variants.example/12-xhtml", content_type="application/warc-fields")
    # 14: the crawler lost the end of a chunked body (after the article). Delivered,
    # with a warning.
    body = chunked(page("Snow closes Verrin pass", SNOW))
    cut = body.index(b'<div class="share"') + 5
    w.response("https://variants.example/14-chunked-cut",
               http(200, [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
                    body[:cut]))
    # 15: a gzip body without its last bytes. Delivered, with a warning.
    z = gzipped(page("Storm damages Luma Bay pier", PIER))
    w.response("https://variants.example/15-gzip-cut",
               http(200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                    z[:len(z) - 10]))
    # 16: a response without WARC-Target-URI: the record id names it. Delivered.
    body = page("Dunmere tram opens", TRAM)
    w.record("response", http(200, [("Content-Type", "text/html")], body),
             content_type="application/http; msgtype=response")
    # 17: windows-1252 bytes, charset in the HTTP header only. Delivered as UTF-8.
    body = page("Harbour caf\u00e9 reopens", CAFE, charset=None)
    w.response("https://variants.example/17-latin1-http",
               http(200, [("Content-Type", "text/html; charset=ISO-8859-1")], body))
    # 18: windows-1252 bytes, charset in a <meta> tag only. Delivered as UTF-8.
    body = page("Harbour caf\u00e9 reopens", CAFE, charset="windows-1252")
    w.response("https://variants.example/18-cp1252-meta",
               http(200, [("Content-Type", "text/html")], body))
    return w


def bomb():
    """One gzip-encoded page that inflates to about 3 MB."""
    w = Warc()
    para = ("The Marrowvale footbridge committee met again to discuss the pontoons. " * 40)
    body = page("Footbridge committee meets", [para] * 1000)
    z = gzipped(body)
    w.response("https://news.example/bomb",
               http(200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], z))
    return w


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "warc")
    os.makedirs(out, exist_ok=True)

    def write(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    s = sample()
    write("sample.warc", s.plain())
    write("sample.warc.gz", s.gz())
    # Cut in the middle of the gzip member of record 4 (the gzip-encoded page):
    # records 1-3 are whole, the rest is lost.
    members = [gzip.compress(r, compresslevel=9, mtime=0) for r in s.records]
    cut = sum(len(m) for m in members[:3]) + len(members[3]) // 2
    write("truncated.warc.gz", s.gz()[:cut])
    # A plain WARC cut in the middle of the block of its last record.
    t = bad_length(0)
    data = t.plain()
    write("truncated_tail.warc", data[:len(data) - len(t.records[-1]) // 2])
    write("bad_length_long.warc", bad_length(+25).plain())
    write("bad_length_short.warc", bad_length(-40).plain())
    write("garbled_length.warc", garbled_length().plain())
    write("huge_length.warc", huge_length().plain())
    write("variants.warc", variants().plain())
    write("bomb.warc", bomb().plain())
    write("empty.warc", b"")
    write("not_a_warc.warc",
          b"This is not a WARC file. It is a plain text note about the Marrowvale\n"
          b"footbridge, saved with the wrong extension.\n")


if __name__ == "__main__":
    main()
