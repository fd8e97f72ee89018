// Parsing "dramatis.gold/1" (src/core/eval/gold.cpp): documents from files or inline text, every
// bad field named by its path, byte offsets checked against the text and its UTF-8 characters.
#include "core/eval/gold.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace dramatis;
using namespace dramatis::eval;

namespace {

// Parses `text`, reading "path" documents from `files`.
std::optional<GoldSet> parse(const std::string& text, std::vector<Diagnostic>& diagnostics,
                             const std::map<std::string, std::string>& files = {}) {
  return parse_gold(
      text, "gold.json",
      [&](const std::string& path, std::string& error) -> std::optional<std::string> {
        auto it = files.find(path);
        if (it == files.end()) {
          error = "no such file";
          return std::nullopt;
        }
        return it->second;
      },
      diagnostics);
}

std::string gold_with(const std::string& documents) {
  return R"({"schema": "dramatis.gold/1", "documents": [)" + documents + "]}";
}

bool has_message(const std::vector<Diagnostic>& diagnostics, const std::string& needle) {
  for (const Diagnostic& d : diagnostics) {
    if (d.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a gold file with a file document and an inline one") {
  std::vector<Diagnostic> diagnostics;
  const std::string text = gold_with(R"(
    {"id": "a", "path": "a.txt",
     "entities": [{"start": 0, "end": 4, "type": "PERSON", "entity": "Anna Lee"}],
     "quotes": [{"start": 9, "end": 13, "speaker": "Anna Lee", "kind": "direct"},
                {"start": 5, "end": 8, "speaker": null},
                {"start": 0, "end": 2}]},
    {"text": "Zürich is here.", "entities": [{"start": 0, "end": 7, "type": "LOCATION"}]})");
  auto gold = parse(text, diagnostics, {{"a.txt", "Anna say \"hi!\""}});
  REQUIRE(gold);
  CHECK(diagnostics.empty());
  REQUIRE(gold->documents.size() == 2);
  const GoldDocument& a = gold->documents[0];
  CHECK(a.id == "a");
  CHECK(a.path == "a.txt");
  CHECK(a.entities[0].entity == "Anna Lee");
  CHECK(a.entities[0].type == EntityType::Person);
  REQUIRE(a.quotes.size() == 3);
  CHECK(a.quotes[0].speaker_annotated);
  CHECK(*a.quotes[0].speaker == "Anna Lee");
  CHECK(a.quotes[0].kind == "direct");
  CHECK(a.quotes[1].speaker_annotated);  // null: annotated as having no known speaker
  CHECK_FALSE(a.quotes[1].speaker);
  CHECK_FALSE(a.quotes[2].speaker_annotated);  // absent: not scored
  const GoldDocument& b = gold->documents[1];
  CHECK(b.id == "d1");
  CHECK(b.path.empty());
  CHECK(b.entities[0].end == 7);  // "Zürich" is 7 bytes

  const Corpus corpus = corpus_from_gold(*gold);
  REQUIRE(corpus.documents.size() == 2);
  CHECK(corpus.documents[0].meta.id == "a");
  CHECK(corpus.documents[1].bytes == "Zürich is here.");
}

TEST_CASE("gold errors name the field") {
  std::vector<Diagnostic> diagnostics;
  const std::string text = gold_with(R"(
    {"text": "abc"},
    {"text": "Zürich is far.",
     "entities": [{"start": 0, "end": 2, "type": "LOCATION"},
                  {"start": 0, "end": 6, "type": "PLACE"},
                  {"start": 3, "end": 3, "type": "ORG"},
                  {"start": -1, "end": 3, "type": "ORG"},
                  {"end": 3, "type": "ORG", "entity": ""}],
     "quotes": [{"start": 0, "end": 99}, {"start": 0, "end": 3, "speaker": 7},
                {"start": 0, "end": 3, "kind": "shouted"}]},
    {"path": "missing.txt"},
    {"text": "x", "path": "x.txt"},
    {"id": "d0", "text": "dup"})");
  CHECK_FALSE(parse(text, diagnostics));
  for (const char* expected : {
           "documents[1].entities[0].end: byte 2 is inside a UTF-8 character",
           "documents[1].entities[1].type: unknown type \"PLACE\"",
           "documents[1].entities[2].start: must be less than end (3 >= 3)",
           "documents[1].entities[3].start: must be a non-negative integer",
           "documents[1].entities[4].start: missing",
           "documents[1].entities[4].entity: must be a non-empty string",
           "documents[1].quotes[0].end: past the end of the text (99 > 15 bytes)",
           "documents[1].quotes[1].speaker: must be a non-empty string",
           "documents[1].quotes[2].kind: must be \"direct\", \"indirect\" or \"mixed\"",
           "documents[2].path: \"missing.txt\": no such file",
           "documents[3]: needs exactly one of \"path\" (a file) and \"text\"",
           "documents[4].id: \"d0\" is already used by another document",
       }) {
    INFO(expected);
    CHECK(has_message(diagnostics, expected));
  }
  CHECK(diagnostics.size() == 12);
  for (const Diagnostic& d : diagnostics) CHECK(d.file == "gold.json");
}

TEST_CASE("gold schema, syntax and unknown fields") {
  std::vector<Diagnostic> diagnostics;
  CHECK_FALSE(parse(R"({"schema": "dramatis.gold/2", "documents": []})", diagnostics));
  CHECK(has_message(diagnostics, "schema: expected \"dramatis.gold/1\""));

  diagnostics.clear();
  CHECK_FALSE(parse(R"({"schema": "dramatis.gold/1", "documents": [}")", diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(has_message(diagnostics, "invalid JSON"));
  CHECK(diagnostics[0].byte_offset.has_value());

  diagnostics.clear();
  CHECK_FALSE(parse(R"({"schema": "dramatis.gold/1"})", diagnostics));
  CHECK(has_message(diagnostics, "documents: missing"));

  diagnostics.clear();  // a misspelt field is a warning, not an error
  auto gold = parse(gold_with(R"({"text": "ab", "entites": []})"), diagnostics);
  CHECK(gold);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::Warning);
  CHECK(diagnostics[0].message == "documents[0].entites: unknown field (ignored)");
}

TEST_CASE("gold nesting convention: nested by default, outer when the gold says so") {
  std::vector<Diagnostic> diagnostics;
  auto nested = parse(gold_with(R"({"text": "ab"})"), diagnostics);
  REQUIRE(nested);
  CHECK_FALSE(nested->outer_names_only);
  auto outer =
      parse(R"({"schema": "dramatis.gold/1", "nesting": "outer", "documents": [{"text": "ab"}]})",
            diagnostics);
  REQUIRE(outer);
  CHECK(outer->outer_names_only);
  CHECK(diagnostics.empty());
  CHECK_FALSE(
      parse(R"({"schema": "dramatis.gold/1", "nesting": "flat", "documents": []})", diagnostics));
  CHECK(has_message(diagnostics, "nesting: must be \"outer\" or \"nested\", got \"flat\""));
}

TEST_CASE("load_gold_file reads documents relative to the gold file") {
  std::vector<Diagnostic> diagnostics;
  auto gold = load_gold_file(DRAMATIS_TEST_DATA_DIR "/eval/gold.json", diagnostics);
  REQUIRE(gold);
  CHECK(diagnostics.empty());
  REQUIRE(gold->documents.size() == 2);
  CHECK(gold->documents[0].text.starts_with("Soumith Chintala left Meta."));

  diagnostics.clear();
  CHECK_FALSE(load_gold_file(DRAMATIS_TEST_DATA_DIR "/eval/no_such_gold.json", diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "no such file");
}
