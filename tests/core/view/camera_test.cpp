// The graph view's camera (src/core/view/camera.cpp): screen <-> world round trips, panning,
// anchored zoom, the clip matrix against to_screen, fitting bounds, interpolation and tweens.
#include "core/view/camera.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/layout/seeded_random.h"

using dramatis::layout::Point;
using dramatis::layout::SeededRandom;
using namespace dramatis::view;

namespace {

bool near_rel(double a, double b, double rel) {
  return std::abs(a - b) <= rel * std::max({std::abs(a), std::abs(b), 1.0});
}

// Cameras from small to huge zooms and centres far from the origin.
Camera random_camera(SeededRandom& rng) {
  Camera c;
  c.center_x = rng.uniform(-1e5, 1e5);
  c.center_y = rng.uniform(-1e5, 1e5);
  c.zoom = std::exp(rng.uniform(-8, 8));
  return c;
}

const Viewport kVp{37, 21, 1280, 720};

}  // namespace

TEST_CASE("camera: the viewport centre shows the camera centre; world y grows up") {
  const Camera c{10, 20, 2};
  const ScreenPoint s = c.to_screen({10, 20}, kVp);
  CHECK(s.x == doctest::Approx(37 + 640));
  CHECK(s.y == doctest::Approx(21 + 360));
  const ScreenPoint up = c.to_screen({10, 25}, kVp);  // 5 world units up = 10 pixels up
  CHECK(up.y == doctest::Approx(21 + 360 - 10));
  const ScreenPoint right = c.to_screen({13, 20}, kVp);
  CHECK(right.x == doctest::Approx(37 + 640 + 6));
}

TEST_CASE("camera: to_world and to_screen are inverse") {
  SeededRandom rng(11);
  for (int i = 0; i < 1000; ++i) {
    const Camera c = random_camera(rng);
    // World points that lie on a pixel position survive the float screen point exactly (to
    // within 1e-9 relative); to_screen rounds to float, so arbitrary world points cannot.
    const ScreenPoint s{static_cast<float>(rng.uniform(-500, 2000)),
                        static_cast<float>(rng.uniform(-500, 2000))};
    const Point p = c.to_world(s, kVp);
    const Point back = c.to_world(c.to_screen(p, kVp), kVp);
    CHECK(near_rel(back.x, p.x, 1e-9));
    CHECK(near_rel(back.y, p.y, 1e-9));
    const ScreenPoint again = c.to_screen(p, kVp);
    CHECK(again.x == s.x);
    CHECK(again.y == s.y);
    // Any world point in view comes back within float rounding of its pixel (1e-3 px).
    const Point q{c.center_x + rng.uniform(-600, 600) / c.zoom,
                  c.center_y + rng.uniform(-300, 300) / c.zoom};
    const Point qb = c.to_world(c.to_screen(q, kVp), kVp);
    CHECK(std::abs(qb.x - q.x) * c.zoom < 1e-3);
    CHECK(std::abs(qb.y - q.y) * c.zoom < 1e-3);
  }
}

TEST_CASE("camera: panning moves the content with the pointer") {
  SeededRandom rng(5);
  for (int i = 0; i < 200; ++i) {
    Camera c = random_camera(rng);
    // Whole pixels, so that grab + (dx, dy) is exact in float.
    const ScreenPoint grab{static_cast<float>(rng.below(1000)), static_cast<float>(rng.below(700))};
    const Point under = c.to_world(grab, kVp);
    const float dx = static_cast<float>(rng.below(600)) - 300.0f;
    const float dy = static_cast<float>(rng.below(600)) - 300.0f;
    c.pan_pixels(dx, dy);
    const Point after = c.to_world({grab.x + dx, grab.y + dy}, kVp);
    CHECK(near_rel(after.x, under.x, 1e-9));
    CHECK(near_rel(after.y, under.y, 1e-9));
  }
}

TEST_CASE("camera: zoom_at keeps the anchor's world point under the anchor") {
  SeededRandom rng(7);
  for (int i = 0; i < 1000; ++i) {
    Camera c = random_camera(rng);
    const ScreenPoint anchor{static_cast<float>(rng.uniform(kVp.x, kVp.x + kVp.width)),
                             static_cast<float>(rng.uniform(kVp.y, kVp.y + kVp.height))};
    const Point before = c.to_world(anchor, kVp);
    const double factor = std::exp(rng.uniform(-2, 2));
    const double old_zoom = c.zoom;
    c.zoom_at(anchor, factor, kVp);
    CHECK(near_rel(c.zoom, old_zoom * factor, 1e-12));
    const Point after = c.to_world(anchor, kVp);
    CHECK(near_rel(after.x, before.x, 1e-9));
    CHECK(near_rel(after.y, before.y, 1e-9));
  }
  Camera c{1, 2, 3};
  c.zoom_at({5, 5}, 0, kVp);  // ignored: not a zoom
  c.zoom_at({5, 5}, std::nan(""), kVp);
  c.zoom_at({5, 5}, -2, kVp);
  CHECK(c == Camera{1, 2, 3});
}

TEST_CASE("camera: clamp_zoom") {
  Camera c{0, 0, 50};
  c.clamp_zoom(0.1, 10);
  CHECK(c.zoom == 10);
  c.zoom = 0.001;
  c.clamp_zoom(0.1, 10);
  CHECK(c.zoom == 0.1);
  c.zoom = 3;
  c.clamp_zoom(0.1, 10);
  CHECK(c.zoom == 3);
  c.zoom = std::nan("");
  c.clamp_zoom(0.1, 10);
  CHECK(c.zoom == 0.1);
}

TEST_CASE("camera: world_to_clip agrees with to_screen") {
  SeededRandom rng(3);
  for (int i = 0; i < 500; ++i) {
    const Camera c = random_camera(rng);
    const std::array<float, 9> m = c.world_to_clip(kVp);
    CHECK(m[2] == 0.0f);
    CHECK(m[5] == 0.0f);
    CHECK(m[8] == 1.0f);
    const Point p{c.center_x + rng.uniform(-640, 640) / c.zoom,
                  c.center_y + rng.uniform(-360, 360) / c.zoom};
    // Clip space as a GPU would compute it (in double here, to test the matrix alone).
    const double clip_x = m[0] * p.x + m[3] * p.y + m[6];
    const double clip_y = m[1] * p.x + m[4] * p.y + m[7];
    const double sx = kVp.x + (clip_x + 1) * 0.5 * kVp.width;
    const double sy = kVp.y + (1 - clip_y) * 0.5 * kVp.height;
    const ScreenPoint s = c.to_screen(p, kVp);
    // The float matrix carries centre * zoom in a float: allow its rounding in pixels.
    const double tol = 1e-6 * (std::abs(c.center_x) + std::abs(c.center_y)) * c.zoom + 1e-2;
    CHECK(std::abs(sx - s.x) <= tol);
    CHECK(std::abs(sy - s.y) <= tol);
  }
  // A viewport's corners map to the clip square's.
  const Camera c{4, -2, 0.5};
  const std::array<float, 9> m = c.world_to_clip(kVp);
  const Point top_right = c.to_world({kVp.x + kVp.width, kVp.y}, kVp);
  CHECK(m[0] * top_right.x + m[6] == doctest::Approx(1.0));
  CHECK(m[4] * top_right.y + m[7] == doctest::Approx(1.0));
}

TEST_CASE("camera: bounds_of skips non-finite positions and grows by radii") {
  const std::vector<Point> pts = {{1, 2}, {std::nan(""), 0}, {-3, 5}, {INFINITY, 1}};
  const std::vector<float> radii = {1, 100, 0.5f, 100};
  const WorldBounds b = bounds_of(pts, radii);
  CHECK(b.min_x == -3.5);
  CHECK(b.max_x == 2);
  CHECK(b.min_y == 1);
  CHECK(b.max_y == 5.5);
  CHECK(!b.empty());
  CHECK(bounds_of({}).empty());
  CHECK(WorldBounds{}.empty());
  const WorldBounds plain = bounds_of(pts);
  CHECK(plain.min_x == -3);
  CHECK(plain.max_y == 5);
}

TEST_CASE("camera: fit_camera shows every bound inside the viewport minus margins") {
  SeededRandom rng(13);
  for (int i = 0; i < 500; ++i) {
    std::vector<Point> pts(1 + rng.below(50));
    const double spread = std::exp(rng.uniform(-5, 10));
    const double ox = rng.uniform(-1e4, 1e4), oy = rng.uniform(-1e4, 1e4);
    for (Point& p : pts) p = {ox + rng.uniform(0, spread), oy + rng.uniform(0, spread * 0.3)};
    const Viewport vp{
        static_cast<float>(rng.uniform(0, 100)), static_cast<float>(rng.uniform(0, 100)),
        static_cast<float>(rng.uniform(200, 2000)), static_cast<float>(rng.uniform(200, 2000))};
    const float margin = static_cast<float>(rng.uniform(0, 60));
    const WorldBounds b = bounds_of(pts);
    const Camera c = fit_camera(b, vp, margin);
    if (pts.size() == 1) {
      CHECK(c.zoom == 1);
      CHECK(c.center_x == pts[0].x);
      continue;
    }
    const double eps = 1e-2;  // pixels: float rounding of the screen point
    bool touches = false;     // the box fills the available space along one axis
    for (const Point corner : {Point{b.min_x, b.min_y}, Point{b.max_x, b.max_y}}) {
      const ScreenPoint s = c.to_screen(corner, vp);
      CHECK(s.x >= vp.x + margin - eps);
      CHECK(s.x <= vp.x + vp.width - margin + eps);
      CHECK(s.y >= vp.y + margin - eps);
      CHECK(s.y <= vp.y + vp.height - margin + eps);
    }
    const ScreenPoint lo = c.to_screen({b.min_x, b.min_y}, vp);
    const ScreenPoint hi = c.to_screen({b.max_x, b.max_y}, vp);
    touches = std::abs(hi.x - lo.x - (vp.width - 2 * margin)) < 0.05 ||
              std::abs(lo.y - hi.y - (vp.height - 2 * margin)) < 0.05;
    CHECK(touches);  // as large as fits, not merely inside
  }
  const Camera empty = fit_camera(WorldBounds{}, kVp, 10);
  CHECK(empty == Camera{});
}

TEST_CASE("camera: interpolate hits both ends and moves zoom geometrically") {
  const Camera a{0, 0, 1}, b{100, -50, 16};
  CHECK(interpolate(a, b, 0) == a);
  CHECK(interpolate(a, b, 1) == b);
  CHECK(interpolate(a, b, -3) == a);
  CHECK(interpolate(a, b, 7) == b);
  CHECK(interpolate(a, b, 0.5).zoom == doctest::Approx(4.0));
  CHECK(interpolate(a, b, 0.25).zoom == doctest::Approx(2.0));
  // Constant screen speed: equal steps in t cover equal pixels at the zoom of the moment, so
  // when zooming in the centre covers most of the world distance early.
  const Camera mid = interpolate(a, b, 0.5);
  CHECK(mid.center_x > 50);
  CHECK(mid.center_y < -25);
  double prev_x = 0;
  for (int i = 1; i <= 100; ++i) {
    const Camera c = interpolate(a, b, i / 100.0);
    CHECK(c.center_x >= prev_x);
    prev_x = c.center_x;
  }
  // Without a zoom change the centre moves linearly.
  const Camera p{0, 0, 2}, q{10, 20, 2};
  CHECK(interpolate(p, q, 0.3).center_x == doctest::Approx(3.0));
  CHECK(interpolate(p, q, 0.3).center_y == doctest::Approx(6.0));
}

TEST_CASE("camera: a tween eases out and finishes on the target") {
  const Camera a{0, 0, 1}, b{10, 10, 4};
  CameraTween t;
  CHECK(!t.active());
  t.start(a, b, 0.5);
  CHECK(t.active());
  double prev_zoom = 1;
  double prev_step = 1e9;  // in log zoom, which the tween eases
  int frames = 0;
  Camera c;
  while (t.active() && frames < 1000) {
    c = t.advance(1.0 / 60);
    CHECK(c.zoom >= prev_zoom);
    const double step = std::log(c.zoom) - std::log(prev_zoom);
    if (t.active()) CHECK(step <= prev_step * 1.0001 + 1e-12);  // ease-out: steps shrink
    prev_step = step;
    prev_zoom = c.zoom;
    ++frames;
  }
  CHECK(frames >= 30);  // 0.5 s at 60 frames a second (31 if the sum of 1/60 rounds short)
  CHECK(frames <= 31);
  CHECK(t.done());
  CHECK(c == b);
  CHECK(t.advance(1) == b);
  t.start(a, b, 0);  // no duration: arrives at once
  CHECK(t.advance(0) == b);
  CHECK(!t.active());
}
