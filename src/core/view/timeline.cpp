#include "core/view/timeline.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace dramatis {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// 1970-01-05, the first Monday of the epoch: weekly ticks count from it.
constexpr int32_t kFirstMonday = 4;

// Floor modulo, for aligning ticks on negative days (before 1970) as on positive ones.
int32_t floor_mod(int32_t value, int32_t divisor) {
  const int32_t r = value % divisor;
  return r < 0 ? r + divisor : r;
}

struct TickStep {
  TickUnit unit;
  int32_t step;
  double days;  // nominal length of one step
};

constexpr double kMonthDays = 365.2425 / 12.0;
constexpr double kYearDays = 365.2425;

// Finest first; axis_ticks takes the first one that fits.
constexpr std::array<TickStep, 18> kTickSteps = {{
    {TickUnit::Day, 1, 1.0},
    {TickUnit::Day, 2, 2.0},
    {TickUnit::Day, 7, 7.0},
    {TickUnit::Day, 14, 14.0},
    {TickUnit::Month, 1, kMonthDays},
    {TickUnit::Month, 3, 3.0 * kMonthDays},
    {TickUnit::Month, 6, 6.0 * kMonthDays},
    {TickUnit::Year, 1, kYearDays},
    {TickUnit::Year, 2, 2.0 * kYearDays},
    {TickUnit::Year, 5, 5.0 * kYearDays},
    {TickUnit::Year, 10, 10.0 * kYearDays},
    {TickUnit::Year, 20, 20.0 * kYearDays},
    {TickUnit::Year, 50, 50.0 * kYearDays},
    {TickUnit::Year, 100, 100.0 * kYearDays},
    {TickUnit::Year, 200, 200.0 * kYearDays},
    {TickUnit::Year, 500, 500.0 * kYearDays},
    {TickUnit::Year, 1000, 1000.0 * kYearDays},
    {TickUnit::Year, 2000, 2000.0 * kYearDays},
}};

std::string tick_label(TickUnit unit, const CivilDate& date) {
  char text[32];
  const char* month = kMonthNames[static_cast<size_t>(date.month - 1)];
  switch (unit) {
    case TickUnit::Day: std::snprintf(text, sizeof text, "%s %d", month, date.day); break;
    case TickUnit::Month: std::snprintf(text, sizeof text, "%s %d", month, date.year); break;
    case TickUnit::Year: std::snprintf(text, sizeof text, "%d", date.year); break;
  }
  return text;
}

}  // namespace

// [SECTION] Items

std::vector<TimelineItem> build_timeline(const Story& story) {
  std::vector<TimelineItem> items;
  const Analysis& analysis = story.analysis;
  for (size_t i = 0; i < analysis.events.size(); ++i) {
    const std::optional<DateInterval> date = date_interval_from_iso(analysis.events[i].date);
    if (!date) continue;
    items.push_back(
        {TimelineItem::Kind::Event, static_cast<uint32_t>(i), *date, analysis.events[i].span});
  }
  for (size_t i = 0; i < analysis.quotes.size() && i < story.quote_dates.size(); ++i) {
    if (!story.quote_dates[i].known()) continue;
    items.push_back({TimelineItem::Kind::Quote, static_cast<uint32_t>(i), story.quote_dates[i],
                     analysis.quotes[i].span});
  }
  for (size_t i = 0; i < story.corpus.documents.size(); ++i) {
    const std::optional<DateInterval> date =
        date_interval_from_iso(story.corpus.documents[i].meta.date);
    if (!date) continue;
    const uint32_t doc = static_cast<uint32_t>(i);
    items.push_back({TimelineItem::Kind::Document, doc, *date, DocSpan{doc, 0, 0}});
  }
  // (kind, index) is unique, so this order is total and the result is deterministic.
  std::sort(items.begin(), items.end(), [](const TimelineItem& a, const TimelineItem& b) {
    return std::tuple(a.date.first, a.kind, a.index) < std::tuple(b.date.first, b.kind, b.index);
  });
  return items;
}

// [SECTION] Calendar

bool is_leap_year(int32_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int32_t days_in_month(int32_t year, int32_t month) {
  constexpr std::array<int32_t, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[static_cast<size_t>(month - 1)];
}

// Howard Hinnant's days_from_civil: eras of 400 years (146097 days), years starting in March so
// the leap day comes last.
int32_t days_from_civil(const CivilDate& date) {
  const int32_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int32_t era = (y >= 0 ? y : y - 399) / 400;
  const int32_t year_of_era = y - era * 400;
  const int32_t month_from_march = date.month + (date.month > 2 ? -3 : 9);
  const int32_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
  const int32_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(int32_t days) {
  const int32_t z = days + 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int32_t day_of_era = z - era * 146097;
  const int32_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int32_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int32_t month_from_march = (5 * day_of_year + 2) / 153;
  CivilDate date;
  date.day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
  date.month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
  date.year = year_of_era + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

int32_t epoch_day_of(int32_t day_number) {
  CivilDate date;
  date.year = std::clamp(day_number / 10000, kFirstCalendarYear, kLastCalendarYear);
  date.month = std::clamp(day_number / 100 % 100, 1, 12);
  date.day = std::clamp(day_number % 100, 1, days_in_month(date.year, date.month));
  return days_from_civil(date);
}

int32_t day_number_of(int32_t epoch_day) {
  const CivilDate date = civil_from_days(epoch_day);
  return date.year * 10000 + date.month * 100 + date.day;
}

int32_t first_calendar_day() {
  return days_from_civil({kFirstCalendarYear, 1, 1});
}

int32_t last_calendar_day() {
  return days_from_civil({kLastCalendarYear, 12, 31});
}

std::string iso_of_epoch_day(int32_t epoch_day) {
  const CivilDate date =
      civil_from_days(std::clamp(epoch_day, first_calendar_day(), last_calendar_day()));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

std::string iso_of_day_number(int32_t day_number) {
  return iso_of_epoch_day(epoch_day_of(day_number));
}

std::string iso_of_interval(const DateInterval& date) {
  const DayRange days = day_range_of(date);
  const CivilDate first = civil_from_days(days.first);
  const CivilDate last = civil_from_days(days.last);
  const std::string start = iso_of_epoch_day(days.first);
  if (days.first == days.last) return start;
  const bool whole_months = first.day == 1 && last.day == days_in_month(last.year, last.month);
  if (whole_months && first.year == last.year && first.month == 1 && last.month == 12)
    return start.substr(0, 4);
  if (whole_months && first.year == last.year && first.month == last.month)
    return start.substr(0, 7);
  return start + " \xE2\x80\x93 " + iso_of_epoch_day(days.last);
}

DayRange day_range_of(const DateInterval& date) {
  return {epoch_day_of(date.first), epoch_day_of(date.last)};
}

TimeRange time_range_of_days(int32_t first, int32_t last) {
  if (last < first) std::swap(first, last);
  return {iso_of_epoch_day(first), iso_of_epoch_day(last)};
}

std::optional<DayRange> day_range_of(const TimeRange& range) {
  const std::optional<DateInterval> first = date_interval_from_iso(range.first);
  const std::optional<DateInterval> last = date_interval_from_iso(range.last);
  if (!first && !last) return std::nullopt;
  DayRange days{first_calendar_day(), last_calendar_day()};
  if (first) days.first = epoch_day_of(first->first);
  if (last) days.last = epoch_day_of(last->last);
  if (days.last < days.first) std::swap(days.first, days.last);
  return days;
}

// [SECTION] The visible window and its ticks

void TimeAxis::zoom_at(double anchor, double factor) {
  if (!std::isfinite(factor) || factor <= 0.0 || !std::isfinite(anchor)) return;
  const double old_span = span();
  const double new_span = std::clamp(old_span / factor, kMinSpan, kMaxSpan);
  const double share = (anchor - first) / old_span;  // where the anchor sits, 0..1 on screen
  first = anchor - share * new_span;
  last = first + new_span;
  clamp();
}

void TimeAxis::pan(double days) {
  if (!std::isfinite(days)) return;
  first += days;
  last += days;
  clamp();
}

void TimeAxis::clamp() {
  const double lo = first_calendar_day();
  const double hi = static_cast<double>(last_calendar_day()) + 1.0;
  if (!std::isfinite(first) || !std::isfinite(last)) {
    first = 0.0;
    last = 7.0;
  }
  const double width = std::min(std::clamp(last - first, kMinSpan, kMaxSpan), hi - lo);
  first = std::clamp(first, lo, hi - width);
  last = first + width;
}

TimeAxis fit_axis(const std::vector<TimelineItem>& items) {
  if (items.empty()) return TimeAxis{0.0, 7.0};
  double lo = 0.0, hi = 0.0;
  for (size_t i = 0; i < items.size(); ++i) {
    const DayRange days = day_range_of(items[i].date);
    const double first = days.first;
    const double end = static_cast<double>(days.last) + 1.0;
    lo = i == 0 ? first : std::min(lo, first);
    hi = i == 0 ? end : std::max(hi, end);
  }
  TimeAxis axis;
  const double margin = 0.04 * (hi - lo);
  if (hi - lo + 2.0 * margin < 7.0) {
    const double middle = 0.5 * (lo + hi);
    axis = {middle - 3.5, middle + 3.5};
  } else {
    axis = {lo - margin, hi + margin};
  }
  axis.clamp();
  return axis;
}

AxisTicks axis_ticks(const TimeAxis& axis, int max_ticks) {
  max_ticks = std::max(1, max_ticks);
  const TickStep* chosen = &kTickSteps.back();
  for (const TickStep& step : kTickSteps) {
    if (axis.span() / step.days <= max_ticks) {
      chosen = &step;
      break;
    }
  }
  AxisTicks out;
  out.unit = chosen->unit;
  out.step = chosen->step;
  // Months are shorter or longer than their nominal length: allow a few extra, never unbounded.
  const size_t cap = static_cast<size_t>(max_ticks) + 4;
  const int32_t lo = static_cast<int32_t>(std::ceil(axis.first));
  const int32_t hi = static_cast<int32_t>(std::floor(axis.last));
  auto add = [&](int32_t day) {
    if (day < lo || day > hi || out.ticks.size() >= cap) return;
    out.ticks.push_back({day, tick_label(out.unit, civil_from_days(day))});
  };
  const CivilDate start = civil_from_days(lo);
  switch (out.unit) {
    case TickUnit::Day: {
      const int32_t origin = out.step >= 7 ? kFirstMonday : 0;
      int32_t day = lo + floor_mod(origin - lo, out.step);
      for (; day <= hi && out.ticks.size() < cap; day += out.step) add(day);
      break;
    }
    case TickUnit::Month: {
      int32_t year = start.year;
      int32_t month = start.month - (start.month - 1) % out.step;
      while (out.ticks.size() < cap && year <= kLastCalendarYear) {
        const int32_t day = days_from_civil({year, month, 1});
        if (day > hi) break;
        add(day);
        month += out.step;
        if (month > 12) {
          month -= 12;
          ++year;
        }
      }
      break;
    }
    case TickUnit::Year: {
      for (int32_t year = start.year - floor_mod(start.year, out.step);
           year <= kLastCalendarYear && out.ticks.size() < cap; year += out.step) {
        if (year < kFirstCalendarYear) continue;
        const int32_t day = days_from_civil({year, 1, 1});
        if (day > hi) break;
        add(day);
      }
      break;
    }
  }
  return out;
}

}  // namespace dramatis
