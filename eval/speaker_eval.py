#!/usr/bin/env python3
"""Score chorus's canonical speakers against hand-labelled referents.

PolNeAR marks each attribution's source span but not whom a pronoun or a
description names. eval/speakers/{train,dev}.jsonl hold, for PolNeAR sources
that are "he"/"she" or a short description ("the senator", "the report"),
what a careful reader takes the mention to refer to (labelled by reading the
article up to 2,500 characters before the mention; see eval/speakers/README.md):

  {"case", "article", "source": [s,e], "text", "kind": "pronoun"|"description",
   "referent": "person"|"group"|"unnamed", "name": "Josh Earnest"|null,
   "unsure": true (optional)}

PRED is the output of `chorus quotes` on the same PolNeAR split. A case is
reached when chorus reports an attribution whose source is exactly the case's
span; only reached cases are scored (source finding is attribution_eval.py's
job). A reached case is right when:
  - referent "person": the speaker names that person. Strict: the same name
    words (titles, initials, possessives and punctuation aside); lenient: the
    same last word ("Obama" for "Barack Obama");
  - referent "group" or "unnamed": the speaker names no other person, i.e. it
    is null or the mention's own words ("the White House" kept as written).

Usage: speaker_eval.py LABELS.jsonl PRED.jsonl [--json] [--errors N]
"""
import json
import re
import sys

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "gov", "governor", "rep",
    "representative", "president", "vice", "secretary", "gen", "general", "judge",
    "justice", "mayor", "speaker", "chairman", "chairwoman", "rev", "prof", "professor",
    "former", "the", "jr", "sr",
}


def name_words(s):
    s = re.sub(r"[\u2019']s\b", "", s or "")
    words = re.findall(r"[\w\-]+", s.lower())
    return [w for w in words if w not in TITLES and len(w) > 1]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    errors = 0
    if "--errors" in sys.argv:
        errors = int(sys.argv[sys.argv.index("--errors") + 1])
        args = [a for a in args if a != str(errors)]
    if len(args) != 2:
        sys.exit(__doc__)
    labels = load(args[0])
    by_source = {}
    for row in load(args[1]):
        for q in row.get("quotes", []):
            if len(q.get("source") or []) == 1:
                by_source[(row["id"], tuple(q["source"][0]))] = q.get("speaker")
    stats = {}
    wrong = []

    def add(key, field):
        stats.setdefault(key, {"cases": 0, "reached": 0, "strict": 0, "lenient": 0})
        stats[key][field] += 1

    for c in labels:
        keys = ["all", c["kind"], c["kind"] + "/" + c["referent"]]
        for k in keys:
            add(k, "cases")
        src = (c["article"], tuple(c["source"]))
        if src not in by_source:
            continue
        pred = by_source[src]
        for k in keys:
            add(k, "reached")
        if c["referent"] == "person":
            g, p = name_words(c["name"]), name_words(pred)
            strict = bool(p) and p == g
            lenient = bool(p) and bool(g) and p[-1] == g[-1]
        else:
            strict = lenient = not pred or name_words(pred) == name_words(c["text"])
        for k in keys:
            if strict:
                add(k, "strict")
            if lenient:
                add(k, "lenient")
        if not strict:
            wrong.append((c, pred))
    out = {}
    for k, s in sorted(stats.items()):
        r = s["reached"]
        out[k] = dict(s, strict_acc=s["strict"] / r if r else 0.0,
                      lenient_acc=s["lenient"] / r if r else 0.0)
    if "--json" in sys.argv:
        print(json.dumps(out, indent=1))
    else:
        for k, s in out.items():
            print(f"{k:22} cases {s['cases']:4} reached {s['reached']:4}"
                  f" | strict {s['strict_acc']:.3f} lenient {s['lenient_acc']:.3f}")
    for c, pred in wrong[:errors]:
        print(f"  {c['case']} {c['text']!r} gold {c['referent']}:{c['name']!r} pred {pred!r}")


if __name__ == "__main__":
    main()
