#include "core/view/corpus_fingerprint.h"

#include <cstdint>

namespace dramatis {
namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

void hash_bytes(uint64_t& h, std::string_view bytes) {
  for (const char c : bytes) {
    h ^= static_cast<uint8_t>(c);
    h *= kFnvPrime;
  }
}

// 8 bytes little-endian, whatever size_t is (32-bit in WASM), so both builds agree.
void hash_length(uint64_t& h, size_t length) {
  const uint64_t n = static_cast<uint64_t>(length);
  for (int i = 0; i < 8; ++i) {
    h ^= static_cast<uint8_t>((n >> (8 * i)) & 0xFFu);
    h *= kFnvPrime;
  }
}

std::string hex16(uint64_t h) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[h & 0xFu];
    h >>= 4;
  }
  return out;
}

}  // namespace

std::string content_fingerprint(std::string_view bytes) {
  uint64_t h = kFnvOffset;
  hash_bytes(h, bytes);
  return hex16(h);
}

std::string corpus_fingerprint(const Corpus& corpus) {
  uint64_t h = kFnvOffset;
  for (const Document& doc : corpus.documents) {
    hash_length(h, doc.path.size());
    hash_bytes(h, doc.path);
    hash_length(h, doc.bytes.size());
    hash_bytes(h, doc.bytes);
  }
  return hex16(h);
}

}  // namespace dramatis
