#!/usr/bin/env python3
"""Build-time font subsetting for the UI fonts (called by src/ui/CMakeLists.txt).

Two faces from Debian's font packages, each cut down to what the app can show:
  ui-font.ttf      Noto Sans (fonts-noto-core): Latin, Greek, Cyrillic, punctuation and symbols,
                   kept whole for those blocks so users' own documents render too, plus every
                   other corpus character it has;
  ui-font-cjk.otf  Noto Sans CJK SC (fonts-noto-cjk): the corpus characters Noto Sans lacks
                   (Han, kana, ...) plus the CJK punctuation and full-width blocks.
Western punctuation must come from the first face: CJK faces draw quotes and apostrophes
full-width. Both are SIL Open Font License 1.1; name tables (copyright, licence) are kept.
Uses fontTools from Debian's python3-fonttools.
"""
import argparse
import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

# Blocks the Latin face keeps whatever the corpus holds.
BASE_RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x0300, 0x036F), (0x0370, 0x03FF), (0x0400, 0x04FF),
    (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2100, 0x214F),
    (0x2150, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF), (0xFFFD, 0xFFFD),
]
# Blocks the CJK face keeps whatever the corpus holds.
CJK_BASE_RANGES = [(0x3000, 0x303F), (0xFF00, 0xFFEF)]


def expand(ranges):
    return {c for low, high in ranges for c in range(low, high + 1)}


def load(path, number):
    if path.endswith(".ttc"):
        return TTCollection(path, lazy=True).fonts[number]
    return TTFont(path, lazy=True)


def write_subset(font, codepoints, out):
    options = subset.Options()
    options.layout_features = []  # ImGui does no shaping; GSUB/GPOS would only add bytes
    options.hinting = False
    options.desubroutinize = True  # simpler CFF for stb_truetype; compresses better too
    options.notdef_outline = True
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latin", required=True, help="Noto Sans .ttf")
    parser.add_argument("--cjk", required=True, help="Noto Sans CJK .ttc")
    parser.add_argument("--cjk-index", type=int, default=2, help="face index in the .ttc")
    parser.add_argument("--text", nargs="*", default=[], help="files whose characters to keep")
    parser.add_argument("--out-dir", required=True)
    args = parser.parse_args()

    corpus = set()
    for path in args.text:
        corpus.update(ord(c) for c in pathlib.Path(path).read_text("utf-8", errors="replace"))
    corpus = {c for c in corpus if c >= 0x20 and not (0x7F <= c < 0xA0)}

    latin = load(args.latin, 0)
    latin_has = set(latin.getBestCmap())
    latin_keep = (expand(BASE_RANGES) | corpus) & latin_has
    cjk = load(args.cjk, args.cjk_index)
    cjk_has = set(cjk.getBestCmap())
    cjk_keep = ((corpus - latin_has) | expand(CJK_BASE_RANGES)) & cjk_has

    out_dir = pathlib.Path(args.out_dir)
    write_subset(latin, latin_keep, out_dir / "ui-font.ttf")
    write_subset(cjk, cjk_keep, out_dir / "ui-font-cjk.otf")

    missing = sorted(corpus - latin_has - cjk_has)
    if missing:
        print("subset-font: no glyph for " + ", ".join(f"U+{c:04X}" for c in missing),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
