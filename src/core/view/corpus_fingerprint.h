// A short, stable name for a corpus's content, and the version of the reading engine's output:
// saved edits and shared links carry both, so ids that point into one corpus (and one extractor
// version) are never silently applied to another.
#pragma once

#include <string>
#include <string_view>

#include "core/corpus/corpus.h"

namespace dramatis {

// The version of what analyze() produces (entity, quote and document ids and their order). Bump
// it when a change to the reading engine can give the same corpus different ids.
inline constexpr std::string_view kExtractorVersion = "1";

// 16 lowercase hex digits: FNV-1a 64 over, for each document in order, its path's length (8 bytes,
// little-endian), its path, its bytes' length (8 bytes, little-endian) and its bytes. The lengths
// keep "ab"+"c" apart from "a"+"bc". Metadata (titles, dates) is left out: it does not move ids.
std::string corpus_fingerprint(const Corpus& corpus);

// 16 lowercase hex digits: FNV-1a 64 of the bytes (a stable name for a file's content).
std::string content_fingerprint(std::string_view bytes);

}  // namespace dramatis
