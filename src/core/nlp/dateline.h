// A news page's dateline: the line under the headline that gives the day it was published
// ("Friday, July 21, 2017"). The reading engine reads relative dates ("on Tuesday") against it
// when the document's metadata gives no date.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/nlp/analysis.h"

namespace dramatis {

// A line among the first few of `text` (kMaxDatelineLines non-blank lines, within the first
// kMaxDatelineBytes) that is one absolute date to the day and nothing else but punctuation and
// Markdown markers: "Friday, July 21, 2017" (the weekday belongs to the date), "2025-11-07",
// "*Nov. 7, 2025*". Nullopt when there is none; a date inside a sentence is never one.
inline constexpr size_t kMaxDatelineLines = 6;
inline constexpr size_t kMaxDatelineBytes = 2000;
std::optional<DateMention> find_dateline(std::string_view text, uint32_t doc);

}  // namespace dramatis
