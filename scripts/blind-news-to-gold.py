#!/usr/bin/env python3
"""Convert the hand-annotated "blind news" set to a "dramatis.gold/1" gold file.

bench/quality/blind-news/ holds twenty-four short news articles written by hand for this project and
annotated by hand, blind to the engine (its code, tests and output were not looked at, and it was
not run, while writing and annotating). The events, and most of the people, are fictional: the
articles imitate wire and newspaper copy but are NOT real news and must not be quoted as such.
Each NN-slug.md file is the article's text with inline markup: entities as
⟦TYPE|surface⟧ or ⟦TYPE=Canonical Name|surface⟧ (TYPE one of PERSON, ORG, LOCATION, EVENT,
PRODUCT) and direct quotes as ⟪SPEAKER|"quoted text"⟫ (SPEAKER a canonical name, or null).
This script strips the markup (the text between "|" and the closing bracket is kept, nested
markup inside it processed) and writes the stripped text inline with UTF-8 byte offsets
(half-open) for every entity and quote. See bench/quality/blind-news/README.md.

    python3 scripts/blind-news-to-gold.py --check      # -> build/eval/blind-news.gold.json
"""

import argparse
import json
import os
import sys
from collections import Counter

ENTITY_TYPES = ("PERSON", "ORG", "LOCATION", "EVENT", "PRODUCT")
OPEN = {"⟦": "entity", "⟪": "quote"}
CLOSE = {"⟧": "entity", "⟫": "quote"}
QUOTE_OPENERS = "\"“‘'"
QUOTE_CLOSERS = "\"”’'"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC_DIR = os.path.join(ROOT, "bench", "quality", "blind-news")
DEFAULT_OUT = os.path.join(ROOT, "build", "eval", "blind-news.gold.json")


class MarkupError(Exception):
    pass


def parse(name, source):
    """Returns (text, entities, quotes); raises MarkupError with file name and byte offset."""
    out = bytearray()
    stack = []  # frames: dict(kind, header(list of chars), in_header, start, src_byte)
    entities, quotes = [], []
    src_byte = 0

    def fail(msg, at):
        raise MarkupError(f"{name}: byte {at} of the source: {msg}")

    for ch in source:
        b = ch.encode("utf-8")
        top = stack[-1] if stack else None
        if top is not None and top["in_header"]:
            if ch == "|":
                top["in_header"] = False
                top["start"] = len(out)
            elif ch in OPEN or ch in CLOSE:
                fail(f"{ch!r} inside the header of the markup opened at byte {top['src_byte']} "
                     "(a '|' missing?)", src_byte)
            elif ch == "\n":
                fail(f"line break inside the header of the markup opened at byte "
                     f"{top['src_byte']} (a '|' missing?)", src_byte)
            else:
                top["header"].append(ch)
        elif ch in OPEN:
            stack.append({"kind": OPEN[ch], "header": [], "in_header": True, "start": None,
                          "src_byte": src_byte})
        elif ch in CLOSE:
            if top is None:
                fail(f"{ch!r} closes nothing", src_byte)
            if top["kind"] != CLOSE[ch]:
                fail(f"{ch!r} closes the {top['kind']} opened at byte {top['src_byte']}",
                     src_byte)
            stack.pop()
            header = "".join(top["header"])
            start, end = top["start"], len(out)
            if start == end:
                fail(f"empty span (markup opened at byte {top['src_byte']})", src_byte)
            surface = out[start:end].decode("utf-8")
            if top["kind"] == "entity":
                etype, eq, canonical = header.partition("=")
                etype = etype.strip()
                if etype not in ENTITY_TYPES:
                    fail(f"unknown entity type {etype!r} (markup opened at byte "
                         f"{top['src_byte']})", src_byte)
                item = {"start": start, "end": end, "type": etype}
                if eq:
                    canonical = canonical.strip()
                    if not canonical:
                        fail(f"empty canonical name (markup opened at byte {top['src_byte']})",
                             src_byte)
                    item["entity"] = canonical
                item["text"] = surface
                entities.append(item)
            else:
                speaker = header.strip()
                if not speaker:
                    fail(f"empty speaker (markup opened at byte {top['src_byte']}); "
                         "write null for no speaker", src_byte)
                quotes.append({"start": start, "end": end,
                               "speaker": None if speaker == "null" else speaker,
                               "kind": "direct", "text": surface})
        else:
            out += b
        src_byte += len(b)

    if stack:
        top = stack[-1]
        fail(f"the {top['kind']} opened here is never closed"
             + (" (and its '|' is missing)" if top["in_header"] else ""), top["src_byte"])
    entities.sort(key=lambda e: (e["start"], -e["end"]))
    quotes.sort(key=lambda q: (q["start"], -q["end"]))
    return out.decode("utf-8"), entities, quotes


def check(doc_id, text, entities, quotes):
    """Re-verifies every span against the stripped text; returns (errors, warnings)."""
    errors, warnings = [], []
    data = text.encode("utf-8")
    canon = {e["entity"] for e in entities if "entity" in e}
    surfaces = {e["text"] for e in entities}
    for kind, items in (("entity", entities), ("quote", quotes)):
        for i, s in enumerate(items):
            where = f"{doc_id}: {kind} {i} [{s['start']}, {s['end']})"
            if not 0 <= s["start"] < s["end"] <= len(data):
                errors.append(f"{where}: offsets out of range")
                continue
            try:
                got = data[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errors.append(f"{where}: offsets inside a multi-byte character")
                continue
            if got != s["text"]:
                errors.append(f"{where}: text {got!r} != recorded {s['text']!r}")
            if got != got.strip():
                errors.append(f"{where}: {got!r} starts or ends with white space")
            if kind == "entity":
                low = got.lower()
                if low.startswith("the ") or low.endswith("'s") or low.endswith("’s"):
                    warnings.append(f"{where}: {got!r}: a leading 'the' or trailing 's?")
                if s["type"] == "PERSON" and "entity" not in s:
                    warnings.append(f"{where}: PERSON {got!r} without a canonical name")
            else:
                if got[0] not in QUOTE_OPENERS:
                    warnings.append(f"{where}: does not open with a quotation mark: {got[:20]!r}")
                if got[-1] not in QUOTE_CLOSERS and not data[s["end"]:].startswith(b"\n"):
                    warnings.append(f"{where}: does not close with a quotation mark: "
                                    f"{got[-20:]!r}")
                sp = s["speaker"]
                if sp is not None and sp not in canon and sp not in surfaces:
                    warnings.append(f"{where}: speaker {sp!r} is not an entity of the document")
    return errors, warnings


def is_dev_article(number):
    """Each batch of twelve gives its first six to the development half (README)."""
    return (number - 1) % 12 < 6


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=SRC_DIR, help="folder of NN-slug.md files")
    ap.add_argument("--out", default=DEFAULT_OUT, help="gold file to write")
    ap.add_argument("--check", action="store_true",
                    help="re-verify every span against the text and print counts per type")
    ap.add_argument("--half", choices=("all", "dev", "held-out"), default="all",
                    help="dev: articles 01-06 and 13-18, whose errors the engine's developers "
                         "may read; held-out: 07-12 and 19-24, which nobody working on the engine "
                         "reads (README)")
    ap.add_argument("--articles", metavar="FIRST-LAST",
                    help="only the articles numbered FIRST to LAST (e.g. 19-24: the second batch's "
                         "held-out half), within --half")
    args = ap.parse_args()
    first, last = 0, 99
    if args.articles:
        try:
            first, last = (int(x) for x in args.articles.split("-"))
        except ValueError:
            sys.exit(f"error: --articles {args.articles!r}: expected FIRST-LAST, e.g. 19-24")
    if args.out == DEFAULT_OUT:
        suffix = ("" if args.half == "all" else f"-{args.half}") + \
                 (f"-{first:02d}-{last:02d}" if args.articles else "")
        args.out = DEFAULT_OUT.replace(".gold.json", f"{suffix}.gold.json")

    names = sorted(n for n in os.listdir(args.src)
                   if n.endswith(".md") and n != "README.md" and n[:2].isdigit())
    if args.half != "all":
        names = [n for n in names if is_dev_article(int(n[:2])) == (args.half == "dev")]
    names = [n for n in names if first <= int(n[:2]) <= last]
    if not names:
        sys.exit(f"error: no NN-*.md files in {args.src}")
    documents, failed = [], False
    for n in names:
        with open(os.path.join(args.src, n), encoding="utf-8") as f:
            source = f.read()
        try:
            text, entities, quotes = parse(n, source)
        except MarkupError as e:
            print(f"error: {e}", file=sys.stderr)
            failed = True
            continue
        documents.append({"id": os.path.splitext(n)[0], "text": text,
                          "entities": entities, "quotes": quotes})
    if failed:
        sys.exit(2)

    gold = {"schema": "dramatis.gold/1", "name": "blind-news",
            "description": f"{len(documents)} fictional news articles written and annotated by "
                           "hand for Dramatis, blind to the engine (bench/quality/blind-news); "
                           "not real news.",
            # The README's convention: nested names only at the outer level.
            "nesting": "outer",
            "documents": documents}
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {args.out}: {len(documents)} documents")

    if args.check:
        with open(args.out, encoding="utf-8") as f:
            reread = json.load(f)
        errors, warnings = [], []
        types, speakers = Counter(), Counter()
        for d in reread["documents"]:
            e, w = check(d["id"], d["text"], d["entities"], d["quotes"])
            errors += e
            warnings += w
            types.update(x["type"] for x in d["entities"])
            speakers.update("null" if q["speaker"] is None else "named" for q in d["quotes"])
            words = len(d["text"].split())
            print(f"  {d['id']:<28} {words:4d} words {len(d['entities']):4d} entities "
                  f"{len(d['quotes']):3d} quotes")
        for w in warnings:
            print(f"warning: {w}", file=sys.stderr)
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        print("entities: " + ", ".join(f"{t} {types[t]}" for t in ENTITY_TYPES)
              + f"; total {sum(types.values())}")
        print(f"quotes: {sum(speakers.values())} ({speakers['named']} with a speaker, "
              f"{speakers['null']} null)")
        if errors:
            sys.exit(1)
        print("check: every span matches the text at its offsets")


if __name__ == "__main__":
    main()
