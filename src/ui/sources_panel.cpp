#include "ui/sources_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string_view>
#include <utility>

#include "core/text/markdown.h"
#include "core/text/sentences.h"
#include "core/text/tokens.h"
#include "ui/display_text.h"

namespace dramatis::ui {
namespace {

enum Column { kTitle, kOutlet, kDate, kEntities, kQuotes, kQuoted, kColumnCount };
constexpr const char* kColumnNames[] = {"title", "outlet", "date", "entities", "quotes", "quoted"};

constexpr size_t kTopSpeakers = 3;         // named in the "Quoted" column
constexpr size_t kMaxSentenceBytes = 360;  // a claim's context, cut around the claim
constexpr size_t kMaxStateIds = 20;
constexpr float kConflictEstimateLines = 7.0f;  // height of a conflict not yet drawn

const char* const kDash = "\xE2\x80\x94";

// The sentence holding byte `offset`, else the line holding it, as [start, end).
std::pair<size_t, size_t> sentence_at(std::string_view bytes,
                                      const std::vector<text::Sentence>& sentences, size_t offset) {
  const auto after = std::upper_bound(
      sentences.begin(), sentences.end(), offset,
      [](size_t at, const text::Sentence& s) { return at < static_cast<size_t>(s.start); });
  if (after != sentences.begin()) {
    const text::Sentence& s = *(after - 1);
    if (offset < s.end) return {s.start, s.end};
  }
  const size_t line_start = offset == 0 ? 0 : bytes.rfind('\n', offset - 1);
  const size_t line_end = bytes.find('\n', offset);
  return {line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1,
          line_end == std::string_view::npos ? bytes.size() : line_end};
}

void open_claim(PanelContext& ctx, const DocSpan& span) {
  if (span.doc < ctx.story.corpus.documents.size()) ctx.open_span(span);
}

}  // namespace

void SourcesPanel::rebuild(const Story& story) {
  const Corpus& corpus = story.corpus;
  const Analysis& analysis = story.analysis;
  const size_t n = corpus.documents.size();
  docs_.assign(n, DocumentRow{});
  for (size_t d = 0; d < n; ++d) {
    const DocumentMeta& meta = corpus.documents[d].meta;
    DocumentRow& row = docs_[d];
    row.id = meta.id;
    row.title = one_line(display_text(meta.title.empty() ? meta.id : meta.title));
    row.outlet = meta.source.empty() ? kDash : one_line(display_text(meta.source));
    row.date = meta.date.empty() ? kDash : display_text(meta.date);
  }

  // Distinct entities per document: `seen` remembers the last entity counted in each document.
  std::vector<size_t> seen(n, std::numeric_limits<size_t>::max());
  for (size_t e = 0; e < analysis.entities.size(); ++e) {
    if (analysis.entities[e].type == EntityType::Date) continue;  // dates are not the cast
    for (const DocSpan& mention : analysis.entities[e].mentions) {
      if (mention.doc >= n || seen[mention.doc] == e) continue;
      seen[mention.doc] = e;
      ++docs_[mention.doc].entities;
    }
  }

  // Quotes per (document, speaker), counted by sorting the pairs.
  std::vector<std::pair<uint32_t, int>> pairs;
  pairs.reserve(analysis.quotes.size());
  for (const Quote& quote : analysis.quotes) {
    if (quote.span.doc >= n) continue;
    const bool known =
        quote.speaker >= 0 && static_cast<size_t>(quote.speaker) < analysis.entities.size();
    pairs.emplace_back(quote.span.doc, known ? quote.speaker : -1);
    ++docs_[quote.span.doc].quotes;
  }
  std::sort(pairs.begin(), pairs.end());
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    Speaker speaker;
    speaker.entity = pairs[i].second;
    speaker.quotes = static_cast<uint32_t>(j - i);
    if (speaker.entity >= 0) {
      const size_t e = static_cast<size_t>(speaker.entity);
      speaker.id = analysis.entities[e].id;
      speaker.name = one_line(display_text(analysis.entities[e].name));
      speaker.selectable =
          e < story.graph.node_of_entity.size() && story.graph.node_of_entity[e] >= 0;
    } else {
      speaker.name = "Unattributed";
    }
    docs_[pairs[i].first].speakers.push_back(std::move(speaker));
    i = j;
  }
  for (DocumentRow& row : docs_) {
    // Most quoted first, ties in entity order; the unattributed last.
    std::sort(row.speakers.begin(), row.speakers.end(), [](const Speaker& a, const Speaker& b) {
      if ((a.entity < 0) != (b.entity < 0)) return b.entity < 0;
      if (a.quotes != b.quotes) return a.quotes > b.quotes;
      return a.entity < b.entity;
    });
    std::string quoted;
    size_t named = 0;
    for (const Speaker& speaker : row.speakers) {
      if (speaker.entity < 0) continue;
      ++row.attributed_speakers;
      if (named == kTopSpeakers) continue;
      if (named++ > 0) quoted += ", ";
      quoted += speaker.name + " (" + std::to_string(speaker.quotes) + ")";
    }
    if (row.attributed_speakers > named)
      quoted += ", +" + std::to_string(row.attributed_speakers - named) + " more";
    if (quoted.empty() && row.quotes > 0)
      quoted = "unattributed (" + std::to_string(row.quotes) + ")";
    row.quoted = quoted.empty() ? kDash : quoted;
  }

  // Conflicts: each claim with the sentence around it. Sentences are split only for documents
  // that hold a claim, once per story.
  conflicts_.clear();
  std::vector<std::vector<text::Sentence>> sentences(n);
  std::vector<uint8_t> split(n, 0);
  for (const Conflict& conflict : analysis.conflicts) {
    ConflictView view;
    view.about = one_line(display_text(conflict.about));
    for (const ConflictClaim& claim : conflict.claims) {
      const uint32_t doc = claim.span.doc;
      if (doc >= n) continue;
      const std::string_view bytes = corpus.documents[doc].bytes;
      if (!split[doc]) {
        const std::vector<text::Token> tokens = text::tokenize(bytes);
        sentences[doc] = text::split_sentences(bytes, tokens, text::parse_blocks(bytes));
        split[doc] = 1;
      }
      const auto [start, end] = sentence_at(bytes, sentences[doc], claim.span.start);
      ClaimView shown;
      shown.value = one_line(display_text(claim.value));
      shown.document = docs_[doc].title;
      if (docs_[doc].date != kDash) shown.document += " (" + docs_[doc].date + ")";
      shown.sentence = snippet(bytes, start, std::max(end, claim.span.end), claim.span.start,
                               claim.span.end, kMaxSentenceBytes);
      shown.span = claim.span;
      view.claims.push_back(std::move(shown));
    }
    conflicts_.push_back(std::move(view));
  }
  conflict_heights_.assign(conflicts_.size(), 0.0f);
  tops_dirty_ = true;

  expanded_.assign(n, 0);
  sort_documents();
}

void SourcesPanel::sort_documents() {
  order_.resize(docs_.size());
  for (uint32_t d = 0; d < order_.size(); ++d) order_[d] = d;
  lines_dirty_ = true;
  if (sort_column_ < 0) return;
  const auto key_less = [&](uint32_t a, uint32_t b) {
    const DocumentRow& x = docs_[a];
    const DocumentRow& y = docs_[b];
    switch (sort_column_) {
      case kTitle: return x.title < y.title;
      case kOutlet: return x.outlet < y.outlet;
      case kDate: return x.date < y.date;
      case kEntities: return x.entities < y.entities;
      case kQuotes: return x.quotes < y.quotes;
      default:
        return std::pair(x.attributed_speakers, x.quotes) <
               std::pair(y.attributed_speakers, y.quotes);
    }
  };
  // Stable, so equal keys keep corpus order and the table never flickers between frames.
  std::stable_sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
    return sort_ascending_ ? key_less(a, b) : key_less(b, a);
  });
}

void SourcesPanel::flatten() {
  lines_.clear();
  for (uint32_t doc : order_) {
    lines_.push_back({doc, -1});
    if (!expanded_[doc]) continue;
    for (size_t s = 0; s < docs_[doc].speakers.size(); ++s)
      lines_.push_back({doc, static_cast<int32_t>(s)});
  }
  lines_dirty_ = false;
}

void SourcesPanel::draw_document_line(PanelContext& ctx, uint32_t doc) {
  const DocumentRow& row = docs_[doc];
  ImGui::TableNextColumn();
  ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_SpanAllColumns | ImGuiTreeNodeFlags_OpenOnArrow |
                             ImGuiTreeNodeFlags_OpenOnDoubleClick |
                             ImGuiTreeNodeFlags_NoTreePushOnOpen;
  if (row.speakers.empty()) flags |= ImGuiTreeNodeFlags_Leaf;
  if (ctx.view.selection.is(kSelectDocument, row.id)) flags |= ImGuiTreeNodeFlags_Selected;
  ImGui::SetNextItemOpen(expanded_[doc] != 0, ImGuiCond_Always);
  // The pointer form: its label is shown as given, so a title holding "##" is not cut.
  const bool open = ImGui::TreeNodeEx(reinterpret_cast<void*>(static_cast<intptr_t>(doc) + 1),
                                      flags, "%s", row.title.c_str());
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left) && !ImGui::IsItemToggledOpen())
    ctx.select(kSelectDocument, row.id);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("%s\n%s", row.title.c_str(),
                      row.speakers.empty() ? "No quotes" : "The arrow lists every speaker");
  if (!row.speakers.empty() && open != (expanded_[doc] != 0)) {
    expanded_[doc] = open ? 1 : 0;
    lines_dirty_ = true;
  }
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(row.outlet.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(row.date.c_str());
  ImGui::TableNextColumn();
  ImGui::Text("%u", row.entities);
  ImGui::TableNextColumn();
  ImGui::Text("%u", row.quotes);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(row.quoted.c_str());
}

void SourcesPanel::draw_speaker_line(PanelContext& ctx, uint32_t doc, const Speaker& speaker) {
  ImGui::TableNextColumn();
  const float indent = ImGui::GetTreeNodeToLabelSpacing();
  ImGui::Indent(indent);
  if (speaker.selectable) {
    const bool selected = ctx.view.selection.is(kSelectEntity, speaker.id);
    if (ImGui::Selectable(visible_label(speaker.name).c_str(), selected))
      ctx.select(kSelectEntity, speaker.id);
    ImGui::SetItemTooltip("Select %s", speaker.name.c_str());
  } else {
    ImGui::TextDisabled("%s", speaker.name.c_str());
  }
  ImGui::Unindent(indent);
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  ImGui::Text("%u", speaker.quotes);
  ImGui::TableNextColumn();
  const uint32_t total = docs_[doc].quotes;
  ImGui::TextDisabled("%u of %u quote%s", speaker.quotes, total, total == 1 ? "" : "s");
}

void SourcesPanel::draw_table(PanelContext& ctx, float height) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("sources", kColumnCount, flags, ImVec2(0.0f, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  const ImGuiTableColumnFlags numeric =
      ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_PreferSortDescending;
  ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 3.2f);
  ImGui::TableSetupColumn("Outlet", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1.1f);
  ImGui::TableSetupColumn("Entities", numeric, 0.8f);
  ImGui::TableSetupColumn("Quotes", numeric, 0.7f);
  ImGui::TableSetupColumn("Quoted", numeric, 2.8f);
  ImGui::TableHeadersRow();

  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      sort_column_ = specs->Specs[0].ColumnIndex;
      sort_ascending_ = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    } else {
      sort_column_ = -1;
    }
    specs->SpecsDirty = false;
    sort_documents();
  }
  if (lines_dirty_) flatten();

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines_.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      // A copy: expanding a row marks lines_ for rebuilding, which happens next frame.
      const TableLine line = lines_[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      ImGui::PushID(i);
      if (line.speaker < 0) {
        draw_document_line(ctx, line.doc);
      } else {
        draw_speaker_line(ctx, line.doc,
                          docs_[line.doc].speakers[static_cast<size_t>(line.speaker)]);
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

void SourcesPanel::draw_claim(PanelContext& ctx, size_t conflict, size_t index) {
  const ClaimView& claim = conflicts_[conflict].claims[index];
  ImGui::PushID(static_cast<int>(index));
  if (ImGui::Selectable(visible_label(claim.value).c_str())) open_claim(ctx, claim.span);
  ImGui::SetItemTooltip("Open the reader at this claim");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", claim.document.c_str());
  ImGui::PopStyleColor();
  ImGui::TextWrapped("%s", claim.sentence.c_str());
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("Open the reader at this claim");
  }
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) open_claim(ctx, claim.span);
  ImGui::PopID();
}

void SourcesPanel::draw_conflicts(PanelContext& ctx) {
  if (!ImGui::BeginChild("conflicts")) {
    ImGui::EndChild();
    return;
  }
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float width = ImGui::GetContentRegionAvail().x;
  if (width != conflicts_width_) {
    // Wrapping changes with the width: heights are measured again as conflicts come into view.
    conflicts_width_ = width;
    std::fill(conflict_heights_.begin(), conflict_heights_.end(), 0.0f);
    tops_dirty_ = true;
  }
  const size_t n = conflicts_.size();
  if (tops_dirty_) {
    conflict_tops_.assign(n + 1, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      const float h =
          conflict_heights_[i] > 0.0f ? conflict_heights_[i] : kConflictEstimateLines * line;
      conflict_tops_[i + 1] = conflict_tops_[i] + h;
    }
    tops_dirty_ = false;
  }
  // Only the conflicts in view are drawn: find the first by its top, draw until past the bottom.
  const float base = ImGui::GetCursorPosY();
  const float scroll = ImGui::GetScrollY();
  const float bottom = scroll + ImGui::GetWindowHeight();
  const auto first_it =
      std::upper_bound(conflict_tops_.begin(), conflict_tops_.end() - 1, scroll - base);
  size_t i = first_it == conflict_tops_.begin()
                 ? 0
                 : static_cast<size_t>(first_it - conflict_tops_.begin()) - 1;
  float y = base + conflict_tops_[i];
  for (; i < n && y < bottom; ++i) {
    ImGui::SetCursorPosY(y);
    ImGui::PushID(static_cast<int>(i));
    const ConflictView& conflict = conflicts_[i];
    ImGui::TextWrapped("%s", conflict.about.c_str());
    if (conflict.claims.size() == 2 &&
        ImGui::BeginTable("claims", 2,
                          ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
      for (size_t c = 0; c < 2; ++c) {
        ImGui::TableNextColumn();
        draw_claim(ctx, i, c);
      }
      ImGui::EndTable();
    } else if (conflict.claims.size() != 2) {
      ImGui::Indent();
      for (size_t c = 0; c < conflict.claims.size(); ++c) {
        if (c > 0) ImGui::Spacing();
        draw_claim(ctx, i, c);
      }
      ImGui::Unindent();
    }
    ImGui::Separator();
    ImGui::PopID();
    const float next = ImGui::GetCursorPosY();
    const float height = next - y;
    if (std::abs(height - conflict_heights_[i]) > 0.5f) {
      conflict_heights_[i] = height;
      tops_dirty_ = true;
    }
    y = next;
  }
  // The scroll extent: what was not drawn keeps its measured (or estimated) height.
  ImGui::SetCursorPosY(y + conflict_tops_[n] - conflict_tops_[i]);
  ImGui::Dummy(ImVec2(1.0f, 1.0f));
  ImGui::EndChild();
}

void SourcesPanel::draw(PanelContext& ctx) {
  if (!built_ || built_for_ != ctx.story_version) {
    rebuild(ctx.story);
    built_ = true;
    built_for_ = ctx.story_version;
  }
  if (docs_.empty()) {
    ImGui::TextDisabled("No documents in this story: open some to compare their sources.");
    return;
  }
  if (lines_dirty_) flatten();
  ImGui::TextDisabled("%zu documents \xC2\xB7 %zu conflicts", docs_.size(), conflicts_.size());
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row = ImGui::GetTextLineHeight() + 2.0f * style.CellPadding.y;
  const float avail = ImGui::GetContentRegionAvail().y;
  // The table takes what its rows need, leaving the conflicts room below.
  const float below = conflicts_.empty() ? 3.0f * ImGui::GetFrameHeightWithSpacing()
                                         : std::max(0.45f * avail, 8.0f * row);
  const float wanted = static_cast<float>(lines_.size() + 1) * row + 2.0f * style.CellPadding.y;
  const float height = std::max(4.0f * row, std::min(wanted, avail - below));
  draw_table(ctx, height);
  ImGui::SeparatorText("Conflicts");
  if (conflicts_.empty()) {
    ImGui::TextDisabled("No conflicts found between the documents.");
    return;
  }
  draw_conflicts(ctx);
}

nlohmann::json SourcesPanel::state_json() const {
  nlohmann::json order = nlohmann::json::array();
  for (size_t i = 0; i < order_.size() && i < kMaxStateIds; ++i)
    order.push_back(docs_[order_[i]].id);
  size_t expanded = 0;
  for (uint8_t open : expanded_) expanded += open;
  return {{"documents", docs_.size()},
          {"conflicts", conflicts_.size()},
          {"first_conflict",
           conflicts_.empty() ? nlohmann::json(nullptr) : nlohmann::json(conflicts_[0].about)},
          {"order", order},
          {"sort",
           sort_column_ < 0 ? nlohmann::json(nullptr) : nlohmann::json(kColumnNames[sort_column_])},
          {"ascending", sort_ascending_},
          {"expanded", expanded}};
}

}  // namespace dramatis::ui
