// Finding quoted spans in a document's text: pairs of quotation marks (straight, typographic,
// single, guillemets), quotes that run over several paragraphs, and Markdown blockquote lines
// without marks. Whether a span is speech (and who said it) is decided later (quote_speakers.h);
// this layer only finds well-formed spans and never pairs an apostrophe as a quote.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dramatis {

enum class QuoteMark : uint8_t { Double, Single, Guillemet, Blockquote };

struct QuoteSpan {
  size_t start = 0;        // at the opening mark (a blockquote: after the "> " marker)
  size_t end = 0;          // after the closing mark
  size_t inner_start = 0;  // the quoted words, without marks
  size_t inner_end = 0;
  QuoteMark mark = QuoteMark::Double;
  bool in_blockquote = false;  // inside a "> " block (with or without its own marks)
  bool continuation = false;   // a later paragraph of the quote before it
};

// Spans in text order, non-overlapping at the top level (a single-quoted phrase inside a
// double-quoted one is not reported separately). A quote over several paragraphs gives one span
// per paragraph (`continuation` on all but the first). Linear in the text's length.
std::vector<QuoteSpan> find_quote_spans(std::string_view text);

}  // namespace dramatis
