#include "core/text/tokens.h"

#include <algorithm>
#include <array>
#include <limits>

#include "core/text/ascii.h"
#include "core/text/bullets.h"
#include "core/text/utf8.h"

// [SECTION] Character classes: small tables instead of ICU (Latin, Greek, Cyrillic, Armenian,
//           Hebrew, Arabic, Indic, Georgian, Hangul, CJK, general and CJK punctuation)
// [SECTION] Word lists: abbreviations and contractions
// [SECTION] Tokenizer: one pass, one dispatch per token start

namespace dramatis::text {

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::Word: return "Word";
    case TokenKind::Number: return "Number";
    case TokenKind::Money: return "Money";
    case TokenKind::Punct: return "Punct";
    case TokenKind::OpenQuote: return "OpenQuote";
    case TokenKind::CloseQuote: return "CloseQuote";
    case TokenKind::AmbiguousQuote: return "AmbiguousQuote";
    case TokenKind::Apostrophe: return "Apostrophe";
    case TokenKind::Possessive: return "Possessive";
    case TokenKind::Dash: return "Dash";
    case TokenKind::Ellipsis: return "Ellipsis";
    case TokenKind::Bullet: return "Bullet";
    case TokenKind::Url: return "Url";
    case TokenKind::Email: return "Email";
    case TokenKind::Handle: return "Handle";
    case TokenKind::Hashtag: return "Hashtag";
    case TokenKind::Symbol: return "Symbol";
    case TokenKind::Cjk: return "Cjk";
    case TokenKind::Emphasis: return "Emphasis";
  }
  return "Symbol";
}

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Character classes
// ---------------------------------------------------------------------------------------------

enum class CharClass : uint8_t {
  Space,   // separates tokens; never part of one
  Letter,  // starts or continues a Word
  Digit,   // ASCII or fullwidth digit
  Mark,    // continues a Word but cannot start one (combining marks, joiners, soft hyphen)
  Cjk,     // Han ideographs and kana
  Other,   // punctuation, symbols, emoji
};

struct Range {
  char32_t first;
  char32_t last;
};

// Letters outside ASCII, sorted. Coarse on purpose: a few symbols inside these blocks count as
// letters, which only matters for text no news article contains.
constexpr std::array kLetterRanges = {
    Range{0x00AA, 0x00AA}, Range{0x00B5, 0x00B5}, Range{0x00BA, 0x00BA}, Range{0x00C0, 0x00D6},
    Range{0x00D8, 0x00F6}, Range{0x00F8, 0x02C1}, Range{0x02C6, 0x02D1}, Range{0x02E0, 0x02E4},
    Range{0x0370, 0x0374}, Range{0x0376, 0x037D}, Range{0x037F, 0x037F}, Range{0x0386, 0x0386},
    Range{0x0388, 0x03FF}, Range{0x0400, 0x0481}, Range{0x048A, 0x052F}, Range{0x0531, 0x0556},
    Range{0x0560, 0x0588}, Range{0x05D0, 0x05EA}, Range{0x05EF, 0x05F2}, Range{0x0620, 0x064A},
    Range{0x066E, 0x06D3}, Range{0x06D5, 0x06D5}, Range{0x06E5, 0x06E6}, Range{0x06EE, 0x06FF},
    Range{0x0900, 0x0963}, Range{0x0966, 0x0DFF}, Range{0x0E01, 0x0E3A}, Range{0x0E40, 0x0E4E},
    Range{0x10A0, 0x10FF}, Range{0x1100, 0x11FF}, Range{0x1E00, 0x1FBC}, Range{0x1FC2, 0x1FCC},
    Range{0x1FD0, 0x1FDB}, Range{0x1FE0, 0x1FEC}, Range{0x1FF2, 0x1FFC}, Range{0x2C00, 0x2C7F},
    Range{0x3131, 0x318E}, Range{0xA640, 0xA69F}, Range{0xA720, 0xA7FF}, Range{0xAC00, 0xD7A3},
    Range{0xFB00, 0xFB06}, Range{0xFF21, 0xFF3A}, Range{0xFF41, 0xFF5A},
};

// Combining marks and joiners: they continue the Word they follow.
constexpr std::array kMarkRanges = {
    Range{0x00AD, 0x00AD}, Range{0x0300, 0x036F}, Range{0x0483, 0x0489}, Range{0x0591, 0x05BD},
    Range{0x05BF, 0x05C7}, Range{0x064B, 0x065F}, Range{0x0670, 0x0670}, Range{0x06D6, 0x06E4},
    Range{0x1AB0, 0x1AFF}, Range{0x1DC0, 0x1DFF}, Range{0x200C, 0x200D}, Range{0x2060, 0x2060},
    Range{0x20D0, 0x20FF}, Range{0xFE00, 0xFE0F}, Range{0xFE20, 0xFE2F},
};

constexpr std::array kCjkRanges = {
    Range{0x3005, 0x3007}, Range{0x3021, 0x3029}, Range{0x3031, 0x3035}, Range{0x3040, 0x309F},
    Range{0x30A0, 0x30FA}, Range{0x30FC, 0x30FF}, Range{0x31F0, 0x31FF}, Range{0x3400, 0x4DBF},
    Range{0x4E00, 0x9FFF}, Range{0xF900, 0xFAFF}, Range{0xFF66, 0xFF9F}, Range{0x20000, 0x3134F},
};

template <size_t N>
bool in_ranges(const std::array<Range, N>& ranges, char32_t cp) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                             [](char32_t value, const Range& r) { return value < r.first; });
  return it != ranges.begin() && cp <= std::prev(it)->last;
}

bool is_space_non_ascii(char32_t cp) {
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0xFEFF;
}
// Small, so the compiler inlines the ASCII test at its many call sites.
inline bool is_space_cp(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return is_space_non_ascii(cp);
}

CharClass classify_non_ascii(char32_t cp) {
  if (is_space_non_ascii(cp)) return CharClass::Space;
  if (cp >= 0xFF10 && cp <= 0xFF19) return CharClass::Digit;
  if (in_ranges(kLetterRanges, cp)) {
    // Latin-1 has two symbols inside the letter range.
    if (cp == 0xD7 || cp == 0xF7) return CharClass::Other;
    return CharClass::Letter;
  }
  if (in_ranges(kMarkRanges, cp)) return CharClass::Mark;
  if (in_ranges(kCjkRanges, cp)) return CharClass::Cjk;
  return CharClass::Other;
}

// The ASCII classes by table, inline at the call sites; the Unicode tables out of line.
constexpr std::array<CharClass, 128> kAsciiCharClass = [] {
  std::array<CharClass, 128> table{};
  for (char32_t cp = 0; cp < 128; ++cp) {
    CharClass cls = CharClass::Other;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
      cls = CharClass::Letter;
    } else if (cp >= '0' && cp <= '9') {
      cls = CharClass::Digit;
    } else if (cp == ' ' || (cp >= '\t' && cp <= '\r')) {
      cls = CharClass::Space;
    }
    table[cp] = cls;
  }
  return table;
}();
inline CharClass classify(char32_t cp) {
  return cp < 0x80 ? kAsciiCharClass[cp] : classify_non_ascii(cp);
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp < 0x100) return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
  const bool even = (cp % 2) == 0;
  if (cp <= 0x137) return even;
  if (cp <= 0x148) return cp >= 0x139 && !even;
  if (cp <= 0x177) return cp >= 0x14A && even;
  if (cp <= 0x17F) return cp == 0x178 || (cp >= 0x179 && cp <= 0x17E && !even);
  if (cp <= 0x1CC) {
    constexpr char32_t kUpperB[] = {
        0x181, 0x182, 0x184, 0x186, 0x187, 0x189, 0x18A, 0x18B, 0x18E, 0x18F, 0x190, 0x191, 0x193,
        0x194, 0x196, 0x197, 0x198, 0x19C, 0x19D, 0x19F, 0x1A0, 0x1A2, 0x1A4, 0x1A6, 0x1A7, 0x1A9,
        0x1AC, 0x1AE, 0x1AF, 0x1B1, 0x1B2, 0x1B3, 0x1B5, 0x1B7, 0x1B8, 0x1BC, 0x1C4, 0x1C7, 0x1CA};
    return std::find(std::begin(kUpperB), std::end(kUpperB), cp) != std::end(kUpperB);
  }
  if (cp <= 0x1DC) return !even;
  if (cp <= 0x1EF) return even;
  if (cp <= 0x24F)
    return cp >= 0x1F8 ? even : (cp == 0x1F1 || cp == 0x1F4 || cp == 0x1F6 || cp == 0x1F7);
  if (cp < 0x370) return false;
  if (cp <= 0x3FF) {
    if (cp == 0x386 || (cp >= 0x388 && cp <= 0x38F) || (cp >= 0x391 && cp <= 0x3AB)) return true;
    if (cp >= 0x3D8 && cp <= 0x3EE) return even;
    return cp == 0x3CF || (cp >= 0x3D2 && cp <= 0x3D4) || cp == 0x3F4 || cp == 0x3F7 ||
           cp == 0x3F9 || cp == 0x3FA || cp >= 0x3FD;
  }
  if (cp <= 0x42F) return true;
  if (cp <= 0x45F) return false;
  if (cp <= 0x481) return even;
  if (cp < 0x48A) return false;
  if (cp <= 0x4BF) return even;
  if (cp == 0x4C0) return true;
  if (cp <= 0x4CE) return !even;
  if (cp <= 0x52F) return even;
  if (cp <= 0x556) return cp >= 0x531;
  if (cp >= 0x10A0 && cp <= 0x10C5) return true;
  if (cp >= 0x1E00 && cp <= 0x1EFF)
    return cp <= 0x1E95 ? even : (cp == 0x1E9E || (cp >= 0x1EA0 && even));
  if (cp >= 0x1F00 && cp <= 0x1FFF) {
    const char32_t low = cp & 0xF;
    const char32_t row = cp & 0xFFF0;
    if (row == 0x1F00 || row == 0x1F10 || row == 0x1F20 || row == 0x1F30 || row == 0x1F40 ||
        row == 0x1F60) {
      return low >= 8;
    }
    if (row == 0x1F50) return low >= 9 && (low % 2) == 1;
    return (cp >= 0x1FB8 && cp <= 0x1FBB) || (cp >= 0x1FC8 && cp <= 0x1FCB) ||
           (cp >= 0x1FD8 && cp <= 0x1FDB) || (cp >= 0x1FE8 && cp <= 0x1FEC) ||
           (cp >= 0x1FF8 && cp <= 0x1FFB);
  }
  return cp >= 0xFF21 && cp <= 0xFF3A;
}

// Letters of the cased scripts that are not uppercase; letters of uncased scripts (Hebrew,
// Arabic, Indic, Hangul) are neither, so they never break kAllCaps.
bool is_lower(char32_t cp) {
  const bool cased = (cp >= 'a' && cp <= 'z') || cp == 0xB5 || (cp >= 0xDF && cp <= 0x24F) ||
                     (cp >= 0x250 && cp <= 0x2AF) || (cp >= 0x370 && cp <= 0x3FF) ||
                     (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x560 && cp <= 0x588) ||
                     (cp >= 0x1E00 && cp <= 0x1FFF) || (cp >= 0xFF41 && cp <= 0xFF5A);
  return cased && cp != 0xF7 && classify(cp) == CharClass::Letter && !is_upper(cp);
}

bool is_currency(char32_t cp) {
  return cp == '$' || cp == 0xA2 || cp == 0xA3 || cp == 0xA5 || (cp >= 0x20A0 && cp <= 0x20C0);
}

bool is_dash_cp(char32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2E3A || cp == 0x2E3B || cp == 0xFE58;
}

bool is_bullet_cp(char32_t cp) {
  return is_bullet_symbol(cp);
}

bool is_open_quote_cp(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201E:
    case 0x201F:
    case 0xAB:
    case 0x2039:
    case 0x300C:
    case 0x300E:
    case 0x301D:
    case 0xFF62: return true;
    default: return false;
  }
}

bool is_close_quote_cp(char32_t cp) {
  switch (cp) {
    case 0x201D:
    case 0xBB:
    case 0x203A:
    case 0x300D:
    case 0x300F:
    case 0x301E:
    case 0x301F:
    case 0xFF63: return true;
    default: return false;
  }
}

// Quote marks whose direction comes from context.
bool is_contextual_quote_cp(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0xFF02 || cp == 0xFF07;
}

// Apostrophes that may sit inside a word (don’t). The backtick is a common typewriter stand-in.
bool is_apostrophe_cp(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == '`';
}

bool is_punct_cp(char32_t cp) {
  if (cp < 0x80) {
    switch (cp) {
      case '.':
      case ',':
      case ';':
      case ':':
      case '!':
      case '?':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '/':
      case '\\': return true;
      default: return false;
    }
  }
  if (cp == 0xA1 || cp == 0xBF || cp == 0xB7 || cp == 0x387 || cp == 0x55D || cp == 0x589 ||
      cp == 0x60C || cp == 0x61B || cp == 0x61F || cp == 0x6D4 || cp == 0x964 || cp == 0x965) {
    return true;
  }
  if ((cp >= 0x2016 && cp <= 0x2017) || (cp >= 0x2024 && cp <= 0x2027) ||
      (cp >= 0x203B && cp <= 0x203E) || (cp >= 0x2041 && cp <= 0x2042) ||
      (cp >= 0x2045 && cp <= 0x2051) || (cp >= 0x2053 && cp <= 0x205E)) {
    return true;
  }
  if (cp == 0x203C || cp == 0x2E2E) return true;
  if ((cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
      (cp >= 0x3014 && cp <= 0x301C) || cp == 0x30FB) {
    return true;
  }
  if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65)) {
    return true;
  }
  return false;
}

// One table lookup per byte instead of range comparisons: the tokenizer asks these of nearly
// every byte of the text.
constexpr uint8_t kAsciiDigit = 1, kAsciiUpper = 2, kAsciiLower = 4;
constexpr std::array<uint8_t, 256> kAsciiClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[static_cast<size_t>(c)] = kAsciiDigit;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<size_t>(c)] = kAsciiUpper;
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<size_t>(c)] = kAsciiLower;
  return table;
}();

bool is_ascii_alnum(unsigned char c) {
  return kAsciiClass[c] != 0;
}
bool is_ascii_digit(unsigned char c) {
  return kAsciiClass[c] == kAsciiDigit;
}
bool is_ascii_upper(unsigned char c) {
  return kAsciiClass[c] == kAsciiUpper;
}
bool is_ascii_lower(unsigned char c) {
  return kAsciiClass[c] == kAsciiLower;
}
// ---------------------------------------------------------------------------------------------
// [SECTION] Word lists
// ---------------------------------------------------------------------------------------------

// Abbreviations that keep their dot, compared case-insensitively. Months are here (Nov. 6) but
// not May; days of the week are not (Sun. is also a newspaper's name at a sentence end).
constexpr std::string_view kAbbreviations[] = {
    "mr",   "mrs",  "ms",   "messrs", "mme",  "dr",   "prof", "sen",  "rep",  "gov",
    "gen",  "col",  "lt",   "sgt",    "capt", "cmdr", "adm",  "maj",  "rev",  "hon",
    "pres", "supt", "insp", "fr",     "st",   "mt",   "ft",   "jr",   "sr",   "inc",
    "ltd",  "co",   "corp", "llc",    "plc",  "bros", "assn", "dept", "univ", "vs",
    "etc",  "al",   "cf",   "approx", "est",  "jan",  "feb",  "mar",  "apr",  "jun",
    "jul",  "aug",  "sep",  "sept",   "oct",  "nov",  "dec",  "vol",  "pp",   "fig",
    "ave",  "blvd", "rd",   "hwy",    "ph.d", "ed",   "eds",  "gov't"};

// Pronouns and adverbs before which ’s is a contraction (it’s = it is), not a possessive.
constexpr std::string_view kContractionBases[] = {
    "it",       "that",    "there", "here",    "what",       "who",      "where",    "how",
    "he",       "she",     "let",   "this",    "when",       "why",      "everyone", "nobody",
    "somebody", "someone", "one",   "nothing", "everything", "something"};

bool is_listed(std::string_view word, const std::string_view* list, size_t count) {
  for (size_t k = 0; k < count; ++k) {
    if (equals_lower(word, list[k])) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Tokenizer
// ---------------------------------------------------------------------------------------------

struct Cp {
  char32_t cp = 0;   // 0 past the end
  uint32_t len = 0;  // 0 past the end
  bool valid = false;
};

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>& out)
      : t_(text.substr(0, std::min<size_t>(text.size(), std::numeric_limits<uint32_t>::max()))),
        n_(t_.size()),
        out_(out) {}

  void run();

 private:
  unsigned char byte(size_t i) const { return i < n_ ? static_cast<unsigned char>(t_[i]) : 0; }

  Cp at(size_t i) const {
    if (i >= n_) return {};
    const unsigned char b = byte(i);
    if (b < 0x80) return {b, 1, true};
    const utf8::Step step = utf8::decode(t_, i);
    return {step.codepoint, step.length, step.valid};
  }

  // The code point that ends at byte i: 0 at the start of the text, U+FFFD after invalid bytes.
  char32_t before(size_t i) const {
    if (i == 0) return 0;
    if (byte(i - 1) < 0x80) return byte(i - 1);
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && (byte(k) & 0xC0) == 0x80) --k;
    const utf8::Step step = utf8::decode(t_, k);
    return (step.valid && k + step.length == i) ? step.codepoint : utf8::kReplacement;
  }

  CharClass class_at(size_t i) const {
    const Cp c = at(i);
    return c.valid ? classify(c.cp) : CharClass::Other;
  }
  bool alnum_at(size_t i) const {
    const CharClass cls = class_at(i);
    return cls == CharClass::Letter || cls == CharClass::Digit;
  }
  static bool alnum_cp(char32_t cp) {
    const CharClass cls = classify(cp);
    return cls == CharClass::Letter || cls == CharClass::Digit;
  }

  void emit(size_t start, size_t end, TokenKind kind, uint16_t flags = 0) {
    const char32_t prev = before(start);
    if (start == 0 || is_space_cp(prev)) flags |= kSpaceBefore;
    out_.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), kind, flags});
  }
  const Token* last_token_ending_at(size_t i) const {
    return (!out_.empty() && out_.back().end == i && out_.size() > first_) ? &out_.back() : nullptr;
  }

  bool line_marker(size_t i);
  size_t scan_word(size_t i, uint16_t& flags) const;
  size_t scan_number_core(size_t i) const;
  size_t scan_url(size_t i) const;
  size_t match_email(size_t i) const;
  size_t match_money_prefix(size_t i) const;
  size_t scan_money_from_digit(size_t i) const;
  void word_or_number(size_t i);
  void quote(size_t i, const Cp& c);
  void dispatch(size_t i, const Cp& c);
  TokenKind quote_direction(size_t i, size_t len) const;
  bool url_starts_at(size_t i) const;

  std::string_view t_;
  size_t n_;
  std::vector<Token>& out_;
  size_t first_ = 0;          // index of this call's first token in out_
  size_t pos_ = 0;            // the next byte to read
  bool line_start_ = true;    // only indentation and blockquote markers so far on this line
  bool open_single_ = false;  // a single open quote is pending on this line
};

void Tokenizer::run() {
  first_ = out_.size();
  out_.reserve(out_.size() + n_ / 5 + 16);  // news text averages about 5.5 bytes per token
  while (pos_ < n_) {
    const Cp c = at(pos_);
    if (!c.valid) {
      emit(pos_, pos_ + c.len, TokenKind::Symbol, kInvalidUtf8);
      pos_ += c.len;
      line_start_ = false;
      continue;
    }
    if (is_space_cp(c.cp)) {
      if (c.cp == '\n' || c.cp == '\r' || c.cp == 0x2028 || c.cp == 0x2029 || c.cp == 0x85) {
        line_start_ = true;
        open_single_ = false;
      }
      pos_ += c.len;
      continue;
    }
    const size_t before_pos = pos_;
    if (line_start_ && line_marker(pos_)) {
      if (pos_ == before_pos) pos_ += c.len;  // never stall
      continue;
    }
    line_start_ = false;
    dispatch(pos_, c);
    if (pos_ <= before_pos) pos_ = before_pos + c.len;  // never stall
  }
}

// Markdown and list markers at the start of a line. Returns true when it emitted one.
bool Tokenizer::line_marker(size_t i) {
  const unsigned char b = byte(i);
  const auto spaced = [&](size_t k) { return k >= n_ || byte(k) == ' ' || byte(k) == '\t'; };
  if (b == '>') {  // blockquote marker; the line may hold list markers after it
    emit(i, i + 1, TokenKind::Symbol);
    pos_ = i + 1;
    return true;
  }
  if (b == '#') {
    size_t j = i;
    while (j < n_ && byte(j) == '#' && j - i < 7) ++j;
    if (j - i <= 6 && (spaced(j) || byte(j) == '\n' || byte(j) == '\r')) {
      emit(i, j, TokenKind::Symbol);
      pos_ = j;
      line_start_ = false;
      return true;
    }
    return false;
  }
  if ((b == '-' || b == '*' || b == '+') && i + 1 < n_ && spaced(i + 1)) {
    emit(i, i + 1, TokenKind::Bullet);
    pos_ = i + 1;
    line_start_ = false;
    return true;
  }
  if (is_ascii_digit(b)) {
    size_t j = i;
    while (j < n_ && is_ascii_digit(byte(j)) && j - i < 4) ++j;
    if (j - i <= 3 && (byte(j) == '.' || byte(j) == ')') && j + 1 < n_ && spaced(j + 1)) {
      emit(i, j + 1, TokenKind::Bullet);
      pos_ = j + 1;
      line_start_ = false;
      return true;
    }
    return false;
  }
  if (b == 0xC2 && byte(i + 1) == 0xB7 && spaced(i + 2)) {  // a middle dot used as a bullet
    emit(i, i + 2, TokenKind::Bullet);
    pos_ = i + 2;
    line_start_ = false;
    return true;
  }
  return false;
}

bool Tokenizer::url_starts_at(size_t i) const {
  const auto has = [&](std::string_view prefix) {
    if (n_ - i < prefix.size()) return false;
    return equals_lower(t_.substr(i, prefix.size()), prefix);
  };
  const char32_t prev = before(i);
  if (prev != 0 && (alnum_cp(prev) || prev == '@' || prev == '.' || prev == '/')) return false;
  if (has("https://") || has("http://") || has("ftp://")) return true;
  return has("www.") && is_ascii_alnum(byte(i + 4));
}

size_t Tokenizer::scan_url(size_t i) const {
  size_t j = i;
  int parens = 0, brackets = 0;
  while (j < n_) {
    const Cp c = at(j);
    if (!c.valid || is_space_cp(c.cp)) break;
    const char32_t cp = c.cp;
    if (cp == '<' || cp == '>' || cp == '"' || cp == '`' || is_open_quote_cp(cp) ||
        is_close_quote_cp(cp) || cp == 0x2019 || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF01 && cp <= 0xFF0F)) {
      break;
    }
    if (cp == '(') ++parens;
    if (cp == ')' && parens-- == 0) break;
    if (cp == '[') ++brackets;
    if (cp == ']' && brackets-- == 0) break;
    j += c.len;
  }
  // Sentence punctuation and Markdown markers right after a URL are not part of it.
  while (j > i + 1) {
    const unsigned char last = byte(j - 1);
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
        last == '\'' || last == '*' || last == '~') {
      --j;
    } else {
      break;
    }
  }
  return j;
}

// An e-mail address starting at i (an ASCII alphanumeric), or i when there is none. Both parts
// are bounded (64 and 255 bytes, the RFC 5321 limits), which keeps the look-ahead linear.
size_t Tokenizer::match_email(size_t i) const {
  size_t j = i;
  while (j < n_ && j - i <= 64) {
    const unsigned char c = byte(j);
    if (is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-') {
      ++j;
    } else {
      break;
    }
  }
  if (j >= n_ || byte(j) != '@' || byte(j - 1) == '.') return i;
  const size_t domain = j + 1;
  size_t k = domain;
  size_t last_dot = 0;
  while (k < n_ && k - domain <= 255) {
    const unsigned char c = byte(k);
    if (is_ascii_alnum(c) || c == '-') {
      ++k;
    } else if (c == '.' && k > domain && is_ascii_alnum(byte(k + 1))) {
      last_dot = k;
      ++k;
    } else {
      break;
    }
  }
  if (last_dot == 0 || k - last_dot < 3) return i;  // a top-level label of 2+ letters
  for (size_t m = last_dot + 1; m < k; ++m) {
    if (!is_ascii_alnum(byte(m)) || is_ascii_digit(byte(m))) return i;
  }
  return k;
}

// Digits with thousands separators, decimals and a clock time; i is an ASCII digit.
size_t Tokenizer::scan_number_core(size_t i) const {
  size_t j = i;
  while (j < n_ && is_ascii_digit(byte(j))) ++j;
  if (j - i <= 2 && byte(j) == ':' && is_ascii_digit(byte(j + 1)) && is_ascii_digit(byte(j + 2)) &&
      !is_ascii_digit(byte(j + 3))) {
    return j + 3;
  }
  while (j < n_) {
    const unsigned char c = byte(j);
    if (c == ',' && is_ascii_digit(byte(j + 1)) && is_ascii_digit(byte(j + 2)) &&
        is_ascii_digit(byte(j + 3)) && !is_ascii_digit(byte(j + 4))) {
      j += 4;
    } else if (c == '.' && is_ascii_digit(byte(j + 1))) {
      ++j;
      while (j < n_ && is_ascii_digit(byte(j))) ++j;
    } else {
      break;
    }
  }
  return j;
}

// Money after its currency sign: the number and an optional scale suffix ($2bn, $5M).
size_t Tokenizer::scan_money_from_digit(size_t i) const {
  size_t j = scan_number_core(i);
  size_t k = j;
  while (k < n_ && k - j < 3 && (is_ascii_lower(byte(k)) || is_ascii_upper(byte(k)))) ++k;
  if (k > j && !alnum_at(k)) {
    const std::string_view suffix = t_.substr(j, k - j);
    for (std::string_view scale : {"k", "m", "b", "t", "bn", "mn", "tn", "mln", "bln", "trn"}) {
      if (equals_lower(suffix, scale)) return k;
    }
  }
  return j;
}

// "US$5", "NZ$26": one to three capitals glued to a dollar sign and a digit.
size_t Tokenizer::match_money_prefix(size_t i) const {
  size_t j = i;
  while (j < n_ && is_ascii_upper(byte(j)) && j - i < 4) ++j;
  if (j - i == 0 || j - i > 3 || byte(j) != '$' || !is_ascii_digit(byte(j + 1))) return i;
  return scan_money_from_digit(j + 1);
}

// A Word from i. Flags gain case and digit information.
size_t Tokenizer::scan_word(size_t i, uint16_t& flags) const {
  size_t j = i;
  int cased = 0, lower = 0, letters = 0;
  bool first = true, last_alnum = false, last_digit = false;
  char32_t last = 0;
  while (j < n_) {
    // ASCII letters and digits, most of any news text, skip decoding and the Unicode tables.
    const unsigned char b = byte(j);
    if (is_ascii_lower(b)) {
      // A run of lower-case ASCII letters, the bulk of any word: counted in one go.
      size_t k = j + 1;
      while (k < n_ && is_ascii_lower(static_cast<unsigned char>(t_[k]))) ++k;
      const int run = static_cast<int>(k - j);
      letters += run;
      cased += run;
      lower += run;
      last_digit = false;
      last_alnum = true;
      last = byte(k - 1);
      first = false;
      j = k;
      continue;
    }
    if (is_ascii_alnum(b)) {
      if (is_ascii_digit(b)) {
        flags |= kHasDigit;
        last_digit = true;
      } else {
        ++letters;
        ++cased;
        last_digit = false;
        if (is_ascii_lower(b)) {
          ++lower;
        } else if (first) {
          flags |= kCapitalized;
        } else if (is_ascii_lower(byte(j - 1))) {
          flags |= kInnerCapital;
        }
      }
      last_alnum = true;
      last = b;
      first = false;
      ++j;
      continue;
    }
    const Cp c = at(j);
    if (!c.valid) break;
    const CharClass cls = classify(c.cp);
    if (cls == CharClass::Letter || cls == CharClass::Digit || (cls == CharClass::Mark && !first)) {
      if (cls == CharClass::Letter) {
        ++letters;
        if (is_upper(c.cp)) {
          ++cased;
          if (first) flags |= kCapitalized;
        } else if (is_lower(c.cp)) {
          ++cased;
          ++lower;
        }
      }
      if (cls == CharClass::Digit) flags |= kHasDigit;
      if (cls != CharClass::Mark) {
        last_alnum = true;
        last_digit = cls == CharClass::Digit;
        last = c.cp;
      }
      first = false;
      j += c.len;
      continue;
    }
    if (!last_alnum) break;
    const Cp next = at(j + c.len);
    const CharClass next_cls = next.valid ? classify(next.cp) : CharClass::Other;
    const bool next_alnum = next_cls == CharClass::Letter || next_cls == CharClass::Digit;
    if (is_apostrophe_cp(c.cp)) {
      if (next_cls != CharClass::Letter) break;
      if ((next.cp == 's' || next.cp == 'S') && !alnum_at(j + c.len + 1)) {
        // A trailing ’s: a possessive token of its own, or part of a contraction (it’s).
        const std::string_view base = t_.substr(i, j - i);
        if (is_listed(base, kContractionBases, std::size(kContractionBases))) j += c.len + 1;
        break;
      }
      j += c.len;
      last_alnum = false;
      continue;
    }
    if (c.cp == '-' || c.cp == 0x2010 || c.cp == 0x2011) {
      // A hyphen between two numbers is a range (2005-2009), unless the word has letters
      // (COVID-19, GPT-4).
      if (!next_alnum || (last_digit && next_cls == CharClass::Digit && letters == 0)) break;
      flags |= kHyphenated;
      j += c.len;
      last_alnum = false;
      continue;
    }
    if (c.cp == '.' || c.cp == '_') {
      if (!next_alnum) break;
      j += c.len;
      last_alnum = false;
      continue;
    }
    if (c.cp == '&' && is_upper(last) && next.valid && is_upper(next.cp)) {
      j += c.len;
      last_alnum = false;
      continue;
    }
    if (c.cp == ',' && last_digit && is_ascii_digit(byte(j + 1)) && is_ascii_digit(byte(j + 2)) &&
        is_ascii_digit(byte(j + 3)) && !is_ascii_digit(byte(j + 4))) {
      j += 4;
      continue;
    }
    break;
  }
  if (cased >= 2 && lower == 0) flags |= kAllCaps;
  return j;
}

void Tokenizer::word_or_number(size_t i) {
  const unsigned char b = byte(i);
  if (is_ascii_alnum(b)) {
    // An e-mail address: tried only where a plain scan stops at a character an address may
    // hold, so ordinary words pay nothing for the look-ahead.
    size_t j = i;
    while (j < n_ && is_ascii_alnum(byte(j))) ++j;
    const unsigned char stop = byte(j);
    if (stop == '@' || stop == '.' || stop == '_' || stop == '%' || stop == '+' || stop == '-') {
      const char32_t prev = before(i);
      if (prev != '.' && prev != '@' && !alnum_cp(prev)) {
        const size_t email = match_email(i);
        if (email > i) {
          emit(i, email, TokenKind::Email);
          pos_ = email;
          return;
        }
      }
    }
  }
  if (is_ascii_upper(b)) {
    const size_t money = match_money_prefix(i);
    if (money > i) {
      emit(i, money, TokenKind::Money, kCapitalized | kAllCaps | kHasDigit);
      pos_ = money;
      return;
    }
  }
  if (is_ascii_digit(b)) {
    size_t j = scan_number_core(i);
    const Cp next = at(j);
    const CharClass next_cls = next.valid ? classify(next.cp) : CharClass::Other;
    const bool continues_as_word =
        next_cls == CharClass::Letter || next_cls == CharClass::Mark ||
        ((next.cp == '-' || next.cp == 0x2010 || next.cp == 0x2011 || next.cp == '_') &&
         class_at(j + next.len) == CharClass::Letter);
    if (!continues_as_word) {
      if (byte(j) == '%') ++j;
      emit(i, j, TokenKind::Number, kHasDigit);
      pos_ = j;
      return;
    }
  }
  uint16_t flags = 0;
  size_t j = scan_word(i, flags);
  // A dot that ends an abbreviation belongs to it: Mr. U.S. e.g. Inc. J. (never before another
  // dot: "etc..." is a word and an ellipsis).
  if (byte(j) == '.' && !alnum_at(j + 1) && byte(j + 1) != '.') {
    const std::string_view word = t_.substr(i, j - i);
    bool dotted = word.find('.') != std::string_view::npos;
    if (dotted) {  // U.S, e.g, D.C, a.m: single letters between dots
      size_t seg = 0;
      for (size_t k = 0; k <= word.size() && dotted; ++k) {
        if (k == word.size() || word[k] == '.') {
          const std::string_view part = word.substr(seg, k - seg);
          const Cp first_cp = at(i + seg);
          dotted = !part.empty() && first_cp.len == part.size() &&
                   classify(first_cp.cp) == CharClass::Letter;
          seg = k + 1;
        }
      }
    }
    const Cp first_cp = at(i);
    const bool initial = first_cp.len == j - i && is_upper(first_cp.cp);
    bool listed = word.size() <= 6 && is_listed(word, kAbbreviations, std::size(kAbbreviations));
    if (!listed && (equals_lower(word, "no") || equals_lower(word, "nos"))) {
      // "No. 1" but "said no." — only before a number.
      size_t k = j + 1;
      while (k < n_ && byte(k) == ' ') ++k;
      listed = k > j + 1 && is_ascii_digit(byte(k));
    }
    if (dotted || initial || listed) {
      ++j;
      flags |= kAbbreviation;
      if (initial) flags |= kInitial;
    }
  }
  emit(i, j, TokenKind::Word, flags);
  pos_ = j;
}

TokenKind Tokenizer::quote_direction(size_t i, size_t len) const {
  // Emphasis markers are transparent: **"Python-based Torch"** has quotes on its words.
  size_t p = i;
  while (p > 0 && i - p < 3 && (byte(p - 1) == '*' || byte(p - 1) == '_')) --p;
  size_t q = i + len;
  while (q < n_ && q - i - len < 3 && (byte(q) == '*' || byte(q) == '_')) ++q;
  const char32_t prev = before(p);
  const Cp next = at(q);
  const bool open_side = prev == 0 || is_space_cp(prev) || prev == '(' || prev == '[' ||
                         prev == '{' || prev == '/' || is_dash_cp(prev) || prev == '-' ||
                         is_open_quote_cp(prev) || prev == '"' || prev == '\'';
  const char32_t nc = next.cp;
  const bool close_side = !next.valid || is_space_cp(nc) || nc == '.' || nc == ',' || nc == ';' ||
                          nc == ':' || nc == '!' || nc == '?' || nc == ')' || nc == ']' ||
                          nc == '}' || nc == 0x2026 || is_dash_cp(nc) || nc == '-' ||
                          is_close_quote_cp(nc) || nc == '"' || nc == '\'' || nc == 0x2019;
  if (open_side && !close_side) return TokenKind::OpenQuote;
  if (close_side && !open_side) return TokenKind::CloseQuote;
  return TokenKind::AmbiguousQuote;
}

void Tokenizer::quote(size_t i, const Cp& c) {
  const size_t end = i + c.len;
  const bool single = c.cp == '\'' || c.cp == 0x2019 || c.cp == 0x2018 || c.cp == 0xFF07;
  const Token* prev = last_token_ending_at(i);
  const bool after_word =
      prev != nullptr && (prev->kind == TokenKind::Word || prev->kind == TokenKind::Number ||
                          prev->kind == TokenKind::Money || prev->kind == TokenKind::Handle ||
                          prev->kind == TokenKind::Hashtag);
  if (c.cp == '\'' || c.cp == 0x2019) {
    // Possessive after a word: Meta’s, 2023’s, @name’s.
    if (after_word && (byte(end) == 's' || byte(end) == 'S') && !alnum_at(end + 1)) {
      emit(i, end + 1, TokenKind::Possessive);
      pos_ = end + 1;
      return;
    }
    // Plural possessive (the players’ union) unless a single quote is open on this line.
    if (after_word && !alnum_at(end) && !open_single_) {
      const unsigned char last = byte(i - 1);
      if (last == 's' || last == 'S') {
        emit(i, end, TokenKind::Possessive);
        pos_ = end;
        return;
      }
    }
  }
  // An elided century (’90s, the class of '85) is two digits followed by "s" or a space or
  // punctuation; ‘20-dimensional’ opens a quote.
  const unsigned char after_digits = byte(end + 2);
  const bool elided_year =
      is_ascii_digit(byte(end)) && is_ascii_digit(byte(end + 1)) &&
      (after_digits == 's' || (c.cp != 0x2018 && !is_ascii_alnum(after_digits) &&
                               after_digits != '-' && after_digits < 0x80));
  if ((c.cp == '\'' || c.cp == 0x2019 || c.cp == 0x2018) && !after_word && elided_year &&
      !alnum_at(end + 2 + (after_digits == 's' ? 1 : 0))) {
    emit(i, end, TokenKind::Apostrophe);  // ’90s, '20
    pos_ = end;
    return;
  }
  TokenKind kind = TokenKind::AmbiguousQuote;
  if (is_open_quote_cp(c.cp)) {
    kind = TokenKind::OpenQuote;
  } else if (is_close_quote_cp(c.cp)) {
    kind = TokenKind::CloseQuote;
  } else {
    kind = quote_direction(i, c.len);
  }
  if (single && kind == TokenKind::OpenQuote) open_single_ = true;
  if (single && kind == TokenKind::CloseQuote) open_single_ = false;
  emit(i, end, kind);
  pos_ = end;
}

void Tokenizer::dispatch(size_t i, const Cp& c) {
  const char32_t cp = c.cp;
  const CharClass cls = classify(cp);
  if ((cp == 'h' || cp == 'H' || cp == 'f' || cp == 'F' || cp == 'w' || cp == 'W') &&
      url_starts_at(i)) {
    const size_t end = scan_url(i);
    emit(i, end, TokenKind::Url);
    pos_ = end;
    return;
  }
  if (cls == CharClass::Letter || cls == CharClass::Digit) {
    word_or_number(i);
    return;
  }
  if (cls == CharClass::Cjk) {
    size_t j = i;
    while (j < n_ && class_at(j) == CharClass::Cjk) j += at(j).len;
    emit(i, j, TokenKind::Cjk);
    pos_ = j;
    return;
  }
  const size_t end = i + c.len;
  if (is_currency(cp) && is_ascii_digit(byte(end))) {
    const size_t j = scan_money_from_digit(end);
    emit(i, j, TokenKind::Money, kHasDigit);
    pos_ = j;
    return;
  }
  if (cp == '@' || cp == '#') {
    const char32_t prev = before(i);
    if (prev == 0 || (!alnum_cp(prev) && prev != '&')) {
      size_t j = end;
      bool letter = false;
      if (cp == '@') {
        while (j < n_ && (is_ascii_alnum(byte(j)) || byte(j) == '_')) {
          letter = true;
          ++j;
        }
        // X (Twitter) handles have at most 15 characters; scraped profile cards glue the bio
        // to the handle (@nameBio), so a longer run is cut at its last case change in reach.
        if (j - end > 15) {
          for (size_t k = end + 15; k > end; --k) {
            if (is_ascii_lower(byte(k - 1)) && is_ascii_upper(byte(k))) {
              j = k;
              break;
            }
          }
        }
      } else {
        while (j < n_) {
          const Cp d = at(j);
          const CharClass dc = d.valid ? classify(d.cp) : CharClass::Other;
          if (dc == CharClass::Letter || dc == CharClass::Cjk) {
            letter = true;
          } else if (dc != CharClass::Digit && dc != CharClass::Mark && d.cp != '_') {
            break;
          }
          j += d.len;
        }
      }
      if (letter) {
        emit(i, j, cp == '@' ? TokenKind::Handle : TokenKind::Hashtag);
        pos_ = j;
        return;
      }
    }
    emit(i, end, TokenKind::Symbol);
    pos_ = end;
    return;
  }
  if (is_open_quote_cp(cp) || is_close_quote_cp(cp) || is_contextual_quote_cp(cp)) {
    quote(i, c);
    return;
  }
  if (cp == 0x2026) {
    emit(i, end, TokenKind::Ellipsis);
    pos_ = end;
    return;
  }
  if (cp == '.') {
    size_t j = i;
    while (j < n_ && byte(j) == '.') ++j;
    if (j - i >= 3) {
      emit(i, j, TokenKind::Ellipsis);
      pos_ = j;
    } else {
      emit(i, end, TokenKind::Punct);
      pos_ = end;
    }
    return;
  }
  if (cp == '-') {
    size_t j = i;
    while (j < n_ && byte(j) == '-') ++j;
    if (j - i >= 2) {
      emit(i, j, TokenKind::Dash);
      pos_ = j;
      return;
    }
    const char32_t prev = before(i);
    const Cp next = at(end);
    const bool spaced = (prev == 0 || is_space_cp(prev)) && (!next.valid || is_space_cp(next.cp));
    const bool numeric = (prev >= '0' && prev <= '9') || is_ascii_digit(byte(end));
    emit(i, end, spaced || numeric ? TokenKind::Dash : TokenKind::Punct);
    pos_ = end;
    return;
  }
  if (is_dash_cp(cp)) {
    emit(i, end, TokenKind::Dash);
    pos_ = end;
    return;
  }
  if (is_bullet_cp(cp)) {
    emit(i, end, TokenKind::Bullet);
    pos_ = end;
    return;
  }
  if (cp == '*' || cp == '_' || cp == '~' || cp == '`') {
    size_t j = i;
    while (j < n_ && byte(j) == cp) ++j;
    const char32_t prev = before(i);
    const Cp next = at(j);
    const bool left = next.valid && !is_space_cp(next.cp);
    const bool right = prev != 0 && !is_space_cp(prev);
    const bool marker = (left || right) && (cp != '~' || j - i >= 2);
    emit(i, j, marker ? TokenKind::Emphasis : TokenKind::Symbol);
    pos_ = j;
    return;
  }
  emit(i, end, is_punct_cp(cp) ? TokenKind::Punct : TokenKind::Symbol);
  pos_ = end;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  Tokenizer tokenizer(text, out);
  tokenizer.run();
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return tokens;
}

}  // namespace dramatis::text
