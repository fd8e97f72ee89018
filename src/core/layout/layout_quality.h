// Layout quality metrics, used by tests and benchmarks to compare layouts (ours and other
// tools'): scale-normalised stress, neighbourhood preservation and sampled edge crossings.
// All are deterministic: sampling uses a seeded generator.
#pragma once

#include <cstdint>
#include <span>

#include "core/layout/layout_types.h"

namespace dramatis::layout {

struct QualityOptions {
  // Stress uses every connected pair up to this many nodes; above it, all pairs from
  // `stress_sources` seeded random sources (one BFS each).
  uint32_t stress_exact_limit = 1000;
  uint32_t stress_sources = 128;
  // Neighbourhood preservation is averaged over at most this many seeded random nodes
  // (each costs O(n) for its nearest neighbours in the layout).
  uint32_t neighborhood_samples = 1000;
  // Edge crossings are counted exactly up to this many edge pairs, estimated from this many
  // seeded random pairs above it.
  uint64_t crossing_pairs = 2'000'000;
  uint64_t seed = 1;
};

// Stress with the layout's scale factored out: with d_ij the layout distance (world units) and
// g_ij the graph distance (hops, BFS; pairs in different components skipped), the scale s
// minimising sum ((s d_ij - g_ij) / g_ij)^2 is found in closed form and the mean of
// ((s d_ij - g_ij) / g_ij)^2 over the pairs is returned. 0 is perfect; lower is better.
// Returns 0 when there are no connected pairs.
double normalized_stress(std::span<const Point> positions, std::span<const Edge> edges,
                         const QualityOptions& options = {});

// For each (sampled) node i with degree k_i > 0: the Jaccard index between its graph
// neighbours and its k_i nearest other nodes in the layout (ties by index); the mean over those
// nodes. 1 is perfect. Returns 1 when no node has an edge.
double neighborhood_preservation(std::span<const Point> positions, std::span<const Edge> edges,
                                 const QualityOptions& options = {});

struct CrossingCount {
  uint64_t pairs_checked = 0;    // pairs of edges without a shared endpoint that were tested
  uint64_t crossings_found = 0;  // of those, how many cross (proper crossings)
  double estimated_total = 0.0;  // crossings_found scaled to all pairs of edges
  bool exact = false;            // every pair was checked
};

CrossingCount edge_crossings(std::span<const Point> positions, std::span<const Edge> edges,
                             const QualityOptions& options = {});

}  // namespace dramatis::layout
