// Drawing helpers the panels share (the inspector most): clickable one-line rows whose labels are
// drawn by hand (text from documents may hold "##", which ImGui would take for the start of an
// id), an entity's row with its type's swatch, keyword-in-context rows, lists and tables that
// clip to the rows in view and scroll past kMaxListRows, and "label: value" fact tables.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "core/nlp/analysis.h"
#include "ui/display_text.h"
#include "ui/palette.h"

namespace dramatis::ui {

constexpr int kMaxListRows = 12;  // a longer list scrolls in a box this many rows high

ImU32 link_color();
ImU32 text_color();
ImU32 dim_color();
ImVec4 to_vec4(const Rgba8& color);

// Draws one line of text at `pos`, clipped to [left, right) (screen pixels).
void draw_clipped(ImVec2 pos, float left, float right, std::string_view text, ImU32 color);
float text_width(std::string_view text);

// A clickable one-line row, as wide as the region (a table cell, or the whole row with
// ImGuiSelectableFlags_SpanAllColumns), its label clipped to the region.
bool text_row(const char* id, std::string_view text, ImU32 color, bool selected = false,
              ImGuiSelectableFlags flags = 0, float indent = 0.0f);

// A clickable row for an entity: a swatch of its type's colour, then its name.
bool entity_row(const char* id, std::string_view name, EntityType type, bool selected = false,
                ImGuiSelectableFlags flags = 0);

// A keyword-in-context line: `prefix` (dimmed) at the left, then the left context right-aligned
// against the highlighted span, then the right context. Returns true when clicked.
bool kwic_row(const char* id, const Kwic& kwic, ImU32 hit_color, std::string_view prefix = {},
              float indent = 0.0f);

// Runs `row(i)` for the rows of a list of `count` one-line rows that are in view
// (ImGuiListClipper): in place when they are few, else in a box kMaxListRows high that scrolls.
template <typename Row>
void clipped_list(const char* id, int count, Row&& row) {
  const bool scroll = count > kMaxListRows;
  if (scroll) {
    ImGui::BeginChild(id, ImVec2(0.0f, kMaxListRows * ImGui::GetTextLineHeightWithSpacing()),
                      ImGuiChildFlags_None);
  }
  ImGuiListClipper clipper;
  clipper.Begin(count);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      ImGui::PushID(i);
      row(i);
      ImGui::PopID();
    }
  }
  if (scroll) ImGui::EndChild();
}

// A table for a list of `count` one-line rows: its natural height when they are few, else
// kMaxListRows rows high with a frozen header, scrolling. `row(i)` draws the cells of the rows in
// view (after TableNextRow). The columns are set up by `setup` before the header row.
template <typename Setup, typename Row>
void clipped_table(const char* id, int columns, int count, Setup&& setup, Row&& row) {
  const bool scroll = count > kMaxListRows;
  ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  ImVec2 size(0.0f, 0.0f);
  if (scroll) {
    flags |= ImGuiTableFlags_ScrollY;
    const float row_height = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2.0f;
    size.y = row_height * (static_cast<float>(kMaxListRows) + 1.5f);
  }
  // Scrolling or not is part of the id: the two are different tables to ImGui.
  ImGui::PushID(scroll ? 1 : 0);
  if (ImGui::BeginTable(id, columns, flags, size)) {
    if (scroll) ImGui::TableSetupScrollFreeze(0, 1);
    setup();
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(count);
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        ImGui::PushID(i);
        ImGui::TableNextRow();
        row(i);
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  ImGui::PopID();
}

// A stretching table column of `weight`.
void stretch_column(const char* name, float weight);

// The large title atop every view, wrapped.
void draw_title(std::string_view title);

// A facts table (two columns: fixed labels, stretching values), its "label: value" lines, and a
// line's label alone (the value drawn by the caller).
bool begin_facts(const char* id);
void fact(const char* label, std::string_view value);
void fact_label(const char* label);

// A section header, open by default; `label` may change with its counts, `id` keeps it stable.
bool section(const char* id, const std::string& label);

// An InputText callback that grows the std::string in UserData
// (ImGuiInputTextFlags_CallbackResize).
int input_string_resize(ImGuiInputTextCallbackData* data);

}  // namespace dramatis::ui
