// Sections:
//   [SECTION] Text helpers: titles, dates, counts (snippets and keyword in context are in
//             display_text.h; rows, lists, tables and facts in widgets.h)
//   [SECTION] Cache: what the selection resolves to, built once per story version and selection
//   [SECTION] Entity
//   [SECTION] Quote, document, edge
//   [SECTION] Frame and state
#include "ui/inspector_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/text/ascii.h"
#include "core/text/utf8.h"
#include "ui/display_text.h"
#include "ui/palette.h"
#include "ui/widgets.h"

namespace dramatis::ui {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Text helpers: titles, dates, counts
//-------------------------------------------------------------------------------------------------

constexpr size_t kQuoteLineBytes = 160;   // a quote on one line of a list
constexpr size_t kQuoteTextBytes = 4000;  // a quote in full in the quote view

std::string document_title(const Corpus& corpus, uint32_t doc) {
  if (doc >= corpus.documents.size()) return {};
  const DocumentMeta& meta = corpus.documents[doc].meta;
  return one_line(display_text(meta.title.empty() ? meta.id : meta.title));
}

// "YYYY-MM-DD" of a YYYYMMDD day.
std::string iso_day(int32_t day) {
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
  return text;
}

// A date interval as the reader would write it: a day, a month (2025-11-01..2025-11-31 is
// "2025-11"), a year, or a range of days.
std::string date_text(const DateInterval& date) {
  if (!date.known()) return {};
  if (date.first == date.last) return iso_day(date.first);
  const int32_t year = date.first / 10000;
  if (date.first == year * 10000 + 101 && date.last == year * 10000 + 1231)
    return std::to_string(year);
  const int32_t month = date.first / 100;
  if (date.first == month * 100 + 1 && date.last == month * 100 + 31)
    return iso_day(date.first).substr(0, 7);
  return iso_day(date.first) + " \xE2\x80\x93 " + iso_day(date.last);
}

// "1 mention", "3 mentions".
std::string count_text(size_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

std::string speaker_name(const Analysis& analysis, int speaker) {
  if (speaker < 0 || static_cast<size_t>(speaker) >= analysis.entities.size()) return {};
  return one_line(display_text(analysis.entities[static_cast<size_t>(speaker)].name));
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Cache: what the selection resolves to, built once per story version and selection
//-------------------------------------------------------------------------------------------------

int32_t InspectorPanel::entity_index(const Story& story, uint64_t version, std::string_view id) {
  if (entity_index_version_ != version) {
    entity_index_.clear();
    entity_index_.reserve(story.analysis.entities.size());
    for (uint32_t e = 0; e < story.analysis.entities.size(); ++e)
      entity_index_.emplace(story.analysis.entities[e].id, e);
    entity_index_version_ = version;
  }
  const auto found = entity_index_.find(std::string(id));
  return found == entity_index_.end() ? -1 : static_cast<int32_t>(found->second);
}

void InspectorPanel::build_entity(const Story& story) {
  const Analysis& analysis = story.analysis;
  const EntityGraph& graph = story.graph;
  const int32_t e = entity_index(story, *cache_.version, cache_.selection.id);
  cache_.entity = e;
  if (e >= 0) {
    cache_.node =
        static_cast<size_t>(e) < graph.node_of_entity.size() ? graph.node_of_entity[e] : -1;
  } else if (analysis.entities.empty()) {
    cache_.node = story.node_of_id(cache_.selection.id);  // a graph with no analysis behind it
  }
  if (e >= 0) {
    cache_.name = one_line(display_text(analysis.entities[static_cast<size_t>(e)].name));
  } else if (cache_.node >= 0 && static_cast<size_t>(cache_.node) < graph.names.size()) {
    cache_.name = one_line(display_text(graph.names[static_cast<size_t>(cache_.node)]));
  }

  if (e >= 0) {
    const Entity& entity = analysis.entities[static_cast<size_t>(e)];
    cache_.alias_count = entity.aliases.size();
    cache_.merge_count = entity.merges.size();
    cache_.mention_count = entity.mentions.size();
    // Aliases, each followed by the merge records that made it; then merge records whose alias
    // is not (or no longer) listed, grouped the same way.
    std::vector<std::string> aliases = entity.aliases;
    for (const AliasMerge& merge : entity.merges) {
      if (std::find(aliases.begin(), aliases.end(), merge.alias) == aliases.end())
        aliases.push_back(merge.alias);
    }
    for (const std::string& alias : aliases) {
      AliasRow heading{alias, -1, false};
      const size_t heading_at = cache_.alias_rows.size();
      cache_.alias_rows.push_back(heading);
      for (size_t m = 0; m < entity.merges.size(); ++m) {
        if (entity.merges[m].alias != alias) continue;
        cache_.alias_rows[heading_at].splittable = true;
        cache_.alias_rows.push_back(AliasRow{alias, static_cast<int32_t>(m), false});
      }
    }

    // Mentions grouped by document (they are sorted by (doc, start)), and the documents by
    // mention count.
    for (size_t m = 0; m < entity.mentions.size(); ++m) {
      const uint32_t doc = entity.mentions[m].doc;
      if (cache_.documents.empty() || cache_.documents.back().index != doc) {
        cache_.mention_rows.push_back(MentionRow{doc, -1});
        cache_.documents.push_back(Count{doc, 0});
      }
      cache_.mention_rows.push_back(MentionRow{doc, static_cast<int32_t>(m)});
      ++cache_.documents.back().count;
    }
    std::stable_sort(cache_.documents.begin(), cache_.documents.end(),
                     [](const Count& a, const Count& b) { return a.count > b.count; });

    // Quotes by it, and quotes that hold one of its mentions and are someone else's.
    const auto before = [](const DocSpan& m, const DocSpan& q) {
      return m.doc != q.doc ? m.doc < q.doc : m.start < q.start;
    };
    for (uint32_t q = 0; q < analysis.quotes.size(); ++q) {
      const Quote& quote = analysis.quotes[q];
      if (quote.speaker == e) {
        cache_.quotes_by.push_back(q);
        continue;
      }
      auto it =
          std::lower_bound(entity.mentions.begin(), entity.mentions.end(), quote.span, before);
      for (; it != entity.mentions.end() && it->doc == quote.span.doc && it->start < quote.span.end;
           ++it) {
        if (it->end <= quote.span.end) {
          cache_.quotes_about.push_back(q);
          break;
        }
      }
    }
  }

  if (cache_.node >= 0 && static_cast<uint32_t>(cache_.node) < graph.node_count() &&
      static_cast<size_t>(cache_.node) + 1 < graph.adjacency_offsets.size()) {
    for (const Neighbor& n : graph.neighbors(static_cast<uint32_t>(cache_.node))) {
      const GraphEdge& edge = graph.edges[n.edge];
      cache_.neighbors.push_back(NeighborRow{n.node, n.edge, story.node_id(n.node),
                                             story.node_id(edge.a) + "~" + story.node_id(edge.b),
                                             join_relation_kinds(edge.kinds, ", ")});
    }
    std::sort(cache_.neighbors.begin(), cache_.neighbors.end(),
              [&](const NeighborRow& a, const NeighborRow& b) {
                const double wa = graph.edges[a.edge].weight;
                const double wb = graph.edges[b.edge].weight;
                if (wa != wb) return wa > wb;
                if (a.node < graph.names.size() && b.node < graph.names.size() &&
                    graph.names[a.node] != graph.names[b.node])
                  return graph.names[a.node] < graph.names[b.node];
                return a.node < b.node;
              });
  }
}

void InspectorPanel::build_quote(const Story& story) {
  const Analysis& analysis = story.analysis;
  cache_.quote = story.quote_index(cache_.selection.id);
  if (cache_.quote < 0) return;
  const Quote& quote = analysis.quotes[static_cast<size_t>(cache_.quote)];
  cache_.name = speaker_name(analysis, quote.speaker);
  if (quote.cluster.empty()) return;
  for (uint32_t q = 0; q < analysis.quotes.size(); ++q) {
    if (static_cast<int32_t>(q) != cache_.quote && analysis.quotes[q].cluster == quote.cluster)
      cache_.cluster.push_back(q);
  }
}

void InspectorPanel::build_document(const Story& story) {
  const Document* found = story.corpus.find(cache_.selection.id);
  if (found == nullptr) return;
  const auto doc = static_cast<uint32_t>(found - story.corpus.documents.data());
  cache_.document = static_cast<int32_t>(doc);
  cache_.name = document_title(story.corpus, doc);
  const Analysis& analysis = story.analysis;
  // Each entity's mentions are sorted by document: its count here is one equal range.
  const auto doc_less = [](const DocSpan& a, const DocSpan& b) { return a.doc < b.doc; };
  const DocSpan key{doc, 0, 0};
  for (uint32_t e = 0; e < analysis.entities.size(); ++e) {
    const std::vector<DocSpan>& mentions = analysis.entities[e].mentions;
    const auto range = std::equal_range(mentions.begin(), mentions.end(), key, doc_less);
    const auto count = static_cast<uint32_t>(range.second - range.first);
    if (count > 0) cache_.entities.push_back(Count{e, count});
  }
  std::stable_sort(cache_.entities.begin(), cache_.entities.end(),
                   [](const Count& a, const Count& b) { return a.count > b.count; });
  for (uint32_t q = 0; q < analysis.quotes.size(); ++q) {
    if (analysis.quotes[q].span.doc == doc) cache_.doc_quotes.push_back(q);
  }
}

void InspectorPanel::build_edge(const Story& story) {
  const std::string& id = cache_.selection.id;
  const size_t tilde = id.find('~');
  if (tilde == std::string::npos) return;
  const int32_t a = story.node_of_id(std::string_view(id).substr(0, tilde));
  const int32_t b = story.node_of_id(std::string_view(id).substr(tilde + 1));
  if (a < 0 || b < 0) return;
  const auto edge = story.graph.find_edge(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
  if (!edge) return;
  cache_.edge = static_cast<int32_t>(*edge);
  const GraphEdge& e = story.graph.edges[*edge];
  if (e.a < story.graph.names.size() && e.b < story.graph.names.size())
    cache_.name = one_line(display_text(story.graph.names[e.a])) + " \xE2\x80\x93 " +
                  one_line(display_text(story.graph.names[e.b]));
}

void InspectorPanel::rebuild(const Story& story, uint64_t version, const Selection& selection) {
  cache_ = Cache{};
  cache_.version = version;
  cache_.selection = selection;
  if (selection.kind == kSelectEntity) build_entity(story);
  if (selection.kind == kSelectQuote) build_quote(story);
  if (selection.kind == kSelectDocument) build_document(story);
  if (selection.kind == kSelectEdge) build_edge(story);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Entity
//-------------------------------------------------------------------------------------------------

void InspectorPanel::draw_aliases(PanelContext& ctx, const Entity& entity) {
  if (cache_.alias_rows.empty()) {
    ImGui::TextDisabled("No other names: every mention reads \"%s\".", cache_.name.c_str());
    return;
  }
  const ImU32 hit = to_imgui_color(entity_type_color(entity.type));
  const float indent = ImGui::GetFontSize() + ImGui::GetStyle().FramePadding.x * 2.0f;
  clipped_list("aliases_list", static_cast<int>(cache_.alias_rows.size()), [&](int i) {
    const AliasRow& row = cache_.alias_rows[static_cast<size_t>(i)];
    if (row.merge < 0) {
      ImGui::BulletText("%s", one_line(display_text(row.alias)).c_str());
      if (!row.splittable) return;
      ImGui::SameLine();
      const float button = text_width("Split") + ImGui::GetStyle().FramePadding.x * 2.0f;
      const float room = ImGui::GetContentRegionAvail().x;
      if (room > button) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - button);
      if (ImGui::SmallButton("Split")) {
        ctx.edit_requests.push_back(EditRequest{
            .kind = EditRequest::Kind::Split, .entity = entity.id, .other = {}, .text = row.alias});
      }
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
        ImGui::SetTooltip("Take the mentions that read \"%s\" out into an entity of their own.",
                          one_line(display_text(row.alias)).c_str());
      }
      return;
    }
    const AliasMerge& merge = entity.merges[static_cast<size_t>(row.merge)];
    char prefix[96];
    std::snprintf(prefix, sizeof(prefix), "%s %.2f", one_line(display_text(merge.rule)).c_str(),
                  merge.confidence);
    if (kwic_row("##evidence", kwic_of(ctx.story.corpus, merge.evidence), hit, prefix, indent) &&
        merge.evidence.doc < ctx.story.corpus.documents.size()) {
      ctx.open_span(merge.evidence);
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
      ImGui::SetTooltip(
          "Merged by the \"%s\" rule, confidence %.2f, seen in %s.\nClick to read "
          "it there.",
          one_line(display_text(merge.rule)).c_str(), merge.confidence,
          document_title(ctx.story.corpus, merge.evidence.doc).c_str());
    }
  });
}

void InspectorPanel::draw_merge_popup(PanelContext& ctx, const Entity& entity) {
  if (!ImGui::BeginPopup("merge_with")) return;
  const float em = ImGui::GetFontSize();
  const Analysis& analysis = ctx.story.analysis;
  ImGui::PushTextWrapPos(22.0f * em);
  ImGui::TextUnformatted(("Merge \"" + cache_.name + "\" into:").c_str());
  ImGui::TextDisabled("Its mentions, names and quotes join the entity you pick.");
  ImGui::PopTextWrapPos();
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(22.0f * em);
  ImGui::InputTextWithHint("##merge_search", "Search names and aliases", merge_query_,
                           sizeof(merge_query_));

  const std::string query = text::to_lower_ascii(text::trim_space(merge_query_));
  if (merge_rows_version_ != ctx.story_version || merge_rows_entity_ != cache_.entity ||
      merge_rows_query_ != query) {
    merge_rows_.clear();
    for (uint32_t e = 0; e < analysis.entities.size(); ++e) {
      if (static_cast<int32_t>(e) == cache_.entity) continue;
      const Entity& other = analysis.entities[e];
      bool match =
          query.empty() || text::to_lower_ascii(other.name).find(query) != std::string::npos;
      for (size_t a = 0; !match && a < other.aliases.size(); ++a)
        match = text::to_lower_ascii(other.aliases[a]).find(query) != std::string::npos;
      if (match) merge_rows_.push_back(e);
    }
    // Entities of the same type first (the likely merges), then the most mentioned.
    std::sort(merge_rows_.begin(), merge_rows_.end(), [&](uint32_t x, uint32_t y) {
      const Entity& a = analysis.entities[x];
      const Entity& b = analysis.entities[y];
      const bool same_a = a.type == entity.type;
      const bool same_b = b.type == entity.type;
      if (same_a != same_b) return same_a;
      if (a.mentions.size() != b.mentions.size()) return a.mentions.size() > b.mentions.size();
      if (a.name != b.name) return a.name < b.name;
      return a.id < b.id;
    });
    merge_rows_version_ = ctx.story_version;
    merge_rows_entity_ = cache_.entity;
    merge_rows_query_ = query;
  }

  if (merge_rows_.empty()) {
    ImGui::TextDisabled("No other entity matches.");
  } else {
    const int shown = std::min(static_cast<int>(merge_rows_.size()), kMaxListRows);
    ImGui::BeginChild(
        "merge_list",
        ImVec2(22.0f * em, static_cast<float>(shown) * ImGui::GetTextLineHeightWithSpacing()),
        ImGuiChildFlags_None);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(merge_rows_.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const Entity& other = analysis.entities[merge_rows_[static_cast<size_t>(i)]];
        const std::string label = one_line(display_text(other.name)) + "  \xC2\xB7 " +
                                  std::string(to_string(other.type)) + " \xC2\xB7 " +
                                  count_text(other.mentions.size(), "mention", "mentions");
        ImGui::PushID(i);
        if (entity_row("##merge_into", label, other.type)) {
          ctx.edit_requests.push_back(EditRequest{.kind = EditRequest::Kind::Merge,
                                                  .entity = entity.id,
                                                  .other = other.id,
                                                  .text = {}});
          ImGui::CloseCurrentPopup();
        }
        ImGui::PopID();
      }
    }
    ImGui::EndChild();
  }
  ImGui::EndPopup();
}

std::string InspectorPanel::saved_note(const UserEdits& edits, const std::string& entity) {
  const auto found = edits.notes.find(entity);
  return found == edits.notes.end() ? std::string() : found->second;
}

void InspectorPanel::load_actions(PanelContext& ctx, const Entity& entity) {
  const bool same = actions_version_ == ctx.story_version && actions_entity_ == entity.id;
  if (same) {
    // The saved note changed (the App applied an edit): show it unless the user is typing.
    const std::string saved = saved_note(ctx.edits, entity.id);
    if (!note_active_ && saved != note_loaded_) note_ = note_loaded_ = saved;
    return;
  }
  // The selection moved on in the very frame the note lost the keyboard, so its own
  // deactivation was never seen: keep what was written, for the entity it was written for.
  if (!actions_entity_.empty() && note_ != note_loaded_ &&
      entity_index(ctx.story, ctx.story_version, actions_entity_) >= 0) {
    const std::string text(text::trim_space(note_));
    if (text != saved_note(ctx.edits, actions_entity_)) {
      ctx.edit_requests.push_back(EditRequest{
          .kind = EditRequest::Kind::Note, .entity = actions_entity_, .other = {}, .text = text});
    }
  }
  actions_entity_ = entity.id;
  actions_version_ = ctx.story_version;
  std::snprintf(rename_, sizeof(rename_), "%s", entity.name.c_str());
  note_ = note_loaded_ = saved_note(ctx.edits, entity.id);
  note_active_ = false;
}

void InspectorPanel::draw_actions(PanelContext& ctx, const Entity& entity) {
  const ImGuiStyle& style = ImGui::GetStyle();
  // Widget ids per entity, so an input left active on one entity is never read as another's.
  ImGui::PushID(entity.id.c_str());

  // Rename: Enter or the button.
  const float button = text_width("Rename") + style.FramePadding.x * 2.0f;
  ImGui::SetNextItemWidth(std::max(4.0f * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x -
                                                                    button - style.ItemSpacing.x));
  const bool enter =
      ImGui::InputText("##rename", rename_, sizeof(rename_), ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const std::string_view wanted = text::trim_space(rename_);
  const bool can_rename = !wanted.empty() && wanted != entity.name;
  ImGui::BeginDisabled(!can_rename);
  const bool clicked = ImGui::Button("Rename");
  ImGui::EndDisabled();
  if ((enter || clicked) && can_rename) {
    ctx.edit_requests.push_back(EditRequest{.kind = EditRequest::Kind::Rename,
                                            .entity = entity.id,
                                            .other = {},
                                            .text = std::string(wanted)});
  }

  if (ImGui::Button("Merge with...")) {
    merge_query_[0] = '\0';
    ImGui::OpenPopup("merge_with");
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("Pick the entity this one is really: the two become one.");
  draw_merge_popup(ctx, entity);
  ImGui::SameLine();
  const bool hidden = ctx.edits.hidden.count(entity.id) != 0;
  if (ImGui::Button(hidden ? "Show again" : "Hide")) {
    ctx.edit_requests.push_back(
        EditRequest{.kind = hidden ? EditRequest::Kind::Unhide : EditRequest::Kind::Hide,
                    .entity = entity.id,
                    .other = {},
                    .text = {}});
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
    ImGui::SetTooltip("%s", hidden ? "Put it back in the graph."
                                   : "Leave it out of the graph; it stays in the lists, dimmed.");
  }

  ImGui::TextDisabled("Note");
  ImGui::InputTextMultiline(
      "##note", note_.data(), note_.capacity() + 1,
      ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4.0f + style.FramePadding.y * 2.0f),
      ImGuiInputTextFlags_CallbackResize, input_string_resize, &note_);
  note_active_ = ImGui::IsItemActive();
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    ctx.edit_requests.push_back(EditRequest{.kind = EditRequest::Kind::Note,
                                            .entity = entity.id,
                                            .other = {},
                                            .text = std::string(text::trim_space(note_))});
    // Posted: a later selection change has nothing left to keep.
    note_loaded_ = note_;
  }
  ImGui::PopID();
}

void InspectorPanel::draw_mentions(PanelContext& ctx, const Entity& entity) {
  if (cache_.mention_rows.empty()) {
    ImGui::TextDisabled("No mentions left: the user's edits moved them elsewhere.");
    return;
  }
  const Corpus& corpus = ctx.story.corpus;
  const ImU32 hit = to_imgui_color(entity_type_color(entity.type));
  const float indent = ImGui::GetStyle().IndentSpacing * 0.5f;
  clipped_list("mentions_list", static_cast<int>(cache_.mention_rows.size()), [&](int i) {
    const MentionRow& row = cache_.mention_rows[static_cast<size_t>(i)];
    if (row.mention < 0) {
      ImGui::TextDisabled("%s", document_title(corpus, row.doc).c_str());
      return;
    }
    const DocSpan& span = entity.mentions[static_cast<size_t>(row.mention)];
    if (kwic_row("##mention", kwic_of(corpus, span), hit, {}, indent) &&
        span.doc < corpus.documents.size()) {
      ctx.open_span(span);
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
      ImGui::SetTooltip("Byte %zu of %s. Click to read it there.", span.start,
                        document_title(corpus, span.doc).c_str());
  });
}

void InspectorPanel::draw_documents(PanelContext& ctx) {
  const Corpus& corpus = ctx.story.corpus;
  clipped_table(
      "entity_documents", 2, static_cast<int>(cache_.documents.size()),
      [] {
        stretch_column("Document", 5.0f);
        stretch_column("Mentions", 1.2f);
      },
      [&](int i) {
        const Count& row = cache_.documents[static_cast<size_t>(i)];
        ImGui::TableNextColumn();
        if (text_row("##document", document_title(corpus, row.index), text_color(), false,
                     ImGuiSelectableFlags_SpanAllColumns) &&
            row.index < corpus.documents.size()) {
          ctx.select(kSelectDocument, corpus.documents[row.index].meta.id);
        }
        ImGui::TableNextColumn();
        ImGui::Text("%u", row.count);
      });
}

void InspectorPanel::draw_entity_quotes(PanelContext& ctx, const std::vector<uint32_t>& quotes,
                                        bool by) {
  const Story& story = ctx.story;
  if (quotes.empty()) {
    ImGui::TextDisabled("%s",
                        by ? "No quote is attributed to it." : "No one else's quote mentions it.");
    return;
  }
  clipped_table(
      by ? "quotes_by" : "quotes_about", 2, static_cast<int>(quotes.size()),
      [by] {
        stretch_column("Quote", 4.0f);
        stretch_column(by ? "Document" : "Speaker", 1.6f);
      },
      [&](int i) {
        const Quote& quote = story.analysis.quotes[quotes[static_cast<size_t>(i)]];
        ImGui::TableNextColumn();
        const std::string text = span_text(story.corpus, quote.span, kQuoteLineBytes, true);
        if (text_row("##quote", text, text_color(), false, ImGuiSelectableFlags_SpanAllColumns)) {
          ctx.select(kSelectQuote, quote.id);
          if (quote.span.doc < story.corpus.documents.size()) ctx.open_span(quote.span);
        }
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal) && ImGui::BeginTooltip()) {
          ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
          ImGui::TextUnformatted(span_text(story.corpus, quote.span, 600, false).c_str());
          ImGui::TextDisabled("%s", document_title(story.corpus, quote.span.doc).c_str());
          ImGui::PopTextWrapPos();
          ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        const std::string other = by ? document_title(story.corpus, quote.span.doc)
                                     : speaker_name(story.analysis, quote.speaker);
        if (other.empty()) {
          ImGui::TextDisabled("unknown");
        } else {
          ImGui::TextUnformatted(other.c_str());
        }
      });
}

void InspectorPanel::draw_neighbors(PanelContext& ctx) {
  const Story& story = ctx.story;
  const EntityGraph& graph = story.graph;
  if (cache_.neighbors.empty()) {
    ImGui::TextDisabled("%s", cache_.node < 0 ? "Not in the graph, so no neighbours."
                                              : "No connection to any other entity.");
    return;
  }
  clipped_table(
      "neighbors", 3, static_cast<int>(cache_.neighbors.size()),
      [] {
        stretch_column("Entity", 3.0f);
        stretch_column("Weight", 1.0f);
        stretch_column("Relations", 2.2f);
      },
      [&](int i) {
        const NeighborRow& row = cache_.neighbors[static_cast<size_t>(i)];
        const GraphEdge& edge = graph.edges[row.edge];
        const std::string name = row.node < graph.names.size()
                                     ? one_line(display_text(graph.names[row.node]))
                                     : story.node_id(row.node);
        ImGui::TableNextColumn();
        const bool selected = ctx.view.selection.is(kSelectEdge, row.edge_id);
        if (entity_row("##neighbor", name, graph.nodes[row.node].type, selected,
                       ImGuiSelectableFlags_SpanAllColumns)) {
          ctx.select(kSelectEdge, row.edge_id);
          ctx.show_tab = PanelTab::Evidence;
        }
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
          ImGui::SetTooltip("Click: the evidence that connects %s and %s.", cache_.name.c_str(),
                            name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.2f", edge.weight);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.kinds.c_str());
      });
}

void InspectorPanel::draw_entity(PanelContext& ctx) {
  const Story& story = ctx.story;
  if (cache_.entity < 0) {
    if (cache_.node < 0) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextDisabled("The selected entity \"%s\" is not in this story.",
                          one_line(display_text(cache_.selection.id)).c_str());
      ImGui::PopTextWrapPos();
      return;
    }
    // A graph with no text behind it: its node and neighbours are all there is.
    draw_title(cache_.name);
    ImGui::TextDisabled("%s", cache_.selection.id.c_str());
    char label[64];
    std::snprintf(label, sizeof(label), "Neighbours (%zu)", cache_.neighbors.size());
    if (section("neighbors", label)) draw_neighbors(ctx);
    return;
  }
  const Entity& entity = story.analysis.entities[static_cast<size_t>(cache_.entity)];
  const bool hidden = ctx.edits.hidden.count(entity.id) != 0;

  draw_title(cache_.name);
  const std::string_view type = to_string(entity.type);
  ImGui::TextColored(to_vec4(entity_type_color(entity.type)), "%.*s", static_cast<int>(type.size()),
                     type.data());
  ImGui::SameLine();
  ImGui::TextDisabled("%s%s", one_line(display_text(entity.id)).c_str(),
                      hidden ? " \xC2\xB7 hidden from the graph" : "");
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s \xC2\xB7 %s \xC2\xB7 %s by it \xC2\xB7 %s about it",
                      count_text(entity.mentions.size(), "mention", "mentions").c_str(),
                      count_text(cache_.documents.size(), "document", "documents").c_str(),
                      count_text(cache_.quotes_by.size(), "quote", "quotes").c_str(),
                      count_text(cache_.quotes_about.size(), "quote", "quotes").c_str());
  ImGui::PopTextWrapPos();

  char label[96];
  std::snprintf(label, sizeof(label), "Aliases (%zu)", entity.aliases.size());
  if (section("aliases", label)) draw_aliases(ctx, entity);
  load_actions(ctx, entity);
  if (section("actions", "Actions")) draw_actions(ctx, entity);
  std::snprintf(label, sizeof(label), "Mentions in context (%zu)", entity.mentions.size());
  if (section("mentions", label)) draw_mentions(ctx, entity);
  std::snprintf(label, sizeof(label), "Documents (%zu)", cache_.documents.size());
  if (section("documents", label)) draw_documents(ctx);
  std::snprintf(label, sizeof(label), "Quotes (%zu by, %zu about)", cache_.quotes_by.size(),
                cache_.quotes_about.size());
  if (section("quotes", label)) {
    ImGui::SeparatorText("By it");
    draw_entity_quotes(ctx, cache_.quotes_by, true);
    ImGui::SeparatorText("About it");
    draw_entity_quotes(ctx, cache_.quotes_about, false);
  }
  std::snprintf(label, sizeof(label), "Neighbours (%zu)", cache_.neighbors.size());
  if (section("neighbors", label)) draw_neighbors(ctx);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Quote, document, edge
//-------------------------------------------------------------------------------------------------

void InspectorPanel::draw_quote(PanelContext& ctx) {
  const Story& story = ctx.story;
  if (cache_.quote < 0) {
    ImGui::TextDisabled("The selected quote \"%s\" is not in this story.",
                        one_line(display_text(cache_.selection.id)).c_str());
    return;
  }
  const Quote& quote = story.analysis.quotes[static_cast<size_t>(cache_.quote)];
  ImGui::TextDisabled("Quote %s", one_line(display_text(quote.id)).c_str());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::SetWindowFontScale(1.15f);
  ImGui::TextUnformatted(span_text(story.corpus, quote.span, kQuoteTextBytes, false).c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();

  if (begin_facts("quote_facts")) {
    fact_label("Speaker");
    if (quote.speaker >= 0 && static_cast<size_t>(quote.speaker) < story.analysis.entities.size()) {
      const Entity& speaker = story.analysis.entities[static_cast<size_t>(quote.speaker)];
      if (entity_row("##speaker", one_line(display_text(speaker.name)), speaker.type))
        ctx.select(kSelectEntity, speaker.id);
    } else {
      ImGui::TextDisabled("unknown");
    }
    fact("Kind", to_string(quote.kind));
    char confidence[32];
    std::snprintf(confidence, sizeof(confidence), "%.2f", quote.confidence);
    fact("Confidence", confidence);
    fact("Cue", one_line(display_text(quote.cue)));
    fact("Reason", one_line(display_text(quote.reason)));
    fact_label("Document");
    if (text_row("##document", document_title(story.corpus, quote.span.doc), link_color()) &&
        quote.span.doc < story.corpus.documents.size()) {
      ctx.open_span(quote.span);
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
      ImGui::SetTooltip("Read the quote where it was said.");
    const size_t q = static_cast<size_t>(cache_.quote);
    fact("Date", q < story.quote_dates.size() ? date_text(story.quote_dates[q]) : std::string());
    std::string cluster = one_line(display_text(quote.cluster));
    if (!cluster.empty()) {
      cluster += cache_.cluster.empty() ? " \xC2\xB7 said only here"
                                        : " \xC2\xB7 " + count_text(cache_.cluster.size(),
                                                                    "other quote", "other quotes");
    }
    fact("Cluster", cluster);
    ImGui::EndTable();
  }

  if (cache_.cluster.empty()) return;
  char label[96];
  std::snprintf(label, sizeof(label), "Same statement elsewhere (%zu)", cache_.cluster.size());
  if (!section("cluster", label)) return;
  clipped_table(
      "cluster_quotes", 2, static_cast<int>(cache_.cluster.size()),
      [] {
        stretch_column("Quote", 4.0f);
        stretch_column("Document", 1.6f);
      },
      [&](int i) {
        const Quote& other = story.analysis.quotes[cache_.cluster[static_cast<size_t>(i)]];
        ImGui::TableNextColumn();
        if (text_row("##quote", span_text(story.corpus, other.span, kQuoteLineBytes, true),
                     text_color(), false, ImGuiSelectableFlags_SpanAllColumns)) {
          ctx.select(kSelectQuote, other.id);
          if (other.span.doc < story.corpus.documents.size()) ctx.open_span(other.span);
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(document_title(story.corpus, other.span.doc).c_str());
      });
}

void InspectorPanel::draw_document(PanelContext& ctx) {
  const Story& story = ctx.story;
  if (cache_.document < 0) {
    ImGui::TextDisabled("The selected document \"%s\" is not in this corpus.",
                        one_line(display_text(cache_.selection.id)).c_str());
    return;
  }
  const Document& doc = story.corpus.documents[static_cast<size_t>(cache_.document)];
  draw_title(cache_.name);
  if (begin_facts("document_facts")) {
    fact("Source", one_line(display_text(doc.meta.source)));
    fact("Date", one_line(display_text(doc.meta.date)) +
                     (doc.meta.date_from_text ? " (from the dateline under its headline)" : ""));
    fact("Path", one_line(display_text(doc.path)));
    fact("Size", count_text(doc.bytes.size(), "byte", "bytes"));
    if (!doc.meta.url.empty()) fact("Link", one_line(display_text(doc.meta.url)));
    if (!doc.invalid_utf8.empty())
      fact("Invalid UTF-8", count_text(doc.invalid_utf8.size(), "sequence", "sequences"));
    ImGui::EndTable();
  }
  if (ImGui::Button("Read it")) {
    ctx.open_reader = ReaderPosition{doc.meta.id, 0};
    ctx.show_tab = PanelTab::Reader;
  }

  char label[96];
  std::snprintf(label, sizeof(label), "Entities (%zu)", cache_.entities.size());
  if (section("doc_entities", label)) {
    if (cache_.entities.empty()) {
      ImGui::TextDisabled("No entity is mentioned in it.");
    } else {
      clipped_table(
          "doc_entities", 3, static_cast<int>(cache_.entities.size()),
          [] {
            stretch_column("Entity", 3.0f);
            stretch_column("Type", 1.4f);
            stretch_column("Mentions", 1.2f);
          },
          [&](int i) {
            const Count& row = cache_.entities[static_cast<size_t>(i)];
            const Entity& entity = story.analysis.entities[row.index];
            ImGui::TableNextColumn();
            if (entity_row("##entity", one_line(display_text(entity.name)), entity.type, false,
                           ImGuiSelectableFlags_SpanAllColumns)) {
              ctx.select(kSelectEntity, entity.id);
            }
            ImGui::TableNextColumn();
            const std::string_view type = to_string(entity.type);
            ImGui::TextColored(to_vec4(entity_type_color(entity.type)), "%.*s",
                               static_cast<int>(type.size()), type.data());
            ImGui::TableNextColumn();
            ImGui::Text("%u", row.count);
          });
    }
  }
  std::snprintf(label, sizeof(label), "Quotes (%zu)", cache_.doc_quotes.size());
  if (section("doc_quotes", label)) {
    if (cache_.doc_quotes.empty()) {
      ImGui::TextDisabled("No quote was found in it.");
    } else {
      clipped_table(
          "doc_quotes", 2, static_cast<int>(cache_.doc_quotes.size()),
          [] {
            stretch_column("Quote", 4.0f);
            stretch_column("Speaker", 1.6f);
          },
          [&](int i) {
            const Quote& quote = story.analysis.quotes[cache_.doc_quotes[static_cast<size_t>(i)]];
            ImGui::TableNextColumn();
            if (text_row("##quote", span_text(story.corpus, quote.span, kQuoteLineBytes, true),
                         text_color(), false, ImGuiSelectableFlags_SpanAllColumns)) {
              ctx.select(kSelectQuote, quote.id);
              ctx.open_span(quote.span);
            }
            ImGui::TableNextColumn();
            const std::string speaker = speaker_name(story.analysis, quote.speaker);
            if (speaker.empty()) {
              ImGui::TextDisabled("unknown");
            } else {
              ImGui::TextUnformatted(speaker.c_str());
            }
          });
    }
  }
}

void InspectorPanel::draw_edge(PanelContext& ctx) {
  const Story& story = ctx.story;
  if (cache_.edge < 0) {
    ImGui::TextDisabled("The selected connection \"%s\" is not in this graph.",
                        one_line(display_text(cache_.selection.id)).c_str());
    return;
  }
  const EntityGraph& graph = story.graph;
  const GraphEdge& edge = graph.edges[static_cast<size_t>(cache_.edge)];
  ImGui::TextDisabled("Connection");
  for (const uint32_t node : {edge.a, edge.b}) {
    const std::string name =
        node < graph.names.size() ? one_line(display_text(graph.names[node])) : story.node_id(node);
    ImGui::PushID(static_cast<int>(node));
    if (entity_row("##end", name, graph.nodes[node].type))
      ctx.select(kSelectEntity, story.node_id(node));
    ImGui::PopID();
  }
  const std::string name_a =
      edge.a < graph.names.size() ? one_line(display_text(graph.names[edge.a])) : "";
  const std::string name_b =
      edge.b < graph.names.size() ? one_line(display_text(graph.names[edge.b])) : "";
  if (begin_facts("edge_facts")) {
    char number[32];
    std::snprintf(number, sizeof(number), "%.2f", edge.weight);
    fact("Weight", number);
    std::snprintf(number, sizeof(number), "%.2f", edge.cooccurrence);
    fact("Together", number);
    if (edge.said_ab > 0.0) {
      std::snprintf(number, sizeof(number), "%.2f", edge.said_ab);
      fact(("Said by " + name_a).c_str(), number);
    }
    if (edge.said_ba > 0.0) {
      std::snprintf(number, sizeof(number), "%.2f", edge.said_ba);
      fact(("Said by " + name_b).c_str(), number);
    }
    fact("Relations", join_relation_kinds(edge.kinds, ", "));
    fact("Evidence", count_text(edge.evidence_end - edge.evidence_begin, "span", "spans"));
    ImGui::EndTable();
  }
  if (ImGui::Button("Show evidence")) ctx.show_tab = PanelTab::Evidence;
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("The sentences and quotes that connect them.");
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Frame and state
//-------------------------------------------------------------------------------------------------

void InspectorPanel::draw(PanelContext& ctx) {
  const Selection& selection = ctx.view.selection;
  if (cache_.version != ctx.story_version || cache_.selection.kind != selection.kind ||
      cache_.selection.id != selection.id) {
    rebuild(ctx.story, ctx.story_version, selection);
  }
  if (selection.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "Select an entity in the graph or the list, a quote, a document or a "
        "connection to inspect it.");
    ImGui::PopTextWrapPos();
    return;
  }
  if (selection.kind == kSelectEntity) {
    draw_entity(ctx);
  } else if (selection.kind == kSelectQuote) {
    draw_quote(ctx);
  } else if (selection.kind == kSelectDocument) {
    draw_document(ctx);
  } else if (selection.kind == kSelectEdge) {
    draw_edge(ctx);
  } else {
    ImGui::TextDisabled("Nothing to show for a selection of kind \"%s\".",
                        one_line(display_text(selection.kind)).c_str());
  }
}

nlohmann::json InspectorPanel::state_json() const {
  const Selection& selection = cache_.selection;
  const bool entity = selection.kind == kSelectEntity;
  const auto entity_count = [&](size_t n) { return entity ? n : size_t{0}; };
  nlohmann::json first_neighbor = nullptr;
  if (entity && !cache_.neighbors.empty()) first_neighbor = cache_.neighbors.front().id;
  return {{"kind", one_line(display_text(selection.kind))},
          {"id", one_line(display_text(selection.id))},
          {"name", cache_.name},
          {"aliases", entity_count(cache_.alias_count)},
          {"merges", entity_count(cache_.merge_count)},
          {"mentions", entity_count(cache_.mention_count)},
          {"quotes_by", entity_count(cache_.quotes_by.size())},
          {"quotes_about", entity_count(cache_.quotes_about.size())},
          {"neighbors", entity_count(cache_.neighbors.size())},
          {"first_neighbor", std::move(first_neighbor)}};
}

}  // namespace dramatis::ui
