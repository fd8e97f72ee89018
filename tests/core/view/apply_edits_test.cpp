// Applying the user's edits (src/core/view/apply_edits.cpp) to the analysis of the built-in
// corpus. The entities are chosen by what the analysis holds (the busiest speaker, an alias some
// but not all mentions read), never by hard-coded ids, names or counts.
#include "core/view/apply_edits.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/corpus/corpus_loader.h"
#include "core/io/analysis_json.h"
#include "core/nlp/pipeline.h"

using namespace dramatis;

namespace {

struct Fixture {
  Corpus corpus = load_builtin_corpus();
  Analysis analysis = analyze(corpus);
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

const Entity* find_entity(const Analysis& a, const std::string& id) {
  for (const Entity& e : a.entities)
    if (e.id == id) return &e;
  return nullptr;
}

int index_of(const Analysis& a, const std::string& id) {
  for (size_t i = 0; i < a.entities.size(); ++i)
    if (a.entities[i].id == id) return static_cast<int>(i);
  return -1;
}

std::string_view text_at(const Corpus& c, const DocSpan& s) {
  return std::string_view(c.documents[s.doc].bytes).substr(s.start, s.end - s.start);
}

std::string id_or_none(const Analysis& a, int index) {
  return index < 0 ? std::string("-") : a.entities[static_cast<size_t>(index)].id;
}

// Relations keyed by entity ids (unordered for co-occurs): weight and evidence count.
std::map<std::tuple<std::string, std::string, std::string>, double> relation_weights(
    const Analysis& a, const std::map<std::string, std::string>& rename = {}) {
  std::map<std::tuple<std::string, std::string, std::string>, double> out;
  for (const Relation& r : a.relations) {
    std::string s = id_or_none(a, r.source), t = id_or_none(a, r.target);
    if (auto it = rename.find(s); it != rename.end()) s = it->second;
    if (auto it = rename.find(t); it != rename.end()) t = it->second;
    if (s == t) continue;
    if (r.type == "co-occurs" && t < s) std::swap(s, t);
    out[{s, t, r.type}] += r.weight;
  }
  return out;
}

}  // namespace

TEST_CASE("merging the busiest speaker into another person moves mentions, quotes, relations") {
  const Fixture& f = fixture();
  const Analysis& before = f.analysis;
  // B: the entity that speaks most; A: the first other person.
  std::map<int, int> quotes_by;
  for (const Quote& q : before.quotes)
    if (q.speaker >= 0) ++quotes_by[q.speaker];
  REQUIRE_FALSE(quotes_by.empty());
  const int b = std::max_element(quotes_by.begin(), quotes_by.end(), [](auto& x, auto& y) {
                  return x.second < y.second;
                })->first;
  int a = -1;
  for (size_t i = 0; i < before.entities.size(); ++i)
    if (static_cast<int>(i) != b && before.entities[i].type == EntityType::Person) {
      a = static_cast<int>(i);
      break;
    }
  REQUIRE(a >= 0);
  const Entity& ea = before.entities[static_cast<size_t>(a)];
  const Entity& eb = before.entities[static_cast<size_t>(b)];

  UserEdits edits;
  edits.merges = {{eb.id, ea.id}};
  std::vector<std::string> warnings;
  const Analysis after = apply_user_edits(f.corpus, before, edits, warnings);
  CHECK(warnings.empty());
  CHECK(after.entities.size() == before.entities.size() - 1);
  CHECK(find_entity(after, eb.id) == nullptr);
  const Entity* merged = find_entity(after, ea.id);
  REQUIRE(merged != nullptr);
  CHECK(merged->name == ea.name);
  CHECK(merged->mentions.size() == ea.mentions.size() + eb.mentions.size());
  for (const DocSpan& m : eb.mentions)
    CHECK(std::find(merged->mentions.begin(), merged->mentions.end(), m) != merged->mentions.end());
  CHECK(std::is_sorted(merged->mentions.begin(), merged->mentions.end(),
                       [](const DocSpan& x, const DocSpan& y) {
                         return std::tie(x.doc, x.start) < std::tie(y.doc, y.start);
                       }));
  CHECK(std::find(merged->aliases.begin(), merged->aliases.end(), eb.name) !=
        merged->aliases.end());
  for (const std::string& alias : eb.aliases)
    CHECK(std::find(merged->aliases.begin(), merged->aliases.end(), alias) !=
          merged->aliases.end());
  CHECK(merged->merges.size() == ea.merges.size() + eb.merges.size() + 1);
  CHECK(merged->merges.back().rule == "user");
  CHECK(merged->merges.back().alias == eb.name);

  // Every quote keeps its place; B's quotes are A's now, the others keep their speaker's id.
  REQUIRE(after.quotes.size() == before.quotes.size());
  int moved = 0;
  for (size_t i = 0; i < before.quotes.size(); ++i) {
    const std::string was = id_or_none(before, before.quotes[i].speaker);
    const std::string now = id_or_none(after, after.quotes[i].speaker);
    if (was == eb.id) {
      CHECK(now == ea.id);
      ++moved;
    } else {
      CHECK(now == was);
    }
  }
  CHECK(moved == quotes_by[b]);

  // Relations: B's become A's, weights add, A-B relations vanish, no self-relations.
  const auto expected = relation_weights(before, {{eb.id, ea.id}});
  const auto got = relation_weights(after);
  CHECK(got == expected);
  for (const Relation& r : after.relations) {
    CHECK(r.source != r.target);
    if (r.type == "co-occurs") CHECK(r.source < r.target);
    CHECK(std::is_sorted(r.evidence.begin(), r.evidence.end(),
                         [](const DocSpan& x, const DocSpan& y) {
                           return std::tie(x.doc, x.start, x.end) < std::tie(y.doc, y.start, y.end);
                         }));
  }
  for (const Event& e : after.events) {
    CHECK(e.subject < static_cast<int>(after.entities.size()));
    for (const int o : e.objects) CHECK(o != e.subject);
  }

  // Untouched entities keep their ids, names and mentions.
  for (const Entity& e : before.entities) {
    if (e.id == ea.id || e.id == eb.id) continue;
    const Entity* same = find_entity(after, e.id);
    REQUIRE(same != nullptr);
    CHECK(same->name == e.name);
    CHECK(same->mentions == e.mentions);
  }
}

TEST_CASE("merge chains: an id merged away stands for the entity it went into") {
  const Fixture& f = fixture();
  const Analysis& before = f.analysis;
  REQUIRE(before.entities.size() >= 3);
  const std::string x = before.entities[0].id, y = before.entities[1].id, z = before.entities[2].id;
  UserEdits edits;
  edits.merges = {{y, x}, {z, y}, {x, y}};  // z joins x (through y); x into y: already one
  std::vector<std::string> warnings;
  const Analysis after = apply_user_edits(f.corpus, before, edits, warnings);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("already one entity") != std::string::npos);
  const Entity* merged = find_entity(after, x);
  REQUIRE(merged != nullptr);
  CHECK(merged->mentions.size() == before.entities[0].mentions.size() +
                                       before.entities[1].mentions.size() +
                                       before.entities[2].mentions.size());
  CHECK(find_entity(after, y) == nullptr);
  CHECK(find_entity(after, z) == nullptr);
}

TEST_CASE("splitting an alias out moves exactly the mentions that read it") {
  const Fixture& f = fixture();
  const Analysis& before = f.analysis;
  // The first entity with an alias that some, not all, of its mentions read.
  const Entity* original = nullptr;
  std::string alias;
  size_t reading = 0;
  for (const Entity& e : before.entities) {
    for (const std::string& al : e.aliases) {
      const size_t n = static_cast<size_t>(
          std::count_if(e.mentions.begin(), e.mentions.end(),
                        [&](const DocSpan& m) { return text_at(f.corpus, m) == al; }));
      if (n > 0 && n < e.mentions.size()) {
        original = &e, alias = al, reading = n;
        break;
      }
    }
    if (original != nullptr) break;
  }
  REQUIRE(original != nullptr);
  CAPTURE(original->id);
  CAPTURE(alias);

  UserEdits edits;
  edits.splits = {{original->id, alias}};
  std::vector<std::string> warnings;
  const Analysis after = apply_user_edits(f.corpus, before, edits, warnings);
  CHECK(warnings.empty());
  const std::string new_id = split_entity_id(original->id, alias);
  CHECK(new_id == original->id + "/" + alias);
  const Entity* split = find_entity(after, new_id);
  const Entity* rest = find_entity(after, original->id);
  REQUIRE(split != nullptr);
  REQUIRE(rest != nullptr);
  CHECK(after.entities.size() == before.entities.size() + 1);
  CHECK(after.entities.back().id == new_id);  // appended: no other index moves
  CHECK(split->name == alias);
  CHECK(split->type == original->type);
  CHECK(split->mentions.size() == reading);
  for (const DocSpan& m : split->mentions) CHECK(text_at(f.corpus, m) == alias);
  for (const DocSpan& m : rest->mentions) CHECK(text_at(f.corpus, m) != alias);
  CHECK(rest->mentions.size() + split->mentions.size() == original->mentions.size());
  CHECK(std::find(rest->aliases.begin(), rest->aliases.end(), alias) == rest->aliases.end());
  for (const AliasMerge& m : rest->merges) CHECK(m.alias != alias);
  for (size_t i = 0; i + 1 < before.entities.size(); ++i)
    CHECK(after.entities[i].id == before.entities[i].id);

  // Quotes stay with one of the two; relation weight is conserved between them.
  const int oi = index_of(before, original->id);
  const int ri = index_of(after, original->id), si = index_of(after, new_id);
  size_t quotes_before = 0, quotes_after = 0;
  for (const Quote& q : before.quotes) quotes_before += q.speaker == oi ? 1 : 0;
  for (const Quote& q : after.quotes) quotes_after += (q.speaker == ri || q.speaker == si) ? 1 : 0;
  CHECK(quotes_after == quotes_before);
  double w_before = 0, w_after = 0;
  for (const Relation& r : before.relations)
    if (r.source == oi || r.target == oi) w_before += r.weight;
  for (const Relation& r : after.relations)
    if (r.source == ri || r.target == ri || r.source == si || r.target == si) w_after += r.weight;
  CHECK(w_after == doctest::Approx(w_before));
  // Evidence that went to the new entity holds one of its mentions and none of the rest's.
  for (const Relation& r : after.relations) {
    if (r.source != si && r.target != si) continue;
    for (const DocSpan& e : r.evidence) {
      const auto within = [&](const DocSpan& m) {
        return m.doc == e.doc && m.start >= e.start && m.end <= e.end;
      };
      CHECK(std::any_of(split->mentions.begin(), split->mentions.end(), within));
      CHECK_FALSE(std::any_of(rest->mentions.begin(), rest->mentions.end(), within));
    }
  }

  // Splitting again, or an alias no mention reads, or the name itself: a warning each.
  edits.splits = {{original->id, alias},
                  {original->id, alias},
                  {original->id, "No Such Alias"},
                  {original->id, original->name}};
  warnings.clear();
  apply_user_edits(f.corpus, before, edits, warnings);
  CHECK(warnings.size() == 3);
}

TEST_CASE("renames change the name and keep the old one as an alias; split ids can be renamed") {
  const Fixture& f = fixture();
  const Entity& e = f.analysis.entities[0];
  UserEdits edits;
  edits.renames = {{e.id, "A New Name"}};
  std::vector<std::string> warnings;
  const Analysis after = apply_user_edits(f.corpus, f.analysis, edits, warnings);
  CHECK(warnings.empty());
  const Entity* renamed = find_entity(after, e.id);
  REQUIRE(renamed != nullptr);
  CHECK(renamed->name == "A New Name");
  CHECK(std::find(renamed->aliases.begin(), renamed->aliases.end(), e.name) !=
        renamed->aliases.end());
  CHECK(std::is_sorted(renamed->aliases.begin(), renamed->aliases.end()));
  CHECK(renamed->mentions == e.mentions);
}

TEST_CASE("edits naming unknown ids warn once each and change nothing") {
  const Fixture& f = fixture();
  UserEdits edits;
  edits.merges = {{"e999999", f.analysis.entities[0].id}, {f.analysis.entities[0].id, "x"}};
  edits.splits = {{"e999999", "Someone"}};
  edits.renames = {{"q0", "Not an entity"}};
  edits.hidden = {"e999998"};
  edits.pins = {{"e999997", {1, 2}}};
  edits.notes = {{"d0", "a document, not an entity"}};
  std::vector<std::string> warnings;
  const Analysis after = apply_user_edits(f.corpus, f.analysis, edits, warnings);
  CHECK(warnings.size() == 7);
  for (const std::string& w : warnings) CHECK(w.find("skipped") != std::string::npos);
  CHECK(analysis_to_json(f.corpus, after) == analysis_to_json(f.corpus, f.analysis));
  CHECK(hidden_entity_indices(after, edits).empty());
}

TEST_CASE("hidden entities stay in the analysis and are exposed by index") {
  const Fixture& f = fixture();
  const Analysis& a = f.analysis;
  REQUIRE(a.entities.size() > 3);
  UserEdits edits;
  edits.hidden = {a.entities[3].id, a.entities[1].id};
  std::vector<std::string> warnings;
  const Analysis after = apply_user_edits(f.corpus, a, edits, warnings);
  CHECK(warnings.empty());
  CHECK(after.entities.size() == a.entities.size());
  CHECK(hidden_entity_indices(after, edits) == std::vector<uint32_t>{1, 3});
}

TEST_CASE("applying the same edits twice gives byte-identical analyses") {
  const Fixture& f = fixture();
  const Analysis& a = f.analysis;
  REQUIRE(a.entities.size() > 6);
  UserEdits edits;
  edits.merges = {{a.entities[5].id, a.entities[1].id}, {a.entities[6].id, a.entities[0].id}};
  edits.renames = {{a.entities[1].id, "Merged"}};
  for (const Entity& e : a.entities)
    if (!e.aliases.empty()) edits.splits.push_back({e.id, e.aliases.front()});
  std::vector<std::string> w1, w2;
  const std::string one =
      analysis_to_json(f.corpus, apply_user_edits(f.corpus, a, edits, w1)).dump();
  const std::string two =
      analysis_to_json(f.corpus, apply_user_edits(f.corpus, a, edits, w2)).dump();
  CHECK(one == two);
  CHECK(w1 == w2);
  CHECK(one != analysis_to_json(f.corpus, a).dump());
}
