#include "core/corpus/corpus.h"

namespace dramatis {

const Document* Corpus::find(std::string_view id) const {
  for (const Document& doc : documents) {
    if (doc.meta.id == id) return &doc;
  }
  return nullptr;
}

}  // namespace dramatis
