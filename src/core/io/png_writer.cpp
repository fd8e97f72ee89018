#include "core/io/png_writer.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace dramatis {
namespace {

constexpr uint32_t kMaxSide = 16384;  // pixels; 16384^2 * 4 bytes is 1 GiB, past any browser

std::array<uint32_t, 256> make_crc_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t n = 0; n < 256; ++n) {
    uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}

uint32_t crc32(std::string_view bytes) {
  static const std::array<uint32_t, 256> table = make_crc_table();
  uint32_t c = 0xFFFFFFFFu;
  for (const char ch : bytes) c = table[(c ^ static_cast<uint8_t>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void put32(std::string& out, uint32_t v) {
  out += static_cast<char>(v >> 24);
  out += static_cast<char>((v >> 16) & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}

void chunk(std::string& out, const char* type, std::string_view data) {
  put32(out, static_cast<uint32_t>(data.size()));
  std::string body(type, 4);
  body.append(data);
  out += body;
  put32(out, crc32(body));
}

}  // namespace

std::string encode_png(uint32_t width, uint32_t height, std::span<const uint8_t> rgba) {
  if (width == 0 || height == 0 || width > kMaxSide || height > kMaxSide) return {};
  const size_t row = static_cast<size_t>(width) * 4;
  if (rgba.size() != row * height) return {};

  // Filtered scanlines: filter byte 2 (Up) then each byte minus the one above it.
  std::string raw;
  raw.reserve((row + 1) * height);
  for (uint32_t y = 0; y < height; ++y) {
    raw += static_cast<char>(2);
    const uint8_t* line = rgba.data() + row * y;
    const uint8_t* above = y > 0 ? line - row : nullptr;
    for (size_t x = 0; x < row; ++x)
      raw += static_cast<char>(static_cast<uint8_t>(line[x] - (above ? above[x] : 0)));
  }

  // zlib stream of stored blocks (at most 65535 bytes each) with its Adler-32.
  std::string z;
  z.reserve(raw.size() + raw.size() / 65535 * 5 + 16);
  z += static_cast<char>(0x78);
  z += static_cast<char>(0x01);
  for (size_t at = 0; at < raw.size() || at == 0; at += 65535) {
    const size_t n = std::min<size_t>(65535, raw.size() - at);
    const bool last = at + n >= raw.size();
    z += static_cast<char>(last ? 1 : 0);
    z += static_cast<char>(n & 0xFF);
    z += static_cast<char>(n >> 8);
    z += static_cast<char>(~n & 0xFF);
    z += static_cast<char>((~n >> 8) & 0xFF);
    z.append(raw, at, n);
    if (last) break;
  }
  uint32_t a = 1, b = 0;
  for (const char ch : raw) {
    a = (a + static_cast<uint8_t>(ch)) % 65521;
    b = (b + a) % 65521;
  }
  put32(z, (b << 16) | a);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  put32(header, width);
  put32(header, height);
  header += static_cast<char>(8);  // bit depth
  header += static_cast<char>(6);  // colour type: RGBA
  header += std::string(3, '\0');  // deflate, adaptive filtering, no interlace
  chunk(png, "IHDR", header);
  chunk(png, "IDAT", z);
  chunk(png, "IEND", {});
  return png;
}

}  // namespace dramatis
