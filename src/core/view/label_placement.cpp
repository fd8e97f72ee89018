#include "core/view/label_placement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace dramatis::view {
namespace {

// The grid never has more buckets than this (pixels are bounded by the viewport anyway, but a
// tiny cell_size must not allocate without bound).
constexpr double kMaxCells = 1 << 16;

// Widens the buckets a label is filed under, pixels, so that rounding at a bucket edge never
// hides a conflict (an extra comparison costs nothing).
constexpr double kEdgeSlack = 1e-3;

bool finite_candidate(const LabelCandidate& c) {
  return std::isfinite(c.anchor.x) && std::isfinite(c.anchor.y) && std::isfinite(c.node_radius) &&
         std::isfinite(c.width) && std::isfinite(c.height) && c.width >= 0 && c.height >= 0;
}

double sort_key(double priority) {
  return std::isnan(priority) ? -std::numeric_limits<double>::infinity() : priority;
}

// Placed labels filed by screen bucket: a singly linked list per bucket in two flat arrays.
class LabelGrid {
 public:
  LabelGrid(const Viewport& vp, float cell_size) : x0_(vp.x), y0_(vp.y) {
    const double w = std::max(static_cast<double>(vp.width), 1.0);
    const double h = std::max(static_cast<double>(vp.height), 1.0);
    size_ = cell_size > 0 && std::isfinite(cell_size) ? static_cast<double>(cell_size) : 64.0;
    size_ = std::max(size_, std::sqrt(w * h / kMaxCells));
    while (std::ceil(w / size_) * std::ceil(h / size_) > kMaxCells) size_ *= 2;
    nx_ = static_cast<uint32_t>(std::ceil(w / size_));
    ny_ = static_cast<uint32_t>(std::ceil(h / size_));
    head_.assign(size_t{nx_} * ny_, -1);
  }

  // Calls f(label index) for every label filed in a bucket that the box touches; stops and
  // returns true as soon as f does.
  template <class F>
  bool any_near(double x0, double y0, double x1, double y1, F&& f) const {
    const uint32_t cx0 = cell(x0, x0_, nx_), cx1 = cell(x1, x0_, nx_);
    const uint32_t cy0 = cell(y0, y0_, ny_), cy1 = cell(y1, y0_, ny_);
    for (uint32_t cy = cy0; cy <= cy1; ++cy) {
      for (uint32_t cx = cx0; cx <= cx1; ++cx) {
        for (int32_t e = head_[size_t{cy} * nx_ + cx]; e >= 0; e = entries_[size_t(e)].next) {
          if (f(entries_[size_t(e)].label)) return true;
        }
      }
    }
    return false;
  }

  void add(uint32_t label, double x0, double y0, double x1, double y1) {
    const uint32_t cx0 = cell(x0 - kEdgeSlack, x0_, nx_), cx1 = cell(x1 + kEdgeSlack, x0_, nx_);
    const uint32_t cy0 = cell(y0 - kEdgeSlack, y0_, ny_), cy1 = cell(y1 + kEdgeSlack, y0_, ny_);
    for (uint32_t cy = cy0; cy <= cy1; ++cy) {
      for (uint32_t cx = cx0; cx <= cx1; ++cx) {
        int32_t& head = head_[size_t{cy} * nx_ + cx];
        entries_.push_back({label, head});
        head = static_cast<int32_t>(entries_.size() - 1);
      }
    }
  }

 private:
  struct Entry {
    uint32_t label;
    int32_t next;
  };

  uint32_t cell(double v, double origin, uint32_t n) const {
    const double t = (v - origin) / size_;
    if (!(t > 0)) return 0;
    if (t >= static_cast<double>(n - 1)) return n - 1;
    return static_cast<uint32_t>(t);
  }

  double x0_, y0_, size_ = 64;
  uint32_t nx_ = 1, ny_ = 1;
  std::vector<int32_t> head_;
  std::vector<Entry> entries_;
};

}  // namespace

bool labels_conflict(const PlacedLabel& a, const PlacedLabel& b, float padding) {
  const double p = std::max(static_cast<double>(padding), 0.0);
  const double ax = a.x, ay = a.y, bx = b.x, by = b.y;
  return ax < bx + static_cast<double>(b.width) + p && bx < ax + static_cast<double>(a.width) + p &&
         ay < by + static_cast<double>(b.height) + p && by < ay + static_cast<double>(a.height) + p;
}

PlacedLabel label_box(const LabelCandidate& c, int side, float padding) {
  const float gap = c.node_radius + std::max(padding, 0.0f);
  PlacedLabel box{c.node, 0, 0, c.width, c.height};
  switch (side) {
    case 0: box.x = c.anchor.x - 0.5f * c.width, box.y = c.anchor.y + gap; break;   // below
    case 1: box.x = c.anchor.x + gap, box.y = c.anchor.y - 0.5f * c.height; break;  // right
    case 2: box.x = c.anchor.x - 0.5f * c.width, box.y = c.anchor.y - gap - c.height; break;
    default: box.x = c.anchor.x - gap - c.width, box.y = c.anchor.y - 0.5f * c.height; break;
  }
  return box;
}

std::vector<PlacedLabel> place_labels(std::span<const LabelCandidate> candidates,
                                      const LabelPlacementOptions& options) {
  std::vector<PlacedLabel> placed;
  const Viewport& vp = options.viewport;
  if (!(vp.width > 0) || !(vp.height > 0) || !std::isfinite(vp.x) || !std::isfinite(vp.y) ||
      !std::isfinite(vp.width) || !std::isfinite(vp.height)) {
    return placed;
  }
  const float padding = std::isfinite(options.padding) ? std::max(options.padding, 0.0f) : 0.0f;

  std::vector<uint32_t> order;
  order.reserve(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (finite_candidate(candidates[i])) order.push_back(static_cast<uint32_t>(i));
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const double ka = sort_key(candidates[a].priority), kb = sort_key(candidates[b].priority);
    if (ka != kb) return ka > kb;
    if (candidates[a].node != candidates[b].node) return candidates[a].node < candidates[b].node;
    return a < b;
  });

  const double left = vp.x, top = vp.y;
  const double right = left + static_cast<double>(vp.width);
  const double bottom = top + static_cast<double>(vp.height);
  LabelGrid grid(vp, options.cell_size);
  for (uint32_t i : order) {
    for (int side = 0; side < 4; ++side) {
      const PlacedLabel box = label_box(candidates[i], side, padding);
      const double x0 = box.x, y0 = box.y;
      const double x1 = x0 + static_cast<double>(box.width);
      const double y1 = y0 + static_cast<double>(box.height);
      if (!(x0 >= left && y0 >= top && x1 <= right && y1 <= bottom)) continue;
      const bool blocked = grid.any_near(x0, y0, x1, y1, [&](uint32_t other) {
        return labels_conflict(box, placed[other], padding);
      });
      if (blocked) continue;
      const auto index = static_cast<uint32_t>(placed.size());
      placed.push_back(box);
      const double p = padding;
      grid.add(index, x0 - p, y0 - p, x1 + p, y1 + p);
      break;
    }
  }
  return placed;
}

}  // namespace dramatis::view
