#include "ui/frame_timer.h"

#include <algorithm>
#include <numeric>

namespace dramatis::ui {

namespace {

nlohmann::json describe(std::vector<double> s) {
  if (s.empty()) return {{"frames", 0}};
  const double mean = std::accumulate(s.begin(), s.end(), 0.0) / static_cast<double>(s.size());
  std::sort(s.begin(), s.end());
  auto quantile = [&](double q) {
    return s[std::min(s.size() - 1, static_cast<size_t>(q * static_cast<double>(s.size())))];
  };
  return {{"frames", s.size()},
          {"mean_ms", mean},
          {"p50_ms", quantile(0.5)},
          {"p95_ms", quantile(0.95)},
          {"max_ms", s.back()}};
}

}  // namespace

void FrameTimer::record(double app_ms, double frame_ms, bool busy) {
  if (samples_.size() >= kCapacity) return;
  samples_.push_back(frame_ms);
  app_.push_back(app_ms);
  busy_.push_back(busy);
}

nlohmann::json FrameTimer::summary(size_t warmup) const {
  std::vector<double> all, idle, busy, app_all, app_idle, app_busy;
  for (size_t i = warmup; i < samples_.size(); ++i) {
    all.push_back(samples_[i]);
    (busy_[i] ? busy : idle).push_back(samples_[i]);
    app_all.push_back(app_[i]);
    (busy_[i] ? app_busy : app_idle).push_back(app_[i]);
  }
  return {{"all", describe(all)},
          {"idle", describe(idle)},
          {"busy", describe(busy)},
          {"app",
           {{"all", describe(app_all)}, {"idle", describe(app_idle)}, {"busy", describe(app_busy)}}}};
}

}  // namespace dramatis::ui
