// Fuzz target: the edge-list reader (graph/edge_list.h read_edge_list), what
// `dramatis-cli layout --edges FILE` reads. Input: the file's text.
//
// Besides "no crash", it checks what edge_list.h promises of a graph it reads (every edge joins
// two different known nodes, one finite weight >= 0 per edge, no edge twice) and that the writer
// (write_edge_list) gives a text that reads back as the same edges with the same weights.
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/graph/edge_list.h"
#include "fuzz_check.h"

using namespace dramatis;

namespace {

void check_graph(const EdgeListGraph& graph) {
  FUZZ_CHECK(graph.weights.size() == graph.edges.size());
  std::set<std::pair<uint32_t, uint32_t>> seen;
  for (size_t e = 0; e < graph.edges.size(); ++e) {
    const auto [a, b] = graph.edges[e];
    FUZZ_CHECK(a < graph.names.size() && b < graph.names.size() && a != b);
    FUZZ_CHECK(seen.insert({std::min(a, b), std::max(a, b)}).second);
    FUZZ_CHECK(std::isfinite(graph.weights[e]) && graph.weights[e] >= 0.0f);
  }
  FUZZ_CHECK(std::set<std::string>(graph.names.begin(), graph.names.end()).size() ==
             graph.names.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<Diagnostic> diagnostics;
  const std::optional<EdgeListGraph> graph =
      read_edge_list(fuzz::bytes_of(data, size), "fuzz/edges.tsv", diagnostics);
  if (!graph) {
    FUZZ_CHECK(!diagnostics.empty());  // a refused file says why
    return 0;
  }
  check_graph(*graph);

  // Written and read again: the same edges, by name, with the same weights (nodes that only
  // had self-loops are not written: edge lists cannot hold isolated nodes).
  const std::string written = write_edge_list(*graph, "fuzz\nround trip");
  std::vector<Diagnostic> again_diagnostics;
  const std::optional<EdgeListGraph> again =
      read_edge_list(written, "fuzz/written.tsv", again_diagnostics);
  FUZZ_CHECK(again.has_value());
  check_graph(*again);
  FUZZ_CHECK(again->edges.size() == graph->edges.size());
  for (size_t e = 0; e < graph->edges.size(); ++e) {
    FUZZ_CHECK(again->names[again->edges[e].first] == graph->names[graph->edges[e].first]);
    FUZZ_CHECK(again->names[again->edges[e].second] == graph->names[graph->edges[e].second]);
    FUZZ_CHECK(again->weights[e] == graph->weights[e]);
  }
  FUZZ_CHECK(write_edge_list(*again, "fuzz\nround trip") == written);
  return 0;
}
