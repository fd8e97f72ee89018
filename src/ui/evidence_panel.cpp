// [SECTION] index: sentences around evidence | building an edge's evidence | layout | drawing
// an edge | drawing an entity's neighbours | the panel | state
#include "ui/evidence_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <tuple>

#include "core/text/utf8.h"
#include "ui/display_text.h"
#include "ui/palette.h"

namespace dramatis::ui {
namespace {

constexpr size_t kSentenceWindow = 400;  // bytes searched on each side for a sentence boundary
constexpr int kMaxSentenceLines = 8;     // lines of one sentence before it ends in an ellipsis
constexpr uint8_t kMentionAlpha = 90;    // type colour behind a mention
constexpr const char* kEllipsis = "\xE2\x80\xA6";
constexpr const char* kDot = " \xC2\xB7 ";

bool ends_with_at(std::string_view text, size_t end, std::string_view what) {
  return end >= what.size() && text.substr(end - what.size(), what.size()) == what;
}

// CJK sentence ends (。！？) need no space after them.
bool cjk_end_before(std::string_view text, size_t pos) {
  return ends_with_at(text, pos, "\xE3\x80\x82") || ends_with_at(text, pos, "\xEF\xBC\x81") ||
         ends_with_at(text, pos, "\xEF\xBC\x9F");
}

// Whether the text before `pos` ends a sentence: . ! or ? with any closing quotes or brackets.
bool sentence_end_before(std::string_view text, size_t pos) {
  size_t k = pos;
  while (k > 0) {
    const char c = text[k - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --k;
    } else if (ends_with_at(text, k, "\xE2\x80\x9D") || ends_with_at(text, k, "\xE2\x80\x99")) {
      k -= 3;  // ” ’
    } else {
      break;
    }
  }
  return k > 0 && (text[k - 1] == '.' || text[k - 1] == '!' || text[k - 1] == '?');
}

struct Widened {
  size_t start = 0;        // bytes
  size_t end = 0;          // bytes, exclusive
  bool cut_start = false;  // no boundary within the window: the text goes on before
  bool cut_end = false;
};

// The sentence around [start, end): back to a line break or ". " (also "! ", "? ", with closing
// quotes) and forward to the next, searched within kSentenceWindow bytes on each side (a bounded
// heuristic: an abbreviation such as "Mr. " can end it early). Never narrower than the span; a
// cut at the window's edge moves to a UTF-8 sequence start and then to a word boundary.
Widened widen_to_sentence(std::string_view text, size_t start, size_t end) {
  Widened w;
  start = std::min(start, text.size());
  end = std::clamp(end, start, text.size());

  const size_t floor = start > kSentenceWindow ? start - kSentenceWindow : 0;
  size_t s = start;
  bool found = false;
  while (s > floor) {
    const char c = text[s - 1];
    if (c == '\n' || (c == ' ' && sentence_end_before(text, s - 1)) || cjk_end_before(text, s)) {
      found = true;
      break;
    }
    --s;
  }
  if (s == 0) found = true;
  if (!found) {
    s = std::min(utf8::ceil_boundary(text, s), start);
    const size_t space = text.substr(s, start - s).find(' ');
    if (space != std::string_view::npos) s += space + 1;
    w.cut_start = true;
  }
  while (s < start && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r')) ++s;
  // A line's Markdown markers ("## ", "> ", "- ") before the span are not part of its sentence.
  if (text.substr(s, start - s).find_first_not_of("#>*-+ \t") == std::string_view::npos) s = start;

  const size_t ceiling = std::min(text.size(), end + kSentenceWindow);
  size_t e = end;
  bool found_end = false;
  while (e < ceiling) {
    if (text[e] == '\n' || (text[e] == ' ' && sentence_end_before(text, e)) ||
        (e > start && cjk_end_before(text, e))) {
      found_end = true;
      break;
    }
    ++e;
  }
  if (e >= text.size()) {
    e = text.size();
    found_end = true;
  }
  if (!found_end) {
    e = std::max(utf8::floor_boundary(text, e), end);
    const size_t space = text.substr(end, e - end).rfind(' ');
    if (space != std::string_view::npos) e = end + space;
    w.cut_end = true;
  }
  while (e > end && (text[e - 1] == ' ' || text[e - 1] == '\r')) --e;
  w.start = s;
  w.end = e;
  return w;
}

bool span_less(const DocSpan& a, const DocSpan& b) {
  return std::tie(a.doc, a.start, a.end) < std::tie(b.doc, b.start, b.end);
}

// What a relation's rule says, in plain words.
std::string describe(const Relation& relation, const std::string& source,
                     const std::string& target) {
  const std::string& type = relation.type;
  if (type == "co-occurs")
    return source + " and " + target + " are named in the same sentence window";
  if (type == "said_about") return source + " is quoted saying something about " + target;
  if (type == "works_at") return source + " works at " + target + " (a cue word between the names)";
  if (type == "joined" || type == "left" || type == "founded" || type == "leads")
    return source + " " + type + " " + target + " (a cue word between the names)";
  return source + " " + type + " " + target;
}

std::string format_weight(double weight) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g", weight);
  return text;
}

std::string edge_selection_id(const Story& story, const GraphEdge& edge) {
  return story.node_id(edge.a) + "~" + story.node_id(edge.b);
}

}  // namespace

// ---- [SECTION] building an edge's evidence ------------------------------------------------------

void EvidencePanel::ensure_edge(const PanelContext& ctx) {
  const std::string& id = ctx.view.selection.id;
  if (edge_story_ == ctx.story_version && edge_id_ == id) return;
  edge_story_ = ctx.story_version;
  edge_id_ = id;
  edge_valid_ = false;
  rules_.clear();
  rule_types_.clear();
  sentences_.clear();
  rows_.clear();
  documents_ = 0;
  layout_dirty_ = true;

  // The id's form is is_valid_selection's (story.cpp): "<entity>~<entity>", either order.
  const Story& story = ctx.story;
  const size_t tilde = id.find('~');
  if (tilde == std::string::npos) return;
  const int32_t a = story.node_of_id(std::string_view(id).substr(0, tilde));
  const int32_t b = story.node_of_id(std::string_view(id).substr(tilde + 1));
  if (a < 0 || b < 0) return;
  const std::optional<uint32_t> edge =
      story.graph.find_edge(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
  if (!edge) return;
  edge_valid_ = true;
  first_ = static_cast<uint32_t>(a);
  second_ = static_cast<uint32_t>(b);
  edge_ = *edge;
  build_edge(ctx);
}

void EvidencePanel::build_edge(const PanelContext& ctx) {
  const Story& story = ctx.story;
  const Analysis& analysis = story.analysis;
  const EntityGraph& graph = story.graph;
  const GraphEdge& edge = graph.edges[edge_];
  titles_.clear();
  for (const Document& doc : story.corpus.documents) {
    std::string title = display_text(doc.meta.title);
    titles_.push_back(title.empty() ? doc.meta.id : std::move(title));
  }
  const auto entity_name = [&](int entity) {
    return entity >= 0 && static_cast<size_t>(entity) < analysis.entities.size()
               ? display_text(analysis.entities[static_cast<size_t>(entity)].name)
               : std::string("?");
  };

  // The rules, and which evidence spans each relation brings (spans are sorted per edge).
  const auto evidence_begin = graph.evidence.begin() + edge.evidence_begin;
  const auto evidence_end = graph.evidence.begin() + edge.evidence_end;
  std::vector<std::vector<uint32_t>> carried(edge.evidence_end - edge.evidence_begin);
  for (uint32_t k = edge.relations_begin; k < edge.relations_end; ++k) {
    const uint32_t r = graph.edge_relations[k];
    if (r >= analysis.relations.size()) continue;
    const Relation& relation = analysis.relations[r];
    const std::string source = entity_name(relation.source);
    const std::string target = entity_name(relation.target);
    const size_t spans = relation.evidence.size();
    rules_.push_back({relation.type, describe(relation, source, target) + " (" +
                                         std::to_string(spans) +
                                         (spans == 1 ? " span)" : " spans)")});
    if (std::find(rule_types_.begin(), rule_types_.end(), relation.type) == rule_types_.end())
      rule_types_.push_back(relation.type);
    for (const DocSpan& span : relation.evidence) {
      const auto range = std::equal_range(evidence_begin, evidence_end, span, span_less);
      for (auto it = range.first; it != range.second; ++it) {
        std::vector<uint32_t>& list = carried[static_cast<size_t>(it - evidence_begin)];
        if (std::find(list.begin(), list.end(), r) == list.end()) list.push_back(r);
      }
    }
  }

  // Evidence spans widened to sentences, in reading order. Overlapping ones (a quote of two
  // sentences and one of them, which also names both) become one sentence, so none shows twice.
  struct Piece {
    DocSpan span;       // widened
    uint32_t evidence;  // index into graph.evidence
    bool cut_start = false;
    bool cut_end = false;
  };
  std::vector<Piece> pieces;
  for (uint32_t k = edge.evidence_begin; k < edge.evidence_end; ++k) {
    const DocSpan& evidence = graph.evidence[k];
    if (evidence.doc >= story.corpus.documents.size()) continue;
    const Widened w =
        widen_to_sentence(story.corpus.documents[evidence.doc].bytes, evidence.start, evidence.end);
    pieces.push_back({{evidence.doc, w.start, w.end}, k, w.cut_start, w.cut_end});
  }
  std::stable_sort(pieces.begin(), pieces.end(),
                   [](const Piece& a, const Piece& b) { return span_less(a.span, b.span); });
  const uint32_t entities[2] = {graph.nodes[first_].entity, graph.nodes[second_].entity};
  for (size_t p = 0; p < pieces.size();) {
    // The run of pieces overlapping the first one's growing extent.
    DocSpan span = pieces[p].span;
    bool cut_start = pieces[p].cut_start, cut_end = pieces[p].cut_end;
    size_t q = p + 1;
    for (; q < pieces.size() && pieces[q].span.doc == span.doc && pieces[q].span.start < span.end;
         ++q) {
      if (pieces[q].span.end >= span.end) cut_end = pieces[q].cut_end;
      span.end = std::max(span.end, pieces[q].span.end);
    }
    const std::string_view bytes = story.corpus.documents[span.doc].bytes;
    const utf8::DisplayText display(bytes.substr(span.start, span.end - span.start));
    const size_t shift = cut_start ? 4 : 0;  // the leading "… " (3 + 1 bytes)
    // Original offsets to offsets into the shown text, clamped to the sentence.
    const auto to_text = [&](size_t offset) {
      return shift + display.to_display(std::clamp(offset, span.start, span.end) - span.start);
    };
    Sentence sentence;
    sentence.span = span;
    sentence.evidence = graph.evidence[pieces[p].evidence];
    sentence.text = (cut_start ? std::string(kEllipsis) + " " : std::string()) + display.text() +
                    (cut_end ? std::string(" ") + kEllipsis : std::string());
    for (char& c : sentence.text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    for (size_t k = p; k < q; ++k) {
      // An evidence span that is not a sentence itself (a quote, which widening grew) gets a
      // faint background, drawn under the mentions.
      const DocSpan& evidence = graph.evidence[pieces[k].evidence];
      if (!(pieces[k].span == evidence)) {
        const size_t a = to_text(evidence.start);
        const size_t b = to_text(evidence.end);
        if (a < b) sentence.marks.push_back({a, b, to_imgui_color({150, 150, 160, 255}, 50)});
      }
      for (uint32_t r : carried[pieces[k].evidence - edge.evidence_begin])
        if (std::find(sentence.relations.begin(), sentence.relations.end(), r) ==
            sentence.relations.end())
          sentence.relations.push_back(r);
    }
    // Both entities' mentions inside the sentence, in their type's colour.
    for (uint32_t entity : entities) {
      if (entity >= analysis.entities.size()) continue;
      const Entity& e = analysis.entities[entity];
      const uint32_t color = to_imgui_color(entity_type_color(e.type), kMentionAlpha);
      auto m = std::lower_bound(e.mentions.begin(), e.mentions.end(),
                                DocSpan{span.doc, span.start, span.start}, span_less);
      for (; m != e.mentions.end() && m->doc == span.doc && m->start < span.end; ++m) {
        const size_t a = to_text(m->start);
        const size_t b = to_text(m->end);
        if (a < b) sentence.marks.push_back({a, b, color});
      }
    }
    sentences_.push_back(std::move(sentence));
    p = q;
  }

  // Per sentence, its rules in one line: "co-occurs · joined (A → B)".
  for (Sentence& sentence : sentences_) {
    std::sort(sentence.relations.begin(), sentence.relations.end());
    std::string line;
    for (uint32_t r : sentence.relations) {
      const Relation& relation = analysis.relations[r];
      if (!line.empty()) line += kDot;
      line += relation.type;
      if (relation.type != "co-occurs")
        line += " (" + entity_name(relation.source) + " \xE2\x86\x92 " +
                entity_name(relation.target) + ")";
    }
    sentence.rules = line.empty() ? std::string("no rule names this span") : "rule: " + line;
  }

  // Per document, in corpus order, sentences in reading order (pieces were sorted so).
  for (uint32_t s = 0; s < sentences_.size(); ++s) {
    if (s == 0 || sentences_[s].span.doc != sentences_[s - 1].span.doc) {
      rows_.push_back({true, sentences_[s].span.doc});
      ++documents_;
    }
    rows_.push_back({false, s});
  }
}

// ---- [SECTION] layout --------------------------------------------------------------------------

void EvidencePanel::ensure_layout(float width) {
  const float font = ImGui::GetFontSize();
  if (!layout_dirty_ && width == layout_width_ && font == layout_font_) return;
  layout_dirty_ = false;
  layout_width_ = width;
  layout_font_ = font;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeight();
  const float inner = width - 2.0f * style.FramePadding.x;
  offsets_.resize(rows_.size() + 1);
  float y = 0.0f;
  for (size_t r = 0; r < rows_.size(); ++r) {
    offsets_[r] = y;
    if (rows_[r].header) {
      y += ImGui::GetFrameHeight() + style.ItemSpacing.y;
    } else {
      // Measured only when the rows, the width or the font change, not every frame.
      const int lines =
          wrapped_line_count(sentences_[rows_[r].index].text, inner, kMaxSentenceLines);
      y += static_cast<float>(lines + 1) * line + 2.0f * style.FramePadding.y + style.ItemSpacing.y;
    }
  }
  offsets_[rows_.size()] = y;
}

// ---- [SECTION] drawing an edge -----------------------------------------------------------------

void EvidencePanel::draw_entity_link(PanelContext& ctx, uint32_t node) {
  const Story& story = ctx.story;
  const std::string name = display_text(story.graph.names[node]);
  ImGui::PushID(static_cast<int>(node));
  ImGui::PushStyleColor(ImGuiCol_Text,
                        to_imgui_color(entity_type_color(story.graph.nodes[node].type)));
  if (ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_None,
                        ImGui::CalcTextSize(name.c_str())))
    ctx.select(kSelectEntity, story.node_id(node));
  ImGui::PopStyleColor();
  ImGui::SetItemTooltip("Select %s", name.c_str());
  ImGui::PopID();
}

void EvidencePanel::draw_edge(PanelContext& ctx) {
  const Story& story = ctx.story;
  const GraphEdge& edge = story.graph.edges[edge_];
  draw_entity_link(ctx, first_);
  ImGui::SameLine();
  ImGui::TextDisabled("\xE2\x80\x94");
  ImGui::SameLine();
  draw_entity_link(ctx, second_);

  const std::string kinds = join_relation_kinds(edge.kinds, ", ");
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("weight %s%s%s%s%zu %s%s%zu %s", format_weight(edge.weight).c_str(), kDot,
                      kinds.c_str(), kDot, documents_, documents_ == 1 ? "document" : "documents",
                      kDot, sentences_.size(), sentences_.size() == 1 ? "sentence" : "sentences");
  ImGui::SeparatorText("Why they are connected");
  for (const Rule& rule : rules_) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s: %s", rule.type.c_str(), rule.text.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::SeparatorText("Evidence");
  if (sentences_.empty()) {
    ImGui::TextDisabled("This connection carries no evidence spans.");
    return;
  }
  draw_sentences(ctx);
}

void EvidencePanel::draw_sentences(PanelContext& ctx) {
  // Rows differ in height (titles, wrapped sentences), so the list clips itself with cached
  // offsets instead of ImGuiListClipper: O(visible rows) per frame.
  ImGui::BeginChild("evidence_rows");
  const float width = ImGui::GetContentRegionAvail().x;
  ensure_layout(width);
  const float base = ImGui::GetCursorPosY();
  const float top = ImGui::GetScrollY() - base;
  const float bottom = top + ImGui::GetWindowHeight();
  const auto first = std::upper_bound(offsets_.begin(), offsets_.end() - 1, top);
  size_t r = first == offsets_.begin() ? 0 : static_cast<size_t>(first - offsets_.begin()) - 1;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (; r < rows_.size() && offsets_[r] < bottom; ++r) {
    ImGui::SetCursorPosY(base + offsets_[r]);
    const Row& row = rows_[r];
    if (!row.header) {
      draw_sentence_row(ctx, sentences_[row.index], width);
      continue;
    }
    // A document's title, with its source and date, over a rule.
    const Document& doc = ctx.story.corpus.documents[row.index];
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float height = ImGui::GetFrameHeight();
    const float y = pos.y + (height - ImGui::GetTextLineHeight()) * 0.5f;
    ImGui::PushClipRect(pos, ImVec2(pos.x + width, pos.y + height), true);
    const std::string& title = titles_[row.index];
    draw->AddText(ImVec2(pos.x, y), ImGui::GetColorU32(ImGuiCol_Text), title.c_str());
    std::string detail;
    if (!doc.meta.source.empty()) detail += kDot + display_text(doc.meta.source);
    if (!doc.meta.date.empty()) detail += kDot + display_text(doc.meta.date);
    const float after = pos.x + ImGui::CalcTextSize(title.c_str()).x;
    draw->AddText(ImVec2(after, y), ImGui::GetColorU32(ImGuiCol_TextDisabled), detail.c_str());
    draw->AddLine(ImVec2(pos.x, pos.y + height - 1.0f),
                  ImVec2(pos.x + width, pos.y + height - 1.0f),
                  ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::PopClipRect();
    ImGui::Dummy(ImVec2(width, height));
  }
  ImGui::SetCursorPosY(base + offsets_.back());
  ImGui::Dummy(ImVec2(0.0f, 0.0f));
  ImGui::EndChild();
}

void EvidencePanel::draw_sentence_row(PanelContext& ctx, const Sentence& sentence, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeight();
  const float inner = width - 2.0f * style.FramePadding.x;
  const int lines = wrapped_line_count(sentence.text, inner, kMaxSentenceLines);
  const float height = static_cast<float>(lines + 1) * line + 2.0f * style.FramePadding.y;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::PushID(&sentence);
  if (ImGui::Selectable("##sentence", false, ImGuiSelectableFlags_None, ImVec2(width, height)))
    ctx.open_span(sentence.evidence);
  if (ImGui::BeginItemTooltip()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(sentence.text.c_str());
    ImGui::Separator();
    for (uint32_t r : sentence.relations) {
      const Relation& relation = ctx.story.analysis.relations[r];
      const auto name = [&](int entity) {
        return entity >= 0 && static_cast<size_t>(entity) < ctx.story.analysis.entities.size()
                   ? display_text(ctx.story.analysis.entities[static_cast<size_t>(entity)].name)
                   : std::string("?");
      };
      ImGui::BulletText("%s: %s", relation.type.c_str(),
                        describe(relation, name(relation.source), name(relation.target)).c_str());
    }
    ImGui::TextDisabled("Click to open it in the reader.");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  ImGui::PopID();
  const float x = pos.x + style.FramePadding.x;
  const float y = pos.y + style.FramePadding.y;
  ImGui::PushClipRect(pos, ImVec2(pos.x + width, pos.y + height), true);
  draw_marked_text(x, y, inner, kMaxSentenceLines, sentence.text, sentence.marks,
                   ImGui::GetColorU32(ImGuiCol_Text));
  ImGui::GetWindowDrawList()->AddText(ImVec2(x, y + static_cast<float>(lines) * line),
                                      ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                      sentence.rules.c_str());
  ImGui::PopClipRect();
}

// ---- [SECTION] drawing an entity's neighbours --------------------------------------------------

void EvidencePanel::ensure_neighbours(const PanelContext& ctx) {
  const std::string& id = ctx.view.selection.id;
  if (entity_story_ == ctx.story_version && entity_id_ == id) return;
  entity_story_ = ctx.story_version;
  entity_id_ = id;
  neighbours_.clear();
  const Story& story = ctx.story;
  entity_node_ = story.node_of_id(id);
  if (entity_node_ < 0) return;
  for (const Neighbor& n : story.graph.neighbors(static_cast<uint32_t>(entity_node_)))
    neighbours_.push_back({n.node, n.edge, display_text(story.graph.names[n.node])});
  std::sort(neighbours_.begin(), neighbours_.end(), [&](const Neighbour& a, const Neighbour& b) {
    const double wa = story.graph.edges[a.edge].weight;
    const double wb = story.graph.edges[b.edge].weight;
    if (wa != wb) return wa > wb;
    if (a.name != b.name) return a.name < b.name;
    return a.node < b.node;
  });
}

void EvidencePanel::draw_neighbours(PanelContext& ctx) {
  const Story& story = ctx.story;
  const std::string name = display_text(story.graph.names[static_cast<uint32_t>(entity_node_)]);
  ImGui::PushTextWrapPos(0.0f);
  if (neighbours_.empty()) {
    ImGui::TextDisabled("%s has no connections in the graph.", name.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  ImGui::TextDisabled(
      "Pick a neighbour (here or in the inspector) or an edge in the graph to see the sentences "
      "that connect them. %s's connections, strongest first:",
      name.c_str());
  ImGui::PopTextWrapPos();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("neighbours", 3, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Neighbour", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Weight", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Kinds", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(neighbours_.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Neighbour& n = neighbours_[static_cast<size_t>(i)];
      const GraphEdge& edge = story.graph.edges[n.edge];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      ImGui::PushStyleColor(ImGuiCol_Text,
                            to_imgui_color(entity_type_color(story.graph.nodes[n.node].type)));
      if (ImGui::Selectable(n.name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
        ctx.select(kSelectEdge, edge_selection_id(story, edge));
      ImGui::PopStyleColor();
      ImGui::SetItemTooltip("Show the evidence connecting %s and %s", name.c_str(), n.name.c_str());
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_weight(edge.weight).c_str());
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", join_relation_kinds(edge.kinds, ", ").c_str());
    }
  }
  ImGui::EndTable();
}

// ---- [SECTION] the panel -----------------------------------------------------------------------

void EvidencePanel::draw(PanelContext& ctx) {
  const Selection& selection = ctx.view.selection;
  mode_ = Mode::Nothing;
  if (selection.kind == kSelectEdge) {
    ensure_edge(ctx);
    if (edge_valid_) {
      mode_ = Mode::Edge;
      draw_edge(ctx);
      return;
    }
  } else if (selection.kind == kSelectEntity) {
    ensure_neighbours(ctx);
    if (entity_node_ >= 0) {
      mode_ = Mode::Entity;
      draw_neighbours(ctx);
      return;
    }
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled(
      "Select a connection between two entities in the graph to see the sentences behind it, "
      "or an entity to list its connections.");
  ImGui::PopTextWrapPos();
}

// ---- [SECTION] state ---------------------------------------------------------------------------

nlohmann::json EvidencePanel::state_json() const {
  const bool edge = mode_ == Mode::Edge;
  nlohmann::json state = {{"edge", edge ? nlohmann::json(edge_id_) : nlohmann::json(nullptr)},
                          {"documents", edge ? documents_ : 0},
                          {"sentences", edge ? sentences_.size() : 0},
                          {"rules", edge ? nlohmann::json(rule_types_) : nlohmann::json::array()}};
  if (mode_ == Mode::Entity) {
    state["entity"] = entity_id_;
    state["neighbours"] = neighbours_.size();
  }
  return state;
}

}  // namespace dramatis::ui
