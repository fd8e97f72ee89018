// Events for the timeline and the conflicts between sources. An event is a sentence where an
// entity does something datable ("announced ... on November 6, 2025", "his departure on November
// 17"): its subject, the cue, the date and the other entities involved. A conflict is the same
// kind of event for the same subject given incompatible dates by different documents.
#pragma once

#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/quote_speakers.h"

namespace dramatis {

// `mentions[d]` and `dates[d]`: document d's mentions and dates, sorted by start.
using DatesByDocument = std::vector<std::vector<DateMention>>;
std::vector<Event> find_events(const std::vector<DocumentView>& views,
                               const std::vector<std::vector<MentionRef>>& mentions,
                               const DatesByDocument& dates);

std::vector<Conflict> find_conflicts(const std::vector<Event>& events, const DatesByDocument& dates,
                                     const std::vector<Entity>& entities);

}  // namespace dramatis
