// The app's state as JSON and the check on selection requests (src/core/view/app_state.cpp),
// on the built-in corpus and on a small corpus built in the test.
#include "core/view/app_state.h"

#include <doctest/doctest.h>

#include <string>

#include "core/corpus/corpus_loader.h"

using namespace dramatis;
using nlohmann::json;

namespace {

Corpus two_document_corpus() {
  Corpus corpus;
  corpus.name = "Chintala leaves Meta";
  Document infoq;
  infoq.meta.id = "d3";
  infoq.meta.title = "Soumith Chintala Steps Down from PyTorch Leadership";
  infoq.meta.source = "InfoQ";
  infoq.meta.url = "https://qdrl.qq.com/kJkqm8st";
  infoq.meta.date = "2025-11-07";
  infoq.meta.language = "en";
  infoq.path = "corpus/003_7e0bfe073d540935.txt";
  infoq.bytes = "## Soumith Chintala Steps Down from PyTorch Leadership\n";
  Document gigazine;
  gigazine.meta.id = "gigazine";
  gigazine.meta.title = "Inventor of PyTorch, a key platform for AI development, leaves Meta";
  gigazine.path = "news/gigazine.txt";
  gigazine.bytes = "Inventor of PyTorch";
  corpus.documents = {infoq, gigazine};
  return corpus;
}

}  // namespace

TEST_CASE("documents_json gives one summary per document, in corpus order") {
  const json documents = documents_json(two_document_corpus());
  REQUIRE(documents.is_array());
  REQUIRE(documents.size() == 2);
  const json& infoq = documents[0];
  CHECK(infoq.size() == 8);
  CHECK(infoq["id"] == "d3");
  CHECK(infoq["title"] == "Soumith Chintala Steps Down from PyTorch Leadership");
  CHECK(infoq["source"] == "InfoQ");
  CHECK(infoq["url"] == "https://qdrl.qq.com/kJkqm8st");
  CHECK(infoq["date"] == "2025-11-07");
  CHECK(infoq["language"] == "en");
  CHECK(infoq["path"] == "corpus/003_7e0bfe073d540935.txt");
  CHECK(infoq["bytes"] == 55);
  CHECK(documents[1]["id"] == "gigazine");
  CHECK(documents[1]["source"] == "");
  CHECK(documents[1]["bytes"] == 19);
  CHECK(documents_json(Corpus{}) == json::array());
}

TEST_CASE("app_state_json holds the schema, the corpus and the selection") {
  const Corpus corpus = two_document_corpus();
  SUBCASE("nothing selected") {
    const json state = app_state_json(corpus, Selection{});
    CHECK(state["schema"] == "dramatis.state/1");
    CHECK(state["corpus"]["name"] == "Chintala leaves Meta");
    CHECK(state["corpus"]["documents"] == documents_json(corpus));
    CHECK(state["selection"].is_null());
  }
  SUBCASE("a document selected") {
    const json state = app_state_json(corpus, Selection{"document", "gigazine"});
    CHECK(state["selection"] == json{{"kind", "document"}, {"id", "gigazine"}});
  }
  SUBCASE("the built-in corpus") {
    const json state = app_state_json(load_builtin_corpus(), Selection{"document", "d1"});
    const json& documents = state["corpus"]["documents"];
    REQUIRE(documents.size() == 5);
    CHECK(documents[1]["id"] == "d1");
    CHECK(documents[1]["date"] == "2025-11-19");
    CHECK(documents[1]["bytes"] == 3505);
    CHECK(documents[4]["bytes"] == 4262);
    CHECK(state["selection"]["id"] == "d1");
    // Titles are UTF-8 (d0's has a typographic apostrophe); dumping must not throw.
    CHECK(state.dump().find("Murati\xE2\x80\x99s") != std::string::npos);
  }
}

TEST_CASE("is_valid_selection accepts nothing or an existing document, nothing else") {
  const Corpus corpus = two_document_corpus();
  CHECK(is_valid_selection(corpus, Selection{}));
  CHECK(is_valid_selection(corpus, Selection{"document", "d3"}));
  CHECK(is_valid_selection(corpus, Selection{"document", "gigazine"}));
  CHECK_FALSE(is_valid_selection(corpus, Selection{"document", "d0"}));
  CHECK_FALSE(is_valid_selection(corpus, Selection{"document", ""}));
  CHECK_FALSE(is_valid_selection(corpus, Selection{"document", "D3"}));
  CHECK_FALSE(is_valid_selection(corpus, Selection{"entity", "d3"}));
  CHECK_FALSE(is_valid_selection(corpus, Selection{"Document", "d3"}));
  CHECK_FALSE(is_valid_selection(Corpus{}, Selection{"document", "d0"}));

  const Corpus builtin = load_builtin_corpus();
  for (const char* id : {"d0", "d1", "d2", "d3", "d4"}) {
    CAPTURE(id);
    CHECK(is_valid_selection(builtin, Selection{"document", id}));
  }
  CHECK_FALSE(is_valid_selection(builtin, Selection{"document", "d5"}));
}
