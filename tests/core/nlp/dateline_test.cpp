// The dateline under a headline (src/core/nlp/dateline.cpp) and what the engine does with it:
// relative dates read against it, the document's date shown from it (src/core/view/story.cpp,
// src/core/io/analysis_json.cpp).
#include "core/nlp/dateline.h"

#include <doctest/doctest.h>

#include <string>

#include "core/corpus/corpus_loader.h"
#include "core/io/analysis_json.h"
#include "core/nlp/pipeline.h"
#include "core/view/story.h"

using namespace dramatis;

namespace {

std::string dateline_of(std::string_view text) {
  const auto found = find_dateline(text, 0);
  return found ? found->value : "";
}

}  // namespace

TEST_CASE("a dateline is a line of one date to the day, under the headline") {
  CHECK(dateline_of("Afghan team honoured\n\nFriday, July 21, 2017\n\nThe team won.") ==
        "2017-07-21");
  CHECK(dateline_of("# Port reopens\n*Nov. 7, 2025*\nThe port reopened.") == "2025-11-07");
  CHECK(dateline_of("Port reopens\n2025-11-07\n") == "2025-11-07");
  const std::string text = "Port reopens\n\nTuesday, September 22, 2015\n\nBody.";
  const auto found = find_dateline(text, 3);
  REQUIRE(found);
  CHECK(found->span.doc == 3);
  CHECK(text.substr(found->span.start, found->span.end - found->span.start) ==
        "Tuesday, September 22, 2015");
}

TEST_CASE("no dateline: a date inside a sentence, a month alone, a date far down") {
  CHECK(dateline_of("Port reopens\n\nThe port reopened on July 21, 2017 after repairs.") == "");
  CHECK(dateline_of("Port reopens\n\nJuly 2017\n\nBody.") == "");
  CHECK(dateline_of("Port reopens\n\nThursday, May 7, 2015 On Tuesday, the council met.") == "");
  CHECK(dateline_of("a\nb\nc\nd\ne\nf\ng\nJuly 21, 2017\n") == "");
  CHECK(dateline_of("") == "");
}

TEST_CASE("relative dates are read against the dateline; the document shows it as its date") {
  Corpus corpus;
  add_document_bytes("port.txt",
                     "Port reopens\n\nFriday, July 21, 2017\n\nThe port reopened on Tuesday, "
                     "its chief Maria Lindqvist said.\n",
                     corpus);
  Story story = make_story(corpus);
  REQUIRE(story.analysis.datelines.size() == 1);
  REQUIRE(story.analysis.datelines[0]);
  CHECK(story.analysis.datelines[0]->value == "2017-07-21");
  bool tuesday = false;
  for (const DateMention& d : story.analysis.dates)
    tuesday = tuesday || (d.relative && d.value == "2017-07-18");
  CHECK(tuesday);
  CHECK(story.corpus.documents[0].meta.date == "2017-07-21");
  CHECK(story.corpus.documents[0].meta.date_from_text);
  const auto json = analysis_to_json(corpus, story.analysis);
  CHECK(json["documents"][0]["date"] == "2017-07-21");
  CHECK(json["documents"][0]["dateline"]["start"] == 14);
  // A date given with the document wins, and nothing is read from the text.
  corpus.documents[0].meta.date = "2017-07-25";
  const Analysis given = analyze(corpus);
  REQUIRE(given.datelines.size() == 1);
  CHECK_FALSE(given.datelines[0]);
}
