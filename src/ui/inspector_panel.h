// The inspector: everything known about the selection. An entity: its names and the merges that
// made them (each with its evidence), the user's actions on it (rename, merge, split, hide,
// note), its mentions in context, its documents, the quotes by and about it and its graph
// neighbours. A quote, a document or an edge: its facts and links to what it touches. Derived
// lists are cached per story version and selection, so a frame only draws what is in view.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/view/selection.h"
#include "ui/panel_context.h"

namespace dramatis::ui {

class InspectorPanel {
 public:
  void draw(PanelContext& ctx);

  // {"kind", "id", "name", "aliases", "merges", "mentions", "quotes_by", "quotes_about",
  //  "neighbors", "first_neighbor": entity id or null}; counts are 0 for anything but an entity.
  nlohmann::json state_json() const;

 private:
  // One line of the aliases section: an alias (splittable when merge records made it), or, with
  // `merge` >= 0, one of its merge records (Entity::merges index).
  struct AliasRow {
    std::string alias;
    int32_t merge = -1;
    bool splittable = false;
  };
  // One line of the mentions section: the heading of document `doc`, or (mention >= 0) one
  // mention (Entity::mentions index).
  struct MentionRow {
    uint32_t doc = 0;
    int32_t mention = -1;
  };
  // A document or entity index and how many times it occurs.
  struct Count {
    uint32_t index = 0;
    uint32_t count = 0;
  };
  struct NeighborRow {
    uint32_t node = 0;
    uint32_t edge = 0;
    std::string id;       // the neighbour's entity id
    std::string edge_id;  // "eA~eB", ends in the edge's (a, b) order
    std::string kinds;    // the edge's relation kinds, comma-separated
  };

  // What the selection resolves to and its derived lists; rebuilt when the story version or the
  // selection changes. -1: not in this story.
  struct Cache {
    std::optional<uint64_t> version;
    Selection selection;
    int32_t entity = -1;
    int32_t node = -1;
    int32_t quote = -1;
    int32_t document = -1;
    int32_t edge = -1;
    std::string name;  // display-safe: the entity's name, the document's title, ...
    // Entity.
    size_t alias_count = 0;  // Entity::aliases
    size_t merge_count = 0;  // Entity::merges
    size_t mention_count = 0;
    std::vector<AliasRow> alias_rows;
    std::vector<MentionRow> mention_rows;
    std::vector<Count> documents;  // by mentions, most first
    std::vector<uint32_t> quotes_by;
    std::vector<uint32_t> quotes_about;
    std::vector<NeighborRow> neighbors;  // by edge weight, heaviest first
    // Quote: the other quotes of its cluster.
    std::vector<uint32_t> cluster;
    // Document: the entities it mentions (most mentioned first) and its quotes.
    std::vector<Count> entities;
    std::vector<uint32_t> doc_quotes;
  };

  void rebuild(const Story& story, uint64_t version, const Selection& selection);
  void build_entity(const Story& story);
  void build_quote(const Story& story);
  void build_document(const Story& story);
  void build_edge(const Story& story);
  int32_t entity_index(const Story& story, uint64_t version, std::string_view id);

  void draw_entity(PanelContext& ctx);
  void draw_aliases(PanelContext& ctx, const Entity& entity);
  void load_actions(PanelContext& ctx, const Entity& entity);
  void draw_actions(PanelContext& ctx, const Entity& entity);
  static std::string saved_note(const UserEdits& edits, const std::string& entity);
  void draw_merge_popup(PanelContext& ctx, const Entity& entity);
  void draw_mentions(PanelContext& ctx, const Entity& entity);
  void draw_documents(PanelContext& ctx);
  void draw_entity_quotes(PanelContext& ctx, const std::vector<uint32_t>& quotes, bool by);
  void draw_neighbors(PanelContext& ctx);
  void draw_quote(PanelContext& ctx);
  void draw_document(PanelContext& ctx);
  void draw_edge(PanelContext& ctx);

  Cache cache_;

  // Entity id -> index into Analysis::entities, for the story version it was built for.
  std::unordered_map<std::string, uint32_t> entity_index_;
  std::optional<uint64_t> entity_index_version_;

  // The action inputs, reloaded when the entity or the story changes (the note also when the
  // saved note changes while it is not being edited).
  std::string actions_entity_;  // entity id the inputs were loaded for
  std::optional<uint64_t> actions_version_;
  char rename_[256] = {};
  std::string note_;
  std::string note_loaded_;  // the note note_ was filled from
  bool note_active_ = false;

  // The "Merge with..." popup's list: other entities matching its search.
  char merge_query_[128] = {};
  std::vector<uint32_t> merge_rows_;
  std::string merge_rows_query_;
  std::optional<uint64_t> merge_rows_version_;
  int32_t merge_rows_entity_ = -1;
};

}  // namespace dramatis::ui
