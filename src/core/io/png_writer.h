// A PNG encoder for the graph's image export, the same bytes natively and in the browser (no
// image library is there): 8-bit RGBA, each row with the "Up" filter, zlib "stored" blocks
// (no compression: the export favours exactness and a small, checkable encoder over size).
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace dramatis {

// `rgba` holds width * height * 4 bytes, rows from the top. Returns the PNG file's bytes, or
// an empty string for a zero or too large size (over 16384 pixels a side).
std::string encode_png(uint32_t width, uint32_t height, std::span<const uint8_t> rgba);

}  // namespace dramatis
