#include "ui/timeline_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "ui/display_text.h"
#include "ui/palette.h"

namespace dramatis::ui {
namespace {

constexpr float kZoomPerWheelNotch = 1.2f;
constexpr double kPanPerWheelNotch = 0.1;  // share of the window a horizontal wheel notch moves
constexpr float kGroupPx = 2.0f;           // marks closer than this (pixels) draw as one
constexpr float kPickSlopPx = 3.0f;
constexpr float kDragThresholdPx = 3.0f;
// An item's words are the head of its span: a snippet focused on its first this many bytes.
constexpr size_t kTooltipSnippetBytes = 240;
constexpr size_t kSummarySnippetBytes = 70;
constexpr size_t kTooltipItems = 3;  // items a tooltip describes before "and N more"
constexpr size_t kShownPerLane = 4;  // marks per lane that state_json reports
constexpr int kPopupVisibleRows = 14;

constexpr const char* kLaneNames[] = {"Documents", "Events", "Quotes"};
constexpr const char* kKindNames[] = {"event", "quote", "document"};  // by TimelineItem::Kind

const Rgba8 kUnknownColor = {150, 152, 160, 255};  // no subject or speaker

size_t lane_of(TimelineItem::Kind kind) {
  switch (kind) {
    case TimelineItem::Kind::Document: return 0;
    case TimelineItem::Kind::Event: return 1;
    case TimelineItem::Kind::Quote: return 2;
  }
  return 0;
}

std::string entity_name(const Story& story, int entity, const char* unknown) {
  if (entity < 0 || static_cast<size_t>(entity) >= story.analysis.entities.size()) return unknown;
  return display_text(story.analysis.entities[static_cast<size_t>(entity)].name);
}

Rgba8 entity_color(const Story& story, int entity) {
  if (entity < 0 || static_cast<size_t>(entity) >= story.analysis.entities.size())
    return kUnknownColor;
  return entity_type_color(story.analysis.entities[static_cast<size_t>(entity)].type);
}

ImU32 item_color(const Story& story, const TimelineItem& item, uint8_t alpha) {
  switch (item.kind) {
    case TimelineItem::Kind::Event:
      return to_imgui_color(entity_color(story, story.analysis.events[item.index].subject), alpha);
    case TimelineItem::Kind::Quote:
      return to_imgui_color(entity_color(story, story.analysis.quotes[item.index].speaker), alpha);
    case TimelineItem::Kind::Document: break;
  }
  ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
  text.w = static_cast<float>(alpha) / 255.0f * 0.8f;
  return ImGui::ColorConvertFloat4ToU32(text);
}

// One line naming an item, for the "choose one" list.
std::string summary(const Story& story, const TimelineItem& item) {
  std::string text = iso_of_interval(item.date) + "  ";
  const std::string_view bytes = span_bytes(story.corpus, item.span);
  switch (item.kind) {
    case TimelineItem::Kind::Event: {
      const Event& event = story.analysis.events[item.index];
      text += entity_name(story, event.subject, "Event") + " " + display_text(event.cue) + ": ";
      text += snippet(bytes, 0, bytes.size(), 0, kSummarySnippetBytes, kSummarySnippetBytes);
      break;
    }
    case TimelineItem::Kind::Quote: {
      const Quote& quote = story.analysis.quotes[item.index];
      text += entity_name(story, quote.speaker, "Unattributed") + ": ";
      text += snippet(bytes, 0, bytes.size(), 0, kSummarySnippetBytes, kSummarySnippetBytes);
      break;
    }
    case TimelineItem::Kind::Document: {
      const DocumentMeta& meta = story.corpus.documents[item.index].meta;
      text += display_text(meta.title.empty() ? meta.id : meta.title);
      if (!meta.source.empty()) text += " (" + display_text(meta.source) + ")";
      break;
    }
  }
  return visible_label(std::move(text));
}

// An item's tooltip body: what it is, when, and its words.
void describe(const Story& story, const TimelineItem& item) {
  const std::string_view bytes = span_bytes(story.corpus, item.span);
  switch (item.kind) {
    case TimelineItem::Kind::Event: {
      const Event& event = story.analysis.events[item.index];
      ImGui::Text("%s \xC2\xB7 %s", entity_name(story, event.subject, "Unknown subject").c_str(),
                  display_text(event.cue).c_str());
      ImGui::TextDisabled("Event, %s", display_text(event.date).c_str());
      ImGui::TextWrapped(
          "%s",
          snippet(bytes, 0, bytes.size(), 0, kTooltipSnippetBytes, kTooltipSnippetBytes).c_str());
      break;
    }
    case TimelineItem::Kind::Quote: {
      const Quote& quote = story.analysis.quotes[item.index];
      ImGui::TextUnformatted(entity_name(story, quote.speaker, "Unattributed").c_str());
      ImGui::TextDisabled("Quote, %s", iso_of_interval(item.date).c_str());
      ImGui::TextWrapped(
          "%s",
          snippet(bytes, 0, bytes.size(), 0, kTooltipSnippetBytes, kTooltipSnippetBytes).c_str());
      break;
    }
    case TimelineItem::Kind::Document: {
      const DocumentMeta& meta = story.corpus.documents[item.index].meta;
      ImGui::TextWrapped("%s", display_text(meta.title.empty() ? meta.id : meta.title).c_str());
      ImGui::TextDisabled("%s%sPublished %s", display_text(meta.source).c_str(),
                          meta.source.empty() ? "" : ", ", display_text(meta.date).c_str());
      break;
    }
  }
}

// Marks by lane: documents as small pages, events as diamonds, quotes as circles.
void fill_mark(ImDrawList* draw, size_t lane, ImVec2 c, float r, ImU32 color) {
  switch (lane) {
    case 0:
      draw->AddRectFilled(ImVec2(c.x - 0.6f * r, c.y - r), ImVec2(c.x + 0.6f * r, c.y + r), color,
                          0.2f * r);
      break;
    case 1:
      draw->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r),
                          ImVec2(c.x - r, c.y), color);
      break;
    default: draw->AddCircleFilled(c, 0.75f * r, color); break;
  }
}

void outline_mark(ImDrawList* draw, size_t lane, ImVec2 c, float r, ImU32 color, float thickness) {
  switch (lane) {
    case 0:
      draw->AddRect(ImVec2(c.x - 0.6f * r, c.y - r), ImVec2(c.x + 0.6f * r, c.y + r), color,
                    0.2f * r, 0, thickness);
      break;
    case 1:
      draw->AddQuad(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r),
                    ImVec2(c.x - r, c.y), color, thickness);
      break;
    default: draw->AddCircle(c, 0.75f * r, color, 0, thickness); break;
  }
}

double center_of(const DateInterval& date) {
  const DayRange days = day_range_of(date);
  return 0.5 * (static_cast<double>(days.first) + static_cast<double>(days.last) + 1.0);
}

}  // namespace

void TimelinePanel::rebuild(const Story& story) {
  items_ = build_timeline(story);
  for (std::vector<Mark>& lane : lanes_) lane.clear();
  events_ = quotes_ = documents_ = 0;
  for (uint32_t i = 0; i < items_.size(); ++i) {
    const TimelineItem& item = items_[i];
    lanes_[lane_of(item.kind)].push_back({center_of(item.date), i});
    switch (item.kind) {
      case TimelineItem::Kind::Event: ++events_; break;
      case TimelineItem::Kind::Quote: ++quotes_; break;
      case TimelineItem::Kind::Document: ++documents_; break;
    }
  }
  // Stable: equal centres keep the timeline's order, so a group's first mark is deterministic.
  for (std::vector<Mark>& lane : lanes_)
    std::stable_sort(lane.begin(), lane.end(),
                     [](const Mark& a, const Mark& b) { return a.center < b.center; });
  axis_ = fit_axis(items_);
  groups_.clear();
  hover_group_ = -1;
  press_on_mark_ = false;
  drag_ = Drag::None;
  popup_valid_ = false;
  selection_stale_ = true;
}

void TimelinePanel::update_selected(const PanelContext& ctx) {
  const Selection& selection = ctx.view.selection;
  if (!selection_stale_ && selection.kind == selected_kind_ && selection.id == selected_id_) return;
  selection_stale_ = false;
  selected_kind_ = selection.kind;
  selected_id_ = selection.id;
  selected_items_.clear();
  const Story& story = ctx.story;
  const auto entity_index = [&](std::string_view id) {
    for (size_t e = 0; e < story.analysis.entities.size(); ++e)
      if (story.analysis.entities[e].id == id) return static_cast<int>(e);
    return -1;
  };
  int quote = -1, document = -1, entity = -1, other = -1;
  if (selection.kind == kSelectQuote) {
    quote = story.quote_index(selection.id);
  } else if (selection.kind == kSelectDocument) {
    for (size_t d = 0; d < story.corpus.documents.size(); ++d)
      if (story.corpus.documents[d].meta.id == selection.id) document = static_cast<int>(d);
  } else if (selection.kind == kSelectEntity) {
    entity = entity_index(selection.id);
  } else if (selection.kind == kSelectEdge) {
    const size_t tilde = selection.id.find('~');
    if (tilde != std::string::npos) {
      entity = entity_index(std::string_view(selection.id).substr(0, tilde));
      other = entity_index(std::string_view(selection.id).substr(tilde + 1));
    }
  }
  // An entity: the events it is the subject of. An edge: the events joining its two ends.
  const auto involves = [&](const Event& event) {
    if (other < 0) return event.subject == entity;
    const auto has = [&](int e) {
      return std::find(event.objects.begin(), event.objects.end(), e) != event.objects.end();
    };
    return (event.subject == entity && has(other)) || (event.subject == other && has(entity));
  };
  for (uint32_t i = 0; i < items_.size(); ++i) {
    const TimelineItem& item = items_[i];
    const int index = static_cast<int>(item.index);
    if ((item.kind == TimelineItem::Kind::Quote && index == quote) ||
        (item.kind == TimelineItem::Kind::Document && index == document) ||
        (item.kind == TimelineItem::Kind::Event && entity >= 0 &&
         involves(story.analysis.events[item.index])))
      selected_items_.push_back(i);
  }
}

void TimelinePanel::activate(PanelContext& ctx, uint32_t index) {
  const Story& story = ctx.story;
  const TimelineItem& item = items_[index];
  const bool span_ok = item.span.doc < story.corpus.documents.size();
  switch (item.kind) {
    case TimelineItem::Kind::Event: {
      const Event& event = story.analysis.events[item.index];
      const size_t subject = static_cast<size_t>(event.subject);
      // Only an entity with a graph node is a valid selection (is_valid_selection).
      if (event.subject >= 0 && subject < story.graph.node_of_entity.size() &&
          story.graph.node_of_entity[subject] >= 0)
        ctx.select(kSelectEntity, story.analysis.entities[subject].id);
      if (span_ok) ctx.open_span(event.span);
      break;
    }
    case TimelineItem::Kind::Quote:
      ctx.select(kSelectQuote, story.analysis.quotes[item.index].id);
      if (span_ok) ctx.open_span(item.span);
      break;
    case TimelineItem::Kind::Document:
      ctx.select(kSelectDocument, story.corpus.documents[item.index].meta.id);
      break;
  }
}

void TimelinePanel::draw_toolbar(PanelContext& ctx) {
  if (ImGui::Button("Fit")) fit();
  ImGui::SetItemTooltip("Show every dated item");
  ImGui::SameLine();
  ImGui::BeginDisabled(!ctx.view.time_range.has_value());
  if (ImGui::Button("Clear range")) ctx.view.time_range = std::nullopt;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ctx.view.time_range) {
    ImGui::Text("Range %s \xE2\x80\x93 %s", display_text(ctx.view.time_range->first).c_str(),
                display_text(ctx.view.time_range->last).c_str());
  } else {
    ImGui::TextDisabled("Drag across the timeline to pick a time range");
  }
  ImGui::SameLine();
  ImGui::TextDisabled("\xC2\xB7 %zu documents \xC2\xB7 %zu events \xC2\xB7 %zu quotes (?)",
                      documents_, events_, quotes_);
  ImGui::SetItemTooltip(
      "Click a mark to select it. Drag to pick a time range; double-click to clear it.\n"
      "Mouse wheel: zoom around the pointer. Right-drag or shift-drag: pan.");
}

void TimelinePanel::collect_groups(float left, float width, float top, float lane_height,
                                   float radius) {
  groups_.clear();
  const double days_per_px = axis_.span() / static_cast<double>(width);
  const double pad = (static_cast<double>(radius) + kGroupPx) * days_per_px;
  for (size_t k = 0; k < kLanes; ++k) {
    const std::vector<Mark>& lane = lanes_[k];
    const float y = top + (static_cast<float>(k) + 0.5f) * lane_height;
    const auto by_center = [](const Mark& m, double day) { return m.center < day; };
    auto it = std::lower_bound(lane.begin(), lane.end(), axis_.first - pad, by_center);
    // One group per couple of pixels at most: the loop is bounded by the width, not the items.
    while (it != lane.end() && it->center <= axis_.last + pad) {
      const double x = axis_.x_of(it->center, width);
      auto stop = std::lower_bound(it, lane.end(), it->center + kGroupPx * days_per_px, by_center);
      if (stop == it) ++stop;
      Group group;
      group.lane = static_cast<uint32_t>(k);
      group.begin = static_cast<uint32_t>(it - lane.begin());
      group.end = static_cast<uint32_t>(stop - lane.begin());
      group.x = left + static_cast<float>(x);
      group.y = y;
      groups_.push_back(group);
      it = stop;
    }
  }
}

void TimelinePanel::draw_tooltip(const PanelContext& ctx, const Group& group) const {
  if (!ImGui::BeginTooltip()) return;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  const uint32_t count = group.end - group.begin;
  for (uint32_t i = 0; i < count && i < kTooltipItems; ++i) {
    if (i > 0) ImGui::Separator();
    describe(ctx.story, items_[lanes_[group.lane][group.begin + i].item]);
  }
  if (count > kTooltipItems) {
    ImGui::Separator();
    ImGui::TextDisabled("and %u more here: click to choose one",
                        static_cast<unsigned>(count - kTooltipItems));
  } else if (count > 1) {
    ImGui::TextDisabled("Click to choose one");
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void TimelinePanel::draw_group_popup(PanelContext& ctx) {
  if (!ImGui::BeginPopup("timeline_group")) return;
  const Group& group = popup_group_;
  if (!popup_valid_ || group.lane >= kLanes || group.end > lanes_[group.lane].size()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const int count = static_cast<int>(group.end - group.begin);
  ImGui::TextDisabled("%d %s here", count, kLaneNames[group.lane]);
  const float rows = static_cast<float>(std::min(count, kPopupVisibleRows));
  ImGui::BeginChild("timeline_group_items", ImVec2(ImGui::GetFontSize() * 32.0f,
                                                   rows * ImGui::GetTextLineHeightWithSpacing()));
  ImGuiListClipper clipper;
  clipper.Begin(count);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const uint32_t item = lanes_[group.lane][group.begin + static_cast<uint32_t>(row)].item;
      ImGui::PushID(row);
      if (ImGui::Selectable(summary(ctx.story, items_[item]).c_str())) {
        activate(ctx, item);
        popup_valid_ = false;
        ImGui::CloseCurrentPopup();
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  ImGui::EndPopup();
}

void TimelinePanel::draw_canvas(PanelContext& ctx) {
  const Story& story = ctx.story;
  ImGuiIO& io = ImGui::GetIO();
  const float font = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(std::max(avail.x, 8.0f * font), std::max(avail.y, 4.0f * font));
  canvas_x_ = origin.x;
  canvas_y_ = origin.y;
  canvas_width_ = size.x;
  canvas_height_ = size.y;
  ImGui::InvisibleButton("##timeline_canvas", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  // Read the button's state now: nothing below submits another item.
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const bool activated = ImGui::IsItemActivated();
  const bool deactivated = ImGui::IsItemDeactivated();

  const float width = size.x;
  const float axis_height = 1.7f * ImGui::GetTextLineHeight();
  const float lanes_top = origin.y;
  const float lanes_bottom = origin.y + std::max(size.y - axis_height, 3.0f);
  const float lane_height = (lanes_bottom - lanes_top) / static_cast<float>(kLanes);
  const float radius = std::clamp(0.32f * lane_height, 2.5f, 0.42f * font);
  const auto day_at_x = [&](float x) {
    return axis_.day_at(static_cast<double>(x - origin.x), width);
  };
  const auto x_of_day = [&](double day) {
    return origin.x + static_cast<float>(axis_.x_of(day, width));
  };

  // Moves of the window first, so the marks are placed where this frame shows them.
  if (hovered && io.MouseWheel != 0.0f)
    axis_.zoom_at(day_at_x(io.MousePos.x),
                  static_cast<double>(std::pow(kZoomPerWheelNotch, io.MouseWheel)));
  if (hovered && io.MouseWheelH != 0.0f)
    axis_.pan(-static_cast<double>(io.MouseWheelH) * kPanPerWheelNotch * axis_.span());
  if (activated) {
    press_right_ = ImGui::IsMouseClicked(ImGuiMouseButton_Right);
    press_shift_ = io.KeyShift;
    press_on_mark_ = hover_group_ >= 0 && static_cast<size_t>(hover_group_) < groups_.size();
    if (press_on_mark_) press_group_ = groups_[static_cast<size_t>(hover_group_)];
    drag_ = Drag::None;
  }
  if (active && drag_ == Drag::None) {
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, kDragThresholdPx) ||
        (press_shift_ && ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragThresholdPx))) {
      drag_ = Drag::Pan;
    } else if (!press_right_ && ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragThresholdPx)) {
      drag_ = Drag::Range;
      drag_anchor_ = std::clamp(day_at_x(io.MouseClickedPos[ImGuiMouseButton_Left].x), axis_.first,
                                axis_.last);
    }
  }
  if (active && drag_ == Drag::Pan)
    axis_.pan(-static_cast<double>(io.MouseDelta.x) / static_cast<double>(width) * axis_.span());
  if (drag_ == Drag::Range)
    drag_current_ = std::clamp(day_at_x(io.MousePos.x), axis_.first, axis_.last);

  collect_groups(origin.x, width, lanes_top, lane_height, radius);
  hover_group_ = -1;
  if (hovered && drag_ == Drag::None) {
    float best = radius + kPickSlopPx;
    for (size_t g = 0; g < groups_.size(); ++g) {
      const Group& group = groups_[g];
      const float dx = std::abs(group.x - io.MousePos.x);
      if (dx < best && std::abs(group.y - io.MousePos.y) <= 0.5f * lane_height) {
        best = dx;
        hover_group_ = static_cast<int32_t>(g);
      }
    }
  }

  if (deactivated) {
    if (drag_ == Drag::Range) {
      // Whole days, inclusive: a drag ending exactly at midnight does not take the next day.
      const double lo = std::min(drag_anchor_, drag_current_);
      const double hi = std::max(drag_anchor_, drag_current_);
      const int32_t first = static_cast<int32_t>(std::floor(lo));
      const int32_t last = std::max(first, static_cast<int32_t>(std::ceil(hi)) - 1);
      ctx.view.time_range = time_range_of_days(first, last);
    } else if (drag_ == Drag::None && !press_right_ && press_on_mark_) {
      if (press_group_.end - press_group_.begin == 1) {
        activate(ctx, lanes_[press_group_.lane][press_group_.begin].item);
      } else {
        popup_group_ = press_group_;
        popup_valid_ = true;
        ImGui::OpenPopup("timeline_group");
      }
    }
    drag_ = Drag::None;
    press_on_mark_ = false;
  }
  if (hovered && hover_group_ < 0 && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
    ctx.view.time_range = std::nullopt;

  // The view's range (or the one being dragged) as whole days, for the band and for dimming.
  std::optional<DayRange> band;
  if (drag_ == Drag::Range) {
    const double lo = std::min(drag_anchor_, drag_current_);
    const double hi = std::max(drag_anchor_, drag_current_);
    const int32_t first = static_cast<int32_t>(std::floor(lo));
    band = DayRange{first, std::max(first, static_cast<int32_t>(std::ceil(hi)) - 1)};
    const TimeRange shown = time_range_of_days(band->first, band->last);
    ImGui::SetTooltip("%s \xE2\x80\x93 %s", shown.first.c_str(), shown.last.c_str());
  } else if (ctx.view.time_range) {
    band = day_range_of(*ctx.view.time_range);
  }
  // A plain value and a flag, not std::optional: GCC 12 warns (wrongly) that an optional's
  // value may be read uninitialised here.
  const bool has_band = band.has_value();
  const DateInterval band_dates =
      has_band ? DateInterval{day_number_of(band->first), day_number_of(band->last)}
               : DateInterval{};

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 end(origin.x + size.x, origin.y + size.y);
  draw->PushClipRect(origin, end, true);
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 faint_color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 grid_color = ImGui::GetColorU32(ImGuiCol_Border, 0.45f);
  // Lanes: the middle one shaded so three rows read as rows; names in the left corner.
  draw->AddRectFilled(ImVec2(origin.x, lanes_top + lane_height),
                      ImVec2(end.x, lanes_top + 2.0f * lane_height),
                      ImGui::GetColorU32(ImGuiCol_FrameBg, 0.5f));
  for (size_t k = 0; k < kLanes; ++k)
    draw->AddText(ImVec2(origin.x + 0.3f * font, lanes_top + static_cast<float>(k) * lane_height),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.6f), kLaneNames[k]);

  // Ticks: as many as fit a label of the widest kind ("Sep 2025") with some air.
  const float label_width = ImGui::CalcTextSize("Sep 2025").x + 1.5f * font;
  const AxisTicks ticks = axis_ticks(axis_, std::max(1, static_cast<int>(width / label_width)));
  draw->AddLine(ImVec2(origin.x, lanes_bottom), ImVec2(end.x, lanes_bottom), faint_color);
  for (const AxisTick& tick : ticks.ticks) {
    const float x = x_of_day(tick.day);
    draw->AddLine(ImVec2(x, lanes_top), ImVec2(x, lanes_bottom), grid_color);
    draw->AddLine(ImVec2(x, lanes_bottom), ImVec2(x, lanes_bottom + 0.3f * font), faint_color);
    const float w = ImGui::CalcTextSize(tick.label.c_str()).x;
    const float lx = std::clamp(x - 0.5f * w, origin.x, end.x - w);
    draw->AddText(ImVec2(lx, lanes_bottom + 0.3f * font), faint_color, tick.label.c_str());
  }

  if (band) {
    const float x0 = std::max(origin.x - 1.0f, x_of_day(band->first));
    const float x1 = std::min(end.x + 1.0f, x_of_day(static_cast<double>(band->last) + 1.0));
    draw->AddRectFilled(ImVec2(x0, lanes_top), ImVec2(x1, lanes_bottom),
                        ImGui::GetColorU32(ImGuiCol_TextSelectedBg, 0.6f));
    const ImU32 edge = ImGui::GetColorU32(ImGuiCol_NavHighlight);
    draw->AddLine(ImVec2(x0, lanes_top), ImVec2(x0, lanes_bottom), edge);
    draw->AddLine(ImVec2(x1, lanes_top), ImVec2(x1, lanes_bottom), edge);
  }

  shown_.clear();
  std::array<size_t, kLanes> shown_in_lane{};
  for (size_t g = 0; g < groups_.size(); ++g) {
    const Group& group = groups_[g];
    const TimelineItem& item = items_[lanes_[group.lane][group.begin].item];
    const bool in_band = !has_band || item.date.overlaps(band_dates);
    const uint8_t alpha = in_band ? 255 : 70;
    const ImVec2 c(group.x, group.y);
    // An item dated to a month or a year: a faint bar across its interval behind the mark.
    const DayRange days = day_range_of(item.date);
    if (days.last > days.first) {
      const float x0 = x_of_day(days.first);
      const float x1 = x_of_day(static_cast<double>(days.last) + 1.0);
      if (x1 - x0 > 2.0f * radius)
        draw->AddRectFilled(ImVec2(x0, c.y - 0.22f * radius), ImVec2(x1, c.y + 0.22f * radius),
                            item_color(story, item, static_cast<uint8_t>(alpha / 4)),
                            0.22f * radius);
    }
    // Several items at one spot: a second mark peeks out behind the first.
    if (group.end - group.begin > 1)
      fill_mark(draw, group.lane, ImVec2(c.x + 0.35f * radius, c.y - 0.35f * radius), radius,
                item_color(story, item, static_cast<uint8_t>(alpha / 2)));
    fill_mark(draw, group.lane, c, radius, item_color(story, item, alpha));
    if (static_cast<int32_t>(g) == hover_group_)
      outline_mark(draw, group.lane, c, radius + 2.0f, text_color, 1.5f);
    if (shown_in_lane[group.lane] < kShownPerLane) {
      ++shown_in_lane[group.lane];
      ShownMark mark;
      mark.kind = kKindNames[static_cast<size_t>(item.kind)];
      mark.index = item.index;
      switch (item.kind) {
        case TimelineItem::Kind::Event: {
          const int subject = story.analysis.events[item.index].subject;
          if (subject >= 0) mark.id = story.analysis.entities[static_cast<size_t>(subject)].id;
          break;
        }
        case TimelineItem::Kind::Quote: mark.id = story.analysis.quotes[item.index].id; break;
        case TimelineItem::Kind::Document:
          mark.id = story.corpus.documents[item.index].meta.id;
          break;
      }
      mark.count = group.end - group.begin;
      mark.x = c.x;
      mark.y = c.y;
      shown_.push_back(std::move(mark));
    }
  }
  // Rings around what the selection names, wherever it falls in a group.
  for (uint32_t index : selected_items_) {
    const TimelineItem& item = items_[index];
    const double center = center_of(item.date);
    if (center < axis_.first || center > axis_.last) continue;
    const size_t lane = lane_of(item.kind);
    const ImVec2 c(x_of_day(center), lanes_top + (static_cast<float>(lane) + 0.5f) * lane_height);
    outline_mark(draw, lane, c, radius + 3.0f, ImGui::GetColorU32(ImGuiCol_NavHighlight), 2.0f);
  }
  draw->PopClipRect();

  if (hover_group_ >= 0) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (!active) draw_tooltip(ctx, groups_[static_cast<size_t>(hover_group_)]);
  }
}

void TimelinePanel::draw(PanelContext& ctx) {
  if (!built_ || built_for_ != ctx.story_version) {
    rebuild(ctx.story);
    built_ = true;
    built_for_ = ctx.story_version;
  }
  if (items_.empty()) {
    shown_.clear();
    groups_.clear();
    canvas_width_ = canvas_height_ = 0.0f;
    ImGui::TextDisabled("No dated documents, events or quotes in this story to place in time.");
    if (ctx.view.time_range) {
      ImGui::SameLine();
      if (ImGui::Button("Clear range")) ctx.view.time_range = std::nullopt;
    }
  } else {
    update_selected(ctx);
    draw_toolbar(ctx);
    draw_canvas(ctx);
    draw_group_popup(ctx);
  }
  // Shown to tests as JSON, which must be valid UTF-8 whatever a shared link carried.
  range_ = ctx.view.time_range;
  if (range_) range_ = TimeRange{display_text(range_->first), display_text(range_->last)};
}

nlohmann::json TimelinePanel::state_json() const {
  nlohmann::json range = nullptr;
  if (range_) range = {{"first", range_->first}, {"last", range_->last}};
  nlohmann::json marks = nlohmann::json::array();
  for (const ShownMark& mark : shown_)
    marks.push_back({{"kind", mark.kind},
                     {"index", mark.index},
                     {"id", mark.id},
                     {"count", mark.count},
                     {"x", mark.x},
                     {"y", mark.y}});
  const int32_t first = static_cast<int32_t>(std::floor(axis_.first));
  const int32_t last = std::max(first, static_cast<int32_t>(std::ceil(axis_.last)) - 1);
  return {
      {"items", items_.size()},
      {"events", events_},
      {"quotes", quotes_},
      {"documents", documents_},
      {"range", range},
      {"axis", {{"first", iso_of_epoch_day(first)}, {"last", iso_of_epoch_day(last)}}},
      {"marks", marks},
      {"canvas",
       {{"x", canvas_x_}, {"y", canvas_y_}, {"width", canvas_width_}, {"height", canvas_height_}}}};
}

}  // namespace dramatis::ui
