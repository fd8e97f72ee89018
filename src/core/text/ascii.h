// ASCII case and space helpers for matching words against lists ("mr.", "read more"). ASCII-only
// on purpose: the lists are English function words and abbreviations, and these compare, never
// display, so a byte-wise fold is exact and fast.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dramatis::text {

// `text` without the ASCII spaces, tabs and line breaks at either end.
inline std::string_view trim_space(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// `word` equals `lower` (already lower-case) ignoring ASCII case.
inline bool equals_lower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (ascii_lower(word[k]) != lower[k]) return false;
  }
  return true;
}

// `word` is one of the lower-case entries of `list`, ignoring ASCII case.
template <size_t N>
bool listed(std::string_view word, const std::string_view (&list)[N]) {
  for (std::string_view entry : list) {
    if (equals_lower(word, entry)) return true;
  }
  return false;
}

inline std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace dramatis::text
