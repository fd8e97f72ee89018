#include "core/nlp/text_case.h"

#include <cstdint>

namespace dramatis {

bool has_inner_capital(std::string_view word) {
  for (size_t i = 1; i < word.size(); ++i) {
    if (word[i] >= 'A' && word[i] <= 'Z' && word[i - 1] >= 'a' && word[i - 1] <= 'z') return true;
  }
  return false;
}

bool has_surname_prefix(std::string_view word) {
  for (std::string_view prefix : {"Mc", "Mac", "Le", "La", "De", "Di", "Du", "Van", "Von", "O'"}) {
    if (word.size() > prefix.size() + 1 && word.substr(0, prefix.size()) == prefix &&
        word[prefix.size()] >= 'A' && word[prefix.size()] <= 'Z')
      return true;
  }
  return false;
}

bool starts_upper(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

namespace {

// Up to four bytes as one number, so a short word is matched by one integer comparison.
constexpr uint32_t packed(std::string_view word) {
  uint32_t value = 0;
  for (const char c : word) value = (value << 8) | static_cast<unsigned char>(c);
  return value;
}

}  // namespace

bool is_title_case_function_word(std::string_view word) {
  // Asked of most tokens: one switch on the packed bytes instead of string comparisons.
  if (word.empty() || word.size() > 4 || word[0] < 'a' || word[0] > 'w') return false;
  const uint32_t p = packed(word);
  switch (word.size()) {
    case 1: return word[0] == 'a';
    case 2:
      switch (p) {
        case packed("an"):
        case packed("as"):
        case packed("at"):
        case packed("by"):
        case packed("in"):
        case packed("of"):
        case packed("on"):
        case packed("or"):
        case packed("to"):
        case packed("up"):
        case packed("vs"): return true;
        default: return false;
      }
    case 3:
      switch (p) {
        case packed("and"):
        case packed("but"):
        case packed("for"):
        case packed("nor"):
        case packed("the"):
        case packed("via"): return true;
        default: return false;
      }
    default:
      switch (p) {
        case packed("from"):
        case packed("into"):
        case packed("with"): return true;
        default: return false;
      }
  }
}

}  // namespace dramatis
