// String names of the analysis enums, as they appear in "dramatis.analysis/1" JSON.
#include "core/nlp/analysis.h"

namespace dramatis {
namespace {

constexpr std::string_view kEntityTypeNames[] = {"PERSON", "ORG",  "PRODUCT", "LOCATION",
                                                 "EVENT",  "DATE", "MONEY",   "QUANTITY"};

}  // namespace

std::string_view to_string(EntityType type) {
  return kEntityTypeNames[static_cast<size_t>(type)];
}

std::optional<EntityType> entity_type_from_string(std::string_view name) {
  for (size_t i = 0; i < std::size(kEntityTypeNames); ++i) {
    if (kEntityTypeNames[i] == name) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

std::string_view to_string(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::Direct: return "direct";
    case QuoteKind::Indirect: return "indirect";
    default: return "mixed";
  }
}

std::string_view to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::Day: return "day";
    case DatePrecision::Month: return "month";
    default: return "year";
  }
}

}  // namespace dramatis
