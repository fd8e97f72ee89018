#include "ui/palette.h"

namespace dramatis::ui {

Rgba8 entity_type_color(EntityType type) {
  switch (type) {
    case EntityType::Person: return {78, 154, 232, 255};     // blue
    case EntityType::Org: return {240, 146, 60, 255};        // orange
    case EntityType::Product: return {88, 190, 120, 255};    // green
    case EntityType::Location: return {176, 122, 220, 255};  // violet
    case EntityType::Event: return {230, 90, 100, 255};      // red
    case EntityType::Date: return {150, 150, 160, 255};      // grey
    case EntityType::Money: return {214, 190, 70, 255};      // gold
    case EntityType::Quantity: return {90, 190, 200, 255};   // teal
  }
  return {150, 150, 160, 255};
}

Rgba8 community_color(int32_t community) {
  // Tableau 10, which is built to keep neighbouring hues apart.
  static constexpr Rgba8 kPalette[] = {
      {78, 121, 167, 255}, {242, 142, 43, 255}, {225, 87, 89, 255},   {118, 183, 178, 255},
      {89, 161, 79, 255},  {237, 201, 72, 255}, {176, 122, 161, 255}, {255, 157, 167, 255},
      {156, 117, 95, 255}, {186, 176, 172, 255}};
  if (community < 0) return {140, 140, 150, 255};
  return kPalette[static_cast<size_t>(community) % std::size(kPalette)];
}

uint32_t to_imgui_color(const Rgba8& color, uint8_t alpha) {
  return static_cast<uint32_t>(color[0]) | (static_cast<uint32_t>(color[1]) << 8) |
         (static_cast<uint32_t>(color[2]) << 16) | (static_cast<uint32_t>(alpha) << 24);
}

}  // namespace dramatis::ui
