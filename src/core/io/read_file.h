// Reading a whole file's bytes, with an error in words ("no such file", "is a folder, not a
// file") for the caller's Diagnostic. Shared by every loader (corpora, manifests, gold files).
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>

namespace dramatis {

// At most `max_bytes` of them: loaders of documents ask for one byte past their limit, so a huge
// file is never read whole just to be cut (corpus_limits.h).
std::optional<std::string> read_file_bytes(const std::string& path, std::string& error,
                                           size_t max_bytes = std::numeric_limits<size_t>::max());

}  // namespace dramatis
