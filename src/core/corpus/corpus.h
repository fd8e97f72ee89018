// A corpus: the documents the user is exploring, plus every diagnostic met while loading them.
// Loading never stops at the first bad file: the good ones are kept and the bad ones reported.
#pragma once

#include <string>
#include <vector>

#include "core/corpus/document.h"
#include "core/diagnostic.h"

namespace dramatis {

struct Corpus {
  std::string name;
  std::vector<Document> documents;
  std::vector<Diagnostic> diagnostics;

  const Document* find(std::string_view id) const;
};

}  // namespace dramatis
