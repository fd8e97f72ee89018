#include "ui/entities_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/text/ascii.h"
#include "ui/display_text.h"
#include "ui/palette.h"
#include "ui/widgets.h"

namespace dramatis::ui {
namespace {

constexpr size_t kStateFirstIds = 10;  // ids listed in state_json
constexpr size_t kTooltipAliases = 8;  // aliases listed in a row's tooltip

// A match at `pos` begins a word: the start, or after a byte that is not an ASCII letter or digit
// and not part of a multi-byte character (so "chin" finds "Soumith Chintala" and "(Chintala)").
bool starts_word(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const auto c = static_cast<unsigned char>(text[pos - 1]);
  const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return !alnum && c < 0x80;
}

// How well a folded query matches an entity: 0 a prefix of its name, 1 a word of its name or a
// prefix of an alias, 2 anywhere in its name or an alias, -1 no match. Byte-wise on ASCII-folded
// text: UTF-8 is self-synchronising, so a valid query only ever matches whole characters.
int match_rank(std::string_view name, std::string_view aliases, std::string_view query) {
  const size_t at = name.find(query);
  if (at == 0) return 0;
  for (size_t pos = at; pos != std::string_view::npos; pos = name.find(query, pos + 1)) {
    if (starts_word(name, pos)) return 1;
  }
  // `aliases` is "\n" + each alias + "\n": a prefix of an alias follows a '\n'.
  const size_t alias_at = aliases.find(query);
  for (size_t pos = alias_at; pos != std::string_view::npos; pos = aliases.find(query, pos + 1)) {
    if (pos > 0 && aliases[pos - 1] == '\n') return 1;
  }
  if (at != std::string_view::npos || alias_at != std::string_view::npos) return 2;
  return -1;
}

std::string_view sort_name(EntitiesPanel::SortKey key) {
  switch (key) {
    case EntitiesPanel::SortKey::Name: return "name";
    case EntitiesPanel::SortKey::Type: return "type";
    case EntitiesPanel::SortKey::Mentions: return "mentions";
    case EntitiesPanel::SortKey::Degree: return "degree";
    case EntitiesPanel::SortKey::PageRank: return "pagerank";
  }
  return "mentions";
}

}  // namespace

void EntitiesPanel::rebuild_entries(const Story& story) {
  const Analysis& analysis = story.analysis;
  const EntityGraph& graph = story.graph;
  entries_.clear();
  entries_.reserve(analysis.entities.size());
  type_counts_.fill(0);
  for (uint32_t e = 0; e < analysis.entities.size(); ++e) {
    const Entity& entity = analysis.entities[e];
    Entry entry;
    entry.entity = e;
    entry.name = one_line(display_text(entity.name));
    entry.name_lower = text::to_lower_ascii(entity.name);
    entry.aliases_lower.assign(1, '\n');  // not = "\n": GCC 12 -Wrestrict false positive
    for (const std::string& alias : entity.aliases) {
      entry.aliases_lower += text::to_lower_ascii(alias);
      entry.aliases_lower += '\n';
    }
    entry.type = entity.type;
    entry.mentions = static_cast<uint32_t>(entity.mentions.size());
    const int32_t node = e < graph.node_of_entity.size() ? graph.node_of_entity[e] : -1;
    if (node >= 0 && static_cast<size_t>(node) + 1 < graph.adjacency_offsets.size()) {
      const auto v = static_cast<uint32_t>(node);
      entry.degree = graph.adjacency_offsets[v + 1] - graph.adjacency_offsets[v];
      entry.pagerank = v < story.pagerank.size() ? story.pagerank[v] : -1.0;
    }
    ++type_counts_[static_cast<size_t>(entity.type)];
    entries_.push_back(std::move(entry));
  }
  rows_dirty_ = true;
}

void EntitiesPanel::rebuild_rows(const Story& story) {
  std::vector<int> rank(entries_.size(), 0);
  rows_.clear();
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const Entry& entry = entries_[i];
    if (!type_shown_[static_cast<size_t>(entry.type)]) continue;
    if (!rows_query_.empty()) {
      rank[i] = match_rank(entry.name_lower, entry.aliases_lower, rows_query_);
      if (rank[i] < 0) continue;
    }
    rows_.push_back(i);
  }
  // Search rank first (prefix matches on top), then the column, then name and id so equal keys
  // always come out in the same order.
  const auto key_less = [&](const Entry& a, const Entry& b) {
    switch (sort_) {
      case SortKey::Name: return a.name_lower < b.name_lower;
      case SortKey::Type: return to_string(a.type) < to_string(b.type);
      case SortKey::Mentions: return a.mentions < b.mentions;
      case SortKey::Degree: return a.degree < b.degree;
      case SortKey::PageRank: return a.pagerank < b.pagerank;
    }
    return false;
  };
  const std::vector<Entity>& entities = story.analysis.entities;
  std::sort(rows_.begin(), rows_.end(), [&](uint32_t x, uint32_t y) {
    if (rank[x] != rank[y]) return rank[x] < rank[y];
    const Entry& a = entries_[x];
    const Entry& b = entries_[y];
    if (key_less(a, b)) return ascending_;
    if (key_less(b, a)) return !ascending_;
    if (a.name_lower != b.name_lower) return a.name_lower < b.name_lower;
    const std::string& name_a = entities[a.entity].name;
    const std::string& name_b = entities[b.entity].name;
    if (name_a != name_b) return name_a < name_b;
    return entities[a.entity].id < entities[b.entity].id;
  });
  first_ids_.clear();
  for (size_t r = 0; r < rows_.size() && r < kStateFirstIds; ++r)
    first_ids_.push_back(entities[entries_[rows_[r]].entity].id);
  rows_dirty_ = false;
}

void EntitiesPanel::draw_search(PanelContext& ctx) {
  if (focus_search_) {
    // Focus this window first: ImGui 1.90 only lands a focus request in the focused window's
    // focus scope, and the keyboard may be anywhere (the graph, another panel) when `/` is hit.
    ImGui::SetWindowFocus();
    ImGui::SetKeyboardFocusHere();
    focus_search_ = false;
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool enter =
      ImGui::InputTextWithHint("##entity_search", "Search names and aliases  ( / )", query_,
                               sizeof(query_), ImGuiInputTextFlags_EnterReturnsTrue);
  const std::string folded = text::to_lower_ascii(text::trim_space(query_));
  if (folded != rows_query_) {
    rows_query_ = folded;
    rows_dirty_ = true;
    scroll_to_top_ = true;
  }
  if (rows_dirty_) rebuild_rows(ctx.story);
  // Enter jumps to the best match: the first row, which the rank keeps on top.
  if (enter && !rows_query_.empty() && !rows_.empty()) {
    const std::string& id = ctx.story.analysis.entities[entries_[rows_.front()].entity].id;
    ctx.select(kSelectEntity, id);
    seen_selection_ = id;
  }
}

void EntitiesPanel::draw_type_toggles() {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  bool first = true;
  bool any_off = false;
  for (size_t t = 0; t < kTypeCount; ++t) {
    if (type_counts_[t] == 0) continue;
    const auto type = static_cast<EntityType>(t);
    const std::string_view type_name = to_string(type);
    char label[48];
    std::snprintf(label, sizeof(label), "%.*s %u", static_cast<int>(type_name.size()),
                  type_name.data(), type_counts_[t]);
    // Flow layout: a toggle goes on the same line while it fits.
    const float width = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2.0f;
    if (!first && ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right)
      ImGui::SameLine();
    first = false;

    const bool on = type_shown_[t];
    any_off = any_off || !on;
    const Rgba8 color = entity_type_color(type);
    if (on) {
      ImGui::PushStyleColor(ImGuiCol_Button, to_imgui_color(color, 150));
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_imgui_color(color, 200));
      ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_imgui_color(color, 255));
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    } else {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_FrameBg));
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_imgui_color(color, 90));
      ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_imgui_color(color, 140));
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    }
    ImGui::PushID(static_cast<int>(t));
    if (ImGui::Button(label)) {
      if (ImGui::GetIO().KeyCtrl) {
        // Ctrl+click: this type alone.
        type_shown_.fill(false);
        type_shown_[t] = true;
      } else {
        type_shown_[t] = !on;
      }
      rows_dirty_ = true;
    }
    ImGui::PopID();
    ImGui::PopStyleColor(4);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
      ImGui::SetTooltip(
          "%s %.*s in this list (the graph has its own filter).\nCtrl+click: only "
          "this type.",
          on ? "Hide" : "Show", static_cast<int>(type_name.size()), type_name.data());
    }
  }
  if (any_off) {
    const float width = ImGui::CalcTextSize("All").x + style.FramePadding.x * 2.0f;
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
    if (ImGui::Button("All")) {
      type_shown_.fill(true);
      rows_dirty_ = true;
    }
  }
}

void EntitiesPanel::draw_row(PanelContext& ctx, const Entry& entry, bool selected,
                             bool scroll_here) {
  const Entity& entity = ctx.story.analysis.entities[entry.entity];
  const bool hidden = ctx.edits.hidden.count(entity.id) != 0;
  const Rgba8 color = entity_type_color(entry.type);

  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  const ImVec2 cell = ImGui::GetCursorScreenPos();
  const float cell_right = cell.x + ImGui::GetContentRegionAvail().x;
  // The label is drawn by hand below: names come from documents and may hold "##", which a
  // Selectable label would take for an id.
  if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns)) {
    ctx.select(kSelectEntity, entity.id);
    seen_selection_ = entity.id;
  }
  if (scroll_here) ImGui::SetScrollHereY(0.5f);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal) && ImGui::BeginTooltip()) {
    ImGui::TextUnformatted(entry.name.c_str());
    ImGui::TextDisabled("%s%s", entity.id.c_str(), hidden ? " \xC2\xB7 hidden from the graph" : "");
    for (size_t a = 0; a < entity.aliases.size() && a < kTooltipAliases; ++a)
      ImGui::BulletText("%s", one_line(display_text(entity.aliases[a])).c_str());
    if (entity.aliases.size() > kTooltipAliases)
      ImGui::TextDisabled("and %zu more names", entity.aliases.size() - kTooltipAliases);
    ImGui::EndTooltip();
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const float swatch = std::floor(line * 0.55f);
  const ImVec2 swatch_min(cell.x, cell.y + std::floor((line - swatch) * 0.5f));
  draw->AddRectFilled(swatch_min, ImVec2(swatch_min.x + swatch, swatch_min.y + swatch),
                      to_imgui_color(color, hidden ? 90 : 255), swatch * 0.25f);
  const float text_x = cell.x + swatch + ImGui::GetStyle().ItemInnerSpacing.x;
  const ImU32 text_color = ImGui::GetColorU32(hidden ? ImGuiCol_TextDisabled : ImGuiCol_Text);
  const std::string label = hidden ? entry.name + " (hidden)" : entry.name;
  const ImVec4 clip(text_x, cell.y, cell_right, cell.y + line);
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(text_x, cell.y), text_color,
                label.data(), label.data() + label.size(), 0.0f, &clip);

  if (hidden) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
  ImGui::TableNextColumn();
  const std::string_view type_name = to_string(entry.type);
  ImVec4 type_color = to_vec4(color);
  if (hidden) type_color.w = 0.45f;  // dimmed like the rest of the row
  ImGui::TextColored(type_color, "%.*s", static_cast<int>(type_name.size()), type_name.data());
  ImGui::TableNextColumn();
  ImGui::Text("%u", entry.mentions);
  ImGui::TableNextColumn();
  ImGui::Text("%u", entry.degree);
  ImGui::TableNextColumn();
  if (entry.pagerank < 0.0) {
    ImGui::TextDisabled("\xE2\x80\x94");
  } else {
    ImGui::Text("%.4f", entry.pagerank);
  }
  if (hidden) ImGui::PopStyleColor();
}

void EntitiesPanel::draw_table(PanelContext& ctx) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("entities", 5, flags, ImVec2(0.0f, 0.0f))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  const auto id = [](SortKey key) { return static_cast<ImGuiID>(key); };
  const ImGuiTableColumnFlags numeric = ImGuiTableColumnFlags_PreferSortDescending;
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 4.0f, id(SortKey::Name));
  ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthStretch, 1.6f, id(SortKey::Type));
  ImGui::TableSetupColumn(
      "Mentions", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort | numeric,
      1.2f, id(SortKey::Mentions));
  ImGui::TableSetupColumn("Degree", ImGuiTableColumnFlags_WidthStretch | numeric, 1.1f,
                          id(SortKey::Degree));
  ImGui::TableSetupColumn("PageRank", ImGuiTableColumnFlags_WidthStretch | numeric, 1.3f,
                          id(SortKey::PageRank));
  ImGui::TableHeadersRow();

  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      sort_ = static_cast<SortKey>(specs->Specs[0].ColumnUserID);
      ascending_ = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
    rows_dirty_ = true;
  }
  if (rows_dirty_) rebuild_rows(ctx.story);
  if (scroll_to_top_) {
    ImGui::SetScrollY(0.0f);
    scroll_to_top_ = false;
  }

  // A selection made elsewhere (the graph, the inspector) is scrolled into view once.
  const Selection& selection = ctx.view.selection;
  const bool entity_selected = selection.kind == kSelectEntity;
  int scroll_row = -1;
  if (!entity_selected) {
    seen_selection_.clear();
  } else if (selection.id != seen_selection_) {
    seen_selection_ = selection.id;
    for (size_t r = 0; r < rows_.size(); ++r) {
      if (ctx.story.analysis.entities[entries_[rows_[r]].entity].id == selection.id) {
        scroll_row = static_cast<int>(r);
        break;
      }
    }
  }

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows_.size()));
  if (scroll_row >= 0) clipper.IncludeItemByIndex(scroll_row);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const Entry& entry = entries_[rows_[static_cast<size_t>(r)]];
      const std::string& entity_id = ctx.story.analysis.entities[entry.entity].id;
      ImGui::PushID(static_cast<int>(entry.entity));
      draw_row(ctx, entry, entity_selected && selection.id == entity_id, r == scroll_row);
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

void EntitiesPanel::draw(PanelContext& ctx) {
  if (entries_version_ != ctx.story_version) {
    rebuild_entries(ctx.story);
    entries_version_ = ctx.story_version;
    // Ids may now name other rows: let the selection scroll into view again.
    seen_selection_.clear();
  }
  if (entries_.empty()) {
    ImGui::TextDisabled("%s",
                        ctx.story.graph.node_count() > 0
                            ? "This graph has no text behind it, so there are no entities to list."
                            : "No entities yet: open documents that name people, organisations "
                              "or places.");
    return;
  }
  draw_search(ctx);
  draw_type_toggles();
  if (rows_dirty_) rebuild_rows(ctx.story);
  ImGui::TextDisabled("%zu of %zu entities", rows_.size(), entries_.size());
  if (rows_.empty()) {
    if (!rows_query_.empty()) {
      ImGui::TextDisabled("No entity of the types shown has a name or alias containing \"%s\".",
                          query_);
    } else {
      ImGui::TextDisabled("Every type is switched off: click a type above to list it.");
    }
    return;
  }
  draw_table(ctx);
}

nlohmann::json EntitiesPanel::state_json() const {
  nlohmann::json types = nlohmann::json::object();
  for (size_t t = 0; t < kTypeCount; ++t) {
    if (type_counts_[t] > 0)
      types[std::string(to_string(static_cast<EntityType>(t)))] = type_counts_[t];
  }
  nlohmann::json first = nlohmann::json::array();
  for (const std::string& id : first_ids_) first.push_back(id);
  return {{"query", std::string(text::trim_space(query_))},
          {"rows", rows_.size()},
          {"first", std::move(first)},
          {"sort", std::string(sort_name(sort_))},
          {"types", std::move(types)}};
}

}  // namespace dramatis::ui
