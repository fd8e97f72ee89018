#include "core/text/sentences.h"

#include "core/text/ascii.h"

namespace dramatis::text {

namespace {

// Titles come before a name, so their dot never ends a sentence.
constexpr std::string_view kTitles[] = {"mr.",   "mrs.", "ms.",   "messrs.", "mme.",  "dr.",
                                        "prof.", "sen.", "rep.",  "gov.",    "gen.",  "col.",
                                        "lt.",   "sgt.", "capt.", "cmdr.",   "adm.",  "maj.",
                                        "rev.",  "hon.", "pres.", "supt.",   "insp.", "fr."};
constexpr std::string_view kNeverFinal[] = {"e.g.", "i.e.", "vs.", "cf.", "approx."};

// Words that commonly open a sentence: after an abbreviation ("to the U.S. The President"),
// one of these says a new sentence starts; a name ("U.S. President") says it does not.
constexpr std::string_view kOpeners[] = {
    "the",     "a",         "an",      "this",     "that",      "these",   "those",     "he",
    "she",     "it",        "they",    "we",       "i",         "you",     "his",       "her",
    "its",     "their",     "our",     "my",       "there",     "here",    "but",       "and",
    "or",      "so",        "yet",     "in",       "on",        "at",      "for",       "as",
    "after",   "before",    "when",    "while",    "if",        "however", "meanwhile", "also",
    "still",   "then",      "now",     "today",    "yesterday", "last",    "both",      "all",
    "some",    "many",      "most",    "one",      "what",      "who",     "why",       "how",
    "where",   "according", "despite", "although", "though",    "since",   "because",   "during",
    "instead", "such",      "each",    "every",    "earlier",   "later",   "other",     "with"};

bool is_terminal_punct(std::string_view s) {
  return s == "." || s == "!" || s == "?" || s == "\xE3\x80\x82" /* 。 */ ||
         s == "\xEF\xBC\x81" /* ！ */ || s == "\xEF\xBC\x9F" /* ？ */ ||
         s == "\xEF\xBD\xA1" /* ｡ */ || s == "\xE2\x80\xBC" /* ‼ */ ||
         s == "\xE2\x81\x87" /* ⁇ */ || s == "\xE2\x81\x88" /* ⁈ */ || s == "\xE2\x81\x89" /* ⁉ */;
}

bool is_cjk_terminal(std::string_view s) {
  return s == "\xE3\x80\x82" || s == "\xEF\xBC\x81" || s == "\xEF\xBC\x9F" || s == "\xEF\xBD\xA1";
}

bool is_closing_bracket(std::string_view s) {
  return s == ")" || s == "]" || s == "}" || s == "\xEF\xBC\x89" /* ） */ ||
         s == "\xE3\x80\x8D" /* 」 */ || s == "\xE3\x80\x8F" /* 』 */;
}

bool is_opening_bracket(std::string_view s) {
  return s == "(" || s == "[" || s == "{" || s == "\xEF\xBC\x88" /* （ */;
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens, std::vector<Sentence>& out)
      : t_(text), tokens_(tokens), out_(out) {}

  // Splits the tokens [a, b) of one paragraph that starts in block `block`.
  void paragraph(size_t a, size_t b, uint32_t block) {
    size_t s = a;
    for (size_t k = a; k < b; ++k) {
      const Token& tok = tokens_[k];
      const bool abbreviation = tok.kind == TokenKind::Word && tok.has(kAbbreviation);
      if (!ends_sentence(tok) && !abbreviation) continue;
      // Further terminals and closing marks glued to the terminal belong to the sentence.
      size_t e = k + 1;
      bool cjk = tok.kind == TokenKind::Punct && is_cjk_terminal(text(tok));
      while (e < b && tokens_[e].start == tokens_[e - 1].end &&
             (ends_sentence(tokens_[e]) || closes(tokens_[e]))) {
        cjk = cjk || (tokens_[e].kind == TokenKind::Punct && is_cjk_terminal(text(tokens_[e])));
        ++e;
      }
      if (e >= b) break;
      const bool glued = tokens_[e].start == tokens_[e - 1].end;
      bool split = false;
      if (cjk) {
        split = true;
      } else if (!glued) {
        split = abbreviation && e == k + 1 ? abbreviation_ends(tok, tokens_[e])
                                           : starts_sentence(tokens_[e]);
      }
      if (split) {
        emit(s, e, block);
        s = e;
      }
      k = e - 1;
    }
    if (s < b) emit(s, b, block);
  }

  // Whether a paragraph's last line clearly continues on a next line that starts with `next`.
  bool continues(const Token& last, const Token& next) const {
    if (ends_sentence(last) || closes(last) || text(last) == ":") return false;
    if (next.kind != TokenKind::Word || next.has(kCapitalized)) return false;
    const unsigned char c = static_cast<unsigned char>(t_[next.start]);
    return (c >= 'a' && c <= 'z') || c >= 0x80;
  }

 private:
  std::string_view text(const Token& tok) const { return tok.text(t_); }

  bool ends_sentence(const Token& tok) const {
    return tok.kind == TokenKind::Ellipsis ||
           (tok.kind == TokenKind::Punct && is_terminal_punct(text(tok)));
  }

  bool closes(const Token& tok) const {
    return tok.kind == TokenKind::CloseQuote || tok.kind == TokenKind::AmbiguousQuote ||
           tok.kind == TokenKind::Emphasis ||
           (tok.kind == TokenKind::Punct && is_closing_bracket(text(tok)));
  }

  bool starts_sentence(const Token& next) const {
    switch (next.kind) {
      case TokenKind::Word: {
        if (next.has(kCapitalized)) return true;
        // Uncased scripts (Hebrew, Arabic, Hangul, ...) have no capitals to go by.
        const unsigned char c = static_cast<unsigned char>(t_[next.start]);
        if (c >= '0' && c <= '9') return true;  // 1990s, 20th
        return c >= 0x80 && !lowercase_start(next);
      }
      case TokenKind::Punct: return is_opening_bracket(text(next));
      case TokenKind::CloseQuote:
      case TokenKind::Possessive: return false;
      default: return true;
    }
  }

  // A non-ASCII first letter that is lowercase Latin/Greek/Cyrillic, judged by its UTF-8 lead
  // byte ranges coarsely: the tokenizer already set kCapitalized for uppercase ones, so a Word
  // without it whose first letter is in a cased script starts lowercase.
  bool lowercase_start(const Token& word) const {
    const unsigned char c = static_cast<unsigned char>(t_[word.start]);
    return c >= 0xC3 && c <= 0xD4;  // U+00C0..U+052F: Latin-1, Latin Extended, Greek, Cyrillic
  }

  bool abbreviation_ends(const Token& abbreviation, const Token& next) const {
    const std::string_view word = text(abbreviation);
    if (listed(word, kTitles) || listed(word, kNeverFinal)) return false;
    if (next.kind == TokenKind::OpenQuote) return true;
    return next.kind == TokenKind::Word && next.has(kCapitalized) && listed(text(next), kOpeners);
  }

  void emit(size_t first, size_t end, uint32_t block) {
    out_.push_back({tokens_[first].start, tokens_[end - 1].end, static_cast<uint32_t>(first),
                    static_cast<uint32_t>(end), block});
  }

  std::string_view t_;
  const std::vector<Token>& tokens_;
  std::vector<Sentence>& out_;
};

bool carries_sentences(BlockKind kind) {
  return kind != BlockKind::Blank && kind != BlockKind::Rule && kind != BlockKind::Code;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      const std::vector<Block>& blocks) {
  std::vector<Sentence> sentences;
  sentences.reserve(tokens.size() / 20 + 4);
  Splitter splitter(text, tokens, sentences);
  const size_t n = tokens.size();
  size_t t = 0;
  // The paragraph being gathered: tokens [para_first, para_end) starting in block para_block.
  size_t para_first = 0, para_end = 0;
  uint32_t para_block = 0;
  bool open = false;      // a paragraph is being gathered
  bool joinable = false;  // it may take the next Paragraph line
  const auto flush = [&]() {
    if (open && para_end > para_first) splitter.paragraph(para_first, para_end, para_block);
    open = false;
    joinable = false;
  };
  for (size_t bi = 0; bi < blocks.size(); ++bi) {
    const Block& block = blocks[bi];
    while (t < n && tokens[t].start < block.content_start) ++t;
    const size_t first = t;
    while (t < n && tokens[t].start < block.end) ++t;
    const size_t last = t;
    if (!carries_sentences(block.kind)) {
      flush();
      continue;
    }
    if (first == last) continue;  // a marker with nothing after it
    if (open && joinable && block.kind == BlockKind::Paragraph &&
        splitter.continues(tokens[para_end - 1], tokens[first])) {
      para_end = last;
      continue;
    }
    flush();
    open = true;
    joinable = block.kind == BlockKind::Paragraph || block.kind == BlockKind::ListItem;
    para_first = first;
    para_end = last;
    para_block = static_cast<uint32_t>(bi);
  }
  flush();
  return sentences;
}

}  // namespace dramatis::text
