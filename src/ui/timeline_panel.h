// The timeline panel: a strip under the graph with a horizontal time axis (adaptive day, month
// or year ticks) and the story's dated documents, events and quotes as marks in three lanes.
// Click a mark to select it; drag across the strip to set the view's time range; the wheel
// zooms around the pointer and a right-drag (or shift-drag) pans.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/view/timeline.h"
#include "ui/panel_context.h"

namespace dramatis::ui {

class TimelinePanel {
 public:
  void draw(PanelContext& ctx);
  nlohmann::json state_json() const;

  // Shows every item again (the "Fit" button).
  void fit() { axis_ = fit_axis(items_); }

 private:
  // Lanes, top to bottom: documents (publication dates), events, quotes.
  static constexpr size_t kLanes = 3;
  struct Mark {
    double center = 0.0;  // days since 1970-01-01: the middle of the item's interval
    uint32_t item = 0;    // index into items_
  };
  // Marks of one lane closer than a couple of pixels drawn as one; [begin, end) into its lane.
  struct Group {
    uint32_t lane = 0;
    uint32_t begin = 0;
    uint32_t end = 0;
    float x = 0.0f, y = 0.0f;  // screen pixels of the mark's centre
  };
  struct ShownMark {     // for state_json: where the first marks of each lane sit on screen
    std::string kind;    // "event" | "quote" | "document"
    uint32_t index = 0;  // into analysis.events / analysis.quotes / corpus.documents
    std::string id;      // what a click selects: the subject's entity id, the quote or document id
    uint32_t count = 1;  // items drawn as this one mark
    float x = 0.0f, y = 0.0f;  // screen pixels
  };
  enum class Drag : uint8_t { None, Range, Pan };

  void rebuild(const Story& story);
  void update_selected(const PanelContext& ctx);
  void draw_toolbar(PanelContext& ctx);
  void draw_canvas(PanelContext& ctx);
  void collect_groups(float left, float width, float top, float lane_height, float radius);
  void activate(PanelContext& ctx, uint32_t item);
  void draw_tooltip(const PanelContext& ctx, const Group& group) const;
  void draw_group_popup(PanelContext& ctx);

  uint64_t built_for_ = 0;
  bool built_ = false;
  std::vector<TimelineItem> items_;
  std::array<std::vector<Mark>, kLanes> lanes_;  // each sorted by centre
  size_t events_ = 0, quotes_ = 0, documents_ = 0;
  TimeAxis axis_;

  // The items the selection names (a quote, a document, an entity's events), for their rings;
  // recomputed when the selection changes.
  std::string selected_kind_, selected_id_;
  std::vector<uint32_t> selected_items_;

  std::vector<Group> groups_;  // this frame's visible marks, lane by lane, left to right
  int32_t hover_group_ = -1;   // index into groups_
  Group press_group_{};        // the marks under the pointer when the button went down
  bool press_on_mark_ = false;
  bool press_right_ = false;  // pressed with the right button
  bool press_shift_ = false;  // pressed with shift held: a left drag pans
  Drag drag_ = Drag::None;
  double drag_anchor_ = 0.0;   // days: where a range drag started
  double drag_current_ = 0.0;  // days: where it is now
  Group popup_group_{};        // the marks the "choose one" popup lists
  bool popup_valid_ = false;
  bool selection_stale_ = true;

  std::optional<TimeRange> range_;  // the view's range when last drawn
  std::vector<ShownMark> shown_;
  float canvas_x_ = 0.0f, canvas_y_ = 0.0f, canvas_width_ = 0.0f, canvas_height_ = 0.0f;
};

}  // namespace dramatis::ui
