#include "core/graph/metrics.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace dramatis {
namespace {

// SplitMix64: a small generator whose output is fixed by its seed on every platform (the
// standard library's distributions are not, so none is used).
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound), bound > 0, by rejection (no modulo bias).
  uint64_t below(uint64_t bound) {
    const uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      const uint64_t r = next();
      if (r >= threshold) return r % bound;
    }
  }

 private:
  uint64_t state_;
};

}  // namespace

std::vector<uint32_t> degree(const GraphView& view) {
  std::vector<uint32_t> out(view.graph().node_count(), 0);
  view.for_each_edge([&](uint32_t e) {
    ++out[view.graph().edges[e].a];
    ++out[view.graph().edges[e].b];
  });
  return out;
}

std::vector<double> weighted_degree(const GraphView& view) {
  std::vector<double> out(view.graph().node_count(), 0.0);
  view.for_each_edge([&](uint32_t e) {
    const GraphEdge& edge = view.graph().edges[e];
    out[edge.a] += edge.weight;
    out[edge.b] += edge.weight;
  });
  return out;
}

PageRankResult pagerank(const GraphView& view, const PageRankOptions& options) {
  const EntityGraph& graph = view.graph();
  PageRankResult result;
  result.scores.assign(graph.node_count(), 0.0);
  const std::vector<uint32_t> nodes = view.nodes();
  if (nodes.empty()) {
    result.converged = true;
    return result;
  }
  const double n = static_cast<double>(nodes.size());
  const double d = options.damping;
  const auto edge_weight = [&](uint32_t e) {
    return options.weighted ? graph.edges[e].weight : 1.0;
  };
  std::vector<double> out_weight(graph.node_count(), 0.0);
  for (const uint32_t i : nodes)
    view.for_each_neighbor(i, [&](uint32_t, uint32_t e) { out_weight[i] += edge_weight(e); });

  std::vector<double> x(graph.node_count(), 0.0);
  std::vector<double> next(graph.node_count(), 0.0);
  for (const uint32_t i : nodes) x[i] = 1.0 / n;
  for (result.iterations = 0; result.iterations < options.max_iterations;) {
    double dangling = 0.0;
    for (const uint32_t i : nodes) {
      if (!(out_weight[i] > 0.0)) dangling += x[i];
    }
    const double base = (1.0 - d) / n + d * dangling / n;
    double change = 0.0;
    for (const uint32_t i : nodes) {
      double in = 0.0;
      view.for_each_neighbor(i, [&](uint32_t j, uint32_t e) {
        if (out_weight[j] > 0.0) in += x[j] * edge_weight(e) / out_weight[j];
      });
      next[i] = base + d * in;
      change += std::fabs(next[i] - x[i]);
    }
    std::swap(x, next);
    ++result.iterations;
    if (change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.scores = std::move(x);
  return result;
}

std::vector<double> betweenness(const GraphView& view, const BetweennessOptions& options) {
  const EntityGraph& graph = view.graph();
  const uint32_t total = graph.node_count();
  std::vector<double> centrality(total, 0.0);
  const std::vector<uint32_t> nodes = view.nodes();
  const uint32_t n = static_cast<uint32_t>(nodes.size());
  if (n < 3) return centrality;

  std::vector<uint32_t> sources = nodes;
  double scale = 0.5;  // undirected: every pair is found from both of its ends
  if (n >= options.exact_below && options.pivots > 0 && options.pivots < n) {
    SplitMix64 rng(options.seed);
    for (uint32_t i = 0; i < options.pivots; ++i)  // partial Fisher–Yates
      std::swap(sources[i], sources[i + static_cast<size_t>(rng.below(n - i))]);
    sources.resize(options.pivots);
    std::sort(sources.begin(), sources.end());
    scale *= static_cast<double>(n) / static_cast<double>(options.pivots);
  }

  std::vector<int32_t> dist(total, -1);
  std::vector<double> sigma(total, 0.0);
  std::vector<double> delta(total, 0.0);
  std::vector<uint32_t> order;  // nodes in BFS order (non-decreasing distance)
  order.reserve(n);
  for (const uint32_t s : sources) {
    order.clear();
    dist[s] = 0;
    sigma[s] = 1.0;
    order.push_back(s);
    for (size_t head = 0; head < order.size(); ++head) {
      const uint32_t v = order[head];
      view.for_each_neighbor(v, [&](uint32_t w, uint32_t) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      });
    }
    for (size_t k = order.size(); k-- > 0;) {
      const uint32_t w = order[k];
      view.for_each_neighbor(w, [&](uint32_t v, uint32_t) {
        if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
      });
      if (w != s) centrality[w] += delta[w];
    }
    for (const uint32_t v : order) {
      dist[v] = -1;
      sigma[v] = 0.0;
      delta[v] = 0.0;
    }
  }
  double factor = scale;
  if (options.normalized) factor /= (static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0);
  for (const uint32_t v : nodes) centrality[v] *= factor;
  return centrality;
}

namespace {

// One level of Louvain: an undirected weighted graph with self-loops (the weight inside an
// aggregated community, each edge counted once).
struct LevelGraph {
  std::vector<std::vector<std::pair<uint32_t, double>>> adjacency;  // both directions, no loops
  std::vector<double> loops;
  uint32_t size() const { return static_cast<uint32_t>(loops.size()); }
};

// Moves nodes between communities until no move helps; `community` comes out numbered
// 0..count-1 in order of first appearance. Returns whether any node moved.
bool local_moving(const LevelGraph& g, const CommunityOptions& options,
                  std::vector<uint32_t>& community) {
  const uint32_t n = g.size();
  std::vector<double> k(n, 0.0);
  double m2 = 0.0;  // twice the total edge weight
  for (uint32_t i = 0; i < n; ++i) {
    k[i] = 2.0 * g.loops[i];
    for (const auto& [j, w] : g.adjacency[i]) k[i] += w;
    m2 += k[i];
  }
  community.resize(n);
  for (uint32_t i = 0; i < n; ++i) community[i] = i;
  if (!(m2 > 0.0)) return false;
  std::vector<double> tot = k;
  std::vector<double> link(n, 0.0);  // weight from the current node into each community
  std::vector<uint8_t> touched(n, 0);
  std::vector<uint32_t> candidates;
  bool any_move = false;
  for (uint32_t sweep = 0; sweep < options.max_sweeps; ++sweep) {
    bool moved = false;
    for (uint32_t i = 0; i < n; ++i) {
      const uint32_t current = community[i];
      candidates.clear();
      for (const auto& [j, w] : g.adjacency[i]) {
        const uint32_t c = community[j];
        if (!touched[c]) touched[c] = 1, candidates.push_back(c);
        link[c] += w;
      }
      std::sort(candidates.begin(), candidates.end());
      tot[current] -= k[i];
      uint32_t best = current;
      double best_gain = link[current] - options.resolution * tot[current] * k[i] / m2;
      for (const uint32_t c : candidates) {
        const double gain = link[c] - options.resolution * tot[c] * k[i] / m2;
        if (gain > best_gain + options.min_gain) best = c, best_gain = gain;
      }
      tot[best] += k[i];
      if (best != current) community[i] = best, moved = true;
      for (const uint32_t c : candidates) link[c] = 0.0, touched[c] = 0;
    }
    if (!moved) break;
    any_move = true;
  }
  std::vector<int64_t> renumber(n, -1);
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (renumber[community[i]] < 0) renumber[community[i]] = count++;
    community[i] = static_cast<uint32_t>(renumber[community[i]]);
  }
  return any_move;
}

LevelGraph aggregate(const LevelGraph& g, const std::vector<uint32_t>& community, uint32_t count) {
  LevelGraph out;
  out.adjacency.resize(count);
  out.loops.assign(count, 0.0);
  for (uint32_t i = 0; i < g.size(); ++i) {
    const uint32_t ci = community[i];
    out.loops[ci] += g.loops[i];
    for (const auto& [j, w] : g.adjacency[i]) {
      const uint32_t cj = community[j];
      if (ci == cj) {
        if (i < j) out.loops[ci] += w;
      } else {
        out.adjacency[ci].emplace_back(cj, w);
      }
    }
  }
  for (auto& row : out.adjacency) {
    // Stable, so equal neighbours are summed in the same order with every standard library.
    std::stable_sort(row.begin(), row.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    size_t kept = 0;
    for (size_t r = 0; r < row.size(); ++r) {
      if (kept > 0 && row[kept - 1].first == row[r].first) {
        row[kept - 1].second += row[r].second;
      } else {
        row[kept++] = row[r];
      }
    }
    row.resize(kept);
  }
  return out;
}

}  // namespace

Communities louvain(const GraphView& view, const CommunityOptions& options) {
  const EntityGraph& graph = view.graph();
  Communities result;
  result.community.assign(graph.node_count(), -1);
  const std::vector<uint32_t> nodes = view.nodes();
  const uint32_t n = static_cast<uint32_t>(nodes.size());
  if (n == 0) return result;
  std::vector<uint32_t> local(graph.node_count(), 0);
  for (uint32_t i = 0; i < n; ++i) local[nodes[i]] = i;

  LevelGraph level;
  level.adjacency.resize(n);
  level.loops.assign(n, 0.0);
  for (uint32_t i = 0; i < n; ++i) {
    view.for_each_neighbor(nodes[i], [&](uint32_t j, uint32_t e) {
      level.adjacency[i].emplace_back(local[j], graph.edges[e].weight);
    });
  }
  const LevelGraph base = level;

  std::vector<uint32_t> membership(n);  // original node → community at the current level
  for (uint32_t i = 0; i < n; ++i) membership[i] = i;
  std::vector<uint32_t> community;
  for (uint32_t depth = 0; depth < options.max_levels; ++depth) {
    const bool moved = local_moving(level, options, community);
    if (!moved) break;
    uint32_t count = 0;
    for (const uint32_t c : community) count = std::max(count, c + 1);
    for (uint32_t& m : membership) m = community[m];
    level = aggregate(level, community, count);
  }

  // Number communities by size, largest first; ties by their lowest node index.
  uint32_t count = 0;
  for (const uint32_t m : membership) count = std::max(count, m + 1);
  std::vector<uint32_t> size(count, 0);
  std::vector<uint32_t> first(count, n);
  for (uint32_t i = 0; i < n; ++i) {
    ++size[membership[i]];
    first[membership[i]] = std::min(first[membership[i]], i);
  }
  std::vector<uint32_t> by_size(count);
  for (uint32_t c = 0; c < count; ++c) by_size[c] = c;
  std::sort(by_size.begin(), by_size.end(), [&](uint32_t x, uint32_t y) {
    return size[x] != size[y] ? size[x] > size[y] : first[x] < first[y];
  });
  std::vector<uint32_t> rank(count);
  for (uint32_t r = 0; r < count; ++r) rank[by_size[r]] = r;
  for (uint32_t i = 0; i < n; ++i)
    result.community[nodes[i]] = static_cast<int32_t>(rank[membership[i]]);
  result.count = count;

  // Modularity at resolution 1: sum over communities of in_c / m - (tot_c / 2m)^2.
  std::vector<double> inside(count, 0.0);
  std::vector<double> tot(count, 0.0);
  double m2 = 0.0;
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& [j, w] : base.adjacency[i]) {
      tot[membership[i]] += w;
      m2 += w;
      if (membership[i] == membership[j]) inside[membership[i]] += w;  // counted from both ends
    }
  }
  if (m2 > 0.0) {
    for (uint32_t c = 0; c < count; ++c)
      result.modularity += inside[c] / m2 - (tot[c] / m2) * (tot[c] / m2);
  }
  return result;
}

}  // namespace dramatis
