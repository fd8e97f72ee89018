// Fuzz target: the whole reading engine (nlp/pipeline.h analyze) and the story built on it
// (view/story.h make_story: entity graph, PageRank, communities) on arbitrary bytes, as the app
// and `dramatis-cli extract` run them on the files a user opens, plus the analysis' JSON form
// (io/analysis_json.h, what `extract` prints and the app exports).
//
// Input: up to kMaxDocuments documents separated by the byte 0x1E (ASCII record separator, which
// real text does not use, so a seed made of real articles keeps them whole). The documents are
// given to the engine as is, without the loader's checks (NUL bytes, mostly invalid UTF-8): the
// engine must hold up on any bytes, whoever hands them over. Each document gets a publication
// date from a fixed list (some none), since relative dates are resolved against it.
//
// Besides "no crash", it checks analysis.h's contract (analysis_check.h).
#include <string>
#include <vector>

#include "analysis_check.h"
#include "core/corpus/corpus.h"
#include "core/io/analysis_json.h"
#include "core/nlp/pipeline.h"
#include "core/text/utf8.h"
#include "core/view/story.h"
#include "fuzz_check.h"

using namespace dramatis;

namespace {

constexpr size_t kMaxDocuments = 8;
constexpr char kSeparator = '\x1E';

Corpus corpus_of(std::string_view bytes) {
  static const char* const kDates[] = {"2025-11-07", "", "2025-11", "2024", "2025-02-28"};
  Corpus corpus;
  corpus.name = "fuzz";
  while (corpus.documents.size() < kMaxDocuments) {
    const size_t cut = corpus.documents.size() + 1 == kMaxDocuments ? std::string_view::npos
                                                                    : bytes.find(kSeparator);
    Document doc;
    const size_t i = corpus.documents.size();
    doc.meta.id = "d" + std::to_string(i);
    doc.meta.title = "Document " + std::to_string(i);
    doc.meta.date = kDates[i % std::size(kDates)];
    doc.path = "fuzz/" + doc.meta.id + ".txt";
    doc.bytes = std::string(bytes.substr(0, cut));
    doc.invalid_utf8 = utf8::find_invalid(doc.bytes);
    corpus.documents.push_back(std::move(doc));
    if (cut == std::string_view::npos) break;
    bytes.remove_prefix(cut + 1);
  }
  return corpus;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Corpus corpus = corpus_of(fuzz::bytes_of(data, size));
  Analysis analysis = analyze(corpus);
  fuzz::check_analysis(corpus, analysis);
  // Invalid UTF-8 in names is replaced when printed, as every caller prints it.
  const std::string json = analysis_to_json(corpus, analysis)
                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  FUZZ_CHECK(!json.empty());
  const Story story = make_story(std::move(corpus), std::move(analysis));
  FUZZ_CHECK(story.pagerank.size() == story.graph.node_count());
  FUZZ_CHECK(story.community.size() == story.graph.node_count());
  return 0;
}
