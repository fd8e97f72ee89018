#include "core/graph/entity_graph.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <tuple>
#include <utility>

#include "core/graph/span_dates.h"

namespace dramatis {
namespace {

constexpr std::string_view kRelationNames[] = {"co-occurs", "joined",   "left",       "founded",
                                               "leads",     "works_at", "said_about", "other"};

bool parse_digits(std::string_view s, int32_t& value) {
  if (s.empty()) return false;
  value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

}  // namespace

std::string_view to_string(RelationKind kind) {
  return kRelationNames[static_cast<size_t>(kind)];
}

std::string join_relation_kinds(RelationKinds kinds, std::string_view separator) {
  std::string out;
  for (unsigned k = 0; k <= static_cast<unsigned>(RelationKind::Other); ++k) {
    const auto kind = static_cast<RelationKind>(k);
    if ((kinds & relation_bit(kind)) == 0) continue;
    if (!out.empty()) out += separator;
    out += to_string(kind);
  }
  return out;
}

RelationKind relation_kind_from_string(std::string_view type) {
  for (size_t i = 0; i + 1 < std::size(kRelationNames); ++i) {
    if (kRelationNames[i] == type) return static_cast<RelationKind>(i);
  }
  return RelationKind::Other;
}

std::optional<DateInterval> date_interval_from_iso(std::string_view iso) {
  int32_t year = 0;
  int32_t month = 0;
  int32_t day = 0;
  if (iso.size() < 4 || !parse_digits(iso.substr(0, 4), year) || year == 0) return std::nullopt;
  if (iso.size() == 4) return DateInterval{year * 10000 + 101, year * 10000 + 1231};
  if (iso.size() < 7 || iso[4] != '-' || !parse_digits(iso.substr(5, 2), month) || month < 1 ||
      month > 12)
    return std::nullopt;
  const int32_t year_month = year * 10000 + month * 100;
  if (iso.size() == 7) return DateInterval{year_month + 1, year_month + 31};
  if (iso.size() != 10 || iso[7] != '-' || !parse_digits(iso.substr(8, 2), day) || day < 1 ||
      day > 31)
    return std::nullopt;
  return DateInterval{year_month + day, year_month + day};
}

std::span<const Neighbor> EntityGraph::neighbors(uint32_t node) const {
  assert(node < nodes.size() && "node index out of range");
  return std::span<const Neighbor>(adjacency.data() + adjacency_offsets[node],
                                   adjacency_offsets[node + 1] - adjacency_offsets[node]);
}

std::optional<uint32_t> EntityGraph::find_edge(uint32_t a, uint32_t b) const {
  if (a >= nodes.size() || b >= nodes.size()) return std::nullopt;
  const std::span<const Neighbor> row = neighbors(a);
  const auto it = std::lower_bound(row.begin(), row.end(), b,
                                   [](const Neighbor& n, uint32_t v) { return n.node < v; });
  if (it == row.end() || it->node != b) return std::nullopt;
  return it->edge;
}

std::optional<uint32_t> EntityGraph::find_node(std::string_view name) const {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<uint32_t>(i);
  }
  return std::nullopt;
}

void build_adjacency(EntityGraph& graph) {
  // CSR adjacency by counting sort; edges are in (a, b) order, so every row comes out sorted
  // once the lower neighbours (from edges where the node is b) precede the higher ones.
  const uint32_t n = graph.node_count();
  graph.adjacency_offsets.assign(n + 1, 0);
  for (const GraphEdge& e : graph.edges) {
    ++graph.adjacency_offsets[e.a + 1];
    ++graph.adjacency_offsets[e.b + 1];
  }
  for (uint32_t i = 0; i < n; ++i) graph.adjacency_offsets[i + 1] += graph.adjacency_offsets[i];
  graph.adjacency.resize(graph.adjacency_offsets[n]);
  std::vector<uint32_t> fill(graph.adjacency_offsets.begin(), graph.adjacency_offsets.end() - 1);
  // Pass 1: neighbours below the node (edge.b's row gets edge.a), in increasing a order.
  for (uint32_t e = 0; e < graph.edge_count(); ++e)
    graph.adjacency[fill[graph.edges[e].b]++] = {graph.edges[e].a, e};
  // Pass 2: neighbours above the node, in increasing b order for each a.
  for (uint32_t e = 0; e < graph.edge_count(); ++e)
    graph.adjacency[fill[graph.edges[e].a]++] = {graph.edges[e].b, e};
}

EntityGraph build_entity_graph(const Corpus& corpus, const Analysis& analysis,
                               const GraphOptions& options) {
  EntityGraph graph;
  graph.document_count = static_cast<uint32_t>(corpus.documents.size());
  const SpanDater dater(corpus, analysis);

  // Nodes, in entity order.
  graph.node_of_entity.assign(analysis.entities.size(), -1);
  for (size_t e = 0; e < analysis.entities.size(); ++e) {
    const Entity& entity = analysis.entities[e];
    if (entity.type == EntityType::Date && !options.include_dates) continue;
    graph.node_of_entity[e] = static_cast<int32_t>(graph.nodes.size());
    GraphNode node;
    node.entity = static_cast<uint32_t>(e);
    node.type = entity.type;
    node.mentions = static_cast<uint32_t>(entity.mentions.size());
    node.stamps_begin = static_cast<uint32_t>(graph.node_stamps.size());
    std::vector<NodeStamp> stamps;
    stamps.reserve(entity.mentions.size());
    for (const DocSpan& m : entity.mentions) {
      if (m.doc < graph.document_count) stamps.push_back({m.doc, dater.date_of(m)});
    }
    std::sort(stamps.begin(), stamps.end(), [](const NodeStamp& x, const NodeStamp& y) {
      return std::tie(x.doc, x.date.first, x.date.last) <
             std::tie(y.doc, y.date.first, y.date.last);
    });
    stamps.erase(std::unique(stamps.begin(), stamps.end()), stamps.end());
    graph.node_stamps.insert(graph.node_stamps.end(), stamps.begin(), stamps.end());
    node.stamps_end = static_cast<uint32_t>(graph.node_stamps.size());
    graph.nodes.push_back(node);
    graph.names.push_back(entity.name);
  }

  // Relations grouped by unordered node pair; std::map keeps the pairs in (a, b) order.
  std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>> by_pair;
  const auto node_of = [&](int entity) -> int32_t {
    if (entity < 0 || static_cast<size_t>(entity) >= graph.node_of_entity.size()) return -1;
    return graph.node_of_entity[static_cast<size_t>(entity)];
  };
  for (size_t r = 0; r < analysis.relations.size(); ++r) {
    const int32_t s = node_of(analysis.relations[r].source);
    const int32_t t = node_of(analysis.relations[r].target);
    if (s < 0 || t < 0 || s == t) continue;
    const auto a = static_cast<uint32_t>(std::min(s, t));
    const auto b = static_cast<uint32_t>(std::max(s, t));
    by_pair[{a, b}].push_back(static_cast<uint32_t>(r));
  }

  graph.edges.reserve(by_pair.size());
  for (const auto& [pair, relations] : by_pair) {
    GraphEdge edge;
    edge.a = pair.first;
    edge.b = pair.second;
    edge.relations_begin = static_cast<uint32_t>(graph.edge_relations.size());
    std::vector<DocSpan> spans;
    for (const uint32_t r : relations) {
      const Relation& relation = analysis.relations[r];
      const RelationKind kind = relation_kind_from_string(relation.type);
      edge.kinds |= relation_bit(kind);
      edge.weight += relation.weight;
      if (kind == RelationKind::CoOccurs) edge.cooccurrence += relation.weight;
      if (kind == RelationKind::SaidAbout) {
        const bool from_a = node_of(relation.source) == static_cast<int32_t>(edge.a);
        (from_a ? edge.said_ab : edge.said_ba) += relation.weight;
      }
      graph.edge_relations.push_back(r);
      for (const DocSpan& s : relation.evidence) {
        if (s.doc < graph.document_count) spans.push_back(s);
      }
    }
    edge.relations_end = static_cast<uint32_t>(graph.edge_relations.size());
    std::sort(spans.begin(), spans.end(), [](const DocSpan& x, const DocSpan& y) {
      return std::tie(x.doc, x.start, x.end) < std::tie(y.doc, y.start, y.end);
    });
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    edge.evidence_begin = static_cast<uint32_t>(graph.evidence.size());
    for (const DocSpan& s : spans) {
      graph.evidence.push_back(s);
      graph.evidence_dates.push_back(dater.date_of(s));
    }
    edge.evidence_end = static_cast<uint32_t>(graph.evidence.size());
    graph.nodes[edge.a].weighted_degree += edge.weight;
    graph.nodes[edge.b].weighted_degree += edge.weight;
    graph.edges.push_back(edge);
  }

  build_adjacency(graph);

  for (GraphNode& node : graph.nodes) {
    node.size = options.size_by == NodeSize::Mentions ? static_cast<double>(node.mentions)
                                                      : node.weighted_degree;
  }
  return graph;
}

EntityGraph entity_graph_from_edges(uint32_t node_count, std::span<const layout::Edge> edges,
                                    std::span<const float> weights) {
  EntityGraph graph;
  graph.nodes.resize(node_count);
  graph.names.resize(node_count);
  graph.node_of_entity.resize(node_count);
  for (uint32_t i = 0; i < node_count; ++i) {
    graph.nodes[i].entity = i;
    graph.names[i] = "n" + std::to_string(i);
    graph.node_of_entity[i] = static_cast<int32_t>(i);
  }
  // One edge per unordered pair: duplicates add their weights, self-loops and edges naming
  // missing nodes are dropped (the graph's invariants, which build_entity_graph also keeps).
  std::vector<std::tuple<uint32_t, uint32_t, double>> pairs;
  pairs.reserve(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    auto [a, b] = edges[i];
    if (a == b || a >= node_count || b >= node_count) continue;
    if (a > b) std::swap(a, b);
    pairs.emplace_back(a, b, weights.empty() ? 1.0 : static_cast<double>(weights[i]));
  }
  std::sort(pairs.begin(), pairs.end());
  for (const auto& [a, b, w] : pairs) {
    if (!graph.edges.empty() && graph.edges.back().a == a && graph.edges.back().b == b) {
      graph.edges.back().weight += w;
      graph.edges.back().cooccurrence += w;
      continue;
    }
    GraphEdge edge;
    edge.a = a;
    edge.b = b;
    edge.weight = w;
    edge.cooccurrence = w;
    edge.kinds = relation_bit(RelationKind::CoOccurs);
    graph.edges.push_back(edge);
  }
  for (const GraphEdge& e : graph.edges) {
    graph.nodes[e.a].weighted_degree += e.weight;
    graph.nodes[e.b].weighted_degree += e.weight;
  }
  build_adjacency(graph);
  for (GraphNode& node : graph.nodes) {
    node.mentions = static_cast<uint32_t>(
        graph.neighbors(static_cast<uint32_t>(&node - graph.nodes.data())).size());
    node.size = static_cast<double>(node.mentions);
  }
  return graph;
}

}  // namespace dramatis
