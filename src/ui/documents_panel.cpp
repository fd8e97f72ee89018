#include "ui/documents_panel.h"

#include <imgui.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "core/corpus/corpus_limits.h"

namespace dramatis::ui {
namespace {

enum Column { kTitle, kSource, kDate, kSize };

}  // namespace

void DocumentsPanel::sort_rows(const Corpus& corpus) {
  rows_.resize(corpus.documents.size());
  std::iota(rows_.begin(), rows_.end(), size_t{0});
  if (sort_column_ < 0) return;
  const auto key_less = [&](size_t a, size_t b) {
    const Document& x = corpus.documents[a];
    const Document& y = corpus.documents[b];
    switch (sort_column_) {
      case kTitle: return x.meta.title < y.meta.title;
      case kSource: return x.meta.source < y.meta.source;
      case kDate: return x.meta.date < y.meta.date;
      default: return x.bytes.size() < y.bytes.size();
    }
  };
  // Stable, so equal keys keep corpus order and the table never flickers between frames.
  std::stable_sort(rows_.begin(), rows_.end(), [&](size_t a, size_t b) {
    return sort_ascending_ ? key_less(a, b) : key_less(b, a);
  });
}

void DocumentsPanel::draw(const Corpus& corpus, Selection& selection) {
  ImGui::TextDisabled("%zu documents", corpus.documents.size());
  // Tristate sorting: the table starts (and can return to) corpus order.
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  const float problems_height =
      corpus.diagnostics.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 6.0f;
  if (ImGui::BeginTable("documents", 4, flags, ImVec2(0.0f, -problems_height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthStretch, 1.0f);
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
      row_count_for_ = static_cast<size_t>(-1);
    }
    if (row_count_for_ != corpus.documents.size()) {
      sort_rows(corpus);
      row_count_for_ = corpus.documents.size();
    }

    for (size_t index : rows_) {
      const Document& doc = corpus.documents[index];
      ImGui::PushID(doc.meta.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool selected = selection.is("document", doc.meta.id);
      if (ImGui::Selectable(doc.meta.title.c_str(), selected,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        selection = {"document", doc.meta.id};
      }
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
        ImGui::SetTooltip("%s\n%s", doc.meta.title.c_str(), doc.path.c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(doc.meta.source.empty() ? "\xE2\x80\x94" : doc.meta.source.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(doc.meta.date.empty() ? "\xE2\x80\x94" : doc.meta.date.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_byte_size(doc.bytes.size()).c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  if (!corpus.diagnostics.empty()) {
    ImGui::SeparatorText("Problems while loading");
    ImGui::BeginChild("problems");
    for (const Diagnostic& d : corpus.diagnostics) {
      const ImVec4 colour = d.severity == Severity::Error ? ImVec4(0.95f, 0.40f, 0.35f, 1.0f)
                                                          : ImVec4(0.90f, 0.70f, 0.25f, 1.0f);
      ImGui::PushStyleColor(ImGuiCol_Text, colour);
      ImGui::TextWrapped("%s", d.format().c_str());
      ImGui::PopStyleColor();
    }
    ImGui::EndChild();
  }
}

}  // namespace dramatis::ui
