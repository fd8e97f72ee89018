// `dramatis-cli eval`: scores the reading engine (or a saved `extract` output) against a
// "dramatis.gold/1" file and prints a table or "dramatis.eval/1" JSON. Rules: docs/quality.md.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/eval/gold.h"
#include "core/eval/scorer.h"
#include "core/io/json_parse.h"
#include "core/io/json_text.h"
#include "core/nlp/pipeline.h"

namespace dramatis::cli {
namespace {

constexpr const char* kHelp =
    "Usage: dramatis-cli eval --gold FILE [--analysis FILE.json] [--format table|json]\n"
    "                         [--types PERSON,ORG,LOCATION]\n"
    "\n"
    "Scores entities, quotes, speakers and aliases against gold annotations\n"
    "(\"dramatis.gold/1\", see docs/quality.md). Offsets are UTF-8 byte offsets, half-open.\n"
    "\n"
    "  --gold FILE          the gold file; its documents are files (relative to its folder)\n"
    "                       or inline text\n"
    "  --analysis FILE      a saved `dramatis-cli extract` output of the gold's documents, in\n"
    "                       gold order, to score instead of running the engine\n"
    "  --format FORMAT      table (default) or json (\"dramatis.eval/1\")\n"
    "  --types LIST         entity types of the micro average (default PERSON,ORG,LOCATION)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 usage error, 2 bad gold or analysis file.\n";

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) std::cerr << "dramatis-cli eval: " << d.format() << '\n';
}

std::optional<std::vector<EntityType>> parse_types(const std::string& list, std::string& error) {
  std::vector<EntityType> types;
  std::stringstream in(list);
  std::string name;
  while (std::getline(in, name, ',')) {
    if (name.empty()) continue;
    auto type = entity_type_from_string(name);
    if (!type) {
      error = "unknown entity type '" + name +
              "' (PERSON, ORG, PRODUCT, LOCATION, EVENT, DATE, MONEY, QUANTITY)";
      return std::nullopt;
    }
    types.push_back(*type);
  }
  if (types.empty()) {
    error = "--types needs at least one entity type";
    return std::nullopt;
  }
  return types;
}

std::optional<std::string> read_file(const std::string& path, std::vector<Diagnostic>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.push_back(make_error(path, "cannot open"));
    return std::nullopt;
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

int run_eval(const std::vector<std::string>& args) {
  const ParsedArgs parsed = parse_args(args, {"gold", "analysis", "format", "types"}, {"help"});
  if (!parsed.error.empty()) {
    std::cerr << "dramatis-cli eval: " << parsed.error << "\n\n" << kHelp;
    return kUsage;
  }
  if (parsed.has("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (!parsed.positional.empty()) {
    std::cerr << "dramatis-cli eval: unexpected argument '" << parsed.positional[0] << "'\n\n"
              << kHelp;
    return kUsage;
  }
  const std::optional<std::string> gold_path = parsed.value("gold");
  if (!gold_path) {
    std::cerr << "dramatis-cli eval: --gold FILE is required\n\n" << kHelp;
    return kUsage;
  }
  const std::string format = parsed.value("format").value_or("table");
  if (format != "table" && format != "json") {
    std::cerr << "dramatis-cli eval: --format must be table or json, not '" << format << "'\n";
    return kUsage;
  }
  eval::ScoreOptions options;
  if (const auto types = parsed.value("types")) {
    std::string error;
    auto list = parse_types(*types, error);
    if (!list) {
      std::cerr << "dramatis-cli eval: " << error << '\n';
      return kUsage;
    }
    options.types = std::move(*list);
  }

  std::vector<Diagnostic> diagnostics;
  const std::optional<eval::GoldSet> gold = eval::load_gold_file(*gold_path, diagnostics);
  print_diagnostics(diagnostics);
  if (!gold) return kBadInput;

  std::optional<Analysis> analysis;
  diagnostics.clear();
  if (const auto analysis_path = parsed.value("analysis")) {
    if (std::optional<std::string> text = read_file(*analysis_path, diagnostics)) {
      if (auto json = parse_json(*text, *analysis_path, diagnostics))
        analysis = eval::analysis_from_json(*json, *gold, *analysis_path, diagnostics);
    }
  } else {
    analysis = analyze(eval::corpus_from_gold(*gold));
  }
  print_diagnostics(diagnostics);
  if (!analysis) return kBadInput;

  const eval::EvalResult result = eval::score(*gold, *analysis, options);
  if (format == "json") {
    std::cout << dump_json(eval::result_to_json(result), 2) << '\n';
  } else {
    std::cout << eval::result_to_table(result);
  }
  return kOk;
}

}  // namespace dramatis::cli
