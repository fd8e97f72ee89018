// Stage 1 of entity recognition: proper-name candidates in one document (runs of capitalised
// words, acronyms, handles, CamelCase names) with a first guess at their type from lexicons and
// local context. Sentence-initial capitals and headline case are handled with corpus-wide word
// statistics, so "Reports point to..." gives no entity and "Chintala’s path..." does.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/word_counts.h"

namespace dramatis {

// Hashes strings and string views alike, so maps keyed by std::string can be searched with a
// view (heterogeneous lookup) without building a key string.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// How often each word form is seen across the corpus (outside boilerplate).
struct WordStats {
  WordCounts lowercase;    // all-lowercase occurrences, by form
  WordCounts capital_mid;  // capitalised, not sentence-initial
};

// Adds one document's words (the stats are summed over the corpus one document at a time).
void add_word_stats(const DocumentView& view, WordStats& stats);

// Why a candidate got its type; several can hold.
enum CandidateEvidence : uint32_t {
  kFirstName = 1 << 0,       // starts with a known first name
  kHonorific = 1 << 1,       // after Mr., Dr., President, CEO ...
  kOrgKeyword = 1 << 2,      // contains Lab, University, Foundation ... or ends with Inc., Ltd.
  kCompanyList = 1 << 3,     // a known company or brand
  kPlaceList = 1 << 4,       // a known country, region or city
  kEventKeyword = 1 << 5,    // Conference, Summit, Olympics ...
  kProductContext = 1 << 6,  // "the framework X", "X, a library"
  kHandle = 1 << 7,          // @name
  kAcronym = 1 << 8,         // all capitals, 2-6 letters
  kCamelCase = 1 << 9,       // PyTorch, OpenAI
  kPersonShape = 1 << 10,    // two or three plain capitalised words, no keyword
  kSpeechContext = 1 << 11,  // subject of a reporting verb ("X said")
  kOrgContext = 1 << 12,     // after "joined", "leaves", "at"
  kFacility = 1 << 13,       // a building or site: Museum, Center, Mosque, River, Airport
  kActingCountry = 1 << 14,  // a country that acts or plays: its government or its team
  kWorkTitle = 1 << 15,      // right after "novel", "film", "album" ...: a work's title
  kListedAs = 1 << 16,       // in a list after its kind: "institutions like X and Y"
  kDateline = 1 << 17,       // a wire dateline's place or agency: "ROME (AP) —"
  kEmploysNamed = 1 << 18,   // before a staff role and a person: "IndiGo chief executive X"
};

struct EntityCandidate {
  uint32_t doc = 0;
  uint32_t first_token = 0;  // token range [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t start = 0;  // bytes
  uint32_t end = 0;
  std::string key;  // the surface form, words joined by single spaces
  // The full name an elliptical form stands for ("North Korea" for the "North" of "North and
  // South Korea"), or empty; entity resolution merges the form into that name.
  std::string stands_for;
  EntityType type = EntityType::Person;
  float confidence = 0.0f;
  uint32_t evidence = 0;
  bool typed = false;  // the type rests on evidence (else a guess to confirm by aliasing)
  bool headline = false;
  bool sentence_initial = false;
};

// Per block: a heading or a title-case line ("PyTorch Leader Soumith Chintala Steps Down: ..."),
// whose capitals say nothing about names.
std::vector<bool> headline_blocks(const DocumentView& view);

// Candidates outside headlines and headings (`headline` from headline_blocks()).
std::vector<EntityCandidate> find_candidates(const DocumentView& view, const WordStats& stats,
                                             const std::vector<bool>& headline);

// Names the body text established, by key, for finding them in headlines.
struct KnownName {
  EntityType type = EntityType::Person;
  float confidence = 0.0f;
};
using KnownNames = std::unordered_map<std::string, KnownName>;

// Candidates in headlines and headings: the longest runs the body text already names.
std::vector<EntityCandidate> find_headline_candidates(const DocumentView& view,
                                                      const KnownNames& known,
                                                      const std::vector<bool>& headline);

// "Civil Defense Authority director ..." opening a sentence, after "Saudi Arabia's Civil
// Defense Authority": a sentence's first word, left out of a candidate as a common word, joins it
// where the two together are a name the text establishes elsewhere. `candidates` are one
// corpus's, each of the document of `views[doc]`.
void extend_at_sentence_start(const std::vector<DocumentView>& views, const KnownNames& known,
                              std::vector<EntityCandidate>& candidates);

}  // namespace dramatis
