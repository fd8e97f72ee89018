// Inputs on which fuzz/fuzz_engine found the reading engine crashing, kept so they stay fixed.
// Each test runs the whole engine (analyze) on the input as the fuzz target does: the documents
// as given, without the loader's checks, and then checks every span lies in its document.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus_loader.h"
#include "core/nlp/pipeline.h"

using namespace dramatis;
using namespace std::string_literals;

namespace {

// One document per text, bytes as they are (NUL bytes included).
Corpus raw_corpus(const std::vector<std::string>& texts) {
  Corpus corpus;
  for (size_t i = 0; i < texts.size(); ++i) {
    Document doc;
    doc.meta.id = "d" + std::to_string(i);
    doc.path = doc.meta.id + ".txt";
    doc.bytes = texts[i];
    doc.invalid_utf8 = utf8::find_invalid(doc.bytes);
    corpus.documents.push_back(std::move(doc));
  }
  return corpus;
}

void check_spans(const Corpus& corpus, const Analysis& a) {
  const auto inside = [&](const DocSpan& s) {
    return s.doc < corpus.documents.size() && s.start <= s.end &&
           s.end <= corpus.documents[s.doc].bytes.size();
  };
  for (const Entity& e : a.entities)
    for (const DocSpan& m : e.mentions) CHECK(inside(m));
  for (const Quote& q : a.quotes) CHECK(inside(q.span));
}

}  // namespace

// A document whose every line is code (it opens a ``` or ~~~ fence and never closes it) has
// tokens but no sentence; the name statistics and the quote speakers looked up the sentence of
// a token in the empty list of sentences (a null read in release builds).
TEST_CASE("a document that is one code fence has no sentences and is read without a crash") {
  // As fuzz_engine found it (NUL and control bytes included).
  const std::string found =
      "~~~Soumith Chinta\x06\x00\x00\x00\x00\x00\x00\x00la left Met\x00\x01"
      "a. \"It\x01\x00\x00\x00\x00,\" Chn rate in AI. Leaod. Paris is$far.\n"s;
  for (const std::string& text : {found, "~~~\nSoumith\n"s, "```\n\"Hello,\" said Ada Lovelace.\n"s,
                                  "```python\nprint(\"Meta\")  # Soumith Chintala said\n"s}) {
    CAPTURE(text);
    const Corpus corpus = raw_corpus({text});
    const Analysis a = analyze(corpus);
    check_spans(corpus, a);
    CHECK(a.quotes.empty());  // code is not speech
  }

  // Loaded the ordinary way, next to a document with sentences.
  Corpus corpus;
  add_document_bytes("code.md", "```\n\"Hello,\" said Ada Lovelace.\n```\n", corpus);
  add_document_bytes("news.txt", "\"Hello,\" said Ada Lovelace on Monday.\n", corpus);
  const Analysis a = analyze(corpus);
  check_spans(corpus, a);
  CHECK(a.quotes.size() == 1);
}

// A quote on a code line before a document's first sentence opens before the first token of the
// sentence its tokens are counted in; looking back from it for a cue ("said:") subtracted the two
// and, wrapped around, read tokens before the first one.
TEST_CASE("a quote on a code line before the first sentence is read without a crash") {
  // As fuzz_engine found it: two documents, the second one's code fence holds the quote.
  const std::vector<std::string> found = {
      "Soumith Ch\xFF\xFF\xF1\xFF\xFF\xFF\xFFintala leot Meta. \"It was time,\" Chintala s# Dr. "
      "Ada Lovelace joins **Analytical Engines Ltd.**\n"
      "===\n"
      "> \"We are delighted,\" said CEUUUUUUU\x05s Babbage. > > Nested.\n"
      "\n"
      "- First item with [a link](https://example.org/a_b \"title\") and `code`\n"
      "1) Ordered, ~~strucested.\n"
      "\n"
      "- First item with [a link](https://example.org/a_b \"title\") :nd `code`\n"
      "1) Ordered, ~~aid. Paris istruck~~ and _emphasis_ by @ada_l #history\n"
      "| Name | Role |\n"
      "|------s far.|------",
      "\n"
      "```\n"
      "code fence \"not a quote\"\n"
      "```\n"
      "---\n"
      "On Monday, 3 March 2025, she said it\n"
      " was \xE2\x80\x9C"
      "a new era\xE2\x80\x9D; U.S\x94 and O\xE2\x80\x99"
      "Brien\xE2\x80\x99s co-founder didn't.\n"};
  const Corpus corpus = raw_corpus(found);
  check_spans(corpus, analyze(corpus));

  // The smallest form of it: a fence line holding a quote, then one sentence.
  for (const std::string& text :
       {"```\"`\"\n```\n."s, "```\n\"Quoted,\" said no one:\n```\nAda Lovelace spoke.\n"s}) {
    CAPTURE(text);
    const Corpus small = raw_corpus({text});
    check_spans(small, analyze(small));
  }
}
