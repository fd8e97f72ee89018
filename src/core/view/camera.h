// The 2D camera of the graph view: which world point sits at the viewport centre and how many
// pixels a world unit spans; screen <-> world mapping, panning, anchored zoom, fitting, smooth
// moves and the world -> clip matrix the renderer uploads. Headless: no GL here.
#pragma once

#include <array>
#include <limits>
#include <span>

#include "core/layout/layout_types.h"

namespace dramatis::view {

// A point on screen in pixels (logical pixels), origin at the top-left, y growing down.
struct ScreenPoint {
  float x = 0, y = 0;
};

// The rectangle of the screen that shows the graph, in pixels (origin top-left, y down).
struct Viewport {
  float x = 0, y = 0, width = 0, height = 0;
};

struct Camera {
  double center_x = 0, center_y = 0;  // world point at the viewport centre (world y grows UP)
  double zoom = 1;                    // pixels per world unit, > 0

  // World units -> pixels. Rounded to float: callers who need a world point back exactly should
  // keep the world point, not the pixel.
  ScreenPoint to_screen(layout::Point world, const Viewport& vp) const;
  // Pixels -> world units, computed in double.
  layout::Point to_world(ScreenPoint screen, const Viewport& vp) const;

  // Drag by (dx, dy) pixels: the content follows the pointer.
  void pan_pixels(float dx, float dy);
  // Multiplies zoom by `factor` (> 0, finite; anything else is ignored) keeping the world point
  // under `anchor` where it is on screen.
  void zoom_at(ScreenPoint anchor, double factor, const Viewport& vp);
  // Keeps zoom within [min_zoom, max_zoom]; a non-finite or non-positive zoom becomes min_zoom.
  // Zooms about the centre: clamp the factor before zoom_at to keep an anchor in place.
  void clamp_zoom(double min_zoom, double max_zoom);

  // The 3x3 column-major matrix mapping world (x, y, 1) to clip space (-1..1, y up) of a GL
  // viewport set to `vp`. Entries are computed in double (the translation relative to the
  // centre) and rounded to float once. A viewport narrower than 1 pixel counts as 1 pixel.
  std::array<float, 9> world_to_clip(const Viewport& vp) const;

  bool operator==(const Camera&) const = default;
};

// An axis-aligned box in world units; default-constructed it is empty (min > max).
struct WorldBounds {
  double min_x = std::numeric_limits<double>::infinity();
  double min_y = std::numeric_limits<double>::infinity();
  double max_x = -std::numeric_limits<double>::infinity();
  double max_y = -std::numeric_limits<double>::infinity();

  bool empty() const { return !(min_x <= max_x && min_y <= max_y); }
};

// The box around every finite position, each grown by its radius (world units) when `radii` is
// given; a missing, negative or non-finite radius counts as 0. Non-finite positions are skipped.
WorldBounds bounds_of(std::span<const layout::Point> positions, std::span<const float> radii = {});

// The camera that shows `bounds` in `vp` with `margin_px` pixels free on each side (one point or
// empty: zoom 1 at it, the origin when empty). When the margins leave less than one pixel, one
// pixel is used.
Camera fit_camera(const WorldBounds& bounds, const Viewport& vp, float margin_px);

// Smooth camera moves. Zoom is interpolated geometrically (zoom_t = from * (to / from)^t); the
// centre moves at constant speed in screen pixels, so it covers more world units early when
// zooming in and late when zooming out (s(t) = (1 - r^-t) / (1 - r^-1), r = to / from).
// t is clamped to [0, 1]; t = 0 and t = 1 return `from` and `to` exactly.
Camera interpolate(const Camera& from, const Camera& to, double t);

// A camera animation: advance by dt seconds along a cubic ease-out of `duration` seconds.
class CameraTween {
 public:
  // A duration <= 0 (or not finite) arrives on the next advance().
  void start(const Camera& from, const Camera& to, double duration);
  bool active() const { return active_; }
  bool done() const { return !active_; }
  // Moves on by dt seconds (negative or non-finite: 0) and returns the camera to show; once
  // arrived returns the target exactly and becomes inactive. Without start(): a default camera.
  Camera advance(double dt);

 private:
  Camera from_, to_;
  double duration_ = 0, elapsed_ = 0;
  bool active_ = false;
};

}  // namespace dramatis::view
