// Edge lists: the plain-text graph form shared by `dramatis-cli graph` (writer) and
// `dramatis-cli layout --edges` (reader). One edge per line, two node names and an optional
// weight; `#` starts a comment. See the format notes below for quoting and merging rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/graph/graph_filter.h"

namespace dramatis {

// A graph read from an edge list: nodes by name in order of first appearance, undirected edges
// (first index < second index is NOT guaranteed: it keeps the order of the first occurrence),
// and one finite, positive-or-zero weight per edge (1 when the line has none).
struct EdgeListGraph {
  std::vector<std::string> names;
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  std::vector<float> weights;
};

// Reads an edge list. Format:
//  - Fields are separated by runs of spaces or tabs; blank lines are skipped; `#` at the start
//    of a field starts a comment running to the end of the line.
//  - A field may be double-quoted ("Ada Lovelace"); inside quotes `\"` and `\\` are escapes
//    (and `\t`, `\n`), so names can hold whitespace and `#`.
//  - Each line holds two names and an optional third field, the weight: a finite number >= 0.
// Errors (one name, extra fields, a non-numeric / NaN / infinite / negative weight, an
// unterminated quote, duplicate edges whose weights add up past a float) name the file, the line
// and the byte offset, and make the result std::nullopt. Self-loops are dropped with a warning;
// duplicate edges (either direction) are merged with their weights summed and one warning giving
// the count; an empty file (no edges, no nodes) gives an empty graph and a warning.
std::optional<EdgeListGraph> read_edge_list(std::string_view text, const std::string& file,
                                            std::vector<Diagnostic>& diagnostics);

// Writes one field as the reader reads it back: bare when it has no whitespace, quote, backslash
// or '#' and is not empty, else double-quoted with `\"`, `\\`, `\t`, `\n`, `\r` escapes.
std::string quote_edge_list_name(std::string_view name);

// Writes `graph` as an edge list: `header_comment` lines (each prefixed "# "), then one
// "name<TAB>name<TAB>weight" line per edge. Weights are printed with up to 9 significant digits
// (round-trips a float exactly). Isolated nodes cannot be expressed and are left out.
std::string write_edge_list(const EdgeListGraph& graph, std::string_view header_comment = {});

// The edges of a view as a plain graph: its nodes by name in node-index order, its edges in
// (a, b) order with their merged weights (GraphEdge::weight, rounded to float).
EdgeListGraph edge_list_of(const GraphView& view);

}  // namespace dramatis
