// The entities panel: every entity of the analysis in one sortable, clipped table (name, type,
// mentions, graph degree, PageRank), narrowed as you type by a search over names and aliases and
// by one toggle per entity type (this list's own filter, not the graph's). Clicking a row, or
// Enter in the search box, selects the entity everywhere.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/nlp/analysis.h"
#include "ui/panel_context.h"

namespace dramatis::ui {

class EntitiesPanel {
 public:
  void draw(PanelContext& ctx);

  // Puts the keyboard in the search box on the next frame (the App's `/` key).
  void focus_search() { focus_search_ = true; }

  // {"query", "rows", "first": up to 10 ids in display order, "sort", "types": {type: count}}.
  nlohmann::json state_json() const;

  // What the table can be sorted by; also the column user ids.
  enum class SortKey : uint8_t { Name, Type, Mentions, Degree, PageRank };

 private:
  static constexpr size_t kTypeCount = static_cast<size_t>(EntityType::Quantity) + 1;

  // One entity as the table shows and searches it, built once per story.
  struct Entry {
    uint32_t entity = 0;        // index into Analysis::entities
    std::string name;           // display-safe (valid UTF-8, one line)
    std::string name_lower;     // ASCII-folded, for search and the name order
    std::string aliases_lower;  // every alias ASCII-folded, each followed by '\n'
    EntityType type = EntityType::Person;
    uint32_t mentions = 0;
    uint32_t degree = 0;     // graph neighbours; 0 without a node
    double pagerank = -1.0;  // -1 without a node
  };

  void rebuild_entries(const Story& story);
  void rebuild_rows(const Story& story);
  void draw_search(PanelContext& ctx);
  void draw_type_toggles();
  void draw_table(PanelContext& ctx);
  void draw_row(PanelContext& ctx, const Entry& entry, bool selected, bool scroll_here);

  std::optional<uint64_t> entries_version_;  // story_version the entries were built for
  std::vector<Entry> entries_;
  std::array<uint32_t, kTypeCount> type_counts_{};  // entities per type, whole analysis
  std::array<bool, kTypeCount> type_shown_ = [] {
    std::array<bool, kTypeCount> all{};
    all.fill(true);
    return all;
  }();

  char query_[256] = {};
  bool focus_search_ = false;

  // The rows, rebuilt only when the story, the query, the type toggles or the sort change.
  std::vector<uint32_t> rows_;          // indices into entries_, in display order
  std::vector<std::string> first_ids_;  // entity ids of the first rows, for state_json
  bool rows_dirty_ = true;
  std::string rows_query_;  // trimmed and ASCII-folded
  SortKey sort_ = SortKey::Mentions;
  bool ascending_ = false;
  bool scroll_to_top_ = false;

  // The entity id last selected here or scrolled to: a selection made elsewhere that differs is
  // scrolled into view once. Empty while the selection is not an entity.
  std::string seen_selection_;
};

}  // namespace dramatis::ui
