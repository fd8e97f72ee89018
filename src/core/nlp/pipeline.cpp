#include "core/nlp/pipeline.h"

#include <algorithm>
#include <map>

#include "core/nlp/dateline.h"
#include "core/nlp/dates.h"
#include "core/nlp/document_view.h"
#include "core/nlp/entity_candidates.h"
#include "core/nlp/entity_resolution.h"
#include "core/nlp/events.h"
#include "core/nlp/nested_mentions.h"
#include "core/nlp/quote_clusters.h"
#include "core/nlp/quote_spans.h"
#include "core/nlp/quote_speakers.h"
#include "core/nlp/relations.h"

namespace dramatis {
namespace {

// A sentence's first word joined to the name it opens where the text names the two together
// elsewhere, headline candidates (headlines name what the body names: look for those names
// there), then every candidate sorted by (document, start).
std::vector<EntityCandidate> finish_candidates(const std::vector<DocumentView>& views,
                                               const std::vector<std::vector<bool>>& headlines,
                                               std::vector<EntityCandidate> candidates) {
  KnownNames known;
  for (const EntityCandidate& c : candidates) {
    if (!c.typed) continue;
    KnownName& name = known[c.key];
    if (c.confidence > name.confidence) name = {c.type, c.confidence};
  }
  extend_at_sentence_start(views, known, candidates);
  for (const DocumentView& v : views) {
    std::vector<EntityCandidate> found = find_headline_candidates(v, known, headlines[v.doc]);
    candidates.insert(candidates.end(), std::make_move_iterator(found.begin()),
                      std::make_move_iterator(found.end()));
  }
  // The sort moves small keys instead of candidates and their strings; std::sort applies the
  // same moves for the same comparisons, so ties come out in the same order as when sorting the
  // candidates themselves.
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

// The dates of one document outside boilerplate, by start.
std::vector<DateMention> document_dates(const DocumentView& v) {
  std::vector<DateMention> dates;
  for (DateMention& d : find_dates(v.text, v.doc, v.date)) {
    if (!v.in_boilerplate(d.span.start)) dates.push_back(std::move(d));
  }
  std::sort(dates.begin(), dates.end(),
            [](const DateMention& a, const DateMention& b) { return a.span.start < b.span.start; });
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

// Each document's mentions sorted by (start, end), for speakers, relations and events: the
// names a sentence gives, so a mention inside a longer one ("Texas" in "University of Texas",
// nested_mentions.h) is left out.
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
    // Longest first at each start, so that an outer mention comes before those inside it.
    std::sort(list.begin(), list.end(), [](const MentionRef& a, const MentionRef& b) {
      return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    size_t kept = 0;
    for (size_t i = 0; i < list.size(); ++i) {
      const MentionRef& m = list[i];
      if (kept > 0) {
        const MentionRef& outer = list[kept - 1];
        const bool inside = outer.start <= m.start && m.end <= outer.end;
        if (inside && (outer.start != m.start || outer.end != m.end)) continue;
      }
      list[kept++] = m;
    }
    // What is left is in (start, end) order: spans kept at one start are equal.
    list.resize(kept);
  }
  return refs;
}

}  // namespace

// The passes in order. Per-document passes run a few documents per step, the others a step each.
enum class Analyzer::Pass : uint8_t {
  kParse,        // per document: tokens and Markdown blocks
  kBoilerplate,  // repeated lines across documents
  kSentences,    // per document: sentences, token flags, word statistics
  kCandidates,   // per document: candidate names
  kResolve,      // headline names, then one entity per person, organisation...
  kDates,        // per document
  kNumber,       // date entities, ids, mentions by document
  kQuotes,       // per document: quotes and their speakers
  kClusters,     // the same statement across documents
  kRelations,    // relations, events and conflicts
};

namespace {

struct PassInfo {
  bool per_document;
  const char* stage;  // what the user reads beside the progress bar
};

constexpr PassInfo kPasses[] = {
    {true, "Reading the text's structure"},
    {false, "Reading the text's structure"},
    {true, "Reading the text's structure"},
    {true, "Finding names and who they are"},
    {false, "Finding names and who they are"},
    {true, "Finding dates"},
    {false, "Finding dates"},
    {true, "Finding quotes and their speakers"},
    {false, "Grouping the same statements"},
    {false, "Finding relations, events and conflicts"},
};
constexpr size_t kPassCount = std::size(kPasses);

}  // namespace

Analyzer::Analyzer(const Corpus& corpus) {
  analysis_.datelines.reserve(corpus.documents.size());
  for (const Document& doc : corpus.documents) {
    texts_.emplace_back(doc.bytes);
    std::optional<Dateline> dateline;
    // A date an earlier analysis read from the text (make_story) is no given date: read again.
    if (doc.meta.date.empty() || doc.meta.date_from_text) {
      const uint32_t d = static_cast<uint32_t>(analysis_.datelines.size());
      if (std::optional<DateMention> found = find_dateline(doc.bytes, d))
        dateline = Dateline{std::move(found->value), found->span};
    }
    analysis_.datelines.push_back(std::move(dateline));
    total_bytes_ += doc.bytes.size();
  }
  // Views into the metadata or the datelines, which stay where they are until take().
  for (size_t d = 0; d < corpus.documents.size(); ++d) {
    const std::optional<Dateline>& line = analysis_.datelines[d];
    dates_.emplace_back(line ? std::string_view(line->value)
                             : std::string_view(corpus.documents[d].meta.date));
  }
}

Analyzer::~Analyzer() = default;

const char* Analyzer::stage() const {
  return pass_ < kPassCount ? kPasses[pass_].stage : "Done";
}

float Analyzer::progress() const {
  if (pass_ >= kPassCount) return 1.0f;
  double within = 0.0;
  if (kPasses[pass_].per_document) {
    // By text, plus one per document so that a step of empty files moves the bar too.
    within = static_cast<double>(bytes_done_ + next_doc_) /
             static_cast<double>(total_bytes_ + texts_.size() + 1);
  }
  return static_cast<float>((static_cast<double>(pass_) + within) / kPassCount);
}

void Analyzer::run_on_document(Pass pass, size_t d) {
  switch (pass) {
    case Pass::kParse:
      views_.push_back(parse_document_view(static_cast<uint32_t>(d), texts_[d], dates_[d]));
      break;
    case Pass::kSentences:
      finish_document_view(views_[d], std::move(boilerplate_[d]));
      add_word_stats(views_[d], stats_);
      break;
    case Pass::kCandidates: {
      headlines_.push_back(headline_blocks(views_[d]));
      std::vector<EntityCandidate> found = find_candidates(views_[d], stats_, headlines_.back());
      candidates_.insert(candidates_.end(), std::make_move_iterator(found.begin()),
                         std::make_move_iterator(found.end()));
      break;
    }
    case Pass::kDates: dates_by_doc_.push_back(document_dates(views_[d])); break;
    case Pass::kQuotes: {
      const DocumentView& v = views_[d];
      std::vector<Quote> quotes =
          attribute_quotes(v, find_quote_spans(v.text), mentions_[d], analysis_.entities);
      analysis_.quotes.insert(analysis_.quotes.end(), std::make_move_iterator(quotes.begin()),
                              std::make_move_iterator(quotes.end()));
      break;
    }
    default: break;
  }
}

void Analyzer::run_on_corpus(Pass pass) {
  switch (pass) {
    case Pass::kBoilerplate: boilerplate_ = find_corpus_boilerplate(views_); break;
    case Pass::kResolve:
      analysis_.entities =
          resolve_entities(views_, finish_candidates(views_, headlines_, std::move(candidates_)));
      add_nested_mentions(views_, stats_, analysis_.entities);
      candidates_ = {};
      headlines_ = {};
      stats_ = {};
      break;
    case Pass::kNumber:
      add_date_entities(dates_by_doc_, analysis_.entities);
      number_entities(analysis_.entities);
      for (const auto& doc_dates : dates_by_doc_)
        analysis_.dates.insert(analysis_.dates.end(), doc_dates.begin(), doc_dates.end());
      mentions_ = mentions_by_document(analysis_.entities, views_.size());
      break;
    case Pass::kClusters: {
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
    case Pass::kRelations:
      analysis_.relations = find_relations(views_, mentions_, analysis_.quotes);
      analysis_.events = find_events(views_, mentions_, dates_by_doc_);
      analysis_.conflicts = find_conflicts(analysis_.events, dates_by_doc_, analysis_.entities);
      break;
    default: break;
  }
}

bool Analyzer::step() {
  if (pass_ >= kPassCount) return false;
  const Pass pass = static_cast<Pass>(pass_);
  if (kPasses[pass_].per_document) {
    // At least one document per step, then more while they fit in kStepBytes.
    size_t bytes = 0;
    while (next_doc_ < texts_.size() &&
           (bytes == 0 || bytes + texts_[next_doc_].size() <= kStepBytes)) {
      bytes += std::max<size_t>(texts_[next_doc_].size(), 1);
      bytes_done_ += texts_[next_doc_].size();
      run_on_document(pass, next_doc_++);
    }
    if (next_doc_ < texts_.size()) return true;
    next_doc_ = 0;
    bytes_done_ = 0;
  } else {
    run_on_corpus(pass);
  }
  ++pass_;
  return pass_ < kPassCount;
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
