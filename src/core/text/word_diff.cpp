#include "core/text/word_diff.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "core/text/utf8.h"

namespace dramatis::text {
namespace {

// What a code point is to the diff's tokenizer.
enum class CharClass : uint8_t {
  Space,      // separates tokens, never part of one
  Quote,      // any quotation mark or apostrophe: one symbol for matching
  Dash,       // hyphens and dashes of any length: one symbol for matching
  Punct,      // a token of its own
  Ideograph,  // Han and kana: a token each (no spaces to split on)
  Word,       // letters, digits, symbols, invalid bytes: runs make a word
};

CharClass classify(const utf8::Step& step) {
  if (!step.valid) return CharClass::Word;  // compared byte for byte with its neighbours
  const char32_t c = step.codepoint;
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
      return CharClass::Space;
    if (c < 0x20 || c == 0x7F) return CharClass::Space;  // control characters show as nothing
    if (c == '\'' || c == '"' || c == '`') return CharClass::Quote;
    if (c == '-') return CharClass::Dash;
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
      return CharClass::Word;
    return CharClass::Punct;
  }
  if (c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
      c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF)
    return CharClass::Space;
  if (c == 0xAB || c == 0xBB || c == 0xB4 || c == 0x02BC || (c >= 0x2018 && c <= 0x201F) ||
      c == 0x2032 || c == 0x2033 || c == 0x2039 || c == 0x203A || (c >= 0x300C && c <= 0x300F) ||
      c == 0xFF02 || c == 0xFF07)
    return CharClass::Quote;
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D)
    return CharClass::Dash;
  // Latin-1 punctuation (¡ § ¶ · ¿); its other signs (© ° ±) are word characters.
  if (c == 0xA1 || c == 0xA7 || c == 0xB6 || c == 0xB7 || c == 0xBF ||
      (c >= 0x2016 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
      (c >= 0x3001 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
      (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65))
    return CharClass::Punct;
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x2FFFF))
    return CharClass::Ideograph;
  return CharClass::Word;
}

bool is_ascii_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

struct Token {
  size_t start = 0;  // bytes
  size_t end = 0;    // bytes, exclusive
  uint32_t key = 0;  // equal keys match
};

// Splits `text` into tokens and gives each the id of its matching form in `keys` (shared by
// both sides, so equal forms get equal ids).
class Tokenizer {
 public:
  std::vector<Token> run(std::string_view text) {
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < text.size()) {
      const utf8::Step step = utf8::decode(text, i);
      const CharClass cls = classify(step);
      const size_t start = i;
      std::string form;
      switch (cls) {
        case CharClass::Space: i += step.length; continue;
        case CharClass::Quote:
          form = "'";
          i += step.length;
          break;
        case CharClass::Dash:
          form = "-";
          i += step.length;
          break;
        case CharClass::Ideograph:
          form.assign(text.substr(i, step.length));
          i += step.length;
          break;
        case CharClass::Punct:
          if (step.codepoint == '.' || step.codepoint == 0x2026) {
            // "..." and "…" are the same ellipsis; a lone "." stays a full stop.
            size_t j = i + step.length;
            while (j < text.size() && text[j] == '.') ++j;
            form = (j - i > 1 || step.codepoint == 0x2026) ? "..." : ".";
            i = j;
          } else {
            form.assign(text.substr(i, step.length));
            i += step.length;
          }
          break;
        case CharClass::Word: i = read_word(text, i, form); break;
      }
      tokens.push_back({start, i, intern(form)});
    }
    return tokens;
  }

 private:
  // A run of word characters from `i`, keeping apostrophes and hyphens between word characters
  // (don’t, co-founder) and '.' or ',' between digits (3.5, 1,000). Returns the end offset and
  // fills `form` with the folded text.
  static size_t read_word(std::string_view text, size_t i, std::string& form) {
    char32_t previous = 0;
    while (i < text.size()) {
      const utf8::Step step = utf8::decode(text, i);
      const CharClass cls = classify(step);
      if (cls == CharClass::Word) {
        append_folded(text, i, step, form);
        previous = step.valid ? step.codepoint : utf8::kReplacement;
        i += step.length;
        continue;
      }
      // A joiner counts only with a word character right after it.
      const bool joiner = cls == CharClass::Quote || cls == CharClass::Dash ||
                          ((step.codepoint == '.' || step.codepoint == ',') && step.valid &&
                           is_ascii_digit(previous));
      if (!joiner || i + step.length >= text.size()) break;
      const utf8::Step next = utf8::decode(text, i + step.length);
      if (classify(next) != CharClass::Word) break;
      if ((step.codepoint == '.' || step.codepoint == ',') && !is_ascii_digit(next.codepoint))
        break;
      form += cls == CharClass::Quote ? '\'' : cls == CharClass::Dash ? '-' : char(step.codepoint);
      previous = step.codepoint;
      i += step.length;
    }
    return i;
  }

  static void append_folded(std::string_view text, size_t i, const utf8::Step& step,
                            std::string& form) {
    if (step.valid && step.codepoint >= 'A' && step.codepoint <= 'Z') {
      form += static_cast<char>(step.codepoint - 'A' + 'a');
    } else {
      form.append(text.substr(i, step.length));
    }
  }

  uint32_t intern(const std::string& form) {
    // Ids are only compared for equality, so the map's iteration order never shows.
    const auto [it, added] = keys_.try_emplace(form, static_cast<uint32_t>(keys_.size()));
    return it->second;
  }

  std::unordered_map<std::string, uint32_t> keys_;
};

// Marks as shared the tokens of a and b that a longest common subsequence of the middle
// a[lo_a, hi_a) / b[lo_b, hi_b) pairs up. Both lengths must be at most kMaxDiffWords.
void align_middle(const std::vector<Token>& a, size_t lo_a, size_t hi_a,
                  const std::vector<Token>& b, size_t lo_b, size_t hi_b,
                  std::vector<uint8_t>& shared_a, std::vector<uint8_t>& shared_b) {
  const size_t n = hi_a - lo_a;
  const size_t m = hi_b - lo_b;
  if (n == 0 || m == 0) return;
  // suffix[i][j]: length of the LCS of a[lo_a + i ..] and b[lo_b + j ..]; fits 16 bits because
  // it is at most kMaxDiffWords.
  const size_t width = m + 1;
  std::vector<uint16_t> suffix((n + 1) * width, 0);
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      uint16_t& cell = suffix[i * width + j];
      if (a[lo_a + i].key == b[lo_b + j].key) {
        cell = static_cast<uint16_t>(suffix[(i + 1) * width + j + 1] + 1);
      } else {
        cell = std::max(suffix[(i + 1) * width + j], suffix[i * width + j + 1]);
      }
    }
  }
  // Forward walk; ties drop the left token first, so the result never depends on anything but
  // the two strings.
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[lo_a + i].key == b[lo_b + j].key) {
      shared_a[lo_a + i] = 1;
      shared_b[lo_b + j] = 1;
      ++i;
      ++j;
    } else if (suffix[(i + 1) * width + j] >= suffix[i * width + j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
}

// Runs of consecutive unshared tokens as byte ranges.
std::vector<ByteRange> unshared_ranges(const std::vector<Token>& tokens,
                                       const std::vector<uint8_t>& shared) {
  std::vector<ByteRange> ranges;
  bool open = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (shared[k]) {
      open = false;
      continue;
    }
    if (open) {
      ranges.back().end = tokens[k].end;
    } else {
      ranges.push_back({tokens[k].start, tokens[k].end});
      open = true;
    }
  }
  return ranges;
}

}  // namespace

WordDiff word_diff(std::string_view left, std::string_view right) {
  Tokenizer tokenizer;
  const std::vector<Token> a = tokenizer.run(left);
  const std::vector<Token> b = tokenizer.run(right);
  std::vector<uint8_t> shared_a(a.size(), 0);
  std::vector<uint8_t> shared_b(b.size(), 0);

  // Versions of one statement mostly differ in the middle: the common beginning and end are
  // matched directly, in linear time, and only what lies between is aligned.
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix].key == b[prefix].key) {
    shared_a[prefix] = shared_b[prefix] = 1;
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix].key == b[b.size() - 1 - suffix].key) {
    shared_a[a.size() - 1 - suffix] = shared_b[b.size() - 1 - suffix] = 1;
    ++suffix;
  }

  WordDiff diff;
  const size_t middle_a = a.size() - prefix - suffix;
  const size_t middle_b = b.size() - prefix - suffix;
  if (middle_a > kMaxDiffWords || middle_b > kMaxDiffWords) {
    // Too long to align within the bound: the whole middle stays marked on both sides, which
    // overstates the difference but never hides one.
    diff.exact = false;
  } else {
    align_middle(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix, shared_a, shared_b);
  }
  diff.left = unshared_ranges(a, shared_a);
  diff.right = unshared_ranges(b, shared_b);
  return diff;
}

}  // namespace dramatis::text
