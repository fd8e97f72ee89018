// The app's controller: owns the story (corpus, analysis with the user's edits applied, graph),
// the one view state every panel shares, the user's edits, and the panels; draws one frame of
// the whole interface and applies the panels' requests after it. Platform code (src/platform)
// owns the window, the main loop and the platform services (PlatformHooks); App knows nothing of
// GLFW or the web.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/view/corpus_job.h"
#include "core/view/story.h"
#include "core/view/user_edits.h"
#include "core/view/view_state.h"
#include "ui/documents_panel.h"
#include "ui/entities_panel.h"
#include "ui/evidence_panel.h"
#include "ui/frame_timer.h"
#include "ui/graph_panel.h"
#include "ui/inspector_panel.h"
#include "ui/panel_context.h"
#include "ui/quotes_panel.h"
#include "ui/reader_panel.h"
#include "ui/sources_panel.h"
#include "ui/timeline_panel.h"
#include "ui/ui_settings.h"

namespace dramatis::ui {

// What the platform does for the app. Any hook may be empty: the app then hides what needs it.
struct PlatformHooks {
  // Stores the user's edits (dramatis.edits/1 JSON) for a corpus fingerprint, safely (natively a
  // temp file renamed over the old one; on the web a versioned local-storage key). Returns why it
  // failed (the app shows it: an edit that was not saved must not look saved), or "".
  std::function<std::string(const std::string& fingerprint, const std::string& json)> save_edits;
  // The stored edits for a fingerprint, if any.
  std::function<std::optional<std::string>(const std::string& fingerprint)> load_edits;
  // The view changed: `fragment` (no '#') is the new one; `push` when it is a new step for the
  // browser's history (a new selection), else it replaces the current entry.
  std::function<void(const std::string& fragment, bool push)> view_changed;
  // Hands a file to the user: a download on the web, a file written natively (returns where).
  std::function<std::string(const std::string& name, const std::string& mime,
                            const std::string& bytes)>
      deliver_file;
  std::function<void(const std::string& text)> copy_text;  // to the clipboard
  std::function<void()> pick_files;                        // File > Open (the web's file picker)
  // Runs a job away from the UI thread (natively a thread); empty: the job runs in steps per frame.
  std::function<void(std::function<void()>)> run_in_background;
};

class App {
 public:
  explicit App(Story story, PlatformHooks hooks = {});
  ~App();

  // Draws the whole interface for this frame (between ImGui::NewFrame and ImGui::Render).
  void draw_frame();

  bool update_fonts(float content_scale, float framebuffer_scale);
  const UiSettings& settings() const { return settings_; }
  bool quit_requested() const { return quit_requested_; }
  // True while something animates or works (layout, scrolling, loading): keep drawing frames.
  bool is_animating() const;

  const Corpus& corpus() const { return story_.corpus; }
  const Story& story() const { return story_; }
  const Selection& selection() const { return view_.selection; }
  bool select(const Selection& selection);  // false (and no change) for an unknown kind or id

  // The current view as a URL fragment (no '#'), with the corpus fingerprint and version.
  std::string view_fragment() const;
  // Opens a shared view; returns (and shows in a banner) what it could not restore.
  std::vector<std::string> open_view(std::string_view fragment);
  // Opens `fragment` once the corpus being loaded is in (a link to a hosted corpus).
  void open_view_after_load(std::string fragment) { view_after_load_ = std::move(fragment); }
  void report(std::string problem) { banner_.push_back(std::move(problem)); }
  std::string base_url;  // for Copy link natively (the hosted copy's address); may be empty

  // The user's edits as a dramatis.edits/1 file, and reading one back (File > Import edits).
  std::string edits_json() const;
  std::vector<std::string> import_edits(std::string_view text, const std::string& file);

  // Files to add to the corpus (dropped or opened), analysed in steps with a progress bar.
  // With `replace`, they become the corpus (a hosted corpus named by the page's ?corpus=).
  void add_files(std::vector<CorpusJob::Input> files, bool replace = false);
  void add_paths(std::vector<std::string> paths);  // natively: files or folders
  void open_builtin_corpus();

  // Script access (window.dramatis.export / .edit): an export runs at the next frame, an edit
  // at once, as if made in the inspector. False for an unknown format or kind.
  bool request_export(std::string_view format);
  void request_edit(const EditRequest& request) { apply_edit(request); }

  // CPU milliseconds of the app's code (to ImGui::Render) and of the whole frame (with the GL
  // submission), from the platform's loop.
  void record_frame_time(double app_ms, double frame_ms) {
    frame_timer_.record(app_ms, frame_ms, is_animating());
  }
  const FrameTimer& frame_timer() const { return frame_timer_; }

  // The state reported by `--state FILE` and `window.dramatis.state()`.
  nlohmann::json state_json() const;

 private:
  void draw_menu_bar();
  void draw_about_window();
  void draw_keys_window();
  void draw_open_window();
  void draw_banner();
  void draw_side_tabs(PanelContext& ctx);
  void handle_shortcuts();
  void apply_requests(PanelContext& ctx);
  void apply_edit(const EditRequest& request);
  void start_job(std::shared_ptr<CorpusJob> job);
  void finish_corpus_job();
  void set_base_story(Story story);
  void rebuild_story();
  void update_graph_visibility();
  void sync_view();
  // Saved edits (app_saved_edits.cpp).
  void load_saved_edits();
  void save_edits();
  void keep_saved_edits_aside();
  void export_file(std::string_view format);
  ViewState current_view() const;
  PanelContext make_context();

  PlatformHooks hooks_;
  Analysis base_analysis_;  // the reading engine's output, before the user's edits
  Story story_;             // with the edits applied
  uint64_t story_version_ = 1;
  std::string fingerprint_;
  ViewState view_;
  UserEdits edits_;
  bool edits_from_link_ = false;  // the edits came with a shared link: not saved until changed
  // A link's or an imported file's edits replaced the user's own: the next save first keeps the
  // saved ones aside (keep_saved_edits_aside), so nothing the user made is lost.
  bool own_edits_replaced_ = false;
  std::vector<std::string> edit_warnings_;
  std::vector<std::string> banner_;  // problems to show at the top (a link, an import, a load)

  UiSettings settings_;
  DocumentsPanel documents_panel_;
  EntitiesPanel entities_panel_;
  InspectorPanel inspector_panel_;
  QuotesPanel quotes_panel_;
  ReaderPanel reader_panel_;
  EvidencePanel evidence_panel_;
  TimelinePanel timeline_panel_;
  SourcesPanel sources_panel_;
  GraphPanel graph_panel_;
  FrameTimer frame_timer_;
  std::shared_ptr<CorpusJob> job_;  // shared with the worker thread that steps it

  std::optional<PanelTab> pending_tab_;
  std::string visibility_key_;  // what the graph's visible set was computed for
  std::string last_fragment_;
  Selection last_pushed_selection_;
  double fragment_clock_ = 0.0;  // seconds since the fragment was last replaced
  bool fragment_pending_ = false;
  Selection last_selection_;  // to move the camera when the selection changes elsewhere

  float loaded_font_scale_ = 0.0f;  // physical pixels per logical pixel of the atlas
  float content_scale_ = 1.0f;      // logical UI scale (the system's DPI setting)
  bool theme_dirty_ = true;
  std::vector<std::string> missing_glyphs_;  // "U+XXXX" for corpus characters with no glyph
  float left_panel_width_ = 0.0f;            // logical pixels; 0 until the first frame
  float right_panel_width_ = 0.0f;           // logical pixels; 0 until the first frame
  float timeline_height_ = 0.0f;             // logical pixels; 0 until the first frame
  bool show_about_ = false;
  bool show_keys_ = false;
  bool show_open_ = false;
  std::string open_path_;  // the native File > Open box
  std::string last_export_;
  std::string pending_export_;
  std::string view_after_load_;  // a format to export at the next frame
  bool quit_requested_ = false;
};

}  // namespace dramatis::ui
