#include "core/nlp/quote_speakers.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/nlp/lexicon.h"
#include "core/nlp/speaker_context.h"
#include "core/nlp/text_case.h"
#include "core/nlp/unmarked_quotes.h"
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
// The longest quote a naming verb introduces ("called the plan "a betrayal of voters"").
constexpr size_t kMaxNamingQuoteWords = 6;
// An uncued quote this long is speech even with no punctuation inside it.
constexpr size_t kMinUnpunctuatedSpeechWords = 12;
// How many words of description may stand between a cue and its speaker: "told the press",
// "said Ambassador Mohib", "team member Rodaba Noori told".
constexpr size_t kMaxSpeakerDescriptors = 4;
// The most text between two quotes for the second to carry on the first's voice: 16 words and
// two line breaks fit easily.
constexpr size_t kMaxCarryOverGapBytes = 400;
// The most words between them: the first quote's own attribution fits (", said Sen. X, a New
// Mexico Democrat who helped write the bill.").
constexpr size_t kMaxCarryOverGapWords = 16;

struct Speaker {
  int entity = -1;
  double confidence = 0.0;
  std::string reason;
  std::string cue;
  DocSpan cue_span;
  // The quote stands inside words a cue reports, but whoever reports them is no entity ("The
  // report's authors say iodine deficiency is "the sleeper health issue""): speech, speaker
  // unknown.
  bool reported_unnamed = false;
};

using Context = SpeakerContext;

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

// Whether bytes [from, to) hold a blank line: a paragraph ends there, and a name after it
// begins the next paragraph's sentence, not this quote's attribution.
bool paragraph_break_between(std::string_view text, size_t from, size_t to) {
  bool newline = false;
  for (size_t i = from; i < to && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      if (newline) return true;
      newline = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      newline = false;
    }
  }
  return false;
}

// The first token after up to kMaxSpeakerDescriptors descriptor words (and "the", "'s") from
// `i`, before `limit`.
size_t past_descriptors(const Context& ctx, size_t i, size_t limit) {
  const DocumentView& v = ctx.view();
  for (size_t words = 0; i < limit; ++i) {
    if (v.tokens[i].kind == TokenKind::Possessive) continue;
    const bool article = text::equals_lower(ctx.word(i), "the");
    if (!article && !ctx.is_descriptor(i)) break;
    if (++words > kMaxSpeakerDescriptors) break;
  }
  return i;
}

// "Bayern coach Vincent Kompany", "Airbus chief executive Guillaume Faury", "Microsoft's Satya
// Nadella": where an organisation or place is named at `named_at` and a person follows it after
// at most a few words describing their role, the person's first token; else `named_at`. The
// person is who speaks, the organisation only says whose they are.
size_t past_affiliation(const Context& ctx, size_t named_at, size_t limit) {
  if (named_at >= limit || ctx.mention_at(named_at) < 0) return named_at;
  const Subject named = ctx.subject_at(named_at);
  if (named.entity < 0 || ctx.type(named.entity) == EntityType::Person) return named_at;
  const size_t person = past_descriptors(ctx, ctx.past_subject(named_at, limit), limit);
  if (person >= limit || ctx.mention_at(person) < 0) return named_at;
  const Subject s = ctx.subject_at(person);
  return s.entity >= 0 && ctx.type(s.entity) == EntityType::Person ? person : named_at;
}

// The person (or else organisation) named first in [from, limit), skipping descriptors:
// "according to the Crown prosecutor, Mark Tedeschi, QC," names Tedeschi.
Subject named_after(const Context& ctx, size_t from, size_t limit) {
  Subject other;
  for (size_t i = from; i < limit && i < from + 10; ++i) {
    const TokenKind kind = ctx.view().tokens[i].kind;
    if (kind == TokenKind::OpenQuote || kind == TokenKind::CloseQuote) break;
    if (kind == TokenKind::Punct && ctx.word(i) != ",") break;
    const Subject s = ctx.subject_at(i);
    if (s.entity < 0) continue;
    if (ctx.type(s.entity) == EntityType::Person) return s;
    if (other.entity < 0) other = s;
    // Never back: a role noun ("according to the city") is a subject that past_subject() does not
    // step over from its own token.
    i = std::max(i, ctx.past_subject(i, limit) - 1);
  }
  return other;
}

// The first token at or after `from` (and before `limit`) that is not an auxiliary ("has",
// "also"): where a cue after its subject may stand.
size_t past_auxiliaries(const Context& ctx, size_t from, size_t limit) {
  const size_t end = std::min(limit, ctx.view().tokens.size());
  while (from < end && is_auxiliary(ctx.word(from))) ++from;
  return from;
}

// ", X said" / ", said X" / ", he added" / "—the company said" right after the quote; also
// ", team member X told", ", X, editor at the Gazette, said", ", said Ambassador X" and
// ", according to X". The subject and the cue must follow the closing mark with nothing but
// descriptions between them.
Speaker cue_after(const Context& ctx, size_t after) {
  const DocumentView& v = ctx.view();
  const size_t limit = std::min(v.tokens.size(), after + kCueWindow + 2);
  size_t i = after;
  while (i < limit && skippable(v.tokens[i]) && i - after < 3) ++i;
  if (i < limit && after > 0 &&
      paragraph_break_between(v.text, v.tokens[after - 1].end, v.tokens[i].start))
    return {};
  if (i >= limit) return {};  // the quote ends the document, or nothing but marks follows
  // "X said" / "team member X told"; "X, the co-founder, said" before the next quote is left to
  // its cue_before; here the subject sits right before the cue or before an apposition.
  // A subject right here (a name, a pronoun, or "the company", "the spokesperson": a role noun is
  // the subject, not a description to skip); else a description before the name.
  const bool subject_here = ctx.past_subject(i, limit) > i;
  size_t described = subject_here ? i : past_descriptors(ctx, i, limit);
  // "the association's president, Dr. Adaeze Nwachukwu-Bello, told": the name in apposition to
  // the description (an honorific is part of the mention or skipped as a descriptor).
  if (described > i && described + 1 < limit && ctx.word(described) == ",") {
    const size_t name = past_descriptors(ctx, described + 1, limit);
    if (name < limit && ctx.mention_at(name) >= 0) described = name;
  }
  const size_t named_at = past_affiliation(ctx, described, limit);
  const size_t subject_end = ctx.past_subject(named_at, v.tokens.size());
  if (named_at < limit && subject_end > named_at &&
      (named_at == i || ctx.mention_at(named_at) >= 0)) {
    size_t j = subject_end;
    // The apposition's closing comma: "the union president, Adaeze Bello, told".
    if (described != i && j + 1 < v.tokens.size() && ctx.word(j) == "," &&
        ctx.is_cue(past_auxiliaries(ctx, j + 1, j + 3)))
      ++j;
    if (j < v.tokens.size() && ctx.word(j) == "," && ctx.mention_at(named_at) >= 0) {
      // An apposition: ", X, editor at large at the Saudi Gazette, said."
      for (size_t k = j + 1; k < v.tokens.size() && k < j + 16; ++k) {
        const TokenKind kind = v.tokens[k].kind;
        if (kind == TokenKind::OpenQuote || kind == TokenKind::CloseQuote) break;
        if (kind == TokenKind::Punct && ctx.word(k) != ",") break;
        if (ctx.word(k) == "," && k + 1 < v.tokens.size()) {
          size_t cue = k + 1;
          while (cue < v.tokens.size() && is_auxiliary(ctx.word(cue))) ++cue;
          if (cue < v.tokens.size() && ctx.is_cue(cue)) j = cue;
          break;
        }
      }
    }
    j = past_auxiliaries(ctx, j, subject_end + 3);
    if (j < v.tokens.size() && ctx.is_cue(j)) {
      const Subject s = ctx.subject_at(named_at);
      if (s.entity >= 0)
        return {s.entity, confidence_for(s.how, 0.93),
                "the speaker follows the quote: '" +
                    std::string(subject_here ? v.text.substr(v.tokens[i].start,
                                                             v.tokens[subject_end - 1].end -
                                                                 v.tokens[i].start)
                                             : ctx.word(named_at)) +
                    " " + std::string(ctx.word(j)) + "' (" + ctx.describe(s) + ")",
                std::string(ctx.word(j)), token_span(v, j)};
    }
  }
  // ", it added": an organisation speaks; "it" is the latest one named before (the outlet or
  // agency the previous quote was given to, as a rule).
  if (text::equals_lower(ctx.word(i), "it") && ctx.mention_at(i) < 0) {
    const size_t j = past_auxiliaries(ctx, i + 1, i + 3);
    if (j < v.tokens.size() && ctx.is_cue(j)) {
      const int org = ctx.last_of_type(i, EntityType::Org);
      if (org >= 0)
        return {org, 0.7,
                "the speaker follows the quote: 'it " + std::string(ctx.word(j)) +
                    "', and 'it' is " + ctx.name(org) + ", the latest organisation named",
                std::string(ctx.word(j)), token_span(v, j)};
    }
  }
  // "said X", "said the company", "said Ambassador X".
  if (ctx.is_cue(i)) {
    const size_t s = i + 1;
    size_t head = s < limit && text::equals_lower(ctx.word(s), "the") ? s + 1 : s;
    if (ctx.past_subject(head, limit) == head) {
      head = past_descriptors(ctx, s, limit);
      if (head >= limit || ctx.mention_at(head) < 0) head = s;
    }
    const size_t person = past_affiliation(ctx, head, limit);  // "said Bayern coach X"
    const size_t named = person != head ? person : s;          // the word the reason quotes
    head = person;
    if (ctx.past_subject(head, limit) > head) {
      const Subject subject = ctx.subject_at(head);
      if (subject.entity >= 0)
        return {subject.entity, confidence_for(subject.how, 0.9),
                "the speaker follows the quote: '" + std::string(ctx.word(i)) + " " +
                    std::string(ctx.word(named)) + "' (" + ctx.describe(subject) + ")",
                std::string(ctx.word(i)), token_span(v, i)};
    }
  }
  // ", according to the Sydney Morning Herald."
  if (i + 2 < v.tokens.size() && text::equals_lower(ctx.word(i), "according") &&
      text::equals_lower(ctx.word(i + 1), "to")) {
    const Subject s = named_after(ctx, i + 2, v.tokens.size());
    if (s.entity >= 0)
      return {s.entity,
              confidence_for(s.how, 0.9),
              "'according to " + ctx.name(s.entity) + "' follows the quote",
              "according to",
              {v.doc, v.tokens[i].start, v.tokens[i + 1].end}};
  }
  return {};
}

// "X said:", "X told reporters,", "X told The Huffington Post,", "according to X,", "in the
// words of X," or "X, the co-founder of Y, said" before the quote, in the same sentence.
// Verbs that put a word or two of someone's in quotation marks as a name for something: "has
// called the sentence "dangerous"", "described the plan as "reckless"".
bool is_naming_verb(std::string_view w) {
  for (const char* verb :
       {"called", "calls", "calling", "described", "describes", "describing", "labelled", "labeled",
        "labels", "termed", "terms", "dubbed", "dubs", "characterized", "characterised",
        "characterizes", "characterises", "branded", "brands"}) {
    if (text::equals_lower(w, verb)) return true;
  }
  return false;
}

Speaker cue_before(const Context& ctx, size_t before_end, size_t sentence_first, bool short_quote) {
  const DocumentView& v = ctx.view();
  // "According to X, ...", "In the words of X, ..."
  const size_t window_start = std::max(sentence_first, before_end > 40 ? before_end - 40 : 0);
  for (size_t i = window_start; i + 2 < before_end; ++i) {
    const bool according =
        text::equals_lower(ctx.word(i), "according") && text::equals_lower(ctx.word(i + 1), "to");
    const bool words_of = i >= 2 && text::equals_lower(ctx.word(i), "words") &&
                          text::equals_lower(ctx.word(i + 1), "of") &&
                          text::equals_lower(ctx.word(i - 1), "the") &&
                          text::equals_lower(ctx.word(i - 2), "in");
    if (!according && !words_of) continue;
    const Subject s = according ? ctx.subject_at(i + 2) : named_after(ctx, i + 2, before_end);
    if (s.entity < 0) continue;
    const std::string cue = according ? "according to" : "in the words of";
    const size_t cue_first = according ? i : i - 2;
    return {s.entity,
            confidence_for(s.how, 0.92),
            "'" + cue + " " + std::string(ctx.word(s.token)) + "' names " + ctx.name(s.entity),
            cue,
            {v.doc, v.tokens[cue_first].start, v.tokens[i + 1].end}};
  }
  // A cue just before the quote ("said:", "told reporters,", "wrote that"), and its subject.
  // A name after the cue is whom it was told to and counts as one word. A quote can open
  // before its sentence's first token (one on a code line before the first sentence belongs to
  // that sentence), so the bound is written without subtracting them, which wrapped around and
  // stepped before the first token (found by fuzz_engine).
  // A short quote may also follow a naming verb and its object ("called the sentence").
  size_t j = before_end;
  for (size_t back = 1; back <= 4 && sentence_first < j; ++back) {
    --j;
    if (const int m = ctx.mention_at(j); m >= 0) {
      while (j > sentence_first && ctx.mention_at(j - 1) == m) --j;
      continue;
    }
    const std::string_view w = ctx.word(j);
    if (v.tokens[j].kind == TokenKind::Punct && w != "," && w != ":") break;
    // A naming verb needs a doer right before it ("X called", "has called", "he described"):
    // "an organisation called the 'PyTorch Foundation'" names a thing, nobody speaks.
    // After a comma the doer is the sentence's subject, set off by an apposition ("X of Kansas,
    // one of the Republicans who opposed it, called it "another blank check""): a person only.
    const bool after_apposition = j > sentence_first && ctx.word(j - 1) == ",";
    const bool naming = short_quote && is_naming_verb(w) && j > sentence_first &&
                        (is_auxiliary(ctx.word(j - 1)) || ctx.mention_at(j - 1) >= 0 ||
                         ctx.is_pronoun(j - 1) || after_apposition);
    if (!ctx.is_cue(j) && !naming) continue;
    const Subject s = ctx.subject_of(j, sentence_first);
    if (s.entity < 0) break;
    if (naming && !ctx.is_cue(j) && after_apposition &&
        (s.how != SubjectHow::Named || ctx.type(s.entity) != EntityType::Person))
      break;
    return {s.entity, confidence_for(s.how, 0.9),
            "the speaker introduces the quote: '" + std::string(ctx.word(s.token)) + " " +
                std::string(w) + "' (" + ctx.describe(s) + ")",
            std::string(w), token_span(v, j)};
  }
  // "He characterized the conflict between X and Y as "...": a naming verb, its object however
  // long, then "as" right before the quote; the verb's doer said it.
  if (before_end > sentence_first + 2 && text::equals_lower(ctx.word(before_end - 1), "as")) {
    for (size_t k = before_end - 1; k-- > sentence_first + 1 && before_end - k <= 30;) {
      if (v.tokens[k].kind == TokenKind::Punct || text::is_quote_mark(v.tokens[k].kind)) break;
      if (!is_naming_verb(ctx.word(k))) continue;
      const Subject s = ctx.subject_of(k, sentence_first);
      if (s.entity < 0) break;
      return {s.entity, confidence_for(s.how, 0.85),
              "the speaker describes something as the quote: '" + std::string(ctx.word(s.token)) +
                  " " + std::string(ctx.word(k)) + " ... as' (" + ctx.describe(s) + ")",
              std::string(ctx.word(k)), token_span(v, k)};
    }
  }
  return {};
}

// A quote introduced by a colon at the end of the previous line or sentence: the speaker is the
// subject of its cue when it has one ("US President Barack Obama tweeted using his account:",
// "She continued:"), else the last person it names ("... tributes, including Andrej Karpathy:").
Speaker colon_intro(const Context& ctx, size_t quote_first_token) {
  const DocumentView& v = ctx.view();
  size_t i = quote_first_token;
  while (i > 0 && (v.tokens[i - 1].kind == TokenKind::Emphasis || ctx.word(i - 1) == ">")) --i;
  if (i == 0 || ctx.word(i - 1) != ":") return {};
  const size_t colon = i - 1;
  const size_t first = v.sentences[v.token_sentence[colon]].first_token;
  for (size_t j = first; j < colon; ++j) {
    if (!ctx.is_cue(j) && !is_naming_verb(ctx.word(j))) continue;
    Subject s = ctx.subject_of(j, first);
    if (s.entity < 0) s = ctx.lead_subject(first, j);
    // A cue with no subject of its own is a participle ("Writing in a blog post, X dubbed
    // ...:"): the sentence's own verb may still come.
    if (s.entity < 0) continue;
    return {s.entity,
            confidence_for(s.how, 0.85),
            "introduced by a colon; the introducing sentence's subject is " + ctx.describe(s),
            "",
            {}};
  }
  // "Coach X was furious with the decision to send off Y, and his verdict was blunt:": the
  // speaker's own words ("his", "her") just before the colon point back to the sentence's
  // subject, not to the last person named.
  for (size_t j = colon; j-- > first && colon - j <= 6;) {
    if (v.tokens[j].kind == TokenKind::Punct) break;
    if (!text::equals_lower(ctx.word(j), "his") && !text::equals_lower(ctx.word(j), "her"))
      continue;
    // The subject may be a pronoun: "Asked whether ..., she shook her head:".
    const Subject lead = ctx.lead_subject(first, j);
    if (lead.entity >= 0 && lead.how != SubjectHow::Role &&
        ctx.type(lead.entity) == EntityType::Person)
      return {lead.entity,
              0.75,
              "introduced by a colon after '" + std::string(ctx.word(j)) + " " +
                  std::string(ctx.word(j + 1)) + "', the words of the sentence's subject " +
                  ctx.name(lead.entity),
              "",
              {}};
    break;
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

// The sentence before `quote_first_token`'s, past headings; npos when there is none.
size_t previous_sentence(const DocumentView& v, size_t quote_first_token) {
  size_t sentence = v.token_sentence[quote_first_token];
  while (sentence > 0) {
    --sentence;
    const text::Sentence& previous = v.sentences[sentence];
    if (previous.block < v.blocks.size() &&
        v.blocks[previous.block].kind == text::BlockKind::Heading)
      continue;
    return sentence;
  }
  return std::string_view::npos;
}

// A quote standing on its own after a heading or a paragraph: the person the previous
// sentence is about ("In his farewell note, he thanked ..." then the farewell quote). Headings
// are skipped; a previous sentence naming no person ("Quote:") leaves the speaker unknown.
Speaker previous_sentence_subject(const Context& ctx, size_t quote_first_token) {
  const DocumentView& v = ctx.view();
  const size_t sentence = previous_sentence(v, quote_first_token);
  if (sentence == std::string_view::npos) return {};
  const text::Sentence& previous = v.sentences[sentence];
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
    if (entity >= 0) return {entity, 0.55, "the sentence before the quote is about " + why, "", {}};
  }
  return {};
}

// A quote that opens its own sentence right after a sentence reporting someone's words ("Wilkins
// also said Warhol was a businessperson." then the quote; "Senator X issued a statement ...").
Speaker reported_just_before(const Context& ctx, size_t quote_first_token) {
  const DocumentView& v = ctx.view();
  const size_t sentence = previous_sentence(v, quote_first_token);
  if (sentence == std::string_view::npos) return {};
  const text::Sentence& previous = v.sentences[sentence];
  for (size_t t = previous.first_token; t < previous.end_token; ++t) {
    const TokenKind kind = v.tokens[t].kind;
    if (text::is_quote_mark(kind)) return {};  // a sentence with its own quote speaks for itself
    const bool statement = text::equals_lower(ctx.word(t), "statement");
    if (!ctx.is_cue(t) && !statement) continue;
    Subject s = ctx.subject_of(t, previous.first_token);
    if (s.entity < 0 && statement) s = ctx.lead_subject(previous.first_token, t);
    if (s.entity < 0 || ctx.type(s.entity) == EntityType::Location) return {};
    return {s.entity, confidence_for(s.how, 0.7),
            "the sentence before the quote reports " + ctx.describe(s) + ": '" +
                std::string(ctx.word(s.token)) + " ... " + std::string(ctx.word(t)) + "'",
            std::string(ctx.word(t)), token_span(v, t)};
  }
  return {};
}

// A quote inside the words a cue earlier in its sentence reports: "Minister X said a "more
// general reflection" is needed" is X's phrase.
Speaker partial_in_reported_words(const Context& ctx, size_t open_token, size_t sentence_first) {
  Speaker unnamed;
  for (size_t j = sentence_first; j < open_token; ++j) {
    const TokenKind kind = ctx.view().tokens[j].kind;
    if (text::is_quote_mark(kind))
      return {};  // an earlier quote of the sentence has its own attribution
    if (!ctx.is_cue(j)) continue;
    const Subject s = ctx.subject_of(j, sentence_first);
    if (s.entity < 0) {
      if (unnamed.cue.empty()) {
        unnamed.cue = std::string(ctx.word(j));
        unnamed.cue_span = token_span(ctx.view(), j);
        unnamed.reported_unnamed = true;
        unnamed.reason = "quoted inside words reported with '" + unnamed.cue +
                         "'; who reports them is not named";
      }
      continue;
    }
    return {s.entity, confidence_for(s.how, 0.75),
            "quoted within the words '" + std::string(ctx.word(s.token)) + " " +
                std::string(ctx.word(j)) + "' reports (" + ctx.describe(s) + ")",
            std::string(ctx.word(j)), token_span(ctx.view(), j)};
  }
  return unnamed;
}

// The gap between two quotes of one list: "and", "or" or a comma, with bracketed asides
// ("((it))", "(in Italian)") and spaces around them.
bool joined_to_previous(std::string_view gap) {
  if (gap.size() > 40) return false;
  std::string words;
  int depth = 0;
  for (char c : gap) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return false;
    } else if (depth == 0 && c != ' ') {
      if (c == '\n' || c == '.' || c == ';' || c == ':') return false;
      words += c;
    }
  }
  return depth == 0 &&
         (words == "and" || words == "or" || words == "," || words == ",and" || words == ",or");
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

// Whether [start, end) of `text` holds a marked span (not a blockquote line) opening in lower
// case, as a fragment of someone's words does (a name in marks, "Better Idea of Afghan Girls",
// is in title case), that no quote took: none starts where it does (`taken_starts`, sorted).
// `spans` are sorted by start.
bool quotes_fragment(std::string_view text, const std::vector<QuoteSpan>& spans,
                     const std::vector<size_t>& taken_starts, size_t start, size_t end) {
  auto it = std::partition_point(spans.begin(), spans.end(),
                                 [&](const QuoteSpan& span) { return span.start < start; });
  for (; it != spans.end() && it->start < end; ++it) {
    if (it->end <= end && it->mark != QuoteMark::Blockquote && it->inner_start < it->inner_end &&
        text[it->inner_start] >= 'a' && text[it->inner_start] <= 'z' &&
        !std::binary_search(taken_starts.begin(), taken_starts.end(), it->start))
      return true;
  }
  return false;
}

void add_indirect_quotes(const Context& ctx, const std::vector<QuoteSpan>& spans,
                         std::vector<Quote>& quotes) {
  const DocumentView& v = ctx.view();
  std::vector<size_t> taken_starts;
  for (const Quote& q : quotes) taken_starts.push_back(q.span.start);
  std::sort(taken_starts.begin(), taken_starts.end());
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
      Subject subject;
      size_t clause = 0;
      if (according) {
        // "According to X, <clause>"
        for (size_t s = j + 2; s < sentence.end_token && subject.entity < 0; ++s)
          subject = ctx.subject_at(s);
        for (size_t c = subject.token; subject.entity >= 0 && c < sentence.end_token; ++c) {
          if (ctx.word(c) == ",") {
            clause = c + 1;
            break;
          }
        }
      } else {
        // "<subject> said (that) <clause>", "<subject> announced in November that <clause>",
        // "<subject> confirmed he had joined ...".
        subject = ctx.subject_of(j, sentence.first_token);
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
          subject = {};  // no "that" and no clause subject: "announced his retirement"
        }
        clause = c;
      }
      if (subject.entity < 0 || clause == 0 || clause >= sentence.end_token) continue;
      const size_t end_token = clause_end(ctx, clause, sentence.end_token);
      if (end_token <= clause || end_token - clause < 4) continue;
      Quote q;
      q.span = {v.doc, v.tokens[clause].start, v.tokens[end_token - 1].end};
      // "has been told to prepare a "quasi-state of war"": reported words that quote some of
      // the speaker's own in marks no direct quote took are a mixed quote.
      q.kind = quotes_fragment(v.text, spans, taken_starts, q.span.start, q.span.end)
                   ? QuoteKind::Mixed
                   : QuoteKind::Indirect;
      q.speaker = subject.entity;
      q.cue = according ? "according to" : std::string(ctx.word(j));
      q.cue_span = token_span(v, j);
      q.confidence = confidence_for(subject.how, 0.75);
      q.reason = "reported speech: '" + std::string(ctx.word(subject.token)) + "' " +
                 (according ? "after 'according to'" : "before '" + lower + "'") + " (" +
                 ctx.describe(subject) + ")";
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
  std::vector<std::pair<size_t, size_t>> quoted;
  for (const QuoteSpan& span : spans) quoted.emplace_back(span.start, span.end);
  const Context ctx(v, mentions, entities, std::move(quoted));
  std::vector<Quote> quotes;
  std::vector<QuoteSpan> speech_spans;
  int previous_speaker = -1;
  size_t previous_end = 0;
  bool previous_kept = false;  // the previous span was kept as speech (with a speaker or not)
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
    // "... posted that the result was "not the night we hoped for." She later told ...": a
    // quotation inside a sentence that ends with that sentence's full stop leaves what follows
    // to the next sentence.
    const bool closes_its_sentence = open_token > sentence_first &&
                                     span.inner_end > span.inner_start &&
                                     v.text[span.inner_end - 1] == '.';
    if (!closes_its_sentence) speaker = cue_after(ctx, after);
    const size_t words =
        word_count(v.text.substr(span.inner_start, span.inner_end - span.inner_start));
    if (speaker.entity < 0)
      speaker = cue_before(ctx, open_token, sentence_first, words <= kMaxNamingQuoteWords);
    if (speaker.entity < 0) speaker = colon_intro(ctx, open_token);
    if (speaker.entity < 0 && span.in_blockquote)
      speaker = previous_sentence_subject(ctx, open_token);
    if (speaker.entity < 0 && open_token <= sentence_first)
      speaker = reported_just_before(ctx, open_token);

    // Only a paragraph break or two away from the previous quote: the same voice may go on.
    // (Asked of every span, so a gap longer than a few words' bytes is not scanned at all.)
    bool near_previous = false;
    // The previous quote's voice is no one named, and this one follows in the same paragraph
    // ("\"...,\" said one man, who declined to give his name. \"...\""): it goes on unnamed.
    bool after_unnamed = false;
    if (previous_kept && span.start - previous_end <= kMaxCarryOverGapBytes) {
      const std::string_view gap = v.text.substr(previous_end, span.start - previous_end);
      const size_t breaks = static_cast<size_t>(std::count(gap.begin(), gap.end(), '\n'));
      const bool close = word_count(gap) <= kMaxCarryOverGapWords;
      near_previous = previous_speaker >= 0 && breaks <= 2 && close;
      after_unnamed = previous_speaker < 0 && breaks == 0 && close;
    }
    const bool title = looks_like_title(v, first, inner_end);
    if (speaker.entity < 0 && !title)
      speaker = partial_in_reported_words(ctx, open_token, sentence_first);
    // "has called the sentence "dangerous" (it) and "ideological"": a short quote joined to the
    // speech just before it by "and", "or" or a comma is the same voice's.
    if (speaker.entity < 0 && !speaker.reported_unnamed && previous_speaker >= 0 &&
        words <= kMaxNamingQuoteWords &&
        joined_to_previous(v.text.substr(previous_end, span.start - previous_end))) {
      speaker = {previous_speaker,
                 0.7,
                 "joined to the previous quote by " + ctx.name(previous_speaker),
                 "",
                 {}};
    }

    // Speech or not: a quote with a cue may be a phrase ("has called the ruling "dangerous"");
    // one without needs a few words and sentence punctuation (a headline or a title has none),
    // or, right after the previous quote, a sentence of its own ("I smacked them around.").
    const bool cued = speaker.entity >= 0 || (speaker.reported_unnamed && words >= kMinUncuedWords);
    const std::string_view inner =
        v.text.substr(span.inner_start, span.inner_end - span.inner_start);
    const bool after_colon = open_token > 0 && ctx.word(open_token - 1) == ":";
    // A dozen words in quotation marks are speech even without punctuation inside (a closing
    // full stop is often set outside the marks); headlines and titles are shorter.
    const bool sentence_like = inner.find_first_of(".!?,;:") != std::string_view::npos ||
                               inner.find("\xE2\x80\xA6") != std::string_view::npos ||
                               after_colon || words >= kMinUnpunctuatedSpeechWords;
    const bool own_sentence = open_token <= sentence_first && !inner.empty() &&
                              std::string_view(".!?").find(inner.back()) != std::string_view::npos;
    if (span.mark != QuoteMark::Blockquote && !cued &&
        (title || !sentence_like || (words < kMinUncuedWords && !(near_previous && own_sentence))))
      continue;

    if (speaker.entity < 0 && !speaker.reported_unnamed && near_previous) {
      speaker = {previous_speaker,
                 0.6,
                 "continues the previous quote by " + ctx.name(previous_speaker),
                 "",
                 {}};
    }
    // Speech that opens its own sentence with no cue anywhere near: the person the sentence
    // before is about ("Why did she want to attend? "It's Warhol."").
    if (speaker.entity < 0 && !speaker.reported_unnamed && after_unnamed) {
      speaker.reason = "continues the previous quote, whose speaker is not named";
    } else {
      if (speaker.entity < 0 && !speaker.reported_unnamed && open_token <= sentence_first)
        speaker = previous_sentence_subject(ctx, open_token);
      if (speaker.entity < 0 && !speaker.reported_unnamed)
        speaker.reason = "no speaker is named near the quote";
    }

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
    previous_kept = true;
  }
  for (Quote& q : find_unmarked_quotes(ctx, spans)) quotes.push_back(std::move(q));
  add_indirect_quotes(ctx, spans, quotes);
  std::sort(quotes.begin(), quotes.end(), [](const Quote& a, const Quote& b) {
    return std::tie(a.span.start, a.span.end) < std::tie(b.span.start, b.span.end);
  });
  return quotes;
}

}  // namespace dramatis
