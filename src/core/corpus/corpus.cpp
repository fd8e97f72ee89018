#include "core/corpus/corpus.h"

#include "core/corpus/corpus_limits.h"

namespace dramatis {

const Document* Corpus::find(std::string_view id) const {
  for (const Document& doc : documents) {
    if (doc.meta.id == id) return &doc;
  }
  return nullptr;
}

bool Corpus::full() const {
  return documents.size() >= kMaxDocuments;
}

}  // namespace dramatis
