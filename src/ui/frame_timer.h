// The app's own frame timer, two CPU milliseconds per frame: "app", the app's code (UI, layout
// steps, label placement, buffer updates) up to ImGui::Render, and "frame", that plus the GL
// submission of the frame's draw lists (not waiting for the GPU or vsync; with a software GL
// driver such as Mesa's llvmpipe this includes its rasterisation). Kept for the first 65536
// frames. `dramatis --frame-stats FILE` and the state JSON report it; bench/frame reads it.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <vector>

namespace dramatis::ui {

class FrameTimer {
 public:
  // `busy`: something animated this frame (the layout stepping, a camera move), which spends a
  // time budget on purpose; idle frames are what drawing and interaction alone cost.
  void record(double app_ms, double frame_ms, bool busy);
  size_t count() const { return samples_.size(); }
  // {"all": S, "idle": S, "busy": S} of whole frames and {"app": {"all", "idle", "busy"}} of
  // the app's part, with S = {"frames", "mean_ms", "p50_ms", "p95_ms", "max_ms"}; the first
  // `warmup` frames (font atlas, shader compilation) are left out.
  nlohmann::json summary(size_t warmup = 10) const;

 private:
  static constexpr size_t kCapacity = 1 << 16;
  std::vector<double> samples_;  // whole frames
  std::vector<double> app_;      // the app's part
  std::vector<bool> busy_;
};

}  // namespace dramatis::ui
