#!/usr/bin/env python3
"""Runs the chorus CLI on pathological inputs and checks that time stays linear.

Each case is generated at two sizes (n and 2n) into a temporary folder and run
with the real binary; the script prints, per case, the command, the exit
status, chorus's summary line, the two wall times and their ratio (about 2 for
linear work, about 4 for quadratic). A case fails when chorus crashes (killed
by a signal / sanitizer exit) or the ratio is over 3. docs/HARDENING.md quotes
its output.

    scripts/hostile_inputs.py [--chorus build/chorus] [--only NAME ...]
"""
import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zlib

MB = 1 << 20
PROSE = ("The council voted on Tuesday to reopen the bridge, officials said. "
         "\"It is a good day for the town,\" said Mayor Ann Lee. ")


def text_file(d, name, data):
    p = os.path.join(d, name)
    with open(p, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return p


def jsonl(texts):
    return "".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts))


def gzip_bomb(d, name, n):
    """A .jsonl.gz that inflates to n bytes of one endless line (about 1000:1)."""
    p = os.path.join(d, name)
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * MB
    with open(p, "wb") as f:
        f.write(z.compress(b'{"text":"'))
        for _ in range(n // MB):
            f.write(z.compress(chunk))
        f.write(z.flush())
    return p


def warc_record(i, html):
    body = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html).encode()
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i}>\r\n"
            f"WARC-Target-URI: http://example.com/{i}\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode() + body + b"\r\n\r\n"


def page(i):
    return (f"<html><head><title>Story {i}</title></head><body><article>"
            f"<p>{PROSE * 3}</p><p>Paragraph {i} of the page.</p></article></body></html>")


def truncated_warc(n):
    data = b"".join(warc_record(i, page(i)) for i in range(n))
    return data[: len(data) - len(warc_record(0, page(0))) // 2]


# name -> (command, file name, generator(size), base size)
CASES = {
    "straight_quote_run": ("quotes", "q.txt", lambda n: '"' * n, 1 * MB),
    "curly_quote_run": ("quotes", "q.txt", lambda n: "\u201c\u201d\u2018" * (n // 9), 1 * MB),
    "open_quote_then_prose": ("quotes", "q.txt", lambda n: "\u201c" + PROSE * (n // len(PROSE)), 2 * MB),
    "one_line_prose": ("quotes", "l.txt", lambda n: PROSE * (n // len(PROSE)), 5 * MB - 4096),
    "one_line_no_punct": ("quotes", "w.txt", lambda n: "word " * (n // 5), 5 * MB - 4096),
    "capitalised_names": ("quotes", "c.txt",
                          lambda n: "".join(f"Xa{i} Yb{i} said. " for i in range(n // 16)), 1 * MB),
    "said_chain": ("quotes", "s.txt", lambda n: "he said " * (n // 8), 1 * MB),
    # Session 21: pronoun sources among many names in one sentence (salience
    # sums its candidates by a linear search: bounded to 64 back).
    "names_then_pronouns": ("quotes", "p.txt",
                            lambda n: "".join(f"Xa{i} Yb{i} and \u201cyes,\u201d he said "
                                              for i in range(n // 32)),
                            1 * MB),
    # Session 19: run-on sentences of quoted fragments, each in its own frame.
    "fragment_frames": ("quotes", "f.txt",
                        lambda n: "He said \u201cno\u201d as \u201cyes\u201d " * (n // 26), 1 * MB),
    "fronted_fragments": ("quotes", "w.txt",
                          lambda n: "When " + "he said \u201cno\u201d and " * (n // 24), 1 * MB),
    "tweet_bodies": ("quotes", "b.txt",
                     lambda n: "<tweet a>He said \u201cno\u201d today.<tweet/> " * (n // 42), 1 * MB),
    "according_to_fragments": ("quotes", "a.txt",
                               lambda n: "according to \u201cno\u201d him " * (n // 25), 1 * MB),
    # Session 20 (round 29): quotations after "chants of" and "(" that no
    # attribution holds, each added on its own, in one run-on sentence.
    "chant_quotes": ("quotes", "h.txt",
                     lambda n: "met with chants of \u201cno\u201d and (\u201cyes\u201d) " * (n // 44),
                     1 * MB),
    # Round 9: a transcript of many turns, quoted and continued.
    "transcript_turns": ("quotes", "t.txt",
                         lambda n: "\"SMITH: I said so.\n\n\"And more.\n\n\"JONES: He said no.\n\n"
                         * (n // 60), 2 * MB),
    # Round 9: quotations signed by a dash and a name, and nested double marks.
    "signed_nested_quotes": ("quotes", "q.txt",
                             lambda n: "\u201cWe said \u201cno\u201d to it.\u201d \u2015 Ann Lee\n"
                             * (n // 40), 2 * MB),
    "blank_lines": ("read", "b.txt", lambda n: "x\n\n" * (n // 3), 2 * MB),
    "invalid_utf8": ("read", "u.txt",
                     lambda n: bytes(random.Random(1).getrandbits(8) | 0x80 for _ in range(n)), 1 * MB),
    "invalid_utf8_sprinkled": ("quotes", "v.txt",
                               lambda n: (PROSE.encode() + b"\xff\xc3") * (n // 140), 2 * MB),
    "nested_html": ("read", "n.html",
                    lambda n: "<div>" * (n // 5) + "<p>Deep text here, he said.</p>", 1 * MB),
    "nested_inline_html": ("read", "i.html",
                           lambda n: "<b>" * (n // 3) + "<p>Deep text here, he said.</p>", 1 * MB),
    "unclosed_tables_html": ("read", "t.html",
                             lambda n: "<table><tr><td>x" * (n // 16) + "<p>text</p>", 2 * MB),
    "jsonl_deep_array": ("read", "d.jsonl",
                         lambda n: '{"text":"x","n":' + "[" * (n // 2) + "]" * (n // 2) + "}\n", 2 * MB),
    "jsonl_many_tiny": ("read", "m.jsonl", lambda n: jsonl(["x"] * (n // 30)), 8 * MB),
    "truncated_warc": ("read", "t.warc", lambda n: truncated_warc(n // 600), 2 * MB),
    "identical_articles": ("stories", "same.jsonl", lambda n: jsonl([PROSE * 4] * (n // 600)), 1 * MB),
}


def run(chorus, cmd, path, timeout):
    t0 = time.monotonic()
    try:
        p = subprocess.run([chorus, cmd, path], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - t0, "timeout"
    lines = p.stderr.decode(errors="replace").strip().splitlines()
    return p.returncode, time.monotonic() - t0, (lines[-1] if lines else "")[:100]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chorus", default="build/chorus")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    failed = False
    with tempfile.TemporaryDirectory(prefix="chorus-hostile-") as d:
        cases = list(CASES.items())
        cases.append(("gzip_bomb", ("read", "bomb.jsonl.gz", None, 1024 * MB)))
        for name, (cmd, fname, gen, n) in cases:
            if args.only and name not in args.only:
                continue
            times = []
            for size in (n // 2, n):
                if gen is None:
                    path = gzip_bomb(d, fname, size)
                else:
                    path = text_file(d, fname, gen(size))
                rc, t, summary = run(args.chorus, cmd, path, args.timeout)
                times.append(t)
                os.remove(path)
                if rc is None or rc < 0 or rc > 2:
                    failed = True
            ratio = times[1] / max(times[0], 1e-3)
            flag = ""
            if ratio > 3 and times[1] > 0.5:
                flag, failed = "  <-- superlinear", True
            print(f"{name:24} chorus {cmd:8} {n/MB:7.2f} MB  rc={rc}  "
                  f"{times[0]:7.2f}s -> {times[1]:7.2f}s (x{ratio:.1f}){flag}  | {summary}",
                  flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
