// How often each word form occurs: a growing hash table of counts for the corpus-wide word
// statistics, asked of nearly every capitalised word. Open addressing over the keys' bytes kept
// back to back, so adding a word allocates only when the table or its byte pool grows, and a
// lookup never builds a key string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dramatis {

class WordCounts {
 public:
  // Counts one more occurrence of `word` (byte for byte).
  void add(std::string_view word);
  // How many times `word` was added: 0 when never.
  uint32_t count(std::string_view word) const;
  size_t size() const { return entries_.size(); }  // distinct words

 private:
  struct Entry {
    uint32_t offset = 0;  // bytes into pool_
    uint32_t length = 0;
    uint32_t hash = 0;
    uint32_t count = 0;
  };
  // The slot holding `word`, or the empty slot where it would go.
  size_t find_slot(std::string_view word, uint32_t hash) const;
  void grow();

  std::string pool_;             // the keys, back to back
  std::vector<Entry> entries_;   // in the order first added
  std::vector<uint32_t> slots_;  // entry index + 1, or 0 for empty; a power of two of them
};

}  // namespace dramatis
