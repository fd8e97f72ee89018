#include "core/view/story.h"

#include <charconv>

#include "core/graph/graph_filter.h"
#include "core/graph/graph_generators.h"
#include "core/graph/metrics.h"
#include "core/graph/span_dates.h"
#include "core/nlp/pipeline.h"

namespace dramatis {
namespace {

void compute_metrics(Story& story) {
  const GraphView all = filter_graph(story.graph, GraphFilter{});
  story.pagerank = pagerank(all).scores;
  Communities communities = louvain(all);
  story.community = std::move(communities.community);
  story.community_count = communities.count;
}

}  // namespace

std::string Story::node_id(uint32_t node) const {
  const uint32_t entity = graph.nodes[node].entity;
  if (entity < analysis.entities.size()) return analysis.entities[entity].id;
  return "n" + std::to_string(node);
}

int32_t Story::node_of_id(std::string_view entity_id) const {
  if (analysis.entities.empty()) {
    // Synthetic graphs: "n<i>".
    uint32_t node = 0;
    if (entity_id.size() < 2 || entity_id[0] != 'n') return -1;
    const auto [end, ec] =
        std::from_chars(entity_id.data() + 1, entity_id.data() + entity_id.size(), node);
    if (ec != std::errc() || end != entity_id.data() + entity_id.size()) return -1;
    return node < graph.node_count() ? static_cast<int32_t>(node) : -1;
  }
  for (size_t e = 0; e < analysis.entities.size(); ++e) {
    if (analysis.entities[e].id == entity_id)
      return e < graph.node_of_entity.size() ? graph.node_of_entity[e] : -1;
  }
  return -1;
}

int32_t Story::quote_index(std::string_view quote_id) const {
  for (size_t q = 0; q < analysis.quotes.size(); ++q)
    if (analysis.quotes[q].id == quote_id) return static_cast<int32_t>(q);
  return -1;
}

bool date_in_range(const DateInterval& date, const std::optional<TimeRange>& range) {
  if (!range || !date.known()) return true;
  const auto first = date_interval_from_iso(range->first);
  const auto last = date_interval_from_iso(range->last);
  if (first && date.last < first->first) return false;
  if (last && date.first > last->last) return false;
  return true;
}

Story make_story(Corpus corpus) {
  Analysis analysis = analyze(corpus);
  return make_story(std::move(corpus), std::move(analysis));
}

Story make_story(Corpus corpus, Analysis analysis) {
  Story story;
  story.corpus = std::move(corpus);
  story.analysis = std::move(analysis);
  // A document without a date shows the one its dateline gives (the one its relative dates were
  // read against), marked as read from the text.
  for (size_t d = 0; d < story.analysis.datelines.size() && d < story.corpus.documents.size();
       ++d) {
    DocumentMeta& meta = story.corpus.documents[d].meta;
    if (const auto& line = story.analysis.datelines[d]) {
      meta.date = line->value;
      meta.date_from_text = true;
    }
  }
  story.graph = build_entity_graph(story.corpus, story.analysis);
  compute_metrics(story);
  const SpanDater dater(story.corpus, story.analysis);
  story.quote_dates.reserve(story.analysis.quotes.size());
  for (const Quote& quote : story.analysis.quotes)
    story.quote_dates.push_back(dater.date_of(quote.span));
  return story;
}

Story make_synthetic_story(uint32_t nodes, uint32_t edges_per_node, uint64_t seed) {
  Story story;
  story.corpus.name = "synthetic";
  const graph_gen::Graph g = graph_gen::barabasi_albert(nodes, edges_per_node, seed);
  story.graph = entity_graph_from_edges(g.nodes, g.edges);
  compute_metrics(story);
  return story;  // no analysis, so no quotes to date
}

bool is_valid_selection(const Story& story, const Selection& selection) {
  if (selection.empty()) return true;
  if (selection.kind == "document") return story.corpus.find(selection.id) != nullptr;
  if (selection.kind == "entity") return story.node_of_id(selection.id) >= 0;
  if (selection.kind == "quote") return story.quote_index(selection.id) >= 0;
  if (selection.kind == "edge") {
    const size_t tilde = selection.id.find('~');
    if (tilde == std::string::npos) return false;
    const int32_t a = story.node_of_id(std::string_view(selection.id).substr(0, tilde));
    const int32_t b = story.node_of_id(std::string_view(selection.id).substr(tilde + 1));
    return a >= 0 && b >= 0 &&
           story.graph.find_edge(static_cast<uint32_t>(a), static_cast<uint32_t>(b)).has_value();
  }
  return false;
}

}  // namespace dramatis
