// Scoring against gold (src/core/eval/scorer.cpp): exact entity spans and types, the quote
// overlap rule, speakers by name, alias or unambiguous surname, pairwise alias clustering, and
// reading a saved "dramatis.analysis/1".
#include "core/eval/scorer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/io/analysis_json.h"

using namespace dramatis;
using namespace dramatis::eval;

namespace {

// "Anna Lee met Acme in Oslo. "We won," Lee said. "Not yet," said Bo Lee."
//  0    5   9   13   18 21   27           40  44          56        66 68  72
const std::string kText =
    "Anna Lee met Acme in Oslo. \"We won,\" Lee said. \"Not yet,\" said Bo Lee.";

size_t at(const std::string& needle, size_t from = 0) {
  return kText.find(needle, from);
}

GoldSet make_gold() {
  GoldDocument doc;
  doc.id = "d0";
  doc.text = kText;
  doc.entities = {{at("Anna Lee"), at("Anna Lee") + 8, EntityType::Person, "Anna Lee"},
                  {at("Acme"), at("Acme") + 4, EntityType::Org, "Acme"},
                  {at("Oslo"), at("Oslo") + 4, EntityType::Location, ""},
                  {at("Lee said"), at("Lee said") + 3, EntityType::Person, "Anna Lee"},
                  {at("Bo Lee"), at("Bo Lee") + 6, EntityType::Person, "Bo Lee"}};
  GoldQuote q0{at("\"We"), at(" Lee said"), true, "Anna Lee", "direct"};
  GoldQuote q1{at("\"Not"), at(" said Bo"), true, "Bo Lee", "direct"};
  doc.quotes = {q0, q1};
  return {{doc}};
}

Entity entity(const std::string& name, EntityType type, std::vector<std::string> spans,
              std::vector<std::string> aliases = {}) {
  Entity e;
  e.name = name;
  e.type = type;
  e.aliases = std::move(aliases);
  for (const std::string& s : spans) {
    const size_t start = s == "Lee" ? at("Lee said") : at(s);
    e.mentions.push_back({0, start, start + s.size()});
  }
  return e;
}

// The prediction that matches the gold exactly.
Analysis perfect() {
  Analysis a;
  a.entities = {entity("Anna Lee", EntityType::Person, {"Anna Lee", "Lee"}, {"Lee"}),
                entity("Acme", EntityType::Org, {"Acme"}),
                entity("Oslo", EntityType::Location, {"Oslo"}),
                entity("Bo Lee", EntityType::Person, {"Bo Lee"})};
  const GoldSet gold = make_gold();
  for (size_t i = 0; i < 2; ++i) {
    Quote q;
    q.span = {0, gold.documents[0].quotes[i].start, gold.documents[0].quotes[i].end};
    q.speaker = i == 0 ? 0 : 3;
    a.quotes.push_back(q);
  }
  return a;
}

}  // namespace

TEST_CASE("Prf ratios") {
  Prf prf{10, 8, 6};
  CHECK(*prf.precision() == doctest::Approx(0.75));
  CHECK(*prf.recall() == doctest::Approx(0.6));
  CHECK(*prf.f1() == doctest::Approx(2 * 0.75 * 0.6 / 1.35));
  Prf none{3, 0, 0};
  CHECK_FALSE(none.precision());
  CHECK(*none.recall() == 0.0);
  CHECK(*none.f1() == 0.0);
  CHECK_FALSE(Prf{}.f1());
}

TEST_CASE("a perfect prediction scores 1.0 everywhere") {
  const EvalResult r = score(make_gold(), perfect());
  CHECK(r.documents == 1);
  const Prf& person = r.entities.by_type.at(EntityType::Person);
  CHECK(person.gold == 3);
  CHECK(person.correct == 3);
  CHECK(*person.precision() == 1.0);
  CHECK(*r.entities.micro.f1() == 1.0);
  CHECK(r.entities.micro.gold == 5);
  CHECK(*r.entities.micro_all.f1() == 1.0);
  CHECK(*r.quotes.overlap.f1() == 1.0);
  CHECK(*r.quotes.exact.f1() == 1.0);
  CHECK(r.quotes.speaker_annotated == 2);
  CHECK(*r.quotes.speaker_accuracy() == 1.0);
  CHECK(*r.quotes.unknown_rate() == 0.0);
  REQUIRE(r.aliases);
  CHECK(r.aliases->mentions == 4);  // Oslo has no gold name
  CHECK(r.aliases->pairs.gold == 1);
  CHECK(*r.aliases->pairs.f1() == 1.0);
}

TEST_CASE("one wrong type costs precision of one type and recall of another") {
  Analysis a = perfect();
  a.entities[1].type = EntityType::Location;  // Acme as a place
  const EvalResult r = score(make_gold(), a);
  const Prf& org = r.entities.by_type.at(EntityType::Org);
  const Prf& location = r.entities.by_type.at(EntityType::Location);
  CHECK(org.gold == 1);
  CHECK(org.predicted == 0);
  CHECK(*org.recall() == 0.0);
  CHECK_FALSE(org.precision());
  CHECK(location.predicted == 2);
  CHECK(*location.precision() == 0.5);
  CHECK(*location.recall() == 1.0);
  CHECK(r.entities.micro.correct == 4);
  CHECK(*r.entities.micro.precision() == doctest::Approx(0.8));
  CHECK(*r.entities.micro.recall() == doctest::Approx(0.8));
}

TEST_CASE("--types narrows the micro average; other types still get rows") {
  Analysis a = perfect();
  a.entities.push_back(entity("Oslo", EntityType::Date, {"Oslo"}));  // a spurious DATE
  ScoreOptions options;
  options.types = {EntityType::Person};
  const EvalResult r = score(make_gold(), a, options);
  CHECK(r.entities.micro.gold == 3);
  CHECK(*r.entities.micro.f1() == 1.0);
  CHECK(r.entities.by_type.at(EntityType::Date).predicted == 1);
  CHECK(r.entities.micro_all.predicted == 6);
  CHECK(*r.entities.micro_all.precision() == doctest::Approx(5.0 / 6.0));
}

TEST_CASE("one missed quote") {
  Analysis a = perfect();
  a.quotes.pop_back();
  const EvalResult r = score(make_gold(), a);
  CHECK(r.quotes.overlap.gold == 2);
  CHECK(r.quotes.overlap.correct == 1);
  CHECK(*r.quotes.overlap.precision() == 1.0);
  CHECK(*r.quotes.overlap.recall() == 0.5);
  CHECK(*r.quotes.overlap.f1() == doctest::Approx(2.0 / 3.0));
  CHECK(r.quotes.speaker_annotated == 1);  // only matched quotes count for speakers
}

TEST_CASE("quote overlap rule: at least half of the shorter span, one to one") {
  const GoldSet gold = make_gold();
  const GoldQuote& g = gold.documents[0].quotes[0];  // "\"We won,\"": 9 bytes
  const size_t length = g.end - g.start;
  REQUIRE(length == 9);
  Analysis a;
  Quote q;
  q.span = {0, g.start + 4, g.end + 5};  // overlaps 5 bytes, the shorter span is 9: 5*2 >= 9
  a.quotes = {q};
  CHECK(score(gold, a).quotes.overlap.correct == 1);
  CHECK(score(gold, a).quotes.exact.correct == 0);
  a.quotes[0].span = {0, g.start + 5, g.end + 5};  // 4 bytes: 4*2 < 9
  CHECK(score(gold, a).quotes.overlap.correct == 0);
  a.quotes[0].span = {0, g.start + 2, g.start + 4};  // a short piece inside: all of the shorter
  CHECK(score(gold, a).quotes.overlap.correct == 1);

  // Two predictions on one gold quote: one match, one false positive.
  Quote whole;
  whole.span = {0, g.start, g.end};
  a.quotes = {a.quotes[0], whole};
  const EvalResult r = score(gold, a);
  CHECK(r.quotes.overlap.predicted == 2);
  CHECK(r.quotes.overlap.correct == 1);
  CHECK(r.quotes.exact.correct == 1);
}

TEST_CASE("speakers: names and aliases ignore case; surnames only when unambiguous") {
  const Entity anna = entity("Anna Lee", EntityType::Person, {}, {"Ms. Lee"});
  CHECK(speaker_matches(anna, "anna  LEE", {}));
  CHECK(speaker_matches(anna, "ms. lee", {}));
  CHECK(speaker_matches(anna, "The Anna Lee", {}));  // a leading article is not part of a name
  CHECK_FALSE(speaker_matches(anna, "Theanna Lee", {}));
  CHECK_FALSE(speaker_matches(anna, "Anna", {}));  // a first name is not a surname
  const Entity lee = entity("Lee", EntityType::Person, {});
  CHECK(speaker_matches(lee, "Anna Lee", {"Anna Lee"}));
  CHECK_FALSE(speaker_matches(lee, "Anna Lee", {"Anna Lee", "Bo Lee"}));  // two Lees
  const Entity bo = entity("Bo Lee", EntityType::Person, {});
  CHECK(speaker_matches(bo, "Lee", {"Bo Lee"}));
  CHECK_FALSE(speaker_matches(bo, "Lee", {"Anna Lee", "Bo Lee"}));

  // In the scorer the gold document has both Lees, so a predicted "Lee" is wrong for both.
  Analysis a = perfect();
  a.entities.push_back(lee);
  a.quotes[0].speaker = 4;
  a.quotes[1].speaker = -1;
  const EvalResult r = score(make_gold(), a);
  CHECK(r.quotes.speaker_annotated == 2);
  CHECK(r.quotes.speaker_correct == 0);
  CHECK(r.quotes.speaker_named == 2);
  CHECK(r.quotes.speaker_unknown == 1);
  CHECK(*r.quotes.unknown_rate() == 0.5);

  // A quote the gold marks as having no known speaker is right only when left unknown.
  GoldSet gold = make_gold();
  gold.documents[0].quotes[1].speaker.reset();
  a = perfect();
  CHECK(score(gold, a).quotes.speaker_correct == 1);
  a.quotes[1].speaker = -1;
  CHECK(score(gold, a).quotes.speaker_correct == 2);
}

TEST_CASE("speakers by referent: the gold's mentions of the speaker, under another name") {
  // "A. Lee" matches no gold name, but its mentions are the gold's mentions of Anna Lee.
  Analysis a = perfect();
  a.entities[0].name = "A. Lee";
  a.entities[0].aliases.clear();
  const GoldSet gold = make_gold();
  CHECK(refers_to(a.entities[0], 0, gold.documents[0], "Anna Lee"));
  CHECK_FALSE(refers_to(a.entities[0], 0, gold.documents[0], "Bo Lee"));
  CHECK_FALSE(refers_to(a.entities[0], 1, gold.documents[0], "Anna Lee"));  // another document
  EvalResult r = score(gold, a);
  CHECK(r.quotes.speaker_correct == 2);
  CHECK(r.quotes.speaker_by_mentions == 1);

  // An entity holding one mention of each Lee is neither: a tie is no majority.
  const Entity both = entity("Lees", EntityType::Person, {"Anna Lee", "Bo Lee"});
  CHECK_FALSE(refers_to(both, 0, gold.documents[0], "Anna Lee"));
  CHECK_FALSE(refers_to(both, 0, gold.documents[0], "Bo Lee"));
  // No gold `entity` names, no referent.
  GoldSet unnamed = make_gold();
  for (GoldEntity& e : unnamed.documents[0].entities) e.entity.clear();
  CHECK_FALSE(refers_to(a.entities[0], 0, unnamed.documents[0], "Anna Lee"));
}

TEST_CASE("an outer-names-only gold leaves predicted names inside longer ones unscored") {
  Analysis a = perfect();
  // "Anna" inside "Anna Lee" (a wrong inner name) and "Lee" again as an ORG on the same span as
  // the PERSON "Lee" (not inside a longer span: scored either way).
  a.entities.push_back(entity("Anna", EntityType::Person, {"Anna"}));
  a.entities.push_back(entity("Lee", EntityType::Org, {"Lee"}));
  GoldSet gold = make_gold();
  EvalResult r = score(gold, a);
  CHECK(r.entities.by_type[EntityType::Person].predicted == 4);  // Anna Lee, Lee, Bo Lee, Anna
  CHECK(r.entities.by_type[EntityType::Org].predicted == 2);
  gold.outer_names_only = true;
  r = score(gold, a);
  CHECK(r.entities.by_type[EntityType::Person].predicted == 3);
  CHECK(r.entities.by_type[EntityType::Person].correct == 3);
  CHECK(r.entities.by_type[EntityType::Org].predicted == 2);
}

TEST_CASE("alias pairs: a split entity loses recall, a merged one precision") {
  Analysis split = perfect();
  split.entities[0].mentions.pop_back();  // "Lee" becomes its own entity
  split.entities.push_back(entity("Lee", EntityType::Person, {"Lee"}));
  EvalResult r = score(make_gold(), split);
  REQUIRE(r.aliases);
  CHECK(r.aliases->pairs.gold == 1);
  CHECK(r.aliases->pairs.predicted == 0);
  CHECK(*r.aliases->pairs.recall() == 0.0);

  Analysis merged = perfect();  // Bo Lee merged into Anna Lee: 3 predicted pairs, 1 right
  merged.entities[0].mentions.push_back(merged.entities[3].mentions[0]);
  merged.entities.erase(merged.entities.begin() + 3);
  merged.quotes[1].speaker = 0;
  r = score(make_gold(), merged);
  CHECK(r.aliases->pairs.predicted == 3);
  CHECK(r.aliases->pairs.correct == 1);
  CHECK(*r.aliases->pairs.precision() == doctest::Approx(1.0 / 3.0));
  CHECK(*r.aliases->pairs.recall() == 1.0);

  GoldSet unnamed = make_gold();
  for (GoldEntity& e : unnamed.documents[0].entities) e.entity.clear();
  CHECK_FALSE(score(unnamed, perfect()).aliases);
}

TEST_CASE("a saved analysis JSON scores the same as the Analysis") {
  const GoldSet gold = make_gold();
  const Corpus corpus = corpus_from_gold(gold);
  Analysis original = perfect();
  for (size_t i = 0; i < original.entities.size(); ++i)
    original.entities[i].id = "e" + std::to_string(i);
  const nlohmann::json json = analysis_to_json(corpus, original);
  std::vector<Diagnostic> diagnostics;
  auto read = analysis_from_json(json, gold, "a.json", diagnostics);
  REQUIRE(read);
  CHECK(diagnostics.empty());
  CHECK(result_to_json(score(gold, *read)) == result_to_json(score(gold, original)));

  nlohmann::json wrong = json;
  wrong["documents"][0]["bytes"] = 3;
  wrong["quotes"][1]["speaker"] = "e99";
  diagnostics.clear();
  CHECK_FALSE(analysis_from_json(wrong, gold, "a.json", diagnostics));
  REQUIRE(diagnostics.size() == 1);  // documents are checked first
  INFO(diagnostics[0].message);
  CHECK(diagnostics[0].message.starts_with("documents[0].bytes: 3 bytes, but gold document 0"));

  wrong["documents"][0]["bytes"] = kText.size();
  diagnostics.clear();
  CHECK_FALSE(analysis_from_json(wrong, gold, "a.json", diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "quotes[1].speaker: not the id of an entity: \"e99\"");
  CHECK(diagnostics[0].file == "a.json");
}

TEST_CASE("result JSON and table") {
  const EvalResult r = score(make_gold(), perfect());
  const nlohmann::json j = result_to_json(r);
  CHECK(j["schema"] == "dramatis.eval/1");
  CHECK(j["entities"]["types"]["PERSON"]["f1"] == 1.0);
  CHECK(j["entities"]["micro"]["types"] == nlohmann::json{"PERSON", "ORG", "LOCATION"});
  CHECK(j["quotes"]["speakers"]["accuracy"] == 1.0);
  CHECK(j["aliases"]["pairs"]["correct"] == 1);
  const std::string table = result_to_table(r);
  CHECK(table.find("micro PERSON,ORG,LOCATION       5      5       5     1.000   1.000   1.000") !=
        std::string::npos);
  const EvalResult empty = score(make_gold(), Analysis{});
  CHECK(result_to_json(empty)["entities"]["micro"]["precision"].is_null());
}
