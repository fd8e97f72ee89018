// The story on a time axis: every dated event, quote and document as a timeline item, and the
// calendar arithmetic the timeline panel needs (YYYYMMDD day numbers <-> a linear axis of days
// since 1970-01-01 <-> ISO strings), the visible window of the axis and its adaptive ticks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/graph/entity_graph.h"
#include "core/nlp/analysis.h"
#include "core/view/story.h"
#include "core/view/view_state.h"

namespace dramatis {

// [SECTION] Items

struct TimelineItem {
  enum class Kind : uint8_t { Event, Quote, Document };
  Kind kind = Kind::Event;
  uint32_t index = 0;  // into analysis.events, analysis.quotes or corpus.documents, per kind
  DateInterval date;   // always known
  DocSpan span;        // event: its sentence; quote: the quoted words; document: {doc, 0, 0}
};

// Events whose Event::date parses (date_interval_from_iso), quotes dated by story.quote_dates
// (undated ones left out) and documents by their publication date (DocumentMeta::date), sorted
// by (date.first, kind, index) so the same story always gives the same list.
std::vector<TimelineItem> build_timeline(const Story& story);

// [SECTION] Calendar (proleptic Gregorian, years 1..9999 as ISO 8601 writes them)

inline constexpr int32_t kFirstCalendarYear = 1;
inline constexpr int32_t kLastCalendarYear = 9999;

struct CivilDate {
  int32_t year = 1970;
  int32_t month = 1;  // 1..12
  int32_t day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

bool is_leap_year(int32_t year);
int32_t days_in_month(int32_t year, int32_t month);  // month 1..12; 0 otherwise

// Days since 1970-01-01 (negative before it) and back. The day must exist in its month.
int32_t days_from_civil(const CivilDate& date);
CivilDate civil_from_days(int32_t days);

// A DateInterval day number (YYYYMMDD) as days since 1970-01-01. Day numbers need not name real
// days (2025-11 is 20251101..20251131), so the day is clamped into its month (20251131 is
// 2025-11-30, 20240231 is 2024-02-29, day 00 is the 1st) and the month into 1..12.
int32_t epoch_day_of(int32_t day_number);
int32_t day_number_of(int32_t epoch_day);  // YYYYMMDD of a real day

// "YYYY-MM-DD" of a day, its year clamped to 1..9999 (the only years ISO strings here hold).
std::string iso_of_epoch_day(int32_t epoch_day);
std::string iso_of_day_number(int32_t day_number);
// A known interval as ISO text: "2025-11-17" (one day), "2025-11" (a whole month), "2025" (a
// whole year), else its two days joined by an en dash ("2025-11-03 – 2025-11-09").
std::string iso_of_interval(const DateInterval& date);

// The first and last day of the calendar this axis can show, as days since 1970-01-01.
int32_t first_calendar_day();  // 0001-01-01
int32_t last_calendar_day();   // 9999-12-31

// An inclusive range of days since 1970-01-01.
struct DayRange {
  int32_t first = 0;
  int32_t last = 0;
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

DayRange day_range_of(const DateInterval& date);  // date must be known
// The whole days [first, last] (either order) as a view's TimeRange: ISO YYYY-MM-DD, inclusive.
TimeRange time_range_of_days(int32_t first, int32_t last);
// The days a view's time range covers; its ends may be YYYY or YYYY-MM (a shared link). An end
// that does not parse leaves that side open, as date_in_range does; nullopt when neither parses.
std::optional<DayRange> day_range_of(const TimeRange& range);

// [SECTION] The visible window and its ticks

// The part of the axis on screen: a continuous window of days since 1970-01-01 in which day d
// covers [d, d + 1). Positions on screen are pixels from the window's left edge.
struct TimeAxis {
  double first = 0.0;  // days
  double last = 1.0;   // days, > first

  static constexpr double kMinSpan = 2.0;           // days: closer than this shows nothing new
  static constexpr double kMaxSpan = 365.25 * 2e3;  // days: two millennia

  double span() const { return last - first; }
  double x_of(double day, double width) const { return (day - first) / span() * width; }
  double day_at(double x, double width) const { return first + x / width * span(); }

  // Multiplies the span by 1 / factor (> 1: closer) keeping `anchor` (days) where it is on
  // screen; then clamps. A factor that is not finite and positive is ignored.
  void zoom_at(double anchor, double factor);
  void pan(double days);  // later by `days`; then clamps
  // Keeps the span within [kMinSpan, kMaxSpan] and the window within the calendar.
  void clamp();
};

// A window showing every item with a margin of 4% of their span on each side (at least the week
// around a single day); the first week of 1970 when there are none.
TimeAxis fit_axis(const std::vector<TimelineItem>& items);

enum class TickUnit : uint8_t { Day, Month, Year };

struct AxisTick {
  int32_t day = 0;    // days since 1970-01-01: the tick marks the start of this day
  std::string label;  // Day: "Nov 17"; Month: "Nov 2025"; Year: "2025"
};

struct AxisTicks {
  TickUnit unit = TickUnit::Year;
  int32_t step = 1;  // in units: 1, 2, 7 or 14 days; 1, 3 or 6 months; 1, 2, 5, 10, ... years
  std::vector<AxisTick> ticks;
};

// Ticks inside the window at the finest step (days, then months, then years) that leaves no more
// than `max_ticks` (>= 1) of them across it: weeks start on Mondays, quarters and half-years in
// January, July..., multi-year steps on multiples of the step.
AxisTicks axis_ticks(const TimeAxis& axis, int max_ticks);

}  // namespace dramatis
