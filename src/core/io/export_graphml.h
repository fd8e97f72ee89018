// GraphML (http://graphml.graphdrawing.org/xmlns), read by Gephi, Cytoscape, yEd, networkx and
// igraph: an undirected graph whose nodes are entities (id = entity id) and edges carry their
// weight. Every data key is declared in a <key> with its attr.name and attr.type: nodes label,
// entity_type, mentions, weighted_degree, aliases, [community,] [pagerank,] [x, y (world
// units)]; edges weight, kinds, evidence. Text is escaped by append_xml_text (export_text.h).
#pragma once

#include <string>

#include "core/io/graph_export.h"

namespace dramatis {

std::string export_graphml(const GraphExportInput& input);

}  // namespace dramatis
