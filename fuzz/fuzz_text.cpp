// Fuzz target: the reading engine's text layer on one document's bytes, without the rest of the
// engine (so it runs many more inputs per second than fuzz_engine): the tokenizer
// (text/tokens.h), Markdown blocks and inline spans (text/markdown.h) and sentences
// (text/sentences.h). Every later stage indexes text by these offsets, so besides "no crash" it
// checks the orderings and bounds those headers promise.
#include <algorithm>
#include <string_view>
#include <vector>

#include "core/text/markdown.h"
#include "core/text/sentences.h"
#include "core/text/tokens.h"
#include "fuzz_check.h"

using namespace dramatis;
using namespace dramatis::text;

namespace {

void check_tokens(std::string_view text, const std::vector<Token>& tokens) {
  uint32_t previous_end = 0;
  for (const Token& t : tokens) {
    FUZZ_CHECK(t.start >= previous_end && t.start < t.end && t.end <= text.size());
    previous_end = t.end;
  }
  // The appending form gives the same tokens after what is already there.
  std::vector<Token> appended = {Token{}};
  tokenize(text, appended);
  FUZZ_CHECK(appended.size() == tokens.size() + 1);
  FUZZ_CHECK(std::equal(tokens.begin(), tokens.end(), appended.begin() + 1));
}

void check_blocks(std::string_view text, const std::vector<Block>& blocks) {
  FUZZ_CHECK(text.empty() == blocks.empty());
  size_t line = 0;  // where the next block must start
  for (const Block& b : blocks) {
    FUZZ_CHECK(b.start == line);
    FUZZ_CHECK(b.start <= b.content_start && b.content_start <= b.end && b.end <= text.size());
    FUZZ_CHECK(text.substr(b.start, b.end - b.start).find('\n') == std::string_view::npos);
    // Between lines: "\n" or "\r\n".
    size_t next = b.end;
    if (next < text.size() && text[next] == '\r') ++next;
    FUZZ_CHECK(next == text.size() || text[next] == '\n');
    line = next + 1;
  }
  FUZZ_CHECK(blocks.empty() || line >= text.size());
}

void check_inlines(std::string_view text, const std::vector<Block>& blocks,
                   const std::vector<InlineSpan>& spans) {
  uint32_t previous_start = 0;
  for (const InlineSpan& s : spans) {
    FUZZ_CHECK(s.start <= s.end && s.end <= text.size());
    FUZZ_CHECK(s.start >= previous_start);
    previous_start = s.start;
    // Inside the content of one block that has inline spans.
    const auto after = std::upper_bound(blocks.begin(), blocks.end(), s.start,
                                        [](uint32_t at, const Block& b) { return at < b.start; });
    FUZZ_CHECK(after != blocks.begin());
    const Block& b = *std::prev(after);
    FUZZ_CHECK(b.kind != BlockKind::Code && b.kind != BlockKind::Rule &&
               b.kind != BlockKind::Blank);
    FUZZ_CHECK(b.content_start <= s.start && s.end <= b.end);
  }
}

void check_sentences(const std::vector<Token>& tokens, const std::vector<Block>& blocks,
                     const std::vector<Sentence>& sentences) {
  uint32_t previous_end_token = 0;
  for (const Sentence& s : sentences) {
    FUZZ_CHECK(s.first_token >= previous_end_token);
    FUZZ_CHECK(s.first_token < s.end_token && s.end_token <= tokens.size());
    FUZZ_CHECK(s.start == tokens[s.first_token].start);
    FUZZ_CHECK(s.end == tokens[s.end_token - 1].end);
    FUZZ_CHECK(s.block < blocks.size());
    previous_end_token = s.end_token;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::bytes_of(data, size);
  const std::vector<Token> tokens = tokenize(text);
  check_tokens(text, tokens);
  const std::vector<Block> blocks = parse_blocks(text);
  check_blocks(text, blocks);
  check_inlines(text, blocks, parse_inlines(text, blocks));
  check_sentences(tokens, blocks, split_sentences(text, tokens, blocks));
  return 0;
}
