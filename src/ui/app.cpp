// [SECTION] index: construction and story | view state and links | edits | loading | exports |
// state report | menus and windows | layout of the panels | shortcuts | the frame
#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/corpus/corpus_loader.h"
#include "core/io/analysis_json.h"
#include "core/io/export_gexf.h"
#include "core/io/export_graphml.h"
#include "core/io/export_node_link.h"
#include "core/io/export_quotes_csv.h"
#include "core/io/json_text.h"
#include "core/io/read_file.h"
#include "core/view/app_state.h"
#include "core/view/apply_edits.h"
#include "core/view/corpus_fingerprint.h"
#include "core/view/fragment_codec.h"
#include "core/view/view_graph.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace dramatis::ui {
namespace {

constexpr float kSplitterWidth = 6.0f;      // logical pixels
constexpr double kReplaceIntervalS = 0.5;   // browsers throttle history updates: at most 2/s
constexpr double kJobFrameBudgetMs = 12.0;  // per frame, when the job runs on the UI thread

// A bar between two panels, dragged to resize; returns the drag in logical pixels.
float splitter(const char* id, ImVec2 size, bool vertical) {
  ImGui::InvisibleButton(id, size);
  if (ImGui::IsItemHovered() || ImGui::IsItemActive())
    ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  if (!ImGui::IsItemActive()) return 0.0f;
  return vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
}

view::Camera to_panel_camera(const Camera& c) {
  view::Camera camera;
  camera.center_x = c.x;
  camera.center_y = c.y;
  camera.zoom = c.zoom;
  return camera;
}

double now_seconds() {
  return ImGui::GetTime();
}

}  // namespace

// ---- [SECTION] construction and story ----------------------------------------------------------

App::App(Story story, PlatformHooks hooks) : hooks_(std::move(hooks)) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is ours; never write imgui.ini into the user's folder
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  set_base_story(std::move(story));
}

App::~App() {
  if (job_) job_->cancel();
}

void App::set_base_story(Story story) {
  base_analysis_ = story.analysis;
  fingerprint_ = corpus_fingerprint(story.corpus);
  story_ = std::move(story);
  edits_ = {};
  edits_from_link_ = false;
  own_edits_replaced_ = false;
  edit_warnings_.clear();
  load_saved_edits();
  edits_.corpus = fingerprint_;
  edits_.extractor = std::string(kExtractorVersion);
  view_ = {};
  if (edits_.empty()) {
    ++story_version_;
    graph_panel_.set_story(story_);
  } else {
    rebuild_story();
  }
  graph_panel_.apply_pins(story_, edits_.pins);
  visibility_key_.clear();
}

void App::rebuild_story() {
  edit_warnings_.clear();
  Analysis edited = apply_user_edits(story_.corpus, base_analysis_, edits_, edit_warnings_);
  Corpus corpus = std::move(story_.corpus);
  story_ = make_story(std::move(corpus), std::move(edited));
  ++story_version_;
  graph_panel_.set_story(story_, true);
  if (!is_valid_selection(story_, view_.selection)) view_.selection = {};
  visibility_key_.clear();
}

bool App::select(const Selection& selection) {
  if (!is_valid_selection(story_, selection)) return false;
  view_.selection = selection;
  return true;
}

bool App::is_animating() const {
  return reader_panel_.is_animating() || graph_panel_.is_animating() || job_ != nullptr ||
         fragment_pending_;
}

// ---- [SECTION] view state and links ------------------------------------------------------------

ViewState App::current_view() const {
  ViewState view = view_;
  const view::Camera camera = graph_panel_.camera();
  view.camera = Camera{camera.center_x, camera.center_y, camera.zoom};
  view.color_by =
      graph_panel_.color_by == NodeColorBy::Community ? ColorBy::Community : ColorBy::Type;
  view.size_by = graph_panel_.size_by == NodeSizeBy::PageRank ? SizeBy::PageRank : SizeBy::Mentions;
  view.edits = edits_;
  view.edits.pins = graph_panel_.pins(story_);
  view.edits.notes.clear();  // notes stay in the saved edits, never in a link
  view.corpus = fingerprint_;
  view.extractor = std::string(kExtractorVersion);
  return view;
}

std::string App::view_fragment() const {
  return encode_fragment(current_view());
}

std::vector<std::string> App::open_view(std::string_view fragment) {
  FragmentResult decoded = decode_fragment(fragment);
  check_view_against(decoded, fingerprint_, kExtractorVersion);
  std::vector<std::string> problems = decoded.problems;
  if (decoded.refused || decoded.corpus_mismatch) {
    // Ids of another corpus would point at other things: show nothing of it, say why.
    if (decoded.corpus_mismatch)
      problems.push_back("The link was made on another corpus; the current view is kept.");
    for (const std::string& p : problems) banner_.push_back("Link: " + p);
    return problems;
  }
  ViewState view = decoded.view;
  // The link's edits, when it has any, show its author's view; they are not saved over the
  // user's own edits unless the user then edits something.
  if (!view.edits.empty()) {
    std::map<std::string, std::string> notes = edits_.notes;
    edits_ = view.edits;
    edits_.notes = std::move(notes);
    edits_.corpus = fingerprint_;
    edits_.extractor = std::string(kExtractorVersion);
    edits_from_link_ = true;
    own_edits_replaced_ = true;
    rebuild_story();
    for (const std::string& w : edit_warnings_) problems.push_back(w);
  }
  ViewValidation valid = validate_view(view, story_.corpus, story_.analysis);
  for (const std::string& p : valid.problems) problems.push_back(p);
  view_ = valid.view;
  graph_panel_.color_by =
      view_.color_by == ColorBy::Community ? NodeColorBy::Community : NodeColorBy::Type;
  if ((view_.size_by == SizeBy::PageRank) != (graph_panel_.size_by == NodeSizeBy::PageRank)) {
    graph_panel_.size_by =
        view_.size_by == SizeBy::PageRank ? NodeSizeBy::PageRank : NodeSizeBy::Mentions;
    graph_panel_.set_story(story_, true);
  }
  graph_panel_.apply_pins(story_, edits_.pins);
  if (view_.camera) graph_panel_.set_camera(to_panel_camera(*view_.camera));
  visibility_key_.clear();
  last_selection_ = view_.selection;
  last_fragment_ = encode_fragment(current_view());
  last_pushed_selection_ = view_.selection;
  for (const std::string& p : problems) banner_.push_back("Link: " + p);
  return problems;
}

// Keeps the platform's copy of the view (the URL fragment) current: a new selection is a new
// history step, anything else (camera, filters) replaces the current one, at most twice a second.
void App::sync_view() {
  if (!hooks_.view_changed) return;
  const std::string fragment = encode_fragment(current_view());
  fragment_clock_ += ImGui::GetIO().DeltaTime;
  if (fragment == last_fragment_) {
    fragment_pending_ = false;
    return;
  }
  const bool push = view_.selection.kind != last_pushed_selection_.kind ||
                    view_.selection.id != last_pushed_selection_.id;
  if (!push && fragment_clock_ < kReplaceIntervalS) {
    fragment_pending_ = true;
    return;
  }
  hooks_.view_changed(fragment, push);
  last_fragment_ = fragment;
  last_pushed_selection_ = view_.selection;
  fragment_clock_ = 0.0;
  fragment_pending_ = false;
}

void App::update_graph_visibility() {
  // The visible set depends on the filters, the time range, the ego view and the hidden ids.
  std::string key = std::to_string(story_version_) + '|' + std::to_string(view_.filters.types) +
                    '|' + std::to_string(view_.filters.min_weight) + '|' +
                    std::to_string(view_.ego_depth);
  if (view_.ego_depth > 0) key += '|' + view_.selection.kind + ':' + view_.selection.id;
  if (view_.time_range) key += '|' + view_.time_range->first + '~' + view_.time_range->last;
  if (view_.filters.documents) {
    key += "|d";
    for (const std::string& d : *view_.filters.documents) key += ',' + d;
  }
  for (const std::string& h : edits_.hidden) key += "|h" + h;
  if (key == visibility_key_) return;
  visibility_key_ = key;
  size_t capped = 0;
  std::vector<uint8_t> visible = view_visible_nodes(story_, view_, edits_, &capped);
  graph_panel_.set_visible(story_, visible, capped);
}

// ---- [SECTION] edits ---------------------------------------------------------------------------
// Loading and saving them (the platform's stored edits): app_saved_edits.cpp.

void App::apply_edit(const EditRequest& r) {
  using Kind = EditRequest::Kind;
  bool analysis_changes = true;
  switch (r.kind) {
    case Kind::Merge:
      if (r.entity.empty() || r.other.empty() || r.entity == r.other) return;
      edits_.merges.push_back({r.entity, r.other});
      if (view_.selection.is(kSelectEntity, r.entity)) view_.selection = {"entity", r.other};
      break;
    case Kind::Split:
      if (r.text.empty()) return;
      edits_.splits.push_back({r.entity, r.text});
      break;
    case Kind::Rename:
      if (r.text.empty()) return;
      edits_.renames[r.entity] = r.text;
      break;
    case Kind::Hide:
      edits_.hidden.insert(r.entity);
      analysis_changes = false;
      break;
    case Kind::Unhide:
      edits_.hidden.erase(r.entity);
      analysis_changes = false;
      break;
    case Kind::Note:
      if (r.text.empty()) {
        edits_.notes.erase(r.entity);
      } else {
        edits_.notes[r.entity] = r.text;
      }
      analysis_changes = false;
      break;
  }
  edits_from_link_ = false;
  if (analysis_changes) {
    rebuild_story();
    for (const std::string& w : edit_warnings_) banner_.push_back("Edit: " + w);
  }
  visibility_key_.clear();
  save_edits();
}

std::string App::edits_json() const {
  UserEdits edits = edits_;
  edits.pins = graph_panel_.pins(story_);
  return dump_json(user_edits_to_json(edits), 2) + "\n";
}

std::vector<std::string> App::import_edits(std::string_view text, const std::string& file) {
  const UserEditsResult parsed = parse_user_edits(text, file, fingerprint_, kExtractorVersion);
  std::vector<std::string> problems;
  for (const Diagnostic& d : parsed.diagnostics) problems.push_back(d.format());
  if (!parsed.edits || parsed.corpus_mismatch) {
    if (!parsed.edits) problems.push_back(file + ": not a dramatis.edits/1 file; nothing changed");
    for (const std::string& p : problems) banner_.push_back(p);
    return problems;
  }
  edits_ = *parsed.edits;
  edits_.corpus = fingerprint_;
  edits_.extractor = std::string(kExtractorVersion);
  edits_from_link_ = false;
  own_edits_replaced_ = true;
  rebuild_story();
  graph_panel_.apply_pins(story_, edits_.pins);
  for (const std::string& w : edit_warnings_) problems.push_back(w);
  for (const std::string& p : problems) banner_.push_back(p);
  save_edits();
  return problems;
}

// ---- [SECTION] loading -------------------------------------------------------------------------

void App::start_job(std::shared_ptr<CorpusJob> job) {
  if (job_) job_->cancel();
  job_ = std::move(job);
  if (!hooks_.run_in_background) return;  // finish_corpus_job steps it each frame
  hooks_.run_in_background([job = job_] {
    while (job->step()) {
    }
  });
}

namespace {

// An edits file among dropped or opened files is imported, not read as a document or manifest.
bool is_edits_file(std::string_view name, std::string_view bytes) {
  return name.size() >= 5 && name.substr(name.size() - 5) == ".json" &&
         bytes.substr(0, 4096).find("\"dramatis.edits/1\"") != std::string_view::npos;
}

}  // namespace

void App::add_files(std::vector<CorpusJob::Input> files, bool replace) {
  std::erase_if(files, [&](const CorpusJob::Input& f) {
    if (!is_edits_file(f.name, f.bytes)) return false;
    import_edits(f.bytes, f.name);
    return true;
  });
  if (files.empty()) return;
  Corpus base;
  if (!replace) base = story_.corpus;
  start_job(
      std::make_shared<CorpusJob>(std::move(base), std::move(files), std::vector<std::string>{}));
}

void App::add_paths(std::vector<std::string> paths) {
  std::erase_if(paths, [&](const std::string& path) {
    std::string error;
    const std::optional<std::string> bytes =
        path.ends_with(".json") ? read_file_bytes(path, error) : std::nullopt;
    if (!bytes || !is_edits_file(path, *bytes)) return false;
    import_edits(*bytes, path);
    return true;
  });
  if (paths.empty()) return;
  start_job(std::make_shared<CorpusJob>(story_.corpus, std::vector<CorpusJob::Input>{},
                                        std::move(paths)));
}

void App::open_builtin_corpus() {
  if (job_) job_->cancel();
  Corpus corpus = load_builtin_corpus();
  set_base_story(make_story(std::move(corpus)));
}

void App::finish_corpus_job() {
  if (!job_) return;
  if (!hooks_.run_in_background) {
    // No worker: a few steps per frame so the page keeps drawing its progress bar; the long
    // analysis step gets a frame of its own, so the bar is seen before it.
    const double start = now_seconds();
    bool stepped = false;
    while (!job_->done() && (now_seconds() - start) * 1000.0 < kJobFrameBudgetMs) {
      if (stepped && job_->next_is_heavy()) break;
      job_->step();
      stepped = true;
    }
  }
  if (!job_->done()) return;
  std::optional<Story> story = job_->take_story();
  const size_t known = story_.corpus.diagnostics.size();
  job_.reset();
  if (!story) return;  // cancelled: the open story stays
  for (size_t i = known; i < story->corpus.diagnostics.size(); ++i)
    banner_.push_back(story->corpus.diagnostics[i].format());
  const size_t before = story_.corpus.documents.size();
  const size_t after = story->corpus.documents.size();
  set_base_story(std::move(*story));
  if (after > before) view_.selection = {"document", story_.corpus.documents[before].meta.id};
}

// ---- [SECTION] exports -------------------------------------------------------------------------

void App::export_file(std::string_view format) {
  if (!hooks_.deliver_file) return;
  std::string name = "dramatis-";
  std::string mime;
  std::string bytes;
  if (format == "quotes-csv") {
    name += "quotes.csv";
    mime = "text/csv";
    bytes = export_quotes_csv(story_.corpus, story_.analysis);
  } else if (format == "analysis") {
    name += "analysis.json";
    mime = "application/json";
    bytes = dump_json(analysis_to_json(story_.corpus, story_.analysis), 2) + "\n";
  } else if (format == "edits") {
    name += "edits.json";
    mime = "application/json";
    bytes = edits_json();
  } else if (format == "png") {
    name += "graph.png";
    mime = "image/png";
    bytes = graph_panel_.render_png(story_, settings_.theme, 2.0f);
    if (bytes.empty()) {
      banner_.push_back("The graph could not be drawn to an image.");
      return;
    }
  } else {
    // The graph as shown: the nodes the view leaves, with their current positions.
    const std::vector<uint8_t> visible = view_visible_nodes(story_, view_, edits_);
    GraphFilter filter;
    for (uint32_t v = 0; v < visible.size(); ++v)
      if (!visible[v]) filter.hidden_nodes.push_back(v);
    filter.min_weight = view_.filters.min_weight;
    const GraphView shown = filter_graph(story_.graph, filter);
    GraphExportInput input;
    input.corpus = &story_.corpus;
    input.analysis = &story_.analysis;
    input.graph = &story_.graph;
    input.view = &shown;
    input.positions = graph_panel_.positions();
    input.community = story_.community;
    input.pagerank = story_.pagerank;
    if (format == "gexf") {
      name += "graph.gexf";
      mime = "application/gexf+xml";
      bytes = export_gexf(input);
    } else if (format == "graphml") {
      name += "graph.graphml";
      mime = "application/graphml+xml";
      bytes = export_graphml(input);
    } else {
      name += "graph.json";
      mime = "application/json";
      bytes = export_node_link_json(input);
    }
  }
  last_export_ = hooks_.deliver_file(name, mime, bytes);
}

bool App::request_export(std::string_view format) {
  static constexpr std::string_view kFormats[] = {"node-link",  "gexf",     "graphml", "png",
                                                  "quotes-csv", "analysis", "edits"};
  if (std::find(std::begin(kFormats), std::end(kFormats), format) == std::end(kFormats))
    return false;
  pending_export_ = std::string(format);
  return true;
}

// ---- [SECTION] state report --------------------------------------------------------------------

nlohmann::json App::state_json() const {
  nlohmann::json state = app_state_json(story_.corpus, view_.selection);
  state["ui"] = {{"theme", settings_.theme == Theme::Dark ? "dark" : "light"},
                 {"missing_glyphs", missing_glyphs_}};
  state["analysis"] = {{"entities", story_.analysis.entities.size()},
                       {"quotes", story_.analysis.quotes.size()},
                       {"relations", story_.analysis.relations.size()}};
  state["view"] = view_state_json(current_view());
  state["fragment"] = view_fragment();
  state["fingerprint"] = fingerprint_;
  state["edits"] = user_edits_to_json(edits_);
  state["problems"] = banner_;
  state["loading"] = job_ ? nlohmann::json{{"stage", job_->stage()}, {"progress", job_->progress()}}
                          : nlohmann::json(nullptr);
  state["last_export"] = last_export_;
  state["graph"] = graph_panel_.state_json(story_);
  state["panels"] = {
      {"entities", entities_panel_.state_json()}, {"inspector", inspector_panel_.state_json()},
      {"quotes", quotes_panel_.state_json()},     {"reader", reader_panel_.state_json()},
      {"evidence", evidence_panel_.state_json()}, {"timeline", timeline_panel_.state_json()},
      {"sources", sources_panel_.state_json()}};
  state["frame_time"] = frame_timer_.summary();
  return state;
}

// ---- [SECTION] menus and windows ---------------------------------------------------------------

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

void App::draw_menu_bar() {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open files\xE2\x80\xA6", nullptr, false, job_ == nullptr)) {
      if (hooks_.pick_files) {
        hooks_.pick_files();
      } else {
        show_open_ = true;
      }
    }
    if (ImGui::MenuItem("Import edits\xE2\x80\xA6", nullptr, false, job_ == nullptr)) {
      // The same picker or path box: an edits file among the files is imported.
      if (hooks_.pick_files) {
        hooks_.pick_files();
      } else {
        show_open_ = true;
      }
    }
    if (ImGui::MenuItem("Built-in corpus", nullptr, false, job_ == nullptr)) open_builtin_corpus();
    ImGui::Separator();
    if (ImGui::BeginMenu("Export", hooks_.deliver_file != nullptr)) {
      if (ImGui::MenuItem("Graph as node-link JSON (d3, graphology, sigma.js)"))
        export_file("node-link");
      if (ImGui::MenuItem("Graph as GEXF 1.3 (Gephi)")) export_file("gexf");
      if (ImGui::MenuItem("Graph as GraphML (Gephi, Cytoscape)")) export_file("graphml");
      if (ImGui::MenuItem("Graph as PNG (2\xC3\x97 screen resolution)")) export_file("png");
      if (ImGui::MenuItem("Quotes as CSV")) export_file("quotes-csv");
      if (ImGui::MenuItem("Full analysis (JSON)")) export_file("analysis");
      ImGui::Separator();
      if (ImGui::MenuItem("Your edits (JSON)")) export_file("edits");
      ImGui::EndMenu();
    }
    if (hooks_.copy_text && ImGui::MenuItem("Copy link to this view")) {
      hooks_.copy_text(base_url + "#" + view_fragment());
    }
#ifndef __EMSCRIPTEN__
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) quit_requested_ = true;
#endif
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Ego view off", nullptr, view_.ego_depth == 0)) view_.ego_depth = 0;
    if (ImGui::MenuItem("Ego view: neighbours", nullptr, view_.ego_depth == 1)) view_.ego_depth = 1;
    if (ImGui::MenuItem("Ego view: neighbours of neighbours", nullptr, view_.ego_depth == 2))
      view_.ego_depth = 2;
    ImGui::Separator();
    if (ImGui::BeginMenu("Graph shows")) {
      for (int t = 0; t <= static_cast<int>(EntityType::Quantity); ++t) {
        const EntityType type = static_cast<EntityType>(t);
        bool on = (view_.filters.types & entity_type_bit(type)) != 0;
        if (ImGui::Checkbox(std::string(to_string(type)).c_str(), &on))
          view_.filters.types ^= entity_type_bit(type);
      }
      float weight = static_cast<float>(view_.filters.min_weight);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
      if (ImGui::SliderFloat("Minimum edge weight", &weight, 0.0f, 10.0f, "%.1f"))
        view_.filters.min_weight = weight;
      if (ImGui::MenuItem("Show everything")) {
        view_.filters = {};
        view_.time_range.reset();
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Dark theme", nullptr, settings_.theme == Theme::Dark)) {
      settings_.theme = Theme::Dark;
      theme_dirty_ = true;
    }
    if (ImGui::MenuItem("Light theme", nullptr, settings_.theme == Theme::Light)) {
      settings_.theme = Theme::Light;
      theme_dirty_ = true;
    }
    ImGui::MenuItem("Smooth scrolling", nullptr, &settings_.smooth_scrolling);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts", "?")) show_keys_ = true;
    if (ImGui::MenuItem("About Dramatis")) show_about_ = true;
    ImGui::EndMenu();
  }
  if (job_) {
    ImGui::Separator();
    ImGui::TextUnformatted(job_->stage());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    ImGui::ProgressBar(job_->progress(), ImVec2(ImGui::GetFontSize() * 8.0f, 0.0f));
    if (ImGui::SmallButton("Cancel")) job_->cancel();
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

void App::draw_keys_window() {
  if (!show_keys_) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Keyboard shortcuts", &show_keys_,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    const char* keys[][2] = {{"/", "Search entities"},
                             {"Esc", "Clear the selection"},
                             {"F", "Fit the graph to the view"},
                             {"Left / Right", "Previous / next mention or quote"},
                             {"E", "Ego view: off, depth 1, depth 2"},
                             {"?", "Show these keys"}};
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit)) {
      for (const auto& k : keys) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k[0]);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k[1]);
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

void App::draw_open_window() {
  if (!show_open_) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Open files", &show_open_,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextUnformatted("A file or a folder (.txt, .md, .html, manifest.json), added to the");
    ImGui::TextUnformatted("open documents, or an edits file (dramatis.edits/1) to import.");
    ImGui::TextUnformatted("You can also drop files onto the window.");
    char buffer[1024];
    const size_t n = std::min(open_path_.size(), sizeof buffer - 1);
    open_path_.copy(buffer, n);
    buffer[n] = '\0';
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 28.0f);
    const bool enter =
        ImGui::InputText("##path", buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue);
    open_path_ = buffer;
    if ((ImGui::Button("Open") || enter) && !open_path_.empty()) {
      add_paths({open_path_});
      show_open_ = false;
    }
  }
  ImGui::End();
}

void App::draw_banner() {
  if (banner_.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.55f, 0.38f, 0.08f, 0.35f));
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const size_t shown = std::min<size_t>(banner_.size(), 4);
  ImGui::BeginChild("banner", ImVec2(0.0f, line * static_cast<float>(shown) + line * 0.6f),
                    ImGuiChildFlags_None);
  for (size_t i = banner_.size() - shown; i < banner_.size(); ++i)
    ImGui::TextWrapped("%s", banner_[i].c_str());
  if (banner_.size() > shown) ImGui::TextDisabled("(%zu more)", banner_.size() - shown);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (ImGui::IsItemClicked()) banner_.clear();
  ImGui::SetItemTooltip("Click to dismiss");
}

// ---- [SECTION] layout of the panels ------------------------------------------------------------

PanelContext App::make_context() {
  return PanelContext{story_, view_, edits_, settings_, story_version_, {}, {}, {}};
}

void App::draw_side_tabs(PanelContext& ctx) {
  if (!ImGui::BeginTabBar("side_tabs")) return;
  auto tab = [&](const char* label, PanelTab which) {
    const ImGuiTabItemFlags flags =
        pending_tab_ == which ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    return ImGui::BeginTabItem(label, nullptr, flags);
  };
  if (tab("Inspector", PanelTab::Inspector)) {
    ImGui::BeginChild("inspector");
    inspector_panel_.draw(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (tab("Quotes", PanelTab::Quotes)) {
    ImGui::BeginChild("quotes");
    quotes_panel_.draw(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (tab("Reader", PanelTab::Reader)) {
    ImGui::BeginChild("reader");
    reader_panel_.draw(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (tab("Evidence", PanelTab::Evidence)) {
    ImGui::BeginChild("evidence");
    evidence_panel_.draw(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (tab("Sources", PanelTab::Sources)) {
    ImGui::BeginChild("sources");
    sources_panel_.draw(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  pending_tab_.reset();
  ImGui::EndTabBar();
}

void App::apply_requests(PanelContext& ctx) {
  if (ctx.open_reader) view_.reader = *ctx.open_reader;
  if (ctx.show_tab) pending_tab_ = ctx.show_tab;
  for (const EditRequest& r : ctx.edit_requests) apply_edit(r);
}

// ---- [SECTION] shortcuts -----------------------------------------------------------------------

void App::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Q, false)) quit_requested_ = true;
  if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
  if (ImGui::IsKeyPressed(ImGuiKey_Slash, false)) {
    if (io.KeyShift) {
      show_keys_ = !show_keys_;
    } else {
      entities_panel_.focus_search();
    }
  }
  if (ImGui::IsKeyPressed(ImGuiKey_F, false)) graph_panel_.fit(true);
  if (ImGui::IsKeyPressed(ImGuiKey_E, false)) view_.ego_depth = (view_.ego_depth + 1) % 3;
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup)) {
    view_.selection = {};
    view_.ego_depth = 0;
  }
  const int step = ImGui::IsKeyPressed(ImGuiKey_RightArrow)  ? 1
                   : ImGui::IsKeyPressed(ImGuiKey_LeftArrow) ? -1
                                                             : 0;
  if (step != 0 && !ImGui::IsAnyItemActive()) {
    PanelContext ctx = make_context();
    if (view_.selection.kind == kSelectQuote) quotes_panel_.step(ctx, step);
    if (view_.selection.kind == kSelectEntity) reader_panel_.step_mention(ctx, step);
    apply_requests(ctx);
  }
}

// ---- [SECTION] the frame -----------------------------------------------------------------------

void App::draw_frame() {
  finish_corpus_job();
  handle_shortcuts();
  draw_menu_bar();

  // One host window fills the space under the menu bar: entities and documents on the left, the
  // graph over the timeline in the middle, the other panels as tabs on the right.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags host_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus |
                                      ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("##host", nullptr, host_flags);
  draw_banner();
  const float em = ImGui::GetFontSize();
  const float total = ImGui::GetContentRegionAvail().x;
  const float height = ImGui::GetContentRegionAvail().y;
  const float bar = kSplitterWidth * content_scale_;
  if (left_panel_width_ <= 0.0f)
    left_panel_width_ = std::clamp(total * 0.22f, 14.0f * em, 24.0f * em);
  if (right_panel_width_ <= 0.0f)
    right_panel_width_ = std::clamp(total * 0.34f, 18.0f * em, 40.0f * em);
  if (timeline_height_ <= 0.0f) timeline_height_ = std::clamp(height * 0.2f, 7.0f * em, 10.0f * em);
  // The graph keeps at least 16 em; the side panels give way first.
  const float side_room = std::max(0.0f, total - 16.0f * em - 2.0f * bar);
  left_panel_width_ =
      std::clamp(left_panel_width_, 8.0f * em, std::max(8.0f * em, side_room * 0.5f));
  right_panel_width_ = std::clamp(right_panel_width_, 10.0f * em,
                                  std::max(10.0f * em, side_room - left_panel_width_));
  timeline_height_ = std::clamp(timeline_height_, 4.0f * em, std::max(4.0f * em, height * 0.5f));

  PanelContext ctx = make_context();
  bool picked_in_graph = false;

  ImGui::BeginChild("left_column", ImVec2(left_panel_width_, 0.0f), ImGuiChildFlags_None);
  const float docs_height = std::min(12.0f * em, ImGui::GetContentRegionAvail().y * 0.35f);
  ImGui::BeginChild("entities_panel", ImVec2(0.0f, ImGui::GetContentRegionAvail().y - docs_height));
  ImGui::SeparatorText("Entities");
  entities_panel_.draw(ctx);
  ImGui::EndChild();
  ImGui::BeginChild("documents_panel");
  ImGui::SeparatorText("Documents");
  documents_panel_.draw(story_.corpus, view_.selection);
  ImGui::EndChild();
  ImGui::EndChild();
  ImGui::SameLine(0.0f, 0.0f);
  left_panel_width_ += splitter("##split_left", ImVec2(bar, height), true);
  ImGui::SameLine(0.0f, 0.0f);

  const float graph_width =
      std::max(1.0f, ImGui::GetContentRegionAvail().x - right_panel_width_ - bar);
  ImGui::BeginChild("centre_column", ImVec2(graph_width, 0.0f), ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  update_graph_visibility();
  ImGui::BeginChild("graph_panel", ImVec2(0.0f, std::max(1.0f, height - timeline_height_ - bar)),
                    ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const Selection before_graph = view_.selection;
  graph_panel_.draw(story_, view_.selection, settings_);
  picked_in_graph =
      !(before_graph.kind == view_.selection.kind && before_graph.id == view_.selection.id);
  ImGui::EndChild();
  timeline_height_ -= splitter("##split_timeline", ImVec2(graph_width, bar), false);
  ImGui::BeginChild("timeline_panel", ImVec2(0.0f, 0.0f), ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  timeline_panel_.draw(ctx);
  ImGui::EndChild();
  ImGui::EndChild();
  ImGui::SameLine(0.0f, 0.0f);
  right_panel_width_ -= splitter("##split_right", ImVec2(bar, height), true);
  ImGui::SameLine(0.0f, 0.0f);

  ImGui::BeginChild("side_panels", ImVec2(0.0f, 0.0f), ImGuiChildFlags_None);
  draw_side_tabs(ctx);
  ImGui::EndChild();
  ImGui::End();

  apply_requests(ctx);
  if (!pending_export_.empty()) {
    export_file(pending_export_);
    pending_export_.clear();
  }
  draw_about_window();
  draw_keys_window();
  draw_open_window();

  // A selection made elsewhere (a list, a link, a search) brings its node into view.
  if (!(view_.selection.kind == last_selection_.kind && view_.selection.id == last_selection_.id)) {
    if (view_.selection.kind == kSelectEntity) {
      const int32_t node = story_.node_of_id(view_.selection.id);
      // Picked in the graph itself, the node is already under the pointer.
      if (node >= 0 && !picked_in_graph) graph_panel_.focus_node(static_cast<uint32_t>(node));
    }
    if (view_.selection.kind == kSelectDocument) {
      view_.reader = {view_.selection.id, 0};
      pending_tab_ = PanelTab::Reader;
    }
    last_selection_ = view_.selection;
  }
  if (graph_panel_.take_pins_changed()) {
    edits_from_link_ = false;
    save_edits();
  }
  sync_view();
}

}  // namespace dramatis::ui
