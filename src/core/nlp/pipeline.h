// The reading engine's entry point: analyses every document of a corpus (text structure,
// entities, aliases, quotes and speakers, dates, events, relations, conflicts). Deterministic:
// the same corpus gives the same Analysis, natively and in WASM.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/entity_candidates.h"
#include "core/nlp/events.h"
#include "core/nlp/quote_speakers.h"

namespace dramatis {

Analysis analyze(const Corpus& corpus);

// The same analysis in steps, for callers that show progress between them or spread them over
// frames (the web app). The work that looks at one document at a time (tokens, sentences,
// candidate names, dates, quotes) is cut into steps of about kStepBytes of text each; the work
// that looks across the corpus (boilerplate, resolving names, numbering, clusters, relations) is
// one step each. A single document larger than kStepBytes is still one step per pass.
// `corpus` must outlive the Analyzer and stay unchanged.
class Analyzer {
 public:
  static constexpr size_t kStepBytes = 256 * 1024;
  explicit Analyzer(const Corpus& corpus);
  ~Analyzer();
  bool step();                // does the next step; false once everything is done
  const char* stage() const;  // what the next step works on, in plain words
  float progress() const;     // 0..1, by the share of passes and of text done
  Analysis take();            // does what is left and hands the analysis over

 private:
  enum class Pass : uint8_t;
  void run_on_document(Pass pass, size_t doc);
  void run_on_corpus(Pass pass);

  size_t pass_ = 0;        // index into the passes, in order
  size_t next_doc_ = 0;    // next document of a per-document pass
  size_t bytes_done_ = 0;  // text done in the current per-document pass
  size_t total_bytes_ = 0;
  std::vector<std::string_view> texts_, dates_;
  std::vector<DocumentView> views_;
  std::vector<std::vector<text::BoilerplateSpan>> boilerplate_;
  WordStats stats_;
  std::vector<std::vector<bool>> headlines_;
  std::vector<EntityCandidate> candidates_;
  DatesByDocument dates_by_doc_;
  std::vector<std::vector<MentionRef>> mentions_;
  Analysis analysis_;
};

}  // namespace dramatis
