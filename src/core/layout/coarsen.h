// One coarsening step of the multilevel layout: nodes are matched along heavy, light-ended edges
// and merged, leaves left over join a neighbour's group, and parallel edges are summed. The
// coarse graph keeps the total mass, so a layout of it has about the scale of the fine one.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/layout/layout_types.h"

namespace dramatis::layout {

struct CoarseGraph {
  uint32_t node_count = 0;
  std::vector<Edge> edges;       // no self-loops, no duplicates, each with first < second
  std::vector<float> weights;    // summed weights of the fine edges each coarse edge stands for
  std::vector<double> masses;    // summed masses of each coarse node's members
  std::vector<uint32_t> parent;  // fine node -> its coarse node
};

// `weights` may be empty (all 1); `masses` has one entry per node. Deterministic: the matching
// visits nodes by increasing mass, then index.
CoarseGraph coarsen(uint32_t node_count, std::span<const Edge> edges,
                    std::span<const float> weights, std::span<const double> masses);

}  // namespace dramatis::layout
