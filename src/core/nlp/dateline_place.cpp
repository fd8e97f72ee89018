#include "core/nlp/dateline_place.h"

#include <algorithm>

#include "core/nlp/lexicon.h"
#include "core/nlp/name_context.h"

namespace dramatis {

namespace {

using name_context::join_key;
using text::Token;
using text::TokenKind;

constexpr size_t kMaxPlaceWords = 4;   // "SALT LAKE CITY", "RIO DE JANEIRO" is three
constexpr size_t kMaxLeadTokens = 16;  // ", France, March 4, 2025 (Reuters)" before the dash

bool is_dash(const DocumentView& v, size_t i) {
  if (v.tokens[i].kind == TokenKind::Dash) return true;
  const std::string_view w = v.token_text(i);
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c == '-'; });
}

bool is_capital_word(const Token& t) {
  return t.kind == TokenKind::Word && (t.has(text::kAllCaps) || t.has(text::kCapitalized));
}

// "NEW YORK" -> "New York", "ST. LOUIS" -> "St. Louis".
std::string title_case(std::string_view capitals) {
  std::string out(capitals);
  bool word_start = true;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z' && !word_start) c = static_cast<char>(c - 'A' + 'a');
    word_start = c == ' ' || c == '-';
  }
  return out;
}

bool same_line(const DocumentView& v, size_t a, size_t b) {
  const std::string_view between =
      v.text.substr(v.tokens[a].end, v.tokens[b].start - v.tokens[a].end);
  return between.find('\n') == std::string_view::npos;
}

}  // namespace

std::vector<DatelinePart> find_dateline_parts(const DocumentView& v) {
  const Lexicon& lex = lexicon();
  std::vector<DatelinePart> out;
  size_t t = 0;
  for (const text::Block& block : v.blocks) {
    if (block.kind != text::BlockKind::Paragraph) continue;
    while (t < v.tokens.size() && v.tokens[t].start < block.content_start) ++t;
    if (t >= v.tokens.size()) break;
    if (v.tokens[t].start >= block.end || v.token_boilerplate[t]) continue;
    // The place: words in capitals (dotted abbreviations inside: "ST. LOUIS").
    size_t end = t;
    while (end < v.tokens.size() && end - t < kMaxPlaceWords && v.tokens[end].start < block.end &&
           v.tokens[end].kind == TokenKind::Word && v.tokens[end].has(text::kAllCaps))
      ++end;
    if (end == t || end >= v.tokens.size() || v.tokens[end].start >= block.end) continue;
    // Then a dash within a few tokens, with nothing but capitalised words, numbers, commas and
    // brackets before it: a lower-case word means the line is a sentence.
    size_t dash = end;
    bool dateline = false;
    for (; dash < v.tokens.size() && dash < end + kMaxLeadTokens && same_line(v, end - 1, dash);
         ++dash) {
      if (is_dash(v, dash)) {
        dateline = true;
        break;
      }
      const Token& tok = v.tokens[dash];
      const std::string_view w = v.token_text(dash);
      const bool allowed = is_capital_word(tok) || tok.kind == TokenKind::Number || w == "," ||
                           w == "(" || w == ")" || w == ".";
      if (!allowed) break;
    }
    if (!dateline) continue;
    const std::string place = title_case(join_key(v, t, end));
    bool known = lex.name_lists(place).place();
    if (!known && v.token_text(end) == ",") {
      size_t region_end = end + 1;
      while (region_end < dash && v.tokens[region_end].kind == TokenKind::Word &&
             v.tokens[region_end].has(text::kCapitalized))
        ++region_end;
      known = region_end > end + 1 && lex.name_lists(join_key(v, end + 1, region_end)).place();
    }
    if (!known) continue;
    out.push_back({t, end, EntityType::Location, place});
    // "(AP)", "(Reuters)" right before the dash: the agency that filed the story.
    if (dash >= end + 3 && v.token_text(dash - 1) == ")") {
      size_t open = dash - 1;
      while (open > end && v.token_text(open - 1) != "(" && is_capital_word(v.tokens[open - 1]))
        --open;
      if (open > end && open < dash - 1 && v.token_text(open - 1) == "(")
        out.push_back({open, dash - 1, EntityType::Org, {}});
    }
  }
  return out;
}

}  // namespace dramatis
