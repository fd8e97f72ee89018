// Finds dates in English text and normalises them to ISO 8601 ("November 6, 2025" ->
// 2025-11-06; "last month" -> 2025-10 given the document's date). One linear pass over the bytes,
// no regular expressions; safe on any bytes, invalid UTF-8 included.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/nlp/analysis.h"

namespace dramatis {

// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// "2025-11-19", optionally followed by a time ("2025-11-19T08:00:00Z"); nullopt for anything
// else, including dates that do not exist ("2025-02-30").
std::optional<CivilDate> parse_iso_date(std::string_view text);

// Every date mention in `text`, in order of position, none overlapping. Spans are byte offsets
// into `text` for document `doc`. `document_date` (ISO, or empty when unknown) resolves relative
// and year-less mentions; without it those are skipped rather than guessed.
//
// Found:
//   absolute   "November 6, 2025", "Nov. 6 2025", "6 November 2025", "Friday, July 21, 2017"
//              (the weekday is part of the span), "2025-11-19", "2025/11/19", "19/11/2025" and
//              "11/19/2025" (only when a part above 12 tells day from month; "3/4/2025" is
//              skipped), "November 6-7, 2025" (two mentions)        -> Day
//              "November 2025" ("early November 2025" covers "November 2025") -> Month
//              a year 1900-2099 after a year word ("in 2016", "since 2020", "by 2030", "mid-2025",
//              "the end of 2025,", "(2019)") and both ends of a range ("2005-2009", "2005-09",
//              "from 2005 to 2009")                                  -> Year
//   year-less  "November 17", "17 November": the year that puts it nearest the document date;
//              "in November", "last November": the month, likewise      (relative = true)
//   relative   "today", "yesterday", "tomorrow", "tonight", "this morning"; "on Monday", "said
//              Monday", "last Monday", "next Monday"; "last/this/next week|month|year";
//              "three days ago", "a year ago"                         (relative = true)
// Weeks resolve to the Monday that starts them (precision Day: DatePrecision has no week).
// A weekday alone means the latest such day on or before the document date, since news mostly
// reports what happened.
// Not dates: "may" and other lower-case month names, a capitalised "May" or "March" with no day,
// year or date word beside it, "2,000 people", "$2016", "1990s", "the 2016 election".
std::vector<DateMention> find_dates(std::string_view text, uint32_t doc,
                                    std::string_view document_date);

}  // namespace dramatis
