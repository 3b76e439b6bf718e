#!/usr/bin/env python3
"""Error analysis of `chorus quotes` against PolNeAR (use on TRAIN only).

  build/chorus quotes -q ../shared/data/polnear/train.jsonl > /tmp/pred.jsonl
  python3 scripts/analyse_quotes.py ../shared/data/polnear/train.jsonl /tmp/pred.jsonl \
      [--direct] [--show buckets|missed|spurious|source|cue|content] [--n 40]

Pairs predictions with gold as attribution_eval.py does (greedy by content
overlap) and prints examples of each kind of error, with counts. `buckets`
splits the content characters: gold in attributions not found (and of those,
covered by a prediction outside the subset), gold missed inside paired ones,
predicted beyond gold inside paired ones, predicted in unpaired predictions.
"""
import argparse
import collections
import json
import random
import sys

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/../shared/eval")
QUOTE_MARKS = '"\u201c\u201d\u00ab\u00bb\u201e\u201f'
TRIM = ' \t\r\n.,;:!?\'"\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e\u201f()[]-\u2013\u2014'


def chars(spans):
    out = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def norm(text, spans):
    return " ".join(text[s:e] for s, e in sorted(spans)).strip(TRIM)


def direct(text, spans):
    return any(c in QUOTE_MARKS for s, e in spans for c in text[s:e])


def pair(text, golds, preds):
    gch = [chars(a["content"]) for a in golds]
    cand = []
    for i, q in enumerate(preds):
        pc = chars(q["content"])
        for j, gc in enumerate(gch):
            ov = len(pc & gc)
            if ov:
                cand.append((ov, i, j))
    cand.sort(reverse=True)
    up, ug, out = set(), set(), []
    for ov, i, j in cand:
        if i in up or j in ug:
            continue
        up.add(i)
        ug.add(j)
        out.append((i, j))
    return out, up, ug


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--direct", action="store_true")
    ap.add_argument("--show", default="")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    gold = {r["id"]: r for r in map(json.loads, open(a.gold))}
    pred = {r["id"]: r for r in map(json.loads, open(a.pred))}
    ex = collections.defaultdict(list)
    cnt = collections.Counter()
    chars_of = collections.Counter()  # content characters by bucket
    for did, g in gold.items():
        t = g["text"]
        gs = [x for x in g["attributions"] if x.get("content")]
        ps = [x for x in pred.get(did, {}).get("quotes", []) if x.get("content")]
        if a.direct:
            gs = [x for x in gs if direct(t, x["content"])]
            ps = [x for x in ps if direct(t, x["content"])]
        pairs, up, ug = pair(t, gs, ps)
        every = [x for x in pred.get(did, {}).get("quotes", []) if x.get("content")]
        for j, x in enumerate(gs):
            gc = chars(x["content"])
            chars_of["gold"] += len(gc)
            if j not in ug:
                seen = any(chars(q["content"]) & gc for q in every)
                chars_of["gold not found" + (" (found outside the subset)" if seen else "")] += len(gc)
        for i, x in enumerate(ps):
            chars_of["predicted"] += len(chars(x["content"]))
            if i not in up:
                chars_of["predicted, unpaired"] += len(chars(x["content"]))
        for i, j in pairs:
            pc, gc = chars(ps[i]["content"]), chars(gs[j]["content"])
            chars_of["gold missed inside paired"] += len(gc - pc)
            chars_of["predicted beyond gold inside paired"] += len(pc - gc)

        def ctx(spans, w=80):
            s = min(x for x, _ in spans)
            e = max(y for _, y in spans)
            return t[max(0, s - w):e + w].replace("\n", " / ")

        for j, x in enumerate(gs):
            if j not in ug:
                cnt["missed"] += 1
                cue = norm(t, x["cue"]).lower()
                cnt["missed_cue:" + cue] += 1
                ex["missed"].append(f"CUE[{cue}] SRC[{norm(t, x['source'])}] CONTENT[{norm(t, x['content'])[:200]}]")
        for i, x in enumerate(ps):
            if i not in up:
                cnt["spurious"] += 1
                ex["spurious"].append(f"CUE[{norm(t, x['cue'])}] SRC[{norm(t, x['source'])}] CONTENT[{norm(t, x['content'])[:200]}]")
        for i, j in pairs:
            p, q = ps[i], gs[j]
            for role in ("source", "cue", "content"):
                pn, gn = norm(t, p.get(role) or []), norm(t, q.get(role) or [])
                if pn != gn:
                    cnt[role + "_wrong"] += 1
                    if not pn:
                        cnt[role + "_wrong_empty_pred"] += 1
                    if not gn:
                        cnt[role + "_wrong_empty_gold"] += 1
                    ex[role].append(f"PRED[{pn[:200]}]\n   GOLD[{gn[:200]}]\n   CTX[{ctx(q['content'] + (q.get('cue') or []))[:400]}]")
                else:
                    cnt[role + "_ok"] += 1
    for k, v in sorted(cnt.items()):
        if ":" not in k:
            print(k, v)
    print("top missed cues:", ", ".join(f"{k[11:]}={v}" for k, v in cnt.most_common() if k.startswith("missed_cue:"))[:1500])
    if a.show == "buckets":
        for k, v in sorted(chars_of.items()):
            base = chars_of["gold" if k.startswith("gold") else "predicted"] or 1
            print(f"{k:52} {v:8d} {v / base:.3f}")
    elif a.show:
        random.seed(a.seed)
        L = ex[a.show]
        random.shuffle(L)
        for s in L[:a.n]:
            print("-", s)


if __name__ == "__main__":
    main()
