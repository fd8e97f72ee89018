#!/usr/bin/env python3
"""Build and check the gold annotations for the built-in corpus (tests/gold/builtin.gold.json).

Nobody types byte offsets by hand: the annotation decisions live in this file as data (a lexicon
of surface forms, per-document boilerplate line ranges, exclusions and quote anchors), and this
script turns them into UTF-8 byte offsets, re-extracts every span and checks it.

Usage (from the repository root; Python 3 standard library only):
  python3 scripts/gold-offsets.py build       compute, check, write tests/gold/builtin.gold.json
  python3 scripts/gold-offsets.py check       compute, check, compare with the file on disk (exit 1 if different)
  python3 scripts/gold-offsets.py show [dN]   print every span with doc, line, byte offsets and text
  python3 scripts/gold-offsets.py summary     Markdown summary (counts, entities + aliases, quotes)
  python3 scripts/gold-offsets.py uncovered   capitalised words / 4-digit numbers in article text that no
                                              entity span covers (review aid for missed mentions)
  python3 scripts/gold-offsets.py find TEXT [dN]   every occurrence of TEXT: doc, line, nth, byte offsets

Entities: every occurrence of a lexicon surface form in the article text (outside boilerplate lines)
is annotated, case-sensitively, with ASCII word boundaries at both ends, longest surface first,
never overlapping an earlier span. EXCLUDE lists occurrences to leave out (none are needed now).
Quotes: QUOTES gives anchors: {"line": N} is a blockquote line (span = the line after its "> "
marker); {"from": A, "to": B} spans from the start of the nth occurrence of A (must be unique unless
"nth" is given) to the end of the first B at or after it.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
GOLD = os.path.join(ROOT, "tests", "gold", "builtin.gold.json")
SCHEMA = "dramatis.gold/1"

# ---------------------------------------------------------------------------------------------
# Documents and boilerplate (1-based, inclusive line ranges; see tests/gold/README.md for reasons)
# ---------------------------------------------------------------------------------------------
DOCS = [
    {"id": "d0", "file": "000_8a1743c4f15dcfb1.txt", "boilerplate": []},
    {"id": "d1", "file": "001_ba4cf34e9cb4edbf.txt", "boilerplate": [(29, 39)]},
    {"id": "d2", "file": "002_a2d995588245c49e.txt", "boilerplate": [(7, 9), (24, 28)]},
    {"id": "d3", "file": "003_7e0bfe073d540935.txt", "boilerplate": [(81, 121)]},
    {"id": "d4", "file": "004_90ea5a4557fd66ee.txt", "boilerplate": [(3, 3), (6, 7)]},
]

# ---------------------------------------------------------------------------------------------
# Lexicon: (surface form as written, type, canonical entity[, only these docs])
# DATE entities are the ISO 8601 value (YYYY-MM-DD, YYYY-MM or YYYY).
# ---------------------------------------------------------------------------------------------
P, O, PR, L, E, D = "PERSON", "ORG", "PRODUCT", "LOCATION", "EVENT", "DATE"
LEXICON = [
    # --- PERSON
    ("Soumith Chintala", P, "Soumith Chintala"),
    ("Chintala", P, "Soumith Chintala"),
    ("Chintara", P, "Soumith Chintala"),          # d2's misspelling of the surname
    ("Soumith", P, "Soumith Chintala"),           # Karpathy's "Fantastic work, Soumith…" (d3)
    ("@soumithchintala", P, "Soumith Chintala"),  # Twitter/X handle (d4)
    ("Mira Murati", P, "Mira Murati"),
    ("Adam Paszke", P, "Adam Paszke"),
    ("Laurence Moroney", P, "Laurence Moroney"),
    ("Guido", P, "Guido"),                        # Guido van Rossum, named by first name only
    ("Linus", P, "Linus"),                        # Linus Torvalds, named by first name only
    ("Alexandr Wang", P, "Alexandr Wang"),
    ("Yann LeCun", P, "Yann LeCun"),
    ("Tian Yuandong", P, "Tian Yuandong"),
    ("Emily Denton", P, "Emily Denton"),
    ("Rob Fergus", P, "Rob Fergus"),
    ("Leon Bottou", P, "Leon Bottou"),
    ("Martin Arjovsky", P, "Martin Arjovsky"),
    ("Alec Radford", P, "Alec Radford"),
    ("Gabriel Synnaeve", P, "Gabriel Synnaeve"),
    ("Howard Mansell", P, "Howard Mansell"),
    ("Adam Lerer", P, "Adam Lerer"),
    ("Piotr Dollar", P, "Piotr Dollar"),
    ("Sam Gross", P, "Sam Gross"),
    ("Luca Antiga", P, "Luca Antiga"),
    ("Jia Yangqing", P, "Jia Yangqing"),
    ("Andrej Karpathy", P, "Andrej Karpathy"),
    ("Mark Zuckerberg", P, "Mark Zuckerberg"),
    ("Mike Schroepfer", P, "Mike Schroepfer"),
    ("Edward Yang", P, "Edward Yang"),
    ("Alban Desmaison", P, "Alban Desmaison"),
    # d3's successors, first names only; no full name in the same document -> entity as written
    ("Greg", P, "Greg", ("d3",)),
    ("Alban", P, "Alban", ("d3",)),
    ("Ed", P, "Ed", ("d3",)),
    ("Jason", P, "Jason", ("d3",)),
    ("Joe", P, "Joe", ("d3",)),
    ("Suo", P, "Suo", ("d3",)),
    ("John", P, "John", ("d3",)),
    ("Jana", P, "Jana", ("d3",)),
    # --- ORG
    ("Meta", O, "Meta"),
    ("Facebook", O, "Meta"),                      # the same company before its 2021 rename
    ("Meta AI", O, "Meta AI"),                    # the AI division: its own entity
    ("Thinking Machines Lab", O, "Thinking Machines Lab"),
    ("Thinking Machines", O, "Thinking Machines Lab"),
    ("OpenAI", O, "OpenAI"),
    ("DeepLearning.AI", O, "DeepLearning.AI"),
    ("Coursera", O, "Coursera"),
    ("PyTorch Foundation", O, "PyTorch Foundation"),
    ("Linux Foundation", O, "Linux Foundation"),
    ("FAIR", O, "FAIR"),
    ("Fundamental AI Research", O, "FAIR"),       # expansion of the acronym
    ("Superintelligence Lab", O, "Superintelligence Lab"),
    ("Twitter", O, "Twitter"),
    ("DeepMind", O, "DeepMind"),
    ("VIT", O, "VIT"),
    ("Princeton", O, "Princeton"),
    ("Stanford", O, "Stanford"),
    ("Gartner", O, "Gartner"),
    ("NVIDIA", O, "NVIDIA"),
    ("Nature Machine Intelligence", O, "Nature Machine Intelligence"),
    ("AWS", O, "AWS"),
    ("McKinsey", O, "McKinsey"),
    ("Hugging Face", O, "Hugging Face"),
    # GIGAZINE, InfoQ, BAAI Hub, AI Blog / Artificial Intelligence Blog: ORG, but they occur only in
    # boilerplate lines, so they produce no spans (listed so `uncovered` explains them).
    ("GIGAZINE", O, "GIGAZINE"),
    ("InfoQ", O, "InfoQ"),
    ("BAAI Hub", O, "BAAI Hub"),
    # --- PRODUCT
    ("PyTorch", PR, "PyTorch"),
    ("PyTorch\u2011Distributed", PR, "PyTorch-Distributed"),  # written with U+2011 in d3
    ("PyTorch for Deep Learning Professional Certificate", PR,
     "PyTorch for Deep Learning Professional Certificate"),
    ("PyTorch Professional Certificate", PR, "PyTorch for Deep Learning Professional Certificate"),
    ("Tinker", PR, "Tinker"),
    ("StyleGAN", PR, "StyleGAN"),
    ("Sora", PR, "Sora"),
    ("Python", PR, "Python"),
    ("Linux", PR, "Linux"),
    ("Torch", PR, "Torch"),
    ("Lua", PR, "Lua"),
    ("Caffe2", PR, "Caffe2"),
    ("StarCraft", PR, "StarCraft"),
    ("Llama", PR, "Llama"),
    ("TensorFlow", PR, "TensorFlow"),
    ("JAX", PR, "JAX"),
    ("CUDA", PR, "CUDA"),
    ("TorchServe", PR, "TorchServe"),
    # --- LOCATION
    ("Hyderabad", L, "Hyderabad"),
    ("Zhejiang", L, "Zhejiang"),
    # --- EVENT
    ("NeurIPS", E, "NeurIPS"),
    # --- DATE (explicit calendar dates only; value = ISO 8601)
    ("November 2025", D, "2025-11"),
    ("November 6, 2025", D, "2025-11-06"),
    ("Nov 6, 2025", D, "2025-11-06"),
    ("November 7, 2025", D, "2025-11-07"),
    ("November 17", D, "2025-11-17", ("d3",)),  # no year; d3 is dated 2025-11-07
    ("November 17, 2023", D, "2023-11-17"),      # d4's (wrong) year, annotated as written
    ("March 2023", D, "2023-03"),
    ("2025-11-19", D, "2025-11-19"),
    ("2005", D, "2005"),
    ("2009", D, "2009"),
    ("2015", D, "2015"),
    ("2016", D, "2016"),
    ("2017", D, "2017"),
    ("2019", D, "2019"),
    ("2022", D, "2022"),
    ("2023", D, "2023"),
    ("2025", D, "2025"),
]

# (doc id, surface, nth occurrence in article text, 0-based) to leave unannotated.
EXCLUDE = []

# ---------------------------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------------------------
SC = "Soumith Chintala"
QUOTES = {
    "d0": [
        {"from": "he would step down from PyTorch leadership", "to": "depart the company",
         "speaker": SC, "kind": "indirect"},                     # "... announced ... that ___."
        {"from": "he had joined Thinking Machines Lab", "to": "he had joined Thinking Machines Lab",
         "speaker": SC, "kind": "indirect"},                     # "he confirmed ___, citing ..."
    ],
    "d1": [],
    "d2": [
        {"from": "he has left Meta and that", "to": "handed over to other members",
         "speaker": SC, "kind": "indirect"},                     # "has announced that ___ and that ___."
        {"from": "'I have one of the most", "to": "curiosity won out,'",
         "speaker": SC, "kind": "direct"},                       # ", Chintara said."
        {"from": "'I could have moved on", "to": "outside of Meta.'",
         "speaker": SC, "kind": "direct"},                       # continues the previous quote
        {"from": "'I don't want to be stuck", "to": "(the inventor of Linux),'",
         "speaker": SC, "kind": "direct"},                       # ", Chintara said, ..."
        {"from": "'Now that I'm no longer", "to": "great product,'",
         "speaker": SC, "kind": "direct"},                       # ", Chintara added."
    ],
    "d3": [
        {"from": "he will step down as framework lead", "to": "worked for **11 years**",
         "speaker": SC, "kind": "indirect"},                     # "**Soumith Chintala** announced ___."
        {"line": 16, "speaker": SC, "kind": "direct"},          # "He confirmed ..., stating:"
        {"from": "the goal was to **reduce", "to": "impact per individual",
         "speaker": "Alexandr Wang", "kind": "indirect"},        # "Alexandr Wang said ___."
        {"line": 41, "speaker": SC, "kind": "direct"},          # "Quote from Farewell Statement"
        {"line": 42, "speaker": SC, "kind": "direct"},          # second line of the same blockquote
        {"from": "\"commits must be made", "to": "Facebook engineers\"",
         "speaker": None, "kind": "direct"},                     # a quoted rule; no speaker given
        {"line": 64, "speaker": None, "kind": "direct"},        # "Quote:" with no speaker given
        {"line": 69, "speaker": "Andrej Karpathy", "kind": "direct"},  # "tributes—including Karpathy:"
    ],
    "d4": [
        {"from": "he is stepping down as leader of PyTorch", "to": "leaving Meta after 11 years",
         "speaker": SC, "kind": "indirect"},                     # "According to Soumith Chintala ..., ___, marking"
        {"from": "PyTorch now powers exascale AI training", "to": "nearly every major AI company",
         "speaker": SC, "kind": "indirect"},                     # "Chintala emphasized that ___, highlighting"
    ],
}

OPEN_MARKS = "\"'\u201c\u2018"
CLOSE_MARKS = "\"'\u201d\u2019"
WORD = rb"[A-Za-z0-9_]"


class GoldError(Exception):
    pass


def load(doc):
    with open(os.path.join(CORPUS, doc["file"]), "rb") as f:
        data = f.read()
    data.decode("utf-8")  # must be valid UTF-8
    # byte start of each line (1-based line i starts at starts[i-1])
    starts = [0] + [m.end() for m in re.finditer(rb"\n", data)]
    return data, starts


def line_of(starts, offset):
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


def boilerplate_ranges(doc, data, starts):
    out = []
    for a, b in doc["boilerplate"]:
        s = starts[a - 1]
        e = starts[b] if b < len(starts) else len(data)
        out.append((s, e))
    return out


def in_boilerplate(ranges, s, e):
    return any(s < be and e > bs for bs, be in ranges)


def occurrences(data, surface):
    pat = re.compile(rb"(?<!" + WORD + rb")" + re.escape(surface.encode("utf-8")) + rb"(?!" + WORD + rb")")
    return [(m.start(), m.end()) for m in pat.finditer(data)]


def text(data, s, e):
    return data[s:e].decode("utf-8")


def entities_for(doc, data, starts):
    bp = boilerplate_ranges(doc, data, starts)
    lex = sorted(LEXICON, key=lambda x: -len(x[0].encode("utf-8")))
    taken = []
    spans = []
    excl = {(s, n) for d, s, n in EXCLUDE if d == doc["id"]}
    for item in lex:
        surface, typ, entity = item[0], item[1], item[2]
        only = item[3] if len(item) > 3 else None
        if only is not None and doc["id"] not in only:
            continue
        nth = 0
        for s, e in occurrences(data, surface):
            if in_boilerplate(bp, s, e):
                continue
            if any(s < te and e > ts for ts, te in taken):
                continue
            if (surface, nth) in excl:
                nth += 1
                continue
            nth += 1
            taken.append((s, e))
            spans.append({"start": s, "end": e, "type": typ, "entity": entity, "text": text(data, s, e)})
    spans.sort(key=lambda x: (x["start"], x["end"]))
    return spans


def find_unique(data, needle, nth=None, after=0):
    b = needle.encode("utf-8")
    hits = []
    i = data.find(b, after)
    while i >= 0:
        hits.append(i)
        i = data.find(b, i + 1)
    if not hits:
        raise GoldError(f"anchor not found: {needle!r}")
    if nth is None:
        if len(hits) > 1 and after == 0:
            raise GoldError(f"anchor {needle!r} occurs {len(hits)} times; give nth")
        return hits[0]
    return hits[nth]


def quotes_for(doc, data, starts):
    out = []
    for q in QUOTES.get(doc["id"], []):
        if "line" in q:
            n = q["line"]
            s = starts[n - 1]
            e = starts[n] - 1 if n < len(starts) else len(data)
            if not data[s:e].startswith(b"> "):
                raise GoldError(f"{doc['id']} line {n} is not a blockquote line")
            s += 2
            while e > s and data[e - 1:e] in (b" ", b"\t", b"\r"):
                e -= 1
        else:
            s = find_unique(data, q["from"], q.get("nth"))
            e = find_unique(data, q["to"], 0, after=s) + len(q["to"].encode("utf-8"))
        out.append({"start": s, "end": e, "speaker": q["speaker"], "kind": q["kind"],
                    "text": text(data, s, e), "_blockquote": "line" in q})
    out.sort(key=lambda x: x["start"])
    return out


def build():
    docs = []
    problems = []
    for doc in DOCS:
        data, starts = load(doc)
        bp = boilerplate_ranges(doc, data, starts)
        ents = entities_for(doc, data, starts)
        qs = quotes_for(doc, data, starts)
        names = {e["entity"] for d in docs for e in d["entities"]} | {e["entity"] for e in ents}
        for e in ents:
            t = text(data, e["start"], e["end"])
            if t != t.strip() or not t or t[-1] in ".,;:’'":
                problems.append(f"{doc['id']} entity {t!r}: bad edges")
        for q in qs:
            t = text(data, q["start"], q["end"])
            if in_boilerplate(bp, q["start"], q["end"]):
                problems.append(f"{doc['id']} quote in boilerplate: {t[:40]!r}")
            if q["kind"] == "direct" and not q["_blockquote"]:
                if t[0] not in OPEN_MARKS or t[-1] not in CLOSE_MARKS:
                    problems.append(f"{doc['id']} direct quote without its marks: {t[:40]!r}")
            if q["kind"] == "indirect" and (t != t.strip() or t[-1] in ".,;:"):
                problems.append(f"{doc['id']} indirect quote with bad edges: {t[-20:]!r}")
            if q["speaker"] is not None and q["speaker"] not in names:
                problems.append(f"{doc['id']} quote speaker {q['speaker']!r} is not an annotated entity")
        for a, b in zip(qs, qs[1:]):
            if a["end"] > b["start"]:
                problems.append(f"{doc['id']} overlapping quotes at {a['start']} and {b['start']}")
        docs.append({
            "id": doc["id"],
            "path": "../../corpus/" + doc["file"],
            "entities": ents,
            "quotes": [{k: v for k, v in q.items() if not k.startswith("_")} for q in qs],
        })
    if problems:
        raise GoldError("\n".join(problems))
    return {"schema": SCHEMA, "documents": docs}


def dump(gold):
    # One span per line keeps diffs readable.
    lines = ["{", f'  "schema": {json.dumps(gold["schema"])},', '  "documents": [']
    for di, d in enumerate(gold["documents"]):
        lines.append("    {")
        lines.append(f'      "id": {json.dumps(d["id"])},')
        lines.append(f'      "path": {json.dumps(d["path"])},')
        for key in ("entities", "quotes"):
            items = d[key]
            if not items:
                lines.append(f'      "{key}": []' + ("," if key == "entities" else ""))
                continue
            lines.append(f'      "{key}": [')
            for i, it in enumerate(items):
                lines.append("        " + json.dumps(it, ensure_ascii=False) + ("," if i + 1 < len(items) else ""))
            lines.append("      ]" + ("," if key == "entities" else ""))
        lines.append("    }" + ("," if di + 1 < len(gold["documents"]) else ""))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def docdata():
    return {d["id"]: load(d) for d in DOCS}


def show(gold, only=None):
    dd = docdata()
    for d in gold["documents"]:
        if only and d["id"] != only:
            continue
        data, starts = dd[d["id"]]
        print(f"== {d['id']} {d['path']}")
        for e in d["entities"]:
            print(f"  E L{line_of(starts, e['start']):<3} {e['start']:>5}-{e['end']:<5} {e['type']:<8} "
                  f"{text(data, e['start'], e['end'])!r:<40} -> {e['entity']}")
        for q in d["quotes"]:
            print(f"  Q L{line_of(starts, q['start']):<3} {q['start']:>5}-{q['end']:<5} {q['kind']:<8} "
                  f"speaker={q['speaker']}\n      {text(data, q['start'], q['end'])}")


def summary(gold):
    dd = docdata()
    types = ["PERSON", "ORG", "PRODUCT", "LOCATION", "EVENT", "DATE"]
    out = []
    out.append("| doc | " + " | ".join(types) + " | entities | direct | indirect | quotes |")
    out.append("|---|" + "---:|" * (len(types) + 4))
    tot = {t: 0 for t in types + ["ent", "direct", "indirect", "q"]}
    for d in gold["documents"]:
        row = [d["id"]]
        for t in types:
            n = sum(1 for e in d["entities"] if e["type"] == t)
            tot[t] += n
            row.append(str(n))
        nd = sum(1 for q in d["quotes"] if q["kind"] == "direct")
        ni = sum(1 for q in d["quotes"] if q["kind"] == "indirect")
        tot["ent"] += len(d["entities"]); tot["direct"] += nd; tot["indirect"] += ni; tot["q"] += len(d["quotes"])
        row += [str(len(d["entities"])), str(nd), str(ni), str(len(d["quotes"]))]
        out.append("| " + " | ".join(row) + " |")
    out.append("| **all** | " + " | ".join(str(tot[t]) for t in types) +
               f" | {tot['ent']} | {tot['direct']} | {tot['indirect']} | {tot['q']} |")
    out.append("")
    # entities
    ents = {}
    for d in gold["documents"]:
        data, _ = dd[d["id"]]
        for e in d["entities"]:
            k = (e["type"], e["entity"])
            rec = ents.setdefault(k, {"n": 0, "docs": set(), "forms": set()})
            rec["n"] += 1
            rec["docs"].add(d["id"])
            rec["forms"].add(text(data, e["start"], e["end"]))
    ndistinct = len(ents)
    out.append(f"Distinct entities: {ndistinct} "
               f"({', '.join(f'{t} {sum(1 for k in ents if k[0] == t)}' for t in types)}).")
    out.append("")
    out.append("| type | entity | mentions | documents | other surface forms (aliases) |")
    out.append("|---|---|---:|---|---|")
    for (t, name), rec in sorted(ents.items(), key=lambda kv: (types.index(kv[0][0]), -kv[1]["n"], kv[0][1])):
        aliases = sorted(f for f in rec["forms"] if f != name)
        out.append(f"| {t} | {name} | {rec['n']} | {' '.join(sorted(rec['docs']))} | "
                   f"{', '.join('`' + a + '`' for a in aliases)} |")
    out.append("")
    out.append("| doc | boilerplate lines | byte ranges (half-open) | article bytes / total |")
    out.append("|---|---|---|---|")
    for doc in DOCS:
        data, starts = dd[doc["id"]]
        rs = boilerplate_ranges(doc, data, starts)
        lines_ = ", ".join(f"{a}–{b}" if a != b else f"{a}" for a, b in doc["boilerplate"]) or "none"
        bytes_ = ", ".join(f"[{s}, {e})" for s, e in rs) or "—"
        out.append(f"| {doc['id']} | {lines_} | {bytes_} | {len(data) - sum(e - s for s, e in rs)} / {len(data)} |")
    out.append("")
    out.append("| doc | line | kind | speaker | quote |")
    out.append("|---|---:|---|---|---|")
    for d in gold["documents"]:
        data, starts = dd[d["id"]]
        for q in d["quotes"]:
            t = text(data, q["start"], q["end"]).replace("|", "\\|").replace("*", "\\*")
            out.append(f"| {d['id']} | {line_of(starts, q['start'])} | {q['kind']} | "
                       f"{q['speaker'] or '(none)'} | {t} |")
    print("\n".join(out))


def uncovered(gold):
    dd = docdata()
    for doc, d in zip(DOCS, gold["documents"]):
        data, starts = dd[d["id"]]
        bp = boilerplate_ranges(doc, data, starts)
        cov = [(e["start"], e["end"]) for e in d["entities"]]
        seen = {}
        for m in re.finditer(rb"(?<![A-Za-z0-9_@])(?:[A-Z][A-Za-z0-9.\-]*|@\w+|\d{4})", data):
            s, e = m.start(), m.end()
            if in_boilerplate(bp, s, e) or any(s < ce and e > cs for cs, ce in cov):
                continue
            w = text(data, s, e)
            seen.setdefault(w, []).append(line_of(starts, s))
        print(f"== {d['id']}")
        for w, ls in sorted(seen.items()):
            print(f"  {w!r:<28} lines {ls}")


def find(needle, only=None):
    dd = docdata()
    for doc in DOCS:
        if only and doc["id"] != only:
            continue
        data, starts = dd[doc["id"]]
        b = needle.encode("utf-8")
        i, n = data.find(b), 0
        while i >= 0:
            ln = line_of(starts, i)
            print(f"{doc['id']} nth={n} line={ln} start={i} end={i + len(b)} "
                  f"ctx={text(data, max(starts[ln - 1], i - 30), i + len(b) + 30)!r}")
            i, n = data.find(b, i + 1), n + 1


def main(argv):
    cmd = argv[1] if len(argv) > 1 else "build"
    try:
        if cmd == "find":
            find(argv[2], argv[3] if len(argv) > 3 else None)
            return 0
        gold = build()
    except GoldError as err:
        print(f"gold-offsets: {err}", file=sys.stderr)
        return 1
    if cmd == "build":
        os.makedirs(os.path.dirname(GOLD), exist_ok=True)
        with open(GOLD, "w", encoding="utf-8") as f:
            f.write(dump(gold))
        print(f"wrote {os.path.relpath(GOLD, ROOT)}: "
              f"{sum(len(d['entities']) for d in gold['documents'])} entity mentions, "
              f"{sum(len(d['quotes']) for d in gold['documents'])} quotes")
    elif cmd == "check":
        with open(GOLD, encoding="utf-8") as f:
            disk = json.load(f)
        if disk != json.loads(dump(gold)):
            print("gold-offsets: tests/gold/builtin.gold.json differs from the spec; run build", file=sys.stderr)
            return 1
        # independent re-extraction check from the file on disk
        dd = docdata()
        for d in disk["documents"]:
            data, _ = dd[d["id"]]
            with open(os.path.join(os.path.dirname(GOLD), d["path"]), "rb") as f:
                assert f.read() == data
            for item in d["entities"] + d["quotes"]:
                # raises on a split UTF-8 sequence; "text" must be the span's exact text
                if text(data, item["start"], item["end"]) != item["text"]:
                    print(f"gold-offsets: {d['id']} span {item['start']}-{item['end']} does not hold "
                          f"{item['text']!r}", file=sys.stderr)
                    return 1
        print("ok: gold file matches the spec; every span decodes on UTF-8 boundaries and equals its \"text\"")
    elif cmd == "show":
        show(gold, argv[2] if len(argv) > 2 else None)
    elif cmd == "summary":
        summary(gold)
    elif cmd == "uncovered":
        uncovered(gold)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
