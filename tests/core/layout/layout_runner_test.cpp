// LayoutRunner (src/core/layout/layout_runner.h): the worker runs the same iterations as stepping
// on one thread (bit for bit, inline or threaded), a granted-nothing or settled runner does not
// iterate, a posted pin is honoured, and destroying a busy runner joins cleanly.
#include "core/layout/layout_runner.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstring>
#include <thread>

#include "test_graphs.h"

using namespace dramatis::layout;
using namespace dramatis::layout::testing;

namespace {

using Mode = LayoutRunner::Mode;

std::vector<float> sizes_for(uint32_t n) {
  std::vector<float> sizes(n);
  for (uint32_t i = 0; i < n; ++i) sizes[i] = 2.0f + static_cast<float>(i % 7);
  return sizes;
}

void load(ForceLayout& layout, const TestGraph& g) {
  layout.set_graph(g.nodes, g.edges);
  const std::vector<float> sizes = sizes_for(g.nodes);
  layout.set_node_sizes(sizes);
}

// What the in-frame stepper did, on one thread: step until converged, then remove overlaps.
void settle_reference(ForceLayout& layout) {
  while (!layout.converged()) layout.step();
  layout.remove_overlaps();
}

// Grants two iterations at a time (as a frame does) until a snapshot says the runner settled
// after every change posted so far.
LayoutSnapshot settle(LayoutRunner& runner) {
  LayoutSnapshot snapshot;
  for (int tries = 0; tries < 2'000'000; ++tries) {
    runner.grant(2, 1e9);
    if (runner.take(snapshot) && snapshot.settled && snapshot.changes == runner.posted())
      return snapshot;
    if (runner.mode() == Mode::Thread) std::this_thread::sleep_for(std::chrono::microseconds(20));
  }
  FAIL("the runner did not settle");
  return snapshot;
}

bool same_bits(std::span<const Point> a, std::span<const Point> b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size_bytes()) == 0;
}

uint32_t iterations_of(LayoutRunner& runner) {
  uint32_t iterations = 0;
  runner.sync([&](ForceLayout& layout) { iterations = layout.iterations(); });
  return iterations;
}

}  // namespace

TEST_CASE("layout runner: threaded and inline give the one-thread positions, bit for bit") {
  const TestGraph g = random_graph(400, 400, 7);
  ForceLayout reference;
  load(reference, g);
  settle_reference(reference);
  REQUIRE(reference.iterations() > 10);

  for (const Mode mode : {Mode::Thread, Mode::Inline}) {
    CAPTURE(mode == Mode::Thread);
    LayoutRunner runner(mode);
    runner.sync([&](ForceLayout& layout) { load(layout, g); });
    runner.wake(true);
    const LayoutSnapshot done = settle(runner);
    CHECK(done.converged);
    CHECK(done.iterations == reference.iterations());
    CHECK(done.edges == reference.edge_count());
    CHECK(same_bits(done.positions, reference.positions()));
  }
}

TEST_CASE("layout runner: no iterations unless granted, none after a grant of 0, none settled") {
  const TestGraph g = random_graph(300, 300, 3);
  LayoutRunner runner(Mode::Thread);
  runner.sync([&](ForceLayout& layout) { load(layout, g); });
  runner.wake(true);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(iterations_of(runner) == 0);  // woken, but no frame granted a step

  // A long grant, paused after two iterations: at most the iteration in progress finishes.
  runner.grant(1000, 0.0);
  LayoutSnapshot snapshot;
  for (int tries = 0; tries < 1'000'000 && snapshot.iterations < 2; ++tries) {
    runner.take(snapshot);
    std::this_thread::sleep_for(std::chrono::microseconds(20));
  }
  REQUIRE(snapshot.iterations >= 2);
  runner.grant(0, 0.0);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  runner.take(snapshot);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(runner.take(snapshot));
  CHECK(iterations_of(runner) == snapshot.iterations);

  const LayoutSnapshot done = settle(runner);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  LayoutSnapshot later;
  runner.grant(2, 0.0);  // a settled runner ignores grants: it sleeps until woken
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK_FALSE(runner.take(later));
  CHECK(iterations_of(runner) == done.iterations);
}

TEST_CASE("layout runner: a posted pin is honoured, as it would be on one thread") {
  const TestGraph g = random_graph(300, 300, 11);
  const Point spot{400.0, -250.0};
  ForceLayout reference;
  load(reference, g);
  settle_reference(reference);
  reference.set_position(5, spot);
  reference.set_pinned(5, true);
  settle_reference(reference);

  for (const Mode mode : {Mode::Thread, Mode::Inline}) {
    CAPTURE(mode == Mode::Thread);
    LayoutRunner runner(mode);
    runner.sync([&](ForceLayout& layout) { load(layout, g); });
    runner.wake(true);
    settle(runner);
    runner.post([&](ForceLayout& layout) {
      layout.set_position(5, spot);
      layout.set_pinned(5, true);
    });
    runner.wake(true);
    const LayoutSnapshot done = settle(runner);
    REQUIRE(done.positions.size() == g.nodes);
    CHECK(done.positions[5].x == spot.x);
    CHECK(done.positions[5].y == spot.y);
    CHECK(done.pinned[5] == 1);
    CHECK(same_bits(done.positions, reference.positions()));
  }
}

TEST_CASE("layout runner: destroyed while iterating, it joins; a sync sees its own change") {
  const TestGraph g = random_graph(3000, 3000, 5);
  for (int round = 0; round < 3; ++round) {
    LayoutRunner runner(Mode::Thread);
    runner.sync([&](ForceLayout& layout) { load(layout, g); });
    runner.wake(true);
    runner.grant(2, 0.0);
    std::this_thread::sleep_for(std::chrono::milliseconds(round));
    // A new graph while the old one steps: the sync waits for that step, then replaces it.
    uint32_t nodes = 0;
    runner.sync([&](ForceLayout& layout) {
      load(layout, star(9));
      nodes = layout.node_count();
    });
    CHECK(nodes == 10);
    LayoutSnapshot snapshot;
    // The sync's own snapshot is the newest: nothing iterates after a sync until a grant.
    REQUIRE(runner.take(snapshot));
    CHECK(snapshot.positions.size() == 10);
    runner.wake(true);
    runner.grant(2, 0.0);
  }
}
