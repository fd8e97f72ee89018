#include "core/layout/spatial_index.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dramatis::layout {
namespace {

// A circle whose bounding box touches more cells than this is kept in the scanned list instead:
// with cells about two mean radii wide, typical circles touch 1 to 4 cells.
constexpr size_t kMaxCellsPerCircle = 16;

// Relative width of the margin added to query boxes: rounding in the cell arithmetic is about
// 1e-16 of the coordinates' size, so 1e-9 keeps every true hit with room to spare.
constexpr double kRoundingMargin = 1e-9;

constexpr double kInf = std::numeric_limits<double>::infinity();

// Cell of a coordinate, clamped to [0, cells - 1]; NaN and -inf go to 0. Monotone in x, so a
// point shared by two boxes lies in a cell both boxes' ranges contain.
uint32_t clamp_cell(double x, double origin, double size, size_t cells) {
  const double t = (x - origin) / size;
  if (!(t > 0)) return 0;
  const double last = static_cast<double>(cells - 1);
  if (t >= last) return static_cast<uint32_t>(cells - 1);
  return static_cast<uint32_t>(t);
}

}  // namespace

uint32_t SpatialIndex::cell_x(double x) const {
  return clamp_cell(x, origin_x_, cell_size_, cells_x_);
}
uint32_t SpatialIndex::cell_y(double y) const {
  return clamp_cell(y, origin_y_, cell_size_, cells_y_);
}

SpatialIndex::CellRange SpatialIndex::cells_of(double min_x, double min_y, double max_x,
                                               double max_y) const {
  return {cell_x(min_x), cell_y(min_y), cell_x(max_x), cell_y(max_y)};
}

SpatialIndex::CellRange SpatialIndex::query_cells(double min_x, double min_y, double max_x,
                                                  double max_y) const {
  const double pad = kRoundingMargin * (scale_ + std::abs(min_x) + std::abs(max_x) +
                                        std::abs(min_y) + std::abs(max_y));
  return cells_of(min_x - pad, min_y - pad, max_x + pad, max_y + pad);
}

bool SpatialIndex::grid_touches(double min_x, double min_y, double max_x, double max_y) const {
  if (cells_x_ == 0) return false;
  // The same rounding margin as query_cells(): a true hit is never ruled out here.
  const double pad = kRoundingMargin * (scale_ + std::abs(min_x) + std::abs(max_x) +
                                        std::abs(min_y) + std::abs(max_y));
  return min_x - pad <= grid_max_x_ && max_x + pad >= grid_min_x_ && min_y - pad <= grid_max_y_ &&
         max_y + pad >= grid_min_y_;
}

void SpatialIndex::build(std::span<const Point> positions, std::span<const float> radii,
                         std::span<const uint8_t> visible) {
  items_.clear();
  large_.clear();
  cell_items_.clear();
  cell_start_.clear();
  cells_x_ = cells_y_ = 0;
  scale_ = 0;

  items_.reserve(positions.size());
  double min_x = kInf, min_y = kInf, max_x = -kInf, max_y = -kInf;
  for (size_t i = 0; i < positions.size(); ++i) {
    if (i < visible.size() && visible[i] == 0) continue;
    const Point p = positions[i];
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    double r = i < radii.size() ? static_cast<double>(radii[i]) : 0.0;
    if (!(r >= 0)) r = 0;  // negative or NaN; +inf stays and matches everything
    items_.push_back({p.x, p.y, r, static_cast<uint32_t>(i)});
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  const size_t m = items_.size();
  if (m == 0) return;

  // Cell size: about two mean radii (radii capped at the extent, so that a few huge circles do
  // not make one cell of everything), and never so small that the grid exceeds max_cells.
  const double width = max_x - min_x, height = max_y - min_y;  // inf on overflow
  const double extent = std::max(width, height);
  const size_t max_cells = 2 * m + 16;
  origin_x_ = min_x;
  origin_y_ = min_y;
  if (!std::isfinite(extent)) {
    cell_size_ = kInf;  // coordinates near the double range: one cell, scanned whole
    cells_x_ = cells_y_ = 1;
  } else {
    // A robust mean: radii capped at the extent, then (three times) at four times the mean so
    // far, so that 1% of circles a thousand times larger leave the cells sized for the rest.
    double cap = extent > 0 ? extent : kInf;
    double mean_r = 0;
    for (int round = 0; round < 4; ++round) {
      double sum_r = 0;
      for (const Item& it : items_) sum_r += std::min(it.r, cap);
      mean_r = sum_r / static_cast<double>(m);
      if (!(mean_r > 0) || !std::isfinite(mean_r)) break;
      cap = 4.0 * mean_r;
    }
    double size = 2.0 * mean_r;
    if (!(size > 0) || !std::isfinite(size)) {
      size = extent > 0 ? extent / std::sqrt(static_cast<double>(m)) : 1.0;
    }
    size = std::max({size, width / static_cast<double>(max_cells),
                     height / static_cast<double>(max_cells),
                     std::sqrt(width * height / static_cast<double>(max_cells))});
    const auto count = [&](double s) {
      return (std::floor(width / s) + 1.0) * (std::floor(height / s) + 1.0);
    };
    // At most a few doublings: the bounds above already make count() close to max_cells.
    for (int guard = 0; guard < 64 && count(size) > static_cast<double>(max_cells); ++guard) {
      size *= 2.0;
    }
    cell_size_ = size;
    cells_x_ = static_cast<size_t>(std::floor(width / size)) + 1;
    cells_y_ = static_cast<size_t>(std::floor(height / size)) + 1;
  }
  const size_t cells = cells_x_ * cells_y_;

  // Counting sort of (cell, item) pairs into CSR: count, prefix sum, fill, shift back.
  cell_start_.assign(cells + 1, 0);
  double max_abs = 0, max_grid_r = 0;
  grid_min_x_ = grid_min_y_ = kInf;
  grid_max_x_ = grid_max_y_ = -kInf;
  for (uint32_t k = 0; k < m; ++k) {
    const Item& it = items_[k];
    max_abs = std::max({max_abs, std::abs(it.x), std::abs(it.y)});
    const CellRange c = cells_of(it.x - it.r, it.y - it.r, it.x + it.r, it.y + it.r);
    const size_t span = size_t{c.x1 - c.x0 + 1} * size_t{c.y1 - c.y0 + 1};
    if (span > kMaxCellsPerCircle) {
      large_.push_back(k);
      continue;
    }
    max_grid_r = std::max(max_grid_r, it.r);
    grid_min_x_ = std::min(grid_min_x_, it.x - it.r);
    grid_min_y_ = std::min(grid_min_y_, it.y - it.r);
    grid_max_x_ = std::max(grid_max_x_, it.x + it.r);
    grid_max_y_ = std::max(grid_max_y_, it.y + it.r);
    for (uint32_t cy = c.y0; cy <= c.y1; ++cy) {
      for (uint32_t cx = c.x0; cx <= c.x1; ++cx) ++cell_start_[cy * cells_x_ + cx + 1];
    }
  }
  for (size_t c = 0; c < cells; ++c) cell_start_[c + 1] += cell_start_[c];
  cell_items_.resize(cell_start_[cells]);
  size_t next_large = 0;
  for (uint32_t k = 0; k < m; ++k) {
    if (next_large < large_.size() && large_[next_large] == k) {
      ++next_large;
      continue;
    }
    const Item& it = items_[k];
    const CellRange c = cells_of(it.x - it.r, it.y - it.r, it.x + it.r, it.y + it.r);
    for (uint32_t cy = c.y0; cy <= c.y1; ++cy) {
      for (uint32_t cx = c.x0; cx <= c.x1; ++cx) cell_items_[cell_start_[cy * cells_x_ + cx]++] = k;
    }
  }
  // Each start now holds its cell's end, which is the next cell's start: shift by one.
  for (size_t c = cells; c > 0; --c) cell_start_[c] = cell_start_[c - 1];
  cell_start_[0] = 0;
  scale_ = max_abs + max_grid_r;
}

int32_t SpatialIndex::pick(Point p, double slop) const {
  if (!std::isfinite(p.x) || !std::isfinite(p.y) || items_.empty()) return -1;
  const double s = slop > 0 ? slop : 0.0;  // NaN and negative: 0
  int32_t best = -1;
  double best_d2 = kInf;
  const auto consider = [&](uint32_t k) {
    const Item& it = items_[k];
    const double dx = p.x - it.x, dy = p.y - it.y;
    const double d2 = dx * dx + dy * dy;
    const double rr = it.r + s;
    if (!(d2 <= rr * rr)) return;
    const auto node = static_cast<int32_t>(it.node);
    if (best < 0 || d2 < best_d2 || (d2 == best_d2 && node > best)) {
      best = node;
      best_d2 = d2;
    }
  };
  if (grid_touches(p.x - s, p.y - s, p.x + s, p.y + s)) {
    const CellRange q = query_cells(p.x - s, p.y - s, p.x + s, p.y + s);
    for (uint32_t cy = q.y0; cy <= q.y1; ++cy) {
      for (uint32_t cx = q.x0; cx <= q.x1; ++cx) {
        const size_t c = cy * cells_x_ + cx;
        for (uint32_t e = cell_start_[c]; e < cell_start_[c + 1]; ++e) consider(cell_items_[e]);
      }
    }
  }
  for (uint32_t k : large_) consider(k);
  return best;
}

void SpatialIndex::query_rect(Point min, Point max, std::vector<uint32_t>& out) const {
  out.clear();
  if (std::isnan(min.x) || std::isnan(min.y) || std::isnan(max.x) || std::isnan(max.y)) return;
  if (items_.empty()) return;
  const double x0 = std::min(min.x, max.x), x1 = std::max(min.x, max.x);
  const double y0 = std::min(min.y, max.y), y1 = std::max(min.y, max.y);
  const auto hits = [&](const Item& it) {
    const double dx = it.x - std::clamp(it.x, x0, x1);
    const double dy = it.y - std::clamp(it.y, y0, y1);
    return dx * dx + dy * dy <= it.r * it.r;
  };
  if (grid_touches(x0, y0, x1, y1)) {
    const CellRange q = query_cells(x0, y0, x1, y1);
    for (uint32_t cy = q.y0; cy <= q.y1; ++cy) {
      for (uint32_t cx = q.x0; cx <= q.x1; ++cx) {
        const size_t c = cy * cells_x_ + cx;
        for (uint32_t e = cell_start_[c]; e < cell_start_[c + 1]; ++e) {
          const Item& it = items_[cell_items_[e]];
          // A circle in several cells is reported from one of them only: the first cell (in
          // each axis) that both its range and the query's contain.
          const CellRange r = cells_of(it.x - it.r, it.y - it.r, it.x + it.r, it.y + it.r);
          if (cx != std::max(r.x0, q.x0) || cy != std::max(r.y0, q.y0)) continue;
          if (hits(it)) out.push_back(it.node);
        }
      }
    }
  }
  for (uint32_t k : large_) {
    if (hits(items_[k])) out.push_back(items_[k].node);
  }
  std::sort(out.begin(), out.end());
}

size_t SpatialIndex::memory_bytes() const {
  return sizeof(*this) + items_.capacity() * sizeof(Item) +
         (cell_start_.capacity() + cell_items_.capacity() + large_.capacity()) * sizeof(uint32_t);
}

}  // namespace dramatis::layout
