// Small seeded graphs for the layout tests (the conformance battery, DESIGN.md).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/graph/graph_generators.h"
#include "core/layout/layout_types.h"
#include "core/layout/seeded_random.h"

namespace dramatis::layout::testing {

struct TestGraph {
  uint32_t nodes = 0;
  std::vector<Edge> edges;
};

inline TestGraph star(uint32_t leaves) {
  TestGraph g{leaves + 1, {}};
  for (uint32_t i = 1; i <= leaves; ++i) g.edges.push_back({0, i});
  return g;
}

inline TestGraph clique(uint32_t n) {
  TestGraph g{n, {}};
  for (uint32_t a = 0; a < n; ++a) {
    for (uint32_t b = a + 1; b < n; ++b) g.edges.push_back({a, b});
  }
  return g;
}

inline TestGraph grid(uint32_t side) {
  graph_gen::Graph g = graph_gen::grid(side);
  return {g.nodes, std::move(g.edges)};
}

// A path through every node plus `extra` random chords: connected, about n + extra edges.
inline TestGraph random_graph(uint32_t n, uint32_t extra, uint64_t seed) {
  TestGraph g{n, {}};
  for (uint32_t i = 1; i < n; ++i) g.edges.push_back({i - 1, i});
  SeededRandom random(seed);
  for (uint32_t k = 0; k < extra; ++k) {
    const uint32_t a = random.below(n), b = random.below(n);
    if (a != b) g.edges.push_back({a, b});
  }
  return g;
}

// Two cliques of `size` with no edge between them.
inline TestGraph two_parts(uint32_t size) {
  TestGraph g{2 * size, {}};
  for (uint32_t part = 0; part < 2; ++part) {
    for (uint32_t a = 0; a < size; ++a) {
      for (uint32_t b = a + 1; b < size; ++b) {
        g.edges.push_back({part * size + a, part * size + b});
      }
    }
  }
  return g;
}

}  // namespace dramatis::layout::testing
