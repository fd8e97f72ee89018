#include "core/io/export_node_link.h"

#include <nlohmann/json.hpp>

namespace dramatis {
namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order, not sorted

// Grid positions (world units, 10 apart, row by row) for files without a layout: sigma.js
// needs x and y on every node. Integer arithmetic only, so every platform gives the same bytes.
layout::Point grid_position(size_t index, size_t count) {
  size_t columns = 1;
  while (columns * columns < count) ++columns;
  return {10.0 * static_cast<double>(index % columns), 10.0 * static_cast<double>(index / columns)};
}

}  // namespace

std::string export_node_link_json(const GraphExportInput& input) {
  const GraphExportRows rows = graph_export_rows(input);
  Json nodes = Json::array();
  for (size_t k = 0; k < rows.nodes.size(); ++k) {
    const ExportNode& node = rows.nodes[k];
    const layout::Point at = node.position ? *node.position : grid_position(k, rows.nodes.size());
    Json attributes = {{"label", node.label},
                       {"entity_type", node.type},
                       {"mentions", node.mentions},
                       {"weighted_degree", node.weighted_degree},
                       {"aliases", node.aliases}};
    if (node.community) attributes["community"] = *node.community;
    if (node.pagerank) attributes["pagerank"] = *node.pagerank;
    attributes["x"] = at.x;
    attributes["y"] = at.y;
    attributes["size"] = node.size;
    attributes["color"] = color_hex(node.color);
    Json item = {{"key", node.id}, {"id", node.id}};
    if (node.position) {
      item["x"] = at.x;
      item["y"] = at.y;
    }
    item["attributes"] = std::move(attributes);
    nodes.push_back(std::move(item));
  }
  Json edges = Json::array();
  Json links = Json::array();
  for (const ExportEdge& edge : rows.edges) {
    edges.push_back(
        {{"key", edge.id},
         {"source", edge.source},
         {"target", edge.target},
         {"undirected", true},
         {"attributes",
          {{"weight", edge.weight}, {"kinds", edge.kinds}, {"evidence", edge.evidence}}}});
    links.push_back({{"source", edge.source}, {"target", edge.target}, {"weight", edge.weight}});
  }
  const Json out = {
      {"schema", "dramatis.node-link/1"},
      {"options", {{"type", "undirected"}, {"multi", false}, {"allowSelfLoops", false}}},
      {"attributes", {{"name", rows.name}, {"positions", rows.has_positions ? "layout" : "grid"}}},
      {"nodes", std::move(nodes)},
      {"edges", std::move(edges)},
      {"links", std::move(links)}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace dramatis
