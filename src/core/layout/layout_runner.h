// LayoutRunner: runs a ForceLayout's iterations on a worker thread (Mode::Thread) or on the
// caller's own thread (Mode::Inline, for builds without threads such as our WebAssembly one),
// with the same iteration sequence either way. Its caller (the graph panel, once a frame) posts
// changes, grants a few iterations and picks up the latest finished positions; it never waits
// for an iteration, except through sync() for the rare changes whose result it needs at once.
// The runner owns the layout: nothing else touches it while a worker may be stepping.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/layout/force_layout.h"

namespace dramatis::layout {

// The layout as one iteration (or change) left it: a copy, so the caller can draw it while the
// next iteration runs.
struct LayoutSnapshot {
  std::vector<Point> positions;
  std::vector<uint8_t> pinned;  // one per node
  size_t edges = 0;
  StepStats last_step;
  uint32_t iterations = 0;
  bool converged = false;
  // The runner is done: the layout converged (or has no nodes), overlaps were removed once
  // (when enabled), and it iterates no more until woken.
  bool settled = false;
  // How many posted changes (post, wake and sync count) this snapshot includes.
  uint64_t changes = 0;
};

class LayoutRunner {
 public:
  enum class Mode { Thread, Inline };
  using Change = std::function<void(ForceLayout&)>;

  explicit LayoutRunner(Mode mode);
  // Stops the worker after the iteration in progress (if any) and joins it.
  ~LayoutRunner();
  LayoutRunner(const LayoutRunner&) = delete;
  LayoutRunner& operator=(const LayoutRunner&) = delete;

  Mode mode() const { return mode_; }

  // Queues a change (a drag, a pin, new parameters), applied before the next iteration, in
  // posting order. Returns its number (1, 2, ...), which snapshots count in `changes`.
  uint64_t post(Change change);
  // Makes the runner iterate again when granted steps, until the layout converges; with
  // redo_overlap_removal, overlaps are removed again when it does. A queued change like post().
  uint64_t wake(bool redo_overlap_removal);
  // Runs `change` once every queued change is applied and no iteration is running, and returns
  // after it ran (so it may fill variables of the caller's): the caller waits for at most the
  // iteration in progress. For changes whose result the caller needs at once (a new graph and
  // its seeded positions). Also cancels what is left of the last grant, so nothing iterates
  // between two syncs that make one change. Returns the change's number.
  uint64_t sync(const Change& change);
  // Allows up to `steps` iterations from now, replacing what is left of the last grant (grants
  // do not pile up when the worker is slower than the frames that grant them); 0 stops the
  // iterations after the one in progress. Mode::Inline runs them now, on this thread, stopping
  // after the first that ends past `inline_budget_ms`.
  void grant(uint32_t steps, double inline_budget_ms);
  // Moves the newest snapshot into `out` (whose buffers it reuses) and returns true, when one
  // newer than the last taken is ready; otherwise leaves `out` alone and returns false.
  bool take(LayoutSnapshot& out);
  // Changes posted so far (the number of the last one).
  uint64_t posted() const { return posted_; }

 private:
  void worker_loop();
  // One granted iteration, as the in-frame stepper did it: step unless converged, then settle
  // (overlap removal once, stop) when converged. Worker (or inline caller) only.
  void step_once();
  void fill(LayoutSnapshot& snapshot, uint64_t changes) const;
  void publish(uint64_t changes);  // worker: copies the layout into ready_

  const Mode mode_;
  // Only the worker (or, inline, the caller) touches these.
  ForceLayout layout_;
  bool active_ = false;  // iterating when granted steps; false once settled
  bool overlaps_removed_ = false;
  LayoutSnapshot back_;        // the worker's buffer for the next snapshot
  bool inline_dirty_ = false;  // Mode::Inline: changed since the last take()

  // Shared between the caller and the worker, under mutex_.
  std::mutex mutex_;
  std::condition_variable wake_worker_;  // the worker waits here for changes, grants or stop
  std::condition_variable applied_;      // sync() waits here for its change
  std::vector<Change> queue_;
  uint64_t posted_ = 0;  // the caller writes it (under the lock) and reads it without
  uint64_t applied_count_ = 0;
  uint32_t credit_ = 0;  // iterations granted and not yet run
  bool stop_ = false;
  LayoutSnapshot ready_;  // the newest snapshot not yet taken
  bool has_ready_ = false;

  std::thread worker_;  // last: starts after everything it reads is constructed
};

}  // namespace dramatis::layout
