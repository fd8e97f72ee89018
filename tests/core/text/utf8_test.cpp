// UTF-8 decoding, invalid-sequence reporting and the display map (src/core/text/utf8.cpp).
#include "core/text/utf8.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace dramatis::utf8;

TEST_CASE("decodes typographic punctuation and CJK from the seeds") {
  const std::string text = "Meta\xE2\x80\x99s \xE5\xAE\x98\xE7\xBD\x91";  // Meta’s 官网
  CHECK(find_invalid(text).empty());
  const Step apostrophe = decode(text, 4);
  CHECK(apostrophe.valid);
  CHECK(apostrophe.codepoint == U'\u2019');
  CHECK(apostrophe.length == 3);
  const Step han = decode(text, 9);
  CHECK(han.codepoint == U'\u5B98');
}

TEST_CASE("reports each kind of invalid sequence at its byte offset") {
  SUBCASE("lone continuation byte") {
    const auto bad = find_invalid(
        "ab\x80"
        "cd");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].offset == 2);
    CHECK(bad[0].length == 1);
  }
  SUBCASE("truncated three-byte sequence is one maximal subpart") {
    const auto bad = find_invalid("x\xE2\x80y");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].offset == 1);
    CHECK(bad[0].length == 2);
  }
  SUBCASE("overlong encoding of '/'") {
    const auto bad = find_invalid("\xC0\xAF");
    CHECK(bad.size() == 2);  // C0 is never valid; AF is then a lone continuation
  }
  SUBCASE("UTF-16 surrogate encoded in UTF-8") {
    const auto bad = find_invalid("\xED\xA0\x80");
    REQUIRE(bad.size() == 3);
    CHECK(bad[0].length == 1);
  }
  SUBCASE("past U+10FFFF") {
    CHECK(find_invalid("\xF4\x90\x80\x80").size() == 4);
  }
  SUBCASE("sequence cut by the end of the text") {
    const auto bad = find_invalid("ok\xF0\x9F\x98");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].offset == 2);
    CHECK(bad[0].length == 3);
  }
}

TEST_CASE("display text shows U+FFFD without shifting original offsets") {
  const std::string original =
      "A\xFF"
      "BC\xE2\x80"
      "D";
  DisplayText display(original);
  CHECK(display.text() ==
        "A\xEF\xBF\xBD"
        "BC\xEF\xBF\xBD"
        "D");
  // 'B' is at original 2, display 4; 'D' at original 6, display 9.
  CHECK(display.to_display(2) == 4);
  CHECK(display.to_display(6) == 9);
  CHECK(display.to_original(4) == 2);
  CHECK(display.to_original(9) == 6);
  // Inside a replaced sequence maps to its start, both ways.
  CHECK(display.to_display(5) == 6);
  CHECK(display.to_original(7) == 4);
  // The end maps to the end.
  CHECK(display.to_display(original.size()) == display.text().size());
  CHECK(display.to_original(display.text().size()) == original.size());
}

TEST_CASE("valid text is its own display text") {
  const std::string original = "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x94 dash";
  DisplayText display(original);
  CHECK(display.text() == original);
  CHECK(display.to_display(7) == 7);
}

TEST_CASE("append encodes every length") {
  std::string out;
  append(out, U'a');
  append(out, U'\u00E9');
  append(out, U'\u2014');
  append(out, U'\U0001F600');
  CHECK(out == "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80");
  CHECK(find_invalid(out).empty());
}

TEST_CASE("floor and ceil boundaries never split a valid character") {
  const std::string text = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80z";  // a é — 😀 z
  // Starts: a 0, é 1, — 3, 😀 6, z 10; the end is 11.
  const size_t floors[] = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10, 11};
  const size_t ceils[] = {0, 1, 3, 3, 6, 6, 6, 10, 10, 10, 10, 11};
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    CAPTURE(offset);
    CHECK(floor_boundary(text, offset) == floors[offset]);
    CHECK(ceil_boundary(text, offset) == ceils[offset]);
  }
  SUBCASE("offsets past the end clamp to it") {
    CHECK(floor_boundary(text, 50) == text.size());
    CHECK(ceil_boundary(text, 50) == text.size());
    CHECK(floor_boundary("", 0) == 0);
    CHECK(ceil_boundary("", 3) == 0);
  }
}

TEST_CASE("floor and ceil boundaries follow the invalid sequences find_invalid reports") {
  SUBCASE("a lone continuation byte is a sequence of its own") {
    const std::string text =
        "ab\x80"
        "c";
    CHECK(floor_boundary(text, 2) == 2);
    CHECK(ceil_boundary(text, 2) == 2);
  }
  SUBCASE("a continuation byte after a complete character") {
    const std::string text = "\xC3\xA9\x80";
    CHECK(floor_boundary(text, 1) == 0);
    CHECK(ceil_boundary(text, 1) == 2);
    CHECK(floor_boundary(text, 2) == 2);
  }
  SUBCASE("a truncated sequence is one maximal subpart") {
    const std::string text = "x\xE2\x80y";
    CHECK(floor_boundary(text, 2) == 1);
    CHECK(ceil_boundary(text, 2) == 3);
    CHECK(floor_boundary(text, 3) == 3);
  }
  SUBCASE("a long run of continuation bytes") {
    const std::string text = "\xE2\x80\x80\x80\x80\x80";
    CHECK(floor_boundary(text, 2) == 0);
    CHECK(ceil_boundary(text, 1) == 3);
    for (size_t offset = 3; offset < text.size(); ++offset) {
      CHECK(floor_boundary(text, offset) == offset);
      CHECK(ceil_boundary(text, offset) == offset);
    }
  }
  SUBCASE("every result is a sequence start or the end") {
    const std::string text = "A\xFF\xC3\xE2\x82\xAC\xED\xA0\x80\xF0\x9F\x98 \xC0\xAF\xF4\x90";
    std::vector<size_t> starts;
    for (size_t i = 0; i < text.size(); i += decode(text, i).length) starts.push_back(i);
    starts.push_back(text.size());
    const auto is_start = [&](size_t at) {
      return std::find(starts.begin(), starts.end(), at) != starts.end();
    };
    for (size_t offset = 0; offset <= text.size(); ++offset) {
      CAPTURE(offset);
      const size_t lo = floor_boundary(text, offset);
      const size_t hi = ceil_boundary(text, offset);
      CHECK(lo <= offset);
      CHECK(hi >= offset);
      CHECK(is_start(lo));
      CHECK(is_start(hi));
      // Nothing between the two is a start: they bracket the one sequence holding `offset`.
      for (size_t k = lo + 1; k < hi; ++k) CHECK_FALSE(is_start(k));
    }
  }
}
