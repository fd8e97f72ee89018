// Dating spans (src/core/graph/span_dates.cpp): the first event, in the analysis' order, whose
// span holds the span gives its date, else the document's date; nested and overlapping events
// and many events in one long document.
#include "core/graph/span_dates.h"

#include <doctest/doctest.h>

#include <string>

using namespace dramatis;

namespace {

Event event_at(size_t start, size_t end, const char* date) {
  Event e;
  e.span = {0, start, end};
  e.date = date;
  return e;
}

DateInterval day(const char* iso) {
  return *date_interval_from_iso(iso);
}

Corpus one_document(const char* date) {
  Corpus corpus;
  Document doc;
  doc.bytes = std::string(1000, 'x');
  doc.meta.date = date;
  corpus.documents.push_back(doc);
  return corpus;
}

}  // namespace

TEST_CASE("a span takes the date of the first event that holds it, else its document's") {
  const Corpus corpus = one_document("2020-06-01");
  Analysis analysis;
  analysis.events = {event_at(50, 60, "2021-01-01"),    // inside the next one, listed first
                     event_at(0, 100, "2022-02-02"),    // a sentence
                     event_at(10, 20, "2023-03-03"),    // nested, listed after its sentence
                     event_at(200, 300, "2024-04-04"),  // a later sentence
                     event_at(250, 400, "2025-05-05"),  // overlapping it
                     event_at(500, 600, "")};           // undated: ignored
  const SpanDater dater(corpus, analysis);
  CHECK(dater.date_of({0, 55, 58}) == day("2021-01-01"));   // both hold it: the first listed wins
  CHECK(dater.date_of({0, 12, 15}) == day("2022-02-02"));   // the sentence is listed before
  CHECK(dater.date_of({0, 0, 100}) == day("2022-02-02"));   // the whole event span
  CHECK(dater.date_of({0, 90, 110}) == day("2020-06-01"));  // crosses the sentence's end
  CHECK(dater.date_of({0, 260, 280}) == day("2024-04-04"));
  CHECK(dater.date_of({0, 310, 320}) == day("2025-05-05"));
  CHECK(dater.date_of({0, 550, 560}) == day("2020-06-01"));  // the undated event gives nothing
  CHECK(dater.date_of({0, 700, 710}) == day("2020-06-01"));
  CHECK(dater.date_of({3, 0, 1}) == DateInterval{});  // no such document
}

TEST_CASE("dating agrees with a scan of every event on many sentences") {
  const Corpus corpus = one_document("");
  Analysis analysis;
  for (size_t i = 0; i < 2000; ++i) {
    const std::string date =
        "20" + std::to_string(10 + i % 20) + "-01-0" + std::to_string(1 + i % 9);
    analysis.events.push_back(event_at(i * 10, i * 10 + (i % 7 == 0 ? 35 : 8), date.c_str()));
  }
  const SpanDater dater(corpus, analysis);
  for (size_t s = 0; s < 20000; s += 7) {
    const DocSpan span{0, s, s + 2};
    DateInterval want;
    for (const Event& e : analysis.events) {
      if (e.span.start <= span.start && span.end <= e.span.end) {
        want = day(e.date.c_str());
        break;
      }
    }
    CAPTURE(s);
    CHECK(dater.date_of(span) == want);
  }
}
