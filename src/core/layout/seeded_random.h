// Seeded pseudo-random numbers for the layout, its coarsening and its metrics. SplitMix64 is
// defined by 64-bit integer arithmetic alone, so a seed gives the same sequence natively and in
// WASM (std:: distributions differ between libstdc++ and libc++, so none are used).
#pragma once

#include <cstdint>

namespace dramatis::layout {

class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, 1): the top 53 bits scaled exactly, so no rounding depends on the platform.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // An integer in [0, bound), bound > 0 (multiply-shift; its bias of < 2^-32 does not matter).
  uint32_t below(uint32_t bound) {
    return static_cast<uint32_t>(((next() >> 32) * static_cast<uint64_t>(bound)) >> 32);
  }

 private:
  uint64_t state_;
};

// A hash of a pair of integers, for deterministic choices that must not depend on call order.
inline uint64_t hash_pair(uint64_t a, uint64_t b) {
  SeededRandom r(a * 0x100000001B3ull ^ (b + 0x9E3779B97F4A7C15ull));
  return r.next();
}

}  // namespace dramatis::layout
