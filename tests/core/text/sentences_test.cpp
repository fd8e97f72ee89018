// Sentence splitting on the built-in articles and GUM news (Wikinews, CC BY 2.5): abbreviations,
// decimals, URLs, closing quotes, blocks and hard-wrapped lines (src/core/text/sentences.cpp).
#include "core/text/sentences.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/corpus/builtin_corpus.h"

using namespace dramatis;
using namespace dramatis::text;

namespace {

std::vector<Sentence> split(std::string_view text) {
  return split_sentences(text, tokenize(text), parse_blocks(text));
}

// Each sentence's text in [brackets], concatenated.
std::string show(std::string_view text) {
  std::string out;
  for (const Sentence& s : split(text)) {
    out += '[';
    out += text.substr(s.start, s.end - s.start);
    out += ']';
  }
  return out;
}

// Sentences are ordered and disjoint, span their tokens exactly, and cover every token that is
// not a block marker or in a Blank, Rule or Code block.
void check_coverage(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  const std::vector<Block> blocks = parse_blocks(text);
  const std::vector<Sentence> sentences = split_sentences(text, tokens, blocks);
  std::vector<int> owner(tokens.size(), -1);
  uint32_t previous_end = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    REQUIRE(s.first_token < s.end_token);
    REQUIRE(s.end_token <= tokens.size());
    REQUIRE(s.start == tokens[s.first_token].start);
    REQUIRE(s.end == tokens[s.end_token - 1].end);
    REQUIRE(s.start >= previous_end);
    REQUIRE(s.block < blocks.size());
    previous_end = s.end;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      REQUIRE(owner[t] == -1);
      owner[t] = static_cast<int>(i);
    }
  }
  size_t t = 0;
  for (const Block& b : blocks) {
    for (; t < tokens.size() && tokens[t].start < b.end; ++t) {
      const bool content = tokens[t].start >= b.content_start && b.kind != BlockKind::Blank &&
                           b.kind != BlockKind::Rule && b.kind != BlockKind::Code;
      CHECK((owner[t] != -1) == content);
    }
  }
}

}  // namespace

TEST_CASE("abbreviations end a sentence only before a sentence opener") {
  // GUM news, "After visa snags, all-girl Afghan team honored ...".
  CHECK(show("The team had been denied visas, drawing notice from critics of U.S. President Donald "
             "Trump's policies regarding Muslims traveling to the U.S. The President later "
             "personally took action.") ==
        "[The team had been denied visas, drawing notice from critics of U.S. President Donald "
        "Trump's policies regarding Muslims traveling to the U.S.][The President later "
        "personally took action.]");
  CHECK(show("The competition was held this week in Washington D.C. Image: United States Navy.") ==
        "[The competition was held this week in Washington D.C. Image: United States Navy.]");
  CHECK(show("Undersecretary for Education Mr. Toccafondi says so. Then the State will pay.") ==
        "[Undersecretary for Education Mr. Toccafondi says so.][Then the State will pay.]");
  CHECK(show("Written by J. K. Rowling, e.g. Harry Potter. It sold.") ==
        "[Written by J. K. Rowling, e.g. Harry Potter.][It sold.]");
  CHECK(show("He joined Acme Inc. in 2019 and left on Nov. 6 for No. 2 Corp. The end.") ==
        "[He joined Acme Inc. in 2019 and left on Nov. 6 for No. 2 Corp.][The end.]");
}

TEST_CASE("no split inside decimals, URLs and e-mail addresses; splits before numbers") {
  CHECK(show("documenting core design choices through version 0.4. That work codified the "
             "framework's principles.") ==
        "[documenting core design choices through version 0.4.][That work codified the "
        "framework's principles.]");
  CHECK(show("At https://www.artificial-intelligence.blog the AI Blog brings expert insights. "
             "Write to a.b@example.org. 2 replies came.") ==
        "[At https://www.artificial-intelligence.blog the AI Blog brings expert insights.]"
        "[Write to a.b@example.org.][2 replies came.]");
  CHECK(show("Sweden defeated South Korea 1 \xE2\x80\x93 0. Belgium won.") ==
        "[Sweden defeated South Korea 1 \xE2\x80\x93 0.][Belgium won.]");
}

TEST_CASE("closing quotes and brackets after the terminal belong to the sentence") {
  // From the InfoQ article's blockquote.
  const std::string text =
      "> \xE2\x80\x9CI don\xE2\x80\x99t want to do PyTorch for the rest of my life. I "
      "don\xE2\x80\x99t "
      "want to be tied to one thing for decades like Guido or Linus.\xE2\x80\x9D";
  CHECK(show(text) ==
        "[\xE2\x80\x9CI don\xE2\x80\x99t want to do PyTorch for the rest of my life.][I "
        "don\xE2\x80\x99t want to be tied to one thing for decades like Guido or "
        "Linus.\xE2\x80\x9D]");
  CHECK(show("'It's really hard to let go of this kind of power, but ultimately, curiosity won "
             "out,' Chintara said. 'I could have moved on.'") ==
        "['It's really hard to let go of this kind of power, but ultimately, curiosity won "
        "out,' Chintara said.]['I could have moved on.']");
  CHECK(show("He asked \"How can people look at both sides if one side is gone?\" Traffic "
             "grew (as expected.) Then it fell.") ==
        "[He asked \"How can people look at both sides if one side is gone?\"][Traffic grew (as "
        "expected.)][Then it fell.]");
  // A question inside a quote followed by a lowercase word does not end the sentence.
  CHECK(show("\"Stop!\" he said.") == "[\"Stop!\" he said.]");
  CHECK(show("the boundaries of intelligence... The barriers I wanted to lower? They\xE2\x80\x99ve "
             "almost disappeared.") ==
        "[the boundaries of intelligence...][The barriers I wanted to lower?][They\xE2\x80\x99ve "
        "almost disappeared.]");
  CHECK(show("It was **done.** Next came more.") == "[It was **done.**][Next came more.]");
}

TEST_CASE("sentences never cross blocks; hard-wrapped lines continue") {
  const std::string text =
      "Leadership shifts around PyTorch\n"
      "\n"
      "After over a decade helping to shape Meta\xE2\x80\x99s AI infrastructure, Soumith Chintala\n"
      "announced in early November 2025 that he would step down\n"
      "from PyTorch leadership. Shortly after, he confirmed it.\n"
      "Thinking Machines\xE2\x80\x99 goals, hiring, and early product signals\n"
      "- Soumith Chintala departs Meta\n"
      "and joins Thinking Machines Lab.\n"
      "## Heading without a period\n"
      "next line of a new paragraph.\n"
      "---\n"
      "> one quote line\n"
      "> another quote line";
  CHECK(show(text) ==
        "[Leadership shifts around PyTorch]"
        "[After over a decade helping to shape Meta\xE2\x80\x99s AI infrastructure, Soumith "
        "Chintala\nannounced in early November 2025 that he would step down\nfrom PyTorch "
        "leadership.][Shortly after, he confirmed it.]"
        "[Thinking Machines\xE2\x80\x99 goals, hiring, and early product signals]"
        "[Soumith Chintala departs Meta\nand joins Thinking Machines Lab.]"
        "[Heading without a period][next line of a new paragraph.]"
        "[one quote line][another quote line]");
  const std::vector<Sentence> sentences = split(text);
  REQUIRE(sentences.size() == 9);
  CHECK(sentences[0].block == 0);
  CHECK(sentences[1].block == 2);
  CHECK(sentences[4].block == 6);
  // GUM soccer: a quotation running over a blank line is two sentences, one per paragraph.
  CHECK(show("He said, \"In the first half it felt good out there.\n\nWe could've scored two "
             "or three goals.\"") ==
        "[He said, \"In the first half it felt good out there.][We could've scored two or three "
        "goals.\"]");
}

TEST_CASE("CJK sentence ends need no space") {
  // 東京で会った。大阪へ行く。
  CHECK(show("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE4\xBC\x9A\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82"
             "\xE5\xA4\xA7\xE9\x98\xAA\xE3\x81\xB8\xE8\xA1\x8C\xE3\x81\x8F\xE3\x80\x82") ==
        "[\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE4\xBC\x9A\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82]"
        "[\xE5\xA4\xA7\xE9\x98\xAA\xE3\x81\xB8\xE8\xA1\x8C\xE3\x81\x8F\xE3\x80\x82]");
}

TEST_CASE("token ranges: sentences cover content tokens on every built-in article") {
  size_t total = 0;
  for (const EmbeddedFile& file : builtin_corpus_files()) {
    if (!file.path.ends_with(".txt")) continue;
    check_coverage(file.bytes);
    total += split(file.bytes).size();
  }
  CHECK(total > 200);
  const std::string text = "- PyTorch\xE2\x80\x99s open-source footprint grows.\n";
  const std::vector<Token> tokens = tokenize(text);
  const std::vector<Sentence> sentences = split(text);
  REQUIRE(sentences.size() == 1);
  CHECK(sentences[0].first_token == 1);  // the list marker is not in the sentence
  CHECK(sentences[0].end_token == tokens.size());
  CHECK(split("").empty());
  CHECK(split("\n\n---\n").empty());
}

TEST_CASE("random bytes: sentences stay ordered and cover their tokens (seeded)") {
  std::mt19937 rng(42);
  const std::string specials = " \n\n.!?\"'U.S.Mr. A*>-#\xE2\x80\x9D\xE3\x80\x82\xFF";
  std::uniform_int_distribution<int> length(0, 300);
  std::uniform_int_distribution<size_t> pick(0, specials.size() - 1);
  std::uniform_int_distribution<int> any(0, 255);
  std::bernoulli_distribution special(0.6);
  for (int round = 0; round < 1000; ++round) {
    std::string text;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) {
      text += special(rng) ? specials[pick(rng)] : static_cast<char>(any(rng));
    }
    check_coverage(text);
  }
}
