// Drawing into an offscreen framebuffer and reading the pixels back: the graph's PNG export
// renders at a multiple of the screen's resolution, larger than the window itself.
#pragma once

#include <functional>

#include "render/framebuffer_capture.h"

namespace dramatis::render {

// Binds a width x height RGBA8 framebuffer, clears it to `background` (RGBA 0..1), calls
// `draw` (which sets its own viewport), reads the pixels (rows from the top) and restores the
// window's framebuffer. An empty image when the size is zero or too large for the GPU.
Image render_offscreen(int width, int height, const float background[4],
                       const std::function<void()>& draw);

}  // namespace dramatis::render
