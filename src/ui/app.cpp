#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/view/app_state.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace dramatis::ui {
namespace {

constexpr float kSplitterWidth = 6.0f;  // logical pixels

}  // namespace

App::App(Corpus corpus) : corpus_(std::move(corpus)) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is ours; never write imgui.ini into the user's folder
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
}

bool App::update_fonts(float content_scale, float framebuffer_scale) {
  if (theme_dirty_ || content_scale != content_scale_) {
    apply_theme(settings_.theme, content_scale);
    content_scale_ = content_scale;
    theme_dirty_ = false;
  }
  // Rasterise at physical pixel size for crisp text, then scale back to logical units.
  const float pixel_scale = content_scale * framebuffer_scale;
  if (pixel_scale == loaded_font_scale_) return false;
  loaded_font_scale_ = pixel_scale;
  missing_glyphs_ = build_font_atlas(corpus_, std::round(settings_.font_size * pixel_scale));
  ImGui::GetIO().FontGlobalScale = 1.0f / framebuffer_scale;
  return true;
}

bool App::select(const Selection& selection) {
  if (!is_valid_selection(corpus_, selection)) return false;
  selection_ = selection;
  return true;
}

bool App::is_animating() const {
  return reader_panel_.is_animating();
}

nlohmann::json App::state_json() const {
  nlohmann::json state = app_state_json(corpus_, selection_);
  state["ui"] = {{"theme", settings_.theme == Theme::Dark ? "dark" : "light"},
                 {"missing_glyphs", missing_glyphs_}};
  return state;
}

void App::draw_menu_bar() {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
#ifndef __EMSCRIPTEN__
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) quit_requested_ = true;
#endif
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Dark theme", nullptr, settings_.theme == Theme::Dark)) {
      settings_.theme = Theme::Dark;
      theme_dirty_ = true;
    }
    if (ImGui::MenuItem("Light theme", nullptr, settings_.theme == Theme::Light)) {
      settings_.theme = Theme::Light;
      theme_dirty_ = true;
    }
    ImGui::Separator();
    ImGui::MenuItem("Smooth scrolling", nullptr, &settings_.smooth_scrolling);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("About Dramatis")) show_about_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void App::draw_about_window() {
  if (!show_about_) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("About Dramatis", &show_about_,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextUnformatted("Dramatis: who appears in a news story, how they connect,");
    ImGui::TextUnformatted("and who said what, each claim one click from its source.");
    ImGui::Separator();
    ImGui::TextDisabled("Corpus: %s (%zu documents)", corpus_.name.c_str(),
                        corpus_.documents.size());
    ImGui::TextDisabled("Fonts: Noto Sans, Noto Sans CJK SC (SIL Open Font License 1.1)");
    ImGui::TextDisabled("UI: Dear ImGui %s", IMGUI_VERSION);
  }
  ImGui::End();
}

void App::draw_frame() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Q, false)) quit_requested_ = true;

  draw_menu_bar();

  // One host window fills the space under the menu bar and follows window resizes; the two
  // panels share it, split by a draggable bar.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags host_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##host", nullptr, host_flags);
  const float em = ImGui::GetFontSize();
  const float total = ImGui::GetContentRegionAvail().x;
  const float splitter = kSplitterWidth * content_scale_;
  if (left_panel_width_ <= 0.0f)
    left_panel_width_ = std::clamp(total * 0.42f, 18.0f * em, 40.0f * em);
  left_panel_width_ =
      std::clamp(left_panel_width_, 12.0f * em, std::max(12.0f * em, total - 16.0f * em));

  ImGui::BeginChild("documents_panel", ImVec2(left_panel_width_, 0.0f), ImGuiChildFlags_None);
  ImGui::SeparatorText("Documents");
  documents_panel_.draw(corpus_, selection_);
  ImGui::EndChild();

  ImGui::SameLine(0.0f, 0.0f);
  ImGui::InvisibleButton("##splitter", ImVec2(splitter, ImGui::GetContentRegionAvail().y));
  if (ImGui::IsItemHovered() || ImGui::IsItemActive())
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (ImGui::IsItemActive()) left_panel_width_ += io.MouseDelta.x;
  ImGui::SameLine(0.0f, 0.0f);

  ImGui::BeginChild("reader_panel", ImVec2(0.0f, 0.0f), ImGuiChildFlags_None);
  ImGui::SeparatorText("Reader");
  reader_panel_.draw(corpus_, selection_, settings_);
  ImGui::EndChild();
  ImGui::End();

  draw_about_window();
}

}  // namespace dramatis::ui
