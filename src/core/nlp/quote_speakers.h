// Who said it: turns quoted spans into quotes with a speaker, a cue, a confidence and a reason in
// plain words. Patterns, strongest first: a cue after the quote (", X said" / ", said X" / ", he
// added"), a cue before it ("X said:", "according to X,", "X, the co-founder of Y, said"), a colon
// introduction ("... including Andrej Karpathy:"), then carry-over from the previous quote.
// Pronouns go to the most recent person named as a subject; "the company" to the last
// organisation. Short quoted phrases with no cue are scare quotes or titles, not speech. Also
// finds indirect speech ("X said that ...", "According to X, ...").
#pragma once

#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/quote_spans.h"

namespace dramatis {

// A mention of a resolved entity in one document, for looking speakers up by position.
struct MentionRef {
  uint32_t start = 0;
  uint32_t end = 0;
  int entity = -1;
  EntityType type = EntityType::Person;
};

// Quotes of one document, in text order, without ids or clusters (the pipeline numbers them).
// `mentions` are the document's entity mentions sorted by start.
std::vector<Quote> attribute_quotes(const DocumentView& view, const std::vector<QuoteSpan>& spans,
                                    const std::vector<MentionRef>& mentions,
                                    const std::vector<Entity>& entities);

}  // namespace dramatis
