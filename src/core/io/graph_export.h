// What the graph exporters (export_node_link.h, export_gexf.h, export_graphml.h) share: their
// input (a graph, optionally a filtered view of it, and per-node layout and metrics) and the
// rows every format writes, computed once so that all formats agree on every value.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/graph/entity_graph.h"
#include "core/graph/graph_filter.h"
#include "core/layout/layout_types.h"
#include "core/nlp/analysis.h"

namespace dramatis {

// The per-node spans are indexed by the graph's node index (as core/graph/metrics.h returns
// them) and must be empty or hold one value per graph node: a span of any other size is
// ignored, as are positions when a node of the export has a non-finite coordinate.
struct GraphExportInput {
  const Corpus* corpus = nullptr;  // only its name is used; may be null
  const Analysis* analysis = nullptr;
  const EntityGraph* graph = nullptr;        // with `analysis`, required: null exports nothing
  const GraphView* view = nullptr;           // nullptr: the whole graph; else a view of `graph`
  std::span<const layout::Point> positions;  // world units; may be empty
  std::span<const int32_t> community;        // louvain(): negative = none for that node
  std::span<const double> pagerank;          // may be empty
};

struct ExportNode {
  uint32_t node = 0;             // graph node index
  std::string id;                // the entity id, "e0", ... (as `dramatis-cli extract` has it)
  std::string label;             // the entity's name
  std::string_view type;         // "PERSON", "ORG", ...
  uint32_t mentions = 0;         // mentions in the corpus
  double weighted_degree = 0.0;  // sum of the weights of the exported edges at this node
  std::string aliases;           // the other surface forms, sorted, joined by "; "
  std::optional<int32_t> community;
  std::optional<double> pagerank;
  std::optional<layout::Point> position;  // world units
  // Display size, 4..20 (sigma.js pixels, Gephi's viz:size): 4 + 16 * sqrt(size / largest
  // size in the export), `size` being GraphNode::size (mentions by default).
  double size = 4.0;
  uint32_t color = 0;  // 0xRRGGBB: by community when given, else by entity type
};

struct ExportEdge {
  uint32_t edge = 0;   // graph edge index
  std::string id;      // "<source id>-<target id>", unique since the graph is simple
  std::string source;  // entity ids, source < target in node order
  std::string target;
  double weight = 0.0;    // GraphEdge::weight
  std::string kinds;      // relation kinds joined by ';', e.g. "co-occurs;joined"
  uint32_t evidence = 0;  // evidence spans behind the edge
};

struct GraphExportRows {
  std::string name;  // the corpus name, may be empty
  bool has_positions = false;
  bool has_community = false;
  bool has_pagerank = false;
  std::vector<ExportNode> nodes;  // in node index order
  std::vector<ExportEdge> edges;  // in (a, b) order
};

GraphExportRows graph_export_rows(const GraphExportInput& input);

// "#rrggbb"
std::string color_hex(uint32_t rgb);

}  // namespace dramatis
