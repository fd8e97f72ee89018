// When a span of a document is about: the date of the event around it (same document), else
// the document's date (DocumentMeta::date, else its latest absolute date mention), else
// undated. The graph's date filter, the timeline and the quotes panel all date spans this way.
#pragma once

#include <utility>
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
  DateInterval date_of(const DocSpan& span) const;  // DateInterval{} when undated

 private:
  std::vector<DateInterval> document_dates_;
  std::vector<std::vector<std::pair<DocSpan, DateInterval>>> events_;  // per document, in order
};

}  // namespace dramatis
