// Quotes as CSV (src/core/io/export_quotes_csv.cpp): read back with an RFC 4180 reader, every row
// matches its quote, on a hostile corpus and on the built-in one.
#include <doctest/doctest.h>

#include <cstdlib>

#include "core/corpus/corpus_loader.h"
#include "core/io/export_quotes_csv.h"
#include "core/nlp/pipeline.h"
#include "csv_reader.h"
#include "export_fixture.h"

using namespace dramatis;

namespace {

const std::vector<std::string> kColumns = {
    "id",  "speaker_id", "speaker_name", "document_id", "document_title", "start",
    "end", "kind",       "confidence",   "cue",         "text",           "cluster"};

// Reads `csv` back and checks each row against the quote it came from.
void check_rows(const std::string& csv, const Corpus& corpus, const Analysis& analysis) {
  std::string error;
  const auto rows = csv_test::read_csv(csv, error);
  REQUIRE_MESSAGE(rows, error);
  REQUIRE(rows->size() == analysis.quotes.size() + 1);
  CHECK((*rows)[0] == kColumns);
  for (size_t i = 0; i < analysis.quotes.size(); ++i) {
    const Quote& q = analysis.quotes[i];
    const csv_test::Row& row = (*rows)[i + 1];
    CAPTURE(q.id);
    REQUIRE(row.size() == kColumns.size());
    const Document& doc = corpus.documents[q.span.doc];
    CHECK(row[0] == q.id);
    if (q.speaker >= 0) {
      CHECK(row[1] == analysis.entities[static_cast<size_t>(q.speaker)].id);
      CHECK(row[2] == analysis.entities[static_cast<size_t>(q.speaker)].name);
    } else {
      CHECK(row[1].empty());
      CHECK(row[2].empty());
    }
    CHECK(row[3] == doc.meta.id);
    CHECK(row[4] == doc.meta.title);
    CHECK(row[5] == std::to_string(q.span.start));
    CHECK(row[6] == std::to_string(q.span.end));
    CHECK(row[7] == to_string(q.kind));
    CHECK(std::strtod(row[8].c_str(), nullptr) == q.confidence);
    CHECK(row[9] == q.cue);
    CHECK(row[10] == doc.bytes.substr(q.span.start, q.span.end - q.span.start));
    CHECK(row[11] == q.cluster);
  }
}

}  // namespace

TEST_CASE("quotes CSV: hostile quote text, names and titles read back byte for byte") {
  const export_test::HostileFixture f;
  const std::string csv = export_quotes_csv(f.corpus, f.analysis);
  check_rows(csv, f.corpus, f.analysis);
  // The hostile bits really are in there: CRLF and doubled quotes inside q0's text, invalid
  // UTF-8 in q1's, a control character in a speaker's name.
  CHECK(csv.find("\"\"Hello, \"\"\"\"world\"\"\"\"\r\nsecond line,\"\"\"") != std::string::npos);
  CHECK(csv.find("\xFF\xC3") != std::string::npos);
  CHECK(csv.find("Ctl\x01\x1F") != std::string::npos);
  CHECK(csv.find("0.30000000000000004") != std::string::npos);
  // Every record ends with CRLF: as many CRLFs as records plus the ones inside fields.
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
}

TEST_CASE("quotes CSV: the built-in corpus") {
  const Corpus corpus = load_builtin_corpus();
  const Analysis analysis = analyze(corpus);
  REQUIRE(analysis.quotes.size() > 5);
  const std::string csv = export_quotes_csv(corpus, analysis);
  check_rows(csv, corpus, analysis);
  CHECK(export_quotes_csv(corpus, analysis) == csv);
}

TEST_CASE("quotes CSV: no quotes, just the header") {
  const Corpus corpus;
  const Analysis analysis;
  CHECK(export_quotes_csv(corpus, analysis) ==
        "\"id\",\"speaker_id\",\"speaker_name\",\"document_id\",\"document_title\",\"start\","
        "\"end\",\"kind\",\"confidence\",\"cue\",\"text\",\"cluster\"\r\n");
}
