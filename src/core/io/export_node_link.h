// Node-link JSON: one file that d3-force, graphology and sigma.js all load as it is.
// Shape ("dramatis.node-link/1"), every number in its shortest round-trip form:
//   {"schema": "dramatis.node-link/1",
//    "options": {"type": "undirected", "multi": false, "allowSelfLoops": false},
//    "attributes": {"name": corpus name, "positions": "layout" | "grid"},
//    "nodes": [{"key": "e0", "id": "e0", ["x", "y" when positions were given,]
//               "attributes": {"label", "entity_type", "mentions", "weighted_degree", "aliases",
//                              ["community",] ["pagerank",] "x", "y", "size", "color"}}],
//    "edges": [{"key": "e0-e3", "source": "e0", "target": "e3", "undirected": true,
//               "attributes": {"weight", "kinds", "evidence"}}],
//    "links": [{"source": "e0", "target": "e3", "weight"}]}
// - graphology: Graph.from(obj) or graph.import(obj) reads options, attributes, nodes[].key /
//   .attributes and edges[].key / .source / .target / .undirected / .attributes, and ignores
//   the rest.
// - sigma.js renders graphology graphs and needs x, y, size (pixels), label and color in each
//   node's attributes; positions are the layout's (world units; sigma fits them to the screen)
//   or, when none were given, a square grid (graph attribute "positions": "grid"). Entity types
//   are "entity_type", not "type": sigma reads "type" as the name of a node or edge program.
// - d3-force: forceSimulation(obj.nodes).force("link", forceLink(obj.links).id(d => d.id)).
//   Nodes carry top-level x, y (d3's starting positions) only when positions were given. d3
//   mutates the objects it is given (links' source/target become node objects), so parse the
//   file once per library.
// Invalid UTF-8 in names becomes U+FFFD; control characters are \u-escaped.
#pragma once

#include <string>

#include "core/io/graph_export.h"

namespace dramatis {

std::string export_node_link_json(const GraphExportInput& input);

}  // namespace dramatis
