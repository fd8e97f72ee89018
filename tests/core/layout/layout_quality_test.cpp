// Layout quality metrics on hand-made layouts whose answers are known
// (src/core/layout/layout_quality.cpp).
#include "core/layout/layout_quality.h"

#include <doctest/doctest.h>

#include <cmath>

#include "test_graphs.h"

using namespace dramatis::layout;
using namespace dramatis::layout::testing;

namespace {

// The grid drawn as a grid: node r * side + c at (c, r) * spacing.
std::vector<Point> drawn_grid(uint32_t side, double spacing) {
  std::vector<Point> p;
  for (uint32_t r = 0; r < side; ++r) {
    for (uint32_t c = 0; c < side; ++c) p.push_back({c * spacing, r * spacing});
  }
  return p;
}

}  // namespace

TEST_CASE("quality: a path drawn on a line has zero stress at any scale") {
  const TestGraph path = random_graph(10, 0, 1);
  std::vector<Point> line;
  for (int i = 0; i < 10; ++i) line.push_back({i * 7.5, 0});
  CHECK(normalized_stress(line, path.edges) == doctest::Approx(0.0).epsilon(1e-12));
  CHECK(neighborhood_preservation(line, path.edges) > 0.6);
}

TEST_CASE("quality: a drawn grid beats a shuffled one on every metric") {
  const TestGraph g = grid(12);
  const std::vector<Point> good = drawn_grid(12, 3.0);
  std::vector<Point> shuffled = good;
  SeededRandom random(5);
  for (size_t i = shuffled.size(); i > 1; --i) {
    std::swap(shuffled[i - 1], shuffled[random.below(static_cast<uint32_t>(i))]);
  }
  CHECK(normalized_stress(good, g.edges) < normalized_stress(shuffled, g.edges));
  CHECK(neighborhood_preservation(good, g.edges) > 0.7);
  CHECK(neighborhood_preservation(shuffled, g.edges) < 0.2);
  const CrossingCount none = edge_crossings(good, g.edges);
  CHECK(none.exact);
  CHECK(none.crossings_found == 0);
  CHECK(edge_crossings(shuffled, g.edges).crossings_found > 100);
  // Scale does not matter.
  CHECK(normalized_stress(drawn_grid(12, 100.0), g.edges) ==
        doctest::Approx(normalized_stress(good, g.edges)));
}

TEST_CASE("quality: two crossing edges, exactly and sampled") {
  const std::vector<Point> p = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
  const std::vector<Edge> x = {{0, 1}, {2, 3}};
  CHECK(edge_crossings(p, x).crossings_found == 1);
  // Sampling on a bigger shuffled grid: the estimate is near the exact count.
  const TestGraph g = grid(20);
  std::vector<Point> shuffled = drawn_grid(20, 1.0);
  SeededRandom random(9);
  for (size_t i = shuffled.size(); i > 1; --i) {
    std::swap(shuffled[i - 1], shuffled[random.below(static_cast<uint32_t>(i))]);
  }
  const CrossingCount exact = edge_crossings(shuffled, g.edges);
  QualityOptions sampled;
  sampled.crossing_pairs = 100000;
  const CrossingCount estimate = edge_crossings(shuffled, g.edges, sampled);
  CHECK_FALSE(estimate.exact);
  CHECK(estimate.estimated_total == doctest::Approx(exact.estimated_total).epsilon(0.1));
}

TEST_CASE("quality: sampled stress is deterministic and near the exact value") {
  const TestGraph g = grid(40);  // 1600 nodes: above the exact limit
  std::vector<Point> p = drawn_grid(40, 1.0);
  SeededRandom random(3);
  for (Point& q : p) q.x += random.uniform(-0.3, 0.3);
  QualityOptions exact;
  exact.stress_exact_limit = 2000;
  const double s_exact = normalized_stress(p, g.edges, exact);
  const double s_sampled = normalized_stress(p, g.edges);
  CHECK(s_sampled == normalized_stress(p, g.edges));
  CHECK(s_sampled == doctest::Approx(s_exact).epsilon(0.2));
}

TEST_CASE("quality: degenerate inputs") {
  CHECK(normalized_stress({}, {}) == 0.0);
  CHECK(neighborhood_preservation({}, {}) == 1.0);
  const std::vector<Point> one = {{0, 0}};
  CHECK(normalized_stress(one, {}) == 0.0);
  CHECK(edge_crossings(one, {}).crossings_found == 0);
  const std::vector<Point> same = {{1, 1}, {1, 1}};
  const std::vector<Edge> e = {{0, 1}};
  CHECK(std::isfinite(normalized_stress(same, e)));
}
