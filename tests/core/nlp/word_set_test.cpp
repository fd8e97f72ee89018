// The lexicon's hash set (src/core/nlp/word_set.cpp): folding, dots, and the one-pass
// single-spacing check that lets Lexicon::contains skip a separate scan of the query.
#include "core/nlp/word_set.h"

#include <doctest/doctest.h>

#include <string_view>
#include <vector>

namespace dramatis {
namespace {

TEST_SUITE("word_set") {
  TEST_CASE("folded lookups ignore ASCII case and, when asked, dots") {
    WordSet set(true, true);
    set.build({"inc", "new york", "u.s."});
    CHECK(set.contains("Inc."));
    CHECK(set.contains("INC"));
    CHECK(set.contains("US"));
    CHECK(set.contains("New York"));
    CHECK_FALSE(set.contains("New  York"));
    CHECK_FALSE(set.contains("york"));
    CHECK(set.find_single_spaced("I.N.C.") == WordSet::Found::kYes);
    CHECK(set.find_single_spaced("ltd") == WordSet::Found::kNo);
  }

  TEST_CASE("find_single_spaced agrees with contains and flags other whitespace") {
    WordSet set(true, false);
    set.build({"new york", "st. louis"});
    for (const std::string_view query :
         {"New York", "NEW YORK", "st. Louis", "st louis", "new york ", " new york", "", "x"}) {
      const WordSet::Found found = set.find_single_spaced(query);
      REQUIRE(found != WordSet::Found::kNotSingleSpaced);
      CHECK((found == WordSet::Found::kYes) == set.contains(query));
    }
    CHECK(set.find_single_spaced("new  york") == WordSet::Found::kNotSingleSpaced);
    CHECK(set.find_single_spaced("new\tyork") == WordSet::Found::kNotSingleSpaced);
    CHECK(set.find_single_spaced("new\nyork") == WordSet::Found::kNotSingleSpaced);
    CHECK(set.find_single_spaced("new\r\nyork") == WordSet::Found::kNotSingleSpaced);
    // A dot between two spaces is not skipped here (this set keeps dots): single-spaced.
    CHECK(set.find_single_spaced("a . b") == WordSet::Found::kNo);
  }

  TEST_CASE("one hash serves every set that folds alike") {
    WordSet a(true, false), b(true, false), exact;
    a.build({"paris"});
    b.build({"texas"});
    exact.build({"Paris"});
    CHECK(a.folds_like(b));
    CHECK_FALSE(a.folds_like(exact));
    const WordSet::Hashed hashed = a.hash_query("TEXAS");
    REQUIRE(hashed.single_spaced);
    CHECK(b.contains_hashed("TEXAS", hashed.hash));
    CHECK_FALSE(a.contains_hashed("TEXAS", hashed.hash));
    CHECK(exact.contains("Paris"));
    CHECK_FALSE(exact.contains("paris"));
    CHECK_FALSE(WordSet().contains("anything"));
  }
}

}  // namespace
}  // namespace dramatis
