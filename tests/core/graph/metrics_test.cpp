// Graph metrics (src/core/graph/metrics.cpp) on small hand-made graphs with known answers:
// PageRank of a star and a cycle, betweenness of a path and a star, Louvain on two cliques,
// sampled betweenness, metrics on filtered views, determinism.
#include "core/graph/metrics.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numeric>
#include <tuple>

#include "core/corpus/corpus_loader.h"

using namespace dramatis;

namespace {

// A graph of `n` PERSON entities in one document, with co-occurrence edges of the given weights.
struct Fixture {
  Corpus corpus;
  Analysis analysis;
  EntityGraph graph;
};

Fixture make_graph(uint32_t n, const std::vector<std::tuple<int, int, double>>& edges) {
  Fixture f;
  add_document_bytes("doc.txt", std::string(n + 10, 'x'), f.corpus);
  for (uint32_t i = 0; i < n; ++i) {
    Entity e;
    e.id = "e" + std::to_string(i);
    e.name = "N" + std::to_string(i);
    e.mentions = {{0, i, i + 1}};
    f.analysis.entities.push_back(e);
  }
  for (const auto& [a, b, w] : edges) {
    f.analysis.relations.push_back({a, b, "co-occurs", w, {{0, 0, 1}}});
  }
  f.graph = build_entity_graph(f.corpus, f.analysis);
  return f;
}

std::vector<std::tuple<int, int, double>> path(int n) {
  std::vector<std::tuple<int, int, double>> edges;
  for (int i = 0; i + 1 < n; ++i) edges.emplace_back(i, i + 1, 1.0);
  return edges;
}

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

}  // namespace

TEST_CASE("degree and weighted degree") {
  const Fixture f = make_graph(4, {{0, 1, 2.0}, {0, 2, 3.0}, {1, 2, 0.5}});
  const GraphView view(f.graph);
  CHECK(degree(view) == std::vector<uint32_t>{2, 2, 2, 0});
  CHECK(weighted_degree(view) == std::vector<double>{5.0, 2.5, 3.5, 0.0});
}

TEST_CASE("PageRank of a star: closed form, sums to 1") {
  // Centre c and k leaves: c = (1 + d k) / (n (1 + d)), each leaf (1 - c) / k.
  const Fixture f = make_graph(5, {{0, 1, 1.0}, {0, 2, 1.0}, {0, 3, 1.0}, {0, 4, 1.0}});
  const PageRankResult r = pagerank(GraphView(f.graph));
  CHECK(r.converged);
  CHECK(r.iterations < 200);
  const double centre = (1.0 + 0.85 * 4.0) / (5.0 * 1.85);  // 0.475675...
  CHECK(r.scores[0] == doctest::Approx(centre).epsilon(1e-9));
  for (int leaf = 1; leaf <= 4; ++leaf)
    CHECK(r.scores[leaf] == doctest::Approx((1.0 - centre) / 4.0).epsilon(1e-9));
  CHECK(sum(r.scores) == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("PageRank of a cycle is uniform; a dangling node keeps the sum at 1") {
  const Fixture cycle =
      make_graph(6, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {4, 5, 1}, {5, 0, 1}});
  const PageRankResult r = pagerank(GraphView(cycle.graph));
  for (const double s : r.scores) CHECK(s == doctest::Approx(1.0 / 6.0).epsilon(1e-12));

  // Node 3 has no edge: its score is spread over every node instead of being lost.
  const Fixture dangling = make_graph(4, {{0, 1, 1.0}, {1, 2, 5.0}});
  const PageRankResult d = pagerank(GraphView(dangling.graph));
  CHECK(d.converged);
  CHECK(sum(d.scores) == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(d.scores[3] > 0.0);
  CHECK(d.scores[1] > d.scores[2]);
  CHECK(d.scores[2] > d.scores[0]);  // the weight-5 edge sends node 1's walker mostly to 2
}

TEST_CASE("betweenness of a path and a star: exact values") {
  const Fixture p = make_graph(5, path(5));
  CHECK(betweenness(GraphView(p.graph)) == std::vector<double>{0, 3, 4, 3, 0});
  BetweennessOptions normalized;
  normalized.normalized = true;
  const std::vector<double> n = betweenness(GraphView(p.graph), normalized);
  CHECK(n[1] == doctest::Approx(0.5));
  CHECK(n[2] == doctest::Approx(4.0 / 6.0));

  const Fixture star = make_graph(5, {{0, 1, 1.0}, {0, 2, 1.0}, {0, 3, 1.0}, {0, 4, 1.0}});
  CHECK(betweenness(GraphView(star.graph)) == std::vector<double>{6, 0, 0, 0, 0});

  // Two shortest paths between 0 and 3 (through 1 or 2): each middle node gets half.
  const Fixture square = make_graph(4, {{0, 1, 1}, {0, 2, 1}, {1, 3, 1}, {2, 3, 1}});
  CHECK(betweenness(GraphView(square.graph)) == std::vector<double>{0.5, 0.5, 0.5, 0.5});
}

TEST_CASE("sampled betweenness: seeded, deterministic, close to exact") {
  // A 15 x 15 grid: 225 nodes.
  std::vector<std::tuple<int, int, double>> edges;
  for (int y = 0; y < 15; ++y) {
    for (int x = 0; x < 15; ++x) {
      if (x + 1 < 15) edges.emplace_back(y * 15 + x, y * 15 + x + 1, 1.0);
      if (y + 1 < 15) edges.emplace_back(y * 15 + x, (y + 1) * 15 + x, 1.0);
    }
  }
  const Fixture grid = make_graph(225, edges);
  const GraphView view(grid.graph);
  BetweennessOptions exact;
  exact.normalized = true;
  BetweennessOptions sampled = exact;
  sampled.exact_below = 100;
  sampled.pivots = 64;
  sampled.seed = 7;
  const std::vector<double> truth = betweenness(view, exact);
  const std::vector<double> a = betweenness(view, sampled);
  CHECK(a == betweenness(view, sampled));  // same seed, same numbers
  sampled.seed = 8;
  CHECK(a != betweenness(view, sampled));
  // The documented bound at delta = 1e-6: sqrt(ln(2e6) / 128) = 0.34; the real error is far less.
  const double bound = std::sqrt(std::log(2.0 / 1e-6) / (2.0 * 64));
  for (size_t i = 0; i < truth.size(); ++i) CHECK(std::fabs(a[i] - truth[i]) < bound);
  CHECK(sum(a) == doctest::Approx(sum(truth)).epsilon(0.2));
}

TEST_CASE("Louvain: two cliques joined by one edge") {
  std::vector<std::tuple<int, int, double>> edges;
  for (int base : {0, 4}) {
    for (int i = 0; i < 4; ++i)
      for (int j = i + 1; j < 4; ++j) edges.emplace_back(base + i, base + j, 1.0);
  }
  edges.emplace_back(3, 4, 1.0);
  const Fixture f = make_graph(9, edges);  // node 8 is isolated
  const Communities c = louvain(GraphView(f.graph));
  CHECK(c.count == 3);
  CHECK(c.community == std::vector<int32_t>{0, 0, 0, 0, 1, 1, 1, 1, 2});
  // Q = 2 (6/13 - (13/26)^2) = 12/13 - 1/2.
  CHECK(c.modularity == doctest::Approx(12.0 / 13.0 - 0.5).epsilon(1e-12));
}

TEST_CASE("Louvain: larger planted partition, deterministic, ring of cliques") {
  // Eight 5-cliques in a ring: Louvain must not merge neighbouring cliques at resolution 1.
  std::vector<std::tuple<int, int, double>> edges;
  for (int k = 0; k < 8; ++k) {
    for (int i = 0; i < 5; ++i)
      for (int j = i + 1; j < 5; ++j) edges.emplace_back(k * 5 + i, k * 5 + j, 1.0);
    edges.emplace_back(k * 5 + 4, ((k + 1) % 8) * 5, 1.0);
  }
  const Fixture f = make_graph(40, edges);
  const Communities c = louvain(GraphView(f.graph));
  CHECK(c.count == 8);
  for (int k = 0; k < 8; ++k)
    for (int i = 1; i < 5; ++i) CHECK(c.community[k * 5 + i] == c.community[k * 5]);
  const Communities again = louvain(GraphView(f.graph));
  CHECK(again.community == c.community);
  CHECK(again.modularity == c.modularity);
}

TEST_CASE("metrics on a filtered view ignore what the view leaves out") {
  const Fixture f =
      make_graph(5, {{0, 1, 1.0}, {0, 2, 1.0}, {0, 3, 1.0}, {0, 4, 1.0}, {1, 2, 9.0}});
  GraphFilter filter;
  filter.hidden_nodes = {0};
  const GraphView view = filter_graph(f.graph, filter);
  CHECK(degree(view) == std::vector<uint32_t>{0, 1, 1, 0, 0});
  const PageRankResult r = pagerank(view);
  CHECK(r.scores[0] == 0.0);
  CHECK(sum(r.scores) == doctest::Approx(1.0));
  const Communities c = louvain(view);
  CHECK(c.community[0] == -1);
  CHECK(c.community[1] == c.community[2]);
  CHECK(betweenness(view)[0] == 0.0);

  GraphFilter nothing;
  nothing.types = 0;
  const GraphView empty = filter_graph(f.graph, nothing);
  CHECK(empty.node_count() == 0);
  CHECK(pagerank(empty).converged);
  CHECK(louvain(empty).count == 0);
}
