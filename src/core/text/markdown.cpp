#include "core/text/markdown.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>

#include "core/text/bullets.h"
#include "core/text/utf8.h"

namespace dramatis::text {

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::Paragraph: return "Paragraph";
    case BlockKind::Heading: return "Heading";
    case BlockKind::ListItem: return "ListItem";
    case BlockKind::Blockquote: return "Blockquote";
    case BlockKind::Rule: return "Rule";
    case BlockKind::TableRow: return "TableRow";
    case BlockKind::Code: return "Code";
    case BlockKind::Blank: return "Blank";
  }
  return "Paragraph";
}

std::string_view to_string(InlineKind kind) {
  switch (kind) {
    case InlineKind::LinkText: return "LinkText";
    case InlineKind::LinkUrl: return "LinkUrl";
    case InlineKind::LinkMarker: return "LinkMarker";
    case InlineKind::EmphasisMarker: return "EmphasisMarker";
    case InlineKind::CodeMarker: return "CodeMarker";
  }
  return "LinkText";
}

namespace {

// How far a link's closing bracket or parenthesis is looked for, in bytes: bounds the work on
// text full of unmatched brackets.
constexpr size_t kMaxLinkText = 1000;
constexpr size_t kMaxLinkUrl = 4000;
constexpr int kMaxLinkDepth = 4;

bool is_blank_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool is_unicode_space(char32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

// Markdown lists in scraped text also use the middle dot as a bullet.
bool is_bullet_cp(char32_t cp) {
  return cp == 0xB7 || is_bullet_symbol(cp);
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

class BlockParser {
 public:
  explicit BlockParser(std::string_view text) : t_(text) {}

  std::vector<Block> run() {
    std::vector<Block> blocks;
    blocks.reserve(t_.size() / 60 + 4);
    size_t line = 0;
    const size_t n = t_.size();
    while (line < n) {  // a final line break does not start another line
      size_t nl = t_.find('\n', line);
      if (nl == std::string_view::npos) nl = n;
      size_t end = nl;
      if (end > line && t_[end - 1] == '\r') --end;
      blocks.push_back(classify_line(line, end, blocks));
      if (nl >= n) break;
      line = nl + 1;
    }
    return blocks;
  }

 private:
  unsigned char byte(size_t i) const {
    return i < t_.size() ? static_cast<unsigned char>(t_[i]) : 0;
  }

  // Skips spaces and tabs from i up to end.
  size_t skip_blanks(size_t i, size_t end) const {
    while (i < end && (byte(i) == ' ' || byte(i) == '\t')) ++i;
    return i;
  }

  bool only_whitespace(size_t i, size_t end) const {
    while (i < end) {
      if (is_blank_byte(byte(i))) {
        ++i;
        continue;
      }
      const utf8::Step step = utf8::decode(t_, i);
      if (!step.valid || !is_unicode_space(step.codepoint)) return false;
      i += step.length;
    }
    return true;
  }

  // "---", "* * *", "___", "===": three or more of one character and nothing else but spaces.
  bool is_rule(size_t i, size_t end, unsigned char& mark) const {
    mark = byte(i);
    if (mark != '-' && mark != '*' && mark != '_' && mark != '=') return false;
    int count = 0;
    for (size_t k = i; k < end; ++k) {
      if (byte(k) == mark) {
        ++count;
      } else if (!is_blank_byte(byte(k))) {
        return false;
      }
    }
    return count >= 3;
  }

  Block classify_line(size_t start, size_t end, std::vector<Block>& previous) {
    Block b;
    b.start = static_cast<uint32_t>(start);
    b.end = static_cast<uint32_t>(end);
    const auto set = [&](BlockKind kind, size_t content, uint8_t level = 0) {
      b.kind = kind;
      b.content_start = static_cast<uint32_t>(std::min(content, end));
      b.level = level;
      return b;
    };
    size_t indent_cols = 0;
    size_t i = start;
    while (i < end && (byte(i) == ' ' || byte(i) == '\t')) {
      indent_cols += byte(i) == '\t' ? 4 : 1;
      ++i;
    }
    // Fenced code: everything up to the closing fence is Code.
    const unsigned char c = byte(i);
    if (i < end && (c == '`' || c == '~')) {
      size_t j = i;
      while (j < end && byte(j) == c) ++j;
      if (j - i >= 3 && (fence_char_ == 0 || (fence_char_ == c && j - i >= fence_len_))) {
        if (fence_char_ == 0) {
          fence_char_ = c;
          fence_len_ = j - i;
        } else {
          fence_char_ = 0;
        }
        return set(BlockKind::Code, i);
      }
    }
    if (fence_char_ != 0) return set(BlockKind::Code, i);
    if (only_whitespace(i, end)) return set(BlockKind::Blank, end);

    if (c == '>') {
      uint8_t depth = 0;
      size_t j = i;
      while (j < end && (byte(j) == '>' || byte(j) == ' ' || byte(j) == '\t')) {
        if (byte(j) == '>' && depth < 255) ++depth;
        ++j;
      }
      return set(BlockKind::Blockquote, j, depth);
    }
    if (c == '#') {
      size_t j = i;
      while (j < end && byte(j) == '#') ++j;
      if (j - i <= 6 && (j == end || byte(j) == ' ' || byte(j) == '\t')) {
        return set(BlockKind::Heading, skip_blanks(j, end), static_cast<uint8_t>(j - i));
      }
    }
    unsigned char mark = 0;
    if (is_rule(i, end, mark)) {
      // "===" under a paragraph line makes it a heading (setext); "---" stays a rule because
      // scraped news puts it between paragraphs as a separator.
      if (mark == '=' && !previous.empty() && previous.back().kind == BlockKind::Paragraph) {
        previous.back().kind = BlockKind::Heading;
        previous.back().level = 1;
      }
      return set(BlockKind::Rule, end);
    }
    const uint8_t list_level = static_cast<uint8_t>(std::min<size_t>(1 + indent_cols / 2, 8));
    if ((c == '-' || c == '*' || c == '+') && (byte(i + 1) == ' ' || byte(i + 1) == '\t') &&
        i + 1 < end) {
      return set(BlockKind::ListItem, skip_blanks(i + 1, end), list_level);
    }
    if (c >= 0x80) {
      const utf8::Step step = utf8::decode(t_, i);
      const size_t after = i + step.length;
      if (step.valid && is_bullet_cp(step.codepoint) && after < end &&
          (byte(after) == ' ' || byte(after) == '\t' ||
           (byte(after) == 0xC2 && byte(after + 1) == 0xA0))) {
        return set(BlockKind::ListItem, skip_blanks(after, end), list_level);
      }
    }
    if (c >= '0' && c <= '9') {
      size_t j = i;
      while (j < end && byte(j) >= '0' && byte(j) <= '9') ++j;
      if (j - i <= 3 && (byte(j) == '.' || byte(j) == ')') && j + 1 < end &&
          (byte(j + 1) == ' ' || byte(j + 1) == '\t')) {
        set(BlockKind::ListItem, skip_blanks(j + 1, end), list_level);
        b.ordered = true;
        return b;
      }
    }
    if (c == '|' && t_.substr(i + 1, end - i - 1).find('|') != std::string_view::npos) {
      return set(BlockKind::TableRow, skip_blanks(i + 1, end));
    }
    return set(BlockKind::Paragraph, i);
  }

  std::string_view t_;
  unsigned char fence_char_ = 0;
  size_t fence_len_ = 0;
};

// The bytes at which scan() may find something: a bare URL (h, w), code, a link or an image,
// emphasis.
constexpr std::array<bool, 256> kMayOpen = [] {
  std::array<bool, 256> open{};
  for (const char c : std::string_view("hHwW`[!*_~")) open[static_cast<unsigned char>(c)] = true;
  return open;
}();

class InlineParser {
 public:
  InlineParser(std::string_view text, std::vector<InlineSpan>& out) : t_(text), out_(out) {}

  void scan(size_t i, size_t end, int depth) {
    // Past the text every byte reads as 0, which opens nothing, so `stop` ends the scan too.
    const size_t stop = std::min(end, t_.size());
    while (i < end) {
      // Most bytes start nothing: skip them by one table lookup each.
      while (i < stop && !kMayOpen[static_cast<unsigned char>(t_[i])]) ++i;
      if (i >= stop) break;
      const unsigned char c = byte(i);
      if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && bare_url(i)) {
        while (i < end && !is_blank_byte(byte(i)) && byte(i) != ')' && byte(i) != ']') ++i;
        continue;
      }
      if (c == '`') {
        i = code_span(i, end);
        continue;
      }
      if ((c == '[' || (c == '!' && byte(i + 1) == '[')) && depth < kMaxLinkDepth) {
        const size_t after = link(i, end, depth);
        if (after > i) {
          i = after;
          continue;
        }
      }
      if (c == '*' || c == '_' || c == '~') {
        i = emphasis(i, end);
        continue;
      }
      ++i;
    }
  }

 private:
  unsigned char byte(size_t i) const {
    return i < t_.size() ? static_cast<unsigned char>(t_[i]) : 0;
  }
  void push(size_t start, size_t end, InlineKind kind) {
    if (end > start) {
      out_.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), kind});
    }
  }

  bool bare_url(size_t i) const {
    if (i > 0 && (is_ascii_alnum(byte(i - 1)) || byte(i - 1) == '/' || byte(i - 1) == '.')) {
      return false;
    }
    for (std::string_view prefix : {"https://", "http://", "www."}) {
      if (t_.size() - i >= prefix.size()) {
        bool match = true;
        for (size_t k = 0; k < prefix.size() && match; ++k) {
          char ch = t_[i + k];
          if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
          match = ch == prefix[k];
        }
        if (match) return true;
      }
    }
    return false;
  }

  size_t code_span(size_t i, size_t end) {
    size_t j = i;
    while (j < end && byte(j) == '`') ++j;
    const size_t run = j - i;
    for (size_t k = j; k < end;) {
      if (byte(k) != '`') {
        ++k;
        continue;
      }
      size_t m = k;
      while (m < end && byte(m) == '`') ++m;
      if (m - k == run) {
        push(i, j, InlineKind::CodeMarker);
        push(k, m, InlineKind::CodeMarker);
        return m;
      }
      k = m;
    }
    return j;  // unmatched: literal backticks
  }

  // [text](url "title"): returns the byte after ')' or i when there is no link here.
  size_t link(size_t i, size_t end, int depth) {
    const size_t open_len = byte(i) == '!' ? 2 : 1;
    const size_t text_start = i + open_len;
    const size_t text_limit = std::min(end, text_start + kMaxLinkText);
    int nesting = 0;
    size_t close = std::string_view::npos;
    for (size_t k = text_start; k < text_limit; ++k) {
      if (byte(k) == '\\') {
        ++k;
        continue;
      }
      if (byte(k) == '[') ++nesting;
      if (byte(k) == ']') {
        if (nesting == 0) {
          close = k;
          break;
        }
        --nesting;
      }
    }
    if (close == std::string_view::npos || byte(close + 1) != '(' || close + 1 >= end) return i;
    const size_t url_limit = std::min(end, close + 2 + kMaxLinkUrl);
    int parens = 0;
    size_t paren_end = std::string_view::npos;
    for (size_t k = close + 2; k < url_limit; ++k) {
      if (byte(k) == '(') ++parens;
      if (byte(k) == ')') {
        if (parens == 0) {
          paren_end = k;
          break;
        }
        --parens;
      }
    }
    if (paren_end == std::string_view::npos) return i;
    size_t url_start = close + 2;
    while (url_start < paren_end && is_blank_byte(byte(url_start))) ++url_start;
    size_t url_end = url_start;
    if (byte(url_start) == '<') {  // <url with spaces>
      ++url_start;
      url_end = url_start;
      while (url_end < paren_end && byte(url_end) != '>') ++url_end;
    } else {
      while (url_end < paren_end && !is_blank_byte(byte(url_end))) ++url_end;
    }
    push(i, text_start, InlineKind::LinkMarker);
    push(text_start, close, InlineKind::LinkText);
    push(close, url_start, InlineKind::LinkMarker);
    push(url_start, url_end, InlineKind::LinkUrl);
    push(url_end, paren_end + 1, InlineKind::LinkMarker);
    scan(text_start, close, depth + 1);
    return paren_end + 1;
  }

  size_t emphasis(size_t i, size_t end) {
    const unsigned char c = byte(i);
    size_t j = i;
    while (j < end && byte(j) == c) ++j;
    const unsigned char prev = i > 0 ? byte(i - 1) : ' ';
    const unsigned char next = j < t_.size() ? byte(j) : ' ';
    const bool prev_space = i == 0 || is_blank_byte(prev) || prev == '\n';
    const bool next_space = j >= t_.size() || is_blank_byte(next) || next == '\n';
    bool marker = !(prev_space && next_space);
    if (c == '_' && is_ascii_alnum(prev) && is_ascii_alnum(next)) marker = false;  // snake_case
    if (c == '~' && j - i < 2) marker = false;
    if (marker) push(i, j, InlineKind::EmphasisMarker);
    return j;
  }

  std::string_view t_;
  std::vector<InlineSpan>& out_;
};

}  // namespace

std::vector<Block> parse_blocks(std::string_view text) {
  text = text.substr(0, std::min<size_t>(text.size(), std::numeric_limits<uint32_t>::max()));
  return BlockParser(text).run();
}

std::vector<InlineSpan> parse_inlines(std::string_view text, std::span<const Block> blocks) {
  text = text.substr(0, std::min<size_t>(text.size(), std::numeric_limits<uint32_t>::max()));
  std::vector<InlineSpan> spans;
  InlineParser parser(text, spans);
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::Code || block.kind == BlockKind::Blank ||
        block.kind == BlockKind::Rule || block.end > text.size()) {
      continue;
    }
    parser.scan(block.content_start, block.end, 0);
  }
  std::stable_sort(spans.begin(), spans.end(), [](const InlineSpan& a, const InlineSpan& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  return spans;
}

}  // namespace dramatis::text
