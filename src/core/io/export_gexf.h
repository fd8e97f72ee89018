// GEXF 1.3 (Gephi's format, http://gexf.net/1.3): an undirected static graph whose nodes are
// entities (id = entity id, label = name) and whose edges carry their weight. Attributes
// declared in <attributes>: nodes entity_type, mentions, weighted_degree, aliases, [community,]
// [pagerank]; edges kinds, evidence. viz:size and viz:color always, viz:position (world units)
// when positions were given. Text is escaped by append_xml_text (export_text.h).
#pragma once

#include <string>

#include "core/io/graph_export.h"

namespace dramatis {

std::string export_gexf(const GraphExportInput& input);

}  // namespace dramatis
