// When a span of a document is about: the date of the event around it (same document), else
// the document's date (DocumentMeta::date, else its latest absolute date mention), else
// undated. The graph's date filter, the timeline and the quotes panel all date spans this way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/graph/entity_graph.h"
#include "core/nlp/analysis.h"

namespace dramatis {

// The date each document is about, per document (unknown: DateInterval{}).
std::vector<DateInterval> document_dates(const Corpus& corpus, const Analysis& analysis);

class SpanDater {
 public:
  SpanDater(const Corpus& corpus, const Analysis& analysis);
  // The date of the first event (in the analysis' order) whose span holds `span`, else the
  // document's; DateInterval{} when undated. O(log n) for events that do not nest, so dating
  // every mention of a long document stays linear.
  DateInterval date_of(const DocSpan& span) const;

 private:
  struct DatedEvent {
    DocSpan span;
    DateInterval date;
    size_t order;  // index among the document's events, as the analysis lists them
  };
  std::vector<DateInterval> document_dates_;
  // Per document, sorted by start; max_end_[d][i] is the largest end among events_[d][0..i],
  // so a search can stop once no earlier event reaches the span's end.
  std::vector<std::vector<DatedEvent>> events_;
  std::vector<std::vector<size_t>> max_end_;
};

}  // namespace dramatis
