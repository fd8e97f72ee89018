// Fuzz target: the saved-edits file (view/user_edits.h parse_user_edits, through
// io/json_parse.h), read at every start of the app, on import and from the web's local storage,
// then applied to the built-in corpus' analysis (view/apply_edits.h) and the story rebuilt on the
// result (view/story.h), as the app does after every edit. Input: the file's text.
//
// Besides "no crash", it checks that the edits read are what the writer (user_edits_to_json)
// writes back and reads again unchanged, that the edited analysis keeps analysis.h's contract
// (analysis_check.h) and that hidden entities are indices into it.
#include <string>
#include <vector>

#include "analysis_check.h"
#include "core/corpus/corpus_loader.h"
#include "core/nlp/pipeline.h"
#include "core/view/apply_edits.h"
#include "core/view/corpus_fingerprint.h"
#include "core/view/story.h"
#include "core/view/user_edits.h"
#include "fuzz_check.h"

using namespace dramatis;

namespace {

// The built-in corpus and its analysis, made once (analysing it per input would dominate).
struct Builtin {
  Corpus corpus = load_builtin_corpus();
  Analysis analysis = analyze(corpus);
  std::string fingerprint = corpus_fingerprint(corpus);
};

const Builtin& builtin() {
  static const Builtin b;
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  builtin();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Builtin& b = builtin();
  const std::string file = "fuzz/edits.json";
  const UserEditsResult result =
      parse_user_edits(fuzz::bytes_of(data, size), file, b.fingerprint, kExtractorVersion);
  for (const Diagnostic& d : result.diagnostics) FUZZ_CHECK(d.file == file);
  if (!result.edits) {
    FUZZ_CHECK(!result.diagnostics.empty());  // a file that is not edits says why
    return 0;
  }
  const UserEdits& edits = *result.edits;

  // The writer's form reads back as the same edits, with nothing left out.
  const std::string written = user_edits_to_json(edits).dump(1);
  const UserEditsResult back = parse_user_edits(written, file);
  FUZZ_CHECK(back.ok() && back.edits == edits);
  FUZZ_CHECK(user_edits_to_json(*back.edits).dump(1) == written);

  std::vector<std::string> warnings;
  Analysis edited = apply_user_edits(b.corpus, b.analysis, edits, warnings);
  fuzz::check_analysis(b.corpus, edited);
  const std::vector<uint32_t> hidden = hidden_entity_indices(edited, edits);
  for (size_t i = 0; i < hidden.size(); ++i) {
    FUZZ_CHECK(hidden[i] < edited.entities.size());
    if (i > 0) FUZZ_CHECK(hidden[i - 1] < hidden[i]);
  }
  const Story story = make_story(b.corpus, std::move(edited));
  FUZZ_CHECK(story.pagerank.size() == story.graph.node_count());
  return 0;
}
