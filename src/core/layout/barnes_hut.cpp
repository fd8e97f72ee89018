// Barnes–Hut quadtree: see barnes_hut.h.
#include "core/layout/barnes_hut.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/layout/seeded_random.h"

namespace dramatis::layout {
namespace {

// Below this depth a cell is ~2^-40 of the root's width: bodies that still share a leaf are
// chained in it instead of subdividing forever (coincident points would otherwise never part).
constexpr int kMaxDepth = 40;

// Squared distances below this count as coincident (world units squared).
constexpr double kCoincident2 = 1e-24;

}  // namespace

Point coincident_direction(uint32_t i, uint32_t j) {
  const uint32_t lo = std::min(i, j), hi = std::max(i, j);
  SeededRandom random(hash_pair(lo, hi));
  // Rejection sampling in the unit disc: only +, *, sqrt, so the bits are the same everywhere.
  double x = 0, y = 0, r2 = 0;
  do {
    x = random.uniform(-1.0, 1.0);
    y = random.uniform(-1.0, 1.0);
    r2 = x * x + y * y;
  } while (r2 < 1e-4 || r2 > 1.0);
  const double r = std::sqrt(r2);
  const double sign = i < j ? 1.0 : -1.0;
  return {sign * x / r, sign * y / r};
}

Point inverse_distance_push(Point delta, double mass, uint32_t body, uint32_t source) {
  double d2 = delta.x * delta.x + delta.y * delta.y;
  if (d2 < kCoincident2) {
    const Point dir = coincident_direction(body, source);
    delta = {dir.x * kMinDistance, dir.y * kMinDistance};
    d2 = kMinDistance * kMinDistance;
  }
  const double factor = mass / std::max(d2, kMinDistance * kMinDistance);
  return {delta.x * factor, delta.y * factor};
}

void BarnesHutTree::build(std::span<const Point> positions, std::span<const double> masses) {
  assert(positions.size() == masses.size());
  positions_ = positions;
  masses_ = masses;
  cells_.clear();
  next_.assign(positions.size(), -1);
  if (positions.empty()) return;
  double min_x = positions[0].x, max_x = min_x, min_y = positions[0].y, max_y = min_y;
  for (const Point& p : positions) {
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  Cell root;
  root.cx = 0.5 * (min_x + max_x);
  root.cy = 0.5 * (min_y + max_y);
  // A little margin so points on the far edges fall strictly inside.
  root.half = 0.5 * std::max({max_x - min_x, max_y - min_y, kMinDistance}) * 1.0001;
  cells_.reserve(positions.size() * 2 + 1);
  cells_.push_back(root);
  for (uint32_t i = 0; i < positions.size(); ++i) insert(i);
  for (Cell& c : cells_) {
    if (c.mass > 0) {
      c.mx /= c.mass;
      c.my /= c.mass;
    } else {
      c.mx = c.cx;
      c.my = c.cy;
    }
  }
}

int32_t BarnesHutTree::make_children(int32_t cell) {
  const int32_t first = static_cast<int32_t>(cells_.size());
  const Cell parent = cells_[static_cast<size_t>(cell)];
  const double h = parent.half * 0.5;
  for (int q = 0; q < 4; ++q) {
    Cell c;
    c.half = h;
    c.cx = parent.cx + ((q & 1) ? h : -h);
    c.cy = parent.cy + ((q & 2) ? h : -h);
    cells_.push_back(c);
  }
  cells_[static_cast<size_t>(cell)].child = first;
  return first;
}

void BarnesHutTree::insert(uint32_t body) {
  const Point p = positions_[body];
  const double m = masses_[body];
  int32_t c = 0;
  for (int depth = 0;; ++depth) {
    Cell* cell = &cells_[static_cast<size_t>(c)];
    cell->mass += m;
    cell->mx += m * p.x;
    cell->my += m * p.y;
    if (cell->child < 0) {
      if (cell->body < 0) {
        cell->body = static_cast<int32_t>(body);
        return;
      }
      const Point other = positions_[static_cast<size_t>(cell->body)];
      if (depth >= kMaxDepth || (other.x == p.x && other.y == p.y)) {
        next_[body] = cell->body;
        cell->body = static_cast<int32_t>(body);
        return;
      }
      // Split: the resident chain (one body, or several at one point) moves down whole.
      const int32_t chain = cell->body;
      double chain_mass = 0;
      for (int32_t b = chain; b >= 0; b = next_[static_cast<size_t>(b)]) {
        chain_mass += masses_[static_cast<size_t>(b)];
      }
      const double cx = cell->cx, cy = cell->cy;
      cell->body = -1;
      const int32_t first = make_children(c);  // may reallocate: `cell` is stale from here
      const int32_t q = (other.x >= cx ? 1 : 0) | (other.y >= cy ? 2 : 0);
      Cell& target = cells_[static_cast<size_t>(first + q)];
      target.body = chain;
      target.mass = chain_mass;
      target.mx = chain_mass * other.x;
      target.my = chain_mass * other.y;
      cell = &cells_[static_cast<size_t>(c)];
    }
    const int32_t q = (p.x >= cell->cx ? 1 : 0) | (p.y >= cell->cy ? 2 : 0);
    c = cell->child + q;
  }
}

Point BarnesHutTree::repulsion(uint32_t body, double theta) {
  Point force;
  if (cells_.empty()) return force;
  const Point p = positions_[body];
  const double theta2 = theta * theta;
  stack_.clear();
  stack_.push_back(0);
  while (!stack_.empty()) {
    const Cell& cell = cells_[static_cast<size_t>(stack_.back())];
    stack_.pop_back();
    if (cell.mass <= 0) continue;
    if (cell.child < 0) {
      for (int32_t b = cell.body; b >= 0; b = next_[static_cast<size_t>(b)]) {
        const uint32_t other = static_cast<uint32_t>(b);
        if (other == body) continue;
        const Point q = positions_[other];
        const Point f = inverse_distance_push({p.x - q.x, p.y - q.y}, masses_[other], body, other);
        force.x += f.x;
        force.y += f.y;
      }
      continue;
    }
    const double dx = p.x - cell.mx, dy = p.y - cell.my;
    const double d2 = dx * dx + dy * dy;
    const double width = 2.0 * cell.half;
    // A cell holding the body itself is always opened: its centre of mass includes the body.
    const bool inside =
        std::abs(p.x - cell.cx) <= cell.half && std::abs(p.y - cell.cy) <= cell.half;
    if (!inside && width * width < theta2 * d2) {
      const double factor = cell.mass / std::max(d2, kMinDistance * kMinDistance);
      force.x += dx * factor;
      force.y += dy * factor;
    } else {
      for (int q = 3; q >= 0; --q) stack_.push_back(cell.child + q);
    }
  }
  return force;
}

const std::vector<uint32_t>& BarnesHutTree::spatial_order() {
  order_.clear();
  if (cells_.empty()) return order_;
  stack_.clear();
  stack_.push_back(0);
  while (!stack_.empty()) {
    const Cell& cell = cells_[static_cast<size_t>(stack_.back())];
    stack_.pop_back();
    if (cell.child < 0) {
      for (int32_t b = cell.body; b >= 0; b = next_[static_cast<size_t>(b)]) {
        order_.push_back(static_cast<uint32_t>(b));
      }
    } else {
      for (int q = 3; q >= 0; --q) stack_.push_back(cell.child + q);
    }
  }
  return order_;
}

Point BarnesHutTree::exact_repulsion(uint32_t body, std::span<const Point> positions,
                                     std::span<const double> masses) {
  Point force;
  const Point p = positions[body];
  for (uint32_t j = 0; j < positions.size(); ++j) {
    if (j == body) continue;
    const Point f =
        inverse_distance_push({p.x - positions[j].x, p.y - positions[j].y}, masses[j], body, j);
    force.x += f.x;
    force.y += f.y;
  }
  return force;
}

}  // namespace dramatis::layout
