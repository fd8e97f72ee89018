// Label placement (src/core/view/label_placement.cpp): on thousands of random candidates no two
// placed boxes come within the padding of each other (checked over all pairs), all lie inside
// the viewport, the most important label is placed, nothing that still fits was left out, the
// result does not depend on input order, and zooming a grid of nodes in never shows fewer labels.
#include "core/view/label_placement.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <vector>

#include "core/layout/seeded_random.h"

using dramatis::layout::SeededRandom;
using namespace dramatis::view;

namespace {

const Viewport kVp{10, 20, 800, 600};

std::vector<LabelCandidate> random_candidates(uint64_t seed, size_t n) {
  SeededRandom rng(seed);
  std::vector<LabelCandidate> out;
  for (size_t i = 0; i < n; ++i) {
    LabelCandidate c;
    c.node = static_cast<uint32_t>(i);
    // Some anchors off screen: their labels may still reach in, or not.
    c.anchor = {static_cast<float>(rng.uniform(kVp.x - 50, kVp.x + kVp.width + 50)),
                static_cast<float>(rng.uniform(kVp.y - 50, kVp.y + kVp.height + 50))};
    c.node_radius = static_cast<float>(rng.uniform(0, 12));
    c.width = static_cast<float>(rng.uniform(15, 140));
    c.height = static_cast<float>(rng.uniform(11, 40));
    c.priority = static_cast<double>(rng.below(40));  // many ties
    out.push_back(c);
  }
  return out;
}

// Independent of labels_conflict(): two boxes are apart when a gap of at least `padding` pixels
// separates them along one axis (within float rounding of the box corners).
bool apart(const PlacedLabel& a, const PlacedLabel& b, double padding) {
  const double gap_x =
      std::max(double{a.x} - (double{b.x} + b.width), double{b.x} - (double{a.x} + a.width));
  const double gap_y =
      std::max(double{a.y} - (double{b.y} + b.height), double{b.y} - (double{a.y} + a.height));
  return std::max(gap_x, gap_y) >= padding - 1e-3;
}

bool inside(const PlacedLabel& b, const Viewport& vp) {
  return b.x >= vp.x && b.y >= vp.y && double{b.x} + b.width <= double{vp.x} + vp.width &&
         double{b.y} + b.height <= double{vp.y} + vp.height;
}

bool same_box(const PlacedLabel& a, const PlacedLabel& b) {
  return a.node == b.node && a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
}

}  // namespace

TEST_CASE("labels: 5k random candidates in a small viewport") {
  std::vector<LabelCandidate> cands = random_candidates(2024, 5000);
  cands[1234].priority = std::numeric_limits<double>::infinity();  // the selected node
  cands[1234].anchor = {kVp.x + kVp.width / 2, kVp.y + kVp.height / 2};
  LabelPlacementOptions options;
  options.viewport = kVp;
  options.padding = 3;
  options.cell_size = 48;
  const std::vector<PlacedLabel> placed = place_labels(cands, options);
  REQUIRE(placed.size() > 50);  // the viewport holds many labels
  CHECK(placed.size() < 1000);  // and nowhere near all 5000

  // No two overlap, padding included: every pair, by brute force.
  size_t conflicts = 0;
  for (size_t i = 0; i < placed.size(); ++i) {
    for (size_t j = i + 1; j < placed.size(); ++j) conflicts += !apart(placed[i], placed[j], 3.0);
  }
  CHECK(conflicts == 0);
  std::set<uint32_t> nodes;
  for (const PlacedLabel& p : placed) {
    CHECK(inside(p, kVp));
    CHECK(nodes.insert(p.node).second);  // one label per node
    // The box is one of the four positions around its own node.
    bool is_side = false;
    for (int side = 0; side < 4; ++side) is_side |= same_box(p, label_box(cands[p.node], side, 3));
    CHECK(is_side);
  }
  // The most important label is placed first, below its node.
  CHECK(placed.front().node == 1234);
  CHECK(same_box(placed.front(), label_box(cands[1234], 0, 3)));
  // Greedy and maximal: every candidate left out has no side that fits and is free.
  for (const LabelCandidate& c : cands) {
    if (nodes.count(c.node)) continue;
    for (int side = 0; side < 4; ++side) {
      const PlacedLabel box = label_box(c, side, 3);
      if (!inside(box, kVp)) continue;
      bool blocked = false;
      for (const PlacedLabel& p : placed) blocked |= labels_conflict(box, p, 3);
      CHECK(blocked);
    }
  }
  // Placement order is priority order (ties: lower node first).
  for (size_t i = 1; i < placed.size(); ++i) {
    const LabelCandidate& a = cands[placed[i - 1].node];
    const LabelCandidate& b = cands[placed[i].node];
    CHECK((a.priority > b.priority || (a.priority == b.priority && a.node < b.node)));
  }

  // Deterministic, and independent of the order the caller lists candidates in.
  const std::vector<PlacedLabel> again = place_labels(cands, options);
  std::vector<LabelCandidate> shuffled = cands;
  SeededRandom rng(5);
  for (size_t i = shuffled.size() - 1; i > 0; --i) {
    std::swap(shuffled[i], shuffled[rng.below(static_cast<uint32_t>(i + 1))]);
  }
  const std::vector<PlacedLabel> reordered = place_labels(shuffled, options);
  REQUIRE(again.size() == placed.size());
  REQUIRE(reordered.size() == placed.size());
  for (size_t i = 0; i < placed.size(); ++i) {
    CHECK(same_box(again[i], placed[i]));
    CHECK(same_box(reordered[i], placed[i]));
  }

  // The grid is only a speed-up: any bucket size gives the same answer.
  for (float cell : {1.0f, 7.5f, 300.0f, 5000.0f, 0.0f, std::nanf("")}) {
    options.cell_size = cell;
    const std::vector<PlacedLabel> other = place_labels(cands, options);
    REQUIRE(other.size() == placed.size());
    for (size_t i = 0; i < placed.size(); ++i) CHECK(same_box(other[i], placed[i]));
  }
}

TEST_CASE("labels: sides are tried below, right, above, left") {
  LabelCandidate c{0, {100, 100}, 5, 40, 10, 1};
  LabelPlacementOptions options;
  options.padding = 2;
  // Below fits.
  options.viewport = {0, 0, 200, 200};
  std::vector<PlacedLabel> placed = place_labels(std::span(&c, 1), options);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].x == 80);
  CHECK(placed[0].y == 107);
  // The viewport ends just under the node: right is next.
  options.viewport = {0, 0, 200, 110};
  placed = place_labels(std::span(&c, 1), options);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].x == 107);
  CHECK(placed[0].y == 95);
  // Nor right: above.
  options.viewport = {0, 0, 140, 110};
  placed = place_labels(std::span(&c, 1), options);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].y == 83);
  // Only the left is free.
  options.viewport = {0, 95, 140, 15};
  placed = place_labels(std::span(&c, 1), options);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].x == 53);
  // Nothing fits.
  options.viewport = {90, 90, 20, 20};
  CHECK(place_labels(std::span(&c, 1), options).empty());
}

TEST_CASE("labels: ties go to the lower node; padding keeps labels apart") {
  // Two nodes at the same point, same priority; the viewport only has room below.
  std::vector<LabelCandidate> cands = {{7, {50, 50}, 4, 30, 10, 2}, {3, {50, 50}, 4, 30, 10, 2}};
  LabelPlacementOptions options;
  options.padding = 2;
  options.viewport = {35, 56, 30, 10};  // exactly the box below the node
  std::vector<PlacedLabel> placed = place_labels(cands, options);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].node == 3);
  // Neighbours exactly `padding` apart both fit; one pixel closer and the second must move.
  // (node 0's label spans y 52..62 below it; node 1 sits at y 62, its label at 64..74.)
  cands = {{0, {50, 50}, 0, 20, 10, 5}, {1, {50, 62}, 0, 20, 10, 4}};
  options.viewport = {0, 0, 100, 200};
  placed = place_labels(cands, options);
  REQUIRE(placed.size() == 2);
  CHECK(placed[1].y == placed[0].y + 12);  // both below their nodes, 2 px apart
  CHECK(!labels_conflict(placed[0], placed[1], 2));
  CHECK(labels_conflict(placed[0], placed[1], 2.5f));
  // One pixel closer: below, right, above and left of node 1 all come within 2 px of label 0.
  cands[1].anchor.y = 61;
  placed = place_labels(cands, options);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].node == 0);
  // Without padding the closer one fits below.
  options.padding = 0;
  placed = place_labels(cands, options);
  CHECK(placed.size() == 2);
}

TEST_CASE("labels: broken input is skipped, not placed") {
  const float nan = std::nanf("");
  std::vector<LabelCandidate> cands = {{0, {nan, 5}, 1, 10, 10, 9},
                                       {1, {5, 5}, 1, -10, 10, 9},
                                       {2, {5, 5}, INFINITY, 10, 10, 9},
                                       {3, {50, 50}, 1, 10, 10, std::nan("")},
                                       {4, {150, 150}, 1, 10, 10, 0}};
  LabelPlacementOptions options;
  options.viewport = {0, 0, 200, 200};
  const std::vector<PlacedLabel> placed = place_labels(cands, options);
  REQUIRE(placed.size() == 2);
  CHECK(placed[0].node == 4);  // NaN priority counts as the lowest
  CHECK(placed[1].node == 3);
  options.viewport = {0, 0, 0, 0};
  CHECK(place_labels(cands, options).empty());
  CHECK(place_labels({}, options).empty());
}

TEST_CASE("labels: zooming in on a grid of nodes never shows fewer labels") {
  // 15 x 15 nodes 10 px apart at zoom 1, in a viewport that holds them all at every zoom.
  const Viewport vp{0, 0, 1800, 1400};
  SeededRandom rng(99);
  std::vector<double> priority(225);
  for (double& p : priority) p = rng.uniform();
  size_t previous = 0;
  std::vector<size_t> counts;
  for (double zoom : {0.5, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0}) {
    std::vector<LabelCandidate> cands;
    for (uint32_t i = 0; i < 225; ++i) {
      const double gx = static_cast<double>(i % 15) - 7, gy = static_cast<double>(i / 15) - 7;
      LabelCandidate c;
      c.node = i;
      c.anchor = {static_cast<float>(900 + gx * 10 * zoom),
                  static_cast<float>(700 + gy * 10 * zoom)};
      c.node_radius = 3;
      c.width = 48;
      c.height = 14;
      c.priority = priority[i];
      cands.push_back(c);
    }
    LabelPlacementOptions options;
    options.viewport = vp;
    const size_t n = place_labels(cands, options).size();
    CHECK(n >= previous);
    counts.push_back(n);
    previous = n;
  }
  CHECK(counts.front() < 40);   // crowded: few labels
  CHECK(counts.back() == 225);  // spread out: every label
}
