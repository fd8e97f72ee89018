// [SECTION] index: marked text | story cache | rows (filters, grouping) | layout | toolbar |
// list and rows | tooltips and choosing | stepping and state
#include "ui/quotes_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "core/text/utf8.h"
#include "ui/display_text.h"
#include "ui/palette.h"

namespace dramatis::ui {
namespace {

constexpr int kQuoteTextLines = 2;     // lines of quote text per row of the list
constexpr int kClusterTextLines = 6;   // lines of quote text per version shown side by side
constexpr float kMinColumnEm = 12.0f;  // narrowest side-by-side column, in em
constexpr float kBarEm = 1.6f;         // width of the confidence bar, in em
constexpr size_t kStateIds = 10;       // quote ids listed by state_json
constexpr const char* kEllipsis = "\xE2\x80\xA6";
constexpr const char* kDot = " \xC2\xB7 ";

// Bytes of the UTF-8 sequence at `p` (1 for an invalid byte), so a wrap never splits one.
const char* next_sequence(const char* p, const char* end) {
  const std::string_view rest(p, static_cast<size_t>(end - p));
  return p + utf8::decode(rest, 0).length;
}

float text_width(const char* begin, const char* end) {
  return ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, begin, end).x;
}

// Where the line starting at `s` ends when wrapped at `width` pixels; always past `s`.
const char* wrap_end(const char* s, const char* end, float width) {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  const char* eol = font->CalcWordWrapPositionA(scale, s, end, std::max(width, 1.0f));
  return eol > s ? eol : next_sequence(s, end);
}

uint32_t diff_mark_color(Theme theme) {
  // Amber behind the words: reads as "look here" on both themes without hiding the text.
  return theme == Theme::Dark ? to_imgui_color({214, 160, 40, 255}, 110)
                              : to_imgui_color({245, 190, 60, 255}, 150);
}

std::string format_confidence(double confidence) {
  char text[16];
  std::snprintf(text, sizeof(text), "%.2f", confidence);
  return text;
}

// Puts the next toolbar item on this line when `width` more pixels fit.
void same_line_if_fits(float width) {
  const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
  if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

}  // namespace

// ---- [SECTION] marked text ---------------------------------------------------------------------

int wrapped_line_count(std::string_view text, float width, int max_lines) {
  const char* s = text.data();
  const char* end = s + text.size();
  int lines = 0;
  while (s < end && lines < max_lines) {
    s = wrap_end(s, end, width);
    while (s < end && *s == ' ') ++s;
    ++lines;
  }
  return std::max(lines, 1);
}

int draw_marked_text(float x, float y, float width, int max_lines, std::string_view text,
                     std::span<const TextMark> marks, uint32_t text_color) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float line_height = ImGui::GetTextLineHeight();
  const float ellipsis_width = text_width(kEllipsis, kEllipsis + 3);
  const char* begin = text.data();
  const char* s = begin;
  const char* end = begin + text.size();
  int lines = 0;
  while (s < end && lines < max_lines) {
    const char* eol = wrap_end(s, end, width);
    const bool cut = lines + 1 == max_lines && eol < end;
    if (cut) eol = wrap_end(s, end, width - ellipsis_width);
    const char* shown_end = eol;
    while (cut && shown_end > s && shown_end[-1] == ' ') --shown_end;

    const size_t line_start = static_cast<size_t>(s - begin);
    const size_t line_end = static_cast<size_t>(shown_end - begin);
    for (const TextMark& mark : marks) {
      const size_t a = std::max(mark.start, line_start);
      const size_t b = std::min(mark.end, line_end);
      if (a >= b) continue;
      const float x0 = x + text_width(s, begin + a);
      const float x1 = x0 + text_width(begin + a, begin + b);
      draw->AddRectFilled(ImVec2(x0 - 1.0f, y), ImVec2(x1 + 1.0f, y + line_height), mark.color,
                          3.0f);
    }
    draw->AddText(font, size, ImVec2(x, y), text_color, s, shown_end);
    if (cut) {
      draw->AddText(font, size, ImVec2(x + text_width(s, shown_end), y), text_color, kEllipsis,
                    kEllipsis + 3);
    }
    y += line_height;
    ++lines;
    s = eol;
    while (s < end && *s == ' ') ++s;
  }
  return lines;
}

std::string_view to_string(QuoteGrouping grouping) {
  switch (grouping) {
    case QuoteGrouping::Speaker: return "speaker";
    case QuoteGrouping::Statement: return "statement";
    case QuoteGrouping::None: return "none";
  }
  return "speaker";
}

// ---- [SECTION] story cache ---------------------------------------------------------------------

void QuotesPanel::ensure_story(const PanelContext& ctx) {
  if (story_for_ == ctx.story_version) return;
  story_for_ = ctx.story_version;
  const Story& story = ctx.story;
  const Analysis& analysis = story.analysis;
  const size_t quote_count = analysis.quotes.size();

  quote_ids_.assign(quote_count, {});
  texts_.assign(quote_count, {});
  cues_.assign(quote_count, {});
  for (size_t q = 0; q < quote_count; ++q) {
    quote_ids_[q] = analysis.quotes[q].id;
    texts_[q] = one_line(display_text(span_bytes(story.corpus, analysis.quotes[q].span)));
    cues_[q] = one_line(display_text(analysis.quotes[q].cue));
  }
  names_.clear();
  entity_of_id_.clear();
  for (size_t e = 0; e < analysis.entities.size(); ++e) {
    names_.push_back(one_line(display_text(analysis.entities[e].name)));
    entity_of_id_.emplace(analysis.entities[e].id, e);
  }
  titles_.clear();
  doc_of_id_.clear();
  for (size_t d = 0; d < story.corpus.documents.size(); ++d) {
    const Document& doc = story.corpus.documents[d];
    std::string title = one_line(display_text(doc.meta.title));
    titles_.push_back(title.empty() ? doc.meta.id : std::move(title));
    doc_of_id_.emplace(doc.meta.id, d);
  }

  // The filters' choices: speakers by number of quotes, documents in corpus order.
  std::map<int, uint32_t> per_speaker;
  doc_quotes_.assign(story.corpus.documents.size(), 0);
  for (const Quote& quote : analysis.quotes) {
    if (quote.speaker >= 0 && static_cast<size_t>(quote.speaker) < analysis.entities.size())
      ++per_speaker[quote.speaker];
    if (quote.span.doc < doc_quotes_.size()) ++doc_quotes_[quote.span.doc];
  }
  speakers_.clear();
  for (const auto& [entity, count] : per_speaker) speakers_.push_back({entity, count});
  std::stable_sort(speakers_.begin(), speakers_.end(),
                   [](const Speaker& a, const Speaker& b) { return a.quotes > b.quotes; });
  quote_docs_.clear();
  for (uint32_t d = 0; d < doc_quotes_.size(); ++d)
    if (doc_quotes_[d] > 0) quote_docs_.push_back(d);

  // How many documents each statement is in, for the tooltip's pointer to side-by-side view.
  std::unordered_map<std::string, std::vector<uint32_t>> docs_of_cluster;
  for (const Quote& quote : analysis.quotes) {
    if (quote.cluster.empty()) continue;
    std::vector<uint32_t>& docs = docs_of_cluster[quote.cluster];
    if (std::find(docs.begin(), docs.end(), quote.span.doc) == docs.end())
      docs.push_back(quote.span.doc);
  }
  cluster_docs_.assign(quote_count, 1);
  for (size_t q = 0; q < quote_count; ++q) {
    const auto it = docs_of_cluster.find(analysis.quotes[q].cluster);
    if (it != docs_of_cluster.end()) cluster_docs_[q] = static_cast<uint32_t>(it->second.size());
  }
  rows_dirty_ = true;
}

// ---- [SECTION] rows (filters, grouping) --------------------------------------------------------

void QuotesPanel::ensure_rows(const PanelContext& ctx) {
  ensure_story(ctx);
  const ViewState& view = ctx.view;
  const bool stale = rows_dirty_ || rows_for_ != ctx.story_version ||
                     !(rows_filters_ == view.quotes) || !(rows_time_ == view.time_range) ||
                     !(rows_documents_ == view.filters.documents) || rows_grouping_ != grouping_;
  if (!stale) return;
  rows_for_ = ctx.story_version;
  rows_filters_ = view.quotes;
  rows_time_ = view.time_range;
  rows_documents_ = view.filters.documents;
  rows_grouping_ = grouping_;
  rows_dirty_ = false;
  build_rows(ctx);
  layout_dirty_ = true;
}

void QuotesPanel::build_rows(const PanelContext& ctx) {
  const Story& story = ctx.story;
  const Analysis& analysis = story.analysis;
  const size_t quote_count = analysis.quotes.size();
  rows_.clear();
  groups_.clear();
  labels_.clear();
  clusters_.clear();
  order_.clear();
  row_of_quote_.assign(quote_count, -1);
  order_of_quote_.assign(quote_count, -1);
  group_of_quote_.assign(quote_count, -1);
  side_by_side_ = 0;

  // Resolve the filters' ids once: an id the story does not have matches nothing.
  const QuoteFilters& filters = ctx.view.quotes;
  int speaker = -1;
  if (!filters.speaker.empty()) {
    const auto it = entity_of_id_.find(filters.speaker);
    speaker = it != entity_of_id_.end() ? static_cast<int>(it->second) : -2;
  }
  int64_t document = -1;
  if (!filters.document.empty()) {
    const auto it = doc_of_id_.find(filters.document);
    document = it != doc_of_id_.end() ? static_cast<int64_t>(it->second) : -2;
  }
  std::vector<uint8_t> doc_kept(story.corpus.documents.size(), 1);
  if (ctx.view.filters.documents) {
    std::fill(doc_kept.begin(), doc_kept.end(), 0);
    for (const std::string& id : *ctx.view.filters.documents)
      if (const auto it = doc_of_id_.find(id); it != doc_of_id_.end()) doc_kept[it->second] = 1;
  }

  std::vector<uint32_t> kept;
  view_hidden_ = 0;
  for (uint32_t q = 0; q < quote_count; ++q) {
    const Quote& quote = analysis.quotes[q];
    if (speaker != -1 && quote.speaker != speaker) continue;
    if (document != -1 && static_cast<int64_t>(quote.span.doc) != document) continue;
    if (filters.kind && quote.kind != *filters.kind) continue;
    if (quote.confidence < filters.min_confidence) continue;
    const bool in_time =
        q >= story.quote_dates.size() || date_in_range(story.quote_dates[q], ctx.view.time_range);
    const bool in_docs = quote.span.doc < doc_kept.size() && doc_kept[quote.span.doc] != 0;
    if (!in_time || !in_docs) {
      ++view_hidden_;
      continue;
    }
    kept.push_back(q);
  }
  // Document order: by document, then position; the index breaks ties so order never varies.
  std::sort(kept.begin(), kept.end(), [&](uint32_t a, uint32_t b) {
    const DocSpan& x = analysis.quotes[a].span;
    const DocSpan& y = analysis.quotes[b].span;
    if (x.doc != y.doc) return x.doc < y.doc;
    if (x.start != y.start) return x.start < y.start;
    return a < b;
  });
  shown_ = kept.size();

  switch (grouping_) {
    case QuoteGrouping::Speaker: build_speaker_rows(ctx, kept); break;
    case QuoteGrouping::Statement: build_statement_rows(ctx, kept); break;
    case QuoteGrouping::None:
      for (uint32_t q : kept) add_quote_row(q);
      break;
  }
}

void QuotesPanel::add_quote_row(uint32_t quote) {
  row_of_quote_[quote] = static_cast<int32_t>(rows_.size());
  order_of_quote_[quote] = static_cast<int32_t>(order_.size());
  order_.push_back(quote);
  rows_.push_back({RowKind::Quote, quote});
}

void QuotesPanel::build_speaker_rows(const PanelContext& ctx, const std::vector<uint32_t>& kept) {
  const Analysis& analysis = ctx.story.analysis;
  std::map<int, std::vector<uint32_t>> by_speaker;  // -1: unknown
  for (uint32_t q : kept) {
    const int s = analysis.quotes[q].speaker;
    by_speaker[s >= 0 && static_cast<size_t>(s) < analysis.entities.size() ? s : -1].push_back(q);
  }
  std::vector<int> speakers;
  for (const auto& entry : by_speaker) speakers.push_back(entry.first);
  // Most quoted first, then by name; the unknown speaker last.
  std::sort(speakers.begin(), speakers.end(), [&](int a, int b) {
    if ((a < 0) != (b < 0)) return b < 0;
    const size_t na = by_speaker[a].size();
    const size_t nb = by_speaker[b].size();
    if (na != nb) return na > nb;
    if (a >= 0 && names_[static_cast<size_t>(a)] != names_[static_cast<size_t>(b)])
      return names_[static_cast<size_t>(a)] < names_[static_cast<size_t>(b)];
    return a < b;
  });
  for (int s : speakers) {
    const std::vector<uint32_t>& quotes = by_speaker[s];
    SpeakerGroup group;
    group.unknown = s < 0;
    group.key = s < 0 ? std::string() : analysis.entities[static_cast<size_t>(s)].id;
    group.label = (s < 0 ? std::string("unknown speaker") : names_[static_cast<size_t>(s)]) +
                  "  (" + std::to_string(quotes.size()) + ")##" + group.key;
    const uint32_t g = static_cast<uint32_t>(groups_.size());
    rows_.push_back({RowKind::SpeakerHeader, g});
    const bool folded = collapsed_.count(group.key) != 0;
    groups_.push_back(std::move(group));
    for (uint32_t q : quotes) {
      group_of_quote_[q] = static_cast<int32_t>(g);
      if (!folded) add_quote_row(q);
    }
  }
}

void QuotesPanel::build_statement_rows(const PanelContext& ctx, const std::vector<uint32_t>& kept) {
  const Analysis& analysis = ctx.story.analysis;
  // Clusters in order of their first kept quote; a quote with no cluster is one on its own.
  std::vector<std::vector<uint32_t>> members;
  std::unordered_map<std::string_view, size_t> index;
  for (uint32_t q : kept) {
    const std::string& cluster = analysis.quotes[q].cluster;
    if (cluster.empty()) {
      members.push_back({q});
      continue;
    }
    const auto [it, added] = index.try_emplace(cluster, members.size());
    if (added) members.emplace_back();
    members[it->second].push_back(q);
  }
  const auto doc_count = [&](const std::vector<uint32_t>& quotes) {
    size_t count = 0;
    for (size_t k = 0; k < quotes.size(); ++k)  // members are in document order
      if (k == 0 || analysis.quotes[quotes[k]].span.doc != analysis.quotes[quotes[k - 1]].span.doc)
        ++count;
    return count;
  };
  std::vector<size_t> across;  // clusters in 2+ documents, most documents first
  std::vector<size_t> single;
  for (size_t c = 0; c < members.size(); ++c)
    (doc_count(members[c]) >= 2 ? across : single).push_back(c);
  std::stable_sort(across.begin(), across.end(), [&](size_t a, size_t b) {
    return doc_count(members[a]) > doc_count(members[b]);
  });

  for (size_t c : across) {
    const std::vector<uint32_t>& quotes = members[c];
    ClusterView view;
    std::vector<uint32_t> extras;  // more quotes from a document that already has a column
    for (size_t k = 0; k < quotes.size(); ++k) {
      const bool new_doc =
          k == 0 || analysis.quotes[quotes[k]].span.doc != analysis.quotes[quotes[k - 1]].span.doc;
      if (new_doc) {
        view.columns.push_back({quotes[k], {}});
      } else {
        extras.push_back(quotes[k]);
      }
    }
    // Each version against the first: its own unshared words, and the first's words that
    // some version lacks.
    std::vector<text::ByteRange> reference;
    const std::string& first = texts_[view.columns[0].quote];
    for (size_t k = 1; k < view.columns.size(); ++k) {
      text::WordDiff diff = text::word_diff(first, texts_[view.columns[k].quote]);
      view.exact = view.exact && diff.exact;
      view.columns[k].marks = std::move(diff.right);
      reference.insert(reference.end(), diff.left.begin(), diff.left.end());
    }
    std::sort(reference.begin(), reference.end(),
              [](const text::ByteRange& a, const text::ByteRange& b) { return a.start < b.start; });
    for (const text::ByteRange& r : reference) {
      std::vector<text::ByteRange>& merged = view.columns[0].marks;
      if (!merged.empty() && r.start <= merged.back().end) {
        merged.back().end = std::max(merged.back().end, r.end);
      } else {
        merged.push_back(r);
      }
    }

    std::string label = "Same statement in " + std::to_string(view.columns.size()) + " documents";
    if (!analysis.quotes[quotes[0]].cluster.empty())
      label += " (" + analysis.quotes[quotes[0]].cluster + ")";
    if (!view.exact) label += kDot + std::string("too long to compare word by word");
    rows_.push_back({RowKind::Label, static_cast<uint32_t>(labels_.size())});
    labels_.push_back(std::move(label));

    const int32_t row = static_cast<int32_t>(rows_.size());
    rows_.push_back({RowKind::Cluster, static_cast<uint32_t>(clusters_.size())});
    for (const Column& column : view.columns) {
      row_of_quote_[column.quote] = row;
      order_of_quote_[column.quote] = static_cast<int32_t>(order_.size());
      order_.push_back(column.quote);
    }
    clusters_.push_back(std::move(view));
    for (uint32_t q : extras) add_quote_row(q);
  }
  side_by_side_ = clusters_.size();

  if (!single.empty()) {
    size_t count = 0;
    for (size_t c : single) count += members[c].size();
    rows_.push_back({RowKind::Label, static_cast<uint32_t>(labels_.size())});
    labels_.push_back("Quoted in one document (" + std::to_string(count) + ")");
    for (size_t c : single)
      for (uint32_t q : members[c]) add_quote_row(q);
  }
}

// ---- [SECTION] layout --------------------------------------------------------------------------

namespace {

size_t columns_per_line(size_t columns, float width) {
  const float fit = std::floor(width / (kMinColumnEm * ImGui::GetFontSize()));
  return std::clamp(static_cast<size_t>(std::max(fit, 1.0f)), size_t{1},
                    std::max(columns, size_t{1}));
}

float quote_block_height() {
  return ImGui::GetTextLineHeight() * static_cast<float>(1 + kQuoteTextLines) +
         2.0f * ImGui::GetStyle().FramePadding.y;
}

float version_block_height() {
  return ImGui::GetTextLineHeight() * static_cast<float>(2 + kClusterTextLines) +
         2.0f * ImGui::GetStyle().FramePadding.y;
}

}  // namespace

float QuotesPanel::row_height(const Row& row, float width) const {
  const float gap = ImGui::GetStyle().ItemSpacing.y;
  switch (row.kind) {
    case RowKind::SpeakerHeader:
    case RowKind::Label: return ImGui::GetFrameHeight() + gap;
    case RowKind::Quote: return quote_block_height() + gap;
    case RowKind::Cluster: {
      const size_t columns = clusters_[row.index].columns.size();
      const size_t per_line = columns_per_line(columns, width);
      const size_t lines = (columns + per_line - 1) / per_line;
      return static_cast<float>(lines) * (version_block_height() + gap);
    }
  }
  return gap;
}

void QuotesPanel::ensure_layout(float width) {
  const float font = ImGui::GetFontSize();
  if (!layout_dirty_ && width == layout_width_ && font == layout_font_) return;
  layout_dirty_ = false;
  layout_width_ = width;
  layout_font_ = font;
  offsets_.resize(rows_.size() + 1);
  float y = 0.0f;
  for (size_t r = 0; r < rows_.size(); ++r) {
    offsets_[r] = y;
    y += row_height(rows_[r], width);
  }
  offsets_[rows_.size()] = y;
}

// ---- [SECTION] toolbar -------------------------------------------------------------------------

void QuotesPanel::draw_toolbar(PanelContext& ctx) {
  const Analysis& analysis = ctx.story.analysis;
  const Corpus& corpus = ctx.story.corpus;
  QuoteFilters& filters = ctx.view.quotes;
  const float em = ImGui::GetFontSize();

  ImGui::SetNextItemWidth(em * 11.0f);
  const std::string group_preview = "Group by " + std::string(to_string(grouping_));
  if (ImGui::BeginCombo("##group_by", group_preview.c_str())) {
    for (QuoteGrouping g :
         {QuoteGrouping::Speaker, QuoteGrouping::Statement, QuoteGrouping::None}) {
      const std::string label = std::string(to_string(g));
      if (ImGui::Selectable(label.c_str(), grouping_ == g)) grouping_ = g;
    }
    ImGui::EndCombo();
  }
  ImGui::SetItemTooltip(
      "Speaker: one group per speaker. Statement: the same statement across\n"
      "documents side by side. None: document order.");

  // Speaker filter: long lists stay fast with a clipper inside the combo.
  std::string speaker_preview = "Any speaker";
  if (!filters.speaker.empty()) {
    const auto it = entity_of_id_.find(filters.speaker);
    speaker_preview = it != entity_of_id_.end() ? names_[it->second] : filters.speaker;
  }
  same_line_if_fits(em * 11.0f);
  ImGui::SetNextItemWidth(em * 11.0f);
  if (ImGui::BeginCombo("##speaker", speaker_preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable("Any speaker", filters.speaker.empty())) filters.speaker.clear();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(speakers_.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const Speaker& s = speakers_[static_cast<size_t>(i)];
        const Entity& entity = analysis.entities[static_cast<size_t>(s.entity)];
        const std::string label =
            names_[static_cast<size_t>(s.entity)] + "  (" + std::to_string(s.quotes) + ")";
        ImGui::PushID(i);
        if (ImGui::Selectable(label.c_str(), filters.speaker == entity.id))
          filters.speaker = entity.id;
        ImGui::PopID();
      }
    }
    ImGui::EndCombo();
  }

  std::string document_preview = "Any document";
  if (!filters.document.empty()) {
    const auto it = doc_of_id_.find(filters.document);
    document_preview = it != doc_of_id_.end() ? titles_[it->second] : filters.document;
  }
  same_line_if_fits(em * 11.0f);
  ImGui::SetNextItemWidth(em * 11.0f);
  if (ImGui::BeginCombo("##document", document_preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable("Any document", filters.document.empty())) filters.document.clear();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(quote_docs_.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const uint32_t d = quote_docs_[static_cast<size_t>(i)];
        const std::string& id = corpus.documents[d].meta.id;
        const std::string label = titles_[d] + "  (" + std::to_string(doc_quotes_[d]) + ")";
        ImGui::PushID(i);
        if (ImGui::Selectable(label.c_str(), filters.document == id)) filters.document = id;
        ImGui::PopID();
      }
    }
    ImGui::EndCombo();
  }

  const std::string kind_preview =
      filters.kind ? std::string(to_string(*filters.kind)) : std::string("Any kind");
  same_line_if_fits(em * 7.0f);
  ImGui::SetNextItemWidth(em * 7.0f);
  if (ImGui::BeginCombo("##kind", kind_preview.c_str())) {
    if (ImGui::Selectable("Any kind", !filters.kind)) filters.kind.reset();
    for (QuoteKind kind : {QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed}) {
      const std::string label(to_string(kind));
      if (ImGui::Selectable(label.c_str(), filters.kind == kind)) filters.kind = kind;
    }
    ImGui::EndCombo();
  }
  ImGui::SetItemTooltip(
      "Direct: the words in quotation marks. Indirect: reported speech.\n"
      "Mixed: a paraphrase with quoted words in it.");

  same_line_if_fits(em * 11.0f);
  ImGui::SetNextItemWidth(em * 11.0f);
  const double lowest = 0.0, highest = 1.0;
  ImGui::SliderScalar("##min_confidence", ImGuiDataType_Double, &filters.min_confidence, &lowest,
                      &highest, "min. confidence %.2f");
  filters.min_confidence = std::clamp(filters.min_confidence, 0.0, 1.0);
  ImGui::SetItemTooltip("How sure the attribution must be (0..1). Ctrl+click to type a value.");

  ensure_rows(ctx);
  char counts[64];
  std::snprintf(counts, sizeof(counts), "%zu of %zu quotes", shown_, analysis.quotes.size());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(counts);
  ImGui::SameLine();
  const bool filtered = !(filters == QuoteFilters{});
  ImGui::BeginDisabled(!filtered);
  if (ImGui::SmallButton("Clear filters")) filters = QuoteFilters{};
  ImGui::EndDisabled();
  if (view_hidden_ > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("(%zu more outside the time range or document filter)", view_hidden_);
  }
  if (grouping_ == QuoteGrouping::Statement && side_by_side_ > 0) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "Highlighted: wording that a version does not share with the first (leftmost) one.");
    ImGui::PopTextWrapPos();
  }
}

// ---- [SECTION] list and rows -------------------------------------------------------------------

void QuotesPanel::draw(PanelContext& ctx) {
  ensure_rows(ctx);
  // A quote selected elsewhere (graph, reader, a link) is brought into view once.
  const Selection& selection = ctx.view.selection;
  const int32_t selected = selected_quote(ctx);
  if (selection.kind == kSelectQuote) {
    if (selection.id != seen_quote_) {
      seen_quote_ = selection.id;
      scroll_to_quote_ = selected;
    }
  } else {
    seen_quote_.clear();
  }

  if (ctx.story.analysis.quotes.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "No quotes in these documents. Quotes appear here when an article reports what someone "
        "said, directly or indirectly.");
    ImGui::PopTextWrapPos();
    return;
  }
  draw_toolbar(ctx);
  ImGui::Separator();
  if (shown_ == 0) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("No quote passes the filters. Clear them to see every quote.");
    ImGui::PopTextWrapPos();
    return;
  }
  if (selected >= 0) {
    const size_t q = static_cast<size_t>(selected);
    if (q < row_of_quote_.size() && row_of_quote_[q] < 0 && group_of_quote_[q] < 0)
      ImGui::TextDisabled("The selected quote (%s) is left out by the filters.",
                          selection.id.c_str());
  }
  draw_list(ctx);
}

void QuotesPanel::draw_list(PanelContext& ctx) {
  // ImGuiListClipper assumes one row height; these rows have several (headers, quotes, versions
  // side by side), so the list clips itself with cached row offsets: the same O(visible rows)
  // per frame, and exact positions for scrolling a quote into view.
  ImGui::BeginChild("quote_rows");
  const float width = ImGui::GetContentRegionAvail().x;
  ensure_layout(width);

  if (scroll_to_quote_ >= 0 && static_cast<size_t>(scroll_to_quote_) < row_of_quote_.size()) {
    const size_t q = static_cast<size_t>(scroll_to_quote_);
    const int32_t group = group_of_quote_[q];
    if (row_of_quote_[q] < 0 && group >= 0 &&
        collapsed_.erase(groups_[static_cast<size_t>(group)].key) > 0) {
      // Its speaker's group was folded: unfold it so the quote can be shown.
      rows_dirty_ = true;
      ensure_rows(ctx);
      ensure_layout(width);
    }
    const int32_t row = row_of_quote_[q];
    if (row >= 0) {
      const float top = offsets_[static_cast<size_t>(row)];
      const float bottom = offsets_[static_cast<size_t>(row) + 1];
      const float view_top = ImGui::GetScrollY();
      const float view_height = ImGui::GetWindowHeight();
      if (top < view_top || bottom > view_top + view_height)
        ImGui::SetScrollY(
            std::max(0.0f, top - std::max(0.0f, view_height - (bottom - top)) * 0.5f));
    }
  }
  scroll_to_quote_ = -1;

  const float base = ImGui::GetCursorPosY();
  const float top = ImGui::GetScrollY() - base;
  const float bottom = top + ImGui::GetWindowHeight();
  const auto first = std::upper_bound(offsets_.begin(), offsets_.end() - 1, top);
  size_t r = first == offsets_.begin() ? 0 : static_cast<size_t>(first - offsets_.begin()) - 1;
  for (; r < rows_.size() && offsets_[r] < bottom; ++r) {
    ImGui::SetCursorPosY(base + offsets_[r]);
    const Row& row = rows_[r];
    switch (row.kind) {
      case RowKind::SpeakerHeader: draw_speaker_header(row); break;
      case RowKind::Label: draw_label(row, width); break;
      case RowKind::Quote: draw_quote_row(ctx, row.index, width); break;
      case RowKind::Cluster: draw_cluster_row(ctx, clusters_[row.index], width); break;
    }
  }
  ImGui::SetCursorPosY(base + offsets_.back());
  ImGui::Dummy(ImVec2(0.0f, 0.0f));
  ImGui::EndChild();
}

void QuotesPanel::draw_speaker_header(const Row& row) {
  const SpeakerGroup& group = groups_[row.index];
  const bool folded = collapsed_.count(group.key) != 0;
  ImGui::SetNextItemOpen(!folded, ImGuiCond_Always);
  if (group.unknown)
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
  const bool open = ImGui::CollapsingHeader(group.label.c_str());
  if (group.unknown) ImGui::PopStyleColor();
  if (open == folded) {
    // Toggled: the rows change, and are rebuilt before the next frame's list.
    if (open) {
      collapsed_.erase(group.key);
    } else {
      collapsed_.insert(group.key);
    }
    rows_dirty_ = true;
  }
}

void QuotesPanel::draw_label(const Row& row, float width) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float height = ImGui::GetFrameHeight();
  const std::string& label = labels_[row.index];
  const float y = pos.y + (height - ImGui::GetTextLineHeight()) * 0.5f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImGui::PushClipRect(pos, ImVec2(pos.x + width, pos.y + height), true);
  draw->AddText(ImVec2(pos.x, y), ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
  const float after = pos.x + text_width(label.data(), label.data() + label.size()) +
                      ImGui::GetStyle().ItemSpacing.x;
  if (after < pos.x + width) {
    const float mid = pos.y + height * 0.5f;
    draw->AddLine(ImVec2(after, mid), ImVec2(pos.x + width, mid),
                  ImGui::GetColorU32(ImGuiCol_Separator));
  }
  ImGui::PopClipRect();
  ImGui::Dummy(ImVec2(width, height));
}

void QuotesPanel::draw_meta_line(const PanelContext& ctx, uint32_t quote, float x, float y,
                                 float width, bool with_title) {
  const Analysis& analysis = ctx.story.analysis;
  const Quote& q = analysis.quotes[quote];
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float em = ImGui::GetFontSize();
  const float line = ImGui::GetTextLineHeight();
  const uint32_t dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float right = x + width;

  // Confidence: a small bar, then its value.
  const float bar_height = std::max(3.0f, line * 0.3f);
  const float bar_y = y + (line - bar_height) * 0.5f;
  const float bar_width = kBarEm * em;
  const float confidence = static_cast<float>(std::clamp(q.confidence, 0.0, 1.0));
  draw->AddRectFilled(ImVec2(x, bar_y), ImVec2(x + bar_width, bar_y + bar_height),
                      ImGui::GetColorU32(ImGuiCol_FrameBg), 2.0f);
  draw->AddRectFilled(ImVec2(x, bar_y), ImVec2(x + bar_width * confidence, bar_y + bar_height),
                      ImGui::GetColorU32(ImGuiCol_PlotHistogram), 2.0f);
  float cursor = x + bar_width + em * 0.4f;
  const auto put = [&](const std::string& text, uint32_t color) {
    if (cursor >= right) return;
    draw->AddText(ImVec2(cursor, y), color, text.c_str());
    cursor += text_width(text.data(), text.data() + text.size());
  };
  put(format_confidence(q.confidence), dim);
  cursor += em * 0.5f;
  // Under a speaker's header the name would only repeat it.
  if (grouping_ == QuoteGrouping::Speaker && rows_grouping_ == QuoteGrouping::Speaker) {
    put(std::string(to_string(q.kind)), dim);
  } else {
    if (q.speaker >= 0 && static_cast<size_t>(q.speaker) < analysis.entities.size()) {
      const size_t s = static_cast<size_t>(q.speaker);
      put(names_[s], to_imgui_color(entity_type_color(analysis.entities[s].type)));
    } else {
      put("unknown speaker", dim);
    }
    put(kDot + std::string(to_string(q.kind)), dim);
  }
  if (with_title && q.span.doc < titles_.size()) put(kDot + titles_[q.span.doc], dim);
}

void QuotesPanel::draw_quote_row(PanelContext& ctx, uint32_t quote, float width) {
  const Quote& q = ctx.story.analysis.quotes[quote];
  const ImGuiStyle& style = ImGui::GetStyle();
  const float height = quote_block_height();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::PushID(static_cast<int>(quote));
  if (ImGui::Selectable("##quote", ctx.view.selection.is(kSelectQuote, q.id),
                        ImGuiSelectableFlags_None, ImVec2(width, height)))
    choose(ctx, quote);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) quote_tooltip(ctx, quote);
  ImGui::PopID();

  const float x = pos.x + style.FramePadding.x;
  const float inner = width - 2.0f * style.FramePadding.x;
  const float y = pos.y + style.FramePadding.y;
  ImGui::PushClipRect(pos, ImVec2(pos.x + width, pos.y + height), true);
  draw_meta_line(ctx, quote, x, y, inner, true);
  draw_marked_text(x, y + ImGui::GetTextLineHeight(), inner, kQuoteTextLines, texts_[quote], {},
                   ImGui::GetColorU32(ImGuiCol_Text));
  ImGui::PopClipRect();
}

void QuotesPanel::draw_cluster_row(PanelContext& ctx, const ClusterView& cluster, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const Analysis& analysis = ctx.story.analysis;
  const size_t columns = cluster.columns.size();
  const size_t per_line = columns_per_line(columns, width);
  const float gap_x = style.ItemSpacing.x;
  const float gap_y = style.ItemSpacing.y;
  const float column_width =
      (width - gap_x * static_cast<float>(per_line - 1)) / static_cast<float>(per_line);
  const float height = version_block_height();
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const uint32_t mark_color = diff_mark_color(ctx.settings.theme);
  std::vector<TextMark> marks;

  for (size_t k = 0; k < columns; ++k) {
    const Column& column = cluster.columns[k];
    const Quote& q = analysis.quotes[column.quote];
    const ImVec2 pos(origin.x + static_cast<float>(k % per_line) * (column_width + gap_x),
                     origin.y + static_cast<float>(k / per_line) * (height + gap_y));
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushID(static_cast<int>(column.quote));
    if (ImGui::Selectable("##version", ctx.view.selection.is(kSelectQuote, q.id),
                          ImGuiSelectableFlags_None, ImVec2(column_width, height)))
      choose(ctx, column.quote);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) quote_tooltip(ctx, column.quote);
    ImGui::PopID();

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + column_width, pos.y + height);
    draw->AddRect(pos, end, ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding);
    const float x = pos.x + style.FramePadding.x;
    const float inner = column_width - 2.0f * style.FramePadding.x;
    const float y = pos.y + style.FramePadding.y;
    ImGui::PushClipRect(pos, end, true);
    const std::string& title = q.span.doc < titles_.size() ? titles_[q.span.doc] : q.id;
    draw->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), title.c_str());
    draw_meta_line(ctx, column.quote, x, y + line, inner, false);
    marks.clear();
    for (const text::ByteRange& r : column.marks) marks.push_back({r.start, r.end, mark_color});
    draw_marked_text(x, y + 2.0f * line, inner, kClusterTextLines, texts_[column.quote], marks,
                     ImGui::GetColorU32(ImGuiCol_Text));
    ImGui::PopClipRect();
  }
  const size_t lines = (columns + per_line - 1) / per_line;
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, static_cast<float>(lines) * (height + gap_y) - gap_y));
}

// ---- [SECTION] tooltips and choosing -----------------------------------------------------------

void QuotesPanel::quote_tooltip(const PanelContext& ctx, uint32_t quote) const {
  const Analysis& analysis = ctx.story.analysis;
  const Quote& q = analysis.quotes[quote];
  if (!ImGui::BeginTooltip()) return;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  ImGui::TextUnformatted(texts_[quote].c_str());
  ImGui::Separator();
  if (q.speaker >= 0 && static_cast<size_t>(q.speaker) < analysis.entities.size()) {
    ImGui::Text("Speaker: %s", names_[static_cast<size_t>(q.speaker)].c_str());
  } else {
    ImGui::TextDisabled("Speaker: unknown");
  }
  const std::string reason = one_line(display_text(q.reason));
  if (!reason.empty()) ImGui::Text("Attribution: %s", reason.c_str());
  if (!cues_[quote].empty()) ImGui::Text("Cue: \xE2\x80\x9C%s\xE2\x80\x9D", cues_[quote].c_str());
  ImGui::Text("Confidence: %.2f%s%s", q.confidence, kDot, std::string(to_string(q.kind)).c_str());
  if (q.span.doc < titles_.size()) ImGui::TextDisabled("%s", titles_[q.span.doc].c_str());
  if (cluster_docs_[quote] >= 2 && grouping_ != QuoteGrouping::Statement)
    ImGui::TextDisabled("The same statement is in %u documents: group by statement to compare.",
                        static_cast<unsigned>(cluster_docs_[quote]));
  ImGui::TextDisabled("Click to open it in the reader.");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

int32_t QuotesPanel::selected_quote(const PanelContext& ctx) {
  const Selection& selection = ctx.view.selection;
  if (selection.kind != kSelectQuote) return -1;
  // Story::quote_index is a linear search: looked up once per selection, not every frame.
  if (selected_story_ != ctx.story_version || selected_id_ != selection.id) {
    selected_story_ = ctx.story_version;
    selected_id_ = selection.id;
    selected_index_ = ctx.story.quote_index(selection.id);
  }
  return selected_index_;
}

void QuotesPanel::choose(PanelContext& ctx, uint32_t quote) {
  const Quote& q = ctx.story.analysis.quotes[quote];
  ctx.select(kSelectQuote, q.id);
  seen_quote_ = q.id;  // chosen here: already in view
  if (q.span.doc < ctx.story.corpus.documents.size()) ctx.open_span(q.span);
}

// ---- [SECTION] stepping and state --------------------------------------------------------------

void QuotesPanel::step(PanelContext& ctx, int delta) {
  ensure_rows(ctx);
  if (order_.empty() || delta == 0) return;
  int64_t at = -1;
  const int32_t q = selected_quote(ctx);
  if (q >= 0) at = order_of_quote_[static_cast<size_t>(q)];
  const int64_t last = static_cast<int64_t>(order_.size()) - 1;
  const int64_t next = at < 0 ? (delta > 0 ? 0 : last) : std::clamp(at + delta, int64_t{0}, last);
  if (next == at) return;
  const uint32_t quote = order_[static_cast<size_t>(next)];
  choose(ctx, quote);
  scroll_to_quote_ = static_cast<int32_t>(quote);
}

nlohmann::json QuotesPanel::state_json() const {
  nlohmann::json first = nlohmann::json::array();
  for (size_t k = 0; k < order_.size() && k < kStateIds; ++k)
    first.push_back(quote_ids_[order_[k]]);
  const nlohmann::json filters = {
      {"speaker", rows_filters_.speaker},
      {"document", rows_filters_.document},
      {"kind", rows_filters_.kind ? nlohmann::json(std::string(to_string(*rows_filters_.kind)))
                                  : nlohmann::json(nullptr)},
      {"min_confidence", rows_filters_.min_confidence}};
  return {{"group_by", std::string(to_string(rows_for_ ? rows_grouping_ : grouping_))},
          {"shown", shown_},
          {"total", texts_.size()},
          {"first", first},
          {"clusters_side_by_side", side_by_side_},
          {"filters", filters}};
}

}  // namespace dramatis::ui
