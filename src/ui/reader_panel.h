// The reader: one document's metadata and text, wrapped to the panel (and to a readable line
// length) with smooth scrolling, its mentions tinted by entity type, its quotes barred and
// labelled with their speaker, boilerplate dimmed, and the selected entity's mentions steppable.
// Lines are laid out here (only the visible ones drawn) so highlights sit on the glyphs; invalid
// UTF-8 shows as U+FFFD, with offsets into the original bytes kept through utf8::DisplayText.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/nlp/analysis.h"
#include "core/text/boilerplate.h"
#include "core/text/utf8.h"
#include "core/view/reader_marks.h"
#include "ui/panel_context.h"

struct ImFont;

namespace dramatis::ui {

class ReaderPanel {
 public:
  // Shows ctx.view.reader's document; without one, the selected document, the selected quote's
  // document, or for a selected entity the document on screen if it mentions the entity, else
  // its first mention. A new reader position scrolls there (the line about a third from the top)
  // and flashes it. Clicking a mention selects its entity, clicking a quote selects the quote.
  void draw(PanelContext& ctx);
  bool is_animating() const { return animating_; }

  // Opens the reader on the next (delta > 0) or previous mention of the selected entity, across
  // documents in corpus order, wrapping around. Calls no ImGui function (the App's arrow keys).
  void step_mention(PanelContext& ctx, int delta);

  // {"document": id or null, "offset": bytes (the target position, or the top line's start after
  // the user scrolled), "marks": {"mentions", "quotes", "boilerplate"}, "selected_mentions": the
  // selected entity's mentions in this document, "current_mention": the index into that entity's
  // mentions (corpus order) of the one the reader is at, or null}.
  nlohmann::json state_json() const;

 private:
  // What the reader shows: a document index (-1: none) and the byte offset to show.
  struct Position {
    int32_t doc = -1;
    size_t offset = 0;  // bytes into the original
    friend bool operator==(const Position&, const Position&) = default;
  };
  // One wrapped line of the display text.
  struct Line {
    uint32_t start = 0;  // display bytes
    uint32_t end = 0;    // display bytes, exclusive
    float top = 0.0f;    // pixels from the text's top; a label band, when present, comes first
    bool band = false;   // a speaker label sits above the line
  };
  // A speaker label: drawn in the band above `line`, at the quote's first run `run`.
  struct Label {
    uint32_t line = 0;
    uint32_t run = 0;
  };
  // A piece of one line with one set of marks, in screen pixels.
  struct Segment {
    uint32_t start = 0, end = 0;  // display bytes
    float x0 = 0.0f, x1 = 0.0f;
    int32_t run = -1;  // index into marks_.runs; -1: unmarked text
  };
  struct Style;  // colours and metrics of one frame (reader_panel.cpp)

  Position resolve(const PanelContext& ctx) const;
  void refresh_story(const PanelContext& ctx);
  void open_document(const PanelContext& ctx, int32_t doc);
  void refresh_selection(const PanelContext& ctx);
  void update_layout(ImFont* font, float font_size, float measure, float text_top);
  void relayout(ImFont* font, float font_size, float measure);
  void begin_target(const PanelContext& ctx, const Position& position, bool new_document);
  void pin_reader(PanelContext& ctx);
  void draw_mention_bar(PanelContext& ctx);
  void draw_text(PanelContext& ctx, const Style& style);
  void draw_line(PanelContext& ctx, const Style& style, size_t line);
  void handle_scrolling(const PanelContext& ctx, float text_top);

  // Built per story (story_version_).
  std::optional<uint64_t> story_version_;
  std::vector<std::vector<text::BoilerplateSpan>> boilerplate_;  // per document
  bool boilerplate_ready_ = false;                         // found on the first document opened
  std::unordered_map<std::string, int32_t> entity_index_;  // entity id -> index

  // Built per document.
  bool showing_ = false;  // a document is on screen
  int32_t doc_ = -1;      // index into Corpus::documents
  std::string doc_id_;
  size_t doc_size_ = 0;  // bytes; with the id, tells a reloaded corpus' document from this one
  std::unique_ptr<utf8::DisplayText> display_;
  std::vector<std::pair<uint32_t, uint32_t>> paragraphs_;  // display bytes, without '\n' / '\r'
  ReaderMarks marks_;
  std::vector<std::pair<uint32_t, uint32_t>> run_display_;  // per run: display bytes
  std::vector<std::string> speaker_labels_;                 // per run (quote starts only)

  // Built per document, width and font.
  std::vector<Line> lines_;
  std::vector<Label> labels_;  // sorted by line
  float text_height_ = 0.0f;   // pixels
  ImFont* layout_font_ = nullptr;
  float layout_font_size_ = 0.0f, layout_measure_ = 0.0f;
  uint64_t layout_generation_ = 0, document_generation_ = 0;  // layout matches the document
  std::vector<Segment> segments_;                             // scratch, one line

  // The selected entity (or an edge's two) and quote; mentions in corpus order for stepping.
  int32_t selected_entity_ = -1;
  int32_t selected_other_ = -1;  // an edge's second entity
  int32_t selected_quote_ = -1;
  int32_t mentions_for_ = -2;             // the entity entity_mentions_ holds; -1: none
  std::vector<DocSpan> entity_mentions_;  // sorted by (doc, start)
  std::pair<int32_t, int32_t> mentions_here_for_{-2, -2};  // (entity, document) counted
  size_t mentions_here_ = 0;                               // of those mentions, in doc_
  std::optional<size_t> current_mention_;

  // Where the reader is and where it is going.
  Position seen_;                // the last position asked for; a different one is a new target
  size_t offset_ = 0;            // bytes: the target, or the top line once the user scrolls
  bool user_scrolled_ = false;   // since the target was set
  bool scroll_pending_ = false;  // scroll to target_display_ once the lines are laid out
  bool jump_ = false;            // no animation (a new document, or smooth scrolling off)
  size_t target_display_ = 0;    // display bytes
  float scroll_target_ = 0.0f;   // logical pixels
  float last_scroll_ = -1.0f;    // the scroll this panel left last frame; -1: none yet
  double flash_start_ = -1.0;    // ImGui time, seconds; < 0: no flash
  int32_t flash_run_ = -1;       // the run flashed; -1: the target's whole line
  int32_t flash_quote_ = -1;     // a quote flashed whole (its every run)
  int32_t hovered_run_ = -1;     // this frame
  bool animating_ = false;
};

}  // namespace dramatis::ui
