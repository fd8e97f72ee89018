// Seeded generated graphs for benchmarks and the app's synthetic mode: Barabási–Albert, planted
// partitions and grids. The same seed gives the same graph natively and in WASM.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/layout/layout_types.h"

namespace dramatis::graph_gen {

struct Graph {
  std::string name;  // e.g. "ba10000", "planted10x1000", "grid100x100"
  uint32_t nodes = 0;
  std::vector<layout::Edge> edges;
};

// Barabási–Albert preferential attachment, m edges per new node (so about m * n edges).
Graph barabasi_albert(uint32_t n, uint32_t m, uint64_t seed);

// `groups` groups of `size` nodes with about degree_in edges per node inside its group and
// degree_out across groups (sampled as expected counts, so large graphs stay cheap).
Graph planted_partition(uint32_t groups, uint32_t size, double degree_in, double degree_out,
                        uint64_t seed);

// A side x side grid, 4-neighbourhood.
Graph grid(uint32_t side);

}  // namespace dramatis::graph_gen
