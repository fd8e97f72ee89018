// `dramatis-cli layout`: reads an edge list (core/graph/edge_list.h), lays it out with the
// force-directed layout (core/layout/force_layout.h) and writes one "name<TAB>x<TAB>y" line per
// node in world units, with a fixed number of decimals so that the same seed gives the same bytes.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <sstream>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/graph/edge_list.h"
#include "core/io/json_text.h"
#include "core/io/read_file.h"
#include "core/layout/force_layout.h"
#include "core/layout/layout_quality.h"

namespace dramatis::cli {
namespace {

constexpr const char* kHelp =
    "Usage: dramatis-cli layout --edges FILE [--seed S] [--iterations N] [--out FILE] [--stats]\n"
    "\n"
    "Lays out a graph with the force-directed layout (ForceAtlas2 family, Barnes-Hut) and\n"
    "writes one line per node: name<TAB>x<TAB>y, coordinates in world units with 6 decimals.\n"
    "\n"
    "  --edges FILE      the edge list: two node names per line and an optional weight,\n"
    "                    whitespace-separated, '#' comments, \"quoted names\" may hold spaces\n"
    "  --seed S          seed of the initial positions (default 1); the same seed gives the\n"
    "                    same output, byte for byte\n"
    "  --iterations N    run exactly N iterations (default: until converged, at most 1000)\n"
    "  --out FILE        write the positions to FILE instead of stdout\n"
    "  --stats           print one JSON line on stdout: nodes, edges, iterations,\n"
    "                    ms_per_iteration, total_ms, converged, stress,\n"
    "                    neighborhood_preservation\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 usage error, 2 bad input (a file that cannot be read or parsed).\n";

// A whole non-negative decimal number that fits in T, or nothing.
template <typename T>
std::optional<T> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  unsigned long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const unsigned long long digit = static_cast<unsigned long long>(c - '0');
    if (value > (std::numeric_limits<unsigned long long>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (value > std::numeric_limits<T>::max()) return std::nullopt;
  return static_cast<T>(value);
}

std::string format_positions(const EdgeListGraph& graph, std::span<const layout::Point> points) {
  std::string out;
  out.reserve(graph.names.size() * 32);
  char buffer[96];
  for (size_t i = 0; i < graph.names.size(); ++i) {
    out += quote_edge_list_name(graph.names[i]);
    // "%.6f" is locale-independent here (the CLI never calls setlocale) and, for the same
    // double, the same bytes on every C library.
    std::snprintf(buffer, sizeof buffer, "\t%.6f\t%.6f\n", points[i].x, points[i].y);
    out += buffer;
  }
  return out;
}

}  // namespace

int run_layout(const std::vector<std::string>& args) {
  const ParsedArgs parsed =
      parse_args(args, {"edges", "seed", "iterations", "out"}, {"help", "stats"});
  if (!parsed.error.empty()) {
    std::cerr << "dramatis-cli layout: " << parsed.error << "\n\n" << kHelp;
    return kUsage;
  }
  if (parsed.has("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (!parsed.positional.empty()) {
    std::cerr << "dramatis-cli layout: unexpected argument '" << parsed.positional[0] << "'\n\n"
              << kHelp;
    return kUsage;
  }
  const std::optional<std::string> edges_path = parsed.value("edges");
  if (!edges_path) {
    std::cerr << "dramatis-cli layout: --edges FILE is required\n\n" << kHelp;
    return kUsage;
  }
  layout::LayoutParams params;
  if (const auto seed = parsed.value("seed")) {
    const auto value = parse_count<uint64_t>(*seed);
    if (!value) {
      std::cerr << "dramatis-cli layout: --seed must be a whole number >= 0, not '" << *seed
                << "'\n";
      return kUsage;
    }
    params.seed = *value;
  }
  std::optional<uint32_t> iterations;
  if (const auto text = parsed.value("iterations")) {
    iterations = parse_count<uint32_t>(*text);
    if (!iterations) {
      std::cerr << "dramatis-cli layout: --iterations must be a whole number >= 0, not '" << *text
                << "'\n";
      return kUsage;
    }
  }

  std::string read_error;
  const std::optional<std::string> bytes = read_file_bytes(*edges_path, read_error);
  if (!bytes) {
    std::cerr << make_error(*edges_path, read_error).format() << '\n';
    return kBadInput;
  }
  std::vector<Diagnostic> diagnostics;
  const std::optional<EdgeListGraph> graph = read_edge_list(*bytes, *edges_path, diagnostics);
  for (const Diagnostic& d : diagnostics) std::cerr << d.format() << '\n';
  if (!graph) return kBadInput;

  const auto start = std::chrono::steady_clock::now();
  layout::ForceLayout engine(params);
  engine.set_graph(static_cast<uint32_t>(graph->names.size()), graph->edges, graph->weights);
  uint32_t steps = 0;
  if (iterations) {
    for (; steps < *iterations; ++steps) engine.step();
  } else {
    steps = engine.run(params.max_iterations);
  }
  const double total_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  const std::span<const layout::Point> points = engine.positions();
  for (const layout::Point& p : points) {
    if (!std::isfinite(p.x) ||
        !std::isfinite(p.y)) {  // the layout guarantees this; never print NaN
      std::cerr << "dramatis-cli layout: " << *edges_path
                << ": internal error: the layout produced a non-finite position\n";
      return kBadInput;
    }
  }
  const std::string text = format_positions(*graph, points);
  if (const auto out_path = parsed.value("out")) {
    std::ofstream out(*out_path, std::ios::binary);
    out << text;
    out.flush();
    if (!out) {
      std::cerr << make_error(*out_path, "cannot write the positions").format() << '\n';
      return kBadInput;
    }
  } else {
    std::cout << text;
  }

  if (parsed.has("stats")) {
    const nlohmann::json stats = {
        {"nodes", graph->names.size()},
        {"edges", graph->edges.size()},
        {"iterations", steps},
        {"ms_per_iteration", steps > 0 ? total_ms / steps : 0.0},
        {"total_ms", total_ms},
        {"converged", engine.converged()},
        {"stress", layout::normalized_stress(points, graph->edges)},
        {"neighborhood_preservation", layout::neighborhood_preservation(points, graph->edges)},
    };
    std::cout << dump_json(stats) << '\n';
  }
  return kOk;
}

}  // namespace dramatis::cli
