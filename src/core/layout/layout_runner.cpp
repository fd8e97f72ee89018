#include "core/layout/layout_runner.h"

#include <chrono>
#include <utility>

namespace dramatis::layout {
namespace {

double now_ms() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

}  // namespace

LayoutRunner::LayoutRunner(Mode mode) : mode_(mode) {
  if (mode_ == Mode::Thread) worker_ = std::thread(&LayoutRunner::worker_loop, this);
}

LayoutRunner::~LayoutRunner() {
  if (!worker_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_worker_.notify_one();
  worker_.join();
}

uint64_t LayoutRunner::post(Change change) {
  if (mode_ == Mode::Inline) {
    // Nothing iterates between a post and the next grant here, so applying it now is the
    // same as applying it before the next iteration.
    change(layout_);
    inline_dirty_ = true;
    return ++posted_;
  }
  uint64_t number = 0;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(change));
    number = ++posted_;
  }
  wake_worker_.notify_one();
  return number;
}

uint64_t LayoutRunner::wake(bool redo_overlap_removal) {
  // Runs where the layout lives (the worker), so active_ and overlaps_removed_ stay its own.
  return post([this, redo_overlap_removal](ForceLayout&) {
    active_ = true;
    if (redo_overlap_removal) overlaps_removed_ = false;
  });
}

uint64_t LayoutRunner::sync(const Change& change) {
  if (mode_ == Mode::Inline) return post(change);
  uint64_t number = 0;
  std::unique_lock lock(mutex_);
  credit_ = 0;
  // The change runs on the worker while this thread waits below, so it may write the caller's
  // variables by reference: the mutex orders those writes before our reads.
  queue_.push_back([&change](ForceLayout& layout) { change(layout); });
  number = ++posted_;
  wake_worker_.notify_one();
  applied_.wait(lock, [&] { return applied_count_ >= number; });
  return number;
}

void LayoutRunner::grant(uint32_t steps, double inline_budget_ms) {
  if (mode_ == Mode::Inline) {
    // The in-frame stepper: at least one iteration, then more while under the budget.
    const double start = now_ms();
    for (uint32_t i = 0; i < steps && active_; ++i) {
      step_once();
      inline_dirty_ = true;
      if (now_ms() - start > inline_budget_ms) break;
    }
    return;
  }
  {
    std::lock_guard lock(mutex_);
    credit_ = steps;
  }
  if (steps > 0) wake_worker_.notify_one();
}

bool LayoutRunner::take(LayoutSnapshot& out) {
  if (mode_ == Mode::Inline) {
    if (!inline_dirty_) return false;
    fill(out, posted_);
    inline_dirty_ = false;
    return true;
  }
  std::lock_guard lock(mutex_);
  if (!has_ready_) return false;
  // A swap, not a copy: the lock is held for a few pointer moves, never for the positions.
  std::swap(out, ready_);
  has_ready_ = false;
  return true;
}

void LayoutRunner::step_once() {
  if (!active_) return;
  if (!layout_.converged()) layout_.step();
  if (layout_.converged() || layout_.node_count() == 0) {
    if (!overlaps_removed_) {
      layout_.remove_overlaps();
      overlaps_removed_ = true;
    }
    active_ = false;
  }
}

void LayoutRunner::fill(LayoutSnapshot& snapshot, uint64_t changes) const {
  const std::span<const Point> positions = layout_.positions();
  snapshot.positions.assign(positions.begin(), positions.end());
  snapshot.pinned.resize(layout_.node_count());
  for (uint32_t i = 0; i < layout_.node_count(); ++i)
    snapshot.pinned[i] = layout_.pinned(i) ? 1 : 0;
  snapshot.edges = layout_.edge_count();
  snapshot.last_step = layout_.last_step();
  snapshot.iterations = layout_.iterations();
  snapshot.converged = layout_.converged();
  snapshot.settled = !active_;
  snapshot.changes = changes;
}

void LayoutRunner::worker_loop() {
  std::vector<Change> batch;
  std::unique_lock lock(mutex_);
  for (;;) {
    // No changes and no granted iteration (converged, paused, or no frame asked): sleep here,
    // using no CPU, until the caller posts, grants or stops.
    wake_worker_.wait(lock, [&] { return stop_ || !queue_.empty() || (active_ && credit_ > 0); });
    if (stop_) return;
    batch.swap(queue_);
    const uint64_t changes = applied_count_ + batch.size();
    lock.unlock();
    for (Change& change : batch) change(layout_);
    batch.clear();
    lock.lock();
    // The changes may have woken the layout, so the credit is looked at after them; a sync
    // zeroed it, so a sync never waits for an iteration after its own change.
    const bool step = active_ && credit_ > 0;
    if (step) --credit_;
    lock.unlock();
    if (step) step_once();
    fill(back_, changes);
    lock.lock();
    std::swap(back_, ready_);
    has_ready_ = true;
    applied_count_ = changes;
    applied_.notify_all();
  }
}

}  // namespace dramatis::layout
