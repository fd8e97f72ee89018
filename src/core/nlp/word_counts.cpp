#include "core/nlp/word_counts.h"

namespace dramatis {

namespace {

// FNV-1a: words are short, so a byte loop beats a block hash (as in WordSet).
uint32_t hash_of(std::string_view word) {
  uint32_t h = 2166136261u;
  for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// Words are a few bytes long: compared in line rather than by a call to memcmp.
bool same_bytes(const char* key, std::string_view word) {
  for (size_t i = 0; i < word.size(); ++i)
    if (key[i] != word[i]) return false;
  return true;
}

}  // namespace

size_t WordCounts::find_slot(std::string_view word, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  size_t slot = hash & mask;
  for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
    const Entry& e = entries_[slots_[slot] - 1];
    if (e.hash == hash && e.length == word.size() && same_bytes(pool_.data() + e.offset, word))
      break;
  }
  return slot;
}

void WordCounts::grow() {
  const size_t capacity = slots_.empty() ? 64 : slots_.size() * 2;
  slots_.assign(capacity, 0);
  const size_t mask = capacity - 1;
  for (size_t i = 0; i < entries_.size(); ++i) {
    size_t slot = entries_[i].hash & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = static_cast<uint32_t>(i + 1);
  }
}

void WordCounts::add(std::string_view word) {
  // At most half full, so a probe for an absent word ends soon.
  if ((entries_.size() + 1) * 2 > slots_.size()) grow();
  const uint32_t hash = hash_of(word);
  const size_t slot = find_slot(word, hash);
  if (slots_[slot] != 0) {
    ++entries_[slots_[slot] - 1].count;
    return;
  }
  Entry e;
  e.offset = static_cast<uint32_t>(pool_.size());
  e.length = static_cast<uint32_t>(word.size());
  e.hash = hash;
  e.count = 1;
  pool_.append(word);
  entries_.push_back(e);
  slots_[slot] = static_cast<uint32_t>(entries_.size());
}

uint32_t WordCounts::count(std::string_view word) const {
  if (slots_.empty()) return 0;
  const size_t slot = find_slot(word, hash_of(word));
  return slots_[slot] == 0 ? 0 : entries_[slots_[slot] - 1].count;
}

}  // namespace dramatis
