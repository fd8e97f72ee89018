// The picking grid (src/core/layout/spatial_index.cpp) against a brute-force scan with the same
// predicates: random circles, hidden nodes, coincident nodes, empty input, non-finite positions,
// huge and broken radii. Answers must agree exactly, not approximately.
#include "core/layout/spatial_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/layout/seeded_random.h"

using namespace dramatis::layout;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

struct Scene {
  std::vector<Point> positions;
  std::vector<float> radii;
  std::vector<uint8_t> visible;
};

bool indexed(const Scene& s, size_t i) {
  if (i < s.visible.size() && s.visible[i] == 0) return false;
  return std::isfinite(s.positions[i].x) && std::isfinite(s.positions[i].y);
}

double radius(const Scene& s, size_t i) {
  const double r = i < s.radii.size() ? s.radii[i] : 0.0;
  return r >= 0 ? r : 0.0;
}

// The reference: every node, in index order, with the predicates the header documents.
int32_t brute_pick(const Scene& s, Point p, double slop) {
  int32_t best = -1;
  double best_d2 = 0;
  for (size_t i = 0; i < s.positions.size(); ++i) {
    if (!indexed(s, i)) continue;
    const double dx = p.x - s.positions[i].x, dy = p.y - s.positions[i].y;
    const double d2 = dx * dx + dy * dy;
    const double rr = radius(s, i) + slop;
    if (d2 <= rr * rr && (best < 0 || d2 <= best_d2)) {  // later index wins ties
      best = static_cast<int32_t>(i);
      best_d2 = d2;
    }
  }
  return best;
}

std::vector<uint32_t> brute_rect(const Scene& s, Point lo, Point hi) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.positions.size(); ++i) {
    if (!indexed(s, i)) continue;
    const Point c = s.positions[i];
    const double nx = c.x < lo.x ? lo.x : (c.x > hi.x ? hi.x : c.x);
    const double ny = c.y < lo.y ? lo.y : (c.y > hi.y ? hi.y : c.y);
    const double r = radius(s, i);
    if ((c.x - nx) * (c.x - nx) + (c.y - ny) * (c.y - ny) <= r * r) {
      out.push_back(static_cast<uint32_t>(i));
    }
  }
  return out;
}

Scene random_scene(uint64_t seed, size_t n, double extent) {
  SeededRandom rng(seed);
  Scene s;
  for (size_t i = 0; i < n; ++i) {
    s.positions.push_back({rng.uniform(-extent, extent), rng.uniform(-extent * 0.5, extent)});
    // Mostly small radii, a tail of larger ones, a few that span a good part of the scene.
    double r = std::exp(rng.uniform(-1, 2.5));
    if (rng.below(200) == 0) r = extent * rng.uniform(0.05, 0.5);
    s.radii.push_back(static_cast<float>(r));
    s.visible.push_back(rng.below(10) == 0 ? 0 : 1);
  }
  return s;
}

// 1000 random probes: points and slops for pick, rectangles of every size for query_rect.
void check_against_brute(const Scene& s, uint64_t seed, double extent) {
  SpatialIndex index;
  index.build(s.positions, s.radii, s.visible);
  SeededRandom rng(seed);
  std::vector<uint32_t> got;
  size_t picked = 0, rect_hits = 0;
  for (int q = 0; q < 1000; ++q) {
    const Point p{rng.uniform(-1.1 * extent, 1.1 * extent),
                  rng.uniform(-0.6 * extent, 1.1 * extent)};
    const double slop = q % 3 == 0 ? 0.0 : std::exp(rng.uniform(-3, 2));
    const int32_t want = brute_pick(s, p, slop);
    CHECK(index.pick(p, slop) == want);
    picked += want >= 0;
    const double w = std::exp(rng.uniform(-2, std::log(extent))), h = w * rng.uniform(0.2, 3);
    const Point lo{p.x - w * 0.5, p.y - h * 0.5}, hi{p.x + w * 0.5, p.y + h * 0.5};
    index.query_rect(lo, hi, got);
    const std::vector<uint32_t> want_rect = brute_rect(s, lo, hi);
    CHECK(got == want_rect);
    rect_hits += want_rect.size();
    index.query_rect(hi, lo, got);  // corners the wrong way round: the same rectangle
    CHECK(got == want_rect);
  }
  // The probes must exercise hits, or agreeing on -1 and {} would prove nothing.
  CHECK(picked > 100);
  CHECK(rect_hits > 1000);
}

}  // namespace

TEST_CASE("spatial index: agrees with brute force on 10k random circles") {
  const Scene s = random_scene(42, 10000, 1000);
  check_against_brute(s, 7, 1000);
  // Probing at the centres themselves (the picks a user makes most).
  SpatialIndex index;
  index.build(s.positions, s.radii, s.visible);
  for (size_t i = 0; i < s.positions.size(); i += 7) {
    CHECK(index.pick(s.positions[i], 0.5) == brute_pick(s, s.positions[i], 0.5));
  }
  CHECK(index.size() == static_cast<size_t>(std::count(s.visible.begin(), s.visible.end(), 1)));
  CHECK(index.cell_count() <= 2 * index.size() + 16);
}

TEST_CASE("spatial index: hidden nodes are never picked nor listed") {
  const Scene s = random_scene(3, 3000, 200);
  SpatialIndex index;
  index.build(s.positions, s.radii, s.visible);
  std::vector<uint32_t> all;
  index.query_rect({-kInf, -kInf}, {kInf, kInf}, all);
  size_t visible = 0;
  for (size_t i = 0; i < s.positions.size(); ++i) {
    if (s.visible[i] == 0) {
      CHECK(index.pick(s.positions[i], 0) != static_cast<int32_t>(i));
      CHECK(!std::binary_search(all.begin(), all.end(), static_cast<uint32_t>(i)));
    } else {
      ++visible;
    }
  }
  CHECK(all.size() == visible);
  // All hidden: nothing at all.
  std::vector<uint8_t> none(s.positions.size(), 0);
  index.build(s.positions, s.radii, none);
  CHECK(index.pick(s.positions[0], 1e9) == -1);
  index.query_rect({-kInf, -kInf}, {kInf, kInf}, all);
  CHECK(all.empty());
}

TEST_CASE("spatial index: coincident nodes pick the one drawn on top") {
  Scene s;
  s.positions.assign(1000, Point{5, 5});
  s.radii.assign(1000, 1.0f);
  SpatialIndex index;
  index.build(s.positions, s.radii);
  CHECK(index.pick({5, 5}, 0) == 999);
  CHECK(index.pick({5.5, 5.2}, 0) == 999);
  CHECK(index.pick({7, 5}, 0) == -1);
  CHECK(index.pick({7, 5}, 1.5) == 999);
  std::vector<uint32_t> out;
  index.query_rect({5.9, 4}, {8, 6}, out);
  CHECK(out.size() == 1000);
  CHECK(out.front() == 0);
  CHECK(out.back() == 999);
  // The nearest centre beats a higher index.
  s.positions.push_back({5.4, 5});  // node 1000, farther from (5.1, 5) than the stack
  s.radii.push_back(1);
  s.positions.push_back({4.9, 5});  // node 1001, nearer
  s.radii.push_back(1);
  index.build(s.positions, s.radii);
  CHECK(index.pick({4.95, 5}, 0) == 1001);
  CHECK(index.pick({5.3, 5}, 0) == 1000);
  CHECK(index.pick({5.3, 5}, 0) == brute_pick(s, {5.3, 5}, 0));
  // Hiding the top of the stack hands the pick to the next one down.
  s.visible.assign(s.positions.size(), 1);
  s.visible[999] = 0;
  s.visible[1001] = 0;
  index.build(s.positions, s.radii, s.visible);
  CHECK(index.pick({5, 5}, 0) == 998);
}

TEST_CASE("spatial index: empty input") {
  SpatialIndex index;
  std::vector<uint32_t> out{1, 2, 3};
  index.query_rect({0, 0}, {1, 1}, out);  // never built
  CHECK(out.empty());
  CHECK(index.pick({0, 0}, 10) == -1);
  index.build({}, {});
  CHECK(index.pick({0, 0}, 10) == -1);
  index.query_rect({-kInf, -kInf}, {kInf, kInf}, out);
  CHECK(out.empty());
  CHECK(index.size() == 0);
}

TEST_CASE("spatial index: non-finite positions are skipped; non-finite queries match nothing") {
  Scene s = random_scene(9, 2000, 100);
  for (size_t i = 0; i < s.positions.size(); i += 5) {
    s.positions[i] = i % 3 == 0 ? Point{kNaN, 1} : (i % 3 == 1 ? Point{kInf, 0} : Point{0, -kInf});
  }
  SpatialIndex index;
  index.build(s.positions, s.radii, s.visible);
  std::vector<uint32_t> all;
  index.query_rect({-kInf, -kInf}, {kInf, kInf}, all);
  for (uint32_t i : all) CHECK(indexed(s, i));
  CHECK(all == brute_rect(s, {-kInf, -kInf}, {kInf, kInf}));
  check_against_brute(s, 10, 100);
  CHECK(index.pick({kNaN, 0}, 1) == -1);
  CHECK(index.pick({kInf, 0}, 1) == -1);
  index.query_rect({kNaN, 0}, {1, 1}, all);
  CHECK(all.empty());
  // Only non-finite positions: an empty index.
  const std::vector<Point> bad = {{kNaN, kNaN}, {kInf, -kInf}};
  index.build(bad, {});
  CHECK(index.size() == 0);
  CHECK(index.pick({0, 0}, kInf) == -1);
}

TEST_CASE("spatial index: huge, infinite, NaN and missing radii stay exact and bounded") {
  Scene s = random_scene(21, 5000, 500);
  s.radii[10] = 1e30f;                                    // covers everything
  s.radii[20] = std::numeric_limits<float>::infinity();   // covers everything
  s.radii[30] = std::numeric_limits<float>::quiet_NaN();  // counts as 0
  s.radii[40] = -5;                                       // counts as 0
  s.visible[10] = s.visible[20] = s.visible[30] = s.visible[40] = 1;
  check_against_brute(s, 22, 500);
  SpatialIndex index;
  index.build(s.positions, s.radii, s.visible);
  const int32_t far = index.pick({1e6, 1e6}, 0);  // only the two endless circles reach
  CHECK((far == 10 || far == 20));
  CHECK(far == brute_pick(s, {1e6, 1e6}, 0));
  CHECK(index.pick(s.positions[30], 0) == brute_pick(s, s.positions[30], 0));
  // Radii shorter than positions: the rest count as 0.
  Scene short_radii = s;
  short_radii.radii.resize(100);
  check_against_brute(short_radii, 23, 500);
  // Every circle huge: still exact, memory still linear.
  Scene huge = random_scene(5, 3000, 50);
  for (float& r : huge.radii) r *= 1000;
  index.build(huge.positions, huge.radii, huge.visible);
  CHECK(index.memory_bytes() < 200 * huge.positions.size());
  check_against_brute(huge, 6, 50);
}

TEST_CASE("spatial index: extreme coordinates and a degenerate line") {
  Scene s;
  SeededRandom rng(77);
  for (int i = 0; i < 2000; ++i) {
    s.positions.push_back({rng.uniform(-1e300, 1e300), rng.uniform(-1e300, 1e300)});
    s.radii.push_back(static_cast<float>(rng.uniform(0, 1e30)));
  }
  s.positions.push_back({1e308, -1e308});
  s.radii.push_back(1);
  SpatialIndex index;
  index.build(s.positions, s.radii);
  CHECK(index.cell_count() >= 1);
  CHECK(index.pick(s.positions[5], 0) == brute_pick(s, s.positions[5], 0));
  CHECK(index.pick({1e308, -1e308}, 0) == 2000);
  // All nodes on one horizontal line: cells stay bounded, answers exact.
  Scene line;
  for (int i = 0; i < 5000; ++i) {
    line.positions.push_back({i * 0.37, 2.0});
    line.radii.push_back(0.1f);
  }
  index.build(line.positions, line.radii);
  CHECK(index.cell_count() <= 2 * 5000 + 16);
  for (int i = 0; i < 200; ++i) {
    const Point p{rng.uniform(-10, 2000), rng.uniform(1.8, 2.2)};
    CHECK(index.pick(p, 0.05) == brute_pick(line, p, 0.05));
  }
}

TEST_CASE("spatial index: rebuilding with the same size allocates nothing new") {
  Scene s = random_scene(1, 4000, 300);
  SpatialIndex index;
  index.build(s.positions, s.radii, s.visible);
  const size_t bytes = index.memory_bytes();
  for (Point& p : s.positions) p.x += 0.5;  // the layout moved a little
  index.build(s.positions, s.radii, s.visible);
  CHECK(index.memory_bytes() == bytes);
  CHECK(index.pick(s.positions[1], 0) == brute_pick(s, s.positions[1], 0));
}

TEST_CASE("spatial index: 100k nodes, all at one point") {
  Scene s;
  s.positions.assign(100000, Point{-3, 8});
  s.radii.assign(100000, 2.0f);
  SpatialIndex index;
  index.build(s.positions, s.radii);
  CHECK(index.pick({-3, 8}, 0) == 99999);
  CHECK(index.pick({-3, 10.5}, 0) == -1);
  std::vector<uint32_t> out;
  index.query_rect({-1.5, 8}, {0, 9}, out);
  CHECK(out.size() == 100000);
  CHECK(index.memory_bytes() < 100 * 100000);
}
