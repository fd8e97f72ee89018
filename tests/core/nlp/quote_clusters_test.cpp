// Clustering the same statement quoted by different outlets (src/core/nlp/quote_clusters.cpp).
#include "core/nlp/quote_clusters.h"

#include <doctest/doctest.h>

using namespace dramatis;

TEST_CASE("the same statement in two outlets, differently punctuated, shares a cluster") {
  const std::vector<std::string_view> quotes = {
      "I don\xE2\x80\x99t want to do PyTorch for the rest of my life. I don\xE2\x80\x99t want to "
      "be "
      "tied to one thing for decades like Guido or Linus.",
      "We use download numbers and citation counts to verify direction.",
      "I don't want to be stuck doing the same thing for decades like Guido (the inventor of "
      "Python) or Linus (the inventor of Linux),",
      "i don't want to do pytorch for the rest of my life"};
  const auto ids = cluster_quotes(quotes);
  REQUIRE(ids.size() == 4);
  CHECK(ids[0] == "c0");
  CHECK(ids[1] == "c1");
  CHECK(ids[3] == ids[0]);  // a shortened version of the first quote
  CHECK(ids[2] != ids[1]);
}

TEST_CASE("unrelated quotes each get their own cluster, numbered in order") {
  const auto ids = cluster_quotes({"Wishing you a new golden era.", "Leaving is hard.", "Yes."});
  CHECK(ids == std::vector<std::string>{"c0", "c1", "c2"});
}

TEST_CASE("no quotes, no clusters") {
  CHECK(cluster_quotes({}).empty());
}
