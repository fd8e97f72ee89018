// Wire datelines (src/core/nlp/dateline_place.cpp): the place a story was filed from, in
// capitals before a dash, and the agency in brackets, on lines written for these tests.
#include "core/nlp/dateline_place.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/corpus/corpus_loader.h"
#include "core/nlp/document_view.h"
#include "core/nlp/pipeline.h"

using namespace dramatis;

namespace {

// "TEXT:TYPE:NAME" for every dateline part of `text`.
std::vector<std::string> parts_of(const std::string& text) {
  const std::vector<DocumentView> views = make_document_views({text}, {""});
  std::vector<std::string> out;
  for (const DatelinePart& p : find_dateline_parts(views[0])) {
    const size_t start = views[0].tokens[p.first_token].start;
    const size_t end = views[0].tokens[p.end_token - 1].end;
    out.push_back(text.substr(start, end - start) + ":" + std::string(to_string(p.type)) + ":" +
                  p.name);
  }
  return out;
}

}  // namespace

TEST_CASE("a dateline's place in capitals and its agency in brackets") {
  CHECK(parts_of("# Floods\n\nROME (AP) — Torrential rain swept the region on Sunday.") ==
        std::vector<std::string>{"ROME:LOCATION:Rome", "AP:ORG:"});
  CHECK(parts_of("# Orders\n\nTOULOUSE, France, March 4, 2025 (Reuters) - Airbus said on "
                 "Tuesday it had won an order.") ==
        std::vector<std::string>{"TOULOUSE:LOCATION:Toulouse", "Reuters:ORG:"});
  CHECK(parts_of("WASHINGTON — The Senate voted late on Wednesday.") ==
        std::vector<std::string>{"WASHINGTON:LOCATION:Washington"});
  CHECK(parts_of("NEW YORK -- Shares fell.") ==
        std::vector<std::string>{"NEW YORK:LOCATION:New York"});
  // A place the lists do not know, before a listed region.
  CHECK(parts_of("KANATA, Ontario — Police closed the road.") ==
        std::vector<std::string>{"KANATA:LOCATION:Kanata"});
}

TEST_CASE("no dateline: a label in capitals, capitals inside a line, a sentence before a dash") {
  CHECK(parts_of("BREAKING — Shares fell sharply.").empty());
  CHECK(parts_of("UPDATE, Monday — The vote was delayed.").empty());
  CHECK(parts_of("Shares fell in ROME — and elsewhere.").empty());
  CHECK(parts_of("ROME is the capital - of Italy.").empty());
  CHECK(parts_of("ROME").empty());
}

TEST_CASE("the dateline's place is one entity with the place the story names") {
  Corpus corpus;
  const std::string text =
      "# Floods in Italy\n\nROME (AP) — Rain swept the north on Sunday, officials in Rome said.";
  add_document_bytes("doc.txt", text, corpus);
  const Analysis a = analyze(corpus);
  const Entity* rome = nullptr;
  for (const Entity& e : a.entities)
    if (e.name == "Rome") rome = &e;
  REQUIRE(rome != nullptr);
  CHECK(rome->type == EntityType::Location);
  CHECK(rome->mentions.size() == 2);
  bool agency = false;
  for (const Entity& e : a.entities)
    agency = agency || (e.name == "AP" && e.type == EntityType::Org);
  CHECK(agency);
}
