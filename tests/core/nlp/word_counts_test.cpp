// The word statistics' counter (src/core/nlp/word_counts.cpp): counts survive the table's
// growth, absent and empty words, byte-for-byte keys.
#include "core/nlp/word_counts.h"

#include <doctest/doctest.h>

#include <string>

namespace dramatis {
namespace {

TEST_CASE("word counts count each form byte for byte") {
  WordCounts counts;
  CHECK(counts.count("said") == 0);
  counts.add("said");
  counts.add("said");
  counts.add("Said");
  counts.add("");
  CHECK(counts.count("said") == 2);
  CHECK(counts.count("Said") == 1);
  CHECK(counts.count("") == 1);
  CHECK(counts.count("sai") == 0);
  CHECK(counts.size() == 3);
}

TEST_CASE("word counts keep every count while the table grows") {
  WordCounts counts;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 5000; ++i) counts.add("w" + std::to_string(i));
  CHECK(counts.size() == 5000);
  for (int i = 0; i < 5000; ++i) CHECK(counts.count("w" + std::to_string(i)) == 3);
  CHECK(counts.count("w5000") == 0);
}

}  // namespace
}  // namespace dramatis
