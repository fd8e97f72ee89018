#include "core/nlp/entity_resolution.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <unordered_map>

#include "core/nlp/lexicon.h"
#include "core/nlp/name_context.h"
#include "core/nlp/text_case.h"

namespace dramatis {
namespace {

using text::TokenKind;

// One surface form: corpus-wide for full names and typed names; per document for lone words,
// which may name different people in different articles ("Alban" here, another Alban there).
struct Node {
  std::string key;
  int doc = -1;  // -1: corpus-wide
  std::vector<size_t> candidates;
  std::vector<std::string_view> words;
  EntityType type = EntityType::Org;
  float confidence = 0.0f;
  bool typed = false;
  bool linked = false;           // merged into another node by an alias rule
  std::vector<uint32_t> docs;    // the documents it occurs in, sorted
  std::array<float, 8> votes{};  // summed confidence of typed mentions, by EntityType
};

struct MergeRecord {
  size_t node;
  std::string rule;
  double confidence;
};

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void unite(size_t child, size_t into) { parent_[find(child)] = find(into); }

 private:
  std::vector<size_t> parent_;
};

std::vector<std::string_view> split_words(std::string_view key) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start <= key.size()) {
    const size_t space = std::min(key.find(' ', start), key.size());
    if (space > start) words.push_back(key.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

std::string letters_lower(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

// One substitution or one swap of neighbours, for names of five letters or more.
bool one_edit_apart(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.size() < 5 || a == b) return false;
  std::vector<size_t> diff;
  for (size_t i = 0; i < a.size() && diff.size() <= 2; ++i) {
    if (a[i] != b[i]) diff.push_back(i);
  }
  if (diff.size() == 1) return diff[0] > 0;  // the first letter must agree
  return diff.size() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] &&
         a[diff[1]] == b[diff[0]];
}

// At most `limit` insertions, deletions or substitutions turn a into b (Levenshtein, banded).
bool within_edits(std::string_view a, std::string_view b, size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return false;
  std::vector<size_t> row(b.size() + 1), next(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    next[0] = i;
    size_t best = next[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      next[j] =
          std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      best = std::min(best, next[j]);
    }
    if (best > limit) return false;
    row.swap(next);
  }
  return row[b.size()] <= limit;
}

// A lone surname misspelt: one_edit_apart, or, for long names of the same length, two edits
// ("Bauchtman" for "Buchtmann": a letter added early, one dropped late). The first letter
// agrees; a different length with two edits is left alone, since "Williams" and "Williamson"
// are two families.
bool misspelt_surname(std::string_view surname, std::string_view word) {
  if (one_edit_apart(surname, word)) return true;
  return surname.size() == word.size() && word.size() >= 8 && surname != word &&
         surname[0] == word[0] && within_edits(surname, word, 2);
}

// Capital initials of a name's words, skipping connectors ("Fundamental AI Research" -> "FAIR").
std::string initials(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (is_title_case_function_word(w)) continue;
    if (w.size() > 1 &&
        std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      out += w;  // an acronym inside the expansion ("AI") contributes all its letters
    } else if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') {
      out += w[0];
    }
  }
  return out;
}

// Words an organisation's short name may leave out ("Thinking Machines" for "Thinking Machines
// Lab"); unlike "Foundation" or "University", they do not make a different organisation.
bool is_name_suffix_word(std::string_view word) {
  static constexpr std::string_view kWords[] = {"Lab",     "Labs",    "Laboratory", "Laboratories",
                                                "Company", "Group",   "Holdings",   "Technologies",
                                                "Systems", "Studios", "Ventures",   "Partners"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool is_acronym(std::string_view word) {
  return word.size() >= 2 && word.size() <= 8 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The letters of an acronym, written "KSC" or "U.N." (a capital and a dot each), or "" when
// `word` is neither.
std::string acronym_letters(std::string_view word) {
  if (is_acronym(word)) return std::string(word);
  if (!name_context::is_dotted_initials(word)) return {};
  std::string letters;
  for (size_t i = 0; i < word.size(); i += 2) letters += word[i];
  return is_acronym(letters) ? letters : std::string();
}

}  // namespace

std::vector<Entity> resolve_entities(const std::vector<DocumentView>& views,
                                     const std::vector<EntityCandidate>& candidates) {
  const Lexicon& lex = lexicon();

  // ---- Nodes, one per surface form (and document, for lone untyped words).
  std::vector<Node> nodes;
  std::map<std::pair<std::string, int>, size_t> node_of;
  std::vector<size_t> candidate_node(candidates.size());
  for (size_t c = 0; c < candidates.size(); ++c) {
    const EntityCandidate& cand = candidates[c];
    const bool single = cand.end_token - cand.first_token == 1;
    const bool handle = !cand.key.empty() && cand.key[0] == '@';
    const int scope = (single && !handle) ? static_cast<int>(cand.doc) : -1;
    auto [it, added] = node_of.try_emplace({cand.key, scope}, nodes.size());
    if (added) {
      Node node;
      node.key = cand.key;
      node.doc = scope;
      nodes.push_back(std::move(node));
    }
    Node& node = nodes[it->second];
    node.candidates.push_back(c);
    candidate_node[c] = it->second;
    // Each typed mention votes for its type with its confidence: "leaves Meta" and "at Meta"
    // outvote one "in Meta".
    if (cand.typed) node.votes[static_cast<size_t>(cand.type)] += cand.confidence;
    if (!node.typed && cand.confidence > node.confidence) {
      node.type = cand.type;
      node.confidence = cand.confidence;
    }
    if (cand.typed) {
      node.typed = true;
      node.confidence = std::max(node.confidence, cand.confidence);
    }
  }
  for (Node& node : nodes) {
    if (!node.typed) continue;
    const auto best = std::max_element(node.votes.begin(), node.votes.end());
    node.type = static_cast<EntityType>(best - node.votes.begin());
  }
  // Word views into the keys, taken once the vector no longer moves its strings.
  for (Node& node : nodes) node.words = split_words(node.key);
  // The documents each node occurs in, sorted, to test "named in the same article" fast.
  for (Node& node : nodes) {
    for (size_t c : node.candidates) node.docs.push_back(candidates[c].doc);
    std::sort(node.docs.begin(), node.docs.end());
    node.docs.erase(std::unique(node.docs.begin(), node.docs.end()), node.docs.end());
  }
  const auto shares_document = [](const Node& a, const Node& b) {
    // A lone word's node is one document's: a binary search in the other's, so a name in
    // thousands of articles costs each of them a few steps, not a walk of its list.
    if (a.docs.size() == 1) return std::binary_search(b.docs.begin(), b.docs.end(), a.docs[0]);
    if (b.docs.size() == 1) return std::binary_search(a.docs.begin(), a.docs.end(), b.docs[0]);
    size_t i = 0, j = 0;
    while (i < a.docs.size() && j < b.docs.size()) {
      if (a.docs[i] == b.docs[j]) return true;
      a.docs[i] < b.docs[j] ? ++i : ++j;
    }
    return false;
  };

  // The one node of `pool` named in an article with `node`, or -1 when none or several are.
  const auto only_one_in_article = [&](const std::vector<size_t>& pool, const Node& node) {
    int match = -1, count = 0;
    for (size_t p : pool) {
      if (!shares_document(node, nodes[p])) continue;
      match = static_cast<int>(p);
      ++count;
    }
    return count == 1 ? match : -1;
  };

  UnionFind groups(nodes.size());
  std::vector<MergeRecord> merges;
  const auto merge = [&](size_t alias, size_t into, const char* rule, double confidence) {
    if (groups.find(alias) == groups.find(into)) return;
    groups.unite(alias, into);
    nodes[alias].linked = true;
    merges.push_back({alias, rule, confidence});
  };

  // ---- "North" in "North and South Korea" is North Korea where that name is a node.
  for (size_t n = 0; n < nodes.size(); ++n) {
    for (size_t c : nodes[n].candidates) {
      if (candidates[c].stands_for.empty()) continue;
      auto full = node_of.find({candidates[c].stands_for, -1});
      // A one-word name is a node per document ("Rome" for "ROME").
      if (full == node_of.end())
        full = node_of.find({candidates[c].stands_for, static_cast<int>(candidates[c].doc)});
      // A dateline's capitals stand for the place as the story writes it ("ROME", "Rome").
      const bool dateline = candidates[c].evidence & kDateline;
      if (full != node_of.end())
        merge(n, full->second, dateline ? "dateline" : "ellipsis", dateline ? 0.9 : 0.8);
      break;
    }
  }

  // "Warhol Polaroids", "Warhol Factory": two capitalised words that start with the surname of a
  // person named with a first name are a thing named after them, not another person.
  std::unordered_map<std::string_view, bool> strong_surnames;
  for (const Node& node : nodes) {
    if (node.typed && node.type == EntityType::Person && node.words.size() >= 2 &&
        node.confidence >= 0.8f)
      strong_surnames[node.words.back()] = true;
  }
  for (Node& node : nodes) {
    if (node.typed && node.type == EntityType::Person && node.confidence < 0.8f &&
        node.words.size() == 2 && strong_surnames.count(node.words.front())) {
      node.typed = false;
      node.type = EntityType::Org;
    }
  }

  // Full names (typed persons of two or more words), indexed by surname, first name and
  // document, so each lone word looks at a few people, not all of them.
  std::vector<size_t> people;
  std::unordered_map<std::string_view, std::vector<size_t>> by_surname, by_first_name;
  std::unordered_map<uint32_t, std::vector<size_t>> people_in_doc;
  for (size_t n = 0; n < nodes.size(); ++n) {
    if (!nodes[n].typed || nodes[n].type != EntityType::Person || nodes[n].words.size() < 2)
      continue;
    people.push_back(n);
    by_surname[nodes[n].words.back()].push_back(n);
    by_first_name[nodes[n].words.front()].push_back(n);
    for (uint32_t d : nodes[n].docs) people_in_doc[d].push_back(n);
  }
  static const std::vector<size_t> kNone;
  const auto lookup = [](const auto& index, const auto& key) -> const std::vector<size_t>& {
    auto it = index.find(key);
    return it == index.end() ? kNone : it->second;
  };

  // ---- A given name spelt two ways in one article ("Kristin Wilkins" once, "Kristen Wilkins"
  // twice): one letter off (one_edit_apart: five letters or more, the first letter agreeing),
  // the same surname. The rarer spelling is the alias.
  for (size_t n : people) {
    const Node& node = nodes[n];
    if (node.words.size() != 2) continue;
    for (size_t p : lookup(by_surname, node.words.back())) {
      const Node& other = nodes[p];
      if (p <= n || other.words.size() != 2 || !shares_document(node, other) ||
          !one_edit_apart(node.words.front(), other.words.front()))
        continue;
      const bool node_rarer = node.candidates.size() < other.candidates.size();
      merge(node_rarer ? n : p, node_rarer ? p : n, "spelling", 0.6);
    }
  }

  // ---- Lone words: surname, first name or misspelt surname of exactly one person.
  for (size_t n = 0; n < nodes.size(); ++n) {
    Node& node = nodes[n];
    // Lone words, unless a lexicon or keyword typed them firmly as something else; a place or
    // company name may still be a surname where every article using it names that person
    // ("Paris" after "Valeska Paris", "Cruise" after "Tom Cruise").
    if (node.words.size() != 1 || node.key[0] == '@') continue;
    const bool firm = node.typed && node.type != EntityType::Person && node.confidence >= 0.8f;
    if (firm) {
      if (node.type != EntityType::Location && node.type != EntityType::Org) continue;
      // The one person of that surname (a spelling merged into them is them).
      const std::vector<size_t>& same = lookup(by_surname, node.words[0]);
      const auto unlinked = [&](size_t p) { return !nodes[p].linked; };
      const auto person = std::find_if(same.begin(), same.end(), unlinked);
      if (person == same.end() || std::count_if(same.begin(), same.end(), unlinked) != 1 ||
          !std::includes(nodes[*person].docs.begin(), nodes[*person].docs.end(), node.docs.begin(),
                         node.docs.end()))
        continue;
    }
    const std::string_view word = node.words[0];
    // The one person among `pool` that `matches` and shares an article with this word; or,
    // unless `same_doc_only`, the one person in the corpus.
    const auto unique_person = [&](const std::vector<size_t>& pool, auto&& matches,
                                   bool same_doc_only) -> int {
      int in_doc = -1, anywhere = -1, in_doc_count = 0, anywhere_count = 0;
      for (size_t p : pool) {
        // A spelling merged into another counts as that person, who is in the pool too.
        if (nodes[p].linked || !matches(nodes[p])) continue;
        ++anywhere_count;
        anywhere = static_cast<int>(p);
        if (shares_document(node, nodes[p])) {
          ++in_doc_count;
          in_doc = static_cast<int>(p);
        }
      }
      if (in_doc_count == 1) return in_doc;
      if (same_doc_only || in_doc_count > 1) return -1;
      if (node.doc < 0 && in_doc_count == 0 && anywhere_count == 1) return anywhere;
      return anywhere_count == 1 ? anywhere : -1;
    };
    const auto any = [](const Node&) { return true; };
    const int surname = unique_person(lookup(by_surname, word), any, false);
    if (surname >= 0) {
      merge(n, static_cast<size_t>(surname), "surname", 0.85);
      continue;
    }
    const int first_name = unique_person(lookup(by_first_name, word), any, node.doc >= 0);
    if (first_name >= 0) {
      merge(n, static_cast<size_t>(first_name), "first-name", 0.75);
      continue;
    }
    // The surname, or (family name first) the first word, of two or more people of the article
    // names a person, though not which one: "Kwon" beside Kwon Soo-ah and her father Kwon
    // Dae-sung stays apart, but is no organisation.
    // Only where nothing but a guess typed it ("Kwon said": someone speaks, 0.45).
    if (node.type != EntityType::Person && node.confidence < 0.5f) {
      size_t namesakes = 0;
      for (const auto* pool : {&lookup(by_surname, word), &lookup(by_first_name, word)}) {
        for (size_t p : *pool) namesakes += !nodes[p].linked && shares_document(node, nodes[p]);
      }
      if (namesakes >= 2) {
        node.type = EntityType::Person;
        node.typed = true;
        node.confidence = 0.6f;
        node.votes = {};
        node.votes[static_cast<size_t>(EntityType::Person)] = node.confidence;
        continue;
      }
    }
    if (lex.is_first_name(word)) continue;
    // A misspelt surname (misspelt_surname) of a person named in the same article.
    std::vector<size_t> nearby;
    for (uint32_t d : node.docs) {
      const std::vector<size_t>& in_doc = lookup(people_in_doc, d);
      nearby.insert(nearby.end(), in_doc.begin(), in_doc.end());
    }
    std::sort(nearby.begin(), nearby.end());
    nearby.erase(std::unique(nearby.begin(), nearby.end()), nearby.end());
    const int spelling = unique_person(
        nearby, [&](const Node& p) { return misspelt_surname(p.words.back(), word); }, true);
    if (spelling >= 0) merge(n, static_cast<size_t>(spelling), "spelling", 0.7);
  }

  // ---- A surname that opens with a particle, alone: "Van der Veen" (or "van der Veen") for
  // Maarten van der Veen, "De la Fuente" for Lucía de la Fuente, when exactly one person of the
  // article ends with those words.
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (node.words.size() < 2 || node.linked || (node.typed && node.type != EntityType::Person) ||
        !name_context::is_particle_ignoring_case(node.words[0]))
      continue;
    const auto ends_with_surname = [&](const Node& p) {
      if (p.words.size() <= node.words.size()) return false;
      const size_t offset = p.words.size() - node.words.size();
      for (size_t w = 0; w < node.words.size(); ++w) {
        if (to_lower_ascii(p.words[offset + w]) != to_lower_ascii(node.words[w])) return false;
      }
      return true;
    };
    int match = -1, count = 0;
    for (uint32_t d : node.docs) {
      for (size_t p : lookup(people_in_doc, d)) {
        if (p == n || nodes[p].linked || !ends_with_surname(nodes[p]) || p == size_t(match))
          continue;
        match = static_cast<int>(p);
        ++count;
      }
    }
    if (count == 1) merge(n, static_cast<size_t>(match), "surname", 0.85);
  }

  // ---- A product's last word alone: "Atlantis" after "Space Shuttle Atlantis", "Chrome" after
  // "Google Chrome", where exactly one product of the article ends with it and every article
  // using the word names that product (a place list's "Atlantis" or "Columbia" included).
  std::unordered_map<std::string_view, std::vector<size_t>> by_last_word;
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (node.typed && node.type == EntityType::Product && node.words.size() >= 2)
      by_last_word[node.words.back()].push_back(n);
  }
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (node.words.size() != 1 || node.linked || node.key[0] == '@' ||
        (node.typed && node.type == EntityType::Person))
      continue;
    const int match = only_one_in_article(lookup(by_last_word, node.words[0]), node);
    if (match < 0) continue;
    const Node& product = nodes[static_cast<size_t>(match)];
    if (std::includes(product.docs.begin(), product.docs.end(), node.docs.begin(), node.docs.end()))
      merge(n, static_cast<size_t>(match), "short-name", 0.7);
  }

  // ---- Initials: "J. Smith" is John Smith when exactly one person fits.
  for (size_t n : people) {
    const Node& node = nodes[n];
    const std::string_view first = node.words.front();
    if (node.words.size() != 2 || first.size() != 2 || first[1] != '.') continue;
    int match = -1, count = 0;
    for (size_t p : lookup(by_surname, node.words.back())) {
      if (p == n || nodes[p].words.front().size() < 2 || nodes[p].words.front()[0] != first[0])
        continue;
      match = static_cast<int>(p);
      ++count;
    }
    if (count == 1) merge(n, static_cast<size_t>(match), "initials", 0.8);
  }

  // ---- Handles: @soumithchintala is the person whose name spells it.
  for (size_t n = 0; n < nodes.size(); ++n) {
    if (nodes[n].key.empty() || nodes[n].key[0] != '@') continue;
    const std::string handle = letters_lower(nodes[n].key.substr(1));
    int match = -1, count = 0;
    for (size_t p : people) {
      std::string full, first_initial_last;
      for (std::string_view w : nodes[p].words) full += letters_lower(w);
      first_initial_last =
          letters_lower(nodes[p].words.front()).substr(0, 1) + letters_lower(nodes[p].words.back());
      if (handle == full || handle == first_initial_last) {
        match = static_cast<int>(p);
        ++count;
      }
    }
    if (count == 1) merge(n, static_cast<size_t>(match), "handle", 0.9);
  }

  // ---- Acronyms next to their expansion: "Fundamental AI Research (FAIR)", "FAIR (Fundamental
  // AI Research)".
  for (size_t c = 0; c + 1 < candidates.size(); ++c) {
    const EntityCandidate& a = candidates[c];
    const EntityCandidate& b = candidates[c + 1];
    if (a.doc != b.doc) continue;
    const std::string_view text = views[a.doc].text;
    const std::string_view between = text.substr(a.end, b.start - a.end);
    if (between != " (" && between != "(") continue;
    if (b.end >= text.size() || text[b.end] != ')') continue;
    const size_t na = candidate_node[c], nb = candidate_node[c + 1];
    const Node& long_form = nodes[na].words.size() > 1 ? nodes[na] : nodes[nb];
    const Node& short_form = nodes[na].words.size() > 1 ? nodes[nb] : nodes[na];
    if (short_form.words.size() != 1 || !is_acronym(short_form.key)) continue;
    if (initials(long_form.words) != short_form.key) continue;
    const size_t short_node = &short_form == &nodes[na] ? na : nb;
    const size_t long_node = short_node == na ? nb : na;
    merge(short_node, long_node, "acronym", 0.95);
  }

  // ---- An acronym in an article that names exactly one organisation or place with its
  // initials, brackets or not: "USI" and "the University of Southern Indiana", "KSC" and
  // "Kennedy Space Center", "U.N." and "the United Nations".
  std::unordered_map<std::string, std::vector<size_t>> by_initials;
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (node.typed && node.type != EntityType::Person && node.words.size() >= 2)
      by_initials[initials(node.words)].push_back(n);
  }
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    // A country's code is the country's ("US" by "the University of Sheffield").
    if (node.words.size() != 1 || node.linked || (node.typed && node.type == EntityType::Person) ||
        lex.is_country(node.key))
      continue;
    const std::string letters = acronym_letters(node.key);
    if (letters.empty()) continue;
    const int match = only_one_in_article(lookup(by_initials, letters), node);
    if (match >= 0) merge(n, static_cast<size_t>(match), "acronym", 0.8);
  }

  // ---- A country's forms are one place: "U.S.", "US", "USA" and "the United States" (the
  // lexicon's country names), in any article.
  std::unordered_map<std::string_view, size_t> country_node;
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (!node.typed || node.type == EntityType::Person) continue;
    const std::string_view name = lex.country_name(node.key);
    if (name.empty()) continue;
    const auto [it, added] = country_node.try_emplace(name, n);
    // The same form in another article is left to the pass for lone words below.
    if (!added && nodes[it->second].key != node.key) merge(n, it->second, "country-name", 0.9);
  }

  // ---- Short and long organisation names: "Thinking Machines" and "Thinking Machines Lab".
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  for (size_t n = 0; n < nodes.size(); ++n) by_key[nodes[n].key].push_back(n);
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (!node.typed || node.type != EntityType::Org || node.words.size() < 2) continue;
    for (size_t k = node.words.size() - 1; k >= 1; --k) {
      bool rest_generic = true;
      for (size_t w = k; w < node.words.size(); ++w) {
        if (!is_name_suffix_word(node.words[w]) && !lex.is_org_suffix(node.words[w]))
          rest_generic = false;
      }
      if (!rest_generic) break;
      const std::string prefix(
          node.key.substr(0, static_cast<size_t>(node.words[k - 1].data() - node.key.data()) +
                                 node.words[k - 1].size()));
      if (auto it = by_key.find(prefix); it != by_key.end()) {
        // The short form joins unless firmly typed as something else ("Thinking Machines"
        // looks like a person's name, weakly).
        for (size_t s : it->second) {
          if (!nodes[s].typed || nodes[s].type == EntityType::Org || nodes[s].confidence < 0.7f)
            merge(s, n, "short-name", 0.85);
        }
      }
    }
  }

  // ---- "The Church" after "the Church of Scientology", "the University" after "the University
  // of Southern Indiana", "the Supreme Court" after "the Supreme Court of Cassation": an
  // organisation's or place's head, the words before its "of", alone, where one such name
  // shares its article.
  std::unordered_map<std::string_view, std::vector<size_t>> by_head;
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (!node.typed || node.type == EntityType::Person) continue;
    const auto of = std::find(node.words.begin(), node.words.end(), "of");
    if (of == node.words.begin() || of == node.words.end() || of + 1 == node.words.end()) continue;
    const std::string_view last = *(of - 1);
    by_head[std::string_view(node.key).substr(
                0, static_cast<size_t>(last.data() + last.size() - node.key.data()))]
        .push_back(n);
  }
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (node.linked || std::find(node.words.begin(), node.words.end(), "of") != node.words.end() ||
        (node.typed && node.type == EntityType::Person && node.confidence >= 0.7f))
      continue;
    const int match = only_one_in_article(lookup(by_head, std::string_view(node.key)), node);
    if (match >= 0) merge(n, static_cast<size_t>(match), "short-name", 0.7);
  }

  // ---- The same lone word in several documents, unresolved in each, is one name: the
  // corpus-wide node of that form if there is one ("Meta" typed by "leaves Meta" elsewhere),
  // else the first document's.
  for (auto& [key, list] : by_key) {
    size_t target = nodes.size();
    for (size_t n : list) {
      if (nodes[n].doc < 0) target = n;
    }
    for (size_t n : list) {
      if (nodes[n].linked || nodes[n].doc < 0 || n == target) continue;
      if (target == nodes.size()) {
        target = n;
      } else {
        groups.unite(n, target);
      }
    }
  }

  // ---- Entities: one per group that has a typed member or enough support.
  std::map<size_t, std::vector<size_t>> members;
  for (size_t n = 0; n < nodes.size(); ++n) members[groups.find(n)].push_back(n);

  std::vector<Entity> entities;
  for (auto& [root, list] : members) {
    const Node* best = nullptr;
    size_t mention_count = 0;
    for (size_t n : list) {
      const Node& node = nodes[n];
      mention_count += node.candidates.size();
      const auto rank = [](const Node& x) {
        return std::make_tuple(x.typed, x.words.size() > 1, x.confidence, x.candidates.size());
      };
      if (best == nullptr || rank(node) > rank(*best)) best = &node;
    }
    // The entity's type: a person's full name's, or a full name's typed by strong evidence (a
    // ship's prefix: "Space Shuttle Atlantis" types "Atlantis", though a listed place), else the
    // type its typed mentions vote for across every form and article ("leaves Meta" and "at
    // Meta" outvote one "in Meta").
    EntityType type = best->type;
    const bool full_name_types = best->typed && best->words.size() > 1 &&
                                 (best->type == EntityType::Person || best->confidence >= 0.9f);
    if (!full_name_types) {
      std::array<float, 8> votes{};
      for (size_t n : list) {
        for (size_t t = 0; t < votes.size(); ++t) votes[t] += nodes[n].votes[t];
      }
      const auto top = std::max_element(votes.begin(), votes.end());
      if (*top > 0.0f) type = static_cast<EntityType>(top - votes.begin());
    }
    bool keep = best->typed;
    if (!keep && best->words.size() == 1) {
      // A lone word with no evidence names someone only as a first name on its own
      // ("Guido", "Linus"). Capitalised words the lexicons and contexts do not explain
      // ("Hajj", "Zeitgeist") are left out: measured on GUM, keeping them as organisations cost
      // more precision than it gained recall.
      const std::string_view word = best->words[0];
      const bool plural = word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's';
      if (!plural && lex.is_first_name(word) && !lex.is_ambiguous_first_name(word)) {
        type = EntityType::Person;
        keep = true;
      }
    } else if (!keep) {
      keep = mention_count >= 1;
    }
    if (!keep) continue;

    Entity entity;
    entity.type = type;
    // The canonical name: a country's common name ("North Korea", not "DPRK"), else a form the
    // story writes (not only a dateline's capitals, "ROME"), else the longest typed form, then
    // the most frequent, then the earliest.
    const Node* name_node = best;
    for (size_t n : list) {
      const Node& node = nodes[n];
      if (node.key[0] == '@') continue;
      const auto rank = [&](const Node& x) {
        const bool dateline_only =
            std::all_of(x.candidates.begin(), x.candidates.end(),
                        [&](size_t c) { return (candidates[c].evidence & kDateline) != 0; });
        return std::make_tuple(lex.country_name(x.key) == x.key, !dateline_only,
                               x.typed && x.type == type, x.words.size(), x.candidates.size());
      };
      if (name_node->key[0] == '@' || rank(node) > rank(*name_node)) name_node = &node;
    }
    entity.name = name_node->key;
    for (size_t n : list) {
      for (size_t c : nodes[n].candidates) {
        const EntityCandidate& cand = candidates[c];
        entity.mentions.push_back({cand.doc, cand.start, cand.end});
      }
      if (nodes[n].key != entity.name) entity.aliases.push_back(nodes[n].key);
    }
    std::sort(entity.mentions.begin(), entity.mentions.end(),
              [](const DocSpan& a, const DocSpan& b) {
                return std::tie(a.doc, a.start, a.end) < std::tie(b.doc, b.start, b.end);
              });
    entity.mentions.erase(std::unique(entity.mentions.begin(), entity.mentions.end()),
                          entity.mentions.end());
    std::sort(entity.aliases.begin(), entity.aliases.end());
    entity.aliases.erase(std::unique(entity.aliases.begin(), entity.aliases.end()),
                         entity.aliases.end());
    for (const MergeRecord& m : merges) {
      if (groups.find(m.node) != root) continue;
      // One record per alias and rule: the first evidence of it.
      if (std::any_of(entity.merges.begin(), entity.merges.end(), [&](const AliasMerge& x) {
            return x.alias == nodes[m.node].key && x.rule == m.rule;
          }))
        continue;
      const EntityCandidate& cand = candidates[nodes[m.node].candidates.front()];
      entity.merges.push_back(
          {nodes[m.node].key, m.rule, {cand.doc, cand.start, cand.end}, m.confidence});
    }
    entities.push_back(std::move(entity));
  }

  // Ids in order of first appearance.
  std::sort(entities.begin(), entities.end(), [](const Entity& a, const Entity& b) {
    return std::tie(a.mentions.front().doc, a.mentions.front().start, a.name) <
           std::tie(b.mentions.front().doc, b.mentions.front().start, b.name);
  });
  for (size_t i = 0; i < entities.size(); ++i) entities[i].id = "e" + std::to_string(i);
  return entities;
}

}  // namespace dramatis
