// The timeline (src/core/view/timeline.cpp): the calendar arithmetic against dates worked out by
// hand (leap years, month-precision intervals, the epoch), the visible window and its ticks, and
// build_timeline on a small story made by hand from real sentences.
#include "core/view/timeline.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace dramatis;

namespace {

DocSpan span_of(uint32_t doc, const std::string& text, const std::string& part) {
  const size_t start = text.find(part);
  REQUIRE(start != std::string::npos);
  return {doc, start, start + part.size()};
}

Document document(const std::string& id, const std::string& date, const std::string& bytes) {
  Document doc;
  doc.meta.id = id;
  doc.meta.title = id;
  doc.meta.date = date;
  doc.bytes = bytes;
  return doc;
}

}  // namespace

TEST_CASE("timeline calendar: leap years and month lengths") {
  CHECK(is_leap_year(2024));
  CHECK(is_leap_year(2000));  // divisible by 400
  CHECK_FALSE(is_leap_year(1900));
  CHECK_FALSE(is_leap_year(2025));
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2025, 2) == 28);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2025, 11) == 30);
  CHECK(days_in_month(2025, 12) == 31);
  CHECK(days_in_month(2025, 13) == 0);
}

TEST_CASE("timeline calendar: days since 1970-01-01") {
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  CHECK(days_from_civil({1969, 12, 31}) == -1);
  CHECK(days_from_civil({2000, 3, 1}) == 11017);
  // 2024 is a leap year: 29 February exists and 1 March is the day after it.
  CHECK(days_from_civil({2024, 3, 1}) - days_from_civil({2024, 2, 28}) == 2);
  CHECK(days_from_civil({2025, 3, 1}) - days_from_civil({2025, 2, 28}) == 1);
  CHECK(days_from_civil({2025, 1, 1}) - days_from_civil({2024, 1, 1}) == 366);
  CHECK(days_from_civil({2025, 11, 17}) == 20409);
  CHECK(civil_from_days(20409) == CivilDate{2025, 11, 17});
  CHECK(civil_from_days(-1) == CivilDate{1969, 12, 31});
  CHECK(civil_from_days(days_from_civil({2024, 2, 29})) == CivilDate{2024, 2, 29});
  CHECK(first_calendar_day() == days_from_civil({1, 1, 1}));
  CHECK(civil_from_days(last_calendar_day()) == CivilDate{9999, 12, 31});
  // Every day of four centuries survives the round trip (the Gregorian cycle is 400 years).
  bool all_round_trip = true;
  for (int32_t day = days_from_civil({1800, 1, 1}); day < days_from_civil({2200, 1, 1}); ++day)
    all_round_trip = all_round_trip && days_from_civil(civil_from_days(day)) == day;
  CHECK(all_round_trip);
}

TEST_CASE("timeline calendar: day numbers, month precision and ISO strings") {
  const std::optional<DateInterval> november = date_interval_from_iso("2025-11");
  REQUIRE(november);
  CHECK(november->first == 20251101);
  CHECK(november->last == 20251131);  // not a real day: clamped to 30 November on the axis
  const DayRange days = day_range_of(*november);
  CHECK(iso_of_epoch_day(days.first) == "2025-11-01");
  CHECK(iso_of_epoch_day(days.last) == "2025-11-30");
  CHECK(days.last - days.first + 1 == 30);

  const std::optional<DateInterval> february = date_interval_from_iso("2024-02");
  REQUIRE(february);
  CHECK(iso_of_day_number(february->last) == "2024-02-29");
  CHECK(iso_of_day_number(20250231) == "2025-02-28");
  CHECK(iso_of_day_number(20250100) == "2025-01-01");  // day 00 is the first

  const std::optional<DateInterval> year = date_interval_from_iso("2022");
  REQUIRE(year);
  CHECK(day_range_of(*year).last - day_range_of(*year).first + 1 == 365);

  CHECK(iso_of_interval(*november) == "2025-11");
  CHECK(iso_of_interval(*february) == "2024-02");
  CHECK(iso_of_interval(*year) == "2022");
  CHECK(iso_of_interval({20251117, 20251117}) == "2025-11-17");
  CHECK(iso_of_interval({20251103, 20251109}) == "2025-11-03 \xE2\x80\x93 2025-11-09");

  // Day number -> axis -> day number and -> ISO -> day number, for real days.
  for (int32_t day_number : {19700101, 20000229, 20231117, 20251117, 20241231, 19991231}) {
    const int32_t epoch = epoch_day_of(day_number);
    CHECK(day_number_of(epoch) == day_number);
    const std::string iso = iso_of_epoch_day(epoch);
    const std::optional<DateInterval> parsed = date_interval_from_iso(iso);
    REQUIRE(parsed);
    CHECK(parsed->first == day_number);
    CHECK(parsed->last == day_number);
  }
  CHECK(iso_of_epoch_day(epoch_day_of(20251117)) == "2025-11-17");
  CHECK(iso_of_day_number(305) == "0001-03-05");  // year 0 clamps to 1
  CHECK(iso_of_epoch_day(first_calendar_day() - 10) == "0001-01-01");
}

TEST_CASE("timeline calendar: time ranges are whole inclusive days") {
  const int32_t a = days_from_civil({2025, 11, 17});
  const int32_t b = days_from_civil({2025, 11, 6});
  const TimeRange range = time_range_of_days(a, b);  // either order
  CHECK(range.first == "2025-11-06");
  CHECK(range.last == "2025-11-17");
  const std::optional<DayRange> back = day_range_of(range);
  REQUIRE(back);
  CHECK(back->first == b);
  CHECK(back->last == a);
  CHECK(date_in_range(*date_interval_from_iso("2025-11-17"), range));
  CHECK_FALSE(date_in_range(*date_interval_from_iso("2025-11-18"), range));

  // A link may carry coarser ends: a month range covers the whole months.
  const std::optional<DayRange> months = day_range_of(TimeRange{"2024-02", "2024-03"});
  REQUIRE(months);
  CHECK(iso_of_epoch_day(months->first) == "2024-02-01");
  CHECK(iso_of_epoch_day(months->last) == "2024-03-31");
  // An end that does not parse is open, as in date_in_range.
  const std::optional<DayRange> open = day_range_of(TimeRange{"2025", "soon"});
  REQUIRE(open);
  CHECK(iso_of_epoch_day(open->first) == "2025-01-01");
  CHECK(open->last == last_calendar_day());
  CHECK_FALSE(day_range_of(TimeRange{"", "later"}).has_value());
}

TEST_CASE("timeline axis: zoom keeps the anchor, pan moves, clamps hold") {
  TimeAxis axis{20000.0, 20100.0};
  CHECK(axis.x_of(20050.0, 1000.0) == doctest::Approx(500.0));
  CHECK(axis.day_at(250.0, 1000.0) == doctest::Approx(20025.0));
  axis.zoom_at(20025.0, 2.0);
  CHECK(axis.span() == doctest::Approx(50.0));
  CHECK(axis.x_of(20025.0, 1000.0) == doctest::Approx(250.0));  // the anchor stayed put
  axis.pan(10.0);
  CHECK(axis.first == doctest::Approx(20022.5));
  axis.zoom_at(20025.0, 1e9);  // closer than two days: clamped
  CHECK(axis.span() == doctest::Approx(TimeAxis::kMinSpan));
  axis.zoom_at(20025.0, 1e-9);  // wider than two millennia: clamped
  CHECK(axis.span() == doctest::Approx(TimeAxis::kMaxSpan));
  axis.zoom_at(20025.0, -1.0);  // ignored
  CHECK(axis.span() == doctest::Approx(TimeAxis::kMaxSpan));
  axis.pan(-1e9);  // never before 0001-01-01
  CHECK(axis.first == doctest::Approx(first_calendar_day()));
  axis.pan(1e9);  // nor after 9999-12-31
  CHECK(axis.last == doctest::Approx(last_calendar_day() + 1.0));
}

TEST_CASE("timeline axis: ticks adapt from days to months to years") {
  const double nov1 = days_from_civil({2025, 11, 1});

  const AxisTicks days = axis_ticks(TimeAxis{nov1, nov1 + 10.0}, 12);
  CHECK(days.unit == TickUnit::Day);
  CHECK(days.step == 1);
  REQUIRE(days.ticks.size() == 11);
  CHECK(days.ticks[0].label == "Nov 1");
  CHECK(days.ticks[10].label == "Nov 11");

  const AxisTicks weeks = axis_ticks(TimeAxis{nov1, nov1 + 60.0}, 10);
  CHECK(weeks.unit == TickUnit::Day);
  CHECK(weeks.step == 7);
  REQUIRE_FALSE(weeks.ticks.empty());
  CHECK(weeks.ticks[0].label == "Nov 3");  // 3 November 2025 is a Monday
  CHECK(weeks.ticks[1].day - weeks.ticks[0].day == 7);

  const double jan2024 = days_from_civil({2024, 1, 1});
  const double jan2026 = days_from_civil({2026, 1, 1});
  const AxisTicks quarters = axis_ticks(TimeAxis{jan2024 - 0.5, jan2026 + 0.5}, 10);
  CHECK(quarters.unit == TickUnit::Month);
  CHECK(quarters.step == 3);
  REQUIRE(quarters.ticks.size() == 9);
  CHECK(quarters.ticks[0].label == "Jan 2024");
  CHECK(quarters.ticks[1].label == "Apr 2024");
  CHECK(quarters.ticks[8].label == "Jan 2026");

  const AxisTicks years = axis_ticks(TimeAxis{days_from_civil({1990, 6, 1}) + 0.0, jan2026}, 8);
  CHECK(years.unit == TickUnit::Year);
  CHECK(years.step == 5);
  REQUIRE_FALSE(years.ticks.empty());
  CHECK(years.ticks[0].label == "1995");
  CHECK(years.ticks.back().label == "2025");

  // However wide the window, the count stays bounded.
  const AxisTicks wide =
      axis_ticks(TimeAxis{first_calendar_day() + 0.0, last_calendar_day() + 1.0}, 3);
  CHECK(wide.unit == TickUnit::Year);
  CHECK(wide.ticks.size() <= 7);
}

TEST_CASE("build_timeline: dated events, quotes and documents in date order") {
  const std::string a =
      "Meta announced a new research lab in November 2025. \"We are hiring,\" Chintala said.";
  const std::string b =
      "On Thursday, 29 February 2024, the company released PyTorch 2.2. \"It is faster,\" the "
      "release notes said.";
  const std::string c = "An undated note. \"Nothing to add,\" a spokesperson said.";
  Corpus corpus;
  corpus.name = "hand-made";
  corpus.documents.push_back(document("d0", "2025-11-06", a));
  corpus.documents.push_back(document("d1", "2024-03-01", b));
  corpus.documents.push_back(document("d2", "", c));

  Analysis analysis;
  Entity meta;
  meta.id = "e0";
  meta.name = "Meta";
  meta.type = EntityType::Org;
  meta.mentions = {span_of(0, a, "Meta")};
  analysis.entities.push_back(meta);

  Event lab;  // month precision
  lab.span = span_of(0, a, "Meta announced a new research lab in November 2025.");
  lab.subject = 0;
  lab.cue = "announced";
  lab.date = "2025-11";
  Event undated;  // left out
  undated.span = span_of(2, c, "An undated note.");
  undated.cue = "noted";
  Event release;  // a leap day
  release.span = span_of(1, b, "On Thursday, 29 February 2024, the company released PyTorch 2.2.");
  release.cue = "released";
  release.date = "2024-02-29";
  analysis.events = {lab, undated, release};

  Quote hiring;  // outside every event: the document's date
  hiring.id = "q0";
  hiring.span = span_of(0, a, "\"We are hiring,\"");
  Quote faster;  // outside the event's sentence too: the document's date
  faster.id = "q1";
  faster.span = span_of(1, b, "\"It is faster,\"");
  Quote nothing;  // an undated document: left out
  nothing.id = "q2";
  nothing.span = span_of(2, c, "\"Nothing to add,\"");
  analysis.quotes = {hiring, faster, nothing};

  const Story story = make_story(corpus, analysis);
  REQUIRE(story.quote_dates.size() == 3);
  CHECK_FALSE(story.quote_dates[2].known());

  const std::vector<TimelineItem> items = build_timeline(story);
  using Kind = TimelineItem::Kind;
  struct Expected {
    Kind kind;
    uint32_t index;
    int32_t first;
  };
  // 2024-02-29 (event 2), 2024-03-01 (quote 1, then document 1: quotes sort before documents),
  // 2025-11-01 (event 0: November), 2025-11-06 (quote 0, document 0).
  const std::vector<Expected> expected = {
      {Kind::Event, 2, 20240229}, {Kind::Quote, 1, 20240301}, {Kind::Document, 1, 20240301},
      {Kind::Event, 0, 20251101}, {Kind::Quote, 0, 20251106}, {Kind::Document, 0, 20251106}};
  REQUIRE(items.size() == expected.size());
  for (size_t i = 0; i < items.size(); ++i) {
    CAPTURE(i);
    CHECK(items[i].kind == expected[i].kind);
    CHECK(items[i].index == expected[i].index);
    CHECK(items[i].date.first == expected[i].first);
  }
  CHECK(items[3].date.last == 20251131);
  CHECK(items[3].span == lab.span);
  CHECK(items[5].span == DocSpan{0, 0, 0});
  CHECK(build_timeline(story).size() == items.size());  // the same story, the same list

  // The fitted window holds everything, with room on both sides.
  const TimeAxis axis = fit_axis(items);
  CHECK(axis.first < days_from_civil({2024, 2, 29}));
  CHECK(axis.last > days_from_civil({2025, 11, 30}) + 1.0);
  CHECK(fit_axis({}).span() == doctest::Approx(7.0));
}
