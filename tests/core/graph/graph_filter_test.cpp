// Filtered views (src/core/graph/graph_filter.cpp): by entity type, edge weight, document, date
// range (mentions and evidence dated by events, else by their document), hidden nodes.
#include "core/graph/graph_filter.h"

#include <doctest/doctest.h>

#include "core/corpus/corpus_loader.h"

using namespace dramatis;

namespace {

Entity entity(std::string name, EntityType type, std::vector<DocSpan> mentions) {
  Entity e;
  e.id = "e?";
  e.name = std::move(name);
  e.type = type;
  e.mentions = std::move(mentions);
  return e;
}

// Three documents: d0 dated 2025-11-19 by its metadata, with a 2017 event over [0, 20); d1
// undated but mentioning 2024-03-02 (its date, then); d2 with no date at all.
struct Fixture {
  Corpus corpus;
  Analysis analysis;
  EntityGraph graph;
  Fixture() {
    for (const char* name : {"d0.txt", "d1.txt", "d2.txt"})
      add_document_bytes(name, std::string(100, 'x'), corpus);
    corpus.documents[0].meta.date = "2025-11-19";
    analysis.dates = {{{1, 90, 98}, "2024-03-02", DatePrecision::Day, false}};
    analysis.events = {{{0, 0, 20}, 0, "founded", "2017", {1}}};
    analysis.entities = {
        entity("A", EntityType::Person, {{0, 0, 5}, {0, 25, 28}, {1, 0, 5}}),
        entity("B", EntityType::Org, {{0, 10, 14}, {0, 30, 35}}),
        entity("C", EntityType::Person, {{1, 10, 15}}),
        entity("E", EntityType::Person, {{2, 0, 5}}),
    };
    analysis.relations = {
        {0, 1, "co-occurs", 2.0, {{0, 25, 40}}},  // dated 2025-11-19 (d0)
        {0, 1, "founded", 1.0, {{0, 0, 15}}},     // inside the 2017 event
        {0, 2, "co-occurs", 1.0, {{1, 0, 20}}},   // dated 2024-03-02 (d1)
        {0, 3, "co-occurs", 1.0, {{2, 0, 20}}},   // undated (d2)
    };
    graph = build_entity_graph(corpus, analysis);
  }
};

std::vector<std::string> node_names(const GraphView& v) {
  std::vector<std::string> out;
  v.for_each_node([&](uint32_t i) { out.push_back(v.graph().names[i]); });
  return out;
}

std::vector<std::string> edge_names(const GraphView& v) {
  std::vector<std::string> out;
  v.for_each_edge([&](uint32_t e) {
    out.push_back(v.graph().names[v.graph().edges[e].a] + "-" +
                  v.graph().names[v.graph().edges[e].b]);
  });
  return out;
}

using Names = std::vector<std::string>;

GraphFilter by_types(EntityTypeMask types) {
  GraphFilter f;
  f.types = types;
  return f;
}

GraphFilter by_weight(double min_weight, bool drop_isolated) {
  GraphFilter f;
  f.min_weight = min_weight;
  f.drop_isolated = drop_isolated;
  return f;
}

}  // namespace

TEST_CASE("the unfiltered view is the whole graph") {
  const Fixture f;
  const GraphView all = filter_graph(f.graph, {});
  CHECK(all.node_count() == 4);
  CHECK(all.edge_count() == 3);
  CHECK(edge_names(all) == Names{"A-B", "A-C", "A-E"});
  CHECK(all.nodes() == std::vector<uint32_t>{0, 1, 2, 3});
  std::vector<uint32_t> neighbours;
  all.for_each_neighbor(0, [&](uint32_t n, uint32_t) { neighbours.push_back(n); });
  CHECK(neighbours == std::vector<uint32_t>{1, 2, 3});
}

TEST_CASE("filter by entity type, minimum weight, hidden nodes") {
  const Fixture f;
  const GraphView people = filter_graph(f.graph, by_types(entity_type_mask({EntityType::Person})));
  CHECK(node_names(people) == Names{"A", "C", "E"});
  CHECK(edge_names(people) == Names{"A-C", "A-E"});

  const GraphView heavy = filter_graph(f.graph, by_weight(2.0, false));
  CHECK(node_names(heavy) == Names{"A", "B", "C", "E"});  // nodes stay unless drop_isolated
  CHECK(edge_names(heavy) == Names{"A-B"});
  const GraphView heavy_only = filter_graph(f.graph, by_weight(2.0, true));
  CHECK(node_names(heavy_only) == Names{"A", "B"});

  GraphFilter hide;
  hide.hidden_nodes = {0, 99};  // an index out of range is ignored
  const GraphView hidden = filter_graph(f.graph, hide);
  CHECK(node_names(hidden) == Names{"B", "C", "E"});
  CHECK(hidden.edge_count() == 0);
  std::vector<uint32_t> neighbours;
  hidden.for_each_neighbor(1, [&](uint32_t n, uint32_t) { neighbours.push_back(n); });
  CHECK(neighbours.empty());
}

TEST_CASE("filter by documents: nodes by their mentions, edges by their evidence") {
  const Fixture f;
  GraphFilter filter;
  filter.documents = std::vector<uint32_t>{1};
  const GraphView d1 = filter_graph(f.graph, filter);
  CHECK(node_names(d1) == Names{"A", "C"});
  CHECK(edge_names(d1) == Names{"A-C"});

  filter.documents = std::vector<uint32_t>{0, 2};
  const GraphView d02 = filter_graph(f.graph, filter);
  CHECK(node_names(d02) == Names{"A", "B", "E"});
  CHECK(edge_names(d02) == Names{"A-B", "A-E"});

  filter.documents = std::vector<uint32_t>{};
  CHECK(filter_graph(f.graph, filter).node_count() == 0);
}

TEST_CASE("filter by date range: events, then document dates, then undated") {
  const Fixture f;
  GraphFilter filter;
  filter.dates = date_interval_from_iso("2017");
  const GraphView y2017 = filter_graph(f.graph, filter);
  CHECK(node_names(y2017) == Names{"A", "B", "E"});  // E is undated: kept by default
  CHECK(edge_names(y2017) == Names{"A-B", "A-E"});   // A-B through the 2017 "founded" evidence

  filter.keep_undated = false;
  CHECK(node_names(filter_graph(f.graph, filter)) == Names{"A", "B"});

  filter.dates = date_interval_from_iso("2024");
  const GraphView y2024 = filter_graph(f.graph, filter);
  CHECK(node_names(y2024) == Names{"A", "C"});
  CHECK(edge_names(y2024) == Names{"A-C"});

  filter.dates = DateInterval{20251101, 20251231};
  CHECK(edge_names(filter_graph(f.graph, filter)) == Names{"A-B"});

  // Documents and dates together: the same span must pass both.
  filter.dates = date_interval_from_iso("2017");
  filter.documents = std::vector<uint32_t>{1};
  CHECK(filter_graph(f.graph, filter).node_count() == 0);
}
