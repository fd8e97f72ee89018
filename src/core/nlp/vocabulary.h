// A small fixed set of words that the name rules ask of many tokens, most of which are not in
// it (job titles, facility and product nouns, month names): the word's length and a filter on
// its first two bytes rule out nearly every other word before the hash lookup.
#pragma once

#include <bitset>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <unordered_set>

namespace dramatis {

class Vocabulary {
 public:
  Vocabulary(std::initializer_list<std::string_view> words) : words_(words) {
    for (std::string_view w : words) {
      opens_[opening(w)] = true;
      if (w.size() < shortest_) shortest_ = w.size();
      if (w.size() > longest_) longest_ = w.size();
    }
  }
  bool contains(std::string_view word) const {
    if (word.size() < shortest_ || word.size() > longest_ || !opens_[opening(word)]) return false;
    return words_.count(word) > 0;
  }

 private:
  // The first two bytes (one for a one-byte word, none for the empty word), hashed to 12 bits.
  static size_t opening(std::string_view w) {
    const size_t a = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
    const size_t b = w.size() < 2 ? 0 : static_cast<unsigned char>(w[1]);
    return (a * 31 + b) & 4095;
  }
  std::unordered_set<std::string_view> words_;
  std::bitset<4096> opens_;
  size_t shortest_ = static_cast<size_t>(-1);
  size_t longest_ = 0;
};

}  // namespace dramatis
