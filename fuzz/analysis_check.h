// Shared by the fuzz targets that make or change an analysis (fuzz_engine, fuzz_fragment,
// fuzz_user_edits): the contract of nlp/analysis.h, that every derived fact points back to a span
// inside its document and every entity id and index points at an entity. The panels, exporters and
// the graph index by these without checking again, so a broken one is a crash waiting elsewhere.
#pragma once

#include <set>
#include <string>

#include "core/corpus/corpus.h"
#include "core/nlp/analysis.h"
#include "fuzz_check.h"

namespace dramatis::fuzz {

inline void check_span(const Corpus& corpus, const DocSpan& span) {
  FUZZ_CHECK(span.doc < corpus.documents.size());
  FUZZ_CHECK(span.start <= span.end && span.end <= corpus.documents[span.doc].bytes.size());
}

inline void check_entity_index(const Analysis& analysis, int index, bool may_be_unknown) {
  FUZZ_CHECK((may_be_unknown && index == -1) ||
             (index >= 0 && static_cast<size_t>(index) < analysis.entities.size()));
}

inline void check_analysis(const Corpus& corpus, const Analysis& analysis) {
  std::set<std::string> ids;
  for (const Entity& e : analysis.entities) {
    FUZZ_CHECK(!e.id.empty() && ids.insert(e.id).second);  // ids name one entity each
    for (size_t m = 0; m < e.mentions.size(); ++m) {
      check_span(corpus, e.mentions[m]);
      if (m > 0) {
        const DocSpan& a = e.mentions[m - 1];
        const DocSpan& b = e.mentions[m];
        FUZZ_CHECK(a.doc < b.doc || (a.doc == b.doc && a.start <= b.start));  // sorted
      }
    }
    for (const AliasMerge& merge : e.merges) {
      check_span(corpus, merge.evidence);
      FUZZ_CHECK(merge.confidence >= 0.0 && merge.confidence <= 1.0);
    }
  }
  for (const Quote& q : analysis.quotes) {
    check_span(corpus, q.span);
    check_entity_index(analysis, q.speaker, true);
    FUZZ_CHECK(q.confidence >= 0.0 && q.confidence <= 1.0);
    if (!q.cue.empty()) check_span(corpus, q.cue_span);
  }
  for (const DateMention& d : analysis.dates) check_span(corpus, d.span);
  for (const Event& e : analysis.events) {
    check_span(corpus, e.span);
    check_entity_index(analysis, e.subject, true);
    for (const int object : e.objects) check_entity_index(analysis, object, false);
  }
  for (const Relation& r : analysis.relations) {
    check_entity_index(analysis, r.source, false);
    check_entity_index(analysis, r.target, false);
    for (const DocSpan& span : r.evidence) check_span(corpus, span);
  }
  for (const Conflict& c : analysis.conflicts) {
    for (const ConflictClaim& claim : c.claims) check_span(corpus, claim.span);
  }
}

}  // namespace dramatis::fuzz
