// A Barnes–Hut quadtree over weighted points, rebuilt every layout iteration, that sums the
// inverse-distance repulsion field (ForceAtlas2's k_r * m1 * m2 / d law) in O(n log n).
// Flat arrays whose capacity is kept between builds, so an iteration allocates nothing.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/layout/layout_types.h"

namespace dramatis::layout {

// Pairs closer than this (world units) repel as if they were this far apart, so forces stay
// finite; exactly coincident pairs are pushed apart along coincident_direction().
inline constexpr double kMinDistance = 0.01;

// A unit vector chosen from the pair (i, j) alone; the one for (j, i) is its opposite, so two
// nodes on top of each other separate symmetrically and the same way on every platform.
Point coincident_direction(uint32_t i, uint32_t j);

// The repulsion that a unit mass at `delta` (= position of the body - position of the source)
// feels from a source of mass `mass`: delta * mass / max(|delta|^2, kMinDistance^2). Coincident
// points (|delta| ~ 0) use coincident_direction(body, source) scaled to kMinDistance.
Point inverse_distance_push(Point delta, double mass, uint32_t body, uint32_t source);

class BarnesHutTree {
 public:
  // Builds the tree over `positions` with `masses` (same length). Reuses earlier capacity.
  void build(std::span<const Point> positions, std::span<const double> masses);

  // Sum over all other bodies j of inverse_distance_push(p_i - p_j, m_j), with far cells taken
  // as one body at their centre of mass when width / distance < theta. The caller multiplies by
  // k_r * m_i.
  Point repulsion(uint32_t body, double theta) const;

  // repulsion(a) and repulsion(b), bit for bit, from one walk of the tree in two-lane vector
  // arithmetic (SSE2 natively, WebAssembly SIMD where the build enables it): a cell both bodies
  // accept or both open is read once. Each lane visits the cells its own walk would, in the same
  // order, and does the same operations on them, so the sums are the scalar ones. Bodies that
  // are neighbours in spatial_order() share most of their walk. `b` may equal `a`.
  void repulsion_pair(uint32_t a, uint32_t b, double theta, Point& force_a, Point& force_b) const;

  // The same sum over every pair, O(n): the reference that tests compare the tree against.
  static Point exact_repulsion(uint32_t body, std::span<const Point> positions,
                               std::span<const double> masses);

  // The bodies in the tree's depth-first leaf order: neighbours in space come one after the
  // other, so visiting bodies in this order keeps the cells they open in cache. Per-body sums
  // do not depend on the order, so neither do the forces.
  const std::vector<uint32_t>& spatial_order() const { return order_; }

  size_t cell_count() const { return cells_.size(); }

 private:
  struct Cell {
    double cx = 0, cy = 0, half = 0;  // the square: centre and half width (world units)
    double mx = 0, my = 0;            // sum of mass * position while building, then centre of mass
    double mass = 0;
    int32_t child = -1;  // first of four consecutive children, or -1 for a leaf
    int32_t body = -1;   // a leaf's first body (more are chained through next_), or -1
  };

  // The traversal's copy of the tree, made after the build: cells in depth-first order with
  // each cell's non-empty children next to each other, and each leaf's bodies (positions and
  // masses copied) in one run of body_*, so a traversal reads memory mostly forward. The
  // children and bodies are visited in the same order as in cells_, so every sum is the same.
  struct alignas(64) Node {  // one cache line
    double mx = 0, my = 0;   // centre of mass
    double mass = 0;
    double width2 = 0;  // (2 * half)^2
    double cx = 0, cy = 0, half = 0;
    int32_t first = 0;  // first child node, or a leaf's first body in body_*
    int32_t count = 0;  // children (non-empty ones, 1 to 4), or minus a leaf's bodies
  };

  void insert(uint32_t body);
  int32_t make_children(int32_t cell);
  void compact(int32_t cell, int32_t node);

  std::span<const Point> positions_;
  std::span<const double> masses_;
  std::vector<Cell> cells_;
  std::vector<int32_t> next_;    // next body in the same leaf, or -1
  std::vector<uint32_t> order_;  // bodies in leaf order (spatial_order())
  std::vector<Node> nodes_;
  std::vector<Point> body_position_;  // positions_[order_[k]]
  std::vector<double> body_mass_;     // masses_[order_[k]]
};

}  // namespace dramatis::layout
