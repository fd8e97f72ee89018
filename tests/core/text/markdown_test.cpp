// Line blocks and inline Markdown spans on the built-in articles' Markdown and plain text
// (src/core/text/markdown.cpp).
#include "core/text/markdown.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/corpus/builtin_corpus.h"

using namespace dramatis;
using namespace dramatis::text;

namespace {

// "Kind<level>:content" per block, joined with " | ".
std::string show_blocks(std::string_view text) {
  std::string out;
  for (const Block& b : parse_blocks(text)) {
    if (!out.empty()) out += " | ";
    out += to_string(b.kind);
    if (b.level != 0) out += std::to_string(b.level);
    if (b.ordered) out += "#";
    out += ':';
    out += text.substr(b.content_start, b.end - b.content_start);
  }
  return out;
}

std::string show_inlines(std::string_view text) {
  std::string out;
  for (const InlineSpan& s : parse_inlines(text, parse_blocks(text))) {
    if (!out.empty()) out += " | ";
    out += to_string(s.kind);
    out += ':';
    out += text.substr(s.start, s.end - s.start);
  }
  return out;
}

}  // namespace

TEST_CASE("Markdown blocks from the InfoQ article") {
  const std::string text =
      "# November 7, 2025 \xE2\x80\x93 Zhejiang\n"
      "## Soumith Chintala Steps Down from PyTorch Leadership\n"
      "On **November 6, 2025**, PyTorch co-founder announced he will step down.\n"
      "\n"
      "---\n"
      "### Chintala\xE2\x80\x99s Announcement\n"
      "- Rise as a **core pillar in global AI research**\n"
      "> \xE2\x80\x9CI don\xE2\x80\x99t want to do PyTorch for the rest of my life.\xE2\x80\x9D\n"
      "> > nested\n"
      "1. First\n"
      "***\n";
  CHECK(show_blocks(text) ==
        "Heading1:November 7, 2025 \xE2\x80\x93 Zhejiang | "
        "Heading2:Soumith Chintala Steps Down from PyTorch Leadership | "
        "Paragraph:On **November 6, 2025**, PyTorch co-founder announced he will step down. | "
        "Blank: | Rule: | Heading3:Chintala\xE2\x80\x99s Announcement | "
        "ListItem1:Rise as a **core pillar in global AI research** | "
        "Blockquote1:\xE2\x80\x9CI don\xE2\x80\x99t want to do PyTorch for the rest of my "
        "life.\xE2\x80\x9D | Blockquote2:nested | ListItem1#:First | Rule:");
  const std::vector<Block> blocks = parse_blocks(text);
  CHECK(blocks[0].start == 0);
  CHECK(blocks[0].content_start == 2);
  CHECK(blocks[0].end == text.find('\n'));
}

TEST_CASE("plain text gets Paragraph and Blank blocks; bullets are list items") {
  const std::string text =
      "Soumith Chintala\r\n"
      "\r\n"
      "TL;DR Soumith Chintala is a pivotal figure in modern deep learning.\n"
      "  \xE2\x80\xA2 Creator and co-founder of PyTorch.\n"
      "   \t \n"
      "2025-11-19 Soumith Chintala leaves Meta AI.\n"
      "2025. A year.";
  CHECK(show_blocks(text) ==
        "Paragraph:Soumith Chintala | Blank: | "
        "Paragraph:TL;DR Soumith Chintala is a pivotal figure in modern deep learning. | "
        "ListItem2:Creator and co-founder of PyTorch. | Blank: | "
        "Paragraph:2025-11-19 Soumith Chintala leaves Meta AI. | Paragraph:2025. A year.");
  const std::vector<Block> blocks = parse_blocks(text);
  CHECK(blocks[0].end == 16);  // "\r\n" is not part of the line
  CHECK(parse_blocks("").empty());
  CHECK(parse_blocks("a\n").size() == 1);
  CHECK(parse_blocks("a\n\n").size() == 2);
}

TEST_CASE("setext headings, fences, tables") {
  CHECK(show_blocks("Title\n=====\nBody") == "Heading1:Title | Rule: | Paragraph:Body");
  // "---" under a paragraph is a separator in scraped news, not a heading underline.
  CHECK(show_blocks("Body line.\n---") == "Paragraph:Body line. | Rule:");
  CHECK(show_blocks("```cpp\n# not a heading\n```\nafter") ==
        "Code:```cpp | Code:# not a heading | Code:``` | Paragraph:after");
  CHECK(show_blocks("| Name | Role |\n|---|---|\n#hashtag") ==
        "TableRow:Name | Role | | TableRow:---|---| | Paragraph:#hashtag");
}

TEST_CASE("inline links and emphasis markers") {
  const std::string text =
      "Similar principles now power emerging AI ecosystems, like "
      "**[AiToEarn\xE5\xAE\x98\xE7\xBD\x91](https://aitoearn.ai/)** \xE2\x80\x94 an open-source "
      "platform.";
  CHECK(show_inlines(text) ==
        "EmphasisMarker:** | LinkMarker:[ | LinkText:AiToEarn\xE5\xAE\x98\xE7\xBD\x91 | "
        "LinkMarker:]( | LinkUrl:https://aitoearn.ai/ | LinkMarker:) | EmphasisMarker:**");
  // The URL's underscores are not emphasis; nor is snake_case; a title is not the URL.
  CHECK(show_inlines("- [Apple\xE2\x80\x99s leak](https://mp.weixin.qq.com/s?__biz=Mj&x=1#we_r)") ==
        "LinkMarker:[ | LinkText:Apple\xE2\x80\x99s leak | LinkMarker:]( | "
        "LinkUrl:https://mp.weixin.qq.com/s?__biz=Mj&x=1#we_r | LinkMarker:)");
  CHECK(show_inlines("see [docs](https://x.org/a_(b) \"Title\") and log1o_hf") ==
        "LinkMarker:[ | LinkText:docs | LinkMarker:]( | LinkUrl:https://x.org/a_(b) | "
        "LinkMarker: \"Title\")");
  CHECK(show_inlines("bare https://x.org/__init__ and *one* _two_ 5 * 3 ~~old~~ `a*b`") ==
        "EmphasisMarker:* | EmphasisMarker:* | EmphasisMarker:_ | EmphasisMarker:_ | "
        "EmphasisMarker:~~ | EmphasisMarker:~~ | CodeMarker:` | CodeMarker:`");
  // Emphasis inside link text comes after the enclosing LinkText.
  CHECK(show_inlines("[**bold**](u)") ==
        "LinkMarker:[ | LinkText:**bold** | EmphasisMarker:** | EmphasisMarker:** | "
        "LinkMarker:]( | LinkUrl:u | LinkMarker:)");
  CHECK(show_inlines("[not a link] (x) and [open") == "");
}

TEST_CASE("blocks cover every line of the built-in articles") {
  for (const EmbeddedFile& file : builtin_corpus_files()) {
    if (!file.path.ends_with(".txt")) continue;
    const std::vector<Block> blocks = parse_blocks(file.bytes);
    REQUIRE(!blocks.empty());
    CHECK(blocks.front().start == 0);
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = blocks[i];
      CHECK(b.start <= b.content_start);
      CHECK(b.content_start <= b.end);
      CHECK(b.end <= file.bytes.size());
      CHECK(file.bytes.substr(b.start, b.end - b.start).find('\n') == std::string_view::npos);
      if (i > 0) CHECK(b.start == blocks[i - 1].end + 1 + (file.bytes[blocks[i - 1].end] == '\r'));
    }
  }
}

TEST_CASE("random bytes: blocks and inlines stay in bounds (seeded)") {
  std::mt19937 rng(7);
  const std::string specials = "#>-*_+|`~[]()!\n\n \t1.\xE2\x80\xA2";
  std::uniform_int_distribution<int> length(0, 300);
  std::uniform_int_distribution<size_t> pick(0, specials.size() - 1);
  std::uniform_int_distribution<int> any(0, 255);
  std::bernoulli_distribution special(0.7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) {
      text += special(rng) ? specials[pick(rng)] : static_cast<char>(any(rng));
    }
    const std::vector<Block> blocks = parse_blocks(text);
    uint32_t previous = 0;
    for (const Block& b : blocks) {
      REQUIRE(b.start >= previous);
      REQUIRE(b.start <= b.content_start);
      REQUIRE(b.content_start <= b.end);
      REQUIRE(b.end <= text.size());
      previous = b.end;
    }
    uint32_t last_start = 0;
    for (const InlineSpan& s : parse_inlines(text, blocks)) {
      REQUIRE(s.start < s.end);
      REQUIRE(s.end <= text.size());
      REQUIRE(s.start >= last_start);
      last_start = s.start;
    }
  }
}
