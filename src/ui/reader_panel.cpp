// Sections: [constants and helpers] [story, selection and document caches] [layout]
// [targets and stepping] [drawing] [scrolling] [state report]
#include "ui/reader_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <tuple>

#include "core/graph/entity_graph.h"
#include "core/view/view_state.h"
#include "ui/display_text.h"
#include "ui/palette.h"

namespace dramatis::ui {

// ---- [SECTION] constants and helpers -----------------------------------------------------------

namespace {

// Fraction of the remaining distance covered per 1/60 s: fast enough to feel direct, slow enough
// to read as motion.
constexpr float kScrollEase = 0.25f;
// Vertical rhythm, in em: a line's height, the space after a paragraph and for a blank line, and
// the band above a line where a quote's speaker label sits.
constexpr float kLineHeight = 1.45f;
constexpr float kParagraphGap = 0.4f;
constexpr float kBlankLine = 0.3f;
constexpr float kLabelBand = 0.95f;
constexpr float kLabelScale = 0.78f;  // speaker labels, relative to the text
// Room left of the text for the quote bars, in em.
constexpr float kGutter = 0.9f;
// How long a target position glows after the reader jumps there, in seconds.
constexpr double kFlashSeconds = 1.6;
// Documents longer than this (display bytes) are laid out again only once a drag has ended.
constexpr size_t kLiveRelayoutBytes = 256 * 1024;
// The target line sits this far down the visible area.
constexpr float kTargetFraction = 1.0f / 3.0f;

int32_t document_index(const Corpus& corpus, std::string_view id) {
  const Document* doc = corpus.find(id);
  if (doc == nullptr) return -1;
  return static_cast<int32_t>(doc - corpus.documents.data());
}

// Dark or light text, whichever reads better on `color`.
ImU32 contrast_text(const Rgba8& color) {
  const int luma = (299 * color[0] + 587 * color[1] + 114 * color[2]) / 1000;
  return luma > 140 ? IM_COL32(20, 20, 24, 255) : IM_COL32(255, 255, 255, 255);
}

void draw_metadata(const Document& doc, bool outside_time_range) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::SetWindowFontScale(1.25f);
  ImGui::TextUnformatted(one_line(display_text(doc.meta.title)).c_str());
  ImGui::SetWindowFontScale(1.0f);
  std::string line;
  if (!doc.meta.source.empty()) line += doc.meta.source;
  if (!doc.meta.date.empty()) line += (line.empty() ? "" : " \xC2\xB7 ") + doc.meta.date;
  line += (line.empty() ? "" : " \xC2\xB7 ") + std::to_string(doc.bytes.size()) + " bytes";
  ImGui::TextDisabled("%s", one_line(display_text(line)).c_str());
  if (!doc.meta.url.empty())
    ImGui::TextDisabled("%s", one_line(display_text(doc.meta.url)).c_str());
  ImGui::TextDisabled("%s", one_line(display_text(doc.path)).c_str());
  if (!doc.invalid_utf8.empty()) {
    ImGui::TextColored(ImVec4(0.90f, 0.70f, 0.25f, 1.0f),
                       "%zu invalid UTF-8 sequence(s), first at byte %zu: shown as \xEF\xBF\xBD",
                       doc.invalid_utf8.size(), doc.invalid_utf8.front().offset);
  }
  if (outside_time_range)
    ImGui::TextDisabled("This document lies outside the selected time range.");
  ImGui::PopTextWrapPos();
  ImGui::Separator();
}

}  // namespace

// Colours and metrics of one frame, shared by every line drawn.
struct ReaderPanel::Style {
  ImFont* font = nullptr;
  float size = 0.0f;     // font size, pixels
  float line_h = 0.0f;   // pixels
  float band_h = 0.0f;   // pixels
  ImVec2 origin;         // screen position of the text's top-left corner
  float measure = 0.0f;  // line length, pixels
  ImU32 text = 0, dim = 0, quote_tint = 0, outline = 0;
  uint8_t soft_alpha = 64;  // mention backgrounds
  ImU32 flash = 0;          // 0: no flash this frame
  int32_t flash_line = -1;  // the line flashed whole (no run under the target)
  bool hover_ok = false;
  ImVec2 mouse;
};

// ---- [SECTION] story, selection and document caches --------------------------------------------

void ReaderPanel::refresh_story(const PanelContext& ctx) {
  if (story_version_ == ctx.story_version) return;
  story_version_ = ctx.story_version;
  entity_index_.clear();
  const std::vector<Entity>& entities = ctx.story.analysis.entities;
  for (size_t e = 0; e < entities.size(); ++e)
    entity_index_.emplace(entities[e].id, static_cast<int32_t>(e));
  boilerplate_.clear();
  boilerplate_ready_ = false;
  mentions_for_ = -2;
  mentions_here_for_ = {-2, -2};
  display_.reset();  // the document's marks come from the analysis: rebuilt on the next draw
}

void ReaderPanel::refresh_selection(const PanelContext& ctx) {
  const Selection& s = ctx.view.selection;
  const auto entity_of = [&](std::string_view id) {
    const auto it = entity_index_.find(std::string(id));
    return it == entity_index_.end() ? -1 : it->second;
  };
  selected_entity_ = selected_other_ = selected_quote_ = -1;
  if (s.kind == kSelectEntity) {
    selected_entity_ = entity_of(s.id);
  } else if (s.kind == kSelectEdge) {
    const size_t tilde = s.id.find('~');
    if (tilde != std::string::npos) {
      selected_entity_ = entity_of(std::string_view(s.id).substr(0, tilde));
      selected_other_ = entity_of(std::string_view(s.id).substr(tilde + 1));
    }
  } else if (s.kind == kSelectQuote) {
    selected_quote_ = ctx.story.quote_index(s.id);
  }

  // Stepping walks the selected entity's mentions in corpus order (an edge has no stepping).
  const int32_t stepped = s.kind == kSelectEntity ? selected_entity_ : -1;
  if (stepped != mentions_for_) {
    mentions_for_ = stepped;
    entity_mentions_.clear();
    if (stepped >= 0) {
      const size_t documents = ctx.story.corpus.documents.size();
      for (const DocSpan& m : ctx.story.analysis.entities[static_cast<size_t>(stepped)].mentions)
        if (m.doc < documents) entity_mentions_.push_back(m);
      std::stable_sort(entity_mentions_.begin(), entity_mentions_.end(),
                       [](const DocSpan& a, const DocSpan& b) {
                         return std::tie(a.doc, a.start) < std::tie(b.doc, b.start);
                       });
    }
  }
}

ReaderPanel::Position ReaderPanel::resolve(const PanelContext& ctx) const {
  const Corpus& corpus = ctx.story.corpus;
  const auto at = [&](int32_t doc, size_t offset) {
    return Position{doc, std::min(offset, corpus.documents[static_cast<size_t>(doc)].bytes.size())};
  };
  if (!ctx.view.reader.document.empty()) {
    const int32_t doc = document_index(corpus, ctx.view.reader.document);
    if (doc >= 0) return at(doc, ctx.view.reader.offset);
  }
  const Selection& s = ctx.view.selection;
  if (s.kind == kSelectDocument) {
    const int32_t doc = document_index(corpus, s.id);
    if (doc >= 0) return at(doc, 0);
  }
  if (s.kind == kSelectQuote && selected_quote_ >= 0) {
    const DocSpan& span = ctx.story.analysis.quotes[static_cast<size_t>(selected_quote_)].span;
    if (span.doc < corpus.documents.size()) return at(static_cast<int32_t>(span.doc), span.start);
  }
  if (s.kind == kSelectEntity && !entity_mentions_.empty()) {
    // The document on screen stays while the entity is mentioned in it; else its first mention.
    if (showing_ && seen_.doc >= 0 && static_cast<size_t>(seen_.doc) < corpus.documents.size()) {
      const auto doc = static_cast<uint32_t>(seen_.doc);
      const auto it = std::partition_point(entity_mentions_.begin(), entity_mentions_.end(),
                                           [&](const DocSpan& m) { return m.doc < doc; });
      if (it != entity_mentions_.end() && it->doc == doc) return at(seen_.doc, seen_.offset);
    }
    const DocSpan& first = entity_mentions_.front();
    return at(static_cast<int32_t>(first.doc), first.start);
  }
  return {};
}

void ReaderPanel::open_document(const PanelContext& ctx, int32_t doc_index) {
  const Story& story = ctx.story;
  // The corpus' boilerplate is found across its documents, once per story, and only when the
  // reader first opens one (it tokenizes the whole corpus).
  if (!boilerplate_ready_) {
    boilerplate_ = corpus_boilerplate(story.corpus);
    boilerplate_ready_ = true;
  }
  const Document& doc = story.corpus.documents[static_cast<size_t>(doc_index)];
  doc_ = doc_index;
  doc_id_ = doc.meta.id;
  doc_size_ = doc.bytes.size();
  display_ = std::make_unique<utf8::DisplayText>(doc.bytes);
  ++document_generation_;

  paragraphs_.clear();
  const std::string& text = display_->text();
  size_t start = 0;
  while (start <= text.size()) {
    const size_t eol = std::min(text.find('\n', start), text.size());
    size_t end = eol;
    if (end > start && text[end - 1] == '\r') --end;
    paragraphs_.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(end));
    if (eol == text.size()) break;
    start = eol + 1;
  }

  const size_t d = static_cast<size_t>(doc_index);
  marks_ = build_reader_marks(story.analysis, static_cast<uint32_t>(d), doc.bytes,
                              d < boilerplate_.size()
                                  ? std::span<const text::BoilerplateSpan>(boilerplate_[d])
                                  : std::span<const text::BoilerplateSpan>());
  run_display_.clear();
  speaker_labels_.assign(marks_.runs.size(), std::string());
  for (size_t r = 0; r < marks_.runs.size(); ++r) {
    const ReaderRun& run = marks_.runs[r];
    run_display_.emplace_back(static_cast<uint32_t>(display_->to_display(run.start)),
                              static_cast<uint32_t>(display_->to_display(run.end)));
    if (!run.quote_start) continue;
    speaker_labels_[r] =
        "\xE2\x80\x94 " +
        (run.speaker >= 0 ? one_line(display_text(
                                story.analysis.entities[static_cast<size_t>(run.speaker)].name))
                          : std::string("unknown"));
  }
}

// ---- [SECTION] layout --------------------------------------------------------------------------

void ReaderPanel::relayout(ImFont* font, float font_size, float measure) {
  layout_font_ = font;
  layout_font_size_ = font_size;
  layout_measure_ = measure;
  layout_generation_ = document_generation_;
  lines_.clear();
  labels_.clear();

  // The quotes' first runs in order: each gets a label band above the line it starts on (or,
  // when it starts in the blanks between lines, the next line).
  std::vector<uint32_t> quote_starts;
  for (size_t r = 0; r < marks_.runs.size(); ++r)
    if (marks_.runs[r].quote_start) quote_starts.push_back(static_cast<uint32_t>(r));
  size_t next_quote = 0;

  const std::string_view shown = display_->text();
  const char* text = shown.data();
  const float scale = font_size / font->FontSize;
  const float line_h = font_size * kLineHeight;
  float y = 0.0f;
  for (const auto& [first, last] : paragraphs_) {
    if (first == last) {
      y += font_size * kBlankLine;
      continue;
    }
    const char* s = text + first;
    const char* end = text + last;
    while (s < end) {
      // The same breaks ImGui's own wrapped text makes; a too-narrow panel still advances by
      // one whole UTF-8 sequence.
      const char* eol = font->CalcWordWrapPositionA(scale, s, end, measure);
      if (eol <= s) eol = s + 1;
      eol = std::min(end, text + utf8::ceil_boundary(shown, static_cast<size_t>(eol - text)));
      Line line;
      line.start = static_cast<uint32_t>(s - text);
      line.end = static_cast<uint32_t>(eol - text);
      line.top = y;
      while (next_quote < quote_starts.size() &&
             run_display_[quote_starts[next_quote]].first < line.end) {
        labels_.push_back({static_cast<uint32_t>(lines_.size()), quote_starts[next_quote]});
        line.band = true;
        ++next_quote;
      }
      if (line.band) y += font_size * kLabelBand;
      y += line_h;
      lines_.push_back(line);
      s = eol;
      while (s < end && (*s == ' ' || *s == '\t')) ++s;
    }
    y += font_size * kParagraphGap;
  }
  text_height_ = y;
}

void ReaderPanel::update_layout(ImFont* font, float font_size, float measure, float text_top) {
  const bool same_document = layout_generation_ == document_generation_ && !lines_.empty();
  if (same_document && layout_font_ == font && layout_font_size_ == font_size &&
      layout_measure_ == measure)
    return;
  // Dragging a splitter over a long document: the old lines stay until the drag ends, so the
  // frame rate does not drop to one layout per frame.
  if (same_document && layout_font_ == font && layout_font_size_ == font_size &&
      ImGui::IsMouseDown(ImGuiMouseButton_Left) && display_->text().size() > kLiveRelayoutBytes)
    return;

  // What the reader looks at stays in place: after the user scrolled, the first line in view;
  // otherwise the target, placed again.
  std::optional<std::pair<uint32_t, float>> anchor;  // display byte, pixels below the view's top
  if (same_document && user_scrolled_ && !scroll_pending_) {
    const float view_top = ImGui::GetScrollY() - text_top;
    const auto it = std::partition_point(lines_.begin(), lines_.end(),
                                         [&](const Line& l) { return l.top < view_top; });
    if (it != lines_.end() && view_top > 0.0f) anchor.emplace(it->start, it->top - view_top);
  }
  relayout(font, font_size, measure);
  if (anchor) {
    const auto it = std::partition_point(lines_.begin(), lines_.end(),
                                         [&](const Line& l) { return l.start <= anchor->first; });
    const float top = it == lines_.begin() ? 0.0f : std::prev(it)->top;
    scroll_target_ = std::max(0.0f, std::round(text_top + top - anchor->second));
    ImGui::SetScrollY(scroll_target_);
    last_scroll_ = scroll_target_;
  } else if (same_document) {
    scroll_pending_ = true;
    jump_ = true;
  }
}

// ---- [SECTION] targets and stepping ------------------------------------------------------------

void ReaderPanel::begin_target(const PanelContext& ctx, const Position& position,
                               bool new_document) {
  seen_ = position;
  offset_ = position.offset;
  user_scrolled_ = false;
  scroll_pending_ = true;
  jump_ = new_document || !ctx.settings.smooth_scrolling;
  target_display_ = display_->to_display(offset_);

  // What glows: the mention or quote under the target, else its whole line.
  flash_run_ = -1;
  flash_quote_ = -1;
  const auto run = std::partition_point(
      run_display_.begin(), run_display_.end(),
      [&](const std::pair<uint32_t, uint32_t>& r) { return r.second <= target_display_; });
  bool on_mark = false;
  if (run != run_display_.end() && run->first <= target_display_) {
    const size_t r = static_cast<size_t>(run - run_display_.begin());
    const ReaderRun& marked = marks_.runs[r];
    if (marked.quote >= 0 && (marked.quote == selected_quote_ || marked.entity < 0)) {
      flash_quote_ = marked.quote;
      on_mark = true;
    } else if (marked.entity >= 0) {
      flash_run_ = static_cast<int32_t>(r);
      on_mark = true;
    }
  }
  // A document opened at its top is not a target worth pointing at, unless a mention or quote
  // chosen elsewhere starts there.
  const std::string& kind = ctx.view.selection.kind;
  const bool chosen = on_mark && (kind == kSelectEntity || kind == kSelectQuote);
  flash_start_ = (offset_ > 0 || chosen) ? ImGui::GetTime() : -1.0;
}

void ReaderPanel::pin_reader(PanelContext& ctx) {
  // A selection made here must not move the reader away (it follows the selection only while
  // nothing pins it), so the document shown becomes the reader's.
  if (!ctx.view.reader.document.empty() || doc_ < 0) return;
  ctx.view.reader = ReaderPosition{doc_id_, offset_};
  seen_ = Position{doc_, offset_};
}

void ReaderPanel::step_mention(PanelContext& ctx, int delta) {
  refresh_story(ctx);
  refresh_selection(ctx);
  if (delta == 0 || ctx.view.selection.kind != kSelectEntity || entity_mentions_.empty()) return;
  const Position from = resolve(ctx);
  std::optional<size_t> index;
  if (from.doc < 0) {
    index = delta > 0 ? 0 : entity_mentions_.size() - 1;
  } else {
    // After the user scrolled by hand, steps start from what they are looking at.
    const size_t offset = (showing_ && from == seen_) ? offset_ : from.offset;
    index = step_mention_index(entity_mentions_, static_cast<uint32_t>(from.doc), offset, delta);
  }
  if (!index) return;
  ctx.open_span(entity_mentions_[*index]);
}

// ---- [SECTION] drawing -------------------------------------------------------------------------

void ReaderPanel::draw(PanelContext& ctx) {
  animating_ = false;
  hovered_run_ = -1;
  refresh_story(ctx);
  refresh_selection(ctx);
  const Position position = resolve(ctx);
  if (position.doc < 0) {
    showing_ = false;
    current_mention_.reset();
    ImGui::TextDisabled(ctx.view.selection.kind == kSelectEntity
                            ? "This entity has no mentions to read."
                            : "Select a document, a quote or an entity to read it here.");
    return;
  }
  showing_ = true;
  const Document& doc = ctx.story.corpus.documents[static_cast<size_t>(position.doc)];
  const bool new_document =
      position.doc != doc_ || doc.meta.id != doc_id_ || doc.bytes.size() != doc_size_;
  if (new_document || !display_) open_document(ctx, position.doc);
  if (new_document || position != seen_) begin_target(ctx, position, new_document);
  if (new_document) last_scroll_ = -1.0f;

  // The selected entity in this document, and the mention the reader is at.
  const std::pair<int32_t, int32_t> here_key{mentions_for_, doc_};
  if (here_key != mentions_here_for_) {
    mentions_here_for_ = here_key;
    mentions_here_ = mentions_for_ < 0 ? 0
                                       : entity_mentions_in_document(
                                             ctx.story.analysis, static_cast<size_t>(mentions_for_),
                                             static_cast<uint32_t>(doc_))
                                             .size();
  }
  current_mention_.reset();
  if (!user_scrolled_ && !entity_mentions_.empty())
    current_mention_ = mention_at(entity_mentions_, static_cast<uint32_t>(doc_), offset_);

  draw_mention_bar(ctx);

  const ImGuiWindowFlags flags =
      ctx.settings.smooth_scrolling ? ImGuiWindowFlags_NoScrollWithMouse : 0;
  // A new document starts at its top this frame; the jump to its target follows next frame.
  if (new_document) ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
  ImGui::BeginChild("reader_text", ImVec2(0.0f, 0.0f), ImGuiChildFlags_None, flags);
  const std::optional<DateInterval> date = date_interval_from_iso(doc.meta.date);
  draw_metadata(doc, date && !date_in_range(*date, ctx.view.time_range));

  // A readable measure: at most `reader_width` em, centred when the panel is wider, with a gutter
  // on the left for the quote bars.
  const float em = ImGui::GetFontSize();
  const float available = ImGui::GetContentRegionAvail().x;
  const float gutter = em * kGutter;
  const float measure =
      std::max(em * 4.0f, std::min(available - gutter, ctx.settings.reader_width * em));
  const float indent = std::max(gutter, (available - measure) * 0.5f);
  ImFont* font = ImGui::GetFont();
  const float text_top = ImGui::GetCursorPosY();  // content pixels
  update_layout(font, em, measure, text_top);

  Style style;
  style.font = font;
  style.size = em;
  style.line_h = em * kLineHeight;
  style.band_h = em * kLabelBand;
  style.origin = ImGui::GetCursorScreenPos();
  style.origin.x += indent;
  style.measure = layout_measure_;
  style.text = ImGui::GetColorU32(ImGuiCol_Text);
  style.dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const bool dark = ctx.settings.theme == Theme::Dark;
  style.quote_tint = dark ? IM_COL32(255, 255, 255, 14) : IM_COL32(0, 0, 0, 12);
  style.outline = dark ? IM_COL32(255, 255, 255, 235) : IM_COL32(20, 20, 24, 235);
  style.soft_alpha = dark ? 64 : 88;
  style.hover_ok = ImGui::IsWindowHovered();
  style.mouse = ImGui::GetMousePos();
  if (flash_start_ >= 0.0) {
    const double t = (ImGui::GetTime() - flash_start_) / kFlashSeconds;
    if (t >= 1.0) {
      flash_start_ = -1.0;
    } else {
      const double fade = 1.0 - t * t;  // stays bright, then goes
      style.flash = IM_COL32(255, 196, 64, static_cast<int>(150.0 * fade));
      animating_ = true;
      if (flash_run_ < 0 && flash_quote_ < 0) {
        const auto it = std::partition_point(lines_.begin(), lines_.end(), [&](const Line& l) {
          return l.start <= target_display_;
        });
        style.flash_line = it == lines_.begin() ? 0 : static_cast<int32_t>(it - lines_.begin()) - 1;
      }
    }
  }

  draw_text(ctx, style);
  ImGui::Dummy(ImVec2(indent + layout_measure_, text_height_));
  ImGui::Dummy(ImVec2(0.0f, em * 2.0f));
  handle_scrolling(ctx, text_top);
  ImGui::EndChild();
}

void ReaderPanel::draw_mention_bar(PanelContext& ctx) {
  if (ctx.view.selection.kind != kSelectEntity || entity_mentions_.empty()) return;
  const Entity& entity = ctx.story.analysis.entities[static_cast<size_t>(mentions_for_)];
  if (current_mention_) {
    ImGui::Text("Mention %zu of %zu", *current_mention_ + 1, entity_mentions_.size());
  } else {
    ImGui::Text("%zu mention%s", entity_mentions_.size(), entity_mentions_.size() == 1 ? "" : "s");
  }
  ImGui::SameLine();
  const std::string where = mentions_here_ == 0
                                ? std::string("none in this document")
                                : std::to_string(mentions_here_) + " in this document";
  ImGui::TextDisabled("\xC2\xB7 %s \xC2\xB7 %s", one_line(display_text(entity.name)).c_str(),
                      where.c_str());
  ImGui::SameLine();
  // Drawn arrows rather than glyphs, which the font may lack.
  if (ImGui::ArrowButton("##previous_mention", ImGuiDir_Left)) step_mention(ctx, -1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous mention (Left arrow)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next_mention", ImGuiDir_Right)) step_mention(ctx, 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next mention (Right arrow)");
}

void ReaderPanel::draw_text(PanelContext& ctx, const Style& style) {
  // Only the lines in the window's visible band are measured and drawn.
  const float view_top = ImGui::GetWindowPos().y - style.origin.y - style.line_h;
  const float view_bottom = view_top + ImGui::GetWindowHeight() + 2.0f * style.line_h;
  const auto first = std::partition_point(lines_.begin(), lines_.end(), [&](const Line& l) {
    return l.top + style.band_h + style.line_h < view_top;
  });
  for (auto it = first; it != lines_.end() && it->top <= view_bottom; ++it)
    draw_line(ctx, style, static_cast<size_t>(it - lines_.begin()));

  if (hovered_run_ < 0) return;
  const ReaderRun& run = marks_.runs[static_cast<size_t>(hovered_run_)];
  const Analysis& analysis = ctx.story.analysis;
  const std::string speaker =
      run.speaker >= 0
          ? one_line(display_text(analysis.entities[static_cast<size_t>(run.speaker)].name))
          : std::string("an unknown speaker");
  const bool clicked = ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  if (run.entity >= 0) {
    // The words of an inner name are that name's ("Texas" in "University of Texas"); the rest of
    // the outer name picks the outer entity.
    const bool inner = run.inner_entity >= 0;
    const Entity& entity =
        analysis.entities[static_cast<size_t>(inner ? run.inner_entity : run.entity)];
    // Only entities in the graph can be selected (is_valid_selection).
    const bool selectable = ctx.story.node_of_id(entity.id) >= 0;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(one_line(display_text(entity.name)).c_str());
    ImGui::TextDisabled("%.*s", static_cast<int>(to_string(entity.type).size()),
                        to_string(entity.type).data());
    if (inner) {
      const Entity& outer = analysis.entities[static_cast<size_t>(run.entity)];
      ImGui::TextDisabled("Inside %s", one_line(display_text(outer.name)).c_str());
    }
    if (run.quote >= 0) ImGui::TextDisabled("In a quote by %s", speaker.c_str());
    if (!selectable) ImGui::TextDisabled("Not in the graph");
    ImGui::EndTooltip();
    if (selectable) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      if (clicked) {
        pin_reader(ctx);
        ctx.select(kSelectEntity, entity.id);
      }
    }
  } else if (run.quote >= 0) {
    const Quote& quote = analysis.quotes[static_cast<size_t>(run.quote)];
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::BeginTooltip();
    ImGui::Text("Quote by %s", speaker.c_str());
    ImGui::TextDisabled("%.*s \xC2\xB7 confidence %.2f",
                        static_cast<int>(to_string(quote.kind).size()),
                        to_string(quote.kind).data(), quote.confidence);
    ImGui::EndTooltip();
    if (clicked) {
      pin_reader(ctx);
      ctx.select(kSelectQuote, quote.id);
    }
  }
}

void ReaderPanel::draw_line(PanelContext& ctx, const Style& style, size_t index) {
  const Line& line = lines_[index];
  const char* text = display_->text().data();
  const float row_top = style.origin.y + line.top + (line.band ? style.band_h : 0.0f);
  const float text_y = row_top + (style.line_h - style.size) * 0.5f;
  const float y0 = text_y - 1.0f, y1 = text_y + style.size + 1.0f;
  const auto width = [&](uint32_t from, uint32_t to) {
    return style.font->CalcTextSizeA(style.size, FLT_MAX, 0.0f, text + from, text + to).x;
  };

  // The line cut where its marks change.
  segments_.clear();
  size_t r = static_cast<size_t>(std::partition_point(run_display_.begin(), run_display_.end(),
                                                      [&](const std::pair<uint32_t, uint32_t>& d) {
                                                        return d.second <= line.start;
                                                      }) -
                                 run_display_.begin());
  uint32_t pos = line.start;
  float x = style.origin.x;
  while (pos < line.end) {
    while (r < run_display_.size() && run_display_[r].second <= pos) ++r;
    Segment seg;
    seg.start = pos;
    if (r < run_display_.size() && run_display_[r].first <= pos) {
      seg.end = std::min(run_display_[r].second, line.end);
      seg.run = static_cast<int32_t>(r);
    } else {
      seg.end = r < run_display_.size() ? std::min(run_display_[r].first, line.end) : line.end;
    }
    seg.x0 = x;
    x += width(seg.start, seg.end);
    seg.x1 = x;
    segments_.push_back(seg);
    pos = seg.end;
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::vector<ReaderRun>& runs = marks_.runs;
  const auto run_of = [&](const Segment& s) -> const ReaderRun* {
    return s.run >= 0 ? &runs[static_cast<size_t>(s.run)] : nullptr;
  };
  const auto selected = [&](int32_t entity) {
    return entity >= 0 && (entity == selected_entity_ || entity == selected_other_);
  };
  const auto strong = [&](const ReaderRun& run) { return selected(run.entity); };
  const auto strong_inner = [&](const ReaderRun& run) { return selected(run.inner_entity); };
  const auto same_mention = [&](size_t a, size_t b) {
    const ReaderRun* ra = run_of(segments_[a]);
    const ReaderRun* rb = run_of(segments_[b]);
    return ra && rb && ra->entity >= 0 && ra->entity == rb->entity && ra->mention == rb->mention;
  };

  // Quotes: a tint behind their words and a bar in the gutter, coloured by the speaker's type.
  int32_t bar_speaker = -2;  // -2: no quote on this line
  float selected_x0 = FLT_MAX, selected_x1 = -FLT_MAX;
  for (const Segment& seg : segments_) {
    const ReaderRun* run = run_of(seg);
    if (run == nullptr || run->quote < 0) continue;
    draw->AddRectFilled(ImVec2(seg.x0, y0), ImVec2(seg.x1, y1), style.quote_tint);
    if (bar_speaker == -2) bar_speaker = run->speaker;
    if (run->quote == selected_quote_) {
      selected_x0 = std::min(selected_x0, seg.x0);
      selected_x1 = std::max(selected_x1, seg.x1);
    }
  }
  if (bar_speaker != -2) {
    const ImU32 bar =
        bar_speaker >= 0
            ? to_imgui_color(
                  entity_type_color(
                      ctx.story.analysis.entities[static_cast<size_t>(bar_speaker)].type),
                  210)
            : style.dim;
    const float bar_x = style.origin.x - style.size * 0.6f;
    draw->AddRectFilled(ImVec2(bar_x, style.origin.y + line.top),
                        ImVec2(bar_x + std::max(2.0f, style.size * 0.15f), row_top + style.line_h),
                        bar);
  }

  // Mentions: a soft background of their type's colour; the selected entity's solid and outlined.
  const float rounding = style.size * 0.2f;
  for (size_t i = 0; i < segments_.size(); ++i) {
    const ReaderRun* run = run_of(segments_[i]);
    if (run == nullptr || run->entity < 0) continue;
    // A mention cut by a quote's edge keeps one rounded shape.
    ImDrawFlags corners = ImDrawFlags_None;
    if (i == 0 || !same_mention(i - 1, i)) corners |= ImDrawFlags_RoundCornersLeft;
    if (i + 1 == segments_.size() || !same_mention(i, i + 1))
      corners |= ImDrawFlags_RoundCornersRight;
    if (corners == ImDrawFlags_None) corners = ImDrawFlags_RoundCornersNone;
    const Rgba8 color = entity_type_color(run->type);
    const Segment& seg = segments_[i];
    if (strong(*run)) {
      draw->AddRectFilled(ImVec2(seg.x0 - 1.0f, y0), ImVec2(seg.x1 + 1.0f, y1),
                          to_imgui_color(color), rounding, corners);
      draw->AddRect(ImVec2(seg.x0 - 2.0f, y0 - 1.0f), ImVec2(seg.x1 + 2.0f, y1 + 1.0f),
                    style.outline, rounding, corners, 1.5f);
    } else {
      draw->AddRectFilled(ImVec2(seg.x0, y0), ImVec2(seg.x1, y1),
                          to_imgui_color(color, style.soft_alpha), rounding, corners);
    }
  }
  // Inner names: a line under their words in their type's colour; the selected entity's solid.
  const float underline = std::max(2.0f, style.size * 0.12f);
  for (const Segment& seg : segments_) {
    const ReaderRun* run = run_of(seg);
    if (run == nullptr || run->inner_entity < 0) continue;
    const Rgba8 color = entity_type_color(run->inner_type);
    if (strong_inner(*run)) {
      draw->AddRectFilled(ImVec2(seg.x0, y0), ImVec2(seg.x1, y1), to_imgui_color(color), rounding);
      draw->AddRect(ImVec2(seg.x0 - 1.0f, y0), ImVec2(seg.x1 + 1.0f, y1), style.outline, rounding,
                    ImDrawFlags_None, 1.5f);
    } else {
      draw->AddRectFilled(ImVec2(seg.x0, y1 - underline), ImVec2(seg.x1, y1),
                          to_imgui_color(color, 230));
    }
  }
  if (selected_x1 > selected_x0) {
    draw->AddRect(ImVec2(selected_x0 - 3.0f, y0 - 2.0f), ImVec2(selected_x1 + 3.0f, y1 + 2.0f),
                  style.outline, rounding, ImDrawFlags_None, 1.5f);
  }

  // The target's glow, behind the words so they stay legible.
  if (style.flash != 0) {
    for (const Segment& seg : segments_) {
      const ReaderRun* run = run_of(seg);
      if (run == nullptr) continue;
      if (seg.run == flash_run_ || (flash_quote_ >= 0 && run->quote == flash_quote_))
        draw->AddRectFilled(ImVec2(seg.x0 - 2.0f, y0 - 1.0f), ImVec2(seg.x1 + 2.0f, y1 + 1.0f),
                            style.flash, rounding);
    }
    if (style.flash_line == static_cast<int32_t>(index) && !segments_.empty()) {
      draw->AddRectFilled(ImVec2(style.origin.x - 3.0f, y0 - 1.0f),
                          ImVec2(segments_.back().x1 + 3.0f, y1 + 1.0f), style.flash, rounding);
    }
  }

  // The words: boilerplate dimmed, the selected entity's in a colour that reads on its own.
  for (const Segment& seg : segments_) {
    const ReaderRun* run = run_of(seg);
    ImU32 color = style.text;
    if (run != nullptr && strong_inner(*run)) {
      color = contrast_text(entity_type_color(run->inner_type));
    } else if (run != nullptr && strong(*run)) {
      color = contrast_text(entity_type_color(run->type));
    } else if (run != nullptr && run->boilerplate) {
      color = style.dim;
    }
    draw->AddText(style.font, style.size, ImVec2(seg.x0, text_y), color, text + seg.start,
                  text + seg.end);
    if (style.hover_ok && run != nullptr && style.mouse.y >= y0 && style.mouse.y < y1 &&
        style.mouse.x >= seg.x0 && style.mouse.x < seg.x1 && (run->entity >= 0 || run->quote >= 0))
      hovered_run_ = seg.run;
  }

  // Speaker labels in the band above, at their quote's first word (kept inside the measure and
  // apart from one another).
  if (!line.band) return;
  const float label_size = style.size * kLabelScale;
  const float label_y = style.origin.y + line.top + (style.band_h - label_size) * 0.5f;
  float free_x = style.origin.x;
  auto label = std::partition_point(labels_.begin(), labels_.end(),
                                    [&](const Label& l) { return l.line < index; });
  for (; label != labels_.end() && label->line == index; ++label) {
    const std::string& name = speaker_labels_[label->run];
    float lx = style.origin.x;
    for (const Segment& seg : segments_)
      if (seg.run == static_cast<int32_t>(label->run)) lx = seg.x0;
    const float w =
        style.font->CalcTextSizeA(label_size, FLT_MAX, 0.0f, name.data(), name.data() + name.size())
            .x;
    lx = std::max(free_x, std::min(lx, style.origin.x + style.measure - w));
    const int32_t speaker = marks_.runs[label->run].speaker;
    const ImU32 color = speaker >= 0
                            ? to_imgui_color(entity_type_color(
                                  ctx.story.analysis.entities[static_cast<size_t>(speaker)].type))
                            : style.dim;
    draw->AddText(style.font, label_size, ImVec2(lx, label_y), color, name.data(),
                  name.data() + name.size());
    free_x = lx + w + style.size * 0.5f;
  }
}

// ---- [SECTION] scrolling -----------------------------------------------------------------------

void ReaderPanel::handle_scrolling(const PanelContext& ctx, float text_top) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool smooth = ctx.settings.smooth_scrolling;
  const float em = ImGui::GetFontSize();
  const float current = ImGui::GetScrollY();
  const float window_h = ImGui::GetWindowHeight();

  // Something else moved the view since last frame (the scrollbar, ImGui's own wheel scrolling,
  // a resize clamping it): follow it.
  if (last_scroll_ >= 0.0f && std::fabs(current - last_scroll_) > 1.0f) {
    scroll_target_ = current;
    if (io.MouseDown[0] || io.MouseWheel != 0.0f) user_scrolled_ = true;
  }
  if (smooth && ImGui::IsWindowHovered()) {
    const float max_scroll = ImGui::GetScrollMaxY();
    const float before = scroll_target_;
    if (io.MouseWheel != 0.0f) scroll_target_ -= io.MouseWheel * em * 5.0f;
    // Reading keys while the pointer is over the text (no text input is focused here).
    if (!io.WantTextInput) {
      const float page = window_h * 0.9f;
      if (ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_Space))
        scroll_target_ = current + page;
      if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) scroll_target_ = current - page;
      if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) scroll_target_ += em * 3.0f;
      if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) scroll_target_ -= em * 3.0f;
      if (ImGui::IsKeyPressed(ImGuiKey_Home)) scroll_target_ = 0.0f;
      if (ImGui::IsKeyPressed(ImGuiKey_End)) scroll_target_ = max_scroll;
    }
    if (scroll_target_ != before) {
      scroll_target_ = std::clamp(scroll_target_, 0.0f, max_scroll);
      user_scrolled_ = true;
    }
  }

  // A new target: its line about a third of the way down (a document's start: the very top).
  if (scroll_pending_) {
    const auto it = std::partition_point(lines_.begin(), lines_.end(),
                                         [&](const Line& l) { return l.start <= target_display_; });
    const float line_top = it == lines_.begin() ? 0.0f : std::prev(it)->top;
    scroll_target_ =
        offset_ == 0 || lines_.empty()
            ? 0.0f
            : std::max(0.0f, std::round(text_top + line_top - window_h * kTargetFraction));
    scroll_pending_ = false;
    user_scrolled_ = false;
    if (jump_ || !smooth) {
      ImGui::SetScrollY(scroll_target_);
      last_scroll_ = scroll_target_;
      animating_ = true;  // the jump shows next frame
      return;
    }
  }

  // Ease towards the target; ImGui rounds scroll positions, so each step is at least a pixel.
  const float distance = scroll_target_ - current;
  if (std::fabs(distance) > 1.0f) {
    const float ease = 1.0f - std::pow(1.0f - kScrollEase, io.DeltaTime * 60.0f);
    float step = distance * ease;
    if (std::fabs(step) < 1.0f) step = std::copysign(1.0f, distance);
    const float next = std::round(current + step);
    ImGui::SetScrollY(next);
    last_scroll_ = next;
    animating_ = true;
  } else {
    if (distance != 0.0f) ImGui::SetScrollY(scroll_target_);
    last_scroll_ = distance != 0.0f ? scroll_target_ : current;
  }

  // After the user scrolled, the reader's position is the first line in view.
  if (user_scrolled_) {
    const float top = current - text_top;
    const auto it = std::partition_point(lines_.begin(), lines_.end(), [&](const Line& l) {
      return l.top + em * (kLabelBand + kLineHeight) <= top;
    });
    offset_ = top <= 0.0f || it == lines_.end() ? (top <= 0.0f ? 0 : doc_size_)
                                                : display_->to_original(it->start);
  }
}

// ---- [SECTION] state report --------------------------------------------------------------------

nlohmann::json ReaderPanel::state_json() const {
  nlohmann::json state;
  state["document"] = showing_ ? nlohmann::json(doc_id_) : nlohmann::json(nullptr);
  state["offset"] = showing_ ? offset_ : 0;
  state["marks"] = {{"mentions", showing_ ? marks_.mentions : 0},
                    {"quotes", showing_ ? marks_.quotes : 0},
                    {"boilerplate", showing_ ? marks_.boilerplate : 0}};
  state["selected_mentions"] = showing_ ? mentions_here_ : 0;
  state["current_mention"] =
      current_mention_ ? nlohmann::json(*current_mention_) : nlohmann::json(nullptr);
  return state;
}

}  // namespace dramatis::ui
