#include "core/nlp/entity_candidates.h"

#include <algorithm>
#include <unordered_set>

#include "core/nlp/dateline_place.h"
#include "core/nlp/lexicon.h"
#include "core/nlp/name_context.h"
#include "core/nlp/text_case.h"

namespace dramatis {
namespace {

// Longest name, in tokens ("Andy Warhol Foundation for the Visual Arts" has seven).
constexpr size_t kMaxNameWords = 8;

using text::Token;
using text::TokenKind;
using namespace name_context;

}  // namespace

std::vector<bool> headline_blocks(const DocumentView& v) {
  std::vector<bool> headline(v.blocks.size(), false);
  std::vector<uint32_t> capitalised(v.blocks.size(), 0), lower(v.blocks.size(), 0);
  // A block of more than one sentence is prose, however many names it holds ("Officials praised
  // Peter Vos and Michelle Ong on Monday. Shares of Norder AG fell."); a headline is one line.
  std::vector<bool> several_sentences(v.blocks.size(), false);
  std::vector<uint32_t> first_sentence(v.blocks.size(), UINT32_MAX);
  // Tokens come in text order, so the block holding each is found by walking the blocks
  // alongside them (what block_at() answers, without a binary search per token).
  size_t last = 0;  // the last block starting at or before the token, once one does
  for (size_t i = 0; i < v.tokens.size(); ++i) {
    if (v.tokens[i].kind != TokenKind::Word) continue;
    const uint32_t offset = v.tokens[i].start;
    while (last + 1 < v.blocks.size() && v.blocks[last + 1].start <= offset) ++last;
    if (v.blocks.empty() || v.blocks[last].start > offset || offset > v.blocks[last].end) continue;
    const size_t block = last;
    if (first_sentence[block] == UINT32_MAX) first_sentence[block] = v.token_sentence[i];
    if (v.token_sentence[i] != first_sentence[block]) several_sentences[block] = true;
    const std::string_view word = v.token_text(i);
    if (is_title_case_function_word(word)) continue;
    if (v.tokens[i].has(text::kCapitalized) || v.tokens[i].has(text::kAllCaps)) {
      ++capitalised[block];
    } else if (!v.tokens[i].has(text::kHasDigit)) {
      ++lower[block];
    }
  }
  // List items are often lists of names ("- GAN research with Emily Denton, Rob Fergus, ...").
  for (size_t b = 0; b < v.blocks.size(); ++b) {
    if (v.blocks[b].kind == text::BlockKind::Heading) {
      headline[b] = true;
    } else if (v.blocks[b].kind != text::BlockKind::ListItem) {
      headline[b] = capitalised[b] >= 4 && lower[b] * 5 <= capitalised[b] && !several_sentences[b];
    }
  }
  return headline;
}

namespace {

// A candidate over tokens [from, to) of `v`, untyped: its place in the text and its key.
EntityCandidate candidate_over(const DocumentView& v, size_t from, size_t to) {
  EntityCandidate c;
  c.doc = v.doc;
  c.first_token = static_cast<uint32_t>(from);
  c.end_token = static_cast<uint32_t>(to);
  c.start = v.tokens[from].start;
  c.end = v.tokens[to - 1].end;
  c.key = join_key(v, from, to);
  return c;
}

// After "X Party and": whether the name words from `i` on are a name of their own ("Labour
// Party and Frederick Fung", "Rolling Stone Magazine and Carlo De Benedetti") rather than the
// rest of one ("Tang Teaching Museum and Art Gallery"): no keyword of an organisation or place
// is among them.
bool coordinates_other_name(const DocumentView& v, size_t i) {
  const Lexicon& lex = lexicon();
  for (size_t j = i; j < v.tokens.size() && j < i + kMaxNameWords && is_name_token(v, j); ++j) {
    const std::string_view w = v.token_text(j);
    if (lex.is_org_keyword(w) || lex.is_location_keyword(w) || is_facility_noun(w)) return false;
  }
  return true;
}

// "Teenager", "Veteran": a capitalised word whose plural the plural-noun list holds is a common
// noun, unless a list knows it as a name ("Mark", "Apple", "Reading" have plurals too) or it is
// a keyword.
bool is_singular_noun(std::string_view word) {
  const Lexicon& lex = lexicon();
  if (word.size() < 4 || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
  thread_local std::string plural;
  plural.assign(word);
  const bool consonant_y =
      word.ends_with("y") &&
      std::string_view("aeiou").find(word[word.size() - 2]) == std::string_view::npos;
  if (consonant_y) {  // "Deputy" -> "deputies" ("Attorney" -> "attorneys" below)
    plural.back() = 'i';
    plural += "es";
  } else if (word.ends_with("s") || word.ends_with("x") || word.ends_with("ch") ||
             word.ends_with("sh")) {
    plural += "es";
  } else {
    plural += 's';
  }
  // Keywords name things in names ("Hurricane Helene", "University of Leeds").
  if (!lex.is_plural_noun(plural) || lex.is_event_keyword(word) || lex.is_org_keyword(word) ||
      lex.is_location_keyword(word))
    return false;
  const Lexicon::NameLists lists = lex.name_lists(word);
  return !lists.first_name && !lists.ambiguous_first_name && !lists.company && !lists.place() &&
         !lists.demonym;
}

// A word seen only at sentence starts and never lower-case elsewhere may still be common
// ("Shortly"); one seen lower-case ("reports") or listed as a non-name certainly is.
bool is_common_word(std::string_view word, const WordStats& stats) {
  const Lexicon& lex = lexicon();
  // Inner capitals, digits or all capitals make a word distinctive (DeepLearning.AI, VIT).
  if (has_inner_capital(word) ||
      std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      (word.size() > 1 && std::all_of(word.begin(), word.end(),
                                      [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; })))
    return lex.is_not_entity_word(word);
  if (lex.is_not_entity_word(word)) return true;
  thread_local std::string buffer;
  const uint32_t low_count = stats.lowercase.count(lower_into(word, buffer));
  const uint32_t mid_count = stats.capital_mid.count(word);
  if (low_count > mid_count) return true;
  if (mid_count > 0) return false;
  // Never seen mid-sentence: a name only if a lexicon knows it.
  return !(lex.is_first_name(word) || lex.is_place(word) || lex.is_company(word));
}

// A sentence's first word before more name words ("Valeska Paris, an Australian woman"): part
// of the name unless the corpus writes it in lower case or it reads as an adverb ("Shortly").
bool is_common_before_name(std::string_view word, const WordStats& stats) {
  if (lexicon().is_not_entity_word(word) || word.ends_with("ly")) return true;
  thread_local std::string buffer;
  const uint32_t low_count = stats.lowercase.count(lower_into(word, buffer));
  const uint32_t mid_count = stats.capital_mid.count(word);
  return low_count > mid_count;
}

// Two or more words, each (connectors aside) also written in lower case in the corpus.
bool made_of_common_words(const DocumentView& v, const WordStats& stats, const EntityCandidate& c) {
  if (c.end_token - c.first_token < 2) return false;
  thread_local std::string buffer;
  for (size_t i = c.first_token; i < c.end_token; ++i) {
    const std::string_view w = v.token_text(i);
    if (is_connector(w)) continue;
    if (!stats.lowercase.count(lower_into(w, buffer))) return false;
  }
  return true;
}

void assign_type(const DocumentView& v, const WordStats& stats, EntityCandidate& c) {
  const Lexicon& lex = lexicon();
  const std::string_view first_word = v.token_text(c.first_token);
  const size_t words = c.end_token - c.first_token;
  const std::string_view last_word = v.token_text(c.end_token - 1);

  bool org_keyword = false, event_keyword = false;
  for (size_t i = c.first_token; i < c.end_token; ++i) {
    const std::string_view w = v.token_text(i);
    if (lex.is_org_keyword(w) || (i > c.first_token && is_political_word(w))) org_keyword = true;
    // An acronym alone spells its own name ("FAIR" for Facebook AI Research), no event word.
    if (lex.is_event_keyword(w) && !(words == 1 && v.tokens[i].has(text::kAllCaps)))
      event_keyword = true;
  }
  if (words > 1 && lex.is_org_suffix(last_word) && written_as_legal_form(last_word))
    org_keyword = true;
  // A building or site is a place ("Museum of Flight", "Kennedy Space Center", "Grand Mosque"):
  // its head noun, before "of" or at the end, says so.
  size_t head = c.end_token - 1;
  for (size_t i = c.first_token + 1; i < c.end_token; ++i) {
    if (v.token_text(i) == "of") {
      head = i - 1;
      break;
    }
  }
  if (words > 1 &&
      (lex.is_location_keyword(v.token_text(head)) || is_facility_noun(v.token_text(head))))
    c.evidence |= kFacility;
  if (org_keyword) c.evidence |= kOrgKeyword;
  if (event_keyword) c.evidence |= kEventKeyword;
  const Lexicon::NameLists lists = lex.name_lists(c.key);
  if (lists.company) c.evidence |= kCompanyList;
  // Cities and regions share many names with companies and people ("Meta", "Florence"): a lone
  // word counts as a place only after "in", "from" and the like; countries always do.
  // "South East Asia", "Kowloon West": a part of a listed place, named by compass points.
  bool part_of_place = false;
  if (words > 1) {
    const std::string_view place = without_compass_points(c.key);
    if (!place.empty()) {
      const Lexicon::NameLists of = lex.name_lists(place);
      part_of_place = of.country || of.subdivision ||
                      (of.city && (place.find(' ') != std::string_view::npos || !of.name_like()));
    }
  }
  if (!lists.demonym && (lists.country ||
                         (lists.place() && (words > 1 || !lists.name_like() ||
                                            after_location_preposition(v, c.first_token))) ||
                         (words == 1 && before_region(v, c.first_token)) ||
                         (words == 1 && !lists.name_like() && lex.is_town(first_word) &&
                          after_motion_preposition(v, c.first_token)) ||
                         (c.first_token >= 2 && v.token_text(c.first_token - 1) == "," &&
                          before_region(v, c.first_token - 2)) ||
                         in_place_context(v, c.first_token, c.end_token) ||
                         before_place_noun(v, c.end_token) || part_of_place))
    c.evidence |= kPlaceList;
  if (lists.country && !after_location_preposition(v, c.first_token) &&
      !(c.first_token > 0 && v.token_text(c.first_token - 1) == "of") &&
      country_acts(v, c.end_token))
    c.evidence |= kActingCountry;
  if (words == 1 &&
      (after_organisation_verb(v, c.first_token) || possessive_before_given_name(v, c.end_token) ||
       names_outlet(v, c.first_token, c.end_token)))
    c.evidence |= kOrgContext;
  // "English captain Harry Kane": a people's word describes the person, it employs no one.
  if (!lists.demonym && before_staff_role(v, c.end_token)) c.evidence |= kEmploysNamed;
  thread_local std::string buffer;
  if (words == 1 && before_reporting_verb(v, c.end_token)) {
    // A plural whose singular the corpus also writes ("the Sams continued", after "Thomas Sam")
    // is a family or a crowd; "Wikinews" and "Reuters" are not plurals.
    const std::string_view singular = first_word.substr(0, first_word.size() - 1);
    const bool plural =
        first_word.size() > 3 && first_word.back() == 's' &&
        (stats.capital_mid.count(singular) || stats.lowercase.count(lower_into(singular, buffer)));
    // A word the corpus capitalises once ("Water said", a misspelt "Waters") is too little.
    const bool seen_twice = stats.capital_mid.count(first_word) >= 2;
    if (!plural && seen_twice) c.evidence |= kSpeechContext;
  }
  // A first name followed by capitalised name words (not "Meta AI", where "Meta" is listed, nor
  // "North Korea", a place whose first word is also a name, nor "Fan Expo", an event's, nor
  // "Star Wars", a given name that is also a word before a plural noun). Two given names before
  // a last word make a person even where that word names places ("Marc Lamont Hill").
  const bool two_given_names = words == 3 && lex.is_first_name(first_word) &&
                               !lex.is_ambiguous_first_name(first_word) &&
                               lex.is_first_name(v.token_text(c.first_token + 1));
  if (words >= 2 && words <= 4 && lex.is_first_name(first_word) &&
      !v.tokens[c.first_token + 1].has(text::kAllCaps) && !org_keyword && !event_keyword &&
      (!(c.evidence & (kPlaceList | kFacility)) || two_given_names) &&
      !(lex.is_ambiguous_first_name(first_word) && lex.is_plural_noun(last_word)))
    c.evidence |= kFirstName;
  if (v.tokens[c.first_token].kind == TokenKind::Handle) c.evidence |= kHandle;
  if (words == 1 && v.tokens[c.first_token].has(text::kAllCaps) && first_word.size() >= 2 &&
      first_word.size() <= 6)
    c.evidence |= kAcronym;
  if (words == 1 && has_inner_capital(first_word) && !has_surname_prefix(first_word))
    c.evidence |= kCamelCase;

  const bool lower_word_before = c.first_token > 0 &&
                                 v.tokens[c.first_token - 1].kind == TokenKind::Word &&
                                 !v.tokens[c.first_token - 1].has(text::kCapitalized) &&
                                 !v.tokens[c.first_token - 1].has(text::kAllCaps);
  if (lower_word_before && is_work_noun(v.token_text(c.first_token - 1))) c.evidence |= kWorkTitle;
  // "published in Nature Medicine", "published on Wednesday in The Lancet": where a study
  // appears is a journal.
  bool published_in = false;
  if (c.first_token >= 2 && v.token_text(c.first_token - 1) == "in") {
    for (size_t k = c.first_token - 1; k-- > 0 && c.first_token - k <= 5 && !published_in;) {
      if (v.tokens[k].kind == TokenKind::Punct) break;
      published_in = v.token_text(k) == "published";
    }
  }
  const bool organisation_noun_before =
      (lower_word_before && is_organisation_noun(v.token_text(c.first_token - 1))) || published_in;
  // Product context: a product noun just before ("the framework X", "first tool, X"), just after
  // ("the X library"), or closing an apposition ("Torch, a Lua-based scientific computing
  // library").
  for (size_t j = c.first_token; j > 0 && c.first_token - j < 3; --j) {
    if (is_product_noun(v.token_text(j - 1))) c.evidence |= kProductContext;
  }
  size_t after = c.end_token;
  while (after < v.tokens.size() && v.tokens[after].kind == TokenKind::Emphasis) ++after;
  if (after < v.tokens.size() && is_product_noun(v.token_text(after)))
    c.evidence |= kProductContext;
  // A version number right after ("Internet Explorer 6", "Windows 11"); not a year ("Fan Expo
  // 2016"), nor a place's score ("Sweden 1 – 0 Korea").
  if (after + 1 < v.tokens.size() && v.tokens[after].kind == TokenKind::Number &&
      is_version_number(v.token_text(after)) && !(c.evidence & kPlaceList) &&
      v.tokens[after + 1].kind != TokenKind::Dash && v.token_text(after + 1) != "-")
    c.evidence |= kProductContext;
  if (after < v.tokens.size() && v.token_text(after) == ",") {
    for (size_t j = after + 1; j < v.tokens.size() && j <= after + 7; ++j) {
      if (v.tokens[j].kind == TokenKind::Punct) break;
      if (is_product_noun(v.token_text(j))) c.evidence |= kProductContext;
    }
  }

  // A hyphenated word after the first: a given name after a family name ("Cheng Chung-tai").
  bool hyphenated_given = false;
  for (size_t i = c.first_token + 1; i < c.end_token; ++i)
    hyphenated_given = hyphenated_given || v.tokens[i].has(text::kHyphenated);
  // Particles inside a name ("van der" in "Maarten van der Veen") or opening a surname ("Van der
  // Veen", "De la Fuente") are not its words: they are written in lower case elsewhere.
  const auto particle_at = [&](size_t i) {
    if (i + 1 >= c.end_token) return false;
    const std::string_view w = v.token_text(i);
    if (i > c.first_token) return is_particle(w);
    return is_particle_ignoring_case(w);
  };
  size_t particles = 0;
  for (size_t i = c.first_token; i < c.end_token; ++i) particles += particle_at(i);
  bool plain_words = words - particles >= 2 && words - particles <= 3;
  if (particles > 0 && words - particles == 1) plain_words = true;  // "Van der Veen"
  for (size_t i = c.first_token; i < c.end_token && plain_words; ++i) {
    const Token& t = v.tokens[i];
    const std::string_view w = v.token_text(i);
    if (particle_at(i)) continue;
    // Name words: capitalised, not acronyms, compounds or digits, never written in lower case
    // elsewhere in the corpus ("Professional Certificate", "Thinking Machines" are not people).
    // Dotted initials may open a name ("K.C. Maurer"), unless they are a country's ("U.S.").
    const bool initials = i + 1 < c.end_token && is_dotted_initials(w) && !lex.is_country(w);
    if (t.kind != TokenKind::Word || !t.has(text::kCapitalized) ||
        (t.has(text::kAllCaps) && !initials) || t.has(text::kHasDigit) ||
        (t.has(text::kHyphenated) && !is_hyphenated_name_word(w) &&
         !(i + 1 == c.end_token && i > c.first_token && is_double_barrelled(w)) &&
         !(i == c.first_token && is_double_barrelled(w) && has_given_name_part(w))) ||
        lex.is_not_entity_word(w) || lex.is_country(w) ||
        stats.lowercase.count(lower_into(w, buffer)) ||
        (has_inner_capital(w) && !has_surname_prefix(w)))
      plain_words = false;
  }
  // A person's name does not end in a plural noun ("Star Wars", "Pace Galleries", "Silver
  // Clouds"); a surname that is one ("Waters") comes after a listed given name, which types it.
  if (plain_words && lex.is_plural_noun(last_word)) plain_words = false;
  // Nor does it open with a place that is no given name ("Toronto Star", "Edmonton Sun"), unless
  // a given name written with a hyphen follows a family name ("Hui Chi-fung").
  if (plain_words && !hyphenated_given && !lex.is_first_name(first_word) &&
      lex.name_lists(first_word).place())
    plain_words = false;
  // Nor in an abstract noun of Latin make ("Stable Diffusion", "Clean Air Coalition").
  if (plain_words && last_word.size() > 5 &&
      (last_word.ends_with("tion") || last_word.ends_with("sion")))
    plain_words = false;
  if (plain_words && !org_keyword && !event_keyword) c.evidence |= kPersonShape;
  // Shaped like a name, but no person's: led by a company's name ("Google Chrome", "Mozilla
  // Firefox": its product), or after "the" ("the Evergreen Aviation", "the Warhol Polaroids"),
  // which a person's name does not take without a word of description between. A listed first
  // name still makes a person after "the": measured on GUM, the other way lost six real people
  // ("the Velvet Underground" stays a person). A hyphenated given name after a family name
  // ("Cheng Chung-tai", "Lam Cheuk-ting") is a person's, even where the family name is also a
  // company's.
  const bool company_led = words >= 2 && lex.is_company(first_word) &&
                           !lex.is_first_name(first_word) && !hyphenated_given;
  const bool after_the =
      c.first_token > 0 && text::equals_lower(v.token_text(c.first_token - 1), "the");

  // A vessel's name ("HMS Victory", "USS Enterprise", "Space Shuttle Columbia") or a product's
  // letters with its version ("IE6", "PS5"): things, not organisations.
  const bool vessel =
      words >= 2 &&
      (is_vessel_prefix(first_word) ||
       (words >= 3 && first_word == "Space" && v.token_text(c.first_token + 1) == "Shuttle"));
  const bool versioned_letters =
      words == 1 && is_versioned_letters(first_word) && !(c.evidence & (kCompanyList | kPlaceList));
  // A law, a treaty or a study ("Clean Air Act", "Paris Accord", "National Iodine Nutrition
  // Study") is a document, which the types know as a product, like a work's title.
  const bool document_name = words >= 2 && is_document_noun(last_word);

  // "institutions like Princeton and Stanford": the list's kind says what its names are.
  const std::optional<EntityType> listed = listed_kind(v, c.first_token);
  if (listed) c.evidence |= kListedAs;

  // Decide, strongest evidence first.
  const auto set = [&](EntityType type, float confidence) {
    c.type = type;
    c.confidence = confidence;
    c.typed = true;
  };
  if (c.evidence & kWorkTitle) {
    set(EntityType::Product, 0.7f);
  } else if (c.evidence & kHandle) {
    set(lex.is_company(first_word.substr(1)) ? EntityType::Org : EntityType::Person, 0.7f);
  } else if (c.evidence & kHonorific) {
    set(EntityType::Person, 0.9f);
  } else if (listed) {
    set(*listed, 0.8f);
  } else if (vessel) {
    // Strong, so that its votes outweigh a short form listed as a place ("Atlantis").
    set(EntityType::Product, 0.9f);
  } else if (versioned_letters || document_name) {
    set(EntityType::Product, 0.6f);
  } else if (c.evidence & kFirstName && !(c.evidence & (kOrgKeyword | kCompanyList))) {
    set(EntityType::Person, 0.9f);
  } else if (c.evidence & kFacility) {
    set(EntityType::Location, 0.8f);
  } else if (c.evidence & kEventKeyword) {
    set(EntityType::Event, 0.8f);
  } else if (c.evidence & (kOrgKeyword | kCompanyList)) {
    set(EntityType::Org, 0.85f);
  } else if (c.evidence & kActingCountry) {
    // A vote, not a verdict: the entity is an organisation where most of its mentions act.
    set(EntityType::Org, 0.85f);
  } else if (c.evidence & kPlaceList) {
    set(EntityType::Location, 0.85f);
  } else if (c.evidence & kProductContext) {
    set(EntityType::Product, 0.7f);
  } else if (c.evidence & kEmploysNamed) {
    set(EntityType::Org, 0.7f);
  } else if (organisation_noun_before) {
    set(EntityType::Org, 0.7f);
  } else if (c.evidence & kPersonShape && company_led) {
    set(EntityType::Product, 0.5f);
  } else if (c.evidence & kPersonShape && after_the) {
    set(EntityType::Org, 0.5f);
  } else if (c.evidence & kPersonShape) {
    set(EntityType::Person, 0.65f);
  } else if (c.evidence & kOrgContext && !(c.evidence & kCamelCase)) {
    set(EntityType::Org, 0.6f);
  } else if (c.evidence & kAcronym) {
    set(EntityType::Org, 0.55f);
  } else if (c.evidence & kSpeechContext && !(c.evidence & kCamelCase)) {
    // Someone speaks; a lone word no list knows is an organisation unless aliasing makes it a
    // surname of a person named in full.
    set(EntityType::Org, 0.45f);
  } else if (c.evidence & kCamelCase) {
    set(EntityType::Product, 0.45f);
  } else if (made_of_common_words(v, stats, c) && !after_affiliation_word(v, c.first_token)) {
    // Common nouns in title case with nothing to say whose they are ("Space Shuttle Columbia",
    // "Silver Clouds", "Intelligence System"): the name of a thing, weakly. After "of", "at" or
    // "from" they are more often someone's organisation ("Raymond Chan of People Power").
    set(EntityType::Product, 0.3f);
  } else {
    c.type = EntityType::Org;  // a guess: aliasing may make it a person's surname
    c.confidence = 0.3f;
    c.typed = false;
  }
}

}  // namespace

void add_word_stats(const DocumentView& v, WordStats& stats) {
  for (size_t i = 0; i < v.tokens.size(); ++i) {
    const Token& t = v.tokens[i];
    if (t.kind != TokenKind::Word || v.token_boilerplate[i]) continue;
    const std::string_view word = v.token_text(i);
    if (t.has(text::kCapitalized) || t.has(text::kAllCaps)) {
      if (!starts_sentence(v, i)) stats.capital_mid.add(word);
    } else if (!t.has(text::kInnerCapital)) {
      stats.lowercase.add(word);
    }
  }
}

namespace {

// A report with a country next to a score ("Sweden 1 – 0 Korea Republic", "defeated South Korea
// 1 – 0") is a match report: there, a country next to a score or acting in any sentence
// ("Belgium faced Panama") is a team, and so is every mention of it that no preposition makes a
// place ("in Sweden"): "put Sweden in the lead", "awarded Sweden a penalty".
void type_teams(const DocumentView& v, std::vector<EntityCandidate>& candidates) {
  const Lexicon& lex = lexicon();
  std::unordered_set<std::string_view> teams;
  bool match_report = false;
  // "Roy of Canada 7-6(4), 6-3": a player's country before the player's score is no team.
  const auto scored = [&](const EntityCandidate& c) {
    if (c.first_token > 0 && v.token_text(c.first_token - 1) == "of") return false;
    return score_at(v, c.end_token) || (c.first_token >= 3 && score_at(v, c.first_token - 3));
  };
  for (const EntityCandidate& c : candidates) {
    if (!(c.evidence & (kPlaceList | kActingCountry)) || !lex.is_country(c.key)) continue;
    match_report = match_report || scored(c);
    if (scored(c) || (c.evidence & kActingCountry)) teams.insert(c.key);
  }
  // Clubs are named by their city ("Aston Villa 2-1 Newcastle United ... Newcastle had led"):
  // in a report whose names stand next to a score, a one-word city that scores or acts, and
  // stands where no preposition makes it a place, is a team too.
  bool club_report = false;
  for (const EntityCandidate& c : candidates) club_report = club_report || scored(c);
  if (club_report) {
    for (const EntityCandidate& c : candidates) {
      if (c.type != EntityType::Location || c.end_token - c.first_token != 1 ||
          after_location_preposition(v, c.first_token) || lex.is_country(c.key))
        continue;
      if (scored(c) || country_acts(v, c.end_token)) teams.insert(c.key);
    }
    match_report = match_report || !teams.empty();
  }
  if (!match_report) return;
  for (EntityCandidate& c : candidates) {
    if (c.type != EntityType::Location || !teams.count(c.key) ||
        after_location_preposition(v, c.first_token))
      continue;
    c.evidence |= kActingCountry;
    c.type = EntityType::Org;
  }
}

// "North and South Korea", "East and West Germany": a compass word before "and" and another
// compass word that opens a place's name is that place's name with the rest left out. It takes
// the second name's type and stands for it with its own compass word, so that it joins the
// entity that name has ("North Korea") instead of standing alone as a junk "North".
void read_compass_ellipsis(const DocumentView& v, std::vector<EntityCandidate>& candidates) {
  for (size_t k = 0; k + 1 < candidates.size(); ++k) {
    EntityCandidate& c = candidates[k];
    const EntityCandidate& next = candidates[k + 1];
    const size_t joiner = c.end_token;
    if (c.end_token - c.first_token != 1 || !is_compass_word(v.token_text(c.first_token)) ||
        joiner + 1 != next.first_token || next.end_token - next.first_token < 2 ||
        !(text::equals_lower(v.token_text(joiner), "and") ||
          text::equals_lower(v.token_text(joiner), "or")) ||
        !is_compass_word(v.token_text(next.first_token)) || !next.typed)
      continue;
    const size_t space = next.key.find(' ');
    c.stands_for = std::string(v.token_text(c.first_token)) + next.key.substr(space);
    c.type = next.type;
    c.confidence = next.confidence;
    c.evidence = next.evidence;
    c.typed = true;
  }
}

// The initials of the two-word names of a document ("UN" of "the United Nations", "EU" of "the
// European Union"): a two-letter acronym that spells one is that name's, not a common noun.
std::vector<std::string> two_word_initials(const DocumentView& v) {
  const Lexicon& lex = lexicon();
  std::vector<std::string> out;
  size_t run = 0;  // name words in a row, in one sentence, ending at the token before `i`
  const auto close_run = [&](size_t i) {
    if (run == 2) {
      std::string letters{v.token_text(i - 2)[0], v.token_text(i - 1)[0]};
      if (std::find(out.begin(), out.end(), letters) == out.end())
        out.push_back(std::move(letters));
    }
    run = 0;
  };
  for (size_t i = 0; i < v.tokens.size(); ++i) {
    const Token& t = v.tokens[i];
    const bool name_word = t.kind == TokenKind::Word && t.has(text::kCapitalized) &&
                           !t.has(text::kAllCaps) && !lex.is_not_entity_word(v.token_text(i));
    if (!name_word || (run > 0 && v.token_sentence[i] != v.token_sentence[i - 1])) close_run(i);
    if (name_word) ++run;
  }
  close_run(v.tokens.size());
  return out;
}

// "ROME (AP) —": the dateline's place and agency, typed by their position, in place of any
// candidate over their words. The place is named in title case, so that it merges with the
// same place written in the story ("Rome").
void read_dateline(const DocumentView& v, std::vector<EntityCandidate>& candidates) {
  for (const DatelinePart& part : find_dateline_parts(v)) {
    std::erase_if(candidates, [&](const EntityCandidate& c) {
      return c.first_token < part.end_token && part.first_token < c.end_token;
    });
    EntityCandidate c = candidate_over(v, part.first_token, part.end_token);
    c.sentence_initial = true;
    c.type = part.type;
    c.confidence = 0.9f;
    c.typed = true;
    c.evidence |= kDateline;
    if (part.name != c.key) c.stands_for = part.name;
    candidates.push_back(std::move(c));
  }
}

}  // namespace

std::vector<EntityCandidate> find_candidates(const DocumentView& v, const WordStats& stats,
                                             const std::vector<bool>& headline) {
  const Lexicon& lex = lexicon();
  std::vector<EntityCandidate> out;
  // Computed the first time a two-letter acronym asks: most documents never do.
  std::vector<std::string> initials;
  bool initials_known = false;
  const auto spells_initials = [&](std::string_view acronym) {
    if (!initials_known) {
      initials = two_word_initials(v);
      initials_known = true;
    }
    return std::find(initials.begin(), initials.end(), acronym) != initials.end();
  };
  size_t i = 0;
  while (i < v.tokens.size()) {
    if (!is_name_token(v, i) || v.token_boilerplate[i] || in_headline_block(v, i, headline)) {
      ++i;
      continue;
    }
    thread_local std::string label_buffer;
    thread_local std::string key_buffer;  // keys of runs the lexicons are asked about
    // Grow a run of name tokens within one sentence, joined by connectors when allowed.
    size_t end = i + 1;
    const uint32_t sentence = v.token_sentence[i];
    bool before_title = false;
    // Joined through a keyword's connector already ("Centre for Control"): a further "of" goes
    // on with the same name ("... of Iodine Deficiency Disorders").
    bool joined_after_keyword = false;
    while (end < v.tokens.size() && v.token_sentence[end] == sentence) {
      // A title inside a run starts a new name: "OpenAI CTO Mira Murati" is two names, and so
      // is "Senate Majority Leader Paul Brandt" (a two-word title).
      const auto is_title = [&](size_t k) {
        return lex.is_honorific(v.token_text(k)) || is_job_title_noun(v.token_text(k));
      };
      const bool two_word_title = end + 2 < v.tokens.size() &&
                                  is_title_modifier(v.token_text(end)) && is_title(end + 1) &&
                                  is_name_token(v, end + 2);
      if (two_word_title ||
          (is_title(end) && end + 1 < v.tokens.size() && is_name_token(v, end + 1))) {
        before_title = true;
        break;
      }
      // A caption's label ends the name before it: "in Washington D.C. Image: Nick Moreau".
      if (end + 1 < v.tokens.size() && v.token_text(end + 1) == ":" &&
          stats.lowercase.count(lower_into(v.token_text(end), label_buffer)))
        break;
      if (is_name_token(v, end) && v.tokens[end].kind != TokenKind::Handle) {
        ++end;
        continue;
      }
      const std::string_view w = v.token_text(end);
      if (is_particle_surname(w)) {
        ++end;
        continue;
      }
      const bool joinable_next = end + 1 < v.tokens.size() && is_name_token(v, end + 1) &&
                                 v.token_sentence[end + 1] == sentence;
      // One particle or two ("Ludwig van Beethoven", "Maarten van der Veen", "Lucía de la
      // Fuente") before the surname.
      if (const size_t particles = particles_before_name(v, end); particles > 0) {
        end += particles + 1;
        continue;
      }
      if (joinable_next && v.tokens[end].kind == TokenKind::Possessive &&
          is_plural_genitive_noun(v.token_text(end - 1))) {
        end += 2;
        continue;
      }
      // "King's College London", "Alzheimer's Society", "St James' Park": a possessive before
      // an organisation's or place's keyword sits inside the name, unless its owner is a name
      // the lists know ("Google's Research Lab", "Britain's Royal Society", "Anna's Cafe" are
      // the owner's; a title such as "King" is not).
      if (joinable_next && v.tokens[end].kind == TokenKind::Possessive) {
        const std::string_view owner = v.token_text(end - 1);
        const std::string_view head = v.token_text(end + 1);
        const Lexicon::NameLists owner_lists = lex.name_lists(owner);
        if ((lex.is_org_keyword(head) || lex.is_location_keyword(head) || is_facility_noun(head)) &&
            !owner_lists.company && !owner_lists.place() && !owner_lists.demonym &&
            (!owner_lists.first_name || lex.is_honorific(owner))) {
          end += 2;
          continue;
        }
      }
      const bool keyword_before = lex.is_org_keyword(v.token_text(end - 1)) ||
                                  lex.is_location_keyword(v.token_text(end - 1)) ||
                                  is_facility_noun(v.token_text(end - 1));
      // An ampersand between capitalised words is inside one name, keyword or not ("Evergreen
      // Aviation & Space Museum", "Procter & Gamble").
      if (joinable_next && w == "&" && v.tokens[end + 1].has(text::kCapitalized)) {
        end += 2;
        continue;
      }
      if (joinable_next && is_connector(w) && w != "the" &&
          (keyword_before || (joined_after_keyword && w == "of")) &&
          !(w == "and" && coordinates_other_name(v, end + 1))) {
        joined_after_keyword = joined_after_keyword || w == "of" || w == "for";
        end += 2;
        continue;
      }
      // "Foundation for the Visual Arts", "Daughters of the American Revolution"; not "Colorado
      // State University of the US", a whole name and then its country.
      const bool country_after = end + 3 < v.tokens.size() && end - i >= 2 &&
                                 !is_name_token(v, end + 3) &&
                                 lex.is_country(v.token_text(end + 2));
      if (keyword_before && (w == "of" || w == "for") && end + 2 < v.tokens.size() &&
          v.token_text(end + 1) == "the" && is_name_token(v, end + 2) &&
          v.token_sentence[end + 2] == sentence && !country_after) {
        joined_after_keyword = true;
        end += 3;
        continue;
      }
      break;
    }
    if (v.tokens[i].kind == TokenKind::Handle) end = i + 1;
    // A run of many capitalised words is a title-case line or a list, not one name.
    if (end - i > kMaxNameWords) {
      i = end;
      continue;
    }
    size_t first = i;
    const size_t next = end;
    // "The World Health Organisation (WHO)": capitals in brackets after a name are its acronym,
    // even when they spell a common word.
    const bool bracketed_acronym = end == i + 1 && i > 0 && end < v.tokens.size() &&
                                   v.tokens[i].has(text::kAllCaps) && v.token_text(i).size() >= 2 &&
                                   v.token_text(i - 1) == "(" && v.token_text(end) == ")";

    // Drop leading words that are capitalised only by position, honorifics (kept as evidence)
    // and function words.
    bool honorific = false;
    while (first < end) {
      const std::string_view w = v.token_text(first);
      // "New Zealand", "New York": a place or company the lexicons know keeps its first word.
      const std::string_view run_key = join_key_into(v, first, end, key_buffer);
      if (lex.is_place(run_key) || lex.is_company(run_key)) break;
      // Titles, also of two words ("Prime Minister", "Vice President").
      // A title before a keyword or a possessive is the name's first word ("Premier League",
      // "King's College London").
      const bool before_keyword =
          first + 1 < end && (lex.is_org_keyword(v.token_text(first + 1)) ||
                              lex.is_event_keyword(v.token_text(first + 1)) ||
                              v.tokens[first + 1].kind == TokenKind::Possessive);
      const bool title =
          !before_keyword &&
          (lex.is_honorific(w) || is_job_title_noun(w) ||
           (first + 1 < end && lex.is_honorific(v.token_text(first + 1)) && is_title_modifier(w)));
      if (title && end - first > 1) {
        honorific = true;
        ++first;
        continue;
      }
      if (title) {  // a title alone is no name
        first = end;
        break;
      }
      const bool initial_position = first == i && starts_sentence(v, first);
      // "University collections across the country", "Council members said": a lone keyword
      // opening a sentence before a plural noun is that noun's modifier, not a name.
      const bool keyword_modifier = initial_position && first + 1 == end && end < v.tokens.size() &&
                                    (lex.is_org_keyword(w) || lex.is_location_keyword(w)) &&
                                    v.tokens[end].kind == TokenKind::Word &&
                                    !v.tokens[end].has(text::kCapitalized) &&
                                    lex.is_plural_noun(v.token_text(end));
      // Mid-sentence, a capital that no position explains opens the name ("the New Zealand
      // Herald", "the FIRST Global Challenge"); after a colon it may not. An article stays out
      // of the name ("The Huffington Post" and "Huffington Post" are one paper).
      const bool opens_name = first == i && first + 1 < end && !initial_position &&
                              !(first > 0 && v.token_text(first - 1) == ":") && w != "The" &&
                              w != "A" && w != "An";
      // A two-letter acronym no lexicon knows ("AI") is a common noun, not part of a name.
      // Before a keyword it opens the name ("GB News", "LA Weekly"); spelling the initials of a
      // two-word name of the article, it is that name's ("UN" by "the United Nations").
      const bool bare_acronym = w.size() == 2 && v.tokens[first].has(text::kAllCaps) &&
                                !lex.is_company(w) && !lex.is_country(w) &&
                                !(end - first >= 2 && lex.is_org_keyword(v.token_text(end - 1))) &&
                                !spells_initials(w);
      // "Teenager Callum Oduya": before a given name, or two name words that are no nouns, a
      // noun the corpus never writes mid-sentence describes the person ("Space Shuttle
      // Columbia", "Federal Reserve Bank" and "Grand Prix" keep their first word).
      const auto describes_person = [&] {
        if (!initial_position || stats.capital_mid.count(w) != 0 || !is_singular_noun(w))
          return false;
        const std::string_view after_w = v.token_text(first + 1);
        return lex.is_first_name(after_w) ||
               (end - first >= 3 && !is_singular_noun(after_w) && !lex.is_org_keyword(after_w) &&
                !lex.is_location_keyword(after_w) && !lex.is_event_keyword(after_w));
      };
      const bool common = first + 1 < end ? is_common_before_name(w, stats) || describes_person()
                                          : is_common_word(w, stats);
      // A demonym opens an organisation's name when a keyword is in it ("Australian Broadcasting
      // Corporation", "Australian Centre for Control of ..."); before anything else it describes
      // ("Afghan team").
      bool demonym_of_organisation = false;
      for (size_t k = first + 1; k < end && lex.is_demonym(w) && !demonym_of_organisation; ++k)
        demonym_of_organisation = lex.is_org_keyword(v.token_text(k));
      // "Forwardist's Helen Marsh won", "Skyvia chief executive Pieter Elbers said": a word that
      // owns or employs a person is a name even where it opens the sentence.
      const bool owns_person =
          first + 1 == end && (possessive_before_given_name(v, end) || before_staff_role(v, end));
      // "Scientologist Tom Cruise", "Buddhist monk": a follower's word before a given name
      // describes the person, as a demonym does.
      const bool follower = w.size() > 5 && w.ends_with("ist") && first + 1 < end &&
                            lex.is_first_name(v.token_text(first + 1));
      // "Van der Veen said", "De la Fuente, who won": a particle opening a sentence opens the
      // surname after it.
      const bool opens_surname = first + 1 < end && is_particle_ignoring_case(w) && !is_particle(w);
      if ((initial_position && common && !owns_person && !opens_surname) || follower ||
          (lex.is_not_entity_word(w) && !opens_name && !bracketed_acronym) ||
          (lex.is_demonym(w) && !demonym_of_organisation) || bare_acronym || keyword_modifier ||
          (first + 1 == end && is_roman_numeral(w))) {
        ++first;
        continue;
      }
      break;
    }
    // Trailing words that are not names ("Google Monday"), unless they end an organisation's
    // name ("BBC News").
    while (end > first && lex.is_not_entity_word(v.token_text(end - 1)) && !bracketed_acronym &&
           !(end - first >= 2 && lex.is_org_keyword(v.token_text(end - 1))))
      --end;
    // Letters after a person's name are an honour or an office, not the name ("Rebecca Anand
    // KC", "Sir Tom Hale CBE").
    while (end - first >= 3 && is_post_nominal(v.token_text(end - 1)) &&
           lex.is_first_name(v.token_text(first)))
      --end;
    // "a New Mexico Democrat": a party's member from a place names the place.
    if (end - first >= 2 && is_party_member_word(v.token_text(end - 1)) &&
        lex.is_place(join_key_into(v, first, end - 1, key_buffer)))
      --end;
    // A job title ("Chief AI Officer", "Director of Research") names no one; after an
    // organisation's or a place's name it is theirs ("the State Department Spokesperson",
    // "John Cornyn, U.S. Senator").
    if (first < end && is_job_title_noun(v.token_text(end - 1))) {
      bool keyword = false;
      for (size_t k = first; k + 1 < end && !keyword; ++k)
        keyword = lex.is_org_keyword(v.token_text(k)) && !is_job_title_noun(v.token_text(k));
      const bool place =
          end - first >= 2 && lex.is_place(join_key_into(v, first, end - 1, key_buffer));
      if ((keyword || place) && !is_job_title_noun(v.token_text(end - 2))) {
        --end;
      } else {
        first = end;
      }
    }
    // "501st Legion", "82nd Airborne Division": an ordinal just before an organisation's name
    // is part of it.
    if (first == i && first < end && i > 0 && v.token_sentence[i - 1] == sentence &&
        v.tokens[i - 1].end + 1 == v.tokens[i].start && is_ordinal(v.token_text(i - 1))) {
      for (size_t k = first; k < end; ++k) {
        if (!lex.is_org_keyword(v.token_text(k))) continue;
        --first;
        break;
      }
    }
    // "when de la Fuente double-faulted", "said van der Veen": lower-case particles before a
    // surname written alone open it.
    if (first == i && first < end && !before_title) {
      size_t particles = 0;
      while (particles < 2 && first > particles &&
             v.token_sentence[first - particles - 1] == sentence &&
             is_particle(v.token_text(first - particles - 1)))
        ++particles;
      const size_t opening = first - particles;
      if (particles > 0 && v.token_text(opening) != "la" && v.token_text(opening) != "le" &&
          !(opening > 0 && is_name_token(v, opening - 1)))
        first = opening;
    }
    const auto emit = [&](size_t from, size_t to, bool after_honorific) {
      EntityCandidate c = candidate_over(v, from, to);
      c.sentence_initial = starts_sentence(v, from);
      if (after_honorific) c.evidence |= kHonorific;
      assign_type(v, stats, c);
      // English writes a title before a name, never after: person-like words right before
      // "Secretary Yvette Cooper" are the title's own ("Shadow Home"), not a person, and so is
      // a lone word the corpus also writes in lower case ("Home Secretary Suella Braverman",
      // though a company list has "Home"; not "US" for "us"). An organisation or place keeps its
      // name ("OpenAI CTO Mira Murati", "US President Barack Obama").
      if (before_title && to == end &&
          (c.type == EntityType::Person ||
           (to - from == 1 && c.type != EntityType::Location &&
            !v.tokens[from].has(text::kAllCaps) &&
            stats.lowercase.count(lower_into(v.token_text(from), label_buffer)))))
        return;
      out.push_back(std::move(c));
    };
    // "Ambassador to the United States Hamdullah Mohib", "NASA Bill Ingalls", "CEO of the Refugee
    // Council Enver Solomon": an organisation or place right before a person's name is a name of
    // its own. The person's part opens with a given name, or is two words whose last the corpus
    // also writes alone ("Jafari said").
    const auto names_organisation_or_place = [&](size_t from, size_t to) {
      const std::string_view last = v.token_text(to - 1);
      const std::string_view key = join_key_into(v, from, to, key_buffer);
      return lex.is_place(key) || lex.is_company(key) || lex.is_org_keyword(last) ||
             lex.is_location_keyword(last) || is_facility_noun(last) ||
             (to - from == 1 && v.tokens[from].has(text::kAllCaps) && last.size() >= 2);
    };
    const auto opens_person = [&](size_t at) {
      // The person's part has no keyword and is no place ("Space Museum Steven F. Udvar-Hazy
      // Center", "East Los Angeles", "Hong Kong Island").
      if (lex.is_place(join_key_into(v, at, end, key_buffer))) return false;
      for (size_t j = at; j < end; ++j) {
        const std::string_view w = v.token_text(j);
        if (lex.is_org_keyword(w) || lex.is_location_keyword(w) || is_facility_noun(w) ||
            stats.lowercase.count(lower_into(w, label_buffer)))
          return false;
      }
      if (lex.is_first_name(v.token_text(at))) return true;
      if (end - at != 2 || !v.tokens[at].has(text::kCapitalized) ||
          !v.tokens[at + 1].has(text::kCapitalized))
        return false;
      return stats.capital_mid.count(v.token_text(at + 1)) >= 2 &&
             !stats.lowercase.count(lower_into(v.token_text(at + 1), label_buffer));
    };
    // After a name that ends in an organisation's keyword ("Refugee Council"), two plain
    // capitalised words are a person even with a given name no list has ("Enver Solomon").
    const auto plain_person_after_keyword = [&](size_t from, size_t at) {
      const std::string_view last = v.token_text(at - 1);
      if (end - at != 2 || !(lex.is_org_keyword(last) || is_facility_noun(last))) return false;
      if (lex.is_place(join_key_into(v, at, end, key_buffer))) return false;
      if (lex.is_place(join_key_into(v, from, end, key_buffer))) return false;
      for (size_t j = at; j < end; ++j) {
        const Token& t = v.tokens[j];
        const std::string_view w = v.token_text(j);
        if (!t.has(text::kCapitalized) || t.has(text::kAllCaps) || t.has(text::kHasDigit) ||
            lex.is_org_keyword(w) || lex.is_location_keyword(w) || is_facility_noun(w) ||
            lex.is_not_entity_word(w) || lex.is_place(w) ||
            stats.lowercase.count(lower_into(w, label_buffer)))
          return false;
      }
      return true;
    };
    // "Minister of Education Stefania Giannini": the words between a title's "of" and a given
    // name are the title's field, not a name.
    const bool after_title_of =
        first >= 2 && v.token_text(first - 1) == "of" &&
        (lex.is_honorific(v.token_text(first - 2)) || is_job_title_noun(v.token_text(first - 2)));
    if (end - first >= 3) {
      for (size_t split = end - 2; split > first; --split) {
        const bool organisation = names_organisation_or_place(first, split);
        if ((opens_person(split) && organisation) || plain_person_after_keyword(first, split)) {
          emit(first, split, false);
          first = split;
          honorific = false;
          break;
        }
        if (after_title_of && !organisation && lex.is_first_name(v.token_text(split)) &&
            opens_person(split)) {
          first = split;
          honorific = true;
          break;
        }
      }
    }
    if (first < end) emit(first, end, honorific);
    i = next;
  }
  type_teams(v, out);
  read_compass_ellipsis(v, out);
  read_dateline(v, out);
  return out;
}

void extend_at_sentence_start(const std::vector<DocumentView>& views, const KnownNames& known,
                              std::vector<EntityCandidate>& candidates) {
  std::string key;
  for (EntityCandidate& c : candidates) {
    if (c.first_token == 0 || c.doc >= views.size()) continue;
    const DocumentView& v = views[c.doc];
    const size_t before = c.first_token - 1;
    const text::Token& t = v.tokens[before];
    if (t.kind != TokenKind::Word || !t.has(text::kCapitalized) || !starts_sentence(v, before) ||
        v.token_boilerplate[before] || t.end + 1 != c.start)
      continue;
    key.assign(v.token_text(before));
    key += ' ';
    key += c.key;
    const auto it = known.find(key);
    if (it == known.end()) continue;
    c.first_token = static_cast<uint32_t>(before);
    c.start = t.start;
    c.key = key;
    c.type = it->second.type;
    c.confidence = std::max(c.confidence, it->second.confidence);
    c.typed = true;
    c.sentence_initial = true;
  }
}

std::vector<EntityCandidate> find_headline_candidates(const DocumentView& v,
                                                      const KnownNames& known,
                                                      const std::vector<bool>& headline) {
  constexpr size_t kMaxWords = 5;
  std::vector<EntityCandidate> out;
  // Only the tokens of headline blocks can open a candidate, so the walk visits those blocks'
  // tokens instead of every token of the document (most blocks are prose).
  size_t i = 0;
  for (size_t b = 0; b < v.blocks.size() && b < headline.size(); ++b) {
    if (!headline[b]) continue;
    const auto first =
        std::lower_bound(v.tokens.begin(), v.tokens.end(), v.blocks[b].start,
                         [](const Token& t, uint32_t offset) { return t.start < offset; });
    i = std::max(i, static_cast<size_t>(first - v.tokens.begin()));
    while (i < v.tokens.size() && v.tokens[i].start <= v.blocks[b].end) {
      if (!is_name_token(v, i) || v.token_boilerplate[i] || !in_headline_block(v, i, headline)) {
        ++i;
        continue;
      }
      // The longest run of name tokens starting here that the body text names.
      size_t best_end = 0;
      const KnownName* best = nullptr;
      for (size_t end = i + 1; end <= v.tokens.size() && end - i <= kMaxWords; ++end) {
        if (!is_name_token(v, end - 1) || v.token_sentence[end - 1] != v.token_sentence[i]) break;
        if (auto it = known.find(join_key(v, i, end)); it != known.end()) {
          best_end = end;
          best = &it->second;
        }
      }
      if (best == nullptr) {
        ++i;
        continue;
      }
      EntityCandidate c = candidate_over(v, i, best_end);
      c.type = best->type;
      c.confidence = best->confidence;
      c.typed = true;
      c.headline = true;
      out.push_back(std::move(c));
      i = best_end;
    }
  }
  return out;
}

}  // namespace dramatis
