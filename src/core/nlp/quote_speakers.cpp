#include "core/nlp/quote_speakers.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/nlp/lexicon.h"
#include "core/nlp/text_case.h"
#include "core/text/ascii.h"

namespace dramatis {
namespace {

using text::Token;
using text::TokenKind;

// How far (in tokens) a cue may sit from its quote: ", Chintala said, announcing ..." fits.
constexpr size_t kCueWindow = 6;
// A quote this short with no cue is a scare quote or a title ("the 'PyTorch Foundation'"); with
// a cue it is a partial quote (kind "mixed": has called the ruling "dangerous").
constexpr size_t kMinUncuedWords = 5;
// How far back (tokens) a pronoun or "the company" looks for what it refers to.
constexpr size_t kPronounWindow = 400;

struct Speaker {
  int entity = -1;
  double confidence = 0.0;
  std::string reason;
  std::string cue;
  DocSpan cue_span;
};

class Context {
 public:
  Context(const DocumentView& v, const std::vector<MentionRef>& mentions,
          const std::vector<Entity>& entities)
      : v_(v), mentions_(mentions), entities_(entities) {
    // Each token's mention, and each entity's mention count in this document (salience).
    token_mention_.assign(v.tokens.size(), -1);
    size_t m = 0;
    for (size_t i = 0; i < v.tokens.size(); ++i) {
      while (m < mentions.size() && mentions[m].end <= v.tokens[i].start) ++m;
      if (m < mentions.size() && mentions[m].start <= v.tokens[i].start &&
          v.tokens[i].end <= mentions[m].end)
        token_mention_[i] = static_cast<int>(m);
    }
    for (const MentionRef& ref : mentions) ++salience_[ref.entity];
  }

  const DocumentView& view() const { return v_; }
  std::string_view word(size_t i) const { return v_.token_text(i); }
  int mention_at(size_t i) const { return token_mention_[i]; }
  const MentionRef& mention(int m) const { return mentions_[static_cast<size_t>(m)]; }
  const std::string& name(int entity) const { return entities_[static_cast<size_t>(entity)].name; }

  bool is_cue(size_t i) const {
    return v_.tokens[i].kind == TokenKind::Word &&
           lexicon().is_reporting_verb(to_lower_ascii(word(i)));
  }
  bool is_pronoun(size_t i) const {
    const std::string lower = to_lower_ascii(word(i));
    return lower == "he" || lower == "she";
  }
  bool is_company_noun(size_t i) const {
    const std::string lower = to_lower_ascii(word(i));
    return lower == "company" || lower == "firm" || lower == "organisation" ||
           lower == "organization" || lower == "startup" || lower == "group" || lower == "agency";
  }

  // The person a pronoun at token `at` refers to: the latest person named as a sentence's
  // subject in the last few sentences, else the person this document names most.
  int resolve_pronoun(size_t at) const {
    const uint32_t sentence = at < v_.token_sentence.size() ? v_.token_sentence[at] : 0;
    for (size_t i = at; i-- > 0 && at - i < kPronounWindow;) {
      if (v_.token_sentence[i] + 5 < sentence) break;
      const int m = token_mention_[i];
      if (m < 0 || mentions_[static_cast<size_t>(m)].type != EntityType::Person) continue;
      if (is_subject(i)) return mentions_[static_cast<size_t>(m)].entity;
    }
    return most_salient(EntityType::Person);
  }

  int last_of_type(size_t at, EntityType type) const {
    for (size_t i = at; i-- > 0 && at - i < kPronounWindow;) {
      const int m = token_mention_[i];
      if (m >= 0 && mentions_[static_cast<size_t>(m)].type == type)
        return mentions_[static_cast<size_t>(m)].entity;
    }
    return most_salient(type);
  }

  int most_salient(EntityType type) const {
    int best = -1, best_count = 0;
    for (const auto& [entity, count] : salience_) {
      if (entities_[static_cast<size_t>(entity)].type == type && count > best_count) {
        best = entity;
        best_count = count;
      }
    }
    return best;
  }

 private:
  // A mention whose token opens its sentence (after markers): the sentence's subject.
  bool is_subject(size_t i) const {
    const size_t first = v_.sentences[v_.token_sentence[i]].first_token;
    for (size_t j = first; j < i; ++j) {
      if (token_mention_[j] == token_mention_[i]) continue;
      const TokenKind k = v_.tokens[j].kind;
      if (k == TokenKind::Word || k == TokenKind::Number || k == TokenKind::Handle) return false;
    }
    return true;
  }

  const DocumentView& v_;
  const std::vector<MentionRef>& mentions_;
  const std::vector<Entity>& entities_;
  std::vector<int> token_mention_;
  std::map<int, int> salience_;
};

bool skippable(const Token& t) {
  return t.kind == TokenKind::Emphasis || t.kind == TokenKind::Punct || t.kind == TokenKind::Dash ||
         t.kind == TokenKind::CloseQuote || t.kind == TokenKind::OpenQuote ||
         t.kind == TokenKind::AmbiguousQuote;
}

size_t first_token_at_or_after(const DocumentView& v, size_t offset) {
  return static_cast<size_t>(
      std::lower_bound(v.tokens.begin(), v.tokens.end(), offset,
                       [](const Token& t, size_t o) { return t.start < o; }) -
      v.tokens.begin());
}

DocSpan token_span(const DocumentView& v, size_t i) {
  return {v.doc, v.tokens[i].start, v.tokens[i].end};
}

// The entity a subject at token `i` names (a mention, "he"/"she", or "the company"), if any.
int subject_at(const Context& ctx, size_t i, std::string& how) {
  if (const int m = ctx.mention_at(i); m >= 0) {
    how = "named";
    return ctx.mention(m).entity;
  }
  if (ctx.is_pronoun(i)) {
    how = "pronoun";
    return ctx.resolve_pronoun(i);
  }
  if (ctx.is_company_noun(i)) {
    how = "role";
    return ctx.last_of_type(i, EntityType::Org);
  }
  return -1;
}

double confidence_for(const std::string& how, double named) {
  return how == "named" ? named : how == "pronoun" ? named - 0.15 : named - 0.2;
}

std::string describe(const Context& ctx, int entity, const std::string& how, size_t token) {
  if (how == "pronoun")
    return "'" + std::string(ctx.word(token)) + "' refers to " + ctx.name(entity) +
           ", the latest person named as a subject";
  if (how == "role") return "'the " + std::string(ctx.word(token)) + "' is " + ctx.name(entity);
  return ctx.name(entity);
}

bool is_auxiliary(std::string_view word);
int subject_of(const Context& ctx, size_t verb, size_t sentence_first, std::string& how,
               size_t& subject_token);

// The token after the subject that starts at `s`: past a whole mention, a pronoun, or "the
// company". Returns `s` when no subject starts there.
size_t past_subject(const Context& ctx, size_t s, size_t limit) {
  if (s >= limit) return s;
  if (const int m = ctx.mention_at(s); m >= 0) {
    while (s < limit && ctx.mention_at(s) == m) ++s;
    return s;
  }
  if (ctx.is_pronoun(s)) return s + 1;
  if (to_lower_ascii(ctx.word(s)) == "the" && s + 1 < limit && ctx.is_company_noun(s + 1))
    return s + 2;
  return s;
}

// ", X said" / ", said X" / ", he added" / "—the company said" right after the quote: the
// subject and the cue must follow the closing mark with nothing else between them.
Speaker cue_after(const Context& ctx, size_t after) {
  const DocumentView& v = ctx.view();
  const size_t limit = std::min(v.tokens.size(), after + kCueWindow + 2);
  size_t i = after;
  while (i < limit && skippable(v.tokens[i]) && i - after < 3) ++i;
  std::string how;
  // "X said" / "X, the co-founder, said" is left to cue_before of the next quote; here the
  // subject sits right before the cue.
  const size_t subject_end = past_subject(ctx, i, limit);
  if (subject_end > i) {
    size_t j = subject_end;
    while (j < limit && is_auxiliary(ctx.word(j))) ++j;
    if (j < limit && ctx.is_cue(j)) {
      const int entity = subject_at(ctx, i, how);
      if (entity >= 0)
        return {entity, confidence_for(how, 0.93),
                "the speaker follows the quote: '" + std::string(ctx.word(i)) + " " +
                    std::string(ctx.word(j)) + "' (" + describe(ctx, entity, how, i) + ")",
                std::string(ctx.word(j)), token_span(v, j)};
    }
  }
  // "said X", "said the company".
  if (i < limit && ctx.is_cue(i)) {
    const size_t s = i + 1;
    if (past_subject(ctx, s, limit) > s) {
      const size_t head = to_lower_ascii(ctx.word(s)) == "the" ? s + 1 : s;
      const int entity = subject_at(ctx, head, how);
      if (entity >= 0)
        return {entity, confidence_for(how, 0.9),
                "the speaker follows the quote: '" + std::string(ctx.word(i)) + " " +
                    std::string(ctx.word(s)) + "' (" + describe(ctx, entity, how, head) + ")",
                std::string(ctx.word(i)), token_span(v, i)};
    }
  }
  return {};
}

// "X said:", "X told reporters,", "according to X," or "X, the co-founder of Y, said" before the
// quote, in the same sentence.
Speaker cue_before(const Context& ctx, size_t before_end, size_t sentence_first) {
  const DocumentView& v = ctx.view();
  // "According to X, ..."
  const size_t window_start = std::max(sentence_first, before_end > 40 ? before_end - 40 : 0);
  for (size_t i = window_start; i + 2 < before_end; ++i) {
    if (to_lower_ascii(ctx.word(i)) == "according" && to_lower_ascii(ctx.word(i + 1)) == "to") {
      std::string how;
      const int entity = subject_at(ctx, i + 2, how);
      if (entity >= 0)
        return {entity,
                confidence_for(how, 0.92),
                "'according to " + std::string(ctx.word(i + 2)) + "' names " + ctx.name(entity),
                "according to",
                {v.doc, v.tokens[i].start, v.tokens[i + 1].end}};
    }
  }
  // A cue just before the quote ("said:", "told reporters,", "wrote that"), and its subject.
  // A quote can open before its sentence's first token (one on a code line before the first
  // sentence belongs to that sentence), so the bound is written without subtracting them, which
  // wrapped around and stepped before the first token (found by fuzz_engine).
  for (size_t back = 1; back <= 4 && sentence_first + back <= before_end; ++back) {
    const size_t j = before_end - back;
    const std::string_view w = ctx.word(j);
    if (v.tokens[j].kind == TokenKind::Punct && w != "," && w != ":") break;
    if (!ctx.is_cue(j)) continue;
    std::string how;
    size_t subject_token = 0;
    const int entity = subject_of(ctx, j, sentence_first, how, subject_token);
    if (entity < 0) break;
    return {entity, confidence_for(how, 0.9),
            "the speaker introduces the quote: '" + std::string(ctx.word(subject_token)) + " " +
                std::string(w) + "' (" + describe(ctx, entity, how, subject_token) + ")",
            std::string(w), token_span(v, j)};
  }
  return {};
}

// A quote introduced by a colon at the end of the previous line or sentence: the speaker is the
// subject of that sentence when it has a cue ("He confirmed ..., stating:"), else the last person
// it names ("... tributes, including Andrej Karpathy:").
Speaker colon_intro(const Context& ctx, size_t quote_first_token) {
  const DocumentView& v = ctx.view();
  size_t i = quote_first_token;
  while (i > 0 && (v.tokens[i - 1].kind == TokenKind::Emphasis || ctx.word(i - 1) == ">")) --i;
  if (i == 0 || ctx.word(i - 1) != ":") return {};
  const size_t colon = i - 1;
  const size_t first = v.sentences[v.token_sentence[colon]].first_token;
  bool has_cue = false;
  for (size_t j = first; j < colon; ++j) has_cue = has_cue || ctx.is_cue(j);
  std::string how;
  if (has_cue) {
    for (size_t s = first; s < colon; ++s) {
      const int entity = subject_at(ctx, s, how);
      if (entity >= 0 && ctx.view().tokens[s].kind == TokenKind::Word) {
        return {entity,
                confidence_for(how, 0.85),
                "introduced by a colon; the introducing sentence's subject is " +
                    describe(ctx, entity, how, s),
                "",
                {}};
      }
    }
  }
  for (size_t s = colon; s-- > first;) {
    const int m = ctx.mention_at(s);
    if (m >= 0 && ctx.mention(m).type == EntityType::Person) {
      return {ctx.mention(m).entity,
              0.8,
              "introduced by a colon right after " + ctx.name(ctx.mention(m).entity),
              "",
              {}};
    }
  }
  return {};
}

// A quote standing on its own after a heading or a paragraph: the person the previous
// sentence is about ("In his farewell note, he thanked ..." then the farewell quote). Headings
// are skipped; a previous sentence naming no person ("Quote:") leaves the speaker unknown.
Speaker previous_sentence_subject(const Context& ctx, size_t quote_first_token) {
  const DocumentView& v = ctx.view();
  size_t sentence = v.token_sentence[quote_first_token];
  while (sentence > 0) {
    --sentence;
    const text::Sentence& previous = v.sentences[sentence];
    if (previous.block < v.blocks.size() &&
        v.blocks[previous.block].kind == text::BlockKind::Heading)
      continue;
    for (size_t t = previous.first_token; t < previous.end_token; ++t) {
      const int m = ctx.mention_at(t);
      const std::string lower = to_lower_ascii(ctx.word(t));
      int entity = -1;
      std::string why;
      if (m >= 0 && ctx.mention(m).type == EntityType::Person) {
        entity = ctx.mention(m).entity;
        why = ctx.name(entity);
      } else if (lower == "he" || lower == "she" || lower == "his" || lower == "her") {
        entity = ctx.resolve_pronoun(t);
        if (entity >= 0) why = "'" + std::string(ctx.word(t)) + "', that is " + ctx.name(entity);
      }
      if (entity >= 0)
        return {entity, 0.55, "the sentence before the quote is about " + why, "", {}};
    }
    return {};
  }
  return {};
}

size_t word_count(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A quoted title or name: every word capitalised ("Superintelligence Lab", "Starting from Zero").
bool looks_like_title(const DocumentView& v, size_t first, size_t end) {
  size_t words = 0;
  for (size_t i = first; i < end; ++i) {
    if (v.tokens[i].kind != TokenKind::Word) continue;
    ++words;
    if (!v.tokens[i].has(text::kCapitalized) && !v.tokens[i].has(text::kAllCaps) &&
        !is_title_case_function_word(v.token_text(i)))
      return false;
  }
  return words > 0;
}

bool is_auxiliary(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "has",   "have", "had", "will", "would", "also",     "then",     "later",
      "again", "was",  "is",  "had",  "just",  "publicly", "recently", "formally"};
  const std::string lower = to_lower_ascii(word);
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// The subject of the verb at `verb`: the name or pronoun just before it (past auxiliaries,
// adverbs and emphasis), or, after an apposition ("X, the inventor of Y, has announced"), the
// name that opens the sentence.
int subject_of(const Context& ctx, size_t verb, size_t sentence_first, std::string& how,
               size_t& subject_token) {
  const DocumentView& v = ctx.view();
  size_t i = verb;
  while (i > sentence_first &&
         (is_auxiliary(ctx.word(i - 1)) || v.tokens[i - 1].kind == TokenKind::Emphasis))
    --i;
  if (i == sentence_first) return -1;
  if (const int entity = subject_at(ctx, i - 1, how); entity >= 0) {
    subject_token = i - 1;
    return entity;
  }
  if (ctx.word(i - 1) == ",") {
    for (size_t s = sentence_first; s < i - 1; ++s) {
      if (v.tokens[s].kind == TokenKind::Emphasis || v.tokens[s].kind == TokenKind::Bullet)
        continue;
      const int entity = subject_at(ctx, s, how);
      if (entity >= 0) subject_token = s;
      return entity;
    }
  }
  return -1;
}

// Where a reported clause ends: the sentence's end, or a comma that opens a participle
// ("..., citing the team") or a new clause that is commentary.
size_t clause_end(const Context& ctx, size_t clause, size_t sentence_end) {
  const DocumentView& v = ctx.view();
  for (size_t t = clause; t + 1 < sentence_end; ++t) {
    const std::string_view next = ctx.word(t + 1);
    if (ctx.word(t) == "," && next.size() > 4 && next.substr(next.size() - 3) == "ing") return t;
  }
  size_t end = sentence_end;
  while (end > clause && v.tokens[end - 1].kind == TokenKind::Punct) --end;
  return end;
}

// Verbs that report speech or writing in indirect form. `word` is compared in any ASCII case,
// in place: this is asked of every token of every sentence outside direct quotes.
bool is_indirect_cue(std::string_view word) {
  static constexpr std::string_view kVerbs[] = {
      "said",       "says",       "stated",    "told",        "wrote",     "announced", "announces",
      "emphasized", "emphasised", "added",     "noted",       "explained", "argued",    "claimed",
      "confirmed",  "confirms",   "insisted",  "warned",      "admitted",  "revealed",  "posted",
      "tweeted",    "believes",   "suggested", "acknowledged"};
  // Cheap rejections first: the lengths of the verbs, and their last letters (d, s, e).
  static constexpr auto kLastLetter = [] {
    std::array<bool, 256> last{};
    for (const std::string_view verb : kVerbs) last[static_cast<unsigned char>(verb.back())] = true;
    return last;
  }();
  if (word.size() < 4 || word.size() > 12 ||
      !kLastLetter[static_cast<unsigned char>(text::ascii_lower(word.back()))]) {
    return false;
  }
  return text::listed(word, kVerbs);
}

void add_indirect_quotes(const Context& ctx, const std::vector<QuoteSpan>& spans,
                         std::vector<Quote>& quotes) {
  const DocumentView& v = ctx.view();
  size_t next_span = 0;  // spans are sorted; sentences come in order
  const auto inside_direct = [&](size_t offset) {
    while (next_span < spans.size() && spans[next_span].end <= offset) ++next_span;
    return next_span < spans.size() && spans[next_span].start <= offset;
  };
  for (const text::Sentence& sentence : v.sentences) {
    if (sentence.first_token >= sentence.end_token || v.token_boilerplate[sentence.first_token])
      continue;
    if (inside_direct(v.tokens[sentence.first_token].start)) continue;
    for (size_t j = sentence.first_token; j + 1 < sentence.end_token; ++j) {
      const std::string_view word = ctx.word(j);
      const bool according =
          text::equals_lower(word, "according") && text::equals_lower(ctx.word(j + 1), "to");
      if (!according && !is_indirect_cue(word)) continue;
      const std::string lower = to_lower_ascii(word);
      std::string how;
      int entity = -1;
      size_t clause = 0;
      size_t subject_token = 0;
      if (according) {
        // "According to X, <clause>"
        for (size_t s = j + 2; s < sentence.end_token && entity < 0; ++s) {
          entity = subject_at(ctx, s, how);
          subject_token = s;
        }
        for (size_t c = subject_token; c < sentence.end_token; ++c) {
          if (ctx.word(c) == ",") {
            clause = c + 1;
            break;
          }
        }
      } else {
        // "<subject> said (that) <clause>", "<subject> announced in November that <clause>",
        // "<subject> confirmed he had joined ...".
        entity = subject_of(ctx, j, sentence.first_token, how, subject_token);
        size_t c = j + 1;
        size_t that = 0;
        for (size_t k = c; k < sentence.end_token && k <= c + 6; ++k) {
          if (to_lower_ascii(ctx.word(k)) == "that") {
            that = k;
            break;
          }
          if (v.tokens[k].kind == TokenKind::Punct && ctx.word(k) != ",") break;
        }
        if (that > 0) {
          c = that + 1;
        } else if (lower != "said" && lower != "says" &&
                   !(c < sentence.end_token && (ctx.is_pronoun(c) || ctx.mention_at(c) >= 0) &&
                     c + 1 < sentence.end_token && v.tokens[c + 1].kind == TokenKind::Word &&
                     !v.tokens[c + 1].has(text::kCapitalized))) {
          entity = -1;  // no "that" and no clause subject: "announced his retirement"
        }
        clause = c;
      }
      if (entity < 0 || clause == 0 || clause >= sentence.end_token) continue;
      const size_t end_token = clause_end(ctx, clause, sentence.end_token);
      if (end_token <= clause || end_token - clause < 4) continue;
      Quote q;
      q.span = {v.doc, v.tokens[clause].start, v.tokens[end_token - 1].end};
      q.kind = QuoteKind::Indirect;
      q.speaker = entity;
      q.cue = according ? "according to" : std::string(ctx.word(j));
      q.cue_span = token_span(v, j);
      q.confidence = confidence_for(how, 0.75);
      q.reason = "reported speech: '" + std::string(ctx.word(subject_token)) + "' " +
                 (according ? "after 'according to'" : "before '" + lower + "'") + " (" +
                 describe(ctx, entity, how, subject_token) + ")";
      quotes.push_back(std::move(q));
      break;
    }
  }
}

}  // namespace

std::vector<Quote> attribute_quotes(const DocumentView& v, const std::vector<QuoteSpan>& spans,
                                    const std::vector<MentionRef>& mentions,
                                    const std::vector<Entity>& entities) {
  // Speakers are looked for in sentences, through each token's sentence index. A document
  // whose every line is code (one ``` or ~~~ fence) has no sentence, so no index is valid and
  // there is no speech to attribute (found by fuzz_engine).
  if (v.sentences.empty()) return {};
  const Context ctx(v, mentions, entities);
  std::vector<Quote> quotes;
  std::vector<QuoteSpan> speech_spans;
  int previous_speaker = -1;
  size_t previous_end = 0;
  for (const QuoteSpan& span : spans) {
    if (v.in_boilerplate(span.start)) continue;
    const size_t first = first_token_at_or_after(v, span.inner_start);
    const size_t after = first_token_at_or_after(v, span.end);
    const size_t inner_end = first_token_at_or_after(v, span.inner_end);
    if (first >= v.tokens.size()) continue;
    const size_t open_token = first_token_at_or_after(v, span.start);
    const size_t sentence_first = v.sentences[v.token_sentence[open_token]].first_token;

    Speaker speaker;
    if (span.continuation && !quotes.empty() && quotes.back().kind != QuoteKind::Indirect) {
      // A later paragraph of the same quote: the same voice and the same verdict on speech.
      const Quote& previous = quotes.back();
      Quote q = previous;
      q.span = {v.doc, span.start, span.end};
      q.reason = previous.speaker >= 0 ? "continues the quote by " + ctx.name(previous.speaker)
                                       : "continues the previous paragraph's quote";
      quotes.push_back(std::move(q));
      previous_end = span.end;
      continue;
    }
    if (span.continuation) continue;  // its first paragraph was not speech
    speaker = cue_after(ctx, after);
    if (speaker.entity < 0) speaker = cue_before(ctx, open_token, sentence_first);
    if (speaker.entity < 0) speaker = colon_intro(ctx, open_token);
    if (speaker.entity < 0 && span.in_blockquote)
      speaker = previous_sentence_subject(ctx, open_token);

    const size_t words =
        word_count(v.text.substr(span.inner_start, span.inner_end - span.inner_start));
    // Speech or not: a quote with a cue needs a few words ("legacy backlog" is a scare quote);
    // one without a cue needs more, and sentence punctuation (a headline or a title has none).
    const bool cued = speaker.entity >= 0;
    const std::string_view inner =
        v.text.substr(span.inner_start, span.inner_end - span.inner_start);
    const bool after_colon = open_token > 0 && ctx.word(open_token - 1) == ":";
    const bool sentence_like = inner.find_first_of(".!?,;:") != std::string_view::npos ||
                               inner.find("\xE2\x80\xA6") != std::string_view::npos || after_colon;
    if (span.mark != QuoteMark::Blockquote && !cued &&
        (looks_like_title(v, first, inner_end) || words < kMinUncuedWords || !sentence_like))
      continue;

    if (speaker.entity < 0 && previous_speaker >= 0) {
      // Only a paragraph break or two away from the previous quote: the same voice goes on.
      const std::string_view gap = v.text.substr(previous_end, span.start - previous_end);
      const size_t breaks = static_cast<size_t>(std::count(gap.begin(), gap.end(), '\n'));
      if (breaks <= 2 && word_count(gap) <= 12) {
        speaker = {previous_speaker,
                   0.6,
                   "continues the previous quote by " + ctx.name(previous_speaker),
                   "",
                   {}};
      }
    }
    if (speaker.entity < 0) speaker.reason = "no speaker is named near the quote";

    Quote q;
    q.span = {v.doc, span.start, span.end};
    q.kind = span.mark != QuoteMark::Blockquote && words <= 6 && cued &&
                     v.token_sentence[open_token] ==
                         v.token_sentence[std::min(after, v.tokens.size() - 1)] &&
                     open_token > sentence_first
                 ? QuoteKind::Mixed
                 : QuoteKind::Direct;
    q.speaker = speaker.entity;
    q.cue = speaker.cue;
    q.cue_span = speaker.cue_span;
    q.confidence = speaker.entity >= 0 ? speaker.confidence : 0.5;
    q.reason = speaker.reason;
    quotes.push_back(std::move(q));
    speech_spans.push_back(span);
    previous_speaker = speaker.entity;
    previous_end = span.end;
  }
  add_indirect_quotes(ctx, spans, quotes);
  std::sort(quotes.begin(), quotes.end(), [](const Quote& a, const Quote& b) {
    return std::tie(a.span.start, a.span.end) < std::tie(b.span.start, b.span.end);
  });
  return quotes;
}

}  // namespace dramatis
