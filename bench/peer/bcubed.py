#!/usr/bin/python3
"""Fast story-grouping scorer: the numbers of ../shared/eval/cluster_eval.py in linear time.

cluster_eval.py compares every pair of articles (quadratic: it does not finish on 100k
articles in ten minutes). This computes the same definitions from the contingency table of
(gold story, predicted story) counts:

- an article missing from the predictions is a group of its own; predicted ids unknown to
  gold are ignored (so predicted group sizes count gold articles only);
- B-cubed P = mean over articles of |gold group ∩ predicted group| / |predicted group|,
  R the same over |gold group|; F1 their harmonic mean;
- pairwise P, R, F1 over all pairs of articles put together (counted as sums of n(n-1)/2).

Usage: bcubed.py GOLD.jsonl PRED.jsonl [--json | --short]
Output: the same lines as cluster_eval.py (or its --json object); --short prints one line,
"B3_P B3_R B3_F1 PREDICTED_GROUPS", for scripts.
"""
import json
import sys
from collections import Counter


def load(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: str(r["story"]) for r in (json.loads(l) for l in f if l.strip())}


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def pairs(n):
    return n * (n - 1) // 2


def score(gold, pred):
    # Missing predictions become singletons; the key cannot collide with a real story
    # string because it is a tuple.
    labels = [(g, pred.get(i, ("__alone__", i))) for i, g in gold.items()]
    cells = Counter(labels)
    gsize = Counter(g for g, _ in labels)
    psize = Counter(p for _, p in labels)
    n = len(labels)
    bp = sum(c * c / psize[p] for (g, p), c in cells.items()) / n
    br = sum(c * c / gsize[g] for (g, p), c in cells.items()) / n
    tp = sum(pairs(c) for c in cells.values())
    same_p = sum(pairs(c) for c in psize.values())
    same_g = sum(pairs(c) for c in gsize.values())
    pp = tp / same_p if same_p else 1.0
    pr = tp / same_g if same_g else 1.0
    return {
        "bcubed": {"p": bp, "r": br, "f1": f1(bp, br)},
        "pairwise": {"p": pp, "r": pr, "f1": f1(pp, pr)},
        "gold_groups": len(gsize), "predicted_groups": len(psize), "articles": n,
    }


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    result = score(load(args[0]), load(args[1]))
    if "--json" in sys.argv:
        print(json.dumps(result, indent=1))
        return
    b, p = result["bcubed"], result["pairwise"]
    if "--short" in sys.argv:
        print(f"{b['p']:.3f} {b['r']:.3f} {b['f1']:.3f} {result['predicted_groups']}")
        return
    print(f"articles {result['articles']} gold groups {result['gold_groups']}"
          f" predicted groups {result['predicted_groups']}")
    print(f"bcubed   P {b['p']:.3f} R {b['r']:.3f} F1 {b['f1']:.3f}")
    print(f"pairwise P {p['p']:.3f} R {p['r']:.3f} F1 {p['f1']:.3f}")


if __name__ == "__main__":
    main()
