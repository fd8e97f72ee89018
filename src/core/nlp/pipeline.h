// The reading engine's entry point: analyses every document of a corpus (text structure,
// entities, aliases, quotes and speakers, dates, events, relations, conflicts). Deterministic:
// the same corpus gives the same Analysis, natively and in WASM.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/events.h"
#include "core/nlp/quote_speakers.h"

namespace dramatis {

struct WordStats;

Analysis analyze(const Corpus& corpus);

// The same analysis in stages (text structure, names, dates, quotes, clusters, relations), for
// callers that show progress between them or spread them over frames (the web app). Each stage
// still covers the whole corpus. `corpus` must outlive the Analyzer and stay unchanged.
class Analyzer {
 public:
  static constexpr size_t kStageCount = 6;
  explicit Analyzer(const Corpus& corpus);
  ~Analyzer();
  bool step();                // runs the next stage; false once all have run
  const char* stage() const;  // the stage step() runs next, in plain words
  float progress() const;     // stages done / kStageCount
  Analysis take();            // runs what is left and hands the analysis over

 private:
  size_t stage_ = 0;
  std::vector<std::string_view> texts_, dates_;
  std::vector<DocumentView> views_;
  std::unique_ptr<WordStats> stats_;
  DatesByDocument dates_by_doc_;
  std::vector<std::vector<MentionRef>> mentions_;
  Analysis analysis_;
};

}  // namespace dramatis
