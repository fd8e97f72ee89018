#include "core/graph/span_dates.h"

#include <algorithm>
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
    : document_dates_(document_dates(corpus, analysis)),
      events_(corpus.documents.size()),
      max_end_(corpus.documents.size()) {
  for (const Event& event : analysis.events) {
    if (event.span.doc >= events_.size()) continue;
    const auto date = date_interval_from_iso(event.date);
    std::vector<DatedEvent>& events = events_[event.span.doc];
    if (date) events.push_back({event.span, *date, events.size()});
  }
  for (size_t d = 0; d < events_.size(); ++d) {
    std::vector<DatedEvent>& events = events_[d];
    std::stable_sort(events.begin(), events.end(), [](const DatedEvent& a, const DatedEvent& b) {
      return a.span.start < b.span.start;
    });
    size_t reach = 0;
    for (const DatedEvent& e : events) max_end_[d].push_back(reach = std::max(reach, e.span.end));
  }
}

DateInterval SpanDater::date_of(const DocSpan& span) const {
  if (span.doc >= events_.size()) return {};
  const std::vector<DatedEvent>& events = events_[span.doc];
  const std::vector<size_t>& max_end = max_end_[span.doc];
  // Events starting at or before the span, from the last one back while any could still hold
  // it; of those that hold it, the first in the analysis' order wins (as a scan in order would).
  size_t i = static_cast<size_t>(
      std::upper_bound(events.begin(), events.end(), span.start,
                       [](size_t start, const DatedEvent& e) { return start < e.span.start; }) -
      events.begin());
  const DatedEvent* best = nullptr;
  while (i > 0 && max_end[i - 1] >= span.end) {
    const DatedEvent& e = events[--i];
    if (e.span.end >= span.end && (best == nullptr || e.order < best->order)) best = &e;
  }
  return best != nullptr ? best->date : document_dates_[span.doc];
}

}  // namespace dramatis
