// How every command picks its documents: `--corpus DIR` and/or FILE... arguments, or the
// built-in corpus when neither is given. Diagnostics are printed to stderr as they are found.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/corpus/corpus.h"

namespace dramatis::cli {

Corpus load_requested_corpus(const std::optional<std::string>& corpus_dir,
                             const std::vector<std::string>& files);

// Prints each diagnostic on stderr; returns true when any is an error.
bool report_diagnostics(const Corpus& corpus);

}  // namespace dramatis::cli
