// The colours that carry meaning across panels: one per entity type (graph nodes, reader
// highlights, entity lists agree) and a qualitative palette for communities. Chosen to stay
// distinguishable on both the dark and the light theme.
#pragma once

#include <array>
#include <cstdint>

#include "core/nlp/analysis.h"

namespace dramatis::ui {

using Rgba8 = std::array<uint8_t, 4>;

Rgba8 entity_type_color(EntityType type);
Rgba8 community_color(int32_t community);  // -1 (none): grey

// Packs as ImGui's ImU32 (ABGR in memory order R, G, B, A), with `alpha` replacing the alpha.
uint32_t to_imgui_color(const Rgba8& color, uint8_t alpha = 255);

}  // namespace dramatis::ui
