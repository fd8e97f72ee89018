#include "core/nlp/quote_clusters.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <unordered_map>

#include "core/text/utf8.h"

namespace dramatis {
namespace {

// A trigram index posting list longer than this names a stock phrase, not a statement.
constexpr size_t kMaxPostings = 64;

// Lower-cased ASCII letters and digits, and any non-ASCII code point, form words; everything
// else (punctuation, quotes, dashes) separates them. Words are hashed to keep memory small.
std::vector<uint64_t> word_hashes(std::string_view text) {
  std::vector<uint64_t> words;
  uint64_t hash = 1469598103934665603ull;  // FNV-1a
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    // ASCII, nearly all of a quote, without the call into the decoder (which gives the same).
    const utf8::Step step = b < 0x80 ? utf8::Step{b, 1, true} : utf8::decode(text, i);
    char32_t c = step.codepoint;
    i += step.length;
    const bool word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') ||
                           (c >= 0xC0 && step.valid && c != 0x2019 && (c < 0x2000 || c > 0x206F));
    if (!word_char) {
      if (in_word) words.push_back(hash);
      hash = 1469598103934665603ull;
      in_word = false;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    hash = (hash ^ static_cast<uint64_t>(c)) * 1099511628211ull;
    in_word = true;
  }
  if (in_word) words.push_back(hash);
  return words;
}

std::vector<uint64_t> trigrams(const std::vector<uint64_t>& words) {
  std::vector<uint64_t> grams;
  if (words.size() < 3) {
    if (!words.empty())
      grams.push_back(std::accumulate(words.begin(), words.end(), uint64_t{7},
                                      [](uint64_t a, uint64_t b) { return a * 31 + b; }));
  } else {
    for (size_t i = 0; i + 2 < words.size(); ++i)
      grams.push_back((words[i] * 31 + words[i + 1]) * 31 + words[i + 2]);
  }
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

size_t find_root(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

}  // namespace

std::vector<std::string> cluster_quotes(const std::vector<std::string_view>& texts,
                                        double threshold) {
  const size_t n = texts.size();
  std::vector<std::vector<uint64_t>> grams(n);
  // The trigram index, flat: an open-addressing table of trigrams, each with its number of
  // quotes and a chain through `next` of its postings (one per quote holding it). Quote i's
  // postings are the contiguous run from first_posting[i], so the second pass needs no lookup.
  std::vector<size_t> first_posting(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    grams[i] = trigrams(word_hashes(texts[i]));
    first_posting[i + 1] = first_posting[i] + grams[i].size();
  }
  const size_t total = first_posting[n];
  size_t capacity = 16;
  while (capacity < total * 2) capacity *= 2;
  constexpr uint32_t kEmpty = static_cast<uint32_t>(-1);
  struct Slot {
    uint64_t gram = 0;
    uint32_t head = kEmpty;  // latest posting; kEmpty while the slot is free
    uint32_t count = 0;
  };
  std::vector<Slot> table(capacity);
  std::vector<uint32_t> next(total), slot_of(total), quote_of(total);
  int shift = 64;
  for (size_t c = capacity; c > 1; c >>= 1) --shift;
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < grams[i].size(); ++k) {
      const uint64_t g = grams[i][k];
      const size_t posting = first_posting[i] + k;
      size_t slot = static_cast<size_t>((g * 0x9E3779B97F4A7C15ull) >> shift);
      while (table[slot].head != kEmpty && table[slot].gram != g)
        slot = (slot + 1) & (capacity - 1);
      Slot& entry = table[slot];
      entry.gram = g;
      next[posting] = entry.head;
      entry.head = static_cast<uint32_t>(posting);
      ++entry.count;
      slot_of[posting] = static_cast<uint32_t>(slot);
      quote_of[posting] = static_cast<uint32_t>(i);
    }
  }
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), size_t{0});
  // Trigrams each later quote shares with quote i, and which quotes have a count; the
  // partition found does not depend on the order the pairs are joined in.
  std::vector<uint32_t> shared(n, 0);
  std::vector<uint32_t> touched;
  for (size_t i = 0; i < n; ++i) {
    touched.clear();
    for (size_t posting = first_posting[i]; posting < first_posting[i + 1]; ++posting) {
      const Slot& entry = table[slot_of[posting]];
      if (entry.count > kMaxPostings) continue;
      // A chain runs from the latest quote back: stop at quote i.
      for (uint32_t p = entry.head; p != kEmpty && quote_of[p] > i; p = next[p]) {
        const uint32_t j = quote_of[p];
        if (shared[j]++ == 0) touched.push_back(j);
      }
    }
    for (const uint32_t j : touched) {
      const uint32_t count = shared[j];
      shared[j] = 0;
      const size_t smaller = std::min(grams[i].size(), grams[j].size());
      if (smaller > 0 && static_cast<double>(count) >= threshold * static_cast<double>(smaller)) {
        parent[find_root(parent, i)] = find_root(parent, j);
      }
    }
  }
  // Ids in order of each cluster's first quote, independent of hash-map iteration order.
  std::vector<std::string> ids(n);
  std::unordered_map<size_t, std::string> root_ids;
  for (size_t i = 0; i < n; ++i) {
    const size_t root = find_root(parent, i);
    auto it = root_ids.find(root);
    if (it == root_ids.end())
      it = root_ids.emplace(root, "c" + std::to_string(root_ids.size())).first;
    ids[i] = it->second;
  }
  return ids;
}

}  // namespace dramatis
