// Layout benchmark: generates seeded graphs (Barabási–Albert with 1k, 10k and 100k nodes, a
// planted partition, a grid), runs ForceLayout with a fixed number of iterations and to
// convergence, and prints one JSON line per run: ms per iteration, time to converge, stress and
// neighbourhood preservation. The same source builds natively and for Node (WASM). Usage:
//   layout_bench [--iterations N] [--seed S] [--only NAME] [--no-multilevel] [--threads T]
//                [--param NAME=VALUE]...
// (--threads: LayoutParams::threads; 0, the default, uses every core natively, one in WASM)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/graph/graph_generators.h"
#include "core/layout/force_layout.h"
#include "core/layout/layout_quality.h"
#include "core/layout/parallel_for.h"

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

using dramatis::graph_gen::barabasi_albert;
using dramatis::graph_gen::Graph;
using dramatis::graph_gen::grid;
using dramatis::graph_gen::planted_partition;

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
      {"threads", params.threads == 0 ? dramatis::layout::default_thread_count() : params.threads},
      {"stress", dramatis::layout::normalized_stress(positions, g.edges)},
      {"neighborhood_preservation",
       dramatis::layout::neighborhood_preservation(positions, g.edges)},
      {"positions_fnv1a", positions_hash(positions)},
  };
  std::printf("%s\n", line.dump().c_str());
  std::fflush(stdout);
}

// --param NAME=VALUE sets one LayoutParams field, so parameter choices can be compared on the
// same graphs without a rebuild.
bool set_param(dramatis::layout::LayoutParams& p, const std::string& assignment) {
  const size_t eq = assignment.find('=');
  if (eq == std::string::npos) return false;
  const std::string name = assignment.substr(0, eq);
  const double v = std::strtod(assignment.c_str() + eq + 1, nullptr);
  if (name == "scaling")
    p.scaling = v;
  else if (name == "gravity")
    p.gravity = v;
  else if (name == "strong_gravity")
    p.strong_gravity = v != 0;
  else if (name == "lin_log")
    p.lin_log = v != 0;
  else if (name == "edge_weight_influence")
    p.edge_weight_influence = v;
  else if (name == "theta")
    p.theta = v;
  else if (name == "jitter_tolerance")
    p.jitter_tolerance = v;
  else if (name == "convergence_threshold")
    p.convergence_threshold = v;
  else if (name == "multilevel_threshold")
    p.multilevel_threshold = static_cast<uint32_t>(v);
  else
    return false;
  return true;
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
    } else if (arg == "--param" && i + 1 < argc) {
      if (!set_param(params, argv[++i])) {
        std::fprintf(stderr, "layout_bench: unknown --param '%s'\n", argv[i]);
        return 1;
      }
    } else if (arg == "--threads" && i + 1 < argc) {
      params.threads = static_cast<uint32_t>(std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr,
                   "usage: layout_bench [--iterations N] [--seed S] [--only NAME] "
                   "[--no-multilevel] [--threads T] [--param NAME=VALUE]...\n");
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
