#include "core/nlp/pipeline.h"

#include <algorithm>
#include <map>

#include "core/nlp/dates.h"
#include "core/nlp/document_view.h"
#include "core/nlp/entity_candidates.h"
#include "core/nlp/entity_resolution.h"
#include "core/nlp/events.h"
#include "core/nlp/quote_clusters.h"
#include "core/nlp/quote_spans.h"
#include "core/nlp/quote_speakers.h"
#include "core/nlp/relations.h"

namespace dramatis {
namespace {

std::vector<EntityCandidate> all_candidates(const std::vector<DocumentView>& views,
                                            const WordStats& stats) {
  std::vector<EntityCandidate> candidates;
  std::vector<std::vector<bool>> headlines;
  for (const DocumentView& v : views) {
    headlines.push_back(headline_blocks(v));
    std::vector<EntityCandidate> found = find_candidates(v, stats, headlines.back());
    candidates.insert(candidates.end(), std::make_move_iterator(found.begin()),
                      std::make_move_iterator(found.end()));
  }
  // Headlines name what the body names: look for those names there.
  KnownNames known;
  for (const EntityCandidate& c : candidates) {
    if (!c.typed) continue;
    KnownName& name = known[c.key];
    if (c.confidence > name.confidence) name = {c.type, c.confidence};
  }
  for (const DocumentView& v : views) {
    std::vector<EntityCandidate> found = find_headline_candidates(v, known, headlines[v.doc]);
    candidates.insert(candidates.end(), std::make_move_iterator(found.begin()),
                      std::make_move_iterator(found.end()));
  }
  // Sorted by (document, start). The sort moves small keys instead of candidates and their
  // strings; std::sort applies the same moves for the same comparisons, so ties come out in
  // the same order as when sorting the candidates themselves.
  struct Order {
    uint32_t doc;
    uint32_t start;
    uint32_t index;
  };
  std::vector<Order> order(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i)
    order[i] = {candidates[i].doc, candidates[i].start, static_cast<uint32_t>(i)};
  std::sort(order.begin(), order.end(), [](const Order& a, const Order& b) {
    return std::tie(a.doc, a.start) < std::tie(b.doc, b.start);
  });
  std::vector<EntityCandidate> sorted;
  sorted.reserve(candidates.size());
  for (const Order& o : order) sorted.push_back(std::move(candidates[o.index]));
  return sorted;
}

DatesByDocument all_dates(const std::vector<DocumentView>& views) {
  DatesByDocument dates(views.size());
  for (const DocumentView& v : views) {
    for (DateMention& d : find_dates(v.text, v.doc, v.date)) {
      if (!v.in_boilerplate(d.span.start)) dates[v.doc].push_back(std::move(d));
    }
    std::sort(
        dates[v.doc].begin(), dates[v.doc].end(),
        [](const DateMention& a, const DateMention& b) { return a.span.start < b.span.start; });
  }
  return dates;
}

// DATE entities, one per normalised value, so dates are nodes like any other name.
void add_date_entities(const DatesByDocument& dates, std::vector<Entity>& entities) {
  std::map<std::string, size_t> by_value;
  for (const std::vector<DateMention>& doc_dates : dates) {
    for (const DateMention& d : doc_dates) {
      auto [it, added] = by_value.try_emplace(d.value, entities.size());
      if (added) {
        Entity e;
        e.name = d.value;
        e.type = EntityType::Date;
        entities.push_back(std::move(e));
      }
      entities[it->second].mentions.push_back(d.span);
    }
  }
}

// Ids "e0", "e1", ... in order of first mention (document, then offset).
void number_entities(std::vector<Entity>& entities) {
  for (Entity& e : entities) {
    std::sort(e.mentions.begin(), e.mentions.end(), [](const DocSpan& a, const DocSpan& b) {
      return std::tie(a.doc, a.start, a.end) < std::tie(b.doc, b.start, b.end);
    });
  }
  std::stable_sort(entities.begin(), entities.end(), [](const Entity& a, const Entity& b) {
    return std::tie(a.mentions.front().doc, a.mentions.front().start, a.name) <
           std::tie(b.mentions.front().doc, b.mentions.front().start, b.name);
  });
  for (size_t i = 0; i < entities.size(); ++i) entities[i].id = "e" + std::to_string(i);
}

std::vector<std::vector<MentionRef>> mentions_by_document(const std::vector<Entity>& entities,
                                                          size_t documents) {
  std::vector<std::vector<MentionRef>> refs(documents);
  for (size_t e = 0; e < entities.size(); ++e) {
    for (const DocSpan& m : entities[e].mentions) {
      refs[m.doc].push_back({static_cast<uint32_t>(m.start), static_cast<uint32_t>(m.end),
                             static_cast<int>(e), entities[e].type});
    }
  }
  for (auto& list : refs) {
    std::sort(list.begin(), list.end(), [](const MentionRef& a, const MentionRef& b) {
      return std::tie(a.start, a.end) < std::tie(b.start, b.end);
    });
  }
  return refs;
}

}  // namespace

Analyzer::Analyzer(const Corpus& corpus) {
  for (const Document& doc : corpus.documents) {
    texts_.emplace_back(doc.bytes);
    dates_.emplace_back(doc.meta.date);
  }
}

Analyzer::~Analyzer() = default;

const char* Analyzer::stage() const {
  static constexpr const char* kStages[] = {"Reading the text's structure",
                                            "Finding names and who they are",
                                            "Finding dates",
                                            "Finding quotes and their speakers",
                                            "Grouping the same statements",
                                            "Finding relations, events and conflicts",
                                            "Done"};
  return kStages[std::min<size_t>(stage_, std::size(kStages) - 1)];
}

float Analyzer::progress() const {
  return static_cast<float>(stage_) / static_cast<float>(kStageCount);
}

bool Analyzer::step() {
  switch (stage_) {
    case 0:
      views_ = make_document_views(texts_, dates_);
      stats_ = std::make_unique<WordStats>(collect_word_stats(views_));
      break;
    case 1:
      analysis_.entities = resolve_entities(views_, all_candidates(views_, *stats_));
      stats_.reset();
      break;
    case 2: {
      dates_by_doc_ = all_dates(views_);
      add_date_entities(dates_by_doc_, analysis_.entities);
      number_entities(analysis_.entities);
      for (const auto& doc_dates : dates_by_doc_)
        analysis_.dates.insert(analysis_.dates.end(), doc_dates.begin(), doc_dates.end());
      mentions_ = mentions_by_document(analysis_.entities, views_.size());
      break;
    }
    case 3:
      for (const DocumentView& v : views_) {
        std::vector<Quote> quotes =
            attribute_quotes(v, find_quote_spans(v.text), mentions_[v.doc], analysis_.entities);
        analysis_.quotes.insert(analysis_.quotes.end(), std::make_move_iterator(quotes.begin()),
                                std::make_move_iterator(quotes.end()));
      }
      break;
    case 4: {
      std::vector<std::string_view> quoted;
      for (size_t i = 0; i < analysis_.quotes.size(); ++i) {
        const Quote& q = analysis_.quotes[i];
        analysis_.quotes[i].id = "q" + std::to_string(i);
        quoted.push_back(texts_[q.span.doc].substr(q.span.start, q.span.end - q.span.start));
      }
      const std::vector<std::string> clusters = cluster_quotes(quoted);
      for (size_t i = 0; i < analysis_.quotes.size(); ++i)
        analysis_.quotes[i].cluster = clusters[i];
      break;
    }
    case 5:
      analysis_.relations = find_relations(views_, mentions_, analysis_.quotes);
      analysis_.events = find_events(views_, mentions_, dates_by_doc_);
      analysis_.conflicts = find_conflicts(analysis_.events, dates_by_doc_, analysis_.entities);
      break;
    default: return false;
  }
  ++stage_;
  return stage_ < kStageCount;
}

Analysis Analyzer::take() {
  while (step()) {
  }
  return std::move(analysis_);
}

Analysis analyze(const Corpus& corpus) {
  return Analyzer(corpus).take();
}

}  // namespace dramatis
