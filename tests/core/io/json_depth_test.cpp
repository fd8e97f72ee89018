// Hostile nesting (src/core/io/json_parse.cpp, json_text.cpp): files nested far deeper than any
// Dramatis writes are refused with a diagnostic at the bracket that went too deep, never a stack
// overflow in the parser, our readers, a dump or a destructor.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/corpus/manifest.h"
#include "core/eval/gold.h"
#include "core/io/json_parse.h"
#include "core/io/json_text.h"
#include "core/view/user_edits.h"

using namespace dramatis;

namespace {

// `depth` arrays, one inside the other, around `inner`.
std::string nested_arrays(size_t depth, const std::string& inner = "") {
  return std::string(depth, '[') + inner + std::string(depth, ']');
}

bool has_message(const std::vector<Diagnostic>& diagnostics, const std::string& needle) {
  for (const Diagnostic& d : diagnostics) {
    if (d.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

// The one depth diagnostic, at the bracket that opens level kMaxJsonDepth + 1 of the value
// starting at `start`.
void check_depth_error(const std::vector<Diagnostic>& diagnostics, const std::string& file,
                       size_t start) {
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].file == file);
  CHECK(diagnostics[0].message.find("nested deeper than 512") != std::string::npos);
  REQUIRE(diagnostics[0].byte_offset);
  CHECK(*diagnostics[0].byte_offset == start + kMaxJsonDepth);
}

}  // namespace

TEST_CASE("parse_json takes nesting up to the cap and refuses one level more, with the offset") {
  std::vector<Diagnostic> diagnostics;
  CHECK(parse_json(nested_arrays(kMaxJsonDepth), "ok.json", diagnostics));
  CHECK(diagnostics.empty());

  CHECK_FALSE(parse_json(nested_arrays(kMaxJsonDepth + 1), "deep.json", diagnostics));
  check_depth_error(diagnostics, "deep.json", 0);

  // Objects count as arrays do, and brackets inside strings do not count at all.
  std::string objects;
  for (size_t i = 0; i <= kMaxJsonDepth; ++i) objects += "{\"k\\\"[\":";
  objects += "1" + std::string(kMaxJsonDepth + 1, '}');
  diagnostics.clear();
  CHECK_FALSE(parse_json(objects, "objects.json", diagnostics));
  REQUIRE(diagnostics.size() == 1);
  REQUIRE(diagnostics[0].byte_offset);
  CHECK(*diagnostics[0].byte_offset == kMaxJsonDepth * std::string("{\"k\\\"[\":").size());

  diagnostics.clear();
  const std::string brackets_in_string = "[\"" + std::string(100000, '[') + "\"]";
  CHECK(parse_json(brackets_in_string, "string.json", diagnostics));
  CHECK(diagnostics.empty());
}

TEST_CASE("a syntax error before the deep part is the one reported") {
  std::vector<Diagnostic> diagnostics;
  const std::string text = "[1,,2," + nested_arrays(100000) + "]";
  CHECK_FALSE(parse_json(text, "bad.json", diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message.find("nested deeper") == std::string::npos);
  REQUIRE(diagnostics[0].byte_offset);
  CHECK(*diagnostics[0].byte_offset == 3);
}

TEST_CASE("1,000,000 levels: nlohmann parses and frees them, parse_json refuses them") {
  const std::string text = nested_arrays(1000000);
  {
    // nlohmann's parser and its destructor keep their stacks on the heap; this is what lets
    // parse_json look at a hostile file at all.
    const nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    CHECK(value.is_array());
    // A preview never walks into the value.
    CHECK(json_preview(value) == "an array");
  }
  std::vector<Diagnostic> diagnostics;
  CHECK_FALSE(parse_json(text, "million.json", diagnostics));
  check_depth_error(diagnostics, "million.json", 0);

  // Unclosed: still the depth, not a walk to the end.
  diagnostics.clear();
  CHECK_FALSE(parse_json(std::string(1000000, '['), "open.json", diagnostics));
  check_depth_error(diagnostics, "open.json", 0);
}

TEST_CASE("manifest, edits and gold files nested 100,000 deep give a diagnostic, no crash") {
  const std::string prefix = R"({"schema":)";
  const std::string text = prefix + nested_arrays(100000) + R"(,"documents":[]})";
  // The schema value opens at prefix.size(); the root object is one level already.
  const size_t start = prefix.size() - 1;

  std::vector<Diagnostic> diagnostics;
  CHECK_FALSE(parse_manifest(text, "corpus.json", diagnostics));
  check_depth_error(diagnostics, "corpus.json", start);

  const UserEditsResult edits = parse_user_edits(text, "edits.json");
  CHECK_FALSE(edits.edits);
  check_depth_error(edits.diagnostics, "edits.json", start);

  diagnostics.clear();
  const auto no_files = [](const std::string&, std::string& error) -> std::optional<std::string> {
    error = "no files here";
    return std::nullopt;
  };
  CHECK_FALSE(eval::parse_gold(text, "gold.json", no_files, diagnostics));
  check_depth_error(diagnostics, "gold.json", start);
}

TEST_CASE("a wrong schema is quoted briefly: scalars as JSON, containers by their type") {
  std::vector<Diagnostic> diagnostics;
  CHECK_FALSE(parse_manifest(R"({"schema":[[[1]]],"documents":[]})", "corpus.json", diagnostics));
  CHECK(has_message(diagnostics, "found an array"));

  const UserEditsResult edits = parse_user_edits(R"({"schema":{"a":{"b":[]}}})", "edits.json");
  CHECK(has_message(edits.diagnostics, "not an object"));

  diagnostics.clear();
  const auto no_files = [](const std::string&, std::string&) -> std::optional<std::string> {
    return std::nullopt;
  };
  const std::string long_schema(1000, 'x');
  CHECK_FALSE(eval::parse_gold(R"({"schema":")" + long_schema + R"(","documents":[]})", "gold.json",
                               no_files, diagnostics));
  CHECK(has_message(diagnostics, "got \"" + std::string(60, 'x') + "\"..."));
  CHECK_FALSE(has_message(diagnostics, std::string(61, 'x')));

  CHECK(json_preview(nlohmann::json(12)) == "12");
  CHECK(json_preview(nlohmann::json(nullptr)) == "null");
  CHECK(json_preview(nlohmann::json("dramatis.corpus/2")) == "\"dramatis.corpus/2\"");
  // A cut never splits a UTF-8 character: 59 ASCII bytes, then a 3-byte dash.
  const std::string dash = std::string(59, 'a') + "\xE2\x80\x94" + "tail";
  CHECK(json_preview(nlohmann::json(dash)) == "\"" + std::string(59, 'a') + "\"...");
}
