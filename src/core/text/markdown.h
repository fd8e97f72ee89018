// Line structure of a document: one Block per line (paragraph line, heading, list item,
// blockquote, rule, table row, code, blank) and inline Markdown spans (link text and URL parts,
// emphasis and link markers). Plain text gets Paragraph and Blank blocks. Byte offsets, uint32_t.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace dramatis::text {

enum class BlockKind : uint8_t {
  Paragraph,   // a line of running text (a paragraph may span several lines; see sentences.h)
  Heading,     // "# " to "###### ", or a line underlined by "===" (level 1)
  ListItem,    // "- ", "* ", "+ ", "• " (and other bullets), "1. ", "1) "
  Blockquote,  // "> ", nested "> > " or ">> "
  Rule,        // "---", "***", "___", "===" (3+ of one, spaces allowed)
  TableRow,    // starts with '|' and has another '|'
  Code,        // a ``` or ~~~ fence line, or a line inside a fence
  Blank,       // nothing but whitespace
};

std::string_view to_string(BlockKind kind);

struct Block {
  uint32_t start = 0;          // bytes: the line's first byte
  uint32_t end = 0;            // bytes, exclusive: the line without "\n" or "\r\n"
  uint32_t content_start = 0;  // bytes: after the marker and the whitespace that follows it
  BlockKind kind = BlockKind::Paragraph;
  // Heading: 1..6. Blockquote: depth (1 for "> "). ListItem: 1 + indentation / 2 (capped at 8).
  // Otherwise 0.
  uint8_t level = 0;
  bool ordered = false;  // ListItem with a number ("1.")
  friend bool operator==(const Block&, const Block&) = default;
};

// One block per line, in order; together they cover the text except the line breaks. An empty
// text has no blocks; a final line break does not start another (blank) line.
// "---" under a paragraph is a Rule, not a setext heading: scraped news uses it as a separator.
std::vector<Block> parse_blocks(std::string_view text);

enum class InlineKind : uint8_t {
  LinkText,        // "text" of [text](url) or ![alt](url)
  LinkUrl,         // "url" of [text](url) (without an optional "title")
  LinkMarker,      // the "[" / "![" and the "](" ... ")" around them, minus the URL
  EmphasisMarker,  // a run of * _ ~~ that opens or closes emphasis
  CodeMarker,      // a run of backticks around a code span
};

std::string_view to_string(InlineKind kind);

struct InlineSpan {
  uint32_t start = 0;  // bytes
  uint32_t end = 0;    // bytes, exclusive
  InlineKind kind = InlineKind::LinkText;
  friend bool operator==(const InlineSpan&, const InlineSpan&) = default;
};

// Inline spans of the content of every block but Code, Rule and Blank, sorted by start (an
// enclosing LinkText before the markers inside it). A LinkText may contain emphasis markers and
// nested links; nothing else overlaps. Bare URLs are skipped (their underscores are not emphasis).
// Emphasis markers need not be paired: scraped text is mostly well formed and a stray marker is
// still not a word.
std::vector<InlineSpan> parse_inlines(std::string_view text, std::span<const Block> blocks);

}  // namespace dramatis::text
