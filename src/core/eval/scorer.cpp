// Sections: [ratios] [entities] [quotes and speakers] [aliases] [reading analysis JSON] [output]
#include "core/eval/scorer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <tuple>

namespace dramatis::eval {
namespace {

using nlohmann::json;

std::optional<double> ratio(size_t numerator, size_t denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

size_t pairs_of(size_t n) {
  return n * (n - (n > 0 ? 1 : 0)) / 2;
}

}  // namespace

// [ratios] ---------------------------------------------------------------------------------------

std::optional<double> Prf::precision() const {
  return ratio(correct, predicted);
}
std::optional<double> Prf::recall() const {
  return ratio(correct, gold);
}
std::optional<double> Prf::f1() const {
  return ratio(2 * correct, gold + predicted);
}

Prf& Prf::operator+=(const Prf& other) {
  gold += other.gold;
  predicted += other.predicted;
  correct += other.correct;
  return *this;
}

std::optional<double> QuoteScores::speaker_accuracy() const {
  return ratio(speaker_correct, speaker_annotated);
}

std::optional<double> QuoteScores::unknown_rate() const {
  return ratio(speaker_unknown, speaker_named);
}

namespace {

// [entities] -------------------------------------------------------------------------------------

using TypedSpan = std::tuple<uint32_t, size_t, size_t, EntityType>;  // doc, start, end, type

// Leaves out the spans that lie inside a longer span of the same document, whatever its type:
// what a flat, outer-names-only gold ("nesting": "outer") would not mark either way.
std::set<TypedSpan> outermost(const std::set<TypedSpan>& spans) {
  std::vector<TypedSpan> by_start(spans.begin(), spans.end());
  // Within a document by start, the longer span first, so that each span is compared with the
  // furthest end reached by those starting at or before it.
  std::sort(by_start.begin(), by_start.end(), [](const TypedSpan& a, const TypedSpan& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    return std::get<2>(a) > std::get<2>(b);
  });
  std::set<TypedSpan> kept;
  uint32_t doc = UINT32_MAX;
  size_t start = 0, furthest_end = 0;
  for (const TypedSpan& s : by_start) {
    const auto& [d, b, e, type] = s;
    if (d != doc) {
      doc = d;
      furthest_end = 0;
    }
    // The same span with another type is not inside a longer one: both stay.
    const bool same_as_outer = b == start && e == furthest_end;
    if (e <= furthest_end && !same_as_outer) continue;
    if (e > furthest_end) {
      start = b;
      furthest_end = e;
    }
    kept.insert(s);
  }
  return kept;
}

EntityScores score_entities(const GoldSet& gold, const Analysis& analysis,
                            const ScoreOptions& options) {
  std::set<TypedSpan> gold_spans;
  for (uint32_t d = 0; d < gold.documents.size(); ++d) {
    for (const GoldEntity& e : gold.documents[d].entities)
      gold_spans.insert({d, e.start, e.end, e.type});
  }
  std::set<TypedSpan> predicted_spans;
  for (const Entity& e : analysis.entities) {
    for (const DocSpan& m : e.mentions) predicted_spans.insert({m.doc, m.start, m.end, e.type});
  }
  if (gold.outer_names_only) predicted_spans = outermost(predicted_spans);
  EntityScores scores;
  scores.selected = options.types;
  for (EntityType t : options.types) scores.by_type[t];
  for (const TypedSpan& s : gold_spans) {
    Prf& prf = scores.by_type[std::get<3>(s)];
    ++prf.gold;
    if (predicted_spans.count(s)) ++prf.correct;
  }
  for (const TypedSpan& s : predicted_spans) ++scores.by_type[std::get<3>(s)].predicted;
  for (const auto& [type, prf] : scores.by_type) {
    scores.micro_all += prf;
    if (std::find(options.types.begin(), options.types.end(), type) != options.types.end())
      scores.micro += prf;
  }
  return scores;
}

// [quotes and speakers] --------------------------------------------------------------------------

std::string normalize_name(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  // "The Straits Times" and "Straits Times" are one name: the article is not part of it.
  if (out.size() > 4 && out.compare(0, 4, "the ") == 0) out.erase(0, 4);
  return out;
}

bool single_word(const std::string& name) {
  return name.find(' ') == std::string::npos;
}

std::string last_word(const std::string& name) {
  const size_t space = name.rfind(' ');
  return space == std::string::npos ? name : name.substr(space + 1);
}

// Each predicted quote span once (the first quote with that span), per document.
struct SpanRef {
  size_t start = 0;
  size_t end = 0;
  size_t index = 0;  // into the gold document's quotes or Analysis::quotes
};

size_t overlap(const SpanRef& a, const SpanRef& b) {
  const size_t start = std::max(a.start, b.start);
  const size_t end = std::min(a.end, b.end);
  return end > start ? end - start : 0;
}

std::vector<SpanRef> unique_spans(std::vector<SpanRef> spans) {
  std::stable_sort(spans.begin(), spans.end(), [](const SpanRef& a, const SpanRef& b) {
    return std::tie(a.start, a.end) < std::tie(b.start, b.end);
  });
  spans.erase(std::unique(spans.begin(), spans.end(),
                          [](const SpanRef& a, const SpanRef& b) {
                            return a.start == b.start && a.end == b.end;
                          }),
              spans.end());
  return spans;
}

std::vector<std::string> context_names(const GoldDocument& doc) {
  std::vector<std::string> names;
  for (const GoldQuote& q : doc.quotes) {
    if (q.speaker) names.push_back(*q.speaker);
  }
  for (const GoldEntity& e : doc.entities) {
    if (!e.entity.empty() && e.type == EntityType::Person) names.push_back(e.entity);
  }
  return names;
}

// Pairs (gold, predicted) overlapping by at least half of the shorter span, matched greedily one
// to one by decreasing overlap (ties: gold order, then predicted order).
std::vector<std::pair<size_t, size_t>> match_by_overlap(const std::vector<SpanRef>& gold,
                                                        const std::vector<SpanRef>& predicted) {
  struct Candidate {
    size_t overlap, g, p;
  };
  std::vector<Candidate> candidates;
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t p = 0; p < predicted.size(); ++p) {
      const size_t o = overlap(gold[g], predicted[p]);
      const size_t shorter =
          std::min(gold[g].end - gold[g].start, predicted[p].end - predicted[p].start);
      if (o > 0 && 2 * o >= shorter) candidates.push_back({o, g, p});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.overlap > b.overlap; });
  std::vector<bool> gold_used(gold.size()), predicted_used(predicted.size());
  std::vector<std::pair<size_t, size_t>> matches;
  for (const Candidate& c : candidates) {
    if (gold_used[c.g] || predicted_used[c.p]) continue;
    gold_used[c.g] = predicted_used[c.p] = true;
    matches.emplace_back(c.g, c.p);
  }
  return matches;
}

void score_document_quotes(const GoldDocument& doc, uint32_t doc_index, const Analysis& analysis,
                           QuoteScores& scores) {
  std::vector<SpanRef> gold;
  for (size_t i = 0; i < doc.quotes.size(); ++i)
    gold.push_back({doc.quotes[i].start, doc.quotes[i].end, i});
  std::vector<SpanRef> predicted;
  for (size_t i = 0; i < analysis.quotes.size(); ++i) {
    const DocSpan& s = analysis.quotes[i].span;
    if (s.doc == doc_index) predicted.push_back({s.start, s.end, i});
  }
  gold = unique_spans(std::move(gold));
  predicted = unique_spans(std::move(predicted));
  scores.overlap.gold += gold.size();
  scores.overlap.predicted += predicted.size();
  scores.exact.gold += gold.size();
  scores.exact.predicted += predicted.size();

  for (const SpanRef& g : gold) {
    for (const SpanRef& p : predicted) {
      if (g.start == p.start && g.end == p.end) ++scores.exact.correct;
    }
  }
  const std::vector<std::pair<size_t, size_t>> matches = match_by_overlap(gold, predicted);
  scores.overlap.correct += matches.size();

  // Direct speech alone: gold quotes of kind "direct" (or of no kind, as in GUM) against
  // predicted direct and mixed quotes.
  std::vector<SpanRef> gold_direct, predicted_direct;
  for (const SpanRef& g : gold) {
    const std::string& kind = doc.quotes[g.index].kind;
    if (kind.empty() || kind == "direct") gold_direct.push_back(g);
  }
  for (const SpanRef& p : predicted) {
    if (analysis.quotes[p.index].kind != QuoteKind::Indirect) predicted_direct.push_back(p);
  }
  scores.direct.gold += gold_direct.size();
  scores.direct.predicted += predicted_direct.size();
  scores.direct.correct += match_by_overlap(gold_direct, predicted_direct).size();

  const std::vector<std::string> names = context_names(doc);
  for (const auto& [gi, pi] : matches) {
    const GoldQuote& g = doc.quotes[gold[gi].index];
    const Quote& p = analysis.quotes[predicted[pi].index];
    if (!g.speaker_annotated) continue;
    ++scores.speaker_annotated;
    const bool has_speaker =
        p.speaker >= 0 && static_cast<size_t>(p.speaker) < analysis.entities.size();
    if (!g.speaker) {
      if (!has_speaker) ++scores.speaker_correct;
      continue;
    }
    ++scores.speaker_named;
    if (!has_speaker) {
      ++scores.speaker_unknown;
    } else {
      const Entity& predicted_speaker = analysis.entities[static_cast<size_t>(p.speaker)];
      if (speaker_matches(predicted_speaker, *g.speaker, names)) {
        ++scores.speaker_correct;
      } else if (refers_to(predicted_speaker, doc_index, doc, *g.speaker)) {
        ++scores.speaker_correct;
        ++scores.speaker_by_mentions;
      }
    }
  }
}

// [aliases] --------------------------------------------------------------------------------------

std::optional<AliasScores> score_aliases(const GoldSet& gold, const Analysis& analysis) {
  using Span = std::tuple<uint32_t, size_t, size_t>;
  std::map<Span, std::string> gold_names;  // the first name given to a span
  for (uint32_t d = 0; d < gold.documents.size(); ++d) {
    for (const GoldEntity& e : gold.documents[d].entities) {
      if (!e.entity.empty()) gold_names.emplace(Span{d, e.start, e.end}, e.entity);
    }
  }
  if (gold_names.empty()) return std::nullopt;
  std::map<Span, size_t> predicted_entity;  // the first entity with a mention at a span
  for (size_t i = 0; i < analysis.entities.size(); ++i) {
    for (const DocSpan& m : analysis.entities[i].mentions)
      predicted_entity.emplace(Span{m.doc, m.start, m.end}, i);
  }
  std::map<std::pair<size_t, std::string>, size_t> cells;
  std::map<size_t, size_t> by_predicted;
  std::map<std::string, size_t> by_gold;
  AliasScores scores;
  for (const auto& [span, name] : gold_names) {
    auto it = predicted_entity.find(span);
    if (it == predicted_entity.end()) continue;
    ++scores.mentions;
    ++cells[{it->second, name}];
    ++by_predicted[it->second];
    ++by_gold[name];
  }
  for (const auto& [key, n] : cells) scores.pairs.correct += pairs_of(n);
  for (const auto& [key, n] : by_predicted) scores.pairs.predicted += pairs_of(n);
  for (const auto& [key, n] : by_gold) scores.pairs.gold += pairs_of(n);
  return scores;
}

// [reading analysis JSON] ------------------------------------------------------------------------

struct JsonReader {
  const std::string& file;
  std::vector<Diagnostic>& diagnostics;
  bool failed = false;

  void error(const std::string& field, const std::string& message) {
    diagnostics.push_back(make_error(file, field + ": " + message));
    failed = true;
  }

  const json* member(const json& object, const std::string& field, const char* name,
                     bool (json::*is_kind)() const noexcept, const char* kind) {
    auto it = object.find(name);
    if (it == object.end() || !((*it).*is_kind)()) {
      error(field + "." + name, it == object.end() ? "missing" : std::string("must be ") + kind);
      return nullptr;
    }
    return &*it;
  }
};

}  // namespace

bool refers_to(const Entity& predicted, uint32_t doc_index, const GoldDocument& doc,
               const std::string& gold_name) {
  const std::string target = normalize_name(gold_name);
  std::map<std::pair<size_t, size_t>, std::string> gold_names;
  for (const GoldEntity& e : doc.entities) {
    if (!e.entity.empty()) gold_names.emplace(std::pair{e.start, e.end}, normalize_name(e.entity));
  }
  std::map<std::string, size_t> votes;
  for (const DocSpan& m : predicted.mentions) {
    if (m.doc != doc_index) continue;
    if (auto it = gold_names.find({m.start, m.end}); it != gold_names.end()) ++votes[it->second];
  }
  const auto target_votes = votes.find(target);
  if (target_votes == votes.end()) return false;
  for (const auto& [name, count] : votes) {
    if (name != target && count >= target_votes->second) return false;
  }
  return true;
}

bool speaker_matches(const Entity& predicted, const std::string& gold_name,
                     const std::vector<std::string>& context_names) {
  const std::string target = normalize_name(gold_name);
  if (target.empty()) return false;
  std::vector<std::string> candidates = {normalize_name(predicted.name)};
  for (const std::string& alias : predicted.aliases) candidates.push_back(normalize_name(alias));
  for (const std::string& c : candidates) {
    if (c == target) return true;
  }
  // A lone surname on one side against a full name on the other, when no other full name of the
  // document ends with that surname.
  for (const std::string& c : candidates) {
    if (c.empty() || single_word(c) == single_word(target)) continue;
    const std::string& full = single_word(c) ? target : c;
    const std::string& surname = single_word(c) ? c : target;
    if (last_word(full) != surname) continue;
    bool ambiguous = false;
    for (const std::string& other : context_names) {
      const std::string n = normalize_name(other);
      if (!single_word(n) && n != full && last_word(n) == surname) ambiguous = true;
    }
    if (!ambiguous) return true;
  }
  return false;
}

EvalResult score(const GoldSet& gold, const Analysis& analysis, const ScoreOptions& options) {
  EvalResult result;
  result.documents = gold.documents.size();
  result.entities = score_entities(gold, analysis, options);
  for (uint32_t d = 0; d < gold.documents.size(); ++d)
    score_document_quotes(gold.documents[d], d, analysis, result.quotes);
  result.aliases = score_aliases(gold, analysis);
  return result;
}

std::optional<Analysis> analysis_from_json(const json& root, const GoldSet& gold,
                                           const std::string& file,
                                           std::vector<Diagnostic>& diagnostics) {
  JsonReader r{file, diagnostics};
  if (!root.is_object()) {
    r.error("(root)", "must be an object (dramatis.analysis/1)");
    return std::nullopt;
  }
  auto schema = root.find("schema");
  if (schema == root.end() || *schema != "dramatis.analysis/1") {
    r.error("schema", "expected \"dramatis.analysis/1\"");
    return std::nullopt;
  }
  const json* documents = r.member(root, "", "documents", &json::is_array, "an array");
  if (!documents) return std::nullopt;
  if (documents->size() != gold.documents.size()) {
    r.error("documents", "has " + std::to_string(documents->size()) + " documents, the gold has " +
                             std::to_string(gold.documents.size()) +
                             " (document i of the analysis is scored against document i of the "
                             "gold)");
    return std::nullopt;
  }
  std::map<std::string, uint32_t> doc_index;
  for (uint32_t i = 0; i < documents->size(); ++i) {
    const json& d = (*documents)[i];
    const std::string field = "documents[" + std::to_string(i) + "]";
    if (!d.is_object()) {
      r.error(field, "must be an object");
      continue;
    }
    const json* id = r.member(d, field, "id", &json::is_string, "a string");
    if (id) doc_index[id->get<std::string>()] = i;
    auto bytes = d.find("bytes");
    if (bytes != d.end() && bytes->is_number_integer() &&
        bytes->get<int64_t>() != static_cast<int64_t>(gold.documents[i].text.size())) {
      r.error(field + ".bytes", std::to_string(bytes->get<int64_t>()) +
                                    " bytes, but gold document " + std::to_string(i) + " (\"" +
                                    gold.documents[i].id + "\") has " +
                                    std::to_string(gold.documents[i].text.size()));
    }
  }
  if (r.failed) return std::nullopt;

  // A span {doc, start, end} checked against the documents.
  auto read_span = [&](const json& item, const std::string& field, DocSpan& span) {
    if (!item.is_object()) {
      r.error(field, "must be an object with doc, start and end");
      return false;
    }
    const json* doc = r.member(item, field, "doc", &json::is_string, "a document id");
    const json* start = r.member(item, field, "start", &json::is_number_integer, "a byte offset");
    const json* end = r.member(item, field, "end", &json::is_number_integer, "a byte offset");
    if (!doc || !start || !end) return false;
    auto it = doc_index.find(doc->get<std::string>());
    if (it == doc_index.end()) {
      r.error(field + ".doc", "unknown document \"" + doc->get<std::string>() + "\"");
      return false;
    }
    if (start->get<int64_t>() < 0 || end->get<int64_t>() < 0) {
      r.error(field, "negative byte offset");
      return false;
    }
    span = {it->second, start->get<size_t>(), end->get<size_t>()};
    if (span.start > span.end || span.end > gold.documents[span.doc].text.size()) {
      r.error(field, "span [" + std::to_string(span.start) + ", " + std::to_string(span.end) +
                         ") is not inside the document");
      return false;
    }
    return true;
  };

  Analysis analysis;
  std::map<std::string, int> entity_index;
  if (const json* entities = r.member(root, "", "entities", &json::is_array, "an array")) {
    for (size_t i = 0; i < entities->size(); ++i) {
      const json& e = (*entities)[i];
      const std::string field = "entities[" + std::to_string(i) + "]";
      if (!e.is_object()) {
        r.error(field, "must be an object");
        continue;
      }
      Entity entity;
      const json* id = r.member(e, field, "id", &json::is_string, "a string");
      const json* name = r.member(e, field, "name", &json::is_string, "a string");
      const json* type = r.member(e, field, "type", &json::is_string, "a string");
      const json* mentions = r.member(e, field, "mentions", &json::is_array, "an array");
      if (!id || !name || !type || !mentions) continue;
      entity.id = id->get<std::string>();
      entity.name = name->get<std::string>();
      if (auto t = entity_type_from_string(type->get<std::string>())) {
        entity.type = *t;
      } else {
        r.error(field + ".type", "unknown type \"" + type->get<std::string>() + "\"");
        continue;
      }
      if (auto aliases = e.find("aliases"); aliases != e.end() && aliases->is_array()) {
        for (const json& a : *aliases) {
          if (a.is_string()) entity.aliases.push_back(a.get<std::string>());
        }
      }
      for (size_t m = 0; m < mentions->size(); ++m) {
        DocSpan span;
        if (read_span((*mentions)[m], field + ".mentions[" + std::to_string(m) + "]", span))
          entity.mentions.push_back(span);
      }
      entity_index[entity.id] = static_cast<int>(analysis.entities.size());
      analysis.entities.push_back(std::move(entity));
    }
  }
  if (const json* quotes = r.member(root, "", "quotes", &json::is_array, "an array")) {
    for (size_t i = 0; i < quotes->size(); ++i) {
      const json& q = (*quotes)[i];
      const std::string field = "quotes[" + std::to_string(i) + "]";
      Quote quote;
      if (!read_span(q, field, quote.span)) continue;
      if (auto id = q.find("id"); id != q.end() && id->is_string())
        quote.id = id->get<std::string>();
      if (auto kind = q.find("kind"); kind != q.end() && kind->is_string()) {
        const std::string k = kind->get<std::string>();
        quote.kind = k == "indirect" ? QuoteKind::Indirect
                     : k == "mixed"  ? QuoteKind::Mixed
                                     : QuoteKind::Direct;
      }
      if (auto speaker = q.find("speaker"); speaker != q.end() && !speaker->is_null()) {
        auto it = speaker->is_string() ? entity_index.find(speaker->get<std::string>())
                                       : entity_index.end();
        if (it == entity_index.end()) {
          r.error(field + ".speaker", "not the id of an entity: " + speaker->dump());
          continue;
        }
        quote.speaker = it->second;
      }
      analysis.quotes.push_back(std::move(quote));
    }
  }
  if (r.failed) return std::nullopt;
  return analysis;
}

// [output] ---------------------------------------------------------------------------------------

namespace {

json optional_json(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

json prf_json(const Prf& prf) {
  return {{"gold", prf.gold},
          {"predicted", prf.predicted},
          {"correct", prf.correct},
          {"precision", optional_json(prf.precision())},
          {"recall", optional_json(prf.recall())},
          {"f1", optional_json(prf.f1())}};
}

std::string fixed(const std::optional<double>& value) {
  if (!value) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", *value);
  return buffer;
}

std::string row(const std::string& label, const Prf& prf) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%-26s %6zu %6zu %7zu %9s %7s %7s\n", label.c_str(),
                prf.gold, prf.predicted, prf.correct, fixed(prf.precision()).c_str(),
                fixed(prf.recall()).c_str(), fixed(prf.f1()).c_str());
  return buffer;
}

std::string header(const std::string& title) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%-26s %6s %6s %7s %9s %7s %7s\n", title.c_str(), "gold",
                "pred", "correct", "precision", "recall", "F1");
  return buffer;
}

std::string type_list(const std::vector<EntityType>& types) {
  std::string out;
  for (EntityType t : types) {
    if (!out.empty()) out += ',';
    out += to_string(t);
  }
  return out;
}

}  // namespace

json result_to_json(const EvalResult& result) {
  json types = json::object();
  for (const auto& [type, prf] : result.entities.by_type)
    types[std::string(to_string(type))] = prf_json(prf);
  json selected = json::array();
  for (EntityType t : result.entities.selected) selected.push_back(to_string(t));
  json micro = prf_json(result.entities.micro);
  micro["types"] = std::move(selected);
  const QuoteScores& q = result.quotes;
  json speakers = {{"annotated", q.speaker_annotated},
                   {"correct", q.speaker_correct},
                   {"correct_by_mentions", q.speaker_by_mentions},
                   {"accuracy", optional_json(q.speaker_accuracy())},
                   {"named", q.speaker_named},
                   {"unknown", q.speaker_unknown},
                   {"unknown_rate", optional_json(q.unknown_rate())}};
  json aliases = nullptr;
  if (result.aliases) {
    aliases = {{"mentions", result.aliases->mentions}, {"pairs", prf_json(result.aliases->pairs)}};
  }
  return {{"schema", "dramatis.eval/1"},
          {"documents", result.documents},
          {"entities",
           {{"types", std::move(types)},
            {"micro", std::move(micro)},
            {"micro_all", prf_json(result.entities.micro_all)}}},
          {"quotes",
           {{"overlap", prf_json(q.overlap)},
            {"exact", prf_json(q.exact)},
            {"direct", prf_json(q.direct)},
            {"speakers", std::move(speakers)}}},
          {"aliases", std::move(aliases)}};
}

std::string result_to_table(const EvalResult& result) {
  std::string out = "Documents: " + std::to_string(result.documents) + "\n\n";
  out += header("Entities (exact span+type)");
  for (const auto& [type, prf] : result.entities.by_type)
    out += row(std::string(to_string(type)), prf);
  out += row("micro " + type_list(result.entities.selected), result.entities.micro);
  out += row("micro all types", result.entities.micro_all);
  out += "\n" + header("Quotes");
  out += row("overlap >= 50% of shorter", result.quotes.overlap);
  out += row("exact span", result.quotes.exact);
  out += row("direct speech, overlap", result.quotes.direct);
  const QuoteScores& q = result.quotes;
  out += "\nSpeakers (matched gold quotes with a speaker annotation)\n";
  out += "  annotated " + std::to_string(q.speaker_annotated) + ", correct " +
         std::to_string(q.speaker_correct) + " (" + std::to_string(q.speaker_by_mentions) +
         " of them by mentions), accuracy " + fixed(q.speaker_accuracy()) + "\n";
  out += "  named " + std::to_string(q.speaker_named) + ", predicted unknown " +
         std::to_string(q.speaker_unknown) + ", unknown rate " + fixed(q.unknown_rate()) + "\n";
  out += "\n";
  if (result.aliases) {
    out += header("Aliases (pairwise)");
    out += row("mention pairs (" + std::to_string(result.aliases->mentions) + " mentions)",
               result.aliases->pairs);
  } else {
    out += "Aliases: not scored (no gold entity has an \"entity\" name)\n";
  }
  return out;
}

}  // namespace dramatis::eval
