// The panels' shared drawing helpers (widgets.h).
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

#include "ui/palette.h"

namespace dramatis::ui {
namespace {

constexpr const char* kDash = "\xE2\x80\x94";  // U+2014: a fact with no value

}  // namespace

ImU32 link_color() {
  return ImGui::GetColorU32(ImGuiCol_CheckMark);
}
ImU32 text_color() {
  return ImGui::GetColorU32(ImGuiCol_Text);
}
ImU32 dim_color() {
  return ImGui::GetColorU32(ImGuiCol_TextDisabled);
}

ImVec4 to_vec4(const Rgba8& color) {
  return ImGui::ColorConvertU32ToFloat4(to_imgui_color(color));
}

void draw_clipped(ImVec2 pos, float left, float right, std::string_view text, ImU32 color) {
  if (text.empty() || right <= left) return;
  const ImVec4 clip(left, pos.y, right, pos.y + ImGui::GetTextLineHeight());
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, color,
                                      text.data(), text.data() + text.size(), 0.0f, &clip);
}

float text_width(std::string_view text) {
  return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

bool text_row(const char* id, std::string_view text, ImU32 color, bool selected,
              ImGuiSelectableFlags flags, float indent) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float right = pos.x + ImGui::GetContentRegionAvail().x;
  const bool clicked = ImGui::Selectable(id, selected, flags);
  draw_clipped(ImVec2(pos.x + indent, pos.y), pos.x + indent, right, text, color);
  return clicked;
}

bool entity_row(const char* id, std::string_view name, EntityType type, bool selected,
                ImGuiSelectableFlags flags) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float line = ImGui::GetTextLineHeight();
  const float swatch = std::floor(line * 0.55f);
  const bool clicked = text_row(id, name, text_color(), selected, flags,
                                swatch + ImGui::GetStyle().ItemInnerSpacing.x);
  const ImVec2 swatch_min(pos.x, pos.y + std::floor((line - swatch) * 0.5f));
  ImGui::GetWindowDrawList()->AddRectFilled(
      swatch_min, ImVec2(swatch_min.x + swatch, swatch_min.y + swatch),
      to_imgui_color(entity_type_color(type)), swatch * 0.25f);
  return clicked;
}

bool kwic_row(const char* id, const Kwic& kwic, ImU32 hit_color, std::string_view prefix,
              float indent) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool clicked = ImGui::Selectable(id, false);
  const float right = pos.x + width;
  const float gap = text_width(" ");
  float left = pos.x + indent;
  if (!prefix.empty()) {
    // A fixed width, so the highlighted spans of consecutive rows line up.
    const float prefix_width = std::min(ImGui::GetFontSize() * 8.0f, width * 0.3f);
    draw_clipped(ImVec2(left, pos.y), left, left + prefix_width, prefix, dim_color());
    left += prefix_width + gap * 2.0f;
  }
  if (right <= left) return clicked;
  const float pivot = left + (right - left) * 0.42f;
  const float hit_width = text_width(kwic.hit);
  const float left_width = text_width(kwic.left);
  // The left context ends just before the span; what does not fit is cut at the region's start.
  draw_clipped(ImVec2(pivot - gap - left_width, pos.y), left, pivot - gap, kwic.left, text_color());
  const float line = ImGui::GetTextLineHeight();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(pivot - gap * 0.5f, pos.y),
                      ImVec2(std::min(right, pivot + hit_width + gap * 0.5f), pos.y + line),
                      (hit_color & 0x00FFFFFFu) | (48u << 24), 2.0f);
  draw_clipped(ImVec2(pivot, pos.y), pivot, right, kwic.hit, hit_color);
  const float right_start = pivot + hit_width + gap;
  draw_clipped(ImVec2(right_start, pos.y), right_start, right, kwic.right, text_color());
  return clicked;
}

void stretch_column(const char* name, float weight) {
  ImGui::TableSetupColumn(name, ImGuiTableColumnFlags_WidthStretch, weight);
}

void draw_title(std::string_view title) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::SetWindowFontScale(1.35f);
  ImGui::TextUnformatted(title.data(), title.data() + title.size());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopTextWrapPos();
}

void fact_label(const char* label) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", label);
  ImGui::TableNextColumn();
}

void fact(const char* label, std::string_view value) {
  fact_label(label);
  ImGui::PushTextWrapPos(0.0f);
  if (value.empty()) {
    ImGui::TextDisabled("%s", kDash);
  } else {
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
  }
  ImGui::PopTextWrapPos();
}

bool begin_facts(const char* id) {
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  return true;
}

bool section(const char* id, const std::string& label) {
  const std::string full = label + "###" + id;
  return ImGui::CollapsingHeader(full.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
}

int input_string_resize(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}

}  // namespace dramatis::ui
