// The layout conformance battery (DESIGN.md, after OGDF): empty graph, one node, coincident
// nodes, disconnected parts, star, clique, grid, a 2k-node random graph; finiteness,
// determinism, pins, Barnes–Hut error, incremental changes, overlap removal, convergence
// (src/core/layout/force_layout.cpp). Nothing here is timed: speed is measured in bench/layout.
#include "core/layout/force_layout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/layout/barnes_hut.h"
#include "core/layout/coarsen.h"
#include "core/layout/layout_quality.h"
#include "test_graphs.h"

using namespace dramatis::layout;
using namespace dramatis::layout::testing;

namespace {

bool all_finite(std::span<const Point> positions) {
  for (const Point& p : positions) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
  }
  return true;
}

double dist(Point a, Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

ForceLayout laid_out(const TestGraph& g, uint32_t iterations, LayoutParams params = {}) {
  ForceLayout layout(params);
  layout.set_graph(g.nodes, g.edges);
  layout.run(iterations);
  return layout;
}

}  // namespace

TEST_CASE("layout: the empty graph is converged and has no positions") {
  ForceLayout layout;
  layout.set_graph(0, {});
  CHECK(layout.converged());
  CHECK(layout.run(100) == 0);
  layout.step();  // stepping an empty graph is harmless
  CHECK(layout.positions().empty());
}

TEST_CASE("layout: one node is pulled to the origin and stays finite") {
  ForceLayout layout;
  layout.set_graph(1, {});
  layout.run(500);
  REQUIRE(layout.positions().size() == 1);
  CHECK(all_finite(layout.positions()));
  CHECK(layout.converged());
  CHECK(dist(layout.positions()[0], {0, 0}) < 10.0);
}

TEST_CASE("layout: two coincident nodes separate, finitely and the same way every time") {
  for (const bool linked : {false, true}) {
    CAPTURE(linked);
    const std::vector<Edge> edges = linked ? std::vector<Edge>{{0, 1}} : std::vector<Edge>{};
    ForceLayout a, b;
    for (ForceLayout* layout : {&a, &b}) {
      layout->set_graph(2, edges);
      layout->set_position(0, {3, 3});
      layout->set_position(1, {3, 3});
      layout->run(300);
    }
    CHECK(all_finite(a.positions()));
    CHECK(dist(a.positions()[0], a.positions()[1]) > 0.1);
    CHECK(std::memcmp(a.positions().data(), b.positions().data(), 2 * sizeof(Point)) == 0);
  }
  // A whole pile on one point.
  ForceLayout pile;
  pile.set_graph(50, star(49).edges);
  for (uint32_t i = 0; i < 50; ++i) pile.set_position(i, {0, 0});
  pile.run(500);
  CHECK(all_finite(pile.positions()));
  double closest = 1e30;
  for (uint32_t i = 0; i < 50; ++i) {
    for (uint32_t j = i + 1; j < 50; ++j) {
      closest = std::min(closest, dist(pile.positions()[i], pile.positions()[j]));
    }
  }
  CHECK(closest > 0.01);
}

TEST_CASE("layout: disconnected parts stay apart and in view (gravity)") {
  const TestGraph g = two_parts(8);
  const ForceLayout layout = laid_out(g, 1000);
  CHECK(all_finite(layout.positions()));
  // Each part is tighter than the gap between the parts' centres.
  Point c[2];
  for (uint32_t i = 0; i < 16; ++i) {
    c[i / 8].x += layout.positions()[i].x / 8;
    c[i / 8].y += layout.positions()[i].y / 8;
  }
  double spread = 0;
  for (uint32_t i = 0; i < 16; ++i)
    spread = std::max(spread, dist(layout.positions()[i], c[i / 8]));
  CHECK(dist(c[0], c[1]) > spread);
  // Gravity keeps both within a bounded distance of the origin (world units).
  for (const Point& p : layout.positions()) CHECK(dist(p, {0, 0}) < 200.0);
}

TEST_CASE("layout: a star puts its centre in the middle and its leaves around it") {
  const TestGraph g = star(30);
  const ForceLayout layout = laid_out(g, 1000);
  CHECK(layout.converged());
  const Point centre = layout.positions()[0];
  double min_leaf = 1e30, max_leaf = 0;
  Point mean;
  for (uint32_t i = 1; i <= 30; ++i) {
    const double d = dist(layout.positions()[i], centre);
    min_leaf = std::min(min_leaf, d);
    max_leaf = std::max(max_leaf, d);
    mean.x += layout.positions()[i].x / 30;
    mean.y += layout.positions()[i].y / 30;
  }
  CHECK(min_leaf > 0.3 * max_leaf);            // a ring, not a clump
  CHECK(dist(mean, centre) < 0.2 * max_leaf);  // centred on the hub
}

TEST_CASE("layout: a clique becomes a round blob with no two nodes on one spot") {
  const TestGraph g = clique(12);
  const ForceLayout layout = laid_out(g, 1000);
  CHECK(layout.converged());
  double closest = 1e30, farthest = 0;
  for (uint32_t i = 0; i < 12; ++i) {
    for (uint32_t j = i + 1; j < 12; ++j) {
      const double d = dist(layout.positions()[i], layout.positions()[j]);
      closest = std::min(closest, d);
      farthest = std::max(farthest, d);
    }
  }
  CHECK(closest > 0.1 * farthest);
}

TEST_CASE("layout: a grid unfolds") {
  const TestGraph g = grid(20);
  const ForceLayout layout = laid_out(g, 2000);
  CHECK(layout.converged());
  // A perfectly drawn grid scores about 0.8 here (an inner node's 4 nearest are its 4 grid
  // neighbours, but border nodes with 2 or 3 neighbours tie with diagonals); a folded or
  // crumpled grid drops below 0.3 because nearest nodes then come from other rows. 0.6 leaves
  // room for the rounded border that ForceAtlas2 draws.
  CHECK(neighborhood_preservation(layout.positions(), g.edges) > 0.6);
  CHECK(normalized_stress(layout.positions(), g.edges) < 0.1);
}

TEST_CASE("layout: a 2k-node random graph: finite, deterministic, converging") {
  const TestGraph g = random_graph(2000, 2000, 7);
  LayoutParams params;
  params.multilevel_threshold = 1000;  // exercise the multilevel start
  ForceLayout a = laid_out(g, 1000, params);
  ForceLayout b = laid_out(g, 1000, params);
  CHECK(all_finite(a.positions()));
  CHECK(a.converged());
  CHECK(a.iterations() == b.iterations());
  CHECK(std::memcmp(a.positions().data(), b.positions().data(), 2000 * sizeof(Point)) == 0);
  params.seed = 2;
  ForceLayout c = laid_out(g, 1000, params);
  CHECK(std::memcmp(a.positions().data(), c.positions().data(), 2000 * sizeof(Point)) != 0);
}

TEST_CASE("layout: same seed, same positions, bit for bit, with every option") {
  const TestGraph g = random_graph(300, 300, 3);
  std::vector<float> weights(g.edges.size());
  for (size_t k = 0; k < weights.size(); ++k) weights[k] = 0.5f + static_cast<float>(k % 7);
  LayoutParams params;
  params.lin_log = true;
  params.edge_weight_influence = 0.5;
  params.strong_gravity = true;
  params.seed = 99;
  std::vector<Point> first;
  for (int run = 0; run < 2; ++run) {
    ForceLayout layout(params);
    layout.set_graph(g.nodes, g.edges, weights);
    for (int i = 0; i < 150; ++i) layout.step();
    CHECK(all_finite(layout.positions()));
    if (run == 0) {
      first.assign(layout.positions().begin(), layout.positions().end());
    } else {
      CHECK(std::memcmp(first.data(), layout.positions().data(), first.size() * sizeof(Point)) ==
            0);
    }
  }
}

TEST_CASE("layout: the number of threads does not change a single bit") {
  // Large enough that the repulsion is shared between threads (force_layout.cpp,
  // kParallelMinNodes), after a multilevel start (5000 nodes or more).
  const TestGraph g = random_graph(6000, 6000, 11);
  std::vector<Point> first;
  for (uint32_t threads : {1u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    LayoutParams params;
    params.threads = threads;
    ForceLayout layout(params);
    layout.set_graph(g.nodes, g.edges);
    for (int i = 0; i < 12; ++i) layout.step();
    if (first.empty()) {
      first.assign(layout.positions().begin(), layout.positions().end());
    } else {
      CHECK(std::memcmp(first.data(), layout.positions().data(), first.size() * sizeof(Point)) ==
            0);
    }
  }
}

TEST_CASE("layout: pinned nodes do not move; their neighbours arrange around them") {
  const TestGraph g = random_graph(200, 200, 5);
  ForceLayout layout;
  layout.set_graph(g.nodes, g.edges);
  layout.set_position(0, {500, 500});
  layout.set_pinned(0, true);
  layout.set_pinned(17, true);
  const Point p17 = layout.positions()[17];
  layout.run(300);
  CHECK(layout.positions()[0] == Point{500, 500});
  CHECK(layout.positions()[17] == p17);
  CHECK(layout.pinned(0));
  // Its neighbour (node 1, on the path) was pulled toward the far pinned node.
  CHECK(layout.positions()[1].x > 50);
  // Everything pinned: converged at once, nothing moves.
  ForceLayout all;
  all.set_graph(3, std::vector<Edge>{{0, 1}});
  for (uint32_t i = 0; i < 3; ++i) all.set_pinned(i, true);
  CHECK(all.converged());
}

TEST_CASE("layout: the group walk sums every body once, coincident ones included") {
  // Positions from a partly organised layout, plus a few exactly coincident bodies (more than a
  // group holds, so one leaf makes an oversized group) and a cluster inside one tiny cell.
  const TestGraph g = random_graph(1200, 1200, 5);
  ForceLayout layout;
  layout.set_graph(g.nodes, g.edges);
  layout.run(30);
  std::vector<Point> positions(layout.positions().begin(), layout.positions().end());
  const uint32_t coincident = BarnesHutTree::kGroupSize + 4;
  for (uint32_t i = 0; i < coincident; ++i) positions[100 + i] = positions[99];
  for (uint32_t i = 0; i < 10; ++i)
    positions[200 + i] = {positions[199].x + 1e-9 * i, positions[199].y};
  std::vector<double> masses(positions.size());
  for (size_t i = 0; i < masses.size(); ++i) masses[i] = 1.0 + static_cast<double>(i % 5);
  BarnesHutTree tree;
  tree.build(positions, masses);
  std::vector<int> seen(positions.size(), 0);
  for (double theta : {0.5, 1.2}) {
    std::vector<Point> sums(positions.size(), Point{NAN, NAN});
    BarnesHutTree::Interactions scratch;
    for (size_t group = 0; group < tree.group_count(); ++group) {
      tree.group_repulsion(group, theta, scratch, sums);
      for (const uint32_t body : tree.group_bodies(group)) ++seen[body];
    }
    double error = 0, total = 0;
    for (uint32_t i = 0; i < positions.size(); ++i) {
      const Point exact = BarnesHutTree::exact_repulsion(i, positions, masses);
      REQUIRE(std::isfinite(sums[i].x));
      REQUIRE(std::isfinite(sums[i].y));
      error += std::hypot(sums[i].x - exact.x, sums[i].y - exact.y);
      total += std::hypot(exact.x, exact.y);
    }
    MESSAGE("group walk relative error at theta " << theta << ": " << error / total);
    CHECK(error / total < (theta < 1 ? 0.01 : 0.05));
    // Bodies on one point part symmetrically: the first two push each other apart, so their
    // sums differ (the rest of the field is the same for both).
    CHECK(sums[100].x != sums[101].x);
  }
  CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 2; }));
}

TEST_CASE("layout: Barnes-Hut repulsion stays within 5% of the exact forces") {
  const TestGraph g = random_graph(1500, 1500, 11);
  ForceLayout layout;  // default theta
  layout.set_graph(g.nodes, g.edges);
  layout.run(50);  // a realistic, partly organised layout rather than uniform noise
  const std::vector<Point> approx = layout.repulsion_forces(false);
  const std::vector<Point> exact = layout.repulsion_forces(true);
  // Bound: the force-weighted relative error sum |F_bh - F| / sum |F| below 5%, and no single
  // node off by more than 25% of the mean force (theta = 1.2, cells holding the node opened).
  // Per node relative to its own force would be unbounded: where repulsions nearly cancel,
  // |F| is near 0 while the approximation's error is not.
  double error = 0, total = 0, worst = 0;
  for (size_t i = 0; i < exact.size(); ++i) {
    const double e = std::hypot(approx[i].x - exact[i].x, approx[i].y - exact[i].y);
    const double f = std::hypot(exact[i].x, exact[i].y);
    error += e;
    total += f;
    worst = std::max(worst, e);
  }
  worst /= total / static_cast<double>(exact.size());
  MESSAGE("Barnes-Hut relative error " << error / total << ", worst node " << worst);
  CHECK(error / total < 0.05);
  CHECK(worst < 0.25);
  // theta = 0.5 is tighter still.
  LayoutParams fine;
  fine.theta = 0.5;
  layout.set_params(fine);
  const std::vector<Point> tight = layout.repulsion_forces(false);
  double tight_error = 0;
  for (size_t i = 0; i < exact.size(); ++i) {
    tight_error += std::hypot(tight[i].x - exact[i].x, tight[i].y - exact[i].y);
  }
  CHECK(tight_error / total < 0.01);
}

TEST_CASE("layout: adding a node keeps the others nearly where they were") {
  const TestGraph g = random_graph(300, 150, 13);
  ForceLayout layout = laid_out(g, 2000);
  REQUIRE(layout.converged());
  const std::vector<Point> before(layout.positions().begin(), layout.positions().end());
  double radius = 0;
  for (const Point& p : before) radius = std::max(radius, dist(p, {0, 0}));
  const std::vector<Edge> added = {{300, 5}, {300, 6}};
  layout.add_nodes(1, added);
  REQUIRE(layout.node_count() == 301);
  // The new node starts next to its neighbours.
  CHECK(dist(layout.positions()[300], before[5]) < dist(before[5], before[6]) + 2.0);
  layout.run(200);
  double moved = 0;
  for (uint32_t i = 0; i < 300; ++i)
    moved = std::max(moved, dist(layout.positions()[i], before[i]));
  MESSAGE("largest move of an old node " << moved << " in a layout of radius " << radius);
  CHECK(moved < 0.1 * radius);
  CHECK(all_finite(layout.positions()));
}

TEST_CASE("layout: removing nodes keeps the rest in place and remaps indices") {
  const TestGraph g = random_graph(50, 20, 17);
  ForceLayout layout = laid_out(g, 500);
  const std::vector<Point> before(layout.positions().begin(), layout.positions().end());
  const std::vector<uint32_t> removed = {3, 10};
  const std::vector<uint32_t> mapping = layout.remove_nodes(removed);
  CHECK(layout.node_count() == 48);
  CHECK(mapping[3] == ForceLayout::kNew);
  CHECK(mapping[4] == 3);
  CHECK(mapping[11] == 9);
  for (uint32_t i = 0; i < 50; ++i) {
    if (mapping[i] != ForceLayout::kNew) CHECK(layout.positions()[mapping[i]] == before[i]);
  }
  // Edges through the removed nodes are gone: 3 was on the path 2-3-4.
  CHECK(layout.edge_count() < g.edges.size());
}

TEST_CASE("layout: overlap removal leaves no two circles overlapping") {
  const TestGraph g = clique(40);
  LayoutParams params;
  params.overlap_margin = 0.5;
  ForceLayout layout(params);
  layout.set_graph(g.nodes, g.edges);
  std::vector<float> radii(40);
  for (uint32_t i = 0; i < 40; ++i) radii[i] = 2.0f + static_cast<float>(i % 5);  // world units
  layout.set_node_sizes(radii);
  layout.set_pinned(7, true);
  const Point p7 = layout.positions()[7];
  layout.run(1000);  // removes overlaps at the end
  CHECK(layout.positions()[7] == p7);
  for (uint32_t i = 0; i < 40; ++i) {
    for (uint32_t j = i + 1; j < 40; ++j) {
      CHECK(dist(layout.positions()[i], layout.positions()[j]) >=
            radii[i] + radii[j] + params.overlap_margin);
    }
  }
  CHECK(layout.remove_overlaps());  // nothing left to do
}

TEST_CASE("layout: small graphs converge by themselves and report their energy") {
  for (const TestGraph& g : {star(10), clique(8), grid(6), random_graph(100, 50, 3)}) {
    ForceLayout layout;
    layout.set_graph(g.nodes, g.edges);
    const uint32_t steps = layout.run(1000);
    CAPTURE(g.nodes);
    CHECK(layout.converged());
    CHECK(steps < 1000);
    CHECK(layout.last_step().relative_displacement < layout.params().convergence_threshold);
    CHECK(std::isfinite(layout.last_step().energy));
    CHECK(layout.last_step().speed > 0);
  }
}

TEST_CASE("layout: bad weights and edges are ignored, not propagated") {
  const std::vector<Edge> edges = {{0, 1}, {1, 2}, {2, 2}, {0, 9}};
  const std::vector<float> weights = {std::nanf(""), -3.0f, 1.0f, 1.0f};
  ForceLayout layout;
  layout.set_graph(3, edges, weights);
  CHECK(layout.edge_count() == 2);  // the self-loop and the out-of-range edge are dropped
  layout.run(200);
  CHECK(all_finite(layout.positions()));
  layout.set_position(1, {std::nan(""), 0});  // ignored
  CHECK(all_finite(layout.positions()));
}

TEST_CASE("layout: coarsening keeps mass and halves a path") {
  const TestGraph g = random_graph(1000, 0, 1);  // a path
  const std::vector<double> masses(1000, 1.0);
  const CoarseGraph c = coarsen(g.nodes, g.edges, {}, masses);
  CHECK(c.node_count <= 600);
  double total = 0;
  for (double m : c.masses) total += m;
  CHECK(total == 1000.0);
  for (const Edge& e : c.edges) CHECK(e.first < e.second);
  // A star collapses into its centre's group.
  const TestGraph s = star(100);
  const CoarseGraph cs = coarsen(s.nodes, s.edges, {}, std::vector<double>(101, 1.0));
  CHECK(cs.node_count == 1);
}
