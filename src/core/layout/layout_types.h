// The small value types shared by the layout, its quality metrics and its callers: a position in
// world units and an edge as a pair of node indices (the same pair as core/graph's edge list).
#pragma once

#include <cstdint>
#include <utility>

namespace dramatis::layout {

// A position in world units (the layout's own coordinate system; the renderer maps world units
// to pixels through its camera). Doubles, so that long runs do not drift by rounding.
struct Point {
  double x = 0.0;
  double y = 0.0;

  bool operator==(const Point&) const = default;
};

// An undirected edge between two node indices.
using Edge = std::pair<uint32_t, uint32_t>;

}  // namespace dramatis::layout
