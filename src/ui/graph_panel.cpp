#include "ui/graph_panel.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/io/png_writer.h"
#include "core/view/label_placement.h"
#include "core/view/view_graph.h"
#include "render/offscreen.h"
#include "ui/palette.h"
#include "ui/theme.h"

namespace dramatis::ui {
namespace {

// Natively the layout iterates on a worker thread, so a 10k-node iteration (about 6 ms) no
// longer lands in the frame; our WebAssembly build has no threads (it is not built with
// -pthread), so there the frame steps the layout itself, as before.
#ifdef __EMSCRIPTEN__
constexpr layout::LayoutRunner::Mode kLayoutMode = layout::LayoutRunner::Mode::Inline;
#else
constexpr layout::LayoutRunner::Mode kLayoutMode = layout::LayoutRunner::Mode::Thread;
#endif
// Inside the frame (WebAssembly), a frame may spend this long stepping the layout; at least one
// step runs per frame.
constexpr double kLayoutBudgetMs = 6.0;
// Small graphs converge in a few milliseconds: cap the steps per frame so the user sees the
// picture settle (about a second for a hundred nodes) instead of a jump. The worker keeps the
// same pace: each frame grants it this many iterations, and it sleeps when they are done.
constexpr uint32_t kMaxStepsPerFrame = 2;
constexpr float kZoomPerWheelNotch = 1.15f;
constexpr double kMinZoom = 1e-4, kMaxZoom = 1e4;  // pixels per world unit
constexpr float kFitLargestRadiusEm = 2.2f;   // the largest disc when fitting: its radius, in ems
constexpr float kLabelWrapEm = 11.0f;         // long names wrap at this width
constexpr size_t kMaxLabelCandidates = 1500;  // per frame, highest priority first
constexpr float kPickSlopPx = 4.0f;

void set_color(uint8_t out[4], const Rgba8& color, uint8_t alpha) {
  out[0] = color[0];
  out[1] = color[1];
  out[2] = color[2];
  out[3] = alpha;
}

}  // namespace

struct GraphPanel::PendingDraw {
  render::GraphRenderer* renderer = nullptr;
  render::GraphFrameUniforms uniforms{};
  int x = 0, y = 0, width = 0, height = 0;  // framebuffer pixels, origin bottom-left
};

namespace {

// Runs inside ImGui's render pass, in draw-list order: the graph lands above the panel's
// background and below its labels, popups and menus.
void render_graph(const ImDrawList*, const ImDrawCmd* command) {
  const auto* pending = static_cast<const GraphPanel::PendingDraw*>(command->UserCallbackData);
  pending->renderer->draw(pending->uniforms, pending->x, pending->y, pending->width,
                          pending->height);
}

}  // namespace

GraphPanel::GraphPanel() : pending_(std::make_unique<PendingDraw>()), runner_(kLayoutMode) {
  pending_->renderer = &renderer_;
}

GraphPanel::~GraphPanel() = default;

int32_t GraphPanel::layout_index(uint32_t node) const {
  return node < layout_of_node_.size() ? layout_of_node_[node] : -1;
}

void GraphPanel::set_story(const Story& story, bool keep_positions) {
  // Where each surviving entity was, and whether it was pinned, by id.
  std::map<std::string, std::pair<layout::Point, bool>> kept;
  if (keep_positions) {
    for (uint32_t v = 0; v < node_ids_.size() && v < positions_.size(); ++v) {
      const int32_t li = layout_index(v);
      if (li >= 0) kept[node_ids_[v]] = {positions_[v], pinned_[static_cast<uint32_t>(li)] != 0};
    }
  }
  story_nodes_ = story.graph.node_count();
  node_ids_.resize(story_nodes_);
  for (uint32_t v = 0; v < story_nodes_; ++v) node_ids_[v] = story.node_id(v);
  positions_.assign(story_nodes_, layout::Point{});
  visible_.assign(story_nodes_, 1);
  layout_of_node_.assign(story_nodes_, -1);
  layout_nodes_.clear();
  label_width_.assign(story_nodes_, -1.0f);
  label_height_.assign(story_nodes_, 0.0f);
  label_font_size_ = 0.0f;
  drawn_labels_.clear();
  hover_node_ = press_node_ = context_node_ = -1;
  update_radii(story);
  rebuild_layout_graph(story, false);
  instances_dirty_ = true;
  if (kept.empty()) {
    follow_layout_ = true;
    return;
  }
  // New entities (a split) start at the centre of their kept neighbours, else at the seed's.
  struct Place {
    uint32_t index;
    layout::Point position;
    bool pin;
  };
  std::vector<Place> places;
  for (uint32_t i = 0; i < layout_nodes_.size(); ++i) {
    const uint32_t v = layout_nodes_[i];
    const auto it = kept.find(node_ids_[v]);
    if (it != kept.end()) {
      places.push_back({i, it->second.first, it->second.second});
      continue;
    }
    layout::Point sum{};
    int count = 0;
    for (const Neighbor& n : story.graph.neighbors(v)) {
      const auto nit = kept.find(node_ids_[n.node]);
      if (nit == kept.end()) continue;
      sum.x += nit->second.first.x;
      sum.y += nit->second.first.y;
      ++count;
    }
    if (count > 0) places.push_back({i, {sum.x / count + 1.0, sum.y / count + 1.0}, false});
  }
  // No iteration runs between the new graph and these (a sync cancels the frame's grant).
  sync_layout([&](layout::ForceLayout& layout) {
    for (const Place& place : places) {
      layout.set_position(place.index, place.position);
      if (place.pin) layout.set_pinned(place.index, true);
    }
  });
}

std::string GraphPanel::render_png(const Story& story, Theme theme, float scale) {
  if (!renderer_.ready() || viewport_.width <= 0.0f) return {};
  const ImGuiIO& io = ImGui::GetIO();
  const float pixels =
      scale * (io.DisplayFramebufferScale.x > 0.0f ? io.DisplayFramebufferScale.x : 1.0f);
  const int width = static_cast<int>(std::lround(viewport_.width * pixels));
  const int height = static_cast<int>(std::lround(viewport_.height * pixels));
  float background[4];
  theme_background(theme, background);
  const render::GraphFrameUniforms uniforms =
      render::make_frame_uniforms(camera_, viewport_, pixels, style_);
  // The labels go through ImGui's own renderer, as on screen, in a draw list of their own
  // whose coordinates are the image's pixels.
  ImDrawList labels(ImGui::GetDrawListSharedData());
  labels._ResetForNewFrame();
  labels.PushClipRect(ImVec2(0.0f, 0.0f),
                      ImVec2(static_cast<float>(width), static_cast<float>(height)));
  labels.PushTextureID(io.Fonts->TexID);
  add_labels(labels, story, viewport_.x, viewport_.y, scale, theme);
  ImDrawData draw_data;
  draw_data.Valid = true;
  draw_data.DisplayPos = ImVec2(0.0f, 0.0f);
  draw_data.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  draw_data.FramebufferScale = ImVec2(1.0f, 1.0f);
  draw_data.AddDrawList(&labels);
  const render::Image image = render::render_offscreen(width, height, background, [&] {
    renderer_.draw(uniforms, 0, 0, width, height);
    ImGui_ImplOpenGL3_RenderDrawData(&draw_data);
  });
  if (image.rgba.empty()) return {};
  return encode_png(static_cast<uint32_t>(image.width), static_cast<uint32_t>(image.height),
                    image.rgba);
}

void GraphPanel::set_camera(const view::Camera& camera) {
  camera_ = camera;
  camera_.clamp_zoom(kMinZoom, kMaxZoom);
  tween_ = {};
  follow_layout_ = false;
}

void GraphPanel::focus_node(uint32_t node) {
  if (node >= positions_.size()) return;
  view::Camera target = camera_;
  target.center_x = positions_[node].x;
  target.center_y = positions_[node].y;
  tween_.start(camera_, target, 0.35);
  follow_layout_ = false;
}

std::map<std::string, PinnedNode> GraphPanel::pins(const Story& story) const {
  std::map<std::string, PinnedNode> out;
  for (uint32_t i = 0; i < layout_nodes_.size() && i < pinned_.size(); ++i) {
    if (!pinned_[i]) continue;
    const layout::Point p = positions_[layout_nodes_[i]];
    out[story.node_id(layout_nodes_[i])] = PinnedNode{p.x, p.y};
  }
  return out;
}

void GraphPanel::apply_pins(const Story& story, const std::map<std::string, PinnedNode>& pins) {
  sync_layout([&](layout::ForceLayout& layout) {
    for (uint32_t i = 0; i < layout_nodes_.size() && i < layout.node_count(); ++i) {
      const auto it = pins.find(story.node_id(layout_nodes_[i]));
      const bool pin =
          it != pins.end() && std::isfinite(it->second.x) && std::isfinite(it->second.y);
      if (pin) layout.set_position(i, {it->second.x, it->second.y});
      if (pin != layout.pinned(i)) layout.set_pinned(i, pin);
    }
  });
  wake_layout(true);
  instances_dirty_ = true;
}

void GraphPanel::set_visible(const Story& story, std::span<const uint8_t> visible, size_t capped) {
  capped_ = capped;
  std::vector<uint8_t> next(story_nodes_, 1);
  if (!visible.empty())
    std::copy_n(visible.begin(), std::min<size_t>(visible.size(), story_nodes_), next.begin());
  if (next == visible_) return;
  visible_ = std::move(next);
  rebuild_layout_graph(story, true);
  instances_dirty_ = true;
}

void GraphPanel::rebuild_layout_graph(const Story& story, bool keep_positions) {
  const EntityGraph& graph = story.graph;
  std::vector<uint32_t> nodes;
  std::vector<uint32_t> previous;
  std::vector<int32_t> index_of(story_nodes_, -1);
  for (uint32_t v = 0; v < story_nodes_; ++v) {
    if (!visible_[v]) continue;
    index_of[v] = static_cast<int32_t>(nodes.size());
    nodes.push_back(v);
    const int32_t old = layout_index(v);
    previous.push_back(keep_positions && old >= 0 ? static_cast<uint32_t>(old)
                                                  : layout::ForceLayout::kNew);
  }
  std::vector<layout::Edge> edges;
  std::vector<float> weights;
  for (const GraphEdge& e : graph.edges) {
    if (index_of[e.a] < 0 || index_of[e.b] < 0) continue;
    edges.emplace_back(static_cast<uint32_t>(index_of[e.a]), static_cast<uint32_t>(index_of[e.b]));
    weights.push_back(static_cast<float>(e.weight));
  }
  std::vector<float> sizes;
  sizes.reserve(nodes.size());
  for (uint32_t v : nodes) sizes.push_back(radii_[v]);
  const bool update = keep_positions && !layout_nodes_.empty();
  layout_nodes_ = std::move(nodes);
  layout_of_node_ = std::move(index_of);
  // Waits for at most the iteration in progress: the panel needs the new graph's positions now,
  // and the old graph's iterations must not run on the new one.
  sync_layout([&](layout::ForceLayout& layout) {
    layout.set_params(params);
    const auto count = static_cast<uint32_t>(layout_nodes_.size());
    if (update) {
      layout.update_graph(count, edges, weights, previous);
    } else {
      layout.set_graph(count, edges, weights);
    }
    layout.set_node_sizes(sizes);
  });
  wake_layout(true);
}

void GraphPanel::relayout(const Story& story) {
  pins_changed_ = true;
  rebuild_layout_graph(story, false);
  follow_layout_ = true;
}

void GraphPanel::update_radii(const Story& story) {
  const EntityGraph& graph = story.graph;
  radii_.assign(story_nodes_, 1.0f);
  std::vector<double> size(story_nodes_, 0.0);
  for (uint32_t v = 0; v < story_nodes_; ++v) {
    size[v] = size_by == NodeSizeBy::PageRank && v < story.pagerank.size()
                  ? story.pagerank[v]
                  : static_cast<double>(graph.nodes[v].mentions);
  }
  const double largest = story_nodes_ > 0 ? *std::max_element(size.begin(), size.end()) : 0.0;
  // Area grows with the measure: radius with its square root, from 2 to 8 world units (edges
  // of a settled ForceAtlas2 layout are some 10 to 40 units long).
  for (uint32_t v = 0; v < story_nodes_; ++v) {
    const double share = largest > 0.0 ? std::sqrt(std::max(0.0, size[v]) / largest) : 0.0;
    radii_[v] = static_cast<float>(2.0 + 6.0 * share);
  }
  // Labels go to the largest nodes first (ties: lower index, so the order is deterministic).
  label_order_.resize(story_nodes_);
  for (uint32_t v = 0; v < story_nodes_; ++v) label_order_[v] = v;
  std::stable_sort(label_order_.begin(), label_order_.end(),
                   [&](uint32_t a, uint32_t b) { return size[a] > size[b]; });
  built_size_by_ = size_by;
}

void GraphPanel::set_paused(bool paused) {
  paused_ = paused;
  if (paused_) runner_.grant(0, 0.0);  // the worker stops after the iteration in progress
}

void GraphPanel::wake_layout(bool redo_overlap_removal) {
  running_ = true;
  runner_.wake(redo_overlap_removal);
}

void GraphPanel::sync_layout(const layout::LayoutRunner::Change& change) {
  runner_.sync(change);
  moves_.clear();  // the sync ran after every move posted before it
  // The sync's own snapshot: nothing iterates after a sync until the next grant.
  runner_.take(snapshot_);
  pinned_ = snapshot_.pinned;
  sync_positions();
}

void GraphPanel::step_layout() {
  // The frame's share of iterations: natively the worker runs them while this frame and the
  // next are drawn (so the positions shown lag the layout by an iteration or two); inline they
  // run here. Either way the layout sees the same sequence of iterations and changes.
  //
  // Under `--frames N` the positions a given frame shows therefore depend on how far the
  // worker got. Nothing needs more: no test asserts on the layout after N frames natively
  // (native_e2e checks that the picture is not blank and what the state lists; the browser
  // test, which waits for convergence, runs the inline WebAssembly build), and state() reports
  // the snapshot the last frame drew, so a screenshot and the state agree with each other.
  if (running_ && !paused_) runner_.grant(kMaxStepsPerFrame, kLayoutBudgetMs);
  if (!runner_.take(snapshot_)) return;
  sync_positions();
  // Settled after every change the panel made: a change still queued may wake it again.
  if (running_ && snapshot_.settled && snapshot_.changes == runner_.posted()) {
    running_ = false;
    if (follow_layout_) fit(true);
    follow_layout_ = false;
  }
}

void GraphPanel::sync_positions() {
  const std::span<const layout::Point> moved = snapshot_.positions;
  for (size_t i = 0; i < layout_nodes_.size() && i < moved.size(); ++i)
    positions_[layout_nodes_[i]] = moved[i];
  // A dragged node the runner has not moved yet stays under the pointer instead of jumping
  // back for a frame.
  std::erase_if(moves_, [&](const PendingMove& m) { return m.change <= snapshot_.changes; });
  for (const PendingMove& m : moves_)
    if (m.index < layout_nodes_.size()) positions_[layout_nodes_[m.index]] = m.position;
  positions_dirty_ = true;
}

void GraphPanel::fit(bool animate) {
  std::vector<layout::Point> shown;
  std::vector<float> radii;
  for (uint32_t v : layout_nodes_) {
    shown.push_back(positions_[v]);
    radii.push_back(radii_[v]);
  }
  const view::WorldBounds bounds = view::bounds_of(shown, radii);
  if (bounds.empty() || viewport_.width <= 0.0f) return;
  view::Camera target = view::fit_camera(bounds, viewport_, 24.0f);
  // A graph of a few nodes would fill the panel with discs a third of it wide: no node is drawn
  // wider than kFitLargestRadiusEm when fitting (zooming in by hand still goes further).
  const float largest = radii.empty() ? 0.0f : *std::max_element(radii.begin(), radii.end());
  if (largest > 0.0f)
    target.zoom = std::min(
        target.zoom, static_cast<double>(kFitLargestRadiusEm * ImGui::GetFontSize() / largest));
  target.clamp_zoom(kMinZoom, kMaxZoom);
  if (animate) {
    tween_.start(camera_, target, 0.35);
  } else {
    camera_ = target;
  }
}

bool GraphPanel::is_animating() const {
  return (running_ && !paused_) || tween_.active();
}

void GraphPanel::update_instances(const Story& story, int32_t selected, int32_t focus,
                                  Theme theme) {
  const EntityGraph& graph = story.graph;
  // The focus (hovered, else selected node) and its neighbours stay bright; the rest dims.
  std::vector<uint8_t> near(story_nodes_, 0);
  if (focus >= 0) {
    near[static_cast<uint32_t>(focus)] = 1;
    for (const Neighbor& n : graph.neighbors(static_cast<uint32_t>(focus)))
      if (visible_[n.node]) near[n.node] = 1;
  }
  std::vector<render::NodeInstance> nodes(story_nodes_);
  std::vector<render::NodeInstance> overlay;
  for (uint32_t v = 0; v < story_nodes_; ++v) {
    render::NodeInstance& inst = nodes[v];
    inst.node = v;
    inst.radius = radii_[v];
    const Rgba8 color = color_by == NodeColorBy::Community && v < story.community.size()
                            ? community_color(story.community[v])
                            : entity_type_color(graph.nodes[v].type);
    set_color(inst.color, color, 255);
    uint8_t flags = 0;
    if (!visible_[v]) flags |= render::kHidden;
    if (focus >= 0 && !near[v]) flags |= render::kDimmed;
    if (static_cast<int32_t>(v) == selected) flags |= render::kSelected;
    if (static_cast<int32_t>(v) == hover_node_) flags |= render::kHovered;
    const int32_t li = layout_index(v);
    if (li >= 0 && pinned_[static_cast<uint32_t>(li)]) flags |= render::kPinned;
    inst.flags = flags;
    if ((flags & (render::kSelected | render::kHovered)) && !(flags & render::kHidden))
      overlay.push_back(inst);
  }
  double heaviest = 0.0;
  for (const GraphEdge& e : graph.edges) heaviest = std::max(heaviest, e.weight);
  const Rgba8 edge_color =
      theme == Theme::Dark ? Rgba8{200, 205, 215, 255} : Rgba8{70, 75, 90, 255};
  std::vector<render::EdgeInstance> edges(graph.edge_count());
  for (uint32_t i = 0; i < graph.edge_count(); ++i) {
    const GraphEdge& e = graph.edges[i];
    render::EdgeInstance& inst = edges[i];
    inst.a = e.a;
    inst.b = e.b;
    const double share = heaviest > 0.0 ? std::sqrt(e.weight / heaviest) : 0.0;
    inst.width = static_cast<float>(0.75 + 3.25 * share);
    set_color(inst.color, edge_color, static_cast<uint8_t>(60 + 110 * share));
    uint8_t flags = 0;
    if (!visible_[e.a] || !visible_[e.b]) flags |= render::kHidden;
    if (focus >= 0) {
      const bool incident =
          static_cast<int32_t>(e.a) == focus || static_cast<int32_t>(e.b) == focus;
      flags |= incident ? render::kHighlighted : render::kDimmed;
    }
    inst.flags = flags;
  }
  renderer_.set_nodes(nodes);
  renderer_.set_edges(edges);
  renderer_.set_overlay(overlay);
  built_selected_ = selected;
  built_focus_ = focus;
  built_color_by_ = color_by;
  built_theme_ = theme;
  instances_dirty_ = false;
}

void GraphPanel::draw_toolbar(const Story& story) {
  if (ImGui::Button(paused_ || !running_ ? "Resume" : "Pause")) {
    if (!running_) {
      paused_ = false;
      wake_layout(false);
    } else {
      set_paused(!paused_);
    }
  }
  ImGui::SetItemTooltip("Pause or resume the layout");
  ImGui::SameLine();
  if (ImGui::Button("Re-layout")) relayout(story);
  ImGui::SetItemTooltip("Start the layout again from its seed (pins are cleared)");
  ImGui::SameLine();
  if (ImGui::Button("Fit")) fit(true);
  ImGui::SetItemTooltip("Show the whole graph (F)");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.5f);
  int color = color_by == NodeColorBy::Type ? 0 : 1;
  if (ImGui::Combo("##color", &color, "Colour: type\0Colour: community\0"))
    color_by = color == 0 ? NodeColorBy::Type : NodeColorBy::Community;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.5f);
  int size = size_by == NodeSizeBy::Mentions ? 0 : 1;
  if (ImGui::Combo("##size", &size, "Size: mentions\0Size: PageRank\0")) {
    size_by = size == 0 ? NodeSizeBy::Mentions : NodeSizeBy::PageRank;
    update_radii(story);
    std::vector<float> sizes;
    for (uint32_t v : layout_nodes_) sizes.push_back(radii_[v]);
    sync_layout([&](layout::ForceLayout& layout) {
      layout.set_node_sizes(sizes);
      layout.remove_overlaps();
    });
    instances_dirty_ = true;
  }
  ImGui::SameLine();
  if (ImGui::Button("Layout\xE2\x80\xA6")) ImGui::OpenPopup("layout_params");
  if (ImGui::BeginPopup("layout_params")) {
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    changed |= ImGui::InputDouble("Repulsion (scaling)", &params.scaling, 0.5, 2.0, "%.2f");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    changed |= ImGui::InputDouble("Gravity", &params.gravity, 0.1, 1.0, "%.2f");
    changed |= ImGui::Checkbox("Strong gravity", &params.strong_gravity);
    changed |= ImGui::Checkbox("LinLog (separates communities)", &params.lin_log);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    changed |= ImGui::InputDouble("Edge weight influence", &params.edge_weight_influence, 0.1, 0.5,
                                  "%.2f");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    changed |= ImGui::InputDouble("Barnes-Hut theta", &params.theta, 0.1, 0.5, "%.2f");
    changed |= ImGui::Checkbox("Remove overlaps at the end", &params.overlap_removal);
    int seed = static_cast<int>(params.seed);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    if (ImGui::InputInt("Seed", &seed)) {
      params.seed = static_cast<uint64_t>(std::max(0, seed));
      changed = true;
    }
    // Values outside the documented ranges would make the layout meaningless: keep them sane.
    params.scaling = std::clamp(params.scaling, 0.01, 1000.0);
    params.gravity = std::clamp(params.gravity, 0.0, 100.0);
    params.edge_weight_influence = std::clamp(params.edge_weight_influence, 0.0, 4.0);
    params.theta = std::clamp(params.theta, 0.0, 4.0);
    if (changed) {
      runner_.post([next = params](layout::ForceLayout& layout) { layout.set_params(next); });
      wake_layout(true);
    }
    if (ImGui::Button("Defaults")) {
      params = layout::LayoutParams{};
      runner_.post([](layout::ForceLayout& layout) { layout.set_params({}); });
      wake_layout(false);
    }
    ImGui::EndPopup();
  }
}

void GraphPanel::draw_labels(const Story& story, const view::Viewport& viewport, int32_t focus,
                             const UiSettings& settings) {
  const float font_size = ImGui::GetFontSize();
  if (font_size != label_font_size_) {
    std::fill(label_width_.begin(), label_width_.end(), -1.0f);
    label_font_size_ = font_size;
  }
  const float wrap = kLabelWrapEm * font_size;
  const float pad = 0.2f * font_size;
  std::vector<view::LabelCandidate> candidates;
  auto consider = [&](uint32_t v, double priority) {
    const view::ScreenPoint p = camera_.to_screen(positions_[v], viewport);
    if (p.x < viewport.x || p.y < viewport.y || p.x > viewport.x + viewport.width ||
        p.y > viewport.y + viewport.height)
      return;
    if (label_width_[v] < 0.0f) {
      const std::string& name = story.graph.names[v];
      const ImVec2 size =
          ImGui::CalcTextSize(name.c_str(), name.c_str() + name.size(), false, wrap);
      label_width_[v] = size.x + 2.0f * pad;
      label_height_[v] = size.y + pad;
    }
    view::LabelCandidate c;
    c.node = v;
    c.anchor = p;
    c.node_radius = std::max(style_.min_radius, static_cast<float>(radii_[v] * camera_.zoom));
    c.width = label_width_[v];
    c.height = label_height_[v];
    c.priority = priority;
    candidates.push_back(c);
  };
  // The focus and its neighbours first, then the rest by size; each node once (a neighbour
  // considered twice would get two labels).
  std::vector<uint8_t>& considered = label_considered_;
  considered.assign(story_nodes_, 0);
  if (focus >= 0) {
    considered[static_cast<uint32_t>(focus)] = 1;
    consider(static_cast<uint32_t>(focus), 1e300);
    for (const Neighbor& n : story.graph.neighbors(static_cast<uint32_t>(focus))) {
      if (!visible_[n.node] || considered[n.node]) continue;
      considered[n.node] = 1;
      consider(n.node, 1e200 + static_cast<double>(radii_[n.node]));
    }
  }
  for (size_t rank = 0; rank < label_order_.size() && candidates.size() < kMaxLabelCandidates;
       ++rank) {
    const uint32_t v = label_order_[rank];
    if (!visible_[v] || considered[v]) continue;
    consider(v, static_cast<double>(label_order_.size() - rank));
  }
  view::LabelPlacementOptions options;
  options.viewport = viewport;
  options.padding = 2.0f;
  options.cell_size = 4.0f * font_size;
  const std::vector<view::PlacedLabel> placed = view::place_labels(candidates, options);

  std::vector<uint8_t> near;
  if (focus >= 0) {
    near.assign(story_nodes_, 0);
    near[static_cast<uint32_t>(focus)] = 1;
    for (const Neighbor& n : story.graph.neighbors(static_cast<uint32_t>(focus))) near[n.node] = 1;
  }
  drawn_labels_.clear();
  for (const view::PlacedLabel& label : placed) {
    const bool dimmed = !near.empty() && !near[label.node];
    drawn_labels_.push_back({label.node, label.x, label.y, label.width, label.height, dimmed});
  }
  add_labels(*ImGui::GetWindowDrawList(), story, 0.0f, 0.0f, 1.0f, settings.theme);
  placed_labels_ = static_cast<int>(placed.size());
}

void GraphPanel::add_labels(ImDrawList& draw, const Story& story, float origin_x, float origin_y,
                            float scale, Theme theme) const {
  const float font_size = label_font_size_ * scale;
  const float pad = 0.2f * font_size;
  const float wrap = kLabelWrapEm * font_size;
  const bool dark = theme == Theme::Dark;
  const ImU32 background = dark ? IM_COL32(24, 26, 31, 190) : IM_COL32(250, 250, 252, 200);
  const ImU32 text = dark ? IM_COL32(232, 234, 240, 255) : IM_COL32(25, 28, 35, 255);
  const ImU32 dim_text = dark ? IM_COL32(232, 234, 240, 90) : IM_COL32(25, 28, 35, 90);
  for (const DrawnLabel& label : drawn_labels_) {
    if (label.node >= story.graph.names.size()) continue;  // from a story since replaced
    const std::string& name = story.graph.names[label.node];
    const ImVec2 min((label.x - origin_x) * scale, (label.y - origin_y) * scale);
    const ImVec2 max(min.x + label.width * scale, min.y + label.height * scale);
    draw.AddRectFilled(min, max, background, 0.25f * font_size);
    draw.AddText(ImGui::GetFont(), font_size, ImVec2(min.x + pad, min.y + 0.5f * pad),
                 label.dimmed ? dim_text : text, name.c_str(), name.c_str() + name.size(), wrap);
  }
}

void GraphPanel::draw_canvas(const Story& story, Selection& selection, const UiSettings& settings) {
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(std::max(1.0f, ImGui::GetContentRegionAvail().x),
                    std::max(1.0f, ImGui::GetContentRegionAvail().y));
  const bool first_viewport = viewport_.width <= 0.0f;
  viewport_ = {origin.x, origin.y, size.x, size.y};
  if (first_viewport && follow_layout_) fit(false);
  ImGui::InvisibleButton("##graph_canvas", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const view::ScreenPoint mouse{io.MousePos.x, io.MousePos.y};

  if (tween_.active()) camera_ = tween_.advance(io.DeltaTime);
  if (running_ && follow_layout_ && !tween_.active()) {
    // While the first layout settles the camera follows it, eased so the picture breathes.
    const view::Camera from = camera_;
    fit(false);
    camera_ = view::interpolate(from, camera_, 0.25);
  }

  if (positions_dirty_) {
    renderer_.set_positions(positions_);
    index_.build(positions_, radii_, visible_);
    positions_dirty_ = false;
  }

  // Hover: the node under the pointer (not while dragging the background).
  const int32_t previous_hover = hover_node_;
  if (hovered && !(active && press_node_ < 0 && press_moved_)) {
    const layout::Point world = camera_.to_world(mouse, viewport_);
    hover_node_ = index_.pick(world, kPickSlopPx / camera_.zoom);
  } else if (!active) {
    hover_node_ = -1;
  }
  if (press_node_ >= 0 && active) hover_node_ = press_node_;
  if (hover_node_ != previous_hover) instances_dirty_ = true;
  if (hover_node_ >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

  if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    press_node_ = hover_node_;
    press_moved_ = false;
  }
  if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
    press_moved_ = true;
    if (press_node_ >= 0) {
      // Dragging a node moves and pins it; the layout wakes so its neighbours follow.
      const int32_t li = layout_index(static_cast<uint32_t>(press_node_));
      if (li >= 0) {
        const auto index = static_cast<uint32_t>(li);
        const layout::Point world = camera_.to_world(mouse, viewport_);
        const uint64_t change = runner_.post([index, world](layout::ForceLayout& layout) {
          layout.set_position(index, world);
          layout.set_pinned(index, true);
        });
        moves_.push_back({index, world, change});
        pinned_[index] = 1;
        dragging_node_ = true;
        wake_layout(true);
        sync_positions();
        instances_dirty_ = true;
      }
    } else {
      camera_.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
      tween_ = {};
      follow_layout_ = false;
    }
  }
  if (ImGui::IsItemDeactivated() && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    if (!press_moved_) {
      if (press_node_ >= 0) {
        selection = {"entity", story.node_id(static_cast<uint32_t>(press_node_))};
      } else if (selection.kind == "entity" || selection.kind == "edge") {
        selection = {};
      }
    }
    press_node_ = -1;
    if (dragging_node_) pins_changed_ = true;
    dragging_node_ = false;
  }
  if (hovered && hover_node_ >= 0 && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    view::Camera target = camera_;
    target.center_x = positions_[static_cast<uint32_t>(hover_node_)].x;
    target.center_y = positions_[static_cast<uint32_t>(hover_node_)].y;
    target.zoom = std::max(camera_.zoom * 2.0, camera_.zoom);
    target.clamp_zoom(kMinZoom, kMaxZoom);
    tween_.start(camera_, target, 0.35);
    follow_layout_ = false;
  }
  if (hovered && io.MouseWheel != 0.0f) {
    camera_.zoom_at(mouse, std::pow(kZoomPerWheelNotch, io.MouseWheel), viewport_);
    camera_.clamp_zoom(kMinZoom, kMaxZoom);
    tween_ = {};
    follow_layout_ = false;
  }
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
    context_node_ = hover_node_;
    ImGui::OpenPopup("graph_context");
  }
  if (ImGui::BeginPopup("graph_context")) {
    const int32_t li = context_node_ >= 0 ? layout_index(static_cast<uint32_t>(context_node_)) : -1;
    if (context_node_ >= 0) {
      ImGui::TextDisabled("%s", story.graph.names[static_cast<uint32_t>(context_node_)].c_str());
      if (ImGui::MenuItem("Select"))
        selection = {"entity", story.node_id(static_cast<uint32_t>(context_node_))};
      if (li >= 0 && ImGui::MenuItem("Pinned", nullptr, pinned_[static_cast<uint32_t>(li)] != 0)) {
        const auto index = static_cast<uint32_t>(li);
        const bool pin = pinned_[index] == 0;
        pinned_[index] = pin ? 1 : 0;
        runner_.post([index, pin](layout::ForceLayout& layout) { layout.set_pinned(index, pin); });
        pins_changed_ = true;
        wake_layout(false);
        instances_dirty_ = true;
      }
    }
    if (ImGui::MenuItem("Fit", "F")) fit(true);
    ImGui::EndPopup();
  }

  const int32_t selected = selection.kind == "entity" ? story.node_of_id(selection.id) : -1;
  const int32_t focus = hover_node_ >= 0 ? hover_node_ : selected;
  if (!renderer_tried_) {
    renderer_tried_ = true;
    renderer_.init();
  }
  if (!renderer_.ready()) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + 8.0f, origin.y + 8.0f));
    ImGui::TextWrapped("The graph cannot be drawn: %s", renderer_.error().c_str());
    return;
  }
  if (instances_dirty_ || selected != built_selected_ || focus != built_focus_ ||
      color_by != built_color_by_ || settings.theme != built_theme_)
    update_instances(story, selected, focus, settings.theme);

  const float scale = io.DisplayFramebufferScale.x > 0.0f ? io.DisplayFramebufferScale.x : 1.0f;
  pending_->uniforms = render::make_frame_uniforms(camera_, viewport_, scale, style_);
  pending_->x = static_cast<int>(std::lround(origin.x * scale));
  pending_->width = static_cast<int>(std::lround(size.x * scale));
  pending_->height = static_cast<int>(std::lround(size.y * scale));
  pending_->y = static_cast<int>(std::lround((io.DisplaySize.y - origin.y - size.y) * scale));

  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  draw->AddCallback(render_graph, pending_.get());
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  draw_labels(story, viewport_, focus, settings);
  // Status in the corner: what the layout is doing, so a still picture is never a mystery.
  char status[160];
  std::snprintf(status, sizeof status,
                "%u nodes \xC2\xB7 %zu edges \xC2\xB7 %s \xC2\xB7 %u iterations",
                static_cast<unsigned>(layout_nodes_.size()), snapshot_.edges,
                running_ ? (paused_ ? "paused" : "laying out") : "settled", snapshot_.iterations);
  const float line = ImGui::GetTextLineHeight();
  draw->AddText(ImVec2(origin.x + 0.5f * line, origin.y + size.y - 1.4f * line),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), status);
  if (capped_ > 0) {
    // A sampled view must say so where the graph is, not only in a log.
    char sampled[200];
    std::snprintf(sampled, sizeof sampled,
                  "Showing the %zu most mentioned of %zu entities (at most %zu are drawn): "
                  "filter by type, weight, documents or time to see the others.",
                  layout_nodes_.size(), layout_nodes_.size() + capped_, kMaxShownNodes);
    draw->AddText(ImVec2(origin.x + 0.5f * line, origin.y + size.y - 2.6f * line),
                  ImGui::GetColorU32(ImGuiCol_Text), sampled);
  }
  draw->PopClipRect();
}

void GraphPanel::draw(const Story& story, Selection& selection, const UiSettings& settings) {
  if (story.graph.node_count() != story_nodes_) set_story(story);
  step_layout();
  draw_toolbar(story);
  if (story_nodes_ == 0) {
    ImGui::TextDisabled("No entities to show: the analysis found none in this corpus.");
    return;
  }
  draw_canvas(story, selection, settings);
}

nlohmann::json GraphPanel::state_json(const Story& story) const {
  nlohmann::json labelled = nlohmann::json::array();
  for (size_t i = 0; i < drawn_labels_.size() && i < 64; ++i) {
    const DrawnLabel& label = drawn_labels_[i];
    if (label.node >= positions_.size()) continue;
    const view::ScreenPoint p = camera_.to_screen(positions_[label.node], viewport_);
    labelled.push_back(
        {{"id", story.node_id(label.node)}, {"x", p.x}, {"y", p.y}, {"dimmed", label.dimmed}});
  }
  // Edges whose ends are both on screen and far apart, for tests that look for them in pixels.
  nlohmann::json edge_sample = nlohmann::json::array();
  auto on_screen = [&](const view::ScreenPoint& p) {
    return p.x > viewport_.x && p.y > viewport_.y && p.x < viewport_.x + viewport_.width &&
           p.y < viewport_.y + viewport_.height;
  };
  for (const GraphEdge& e : story.graph.edges) {
    if (edge_sample.size() >= 12 || e.a >= visible_.size() || e.b >= visible_.size()) break;
    if (!visible_[e.a] || !visible_[e.b]) continue;
    const view::ScreenPoint a = camera_.to_screen(positions_[e.a], viewport_);
    const view::ScreenPoint b = camera_.to_screen(positions_[e.b], viewport_);
    if (!on_screen(a) || !on_screen(b) || std::hypot(b.x - a.x, b.y - a.y) < 80.0f) continue;
    edge_sample.push_back({{"a", story.node_id(e.a)},
                           {"b", story.node_id(e.b)},
                           {"ax", a.x},
                           {"ay", a.y},
                           {"bx", b.x},
                           {"by", b.y}});
  }
  nlohmann::json pinned = nlohmann::json::array();
  for (uint32_t i = 0; i < layout_nodes_.size() && i < pinned_.size(); ++i)
    if (pinned_[i]) pinned.push_back(story.node_id(layout_nodes_[i]));
  return {
      {"nodes", layout_nodes_.size()},
      {"sampled_out", capped_},
      {"edges", snapshot_.edges},
      {"renderer", renderer_.ready() ? "ok" : renderer_.error()},
      {"draw_calls", renderer_.last_draw_calls()},
      {"layout",
       {{"running", running_ && !paused_},
        {"paused", paused_},
        {"converged", snapshot_.converged},
        {"iterations", snapshot_.iterations},
        {"energy", snapshot_.last_step.energy}}},
      {"camera", {{"x", camera_.center_x}, {"y", camera_.center_y}, {"zoom", camera_.zoom}}},
      {"viewport",
       {{"x", viewport_.x},
        {"y", viewport_.y},
        {"width", viewport_.width},
        {"height", viewport_.height}}},
      {"color_by", color_by == NodeColorBy::Type ? "type" : "community"},
      {"size_by", size_by == NodeSizeBy::Mentions ? "mentions" : "pagerank"},
      {"hover", hover_node_ >= 0 ? nlohmann::json(story.node_id(static_cast<uint32_t>(hover_node_)))
                                 : nlohmann::json(nullptr)},
      {"pinned", pinned},
      {"labels", placed_labels_},
      {"labelled", labelled},
      {"edge_sample", edge_sample}};
}

}  // namespace dramatis::ui
