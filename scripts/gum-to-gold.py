#!/usr/bin/env python3
"""Converts the GUM news sample (shared/eval/gum-news/gum_news.jsonl) into a dramatis.gold/1 file.

Usage: scripts/gum-to-gold.py [--input ../shared/eval/gum-news/gum_news.jsonl]
                              [--output build/eval/gum-news.gold.json] [--spans name|mention]
                              [--report]

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
  - adds GUM's quotes with no "speaker" field (GUM links no speakers: not scored).
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


def convert(article, spans, stats):
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
    quotes = []
    for q in article.get("quotes", []):
        if text[q["start"]:q["end"]] != q["text"]:
            sys.exit(f"{article['doc']}: quote text does not match its offsets: {q['text']!r}")
        quotes.append({"start": to_bytes[q["start"]], "end": to_bytes[q["end"]], "kind": "direct"})
        stats["quotes"] += 1
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
    parser.add_argument("--report", action="store_true", help="print counts on stderr")
    args = parser.parse_args()
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
                documents.append(convert(article, args.spans, stats))
    gold = {
        "schema": "dramatis.gold/1",
        "description": "GUM news (Wikinews text CC BY 2.5, GUM annotations CC BY 4.0), converted by "
                       f"scripts/gum-to-gold.py --spans {args.spans}",
        "documents": documents,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if args.report:
        print(f"{args.output}: {len(documents)} documents", file=sys.stderr)
        for key in sorted(stats):
            print(f"  {key}: {stats[key]}", file=sys.stderr)


if __name__ == "__main__":
    main()
