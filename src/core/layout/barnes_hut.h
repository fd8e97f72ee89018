// A Barnes–Hut quadtree over weighted points, rebuilt every layout iteration, that sums the
// inverse-distance repulsion field (ForceAtlas2's k_r * m1 * m2 / d law) in O(n log n).
// Flat arrays whose capacity is kept between builds, so a build allocates nothing new.
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

  // Bodies close together in space, at most kGroupSize of them (a subtree of the tree each),
  // share one walk: a cell far enough from the group's bounding box by the Barnes–Hut test
  // (width / distance < theta, measured to the box's nearest point) is taken whole for all of
  // them, any other cell is opened, down to leaves whose bodies are summed one by one. A cell
  // a group takes whole, each of its bodies would have taken alone, so no sum is coarser than
  // a walk per body would make it; the walk's cost is shared by the group, and the sums run
  // in two-lane vector arithmetic (SSE2 natively, WebAssembly SIMD where the build enables
  // it), each lane adding its body's terms in list order. 32 was the fastest of 8 to 128 on
  // the 10k-node benchmark graph at theta 0.5 and 1.2 (docs/performance.md).
  static constexpr int32_t kGroupSize = 32;

  // What a group's walk found: cells taken whole, and runs of single bodies (leaves).
  struct Interactions {
    std::vector<double> cell_x, cell_y, cell_mass;
    std::vector<int32_t> leaf_begin, leaf_end;  // ranges into the tree's body arrays
  };

  size_t group_count() const { return groups_.size(); }
  // The group's bodies, as indices into the positions given to build().
  std::span<const uint32_t> group_bodies(size_t group) const;
  // For each body i of the group, sums[i] = the sum over all other bodies j of
  // inverse_distance_push(p_i - p_j, m_j), far cells as one body at their centre of mass. The
  // caller multiplies by k_r * m_i. `scratch` is reused between calls; groups write disjoint
  // entries of `sums`, so threads may run different groups at once.
  void group_repulsion(size_t group, double theta, Interactions& scratch,
                       std::span<Point> sums) const;

  // The same sum over every pair, O(n): the reference that tests compare the tree against.
  static Point exact_repulsion(uint32_t body, std::span<const Point> positions,
                               std::span<const double> masses);

  size_t cell_count() const { return cells_.size(); }

 private:
  // A cell's square: centre and half width (world units). Cells do not store theirs: the walks
  // down the tree work it out from the root's, which keeps the build's cells small.
  struct Square {
    double cx = 0, cy = 0, half = 0;
    Square quadrant(int32_t q) const;  // q: bit 0 the right half, bit 1 the upper one
    int32_t quadrant_of(Point p) const;
  };

  // 32 bytes, so that cells never straddle cache lines: a leaf keeps its first body in `link`.
  struct Cell {
    static constexpr int32_t kEmpty = INT32_MIN;
    double mx = 0, my = 0;  // sum of mass * position while building, then centre of mass
    double mass = 0;
    // The first of four consecutive children (>= 0); or for a leaf, kEmpty or ~(its first
    // body), more bodies being chained through next_.
    int32_t link = kEmpty;
    int32_t bodies = 0;  // bodies in the cell's subtree

    bool leaf() const { return link < 0; }
    int32_t first_body() const { return link == kEmpty ? -1 : ~link; }  // -1: none
    void set_first_body(int32_t body) { link = body < 0 ? kEmpty : ~body; }
  };

  // A group: bodies [first, first + count) of body_*, and their bounding box.
  struct Group {
    int32_t first = 0, count = 0;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
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
  // Copies the subtree of `cell` into nodes_ from `node` on, and makes the first cell on each
  // path down with at most kGroupSize bodies a group.
  void compact(int32_t cell, int32_t node, bool in_group, Square square);
  // Sets the bounding box of the group just compacted.
  void bound_last_group();

  std::span<const Point> positions_;
  std::span<const double> masses_;
  Square root_;
  std::vector<Cell> cells_;
  std::vector<int32_t> next_;    // next body in the same leaf, or -1
  std::vector<uint32_t> order_;  // bodies in depth-first leaf order: groups are runs of it
  std::vector<Node> nodes_;
  std::vector<Point> body_position_;  // positions_[order_[k]]
  std::vector<double> body_mass_;     // masses_[order_[k]]
  std::vector<Group> groups_;
};

}  // namespace dramatis::layout
