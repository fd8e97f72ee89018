// parallel_for (src/core/layout/parallel_for.h): every index is handed out exactly once, in
// chunks no larger than asked, for any thread count, and tiny ranges run on the caller.
#include "core/layout/parallel_for.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

using dramatis::layout::default_thread_count;
using dramatis::layout::parallel_for;

TEST_CASE("parallel_for: each index once, chunks within bounds, for any thread count") {
  for (size_t count : {size_t{0}, size_t{1}, size_t{7}, size_t{1000}, size_t{4097}}) {
    for (size_t chunk : {size_t{1}, size_t{64}, size_t{1024}}) {
      for (unsigned threads : {0u, 1u, 2u, 5u}) {
        CAPTURE(count);
        CAPTURE(chunk);
        CAPTURE(threads);
        std::vector<std::atomic<int>> seen(count);
        std::atomic<bool> oversized{false};
        parallel_for(count, chunk, threads, [&](size_t begin, size_t end) {
          if (end <= begin || end - begin > chunk || end > count) oversized = true;
          for (size_t i = begin; i < end; ++i) seen[i].fetch_add(1);
        });
        CHECK_FALSE(oversized.load());
        bool each_once = true;
        for (const auto& s : seen) each_once = each_once && s.load() == 1;
        CHECK(each_once);
      }
    }
  }
}

TEST_CASE("parallel_for: a range of one chunk runs on the calling thread") {
  const std::thread::id caller = std::this_thread::get_id();
  bool on_caller = false;
  parallel_for(10, 100, 4,
               [&](size_t, size_t) { on_caller = std::this_thread::get_id() == caller; });
  CHECK(on_caller);
  CHECK(default_thread_count() >= 1);
  CHECK(default_thread_count() <= 8);
}
