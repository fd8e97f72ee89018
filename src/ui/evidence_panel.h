// The evidence panel: why two entities are connected. For the selected edge, both names, the
// weight and relation kinds, the rules that made it, and every evidence sentence grouped per
// document with both entities' mentions marked and the rules that each sentence carries; a
// click opens the reader there. For a selected entity, its strongest connections to pick from.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ui/panel_context.h"
#include "ui/quotes_panel.h"

namespace dramatis::ui {

class EvidencePanel {
 public:
  // Draws into the current window.
  void draw(PanelContext& ctx);

  // {"edge": id or null, "documents": n, "sentences": n, "rules": [distinct relation types]};
  // with an entity selected also "entity" and "neighbours".
  nlohmann::json state_json() const;

 private:
  enum class Mode : uint8_t { Nothing, Edge, Entity };  // what the last draw showed
  // One evidence sentence: an evidence span widened to its sentence, as shown.
  struct Sentence {
    DocSpan span;                     // the sentence in the original bytes
    DocSpan evidence;                 // its first evidence span (where the reader opens)
    std::string text;                 // display form: valid UTF-8, one line
    std::vector<TextMark> marks;      // into text: evidence spans, then both entities' mentions
    std::vector<uint32_t> relations;  // indices into analysis.relations that carry it
    std::string rules;                // one line naming the rules of `relations`
  };
  struct Row {
    bool header = false;  // a document's title
    uint32_t index = 0;   // header: document index; else index into sentences_
  };
  struct Rule {
    std::string type;  // Relation::type, the rule's name
    std::string text;  // plain words: what the rule says about the two
  };
  struct Neighbour {
    uint32_t node = 0;
    uint32_t edge = 0;
    std::string name;  // safe for display
  };

  void ensure_edge(const PanelContext& ctx);
  void build_edge(const PanelContext& ctx);
  void ensure_neighbours(const PanelContext& ctx);
  void ensure_layout(float width);
  void draw_edge(PanelContext& ctx);
  void draw_entity_link(PanelContext& ctx, uint32_t node);
  void draw_sentences(PanelContext& ctx);
  void draw_sentence_row(PanelContext& ctx, const Sentence& sentence, float width);
  void draw_neighbours(PanelContext& ctx);

  Mode mode_ = Mode::Nothing;

  // Per (story, edge selection id): what the edge shows.
  std::optional<uint64_t> edge_story_;
  std::string edge_id_;      // the selection id it was built for
  bool edge_valid_ = false;  // the id names an edge of the graph
  uint32_t first_ = 0;       // graph nodes, in the id's order
  uint32_t second_ = 0;
  uint32_t edge_ = 0;  // index into graph.edges
  std::vector<Rule> rules_;
  std::vector<std::string> rule_types_;  // distinct relation types, in the order first met
  std::vector<Sentence> sentences_;
  std::vector<Row> rows_;
  std::vector<std::string> titles_;  // per document, safe for display
  size_t documents_ = 0;

  // Per (rows, width, font size): where each row starts, logical pixels from the list's top.
  std::vector<float> offsets_;
  float layout_width_ = -1.0f;
  float layout_font_ = -1.0f;
  bool layout_dirty_ = true;

  // Per (story, entity selection id): its node and neighbours, heaviest edge first.
  std::optional<uint64_t> entity_story_;
  std::string entity_id_;
  int32_t entity_node_ = -1;
  std::vector<Neighbour> neighbours_;
};

}  // namespace dramatis::ui
