// The entity graph (src/core/graph/entity_graph.cpp): relations merged per pair with their
// kinds, directions and evidence, DATE entities left out, the CSR adjacency, evidence dates, and
// the built-in corpus' graph.
#include "core/graph/entity_graph.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "core/corpus/corpus_loader.h"
#include "core/graph/edge_list.h"
#include "core/graph/metrics.h"
#include "core/nlp/pipeline.h"

using namespace dramatis;

namespace {

Entity entity(std::string id, std::string name, EntityType type, std::vector<DocSpan> mentions) {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = type;
  e.mentions = std::move(mentions);
  return e;
}

}  // namespace

TEST_CASE("date intervals from ISO dates") {
  CHECK(date_interval_from_iso("2025") == DateInterval{20250101, 20251231});
  CHECK(date_interval_from_iso("2025-11") == DateInterval{20251101, 20251131});
  CHECK(date_interval_from_iso("2025-11-19") == DateInterval{20251119, 20251119});
  for (const char* bad : {"", "25", "2025-13", "2025-1", "2025-11-32", "2025/11/19", "20x5"})
    CHECK_FALSE(date_interval_from_iso(bad));
  CHECK(DateInterval{20250101, 20251231}.overlaps({20251119, 20251119}));
  CHECK_FALSE(DateInterval{20240101, 20241231}.overlaps({20251119, 20251119}));
}

TEST_CASE("relations are merged per unordered pair, keeping kinds, direction and evidence") {
  Corpus corpus;
  add_document_bytes("a.txt", std::string(100, 'x'), corpus);
  corpus.documents[0].meta.date = "2025-11-19";
  Analysis a;
  a.entities = {entity("e0", "Ada", EntityType::Person, {{0, 0, 3}, {0, 50, 53}}),
                entity("e1", "Acme", EntityType::Org, {{0, 10, 14}}),
                entity("e2", "2019", EntityType::Date, {{0, 20, 24}}),
                entity("e3", "Bob", EntityType::Person, {{0, 60, 63}})};
  a.events = {{{0, 0, 20}, 0, "joined", "2019", {1}}};
  a.relations = {
      {0, 1, "co-occurs", 2.0, {{0, 0, 40}, {0, 45, 70}}},
      {0, 1, "joined", 1.0, {{0, 0, 20}}},
      {1, 0, "said_about", 3.0, {{0, 45, 70}, {0, 80, 90}}},  // Acme's statement about Ada
      {0, 2, "co-occurs", 1.0, {{0, 0, 40}}},                 // to a DATE: left out
      {3, 0, "said_about", 1.0, {{0, 60, 70}}},
      {3, 3, "co-occurs", 1.0, {{0, 60, 70}}},  // a self-relation: left out
      {0, 7, "co-occurs", 1.0, {{0, 60, 70}}},  // no such entity: left out
      {0, 3, "rivals", 0.5, {{0, 60, 70}}},     // an unknown type: kept as "other"
  };
  const EntityGraph g = build_entity_graph(corpus, a);

  REQUIRE(g.node_count() == 3);
  CHECK(g.names == std::vector<std::string>{"Ada", "Acme", "Bob"});
  CHECK(g.node_of_entity == std::vector<int32_t>{0, 1, -1, 2});
  CHECK(g.nodes[0].mentions == 2);
  CHECK(g.nodes[0].size == 2.0);
  REQUIRE(g.edge_count() == 2);

  const GraphEdge& ada_acme = g.edges[0];
  CHECK(ada_acme.a == 0);
  CHECK(ada_acme.b == 1);
  CHECK(ada_acme.weight == 6.0);
  CHECK(ada_acme.cooccurrence == 2.0);
  CHECK(ada_acme.said_ab == 0.0);
  CHECK(ada_acme.said_ba == 3.0);
  CHECK(ada_acme.kinds ==
        (relation_bit(RelationKind::CoOccurs) | relation_bit(RelationKind::Joined) |
         relation_bit(RelationKind::SaidAbout)));
  CHECK(std::vector<uint32_t>(g.edge_relations.begin() + ada_acme.relations_begin,
                              g.edge_relations.begin() + ada_acme.relations_end) ==
        std::vector<uint32_t>{0, 1, 2});
  // The union of the evidence, sorted, each span once, dated by the event around it.
  const std::vector<DocSpan> evidence(g.evidence.begin() + ada_acme.evidence_begin,
                                      g.evidence.begin() + ada_acme.evidence_end);
  CHECK(evidence == std::vector<DocSpan>{{0, 0, 20}, {0, 0, 40}, {0, 45, 70}, {0, 80, 90}});
  CHECK(g.evidence_dates[ada_acme.evidence_begin] == DateInterval{20190101, 20191231});
  CHECK(g.evidence_dates[ada_acme.evidence_begin + 1] == DateInterval{20251119, 20251119});

  const GraphEdge& ada_bob = g.edges[1];
  CHECK(ada_bob.a == 0);
  CHECK(ada_bob.b == 2);
  CHECK(ada_bob.weight == 1.5);
  CHECK(ada_bob.said_ba == 1.0);
  CHECK(ada_bob.kinds ==
        (relation_bit(RelationKind::SaidAbout) | relation_bit(RelationKind::Other)));
  CHECK(g.nodes[0].weighted_degree == 7.5);

  // CSR rows sorted by neighbour.
  CHECK(g.adjacency_offsets == std::vector<uint32_t>{0, 2, 3, 4});
  CHECK(g.neighbors(0)[0].node == 1);
  CHECK(g.neighbors(0)[1].node == 2);
  CHECK(g.find_edge(2, 0) == 1u);
  CHECK_FALSE(g.find_edge(1, 2));
  CHECK(g.find_node("Bob") == 2u);

  // Ada's mentions: one inside the 2019 event, one dated by the document.
  CHECK(g.nodes[0].stamps_end - g.nodes[0].stamps_begin == 2);

  GraphOptions options;
  options.include_dates = true;
  options.size_by = NodeSize::WeightedDegree;
  const EntityGraph with_dates = build_entity_graph(corpus, a, options);
  CHECK(with_dates.node_count() == 4);
  CHECK(with_dates.edge_count() == 3);
  CHECK(with_dates.nodes[2].size == 1.0);
}

TEST_CASE("an empty analysis gives an empty graph") {
  const EntityGraph g = build_entity_graph(Corpus{}, Analysis{});
  CHECK(g.node_count() == 0);
  CHECK(g.adjacency_offsets == std::vector<uint32_t>{0});
  CHECK(pagerank(GraphView(g)).scores.empty());
}

TEST_CASE("the built-in corpus' graph") {
  const Corpus corpus = load_builtin_corpus();
  const Analysis analysis = analyze(corpus);
  const EntityGraph g = build_entity_graph(corpus, analysis);
  REQUIRE(g.node_count() > 20);
  REQUIRE(g.edge_count() > 20);

  for (const GraphNode& node : g.nodes) CHECK(node.type != EntityType::Date);
  for (uint32_t e = 0; e < g.edge_count(); ++e) {
    const GraphEdge& edge = g.edges[e];
    CHECK(edge.a < edge.b);
    CHECK(edge.weight > 0.0);
    CHECK(edge.evidence_end > edge.evidence_begin);
    for (uint32_t s = edge.evidence_begin; s < edge.evidence_end; ++s) {
      const DocSpan& span = g.evidence[s];
      REQUIRE(span.doc < corpus.documents.size());
      CHECK(span.start < span.end);
      CHECK(span.end <= corpus.documents[span.doc].bytes.size());
    }
    for (uint32_t r = edge.relations_begin; r < edge.relations_end; ++r) {
      const Relation& relation = analysis.relations[g.edge_relations[r]];
      const int32_t s = g.node_of_entity[static_cast<size_t>(relation.source)];
      const int32_t t = g.node_of_entity[static_cast<size_t>(relation.target)];
      CHECK(std::min(s, t) == static_cast<int32_t>(edge.a));
      CHECK(std::max(s, t) == static_cast<int32_t>(edge.b));
    }
  }

  const GraphView view(g);
  const PageRankResult rank = pagerank(view);
  CHECK(rank.converged);
  const auto top = std::max_element(rank.scores.begin(), rank.scores.end()) - rank.scores.begin();
  CHECK(g.names[static_cast<size_t>(top)] == "Soumith Chintala");

  // Determinism: a second run gives the same edge list, scores and communities.
  const Analysis again = analyze(corpus);
  const EntityGraph g2 = build_entity_graph(corpus, again);
  const GraphView view2(g2);
  CHECK(write_edge_list(edge_list_of(view2)) == write_edge_list(edge_list_of(view)));
  CHECK(pagerank(view2).scores == rank.scores);
  CHECK(louvain(view2).community == louvain(view).community);
  CHECK(betweenness(view2) == betweenness(view));
}
