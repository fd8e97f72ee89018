#!/usr/bin/env python3
"""Sorts the engine's entity errors on a gold file by kind, to see where F1 is lost.

Usage: bench/quality/entity-errors.py [--gold build/eval/gum-news.gold.json]
                                      [--cli build/native/dramatis-cli]
                                      [--types PERSON,ORG,LOCATION] [--list TYPE FN|FP [KIND]]

Runs `dramatis-cli extract` on the gold's documents (inline texts written to a temporary
folder, in gold order) and compares mentions by exact span and type, as `dramatis-cli eval`
does. Every miss (FN: a gold mention not predicted with its type) and every false alarm (FP) is
put in one kind:
  type:X          the same span, typed X on the other side;
  inside-other    inside a longer span of the other side (for FN: a nested gold mention, such as
                  "Texas" in "University of Texas", which a flat tagger cannot give);
  contains-other  around a shorter span of the other side (a boundary error);
  overlap         crossing a span of the other side;
  none            nothing on the other side there.
Prints the counts per type; --list prints the errors of one type and side (and kind), each with
its text in context. Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile


def mentions(analysis, types):
    out = {}
    for e in analysis["entities"]:
        if e["type"] in types:
            for m in e["mentions"]:
                out[(int(m["doc"][1:]), m["start"], m["end"])] = e["type"]
    return out


def kind_of(key, other):
    """What the other side has at `key`'s span (`other`: every span of the other side)."""
    doc, start, end = key
    if key in other:
        return "type:" + other[key]
    spans = [(s, e) for (d, s, e) in other if d == doc]
    if any(s <= start and end <= e for s, e in spans):
        return "inside-other"
    if any(start <= s and e <= end for s, e in spans):
        return "contains-other"
    if any(start < e and s < end for s, e in spans):
        return "overlap"
    return "none"


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", default=os.path.join(root, "build/eval/gum-news.gold.json"))
    parser.add_argument("--cli", default=os.path.join(root, "build/native/dramatis-cli"))
    parser.add_argument("--types", default="PERSON,ORG,LOCATION")
    parser.add_argument("--list", nargs="+", metavar="ARG", help="TYPE FN|FP [KIND]")
    args = parser.parse_args()

    with open(args.gold, encoding="utf-8") as f:
        gold_set = json.load(f)
    documents = gold_set["documents"]
    if any("text" not in d for d in documents):
        sys.exit(f"{args.gold}: every document needs inline text")
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for i, d in enumerate(documents):
            path = os.path.join(folder, f"{i:03d}.txt")
            with open(path, "wb") as f:
                f.write(d["text"].encode("utf-8"))
            files.append(path)
        run = subprocess.run([args.cli, "extract"] + files, capture_output=True)
        if run.returncode != 0:
            sys.exit(f"{args.cli} extract failed: {run.stderr.decode(errors='replace')}")
        analysis = json.loads(run.stdout)

    types = set(args.types.split(","))
    every_type = types | {"PRODUCT", "EVENT", "DATE"}
    predicted_all = mentions(analysis, every_type)
    gold_all = {}
    for i, d in enumerate(documents):
        for e in d["entities"]:
            gold_all[(i, e["start"], e["end"])] = e["type"]

    for t in sorted(types):
        for side, mine, other in (("FN", gold_all, predicted_all), ("FP", predicted_all, gold_all)):
            errors = [k for k, v in mine.items() if v == t and other.get(k) != t]
            counts = collections.Counter(kind_of(k, other) for k in errors)
            print(f"{t} {side} {len(errors)}: " +
                  ", ".join(f"{kind} {n}" for kind, n in counts.most_common()))

    if args.list:
        want_type, want_side = args.list[0], args.list[1]
        want_kind = args.list[2] if len(args.list) > 2 else None
        mine, other = (gold_all, predicted_all) if want_side == "FN" else (predicted_all, gold_all)
        for key in sorted(mine):
            if mine[key] != want_type or other.get(key) == want_type:
                continue
            kind = kind_of(key, other)
            if want_kind and kind != want_kind:
                continue
            text = documents[key[0]]["text"].encode("utf-8")
            context = text[max(0, key[1] - 50):key[2] + 30].decode(errors="replace")
            name = text[key[1]:key[2]].decode(errors="replace")
            print(f"{want_side} d{key[0]} {kind} {name!r} | {context.replace(chr(10), ' ')}")


if __name__ == "__main__":
    main()
