// Edge lists (src/core/graph/edge_list.cpp): the reader's errors (line and byte offset), its
// warnings (self-loops, duplicates, an empty file), quoting, and the writer's round trip.
#include "core/graph/edge_list.h"

#include <doctest/doctest.h>

using namespace dramatis;

namespace {

std::optional<EdgeListGraph> read(std::string_view text, std::vector<Diagnostic>& diagnostics) {
  return read_edge_list(text, "edges.tsv", diagnostics);
}

}  // namespace

TEST_CASE("edge list: names in first-appearance order, optional weights, comments") {
  std::vector<Diagnostic> d;
  const auto g = read(
      "# a comment\n"
      "alice bob 2.5\n"
      "\n"
      "bob\tcarol   # weight 1 by default\n"
      "  \"Dan Smith\" alice 1e-1\r\n",
      d);
  REQUIRE(g);
  CHECK(d.empty());
  CHECK(g->names == std::vector<std::string>{"alice", "bob", "carol", "Dan Smith"});
  REQUIRE(g->edges.size() == 3);
  CHECK(g->edges[0] == std::pair<uint32_t, uint32_t>{0, 1});
  CHECK(g->edges[1] == std::pair<uint32_t, uint32_t>{1, 2});
  CHECK(g->edges[2] == std::pair<uint32_t, uint32_t>{3, 0});
  CHECK(g->weights == std::vector<float>{2.5f, 1.0f, 0.1f});
}

TEST_CASE("edge list: errors name the file, the line and the byte offset") {
  SUBCASE("a non-numeric weight") {
    std::vector<Diagnostic> d;
    CHECK_FALSE(read("a b 1\nc d heavy\n", d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Error);
    CHECK(d[0].byte_offset == 10u);
    CHECK(d[0].format() ==
          "edges.tsv: error at byte 10: line 2: the weight 'heavy' is not a number");
  }
  SUBCASE("a line with one name") {
    std::vector<Diagnostic> d;
    CHECK_FALSE(read("a b\n  lonely\n", d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].byte_offset == 6u);
    CHECK(d[0].message.find("line 2") != std::string::npos);
    CHECK(d[0].message.find("found one") != std::string::npos);
  }
  SUBCASE("NaN, infinite, overflowing and negative weights are rejected") {
    for (const char* w : {"nan", "NaN", "inf", "-inf", "1e999", "-1", "0x10", "1.", "."}) {
      std::vector<Diagnostic> d;
      const auto g = read(std::string("a b ") + w + "\n", d);
      if (std::string_view(w) == "1.") {  // "1." is a plain number
        CHECK(g);
        continue;
      }
      CHECK_FALSE(g);
      REQUIRE(d.size() == 1);
      CHECK(d[0].byte_offset == 4u);
    }
  }
  SUBCASE("too many fields, an unterminated quote") {
    std::vector<Diagnostic> d;
    CHECK_FALSE(read("Ada Lovelace Charles Babbage\n\"open b\n", d));
    REQUIRE(d.size() == 2);
    CHECK(d[0].message.find("line 1") != std::string::npos);
    CHECK(d[0].byte_offset == 21u);
    CHECK(d[1].message.find("line 2: unterminated") != std::string::npos);
    CHECK(d[1].byte_offset == 29u);
  }
}

TEST_CASE("edge list: self-loops dropped, duplicates merged, both with one warning") {
  std::vector<Diagnostic> d;
  const auto g = read("a a\nb c 1\nc b 2\nb c 0.5\nd d 3\n", d);
  REQUIRE(g);
  CHECK(g->names == std::vector<std::string>{"a", "b", "c", "d"});
  REQUIRE(g->edges.size() == 1);
  CHECK(g->weights[0] == 3.5f);
  REQUIRE(d.size() == 2);
  CHECK(d[0].severity == Severity::Warning);
  CHECK(d[0].message == "2 self-loops dropped (the first on line 1)");
  CHECK(d[1].message == "2 duplicate edges merged, weights summed (the first on line 3)");
  CHECK(d[1].byte_offset == 10u);
}

TEST_CASE("edge list: an empty file is an empty graph with a warning") {
  for (const char* text : {"", "\n\n", "# only a comment\n"}) {
    std::vector<Diagnostic> d;
    const auto g = read(text, d);
    REQUIRE(g);
    CHECK(g->names.empty());
    CHECK(g->edges.empty());
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Warning);
  }
}

TEST_CASE("edge list: names with spaces, quotes, backslashes and '#' round-trip") {
  EdgeListGraph g;
  g.names = {"Ada Lovelace", "say \"hi\"", "back\\slash", "#hashtag", "tab\there", "plain", ""};
  g.edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}};
  g.weights = {1.0f, 0.1f, 2.5f, 1e-7f, 123456789.0f, 3.0f};
  const std::string text = write_edge_list(g, "header line\nsecond");
  CHECK(text.rfind("# header line\n# second\n\"Ada Lovelace\"\t\"say \\\"hi\\\"\"\t1\n", 0) == 0);
  CHECK(quote_edge_list_name("plain") == "plain");
  CHECK(quote_edge_list_name("") == "\"\"");
  std::vector<Diagnostic> d;
  const auto back = read_edge_list(text, "out.tsv", d);
  REQUIRE(back);
  CHECK(d.empty());
  CHECK(back->names == g.names);
  CHECK(back->edges == g.edges);
  CHECK(back->weights == g.weights);  // exact: weights are printed to round-trip a float
  CHECK(write_edge_list(*back, "header line\nsecond") == text);
}

// Caught by fuzz/fuzz_edge_list's check that every weight is finite: two lines of one edge with
// weights near the float maximum summed to inf, which write_edge_list wrote as "inf" and the
// reader then refused.
TEST_CASE("edge list: duplicate edges whose weights add up past a float are an error") {
  std::vector<Diagnostic> d;
  CHECK_FALSE(read("a b 3e38\nb a 3e38\n", d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == Severity::Error);
  CHECK(d[0].byte_offset == 9u);
  CHECK(d[0].message.find("line 2: ") == 0);

  // Up to the float maximum they still add up.
  d.clear();
  const auto g = read("a b 1.7e38\nb a 1.7e38\n", d);
  REQUIRE(g);
  CHECK(g->weights == std::vector<float>{3.4e38f});
}
