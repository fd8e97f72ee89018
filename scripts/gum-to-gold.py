#!/usr/bin/env python3
"""Converts the GUM news sample (shared/eval/gum-news/gum_news.jsonl) into a dramatis.gold/1 file.

Usage: scripts/gum-to-gold.py [--input ../shared/eval/gum-news/gum_news.jsonl]
                              [--output build/eval/gum-news.gold.json] [--spans name|mention]
                              [--quote-annotations FILE|none] [--report]

GUM annotates every mention (pronouns and common noun phrases too) with code-point offsets.
Dramatis scores named-entity spans in UTF-8 bytes, so this script (docs/quality.md, "GUM"):
  - keeps mentions with `named` true, a `propn_span` (at least one proper noun), and an etype of
    person -> PERSON, organization -> ORG, place -> LOCATION, event -> EVENT, time -> DATE
    (time only when it has a proper noun: "Friday", "July 21, 2017", not "last week");
  - with --spans name (the default) trims each mention to its name (see core_name below): the
    Wikipedia identity's title when it occurs in the mention ("U.S. President Donald Trump's" ->
    "Donald Trump"), else the mention without determiners, possessives, leading titles and
    lowercase words and, for people, what follows "of"/"from"/","; mentions that are not
    name-shaped then ("the team", "Thailand's foreign minister") are dropped. --spans mention keeps
    GUM's whole mention span, for comparison;
  - gives "entity" (for alias scoring) only to mentions with a Wikipedia identity;
  - converts offsets to UTF-8 bytes and puts the text inline;
  - adds GUM's quotes as kind "direct"; GUM links no speakers, so with --quote-annotations none
    they have no "speaker" field (not scored). By default the project's hand annotation
    bench/quality/gum-quote-annotations.json (docs/quality.md, "Quotes and speakers added by hand")
    gives each GUM quote its speaker (a name, or null: no identifiable speaker), matched by start
    offset and text prefix, and adds the direct quotes GUM leaves out, after checking their text;
    quotes are sorted by start, and a span that continues the one before inside the same
    quotation marks (GUM marks quotations sentence by sentence) is joined to it;
Python 3 standard library only. Deterministic: the same input gives the same bytes.
"""

import argparse
import collections
import json
import os
import re
import sys
import urllib.parse

TYPES = {
    "person": "PERSON",
    "organization": "ORG",
    "place": "LOCATION",
    "event": "EVENT",
    "time": "DATE",
}

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its",
               "our", "my", "your", "one", "some", "all"}
# Words of names that may be lowercase ("University of Texas", "Leonardo da Vinci").
CONNECTORS = {"of", "the", "for", "and", "&", "-", "de", "du", "del", "della", "da", "la", "le",
              "von", "van", "der", "den", "bin", "al", "el", "on", "y"}
PERSON_PARTICLES = {"de", "du", "del", "della", "da", "la", "le", "von", "van", "der", "den", "bin",
                    "al", "el", "y"}
# Titles and roles before a person's name ("U.S. President Donald Trump", "Afghan Ambassador ...").
TITLES = {
    "president", "vice", "ambassador", "minister", "prime", "secretary", "senator", "sen.",
    "governor", "gov.", "general", "gen.", "major", "colonel", "col.", "captain", "capt.",
    "lieutenant", "sergeant", "admiral", "commander", "chief", "officer", "spokesperson",
    "spokesman", "spokeswoman", "mr.", "mrs.", "ms.", "dr.", "prof.", "professor", "king", "queen",
    "prince", "princess", "chancellor", "mayor", "judge", "justice", "pope", "rev.", "reverend",
    "bishop", "archbishop", "cardinal", "sheikh", "ceo", "chairman", "chairwoman", "director",
    "founder", "co-founder", "creator", "editor", "writer", "actor", "actress", "coach", "member",
    "leader", "lawmaker", "legislator", "representative", "rep.", "councillor", "councilor",
    "democrat", "republican", "candidate", "attorney", "lawyer", "academic", "activist", "sir",
    "lord", "lady", "dame", "emperor", "sultan", "pastor", "imam", "rabbi", "father", "brother",
    "sister", "deputy", "assistant", "commissioner", "inspector", "superintendent", "detective",
    "officials", "official", "administrator", "manager", "player", "striker", "midfielder",
}
# Where a post-modifier starts: a person's name ends there; any other mention is dropped.
PERSON_CUTS = {"of", "from", "at", "in", "who", "whose", ",", "(", "and"}
ALL_CUTS = {",", "(", "which", "who", "whose", "that", "in", "at", "to", "from", "by", "with"}
# Words that end a run of lowercase role words before a person's name.
STOPS = DETERMINERS | {"of", "for", "to", "from", "by", "with", "at", "in", "on", "and", "or"}

TOKEN = re.compile(r"\S+")


def identity_title(identity):
    """"Cheng_Chung%2Dtai" -> "Cheng Chung-tai"; "Alice_Mak_(politician)" -> "Alice Mak"."""
    title = urllib.parse.unquote(identity).replace("_", " ")
    return re.sub(r"\s*\([^)]*\)$", "", title).strip()


def capitalized(word):
    core = word.strip("\"'“”‘’()[]")
    return bool(core) and (core[0].isupper() or core[0].isdigit())


def split_tokens(text):
    """Tokens as (start, end) code-point ranges; commas and parentheses are tokens of their own."""
    tokens = []
    for m in TOKEN.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start] == "(":
            tokens.append((start, start + 1))
            start += 1
        trailing = []
        while end > start and text[end - 1] in ",)":
            trailing.append((end - 1, end))
            end -= 1
        if start < end:
            tokens.append((start, end))
        tokens.extend(reversed(trailing))
    return tokens


def strip_possessive(text, start, end):
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            return end - len(suffix)
    return end


def core_name(text, etype, identity, surnames=frozenset()):
    """The name inside a mention, as a (start, end) code-point range relative to `text`, or None.

    `surnames`: last words of the article's multi-word person names ("Paris" of "Valeska Paris"),
    which are names even when they end in "s" like a plural."""
    if identity:
        title = identity_title(identity)
        where = text.find(title) if title else -1
        if where >= 0:
            return where, where + len(title)
    tokens = split_tokens(text)
    words = [text[s:e] for s, e in tokens]
    lower = [w.lower() for w in words]
    n = len(words)
    # Everything up to a possessive ("localist camp's Cheng Chung-tai") is not the name.
    first = 0
    for i, w in enumerate(words[:-1]):
        if w.endswith(("'s", "’s")):
            first = i + 1
    while first < n and lower[first] in DETERMINERS:
        first += 1
    if etype == "person":
        # A title or role right before a capitalised word starts the name after it.
        for i in range(first, n - 1):
            if (lower[i] in TITLES or lower[i].split("-")[-1] in TITLES) and capitalized(words[i + 1]):
                first = i + 1
        # Lowercase role words ("team member Rodaba Noori"), but not a phrase ("a trip to ...").
        while (first < n and not capitalized(words[first]) and lower[first] not in STOPS
               and not lower[first].endswith(("ing", "ed"))):
            first += 1
    if first >= n or not capitalized(words[first]):
        return None
    last = n
    if etype != "time":
        for i in range(first + 1, n):
            if lower[i] in (PERSON_CUTS if etype == "person" else ALL_CUTS):
                if etype != "person":
                    return None  # a description around a name; its nested names are mentions
                last = i
                break
    words, lower = words[first:last], lower[first:last]
    start, end = tokens[first][0], strip_possessive(text, tokens[last - 1][0], tokens[last - 1][1])
    if not capitalized(words[-1]):
        return None
    allowed = {"time": {","}, "person": PERSON_PARTICLES}.get(etype, CONNECTORS)
    if any(not capitalized(w) and l not in allowed for w, l in zip(words, lower)):
        return None
    if etype == "person" and (lower[-1] in TITLES or (len(words) == 1 and lower[0].endswith("s")
                                                      and not identity
                                                      and words[0] not in surnames)):
        return None  # a title alone, or a plural ("Members", "Muslims")
    return start, end


def is_group(entity, name):
    """GUM types nationalities and religious groups as person ("Afghans", "the Rohingya")."""
    identity = identity_title(entity.get("identity", ""))
    # A one-word plural named like its identity is a group; "Dries Mertens" is a person.
    return entity["etype"] == "person" and (
        identity.endswith(" people") or (identity == name and name.endswith("s") and " " not in name))


def person_surnames(article):
    """Last words of the article's person names of two or more capitalised words."""
    surnames = set()
    for e in article["entities"]:
        if e["etype"] != "person" or not e.get("named"):
            continue
        words = [w for w in re.split(r"\s+", e.get("propn_span", {}).get("text", "")) if w]
        if len(words) >= 2 and all(capitalized(w) for w in words):
            surnames.add(strip_possessive_word(words[-1]))
    return surnames


def strip_possessive_word(word):
    return word[:strip_possessive(word, 0, len(word))]


def byte_offsets(text):
    """offsets[i] = UTF-8 byte offset of code point i (offsets[len(text)] = byte length)."""
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + len(ch.encode("utf-8")))
    return offsets


def load_quote_annotations(path):
    """The dramatis.gum-quotes/1 file at `path` as {doc id: annotation}; None for "none"."""
    if path is None or path == "none":
        return None
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, json.JSONDecodeError) as error:
        sys.exit(f"{path}: {error}")
    if data.get("schema") != "dramatis.gum-quotes/1" or not isinstance(data.get("documents"), dict):
        sys.exit(f"{path}: not a dramatis.gum-quotes/1 file")
    return data["documents"]


def annotate_quotes(article, annotation, path, to_bytes, quotes, stats):
    """Sets "speaker" on GUM's quotes (keyed by code-point start) and adds the hand-added ones."""
    doc, text = article["doc"], article["text"]
    by_start = {q["start"]: q for q in article.get("quotes", [])}
    for entry in annotation.get("speakers", []):
        start, speaker = entry.get("start"), entry.get("speaker")
        if start not in by_start:
            sys.exit(f"{path}: {doc}: no GUM quote starts at {start!r}")
        prefix = entry.get("quote_text_start", "")
        if not isinstance(prefix, str) or not by_start[start]["text"].startswith(prefix):
            sys.exit(f"{path}: {doc}: the GUM quote at {start} does not start with {prefix!r}")
        if speaker is not None and not (isinstance(speaker, str) and speaker.strip()):
            sys.exit(f"{path}: {doc}: quote at {start}: speaker must be a name or null")
        quotes[start]["speaker"] = speaker
    for entry in annotation.get("added", []):
        start, end, speaker = entry.get("start"), entry.get("end"), entry.get("speaker")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            sys.exit(f"{path}: {doc}: added quote at {start!r}: bad offsets {start!r}-{end!r}")
        if text[start:end] != entry.get("text"):
            sys.exit(f"{path}: {doc}: added quote at {start}: text[{start}:{end}] is "
                     f"{text[start:end]!r}, not {entry.get('text')!r}")
        if speaker is not None and not (isinstance(speaker, str) and speaker.strip()):
            sys.exit(f"{path}: {doc}: added quote at {start}: speaker must be a name or null")
        if start in quotes:
            sys.exit(f"{path}: {doc}: added quote at {start} starts where another quote does")
        quotes[start] = {"start": to_bytes[start], "end": to_bytes[end], "kind": "direct",
                         "speaker": speaker}
        stats["quotes added by hand"] += 1


QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def merge_continued_quotes(quotes, text, to_bytes, stats):
    """GUM marks a quotation sentence by sentence: a span that follows another in the same
    paragraph across nothing but spaces and opens with no quotation mark continues it inside the
    same marks ('"... this section. We were so interested ..."' is two GUM spans). Those become
    one quote, as a reader and the engine see them; spans with different speakers stay apart. A
    quotation over several paragraphs stays one span per paragraph, as the engine gives it."""
    from_bytes = {b: i for i, b in enumerate(to_bytes)}
    merged = []
    for q in quotes:
        if merged:
            last = merged[-1]
            gap = text[from_bytes[last["end"]]:from_bytes[q["start"]]]
            opens = text[from_bytes[q["start"]]:from_bytes[q["start"]] + 1]
            if (gap and not gap.strip() and "\n" not in gap and opens not in QUOTE_MARKS and
                    last.get("speaker") == q.get("speaker")):
                last["end"] = q["end"]
                stats["quotes: GUM sentence spans joined to the one before"] += 1
                continue
        merged.append(q)
    return merged


def convert(article, spans, stats, annotation=None, annotation_path=None):
    text = article["text"]
    to_bytes = byte_offsets(text)
    entities = {}
    surnames = person_surnames(article)
    for e in article["entities"]:
        etype = e["etype"]
        if etype not in TYPES:
            continue
        if not e.get("named") or "propn_span" not in e:
            stats["dropped: not named or no proper noun"] += 1
            continue
        start, end = e["start"], e["end"]
        if text[start:end] != e["text"]:
            sys.exit(f"{article['doc']}: mention text does not match its offsets: {e['text']!r}")
        if spans == "name":
            found = core_name(text[start:end], etype, e.get("identity", ""), surnames)
            if found is None:
                stats["dropped: not name-shaped"] += 1
                continue
            start, end = start + found[0], start + found[1]
            if is_group(e, text[start:end]):
                stats["dropped: a group of people"] += 1
                continue
        item = {"start": to_bytes[start], "end": to_bytes[end], "type": TYPES[etype],
                "text": text[start:end]}
        if e.get("identity"):
            item["entity"] = identity_title(e["identity"])
        key = (item["start"], item["end"], item["type"])
        if key in entities:
            stats["dropped: duplicate span"] += 1
            continue
        entities[key] = item
        stats[TYPES[etype]] += 1
    quotes = {}
    for q in article.get("quotes", []):
        if text[q["start"]:q["end"]] != q["text"]:
            sys.exit(f"{article['doc']}: quote text does not match its offsets: {q['text']!r}")
        quotes[q["start"]] = {"start": to_bytes[q["start"]], "end": to_bytes[q["end"]],
                              "kind": "direct"}
        stats["quotes from GUM"] += 1
    if annotation is not None:
        annotate_quotes(article, annotation, annotation_path, to_bytes, quotes, stats)
    for q in quotes.values():
        if "speaker" in q:
            stats["quotes with a speaker" if q["speaker"] is not None else "quotes, speaker null"] += 1
    quotes = merge_continued_quotes([quotes[k] for k in sorted(quotes)], text, to_bytes, stats)
    return {
        "id": article["doc"],
        "title": article.get("title", ""),
        "text": text,
        "entities": [entities[k] for k in sorted(entities)],
        "quotes": quotes,
    }


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", default=os.path.join(
        root, "..", "shared", "eval", "gum-news", "gum_news.jsonl"))
    parser.add_argument("--output", default=os.path.join(root, "build", "eval", "gum-news.gold.json"))
    parser.add_argument("--spans", choices=["name", "mention"], default="name",
                        help="name: trim mentions to the name (default); mention: GUM's spans")
    default_annotations = os.path.join(root, "bench", "quality", "gum-quote-annotations.json")
    parser.add_argument("--quote-annotations", metavar="FILE|none",
                        default=default_annotations if os.path.exists(default_annotations) else None,
                        help="hand-annotated quote speakers and added quotes (dramatis.gum-quotes/1; "
                             "default bench/quality/gum-quote-annotations.json when it exists); "
                             "none: GUM's quotes only, without speakers")
    parser.add_argument("--report", action="store_true", help="print counts on stderr")
    args = parser.parse_args()
    annotations = load_quote_annotations(args.quote_annotations)
    if not os.path.exists(args.input):
        sys.exit(f"{args.input}: no such file (the GUM sample lives in shared/eval/gum-news)")
    stats = collections.Counter()
    documents = []
    with open(args.input, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    article = json.loads(line)
                except json.JSONDecodeError as error:
                    sys.exit(f"{args.input}:{number}: {error}")
                annotation = None
                if annotations is not None:
                    annotation = annotations.get(article.get("doc"), {})
                documents.append(convert(article, args.spans, stats, annotation,
                                         args.quote_annotations))
    if annotations is not None:
        unknown = sorted(set(annotations) - {d["id"] for d in documents})
        if unknown:
            sys.exit(f"{args.quote_annotations}: no GUM document {unknown[0]!r}")
    description = ("GUM news (Wikinews text CC BY 2.5, GUM annotations CC BY 4.0), converted by "
                   f"scripts/gum-to-gold.py --spans {args.spans}")
    if annotations is not None:
        description += (", with quote speakers and added direct quotes annotated by hand for Dramatis ("
                        f"{os.path.basename(args.quote_annotations)})")
    gold = {
        "schema": "dramatis.gold/1",
        "description": description,
        "documents": documents,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if args.report:
        print(f"{args.output}: {len(documents)} documents", file=sys.stderr)
        quote_keys = ("quotes from GUM", "quotes added by hand", "quotes with a speaker",
                      "quotes, speaker null")
        for key in sorted(stats):
            if key not in quote_keys:
                print(f"  {key}: {stats[key]}", file=sys.stderr)
        print(f"  quotes: {stats['quotes from GUM']} from GUM, {stats['quotes added by hand']} added by "
              f"hand, {stats['quotes with a speaker']} with a speaker, "
              f"{stats['quotes, speaker null']} speaker null", file=sys.stderr)


if __name__ == "__main__":
    main()
