#include "cli/corpus_source.h"

#include <iostream>

#include "core/corpus/corpus_loader.h"

namespace dramatis::cli {

Corpus load_requested_corpus(const std::optional<std::string>& corpus_dir,
                             const std::vector<std::string>& files) {
  if (!corpus_dir && files.empty()) return load_builtin_corpus();
  std::vector<std::string> paths;
  if (corpus_dir) paths.push_back(*corpus_dir);
  paths.insert(paths.end(), files.begin(), files.end());
  return load_paths(paths);
}

bool report_diagnostics(const Corpus& corpus) {
  for (const Diagnostic& d : corpus.diagnostics)
    std::cerr << "dramatis-cli: " << d.format() << '\n';
  return has_errors(corpus.diagnostics);
}

}  // namespace dramatis::cli
