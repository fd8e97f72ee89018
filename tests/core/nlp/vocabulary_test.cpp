// The name rules' small word sets (src/core/nlp/vocabulary.h): the length and opening filters
// never reject a member, and a word the filters pass is still checked whole.
#include "core/nlp/vocabulary.h"

#include <doctest/doctest.h>

#include <string_view>

namespace dramatis {
namespace {

TEST_CASE("a vocabulary holds exactly its words") {
  const Vocabulary v = {"MP", "Officer", "Congresswoman", "Zoo", "a"};
  for (std::string_view w : {"MP", "Officer", "Congresswoman", "Zoo", "a"})
    CHECK_MESSAGE(v.contains(w), w);
  // Same opening, other words; other lengths; case; the empty word.
  for (std::string_view w : {"MPs", "Offices", "Office", "Of", "Zoos", "Zoa", "b", "A", "mp", "",
                             "Congresswomen", "Congresswomanly"})
    CHECK_MESSAGE(!v.contains(w), w);
}

TEST_CASE("an empty vocabulary holds nothing") {
  const Vocabulary v = {};
  CHECK(!v.contains(""));
  CHECK(!v.contains("word"));
}

}  // namespace
}  // namespace dramatis
