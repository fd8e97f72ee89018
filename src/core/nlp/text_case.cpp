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

bool starts_upper(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

bool is_title_case_function_word(std::string_view word) {
  if (word.empty() || word.size() > 4 || word[0] < 'a' || word[0] > 'w') return false;
  // By length: asked of most tokens, so a few comparisons instead of a walk of the list.
  static constexpr std::string_view kTwo[] = {"an", "as", "at", "by", "in", "of",
                                              "on", "or", "to", "up", "vs"};
  static constexpr std::string_view kThree[] = {"and", "but", "for", "nor", "the", "via"};
  static constexpr std::string_view kFour[] = {"from", "into", "with"};
  const auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
  };
  switch (word.size()) {
    case 1: return word[0] == 'a';
    case 2: return in(kTwo);
    case 3: return in(kThree);
    default: return in(kFour);
  }
}

}  // namespace dramatis
