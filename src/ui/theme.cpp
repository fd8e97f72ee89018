#include "ui/theme.h"

#include <imgui.h>

namespace dramatis::ui {

void apply_theme(Theme theme, float scale) {
  ImGuiStyle style;  // start from defaults so repeated calls do not compound the scale
  if (theme == Theme::Dark) {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.118f, 0.122f, 0.141f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.26f, 0.42f, 0.70f, 0.45f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.42f, 0.70f, 0.70f);
  } else {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.975f, 0.975f, 0.98f, 1.0f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.26f, 0.46f, 0.85f, 0.25f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.46f, 0.85f, 0.40f);
  }
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.ScrollbarRounding = 6.0f;
  style.WindowBorderSize = 0.0f;
  style.CellPadding = ImVec2(6.0f, 4.0f);
  style.ItemSpacing = ImVec2(8.0f, 6.0f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

void theme_background(Theme theme, float rgba[4]) {
  const float dark[4] = {0.118f, 0.122f, 0.141f, 1.0f};
  const float light[4] = {0.975f, 0.975f, 0.98f, 1.0f};
  const float* chosen = theme == Theme::Dark ? dark : light;
  for (int i = 0; i < 4; ++i) rgba[i] = chosen[i];
}

}  // namespace dramatis::ui
