// Finding and normalising dates (src/core/nlp/dates.cpp), on sentences from the built-in corpus
// and from GUM's Wikinews articles, with exact byte spans and ISO values.
#include "core/nlp/dates.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace dramatis;

namespace {

struct Found {
  std::string surface;  // the span's bytes
  size_t start = 0;
  std::string value;
  DatePrecision precision = DatePrecision::Day;
  bool relative = false;
};

std::vector<Found> dates(std::string_view text, std::string_view document_date = "") {
  std::vector<Found> out;
  for (const DateMention& m : find_dates(text, 7, document_date)) {
    CHECK(m.span.doc == 7);
    REQUIRE(m.span.start < m.span.end);
    REQUIRE(m.span.end <= text.size());
    out.push_back({std::string(text.substr(m.span.start, m.span.end - m.span.start)), m.span.start,
                   m.value, m.precision, m.relative});
  }
  return out;
}

// One mention expected: its surface, value and precision.
void check_one(std::string_view text, std::string_view surface, std::string_view value,
               DatePrecision precision, std::string_view document_date = "",
               bool relative = false) {
  CAPTURE(text);
  const std::vector<Found> found = dates(text, document_date);
  REQUIRE(found.size() == 1);
  CHECK(found[0].surface == surface);
  CHECK(found[0].start == text.find(surface));
  CHECK(found[0].value == value);
  CHECK(found[0].precision == precision);
  CHECK(found[0].relative == relative);
}

}  // namespace

TEST_SUITE("dates") {
  TEST_CASE("absolute dates with a day, from corpus sentences") {
    check_one("but announced his retirement from Meta on November 6, 2025. 'I have one",
              "November 6, 2025", "2025-11-06", DatePrecision::Day);
    check_one("business applications (Source: Soumith Chintala, Twitter, Nov 6, 2025). He",
              "Nov 6, 2025", "2025-11-06", DatePrecision::Day);
    check_one(
        "On **November 6, 2025**, PyTorch co\xE2\x80\x91"
        "founder",
        "November 6, 2025", "2025-11-06", DatePrecision::Day);
    check_one("With Chintala's departure on November 17, 2023, the project's resilience",
              "November 17, 2023", "2023-11-17", DatePrecision::Day);
    check_one("2025-11-19 Soumith Chintala leaves Meta AI", "2025-11-19", "2025-11-19",
              DatePrecision::Day);
  }

  TEST_CASE("a weekday before a date joins its span (GUM datelines)") {
    check_one("competition\n\nFriday, July 21, 2017\n\nA group of Afghan teenagers",
              "Friday, July 21, 2017", "2017-07-21", DatePrecision::Day, "2017-07-18");
    check_one("Thursday, February 23, 2023", "Thursday, February 23, 2023", "2023-02-23",
              DatePrecision::Day);
  }

  TEST_CASE("day-first, abbreviated and ordinal forms") {
    check_one("The summit opened on 6 November 2025 in Paris.", "6 November 2025", "2025-11-06",
              DatePrecision::Day);
    check_one("It shipped on the 6th of November, 2025.", "6th of November, 2025", "2025-11-06",
              DatePrecision::Day);
    check_one("Filed Nov. 6, 2025, in Delaware.", "Nov. 6, 2025", "2025-11-06", DatePrecision::Day);
    check_one("Filed Sept. 30 2024.", "Sept. 30 2024", "2024-09-30", DatePrecision::Day);
    check_one("UPDATED NOVEMBER 6, 2025", "NOVEMBER 6, 2025", "2025-11-06", DatePrecision::Day);
    check_one("The test flight was on July 4, 1776.", "July 4, 1776", "1776-07-04",
              DatePrecision::Day);
  }

  TEST_CASE("numeric dates: ISO, and slashes only when unambiguous") {
    check_one("posted 2025/11/19 at noon", "2025/11/19", "2025-11-19", DatePrecision::Day);
    check_one("at 2025-11-19T08:30:00Z", "2025-11-19", "2025-11-19", DatePrecision::Day);
    check_one("due 11/19/2025.", "11/19/2025", "2025-11-19", DatePrecision::Day);
    check_one("due 19/11/2025.", "19/11/2025", "2025-11-19", DatePrecision::Day);
    CHECK(dates("due 3/4/2025, or so").empty());       // March 4 or 3 April: skipped
    CHECK(dates("due 2025-02-30 at noon").empty());    // no such day
    CHECK(dates("call 2025-11-19-0042 now").empty());  // a longer number
    // A date inside a URL path belongs to the URL.
    CHECK(dates("https://soumith.ch/blog/2025-11-06-leaving-meta-and-pytorch.md.html").empty());
  }

  TEST_CASE("month and year") {
    check_one("Soumith Chintala announced in early November 2025 that he would step down",
              "November 2025", "2025-11", DatePrecision::Month);
    check_one("as of its 2.0 release in March 2023. Developers face hurdles", "March 2023",
              "2023-03", DatePrecision::Month);
    const auto both = dates("had planned the trip for July 2003 and December 2004.");
    REQUIRE(both.size() == 2);
    CHECK(both[0].value == "2003-07");
    CHECK(both[1].surface == "December 2004");
  }

  TEST_CASE("bare years need a year word, a range or brackets") {
    check_one("from Hyderabad and VIT to co-founding PyTorch in 2016, turning a research", "2016",
              "2016", DatePrecision::Year);
    check_one("served as the project leader until 2025.", "2025", "2025", DatePrecision::Year);
    check_one("By 2015, Chintala and core Torch contributors", "2015", "2015", DatePrecision::Year);
    check_one("growth by mid-2025 in", "2025", "2025", DatePrecision::Year);
    check_one("first full paper at NeurIPS (2019), authored by", "2019", "2019",
              DatePrecision::Year);
    check_one("before the end of 2025, the company", "2025", "2025", DatePrecision::Year);

    const auto range = dates(
        "a Lua\xE2\x80\x91"
        "based scientific computing library "
        "(2005\xE2\x80\x93"
        "2009), widely used");
    REQUIRE(range.size() == 2);
    CHECK(range[0].surface == "2005");
    CHECK(range[1].surface == "2009");
    CHECK(range[1].value == "2009");

    const auto pollution = dates("ozone pollution over 2000 - 2050 on the world");
    REQUIRE(pollution.size() == 2);
    CHECK(pollution[1].value == "2050");

    const auto short_range = dates(
        "the 2016\xE2\x80\x93"
        "17 season");
    REQUIRE(short_range.size() == 2);
    CHECK(short_range[1].surface == "17");
    CHECK(short_range[1].value == "2017");

    const auto words = dates("leading to PyTorch in 2016 (open-sourced in 2017).");
    REQUIRE(words.size() == 2);
    CHECK(words[1].value == "2017");

    const auto from_to = dates("She worked there from 2005 to 2009.");
    REQUIRE(from_to.size() == 2);
    CHECK(from_to[1].value == "2009");
  }

  TEST_CASE("numbers that are not years") {
    CHECK(dates("More than 2,000 people attended.").empty());
    CHECK(dates("It raised $2 billion, then $2016 more.").empty());
    CHECK(dates("Tickets cost 2016 yen each.").empty());  // no year word
    CHECK(dates("a total of 2000 employees").empty());    // "of" + a count
    CHECK(dates("grew 2016% in the 1990s").empty());
    CHECK(dates("version 3.2016 of the 2016.5 release").empty());
    CHECK(dates("in 1850 and in 2150").empty());  // outside 1900-2099 for bare years
    CHECK(dates("room 12:2016, in 1,2016").empty());
  }

  TEST_CASE("month names that are words") {
    CHECK(dates("The committee may vote in march or later.").empty());  // lower case
    CHECK(dates("May I ask a question? March forward!", "2025-11-19").empty());
    CHECK(dates("August institutions rarely change.", "2025-11-19").empty());
    CHECK(dates("Jan said hello to Dec and Mar.", "2025-11-19").empty());  // abbreviations alone
    check_one("The vote moved to May 5.", "May 5", "2025-05-05", DatePrecision::Day, "2025-06-01",
              true);
  }

  TEST_CASE("year-less dates take the year nearest the document date") {
    check_one("He confirmed an official departure date of **November 17**, stating:", "November 17",
              "2025-11-17", DatePrecision::Day, "2025-11-07", true);
    // In January, "December 3" is last month, not eleven months ahead.
    check_one("Filed on December 3.", "December 3", "2025-12-03", DatePrecision::Day, "2026-01-05",
              true);
    check_one("due on 17 November", "17 November", "2025-11-17", DatePrecision::Day, "2025-11-07",
              true);
    // Without a document date there is no year to give: skipped, not guessed.
    CHECK(dates("He confirmed an official departure date of November 17, stating:").empty());
    CHECK(dates("Filed on February 29.", "2025-03-01").size() == 1);  // 2024-02-29 exists
    CHECK(dates("Filed on February 30.", "2025-03-01").empty());
  }

  TEST_CASE("months alone after a date word") {
    check_one("In March, a bundle of blueprints was found", "March", "2008-03",
              DatePrecision::Month, "2008-08-15", true);
    check_one("It closed last November.", "last November", "2024-11", DatePrecision::Month,
              "2025-11-19", true);
    check_one("It opens next March.", "next March", "2026-03", DatePrecision::Month, "2025-11-19",
              true);
    check_one("Sales rose in mid-October.", "mid-October", "2025-10", DatePrecision::Month,
              "2025-11-19", true);
    CHECK(dates("In March, a bundle of blueprints was found").empty());  // no document date
  }

  TEST_CASE("relative dates resolve against the document date") {
    // 2017-07-18 was a Tuesday.
    const std::string_view doc = "2017-07-18";
    check_one("awarded a silver medal on Tuesday in the FIRST Global Challenge", "Tuesday",
              "2017-07-18", DatePrecision::Day, doc, true);
    check_one("the team said Friday.", "Friday", "2017-07-14", DatePrecision::Day, doc, true);
    check_one("They were denied visas last week.", "last week", "2017-07-10", DatePrecision::Day,
              doc, true);
    check_one("This week the team arrived.", "This week", "2017-07-17", DatePrecision::Day, doc,
              true);
    check_one("Next year the event moves.", "Next year", "2018", DatePrecision::Year, doc, true);
    check_one("as reported last month.", "last month", "2017-06", DatePrecision::Month, doc, true);
    check_one("Yesterday, police said", "Yesterday", "2017-07-17", DatePrecision::Day, doc, true);
    check_one("expected tomorrow.", "tomorrow", "2017-07-19", DatePrecision::Day, doc, true);
    check_one("met last Tuesday", "last Tuesday", "2017-07-11", DatePrecision::Day, doc, true);
    check_one("meets next Tuesday", "next Tuesday", "2017-07-25", DatePrecision::Day, doc, true);
    check_one("released two years ago", "two years ago", "2015", DatePrecision::Year, doc, true);
    check_one("released 3 days ago", "3 days ago", "2017-07-15", DatePrecision::Day, doc, true);
    check_one("the storm on Sunday night", "Sunday", "2017-07-16", DatePrecision::Day, doc, true);
    // January, across the year boundary.
    check_one("as reported last month.", "last month", "2025-12", DatePrecision::Month,
              "2026-01-05", true);
    CHECK(dates("They were denied visas last week.").empty());  // no document date
    CHECK(dates("Black Friday sales and Super Tuesday votes", doc).empty());
    CHECK(dates("todays yesterdays", doc).empty());
  }

  TEST_CASE("mentions come in text order without overlaps, and ranges of days split") {
    const auto found =
        dates("Indiana, January 23 - March 9 2014. The referendum is held November 20-27, 2015.",
              "2014-01-28");
    REQUIRE(found.size() == 4);
    CHECK(found[0].surface == "January 23");
    CHECK(found[0].value == "2014-01-23");
    CHECK(found[1].surface == "March 9 2014");
    CHECK(found[2].surface == "November 20");
    CHECK(found[2].value == "2015-11-20");
    CHECK(found[3].surface == "27, 2015");
    CHECK(found[3].value == "2015-11-27");
    for (size_t i = 1; i < found.size(); ++i) {
      CHECK(found[i - 1].start + found[i - 1].surface.size() <= found[i].start);
    }
  }

  TEST_CASE("document dates") {
    CHECK(parse_iso_date("2025-11-19") == CivilDate{2025, 11, 19});
    CHECK(parse_iso_date("2024-02-29T10:00:00Z") == CivilDate{2024, 2, 29});
    CHECK_FALSE(parse_iso_date("2025-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2025-11").has_value());
    CHECK_FALSE(parse_iso_date("19/11/2025").has_value());
    CHECK_FALSE(parse_iso_date("").has_value());
    // An unreadable document date counts as none.
    CHECK(dates("as reported yesterday", "yesterday").empty());
  }

  TEST_CASE("non-ASCII text: no dates glued to letters, typographic spaces and dashes work") {
    CHECK(dates("Caf\xC3\xA9"
                "May 2025")
              .empty());  // "CaféMay": not a word boundary
    check_one(
        "On\xC2\xA0November\xC2\xA0"
        "6,\xC2\xA0"
        "2025 it began",
        "November\xC2\xA0"
        "6,\xC2\xA0"
        "2025",
        "2025-11-06", DatePrecision::Day);
    check_one("\xE2\x80\x9CMonday\xE2\x80\x9D was chosen", "Monday", "2017-07-17",
              DatePrecision::Day, "2017-07-18", true);
    // Invalid UTF-8 around a date leaves the span on the date's own bytes.
    check_one("\xFF\xFE in 2016 \xC3", "2016", "2016", DatePrecision::Year);
  }

  TEST_CASE("random bytes: no crash, spans in bounds and in order") {
    std::mt19937 rng(20251119);
    const std::string_view pieces[] = {
        "November ", "6",     ", ",   "2025", " in ",         "-",        "/",
        "Monday",    "last ", "week", " ago", "\xE2\x80\x93", "\xC2\xA0", "May",
        "\n\n",      "12",    "(",    ")",    "mid",          "th",       "."};
    for (int round = 0; round < 2000; ++round) {
      std::string text;
      const int n = static_cast<int>(rng() % 40);
      for (int i = 0; i < n; ++i) {
        if (rng() % 2 == 0) {
          text += pieces[rng() % std::size(pieces)];
        } else {
          text.push_back(static_cast<char>(rng() % 256));
        }
      }
      const auto found = find_dates(text, 0, round % 2 == 0 ? "2025-11-19" : "");
      size_t previous_end = 0;
      for (const DateMention& m : found) {
        REQUIRE(m.span.start < m.span.end);
        REQUIRE(m.span.end <= text.size());
        CHECK(m.span.start >= previous_end);
        previous_end = m.span.end;
        CHECK(m.value.size() >= 4);
      }
    }
  }

  TEST_CASE("linear time on long input") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "On Monday, November 6, 2025 in 2016 and last week ";
    const auto found = find_dates(text, 0, "2025-11-19");
    CHECK(found.size() == 3u * 20000u);  // the weekday joins the date after it
  }
}
