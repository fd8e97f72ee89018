#include "core/nlp/relations.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/nlp/text_case.h"
#include "core/text/ascii.h"

namespace dramatis {
namespace {

// Sentences naming more entities than this (lists, link blocks) add edges for the first ones
// only, keeping the number of pairs per sentence bounded.
constexpr size_t kMaxEntitiesPerSentence = 12;
constexpr size_t kMaxMentionsPerSentence = 2 * kMaxEntitiesPerSentence;
// Tokens a typed pattern may span between a person and an organisation.
constexpr size_t kPatternWindow = 10;

struct Key {
  int source;
  int target;
  std::string_view type;  // a string literal; ordered as the text it names
  bool operator<(const Key& o) const {
    return std::tie(source, target, type) < std::tie(o.source, o.target, o.type);
  }
};

// The typed relation a word between a person and an organisation signals, if any.
const char* relation_cue(std::string_view word) {
  // Lower-cased into a small buffer: no cue is longer than 11 bytes, and this is asked of every
  // token between a person and an organisation.
  if (word.size() > 11) return nullptr;
  char buffer[11];
  for (size_t k = 0; k < word.size(); ++k) buffer[k] = text::ascii_lower(word[k]);
  const std::string_view w(buffer, word.size());
  if (w == "join" || w == "joins" || w == "joined" || w == "joining") return "joined";
  if (w == "leave" || w == "leaves" || w == "left" || w == "leaving" || w == "depart" ||
      w == "departs" || w == "departed" || w == "quit" || w == "quits" || w == "exit" ||
      w == "exits")
    return "left";
  if (w == "founded" || w == "co-founded" || w == "cofounded" || w == "founder" ||
      w == "co-founder" || w == "cofounder" || w == "established" || w == "created" ||
      w == "creator" || w == "co-creator")
    return "founded";
  if (w == "lead" || w == "leads" || w == "led" || w == "leader" || w == "head" || w == "heads" ||
      w == "ceo" || w == "cto" || w == "chief" || w == "director" || w == "president" ||
      w == "chairman")
    return "leads";
  if (w == "at" || w == "works" || w == "worked" || w == "employee" || w == "engineer" ||
      w == "researcher" || w == "scientist")
    return "works_at";
  return nullptr;
}

bool agent_type(EntityType t) {
  return t == EntityType::Person;
}
bool target_type(EntityType t) {
  return t == EntityType::Org || t == EntityType::Product;
}

}  // namespace

std::vector<Relation> find_relations(const std::vector<DocumentView>& views,
                                     const std::vector<std::vector<MentionRef>>& mentions,
                                     const std::vector<Quote>& quotes) {
  std::map<Key, Relation> found;
  const auto add = [&](int source, int target, const char* type, double weight, DocSpan evidence) {
    const auto [it, inserted] = found.try_emplace(Key{source, target, type});
    Relation& r = it->second;
    if (inserted) {
      r.source = source;
      r.target = target;
      r.type = type;
    }
    r.weight += weight;
    if (r.evidence.empty() || !(r.evidence.back() == evidence)) r.evidence.push_back(evidence);
  };

  // Reused from sentence to sentence.
  std::vector<MentionRef> in_sentence;
  std::vector<int> distinct;
  for (const DocumentView& v : views) {
    const std::vector<MentionRef>& refs = mentions[v.doc];
    size_t m = 0;
    for (const text::Sentence& sentence : v.sentences) {
      while (m < refs.size() && refs[m].start < sentence.start) ++m;
      if (sentence.first_token < v.tokens.size() && v.token_boilerplate[sentence.first_token])
        continue;
      // The sentence's mentions, in order, dates left out (they go to the timeline).
      in_sentence.clear();
      for (size_t k = m; k < refs.size() && refs[k].start < sentence.end; ++k) {
        if (refs[k].type != EntityType::Date && in_sentence.size() < kMaxMentionsPerSentence)
          in_sentence.push_back(refs[k]);
      }
      const DocSpan evidence{v.doc, sentence.start, sentence.end};
      distinct.clear();
      for (const MentionRef& ref : in_sentence) {
        if (std::find(distinct.begin(), distinct.end(), ref.entity) == distinct.end() &&
            distinct.size() < kMaxEntitiesPerSentence)
          distinct.push_back(ref.entity);
      }
      for (size_t a = 0; a < distinct.size(); ++a) {
        for (size_t b = a + 1; b < distinct.size(); ++b) {
          add(std::min(distinct[a], distinct[b]), std::max(distinct[a], distinct[b]), "co-occurs",
              1.0, evidence);
        }
      }
      // Typed: "<person> ... <cue> ... <organisation>" with the cue between them, or
      // "<organisation>, founded by <person>".
      for (size_t a = 0; a < in_sentence.size(); ++a) {
        for (size_t b = a + 1; b < in_sentence.size(); ++b) {
          const MentionRef& first = in_sentence[a];
          const MentionRef& second = in_sentence[b];
          const bool person_first = agent_type(first.type) && target_type(second.type);
          const bool org_first = target_type(first.type) && agent_type(second.type);
          if (!person_first && !org_first) continue;
          const auto lo =
              std::lower_bound(v.tokens.begin(), v.tokens.end(), first.end,
                               [](const text::Token& t, uint32_t o) { return t.start < o; });
          const auto hi =
              std::lower_bound(v.tokens.begin(), v.tokens.end(), second.start,
                               [](const text::Token& t, uint32_t o) { return t.start < o; });
          if (hi - lo > static_cast<long>(kPatternWindow)) continue;
          const char* type = nullptr;
          bool by = false;
          // The cue nearest the second name decides: "leaves Meta to join Thinking Machines Lab"
          // joins the lab and leaves Meta.
          for (auto t = lo; t != hi; ++t) {
            const std::string_view word = t->text(v.text);
            if (text::equals_lower(word, "by")) by = true;
            if (const char* cue = relation_cue(word); cue != nullptr) type = cue;
          }
          if (type == nullptr) continue;
          // Working somewhere needs an organisation; products are led or created, not joined.
          const EntityType target = person_first ? second.type : first.type;
          if (target != EntityType::Org && std::string_view(type) != "leads" &&
              std::string_view(type) != "founded")
            continue;
          if (person_first) add(first.entity, second.entity, type, 1.0, evidence);
          if (org_first && by) add(second.entity, first.entity, type, 1.0, evidence);
        }
      }
    }
  }
  // A speaker says something about each entity the quote names.
  for (const Quote& q : quotes) {
    if (q.speaker < 0) continue;
    // Mentions are sorted by start: only those from the quote's start up to its end can lie
    // inside it, so a long document's many quotes do not each scan all its mentions.
    const std::vector<MentionRef>& refs = mentions[q.span.doc];
    auto it = std::lower_bound(refs.begin(), refs.end(), q.span.start,
                               [](const MentionRef& r, size_t start) { return r.start < start; });
    for (; it != refs.end() && it->start <= q.span.end; ++it) {
      const MentionRef& ref = *it;
      if (ref.end > q.span.end || ref.entity == q.speaker || ref.type == EntityType::Date) continue;
      add(q.speaker, ref.entity, "said_about", 1.0, q.span);
    }
  }
  std::vector<Relation> relations;
  relations.reserve(found.size());
  for (auto& [key, relation] : found) relations.push_back(std::move(relation));
  return relations;
}

}  // namespace dramatis
