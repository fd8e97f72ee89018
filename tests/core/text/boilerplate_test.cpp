// Boilerplate marking on the built-in articles and on general page furniture; article prose from
// the corpus and GUM news (Wikinews, CC BY 2.5) stays unmarked (src/core/text/boilerplate.cpp).
#include "core/text/boilerplate.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/corpus/builtin_corpus.h"

using namespace dramatis;
using namespace dramatis::text;

namespace {

// "reason:text" per span, joined with " | ".
std::string show(std::string_view text, const std::vector<BoilerplateSpan>& spans) {
  std::string out;
  for (const BoilerplateSpan& s : spans) {
    if (!out.empty()) out += " | ";
    out += s.reason;
    out += ':';
    out += text.substr(s.start, s.end - s.start);
  }
  return out;
}

std::string show_one(std::string_view text) {
  return show(text, detect_boilerplate({text})[0]);
}

std::string_view builtin(std::string_view name) {
  const EmbeddedFile* file = find_embedded(builtin_corpus_files(), name);
  REQUIRE(file != nullptr);
  return file->bytes;
}

}  // namespace

TEST_CASE("the built-in corpus: furniture is marked, articles are not") {
  const std::vector<std::string_view> docs = {
      builtin("000_8a1743c4f15dcfb1.txt"), builtin("001_ba4cf34e9cb4edbf.txt"),
      builtin("002_a2d995588245c49e.txt"), builtin("003_7e0bfe073d540935.txt"),
      builtin("004_90ea5a4557fd66ee.txt")};
  const auto spans = detect_boilerplate(docs);
  REQUIRE(spans.size() == 5);
  CHECK(spans[0].empty());
  CHECK(show(docs[1], spans[1]) ==
        "repeated-line:2025-11-19 Soumith Chintala leaves Meta AI for Thinking Machines Lab, Mira "
        "Murati's AI startup. | bare-url:https://www.artificial-intelligence.blog | "
        "navigation:Next | navigation:Next | adjacent-article:Jessica Livingston");
  CHECK(show(docs[2], spans[2]) ==
        "bare-url:https://soumith.ch/blog/2025-11-06-leaving-meta-and-pytorch.md.html | "
        "byline:in AI, \xC2\xA0 Software, Posted by log1o_hf");  // with a no-break space
  const std::string infoq = show(docs[3], spans[3]);
  CHECK(infoq.find("navigation:## Recommended Reads | related-links:- [Programming language "
                   "migration lessons") != std::string::npos);
  CHECK(infoq.find("promotion:[Read Original](https://qdrl.qq.com/kJkqm8st) or scan QR code:") !=
        std::string::npos);
  CHECK(infoq.find("bare-url:**Video:** [https://www.youtube.com/watch?v=2wprKvXnErE]") !=
        std::string::npos);
  CHECK(infoq.find("promotion:> *Statement:* This article is compiled by InfoQ and does not "
                   "represent the platform") != std::string::npos);
  size_t related = 0;
  for (const BoilerplateSpan& s : spans[3]) related += s.reason == "related-links";
  CHECK(related == 4);
  CHECK(spans[4].empty());
  // Spans are sorted, disjoint and inside their document.
  for (size_t d = 0; d < docs.size(); ++d) {
    uint32_t previous = 0;
    for (const BoilerplateSpan& s : spans[d]) {
      CHECK(s.start >= previous);
      CHECK(s.start < s.end);
      CHECK(s.end <= docs[d].size());
      previous = s.end;
    }
  }
}

TEST_CASE("navigation, share widgets, bylines, metadata") {
  CHECK(show_one("Read more \xC2\xBB\nShare this article\nFollow us\nAdvertisement\n"
                 "Sign up | Log in\nBack to top\n") ==
        "navigation:Read more \xC2\xBB | navigation:Share this article | navigation:Follow us | "
        "navigation:Advertisement | navigation:Sign up | Log in | navigation:Back to top");
  CHECK(show_one("Facebook Twitter LinkedIn Email\n") ==
        "share-widget:Facebook Twitter LinkedIn Email");
  CHECK(show_one("By Jane Doe and John Roe | Reuters\nPosted by log1o_hf on March 3\n") ==
        "byline:By Jane Doe and John Roe | Reuters | byline:Posted by log1o_hf on March 3");
  CHECK(show_one("Categories: August 15, 2008 Canada Published North America Politics\n"
                 "Tags: AI, PyTorch\n") ==
        "metadata:Categories: August 15, 2008 Canada Published North America Politics | "
        "metadata:Tags: AI, PyTorch");
  CHECK(show_one("\xC2\xA9 2025 Example Media. All rights reserved.\n") ==
        "promotion:\xC2\xA9 2025 Example Media. All rights reserved.");
}

TEST_CASE("article prose, captions and lists of names are not boilerplate") {
  // Sentences that start like bylines or mention navigation words are prose.
  CHECK(show_one("By 2015, Chintala and core Torch contributors envisioned Python-based Torch.\n"
                 "By November the team had grown.\n"
                 "He shared the news and said he would follow the project from afar.\n"
                 "Next year's competition is scheduled to take place in Mexico City.\n") == "");
  // GUM photo captions name people of the story: kept.
  CHECK(show_one("A showdown at the 501st Legion booth. Image: Nick Moreau.\n"
                 "The current flag of New Zealand.\n") == "");
  // A list of platforms in a Markdown list is content; so is a single platform name.
  CHECK(show_one("Supported platforms:\n- Facebook\n- Twitter\n- Instagram\n") == "");
  CHECK(show_one("Supported platforms: Douyin, Kwai, WeChat, Facebook, Instagram, LinkedIn.\n") ==
        "");
}

TEST_CASE("repetition within a document and across documents") {
  const std::string a =
      "Example Daily\n"
      "Markets rallied on Monday as investors welcomed the news.\n"
      "Analysts expect more gains.\n"
      "Analysts expect more gains.\n"
      "Line one of the body text.\n"
      "Line two of the body text.\n"
      "Line three of the body text.\n"
      "Example Daily is part of Example Media Group\n";
  const std::string b =
      "Storm hits the coast\n"
      "A storm hit the coast on Tuesday, officials said.\n"
      "Body line alpha of the article.\n"
      "Body line beta of the article.\n"
      "Body line gamma of the article.\n"
      "Body line delta of the article.\n"
      "Example Daily is part of Example Media Group\n";
  const std::string c = "Example Daily\nA third story starts here, with its own title line.\n";
  const auto spans = detect_boilerplate({a, b, c});
  CHECK(show(a, spans[0]) ==
        "repeated-line:Analysts expect more gains. | "
        "repeated-across-documents:Example Daily is part of Example Media Group");
  CHECK(show(b, spans[1]) ==
        "repeated-across-documents:Example Daily is part of Example Media Group");
  // "Example Daily" is a first line somewhere (syndicated titles are content): kept everywhere.
  CHECK(spans[2].empty());
  // The same footer in one document only is not enough.
  CHECK(detect_boilerplate({a})[0].size() == 1);
}

TEST_CASE("related links after a heading and at the end of a document") {
  const std::string text =
      "The article ends here.\n"
      "\n"
      "Related\n"
      "- [Storm hits the coast](https://example.com/storm)\n"
      "- [Markets rally](https://example.com/markets)\n"
      "\n"
      "Back in the article, a sentence with [a link](https://example.com/x) in it.\n"
      "[One](https://example.com/1)\n"
      "[Two](https://example.com/2)\n"
      "https://example.com/3\n";
  CHECK(show_one(text) ==
        "navigation:Related | related-links:- [Storm hits the coast](https://example.com/storm) | "
        "related-links:- [Markets rally](https://example.com/markets) | "
        "related-links:[One](https://example.com/1) | related-links:[Two](https://example.com/2) | "
        "bare-url:https://example.com/3");
}

TEST_CASE("random bytes: spans sorted and in bounds (seeded)") {
  std::mt19937 rng(99);
  const std::string specials = "\n\nNext Share By Posted by [x](http://a) https://b.c \xC2\xA9 -";
  std::uniform_int_distribution<int> length(0, 400);
  std::uniform_int_distribution<size_t> pick(0, specials.size() - 1);
  std::uniform_int_distribution<int> any(0, 255);
  std::bernoulli_distribution special(0.7);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> texts(3);
    for (std::string& text : texts) {
      const int n = length(rng);
      for (int i = 0; i < n; ++i) {
        text += special(rng) ? specials[pick(rng)] : static_cast<char>(any(rng));
      }
    }
    const std::vector<std::string_view> views(texts.begin(), texts.end());
    const auto spans = detect_boilerplate(views);
    REQUIRE(spans.size() == 3);
    for (size_t d = 0; d < 3; ++d) {
      uint32_t previous = 0;
      for (const BoilerplateSpan& s : spans[d]) {
        REQUIRE(s.start >= previous);
        REQUIRE(s.start < s.end);
        REQUIRE(s.end <= views[d].size());
        REQUIRE(!s.reason.empty());
        previous = s.end;
      }
    }
  }
  CHECK(detect_boilerplate({}).empty());
}
