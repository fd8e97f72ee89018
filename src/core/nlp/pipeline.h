// The reading engine's entry point: analyses every document of a corpus (text structure,
// entities, aliases, quotes and speakers, dates, events, relations, conflicts). Deterministic:
// the same corpus gives the same Analysis, natively and in WASM.
#pragma once

#include "core/corpus/corpus.h"
#include "core/nlp/analysis.h"

namespace dramatis {

Analysis analyze(const Corpus& corpus);

}  // namespace dramatis
