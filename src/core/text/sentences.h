// Sentence splitting over tokens and line blocks: where a sentence ends (. ! ? … and CJK 。！？,
// not after Mr. or e.g., not inside 3.5, URLs or e-mail addresses, which are single tokens) and
// which lines a sentence may span. Spans are UTF-8 byte offsets; token ranges index `tokens`.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/markdown.h"
#include "core/text/tokens.h"

namespace dramatis::text {

struct Sentence {
  uint32_t start = 0;        // bytes: the first token's start
  uint32_t end = 0;          // bytes, exclusive: the last token's end (closing quotes included)
  uint32_t first_token = 0;  // index into the tokens
  uint32_t end_token = 0;    // one past the last token
  uint32_t block = 0;        // index of the block (line) the sentence starts in
  friend bool operator==(const Sentence&, const Sentence&) = default;
};

// Sentences in order, from `tokens` = tokenize(text) and `blocks` = parse_blocks(text).
//
// A sentence never leaves its paragraph: headings, list items, blockquote lines and table rows
// are one line each, and blank lines, rules and code end everything. Paragraph lines are joined
// only where a line clearly continues: it does not end with . ! ? … : or a closing quote or
// bracket, and the next Paragraph line starts with a lowercase word (hard-wrapped text). So a
// title line with no final period stays a sentence of its own.
//
// Within a paragraph a sentence ends at . ! ? … (with any closing quotes, brackets and emphasis
// markers glued to it) followed by whitespace and then a capitalized word, a number, an opening
// quote or bracket, or another non-lowercase token; CJK 。！？ end a sentence outright. An
// abbreviation token (tokens.h) ends a sentence only before a common sentence opener (The, He,
// But, ...) or an opening quote, and never a title (Mr., Dr.) or e.g./i.e./vs./cf.
//
// Tokens before a block's content_start (list, heading and quote markers) and tokens in Blank,
// Rule and Code blocks belong to no sentence; every other token belongs to exactly one.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      const std::vector<Block>& blocks);

}  // namespace dramatis::text
