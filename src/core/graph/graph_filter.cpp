#include "core/graph/graph_filter.h"

namespace dramatis {

EntityTypeMask entity_type_mask(std::initializer_list<EntityType> types) {
  EntityTypeMask mask = 0;
  for (const EntityType t : types) mask |= entity_type_bit(t);
  return mask;
}

GraphView::GraphView(const EntityGraph& graph)
    : graph_(&graph),
      node_mask_(graph.nodes.size(), 1),
      edge_mask_(graph.edges.size(), 1),
      node_count_(graph.node_count()),
      edge_count_(graph.edge_count()) {}

std::vector<uint32_t> GraphView::nodes() const {
  std::vector<uint32_t> out;
  out.reserve(node_count_);
  for_each_node([&](uint32_t i) { out.push_back(i); });
  return out;
}

std::vector<uint32_t> GraphView::edges() const {
  std::vector<uint32_t> out;
  out.reserve(edge_count_);
  for_each_edge([&](uint32_t e) { out.push_back(e); });
  return out;
}

GraphView filter_graph(const EntityGraph& graph, const GraphFilter& filter) {
  GraphView view(graph);
  std::vector<uint8_t> doc_kept(graph.document_count, 1);
  if (filter.documents) {
    doc_kept.assign(graph.document_count, 0);
    for (const uint32_t d : *filter.documents) {
      if (d < doc_kept.size()) doc_kept[d] = 1;
    }
  }
  const bool by_place_or_time = filter.documents.has_value() || filter.dates.has_value();
  const auto passes = [&](uint32_t doc, const DateInterval& date) {
    if (doc >= doc_kept.size() || !doc_kept[doc]) return false;
    if (!filter.dates) return true;
    return date.known() ? date.overlaps(*filter.dates) : filter.keep_undated;
  };

  for (uint32_t i = 0; i < graph.node_count(); ++i) {
    const GraphNode& node = graph.nodes[i];
    bool keep = (filter.types & entity_type_bit(node.type)) != 0;
    if (keep && by_place_or_time) {
      keep = false;
      for (uint32_t s = node.stamps_begin; s < node.stamps_end && !keep; ++s)
        keep = passes(graph.node_stamps[s].doc, graph.node_stamps[s].date);
    }
    view.node_mask_[i] = keep ? 1 : 0;
  }
  for (const uint32_t hidden : filter.hidden_nodes) {
    if (hidden < view.node_mask_.size()) view.node_mask_[hidden] = 0;
  }

  std::vector<uint8_t> has_edge(graph.nodes.size(), 0);
  for (uint32_t e = 0; e < graph.edge_count(); ++e) {
    const GraphEdge& edge = graph.edges[e];
    bool keep =
        view.node_mask_[edge.a] && view.node_mask_[edge.b] && edge.weight >= filter.min_weight;
    if (keep && by_place_or_time) {
      keep = false;
      for (uint32_t s = edge.evidence_begin; s < edge.evidence_end && !keep; ++s)
        keep = passes(graph.evidence[s].doc, graph.evidence_dates[s]);
    }
    view.edge_mask_[e] = keep ? 1 : 0;
    if (keep) has_edge[edge.a] = has_edge[edge.b] = 1;
  }
  if (filter.drop_isolated) {
    for (uint32_t i = 0; i < graph.node_count(); ++i) view.node_mask_[i] &= has_edge[i];
  }

  view.node_count_ = 0;
  view.edge_count_ = 0;
  for (const uint8_t m : view.node_mask_) view.node_count_ += m;
  for (const uint8_t m : view.edge_mask_) view.edge_count_ += m;
  return view;
}

}  // namespace dramatis
