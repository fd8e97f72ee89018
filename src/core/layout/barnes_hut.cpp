// Barnes–Hut quadtree: see barnes_hut.h.
#include "core/layout/barnes_hut.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>

#include "core/layout/seeded_random.h"

namespace dramatis::layout {
namespace {

// Below this depth a cell is ~2^-40 of the root's width: bodies that still share a leaf are
// chained in it instead of subdividing forever (coincident points would otherwise never part).
constexpr int kMaxDepth = 40;

// Squared distances below this count as coincident (world units squared).
constexpr double kCoincident2 = 1e-24;

// Two doubles, and two 64-bit lane masks (all ones or all zeros), as GCC and Clang vector
// extensions: the compilers emit SSE2 on x86-64 and f64x2 with WebAssembly SIMD (-msimd128),
// or per-lane scalar code elsewhere. Every operation is IEEE per lane, as the scalar code.
using F64x2 = double __attribute__((vector_size(16)));
using Mask2 = int64_t __attribute__((vector_size(16)));

F64x2 select(Mask2 mask, F64x2 yes, F64x2 no) {
  return reinterpret_cast<F64x2>((reinterpret_cast<Mask2>(yes) & mask) |
                                 (reinterpret_cast<Mask2>(no) & ~mask));
}

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
  nodes_.clear();
  order_.clear();
  body_position_.clear();
  body_mass_.clear();
  groups_.clear();
  next_.assign(positions.size(), -1);
  if (positions.empty()) return;
  double min_x = positions[0].x, max_x = min_x, min_y = positions[0].y, max_y = min_y;
  for (const Point& p : positions) {
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  root_.cx = 0.5 * (min_x + max_x);
  root_.cy = 0.5 * (min_y + max_y);
  // A little margin so points on the far edges fall strictly inside.
  root_.half = 0.5 * std::max({max_x - min_x, max_y - min_y, kMinDistance}) * 1.0001;
  // A layout's tree has about 5 to 6 cells per body (splits of close pairs make chains of
  // cells with one child). Reserving more than that up front costs address space, not memory
  // (untouched pages are never resident), and spares the copy a growing vector makes, which
  // for a moment holds the old and the new array at once.
  cells_.reserve(positions.size() * 8 + 1);
  cells_.emplace_back();
  for (uint32_t i = 0; i < positions.size(); ++i) insert(i);
  for (Cell& c : cells_) {
    if (c.mass > 0) {  // cells without mass are never read: compact() leaves them out
      c.mx /= c.mass;
      c.my /= c.mass;
    }
  }
  nodes_.reserve(2 * positions.size());  // leaves, plus fewer cells with two or more children
  order_.reserve(positions.size());
  body_position_.reserve(positions.size());
  body_mass_.reserve(positions.size());
  nodes_.resize(1);
  compact(0, 0, false, root_);
}

BarnesHutTree::Square BarnesHutTree::Square::quadrant(int32_t q) const {
  const double h = half * 0.5;
  return {cx + ((q & 1) ? h : -h), cy + ((q & 2) ? h : -h), h};
}

int32_t BarnesHutTree::Square::quadrant_of(Point p) const {
  return (p.x >= cx ? 1 : 0) | (p.y >= cy ? 2 : 0);
}

int32_t BarnesHutTree::make_children(int32_t cell) {
  const int32_t first = static_cast<int32_t>(cells_.size());
  cells_.resize(cells_.size() + 4);
  cells_[static_cast<size_t>(cell)].link = first;
  return first;
}

void BarnesHutTree::insert(uint32_t body) {
  const Point p = positions_[body];
  const double m = masses_[body];
  int32_t c = 0;
  Square square = root_;  // the square of cell c
  for (int depth = 0;; ++depth) {
    Cell* cell = &cells_[static_cast<size_t>(c)];
    cell->mass += m;
    cell->mx += m * p.x;
    cell->my += m * p.y;
    ++cell->bodies;
    if (cell->leaf()) {
      if (cell->first_body() < 0) {
        cell->set_first_body(static_cast<int32_t>(body));
        return;
      }
      const Point other = positions_[static_cast<size_t>(cell->first_body())];
      if (depth >= kMaxDepth || (other.x == p.x && other.y == p.y)) {
        next_[body] = cell->first_body();
        cell->set_first_body(static_cast<int32_t>(body));
        return;
      }
      // Split: the resident chain (one body, or several at one point) moves down whole.
      const int32_t chain = cell->first_body();
      double chain_mass = 0;
      int32_t chain_bodies = 0;
      for (int32_t b = chain; b >= 0; b = next_[static_cast<size_t>(b)]) {
        chain_mass += masses_[static_cast<size_t>(b)];
        ++chain_bodies;
      }
      const int32_t first = make_children(c);  // may reallocate: `cell` is stale from here
      Cell& target = cells_[static_cast<size_t>(first + square.quadrant_of(other))];
      target.set_first_body(chain);
      target.mass = chain_mass;
      target.bodies = chain_bodies;
      target.mx = chain_mass * other.x;
      target.my = chain_mass * other.y;
      cell = &cells_[static_cast<size_t>(c)];
    }
    const int32_t q = square.quadrant_of(p);
    c = cell->link + q;
    square = square.quadrant(q);
  }
}

void BarnesHutTree::compact(int32_t cell, int32_t node, bool in_group, Square square) {
  const Cell& c = cells_[static_cast<size_t>(cell)];
  // The first cell on the way down with few enough bodies makes a group of its subtree; so
  // does a leaf holding more (bodies at one point), so that every body is in a group.
  const bool starts_group = !in_group && (c.bodies <= kGroupSize || c.leaf());
  if (starts_group) {
    Group g;
    g.first = static_cast<int32_t>(order_.size());
    g.count = c.bodies;
    groups_.push_back(g);
  }
  Node n;
  n.mx = c.mx;
  n.my = c.my;
  n.mass = c.mass;
  const double width = 2.0 * square.half;
  n.width2 = width * width;
  n.cx = square.cx;
  n.cy = square.cy;
  n.half = square.half;
  if (c.leaf()) {
    n.first = static_cast<int32_t>(order_.size());
    for (int32_t b = c.first_body(); b >= 0; b = next_[static_cast<size_t>(b)]) {
      order_.push_back(static_cast<uint32_t>(b));
      body_position_.push_back(positions_[static_cast<size_t>(b)]);
      body_mass_.push_back(masses_[static_cast<size_t>(b)]);
    }
    n.count = n.first - static_cast<int32_t>(order_.size());
    nodes_[static_cast<size_t>(node)] = n;
    if (starts_group) bound_last_group();
    return;
  }
  // Children that hold no body add nothing to any sum: left out.
  int32_t kept[4];
  int32_t count = 0;
  for (int32_t q = 0; q < 4; ++q) {
    if (cells_[static_cast<size_t>(c.link + q)].bodies > 0) kept[count++] = q;
  }
  if (count == 1) {
    // A cell with one non-empty child has the child's mass and centre of mass in a larger
    // square: a walk that takes it whole would take the child whole, and one that opens it
    // tests the child next. The child takes its place, which leaves every sum as it was and
    // spares the walks (and memory) the long single-child chains that close bodies make.
    compact(c.link + kept[0], node, in_group || starts_group, square.quadrant(kept[0]));
    if (starts_group) bound_last_group();
    return;
  }
  n.first = static_cast<int32_t>(nodes_.size());
  n.count = count;
  nodes_[static_cast<size_t>(node)] = n;
  nodes_.resize(nodes_.size() + static_cast<size_t>(count));
  for (int32_t k = 0; k < count; ++k) {
    compact(c.link + kept[k], n.first + k, in_group || starts_group, square.quadrant(kept[k]));
  }
  if (starts_group) bound_last_group();
}

void BarnesHutTree::bound_last_group() {
  Group& g = groups_.back();
  assert(g.first + g.count == static_cast<int32_t>(order_.size()));
  const Point first = body_position_[static_cast<size_t>(g.first)];
  g.min_x = g.max_x = first.x;
  g.min_y = g.max_y = first.y;
  for (int32_t k = g.first + 1; k < g.first + g.count; ++k) {
    const Point p = body_position_[static_cast<size_t>(k)];
    g.min_x = std::min(g.min_x, p.x);
    g.max_x = std::max(g.max_x, p.x);
    g.min_y = std::min(g.min_y, p.y);
    g.max_y = std::max(g.max_y, p.y);
  }
}

std::span<const uint32_t> BarnesHutTree::group_bodies(size_t group) const {
  const Group& g = groups_[group];
  return {order_.data() + g.first, static_cast<size_t>(g.count)};
}

void BarnesHutTree::group_repulsion(size_t group, double theta, Interactions& scratch,
                                    std::span<Point> sums) const {
  const Group& g = groups_[group];
  scratch.cell_x.clear();
  scratch.cell_y.clear();
  scratch.cell_mass.clear();
  scratch.leaf_begin.clear();
  scratch.leaf_end.clear();
  // The walk, depth-first with children in quadrant order (a cell's children are pushed
  // last-first). The depth is at most kMaxDepth + 1, and each level leaves at most three
  // siblings waiting.
  const double theta2 = theta * theta;
  int32_t stack[4 * (kMaxDepth + 2)];
  int32_t top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& node = nodes_[static_cast<size_t>(stack[--top])];
    if (node.mass <= 0) continue;
    if (node.count < 0) {
      scratch.leaf_begin.push_back(node.first);
      scratch.leaf_end.push_back(node.first - node.count);
      continue;
    }
    // The distance from the centre of mass to the box's nearest point; a cell whose square
    // meets the box may hold one of the group's bodies and is always opened.
    const double dx = std::max({g.min_x - node.mx, node.mx - g.max_x, 0.0});
    const double dy = std::max({g.min_y - node.my, node.my - g.max_y, 0.0});
    const bool meets = g.min_x <= node.cx + node.half && g.max_x >= node.cx - node.half &&
                       g.min_y <= node.cy + node.half && g.max_y >= node.cy - node.half;
    if (!meets && node.width2 < theta2 * (dx * dx + dy * dy)) {
      scratch.cell_x.push_back(node.mx);
      scratch.cell_y.push_back(node.my);
      scratch.cell_mass.push_back(node.mass);
    } else {
      for (int32_t k = node.count - 1; k >= 0; --k) stack[top++] = node.first + k;
    }
  }
  // The sums, two bodies at a time (the last one of an odd group in both lanes): first the
  // cells, then the leaves' bodies, each in walk order.
  const F64x2 min2 = {kMinDistance * kMinDistance, kMinDistance * kMinDistance};
  const size_t cells = scratch.cell_x.size();
  for (int32_t k = 0; k < g.count; k += 2) {
    const int32_t ka = g.first + k, kb = k + 1 < g.count ? ka + 1 : ka;
    const uint32_t body[2] = {order_[static_cast<size_t>(ka)], order_[static_cast<size_t>(kb)]};
    const Point pa = body_position_[static_cast<size_t>(ka)];
    const Point pb = body_position_[static_cast<size_t>(kb)];
    const F64x2 px = {pa.x, pb.x}, py = {pa.y, pb.y};
    F64x2 fx = {0.0, 0.0}, fy = {0.0, 0.0};
    for (size_t c = 0; c < cells; ++c) {
      const F64x2 dx = px - scratch.cell_x[c], dy = py - scratch.cell_y[c];
      const F64x2 d2 = dx * dx + dy * dy;
      const F64x2 factor = scratch.cell_mass[c] / select(d2 < min2, min2, d2);
      fx += dx * factor;
      fy += dy * factor;
    }
    const F64x2 coincident2 = {kCoincident2, kCoincident2};
    for (size_t leaf = 0; leaf < scratch.leaf_begin.size(); ++leaf) {
      for (int32_t j = scratch.leaf_begin[leaf]; j < scratch.leaf_end[leaf]; ++j) {
        const Point q = body_position_[static_cast<size_t>(j)];
        const double m = body_mass_[static_cast<size_t>(j)];
        const F64x2 dx = px - q.x, dy = py - q.y;
        const F64x2 d2 = dx * dx + dy * dy;
        const Mask2 near = d2 < coincident2;
        if (near[0] | near[1]) {
          // The body itself, or one on top of it: each lane on its own (inverse_distance_push
          // picks the direction coincident pairs part along).
          const uint32_t other = order_[static_cast<size_t>(j)];
          double sum_x[2] = {fx[0], fx[1]}, sum_y[2] = {fy[0], fy[1]};
          for (int lane = 0; lane < 2; ++lane) {
            if (other == body[lane]) continue;
            const Point f = inverse_distance_push({dx[lane], dy[lane]}, m, body[lane], other);
            sum_x[lane] += f.x;
            sum_y[lane] += f.y;
          }
          fx = F64x2{sum_x[0], sum_x[1]};
          fy = F64x2{sum_y[0], sum_y[1]};
          continue;
        }
        const F64x2 factor = m / select(d2 < min2, min2, d2);
        fx += dx * factor;
        fy += dy * factor;
      }
    }
    sums[body[0]] = {fx[0], fy[0]};
    sums[body[1]] = {fx[1], fy[1]};
  }
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
