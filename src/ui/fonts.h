// The UI font: Noto Sans with Noto Sans CJK SC merged in, subset at build time
// (scripts/subset-font.py) and embedded, so the apps need no font files. The atlas holds the
// glyphs of a base set plus every character of the loaded corpus, built from its own text.
#pragma once

#include <string>
#include <vector>

#include "core/corpus/corpus.h"

namespace dramatis::ui {

// Rebuilds ImGui's font atlas at `pixel_size` (physical pixels) for `corpus`. Returns the code
// points of the corpus that the font has no glyph for, as "U+XXXX" (empty when all render).
std::vector<std::string> build_font_atlas(const Corpus& corpus, float pixel_size);

}  // namespace dramatis::ui
