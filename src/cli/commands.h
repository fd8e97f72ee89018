// The dramatis-cli commands. Each takes its arguments (after the command words) and returns an
// exit code (cli_args.h); output goes to stdout, diagnostics to stderr.
#pragma once

#include <string>
#include <vector>

namespace dramatis::cli {

int run_corpus_list(const std::vector<std::string>& args);
int run_extract(const std::vector<std::string>& args);
int run_eval(const std::vector<std::string>& args);
int run_graph(const std::vector<std::string>& args);
int run_layout(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);

}  // namespace dramatis::cli
