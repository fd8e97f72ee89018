// Filtered views of an EntityGraph: a mask over its nodes and edges (entity types, minimum
// edge weight, documents, a date range, hidden nodes), so panels, metrics and the layout see a
// subgraph without the graph being copied. Edge weights are the whole graph's, never re-summed.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>

#include "core/graph/entity_graph.h"

namespace dramatis {

using EntityTypeMask = uint32_t;  // bit (1 << EntityType)
constexpr EntityTypeMask kAllEntityTypes = 0xFFFFFFFFu;
constexpr EntityTypeMask entity_type_bit(EntityType type) {
  return EntityTypeMask{1} << static_cast<unsigned>(type);
}
EntityTypeMask entity_type_mask(std::initializer_list<EntityType> types);

struct GraphFilter {
  EntityTypeMask types = kAllEntityTypes;  // nodes of other types are left out
  double min_weight = 0.0;                 // edges lighter than this are left out
  // Document indices (into Corpus::documents) to keep; std::nullopt keeps them all. A node stays
  // when it has a mention in a kept document, an edge when it has evidence in one.
  std::optional<std::vector<uint32_t>> documents;
  // Inclusive date range; std::nullopt: no date filter. A node stays when one of its mentions,
  // an edge when one of its evidence spans, is dated (EntityGraph: by the event around it, else
  // its document's date) within the range and lies in a kept document.
  std::optional<DateInterval> dates;
  bool keep_undated = true;            // undated mentions and evidence pass the date filter
  std::vector<uint32_t> hidden_nodes;  // node indices the user hid
  bool drop_isolated = false;          // leave out nodes with no edge left in the view
};

// A subgraph of `graph`, which must outlive the view. Node and edge indices are the graph's.
class GraphView {
 public:
  GraphView() = default;
  explicit GraphView(const EntityGraph& graph);  // the whole graph

  const EntityGraph& graph() const { return *graph_; }
  bool has_node(uint32_t node) const { return node_mask_[node] != 0; }
  bool has_edge(uint32_t edge) const { return edge_mask_[edge] != 0; }
  uint32_t node_count() const { return node_count_; }  // nodes in the view
  uint32_t edge_count() const { return edge_count_; }  // edges in the view

  // f(node index) for each node in the view, in index order.
  template <class F>
  void for_each_node(F&& f) const {
    for (uint32_t i = 0; i < node_mask_.size(); ++i)
      if (node_mask_[i]) f(i);
  }
  // f(edge index) for each edge in the view, in (a, b) order.
  template <class F>
  void for_each_edge(F&& f) const {
    for (uint32_t e = 0; e < edge_mask_.size(); ++e)
      if (edge_mask_[e]) f(e);
  }
  // f(neighbour node, edge index) for each edge of `node` in the view, by neighbour index.
  template <class F>
  void for_each_neighbor(uint32_t node, F&& f) const {
    for (const Neighbor& n : graph_->neighbors(node))
      if (edge_mask_[n.edge]) f(n.node, n.edge);
  }
  std::vector<uint32_t> nodes() const;  // the view's node indices, ascending
  std::vector<uint32_t> edges() const;  // the view's edge indices, ascending

 private:
  friend GraphView filter_graph(const EntityGraph& graph, const GraphFilter& filter);
  const EntityGraph* graph_ = nullptr;
  std::vector<uint8_t> node_mask_;  // 1: in the view
  std::vector<uint8_t> edge_mask_;  // 1: in the view (both ends are then in it too)
  uint32_t node_count_ = 0;
  uint32_t edge_count_ = 0;
};

GraphView filter_graph(const EntityGraph& graph, const GraphFilter& filter);

}  // namespace dramatis
