// A wire story's place dateline: the city it was filed from, in capitals, at the start of a
// paragraph and before a dash ("ROME (AP) —", "MUNICH, Germany --", "TOULOUSE, France, March 4,
// 2025 (Reuters) -"), and the news agency in brackets before that dash. Capitals hide a city from
// the case-sensitive place lists, and a sentence's first word is not taken for a name without
// them, so the position itself is the evidence.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"

namespace dramatis {

struct DatelinePart {
  size_t first_token = 0;  // token range [first_token, end_token)
  size_t end_token = 0;
  EntityType type = EntityType::Location;  // the place; Org for the agency
  std::string name;  // the place in title case ("Rome", "New York"), empty for the agency
};

// The dateline parts of every paragraph of `v` that opens with one, in text order. A place in
// capitals counts only where the place lists know it in title case or a listed place follows
// it after a comma ("KANATA, Ontario"), so "BREAKING —" is no place.
std::vector<DatelinePart> find_dateline_parts(const DocumentView& v);

}  // namespace dramatis
