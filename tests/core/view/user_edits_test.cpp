// The user's edits as JSON (src/core/view/user_edits.cpp): round trip, syntax errors with their
// byte offset, fields of the wrong type named by path, files from another corpus, and invalid
// UTF-8 in the user's text.
#include "core/view/user_edits.h"

#include <doctest/doctest.h>

#include <string>

#include "core/io/json_text.h"

using namespace dramatis;
using nlohmann::json;

namespace {

UserEdits full_edits() {
  UserEdits e;
  e.corpus = "0123456789abcdef";
  e.extractor = "1";
  e.merges = {{"e7", "e3"}, {"e12", "e3"}, {"e9", "e2"}};
  e.splits = {{"e3", "Chintala"}, {"e5", "OpenAI Inc"}};
  e.renames = {{"e3", "Soumith Chintala (PyTorch)"}, {"e3/Chintala", "Mr Chintala"}};
  e.hidden = {"e4", "e10"};
  e.pins = {{"e3", {12.5, -3.25}}, {"e2", {0.0, 1e-9}}};
  e.notes = {{"e3", "Check the \"date\" \xE2\x80\x94 sources disagree.\nSecond line."}};
  return e;
}

std::string message_of(const UserEditsResult& r) {
  std::string all;
  for (const Diagnostic& d : r.diagnostics) all += d.format() + "\n";
  return all;
}

}  // namespace

TEST_CASE("user edits survive JSON and text round trips, byte-identical") {
  const UserEdits edits = full_edits();
  const json j = user_edits_to_json(edits);
  CHECK(j["schema"] == "dramatis.edits/1");
  CHECK(j["merges"][1] == json{{"from", "e12"}, {"into", "e3"}});
  CHECK(j["pins"]["e3"]["y"] == -3.25);
  const std::string text = j.dump(2);
  const UserEditsResult back = parse_user_edits(text, "edits.json", edits.corpus, edits.extractor);
  INFO(message_of(back));
  REQUIRE(back.ok());
  CHECK(back.diagnostics.empty());
  CHECK(*back.edits == edits);
  CHECK(user_edits_to_json(*back.edits).dump(2) == text);

  const UserEditsResult empty = parse_user_edits(user_edits_to_json(UserEdits{}).dump(), "e.json");
  REQUIRE(empty.edits);
  CHECK(empty.edits->empty());
  CHECK_FALSE(edits.empty());
}

TEST_CASE("a syntax error names the file and the byte offset") {
  const std::string text =
      "{\"schema\": \"dramatis.edits/1\", \"merges\": [ {\"from\": \"e1\",, }]}";
  const UserEditsResult r = parse_user_edits(text, "my-edits.json");
  CHECK_FALSE(r.edits);
  REQUIRE(r.diagnostics.size() == 1);
  REQUIRE(r.diagnostics[0].byte_offset);
  CHECK(*r.diagnostics[0].byte_offset == text.find(",,") + 1);
  CHECK(r.diagnostics[0].file == "my-edits.json");
  CHECK(r.diagnostics[0].format().find("my-edits.json") != std::string::npos);

  CHECK_FALSE(parse_user_edits("", "x.json").edits);
  CHECK_FALSE(parse_user_edits("[1,2]", "x.json").edits);
  const UserEditsResult other = parse_user_edits(R"({"schema":"dramatis.analysis/1"})", "x.json");
  CHECK_FALSE(other.edits);
  CHECK(message_of(other).find("not a Dramatis edits file") != std::string::npos);
}

TEST_CASE("fields of the wrong type are named by path and left out; the rest is kept") {
  const std::string text = R"({"schema":"dramatis.edits/1","corpus":"abc","extractor":"1",
    "merges":[{"from":"e1","into":"e2"},{"from":"e3","into":"e4"},{"from":"e5","into":7},"e9"],
    "splits":[{"entity":"e3"}],
    "renames":{"e1":"Ada","e2":false},
    "hidden":["e4",5],
    "pins":{"e1":{"x":1,"y":"2"},"e2":{"x":3,"y":4}},
    "notes":"none"})";
  const UserEditsResult r = parse_user_edits(text, "bad.json", "abc", "1");
  REQUIRE(r.edits);
  CHECK_FALSE(r.ok());
  const std::string all = message_of(r);
  INFO(all);
  for (const char* path : {"merges[2].into", "merges[3]", "splits[0].alias", "renames.e2",
                           "hidden[1]", "pins.e1.y", "notes should be an object"})
    CHECK(all.find(path) != std::string::npos);
  CHECK(r.edits->merges == std::vector<EntityMerge>{{"e1", "e2"}, {"e3", "e4"}});
  CHECK(r.edits->splits.empty());
  CHECK(r.edits->renames == std::map<std::string, std::string>{{"e1", "Ada"}});
  CHECK(r.edits->hidden == std::set<std::string>{"e4"});
  CHECK(r.edits->pins.size() == 1);
  CHECK(r.edits->pins.at("e2") == PinnedNode{3, 4});
  CHECK(r.edits->notes.empty());
  CHECK_FALSE(r.corpus_mismatch);
}

TEST_CASE("edits from another corpus or extractor are reported, not silently accepted") {
  UserEdits edits = full_edits();
  const std::string text = user_edits_to_json(edits).dump();
  const UserEditsResult other = parse_user_edits(text, "old.json", "fedcba9876543210", "1");
  CHECK(other.corpus_mismatch);
  CHECK_FALSE(other.version_mismatch);
  CHECK_FALSE(other.ok());
  CHECK(has_errors(other.diagnostics));
  CHECK(message_of(other).find("another corpus") != std::string::npos);
  CHECK(message_of(other).find("0123456789abcdef") != std::string::npos);

  const UserEditsResult newer = parse_user_edits(text, "old.json", edits.corpus, "2");
  CHECK(newer.version_mismatch);
  CHECK_FALSE(newer.corpus_mismatch);
  CHECK_FALSE(has_errors(newer.diagnostics));  // a warning: the user may still apply them
  CHECK(newer.ok());
}

TEST_CASE("a rename or note with invalid UTF-8 is saved with replacement characters, no throw") {
  UserEdits edits = full_edits();
  // Bytes a pasted Latin-1 name or a truncated paste can leave: a lone 0xFF, a cut 3-byte dash.
  edits.renames["e3"] = "Caf\xE9 \xFF";
  edits.notes["e5"] = "cut \xE2\x80";
  const json j = user_edits_to_json(edits);
  // nlohmann's default dump throws on them (uncatchable in the WASM build).
  CHECK_THROWS_AS((void)j.dump(), nlohmann::json::type_error);
  std::string text;
  CHECK_NOTHROW(text = dump_json(j));
  CHECK_NOTHROW(text = dump_json(j, 2));
  const UserEditsResult back = parse_user_edits(text, "edits.json");
  REQUIRE(back.edits);
  CHECK(back.edits->renames.at("e3") == "Caf\xEF\xBF\xBD \xEF\xBF\xBD");
  CHECK(back.edits->notes.at("e5") == "cut \xEF\xBF\xBD");
  CHECK(back.edits->notes.at("e3") == edits.notes.at("e3"));
}
