// GEXF 1.3 (src/core/io/export_gexf.cpp): read back with a strict XML reader; declared
// attributes, node and edge values, viz positions, hostile names, a filtered view, empty graph.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <set>

#include "core/graph/metrics.h"
#include "core/io/export_gexf.h"
#include "export_fixture.h"
#include "xml_reader.h"

using namespace dramatis;

namespace {

struct Gexf {
  xml_test::Element root;
  const xml_test::Element* graph = nullptr;
  std::vector<const xml_test::Element*> nodes, edges;
  std::set<std::string> node_attributes, edge_attributes;  // declared ids
};

Gexf read_gexf(const std::string& text) {
  xml_test::Reader reader(text);
  auto root = reader.read();
  REQUIRE_MESSAGE(root, reader.error());
  Gexf g;
  g.root = std::move(*root);
  CHECK(g.root.name == "gexf");
  CHECK(*g.root.attr("xmlns") == "http://gexf.net/1.3");
  CHECK(*g.root.attr("version") == "1.3");
  g.graph = g.root.first("graph");
  REQUIRE(g.graph);
  CHECK(*g.graph->attr("defaultedgetype") == "undirected");
  for (const xml_test::Element* decl : g.graph->all("attributes")) {
    auto& ids = *decl->attr("class") == "node" ? g.node_attributes : g.edge_attributes;
    for (const xml_test::Element* a : decl->all("attribute")) ids.insert(*a->attr("id"));
  }
  g.nodes = g.graph->first("nodes")->all("node");
  g.edges = g.graph->first("edges")->all("edge");
  return g;
}

// attvalues of one node or edge, checking each refers to a declared attribute.
std::map<std::string, std::string> values(const xml_test::Element& e,
                                          const std::set<std::string>& declared) {
  std::map<std::string, std::string> out;
  const xml_test::Element* list = e.first("attvalues");
  REQUIRE(list);
  for (const xml_test::Element* v : list->all("attvalue")) {
    CHECK_MESSAGE(declared.count(*v->attr("for")), *v->attr("for"));
    out[*v->attr("for")] = *v->attr("value");
  }
  return out;
}

double number(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  CHECK_MESSAGE(*end == '\0', text);
  return value;
}

GraphExportInput input_of(const export_test::HostileFixture& f) {
  GraphExportInput input;
  input.corpus = &f.corpus;
  input.analysis = &f.analysis;
  input.graph = &f.graph;
  return input;
}

}  // namespace

TEST_CASE("GEXF: hostile names parse back; attributes and edges match the graph") {
  const export_test::HostileFixture f;
  const std::string text = export_gexf(input_of(f));
  const Gexf g = read_gexf(text);
  const auto& names = export_test::hostile_names();
  REQUIRE(g.nodes.size() == f.graph.node_count());
  REQUIRE(g.edges.size() == f.graph.edge_count());
  CHECK(g.node_attributes ==
        std::set<std::string>{"entity_type", "mentions", "weighted_degree", "aliases"});
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const xml_test::Element& node = *g.nodes[i];
    CHECK(*node.attr("id") == f.analysis.entities[i].id);
    CHECK(*node.attr("label") == names[i].in_xml);
    const auto v = values(node, g.node_attributes);
    CHECK(v.at("entity_type") == to_string(f.graph.nodes[i].type));
    CHECK(v.at("mentions") == std::to_string(f.graph.nodes[i].mentions));
    CHECK(number(v.at("weighted_degree")) == f.graph.nodes[i].weighted_degree);
    CHECK(node.first("viz:size"));
    CHECK(node.first("viz:color"));
    CHECK(!node.first("viz:position"));
  }
  CHECK(values(*g.nodes[0], g.node_attributes).at("aliases") == "A&B; B's <tag>");
  for (size_t e = 0; e < g.edges.size(); ++e) {
    const GraphEdge& edge = f.graph.edges[e];
    CHECK(*g.edges[e]->attr("source") == f.analysis.entities[edge.a].id);
    CHECK(*g.edges[e]->attr("target") == f.analysis.entities[edge.b].id);
    CHECK(number(*g.edges[e]->attr("weight")) == edge.weight);
    const auto v = values(*g.edges[e], g.edge_attributes);
    CHECK(v.at("evidence") == std::to_string(edge.evidence_end - edge.evidence_begin));
  }
  CHECK(values(*g.edges[0], g.edge_attributes).at("kinds") == "co-occurs;joined");
  // The raw bytes never reach the file.
  CHECK(text.find('\x01') == std::string::npos);
  CHECK(text.find('\xFF') == std::string::npos);
  CHECK(text.find("\xEF\xBF\xBE") == std::string::npos);
  CHECK(export_gexf(input_of(f)) == text);
}

TEST_CASE("GEXF: positions, PageRank and communities on a filtered view") {
  const export_test::HostileFixture f;
  GraphFilter filter;
  filter.min_weight = 1.0;
  filter.drop_isolated = true;
  const GraphView view = filter_graph(f.graph, filter);
  REQUIRE(view.node_count() < f.graph.node_count());
  const PageRankResult rank = pagerank(view);
  const Communities communities = louvain(view);
  std::vector<layout::Point> positions(f.graph.node_count());
  for (size_t i = 0; i < positions.size(); ++i)
    positions[i] = {0.1 * static_cast<double>(i + 1), 1e-9 - static_cast<double>(i)};
  GraphExportInput input = input_of(f);
  input.view = &view;
  input.positions = positions;
  input.pagerank = rank.scores;
  input.community = communities.community;
  const Gexf g = read_gexf(export_gexf(input));
  CHECK(g.node_attributes.count("pagerank"));
  CHECK(g.node_attributes.count("community"));
  const std::vector<uint32_t> nodes = view.nodes();
  REQUIRE(g.nodes.size() == nodes.size());
  REQUIRE(g.edges.size() == view.edge_count());
  std::set<std::string> ids;
  for (size_t k = 0; k < nodes.size(); ++k) {
    const uint32_t i = nodes[k];
    ids.insert(*g.nodes[k]->attr("id"));
    CHECK(*g.nodes[k]->attr("id") == f.analysis.entities[i].id);
    const auto v = values(*g.nodes[k], g.node_attributes);
    CHECK(number(v.at("pagerank")) == rank.scores[i]);
    CHECK(v.at("community") == std::to_string(communities.community[i]));
    const xml_test::Element* at = g.nodes[k]->first("viz:position");
    REQUIRE(at);
    CHECK(number(*at->attr("x")) == positions[i].x);
    CHECK(number(*at->attr("y")) == positions[i].y);
  }
  for (const xml_test::Element* edge : g.edges) {
    CHECK(ids.count(*edge->attr("source")));
    CHECK(ids.count(*edge->attr("target")));
    CHECK(number(*edge->attr("weight")) >= 1.0);
  }
}

TEST_CASE("GEXF: an empty graph is still a valid file") {
  const Corpus corpus;
  const Analysis analysis;
  const EntityGraph graph = build_entity_graph(corpus, analysis);
  GraphExportInput input;
  input.analysis = &analysis;
  input.graph = &graph;
  const Gexf g = read_gexf(export_gexf(input));
  CHECK(g.nodes.empty());
  CHECK(g.edges.empty());
}
