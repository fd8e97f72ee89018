#include "core/io/analysis_json.h"

namespace dramatis {
namespace {

using nlohmann::json;

json span_json(const Corpus& corpus, const DocSpan& span) {
  return {{"doc", corpus.documents[span.doc].meta.id}, {"start", span.start}, {"end", span.end}};
}

json spans_json(const Corpus& corpus, const std::vector<DocSpan>& spans) {
  json out = json::array();
  for (const DocSpan& span : spans) out.push_back(span_json(corpus, span));
  return out;
}

json entity_ref(const Analysis& analysis, int index) {
  if (index < 0 || static_cast<size_t>(index) >= analysis.entities.size()) return nullptr;
  return analysis.entities[static_cast<size_t>(index)].id;
}

}  // namespace

json analysis_to_json(const Corpus& corpus, const Analysis& analysis) {
  json documents = json::array();
  for (size_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& doc = corpus.documents[d];
    json entry = {{"id", doc.meta.id},
                  {"path", doc.path},
                  {"title", doc.meta.title},
                  {"date", doc.meta.date},
                  {"bytes", doc.bytes.size()}};
    // No date given, one read from the text: its value, and where it stands.
    if (d < analysis.datelines.size() && analysis.datelines[d]) {
      entry["date"] = analysis.datelines[d]->value;
      entry["dateline"] = span_json(corpus, analysis.datelines[d]->span);
    }
    documents.push_back(std::move(entry));
  }
  json entities = json::array();
  for (const Entity& e : analysis.entities) {
    json merges = json::array();
    for (const AliasMerge& m : e.merges) {
      merges.push_back({{"alias", m.alias},
                        {"rule", m.rule},
                        {"evidence", span_json(corpus, m.evidence)},
                        {"confidence", m.confidence}});
    }
    entities.push_back({{"id", e.id},
                        {"name", e.name},
                        {"type", to_string(e.type)},
                        {"aliases", e.aliases},
                        {"mentions", spans_json(corpus, e.mentions)},
                        {"merges", std::move(merges)}});
  }
  json quotes = json::array();
  for (const Quote& q : analysis.quotes) {
    json quote = span_json(corpus, q.span);
    quote["id"] = q.id;
    quote["kind"] = to_string(q.kind);
    quote["speaker"] = entity_ref(analysis, q.speaker);
    quote["cue"] = q.cue;
    quote["cue_span"] = {{"start", q.cue_span.start}, {"end", q.cue_span.end}};
    quote["confidence"] = q.confidence;
    quote["reason"] = q.reason;
    quote["cluster"] = q.cluster;
    quotes.push_back(std::move(quote));
  }
  json dates = json::array();
  for (const DateMention& d : analysis.dates) {
    json date = span_json(corpus, d.span);
    date["value"] = d.value;
    date["precision"] = to_string(d.precision);
    date["relative"] = d.relative;
    dates.push_back(std::move(date));
  }
  json events = json::array();
  for (const Event& ev : analysis.events) {
    json event = span_json(corpus, ev.span);
    event["subject"] = entity_ref(analysis, ev.subject);
    event["cue"] = ev.cue;
    event["date"] = ev.date;
    json objects = json::array();
    for (int o : ev.objects) objects.push_back(entity_ref(analysis, o));
    event["objects"] = std::move(objects);
    events.push_back(std::move(event));
  }
  json relations = json::array();
  for (const Relation& r : analysis.relations) {
    relations.push_back({{"source", entity_ref(analysis, r.source)},
                         {"target", entity_ref(analysis, r.target)},
                         {"type", r.type},
                         {"weight", r.weight},
                         {"evidence", spans_json(corpus, r.evidence)}});
  }
  json conflicts = json::array();
  for (const Conflict& c : analysis.conflicts) {
    json claims = json::array();
    for (const ConflictClaim& claim : c.claims) {
      json item = span_json(corpus, claim.span);
      item["value"] = claim.value;
      claims.push_back(std::move(item));
    }
    conflicts.push_back({{"about", c.about}, {"claims", std::move(claims)}});
  }
  return {{"schema", "dramatis.analysis/1"},   {"documents", std::move(documents)},
          {"entities", std::move(entities)},   {"quotes", std::move(quotes)},
          {"dates", std::move(dates)},         {"events", std::move(events)},
          {"relations", std::move(relations)}, {"conflicts", std::move(conflicts)}};
}

}  // namespace dramatis
