// Reads back the default framebuffer after a frame is drawn, for screenshots (`dramatis
// --screenshot`) and tests. Pixels are RGBA8, top row first.
#pragma once

#include <cstdint>
#include <vector>

namespace dramatis::render {

struct Image {
  int width = 0;   // pixels
  int height = 0;  // pixels
  std::vector<uint8_t> rgba;
};

// Reads `width` x `height` pixels of the current framebuffer (call before swapping buffers).
Image capture_framebuffer(int width, int height);

}  // namespace dramatis::render
