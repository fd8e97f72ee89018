#include "core/graph/graph_generators.h"

#include <algorithm>

#include "core/layout/seeded_random.h"

namespace dramatis::graph_gen {

using layout::SeededRandom;

// Barabási–Albert preferential attachment, m edges per new node (so about m * n edges).
Graph barabasi_albert(uint32_t n, uint32_t m, uint64_t seed) {
  Graph g{"ba" + std::to_string(n), n, {}};
  SeededRandom random(seed);
  std::vector<uint32_t> ends;  // every edge end once: picking from it is degree-proportional
  for (uint32_t v = 1; v < n; ++v) {
    std::vector<uint32_t> chosen;
    const uint32_t want = std::min(m, v);
    while (chosen.size() < want) {
      const uint32_t u = ends.empty() ? 0 : ends[random.below(static_cast<uint32_t>(ends.size()))];
      if (std::find(chosen.begin(), chosen.end(), u) == chosen.end()) chosen.push_back(u);
    }
    for (uint32_t u : chosen) {
      g.edges.push_back({u, v});
      ends.push_back(u);
      ends.push_back(v);
    }
  }
  return g;
}

// `groups` groups of `size` nodes; each pair joined with p_in inside a group, p_out across
// (sampled as expected counts per group pair, so large graphs stay cheap to generate).
Graph planted_partition(uint32_t groups, uint32_t size, double degree_in, double degree_out,
                        uint64_t seed) {
  Graph g{"planted" + std::to_string(groups) + "x" + std::to_string(size), groups * size, {}};
  SeededRandom random(seed);
  const uint64_t inside = static_cast<uint64_t>(degree_in * size * groups / 2);
  const uint64_t across = static_cast<uint64_t>(degree_out * size * groups / 2);
  for (uint64_t k = 0; k < inside; ++k) {
    const uint32_t group = random.below(groups);
    const uint32_t a = group * size + random.below(size), b = group * size + random.below(size);
    if (a != b) g.edges.push_back({a, b});
  }
  for (uint64_t k = 0; k < across; ++k) {
    const uint32_t a = random.below(g.nodes), b = random.below(g.nodes);
    if (a / size != b / size) g.edges.push_back({a, b});
  }
  return g;
}

Graph grid(uint32_t side) {
  Graph g{"grid" + std::to_string(side) + "x" + std::to_string(side), side * side, {}};
  for (uint32_t r = 0; r < side; ++r) {
    for (uint32_t c = 0; c < side; ++c) {
      const uint32_t v = r * side + c;
      if (c + 1 < side) g.edges.push_back({v, v + 1});
      if (r + 1 < side) g.edges.push_back({v, v + side});
    }
  }
  return g;
}

}  // namespace dramatis::graph_gen
