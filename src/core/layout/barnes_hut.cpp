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

F64x2 abs2(F64x2 v) {
  constexpr int64_t kAllButSign = INT64_MAX;
  return reinterpret_cast<F64x2>(reinterpret_cast<Mask2>(v) & Mask2{kAllButSign, kAllButSign});
}

// A leaf's bodies' pushes on one body, added to (fx, fy) in the leaf's order: the one leaf loop
// of both walks, so the scalar and the two-lane walk do the same operations.
void add_leaf(Point p, uint32_t body, const uint32_t* order, const Point* positions,
              const double* masses, int32_t begin, int32_t end, double& fx, double& fy) {
  constexpr double kMin2 = kMinDistance * kMinDistance;
  for (int32_t k = begin; k < end; ++k) {
    const uint32_t other = order[k];
    if (other == body) continue;
    const Point q = positions[k];
    const double m = masses[k];
    const double dx = p.x - q.x, dy = p.y - q.y;
    const double d2 = dx * dx + dy * dy;
    if (d2 < kCoincident2) {
      const Point f = inverse_distance_push({dx, dy}, m, body, other);
      fx += f.x;
      fy += f.y;
      continue;
    }
    // inverse_distance_push's other branch, inlined: the same operations in the same order.
    const double factor = m / std::max(d2, kMin2);
    fx += dx * factor;
    fy += dy * factor;
  }
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
  nodes_.reserve(cells_.size());
  order_.reserve(positions.size());
  body_position_.reserve(positions.size());
  body_mass_.reserve(positions.size());
  nodes_.resize(1);
  compact(0, 0);
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

void BarnesHutTree::compact(int32_t cell, int32_t node) {
  const Cell& c = cells_[static_cast<size_t>(cell)];
  Node n;
  n.mx = c.mx;
  n.my = c.my;
  n.mass = c.mass;
  const double width = 2.0 * c.half;
  n.width2 = width * width;
  n.cx = c.cx;
  n.cy = c.cy;
  n.half = c.half;
  if (c.child < 0) {
    n.first = static_cast<int32_t>(order_.size());
    for (int32_t b = c.body; b >= 0; b = next_[static_cast<size_t>(b)]) {
      order_.push_back(static_cast<uint32_t>(b));
      body_position_.push_back(positions_[static_cast<size_t>(b)]);
      body_mass_.push_back(masses_[static_cast<size_t>(b)]);
    }
    n.count = n.first - static_cast<int32_t>(order_.size());
    nodes_[static_cast<size_t>(node)] = n;
    return;
  }
  // Children that hold no body add nothing to any sum: left out.
  int32_t kept[4];
  int32_t count = 0;
  for (int32_t q = 0; q < 4; ++q) {
    const Cell& child = cells_[static_cast<size_t>(c.child + q)];
    if (child.child >= 0 || child.body >= 0) kept[count++] = c.child + q;
  }
  n.first = static_cast<int32_t>(nodes_.size());
  n.count = count;
  nodes_[static_cast<size_t>(node)] = n;
  nodes_.resize(nodes_.size() + static_cast<size_t>(count));
  for (int32_t k = 0; k < count; ++k) compact(kept[k], n.first + k);
}

Point BarnesHutTree::repulsion(uint32_t body, double theta) const {
  Point force;
  if (nodes_.empty()) return force;
  const Point p = positions_[body];
  const double theta2 = theta * theta;
  constexpr double kMin2 = kMinDistance * kMinDistance;
  // Depth-first, children in quadrant order: a cell's children are pushed last-first. The
  // depth is at most kMaxDepth + 1, and each level leaves at most three siblings waiting.
  int32_t stack[4 * (kMaxDepth + 2)];
  int32_t top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& node = nodes_[static_cast<size_t>(stack[--top])];
    if (node.mass <= 0) continue;
    if (node.count < 0) {
      add_leaf(p, body, order_.data(), body_position_.data(), body_mass_.data(), node.first,
               node.first - node.count, force.x, force.y);
      continue;
    }
    const double dx = p.x - node.mx, dy = p.y - node.my;
    const double d2 = dx * dx + dy * dy;
    // A cell holding the body itself is always opened: its centre of mass includes the body.
    if (node.width2 < theta2 * d2 &&
        !(std::abs(p.x - node.cx) <= node.half && std::abs(p.y - node.cy) <= node.half)) {
      const double factor = node.mass / std::max(d2, kMin2);
      force.x += dx * factor;
      force.y += dy * factor;
    } else {
      for (int32_t k = node.count - 1; k >= 0; --k) stack[top++] = node.first + k;
    }
  }
  return force;
}

void BarnesHutTree::repulsion_pair(uint32_t a, uint32_t b, double theta, Point& force_a,
                                   Point& force_b) const {
  force_a = {};
  force_b = {};
  if (nodes_.empty()) return;
  const Point pa = positions_[a], pb = positions_[b];
  const F64x2 px = {pa.x, pb.x}, py = {pa.y, pb.y};
  const F64x2 theta2 = {theta * theta, theta * theta};
  const F64x2 min2 = {kMinDistance * kMinDistance, kMinDistance * kMinDistance};
  F64x2 fx = {0.0, 0.0}, fy = {0.0, 0.0};
  // Lane 0 is a, lane 1 is b. Each stack entry carries the lanes still walking it (bit 0: a,
  // bit 1: b); a lane that took a cell whole leaves that cell's subtree to the other.
  int32_t stack[4 * (kMaxDepth + 2)];
  uint8_t stack_lanes[4 * (kMaxDepth + 2)];
  int32_t top = 0;
  stack[top] = 0;
  stack_lanes[top++] = 3;
  while (top > 0) {
    --top;
    const Node& node = nodes_[static_cast<size_t>(stack[top])];
    const uint8_t lanes = stack_lanes[top];
    if (node.mass <= 0) continue;
    if (node.count < 0) {
      // Leaves are few and short: each lane runs the scalar loop. Its terms join the lane's
      // vector sum in walk order, as in repulsion().
      double sum_x[2] = {fx[0], fx[1]}, sum_y[2] = {fy[0], fy[1]};
      for (int lane = 0; lane < 2; ++lane) {
        if (!(lanes & (1 << lane))) continue;
        add_leaf(lane == 0 ? pa : pb, lane == 0 ? a : b, order_.data(), body_position_.data(),
                 body_mass_.data(), node.first, node.first - node.count, sum_x[lane], sum_y[lane]);
      }
      fx = F64x2{sum_x[0], sum_x[1]};
      fy = F64x2{sum_y[0], sum_y[1]};
      continue;
    }
    const F64x2 dx = px - node.mx, dy = py - node.my;
    const F64x2 d2 = dx * dx + dy * dy;
    const Mask2 active = {(lanes & 1) ? -1 : 0, (lanes & 2) ? -1 : 0};
    const Mask2 inside = (abs2(px - node.cx) <= node.half) & (abs2(py - node.cy) <= node.half);
    const Mask2 accept = active & (node.width2 < theta2 * d2) & ~inside;
    if (accept[0] | accept[1]) {
      const F64x2 factor = node.mass / select(d2 < min2, min2, d2);
      // Adding +0.0 leaves a sum as it was (the sums start at +0.0 and never become -0.0).
      fx += select(accept, dx * factor, F64x2{0.0, 0.0});
      fy += select(accept, dy * factor, F64x2{0.0, 0.0});
    }
    const uint8_t open = static_cast<uint8_t>(lanes & ~((accept[0] ? 1 : 0) | (accept[1] ? 2 : 0)));
    if (open != 0) {
      for (int32_t k = node.count - 1; k >= 0; --k) {
        stack[top] = node.first + k;
        stack_lanes[top++] = open;
      }
    }
  }
  force_a = {fx[0], fy[0]};
  force_b = {fx[1], fy[1]};
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
