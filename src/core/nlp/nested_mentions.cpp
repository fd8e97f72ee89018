#include "core/nlp/nested_mentions.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/nlp/lexicon.h"
#include "core/nlp/name_context.h"
#include "core/nlp/text_case.h"
#include "core/nlp/word_set.h"

namespace dramatis {
namespace {

constexpr size_t kMaxInnerTokens = 6;  // "Steven F. Udvar-Hazy" is five

bool holds_names(EntityType type) {
  return type == EntityType::Org || type == EntityType::Location || type == EntityType::Product ||
         type == EntityType::Event;
}

bool can_be_nested(EntityType type) {
  return holds_names(type) || type == EntityType::Person;
}

bool all_capitals(std::string_view word) {
  size_t capitals = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++capitals;
  }
  return capitals >= 2;
}

// A single word that is more likely a common word than a name here: a keyword ("Island",
// "University"), a word the corpus also writes in lower case ("South", "Union"). Acronyms
// ("US", "UK") are not read as the word they spell.
bool common_word(std::string_view word, const WordStats& stats) {
  const Lexicon& lex = lexicon();
  if (lex.is_org_keyword(word) || lex.is_location_keyword(word) || lex.is_event_keyword(word) ||
      lex.is_not_entity_word(word) || lex.is_honorific(word) || lex.is_demonym(word))
    return true;
  thread_local std::string buffer;
  return !all_capitals(word) && stats.lowercase.count(name_context::lower_into(word, buffer)) > 0;
}

// A part of a country or region named by its compass points: "Southern Indiana", "East Texas".
bool part_of_region(std::string_view form) {
  const std::string_view rest = name_context::without_compass_points(form);
  if (rest.empty()) return false;
  const Lexicon::NameLists lists = lexicon().name_lists(rest);
  return lists.country || lists.subdivision;
}

// The token of the outer name [begin, end) that says what it names: its last capitalised word,
// or the last before a lower-case word ("University" in "University of Texas", "Foundation" in
// "Andy Warhol Foundation for the Visual Arts"). The outer name itself is never nested.
size_t head_word(const DocumentView& v, size_t begin, size_t end) {
  size_t head = end;  // none yet
  for (size_t k = begin; k < end; ++k) {
    if (v.tokens[k].kind != text::TokenKind::Word) continue;
    if (starts_upper(v.token_text(k))) {
      head = k;
    } else if (head != end) {
      return head;
    }
  }
  return head == end ? end - 1 : head;
}

// One inner name found, added once every mention has been read.
struct Found {
  size_t entity;  // index into entities, or entities.size() + index into new places
  std::string_view form;
  DocSpan span;
};

class NestedFinder {
 public:
  NestedFinder(const std::vector<Entity>& entities, const WordStats& stats)
      : entities_(entities), stats_(stats) {
    for (size_t e = 0; e < entities.size(); ++e) {
      if (!can_be_nested(entities[e].type)) continue;
      add_form(entities[e].name, e);
      for (const std::string& alias : entities[e].aliases) add_form(alias, e);
    }
  }

  // The inner names of `outer` (a mention of entity `owner` in view `v`), appended to `found`.
  void find(const DocumentView& v, const DocSpan& outer, size_t owner, std::vector<Found>& found) {
    const auto& tokens = v.tokens;
    auto first = std::lower_bound(tokens.begin(), tokens.end(), outer.start,
                                  [](const text::Token& t, size_t at) { return t.start < at; });
    auto last = first;
    while (last != tokens.end() && last->end <= outer.end) ++last;
    const size_t begin = static_cast<size_t>(first - tokens.begin());
    const size_t end = static_cast<size_t>(last - tokens.begin());
    if (end - begin < 2) return;
    // "Irving, Texas" is one place written with its state, as the reader names it.
    if (v.text.substr(outer.start, outer.end - outer.start).find(',') != std::string_view::npos)
      return;
    const size_t head = head_word(v, begin, end);
    const std::string_view outer_text = v.text.substr(outer.start, outer.end - outer.start);
    for (size_t i = begin; i < end;) {
      size_t taken = 0;
      if (tokens[i].kind == text::TokenKind::Word && starts_upper(v.token_text(i))) {
        const size_t longest = std::min(end, i + kMaxInnerTokens);
        for (size_t j = longest; j > i && taken == 0; --j) {
          // Not the outer name itself, nor a name holding its head word: "State Department" in
          // "US State Department", "Korea" in "South Korea" name the same thing less exactly.
          if (i <= head && head < j) continue;
          if (tokens[j - 1].kind != text::TokenKind::Word) continue;
          const std::string_view form =
              v.text.substr(tokens[i].start, tokens[j - 1].end - tokens[i].start);
          if (form.find('\n') != std::string_view::npos) continue;
          // "Kowloon" in "Kowloon West": the outer name is a compass part of the inner place.
          const bool compass_part = name_context::without_compass_points(outer_text) == form;
          const size_t entity = entity_for(form, j - i == 1, compass_part, owner);
          if (entity == kNone) continue;
          found.push_back({entity, form, {v.doc, tokens[i].start, tokens[j - 1].end}});
          taken = j - i;
        }
      }
      i += std::max<size_t>(taken, 1);
    }
  }

  // "Scientology-related", "Python-based", "Warhol-like": a known name as the first part of a
  // hyphenated modifier is a mention of it (never a place the lexicon knows but the text does
  // not name). Tokens inside a mention (`taken`, sorted spans of the document) are left alone.
  void find_in_compounds(const DocumentView& v, const std::vector<std::pair<size_t, size_t>>& taken,
                         std::vector<Found>& found) const {
    auto span = taken.begin();
    for (size_t i = 0; i < v.tokens.size(); ++i) {
      const text::Token& t = v.tokens[i];
      if (!t.has(text::kHyphenated) || t.kind != text::TokenKind::Word || v.token_boilerplate[i])
        continue;
      while (span != taken.end() && span->second <= t.start) ++span;
      if (span != taken.end() && span->first < t.end) continue;
      const std::string_view word = v.token_text(i);
      // The first hyphen: '-', U+2010 or U+2011 (UTF-8 E2 80 90 / E2 80 91).
      size_t hyphen = word.find('-'), width = 1;
      const size_t unicode = word.find("\xE2\x80");
      if (unicode != std::string_view::npos && unicode < hyphen && unicode + 2 < word.size() &&
          (word[unicode + 2] == '\x90' || word[unicode + 2] == '\x91')) {
        hyphen = unicode;
        width = 3;
      }
      if (hyphen == std::string_view::npos || hyphen + width >= word.size()) continue;
      const char after = word[hyphen + width];
      if (after < 'a' || after > 'z') continue;  // "Spider-Gwen", "Sea-Air-Space": one name
      const std::string_view head = word.substr(0, hyphen);
      const size_t entity = known(head);
      if (entity == kNone || entity == kAmbiguous || !starts_upper(head)) continue;
      found.push_back({entity, head, {v.doc, t.start, t.start + static_cast<uint32_t>(hyphen)}});
    }
  }

  // The places made for inner names no entity had, in order of first use.
  const std::vector<std::string_view>& new_places() const { return new_places_; }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  static constexpr size_t kAmbiguous = static_cast<size_t>(-2);

  void add_form(std::string_view form, size_t e) {
    if (!starts_upper(form)) return;
    const auto [it, added] = by_form_.try_emplace(form, e);
    if (!added && it->second != e) it->second = kAmbiguous;
  }

  size_t known(std::string_view form) const {
    const auto it = by_form_.find(form);
    return it == by_form_.end() ? kNone : it->second;
  }

  // The cheap questions first: most spans inside a name are no name, and the common-word test
  // (six lists and the corpus counts) runs only for a single word that is one.
  size_t entity_for(std::string_view form, bool one_word, bool compass_part, size_t owner) {
    const size_t named = known(form);
    if (named == kAmbiguous || named == owner) return kNone;
    if (named != kNone) {
      if (one_word && common_word(form, stats_)) return kNone;
      // A given name alone inside a name is seldom that person ("Mohamed" in a name of three).
      const bool given_name =
          entities_[named].type == EntityType::Person && one_word && lexicon().is_first_name(form);
      return given_name ? kNone : named;
    }
    // A country or region; a city of several words ("Los Angeles"), or of one where the outer
    // name is a compass part of it ("Kowloon West"): elsewhere single-word city names
    // ("Johnson", "Stone", "Reading") are too often a surname or a word inside a name.
    const Lexicon& lex = lexicon();
    const Lexicon::NameLists lists = lex.name_lists(form);
    if (!lists.country && !lists.subdivision && !(lists.city && (!one_word || compass_part)) &&
        (one_word || !part_of_region(form)))
      return kNone;
    if (one_word && common_word(form, stats_)) return kNone;
    // A country by its common name, which may be an entity already ("U.S." in "U.S. Air Force"
    // and "the United States").
    std::string_view name = lex.country_name(form);
    if (name.empty()) name = form;
    if (name != form) {
      const size_t country = known(name);
      if (country == kAmbiguous || country == owner) return kNone;
      if (country != kNone) return country;
    }
    const auto [it, added] = place_index_.try_emplace(name, new_places_.size());
    if (added) new_places_.push_back(name);
    return entities_.size() + it->second;
  }

  const std::vector<Entity>& entities_;
  const WordStats& stats_;
  std::unordered_map<std::string_view, size_t, StringViewHash, std::equal_to<>> by_form_;
  std::unordered_map<std::string_view, size_t, StringViewHash, std::equal_to<>> place_index_;
  std::vector<std::string_view> new_places_;
};

// Records `form` as an alias of `e` when it is new: only a country's form joined to the country
// by its common name is ("U.S." to "United States"); other inner names are a name or alias already.
void add_alias(Entity& e, std::string_view form, const DocSpan& evidence) {
  if (form == e.name) return;
  auto at = std::lower_bound(e.aliases.begin(), e.aliases.end(), form);
  if (at != e.aliases.end() && *at == form) return;
  e.aliases.insert(at, std::string(form));
  e.merges.push_back({std::string(form), "country-name", evidence, 0.9});
}

}  // namespace

void add_nested_mentions(const std::vector<DocumentView>& views, const WordStats& stats,
                         std::vector<Entity>& entities) {
  NestedFinder finder(entities, stats);
  std::vector<Found> found;
  std::vector<std::vector<std::pair<size_t, size_t>>> taken(views.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    for (const DocSpan& m : entities[e].mentions) {
      if (m.doc >= views.size()) continue;
      taken[m.doc].emplace_back(m.start, m.end);
      if (holds_names(entities[e].type)) finder.find(views[m.doc], m, e, found);
    }
  }
  for (size_t d = 0; d < views.size(); ++d) {
    std::sort(taken[d].begin(), taken[d].end());
    finder.find_in_compounds(views[d], taken[d], found);
  }
  if (found.empty()) return;
  // The forms and the new places' names are views into the documents and the lexicon, which
  // stay put while entities are added (the finder's own keys into entity names are not used
  // again).
  for (const std::string_view name : finder.new_places()) {
    Entity place;
    place.name = std::string(name);
    place.type = EntityType::Location;
    entities.push_back(std::move(place));
  }
  std::vector<bool> touched(entities.size(), false);
  for (const Found& f : found) {
    Entity& e = entities[f.entity];
    e.mentions.push_back(f.span);
    add_alias(e, f.form, f.span);
    touched[f.entity] = true;
  }
  for (size_t e = 0; e < entities.size(); ++e) {
    if (!touched[e]) continue;
    std::sort(entities[e].mentions.begin(), entities[e].mentions.end(),
              [](const DocSpan& a, const DocSpan& b) {
                return std::tie(a.doc, a.start, a.end) < std::tie(b.doc, b.start, b.end);
              });
  }
}

}  // namespace dramatis
