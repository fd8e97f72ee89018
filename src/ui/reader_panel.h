// The reader: the selected document's metadata and text, wrapped to the panel (and to a
// readable line length), with smooth wheel scrolling. Invalid UTF-8 shows as U+FFFD; offsets
// into the original bytes are kept through utf8::DisplayText.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/text/utf8.h"
#include "core/view/selection.h"
#include "ui/ui_settings.h"

namespace dramatis::ui {

class ReaderPanel {
 public:
  void draw(const Corpus& corpus, const Selection& selection, const UiSettings& settings);
  bool is_animating() const { return animating_; }

 private:
  void open(const Document& doc);

  std::string open_id_;
  std::unique_ptr<utf8::DisplayText> display_;
  std::vector<std::string_view> paragraphs_;  // lines of display_->text(), without '\n'
  float scroll_target_ = 0.0f;                // logical pixels
  bool animating_ = false;
};

}  // namespace dramatis::ui
