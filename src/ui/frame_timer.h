// The app's own frame timer: CPU milliseconds per frame (from the start of the frame's UI code to
// the end of its GL submission, not waiting for the GPU or vsync), kept for the last few
// thousand frames. `dramatis --frame-stats FILE` and the state JSON report it; bench/frame reads
// it.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <vector>

namespace dramatis::ui {

class FrameTimer {
 public:
  // `busy`: something animated this frame (the layout stepping, a camera move), which spends a
  // time budget on purpose; idle frames are what drawing and interaction alone cost.
  void record(double cpu_ms, bool busy);
  size_t count() const { return samples_.size(); }
  // {"all": S, "idle": S, "busy": S} with S = {"frames", "mean_ms", "p50_ms", "p95_ms",
  // "max_ms"}; the first `warmup` frames (font atlas, shader compilation) are left out.
  nlohmann::json summary(size_t warmup = 10) const;

 private:
  static constexpr size_t kCapacity = 1 << 16;
  std::vector<double> samples_;
  std::vector<bool> busy_;
};

}  // namespace dramatis::ui
