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

App::App(Story story) : story_(std::move(story)) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is ours; never write imgui.ini into the user's folder
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  graph_panel_.set_story(story_);
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
  missing_glyphs_ = build_font_atlas(story_.corpus, std::round(settings_.font_size * pixel_scale));
  ImGui::GetIO().FontGlobalScale = 1.0f / framebuffer_scale;
  return true;
}

bool App::select(const Selection& selection) {
  if (!is_valid_selection(story_, selection)) return false;
  selection_ = selection;
  return true;
}

bool App::is_animating() const {
  return reader_panel_.is_animating() || graph_panel_.is_animating();
}

nlohmann::json App::state_json() const {
  nlohmann::json state = app_state_json(story_.corpus, selection_);
  state["ui"] = {{"theme", settings_.theme == Theme::Dark ? "dark" : "light"},
                 {"missing_glyphs", missing_glyphs_}};
  state["analysis"] = {{"entities", story_.analysis.entities.size()},
                       {"quotes", story_.analysis.quotes.size()},
                       {"relations", story_.analysis.relations.size()}};
  state["graph"] = graph_panel_.state_json(story_);
  state["frame_time"] = frame_timer_.summary();
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
    ImGui::TextDisabled("Corpus: %s (%zu documents)", story_.corpus.name.c_str(),
                        story_.corpus.documents.size());
    ImGui::TextDisabled("Fonts: Noto Sans, Noto Sans CJK SC (SIL Open Font License 1.1)");
    ImGui::TextDisabled("UI: Dear ImGui %s", IMGUI_VERSION);
  }
  ImGui::End();
}

void App::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Q, false)) quit_requested_ = true;
  if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
  if (ImGui::IsKeyPressed(ImGuiKey_F, false)) graph_panel_.fit(true);
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup))
    selection_ = {};
}

// A vertical bar between two panels, dragged to resize; returns the drag in logical pixels.
static float splitter(const char* id, float width) {
  ImGui::SameLine(0.0f, 0.0f);
  ImGui::InvisibleButton(id, ImVec2(width, ImGui::GetContentRegionAvail().y));
  if (ImGui::IsItemHovered() || ImGui::IsItemActive())
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  const float drag = ImGui::IsItemActive() ? ImGui::GetIO().MouseDelta.x : 0.0f;
  ImGui::SameLine(0.0f, 0.0f);
  return drag;
}

void App::draw_frame() {
  handle_shortcuts();
  draw_menu_bar();

  // One host window fills the space under the menu bar and follows window resizes; three
  // panels share it (documents | graph | reader), split by draggable bars.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags host_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##host", nullptr, host_flags);
  const float em = ImGui::GetFontSize();
  const float total = ImGui::GetContentRegionAvail().x;
  const float bar = kSplitterWidth * content_scale_;
  if (left_panel_width_ <= 0.0f)
    left_panel_width_ = std::clamp(total * 0.22f, 14.0f * em, 26.0f * em);
  if (right_panel_width_ <= 0.0f)
    right_panel_width_ = std::clamp(total * 0.32f, 18.0f * em, 40.0f * em);
  // The graph keeps at least 16 em; the side panels give way first.
  const float side_room = std::max(0.0f, total - 16.0f * em - 2.0f * bar);
  left_panel_width_ =
      std::clamp(left_panel_width_, 8.0f * em, std::max(8.0f * em, side_room * 0.5f));
  right_panel_width_ = std::clamp(right_panel_width_, 10.0f * em,
                                  std::max(10.0f * em, side_room - left_panel_width_));

  ImGui::BeginChild("documents_panel", ImVec2(left_panel_width_, 0.0f), ImGuiChildFlags_None);
  ImGui::SeparatorText("Documents");
  documents_panel_.draw(story_.corpus, selection_);
  ImGui::EndChild();
  left_panel_width_ += splitter("##split_left", bar);

  const float graph_width =
      std::max(1.0f, ImGui::GetContentRegionAvail().x - right_panel_width_ - bar);
  ImGui::BeginChild("graph_panel", ImVec2(graph_width, 0.0f), ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  graph_panel_.draw(story_, selection_, settings_);
  ImGui::EndChild();
  right_panel_width_ -= splitter("##split_right", bar);

  ImGui::BeginChild("reader_panel", ImVec2(0.0f, 0.0f), ImGuiChildFlags_None);
  ImGui::SeparatorText("Reader");
  reader_panel_.draw(story_.corpus, selection_, settings_);
  ImGui::EndChild();
  ImGui::End();

  draw_about_window();
}

}  // namespace dramatis::ui
