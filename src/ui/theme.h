// Dark and light themes: ImGui's built-in styles with Dramatis' accent colour, rounded corners
// and sizes scaled for high-DPI screens.
#pragma once

#include "ui/ui_settings.h"

namespace dramatis::ui {

// Applies `theme` to ImGui's style, with every size multiplied by `scale` (logical UI scale).
void apply_theme(Theme theme, float scale);

// The clear colour behind the UI for `theme`, as RGBA in [0, 1].
void theme_background(Theme theme, float rgba[4]);

}  // namespace dramatis::ui
