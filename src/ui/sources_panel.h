// The sources panel: one sortable row per document (title, outlet, date, entities mentioned,
// quotes and who is quoted, expandable to every speaker) and, below, the conflicts the analysis
// found between documents, each claim with its document and sentence, one click from the reader.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/nlp/analysis.h"
#include "ui/panel_context.h"

namespace dramatis::ui {

class SourcesPanel {
 public:
  void draw(PanelContext& ctx);
  nlohmann::json state_json() const;

 private:
  struct Speaker {
    int entity = -1;  // index into analysis.entities; -1: quotes nobody was found to say
    uint32_t quotes = 0;
    std::string id;           // entity id; empty for the unattributed
    std::string name;         // display-safe
    bool selectable = false;  // the entity has a graph node
  };
  // What a document's row shows, computed once per story (display-safe strings).
  struct DocumentRow {
    std::string id, title, outlet, date;
    uint32_t entities = 0;  // distinct entities mentioned, dates not counted
    uint32_t quotes = 0;
    uint32_t attributed_speakers = 0;
    std::vector<Speaker> speakers;  // by quotes (most first), the unattributed last
    std::string quoted;             // the top speakers: "Soumith Chintala (4), Meta (1)"
  };
  struct ClaimView {
    std::string value, document, sentence;  // display-safe
    DocSpan span;
  };
  struct ConflictView {
    std::string about;
    std::vector<ClaimView> claims;
  };
  // A line of the table: a document, or one of its speakers when the document is expanded.
  struct TableLine {
    uint32_t doc = 0;
    int32_t speaker = -1;  // index into DocumentRow::speakers; -1: the document's own line
  };

  void rebuild(const Story& story);
  void sort_documents();
  void flatten();
  void draw_table(PanelContext& ctx, float height);
  void draw_document_line(PanelContext& ctx, uint32_t doc);
  void draw_speaker_line(PanelContext& ctx, uint32_t doc, const Speaker& speaker);
  void draw_conflicts(PanelContext& ctx);
  void draw_claim(PanelContext& ctx, size_t conflict, size_t claim);

  uint64_t built_for_ = 0;
  bool built_ = false;
  std::vector<DocumentRow> docs_;
  std::vector<uint32_t> order_;    // document indices in display order
  std::vector<uint8_t> expanded_;  // per document
  std::vector<TableLine> lines_;   // order_ with expanded speakers, what the clipper walks
  bool lines_dirty_ = true;
  int sort_column_ = -1;  // -1: corpus order
  bool sort_ascending_ = true;

  std::vector<ConflictView> conflicts_;
  // Conflicts differ in height (wrapped sentences): each one's height from when it was last
  // drawn, and their running sum, so only the visible ones are drawn.
  std::vector<float> conflict_heights_;  // pixels
  std::vector<float> conflict_tops_;     // pixels from the list's top; one more than conflicts_
  bool tops_dirty_ = true;
  float conflicts_width_ = 0.0f;
};

}  // namespace dramatis::ui
