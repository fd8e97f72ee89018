// Graph metrics on a filtered view (graph_filter.h): degree, weighted degree, PageRank,
// betweenness (exact, or sampled on large views) and Louvain communities. Every result is
// indexed by the graph's node index; nodes outside the view get 0 (community -1). Deterministic.
#pragma once

#include <cstdint>
#include <vector>

#include "core/graph/graph_filter.h"

namespace dramatis {

std::vector<uint32_t> degree(const GraphView& view);         // edges in the view
std::vector<double> weighted_degree(const GraphView& view);  // sum of their weights

struct PageRankOptions {
  double damping = 0.85;
  double tolerance = 1e-10;  // stop when the L1 change of the scores in one iteration is below
  uint32_t max_iterations = 200;
  bool weighted = true;  // a walker leaves a node along an edge in proportion to its weight
};

struct PageRankResult {
  std::vector<double> scores;  // sum to 1 over the view's nodes (when it has any)
  uint32_t iterations = 0;
  bool converged = false;
};

// Power iteration on the undirected view. A node with no edge in the view (dangling) spreads
// its score evenly over every node of the view, so no score leaks away.
PageRankResult pagerank(const GraphView& view, const PageRankOptions& options = {});

struct BetweennessOptions {
  // Exact (Brandes, one BFS per node, O(n m)) when the view has fewer than `exact_below` nodes;
  // otherwise estimated from `pivots` source nodes drawn without replacement by a seeded
  // generator and scaled by n / pivots (Brandes and Pich, 2007). The estimate is unbiased and,
  // by Hoeffding's bound, each node's normalised betweenness is within
  // eps = sqrt(ln(2 / delta) / (2 * pivots)) of the exact one with probability 1 - delta:
  // with the default 256 pivots, within 0.085 with probability 0.95.
  uint32_t exact_below = 2000;
  uint32_t pivots = 256;
  uint64_t seed = 1;
  // Divide by (n - 1)(n - 2) / 2, the number of pairs of other nodes, so values lie in [0, 1].
  bool normalized = false;
};

// Shortest paths count hops (edge weights are evidence counts, not lengths). Undirected: each
// pair of endpoints is counted once, so the middle of a path a-b-c scores 1.
std::vector<double> betweenness(const GraphView& view, const BetweennessOptions& options = {});

struct CommunityOptions {
  double resolution = 1.0;    // > 1 gives more, smaller communities
  uint32_t max_levels = 32;   // aggregation levels
  uint32_t max_sweeps = 100;  // local-moving sweeps per level
  double min_gain = 1e-12;    // a move must improve modularity by more than this (weight units)
};

struct Communities {
  std::vector<int32_t> community;  // per node; -1 outside the view
  uint32_t count = 0;
  double modularity = 0.0;  // of the final partition, on the view's weighted edges
};

// Louvain: local moving in node-index order, each node to the neighbouring community with the
// best gain (ties to the lower community index), then aggregation, until nothing moves.
// Communities are numbered by size, largest first (ties: the one holding the lower node index).
Communities louvain(const GraphView& view, const CommunityOptions& options = {});

}  // namespace dramatis
