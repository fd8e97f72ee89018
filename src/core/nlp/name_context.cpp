// The word classes and contexts of name_context.h.
#include "core/nlp/name_context.h"

#include <algorithm>
#include <initializer_list>
#include <unordered_map>

#include "core/nlp/lexicon.h"
#include "core/nlp/text_case.h"
#include "core/nlp/vocabulary.h"

namespace dramatis::name_context {

using text::Token;
using text::TokenKind;

namespace {

// The token before `i` is one of `list`'s lower-case entries, case aside.
template <size_t N>
bool word_before_in(const DocumentView& v, size_t i, const std::string_view (&list)[N]) {
  return i > 0 && text::listed(v.token_text(i - 1), list);
}

// Two letters or more: a capital, then lower-case ASCII letters, or also any byte past ASCII
// (the letters of "Núñez") when `letters_past_ascii`.
bool capitalised_part(std::string_view part, bool letters_past_ascii) {
  return part.size() >= 2 && part[0] >= 'A' && part[0] <= 'Z' &&
         std::all_of(part.begin() + 1, part.end(), [&](char c) {
           return (c >= 'a' && c <= 'z') ||
                  (letters_past_ascii && static_cast<unsigned char>(c) >= 0x80);
         });
}

}  // namespace

bool is_connector(std::string_view word) {
  return word == "of" || word == "for" || word == "and" || word == "&" || word == "the";
}

bool is_particle_surname(std::string_view word) {
  // Every prefix starts with a, b, e or i; most words asked are capitalised.
  if (word.size() < 4 || !(word[0] == 'a' || word[0] == 'b' || word[0] == 'e' || word[0] == 'i'))
    return false;
  for (std::string_view prefix :
       {"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "bin-", "ibn-", "abu-", "bint-"}) {
    if (word.size() > prefix.size() + 1 && word.starts_with(prefix) && word[prefix.size()] >= 'A' &&
        word[prefix.size()] <= 'Z')
      return true;
  }
  return false;
}

constexpr std::string_view kParticles[] = {"van", "von", "der", "de",  "da",  "di",  "du",
                                           "del", "bin", "al",  "la",  "le",  "ter", "ten",
                                           "den", "los", "las", "dos", "das", "des"};

bool is_particle(std::string_view word) {
  return std::find(std::begin(kParticles), std::end(kParticles), word) != std::end(kParticles);
}

bool is_particle_ignoring_case(std::string_view word) {
  return text::listed(word, kParticles);
}

size_t particles_before_name(const DocumentView& v, size_t i) {
  size_t n = 0;
  while (n < 2 && i + n < v.tokens.size() && is_particle(v.token_text(i + n))) ++n;
  const size_t name = i + n;
  if (n == 0 || name >= v.tokens.size() || !is_name_token(v, name) ||
      v.token_sentence[name] != v.token_sentence[i])
    return 0;
  return n;
}

bool is_product_noun(std::string_view word) {
  static const Vocabulary kNouns = {
      "framework", "library",  "tool",     "toolkit", "model",     "models",  "platform",
      "app",       "language", "software", "chip",    "device",    "product", "service",
      "browser",   "engine",   "compiler", "system",  "assistant", "chatbot", "package"};
  return kNouns.contains(word);
}

bool is_work_noun(std::string_view word) {
  if (word.size() < 4) return false;  // "the", "of", "a" before most names
  static constexpr std::string_view kNouns[] = {
      "novel", "film",  "movie",   "album",  "song",     "book",      "documentary", "series",
      "play",  "opera", "musical", "single", "painting", "sculpture", "poem",        "sitcom"};
  return text::listed(word, kNouns);
}

bool is_organisation_noun(std::string_view word) {
  if (word.size() < 4) return false;
  static constexpr std::string_view kNouns[] = {
      "group",    "team",         "band",         "party",       "company", "firm",     "agency",
      "magazine", "newspaper",    "publication",  "broadcaster", "charity", "club",     "union",
      "startup",  "organization", "organisation", "outlet",      "tabloid", "newswire", "label",
      "retailer", "carrier",      "airline",      "journal"};
  return text::listed(word, kNouns);
}

bool is_calendar_word(std::string_view word) {
  // The vocabulary's length and opening filter turn most words away before hashing.
  static const Vocabulary kWords = {
      "January",   "February", "March",    "April",    "May",    "June",    "July",      "August",
      "September", "October",  "November", "December", "Jan",    "Feb",     "Mar",       "Apr",
      "Jun",       "Jul",      "Aug",      "Sep",      "Sept",   "Oct",     "Nov",       "Dec",
      "Jan.",      "Feb.",     "Mar.",     "Apr.",     "Jun.",   "Jul.",    "Aug.",      "Sep.",
      "Sept.",     "Oct.",     "Nov.",     "Dec.",     "Monday", "Tuesday", "Wednesday", "Thursday",
      "Friday",    "Saturday", "Sunday"};
  return kWords.contains(word);
}

bool is_compound_adjective(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {
      "based",   "powered", "led",        "backed", "owned",      "funded",  "style",    "like",
      "related", "born",    "made",       "driven", "focused",    "centric", "friendly", "specific",
      "wide",    "era",     "affiliated", "linked", "controlled", "run",     "built",    "native"};
  const size_t hyphen = word.rfind('-');
  if (hyphen == std::string_view::npos) return false;
  const std::string_view tail = word.substr(hyphen + 1);
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), tail) != std::end(kSuffixes);
}

bool is_first_person(std::string_view word) {
  return word == "I" || word.starts_with("I'") || word.starts_with("I\xE2\x80\x99");
}

namespace {

// "Jan Hatzius", "April Ryan", "June Carter": a month that is also a given name, right before a
// capitalised word of the same sentence that is no month, number or title, and not after a word
// that dates ("in June", "since May", "last April"), opens a person's name.
bool month_opens_name(const DocumentView& v, size_t i) {
  const std::string_view word = v.token_text(i);
  if (word.back() == '.' || !lexicon().is_first_name(word) || i + 1 >= v.tokens.size())
    return false;
  const Token& next = v.tokens[i + 1];
  const std::string_view next_word = v.token_text(i + 1);
  if (next.kind != TokenKind::Word || !next.has(text::kCapitalized) || next.has(text::kAllCaps) ||
      next.start != v.tokens[i].end + 1 || v.token_sentence[i + 1] != v.token_sentence[i] ||
      is_calendar_word(next_word) || is_job_title_noun(next_word) ||
      lexicon().is_honorific(next_word) || lexicon().is_not_entity_word(next_word))
    return false;
  if (i == 0) return true;
  const Token& before = v.tokens[i - 1];
  if (before.kind == TokenKind::Number) return false;
  static const Vocabulary kDatingWords = {
      "in",     "In",    "on",    "On",   "since", "Since",   "by",     "By",     "until",
      "Until",  "from",  "From",  "last", "Last",  "next",    "Next",   "this",   "This",
      "early",  "Early", "late",  "Late", "of",    "through", "during", "During", "before",
      "Before", "after", "After", "mid",  "Mid",   "to",      "till",   "between"};
  return !kDatingWords.contains(v.token_text(i - 1));
}

}  // namespace

bool is_name_token(const DocumentView& v, size_t i) {
  const Token& t = v.tokens[i];
  if (t.kind == TokenKind::Handle) return true;
  if (t.kind != TokenKind::Word) return false;
  const std::string_view word = v.token_text(i);
  // Most words are lower-case: rule them out before the costlier checks.
  if ((t.flags & (text::kCapitalized | text::kAllCaps | text::kInnerCapital)) == 0)
    return false;  // (iPhone, eBay have an inner capital)
  // "T-shirt", "X-ray", "U-turn": a capital letter hyphened to a lower-case word is a noun.
  if (word.size() > 2 && word[1] == '-' && word[2] >= 'a' && word[2] <= 'z') return false;
  // "US$ 20,000", "NZ$": a country's letters written onto a dollar sign are a currency.
  if (i + 1 < v.tokens.size() && v.tokens[i + 1].start == t.end && v.text[t.end] == '$')
    return false;
  // Only a hyphenated word can be a compound adjective ("Python-based"): the flag spares the
  // others the search for a hyphen.
  return (!is_calendar_word(word) || month_opens_name(v, i)) && !is_first_person(word) &&
         !(t.has(text::kHyphenated) && is_compound_adjective(word));
}

bool is_hyphenated_given_name(std::string_view word) {
  const size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos || hyphen < 2 || hyphen + 2 > word.size()) return false;
  for (size_t i = 1; i < word.size(); ++i) {
    if (i != hyphen && !(word[i] >= 'a' && word[i] <= 'z')) return false;
  }
  return word[0] >= 'A' && word[0] <= 'Z';
}

bool is_political_word(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "Democratic",  "Democrats", "Republican",   "Republicans",   "Socialist",   "Socialists",
      "Liberal",     "Liberals",  "Conservative", "Conservatives", "Progressive", "Communist",
      "Nationalist", "Labour",    "Unionist",     "Greens"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool is_double_barrelled(std::string_view word) {
  const size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos || word.find('-', hyphen + 1) != std::string_view::npos)
    return false;
  return capitalised_part(word.substr(0, hyphen), true) &&
         capitalised_part(word.substr(hyphen + 1), true);
}

bool has_given_name_part(std::string_view word) {
  const size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos) return false;
  return lexicon().is_first_name(word.substr(0, hyphen)) ||
         lexicon().is_first_name(word.substr(hyphen + 1));
}

bool is_hyphenated_name_word(std::string_view word) {
  if (is_hyphenated_given_name(word)) return true;
  const size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos || word.find('-', hyphen + 1) != std::string_view::npos)
    return false;
  const std::string_view head = word.substr(0, hyphen), tail = word.substr(hyphen + 1);
  // Each part a capital and then lower-case ASCII letters only.
  if (!capitalised_part(head, false) || !capitalised_part(tail, false)) return false;
  static constexpr std::string_view kArticles[] = {"al", "el", "abu", "bin", "ibn", "bint", "abd"};
  if (text::listed(head, kArticles) && tail.size() >= 3) return true;
  if (head.size() <= 4 && tail.size() <= 4) return true;
  return lexicon().is_first_name(head) && lexicon().is_first_name(tail);
}

bool is_job_title_noun(std::string_view word) {
  if (!starts_upper(word)) return false;
  // A vocabulary: asked of most capitalised words, twice.
  static const Vocabulary kWords = {"Officer",      "Director",      "Scientist",    "Engineer",
                                    "Manager",      "Chair",         "Chairman",     "Chairwoman",
                                    "Chairperson",  "Chief",         "Editor",       "Professor",
                                    "Researcher",   "Secretary",     "Spokesperson", "Spokesman",
                                    "Spokeswoman",  "Analyst",       "Executive",    "Founder",
                                    "Co-founder",   "Cofounder",     "Lead",         "Leader",
                                    "Speaker",      "Administrator", "Commissioner", "Ambassador",
                                    "Governor",     "Mayor",         "Coach",        "Captain",
                                    "Actor",        "Actress",       "Singer",       "Songwriter",
                                    "Author",       "Writer",        "Artist",       "Designer",
                                    "Photographer", "Journalist",    "Reporter",     "Columnist",
                                    "Striker",      "Midfielder",    "Defender",     "Goalkeeper",
                                    "Lawyer",       "Attorney",      "Activist",     "Councillor",
                                    "Lawmaker",     "Comedian",      "Rapper",       "Senator",
                                    "Congressman",  "Congresswoman", "MP",           "MEP",
                                    "Sheriff",      "Minister",      "Chancellor",   "Prosecutor",
                                    "CEO",          "CFO",           "CTO",          "COO"};
  return kWords.contains(word);
}

bool is_facility_noun(std::string_view word) {
  if (!starts_upper(word)) return false;
  static const Vocabulary kWords = {
      "Center",  "Centre",   "Museum",      "Mosque",   "Temple",      "Hall",    "Arena",
      "Gallery", "Library",  "Synagogue",   "Memorial", "Zoo",         "Base",    "Complex",
      "Towers",  "Facility", "Planetarium", "Aquarium", "Observatory", "Cemetery"};
  return kWords.contains(word);
}

bool is_title_modifier(std::string_view word) {
  if (!starts_upper(word)) return false;
  static constexpr std::string_view kWords[] = {
      "Prime",    "Vice",   "Deputy", "Chief",     "Foreign",   "Defence",  "Defense", "Finance",
      "Interior", "Former", "Acting", "Assistant", "Associate", "Majority", "Minority"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool is_post_nominal(std::string_view word) {
  static const Vocabulary kWords = {"KC",  "QC",  "SC",  "MP",  "MSP", "MEP", "OBE",
                                    "MBE", "CBE", "KBE", "DBE", "PhD", "FRS"};
  return kWords.contains(word);
}

bool is_party_member_word(std::string_view word) {
  return word == "Democrat" || word == "Republican" || word == "Independent";
}

bool written_as_legal_form(std::string_view word) {
  static constexpr std::string_view kTitleCaseForms[] = {
      "Inc", "Ltd", "Corp", "Co",  "Limited", "Incorporated", "Intl", "Plc", "Llc",  "Llp",
      "Oy",  "Oyj", "Bhd",  "Pty", "Pte",     "Ltda",         "Sarl", "Spa", "Gmbh", "Lp"};
  const std::string_view bare = word.ends_with('.') ? word.substr(0, word.size() - 1) : word;
  if (word.find('.') != std::string_view::npos && bare.find('.') != std::string_view::npos)
    return true;
  if (has_inner_capital(word)) return true;
  if (word.size() >= 2 && std::all_of(word.begin(), word.end(),
                                      [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; }))
    return true;
  return std::find(std::begin(kTitleCaseForms), std::end(kTitleCaseForms), bare) !=
         std::end(kTitleCaseForms);
}

bool is_dotted_initials(std::string_view word) {
  if (word.size() < 2 || word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2) {
    if (word[i] < 'A' || word[i] > 'Z' || word[i + 1] != '.') return false;
  }
  return true;
}

bool is_version_number(std::string_view word) {
  const size_t point = word.find('.');
  const std::string_view major = word.substr(0, point);
  const std::string_view minor = point == std::string_view::npos ? "" : word.substr(point + 1);
  const auto digits = [](std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  return !major.empty() && major.size() <= 2 && digits(major) && digits(minor) &&
         (point == std::string_view::npos || !minor.empty());
}

bool is_document_noun(std::string_view word) {
  static constexpr std::string_view kNouns[] = {"Act",         "Treaty",   "Accord",    "Study",
                                                "Survey",      "Charter",  "Manifesto", "Protocol",
                                                "Declaration", "Directive"};
  return std::find(std::begin(kNouns), std::end(kNouns), word) != std::end(kNouns);
}

bool is_vessel_prefix(std::string_view word) {
  static constexpr std::string_view kPrefixes[] = {"HMS", "HMC",  "HMCS", "HMAS", "HMNZS",
                                                   "USS", "USNS", "RMS",  "MV"};
  return std::find(std::begin(kPrefixes), std::end(kPrefixes), word) != std::end(kPrefixes);
}

bool is_versioned_letters(std::string_view word) {
  size_t letters = 0;
  while (letters < word.size() && word[letters] >= 'A' && word[letters] <= 'Z') ++letters;
  const size_t digits = word.size() - letters;
  return letters >= 2 && digits >= 1 && digits <= 3 &&
         std::all_of(word.begin() + static_cast<std::ptrdiff_t>(letters), word.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ordinal(std::string_view word) {
  if (word.size() < 3) return false;
  const std::string_view digits = word.substr(0, word.size() - 2),
                         ending = word.substr(word.size() - 2);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  return ending == "st" || ending == "nd" || ending == "rd" || ending == "th";
}

bool is_roman_numeral(std::string_view word) {
  if (word.size() < 2 || word.find_first_of("IVX") == std::string_view::npos) return false;
  // Each decimal place written with its letters for one, five and ten: "", I, II, III, IV, V,
  // VI, VII, VIII, IX; the same with X, L, C and with C, D, M; thousands as up to three Ms.
  static constexpr char kPlaces[3][3] = {{'C', 'D', 'M'}, {'X', 'L', 'C'}, {'I', 'V', 'X'}};
  size_t at = 0;
  const auto next_is = [&](char c) { return at < word.size() && word[at] == c; };
  while (at < 3 && next_is('M')) ++at;
  for (const auto& [one, five, ten] : kPlaces) {
    if (next_is(one) && at + 1 < word.size() && (word[at + 1] == five || word[at + 1] == ten)) {
      at += 2;
      continue;
    }
    if (next_is(five)) ++at;
    for (int i = 0; i < 3 && next_is(one); ++i) ++at;
  }
  return at == word.size();
}

bool is_compass_word(std::string_view word) {
  static constexpr std::string_view kPoints[] = {
      "north",   "south",   "east",      "west",      "northern",  "southern", "eastern",
      "western", "central", "northeast", "northwest", "southeast", "southwest"};
  return starts_upper(word) && text::listed(word, kPoints);
}

std::string_view without_compass_points(std::string_view name) {
  std::string_view rest = name;
  for (size_t space = rest.find(' ');
       space != std::string_view::npos && is_compass_word(rest.substr(0, space));
       space = rest.find(' '))
    rest.remove_prefix(space + 1);
  for (size_t space = rest.rfind(' ');
       space != std::string_view::npos && is_compass_word(rest.substr(space + 1));
       space = rest.rfind(' '))
    rest.remove_suffix(rest.size() - space);
  return rest.size() == name.size() ? std::string_view() : rest;
}

namespace {

// A plural or singular noun for a kind of named thing, and where it may stand: before "like",
// "including" or "such as" (plurals), or right before the names.
struct KindNoun {
  EntityType type;
  bool after_cue;
  bool direct;
};

// The kind `word` names (any case), or nullptr. One hash lookup: asked of the word before every
// candidate.
const KindNoun* kind_noun(std::string_view word) {
  static const std::unordered_map<std::string_view, KindNoun> kKinds = [] {
    std::unordered_map<std::string_view, KindNoun> kinds;
    const auto add = [&](std::initializer_list<std::string_view> words, KindNoun kind) {
      for (std::string_view w : words) kinds.emplace(w, kind);
    };
    add({"institutions", "universities", "companies", "firms",    "organisations", "organizations",
         "agencies",     "banks",        "startups",  "labs",     "schools",       "colleges",
         "clubs",        "teams",        "brands",    "outlets",  "newspapers",    "charities",
         "parties",      "broadcasters", "retailers", "insurers", "airlines"},
        {EntityType::Org, true, true});
    add({"cities", "countries", "towns", "places", "regions", "provinces", "states", "villages"},
        {EntityType::Location, true, true});
    add({"people",      "artists",     "leaders",   "figures",    "researchers", "scientists",
         "celebrities", "politicians", "writers",   "authors",    "musicians",   "actors",
         "executives",  "founders",    "engineers", "athletes",   "singers",     "gods",
         "goddesses",   "characters",  "heroes",    "superheroes"},
        {EntityType::Person, true, true});
    add({"products", "frameworks", "libraries", "tools", "apps", "platforms", "languages", "games"},
        {EntityType::Product, true, false});
    add({"institution", "university", "company", "firm", "organisation", "organization", "agency",
         "bank", "startup", "lab", "school", "college", "club", "team", "band", "outlet",
         "newspaper", "charity"},
        {EntityType::Org, false, true});
    add({"city", "country", "town", "village", "province"}, {EntityType::Location, false, true});
    add({"artist", "singer", "actor", "actress", "writer", "author", "musician", "athlete",
         "politician", "scientist", "researcher"},
        {EntityType::Person, false, true});
    return kinds;
  }();
  if (word.size() < 3 || word.size() > 13) return nullptr;
  char lower[16];
  for (size_t k = 0; k < word.size(); ++k) lower[k] = text::ascii_lower(word[k]);
  const auto it = kKinds.find(std::string_view(lower, word.size()));
  return it == kKinds.end() ? nullptr : &it->second;
}

}  // namespace

std::optional<EntityType> listed_kind(const DocumentView& v, size_t first) {
  // Back over the list's names, commas and "and"/"or" to the word that opens it.
  constexpr size_t kMaxListTokens = 24;
  const uint32_t sentence = v.token_sentence[first];
  size_t i = first;
  while (i > 0 && first - i < kMaxListTokens && v.token_sentence[i - 1] == sentence) {
    const std::string_view w = v.token_text(i - 1);
    if (w != "," && w != "and" && w != "or" && !is_name_token(v, i - 1)) break;
    --i;
  }
  if (i < 2 || v.token_sentence[i - 1] != sentence) return std::nullopt;
  // "like", "including" or "such as" after the kind's noun, perhaps with a comma between; or the
  // noun right before the names ("the religious schools Santo Spirito and Immacolata", "US team
  // Cloud9 and Immortals"), singular or plural, for organisations, places and people.
  size_t noun = i - 2;
  bool direct = false;
  const std::string_view cue = v.token_text(i - 1);
  if (cue == "as" && noun > 0 && v.token_text(noun) == "such") {
    --noun;
  } else if (cue != "including" && cue != "like") {
    noun = i - 1;
    direct = true;
  }
  if (!direct && v.token_text(noun) == "," && noun > 0) --noun;  // "gods, such as Zeus"
  if (v.token_sentence[noun] != sentence) return std::nullopt;
  // Not "players" or "publishers", companies in a market and people elsewhere, nor, right before
  // the names, "languages" ("the languages English and French" are no products).
  const KindNoun* found = kind_noun(v.token_text(noun));
  if (found == nullptr || (direct ? !found->direct : !found->after_cue)) return std::nullopt;
  return found->type;
}

std::string_view lower_into(std::string_view word, std::string& buffer) {
  buffer.assign(word);
  for (char& c : buffer) c = text::ascii_lower(c);
  return buffer;
}

bool after_location_preposition(const DocumentView& v, size_t i) {
  static constexpr std::string_view kWords[] = {"in",      "from",   "near",      "across",
                                                "outside", "inside", "throughout"};
  // "in the United States" as well as "in Ohio", and "in Taiwan and Hong Kong".
  if (i > 1 && v.token_text(i - 1) == "the") return word_before_in(v, i - 1, kWords);
  if (i > 2 && v.token_text(i - 1) == "and" && v.tokens[i - 2].has(text::kCapitalized) &&
      word_before_in(v, i - 2, kWords))
    return true;
  return word_before_in(v, i, kWords);
}

bool after_motion_preposition(const DocumentView& v, size_t i) {
  static constexpr std::string_view kWords[] = {"to",   "off",    "at",      "via",
                                                "into", "toward", "towards", "around"};
  return after_location_preposition(v, i) || word_before_in(v, i, kWords);
}

bool names_outlet(const DocumentView& v, size_t first, size_t end) {
  const Lexicon& lex = lexicon();
  if (lex.is_first_name(v.token_text(first))) return false;
  if (first > 0 && v.token_text(first - 1) == "told" &&
      (end >= v.tokens.size() || !v.tokens[end].has(text::kCapitalized)))
    return true;
  static constexpr std::string_view kOutlets[] = {"newspaper", "broadcaster", "daily",  "tabloid",
                                                  "agency",    "network",     "channel"};
  if (end >= v.tokens.size()) return false;
  const std::string_view next = v.token_text(end);
  if (next == "news" && end + 1 < v.tokens.size())
    return v.token_text(end + 1) == "agency" || v.token_text(end + 1) == "channel" ||
           v.token_text(end + 1) == "website" || v.token_text(end + 1) == "service";
  return text::listed(next, kOutlets) && first > 0 && v.token_text(first - 1) == "the";
}

bool before_region(const DocumentView& v, size_t i) {
  // "a Richmond, Virginia, man": after an article, the region closed by its own comma.
  const bool article = i > 0 && (v.token_text(i - 1) == "a" || v.token_text(i - 1) == "an");
  if (!(after_location_preposition(v, i) || article) || i + 2 >= v.tokens.size() ||
      v.token_text(i + 1) != ",")
    return false;
  const Lexicon& lex = lexicon();  // is_place: a country, city or region
  const auto closed = [&](size_t after) {
    return !article || (after < v.tokens.size() && v.token_text(after) == ",");
  };
  const std::string_view next = v.token_text(i + 2);
  if (lex.is_place(next)) return closed(i + 3);
  if (i + 3 >= v.tokens.size() || !v.tokens[i + 3].has(text::kCapitalized)) return false;
  return lex.is_place(std::string(next) + " " + std::string(v.token_text(i + 3))) && closed(i + 4);
}

bool after_affiliation_word(const DocumentView& v, size_t i) {
  static constexpr std::string_view kWords[] = {"of", "at", "from"};
  return word_before_in(v, i, kWords);
}

bool after_organisation_verb(const DocumentView& v, size_t i) {
  static constexpr std::string_view kWords[] = {"joined",  "joins", "join",  "joining",
                                                "leaves",  "left",  "leave", "leaving",
                                                "departs", "quit",  "at",    "within"};
  return word_before_in(v, i, kWords);
}

bool is_plural_genitive_noun(std::string_view word) {
  static constexpr std::string_view kWords[] = {"people", "women", "children", "men"};
  return text::listed(word, kWords);
}

bool before_reporting_verb(const DocumentView& v, size_t after) {
  if (after < v.tokens.size() && v.tokens[after].kind == TokenKind::Word &&
      (v.token_text(after) == "has" || v.token_text(after) == "had"))
    ++after;
  if (after >= v.tokens.size() || v.tokens[after].kind != TokenKind::Word ||
      !v.tokens[after].has(text::kSpaceBefore) || v.tokens[after].has(text::kCapitalized))
    return false;
  // "continues", "shares": reporting verbs after a quote, but anything may continue or share;
  // "an Internet posting": a form in -ing after a name is a noun.
  const std::string_view verb = v.token_text(after);
  return lexicon().is_reporting_verb(verb) && !verb.starts_with("continu") &&
         !verb.starts_with("shar") && !verb.ends_with("ing");
}

bool possessive_before_given_name(const DocumentView& v, size_t after) {
  return after + 1 < v.tokens.size() && v.tokens[after].kind == TokenKind::Possessive &&
         v.tokens[after + 1].kind == TokenKind::Word &&
         lexicon().is_first_name(v.token_text(after + 1)) &&
         !lexicon().is_ambiguous_first_name(v.token_text(after + 1));
}

bool before_staff_role(const DocumentView& v, size_t after) {
  static const Vocabulary kRoles = {
      "ceo",       "cfo",       "coo",     "cto",        "chairman", "chairwoman", "chairperson",
      "chair",     "president", "boss",    "coach",      "manager",  "economist",  "analyst",
      "executive", "director",  "striker", "midfielder", "defender", "goalkeeper"};
  size_t role = after;
  if (role < v.tokens.size() && v.token_text(role) == "chief") ++role;  // "chief executive"
  if (role >= v.tokens.size() || v.tokens[role].kind != TokenKind::Word ||
      v.tokens[role].has(text::kCapitalized) || v.tokens[role].has(text::kAllCaps))
    return false;
  const std::string_view word = v.token_text(role);
  if (!kRoles.contains(word) && !(role > after && word.size() > 3)) return false;
  return role + 1 < v.tokens.size() && v.token_sentence[role + 1] == v.token_sentence[after] &&
         is_name_token(v, role + 1) && lexicon().is_first_name(v.token_text(role + 1));
}

bool score_at(const DocumentView& v, size_t i) {
  return i + 2 < v.tokens.size() && v.tokens[i].kind == TokenKind::Number &&
         (v.tokens[i + 1].kind == TokenKind::Dash || v.token_text(i + 1) == "-") &&
         v.tokens[i + 2].kind == TokenKind::Number;
}

bool country_acts(const DocumentView& v, size_t after) {
  if (after >= v.tokens.size()) return false;
  const Token& t = v.tokens[after];
  if (t.kind == TokenKind::Number) return score_at(v, after);
  if (t.kind != TokenKind::Word || t.has(text::kCapitalized) || t.has(text::kAllCaps)) return false;
  const std::string_view w = v.token_text(after);
  static constexpr std::string_view kVerbs[] = {"won",   "lost", "beat",   "drew", "made",
                                                "took",  "will", "would",  "must", "could",
                                                "began", "sent", "fought", "held", "struck"};
  return (w.size() > 4 && w.ends_with("ed")) || text::listed(w, kVerbs) ||
         lexicon().is_reporting_verb(w);
}

bool starts_sentence(const DocumentView& v, size_t i) {
  const uint32_t sentence = v.token_sentence[i];
  // A document whose every line is code (one ``` or ~~~ fence) has tokens but no sentence, so
  // its tokens' sentence index names none (found by fuzz_engine).
  if (sentence >= v.sentences.size()) return true;
  for (size_t j = v.sentences[sentence].first_token; j < i; ++j) {
    const TokenKind k = v.tokens[j].kind;
    if (k != TokenKind::Bullet && k != TokenKind::OpenQuote && k != TokenKind::AmbiguousQuote &&
        k != TokenKind::Emphasis && k != TokenKind::Punct && k != TokenKind::Dash &&
        k != TokenKind::Number)
      return false;
  }
  return true;
}

bool in_headline_block(const DocumentView& v, size_t i, const std::vector<bool>& headline) {
  const size_t block = v.block_at(v.tokens[i].start);
  return block < headline.size() && headline[block];
}

std::string join_key(const DocumentView& v, size_t first, size_t end) {
  std::string key;
  const std::string_view joined = join_key_into(v, first, end, key);
  if (joined.data() != key.data()) key.assign(joined);  // one token: its text, not the buffer
  return key;
}

std::string_view join_key_into(const DocumentView& v, size_t first, size_t end,
                               std::string& buffer) {
  if (end == first + 1) return v.token_text(first);
  buffer.clear();
  for (size_t i = first; i < end; ++i) {
    if (!buffer.empty() && v.tokens[i].has(text::kSpaceBefore)) buffer += ' ';
    buffer += v.token_text(i);
  }
  return buffer;
}

bool place_ends_at(const DocumentView& v, size_t end) {
  std::string key;
  for (size_t words = 1; words <= 3 && words <= end; ++words) {
    const size_t from = end - words;
    if (!v.tokens[from].has(text::kCapitalized)) return false;
    key =
        words == 1 ? std::string(v.token_text(from)) : std::string(v.token_text(from)) + " " + key;
    if (lexicon().is_place(key)) return true;
  }
  return false;
}

bool place_starts_at(const DocumentView& v, size_t begin) {
  std::string key;
  for (size_t to = begin + 1; to <= begin + 3 && to <= v.tokens.size(); ++to) {
    if (!v.tokens[to - 1].has(text::kCapitalized)) return false;
    if (to > begin + 1) key += ' ';
    key += v.token_text(to - 1);
    if (lexicon().is_place(key)) return true;
  }
  return false;
}

bool before_place_noun(const DocumentView& v, size_t end) {
  if (end >= v.tokens.size() || v.tokens[end].kind != TokenKind::Word ||
      v.tokens[end].has(text::kCapitalized))
    return false;
  static constexpr std::string_view kNouns[] = {
      "province", "district", "county", "prefecture", "municipality", "township", "governorate"};
  return text::listed(v.token_text(end), kNouns);
}

bool in_place_context(const DocumentView& v, size_t first, size_t end) {
  static constexpr std::string_view kPlaceNouns[] = {
      "town", "city", "village", "province", "county", "district", "region", "state", "island"};
  if (first >= 2 && v.token_text(first - 1) == "of" &&
      text::listed(v.token_text(first - 2), kPlaceNouns))
    return true;
  // The rest needs a place and its comma before: the cheap test first.
  if (first < 2 || v.token_text(first - 1) != ",") return false;
  const Lexicon& lex = lexicon();
  const std::string key = join_key(v, first, end);
  if (!lex.is_place(key) || !place_ends_at(v, first - 1)) return false;
  if ((lex.is_subdivision(key) || lex.is_country(key)) &&
      lex.is_city(join_key(v, first - 2, first - 1)))
    return true;
  size_t next = end;
  if (next < v.tokens.size() && v.token_text(next) == ",") ++next;
  if (next < v.tokens.size() && v.token_text(next) == "and") ++next;
  return next > end && next < v.tokens.size() && place_starts_at(v, next);
}

}  // namespace dramatis::name_context
