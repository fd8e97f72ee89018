#include "core/text/utf8.h"

#include <algorithm>

namespace dramatis::utf8 {

Step decode(std::string_view text, size_t offset) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(offset);
  if (b0 < 0x80) return {b0, 1, true};

  // Lead byte: how many continuation bytes follow, and the allowed range of the first one
  // (which excludes overlongs, surrogates and values past U+10FFFF).
  uint32_t needed = 0;
  unsigned char lower = 0x80, upper = 0xBF;
  char32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    needed = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    needed = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lower = 0xA0;
    if (b0 == 0xED) upper = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    needed = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lower = 0x90;
    if (b0 == 0xF4) upper = 0x8F;
  } else {
    return {kReplacement, 1, false};
  }

  uint32_t length = 1;
  for (uint32_t i = 0; i < needed; ++i) {
    if (offset + length >= text.size()) return {kReplacement, length, false};
    const unsigned char b = byte(offset + length);
    if (b < lower || b > upper) return {kReplacement, length, false};
    cp = (cp << 6) | (b & 0x3F);
    ++length;
    lower = 0x80;
    upper = 0xBF;
  }
  return {cp, length, true};
}

size_t floor_boundary(std::string_view text, size_t offset) {
  if (offset >= text.size()) return text.size();
  // A byte that is not a continuation byte always starts a sequence (decode() never takes one
  // in), and a sequence is at most 4 bytes: its start is at most 3 bytes back.
  const size_t lowest = offset > 3 ? offset - 3 : 0;
  for (size_t p = offset + 1; p-- > lowest;) {
    if ((static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) continue;
    return p + decode(text, p).length > offset ? p : offset;
  }
  return offset;  // no start reaches this far: a stray continuation byte, a sequence of its own
}

size_t ceil_boundary(std::string_view text, size_t offset) {
  if (offset >= text.size()) return text.size();
  const size_t start = floor_boundary(text, offset);
  return start == offset ? offset : start + decode(text, start).length;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::vector<InvalidSequence> find_invalid(std::string_view text) {
  std::vector<InvalidSequence> invalid;
  for (size_t i = 0; i < text.size();) {
    // Fast path for ASCII, which is most of any news text.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const Step step = decode(text, i);
    if (!step.valid) invalid.push_back({i, step.length});
    i += step.length;
  }
  return invalid;
}

DisplayText::DisplayText(std::string_view original) : original_size_(original.size()) {
  const std::vector<InvalidSequence> invalid = find_invalid(original);
  if (invalid.empty()) {
    text_.assign(original);
    return;
  }
  text_.reserve(original.size() + invalid.size() * 2);
  size_t copied = 0;
  for (const InvalidSequence& bad : invalid) {
    text_.append(original.substr(copied, bad.offset - copied));
    replacements_.push_back({bad.offset, bad.length, text_.size()});
    append(text_, kReplacement);
    copied = bad.offset + bad.length;
  }
  text_.append(original.substr(copied));
}

size_t DisplayText::to_display(size_t original_offset) const {
  original_offset = std::min(original_offset, original_size_);
  // The last replacement that starts at or before the offset decides the shift.
  auto it = std::upper_bound(
      replacements_.begin(), replacements_.end(), original_offset,
      [](size_t value, const Replacement& r) { return value < r.original_offset; });
  if (it == replacements_.begin()) return original_offset;
  const Replacement& r = *std::prev(it);
  if (original_offset < r.original_offset + r.original_length) return r.display_offset;
  return r.display_offset + 3 + (original_offset - r.original_offset - r.original_length);
}

size_t DisplayText::to_original(size_t display_offset) const {
  display_offset = std::min(display_offset, text_.size());
  auto it =
      std::upper_bound(replacements_.begin(), replacements_.end(), display_offset,
                       [](size_t value, const Replacement& r) { return value < r.display_offset; });
  if (it == replacements_.begin()) return display_offset;
  const Replacement& r = *std::prev(it);
  if (display_offset < r.display_offset + 3) return r.original_offset;
  return r.original_offset + r.original_length + (display_offset - r.display_offset - 3);
}

}  // namespace dramatis::utf8
