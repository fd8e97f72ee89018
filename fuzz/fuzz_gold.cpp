// Fuzz target: gold files ("dramatis.gold/1", eval/gold.h parse_gold, through io/json_parse.h),
// as `dramatis-cli eval --gold FILE` reads them. Input: the gold file's text. Documents named by
// "path" are "read" from memory: a file's bytes are its own path, and paths starting with
// "missing" cannot be read, so the reader's error paths run too.
//
// Besides "no crash", it checks what gold.h promises: an unusable file says why, every
// diagnostic names the gold file, and every kept span is half-open inside its document's bytes;
// the gold's corpus (corpus_from_gold) has one document per gold document, with its bytes.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/eval/gold.h"
#include "fuzz_check.h"

using namespace dramatis;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::bytes_of(data, size);
  const std::string file = "fuzz/gold.json";
  std::vector<Diagnostic> diagnostics;
  const std::optional<eval::GoldSet> gold =
      eval::parse_gold(text, file, fuzz::read_from_memory, diagnostics);
  for (const Diagnostic& d : diagnostics) FUZZ_CHECK(d.file == file);
  if (!gold) {
    FUZZ_CHECK(has_errors(diagnostics));
    return 0;
  }
  FUZZ_CHECK(!has_errors(diagnostics));
  for (const eval::GoldDocument& doc : gold->documents) {
    for (const eval::GoldEntity& e : doc.entities)
      FUZZ_CHECK(e.start < e.end && e.end <= doc.text.size());
    for (const eval::GoldQuote& q : doc.quotes)
      FUZZ_CHECK(q.start < q.end && q.end <= doc.text.size());
  }
  const Corpus corpus = eval::corpus_from_gold(*gold);
  FUZZ_CHECK(corpus.documents.size() == gold->documents.size());
  for (size_t i = 0; i < corpus.documents.size(); ++i)
    FUZZ_CHECK(corpus.documents[i].bytes == gold->documents[i].text);
  return 0;
}
