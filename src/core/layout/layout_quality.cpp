// Layout quality metrics: see layout_quality.h.
#include "core/layout/layout_quality.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/layout/seeded_random.h"

namespace dramatis::layout {
namespace {

constexpr uint32_t kUnreached = UINT32_MAX;

// Undirected adjacency in compressed rows; self-loops and out-of-range edges are skipped.
struct Adjacency {
  std::vector<uint32_t> offsets, neighbors;
};

Adjacency make_adjacency(uint32_t n, std::span<const Edge> edges) {
  Adjacency adj;
  adj.offsets.assign(n + 1, 0);
  for (const auto& [a, b] : edges) {
    if (a >= n || b >= n || a == b) continue;
    ++adj.offsets[a + 1];
    ++adj.offsets[b + 1];
  }
  for (uint32_t i = 0; i < n; ++i) adj.offsets[i + 1] += adj.offsets[i];
  adj.neighbors.resize(adj.offsets[n]);
  std::vector<uint32_t> fill(adj.offsets.begin(), adj.offsets.end() - 1);
  for (const auto& [a, b] : edges) {
    if (a >= n || b >= n || a == b) continue;
    adj.neighbors[fill[a]++] = b;
    adj.neighbors[fill[b]++] = a;
  }
  // Sorted and deduplicated: duplicate edges must not count twice in a neighbourhood.
  for (uint32_t i = 0; i < n; ++i) {
    auto first = adj.neighbors.begin() + adj.offsets[i];
    auto last = adj.neighbors.begin() + adj.offsets[i + 1];
    std::sort(first, last);
    std::fill(std::unique(first, last), last, kUnreached);
  }
  return adj;
}

void bfs(const Adjacency& adj, uint32_t source, std::vector<uint32_t>& dist,
         std::vector<uint32_t>& queue) {
  std::fill(dist.begin(), dist.end(), kUnreached);
  queue.clear();
  dist[source] = 0;
  queue.push_back(source);
  for (size_t head = 0; head < queue.size(); ++head) {
    const uint32_t u = queue[head];
    for (uint32_t k = adj.offsets[u]; k < adj.offsets[u + 1]; ++k) {
      const uint32_t v = adj.neighbors[k];
      if (v == kUnreached || dist[v] != kUnreached) continue;
      dist[v] = dist[u] + 1;
      queue.push_back(v);
    }
  }
}

// A sample of `count` distinct values below n (all of them when count >= n), ascending.
std::vector<uint32_t> sample(uint32_t n, uint32_t count, uint64_t seed) {
  std::vector<uint32_t> all(n);
  std::iota(all.begin(), all.end(), 0u);
  if (count >= n) return all;
  SeededRandom random(seed);
  for (uint32_t i = 0; i < count; ++i) std::swap(all[i], all[i + random.below(n - i)]);
  all.resize(count);
  std::sort(all.begin(), all.end());
  return all;
}

double distance(Point a, Point b) {
  return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
}

// Sign of the turn a -> b -> c: +1, -1 or 0 (collinear).
int orientation(Point a, Point b, Point c) {
  const double v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return v > 0 ? 1 : (v < 0 ? -1 : 0);
}

bool segments_cross(Point a, Point b, Point c, Point d) {
  const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
  const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

}  // namespace

double normalized_stress(std::span<const Point> positions, std::span<const Edge> edges,
                         const QualityOptions& options) {
  const uint32_t n = static_cast<uint32_t>(positions.size());
  if (n < 2) return 0.0;
  const Adjacency adj = make_adjacency(n, edges);
  const std::vector<uint32_t> sources = n <= options.stress_exact_limit
                                            ? sample(n, n, 0)
                                            : sample(n, options.stress_sources, options.seed);
  const bool all_pairs = n <= options.stress_exact_limit;
  // With r = d / g per pair, the stress is sum (s r - 1)^2 = s^2 sum r^2 - 2 s sum r + N, which
  // is least at s = sum r / sum r^2: three running sums, no per-pair storage.
  double sum_r = 0.0, sum_r2 = 0.0, pairs = 0.0;
  std::vector<uint32_t> dist(n), queue;
  for (uint32_t s : sources) {
    bfs(adj, s, dist, queue);
    for (uint32_t t = 0; t < n; ++t) {
      if (t == s || dist[t] == kUnreached) continue;
      if (all_pairs && t < s) continue;  // each unordered pair once
      const double r = distance(positions[s], positions[t]) / dist[t];
      sum_r += r;
      sum_r2 += r * r;
      pairs += 1.0;
    }
  }
  if (pairs == 0.0) return 0.0;
  if (sum_r2 <= 0.0) return 1.0;  // every node on one point: s r - 1 = -1 for every pair
  const double scale = sum_r / sum_r2;
  const double stress = scale * scale * sum_r2 - 2.0 * scale * sum_r + pairs;
  return std::max(0.0, stress / pairs);
}

double neighborhood_preservation(std::span<const Point> positions, std::span<const Edge> edges,
                                 const QualityOptions& options) {
  const uint32_t n = static_cast<uint32_t>(positions.size());
  const Adjacency adj = make_adjacency(n, edges);
  const std::vector<uint32_t> nodes =
      sample(n, options.neighborhood_samples, options.seed ^ 0x4e50);
  double total = 0.0;
  uint32_t counted = 0;
  std::vector<std::pair<double, uint32_t>> by_distance;
  std::vector<uint32_t> graph_nbrs, layout_nbrs;
  for (uint32_t i : nodes) {
    graph_nbrs.clear();
    for (uint32_t k = adj.offsets[i]; k < adj.offsets[i + 1]; ++k) {
      if (adj.neighbors[k] != kUnreached) graph_nbrs.push_back(adj.neighbors[k]);
    }
    const size_t k = graph_nbrs.size();
    if (k == 0) continue;
    by_distance.clear();
    for (uint32_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const double dx = positions[j].x - positions[i].x, dy = positions[j].y - positions[i].y;
      by_distance.push_back({dx * dx + dy * dy, j});
    }
    std::nth_element(by_distance.begin(), by_distance.begin() + static_cast<ptrdiff_t>(k - 1),
                     by_distance.end());
    layout_nbrs.clear();
    for (size_t m = 0; m < k; ++m) layout_nbrs.push_back(by_distance[m].second);
    std::sort(layout_nbrs.begin(), layout_nbrs.end());
    size_t common = 0;
    for (size_t a = 0, b = 0; a < k && b < k;) {
      if (graph_nbrs[a] == layout_nbrs[b]) {
        ++common;
        ++a;
        ++b;
      } else if (graph_nbrs[a] < layout_nbrs[b]) {
        ++a;
      } else {
        ++b;
      }
    }
    total += static_cast<double>(common) / static_cast<double>(2 * k - common);
    ++counted;
  }
  return counted > 0 ? total / counted : 1.0;
}

CrossingCount edge_crossings(std::span<const Point> positions, std::span<const Edge> edges,
                             const QualityOptions& options) {
  CrossingCount result;
  const uint64_t m = edges.size();
  const uint64_t all_pairs = m * (m - (m > 0 ? 1 : 0)) / 2;
  auto test = [&](const Edge& e, const Edge& f) {
    if (e.first == f.first || e.first == f.second || e.second == f.first || e.second == f.second ||
        e.first == e.second || f.first == f.second) {
      return;
    }
    ++result.pairs_checked;
    if (segments_cross(positions[e.first], positions[e.second], positions[f.first],
                       positions[f.second])) {
      ++result.crossings_found;
    }
  };
  if (all_pairs <= options.crossing_pairs) {
    for (size_t a = 0; a < m; ++a) {
      for (size_t b = a + 1; b < m; ++b) test(edges[a], edges[b]);
    }
    result.exact = true;
    result.estimated_total = static_cast<double>(result.crossings_found);
    return result;
  }
  SeededRandom random(options.seed ^ 0x43524f53ull);
  const uint32_t m32 = static_cast<uint32_t>(std::min<uint64_t>(m, UINT32_MAX));
  uint64_t drawn = 0;
  for (; drawn < options.crossing_pairs; ++drawn) {
    const uint32_t a = random.below(m32), b = random.below(m32);
    if (a == b) continue;
    test(edges[a], edges[b]);
  }
  // Scale by drawn pairs (pairs with a shared endpoint count as non-crossing, as in the full
  // count, so the estimate stays unbiased).
  result.estimated_total = static_cast<double>(result.crossings_found) *
                           static_cast<double>(all_pairs) / static_cast<double>(drawn);
  return result;
}

}  // namespace dramatis::layout
