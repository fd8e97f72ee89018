#include "core/view/camera.h"

#include <algorithm>
#include <cmath>

namespace dramatis::view {
namespace {

// The viewport centre in pixels, in double so that the mapping is computed at full precision.
double centre_x(const Viewport& vp) {
  return static_cast<double>(vp.x) + 0.5 * static_cast<double>(vp.width);
}
double centre_y(const Viewport& vp) {
  return static_cast<double>(vp.y) + 0.5 * static_cast<double>(vp.height);
}

bool usable_zoom(double z) {
  return std::isfinite(z) && z > 0;
}

}  // namespace

ScreenPoint Camera::to_screen(layout::Point world, const Viewport& vp) const {
  const double sx = centre_x(vp) + (world.x - center_x) * zoom;
  const double sy = centre_y(vp) - (world.y - center_y) * zoom;  // world y up, screen y down
  return {static_cast<float>(sx), static_cast<float>(sy)};
}

layout::Point Camera::to_world(ScreenPoint screen, const Viewport& vp) const {
  return {center_x + (static_cast<double>(screen.x) - centre_x(vp)) / zoom,
          center_y - (static_cast<double>(screen.y) - centre_y(vp)) / zoom};
}

void Camera::pan_pixels(float dx, float dy) {
  if (!std::isfinite(dx) || !std::isfinite(dy) || !usable_zoom(zoom)) return;
  // Dragging right moves the content right, so the centre moves left in the world; dragging
  // down moves the content down, which is towards smaller world y, so the centre goes up.
  center_x -= static_cast<double>(dx) / zoom;
  center_y += static_cast<double>(dy) / zoom;
}

void Camera::zoom_at(ScreenPoint anchor, double factor, const Viewport& vp) {
  if (!usable_zoom(factor) || !usable_zoom(zoom)) return;
  if (!std::isfinite(anchor.x) || !std::isfinite(anchor.y)) return;
  const double new_zoom = zoom * factor;
  if (!usable_zoom(new_zoom)) return;
  const layout::Point w = to_world(anchor, vp);
  zoom = new_zoom;
  // Solve to_world(anchor) == w for the centre.
  center_x = w.x - (static_cast<double>(anchor.x) - centre_x(vp)) / zoom;
  center_y = w.y + (static_cast<double>(anchor.y) - centre_y(vp)) / zoom;
}

void Camera::clamp_zoom(double min_zoom, double max_zoom) {
  if (!usable_zoom(zoom)) zoom = min_zoom;
  if (zoom > max_zoom) zoom = max_zoom;
  if (zoom < min_zoom) zoom = min_zoom;
}

std::array<float, 9> Camera::world_to_clip(const Viewport& vp) const {
  const double w = std::max(static_cast<double>(vp.width), 1.0);
  const double h = std::max(static_cast<double>(vp.height), 1.0);
  // clip = (world - centre) * zoom * 2 / size; the translation is formed in double here, so a
  // far-away centre loses precision only in the final rounding to float.
  const double sx = zoom * 2.0 / w;
  const double sy = zoom * 2.0 / h;  // clip y grows up, like world y
  const double tx = -center_x * sx;
  const double ty = -center_y * sy;
  return {static_cast<float>(sx),
          0.0f,
          0.0f,  //
          0.0f,
          static_cast<float>(sy),
          0.0f,  //
          static_cast<float>(tx),
          static_cast<float>(ty),
          1.0f};
}

WorldBounds bounds_of(std::span<const layout::Point> positions, std::span<const float> radii) {
  WorldBounds b;
  for (size_t i = 0; i < positions.size(); ++i) {
    const layout::Point p = positions[i];
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    double r = i < radii.size() ? static_cast<double>(radii[i]) : 0.0;
    if (!std::isfinite(r) || r < 0) r = 0;
    b.min_x = std::min(b.min_x, p.x - r);
    b.min_y = std::min(b.min_y, p.y - r);
    b.max_x = std::max(b.max_x, p.x + r);
    b.max_y = std::max(b.max_y, p.y + r);
  }
  return b;
}

Camera fit_camera(const WorldBounds& bounds, const Viewport& vp, float margin_px) {
  Camera c;
  if (bounds.empty() || !std::isfinite(bounds.min_x) || !std::isfinite(bounds.max_x) ||
      !std::isfinite(bounds.min_y) || !std::isfinite(bounds.max_y)) {
    return c;
  }
  c.center_x = bounds.min_x + 0.5 * (bounds.max_x - bounds.min_x);
  c.center_y = bounds.min_y + 0.5 * (bounds.max_y - bounds.min_y);
  const double margin =
      std::isfinite(margin_px) ? std::max(static_cast<double>(margin_px), 0.0) : 0;
  const double avail_w = std::max(static_cast<double>(vp.width) - 2 * margin, 1.0);
  const double avail_h = std::max(static_cast<double>(vp.height) - 2 * margin, 1.0);
  const double bw = bounds.max_x - bounds.min_x;
  const double bh = bounds.max_y - bounds.min_y;
  double z = std::numeric_limits<double>::infinity();
  if (bw > 0) z = std::min(z, avail_w / bw);
  if (bh > 0) z = std::min(z, avail_h / bh);
  c.zoom = usable_zoom(z) ? z : 1.0;  // one point (or a box too wide for doubles): zoom 1
  return c;
}

Camera interpolate(const Camera& from, const Camera& to, double t) {
  if (!(t > 0)) return from;  // also NaN
  if (t >= 1) return to;
  Camera c;
  double s = t;
  if (usable_zoom(from.zoom) && usable_zoom(to.zoom)) {
    const double log_r = std::log(to.zoom / from.zoom);
    c.zoom = from.zoom * std::exp(log_r * t);
    // Constant screen speed: d(centre)/dt * zoom(t) is constant, so the share of the way covered
    // is the integral of 1 / zoom, normalised. Near r = 1 that is t itself.
    if (std::abs(log_r) > 1e-9) s = std::expm1(-log_r * t) / std::expm1(-log_r);
  } else {
    c.zoom = from.zoom + (to.zoom - from.zoom) * t;
  }
  c.center_x = from.center_x + (to.center_x - from.center_x) * s;
  c.center_y = from.center_y + (to.center_y - from.center_y) * s;
  return c;
}

void CameraTween::start(const Camera& from, const Camera& to, double duration) {
  from_ = from;
  to_ = to;
  duration_ = std::isfinite(duration) ? std::max(duration, 0.0) : 0.0;
  elapsed_ = 0;
  active_ = true;
}

Camera CameraTween::advance(double dt) {
  if (!active_) return to_;
  if (std::isfinite(dt) && dt > 0) elapsed_ += dt;
  if (!(duration_ > 0) || elapsed_ >= duration_) {
    active_ = false;
    return to_;
  }
  const double u = 1.0 - elapsed_ / duration_;      // remaining share of the time
  return interpolate(from_, to_, 1.0 - u * u * u);  // cubic ease-out
}

}  // namespace dramatis::view
