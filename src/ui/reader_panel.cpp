#include "ui/reader_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace dramatis::ui {
namespace {

// Fraction of the remaining distance covered per 1/60 s: fast enough to feel direct, slow enough
// to read as motion.
constexpr float kScrollEase = 0.25f;

void draw_metadata(const Document& doc) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::SetWindowFontScale(1.25f);
  ImGui::TextUnformatted(doc.meta.title.c_str());
  ImGui::SetWindowFontScale(1.0f);
  std::string line;
  if (!doc.meta.source.empty()) line += doc.meta.source;
  if (!doc.meta.date.empty()) line += (line.empty() ? "" : " \xC2\xB7 ") + doc.meta.date;
  line += (line.empty() ? "" : " \xC2\xB7 ") + std::to_string(doc.bytes.size()) + " bytes";
  ImGui::TextDisabled("%s", line.c_str());
  if (!doc.meta.url.empty()) ImGui::TextDisabled("%s", doc.meta.url.c_str());
  ImGui::TextDisabled("%s", doc.path.c_str());
  if (!doc.invalid_utf8.empty()) {
    ImGui::TextColored(ImVec4(0.90f, 0.70f, 0.25f, 1.0f),
                       "%zu invalid UTF-8 sequence(s), first at byte %zu: shown as \xEF\xBF\xBD",
                       doc.invalid_utf8.size(), doc.invalid_utf8.front().offset);
  }
  ImGui::PopTextWrapPos();
  ImGui::Separator();
}

}  // namespace

void ReaderPanel::open(const Document& doc) {
  open_id_ = doc.meta.id;
  display_ = std::make_unique<utf8::DisplayText>(doc.bytes);
  paragraphs_.clear();
  std::string_view text = display_->text();
  while (!text.empty()) {
    const size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    paragraphs_.push_back(line);
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  scroll_target_ = 0.0f;
}

void ReaderPanel::draw(const Corpus& corpus, const Selection& selection,
                       const UiSettings& settings) {
  animating_ = false;
  const Document* doc = selection.kind == "document" ? corpus.find(selection.id) : nullptr;
  if (doc == nullptr) {
    ImGui::TextDisabled("Select a document on the left to read it here.");
    return;
  }
  if (open_id_ != doc->meta.id) {
    open(*doc);
    ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
  }

  ImGuiWindowFlags flags = settings.smooth_scrolling ? ImGuiWindowFlags_NoScrollWithMouse : 0;
  ImGui::BeginChild("reader_text", ImVec2(0.0f, 0.0f), ImGuiChildFlags_None, flags);
  draw_metadata(*doc);

  // A readable measure: at most `reader_width` em, centred when the panel is wider.
  const float em = ImGui::GetFontSize();
  const float available = ImGui::GetContentRegionAvail().x;
  const float measure = std::min(available, settings.reader_width * em);
  const float indent = std::max(0.0f, (available - measure) * 0.5f);
  const float wrap_x = ImGui::GetCursorPosX() + indent + measure;

  ImGui::PushTextWrapPos(wrap_x);
  const float clip_top = ImGui::GetScrollY();
  const float clip_bottom = clip_top + ImGui::GetWindowHeight();
  for (std::string_view paragraph : paragraphs_) {
    if (indent > 0.0f) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    if (paragraph.empty()) {
      ImGui::Dummy(ImVec2(0.0f, em * 0.5f));
      continue;
    }
    // Paragraphs above or below the visible area are measured, not drawn.
    const float y = ImGui::GetCursorPosY();
    const ImVec2 size =
        ImGui::CalcTextSize(paragraph.data(), paragraph.data() + paragraph.size(), false, measure);
    if (y + size.y < clip_top || y > clip_bottom) {
      ImGui::Dummy(ImVec2(measure, size.y));
    } else {
      ImGui::TextUnformatted(paragraph.data(), paragraph.data() + paragraph.size());
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0.0f, em * 2.0f));

  if (settings.smooth_scrolling) {
    const ImGuiIO& io = ImGui::GetIO();
    const float max_scroll = ImGui::GetScrollMaxY();
    if (ImGui::IsWindowHovered() && io.MouseWheel != 0.0f) {
      scroll_target_ = ImGui::GetScrollY() - io.MouseWheel * em * 5.0f;
    }
    // Dragging the scrollbar moves the view directly: follow it.
    if (!ImGui::IsWindowHovered() || io.MouseDown[0]) scroll_target_ = ImGui::GetScrollY();
    // Reading keys while the pointer is over the text (no text input is focused here).
    if (ImGui::IsWindowHovered() && !io.WantTextInput) {
      const float page = ImGui::GetWindowHeight() * 0.9f;
      if (ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_Space))
        scroll_target_ = ImGui::GetScrollY() + page;
      if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) scroll_target_ = ImGui::GetScrollY() - page;
      if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) scroll_target_ += em * 3.0f;
      if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) scroll_target_ -= em * 3.0f;
      if (ImGui::IsKeyPressed(ImGuiKey_Home)) scroll_target_ = 0.0f;
      if (ImGui::IsKeyPressed(ImGuiKey_End)) scroll_target_ = max_scroll;
    }
    scroll_target_ = std::clamp(scroll_target_, 0.0f, max_scroll);
    const float current = ImGui::GetScrollY();
    const float distance = scroll_target_ - current;
    if (std::fabs(distance) > 0.5f) {
      const float ease = 1.0f - std::pow(1.0f - kScrollEase, io.DeltaTime * 60.0f);
      ImGui::SetScrollY(current + distance * ease);
      animating_ = true;
    } else if (distance != 0.0f) {
      ImGui::SetScrollY(scroll_target_);
    }
  }
  ImGui::EndChild();
}

}  // namespace dramatis::ui
