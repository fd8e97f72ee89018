// Parsing manifest.json: every field checked, wrong ones named, bad entries skipped and good ones
// kept (src/core/corpus/manifest.cpp), and the ISO date check behind "date".
#include "core/corpus/manifest.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace dramatis;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The first diagnostic whose message contains `needle`, or nullptr.
const Diagnostic* find_diagnostic(const std::vector<Diagnostic>& diagnostics,
                                  const std::string& needle) {
  for (const Diagnostic& d : diagnostics) {
    if (contains(d.message, needle)) return &d;
  }
  return nullptr;
}

// A manifest around the given entries (JSON text of the array's items).
std::string manifest_with(const std::string& entries) {
  return R"({"schema": "dramatis.corpus/1", "name": "Chintala leaves Meta", "documents": [)" +
         entries + "]}";
}

const std::string kInfoq =
    R"({"id": "d3", "file": "003_infoq.txt", "date": "2025-11-07", "source": "InfoQ",
        "title": "Soumith Chintala Steps Down from PyTorch Leadership"})";
const std::string kGigazine =
    R"({"id": "d2", "file": "002_gigazine.txt", "source": "GIGAZINE",
        "title": "Inventor of PyTorch, a key platform for AI development, leaves Meta"})";

}  // namespace

TEST_CASE("parse_manifest reads a good manifest") {
  const std::string text = R"json({
    "schema": "dramatis.corpus/1",
    "name": "Soumith Chintala leaves Meta for Thinking Machines Lab (November 2025)",
    "documents": [
      {"id": "d1", "file": "001_ba4cf34e9cb4edbf.txt",
       "title": "Soumith Chintala leaves Meta AI for Thinking Machines Lab",
       "source": "Artificial Intelligence Blog", "url": "", "date": "2025-11-19",
       "language": "en"},
      {"id": "d3", "file": "sub/003_7e0bfe073d540935.txt",
       "title": "Soumith Chintala Steps Down from PyTorch Leadership", "source": "InfoQ",
       "url": "https://qdrl.qq.com/kJkqm8st", "date": "2025-11", "language": null},
      {"file": "./004.txt"}
    ]})json";
  std::vector<Diagnostic> diagnostics;
  const auto manifest = parse_manifest(text, "corpus/manifest.json", diagnostics);
  REQUIRE(manifest.has_value());
  CHECK(diagnostics.empty());
  CHECK(manifest->name == "Soumith Chintala leaves Meta for Thinking Machines Lab (November 2025)");
  REQUIRE(manifest->entries.size() == 3);
  const ManifestEntry& d1 = manifest->entries[0];
  CHECK(d1.file == "001_ba4cf34e9cb4edbf.txt");
  CHECK(d1.meta.id == "d1");
  CHECK(d1.meta.title == "Soumith Chintala leaves Meta AI for Thinking Machines Lab");
  CHECK(d1.meta.source == "Artificial Intelligence Blog");
  CHECK(d1.meta.url.empty());
  CHECK(d1.meta.date == "2025-11-19");
  CHECK(d1.meta.language == "en");
  const ManifestEntry& d3 = manifest->entries[1];
  CHECK(d3.file == "sub/003_7e0bfe073d540935.txt");
  CHECK(d3.meta.url == "https://qdrl.qq.com/kJkqm8st");
  CHECK(d3.meta.date == "2025-11");
  CHECK(d3.meta.language.empty());  // null reads as absent
  CHECK(manifest->entries[2].file == "./004.txt");
  CHECK(manifest->entries[2].meta.id.empty());
}

TEST_CASE("parse_manifest accepts a manifest without schema or name") {
  std::vector<Diagnostic> diagnostics;
  const auto manifest =
      parse_manifest(R"({"documents": [{"file": "a.txt"}]})", "m.json", diagnostics);
  REQUIRE(manifest.has_value());
  CHECK(diagnostics.empty());
  CHECK(manifest->name.empty());
  REQUIRE(manifest->entries.size() == 1);
  CHECK(manifest->entries[0].file == "a.txt");
}

TEST_CASE("parse_manifest names the file and the byte offset of a JSON syntax error") {
  SUBCASE("a stray comma") {
    const std::string text = R"({"schema": "dramatis.corpus/1", "documents": [,]})";
    const size_t comma = text.find(",]");
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(parse_manifest(text, "news/manifest.json", diagnostics).has_value());
    REQUIRE(diagnostics.size() == 1);
    const Diagnostic& d = diagnostics[0];
    CHECK(d.severity == Severity::Error);
    CHECK(d.file == "news/manifest.json");
    REQUIRE(d.byte_offset.has_value());
    CHECK(*d.byte_offset == comma);
    CHECK(contains(d.message, "invalid JSON"));
    CHECK(contains(d.format(), "news/manifest.json: error at byte " + std::to_string(comma)));
  }
  SUBCASE("a stray letter after a value") {
    const std::string text = "{\"documents\": [],\n \"name\": \"PyTorch\" x}";
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(parse_manifest(text, "m.json", diagnostics).has_value());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].byte_offset == std::optional<size_t>(text.find('x')));
  }
  SUBCASE("text cut short stops at its end") {
    const std::string text = R"({"documents": [{"file": "a.txt"})";
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(parse_manifest(text, "m.json", diagnostics).has_value());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].byte_offset == std::optional<size_t>(text.size()));
  }
  SUBCASE("plain text is not a manifest") {
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(
        parse_manifest("Soumith Chintala leaves Meta", "notes.json", diagnostics).has_value());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].byte_offset == std::optional<size_t>(0));
    CHECK(diagnostics[0].file == "notes.json");
  }
}

TEST_CASE("parse_manifest refuses a manifest that is unusable as a whole") {
  struct Case {
    const char* name;
    std::string text;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"root is an array", R"([{"file": "a.txt"}])", "must be a JSON object, found array"},
      {"root is a string", R"("corpus")", "must be a JSON object, found string"},
      {"no documents", R"({"schema": "dramatis.corpus/1", "name": "x"})", "documents: expected"},
      {"documents not an array", R"({"documents": {"file": "a.txt"}})", "documents: expected"},
      {"wrong schema", R"({"schema": "dramatis.corpus/2", "documents": []})",
       "schema: expected \"dramatis.corpus/1\""},
      {"schema not a string", R"({"schema": 1, "documents": []})", "schema: expected"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(parse_manifest(c.text, "x/manifest.json", diagnostics).has_value());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::Error);
    CHECK(diagnostics[0].file == "x/manifest.json");
    CHECK(contains(diagnostics[0].message, c.message));
  }
}

TEST_CASE("parse_manifest names the wrong field and keeps the good entries") {
  struct Case {
    const char* name;
    std::string bad_entry;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"file is a number", R"({"id": "d9", "file": 3})",
       "documents[1].file: expected a string, found number"},
      {"file missing", R"({"id": "d9", "title": "Leaving Meta and PyTorch"})",
       "documents[1].file: missing"},
      {"file empty", R"({"file": ""})", "documents[1].file: missing"},
      {"file leaves the folder", R"({"file": "../x.txt"})", "documents[1].file: \"../x.txt\""},
      {"file leaves the folder midway", R"({"file": "a/../../x.txt"})", "documents[1].file:"},
      {"absolute file", R"({"file": "/etc/passwd"})", "documents[1].file: \"/etc/passwd\""},
      {"backslash path", R"({"file": "..\\x.txt"})", "documents[1].file:"},
      {"month 13", R"({"file": "x.txt", "date": "2025-13-01"})",
       "documents[1].date: \"2025-13-01\""},
      {"30 February", R"({"file": "x.txt", "date": "2025-02-30"})",
       "documents[1].date: \"2025-02-30\""},
      {"date as words", R"({"file": "x.txt", "date": "November 7, 2025"})", "documents[1].date:"},
      {"title is an array", R"({"file": "x.txt", "title": ["PyTorch"]})",
       "documents[1].title: expected a string, found array"},
      {"entry not an object", R"("003_infoq.txt")", "documents[1]: expected an object"},
      {"duplicate id", R"({"id": "d3", "file": "other.txt"})", "documents[1].id: \"d3\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::vector<Diagnostic> diagnostics;
    const auto manifest =
        parse_manifest(manifest_with(kInfoq + ",\n" + c.bad_entry + ",\n" + kGigazine),
                       "news/manifest.json", diagnostics);
    REQUIRE(manifest.has_value());
    REQUIRE(manifest->entries.size() == 2);
    CHECK(manifest->entries[0].meta.id == "d3");
    CHECK(manifest->entries[0].file == "003_infoq.txt");
    CHECK(manifest->entries[1].meta.id == "d2");
    CHECK(manifest->entries[1].meta.source == "GIGAZINE");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::Error);
    CHECK(diagnostics[0].file == "news/manifest.json");
    CHECK(contains(diagnostics[0].message, c.message));
  }
}

TEST_CASE("parse_manifest warns about an unknown field and keeps the entry") {
  std::vector<Diagnostic> diagnostics;
  const auto manifest = parse_manifest(
      manifest_with(R"({"id": "d0", "file": "000.txt", "author": "Soumith Chintala"})"), "m.json",
      diagnostics);
  REQUIRE(manifest.has_value());
  REQUIRE(manifest->entries.size() == 1);
  CHECK(manifest->entries[0].file == "000.txt");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::Warning);
  CHECK(contains(diagnostics[0].message, "documents[0].author"));
  CHECK_FALSE(has_errors(diagnostics));
}

TEST_CASE("parse_manifest reports every bad entry, each by its index") {
  std::vector<Diagnostic> diagnostics;
  const auto manifest = parse_manifest(
      manifest_with(R"({"file": 1}, )" + kInfoq + R"(, {"file": "y.txt", "date": "2025-00"},
                    {"file": "/abs.txt"})"),
      "m.json", diagnostics);
  REQUIRE(manifest.has_value());
  REQUIRE(manifest->entries.size() == 1);
  CHECK(manifest->entries[0].meta.id == "d3");
  REQUIRE(diagnostics.size() == 3);
  CHECK(find_diagnostic(diagnostics, "documents[0].file") != nullptr);
  CHECK(find_diagnostic(diagnostics, "documents[2].date") != nullptr);
  CHECK(find_diagnostic(diagnostics, "documents[3].file") != nullptr);
}

TEST_CASE("is_iso_date accepts YYYY, YYYY-MM and real calendar days") {
  CHECK(is_iso_date("2025"));
  CHECK(is_iso_date("2025-11"));
  CHECK(is_iso_date("2025-11-07"));
  CHECK(is_iso_date("2025-11-19"));
  CHECK(is_iso_date("2025-01-31"));
  CHECK(is_iso_date("2025-12-31"));
  CHECK(is_iso_date("2025-04-30"));
  CHECK(is_iso_date("2025-02-28"));

  CHECK_FALSE(is_iso_date(""));
  CHECK_FALSE(is_iso_date("25"));
  CHECK_FALSE(is_iso_date("202"));
  CHECK_FALSE(is_iso_date("20x5"));
  CHECK_FALSE(is_iso_date("2025-13-01"));
  CHECK_FALSE(is_iso_date("2025-00"));
  CHECK_FALSE(is_iso_date("2025-13"));
  CHECK_FALSE(is_iso_date("2025-11-00"));
  CHECK_FALSE(is_iso_date("2025-11-31"));
  CHECK_FALSE(is_iso_date("2025-04-31"));
  CHECK_FALSE(is_iso_date("2025-01-32"));
  CHECK_FALSE(is_iso_date("2025-02-30"));
  CHECK_FALSE(is_iso_date("2025-1-07"));
  CHECK_FALSE(is_iso_date("2025-11-7"));
  CHECK_FALSE(is_iso_date("2025/11/07"));
  CHECK_FALSE(is_iso_date("2025-11-07T10:00"));
  CHECK_FALSE(is_iso_date("07-11-2025"));
  CHECK_FALSE(is_iso_date(" 2025"));
  CHECK_FALSE(is_iso_date("November 7, 2025"));
}

TEST_CASE("is_iso_date knows the leap years") {
  CHECK(is_iso_date("2024-02-29"));
  CHECK(is_iso_date("2000-02-29"));  // divisible by 400
  CHECK(is_iso_date("1996-02-29"));
  CHECK_FALSE(is_iso_date("2025-02-29"));
  CHECK_FALSE(is_iso_date("1900-02-29"));  // divisible by 100, not by 400
  CHECK_FALSE(is_iso_date("2100-02-29"));
  CHECK_FALSE(is_iso_date("2024-02-30"));
}
