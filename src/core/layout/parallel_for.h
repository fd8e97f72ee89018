// Splits an index range over a few threads for work whose items are independent of each other
// (each writes only its own results), such as the layout's per-node Barnes–Hut sums. Builds
// without threads (our WebAssembly one) run the range on the caller's thread. The result never
// depends on the number of threads, so positions stay bit-identical across builds.
#pragma once

#include <cstddef>
#include <functional>

namespace dramatis::layout {

// The threads parallel_for uses when asked for 0: the machine's cores, at most 8; 1 without
// thread support.
unsigned default_thread_count();

// Calls fn(begin, end) on consecutive chunks of [0, count), each at most `chunk` items, from
// up to `threads` threads (0: default_thread_count()), the caller's among them; returns when
// all are done. `fn` must not throw (on a helper thread that would end the process). Small ranges
// (one chunk) run inline, so short calls pay nothing.
void parallel_for(size_t count, size_t chunk, unsigned threads,
                  const std::function<void(size_t begin, size_t end)>& fn);

}  // namespace dramatis::layout
