// `dramatis-cli export`: analyses a corpus and writes it in a format other tools read: the entity
// graph as node-link JSON (d3, graphology, sigma.js), GEXF (Gephi) or GraphML (Gephi,
// Cytoscape), with PageRank, Louvain communities and optionally a force layout; the quotes as
// CSV; or the analysis as `extract` writes it.
#include <charconv>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/corpus_source.h"
#include "core/graph/entity_graph.h"
#include "core/graph/graph_filter.h"
#include "core/graph/metrics.h"
#include "core/io/analysis_json.h"
#include "core/io/export_gexf.h"
#include "core/io/export_graphml.h"
#include "core/io/export_node_link.h"
#include "core/io/export_quotes_csv.h"
#include "core/io/json_text.h"
#include "core/layout/force_layout.h"
#include "core/nlp/pipeline.h"

namespace dramatis::cli {
namespace {

constexpr const char* kHelp =
    "Usage: dramatis-cli export --format FORMAT [--corpus DIR] [FILE...] [--out FILE]\n"
    "                           [--layout] [--seed S]\n"
    "\n"
    "Analyses the documents (the built-in corpus when none are given) and writes them in a\n"
    "format other tools read. Graph formats hold the entity graph of `dramatis-cli graph`\n"
    "(every entity type but DATE), each node with its entity id, name, type, mentions,\n"
    "weighted degree, aliases, PageRank and Louvain community, each edge with its weight,\n"
    "relation kinds and evidence count.\n"
    "\n"
    "  --format FORMAT  node-link: JSON that d3-force, graphology and sigma.js load as is\n"
    "                   gexf: GEXF 1.3 for Gephi\n"
    "                   graphml: GraphML for Gephi, Cytoscape, yEd, networkx\n"
    "                   quotes-csv: one RFC 4180 row per quote (speaker, document, byte\n"
    "                   offsets, kind, confidence, cue, the quoted text, cluster)\n"
    "                   analysis: the JSON of `dramatis-cli extract`\n"
    "  --corpus DIR     a folder: its manifest.json, or else every .txt/.md file under it\n"
    "  FILE...          text files (.txt, .md) or manifests (.json)\n"
    "  --out FILE       write there instead of stdout\n"
    "  --layout         lay the graph out (force-directed, run to convergence) and include\n"
    "                   each node's position in world units (graph formats only)\n"
    "  --seed S         seed of the layout's initial positions (default 1; needs --layout)\n"
    "  -h, --help       show this help\n"
    "\n"
    "The same input and seed give the same bytes.\n"
    "Exit codes: 0 ok, 1 usage error, 2 a file could not be read (the rest are exported) or\n"
    "the output could not be written.\n";

std::optional<uint64_t> parse_seed(const std::string& text) {
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Positions per graph node (world units): the view's nodes laid out by ForceLayout until it
// converges (or LayoutParams::max_iterations); nodes outside the view stay at the origin.
std::vector<layout::Point> lay_out(const GraphView& view, uint64_t seed) {
  const EntityGraph& graph = view.graph();
  std::vector<uint32_t> compact(graph.nodes.size(), 0);
  const std::vector<uint32_t> nodes = view.nodes();
  for (uint32_t k = 0; k < nodes.size(); ++k) compact[nodes[k]] = k;
  std::vector<layout::Edge> edges;
  std::vector<float> weights;
  view.for_each_edge([&](uint32_t e) {
    edges.emplace_back(compact[graph.edges[e].a], compact[graph.edges[e].b]);
    weights.push_back(static_cast<float>(graph.edges[e].weight));
  });
  layout::LayoutParams params;
  params.seed = seed;
  layout::ForceLayout engine(params);
  engine.set_graph(static_cast<uint32_t>(nodes.size()), edges, weights);
  engine.run(params.max_iterations);
  std::vector<layout::Point> positions(graph.nodes.size());
  const std::span<const layout::Point> laid = engine.positions();
  for (uint32_t k = 0; k < nodes.size(); ++k) positions[nodes[k]] = laid[k];
  return positions;
}

std::string graph_export(const std::string& format, const Corpus& corpus, const Analysis& analysis,
                         std::optional<uint64_t> layout_seed) {
  const EntityGraph graph = build_entity_graph(corpus, analysis);
  // The view `dramatis-cli graph` shows by default: every type but DATE.
  GraphFilter filter;
  filter.types = kAllEntityTypes & ~entity_type_bit(EntityType::Date);
  const GraphView view = filter_graph(graph, filter);
  const PageRankResult rank = pagerank(view);
  const Communities communities = louvain(view);
  std::vector<layout::Point> positions;
  if (layout_seed) positions = lay_out(view, *layout_seed);

  GraphExportInput input;
  input.corpus = &corpus;
  input.analysis = &analysis;
  input.graph = &graph;
  input.view = &view;
  input.positions = positions;
  input.community = communities.community;
  input.pagerank = rank.scores;
  if (format == "gexf") return export_gexf(input);
  if (format == "graphml") return export_graphml(input);
  return export_node_link_json(input);
}

}  // namespace

int run_export(const std::vector<std::string>& args) {
  const ParsedArgs parsed =
      parse_args(args, {"corpus", "format", "out", "seed"}, {"help", "layout"});
  if (!parsed.error.empty()) {
    std::cerr << "dramatis-cli export: " << parsed.error << "\n\n" << kHelp;
    return kUsage;
  }
  if (parsed.has("help")) {
    std::cout << kHelp;
    return kOk;
  }
  const std::optional<std::string> format = parsed.value("format");
  if (!format) {
    std::cerr << "dramatis-cli export: --format is required\n\n" << kHelp;
    return kUsage;
  }
  const bool graph_format = *format == "node-link" || *format == "gexf" || *format == "graphml";
  if (!graph_format && *format != "quotes-csv" && *format != "analysis") {
    std::cerr << "dramatis-cli export: --format must be node-link, gexf, graphml, quotes-csv or "
                 "analysis, not '"
              << *format << "'\n";
    return kUsage;
  }
  if (parsed.has("layout") && !graph_format) {
    std::cerr << "dramatis-cli export: --layout applies to node-link, gexf and graphml only\n";
    return kUsage;
  }
  std::optional<uint64_t> layout_seed;
  if (parsed.has("layout")) layout_seed = layout::LayoutParams{}.seed;
  if (const auto text = parsed.value("seed")) {
    const auto seed = parse_seed(*text);
    if (!seed) {
      std::cerr << "dramatis-cli export: --seed must be a whole number >= 0, not '" << *text
                << "'\n";
      return kUsage;
    }
    if (!parsed.has("layout")) {
      std::cerr << "dramatis-cli export: --seed needs --layout\n";
      return kUsage;
    }
    layout_seed = *seed;
  }

  const Corpus corpus = load_requested_corpus(parsed.value("corpus"), parsed.positional);
  const bool errors = report_diagnostics(corpus);
  const Analysis analysis = analyze(corpus);
  std::string output;
  if (*format == "analysis") {
    // Byte for byte what `dramatis-cli extract` prints.
    output = dump_json(analysis_to_json(corpus, analysis)) + "\n";
  } else if (*format == "quotes-csv") {
    output = export_quotes_csv(corpus, analysis);
  } else {
    output = graph_export(*format, corpus, analysis, layout_seed);
  }

  if (const auto out = parsed.value("out")) {
    std::ofstream file(*out, std::ios::binary);
    file << output;
    file.close();
    if (!file) {
      std::cerr << "dramatis-cli export: " << *out << ": cannot write the output\n";
      return kBadInput;
    }
  } else {
    std::cout << output;
  }
  return errors ? kBadInput : kOk;
}

}  // namespace dramatis::cli
