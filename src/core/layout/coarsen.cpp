// Heavy-edge matching coarsening: see coarsen.h.
#include "core/layout/coarsen.h"

#include <algorithm>
#include <numeric>

namespace dramatis::layout {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

}  // namespace

CoarseGraph coarsen(uint32_t node_count, std::span<const Edge> edges,
                    std::span<const float> weights, std::span<const double> masses) {
  const uint32_t n = node_count;
  // Adjacency in compressed rows (both directions; self-loops skipped).
  std::vector<uint32_t> offsets(n + 1, 0);
  for (const Edge& e : edges) {
    if (e.first == e.second) continue;
    ++offsets[e.first + 1];
    ++offsets[e.second + 1];
  }
  for (uint32_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  std::vector<uint32_t> neighbor(offsets[n]);
  std::vector<float> neighbor_weight(offsets[n]);
  {
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (size_t k = 0; k < edges.size(); ++k) {
      const auto [a, b] = edges[k];
      if (a == b) continue;
      const float w = weights.empty() ? 1.0f : weights[k];
      neighbor[fill[a]] = b;
      neighbor_weight[fill[a]++] = w;
      neighbor[fill[b]] = a;
      neighbor_weight[fill[b]++] = w;
    }
  }

  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return masses[a] != masses[b] ? masses[a] < masses[b] : a < b;
  });

  CoarseGraph coarse;
  coarse.parent.assign(n, kNone);
  // Matching: each unmatched node takes the unmatched neighbour with the largest
  // weight / (m_u * m_v), which prefers light partners and keeps hubs from swallowing all.
  for (uint32_t u : order) {
    if (coarse.parent[u] != kNone) continue;
    uint32_t best = kNone;
    double best_score = -1.0;
    for (uint32_t k = offsets[u]; k < offsets[u + 1]; ++k) {
      const uint32_t v = neighbor[k];
      if (v == u || coarse.parent[v] != kNone) continue;
      const double score = static_cast<double>(neighbor_weight[k]) / (masses[u] * masses[v]);
      if (score > best_score || (score == best_score && v < best)) {
        best_score = score;
        best = v;
      }
    }
    if (best == kNone) continue;
    coarse.parent[u] = coarse.parent[best] = coarse.node_count++;
  }
  // Leftovers (e.g. the leaves of a star, whose centre is taken): a node with neighbours joins
  // the group of its lightest matched neighbour; isolated nodes stay on their own.
  std::vector<double> group_mass(coarse.node_count, 0.0);
  for (uint32_t i = 0; i < n; ++i) {
    if (coarse.parent[i] != kNone) group_mass[coarse.parent[i]] += masses[i];
  }
  for (uint32_t u : order) {
    if (coarse.parent[u] != kNone) continue;
    uint32_t best = kNone;
    for (uint32_t k = offsets[u]; k < offsets[u + 1]; ++k) {
      const uint32_t g = coarse.parent[neighbor[k]];
      if (g == kNone || g >= group_mass.size()) continue;
      if (best == kNone || group_mass[g] < group_mass[best] ||
          (group_mass[g] == group_mass[best] && g < best)) {
        best = g;
      }
    }
    if (best != kNone) {
      coarse.parent[u] = best;
      group_mass[best] += masses[u];
    } else {
      coarse.parent[u] = coarse.node_count++;
    }
  }

  coarse.masses.assign(coarse.node_count, 0.0);
  for (uint32_t i = 0; i < n; ++i) coarse.masses[coarse.parent[i]] += masses[i];

  struct Weighted {
    Edge edge;
    float weight;
  };
  std::vector<Weighted> mapped;
  mapped.reserve(edges.size());
  for (size_t k = 0; k < edges.size(); ++k) {
    uint32_t a = coarse.parent[edges[k].first], b = coarse.parent[edges[k].second];
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    mapped.push_back({{a, b}, weights.empty() ? 1.0f : weights[k]});
  }
  // Stable, so equal edges are summed in input order on every standard library.
  std::stable_sort(mapped.begin(), mapped.end(),
                   [](const Weighted& x, const Weighted& y) { return x.edge < y.edge; });
  for (const Weighted& w : mapped) {
    if (!coarse.edges.empty() && coarse.edges.back() == w.edge) {
      coarse.weights.back() += w.weight;
    } else {
      coarse.edges.push_back(w.edge);
      coarse.weights.push_back(w.weight);
    }
  }
  return coarse;
}

}  // namespace dramatis::layout
