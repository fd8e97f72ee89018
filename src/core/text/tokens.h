// The tokenizer of the reading engine: a document's original bytes as words, numbers, quotes,
// dashes, URLs, handles, Markdown markers and the like, each a half-open span of UTF-8 byte
// offsets. Whitespace is not a token. Linear; no regex; no allocation per token.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dramatis::text {

// What a token is. Decisions worth knowing (details in tokens.cpp):
// - Word keeps word-internal apostrophes (don’t, O’Brien), hyphens (co-founder, open‑source,
//   GPT-4), dots (DeepLearning.AI, Node.js), underscores (log1o_hf) and '&' between capitals
//   (AT&T). An abbreviation keeps its dot (Mr., U.S., Inc., J.) and gets kAbbreviation.
// - A trailing ’s / 's is a separate Possessive token (Meta + ’s), as is a plural possessive
//   apostrophe (players + ’), except after pronouns where ’s is a contraction (it’s stays whole).
// - Number: digits with thousands separators and decimals (1,000  3.5  2.0.1), a clock time
//   (22:30) and a directly following '%' (90%). Digits followed by letters make a Word with
//   kHasDigit (20th, 1980s, 11-year).
// - Money: a currency sign directly followed by a number, with an optional country prefix and
//   scale suffix (US$5, $2, €3.5bn). Scale words ("billion") are separate Words.
// - Quotes: curly quotes have a fixed direction; straight " and ' (and a ’ or ‘ outside a word)
//   get a direction from context (open after whitespace, an opening bracket or a dash and before
//   a non-space; close after a non-space and before whitespace or punctuation); AmbiguousQuote
//   when the context says neither or both.
// - Apostrophe: an elision apostrophe that starts a token (’90s, 'em).
// - Dash: – — ― ‒, runs of 2+ hyphen-minus, a hyphen with spaces on both sides, and a hyphen
//   between two numbers (2005-2009 gives Number Dash Number).
// - Bullet: • ◦ ▪ ‣ and friends anywhere; "-", "*", "+" and "1." / "1)" list markers at the
//   start of a line (after indentation and blockquote markers) when followed by a space.
// - Url: http(s)://, ftp:// or www. up to whitespace, trailing punctuation and unbalanced
//   closing brackets excluded. A bare domain (Scientology.org) is a Word.
// - Handle: @name of [A-Za-z0-9_]; Hashtag: #name with at least one letter.
// - Cjk: a maximal run of Han ideographs and kana (no word segmentation without a dictionary).
//   Hangul is alphabetic and space-separated, so it makes Words.
// - Emphasis: Markdown ** __ * _ ~~ and ` markers, so entities never include them.
// - Symbol: anything else (&, +, =, ©, emoji, ...) and each invalid UTF-8 sequence
//   (with kInvalidUtf8), one token per maximal invalid subpart.
enum class TokenKind : uint8_t {
  Word,
  Number,
  Money,
  Punct,  // . , ; : ! ? ( ) [ ] { } / and CJK/fullwidth equivalents; a lone hyphen
  OpenQuote,
  CloseQuote,
  AmbiguousQuote,
  Apostrophe,
  Possessive,
  Dash,
  Ellipsis,
  Bullet,
  Url,
  Email,
  Handle,
  Hashtag,
  Symbol,
  Cjk,
  Emphasis,
};

std::string_view to_string(TokenKind kind);

// An opening, closing or ambiguous quotation mark.
constexpr bool is_quote_mark(TokenKind kind) {
  return kind == TokenKind::OpenQuote || kind == TokenKind::CloseQuote ||
         kind == TokenKind::AmbiguousQuote;
}

// Token::flags bits.
enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,   // first code point is an uppercase letter (Latin, Greek, Cyrillic, ...)
  kAllCaps = 1 << 1,       // two or more cased letters, none lowercase (AI, U.S., IE6)
  kHasDigit = 1 << 2,      // contains an ASCII or fullwidth digit
  kHyphenated = 1 << 3,    // a Word with an internal hyphen (co-founder)
  kAbbreviation = 1 << 4,  // a Word whose final '.' belongs to it (Mr., U.S., Inc., J.)
  kInitial = 1 << 5,       // a single uppercase letter and its dot (J.); also has kAbbreviation
  kSpaceBefore = 1 << 6,   // preceded by whitespace or the start of the text
  kInvalidUtf8 = 1 << 7,   // a Symbol that is an invalid UTF-8 sequence
  // A Word with an ASCII capital right after an ASCII lower-case letter (iPhone, eBay, McDonald):
  // what has_inner_capital() says of its text, found while the word is scanned, because the name
  // tests ask it of nearly every lower-case word.
  kInnerCapital = 1 << 8,
};

// Offsets are uint32_t bytes (documents are limited to 4 GiB; text past that is not tokenized),
// which keeps a Token at 12 bytes: tokens are the largest per-byte structure of the pipeline.
struct Token {
  uint32_t start = 0;  // bytes, inclusive
  uint32_t end = 0;    // bytes, exclusive
  TokenKind kind = TokenKind::Symbol;
  uint16_t flags = 0;  // TokenFlag bits

  bool has(TokenFlag flag) const { return (flags & flag) != 0; }
  uint32_t size() const { return end - start; }
  std::string_view text(std::string_view document) const {
    return document.substr(start, end - start);
  }
  friend bool operator==(const Token&, const Token&) = default;
};
static_assert(sizeof(Token) == 12, "tokens are the pipeline's largest per-byte structure");

// Tokens of `text` in order: sorted by start, non-overlapping, each non-empty and inside the text.
std::vector<Token> tokenize(std::string_view text);

// Appends the tokens of `text` to `out` (which callers may reuse across documents); offsets are
// relative to `text`.
void tokenize(std::string_view text, std::vector<Token>& out);

}  // namespace dramatis::text
