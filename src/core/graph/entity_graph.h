// The entity graph of a corpus: one node per entity, one undirected edge per pair of entities
// that the analysis relates, carrying the merged weight, the typed relations and every evidence
// span. Compact: nodes and edges in flat arrays, CSR adjacency, indices instead of pointers.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/layout/layout_types.h"
#include "core/nlp/analysis.h"

namespace dramatis {

// The relation types of Analysis::relations, as bits so an edge can hold several.
enum class RelationKind : uint8_t {
  CoOccurs,
  Joined,
  Left,
  Founded,
  Leads,
  WorksAt,
  SaidAbout,
  Other
};
using RelationKinds = uint16_t;  // bit (1 << RelationKind)
constexpr RelationKinds relation_bit(RelationKind kind) {
  return static_cast<RelationKinds>(1u << static_cast<unsigned>(kind));
}
std::string_view to_string(RelationKind kind);  // "co-occurs", "joined", ..., "other"
RelationKind relation_kind_from_string(std::string_view type);  // Other when unknown
// The kinds set in `kinds`, in enum order, joined by `separator` ("co-occurs, joined").
std::string join_relation_kinds(RelationKinds kinds, std::string_view separator);

// An inclusive range of calendar days as YYYYMMDD integers (2025-11 is 20251101..20251131: the
// day need not exist, only the order matters). first == 0 means undated.
struct DateInterval {
  int32_t first = 0;
  int32_t last = 0;
  bool known() const { return first != 0; }
  bool overlaps(const DateInterval& other) const {
    return first <= other.last && other.first <= last;
  }
  friend bool operator==(const DateInterval&, const DateInterval&) = default;
};
// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (what DocumentMeta::date and DateMention::value hold).
std::optional<DateInterval> date_interval_from_iso(std::string_view iso);

// Where and when a node was mentioned: one per distinct (document, date) of its mentions.
struct NodeStamp {
  uint32_t doc = 0;
  DateInterval date;
  friend bool operator==(const NodeStamp&, const NodeStamp&) = default;
};

struct GraphNode {
  uint32_t entity = 0;  // index into Analysis::entities
  EntityType type = EntityType::Person;
  uint32_t mentions = 0;         // number of mentions in the corpus
  double weighted_degree = 0.0;  // sum of the weights of its edges (whole graph)
  double size = 0.0;             // mentions or weighted_degree, per GraphOptions::size_by
  uint32_t stamps_begin = 0;     // [begin, end) into EntityGraph::node_stamps
  uint32_t stamps_end = 0;
};

struct GraphEdge {
  uint32_t a = 0;  // node indices, a < b
  uint32_t b = 0;
  double weight = 0.0;        // sum of the weights of every relation merged into the edge
  double cooccurrence = 0.0;  // weight of the "co-occurs" relation (sentences shared)
  double said_ab = 0.0;       // "said_about" weight with a as the speaker (quotes)
  double said_ba = 0.0;       // "said_about" weight with b as the speaker
  RelationKinds kinds = 0;
  uint32_t relations_begin = 0;  // [begin, end) into EntityGraph::edge_relations
  uint32_t relations_end = 0;
  uint32_t evidence_begin = 0;  // [begin, end) into EntityGraph::evidence / evidence_dates
  uint32_t evidence_end = 0;
};

struct Neighbor {
  uint32_t node = 0;
  uint32_t edge = 0;
};

struct EntityGraph {
  std::vector<GraphNode> nodes;    // in entity order
  std::vector<std::string> names;  // the entity's name, per node
  std::vector<GraphEdge> edges;    // sorted by (a, b)
  // CSR adjacency: node i's neighbours are adjacency[adjacency_offsets[i] ..
  // adjacency_offsets[i + 1]), sorted by neighbour index.
  std::vector<uint32_t> adjacency_offsets;
  std::vector<Neighbor> adjacency;
  std::vector<uint32_t> edge_relations;  // indices into Analysis::relations, per edge
  // The union of the merged relations' evidence, per edge sorted by (doc, start, end) without
  // duplicates, and the date each span is about (see build_entity_graph).
  std::vector<DocSpan> evidence;
  std::vector<DateInterval> evidence_dates;
  std::vector<NodeStamp> node_stamps;
  std::vector<int32_t> node_of_entity;  // per entity: its node, or -1 when left out
  uint32_t document_count = 0;

  uint32_t node_count() const { return static_cast<uint32_t>(nodes.size()); }
  uint32_t edge_count() const { return static_cast<uint32_t>(edges.size()); }
  std::span<const Neighbor> neighbors(uint32_t node) const;
  std::optional<uint32_t> find_edge(uint32_t a, uint32_t b) const;  // either order
  std::optional<uint32_t> find_node(std::string_view name) const;   // first with that name
};

enum class NodeSize : uint8_t { Mentions, WeightedDegree };

struct GraphOptions {
  bool include_dates = false;  // DATE entities as nodes: off, dates are a filter, not a cast
  NodeSize size_by = NodeSize::Mentions;
};

// Builds the graph. Relations whose ends are missing, equal or left out are skipped. Dates of
// evidence and mentions, used by the date filter: the date of an Analysis::Event whose span (same
// document) contains the span, when it has one; else the document's date, which is its
// DocumentMeta::date, else the latest absolute (non-relative) DateMention in the document, else
// undated.
EntityGraph build_entity_graph(const Corpus& corpus, const Analysis& analysis,
                               const GraphOptions& options = {});

// Fills graph.adjacency_offsets and graph.adjacency (CSR) from graph.edges, which must be sorted
// by (a, b) with a < b: every row comes out sorted by neighbour index.
void build_adjacency(EntityGraph& graph);

// A graph with no corpus behind it (benchmarks, the app's synthetic mode): nodes named "n0", ...,
// of type PERSON, one per index below node_count; `weights` empty (all 1) or one per edge.
// Entity indices equal node indices; mentions and size are the node's degree.
EntityGraph entity_graph_from_edges(uint32_t node_count, std::span<const layout::Edge> edges,
                                    std::span<const float> weights = {});

}  // namespace dramatis
