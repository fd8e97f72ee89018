// Names inside longer names (src/core/nlp/nested_mentions.cpp), on sentences written for these
// tests: which inner names are mentions of their own, and that speakers and relations still
// read the outer name.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/corpus/corpus_loader.h"
#include "core/nlp/pipeline.h"

using namespace dramatis;

namespace {

struct Analysed {
  std::string text;
  Analysis analysis;
};

Analysed analyse(std::string text) {
  Corpus corpus;
  add_document_bytes("doc.txt", text, corpus);
  Analysis a = analyze(corpus);
  return {std::move(text), std::move(a)};
}

// The entity one of whose mentions is exactly the `nth` occurrence of `words`, or nullptr.
const Entity* entity_at(const Analysed& a, std::string_view words, size_t nth = 0) {
  size_t at = a.text.find(words);
  for (size_t i = 0; i < nth && at != std::string::npos; ++i) at = a.text.find(words, at + 1);
  if (at == std::string::npos) return nullptr;
  for (const Entity& e : a.analysis.entities) {
    for (const DocSpan& m : e.mentions)
      if (m.start == at && m.end == at + words.size()) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a country, a region and a known name inside an organisation are mentions too") {
  const Analysed a = analyse(
      "Amira Haddad, a student at the University of Nebraska, won a prize at the Vexa Science "
      "Fair. She joined Vexa in May. The Marlow Institute of Canada "
      "sent a letter.");
  const Entity* university = entity_at(a, "University of Nebraska");
  REQUIRE(university != nullptr);
  const Entity* nebraska = entity_at(a, "Nebraska");
  REQUIRE(nebraska != nullptr);
  CHECK(nebraska->type == EntityType::Location);
  CHECK(nebraska != university);
  // "Vexa" is a name of its own elsewhere in the article, so the fair's first word is that name.
  const Entity* fair = entity_at(a, "Vexa Science Fair");
  const Entity* vexa = entity_at(a, "Vexa", 1);
  REQUIRE(fair != nullptr);
  REQUIRE(vexa != nullptr);
  CHECK(vexa != fair);
  CHECK(vexa == entity_at(a, "Vexa", 0));
  const Entity* canada = entity_at(a, "Canada");
  REQUIRE(canada != nullptr);
  CHECK(canada->type == EntityType::Location);
}

TEST_CASE("a country's short form inside a name joins the country") {
  const Analysed a = analyse(
      "The United States said on Monday that talks would resume. The U.S. Department of Energy "
      "confirmed the date.");
  const Entity* country = entity_at(a, "United States");
  REQUIRE(country != nullptr);
  CHECK(entity_at(a, "U.S.") == country);
  CHECK(std::find(country->aliases.begin(), country->aliases.end(), "U.S.") !=
        country->aliases.end());
}

TEST_CASE("no inner name holds the outer name's head word, and a region keeps its compass point") {
  const Analysed a = analyse(
      "The US State Department said it would help. Fighting was reported in South Korea. Students "
      "at the University of Southern Ohio protested.");
  CHECK(entity_at(a, "State Department") == nullptr);
  CHECK(entity_at(a, "US") != nullptr);
  CHECK(entity_at(a, "Korea") == nullptr);
  const Entity* region = entity_at(a, "Southern Ohio");
  REQUIRE(region != nullptr);
  CHECK(region->type == EntityType::Location);
  CHECK(entity_at(a, "Ohio") == nullptr);
}

TEST_CASE("a single-word city inside a compass part of it is nested") {
  const Analysed a = analyse(
      "In the Kowloon West constituency, turnout rose. She worked for the Johnson Stone "
      "Foundation.");
  const Entity* kowloon = entity_at(a, "Kowloon");
  REQUIRE(kowloon != nullptr);
  CHECK(kowloon->type == EntityType::Location);
  CHECK(entity_at(a, "Johnson") == nullptr);
}

TEST_CASE("keywords, common words and a place written with its state are not split") {
  const Analysed a = analyse(
      "The Harbour Island Council met in Irving, Texas, on Monday. Boats sailed to the island. "
      "She worked for the Johnson Stone Foundation.");
  CHECK(entity_at(a, "Island") == nullptr);
  CHECK(entity_at(a, "Council") == nullptr);
  CHECK(entity_at(a, "Irving") != nullptr);
  // Single words that are cities somewhere are more often surnames inside a name.
  CHECK(entity_at(a, "Johnson") == nullptr);
  CHECK(entity_at(a, "Stone") == nullptr);
}

TEST_CASE("a known name opening a hyphenated modifier is a mention of it") {
  const Analysed a = analyse(
      "She wrote Python-based tools in the programming language Python. Spider-Gwen and "
      "open-source code are no names.");
  const Entity* python = entity_at(a, "Python", 1);
  REQUIRE(python != nullptr);
  CHECK(entity_at(a, "Python", 0) == python);  // "Python-based"
  CHECK(entity_at(a, "Spider") == nullptr);
}

TEST_CASE("a nested name is not a speaker and makes no relation") {
  const Analysed a = analyse(
      "\"We will appeal,\" the University of Kansas said in a statement. The University of Kansas "
      "and Orrin Vale signed the agreement on Monday.");
  const Entity* university = entity_at(a, "University of Kansas");
  const Entity* kansas = entity_at(a, "Kansas");
  REQUIRE(university != nullptr);
  REQUIRE(kansas != nullptr);
  REQUIRE(a.analysis.quotes.size() == 1);
  const int speaker = a.analysis.quotes[0].speaker;
  REQUIRE(speaker >= 0);
  CHECK(&a.analysis.entities[static_cast<size_t>(speaker)] == university);
  const int place = static_cast<int>(kansas - a.analysis.entities.data());
  for (const Relation& r : a.analysis.relations) {
    CHECK(r.source != place);
    CHECK(r.target != place);
  }
}
