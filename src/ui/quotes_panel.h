// The quotes panel: every quote of the story with its speaker, source, kind and confidence,
// grouped by speaker, by statement (one statement across documents shown side by side, the
// wording that differs marked) or in document order, and narrowed by the view's quote filters,
// time range and document filter. Clicking a quote selects it and opens the reader at it.
// Also holds the marked-text drawing (wrapped text with highlighted byte ranges) that the
// evidence panel shares.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text/word_diff.h"
#include "core/view/view_state.h"
#include "ui/panel_context.h"

namespace dramatis::ui {

// ---- Marked text ------------------------------------------------------------------------------

// A highlighted range of a text drawn by draw_marked_text: bytes into that text, on UTF-8
// sequence boundaries; `color` is an ImU32 (to_imgui_color).
struct TextMark {
  size_t start = 0;  // bytes
  size_t end = 0;    // bytes, exclusive
  uint32_t color = 0;
};

// How many lines `text` (valid UTF-8, no newlines) takes wrapped at `width` pixels in the current
// font, at most `max_lines`.
int wrapped_line_count(std::string_view text, float width, int max_lines);

// Draws `text` (valid UTF-8, no newlines) wrapped at `width` pixels from the screen position
// (x, y) into the current window's draw list, at most `max_lines` lines (the last one ends in
// an ellipsis when text remains), with a rounded background behind each mark. Returns the lines
// drawn. Draws only: no ImGui item is submitted.
int draw_marked_text(float x, float y, float width, int max_lines, std::string_view text,
                     std::span<const TextMark> marks, uint32_t text_color);

// ---- The panel --------------------------------------------------------------------------------

enum class QuoteGrouping : uint8_t { Speaker, Statement, None };
std::string_view to_string(QuoteGrouping grouping);  // "speaker" | "statement" | "none"

class QuotesPanel {
 public:
  // Draws the toolbar (grouping, filters, counts) and the list into the current window.
  void draw(PanelContext& ctx);

  // Moves the selection `delta` quotes along the current display order (quotes in collapsed
  // groups are skipped; from no quote, forward starts at the first and backward at the last) and
  // opens the reader there. For the arrow keys while a quote is selected.
  void step(PanelContext& ctx, int delta);

  // {"group_by", "shown", "total", "first": [up to 10 quote ids in display order],
  //  "clusters_side_by_side", "filters": {"speaker", "document", "kind", "min_confidence"}}.
  nlohmann::json state_json() const;

  QuoteGrouping grouping() const { return grouping_; }
  void set_grouping(QuoteGrouping grouping) { grouping_ = grouping; }

 private:
  enum class RowKind : uint8_t {
    SpeakerHeader,  // index: into groups_
    Label,          // index: into labels_
    Quote,          // index: into analysis.quotes
    Cluster,        // index: into clusters_ (one statement, side by side)
  };
  struct Row {
    RowKind kind = RowKind::Quote;
    uint32_t index = 0;
  };
  struct SpeakerGroup {
    std::string key;    // the speaker's entity id; empty: unknown speaker
    std::string label;  // "Name (12)##key", for the collapsing header
    bool unknown = false;
  };
  struct Column {
    uint32_t quote = 0;
    std::vector<text::ByteRange> marks;  // into texts_[quote]: wording not shared
  };
  struct ClusterView {
    std::vector<Column> columns;  // one per document, in document order; [0] is the reference
    bool exact = true;            // false: some version was too long to align word by word
  };
  struct Speaker {
    int entity = -1;
    uint32_t quotes = 0;
  };

  void ensure_story(const PanelContext& ctx);
  void ensure_rows(const PanelContext& ctx);
  void build_rows(const PanelContext& ctx);
  void build_speaker_rows(const PanelContext& ctx, const std::vector<uint32_t>& kept);
  void build_statement_rows(const PanelContext& ctx, const std::vector<uint32_t>& kept);
  void add_quote_row(uint32_t quote);
  void ensure_layout(float width);
  float row_height(const Row& row, float width) const;

  void draw_toolbar(PanelContext& ctx);
  void draw_list(PanelContext& ctx);
  void draw_speaker_header(const Row& row);
  void draw_label(const Row& row, float width);
  void draw_quote_row(PanelContext& ctx, uint32_t quote, float width);
  void draw_cluster_row(PanelContext& ctx, const ClusterView& cluster, float width);
  void draw_meta_line(const PanelContext& ctx, uint32_t quote, float x, float y, float width,
                      bool with_title);
  void quote_tooltip(const PanelContext& ctx, uint32_t quote) const;
  void choose(PanelContext& ctx, uint32_t quote);
  int32_t selected_quote(const PanelContext& ctx);  // index of the selected quote, or -1

  QuoteGrouping grouping_ = QuoteGrouping::Speaker;
  std::set<std::string> collapsed_;  // speaker keys (SpeakerGroup::key) folded by the user

  // Per story (story_version): each quote's text as shown (valid UTF-8, whitespace runs as one
  // space), the speakers and documents offered by the filters, safe titles and names.
  std::optional<uint64_t> story_for_;
  std::vector<std::string> quote_ids_;                    // per quote, for state_json
  std::vector<std::string> texts_;                        // per quote
  std::vector<std::string> cues_;                         // per quote, safe for display
  std::vector<std::string> names_;                        // per entity, safe for display
  std::vector<std::string> titles_;                       // per document, safe for display
  std::unordered_map<std::string, size_t> entity_of_id_;  // entity id -> index
  std::unordered_map<std::string, size_t> doc_of_id_;     // document id -> index
  std::vector<Speaker> speakers_;                         // known speakers, most quotes first
  std::vector<uint32_t> quote_docs_;    // documents holding quotes, in corpus order
  std::vector<uint32_t> doc_quotes_;    // per document: its number of quotes
  std::vector<uint32_t> cluster_docs_;  // per quote: documents its statement (cluster) is in

  // Per (story, filters, time range, document filter, grouping, folded groups): the rows.
  std::optional<uint64_t> rows_for_;
  QuoteFilters rows_filters_;
  std::optional<TimeRange> rows_time_;
  std::optional<std::vector<std::string>> rows_documents_;
  QuoteGrouping rows_grouping_ = QuoteGrouping::Speaker;
  bool rows_dirty_ = true;
  std::vector<Row> rows_;
  std::vector<SpeakerGroup> groups_;
  std::vector<std::string> labels_;
  std::vector<ClusterView> clusters_;
  std::vector<uint32_t> order_;          // displayed quotes in display order
  std::vector<int32_t> row_of_quote_;    // per quote: its row, or -1 when not displayed
  std::vector<int32_t> order_of_quote_;  // per quote: its place in order_, or -1
  std::vector<int32_t> group_of_quote_;  // per quote: its speaker group when filtered in, or -1
  size_t shown_ = 0;                     // quotes that pass the filters (folded ones included)
  size_t view_hidden_ = 0;   // quotes the quote filters keep but the time range or documents drop
  size_t side_by_side_ = 0;  // clusters drawn side by side

  // Per (rows, width, font size): where each row starts, logical pixels from the list's top.
  std::vector<float> offsets_;  // rows_.size() + 1 entries
  float layout_width_ = -1.0f;
  float layout_font_ = -1.0f;
  bool layout_dirty_ = true;

  std::optional<uint64_t> selected_story_;  // what selected_index_ was looked up for
  std::string selected_id_;
  int32_t selected_index_ = -1;
  std::string seen_quote_;        // the selected quote id last seen, to notice outside changes
  int32_t scroll_to_quote_ = -1;  // quote to bring into view on the next list draw
};

}  // namespace dramatis::ui
