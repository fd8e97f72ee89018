#include "core/view/view_graph.h"

#include <algorithm>
#include <string>

#include "core/view/apply_edits.h"

namespace dramatis {
namespace {

// The graph nodes a selection centres on: an entity's node, or both ends of an edge.
std::vector<uint32_t> selection_centres(const Story& story, const Selection& selection) {
  std::vector<uint32_t> centres;
  auto add = [&](std::string_view id) {
    const int32_t node = story.node_of_id(id);
    if (node >= 0) centres.push_back(static_cast<uint32_t>(node));
  };
  if (selection.kind == kSelectEntity) add(selection.id);
  if (selection.kind == kSelectEdge) {
    const size_t tilde = selection.id.find('~');
    if (tilde != std::string::npos) {
      add(std::string_view(selection.id).substr(0, tilde));
      add(std::string_view(selection.id).substr(tilde + 1));
    }
  }
  return centres;
}

}  // namespace

GraphFilter view_graph_filter(const Story& story, const ViewState& view, const UserEdits& edits) {
  GraphFilter filter;
  filter.types = view.filters.types;
  filter.min_weight = view.filters.min_weight;
  if (view.filters.documents) {
    std::vector<uint32_t> documents;
    for (const std::string& id : *view.filters.documents) {
      for (uint32_t d = 0; d < story.corpus.documents.size(); ++d)
        if (story.corpus.documents[d].meta.id == id) documents.push_back(d);
    }
    filter.documents = std::move(documents);
  }
  if (view.time_range) {
    const auto first = date_interval_from_iso(view.time_range->first);
    const auto last = date_interval_from_iso(view.time_range->last);
    if (first || last) {
      filter.dates = DateInterval{first ? first->first : 0, last ? last->last : 99991231};
      filter.keep_undated = true;
    }
  }
  for (const uint32_t entity : hidden_entity_indices(story.analysis, edits)) {
    if (entity < story.graph.node_of_entity.size() && story.graph.node_of_entity[entity] >= 0)
      filter.hidden_nodes.push_back(static_cast<uint32_t>(story.graph.node_of_entity[entity]));
  }
  return filter;
}

size_t cap_shown_nodes(const Story& story, std::vector<uint8_t>& visible,
                       const std::vector<uint32_t>& keep, size_t limit) {
  std::vector<uint32_t> shown;
  for (uint32_t v = 0; v < visible.size(); ++v)
    if (visible[v]) shown.push_back(v);
  if (shown.size() <= limit) return 0;
  const auto mentions = [&](uint32_t v) {
    return v < story.graph.nodes.size() ? story.graph.nodes[v].mentions : 0;
  };
  std::vector<uint8_t> kept(visible.size(), 0);
  size_t count = 0;
  for (const uint32_t v : keep) {
    if (count < limit && v < visible.size() && visible[v] && !kept[v]) {
      kept[v] = 1;
      ++count;
    }
  }
  // Partial selection, not a full sort: O(n) on average for the 2 million node graphs the app
  // can generate.
  const auto more_mentioned = [&](uint32_t a, uint32_t b) {
    return mentions(a) != mentions(b) ? mentions(a) > mentions(b) : a < b;
  };
  std::erase_if(shown, [&](uint32_t v) { return kept[v] != 0; });
  const size_t wanted = std::min(limit - count, shown.size());
  std::nth_element(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(wanted), shown.end(),
                   more_mentioned);
  for (size_t i = 0; i < wanted; ++i) kept[shown[i]] = 1;
  const size_t removed = shown.size() - wanted;
  visible = std::move(kept);
  return removed;
}

std::vector<uint8_t> view_visible_nodes(const Story& story, const ViewState& view,
                                        const UserEdits& edits, size_t* capped) {
  const GraphView filtered = filter_graph(story.graph, view_graph_filter(story, view, edits));
  std::vector<uint8_t> visible(story.graph.node_count(), 0);
  filtered.for_each_node([&](uint32_t node) { visible[node] = 1; });
  const std::vector<uint32_t> centres = selection_centres(story, view.selection);
  const auto capped_result = [&](std::vector<uint8_t> shown) {
    const size_t removed = cap_shown_nodes(story, shown, centres);
    if (capped != nullptr) *capped = removed;
    return shown;
  };
  if (view.ego_depth <= 0) return capped_result(std::move(visible));

  std::vector<uint32_t> frontier;
  for (const uint32_t centre : centres)
    if (filtered.has_node(centre)) frontier.push_back(centre);
  if (frontier.empty()) return capped_result(std::move(visible));

  // Breadth-first within the filtered graph, `ego_depth` hops from the centres.
  std::vector<uint8_t> ego(story.graph.node_count(), 0);
  for (const uint32_t node : frontier) ego[node] = 1;
  for (int depth = 0; depth < view.ego_depth && !frontier.empty(); ++depth) {
    std::vector<uint32_t> next;
    for (const uint32_t node : frontier) {
      filtered.for_each_neighbor(node, [&](uint32_t neighbor, uint32_t) {
        if (ego[neighbor]) return;
        ego[neighbor] = 1;
        next.push_back(neighbor);
      });
    }
    frontier = std::move(next);
  }
  return capped_result(std::move(ego));
}

}  // namespace dramatis
