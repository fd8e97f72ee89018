// UTF-8 decoding that never shifts offsets: invalid sequences are found (as "maximal subparts",
// the Unicode/WHATWG convention) and reported by byte offset; a display copy replaces each with
// U+FFFD and keeps a map between original byte offsets and display byte offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dramatis::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// One decoded step: a code point and the number of bytes it took, or an invalid sequence
// (valid == false, codepoint == kReplacement) of `length` >= 1 bytes.
struct Step {
  char32_t codepoint = kReplacement;
  uint32_t length = 1;
  bool valid = false;
};

// Decodes the sequence starting at `offset` (which must be < text.size()).
Step decode(std::string_view text, size_t offset);

// Character boundaries for cutting text without splitting a sequence, with sequences as decode()
// and find_invalid() split them: each byte decode() does not take into a sequence is an invalid
// sequence of its own. Both clamp `offset` to text.size(), and an offset that already starts a
// sequence (or is the end) is returned as is.
// The start of the sequence holding `offset`: a boundary at or before it, at most 3 bytes back.
size_t floor_boundary(std::string_view text, size_t offset);
// The end of the sequence holding `offset` when `offset` is inside one: a boundary at or after it.
size_t ceil_boundary(std::string_view text, size_t offset);

// Appends the UTF-8 encoding of `codepoint` (which must be a Unicode scalar value).
void append(std::string& out, char32_t codepoint);

struct InvalidSequence {
  size_t offset = 0;  // byte offset into the original text
  size_t length = 0;  // bytes
};

std::vector<InvalidSequence> find_invalid(std::string_view text);

// Display form of a text: invalid sequences replaced by U+FFFD (3 bytes each), with offset maps
// both ways. Offsets inside a replaced sequence map to the replacement's start.
class DisplayText {
 public:
  explicit DisplayText(std::string_view original);

  const std::string& text() const { return text_; }
  size_t to_display(size_t original_offset) const;
  size_t to_original(size_t display_offset) const;

 private:
  struct Replacement {
    size_t original_offset;
    size_t original_length;
    size_t display_offset;
  };
  std::string text_;
  std::vector<Replacement> replacements_;
  size_t original_size_ = 0;
};

}  // namespace dramatis::utf8
