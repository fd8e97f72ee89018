// A story as the app holds it: the corpus, what the reading engine derived from it, the entity
// graph and the graph's metrics, built once per corpus (and again when the user's edits change
// the analysis). Panels read it; only the app's controller replaces it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/graph/entity_graph.h"
#include "core/nlp/analysis.h"
#include "core/view/selection.h"
#include "core/view/view_state.h"

namespace dramatis {

struct Story {
  Corpus corpus;
  Analysis analysis;
  EntityGraph graph;
  std::vector<double> pagerank;    // per graph node, sums to 1
  std::vector<int32_t> community;  // per graph node (Louvain), numbered by size
  uint32_t community_count = 0;
  std::vector<DateInterval> quote_dates;  // per analysis quote (graph/span_dates.h)

  // The entity id ("e3", as dramatis-cli extract prints it) of a graph node; "n<i>" for graphs
  // with no analysis behind them (synthetic graphs).
  std::string node_id(uint32_t node) const;
  // The graph node of an entity id, or -1 (unknown id or an entity left out of the graph).
  int32_t node_of_id(std::string_view entity_id) const;
  // Index into analysis.quotes of a quote id, or -1.
  int32_t quote_index(std::string_view quote_id) const;
};

// Whether a date passes a view's time range: undated things always pass (they are kept, as the
// graph's date filter keeps undated mentions); no range passes everything.
bool date_in_range(const DateInterval& date, const std::optional<TimeRange>& range);

// Analyses the corpus and builds the graph and its metrics.
Story make_story(Corpus corpus);

// Builds the graph and its metrics for an analysis already made (e.g. after the user's edits).
Story make_story(Corpus corpus, Analysis analysis);

// A story with no documents: a generated graph (graph_generators.h) for benchmarks and demos.
Story make_synthetic_story(uint32_t nodes, uint32_t edges_per_node, uint64_t seed);

// Checks a selection against the story: "document" (d<i>), "entity" (an entity id with a graph
// node), "quote" (q<i>) or "edge" ("e3~e7": two entities joined by an edge); empty is valid.
bool is_valid_selection(const Story& story, const Selection& selection);

}  // namespace dramatis
