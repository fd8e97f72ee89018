// A news page's dateline: see dateline.h.
#include "core/nlp/dateline.h"

#include <algorithm>
#include <vector>

#include "core/nlp/dates.h"

namespace dramatis {
namespace {

// What a dateline line may hold besides its date.
bool decoration(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '*' || c == '_' || c == '#' || c == '>' ||
         c == '|' || c == ',' || c == '.' || c == '-' || c == '(' || c == ')';
}

}  // namespace

std::optional<DateMention> find_dateline(std::string_view text, uint32_t doc) {
  size_t lines = 0;
  for (size_t start = 0; start < text.size() && start < kMaxDatelineBytes;) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const bool blank = std::all_of(line.begin(), line.end(), decoration);
    if (!blank) {
      if (++lines > kMaxDatelineLines) break;
      // No document date: a year-less or relative date is not found at all, so a line of one
      // day-precise date is absolute.
      const std::vector<DateMention> found = find_dates(line, doc, "");
      if (found.size() == 1 && found[0].precision == DatePrecision::Day) {
        const DocSpan span = found[0].span;
        const std::string_view before = line.substr(0, span.start);
        const std::string_view after = line.substr(span.end);
        const bool alone = std::all_of(before.begin(), before.end(), decoration) &&
                           std::all_of(after.begin(), after.end(), decoration);
        if (alone) {
          DateMention dateline = found[0];
          dateline.span.start += start;
          dateline.span.end += start;
          return dateline;
        }
      }
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace dramatis
