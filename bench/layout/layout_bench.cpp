// Layout benchmark: generates seeded graphs (Barabási–Albert with 1k, 10k and 100k nodes, a
// planted partition, a grid), runs ForceLayout with a fixed number of iterations and to
// convergence, and prints one JSON line per run: ms per iteration, time to converge, stress and
// neighbourhood preservation. The same source builds natively and for Node (WASM). Usage:
//   layout_bench [--iterations N] [--seed S] [--only NAME] [--no-multilevel]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/layout/force_layout.h"
#include "core/layout/layout_quality.h"
#include "core/layout/seeded_random.h"

namespace {

// FNV-1a over the positions' bit patterns: equal hashes natively and in WASM show the layout is
// deterministic across builds (the test command compares them).
std::string positions_hash(std::span<const dramatis::layout::Point> positions) {
  uint64_t hash = 1469598103934665603ull;
  for (const auto& p : positions) {
    for (double v : {p.x, p.y}) {
      uint64_t bits = 0;
      std::memcpy(&bits, &v, sizeof bits);
      for (int b = 0; b < 8; ++b) {
        hash = (hash ^ ((bits >> (8 * b)) & 0xFF)) * 1099511628211ull;
      }
    }
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

using dramatis::layout::Edge;
using dramatis::layout::SeededRandom;

struct Graph {
  std::string name;
  uint32_t nodes = 0;
  std::vector<Edge> edges;
};

// Barabási–Albert preferential attachment, m edges per new node (so about m * n edges).
Graph barabasi_albert(uint32_t n, uint32_t m, uint64_t seed) {
  Graph g{"ba" + std::to_string(n), n, {}};
  SeededRandom random(seed);
  std::vector<uint32_t> ends;  // every edge end once: picking from it is degree-proportional
  for (uint32_t v = 1; v < n; ++v) {
    std::vector<uint32_t> chosen;
    const uint32_t want = std::min(m, v);
    while (chosen.size() < want) {
      const uint32_t u = ends.empty() ? 0 : ends[random.below(static_cast<uint32_t>(ends.size()))];
      if (std::find(chosen.begin(), chosen.end(), u) == chosen.end()) chosen.push_back(u);
    }
    for (uint32_t u : chosen) {
      g.edges.push_back({u, v});
      ends.push_back(u);
      ends.push_back(v);
    }
  }
  return g;
}

// `groups` groups of `size` nodes; each pair joined with p_in inside a group, p_out across
// (sampled as expected counts per group pair, so large graphs stay cheap to generate).
Graph planted_partition(uint32_t groups, uint32_t size, double degree_in, double degree_out,
                        uint64_t seed) {
  Graph g{"planted" + std::to_string(groups) + "x" + std::to_string(size), groups * size, {}};
  SeededRandom random(seed);
  const uint64_t inside = static_cast<uint64_t>(degree_in * size * groups / 2);
  const uint64_t across = static_cast<uint64_t>(degree_out * size * groups / 2);
  for (uint64_t k = 0; k < inside; ++k) {
    const uint32_t group = random.below(groups);
    const uint32_t a = group * size + random.below(size), b = group * size + random.below(size);
    if (a != b) g.edges.push_back({a, b});
  }
  for (uint64_t k = 0; k < across; ++k) {
    const uint32_t a = random.below(g.nodes), b = random.below(g.nodes);
    if (a / size != b / size) g.edges.push_back({a, b});
  }
  return g;
}

Graph grid(uint32_t side) {
  Graph g{"grid" + std::to_string(side) + "x" + std::to_string(side), side * side, {}};
  for (uint32_t r = 0; r < side; ++r) {
    for (uint32_t c = 0; c < side; ++c) {
      const uint32_t v = r * side + c;
      if (c + 1 < side) g.edges.push_back({v, v + 1});
      if (r + 1 < side) g.edges.push_back({v, v + side});
    }
  }
  return g;
}

double now_ms() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

void run(const Graph& g, const std::string& mode, uint32_t iterations,
         const dramatis::layout::LayoutParams& params) {
  dramatis::layout::ForceLayout layout(params);
  const double t0 = now_ms();
  layout.set_graph(g.nodes, g.edges);
  double start_ms = 0;  // the multilevel start, done by the first step
  double steps_ms = 0;
  uint32_t steps = 0;
  const uint32_t limit = mode == "fixed" ? iterations : params.max_iterations;
  while (steps < limit && (mode == "fixed" || !layout.converged())) {
    const double s = now_ms();
    layout.step();
    const double e = now_ms() - s;
    if (steps == 0 && g.nodes >= params.multilevel_threshold && params.multilevel_threshold > 0) {
      // The first step includes the multilevel start; time one plain step separately.
      start_ms = e;
    } else {
      steps_ms += e;
    }
    ++steps;
  }
  const double total_ms = now_ms() - t0;
  const uint32_t timed = start_ms > 0 ? steps - 1 : steps;
  const auto positions = layout.positions();
  const nlohmann::json line = {
      {"graph", g.name},
      {"nodes", g.nodes},
      {"edges", g.edges.size()},
      {"mode", mode},
      {"iterations", steps},
      {"ms_per_iteration", timed > 0 ? steps_ms / timed : 0.0},
      {"multilevel_start_ms", start_ms},
      {"total_ms", total_ms},
      {"converged", layout.converged()},
      {"stress", dramatis::layout::normalized_stress(positions, g.edges)},
      {"neighborhood_preservation",
       dramatis::layout::neighborhood_preservation(positions, g.edges)},
      {"positions_fnv1a", positions_hash(positions)},
  };
  std::printf("%s\n", line.dump().c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  uint32_t iterations = 100;
  uint64_t seed = 1;
  std::string only;
  dramatis::layout::LayoutParams params;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--iterations" && i + 1 < argc) {
      iterations = static_cast<uint32_t>(std::atoi(argv[++i]));
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else if (arg == "--no-multilevel") {
      params.multilevel_threshold = 0;
    } else {
      std::fprintf(stderr,
                   "usage: layout_bench [--iterations N] [--seed S] [--only NAME] "
                   "[--no-multilevel]\n");
      return 1;
    }
  }
  params.seed = seed;
  const std::vector<std::function<Graph()>> graphs = {
      [&] { return barabasi_albert(1000, 2, seed); },
      [&] { return barabasi_albert(10000, 2, seed); },
      [&] { return barabasi_albert(100000, 2, seed); },
      [&] { return planted_partition(10, 1000, 8.0, 0.5, seed); },
      [&] { return grid(100); },
  };
  for (const auto& make : graphs) {
    const Graph g = make();
    if (!only.empty() && g.name != only) continue;
    run(g, "fixed", iterations, params);
    run(g, "converge", iterations, params);
  }
  return 0;
}
