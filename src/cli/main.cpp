// dramatis-cli: the headless tool. Dispatches "COMMAND [SUBCOMMAND] ARGS..." to the commands in
// commands.h; every command answers --help.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_args.h"
#include "cli/commands.h"

namespace {

constexpr const char* kHelp =
    "Usage: dramatis-cli COMMAND [ARGS...]\n"
    "\n"
    "Explore news stories from the command line.\n"
    "\n"
    "Commands:\n"
    "  corpus list   list the documents of a corpus (the built-in one by default)\n"
    "  extract       entities, quotes and speakers, dates, relations as JSON\n"
    "  eval          score the reading engine against gold spans\n"
    "  graph         the entity graph of a corpus as an edge list\n"
    "  layout        lay out an edge list with the force-directed layout\n"
    "  export        the graph as node-link JSON, GEXF or GraphML; quotes as CSV\n"
    "\n"
    "Run 'dramatis-cli COMMAND --help' for a command's options.\n"
    "Exit codes: 0 ok, 1 usage error, 2 bad input.\n";

constexpr const char* kCorpusHelp =
    "Usage: dramatis-cli corpus SUBCOMMAND [ARGS...]\n"
    "\n"
    "Subcommands:\n"
    "  list   list the documents of a corpus\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace dramatis::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kHelp;
    return kUsage;
  }
  const std::string command = args[0];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kHelp;
    return kOk;
  }
  if (command == "--version") {
    std::cout << "dramatis-cli " << DRAMATIS_VERSION << '\n';
    return kOk;
  }
  if (command == "extract") return run_extract({args.begin() + 1, args.end()});
  if (command == "eval") return run_eval({args.begin() + 1, args.end()});
  if (command == "graph") return run_graph({args.begin() + 1, args.end()});
  if (command == "layout") return run_layout({args.begin() + 1, args.end()});
  if (command == "export") return run_export({args.begin() + 1, args.end()});
  if (command == "corpus") {
    const std::string sub = args.size() > 1 ? args[1] : "";
    if (sub == "list") return run_corpus_list({args.begin() + 2, args.end()});
    if (sub == "--help" || sub == "-h") {
      std::cout << kCorpusHelp;
      return kOk;
    }
    std::cerr << "dramatis-cli corpus: "
              << (sub.empty() ? "missing subcommand" : "unknown subcommand '" + sub + "'") << "\n\n"
              << kCorpusHelp;
    return kUsage;
  }
  std::cerr << "dramatis-cli: unknown command '" << command << "'\n\n" << kHelp;
  return kUsage;
}
