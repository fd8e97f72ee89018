#include "render/framebuffer_capture.h"

#include <algorithm>

#include "render/gl.h"

namespace dramatis::render {

Image capture_framebuffer(int width, int height) {
  Image image;
  image.width = std::max(width, 0);
  image.height = std::max(height, 0);
  const size_t row = static_cast<size_t>(image.width) * 4;
  image.rgba.resize(row * static_cast<size_t>(image.height));
  if (image.rgba.empty()) return image;
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  // OpenGL's origin is the bottom-left corner; images start at the top.
  for (int y = 0; y < image.height / 2; ++y) {
    uint8_t* top = image.rgba.data() + static_cast<size_t>(y) * row;
    uint8_t* bottom = image.rgba.data() + static_cast<size_t>(image.height - 1 - y) * row;
    std::swap_ranges(top, top + row, bottom);
  }
  return image;
}

}  // namespace dramatis::render
