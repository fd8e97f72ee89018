// The word lists of data/lexicons/ (given names, places, companies, keywords, reporting verbs),
// parsed once from the embedded files and queried without allocating. Entries are views into the
// embedded bytes; multi-word entries ("New York City") are matched against a run of words.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/io/embedded_file.h"
#include "core/nlp/word_set.h"

namespace dramatis {

// One list per data/lexicons/*.txt file. Proper-noun lists match case-sensitively (so "turkey",
// "china" and "may" are not places or names); keyword lists ignore ASCII case, and org_suffixes
// and honorifics also ignore dots ("Inc." = "inc", "S.A." = "sa", "Dr." = "dr").
enum class WordList : uint8_t {
  FirstNames,           // first_names.txt: given names ("Soumith" if listed, "Anna")
  AmbiguousFirstNames,  // first_names_ambiguous.txt: names that are also words ("Will", "May")
  FemaleFirstNames,     // female_first_names.txt: given names listed as female only ("Lydia")
  MaleFirstNames,       // male_first_names.txt: given names listed as male only ("Kevin")
  Countries,            // countries.txt: "United States", "U.S.", "Czechia"
  Demonyms,             // demonyms.txt: "American", "Afghans", "Chinese"
  Cities,               // cities.txt: "Paris", "Palo Alto"
  Subdivisions,         // subdivisions.txt: "California", "Guangdong"
  Companies,            // companies.txt: "Microsoft", "AstraZeneca"
  OrgSuffixes,          // org_suffixes.txt: "inc", "gmbh", "plc"
  Honorifics,           // honorifics.txt: "mr", "dr", "senator"
  ReportingVerbs,       // reporting_verbs.txt: every form of each verb, and "according to"
  OrgKeywords,          // org_keywords.txt: "University", "Ministry"
  LocationKeywords,     // location_keywords.txt: "River", "Airport"
  EventKeywords,        // event_keywords.txt: "Summit", "Olympics", "World Cup"
  NotEntities,          // not_entities.txt: "The", "However", "Monday"
  PluralNouns,          // plural_nouns.txt: "wars", "galleries" (ignores ASCII case)
  Towns,                // towns.txt: "Tuguegarao", "Sochi": places only in a place's context
};
inline constexpr size_t kWordListCount = 18;

// What a given name says about the pronoun its bearer is referred to by: a name in both or
// neither of the gendered lists says nothing.
enum class NameGender : uint8_t { Unknown, Female, Male };

// The embedded file each list is read from, e.g. "first_names.txt".
std::string_view file_name(WordList list);

class Lexicon {
 public:
  Lexicon() = default;  // every list empty
  // Parses each list's file from `files` (missing files give empty lists). The views point into
  // the files' bytes, which must outlive the Lexicon (embedded files always do).
  explicit Lexicon(std::span<const EmbeddedFile> files);

  // Whether `entry` is in the list exactly (a phrase's words separated by single spaces).
  bool contains(WordList list, std::string_view entry) const;
  // The number of leading `words` that form the longest entry of the list when joined by single
  // spaces, or 0. {"New", "York", "City", "Hall"} in Cities gives 3. At most 8 words are tried.
  size_t longest_match(WordList list, std::span<const std::string_view> words) const;
  size_t size(WordList list) const;  // entries (for reporting verbs: forms)

  // The proper-noun lists (all matched byte for byte) that hold `name`, found with one hash of
  // it: for the questions asked of every name candidate at once.
  struct NameLists {
    bool first_name = false;
    bool ambiguous_first_name = false;
    bool country = false;
    bool demonym = false;
    bool city = false;
    bool subdivision = false;
    bool company = false;
    bool place() const { return country || city || subdivision; }
    // Also a person's or a company's name ("Florence", "Meta"): a lone word is a place only where
    // its context says so.
    bool name_like() const { return first_name || company || ambiguous_first_name; }
  };
  NameLists name_lists(std::string_view name) const;

  // Convenience forms of contains() for one word or phrase.
  bool is_first_name(std::string_view word) const;
  bool is_ambiguous_first_name(std::string_view word) const;
  NameGender first_name_gender(std::string_view word) const;
  bool is_country(std::string_view name) const;
  bool is_demonym(std::string_view word) const;
  bool is_city(std::string_view name) const;
  bool is_subdivision(std::string_view name) const;
  // One of the many single-word town names no population marks as well known: a place only
  // where the sentence says so ("in Tuguegarao"), so name_lists() leaves it out.
  bool is_town(std::string_view word) const;
  bool is_place(std::string_view name) const;  // country, city or subdivision
  bool is_company(std::string_view name) const;
  bool is_org_suffix(std::string_view word) const;      // "Inc.", "LLC", "GmbH"
  bool is_honorific(std::string_view word) const;       // "Dr.", "Mrs", "Senator"
  bool is_reporting_verb(std::string_view word) const;  // any form: "say", "says", "said"
  bool is_org_keyword(std::string_view word) const;
  bool is_location_keyword(std::string_view word) const;
  bool is_event_keyword(std::string_view word) const;
  bool is_not_entity_word(std::string_view word) const;
  bool is_plural_noun(std::string_view word) const;  // "Wars", "Galleries", "clouds"

  // The common name of the country `form` names ("U.S." -> "United States", "DPRK" -> "North
  // Korea"; "United States" -> itself), or an empty view. Case-sensitive; the view points into
  // the lexicon file.
  std::string_view country_name(std::string_view form) const;

  // The lemma of a reporting verb form ("told" -> "tell", "according to" -> "according to"), or
  // an empty view. Case-insensitive; the view points into the lexicon file.
  std::string_view reporting_verb_lemma(std::string_view form) const;

 private:
  struct List {
    std::vector<std::string_view> entries;  // sorted by the list's comparison
    bool fold_case = false;
    bool ignore_dots = false;
    uint8_t max_words = 1;
    // Hash set for the common single-string lookups: the entries as they are (case-sensitive
    // lists), or lower-cased and, where the list ignores dots, without them.
    WordSet words;
  };
  bool contains_words(WordList list, std::span<const std::string_view> words) const;

  std::array<List, kWordListCount> lists_{};
  // (form, lemma) of every reporting verb form, sorted case-insensitively by form.
  std::vector<std::pair<std::string_view, std::string_view>> verb_forms_;
  // The common name of every country name form (country_names.txt): asked of most candidates,
  // so a hash map rather than a binary search of string comparisons.
  std::unordered_map<std::string_view, std::string_view> country_forms_;
};

// The lexicon of the embedded data/lexicons files, parsed on first use (thread-safe).
const Lexicon& lexicon();

}  // namespace dramatis
