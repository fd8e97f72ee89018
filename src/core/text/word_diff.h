// A word-level diff of two UTF-8 strings, for showing how two outlets' versions of one statement
// differ: each side's words and punctuation that the other side does not share (by a longest
// common subsequence), as byte ranges into that side. House style is not a difference: quote
// marks and apostrophes (straight or typographic) match each other, as do ASCII letters of either
// case and dashes of any length.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace dramatis::text {

// Half-open range of UTF-8 byte offsets [start, end) into one side of a diff.
struct ByteRange {
  size_t start = 0;  // bytes
  size_t end = 0;    // bytes, exclusive
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// Words (after the common beginning and end are set aside) above which one side is not aligned
// word by word: the alignment costs (left words x right words) cells of 2 bytes, so 2,000 per
// side bounds it at 8 MB and a few milliseconds.
inline constexpr size_t kMaxDiffWords = 2000;

struct WordDiff {
  // Ranges of text not shared with the other side, sorted, disjoint, non-empty, each starting
  // and ending on a UTF-8 sequence boundary (an invalid byte counts as one sequence). Adjacent
  // unshared tokens make one range, which includes the spaces between them.
  std::vector<ByteRange> left;
  std::vector<ByteRange> right;
  // False when the differing middle was longer than kMaxDiffWords on a side: that whole middle
  // is then marked on both sides instead of being aligned word by word.
  bool exact = true;
};

// Deterministic: the same two strings always give the same ranges. Never fails; invalid UTF-8 is
// compared byte for byte.
WordDiff word_diff(std::string_view left, std::string_view right);

}  // namespace dramatis::text
