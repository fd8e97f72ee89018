#include "core/nlp/unmarked_quotes.h"

#include <algorithm>
#include <string>

#include "core/nlp/text_case.h"
#include "core/text/ascii.h"

namespace dramatis {
namespace {

using text::BlockKind;
using text::TokenKind;

// A pull quote is a statement, not a caption: at least this many words.
constexpr size_t kMinPullQuoteWords = 8;
// A paragraph after a colon: at least this many words ("Quote:" then "Yes." is no statement).
constexpr size_t kMinIntroducedWords = 5;
// The most tokens of a speaker's title after the name ("U.S. Senator (R-Texas)").
constexpr size_t kMaxTitleTokens = 10;
// A quoted span this long makes its paragraph a marked quote's; shorter ones ('forced') are
// phrases inside the speech.
constexpr size_t kMinMarkedWords = 5;

size_t word_tokens(const DocumentView& v, size_t first, size_t end) {
  size_t n = 0;
  for (size_t i = first; i < end; ++i) n += v.tokens[i].kind == TokenKind::Word;
  return n;
}

// Blocks that hold a quoted span of some length: their speech has marks.
std::vector<bool> blocks_with_marked_speech(const DocumentView& v,
                                            const std::vector<QuoteSpan>& marked) {
  std::vector<bool> out(v.blocks.size(), false);
  for (const QuoteSpan& span : marked) {
    const std::string_view inner =
        v.text.substr(span.inner_start, span.inner_end - span.inner_start);
    const size_t words = static_cast<size_t>(std::count(inner.begin(), inner.end(), ' ')) + 1;
    if (words < kMinMarkedWords && span.mark != QuoteMark::Blockquote) continue;
    const size_t first = v.block_at(span.start);
    const size_t last = v.block_at(span.end > span.start ? span.end - 1 : span.start);
    for (size_t b = first; b < v.blocks.size() && b <= last; ++b) out[b] = true;
  }
  return out;
}

// The person an attribution line names: "Valeska Paris", "Charles Bolden, NASA Administrator",
// "— John Cornyn, U.S. Senator (R-Texas)"; -1 when the sentence is anything more.
int attribution_line(const SpeakerContext& ctx, const text::Sentence& s) {
  const DocumentView& v = ctx.view();
  size_t t = s.first_token;
  while (t < s.end_token &&
         (v.tokens[t].kind == TokenKind::Emphasis || v.tokens[t].kind == TokenKind::Dash))
    ++t;
  if (t >= s.end_token) return -1;
  const int m = ctx.mention_at(t);
  if (m < 0 || ctx.mention(m).type != EntityType::Person) return -1;
  const size_t after = ctx.past_subject(t, s.end_token);
  if (after < s.end_token && ctx.word(after) != ",") return -1;
  if (s.end_token - after > kMaxTitleTokens) return -1;
  for (size_t j = after; j < s.end_token; ++j) {
    const TokenKind kind = v.tokens[j].kind;
    if (text::is_quote_mark(kind) || kind == TokenKind::Number) return -1;
    if (kind != TokenKind::Word || ctx.mention_at(j) >= 0) continue;
    if (ctx.is_cue(j)) return -1;
    // Title words are capitalised; a lower-case word other than these makes it a sentence.
    const bool capital = v.tokens[j].has(text::kCapitalized) || v.tokens[j].has(text::kAllCaps);
    const std::string lower = to_lower_ascii(ctx.word(j));
    if (!capital && lower != "of" && lower != "the" && lower != "and" && lower != "for") return -1;
  }
  return ctx.mention(m).entity;
}

bool running_text(const DocumentView& v, size_t block) {
  return block < v.blocks.size() && v.blocks[block].kind == BlockKind::Paragraph;
}

bool has_marks(const DocumentView& v, size_t first, size_t end) {
  for (size_t i = first; i < end; ++i) {
    if (text::is_quote_mark(v.tokens[i].kind)) return true;
  }
  return false;
}

Quote make_quote(const DocumentView& v, size_t start, size_t end, int speaker, double confidence,
                 std::string reason) {
  Quote q;
  q.span = {v.doc, static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
  q.kind = QuoteKind::Direct;
  q.speaker = speaker;
  q.confidence = confidence;
  q.reason = std::move(reason);
  return q;
}

// The reporting sentence's speaker: the subject of its first cue.
Subject introducer(const SpeakerContext& ctx, const text::Sentence& s, size_t& cue) {
  for (size_t j = s.first_token; j < s.end_token; ++j) {
    if (!ctx.is_cue(j)) continue;
    cue = j;
    Subject subject = ctx.subject_of(j, s.first_token);
    if (subject.entity < 0) subject = ctx.lead_subject(s.first_token, j);
    return subject;
  }
  return {};
}

bool ends_with_colon(const SpeakerContext& ctx, const text::Sentence& s) {
  size_t t = s.end_token;
  while (t > s.first_token && ctx.view().tokens[t - 1].kind == TokenKind::Emphasis) --t;
  return t > s.first_token && ctx.word(t - 1) == ":";
}

// Only blank lines between the two blocks: the second is the next paragraph.
bool next_paragraph(const DocumentView& v, size_t block, size_t next) {
  for (size_t b = block + 1; b < next; ++b) {
    if (v.blocks[b].kind != BlockKind::Blank) return false;
  }
  return next > block;
}

}  // namespace

std::vector<Quote> find_unmarked_quotes(const SpeakerContext& ctx,
                                        const std::vector<QuoteSpan>& marked) {
  const DocumentView& v = ctx.view();
  const std::vector<text::Sentence>& sentences = v.sentences;
  const std::vector<bool> marked_block = blocks_with_marked_speech(v, marked);
  const auto usable = [&](size_t block) {
    return running_text(v, block) && !marked_block[block] &&
           !v.in_boilerplate(v.blocks[block].content_start);
  };
  std::vector<Quote> out;
  for (size_t i = 1; i < sentences.size(); ++i) {
    const text::Sentence& s = sentences[i];
    const bool last_in_block = i + 1 == sentences.size() || sentences[i + 1].block != s.block;

    // A pull quote: the paragraph's last sentence is its speaker's name.
    if (last_in_block && sentences[i - 1].block == s.block && usable(s.block)) {
      const int speaker = attribution_line(ctx, s);
      size_t first = i - 1;
      while (first > 0 && sentences[first - 1].block == s.block) --first;
      const size_t first_token = sentences[first].first_token;
      const size_t end_token = sentences[i - 1].end_token;
      if (speaker >= 0 && !has_marks(v, first_token, end_token) &&
          word_tokens(v, first_token, end_token) >= kMinPullQuoteWords) {
        out.push_back(make_quote(
            v, sentences[first].start, sentences[i - 1].end, speaker, 0.7,
            "a pull quote: its paragraph ends with the speaker's name, " + ctx.name(speaker)));
      }
    }

    // A paragraph introduced by the colon that ends the paragraph before.
    const text::Sentence& intro = sentences[i - 1];
    if (intro.block == s.block || !ends_with_colon(ctx, intro) ||
        !next_paragraph(v, intro.block, s.block) || !usable(s.block))
      continue;
    size_t cue = 0;
    const Subject subject = introducer(ctx, intro, cue);
    if (subject.entity < 0 || ctx.type(subject.entity) == EntityType::Location) continue;
    // The speech runs to the paragraph's end, or to a sentence that reports again ("They also
    // claimed ...": the writer speaking).
    size_t last = i;
    while (last + 1 < sentences.size() && sentences[last + 1].block == s.block) {
      const text::Sentence& next = sentences[last + 1];
      bool reports = false;
      for (size_t t = next.first_token; t < next.end_token && !reports; ++t)
        reports = ctx.is_cue(t);
      if (reports) break;
      ++last;
    }
    if (word_tokens(v, s.first_token, sentences[last].end_token) < kMinIntroducedWords) continue;
    Quote q = make_quote(v, s.start, sentences[last].end, subject.entity,
                         confidence_for(subject.how, 0.75),
                         "introduced by the colon ending the paragraph before; its subject is " +
                             ctx.describe(subject));
    q.cue = std::string(ctx.word(cue));
    q.cue_span = {v.doc, v.tokens[cue].start, v.tokens[cue].end};
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace dramatis
