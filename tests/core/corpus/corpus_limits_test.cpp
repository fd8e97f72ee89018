// The corpus limits (src/core/corpus/corpus_limits.h): a document past kMaxDocumentBytes is cut
// (at a line break, or at a character boundary on one enormous line) with a warning giving the
// offset; documents past kMaxDocuments or kMaxCorpusBytes are left out with one warning that
// names the first and counts the rest.
#include "core/corpus/corpus_limits.h"

#include <doctest/doctest.h>

#include <string>

#include "core/corpus/corpus_loader.h"

using namespace dramatis;

namespace {

const Diagnostic* warning_about(const Corpus& corpus, std::string_view words) {
  for (const Diagnostic& d : corpus.diagnostics)
    if (d.severity == Severity::Warning && d.message.find(words) != std::string::npos) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("a document over the limit is cut after its last line break, and says where") {
  std::string bytes;
  const std::string line(999, 'a');
  while (bytes.size() <= kMaxDocumentBytes + 5000) bytes += line + "\n";
  const size_t expected = (kMaxDocumentBytes / 1000) * 1000;  // whole lines of 1000 bytes
  Corpus corpus;
  add_document_bytes("big.txt", bytes, corpus);
  REQUIRE(corpus.documents.size() == 1);
  CHECK(corpus.documents[0].bytes.size() == expected);
  CHECK(corpus.documents[0].bytes == bytes.substr(0, expected));  // offsets unchanged
  const Diagnostic* cut = warning_about(corpus, "only its first");
  REQUIRE(cut != nullptr);
  CHECK(cut->file == "big.txt");
  CHECK(cut->byte_offset == expected);
  CHECK_FALSE(has_errors(corpus.diagnostics));
}

TEST_CASE("one enormous line is cut before the character that crosses the limit") {
  // Three-byte characters (U+20AC) from byte 1: the limit falls inside one of them.
  std::string bytes = "x";
  while (bytes.size() <= kMaxDocumentBytes + 10) bytes += "\xE2\x82\xAC";
  Corpus corpus;
  add_document_bytes("line.txt", bytes, corpus);
  REQUIRE(corpus.documents.size() == 1);
  const size_t kept = corpus.documents[0].bytes.size();
  CHECK(kept <= kMaxDocumentBytes);
  CHECK(kept > kMaxDocumentBytes - 3);
  CHECK((kept - 1) % 3 == 0);  // whole characters only
  CHECK(corpus.documents[0].invalid_utf8.empty());
}

TEST_CASE("a document of exactly the limit is kept whole, without a warning") {
  Corpus corpus;
  add_document_bytes("exact.txt", std::string(kMaxDocumentBytes, 'a'), corpus);
  REQUIRE(corpus.documents.size() == 1);
  CHECK(corpus.documents[0].bytes.size() == kMaxDocumentBytes);
  CHECK(corpus.diagnostics.empty());
}

TEST_CASE("documents past the count limit are left out with one warning naming the first") {
  Corpus corpus;
  for (size_t i = 0; i < kMaxDocuments + 3; ++i)
    add_document_bytes("n" + std::to_string(i) + ".txt", "Ana met Ben.", corpus);
  report_left_out(corpus);
  CHECK(corpus.documents.size() == kMaxDocuments);
  const Diagnostic* left = warning_about(corpus, "were not loaded");
  REQUIRE(left != nullptr);
  CHECK(left->file == "n" + std::to_string(kMaxDocuments) + ".txt");
  CHECK(left->message.find("this and 2 more document(s)") != std::string::npos);
  CHECK(corpus.diagnostics.size() == 1);
  report_left_out(corpus);  // counted once
  CHECK(corpus.diagnostics.size() == 1);
}

TEST_CASE("documents past the corpus byte limit are left out; smaller ones after still fit") {
  Corpus corpus;
  const std::string big(kMaxDocumentBytes, 'a');
  const size_t fit = kMaxCorpusBytes / kMaxDocumentBytes;
  for (size_t i = 0; i < fit + 1; ++i) add_document_bytes("big" + std::to_string(i), big, corpus);
  add_document_bytes("small.txt", "", corpus);  // nothing more to hold: fits
  report_left_out(corpus);
  CHECK(corpus.documents.size() == fit + 1);
  CHECK(corpus.text_bytes == kMaxCorpusBytes);
  const Diagnostic* left = warning_about(corpus, "were not loaded");
  REQUIRE(left != nullptr);
  CHECK(left->file == "big" + std::to_string(fit));
}

TEST_CASE("format_byte_size speaks in B, KB and MB") {
  CHECK(format_byte_size(512) == "512 B");
  CHECK(format_byte_size(1536) == "1.5 KB");
  CHECK(format_byte_size(16u << 20) == "16.0 MB");
}
