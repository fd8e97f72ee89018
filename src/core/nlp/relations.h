// Relations between entities, each with its evidence: co-occurrence in a sentence (weighted by
// how often), typed relations where a clear pattern links a person and an organisation (joined,
// left, founded, leads, works_at), and "said_about" from a quote's speaker to the entities the
// quote names.
#pragma once

#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/quote_speakers.h"

namespace dramatis {

// `mentions[d]` are document d's mentions sorted by start. Relations come out sorted by
// (source, target, type); co-occurrence pairs have source < target.
std::vector<Relation> find_relations(const std::vector<DocumentView>& views,
                                     const std::vector<std::vector<MentionRef>>& mentions,
                                     const std::vector<Quote>& quotes);

}  // namespace dramatis
