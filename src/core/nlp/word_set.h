// A read-only hash set of words and phrases for the lexicon's hot lookups: open addressing, with
// optional ASCII case folding and dot skipping applied to the query while it is hashed and
// compared, so a lookup never allocates or copies the query.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dramatis {

class WordSet {
 public:
  // How keys and queries are compared: byte for byte, or folded (ASCII lower case) and, with
  // `ignore_dots`, without '.' ("Inc." = "inc" = "INC").
  WordSet() = default;  // empty, byte-for-byte
  WordSet(bool fold_case, bool ignore_dots) : fold_case_(fold_case), ignore_dots_(ignore_dots) {}

  // Builds the set from `entries` (duplicates, also after folding, count once). The set keeps
  // its own copy of the (folded) keys, so it may be copied and moved freely.
  void build(const std::vector<std::string_view>& entries);

  bool contains(std::string_view query) const;

  // contains(), and in the same pass over the query whether it is single-spaced (no tab, line
  // break or two spaces in a row), as the set's phrases are: kNotSingleSpaced leaves the answer
  // to a word-wise search.
  enum class Found { kNo, kYes, kNotSingleSpaced };
  Found find_single_spaced(std::string_view query) const;

  // The two halves of find_single_spaced(), for asking several sets that fold alike with one
  // pass over the query.
  struct Hashed {
    uint32_t hash = 0;
    bool single_spaced = true;
  };
  Hashed hash_query(std::string_view query) const;
  bool contains_hashed(std::string_view query, uint32_t hash) const;
  bool folds_like(const WordSet& other) const {
    return fold_case_ == other.fold_case_ && ignore_dots_ == other.ignore_dots_;
  }
  size_t size() const { return keys_.size(); }

 private:
  struct Key {
    uint32_t offset = 0;  // bytes into pool_
    uint32_t length = 0;  // bytes
  };
  static uint32_t slot_hash(uint64_t slot) { return static_cast<uint32_t>(slot >> 32); }
  static size_t slot_key(uint64_t slot) { return static_cast<size_t>(slot & 0xFFFFFFFFu) - 1; }
  uint32_t hash(std::string_view text) const;
  bool equal(const Key& key, std::string_view query) const;
  std::string_view key_text(const Key& key) const {
    return std::string_view(pool_).substr(key.offset, key.length);
  }

  bool fold_case_ = false;
  bool ignore_dots_ = false;
  std::string pool_;       // the folded keys, back to back
  std::vector<Key> keys_;  // distinct keys
  // A power of two of slots, each 0 (empty) or the key's hash in the high half and its index + 1
  // in the low one: a probe rejects a different key by its hash without reading keys_.
  std::vector<uint64_t> slots_;
};

}  // namespace dramatis
