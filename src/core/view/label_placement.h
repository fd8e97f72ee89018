// Which node labels to show and where, in screen pixels: greedy by priority, each label tried
// below, right of, above and left of its node, kept only where it overlaps no label already
// placed. Labels keep their pixel size, so zooming in spreads nodes apart and shows more labels.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/view/camera.h"

namespace dramatis::view {

struct LabelCandidate {
  uint32_t node = 0;
  ScreenPoint anchor;           // node centre, pixels
  float node_radius = 0;        // pixels
  float width = 0, height = 0;  // the label's box, pixels (text already wrapped by the caller)
  double priority =
      0;  // larger first (importance: e.g. mentions or PageRank; selection/hover +inf)
};

// A placed label: its box's top-left corner and size, pixels.
struct PlacedLabel {
  uint32_t node = 0;
  float x = 0, y = 0, width = 0, height = 0;
};

struct LabelPlacementOptions {
  float padding = 2;     // pixels: the least gap between two labels, and between node and label
  float cell_size = 64;  // pixels: bucket size of the screen grid (non-positive or NaN: 64)
  Viewport viewport;     // labels must lie wholly inside it
};

// Two boxes conflict when they overlap once one is grown by `padding` on every side (boxes
// exactly `padding` apart do not). The predicate place_labels() guarantees no placed pair meets.
bool labels_conflict(const PlacedLabel& a, const PlacedLabel& b, float padding);

// The box for `candidate` at position `side` (0 below, 1 right, 2 above, 3 left of the node, each
// `padding` pixels clear of the node's circle, centred on the node across that side).
PlacedLabel label_box(const LabelCandidate& candidate, int side, float padding);

// Greedy placement by priority (descending; NaN counts as lowest; ties: lower node index, then
// input order): try label_box() sides 0..3 and accept the first inside the viewport that
// conflicts with no placed label. A screen grid of cell_size buckets makes each test O(1) on
// average. Candidates with a non-finite anchor, radius or size, or a negative size, are skipped.
// Returns the placed labels in placement order. Deterministic.
std::vector<PlacedLabel> place_labels(std::span<const LabelCandidate> candidates,
                                      const LabelPlacementOptions& options);

}  // namespace dramatis::view
