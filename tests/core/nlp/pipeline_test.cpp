// The whole reading engine (src/core/nlp/pipeline.cpp): invariants that must hold on any input,
// determinism, news text it has never seen, and the built-in corpus' showcase facts.
#include "core/nlp/pipeline.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/corpus/corpus_loader.h"
#include "core/io/analysis_json.h"

using namespace dramatis;

namespace {

Corpus corpus_of(std::vector<std::string> texts) {
  Corpus corpus;
  for (size_t i = 0; i < texts.size(); ++i)
    add_document_bytes("doc" + std::to_string(i) + ".txt", std::move(texts[i]), corpus);
  return corpus;
}

const Entity* entity_named(const Analysis& a, std::string_view name) {
  for (const Entity& e : a.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::string_view span_text(const Corpus& c, const DocSpan& s) {
  return std::string_view(c.documents[s.doc].bytes).substr(s.start, s.end - s.start);
}

// Spans inside their documents and sorted; references valid; ids in order.
void check_invariants(const Corpus& corpus, const Analysis& a) {
  const auto in_bounds = [&](const DocSpan& s) {
    return s.doc < corpus.documents.size() && s.start <= s.end &&
           s.end <= corpus.documents[s.doc].bytes.size();
  };
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    CHECK(e.id == "e" + std::to_string(i));
    CHECK(!e.mentions.empty());
    CHECK(std::is_sorted(e.mentions.begin(), e.mentions.end(),
                         [](const DocSpan& x, const DocSpan& y) {
                           return std::tie(x.doc, x.start) < std::tie(y.doc, y.start);
                         }));
    for (const DocSpan& m : e.mentions) CHECK(in_bounds(m));
    for (const AliasMerge& m : e.merges) CHECK(in_bounds(m.evidence));
  }
  for (const Quote& q : a.quotes) {
    CHECK(in_bounds(q.span));
    CHECK(q.speaker >= -1);
    CHECK(q.speaker < static_cast<int>(a.entities.size()));
    CHECK(q.confidence >= 0.0);
    CHECK(q.confidence <= 1.0);
    CHECK(!q.reason.empty());
  }
  for (const Relation& r : a.relations) {
    CHECK(r.source >= 0);
    CHECK(r.target >= 0);
    CHECK(!r.evidence.empty());
    for (const DocSpan& s : r.evidence) CHECK(in_bounds(s));
  }
  for (const DateMention& d : a.dates) CHECK(in_bounds(d.span));
}

}  // namespace

TEST_CASE("news it has never seen: names, aliases and speakers") {
  // Sentences in the style of wire copy, written for this test.
  const Corpus corpus = corpus_of(
      {"Harbour Authority chief executive Maria Lindqvist said on Tuesday that the port would "
       "reopen next week.\n\n"
       "\"We have repaired the north quay and the cranes are working again,\" Lindqvist said.\n\n"
       "Dockworkers union leader Tomas Berg was less sure. \"Nobody has shown us the safety "
       "report,\" said Berg, who has led the union since 2019.\n\n"
       "According to the Harbour Authority, traffic fell by half in March.\n"});
  const Analysis a = analyze(corpus);
  check_invariants(corpus, a);

  const Entity* maria = entity_named(a, "Maria Lindqvist");
  const Entity* tomas = entity_named(a, "Tomas Berg");
  REQUIRE(maria != nullptr);
  REQUIRE(tomas != nullptr);
  CHECK(maria->type == EntityType::Person);
  CHECK(std::find(maria->aliases.begin(), maria->aliases.end(), "Lindqvist") !=
        maria->aliases.end());
  CHECK(entity_named(a, "Harbour Authority") != nullptr);

  std::vector<std::pair<std::string, std::string>> quotes;
  for (const Quote& q : a.quotes) {
    if (q.kind != QuoteKind::Direct) continue;
    quotes.emplace_back(span_text(corpus, q.span),
                        q.speaker >= 0 ? a.entities[static_cast<size_t>(q.speaker)].name : "");
  }
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0].first == "\"We have repaired the north quay and the cranes are working again,\"");
  CHECK(quotes[0].second == "Maria Lindqvist");
  CHECK(quotes[1].second == "Tomas Berg");
}

TEST_CASE("two people who share a first name are never merged") {
  const Corpus corpus =
      corpus_of({"Anna Kowalski met Anna Schmidt in Berlin. Kowalski said the talks went well, and "
                 "Schmidt agreed. Later, Anna Kowalski left."});
  const Analysis a = analyze(corpus);
  const Entity* k = entity_named(a, "Anna Kowalski");
  const Entity* s = entity_named(a, "Anna Schmidt");
  REQUIRE(k != nullptr);
  REQUIRE(s != nullptr);
  CHECK(k != s);
  CHECK(std::find(k->aliases.begin(), k->aliases.end(), "Anna") == k->aliases.end());
}

TEST_CASE("a country's forms are one place, and an acronym the one name with its initials") {
  const Corpus corpus = corpus_of(
      {"The U.S. sent aid. Officials in the United States said the Harbour Space Centre would "
       "help, and HSC staff agreed.",
       "Later the US added more. Students of the University of Sheffield met US officials. "
       "America, they said, would pay. Flights to North America resumed."});
  const Analysis a = analyze(corpus);
  const Entity* us = entity_named(a, "United States");
  REQUIRE(us != nullptr);
  CHECK(std::find(us->aliases.begin(), us->aliases.end(), "U.S.") != us->aliases.end());
  CHECK(std::find(us->aliases.begin(), us->aliases.end(), "US") != us->aliases.end());
  CHECK(std::find(us->aliases.begin(), us->aliases.end(), "America") != us->aliases.end());
  // Both articles, and not the University's "US" nor the continent.
  CHECK(us->mentions.size() == 5);
  const Entity* centre = entity_named(a, "Harbour Space Centre");
  REQUIRE(centre != nullptr);
  CHECK(std::find(centre->aliases.begin(), centre->aliases.end(), "HSC") != centre->aliases.end());
  // "US" spells "University of S..." too, but it is the country's code.
  const Entity* university = entity_named(a, "University of Sheffield");
  REQUIRE(university != nullptr);
  CHECK(university->aliases.empty());
}

TEST_CASE("the words before an organisation's 'of' alone are its short name") {
  const Corpus corpus =
      corpus_of({"The High Court of Arbitration ruled on Monday. The High Court gave no reasons."});
  const Analysis a = analyze(corpus);
  const Entity* court = entity_named(a, "High Court of Arbitration");
  REQUIRE(court != nullptr);
  CHECK(std::find(court->aliases.begin(), court->aliases.end(), "High Court") !=
        court->aliases.end());
  // Two names with that head in the article: the short one is left alone.
  const Corpus two =
      corpus_of({"The High Court of Arbitration and the High Court of Appeal met. "
                 "The High Court gave no reasons."});
  const Analysis b = analyze(two);
  const Entity* alone = entity_named(b, "High Court");
  CHECK(alone != nullptr);
}

TEST_CASE("a product's last word alone is that product where the article names it") {
  const Corpus corpus = corpus_of(
      {"Users of Mozilla Firefox and Google Chrome grew. Chrome gained the most, and Firefox "
       "fell behind Chrome.",
       "Chrome is also a metal finish."});
  const Analysis a = analyze(corpus);
  const Entity* chrome = entity_named(a, "Google Chrome");
  REQUIRE(chrome != nullptr);
  CHECK(chrome->type == EntityType::Product);
  CHECK(std::find(chrome->aliases.begin(), chrome->aliases.end(), "Chrome") !=
        chrome->aliases.end());
  // Not in the article that never names the product.
  for (const DocSpan& m : chrome->mentions) CHECK(m.doc == 0);
}

TEST_CASE("a headline names whom the body names, in every headline block") {
  // Headline case capitalises every word, so its names are found by the body's: both headings
  // here, not the prose between them.
  const std::string text =
      "# Rival Lab Hires Helena Vasquez From Norder Systems\n\n"
      "Helena Vasquez, a researcher, joined the lab on Monday. Norder Systems declined to "
      "comment, and Vasquez said little.\n\n"
      "## Why Helena Vasquez Left\n\n"
      "She had worked there for years.\n";
  const Corpus corpus = corpus_of({text});
  const Analysis a = analyze(corpus);
  const Entity* person = entity_named(a, "Helena Vasquez");
  REQUIRE(person != nullptr);
  std::vector<size_t> starts;
  for (const DocSpan& m : person->mentions) {
    if (span_text(corpus, m) == "Helena Vasquez") starts.push_back(m.start);
  }
  CHECK(starts == std::vector<size_t>{text.find("Helena"), text.find("\n\nHelena") + 2,
                                      text.find("Why Helena") + 4});
  const Entity* company = entity_named(a, "Norder Systems");
  REQUIRE(company != nullptr);
  CHECK(company->mentions.size() == 2);
  // "Rival Lab Hires" and "Why" name nothing the body names.
  CHECK(entity_named(a, "Rival Lab Hires") == nullptr);
  CHECK(entity_named(a, "Why") == nullptr);
}

TEST_CASE("a long surname misspelt two letters off is the person it misspells") {
  const auto merged = [](const std::string& text, std::string_view person, std::string_view alias) {
    const Corpus corpus = corpus_of({text});
    const Analysis a = analyze(corpus);
    const Entity* p = entity_named(a, person);
    REQUIRE(p != nullptr);
    return std::find(p->aliases.begin(), p->aliases.end(), alias) != p->aliases.end();
  };
  // A letter added early and one dropped late: same length, two edits.
  CHECK(
      merged("Agency spokeswoman Lydia Buchtmann said the rules would change. \"It will take "
             "time,\" Ms Bauchtman said.",
             "Lydia Buchtmann", "Bauchtman"));
  // Two edits that change the length make another name, and so does another first letter.
  CHECK_FALSE(merged("Coach Mark Williamson said the team was ready. Williams disagreed.",
                     "Mark Williamson", "Williams"));
  CHECK_FALSE(merged("Police chief Paul Morrison said the road was closed. Harrison disagreed.",
                     "Paul Morrison", "Harrison"));
}

TEST_CASE("an initial and a surname are the person with that first letter") {
  const Corpus corpus = corpus_of(
      {"John Smith chairs the board. Critics say J. Smith ignored the report. Jane Doe agreed."});
  const Analysis a = analyze(corpus);
  const Entity* john = entity_named(a, "John Smith");
  REQUIRE(john != nullptr);
  bool merged = false;
  for (const AliasMerge& m : john->merges)
    merged = merged || (m.alias == "J. Smith" && m.rule == "initials");
  CHECK(merged);
}

TEST_CASE("scare quotes and quoted titles are not speech") {
  const Corpus corpus = corpus_of(
      {"The company calls it a \"game changer\" for the market. Her book \"The Quiet Harbour\" "
       "sold well."});
  const Analysis a = analyze(corpus);
  CHECK(a.quotes.empty());
}

TEST_CASE("the same input gives byte-identical output") {
  const Corpus corpus = load_builtin_corpus();
  const std::string first = analysis_to_json(corpus, analyze(corpus)).dump();
  const std::string second = analysis_to_json(corpus, analyze(corpus)).dump();
  CHECK(first == second);
}

TEST_CASE("arbitrary bytes: no crash and every invariant holds") {
  std::mt19937 rng(11);
  const std::string pieces[] = {"\"",
                                "'",
                                "\xE2\x80\x9C",
                                "\xE2\x80\x9D",
                                " said ",
                                " Anna ",
                                "Berg",
                                ". ",
                                "\n",
                                "\n\n",
                                "> ",
                                "# ",
                                "@x",
                                "**",
                                "\xFF",
                                "November 6, 2025",
                                "According to ",
                                ",",
                                ":",
                                "he "};
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> texts(1 + rng() % 3);
    for (std::string& t : texts) {
      for (int k = 0; k < 200; ++k) t += pieces[rng() % std::size(pieces)];
    }
    const Corpus corpus = corpus_of(texts);
    check_invariants(corpus, analyze(corpus));
  }
}

TEST_CASE("the built-in corpus: its showcase facts") {
  const Corpus corpus = load_builtin_corpus();
  const Analysis a = analyze(corpus);
  check_invariants(corpus, a);

  // The surname spelled two ways, the handle and the first name are one person, each merge
  // with its rule.
  const Entity* soumith = entity_named(a, "Soumith Chintala");
  REQUIRE(soumith != nullptr);
  const auto rule_of = [&](std::string_view alias) -> std::string {
    for (const AliasMerge& m : soumith->merges) {
      if (m.alias == alias) return m.rule;
    }
    return "";
  };
  CHECK(rule_of("Chintara") == "spelling");
  CHECK(rule_of("@soumithchintala") == "handle");
  CHECK(rule_of("Chintala") == "surname");

  // Every direct quote has a speaker, and the tribute is Karpathy's.
  size_t direct = 0;
  for (const Quote& q : a.quotes) {
    if (q.kind == QuoteKind::Indirect) continue;
    ++direct;
    const std::string_view text = span_text(corpus, q.span);
    if (text.find("Fantastic work") != std::string_view::npos) {
      REQUIRE(q.speaker >= 0);
      CHECK(a.entities[static_cast<size_t>(q.speaker)].name == "Andrej Karpathy");
    } else if (text.find("We use download numbers") == std::string_view::npos &&
               text.find("commits must be made") == std::string_view::npos) {
      CHECK(q.speaker == static_cast<int>(soumith - a.entities.data()));
    }
  }
  CHECK(direct >= 9);

  // The sources disagree on the departure date.
  REQUIRE(a.conflicts.size() == 1);
  std::vector<std::string> values;
  for (const ConflictClaim& c : a.conflicts[0].claims) values.push_back(c.value);
  CHECK(std::find(values.begin(), values.end(), "2025-11-17") != values.end());
  CHECK(std::find(values.begin(), values.end(), "2023-11-17") != values.end());
}
