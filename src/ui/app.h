// The app's controller: owns the story (corpus, analysis, graph), the selection and the UI
// settings, and draws one frame of the whole interface (menu bar, documents panel, graph,
// reader). Platform code (src/platform) owns the window and the main loop and calls App each
// frame; App knows nothing of GLFW or the web.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/view/selection.h"
#include "core/view/story.h"
#include "ui/documents_panel.h"
#include "ui/frame_timer.h"
#include "ui/graph_panel.h"
#include "ui/reader_panel.h"
#include "ui/ui_settings.h"

namespace dramatis::ui {

class App {
 public:
  explicit App(Story story);

  // Draws the whole interface for this frame (between ImGui::NewFrame and ImGui::Render).
  void draw_frame();

  // Rebuilds the font atlas when the scale changed; call before ImGui::NewFrame. Returns true
  // when the atlas was rebuilt (the renderer must then re-upload its font texture).
  bool update_fonts(float content_scale, float framebuffer_scale);

  // True while something animates (smooth scrolling), so the platform keeps drawing frames.
  bool is_animating() const;

  const Corpus& corpus() const { return story_.corpus; }
  const Story& story() const { return story_; }
  const Selection& selection() const { return selection_; }
  bool select(const Selection& selection);  // false (and no change) for an unknown kind or id

  // CPU time of the last frame (UI code and GL submission), from the platform's loop.
  void record_frame_time(double cpu_ms) { frame_timer_.record(cpu_ms, is_animating()); }
  const FrameTimer& frame_timer() const { return frame_timer_; }

  // The state reported by `--state FILE` and `window.dramatis.state()`.
  nlohmann::json state_json() const;

  UiSettings& settings() { return settings_; }
  bool quit_requested() const { return quit_requested_; }

 private:
  void draw_menu_bar();
  void draw_about_window();

  void handle_shortcuts();

  Story story_;
  Selection selection_;
  UiSettings settings_;
  DocumentsPanel documents_panel_;
  ReaderPanel reader_panel_;
  GraphPanel graph_panel_;
  FrameTimer frame_timer_;
  float loaded_font_scale_ = 0.0f;  // physical pixels per logical pixel of the atlas
  float content_scale_ = 1.0f;      // logical UI scale (the system's DPI setting)
  bool theme_dirty_ = true;
  std::vector<std::string> missing_glyphs_;  // "U+XXXX" for corpus characters with no glyph
  float left_panel_width_ = 0.0f;            // logical pixels; 0 until the first frame
  float right_panel_width_ = 0.0f;           // logical pixels; 0 until the first frame
  bool show_about_ = false;
  bool quit_requested_ = false;
};

}  // namespace dramatis::ui
