// `dramatis-cli extract`: runs the reading engine on a corpus and prints "dramatis.analysis/1"
// JSON (one document), or with --format jsonl one object per line per kind, for large corpora.
#include <iostream>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/corpus_source.h"
#include "core/io/analysis_json.h"
#include "core/io/json_text.h"
#include "core/nlp/pipeline.h"

namespace dramatis::cli {
namespace {

constexpr const char* kHelp =
    "Usage: dramatis-cli extract [--corpus DIR] [FILE...] [--format json|jsonl] [--pretty]\n"
    "\n"
    "Analyses the documents (the built-in corpus when none are given): entities and their\n"
    "aliases, quotes and speakers, dates, events, relations and conflicts. Offsets are UTF-8\n"
    "byte offsets, half-open, into each file's original bytes. A document given no date takes\n"
    "its dateline's (a line of one date under the headline, \"Friday, July 21, 2017\"): its\n"
    "\"date\" is that one and its \"dateline\" gives where it stands; relative dates (\"on\n"
    "Tuesday\") are read against it.\n"
    "\n"
    "  --corpus DIR     a folder: its manifest.json, or else every .txt/.md file under it\n"
    "  FILE...          text files (.txt, .md) or manifests (.json)\n"
    "  --format FORMAT  json (default): one JSON document; jsonl: one object per line, each\n"
    "                   with a \"record\" field (document, entity, quote, date, event,\n"
    "                   relation, conflict)\n"
    "  --pretty         indent the JSON (json format only)\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 usage error, 2 a file could not be read (the rest are analysed).\n";

void print_jsonl(const nlohmann::json& result) {
  static constexpr std::pair<const char*, const char*> kKinds[] = {
      {"documents", "document"}, {"entities", "entity"}, {"quotes", "quote"},
      {"dates", "date"},         {"events", "event"},    {"relations", "relation"},
      {"conflicts", "conflict"}};
  for (const auto& [field, kind] : kKinds) {
    for (const nlohmann::json& item : result.at(field)) {
      // "record", not "kind": quotes have a "kind" of their own (direct, indirect, mixed).
      nlohmann::json line = {{"record", kind}};
      line.update(item);
      std::cout << dump_json(line) << '\n';
    }
  }
}

}  // namespace

int run_extract(const std::vector<std::string>& args) {
  const ParsedArgs parsed = parse_args(args, {"corpus", "format"}, {"help", "pretty"});
  if (!parsed.error.empty()) {
    std::cerr << "dramatis-cli extract: " << parsed.error << "\n\n" << kHelp;
    return kUsage;
  }
  if (parsed.has("help")) {
    std::cout << kHelp;
    return kOk;
  }
  const std::string format = parsed.value("format").value_or("json");
  if (format != "json" && format != "jsonl") {
    std::cerr << "dramatis-cli extract: --format must be json or jsonl, not '" << format << "'\n";
    return kUsage;
  }
  const Corpus corpus = load_requested_corpus(parsed.value("corpus"), parsed.positional);
  const bool errors = report_diagnostics(corpus);
  const nlohmann::json result = analysis_to_json(corpus, analyze(corpus));
  if (format == "jsonl") {
    print_jsonl(result);
  } else {
    std::cout << dump_json(result, parsed.has("pretty") ? 2 : -1) << '\n';
  }
  return errors ? kBadInput : kOk;
}

}  // namespace dramatis::cli
