// parallel_for: see parallel_for.h. Threads are started per call rather than kept in a pool:
// a call covers one layout iteration (milliseconds of work at the sizes that reach here), so
// the tens of microseconds a start costs do not show, and nothing outlives the call.
#include "core/layout/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <vector>

#if !defined(__EMSCRIPTEN__)
#include <system_error>
#include <thread>
#endif

namespace dramatis::layout {

unsigned default_thread_count() {
#if defined(__EMSCRIPTEN__)
  return 1;
#else
  const unsigned cores = std::thread::hardware_concurrency();
  return std::clamp(cores, 1u, 8u);
#endif
}

void parallel_for(size_t count, size_t chunk, unsigned threads,
                  const std::function<void(size_t begin, size_t end)>& fn) {
  if (count == 0) return;
  chunk = std::max<size_t>(chunk, 1);
  const size_t chunks = (count + chunk - 1) / chunk;
  if (threads == 0) threads = default_thread_count();
  threads = static_cast<unsigned>(std::min<size_t>(threads, chunks));
  // Chunks are handed out in order from one counter, so a thread that draws cheap chunks takes
  // more of them; which thread runs a chunk changes nothing in its results.
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k = next.fetch_add(1, std::memory_order_relaxed); k < chunks;
         k = next.fetch_add(1, std::memory_order_relaxed)) {
      const size_t begin = k * chunk;
      fn(begin, std::min(count, begin + chunk));
    }
  };
#if !defined(__EMSCRIPTEN__)
  if (threads <= 1) {
    work();
    return;
  }
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no thread to be had (a process limit): the caller's thread does the rest
    }
  }
  work();
  for (std::thread& helper : helpers) helper.join();
#else
  (void)threads;
  work();
#endif
}

}  // namespace dramatis::layout
