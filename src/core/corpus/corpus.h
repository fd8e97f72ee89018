// A corpus: the documents the user is exploring, plus every diagnostic met while loading them.
// Loading never stops at the first bad file: the good ones are kept and the bad ones reported.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/corpus/document.h"
#include "core/diagnostic.h"

namespace dramatis {

struct Corpus {
  std::string name;
  std::vector<Document> documents;
  std::vector<Diagnostic> diagnostics;
  // Kept by add_to_corpus (corpus_loader.h), which enforces the corpus limits
  // (corpus_limits.h): the documents' bytes in all, and the documents the limits left out that
  // no warning has counted yet (with the path of the first).
  uint64_t text_bytes = 0;
  size_t left_out = 0;
  std::string first_left_out;

  // True when no further document fits (kMaxDocuments reached).
  bool full() const;

  const Document* find(std::string_view id) const;
};

}  // namespace dramatis
