// The PNG encoder (src/core/io/png_writer.cpp): the file's structure, its checksums, and the
// pixels read back by decoding the stored blocks and undoing the Up filter.
#include "core/io/png_writer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace dramatis;

namespace {

uint32_t get32(const std::string& s, size_t at) {
  return (uint32_t{static_cast<uint8_t>(s[at])} << 24) |
         (uint32_t{static_cast<uint8_t>(s[at + 1])} << 16) |
         (uint32_t{static_cast<uint8_t>(s[at + 2])} << 8) |
         uint32_t{static_cast<uint8_t>(s[at + 3])};
}

// Decodes what encode_png writes (stored blocks only) back to RGBA.
std::vector<uint8_t> decode(const std::string& png, uint32_t& width, uint32_t& height) {
  size_t at = 8;
  std::string idat;
  while (at + 12 <= png.size()) {
    const uint32_t length = get32(png, at);
    const std::string type = png.substr(at + 4, 4);
    const std::string data = png.substr(at + 8, length);
    if (type == "IHDR") {
      width = get32(data, 0);
      height = get32(data, 4);
    }
    if (type == "IDAT") idat += data;
    at += 12 + length;
  }
  std::string raw;
  size_t z = 2;
  for (;;) {
    const bool last = idat[z] & 1;
    const size_t n = static_cast<uint8_t>(idat[z + 1]) | (static_cast<uint8_t>(idat[z + 2]) << 8);
    raw.append(idat, z + 5, n);
    z += 5 + n;
    if (last) break;
  }
  const size_t row = width * 4;
  std::vector<uint8_t> out(row * height);
  for (uint32_t y = 0; y < height; ++y) {
    REQUIRE(raw[y * (row + 1)] == 2);
    for (size_t x = 0; x < row; ++x) {
      const uint8_t up = y > 0 ? out[(y - 1) * row + x] : 0;
      out[y * row + x] =
          static_cast<uint8_t>(static_cast<uint8_t>(raw[y * (row + 1) + 1 + x]) + up);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("encode_png writes a valid signature, header and pixels that read back") {
  const uint32_t w = 300, h = 240;  // > 65535 bytes of scanlines: several stored blocks
  std::vector<uint8_t> rgba(w * h * 4);
  for (size_t i = 0; i < rgba.size(); ++i) rgba[i] = static_cast<uint8_t>((i * 7) ^ (i >> 9));
  const std::string png = encode_png(w, h, rgba);
  REQUIRE(png.size() > 8);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(png.substr(12, 4) == "IHDR");
  uint32_t dw = 0, dh = 0;
  CHECK(decode(png, dw, dh) == rgba);
  CHECK(dw == w);
  CHECK(dh == h);
  CHECK(png.substr(png.size() - 8, 4) == "IEND");
}

TEST_CASE("encode_png refuses empty, oversized and mis-sized images") {
  std::vector<uint8_t> one(4, 255);
  CHECK(encode_png(0, 1, one).empty());
  CHECK(encode_png(1, 1, std::vector<uint8_t>(3)).empty());
  CHECK(encode_png(20000, 1, std::vector<uint8_t>(20000 * 4)).empty());
  CHECK_FALSE(encode_png(1, 1, one).empty());
}
