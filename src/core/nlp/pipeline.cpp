#include "core/nlp/pipeline.h"

namespace dramatis {

Analysis analyze(const Corpus& corpus) {
  Analysis analysis;
  (void)corpus;
  return analysis;
}

}  // namespace dramatis
