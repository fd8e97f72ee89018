// `dramatis-cli graph`: analyses a corpus, builds its entity graph (core/graph), filters it by
// entity type and edge weight, and writes it as an edge list (the input of `dramatis-cli layout`)
// or as node-link JSON with each node's PageRank and Louvain community.
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/corpus_source.h"
#include "core/graph/edge_list.h"
#include "core/graph/entity_graph.h"
#include "core/graph/graph_filter.h"
#include "core/graph/metrics.h"
#include "core/io/json_text.h"
#include "core/nlp/pipeline.h"

namespace dramatis::cli {
namespace {

constexpr const char* kHelp =
    "Usage: dramatis-cli graph [--corpus DIR] [FILE...] [--min-weight W] [--types T,T,...]\n"
    "                          [--format edges|json] [--out FILE]\n"
    "\n"
    "Analyses the documents (the built-in corpus when none are given) and writes their entity\n"
    "graph: one node per entity (DATE entities only when --types names DATE), one edge per\n"
    "related pair, weighted by the sentences they share plus their typed relations and quotes.\n"
    "\n"
    "  --corpus DIR      a folder: its manifest.json, or else every .txt/.md file under it\n"
    "  FILE...           text files (.txt, .md) or manifests (.json)\n"
    "  --min-weight W    leave out edges lighter than W (a number >= 0; default 0)\n"
    "  --types LIST      keep only these entity types, comma-separated: PERSON, ORG, PRODUCT,\n"
    "                    LOCATION, EVENT, DATE, MONEY, QUANTITY (default: all but DATE)\n"
    "  --format FORMAT   edges (default): '# ' comment lines, then one edge per line,\n"
    "                    source<TAB>target<TAB>weight; names holding whitespace, '\"', '\\' or\n"
    "                    '#' are double-quoted with \\\" and \\\\ escapes (what `layout --edges`\n"
    "                    reads). json: {\"nodes\":[{id,name,type,size,pagerank,community}],\n"
    "                    \"links\":[{source,target,weight,types}]}, ids being entity ids\n"
    "  --out FILE        write there instead of stdout\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 usage error, 2 a file could not be read (the rest are analysed) or the\n"
    "output could not be written.\n";

std::optional<double> parse_weight(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value) || value < 0.0)
    return std::nullopt;
  return value;
}

// "PERSON,ORG" → a type mask; an unknown name is returned in `bad`.
std::optional<EntityTypeMask> parse_types(const std::string& list, std::string& bad) {
  EntityTypeMask mask = 0;
  std::stringstream stream(list);
  std::string name;
  while (std::getline(stream, name, ',')) {
    const auto type = entity_type_from_string(name);
    if (!type) {
      bad = name;
      return std::nullopt;
    }
    mask |= entity_type_bit(*type);
  }
  if (mask == 0) {
    bad = list;
    return std::nullopt;
  }
  return mask;
}

nlohmann::json graph_json(const Analysis& analysis, const GraphView& view) {
  const EntityGraph& graph = view.graph();
  const PageRankResult rank = pagerank(view);
  const Communities communities = louvain(view);
  nlohmann::json nodes = nlohmann::json::array();
  view.for_each_node([&](uint32_t i) {
    const GraphNode& node = graph.nodes[i];
    nodes.push_back({{"id", analysis.entities[node.entity].id},
                     {"name", graph.names[i]},
                     {"type", std::string(to_string(node.type))},
                     {"size", node.size},
                     {"pagerank", rank.scores[i]},
                     {"community", communities.community[i]}});
  });
  nlohmann::json links = nlohmann::json::array();
  view.for_each_edge([&](uint32_t e) {
    const GraphEdge& edge = graph.edges[e];
    nlohmann::json types = nlohmann::json::array();
    for (unsigned k = 0; k <= static_cast<unsigned>(RelationKind::Other); ++k) {
      if (edge.kinds & relation_bit(static_cast<RelationKind>(k)))
        types.push_back(std::string(to_string(static_cast<RelationKind>(k))));
    }
    links.push_back({{"source", analysis.entities[graph.nodes[edge.a].entity].id},
                     {"target", analysis.entities[graph.nodes[edge.b].entity].id},
                     {"weight", edge.weight},
                     {"types", std::move(types)}});
  });
  return {{"schema", "dramatis.graph/1"}, {"nodes", std::move(nodes)}, {"links", std::move(links)}};
}

}  // namespace

int run_graph(const std::vector<std::string>& args) {
  const ParsedArgs parsed =
      parse_args(args, {"corpus", "min-weight", "types", "format", "out"}, {"help"});
  if (!parsed.error.empty()) {
    std::cerr << "dramatis-cli graph: " << parsed.error << "\n\n" << kHelp;
    return kUsage;
  }
  if (parsed.has("help")) {
    std::cout << kHelp;
    return kOk;
  }
  const std::string format = parsed.value("format").value_or("edges");
  if (format != "edges" && format != "json") {
    std::cerr << "dramatis-cli graph: --format must be edges or json, not '" << format << "'\n";
    return kUsage;
  }
  GraphFilter filter;
  filter.types = kAllEntityTypes & ~entity_type_bit(EntityType::Date);
  if (const auto text = parsed.value("min-weight")) {
    const auto weight = parse_weight(*text);
    if (!weight) {
      std::cerr << "dramatis-cli graph: --min-weight must be a number >= 0, not '" << *text
                << "'\n";
      return kUsage;
    }
    filter.min_weight = *weight;
  }
  if (const auto text = parsed.value("types")) {
    std::string bad;
    const auto mask = parse_types(*text, bad);
    if (!mask) {
      std::cerr << "dramatis-cli graph: unknown entity type '" << bad
                << "' in --types (PERSON, ORG, PRODUCT, LOCATION, EVENT, DATE, MONEY, QUANTITY)\n";
      return kUsage;
    }
    filter.types = *mask;
  }

  const Corpus corpus = load_requested_corpus(parsed.value("corpus"), parsed.positional);
  const bool errors = report_diagnostics(corpus);
  const Analysis analysis = analyze(corpus);
  GraphOptions options;
  options.include_dates = (filter.types & entity_type_bit(EntityType::Date)) != 0;
  const EntityGraph graph = build_entity_graph(corpus, analysis, options);
  const GraphView view = filter_graph(graph, filter);

  std::string output;
  if (format == "json") {
    output = dump_json(graph_json(analysis, view)) + "\n";
  } else {
    const std::string header =
        "dramatis entity graph" + (corpus.name.empty() ? "" : " of " + corpus.name) + ": " +
        std::to_string(view.node_count()) + " nodes, " + std::to_string(view.edge_count()) +
        " edges\nsource\ttarget\tweight (shared sentences + typed "
        "relations + quotes)";
    output = write_edge_list(edge_list_of(view), header);
  }

  if (const auto out = parsed.value("out")) {
    std::ofstream file(*out, std::ios::binary);
    file << output;
    file.close();
    if (!file) {
      std::cerr << "dramatis-cli graph: " << *out << ": cannot write the output\n";
      return kBadInput;
    }
  } else {
    std::cout << output;
  }
  return errors ? kBadInput : kOk;
}

}  // namespace dramatis::cli
