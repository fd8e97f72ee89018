// GraphML (src/core/io/export_graphml.cpp): read back with a strict XML reader; every <data>
// refers to a declared <key> of the right domain; values, hostile names, a filtered view, empty.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>

#include "core/graph/metrics.h"
#include "core/io/export_graphml.h"
#include "export_fixture.h"
#include "xml_reader.h"

using namespace dramatis;

namespace {

struct GraphMl {
  xml_test::Element root;
  std::map<std::string, std::string> key_domain;  // key id -> "node", "edge", "graph"
  std::map<std::string, std::string> key_type;    // key id -> attr.type
  std::vector<const xml_test::Element*> nodes, edges;
};

GraphMl read_graphml(const std::string& text) {
  xml_test::Reader reader(text);
  auto root = reader.read();
  REQUIRE_MESSAGE(root, reader.error());
  GraphMl g;
  g.root = std::move(*root);
  CHECK(g.root.name == "graphml");
  CHECK(*g.root.attr("xmlns") == "http://graphml.graphdrawing.org/xmlns");
  for (const xml_test::Element* key : g.root.all("key")) {
    CHECK(*key->attr("attr.name") == *key->attr("id"));
    g.key_domain[*key->attr("id")] = *key->attr("for");
    g.key_type[*key->attr("id")] = *key->attr("attr.type");
  }
  const xml_test::Element* graph = g.root.first("graph");
  REQUIRE(graph);
  CHECK(*graph->attr("edgedefault") == "undirected");
  g.nodes = graph->all("node");
  g.edges = graph->all("edge");
  return g;
}

std::map<std::string, std::string> data(const GraphMl& g, const xml_test::Element& e) {
  std::map<std::string, std::string> out;
  for (const xml_test::Element* d : e.all("data")) {
    const std::string& key = *d->attr("key");
    REQUIRE_MESSAGE(g.key_domain.count(key), key);
    CHECK(g.key_domain.at(key) == e.name);
    CHECK(out.count(key) == 0);
    if (g.key_type.at(key) == "double" || g.key_type.at(key) == "int") {
      char* end = nullptr;
      std::strtod(d->text.c_str(), &end);
      CHECK_MESSAGE((*end == '\0' && !d->text.empty()), key, "=", d->text);
    }
    out[key] = d->text;
  }
  return out;
}

GraphExportInput input_of(const export_test::HostileFixture& f) {
  GraphExportInput input;
  input.corpus = &f.corpus;
  input.analysis = &f.analysis;
  input.graph = &f.graph;
  return input;
}

}  // namespace

TEST_CASE("GraphML: declared keys, hostile names, values of the graph") {
  const export_test::HostileFixture f;
  const std::string text = export_graphml(input_of(f));
  const GraphMl g = read_graphml(text);
  CHECK(!g.key_domain.count("x"));  // no positions given
  CHECK(!g.key_domain.count("pagerank"));
  REQUIRE(g.nodes.size() == f.graph.node_count());
  REQUIRE(g.edges.size() == f.graph.edge_count());
  const auto& names = export_test::hostile_names();
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    CHECK(*g.nodes[i]->attr("id") == f.analysis.entities[i].id);
    const auto d = data(g, *g.nodes[i]);
    CHECK(d.at("label") == names[i].in_xml);
    CHECK(d.at("entity_type") == to_string(f.graph.nodes[i].type));
    CHECK(std::strtod(d.at("weighted_degree").c_str(), nullptr) ==
          f.graph.nodes[i].weighted_degree);
  }
  CHECK(data(g, *g.nodes[3]).at("aliases") == "Comma; O'Neil");
  for (size_t e = 0; e < g.edges.size(); ++e) {
    const GraphEdge& edge = f.graph.edges[e];
    CHECK(*g.edges[e]->attr("source") == f.analysis.entities[edge.a].id);
    CHECK(*g.edges[e]->attr("target") == f.analysis.entities[edge.b].id);
    const auto d = data(g, *g.edges[e]);
    CHECK(std::strtod(d.at("weight").c_str(), nullptr) == edge.weight);
    CHECK(d.at("evidence") == std::to_string(edge.evidence_end - edge.evidence_begin));
  }
  CHECK(data(g, *g.edges[0]).at("kinds") == "co-occurs;joined");
  const xml_test::Element* graph = g.root.first("graph");
  CHECK(data(g, *graph).at("name") == f.corpus.name);
  CHECK(export_graphml(input_of(f)) == text);
}

TEST_CASE("GraphML: positions and metrics on a view that hides a node") {
  const export_test::HostileFixture f;
  GraphFilter filter;
  filter.hidden_nodes = {0};
  const GraphView view = filter_graph(f.graph, filter);
  const PageRankResult rank = pagerank(view);
  const Communities communities = louvain(view);
  std::vector<layout::Point> positions(f.graph.node_count(), {2.5, -7.125});
  GraphExportInput input = input_of(f);
  input.view = &view;
  input.positions = positions;
  input.pagerank = rank.scores;
  input.community = communities.community;
  const GraphMl g = read_graphml(export_graphml(input));
  REQUIRE(g.nodes.size() == view.node_count());
  REQUIRE(g.edges.size() == view.edge_count());
  for (const xml_test::Element* node : g.nodes) CHECK(*node->attr("id") != "e0");
  for (const xml_test::Element* edge : g.edges) CHECK(*edge->attr("source") != "e0");
  const std::vector<uint32_t> nodes = view.nodes();
  for (size_t k = 0; k < nodes.size(); ++k) {
    const auto d = data(g, *g.nodes[k]);
    CHECK(d.at("x") == "2.5");
    CHECK(d.at("y") == "-7.125");
    CHECK(std::strtod(d.at("pagerank").c_str(), nullptr) == rank.scores[nodes[k]]);
    CHECK(d.at("community") == std::to_string(communities.community[nodes[k]]));
  }
}

TEST_CASE("GraphML: an empty graph is still a valid file") {
  const GraphMl g = read_graphml(export_graphml(GraphExportInput{}));
  CHECK(g.nodes.empty());
  CHECK(g.edges.empty());
  CHECK(g.key_domain.count("label"));
}
