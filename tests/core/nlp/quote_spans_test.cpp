// Finding quoted spans: mark pairing, apostrophes, paragraphs and blockquotes
// (src/core/nlp/quote_spans.cpp).
#include "core/nlp/quote_spans.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace dramatis;

namespace {

std::vector<std::string> quoted(std::string_view text) {
  std::vector<std::string> out;
  for (const QuoteSpan& q : find_quote_spans(text))
    out.emplace_back(text.substr(q.start, q.end - q.start));
  return out;
}

}  // namespace

TEST_CASE("single quotes with apostrophes inside pair correctly") {
  const std::string text =
      "Chintara had been with Meta for 11 years. 'It's really hard to let go of this kind of "
      "power, but ultimately, curiosity won out,' Chintara said. 'I didn't want to have the "
      "regret of not trying something outside of Meta.'";
  const auto q = quoted(text);
  REQUIRE(q.size() == 2);
  CHECK(q[0] ==
        "'It's really hard to let go of this kind of power, but ultimately, curiosity won out,'");
  CHECK(q[1] == "'I didn't want to have the regret of not trying something outside of Meta.'");
}

TEST_CASE("typographic quotes and possessives") {
  const std::string text =
      "He said \xE2\x80\x9CWe never let them \xE2\x80\x98"
      "drive\xE2\x80\x99 the team.\xE2\x80\x9D "
      "Meta\xE2\x80\x99s view differs.";
  const auto q = quoted(text);
  REQUIRE(q.size() == 1);
  CHECK(q[0] ==
        "\xE2\x80\x9CWe never let them \xE2\x80\x98"
        "drive\xE2\x80\x99 the team.\xE2\x80\x9D");
}

TEST_CASE("straight double quotes, including a title in quotes") {
  const auto q = quoted(
      "- Engineering quality rules: \"commits must be made by Facebook engineers\"\n"
      "- **~600 layoffs** at the \"Superintelligence Lab\"\n");
  REQUIRE(q.size() == 2);
  CHECK(q[0] == "\"commits must be made by Facebook engineers\"");
  CHECK(q[1] == "\"Superintelligence Lab\"");
}

TEST_CASE("a quote over two blockquote lines gives one span per line, the second continuing") {
  const std::string text =
      "> \xE2\x80\x9CIn my eleven years at Meta I met friends.\n"
      "> The barriers I wanted to lower? They\xE2\x80\x99ve almost disappeared.\xE2\x80\x9D\n"
      "---\n";
  const auto spans = find_quote_spans(text);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].start, spans[0].end - spans[0].start) ==
        "\xE2\x80\x9CIn my eleven years at Meta I met friends.");
  CHECK(text.substr(spans[1].start, spans[1].end - spans[1].start) ==
        "The barriers I wanted to lower? They\xE2\x80\x99ve almost disappeared.\xE2\x80\x9D");
  CHECK(spans[0].in_blockquote);
  CHECK_FALSE(spans[0].continuation);
  CHECK(spans[1].continuation);
}

TEST_CASE("a quote continued in a new paragraph that opens again") {
  const std::string text =
      "\"We will keep building,\" she said. \"The first part of a long quote\n\n"
      "\"continues here and ends now.\" Then prose.";
  const auto spans = find_quote_spans(text);
  const auto q = quoted(text);
  REQUIRE(q.size() == 3);
  CHECK(q[1] == "\"The first part of a long quote");
  CHECK(q[2] == "\"continues here and ends now.\"");
  CHECK(spans[2].continuation);
}

TEST_CASE("a quote left open at a paragraph's end and closed in the next") {
  const std::string text =
      "Hernan Dario Gomez said, \"I think we have learned a lot from today's game.\n\n"
      "It was a very emotional day.\"\n\nThe match ended.";
  const auto q = quoted(text);
  REQUIRE(q.size() == 2);
  CHECK(q[0] == "\"I think we have learned a lot from today's game.");
  CHECK(q[1] == "It was a very emotional day.\"");
}

TEST_CASE("an unclosed quote does not swallow the next paragraph") {
  const auto q =
      quoted("He said \"this never closes.\nA new paragraph with \"a real quote\" here.");
  REQUIRE(q.size() == 1);
  CHECK(q[0] == "\"a real quote\"");
}

TEST_CASE("blockquote lines without marks are quotes; markers are not part of the span") {
  const std::string text = "Quote:\n> We use download numbers to verify direction.\nAfter.";
  const auto spans = find_quote_spans(text);
  REQUIRE(spans.size() == 1);
  CHECK(text.substr(spans[0].start, spans[0].end - spans[0].start) ==
        "We use download numbers to verify direction.");
  CHECK(spans[0].mark == QuoteMark::Blockquote);
}

TEST_CASE("guillemets") {
  const auto q = quoted("Il a dit \xC2\xAB nous partons \xC2\xBB hier.");
  REQUIRE(q.size() == 1);
  CHECK(q[0] == "\xC2\xAB nous partons \xC2\xBB");
}

TEST_CASE("random bytes: spans are sorted, in bounds and non-overlapping") {
  std::mt19937 rng(7);
  const char alphabet[] = {'"',    '\'',   '\n',   ' ',    'a',    'B',    '>',    '.',    ',',
                           '\xE2', '\x80', '\x9C', '\x9D', '\x98', '\x99', '\xC2', '\xAB', '\xBB'};
  for (int round = 0; round < 300; ++round) {
    std::string text(static_cast<size_t>(rng() % 400), ' ');
    for (char& c : text) c = alphabet[rng() % sizeof(alphabet)];
    size_t previous_end = 0;
    for (const QuoteSpan& q : find_quote_spans(text)) {
      CHECK(q.start >= previous_end);
      CHECK(q.start <= q.inner_start);
      CHECK(q.inner_start <= q.inner_end);
      CHECK(q.inner_end <= q.end);
      CHECK(q.end <= text.size());
      previous_end = q.end;
    }
  }
}

TEST_CASE("a straight mark typed against the comma before it opens the quote when none is open") {
  CHECK(quoted("Ms Okafor said,\" [The council] liked the plan and its budget\". She left.") ==
        std::vector<std::string>{"\" [The council] liked the plan and its budget\""});
  CHECK(
      quoted("He said kits would reach schools,\" For example, pupils can vote\". Then he left.") ==
      std::vector<std::string>{"\" For example, pupils can vote\""});
  // The usual closing comma is unchanged: it closes the quote that is open.
  CHECK(quoted("\"We will build it,\" She said, \"and soon.\"") ==
        std::vector<std::string>{"\"We will build it,\"", "\"and soon.\""});
}

TEST_CASE("a photo caption between the paragraphs of a quote does not end it") {
  const std::string text =
      "The governor said, \"We put a great deal of effort into the bid.\n\n"
      "The harbour at dawn. Image: City Archive.\n\n"
      "\"However, the trainer will soon call our museum home.\" Others disagreed.";
  const auto q = quoted(text);
  REQUIRE(q.size() == 2);  // one quote, a span per paragraph; the caption is in neither
  CHECK(q[0] == "\"We put a great deal of effort into the bid.");
  CHECK(q[1] == "\"However, the trainer will soon call our museum home.\"");
  // Without the credit the line between is a paragraph of the story, and the open quote dies.
  const std::string plain =
      "The governor said, \"We put a great deal of effort into the bid.\n\n"
      "The harbour was quiet at dawn.\n\n"
      "\"However, the trainer will soon call our museum home.\" Others disagreed.";
  const auto p = quoted(plain);
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "\"However, the trainer will soon call our museum home.\"");
}
