// UI settings in one struct with documented defaults (DESIGN.md: parameters in one struct),
// edited directly by the View menu.
#pragma once

namespace dramatis::ui {

enum class Theme { Dark, Light };

struct UiSettings {
  Theme theme = Theme::Dark;
  float font_size = 16.0f;     // logical pixels at scale 1; multiplied by the content scale
  float reader_width = 46.0f;  // preferred reader line length, in em (~ 80 characters)
  bool smooth_scrolling = true;
};

}  // namespace dramatis::ui
