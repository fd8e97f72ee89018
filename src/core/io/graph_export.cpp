#include "core/io/graph_export.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <iterator>

namespace dramatis {
namespace {

// Qualitative palettes, fixed so that the same input gives the same bytes: Tableau 10 for
// communities, Okabe–Ito (colour-blind safe) for entity types.
constexpr uint32_t kCommunityColors[] = {0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F,
                                         0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC};
constexpr uint32_t kTypeColors[] = {
    0x0072B2,  // PERSON
    0xE69F00,  // ORG
    0x009E73,  // PRODUCT
    0x56B4E9,  // LOCATION
    0xD55E00,  // EVENT
    0xCC79A7,  // DATE
    0xF0E442,  // MONEY
    0x999999,  // QUANTITY
};

std::string join_aliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& alias : aliases) {
    if (!out.empty()) out += "; ";
    out += alias;
  }
  return out;
}

// The entity behind node i, or nullptr when the graph has no analysis behind it
// (entity_graph_from_edges) or the index is out of range.
const Entity* entity_of(const GraphExportInput& input, uint32_t node) {
  const uint32_t entity = input.graph->nodes[node].entity;
  if (!input.analysis || entity >= input.analysis->entities.size()) return nullptr;
  return &input.analysis->entities[entity];
}

std::string node_id(const GraphExportInput& input, uint32_t node) {
  const Entity* entity = entity_of(input, node);
  return entity ? entity->id : "n" + std::to_string(node);
}

}  // namespace

std::string color_hex(uint32_t rgb) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (int shift = 20; shift >= 0; shift -= 4) out += kDigits[(rgb >> shift) & 0xF];
  return out;
}

GraphExportRows graph_export_rows(const GraphExportInput& input) {
  GraphExportRows rows;
  if (input.corpus) rows.name = input.corpus->name;
  if (!input.graph) return rows;
  const EntityGraph& graph = *input.graph;
  assert((!input.view || &input.view->graph() == input.graph) && "the view must be of `graph`");
  const GraphView whole = input.view ? GraphView() : GraphView(graph);
  const GraphView& view = input.view ? *input.view : whole;
  const size_t n = graph.nodes.size();

  std::vector<uint32_t> nodes = view.nodes();
  rows.has_community = input.community.size() == n && n > 0;
  rows.has_pagerank = input.pagerank.size() == n && n > 0;
  rows.has_positions = input.positions.size() == n && n > 0;
  for (const uint32_t i : nodes) {
    if (rows.has_positions &&
        !(std::isfinite(input.positions[i].x) && std::isfinite(input.positions[i].y)))
      rows.has_positions = false;
  }

  std::vector<double> weighted(n, 0.0);
  view.for_each_edge([&](uint32_t e) {
    const GraphEdge& edge = graph.edges[e];
    ExportEdge row;
    row.edge = e;
    row.source = node_id(input, edge.a);
    row.target = node_id(input, edge.b);
    row.id = row.source + "-" + row.target;
    row.weight = edge.weight;
    row.kinds = join_relation_kinds(edge.kinds, ";");
    row.evidence = edge.evidence_end - edge.evidence_begin;
    weighted[edge.a] += edge.weight;
    weighted[edge.b] += edge.weight;
    rows.edges.push_back(std::move(row));
  });

  double largest = 0.0;
  for (const uint32_t i : nodes) largest = std::max(largest, graph.nodes[i].size);
  for (const uint32_t i : nodes) {
    const GraphNode& node = graph.nodes[i];
    const Entity* entity = entity_of(input, i);
    ExportNode row;
    row.node = i;
    row.id = node_id(input, i);
    row.label = graph.names[i];
    row.type = to_string(node.type);
    row.mentions = node.mentions;
    row.weighted_degree = weighted[i];
    if (entity) row.aliases = join_aliases(entity->aliases);
    if (rows.has_community && input.community[i] >= 0) row.community = input.community[i];
    if (rows.has_pagerank && std::isfinite(input.pagerank[i])) row.pagerank = input.pagerank[i];
    if (rows.has_positions) row.position = input.positions[i];
    if (largest > 0.0 && node.size > 0.0) row.size = 4.0 + 16.0 * std::sqrt(node.size / largest);
    row.color =
        row.community
            ? kCommunityColors[static_cast<size_t>(*row.community) % std::size(kCommunityColors)]
            : kTypeColors[static_cast<size_t>(node.type) % std::size(kTypeColors)];
    rows.nodes.push_back(std::move(row));
  }
  return rows;
}

}  // namespace dramatis
