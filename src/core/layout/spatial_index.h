// Picking and rectangle queries over the nodes' circles (world units) without scanning every
// node: a uniform grid rebuilt whenever the layout moves, in O(n) and without new allocations
// once its capacity has grown. Exact: answers equal a brute-force scan with the same predicates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/layout/layout_types.h"

namespace dramatis::layout {

class SpatialIndex {
 public:
  // A uniform grid over the circles (centre `positions[i]`, radius `radii[i]`, world units). Cell
  // size comes from the mean radius (outliers capped) and the bounds; the cell count is at most
  // twice the node count plus 16. Nodes whose `visible` byte is 0 (when given), and nodes with a
  // non-finite position, are left out. A missing, negative or NaN radius counts as 0. A circle that
  // would span more than a few cells goes to a list that every query scans, so memory stays O(n)
  // whatever the radii. Build is O(n); rebuild each frame the layout moves.
  void build(std::span<const Point> positions, std::span<const float> radii,
             std::span<const uint8_t> visible = {});

  // The node whose circle grown by `slop` (world units; negative or NaN: 0) contains p, i.e.
  // dx*dx + dy*dy <= (r + slop)^2 in double; the nearest centre first, ties to the higher index
  // (drawn on top). -1 when none or when p is not finite.
  int32_t pick(Point p, double slop) const;

  // Every node whose circle intersects the axis-aligned rectangle [min, max] (corners swapped per
  // axis when given the wrong way round), i.e. the squared distance from the centre to the
  // nearest point of the rectangle is <= r*r. `out` is cleared, then filled in ascending index.
  // A rectangle with a NaN corner matches nothing.
  void query_rect(Point min, Point max, std::vector<uint32_t>& out) const;

  // Bytes held by the index (capacities, not sizes).
  size_t memory_bytes() const;

  size_t size() const { return items_.size(); }  // nodes indexed
  size_t cell_count() const { return cells_x_ * cells_y_; }

 private:
  struct Item {
    double x = 0, y = 0, r = 0;  // world units
    uint32_t node = 0;
  };
  struct CellRange {
    uint32_t x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // inclusive
  };

  uint32_t cell_x(double x) const;
  uint32_t cell_y(double y) const;
  CellRange cells_of(double min_x, double min_y, double max_x, double max_y) const;
  // Cells a query box touches, widened by a rounding margin so that no true hit is pruned.
  CellRange query_cells(double min_x, double min_y, double max_x, double max_y) const;
  // False when a query box misses the box around every circle in the grid (a clump far away).
  bool grid_touches(double min_x, double min_y, double max_x, double max_y) const;

  std::vector<Item> items_;           // indexed nodes, ascending node
  std::vector<uint32_t> cell_start_;  // CSR: items of cell c are cell_items_[start[c]..start[c+1])
  std::vector<uint32_t> cell_items_;  // indices into items_, ascending within a cell
  std::vector<uint32_t> large_;       // indices into items_ of circles spanning many cells
  double origin_x_ = 0, origin_y_ = 0;      // world point of the grid's corner
  double cell_size_ = 1;                    // world units
  double grid_min_x_ = 0, grid_min_y_ = 0;  // the box around every circle in the cells
  double grid_max_x_ = 0, grid_max_y_ = 0;
  double scale_ = 0;  // largest |coordinate| + radius seen, for rounding margins
  size_t cells_x_ = 0, cells_y_ = 0;
};

}  // namespace dramatis::layout
