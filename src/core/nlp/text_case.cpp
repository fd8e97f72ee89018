#include "core/nlp/text_case.h"

#include <algorithm>

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

bool is_title_case_function_word(std::string_view word) {
  if (word.empty() || word.size() > 4 || word[0] < 'a' || word[0] > 'w') return false;
  static constexpr std::string_view kWords[] = {"a",   "an",   "and", "as",   "at",  "but", "by",
                                                "for", "from", "in",  "into", "nor", "of",  "on",
                                                "or",  "the",  "to",  "up",   "via", "vs",  "with"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

}  // namespace dramatis
