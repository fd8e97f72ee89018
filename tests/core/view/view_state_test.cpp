// The view state (src/core/view/view_state.cpp): its JSON for the app's state report and the
// check that drops ids the open corpus does not have, on the built-in corpus's analysis.
#include "core/view/view_state.h"

#include <doctest/doctest.h>

#include "core/corpus/corpus_loader.h"
#include "core/nlp/pipeline.h"
#include "core/view/apply_edits.h"

using namespace dramatis;

TEST_CASE("view_state_json holds every field, defaults and absences included") {
  const nlohmann::json d = view_state_json(ViewState{});
  CHECK(d["selection"].is_null());
  CHECK(d["camera"].is_null());
  CHECK(d["time_range"].is_null());
  CHECK(d["filters"]["documents"].is_null());
  CHECK(d["filters"]["types"] == kAllEntityTypes);
  CHECK(d["color_by"] == "type");
  CHECK(d["size_by"] == "mentions");
  CHECK(d["edits"]["schema"] == "dramatis.edits/1");
  CHECK_FALSE(d["edits"].contains("notes"));

  ViewState v;
  v.selection = Selection{"quote", "q2"};
  v.camera = Camera{1, 2, 40};
  v.quotes.kind = QuoteKind::Mixed;
  v.size_by = SizeBy::PageRank;
  v.edits.notes = {{"e1", "kept out"}};
  const nlohmann::json j = view_state_json(v);
  CHECK(j["selection"] == nlohmann::json{{"kind", "quote"}, {"id", "q2"}});
  CHECK(j["camera"]["zoom"] == 40.0);
  CHECK(j["quotes"]["kind"] == "mixed");
  CHECK(j["size_by"] == "pagerank");
  CHECK_FALSE(j["edits"].contains("notes"));
}

TEST_CASE("validate_view drops ids the corpus and analysis do not have, one problem each") {
  const Corpus corpus = load_builtin_corpus();
  const Analysis analysis = analyze(corpus);
  REQUIRE(analysis.entities.size() >= 2);
  REQUIRE_FALSE(analysis.quotes.empty());
  const std::string e0 = analysis.entities[0].id, e1 = analysis.entities[1].id;
  const std::string d0 = corpus.documents[0].meta.id;

  ViewState good;
  good.selection = Selection{"edge", e0 + "~" + e1};
  good.reader = ReaderPosition{d0, corpus.documents[0].bytes.size()};
  good.filters.documents = std::vector<std::string>{d0};
  good.quotes.speaker = e0;
  good.quotes.document = d0;
  const ViewValidation ok = validate_view(good, corpus, analysis);
  CHECK(ok.problems.empty());
  CHECK(ok.view == good);
  for (const Selection& s : {Selection{"entity", e1}, Selection{"quote", analysis.quotes[0].id},
                             Selection{"document", d0}}) {
    ViewState v;
    v.selection = s;
    CHECK(validate_view(v, corpus, analysis).problems.empty());
  }

  ViewState bad = good;
  bad.selection = Selection{"entity", "e999999"};
  bad.reader.offset = corpus.documents[0].bytes.size() + 1;
  bad.filters.documents = std::vector<std::string>{d0, "no-such-doc"};
  bad.quotes.speaker = "e999999";
  bad.quotes.document = "no-such-doc";
  const ViewValidation out = validate_view(bad, corpus, analysis);
  CHECK(out.problems.size() == 5);
  CHECK(out.view.selection.empty());
  CHECK(out.view.reader.document == d0);
  CHECK(out.view.reader.offset == 0);
  CHECK(*out.view.filters.documents == std::vector<std::string>{d0});
  CHECK(out.view.quotes.speaker.empty());
  CHECK(out.view.quotes.document.empty());

  for (const Selection& s :
       {Selection{"edge", e0 + "~" + e0}, Selection{"edge", e0}, Selection{"quote", "q999999"},
        Selection{"document", "d999"}, Selection{"planet", e0}}) {
    ViewState v;
    v.selection = s;
    CAPTURE(s.kind + ":" + s.id);
    CHECK(validate_view(v, corpus, analysis).problems.size() == 1);
  }

  // A split entity exists only in the edited analysis: the first split that applies cleanly.
  std::string split_id;
  Analysis edited;
  for (const Entity& e : analysis.entities) {
    for (const std::string& alias : e.aliases) {
      UserEdits edits;
      edits.splits = {{e.id, alias}};
      std::vector<std::string> warnings;
      edited = apply_user_edits(corpus, analysis, edits, warnings);
      if (warnings.empty()) split_id = split_entity_id(e.id, alias);
      if (!split_id.empty()) break;
    }
    if (!split_id.empty()) break;
  }
  REQUIRE_FALSE(split_id.empty());
  ViewState split_selected;
  split_selected.selection = Selection{"entity", split_id};
  CHECK(validate_view(split_selected, corpus, edited).problems.empty());
  CHECK(validate_view(split_selected, corpus, analysis).problems.size() == 1);
}
