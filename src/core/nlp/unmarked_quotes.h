// Speech printed without quotation marks, in the two layouts news pages use for it:
// - a pull quote: a paragraph of speech whose last line is its speaker's name alone, maybe with
//   a title ("... with the American public in mind. Charles Bolden, NASA Administrator");
// - a paragraph introduced by a reporting sentence that ends in a colon ("In a statement, the
//   Church denied these allegations:" then "She certainly wasn't forced to be there.").
// Paragraphs with quotation marks of their own are left to the marked quotes (quote_spans.h).
#pragma once

#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/quote_spans.h"
#include "core/nlp/speaker_context.h"

namespace dramatis {

// Direct quotes without marks in `ctx`'s document, in text order; `marked` are its quote spans.
std::vector<Quote> find_unmarked_quotes(const SpeakerContext& ctx,
                                        const std::vector<QuoteSpan>& marked);

}  // namespace dramatis
