// The embedded word lists and their lookups (src/core/nlp/lexicon.cpp): case rules, dots,
// reporting-verb forms, multi-word matches, and parsing of hand-made list files.
#include "core/nlp/lexicon.h"

#include <doctest/doctest.h>

#include <array>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/nlp/lexicon_files.h"

using namespace dramatis;

TEST_SUITE("lexicon") {
  TEST_CASE("every list is embedded and not empty") {
    const Lexicon& lex = lexicon();
    for (size_t i = 0; i < kWordListCount; ++i) {
      const auto list = static_cast<WordList>(i);
      CAPTURE(file_name(list));
      CHECK(find_embedded(lexicon_files(), file_name(list)) != nullptr);
      CHECK(lex.size(list) > 0);
    }
    // Sizes that keep the lists useful but small enough to embed in the web build.
    CHECK(lex.size(WordList::FirstNames) > 5000);
    CHECK(lex.size(WordList::Cities) > 10000);
    CHECK(lex.size(WordList::Countries) > 200);
  }

  TEST_CASE("the same object every time, also across threads") {
    const Lexicon* first = &lexicon();
    std::array<const Lexicon*, 4> seen{};
    std::vector<std::thread> threads;
    for (size_t i = 0; i < seen.size(); ++i) {
      threads.emplace_back([&seen, i] { seen[i] = &lexicon(); });
    }
    for (auto& t : threads) t.join();
    for (const Lexicon* p : seen) CHECK(p == first);
  }

  TEST_CASE("given names, with the ambiguous ones marked") {
    const Lexicon& lex = lexicon();
    // "Mira Murati", "Adam Paszke" (corpus): given names from the package lists.
    CHECK(lex.is_first_name("Mira"));
    CHECK(lex.is_first_name("Adam"));
    CHECK_FALSE(lex.is_ambiguous_first_name("Adam"));
    CHECK_FALSE(lex.is_first_name("mira"));  // case-sensitive
    CHECK_FALSE(lex.is_first_name("Al"));    // two letters are left out
    // Names that are also words or places.
    for (const std::string_view name : {"Will", "May", "Grace", "Georgia", "Jordan", "Victoria"}) {
      CAPTURE(name);
      CHECK(lex.is_first_name(name));
      CHECK(lex.is_ambiguous_first_name(name));
    }
    // Every ambiguous name is a name.
    CHECK(lex.size(WordList::AmbiguousFirstNames) < lex.size(WordList::FirstNames));
  }

  TEST_CASE("given names: the pronoun a name suggests, only where the lists agree") {
    const Lexicon& lex = lexicon();
    CHECK(lex.first_name_gender("Lydia") == NameGender::Female);
    CHECK(lex.first_name_gender("Kevin") == NameGender::Male);
    // In both source lists: says nothing.
    CHECK(lex.first_name_gender("Robin") == NameGender::Unknown);
    CHECK(lex.first_name_gender("Chintala") == NameGender::Unknown);
    CHECK(lex.size(WordList::FemaleFirstNames) + lex.size(WordList::MaleFirstNames) <
          lex.size(WordList::FirstNames));
  }

  TEST_CASE("places: countries, demonyms, cities and regions") {
    const Lexicon& lex = lexicon();
    // "all-girl Afghan team ... in Washington" (GUM), "from Hyderabad and VIT" (corpus).
    CHECK(lex.is_demonym("Afghan"));
    CHECK(lex.is_demonym("Afghans"));
    CHECK(lex.is_demonym("Chinese"));
    CHECK(lex.is_demonym("Israelis"));
    CHECK_FALSE(lex.is_demonym("Chineses"));
    CHECK(lex.is_country("Afghanistan"));
    CHECK(lex.is_country("United States"));
    CHECK(lex.is_country("United States of America"));
    CHECK(lex.is_country("U.S."));
    CHECK(lex.is_country("US"));
    CHECK(lex.is_country("Turkey"));
    CHECK(lex.is_country("Republic of Korea"));  // from "Korea, Republic of"
    CHECK(lex.is_country("Cote d'Ivoire"));      // ASCII spelling of "Côte d'Ivoire"
    CHECK(lex.is_country("C\xC3\xB4te d'Ivoire"));
    CHECK_FALSE(lex.is_country("china"));  // the porcelain
    CHECK_FALSE(lex.is_country("IN"));     // two-letter codes are words too
    CHECK(lex.is_city("Hyderabad"));
    CHECK(lex.is_city("Kabul"));
    CHECK(lex.is_city("Palo Alto"));
    CHECK(lex.is_city("New York City"));
    CHECK(lex.is_city("S\xC3\xA3o Paulo"));
    CHECK(lex.is_city("Sao Paulo"));
    CHECK(lex.is_subdivision("California"));
    CHECK(lex.is_subdivision("Guangdong"));  // "Guangdong Sheng" without its type word
    CHECK(lex.is_subdivision("Zhejiang"));
    CHECK_FALSE(lex.is_subdivision("Central"));  // generic region names are left out
    CHECK(lex.is_place("Afghanistan"));
    CHECK(lex.is_place("Kabul"));
    CHECK_FALSE(lex.is_place("Monday"));
  }

  TEST_CASE("name_lists answers the proper-noun lists as their one-list questions do") {
    const Lexicon& lex = lexicon();
    for (const std::string_view name :
         {"Paris", "Anna", "Will", "United States", "U.S.", "Afghans", "California", "Microsoft",
          "Monday", "New  York", "", "paris"}) {
      CAPTURE(name);
      const Lexicon::NameLists lists = lex.name_lists(name);
      CHECK(lists.first_name == lex.is_first_name(name));
      CHECK(lists.ambiguous_first_name == lex.is_ambiguous_first_name(name));
      CHECK(lists.country == lex.is_country(name));
      CHECK(lists.demonym == lex.is_demonym(name));
      CHECK(lists.city == lex.is_city(name));
      CHECK(lists.subdivision == lex.is_subdivision(name));
      CHECK(lists.company == lex.is_company(name));
      CHECK(lists.place() == lex.is_place(name));
    }
    CHECK(lex.name_lists("Paris").city);
    CHECK(lex.name_lists("Microsoft").company);
  }

  TEST_CASE("a country's forms name it by its common name") {
    const Lexicon& lex = lexicon();
    CHECK(lex.country_name("U.S.") == "United States");
    CHECK(lex.country_name("USA") == "United States");
    CHECK(lex.country_name("United States of America") == "United States");
    CHECK(lex.country_name("United States") == "United States");
    CHECK(lex.country_name("UK") == "United Kingdom");
    CHECK(lex.country_name("Britain") == "United Kingdom");
    CHECK(lex.country_name("DPRK") == "North Korea");
    CHECK(lex.country_name("Republic of Korea") == "South Korea");
    CHECK(lex.country_name("England").empty());  // a nation of the UK, not another form of it
    CHECK(lex.country_name("us").empty());
    CHECK(lex.country_name("Monday").empty());
  }

  TEST_CASE("companies and legal suffixes") {
    const Lexicon& lex = lexicon();
    CHECK(lex.is_company("Microsoft"));
    CHECK(lex.is_company("Nvidia"));
    CHECK(lex.is_company("Ford"));         // a brand named like a person, kept on purpose
    CHECK_FALSE(lex.is_company("Group"));  // generic words are left out
    CHECK_FALSE(lex.is_company("Advanced"));
    CHECK_FALSE(lex.is_company("Barbara"));  // a fragment of a longer name
    CHECK_FALSE(lex.is_company("microsoft"));
    for (const std::string_view suffix : {"Inc", "Inc.", "INC", "Corp.", "Ltd", "LLC", "L.L.C.",
                                          "GmbH", "AG", "S.A.", "plc", "Co."}) {
      CAPTURE(suffix);
      CHECK(lex.is_org_suffix(suffix));
    }
    CHECK_FALSE(lex.is_org_suffix("is"));
    CHECK_FALSE(lex.is_org_suffix("UK"));
    CHECK_FALSE(lex.is_org_suffix(""));
    CHECK_FALSE(lex.is_org_suffix("..."));
  }

  TEST_CASE("honorifics, keywords and words that are not entities") {
    const Lexicon& lex = lexicon();
    CHECK(lex.is_honorific("Dr."));
    CHECK(lex.is_honorific("Mrs"));
    CHECK(lex.is_honorific("Senator"));
    CHECK_FALSE(lex.is_honorific("Soumith"));
    // "Thinking Machines Lab", "Stanford University", "the Ministry of Defence".
    CHECK(lex.is_org_keyword("Lab"));
    CHECK(lex.is_org_keyword("University"));
    CHECK(lex.is_org_keyword("ministry"));
    CHECK(lex.is_location_keyword("River"));
    CHECK(lex.is_location_keyword("Airport"));
    CHECK(lex.is_event_keyword("Summit"));
    CHECK(lex.is_event_keyword("World Cup"));
    CHECK_FALSE(lex.is_event_keyword("World"));
    // Sentence starters and headline words.
    for (const std::string_view w :
         {"The", "However", "According", "After", "Monday", "December", "Breaking", "THE"}) {
      CAPTURE(w);
      CHECK(lex.is_not_entity_word(w));
    }
    CHECK_FALSE(lex.is_not_entity_word("Chintala"));
    CHECK_FALSE(lex.is_not_entity_word("US"));  // not "us"
    // Plural nouns, in any case; singulars and names are not.
    CHECK(lex.is_plural_noun("Wars"));
    CHECK(lex.is_plural_noun("galleries"));
    CHECK_FALSE(lex.is_plural_noun("war"));
    CHECK_FALSE(lex.is_plural_noun("Chintala"));
    CHECK_FALSE(lex.is_plural_noun("glass"));
  }

  TEST_CASE("reporting verbs in every form, with their lemma") {
    const Lexicon& lex = lexicon();
    // "Soumith Chintala announced", "he said", "He confirmed ..., stating:" (corpus).
    for (const std::string_view form : {"say", "says", "said", "saying", "Said", "announced",
                                        "confirmed", "stating", "told", "wrote", "tweeted"}) {
      CAPTURE(form);
      CHECK(lex.is_reporting_verb(form));
    }
    CHECK(lex.reporting_verb_lemma("said") == "say");
    CHECK(lex.reporting_verb_lemma("TOLD") == "tell");
    CHECK(lex.reporting_verb_lemma("written") == "write");
    CHECK(lex.reporting_verb_lemma("according to") == "according to");
    CHECK(lex.reporting_verb_lemma("sad").empty());
    CHECK(lex.reporting_verb_lemma("").empty());
    CHECK_FALSE(lex.is_reporting_verb("according"));
    const std::array<std::string_view, 3> phrase = {"according", "to", "Reuters"};
    CHECK(lex.longest_match(WordList::ReportingVerbs, phrase) == 2);
  }

  TEST_CASE("longest_match reads multi-word entries from a run of words") {
    const Lexicon& lex = lexicon();
    const std::array<std::string_view, 4> nyc = {"New", "York", "City", "Hall"};
    CHECK(lex.longest_match(WordList::Cities, nyc) == 3);
    const std::array<std::string_view, 3> us = {"United", "States", "Senate"};
    CHECK(lex.longest_match(WordList::Countries, us) == 2);
    const std::array<std::string_view, 2> kabul = {"Kabul", "Airport"};
    CHECK(lex.longest_match(WordList::Cities, kabul) == 1);
    const std::array<std::string_view, 2> none = {"Thinking", "Machines"};
    CHECK(lex.longest_match(WordList::Cities, none) == 0);
    CHECK(lex.longest_match(WordList::Cities, std::span<const std::string_view>()) == 0);
    // Words are joined by single spaces: a phrase passed whole matches too.
    CHECK(lex.contains(WordList::Cities, "New York City"));
    CHECK_FALSE(lex.contains(WordList::Cities, "New  York City"));
  }

  TEST_CASE("list files: comments, blanks, CRLF, missing files, unsorted entries") {
    const std::array<EmbeddedFile, 3> files = {{
        {"cities.txt", "# a comment\n\nZurich\r\n  Palo Alto  \nAarau\n#Hidden\nNew York City"},
        {"reporting_verbs.txt", "say|says|said\naccording to\n| |\ntell|told|"},
        {"org_suffixes.txt", "inc\nllc"},
    }};
    const Lexicon lex(files);
    CHECK(lex.size(WordList::Cities) == 4);
    CHECK(lex.is_city("Zurich"));
    CHECK(lex.is_city("Palo Alto"));
    CHECK(lex.is_city("Aarau"));
    CHECK(lex.is_city("New York City"));
    CHECK_FALSE(lex.is_city("#Hidden"));
    CHECK_FALSE(lex.is_city("Hidden"));
    CHECK_FALSE(lex.is_city(""));
    CHECK(lex.reporting_verb_lemma("told") == "tell");
    CHECK(lex.reporting_verb_lemma("Says") == "say");
    CHECK(lex.size(WordList::ReportingVerbs) == 6);
    CHECK(lex.is_org_suffix("L.L.C."));
    CHECK(lex.size(WordList::FirstNames) == 0);  // missing file: empty list
    CHECK_FALSE(lex.is_first_name("Adam"));
    const Lexicon empty;
    CHECK_FALSE(empty.is_city("Zurich"));
    CHECK(empty.reporting_verb_lemma("said").empty());
  }

  TEST_CASE("random bytes never match and never crash") {
    const Lexicon& lex = lexicon();
    std::mt19937 rng(3);
    std::string word;
    for (int round = 0; round < 5000; ++round) {
      word.clear();
      const int n = static_cast<int>(rng() % 12);
      for (int i = 0; i < n; ++i) word.push_back(static_cast<char>(rng() % 256));
      for (size_t list = 0; list < kWordListCount; ++list) {
        (void)lex.contains(static_cast<WordList>(list), word);
      }
      (void)lex.reporting_verb_lemma(word);
      const std::array<std::string_view, 3> words = {word, word, "."};
      for (size_t list = 0; list < kWordListCount; ++list) {
        CHECK(lex.longest_match(static_cast<WordList>(list), words) <= words.size());
      }
    }
  }
}
