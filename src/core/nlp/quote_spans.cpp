#include "core/nlp/quote_spans.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text/utf8.h"

namespace dramatis {
namespace {

// Longest a quote may run before we give up on a missing closing mark (bytes). Real quotes in
// news are a few paragraphs at most; this bound keeps unbalanced marks from swallowing a text.
constexpr size_t kMaxQuoteBytes = 4000;

enum class Role : uint8_t { None, Open, Close, Either };

struct Mark {
  size_t start = 0;
  size_t end = 0;
  QuoteMark kind = QuoteMark::Double;
  Role role = Role::None;
};

bool is_letter_or_digit(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  // Letters of the Latin, Greek and Cyrillic blocks and CJK ideographs: enough to tell an
  // apostrophe inside a word from a quotation mark.
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x52F) ||
         (c >= 0x4E00 && c <= 0x9FFF);
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

// Characters after which a mark opens a quote: start of text, spaces, brackets, dashes, colons.
bool opens_after(char32_t c) {
  return c == 0 || is_space(c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 ||
         c == ':' || c == '*' || c == '_' || c == '>' || c == '-' || c == 0x201C;
}

// Characters before which a mark closes a quote.
bool closes_before(char32_t c) {
  return c == 0 || is_space(c) || c == ')' || c == ']' || c == '}' || c == ',' || c == '.' ||
         c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2014 || c == 0x2013 || c == '*' ||
         c == '_' || c == '-' || c == 0x201D || c == 0x2026;
}

char32_t code_point_before(std::string_view text, size_t offset) {
  if (offset == 0) return 0;
  size_t start = offset - 1;
  while (start > 0 && offset - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  const utf8::Step step = utf8::decode(text, start);
  return step.valid && start + step.length == offset ? step.codepoint : U'\uFFFD';
}

char32_t code_point_at(std::string_view text, size_t offset) {
  return offset < text.size() ? utf8::decode(text, offset).codepoint : 0;
}

// Classifies a mark by its own shape and its neighbours.
Role role_of(char32_t mark, char32_t before, char32_t after) {
  const bool open_ctx = opens_after(before) && !is_space(after) && after != 0;
  const bool close_ctx = closes_before(after) && !is_space(before) && before != 0;
  switch (mark) {
    // A curly double mark's shape says whether it opens, unless its neighbours say the other
    // thing unmistakably: “ right after a word and before a space closes (a slip of the keyboard,
    // '... orbiters.“ However', and German „…“), ” after a space and before a word opens.
    case 0x201C: return close_ctx && !open_ctx ? Role::Close : Role::Open;  // “
    case 0x201D: return open_ctx && !close_ctx ? Role::Open : Role::Close;  // ”
    case 0x201E:
    case 0xAB: return Role::Open;    // „ «
    case 0xBB: return Role::Close;   // »
    case 0x2018: return Role::Open;  // ‘
    default: break;
  }
  if (mark == '\'' || mark == 0x2019) {
    // Between two letters it is an apostrophe (don’t, Meta’s); after a letter and before a
    // letter-less context it may close; "’s" after a word is a possessive, never a quote.
    if (is_letter_or_digit(before) && is_letter_or_digit(after)) return Role::None;
    if (mark == 0x2019 && !close_ctx) return Role::None;
    if (open_ctx && close_ctx) return Role::None;
    return open_ctx ? Role::Open : close_ctx ? Role::Close : Role::None;
  }
  // Straight double quote.
  if (open_ctx && close_ctx) return Role::Either;
  return open_ctx ? Role::Open : close_ctx ? Role::Close : Role::Either;
}

// Bytes that may open a quotation mark: the ASCII marks and the lead bytes of the typographic
// ones (U+2018-U+201E) and guillemets (U+00AB, U+00BB).
constexpr std::array<bool, 256> kMarkLead = [] {
  std::array<bool, 256> lead{};
  for (const int b : {int{'"'}, int{'\''}, 0xE2, 0xC2}) lead[static_cast<size_t>(b)] = true;
  return lead;
}();

std::vector<Mark> find_marks(std::string_view text) {
  std::vector<Mark> marks;
  for (size_t i = 0; i < text.size();) {
    // Most bytes open no mark: skipped by a table lookup each.
    while (i < text.size() && !kMarkLead[static_cast<unsigned char>(text[i])]) ++i;
    if (i == text.size()) break;
    const utf8::Step step = utf8::decode(text, i);
    const char32_t c = step.codepoint;
    QuoteMark kind;
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E) {
      kind = QuoteMark::Double;
    } else if (c == '\'' || c == 0x2018 || c == 0x2019) {
      kind = QuoteMark::Single;
    } else if (c == 0xAB || c == 0xBB) {
      kind = QuoteMark::Guillemet;
    } else {
      i += step.length;
      continue;
    }
    const Role role = role_of(c, code_point_before(text, i), code_point_at(text, i + step.length));
    if (role != Role::None) marks.push_back({i, i + step.length, kind, role});
    i += step.length;
  }
  return marks;
}

struct Line {
  size_t start = 0;
  size_t end = 0;            // at the '\n' or the end of the text
  size_t content_start = 0;  // after indentation and blockquote markers
  bool blockquote = false;
  bool blank = false;
  bool caption = false;  // a photo caption set between paragraphs ("... Image: NASA.")
};

// A short line whose last sentence credits a picture or a recording ("In 2008, Endeavour and
// Atlantis await a journey on their launchpads. Image: NASA."): web news sets such captions
// between the paragraphs of a story, even inside a quote that runs on after them.
bool is_caption(std::string_view line) {
  constexpr size_t kMaxCaptionBytes = 400;
  if (line.size() > kMaxCaptionBytes) return false;
  static constexpr std::string_view kLabels[] = {"Image", "Photo", "Video", "Audio", "Credit"};
  // Each ": " is looked at once; most lines have none.
  for (size_t colon = line.find(':'); colon != std::string_view::npos;
       colon = line.find(':', colon + 1)) {
    if (colon + 1 >= line.size() || line[colon + 1] != ' ') continue;
    for (const std::string_view label : kLabels) {
      if (colon < label.size() || line.substr(colon - label.size(), label.size()) != label)
        continue;
      const size_t at = colon - label.size();
      if (at == 0 || (at >= 2 && line[at - 1] == ' ' &&
                      std::string_view(".!?;").find(line[at - 2]) != std::string_view::npos))
        return true;
    }
  }
  return false;
}

// Every line of the text, computed once, so questions about the line around an offset cost a
// binary search even on a text that is one huge line.
std::vector<Line> index_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (true) {
    Line line;
    line.start = start;
    line.end = std::min(text.find('\n', start), text.size());
    size_t i = start;
    while (i < line.end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < line.end && text[i] == '>') {
      line.blockquote = true;
      while (i < line.end && (text[i] == '>' || text[i] == ' ')) ++i;
    }
    line.content_start = i;
    line.blank = true;
    for (size_t j = i; j < line.end; ++j) {
      if (text[j] != ' ' && text[j] != '\t' && text[j] != '\r') {
        line.blank = false;
        break;
      }
    }
    line.caption = !line.blank && !line.blockquote &&
                   is_caption(text.substr(line.content_start, line.end - line.content_start));
    lines.push_back(line);
    if (line.end >= text.size()) break;
    start = line.end + 1;
  }
  return lines;
}

const Line& line_at(const std::vector<Line>& lines, size_t offset) {
  auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                             [](size_t o, const Line& l) { return o < l.start; });
  return *std::prev(it);
}

bool starts_block(std::string_view text, const Line& line) {
  if (line.content_start >= line.end) return true;
  const char c = text[line.content_start];
  const char next = line.content_start + 1 < line.end ? text[line.content_start + 1] : '\0';
  return c == '#' || ((c == '-' || c == '*' || c == '+') && next == ' ') ||
         (static_cast<unsigned char>(c) == 0xE2 && text.substr(line.content_start, 3) == "\u2022");
}

// Whether a quote opened at `from` may still be open at `to`, given the line breaks between
// them. Each line of a web article is a paragraph, so a break ends a quote unless: both lines
// are one blockquote; the earlier line is hard-wrapped mid-sentence; or the new paragraph opens
// the quote again (`reopened`: news style for a quote over several paragraphs). Blank lines and
// photo captions between the paragraphs are passed over.
// `closing`: the mark at `to` is a definite closing mark, which may end a quote whose previous
// paragraph left it open (one paragraph break, no reopening mark: a common house style).
bool may_span(std::string_view text, const std::vector<Line>& lines, size_t from, size_t to,
              const Mark* reopened, bool closing) {
  size_t unmarked_breaks = 0;
  const auto newline_before = [&](size_t from_offset) {
    if (from_offset >= to) return std::string_view::npos;
    const size_t found = text.substr(from_offset, to - from_offset).find('\n');
    return found == std::string_view::npos ? found : from_offset + found;
  };
  size_t nl = newline_before(from);
  while (nl != std::string_view::npos) {
    const Line before = line_at(lines, nl);
    size_t next = nl + 1;
    Line after = line_at(lines, std::min(next, text.size()));
    while ((after.blank || after.caption) && after.end < to) after = line_at(lines, after.end + 1);
    const bool same_blockquote = before.blockquote && after.blockquote && !before.blank;
    char last = '\0';
    for (size_t j = before.end; j > before.content_start; --j) {
      const char c = text[j - 1];
      if (c != ' ' && c != '\r' && c != '\t') {
        last = c;
        break;
      }
    }
    const bool hard_wrapped = !before.blank && after.start == nl + 1 &&
                              !starts_block(text, after) &&
                              (std::isalnum(static_cast<unsigned char>(last)) || last == ',');
    const bool reopens = reopened != nullptr && reopened->start == after.content_start;
    const bool closes_later = closing && !starts_block(text, after) && ++unmarked_breaks == 1;
    if (!same_blockquote && !hard_wrapped && !reopens && !closes_later) return false;
    nl = newline_before(after.start);
  }
  return true;
}

// A straight double mark typed against the comma before it, with nothing open: 'said," For
// example ...".' and 'Wilkins said," [Warhol] liked ...".' open a quote (its shape says close,
// but there is nothing to close, and a capital or a bracket follows the space).
bool comma_glued_opening(std::string_view text, const Mark& mark) {
  if (mark.role != Role::Close || text[mark.start] != '"' || mark.start == 0 ||
      text[mark.start - 1] != ',' || mark.end + 1 >= text.size() || text[mark.end] != ' ')
    return false;
  const char next = text[mark.end + 1];
  return (next >= 'A' && next <= 'Z') || next == '[';
}

// Pairs the marks of one kind into spans, left to right.
void pair_marks(std::string_view text, const std::vector<Line>& lines,
                const std::vector<Mark>& marks, std::vector<QuoteSpan>& spans) {
  const Mark* open = nullptr;
  size_t open_since = 0;  // where the open quote's current paragraph starts being checked
  for (const Mark& mark : marks) {
    if (open != nullptr &&
        (mark.start - open_since > kMaxQuoteBytes ||
         !may_span(text, lines, open_since, mark.start, mark.role == Role::Open ? &mark : nullptr,
                   mark.role == Role::Close))) {
      open = nullptr;  // never closed within its paragraph: not a quote
    }
    if (open == nullptr) {
      if (mark.role == Role::Open || mark.role == Role::Either || comma_glued_opening(text, mark)) {
        open = &mark;
        open_since = mark.end;
      }
      continue;
    }
    if (mark.role == Role::Open) {  // reopened for a new paragraph of the same quote
      open_since = mark.end;
      continue;
    }
    if (mark.start == open->end) {  // "" is no quote
      open = nullptr;
      continue;
    }
    QuoteSpan span;
    span.start = open->start;
    span.end = mark.end;
    span.inner_start = open->end;
    span.inner_end = mark.start;
    span.mark = open->kind;
    span.in_blockquote = line_at(lines, open->start).blockquote;
    spans.push_back(span);
    open = nullptr;
  }
}

}  // namespace

std::vector<QuoteSpan> find_quote_spans(std::string_view text) {
  const std::vector<Mark> marks = find_marks(text);
  const std::vector<Line> lines = index_lines(text);
  std::vector<QuoteSpan> spans;
  std::vector<Mark> of_kind;
  for (QuoteMark kind : {QuoteMark::Double, QuoteMark::Guillemet, QuoteMark::Single}) {
    of_kind.clear();
    for (const Mark& m : marks) {
      if (m.kind == kind) of_kind.push_back(m);
    }
    pair_marks(text, lines, of_kind, spans);
  }
  // Top-level marked quotes: drop any span inside another (a single-quoted phrase inside a
  // double-quoted quote).
  std::sort(spans.begin(), spans.end(), [](const QuoteSpan& a, const QuoteSpan& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::vector<QuoteSpan> top;
  for (const QuoteSpan& span : spans) {
    if (top.empty() || span.start >= top.back().end) top.push_back(span);
  }
  // Blockquote lines with no marks of their own are quoted text too ("> He said ...").
  const size_t marked = top.size();
  size_t next_marked = 0;
  for (size_t start = 0; start < text.size();) {
    const Line line = line_at(lines, start);
    if (line.blockquote && !line.blank) {
      while (next_marked < marked && top[next_marked].end <= line.start) ++next_marked;
      const bool has_marked = next_marked < marked && top[next_marked].start < line.end;
      size_t end = line.end;
      while (end > line.content_start && (text[end - 1] == ' ' || text[end - 1] == '\r')) --end;
      if (!has_marked) {
        top.push_back(
            {line.content_start, end, line.content_start, end, QuoteMark::Blockquote, true});
      }
    }
    start = line.end + 1;
  }
  std::sort(top.begin(), top.end(),
            [](const QuoteSpan& a, const QuoteSpan& b) { return a.start < b.start; });
  // A quote over several paragraphs (or blockquote lines) becomes one span per paragraph, each
  // without the markers and blank lines between them; later pieces are continuations.
  std::vector<QuoteSpan> pieces;
  for (const QuoteSpan& span : top) {
    size_t piece_start = span.start;
    bool continuation = false;
    while (piece_start < span.end) {
      const size_t nl = text.substr(piece_start, span.end - piece_start).find('\n');
      size_t piece_end = nl == std::string_view::npos ? span.end : piece_start + nl;
      while (piece_end > piece_start && (text[piece_end - 1] == ' ' || text[piece_end - 1] == '\r'))
        --piece_end;
      if (piece_end > piece_start) {
        QuoteSpan piece = span;
        piece.start = piece_start;
        piece.end = piece_end;
        piece.inner_start = std::max(span.inner_start, piece_start);
        piece.inner_end = std::min(span.inner_end, piece_end);
        if (piece.inner_end < piece.inner_start) piece.inner_end = piece.inner_start;
        piece.continuation = continuation;
        pieces.push_back(piece);
        continuation = true;
      }
      if (nl == std::string_view::npos) break;
      // The next piece starts after the line break, indentation and blockquote markers.
      const Line next = line_at(lines, piece_start + nl + 1);
      piece_start = std::max(next.content_start, piece_start + nl + 1);
      if (next.blank || next.caption) piece_start = next.end;
    }
  }
  return pieces;
}

}  // namespace dramatis
