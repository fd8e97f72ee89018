// Node-link JSON (src/core/io/export_node_link.cpp): the shape graphology, sigma.js and d3-force
// read; values checked against the graph, a filtered view, positions and metrics, hostile names.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/corpus/corpus_loader.h"
#include "core/graph/metrics.h"
#include "core/io/export_node_link.h"
#include "core/nlp/pipeline.h"
#include "core/text/utf8.h"
#include "export_fixture.h"

using namespace dramatis;
using nlohmann::json;

namespace {

GraphExportInput input_of(const export_test::HostileFixture& f) {
  GraphExportInput input;
  input.corpus = &f.corpus;
  input.analysis = &f.analysis;
  input.graph = &f.graph;
  return input;
}

// Structure every consumer needs, whatever the graph.
void check_shape(const json& j, const EntityGraph& graph, const Analysis& analysis,
                 const GraphView& view) {
  CHECK(j["options"]["type"] == "undirected");
  CHECK(j["options"]["multi"] == false);
  REQUIRE(j["nodes"].size() == view.node_count());
  REQUIRE(j["edges"].size() == view.edge_count());
  REQUIRE(j["links"].size() == view.edge_count());
  std::set<std::string> keys;
  std::map<std::string, double> degree;
  size_t k = 0;
  view.for_each_node([&](uint32_t i) {
    const json& node = j["nodes"][k++];
    const std::string id = analysis.entities[graph.nodes[i].entity].id;
    CHECK(node["key"] == id);
    CHECK(node["id"] == id);  // d3's forceLink(...).id(d => d.id)
    const json& a = node["attributes"];
    for (const char* field : {"label", "x", "y", "size", "color", "entity_type", "mentions"})
      CHECK_MESSAGE(a.contains(field), field);
    CHECK(!a.contains("type"));  // sigma.js would read it as a node program
    CHECK(a["entity_type"] == to_string(graph.nodes[i].type));
    CHECK(a["mentions"] == graph.nodes[i].mentions);
    CHECK(a["size"].get<double>() >= 4.0);
    CHECK(a["size"].get<double>() <= 20.0);
    CHECK(a["color"].get<std::string>().size() == 7);
    keys.insert(id);
    degree[id] = 0.0;
  });
  CHECK(keys.size() == view.node_count());
  k = 0;
  view.for_each_edge([&](uint32_t e) {
    const GraphEdge& edge = graph.edges[e];
    const json& item = j["edges"][k];
    const json& link = j["links"][k++];
    const std::string a = analysis.entities[graph.nodes[edge.a].entity].id;
    const std::string b = analysis.entities[graph.nodes[edge.b].entity].id;
    CHECK(item["source"] == a);
    CHECK(item["target"] == b);
    CHECK(item["undirected"] == true);
    CHECK(item["attributes"]["weight"].get<double>() == edge.weight);
    CHECK(item["attributes"]["evidence"] == edge.evidence_end - edge.evidence_begin);
    CHECK(link["source"] == a);
    CHECK(link["target"] == b);
    CHECK(link["weight"].get<double>() == edge.weight);
    degree[a] += edge.weight;
    degree[b] += edge.weight;
  });
  // Weighted degree counts the exported edges only.
  for (const json& node : j["nodes"])
    CHECK(node["attributes"]["weighted_degree"].get<double>() == degree[node["key"]]);
}

}  // namespace

TEST_CASE("node-link JSON: hostile names, no positions or metrics") {
  const export_test::HostileFixture f;
  const std::string text = export_node_link_json(input_of(f));
  CHECK(utf8::find_invalid(text).empty());
  const json j = json::parse(text);
  check_shape(j, f.graph, f.analysis, GraphView(f.graph));
  CHECK(j["attributes"]["name"] == f.corpus.name);
  CHECK(j["attributes"]["positions"] == "grid");
  const auto& names = export_test::hostile_names();
  CHECK(j["nodes"][0]["attributes"]["label"] == names[0].raw);  // & < > " survive as they are
  CHECK(j["nodes"][1]["attributes"]["label"] == names[1].raw);  // controls: \u-escaped
  CHECK(j["nodes"][6]["attributes"]["label"] == names[6].raw);
  CHECK(j["nodes"][2]["attributes"]["label"] == "Bad\xEF\xBF\xBD\xEF\xBF\xBD UTF");  // U+FFFD
  CHECK(j["nodes"][0]["attributes"]["aliases"] == "A&B; B's <tag>");
  CHECK(!j["nodes"][0]["attributes"].contains("pagerank"));
  CHECK(!j["nodes"][0]["attributes"].contains("community"));
  CHECK(!j["nodes"][0].contains("x"));  // d3 places nodes itself
  // The e0-e1 edge merges a co-occurrence and a "joined" relation with three evidence spans.
  CHECK(j["edges"][0]["key"] == "e0-e1");
  CHECK(j["edges"][0]["attributes"]["kinds"] == "co-occurs;joined");
  CHECK(j["edges"][0]["attributes"]["evidence"] == 3);
  CHECK(j["edges"][0]["attributes"]["weight"].get<double>() == 3.0);
  // Grid positions are distinct, so sigma.js shows every node.
  std::set<std::pair<double, double>> spots;
  for (const json& node : j["nodes"])
    spots.insert({node["attributes"]["x"].get<double>(), node["attributes"]["y"].get<double>()});
  CHECK(spots.size() == j["nodes"].size());
  CHECK(export_node_link_json(input_of(f)) == text);
}

TEST_CASE("node-link JSON: positions, PageRank and communities on a filtered view") {
  const export_test::HostileFixture f;
  GraphFilter filter;
  filter.types = entity_type_mask({EntityType::Person, EntityType::Location});
  const GraphView view = filter_graph(f.graph, filter);
  REQUIRE(view.node_count() < f.graph.node_count());
  REQUIRE(view.edge_count() < f.graph.edge_count());
  const PageRankResult rank = pagerank(view);
  const Communities communities = louvain(view);
  std::vector<layout::Point> positions(f.graph.node_count());
  for (size_t i = 0; i < positions.size(); ++i)
    positions[i] = {1.0 / 3.0 + static_cast<double>(i), -0.1 * static_cast<double>(i)};
  GraphExportInput input = input_of(f);
  input.view = &view;
  input.positions = positions;
  input.pagerank = rank.scores;
  input.community = communities.community;
  const json j = json::parse(export_node_link_json(input));
  check_shape(j, f.graph, f.analysis, view);
  CHECK(j["attributes"]["positions"] == "layout");
  size_t k = 0;
  view.for_each_node([&](uint32_t i) {
    const json& node = j["nodes"][k++];
    CHECK(node["x"].get<double>() == positions[i].x);  // exact: numbers round-trip
    CHECK(node["y"].get<double>() == positions[i].y);
    CHECK(node["attributes"]["x"].get<double>() == positions[i].x);
    CHECK(node["attributes"]["pagerank"].get<double>() == rank.scores[i]);
    CHECK(node["attributes"]["community"] == communities.community[i]);
  });
  // The filter dropped e1 (ORG): e0's weighted degree no longer counts the e0-e1 edge.
  CHECK(j["nodes"][0]["attributes"]["weighted_degree"].get<double>() == doctest::Approx(0.1));
  CHECK(f.graph.nodes[0].weighted_degree == doctest::Approx(3.1));

  // A span of the wrong size is ignored rather than read out of bounds.
  input.pagerank = std::span<const double>(rank.scores).first(2);
  const json short_rank = json::parse(export_node_link_json(input));
  CHECK(!short_rank["nodes"][0]["attributes"].contains("pagerank"));
}

TEST_CASE("node-link JSON: an empty graph and missing inputs") {
  const Corpus corpus;
  const Analysis analysis;
  const EntityGraph graph = build_entity_graph(corpus, analysis);
  GraphExportInput input;
  input.analysis = &analysis;
  input.graph = &graph;
  for (const GraphExportInput& in : {input, GraphExportInput{}}) {
    const json j = json::parse(export_node_link_json(in));
    CHECK(j["nodes"].empty());
    CHECK(j["edges"].empty());
    CHECK(j["links"].empty());
    CHECK(j["options"]["type"] == "undirected");
  }
}

TEST_CASE("node-link JSON: the built-in corpus, every node and edge of the graph") {
  const Corpus corpus = load_builtin_corpus();
  const Analysis analysis = analyze(corpus);
  const EntityGraph graph = build_entity_graph(corpus, analysis);
  GraphExportInput input;
  input.corpus = &corpus;
  input.analysis = &analysis;
  input.graph = &graph;
  const json j = json::parse(export_node_link_json(input));
  check_shape(j, graph, analysis, GraphView(graph));
  CHECK(j["nodes"].size() > 20);
}

TEST_CASE("node-link JSON: a graph with no analysis behind it names nodes by index") {
  const export_test::HostileFixture f;
  GraphExportInput input;
  input.graph = &f.graph;
  const json j = json::parse(export_node_link_json(input));
  REQUIRE(j["nodes"].size() == f.graph.node_count());
  CHECK(j["nodes"][3]["key"] == "n3");
  CHECK(j["nodes"][3]["attributes"]["label"] == f.graph.names[3]);
  CHECK(j["nodes"][3]["attributes"]["aliases"] == "");
  CHECK(j["edges"][0]["key"] == "n0-n1");
}
