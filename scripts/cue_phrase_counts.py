#!/usr/bin/env python3
"""Count how PolNeAR's gold cues treat a time, place or interview phrase after the verb.

For every gold attribution with a cue and a content, the phrase counts as "in" when the cue
ends with it (and holds more than it) and "out" when it follows the cue's end in the text. The
counts are split by whether the content holds a double quotation mark (direct) and whether the
content comes before the cue ("post") or after it ("pre"). docs/ACCURACY.md ("Where the two open
bars stand") quotes the direct rows for train.

Usage: scripts/cue_phrase_counts.py ../shared/data/polnear/train.jsonl
"""
import collections
import json
import re
import sys

PHRASE = (r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
          r"last week|last month|earlier|later|in an interview|in a statement)")
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def name(match):
    p = match.group(1)
    return "a weekday" if p in WEEKDAYS else p


def main(path):
    counts = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            t = r["text"]
            for a in r["attributions"]:
                if not a.get("cue") or not a.get("content"):
                    continue
                cs, ce = a["cue"][-1]
                direct = any(ch in '"\u201c\u201d' for s, e in a["content"] for ch in t[s:e])
                where = "post" if a["content"][0][0] < cs else "pre"
                kind = "direct" if direct else "reported"
                cue = t[cs:ce]
                m = re.search(r"\b" + PHRASE + r"\s*$", cue)
                if m and len(cue) > len(m.group(0)):
                    counts[(name(m), kind, where, "in")] += 1
                    continue
                m = re.match(r"\s*(?:on )?" + PHRASE + r"\b", t[ce:ce + 40])
                if m:
                    counts[(name(m), kind, where, "out")] += 1
    for key in sorted({k[:3] for k in counts}):
        print("%-16s %-8s %-4s in %3d  out %3d" % (*key, counts[key + ("in",)], counts[key + ("out",)]))


if __name__ == "__main__":
    main(sys.argv[1])
