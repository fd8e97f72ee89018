// Parsing and lookup of the embedded word lists (see lexicon.h). Lookups binary-search sorted
// views with a comparison that folds ASCII case and skips dots as each list asks, reading a
// phrase's words in place as if joined by spaces, so no query string is ever built.
#include "core/nlp/lexicon.h"

#include <algorithm>

#include "core/nlp/lexicon_files.h"
#include "core/text/ascii.h"

namespace dramatis {

namespace {

constexpr size_t kMaxPhraseWords = 8;

struct ListSpec {
  std::string_view file;
  bool fold_case;
  bool ignore_dots;
};

constexpr std::array<ListSpec, kWordListCount> kSpecs = {{
    {"first_names.txt", false, false},
    {"first_names_ambiguous.txt", false, false},
    {"female_first_names.txt", false, false},
    {"male_first_names.txt", false, false},
    {"countries.txt", false, false},
    {"demonyms.txt", false, false},
    {"cities.txt", false, false},
    {"subdivisions.txt", false, false},
    {"companies.txt", false, false},
    {"org_suffixes.txt", true, true},
    {"honorifics.txt", true, true},
    {"reporting_verbs.txt", true, false},
    {"org_keywords.txt", true, false},
    {"location_keywords.txt", true, false},
    {"event_keywords.txt", true, false},
    {"not_entities.txt", true, false},
    {"plural_nouns.txt", true, false},
    {"towns.txt", false, false},
}};

unsigned char fold(unsigned char c, bool fold_case) {
  // ASCII only: the lists' case-insensitive entries are English words, and folding other
  // scripts would need Unicode tables the core does not carry.
  return (fold_case && c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

// Reads the bytes of `words` joined by single spaces, optionally without dots.
class Joined {
 public:
  Joined(std::span<const std::string_view> words, bool ignore_dots)
      : words_(words), ignore_dots_(ignore_dots) {}

  // Next byte, or false at the end.
  bool next(unsigned char& out) {
    while (word_ < words_.size()) {
      const std::string_view w = words_[word_];
      if (pos_ < w.size()) {
        const char c = w[pos_++];
        if (ignore_dots_ && c == '.') continue;
        out = static_cast<unsigned char>(c);
        return true;
      }
      ++word_;
      pos_ = 0;
      if (word_ < words_.size()) {
        out = ' ';
        return true;
      }
    }
    return false;
  }

 private:
  std::span<const std::string_view> words_;
  bool ignore_dots_;
  size_t word_ = 0;
  size_t pos_ = 0;
};

// <0, 0, >0 as `entry` sorts before, equal to or after the joined `words`.
int compare(std::string_view entry, std::span<const std::string_view> words, bool fold_case,
            bool ignore_dots) {
  Joined query(words, ignore_dots);
  size_t i = 0;
  unsigned char q = 0;
  while (true) {
    const bool has_q = query.next(q);
    if (i == entry.size()) return has_q ? -1 : 0;
    if (!has_q) return 1;
    const unsigned char e = fold(static_cast<unsigned char>(entry[i++]), fold_case);
    const unsigned char f = fold(q, fold_case);
    if (e != f) return e < f ? -1 : 1;
  }
}

bool less_entry(std::string_view a, std::string_view b, bool fold_case) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = fold(static_cast<unsigned char>(a[i]), fold_case);
    const unsigned char y = fold(static_cast<unsigned char>(b[i]), fold_case);
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

// Calls `f` with each entry line of a list file: trimmed, not blank, not a '#' comment.
template <typename F>
void for_each_entry(std::string_view bytes, F&& f) {
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = text::trim_space(bytes.substr(start, end - start));
    if (!line.empty() && line.front() != '#') f(line);
    start = end + 1;
  }
}

// Calls `f(form, head)` for each '|'-separated form of a line ("say|says|said"), `head` being
// the first form (a verb's lemma, a country's common name).
template <typename F>
void for_each_form(std::string_view line, F&& f) {
  const std::string_view head = text::trim_space(line.substr(0, line.find('|')));
  size_t start = 0;
  while (start <= line.size()) {
    size_t end = line.find('|', start);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view form = text::trim_space(line.substr(start, end - start));
    if (!form.empty()) f(form, head);
    start = end + 1;
  }
}

uint8_t count_words(std::string_view entry) {
  const size_t n = static_cast<size_t>(std::count(entry.begin(), entry.end(), ' ')) + 1;
  return static_cast<uint8_t>(std::min(n, kMaxPhraseWords));
}

}  // namespace

std::string_view file_name(WordList list) {
  return kSpecs[static_cast<size_t>(list)].file;
}

Lexicon::Lexicon(std::span<const EmbeddedFile> files) {
  for (size_t index = 0; index < kWordListCount; ++index) {
    const ListSpec& spec = kSpecs[index];
    List& list = lists_[index];
    list.fold_case = spec.fold_case;
    list.ignore_dots = spec.ignore_dots;
    const EmbeddedFile* file = find_embedded(files, spec.file);
    if (file == nullptr) continue;
    const bool verbs = index == static_cast<size_t>(WordList::ReportingVerbs);
    for_each_entry(file->bytes, [&](std::string_view line) {
      if (!verbs) {
        list.entries.push_back(line);
        return;
      }
      // "say|says|said|saying": every form is an entry; the first is the lemma.
      for_each_form(line, [&](std::string_view form, std::string_view lemma) {
        list.entries.push_back(form);
        verb_forms_.emplace_back(form, lemma);
      });
    });
    const bool fold_case = list.fold_case;
    const auto less = [fold_case](std::string_view a, std::string_view b) {
      return less_entry(a, b, fold_case);
    };
    // The generated files come sorted (code point order is byte order), so most lists skip the
    // sort; stable, so equal keys keep file order and the result never depends on the sort.
    if (!std::is_sorted(list.entries.begin(), list.entries.end(), less)) {
      std::stable_sort(list.entries.begin(), list.entries.end(), less);
    }
    for (const std::string_view entry : list.entries) {
      list.max_words = std::max(list.max_words, count_words(entry));
    }
    // Entries are single-spaced, as a joined phrase is, so a hash lookup finds them too. Only
    // case-insensitive lists ignore dots in it.
    list.words = WordSet(list.fold_case, list.fold_case && list.ignore_dots);
    list.words.build(list.entries);
  }
  std::stable_sort(verb_forms_.begin(), verb_forms_.end(),
                   [](const auto& a, const auto& b) { return less_entry(a.first, b.first, true); });
  // "United States|U.S.|USA": every form, the common name first, names that common name.
  if (const EmbeddedFile* file = find_embedded(files, "country_names.txt")) {
    // A form listed twice names the smaller common name, as the sorted list it replaced did.
    std::vector<std::pair<std::string_view, std::string_view>> forms;
    for_each_entry(file->bytes, [&](std::string_view line) {
      for_each_form(line, [&](std::string_view form, std::string_view common) {
        forms.emplace_back(form, common);
      });
    });
    std::sort(forms.begin(), forms.end());
    for (const auto& [form, common] : forms) country_forms_.emplace(form, common);
  }
}

bool Lexicon::contains_words(WordList which, std::span<const std::string_view> words) const {
  const List& list = lists_[static_cast<size_t>(which)];
  if (words.empty() || list.entries.empty()) return false;
  const auto it = std::lower_bound(
      list.entries.begin(), list.entries.end(), words, [&](std::string_view entry, auto query) {
        return compare(entry, query, list.fold_case, list.ignore_dots) < 0;
      });
  return it != list.entries.end() && compare(*it, words, list.fold_case, list.ignore_dots) == 0;
}

bool Lexicon::contains(WordList which, std::string_view entry) const {
  const List& list = lists_[static_cast<size_t>(which)];
  // Entries are stored single-spaced, so any single-spaced query (a word, or a phrase joined
  // with single spaces) can use the hash set; other whitespace takes the word-wise search.
  const WordSet::Found found = list.words.find_single_spaced(entry);
  if (found != WordSet::Found::kNotSingleSpaced) return found == WordSet::Found::kYes;
  return contains_words(which, std::span<const std::string_view>(&entry, 1));
}

size_t Lexicon::longest_match(WordList which, std::span<const std::string_view> words) const {
  const List& list = lists_[static_cast<size_t>(which)];
  for (size_t n = std::min<size_t>(words.size(), list.max_words); n > 0; --n) {
    if (contains_words(which, words.first(n))) return n;
  }
  return 0;
}

size_t Lexicon::size(WordList list) const {
  return lists_[static_cast<size_t>(list)].entries.size();
}

bool Lexicon::is_first_name(std::string_view w) const {
  return contains(WordList::FirstNames, w);
}
bool Lexicon::is_ambiguous_first_name(std::string_view w) const {
  return contains(WordList::AmbiguousFirstNames, w);
}
NameGender Lexicon::first_name_gender(std::string_view w) const {
  // The lists are disjoint (scripts/build-lexicons.py keeps a name in both out of each).
  if (contains(WordList::FemaleFirstNames, w)) return NameGender::Female;
  if (contains(WordList::MaleFirstNames, w)) return NameGender::Male;
  return NameGender::Unknown;
}
bool Lexicon::is_country(std::string_view n) const {
  return contains(WordList::Countries, n);
}
bool Lexicon::is_demonym(std::string_view w) const {
  return contains(WordList::Demonyms, w);
}
bool Lexicon::is_city(std::string_view n) const {
  return contains(WordList::Cities, n);
}
bool Lexicon::is_subdivision(std::string_view n) const {
  return contains(WordList::Subdivisions, n);
}

bool Lexicon::is_town(std::string_view w) const {
  return contains(WordList::Towns, w);
}
Lexicon::NameLists Lexicon::name_lists(std::string_view name) const {
  const auto list = [&](WordList which) -> const WordSet& {
    return lists_[static_cast<size_t>(which)].words;
  };
  const WordSet& first = list(WordList::FirstNames);
  static constexpr WordList kLists[] = {
      WordList::AmbiguousFirstNames, WordList::Countries, WordList::Demonyms, WordList::Cities,
      WordList::Subdivisions,        WordList::Companies};
  const bool one_hash = std::all_of(std::begin(kLists), std::end(kLists),
                                    [&](WordList which) { return first.folds_like(list(which)); });
  const WordSet::Hashed hashed = first.hash_query(name);
  if (!one_hash || !hashed.single_spaced) {
    return {is_first_name(name), is_ambiguous_first_name(name), is_country(name), is_demonym(name),
            is_city(name),       is_subdivision(name),          is_company(name)};
  }
  const auto in = [&](WordList which) { return list(which).contains_hashed(name, hashed.hash); };
  return {first.contains_hashed(name, hashed.hash),
          in(WordList::AmbiguousFirstNames),
          in(WordList::Countries),
          in(WordList::Demonyms),
          in(WordList::Cities),
          in(WordList::Subdivisions),
          in(WordList::Companies)};
}

bool Lexicon::is_place(std::string_view n) const {
  // Asked often (every name candidate): where the three sets fold alike, one hash serves all.
  const WordSet& countries = lists_[static_cast<size_t>(WordList::Countries)].words;
  const WordSet& cities = lists_[static_cast<size_t>(WordList::Cities)].words;
  const WordSet& subdivisions = lists_[static_cast<size_t>(WordList::Subdivisions)].words;
  if (countries.folds_like(cities) && countries.folds_like(subdivisions)) {
    const WordSet::Hashed hashed = countries.hash_query(n);
    if (hashed.single_spaced) {
      return countries.contains_hashed(n, hashed.hash) || cities.contains_hashed(n, hashed.hash) ||
             subdivisions.contains_hashed(n, hashed.hash);
    }
  }
  return is_country(n) || is_city(n) || is_subdivision(n);
}
bool Lexicon::is_company(std::string_view n) const {
  return contains(WordList::Companies, n);
}
bool Lexicon::is_org_suffix(std::string_view w) const {
  return contains(WordList::OrgSuffixes, w);
}
bool Lexicon::is_honorific(std::string_view w) const {
  return contains(WordList::Honorifics, w);
}
bool Lexicon::is_reporting_verb(std::string_view w) const {
  return contains(WordList::ReportingVerbs, w);
}
bool Lexicon::is_org_keyword(std::string_view w) const {
  return contains(WordList::OrgKeywords, w);
}
bool Lexicon::is_location_keyword(std::string_view w) const {
  return contains(WordList::LocationKeywords, w);
}
bool Lexicon::is_event_keyword(std::string_view w) const {
  return contains(WordList::EventKeywords, w);
}
bool Lexicon::is_not_entity_word(std::string_view w) const {
  return contains(WordList::NotEntities, w);
}
bool Lexicon::is_plural_noun(std::string_view w) const {
  return contains(WordList::PluralNouns, w);
}

std::string_view Lexicon::country_name(std::string_view form) const {
  const auto it = country_forms_.find(form);
  return it != country_forms_.end() ? it->second : std::string_view{};
}

std::string_view Lexicon::reporting_verb_lemma(std::string_view form) const {
  const std::span<const std::string_view> words(&form, 1);
  const auto it = std::lower_bound(
      verb_forms_.begin(), verb_forms_.end(), words,
      [](const auto& entry, auto query) { return compare(entry.first, query, true, false) < 0; });
  if (it == verb_forms_.end() || compare(it->first, words, true, false) != 0) return {};
  return it->second;
}

const Lexicon& lexicon() {
  // A function-local static: initialised once, thread-safe since C++11.
  static const Lexicon instance(lexicon_files());
  return instance;
}

}  // namespace dramatis
