// Case helpers of the name rules (src/core/nlp/text_case.cpp): the title-case function words,
// matched by packed bytes, and the inner-capital test.
#include "core/nlp/text_case.h"

#include <doctest/doctest.h>

#include <string_view>

namespace dramatis {
namespace {

TEST_CASE("title case leaves its function words lower-case, and only those") {
  for (std::string_view w :
       {"a",  "an",  "as",  "at",  "by",  "in",  "of",  "on",   "or",   "to",  "up",
        "vs", "and", "but", "for", "nor", "the", "via", "from", "into", "with"})
    CHECK_MESSAGE(is_title_case_function_word(w), w);
  // Capitalised, longer, shorter or merely similar words are not.
  for (std::string_view w : {"", "A", "The", "Of", "i", "o", "ab", "ofx", "th", "then", "them",
                             "fro", "withe", "within", "vsa", "an.", "x", "zz"})
    CHECK_MESSAGE(!is_title_case_function_word(w), w);
}

TEST_CASE("an inner capital is a capital right after a lower-case letter") {
  CHECK(has_inner_capital("iPhone"));
  CHECK(has_inner_capital("McDonald"));
  CHECK(!has_inner_capital("NASA"));
  CHECK(!has_inner_capital("Co-Founder"));
  CHECK(!has_inner_capital(""));
}

}  // namespace
}  // namespace dramatis
