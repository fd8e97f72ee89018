// The word diff that shows how two outlets' versions of one statement differ: shared words,
// insertions, replacements, house-style quote marks, invalid UTF-8 and the bound on long texts
// (src/core/text/word_diff.cpp).
#include "core/text/word_diff.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/text/utf8.h"

using namespace dramatis;
using namespace dramatis::text;

namespace {

std::vector<std::string> pieces(std::string_view text, const std::vector<ByteRange>& ranges) {
  std::vector<std::string> out;
  for (const ByteRange& r : ranges) out.emplace_back(text.substr(r.start, r.end - r.start));
  return out;
}

// Ranges are sorted, disjoint, non-empty, inside the text and on UTF-8 sequence boundaries.
void check_ranges(std::string_view text, const std::vector<ByteRange>& ranges) {
  std::set<size_t> boundaries{text.size()};
  for (size_t i = 0; i < text.size(); i += utf8::decode(text, i).length) boundaries.insert(i);
  size_t previous_end = 0;
  for (const ByteRange& r : ranges) {
    CHECK(r.start < r.end);
    CHECK(r.end <= text.size());
    CHECK(r.start >= previous_end);
    CHECK(boundaries.count(r.start) == 1);
    CHECK(boundaries.count(r.end) == 1);
    previous_end = r.end;
  }
}

}  // namespace

TEST_CASE("identical statements share everything") {
  const std::string quote =
      "\xE2\x80\x9CWe are not going to stop until the model is safe,\xE2\x80\x9D she said.";
  const WordDiff diff = word_diff(quote, quote);
  CHECK(diff.exact);
  CHECK(diff.left.empty());
  CHECK(diff.right.empty());
}

TEST_CASE("an inserted word is found on the right side only") {
  const std::string left = "The company will release the model next week.";
  const std::string right = "The company will release the new model next week.";
  const WordDiff diff = word_diff(left, right);
  CHECK(diff.left.empty());
  CHECK(pieces(right, diff.right) == std::vector<std::string>{"new"});
}

TEST_CASE("a replaced phrase is marked on both sides, adjacent words as one range") {
  const std::string left = "Chintala said he would leave Meta in November after eleven years.";
  const std::string right = "Chintala said he would leave Meta on 17 November after eleven years.";
  const WordDiff diff = word_diff(left, right);
  CHECK(pieces(left, diff.left) == std::vector<std::string>{"in"});
  CHECK(pieces(right, diff.right) == std::vector<std::string>{"on 17"});
}

TEST_CASE("typographic and straight quote marks, apostrophes and case count as equal") {
  const std::string curly =
      "\xE2\x80\x9CWe\xE2\x80\x99re not done yet,\xE2\x80\x9D Murati told staff \xE2\x80\x94 "
      "\xE2\x80\x98not even close\xE2\x80\x99\xE2\x80\xA6";
  const std::string straight = "\"we're not done yet,\" Murati told staff - 'not even close'...";
  const WordDiff diff = word_diff(curly, straight);
  CHECK(diff.exact);
  CHECK(diff.left.empty());
  CHECK(diff.right.empty());
}

TEST_CASE("punctuation differences are reported as tokens of their own") {
  const std::string left = "It is open source, and it will stay that way.";
  const std::string right = "It is open source and it will stay that way!";
  const WordDiff diff = word_diff(left, right);
  CHECK(pieces(left, diff.left) == std::vector<std::string>{",", "."});
  CHECK(pieces(right, diff.right) == std::vector<std::string>{"!"});
}

TEST_CASE("Han text is compared character by character") {
  // 我们会继续开源 / 我们将继续开源 ("we will keep it open source", two wordings of "will").
  const std::string left = "\xE6\x88\x91\xE4\xBB\xAC\xE4\xBC\x9A\xE7\xBB\xA7\xE7\xBB\xAD";
  const std::string right = "\xE6\x88\x91\xE4\xBB\xAC\xE5\xB0\x86\xE7\xBB\xA7\xE7\xBB\xAD";
  const WordDiff diff = word_diff(left, right);
  CHECK(pieces(left, diff.left) == std::vector<std::string>{"\xE4\xBC\x9A"});
  CHECK(pieces(right, diff.right) == std::vector<std::string>{"\xE5\xB0\x86"});
}

TEST_CASE("one side empty: everything on the other side differs") {
  const std::string right = "PyTorch will be fine.";
  const WordDiff diff = word_diff("", right);
  CHECK(diff.left.empty());
  REQUIRE(diff.right.size() == 1);
  CHECK(diff.right[0] == ByteRange{0, right.size()});
  CHECK(word_diff("", "").right.empty());
}

TEST_CASE("invalid UTF-8 does not crash and ranges stay on sequence boundaries") {
  const std::vector<std::string> texts = {
      "He called it \xFF"
      "a mistake\xE2\x80",
      "He called it a \xC0\xAF mistake",
      "\xF0\x9F\x98 truncated at the end \xE2",
      "He called it a mistake.",
      "\x80\x80\x80",
      "caf\xC3\xA9 \xED\xA0\x80 surrogate",
  };
  for (const std::string& left : texts) {
    for (const std::string& right : texts) {
      const WordDiff diff = word_diff(left, right);
      check_ranges(left, diff.left);
      check_ranges(right, diff.right);
      if (left == right) {
        CHECK(diff.left.empty());
        CHECK(diff.right.empty());
      }
    }
  }
}

TEST_CASE("long texts: common ends are still matched, the middle past the bound is not aligned") {
  std::string shared;
  for (int i = 0; i < 3000; ++i) shared += "The board met again on Friday. ";
  SUBCASE("identical long texts need no alignment") {
    const WordDiff diff = word_diff(shared, shared);
    CHECK(diff.exact);
    CHECK(diff.left.empty());
  }
  SUBCASE("a short change inside a long text is aligned exactly") {
    const std::string left = shared + "Altman returned. " + shared;
    const std::string right = shared + "Altman came back. " + shared;
    const WordDiff diff = word_diff(left, right);
    CHECK(diff.exact);
    CHECK(pieces(left, diff.left) == std::vector<std::string>{"returned"});
    CHECK(pieces(right, diff.right) == std::vector<std::string>{"came back"});
  }
  SUBCASE("a long differing middle is marked whole, deterministically") {
    std::string other;
    for (int i = 0; i < 3000; ++i) other += "Directors gathered once more that week. ";
    const std::string left = "Sources said: " + shared + " That was all.";
    const std::string right = "Sources said: " + other + " That was all.";
    const WordDiff diff = word_diff(left, right);
    CHECK_FALSE(diff.exact);
    REQUIRE(diff.left.size() == 1);
    CHECK(diff.left[0].start == std::string("Sources said: ").size());
    check_ranges(left, diff.left);
    check_ranges(right, diff.right);
    const WordDiff again = word_diff(left, right);
    CHECK(again.left == diff.left);
    CHECK(again.right == diff.right);
  }
}
