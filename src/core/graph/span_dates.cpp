#include "core/graph/span_dates.h"

#include <tuple>

namespace dramatis {

// The date each document is about (see build_entity_graph's comment).
std::vector<DateInterval> document_dates(const Corpus& corpus, const Analysis& analysis) {
  std::vector<DateInterval> dates(corpus.documents.size());
  for (size_t d = 0; d < corpus.documents.size(); ++d) {
    if (auto date = date_interval_from_iso(corpus.documents[d].meta.date)) dates[d] = *date;
  }
  std::vector<DateInterval> latest(corpus.documents.size());
  for (const DateMention& m : analysis.dates) {
    if (m.relative || m.span.doc >= latest.size()) continue;
    const auto date = date_interval_from_iso(m.value);
    if (!date) continue;
    DateInterval& best = latest[m.span.doc];
    if (!best.known() || std::tie(date->first, date->last) > std::tie(best.first, best.last))
      best = *date;
  }
  for (size_t d = 0; d < dates.size(); ++d) {
    if (!dates[d].known()) dates[d] = latest[d];
  }
  return dates;
}

SpanDater::SpanDater(const Corpus& corpus, const Analysis& analysis)
    : document_dates_(document_dates(corpus, analysis)), events_(corpus.documents.size()) {
  for (const Event& event : analysis.events) {
    if (event.span.doc >= events_.size()) continue;
    const auto date = date_interval_from_iso(event.date);
    if (date) events_[event.span.doc].push_back({event.span, *date});
  }
}

DateInterval SpanDater::date_of(const DocSpan& span) const {
  if (span.doc >= events_.size()) return {};
  for (const auto& [event_span, date] : events_[span.doc]) {
    if (event_span.start <= span.start && span.end <= event_span.end) return date;
  }
  return document_dates_[span.doc];
}

}  // namespace dramatis
