// Who said it: turns quoted spans into quotes with a speaker, a cue, a confidence and a reason in
// plain words. Patterns, strongest first: a cue after the quote (", X said" / ", said Ambassador
// X" / ", team member X told" / ", X, editor at the Gazette, said" / ", according to X"), a cue
// before it ("X said:", "X told The Daily Post,", "according to X,", "in the words of X,", "X,
// the co-founder of Y, said"), a colon introduction ("... including Andrej Karpathy:"), a
// sentence just before that reports someone's words, then carry-over from the previous quote.
// Who "he", "she" and "the company" are is speaker_context.h's business. Short quoted phrases
// with no cue are scare quotes or titles, not speech. Also finds indirect speech ("X said that
// ...", "According to X, ...").
#pragma once

#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/quote_spans.h"
#include "core/nlp/speaker_context.h"  // MentionRef

namespace dramatis {

// Quotes of one document, in text order, without ids or clusters (the pipeline numbers them).
// `mentions` are the document's entity mentions sorted by start.
std::vector<Quote> attribute_quotes(const DocumentView& view, const std::vector<QuoteSpan>& spans,
                                    const std::vector<MentionRef>& mentions,
                                    const std::vector<Entity>& entities);

}  // namespace dramatis
