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
    const utf8::Step step = utf8::decode(text, i);
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
  std::unordered_map<uint64_t, std::vector<uint32_t>> index;
  for (size_t i = 0; i < n; ++i) {
    grams[i] = trigrams(word_hashes(texts[i]));
    for (uint64_t g : grams[i]) index[g].push_back(static_cast<uint32_t>(i));
  }
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), size_t{0});
  std::unordered_map<uint32_t, uint32_t> shared;  // candidate -> trigrams shared with quote i
  for (size_t i = 0; i < n; ++i) {
    shared.clear();
    for (uint64_t g : grams[i]) {
      const std::vector<uint32_t>& postings = index[g];
      if (postings.size() > kMaxPostings) continue;
      for (uint32_t j : postings) {
        if (j > i) ++shared[j];
      }
    }
    for (const auto& [j, count] : shared) {
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
