#include "core/nlp/word_set.h"

#include <array>

namespace dramatis {

namespace {

constexpr char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

uint32_t WordSet::hash(std::string_view text) const {
  // FNV-1a over the folded bytes: words are short, so a simple byte loop beats a block hash.
  uint32_t h = 2166136261u;
  for (char c : text) {
    if (ignore_dots_ && c == '.') continue;
    if (fold_case_) c = lower(c);
    h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  return h;
}

bool WordSet::equal(const Key& key, std::string_view query) const {
  const std::string_view text = key_text(key);
  if (!fold_case_ && !ignore_dots_) return text == query;
  size_t k = 0;
  for (char c : query) {
    if (ignore_dots_ && c == '.') continue;
    if (k == text.size() || text[k] != (fold_case_ ? lower(c) : c)) return false;
    ++k;
  }
  return k == text.size();
}

void WordSet::build(const std::vector<std::string_view>& entries) {
  pool_.clear();
  keys_.clear();
  size_t bytes = 0;
  for (std::string_view entry : entries) bytes += entry.size();
  pool_.reserve(bytes);  // keys are at most as long as their entries
  keys_.reserve(entries.size());
  size_t capacity = 16;
  while (capacity < entries.size() * 2) capacity *= 2;
  slots_.assign(capacity, 0);
  const size_t mask = capacity - 1;
  for (std::string_view entry : entries) {
    const uint32_t h = hash(entry);
    size_t slot = h & mask;
    bool present = false;
    for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
      if (slot_hash(slots_[slot]) == h && equal(keys_[slot_key(slots_[slot])], entry)) {
        present = true;
        break;
      }
    }
    if (present) continue;
    Key key;
    key.offset = static_cast<uint32_t>(pool_.size());
    for (char c : entry) {
      if (ignore_dots_ && c == '.') continue;
      pool_.push_back(fold_case_ ? lower(c) : c);
    }
    key.length = static_cast<uint32_t>(pool_.size() - key.offset);
    keys_.push_back(key);
    slots_[slot] = static_cast<uint64_t>(h) << 32 | keys_.size();
  }
}

namespace {

// Per byte of a query, what hashing does with it: a (folded) byte to hash, a dot to skip, a
// space (two in a row are not single-spaced), or a tab or line break (never single-spaced).
// One table per folding, so the hot loop is one lookup per byte.
constexpr uint16_t kSkip = 256, kSpace = 257, kBreak = 258;
using ByteMap = std::array<uint16_t, 256>;
constexpr ByteMap byte_map(bool fold_case, bool ignore_dots) {
  ByteMap map{};
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    uint16_t m = static_cast<unsigned char>(fold_case ? lower(c) : c);
    if (c == '.' && ignore_dots) m = kSkip;
    if (c == ' ') m = kSpace;
    if (c == '\t' || c == '\n' || c == '\r') m = kBreak;
    map[static_cast<size_t>(b)] = m;
  }
  return map;
}
constexpr std::array<ByteMap, 4> kByteMaps = {byte_map(false, false), byte_map(false, true),
                                              byte_map(true, false), byte_map(true, true)};

}  // namespace

WordSet::Hashed WordSet::hash_query(std::string_view query) const {
  const ByteMap& map = kByteMaps[(fold_case_ ? 2 : 0) + (ignore_dots_ ? 1 : 0)];
  Hashed out;
  uint32_t h = 2166136261u;
  bool after_space = false;
  for (const char c : query) {
    const uint16_t m = map[static_cast<unsigned char>(c)];
    if (m < kSkip) {
      h = (h ^ m) * 16777619u;
      after_space = false;
    } else if (m == kSpace) {
      if (after_space) {
        out.single_spaced = false;
        return out;
      }
      h = (h ^ static_cast<uint32_t>(' ')) * 16777619u;
      after_space = true;
    } else if (m == kBreak) {
      out.single_spaced = false;
      return out;
    } else {
      after_space = false;  // a skipped dot
    }
  }
  out.hash = h;
  return out;
}

bool WordSet::contains_hashed(std::string_view query, uint32_t hash) const {
  if (keys_.empty()) return false;
  const size_t mask = slots_.size() - 1;
  for (size_t slot = hash & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (slot_hash(slots_[slot]) == hash && equal(keys_[slot_key(slots_[slot])], query)) return true;
  }
  return false;
}

WordSet::Found WordSet::find_single_spaced(std::string_view query) const {
  const Hashed hashed = hash_query(query);
  if (!hashed.single_spaced) return Found::kNotSingleSpaced;
  return contains_hashed(query, hashed.hash) ? Found::kYes : Found::kNo;
}

bool WordSet::contains(std::string_view query) const {
  if (keys_.empty()) return false;
  return contains_hashed(query, hash(query));
}

}  // namespace dramatis
