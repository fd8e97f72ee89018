// The graph panel: the entity graph drawn on the GPU (render::GraphRenderer), laid out live by
// layout::ForceLayout (animated while it converges, then still; natively its iterations run on
// a worker thread through layout::LayoutRunner, in WebAssembly inside the frame), with pan, zoom
// around the cursor, fit, picking through a spatial index, hover highlighting, drag-to-pin,
// click-to-select and non-overlapping labels. A toolbar holds pause/resume, re-layout, fit, colour
// and size modes and the layout parameters.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/layout/layout_runner.h"
#include "core/layout/spatial_index.h"
#include "core/view/camera.h"
#include "core/view/selection.h"
#include "core/view/story.h"
#include "core/view/user_edits.h"
#include "render/graph_renderer.h"
#include "ui/ui_settings.h"

struct ImDrawList;

namespace dramatis::ui {

enum class NodeColorBy { Type, Community };
enum class NodeSizeBy { Mentions, PageRank };

class GraphPanel {
 public:
  GraphPanel();
  ~GraphPanel();

  // A new story. With keep_positions, entities whose id survives keep their place (and pin) and
  // the layout only settles the rest (the user's edits); otherwise it starts from its seed.
  void set_story(const Story& story, bool keep_positions = false);
  // Which graph nodes the filters leave (one byte per node; empty: all). The layout keeps the
  // positions of the nodes that stay and places the new ones near their neighbours. `capped`:
  // how many more the filters left that the shown-node limit took out (view_graph.h); the panel
  // says the view is a sample.
  void set_visible(const Story& story, std::span<const uint8_t> visible, size_t capped = 0);

  // Draws the toolbar and the graph into the remaining space; handles its input and may change
  // the selection (click a node: select its entity).
  void draw(const Story& story, Selection& selection, const UiSettings& settings);

  void fit(bool animate = true);      // the whole visible graph in view
  void relayout(const Story& story);  // fresh positions from the seed; pins cleared
  void set_paused(bool paused);

  bool is_animating() const;

  // The camera, for shared views. Setting it stops the camera from following the layout.
  view::Camera camera() const { return camera_; }
  void set_camera(const view::Camera& camera);
  // Moves the camera smoothly to a node, keeping the zoom (the search box's jump).
  void focus_node(uint32_t node);

  // Positions per graph node, world units (hidden nodes: where they were last shown).
  std::span<const layout::Point> positions() const { return positions_; }
  // The graph as it is on screen (nodes, edges, highlights and the labels of the last frame),
  // drawn at `scale` times the screen's resolution, as PNG bytes; empty when it cannot be drawn.
  // Needs the GL context current.
  std::string render_png(const Story& story, Theme theme, float scale);

  // Pinned nodes by entity id, world units (saved with the user's edits).
  std::map<std::string, PinnedNode> pins(const Story& story) const;
  // Pins these nodes where they say (unknown ids are skipped) and unpins the others.
  void apply_pins(const Story& story, const std::map<std::string, PinnedNode>& pins);
  // True once after the user pinned, unpinned or dragged a node (the App saves the edits).
  bool take_pins_changed() {
    const bool changed = pins_changed_;
    pins_changed_ = false;
    return changed;
  }
  nlohmann::json state_json(const Story& story) const;

  NodeColorBy color_by = NodeColorBy::Type;
  NodeSizeBy size_by = NodeSizeBy::Mentions;
  layout::LayoutParams params;

  struct PendingDraw;  // what the ImGui draw callback needs to draw the graph in order

 private:
  void draw_toolbar(const Story& story);
  void draw_canvas(const Story& story, Selection& selection, const UiSettings& settings);
  void draw_labels(const Story& story, const view::Viewport& viewport, int32_t focus,
                   const UiSettings& settings);
  void rebuild_layout_graph(const Story& story, bool keep_positions);
  void step_layout();
  // Runs `change` on the layout as soon as no iteration runs, waits for it, and shows its
  // result (for changes the panel needs at once: a new graph, kept positions, pins, sizes).
  void sync_layout(const layout::LayoutRunner::Change& change);
  // The layout iterates again (granted steps each frame) until it converges.
  void wake_layout(bool redo_overlap_removal);
  void sync_positions();  // snapshot_ (and moves not yet applied) into positions_
  void update_radii(const Story& story);
  void update_instances(const Story& story, int32_t selected, int32_t focus, Theme theme);
  int32_t layout_index(uint32_t node) const;

  render::GraphRenderer renderer_;
  render::GraphStyle style_;
  bool renderer_tried_ = false;
  std::unique_ptr<PendingDraw> pending_;

  // The layout itself lives in the runner (on its worker natively); the panel draws the newest
  // snapshot it took and keeps its own copy of what it changed since (pins, dragged nodes).
  layout::LayoutRunner runner_;
  layout::LayoutSnapshot snapshot_;
  std::vector<uint8_t> pinned_;  // per layout index, including pins posted and not yet applied
  struct PendingMove {
    uint32_t index;  // layout index
    layout::Point position;
    uint64_t change;  // the runner's number for the post that moves it
  };
  std::vector<PendingMove> moves_;         // drags the runner may not have applied yet
  std::vector<uint32_t> layout_nodes_;     // graph node of each layout index
  std::vector<int32_t> layout_of_node_;    // layout index of each graph node, -1 when hidden
  std::vector<uint8_t> visible_;           // per graph node
  std::vector<layout::Point> positions_;   // per graph node, world units (hidden: last known)
  std::vector<float> radii_;               // per graph node, world units
  std::vector<uint32_t> label_order_;      // graph nodes by label priority, highest first
  std::vector<uint8_t> label_considered_;  // per graph node, this frame (reused, not reallocated)
  std::vector<float> label_width_, label_height_;  // per graph node at label_font_size_, pixels
  float label_font_size_ = 0.0f;
  layout::SpatialIndex index_;
  bool running_ = false;
  bool paused_ = false;
  bool pins_changed_ = false;
  bool dragging_node_ = false;
  std::vector<std::string> node_ids_;  // entity id per graph node of the story last set

  view::Camera camera_;
  view::CameraTween tween_;
  view::Viewport viewport_;
  bool follow_layout_ = true;  // auto-fit while the first layout settles, until the user moves

  int32_t hover_node_ = -1;
  int32_t press_node_ = -1;
  bool press_moved_ = false;
  int32_t context_node_ = -1;

  // What the instance buffers were built for, to rebuild only on change.
  int32_t built_selected_ = -2, built_focus_ = -2;
  NodeColorBy built_color_by_ = NodeColorBy::Type;
  NodeSizeBy built_size_by_ = NodeSizeBy::Mentions;
  Theme built_theme_ = Theme::Dark;
  bool instances_dirty_ = true;
  bool positions_dirty_ = true;
  uint32_t story_nodes_ = 0;
  size_t capped_ = 0;  // nodes the shown-node limit left out of the visible ones
  int placed_labels_ = 0;
  // The labels drawn in the last frame (screen pixels), so the PNG shows the same ones; the
  // first of them are in state_json.
  struct DrawnLabel {
    uint32_t node;
    float x, y, width, height;
    bool dimmed;
  };
  std::vector<DrawnLabel> drawn_labels_;
  // Draws drawn_labels_ into `draw`, moved by (-origin) and scaled by `scale`.
  void add_labels(ImDrawList& draw, const Story& story, float origin_x, float origin_y, float scale,
                  Theme theme) const;
};

}  // namespace dramatis::ui
