#include "core/view/apply_edits.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace dramatis {
namespace {

bool span_less(const DocSpan& a, const DocSpan& b) {
  return std::tie(a.doc, a.start, a.end) < std::tie(b.doc, b.start, b.end);
}

void sort_unique(std::vector<DocSpan>& spans) {
  std::sort(spans.begin(), spans.end(), span_less);
  spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
}

void sort_unique(std::vector<std::string>& strings) {
  std::sort(strings.begin(), strings.end());
  strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
}

bool contains(const DocSpan& outer, const DocSpan& inner) {
  return outer.doc == inner.doc && inner.start >= outer.start && inner.end <= outer.end;
}

bool any_within(const std::vector<DocSpan>& mentions, const DocSpan& span) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const DocSpan& m) { return contains(span, m); });
}

// Bytes between two spans of one document (0 when they overlap).
size_t gap(const DocSpan& a, const DocSpan& b) {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

// The text of a mention: the document bytes at its span ("" when it lies outside the corpus).
std::string_view mention_text(const Corpus& corpus, const DocSpan& span) {
  if (span.doc >= corpus.documents.size()) return {};
  const std::string& bytes = corpus.documents[span.doc].bytes;
  if (span.end > bytes.size() || span.start > span.end) return {};
  return std::string_view(bytes).substr(span.start, span.end - span.start);
}

// Drops self-relations, orders co-occurrence pairs (source < target, as the pipeline does) and
// merges relations with the same (source, target, type). Sorted like find_relations' output.
std::vector<Relation> normalise_relations(std::vector<Relation> relations) {
  std::map<std::tuple<int, int, std::string>, Relation> merged;
  for (Relation& r : relations) {
    if (r.source < 0 || r.target < 0 || r.source == r.target) continue;
    if (r.type == "co-occurs" && r.source > r.target) std::swap(r.source, r.target);
    auto [it, fresh] = merged.try_emplace({r.source, r.target, r.type}, r);
    if (fresh) continue;
    it->second.weight += r.weight;
    it->second.evidence.insert(it->second.evidence.end(), r.evidence.begin(), r.evidence.end());
  }
  std::vector<Relation> out;
  out.reserve(merged.size());
  for (auto& [key, r] : merged) {
    sort_unique(r.evidence);
    out.push_back(std::move(r));
  }
  return out;
}

// Applies an entity index map (old -> new, -1: none) to everything that points at entities.
void remap_entities(Analysis& a, const std::vector<int>& map) {
  const auto at = [&](int i) { return i < 0 ? -1 : map[static_cast<size_t>(i)]; };
  for (Quote& q : a.quotes) q.speaker = at(q.speaker);
  for (Event& e : a.events) {
    e.subject = at(e.subject);
    std::vector<int> objects;
    for (const int o : e.objects) {
      const int n = at(o);
      if (n >= 0 && n != e.subject && std::find(objects.begin(), objects.end(), n) == objects.end())
        objects.push_back(n);
    }
    e.objects = std::move(objects);
  }
  for (Relation& r : a.relations) {
    r.source = at(r.source);
    r.target = at(r.target);
  }
  a.relations = normalise_relations(std::move(a.relations));
}

void absorb(Entity& into, Entity& from) {
  AliasMerge record;
  record.alias = from.name;
  record.rule = "user";
  if (!from.mentions.empty()) record.evidence = from.mentions.front();
  record.confidence = 1.0;
  into.mentions.insert(into.mentions.end(), from.mentions.begin(), from.mentions.end());
  sort_unique(into.mentions);
  into.aliases.push_back(from.name);
  into.aliases.insert(into.aliases.end(), from.aliases.begin(), from.aliases.end());
  std::erase(into.aliases, into.name);
  sort_unique(into.aliases);
  into.merges.insert(into.merges.end(), from.merges.begin(), from.merges.end());
  into.merges.push_back(std::move(record));
  from.mentions.clear();
  from.aliases.clear();
  from.merges.clear();
}

std::map<std::string, int> index_by_id(const Analysis& a) {
  std::map<std::string, int> by_id;
  for (size_t i = 0; i < a.entities.size(); ++i) by_id[a.entities[i].id] = static_cast<int>(i);
  return by_id;
}

// Step 1. Returns, for each id a merge took away, the id of the entity it ended in.
std::map<std::string, std::string> apply_merges(Analysis& a, const std::vector<EntityMerge>& merges,
                                                std::vector<std::string>& warnings) {
  const std::map<std::string, int> by_id = index_by_id(a);
  std::vector<int> parent(a.entities.size(), -1);
  const auto root = [&](int i) {
    while (parent[static_cast<size_t>(i)] >= 0) i = parent[static_cast<size_t>(i)];
    return i;
  };
  for (const EntityMerge& m : merges) {
    const auto from = by_id.find(m.from);
    const auto into = by_id.find(m.into);
    const std::string what = "merge " + m.from + " into " + m.into + ": ";
    if (from == by_id.end() || into == by_id.end()) {
      warnings.push_back(what + "no entity " + (from == by_id.end() ? m.from : m.into) +
                         "; skipped");
      continue;
    }
    const int f = root(from->second);
    const int t = root(into->second);
    if (f == t) {
      warnings.push_back(what + "already one entity; skipped");
      continue;
    }
    absorb(a.entities[static_cast<size_t>(t)], a.entities[static_cast<size_t>(f)]);
    parent[static_cast<size_t>(f)] = t;
  }
  // Compact: survivors keep their order; a merged entity maps to its root's new index.
  std::vector<std::string> ids;
  for (const Entity& e : a.entities) ids.push_back(e.id);
  std::vector<int> map(a.entities.size(), -1);
  std::vector<Entity> kept;
  for (size_t i = 0; i < a.entities.size(); ++i) {
    if (parent[i] >= 0) continue;
    map[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(a.entities[i]));
  }
  std::map<std::string, std::string> gone;
  for (size_t i = 0; i < map.size(); ++i) {
    if (parent[i] < 0) continue;
    map[i] = map[static_cast<size_t>(root(static_cast<int>(i)))];
    gone[ids[i]] = kept[static_cast<size_t>(map[i])].id;
  }
  a.entities = std::move(kept);
  remap_entities(a, map);
  return gone;
}

// Step 2, one split. The new entity is appended at index `added`.
void split_one(const Corpus& corpus, Analysis& a, int original, const std::string& alias,
               const std::string& new_id) {
  Entity& orig = a.entities[static_cast<size_t>(original)];
  Entity added_entity;
  added_entity.id = new_id;
  added_entity.name = alias;
  added_entity.type = orig.type;
  std::vector<DocSpan> kept;
  for (const DocSpan& m : orig.mentions)
    (mention_text(corpus, m) == alias ? added_entity.mentions : kept).push_back(m);
  orig.mentions = std::move(kept);
  std::erase(orig.aliases, alias);
  std::erase_if(orig.merges, [&](const AliasMerge& r) { return r.alias == alias; });
  const int added = static_cast<int>(a.entities.size());
  const std::vector<DocSpan>& stay = orig.mentions;
  const std::vector<DocSpan>& moved = added_entity.mentions;
  // A span goes to the new entity when it holds one of its mentions and none of the original's.
  const auto moves = [&](const DocSpan& span) {
    return any_within(moved, span) && !any_within(stay, span);
  };

  std::vector<Relation> split_off;
  for (Relation& r : a.relations) {
    if (r.source != original && r.target != original) continue;
    std::vector<DocSpan> remaining, taken;
    for (const DocSpan& e : r.evidence) (moves(e) ? taken : remaining).push_back(e);
    if (taken.empty()) continue;
    const double per_span =
        r.evidence.empty() ? 0.0 : r.weight / static_cast<double>(r.evidence.size());
    Relation copy = r;
    if (copy.source == original) copy.source = added;
    if (copy.target == original) copy.target = added;
    copy.evidence = std::move(taken);
    copy.weight = per_span * static_cast<double>(copy.evidence.size());
    r.evidence = std::move(remaining);
    r.weight = per_span * static_cast<double>(r.evidence.size());
    split_off.push_back(std::move(copy));
  }
  std::erase_if(a.relations, [](const Relation& r) { return r.evidence.empty(); });
  a.relations.insert(a.relations.end(), split_off.begin(), split_off.end());
  a.relations = normalise_relations(std::move(a.relations));

  for (Event& e : a.events) {
    if (!moves(e.span)) continue;
    if (e.subject == original) e.subject = added;
    for (int& o : e.objects)
      if (o == original) o = added;
  }
  for (Quote& q : a.quotes) {
    if (q.speaker != original) continue;
    const DocSpan anchor = q.cue_span.end > q.cue_span.start ? q.cue_span : q.span;
    size_t best_stay = SIZE_MAX, best_moved = SIZE_MAX;
    for (const DocSpan& m : stay)
      if (m.doc == anchor.doc) best_stay = std::min(best_stay, gap(m, anchor));
    for (const DocSpan& m : moved)
      if (m.doc == anchor.doc) best_moved = std::min(best_moved, gap(m, anchor));
    if (best_moved < best_stay) q.speaker = added;  // ties stay with the original
  }
  a.entities.push_back(std::move(added_entity));
}

void apply_splits(const Corpus& corpus, Analysis& a, const std::vector<EntitySplit>& splits,
                  const std::map<std::string, std::string>& gone,
                  std::vector<std::string>& warnings) {
  for (const EntitySplit& s : splits) {
    const std::string what = "split '" + s.alias + "' out of " + s.entity + ": ";
    std::string id = s.entity;
    if (const auto g = gone.find(id); g != gone.end()) id = g->second;
    const std::map<std::string, int> by_id = index_by_id(a);
    const auto found = by_id.find(id);
    if (found == by_id.end()) {
      warnings.push_back(what + "no entity " + s.entity + "; skipped");
      continue;
    }
    const Entity& orig = a.entities[static_cast<size_t>(found->second)];
    if (s.alias.empty() || s.alias == orig.name) {
      warnings.push_back(what + "the alias must be another form than the entity's name; skipped");
      continue;
    }
    const std::string new_id = split_entity_id(id, s.alias);
    if (by_id.count(new_id) != 0) {
      warnings.push_back(what + new_id + " exists already; skipped");
      continue;
    }
    size_t matching = 0;
    for (const DocSpan& m : orig.mentions)
      if (mention_text(corpus, m) == s.alias) ++matching;
    if (matching == 0) {
      warnings.push_back(what + "no mention of " + id + " reads '" + s.alias + "'; skipped");
      continue;
    }
    if (matching == orig.mentions.size()) {
      warnings.push_back(what + "every mention of " + id + " reads '" + s.alias +
                         "', nothing would be left; skipped");
      continue;
    }
    split_one(corpus, a, found->second, s.alias, new_id);
  }
}

void apply_renames(Analysis& a, const std::map<std::string, std::string>& renames,
                   const std::map<std::string, std::string>& gone,
                   std::vector<std::string>& warnings) {
  const std::map<std::string, int> by_id = index_by_id(a);
  for (const auto& [id, name] : renames) {
    const auto found = by_id.find(id);
    if (found == by_id.end()) {
      const auto g = gone.find(id);
      warnings.push_back("rename " + id + " to '" + name + "': no entity " + id +
                         (g != gone.end() ? " (merged into " + g->second + ")" : "") + "; skipped");
      continue;
    }
    if (name.empty()) {
      warnings.push_back("rename " + id + ": the new name is empty; skipped");
      continue;
    }
    Entity& e = a.entities[static_cast<size_t>(found->second)];
    if (e.name == name) continue;
    e.aliases.push_back(e.name);
    std::erase(e.aliases, name);
    e.name = name;
    sort_unique(e.aliases);
  }
}

void check_ids(const Analysis& a, const std::map<std::string, std::string>& gone,
               const UserEdits& edits, std::vector<std::string>& warnings) {
  const std::map<std::string, int> by_id = index_by_id(a);
  const auto check = [&](const char* what, const std::string& id) {
    if (by_id.count(id) != 0) return;
    const auto g = gone.find(id);
    warnings.push_back(std::string(what) + " " + id + ": no entity " + id +
                       (g != gone.end() ? " (merged into " + g->second + ")" : "") + "; skipped");
  };
  for (const std::string& id : edits.hidden) check("hide", id);
  for (const auto& [id, pin] : edits.pins) check("pin", id);
  for (const auto& [id, note] : edits.notes) check("note on", id);
}

}  // namespace

std::string split_entity_id(std::string_view entity, std::string_view alias) {
  std::string id(entity);
  id += '/';
  id += alias;
  return id;
}

Analysis apply_user_edits(const Corpus& corpus, const Analysis& analysis, const UserEdits& edits,
                          std::vector<std::string>& warnings) {
  Analysis a = analysis;
  const std::map<std::string, std::string> gone = apply_merges(a, edits.merges, warnings);
  apply_splits(corpus, a, edits.splits, gone, warnings);
  apply_renames(a, edits.renames, gone, warnings);
  check_ids(a, gone, edits, warnings);
  return a;
}

std::vector<uint32_t> hidden_entity_indices(const Analysis& edited, const UserEdits& edits) {
  std::vector<uint32_t> hidden;
  for (size_t i = 0; i < edited.entities.size(); ++i)
    if (edits.hidden.count(edited.entities[i].id) != 0) hidden.push_back(static_cast<uint32_t>(i));
  return hidden;
}

}  // namespace dramatis
