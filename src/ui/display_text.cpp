#include "ui/display_text.h"

#include <algorithm>

#include "core/text/utf8.h"

namespace dramatis::ui {
namespace {

constexpr size_t kWordSearchBytes = 24;  // how far a snippet's cut looks for a space
constexpr const char* kEllipsis = "\xE2\x80\xA6";

bool is_blank(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

}  // namespace

std::string display_text(std::string_view bytes) {
  // Most text is valid: a plain copy, without building the offset maps.
  if (utf8::find_invalid(bytes).empty()) return std::string(bytes);
  return utf8::DisplayText(bytes).text();
}

std::string one_line(std::string_view text) {
  // ASCII whitespace never occurs inside a multi-byte UTF-8 sequence, so a byte-wise pass keeps
  // valid text valid.
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (is_blank(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string visible_label(std::string text) {
  // Built anew rather than with insert(): GCC 12 warns (wrongly, -Wrestrict) on that insert.
  std::string out;
  out.reserve(text.size() + 4);
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '#' && i + 1 < text.size() && text[i + 1] == '#') out += ' ';
  }
  return out;
}

std::string_view span_bytes(const Corpus& corpus, const DocSpan& span) {
  if (span.doc >= corpus.documents.size()) return {};
  const std::string_view bytes = corpus.documents[span.doc].bytes;
  const size_t start = std::min(span.start, bytes.size());
  const size_t end = std::clamp(span.end, start, bytes.size());
  return bytes.substr(start, end - start);
}

std::string snippet(std::string_view bytes, size_t start, size_t end, size_t focus_start,
                    size_t focus_end, size_t max_bytes) {
  end = std::min(end, bytes.size());
  start = std::min(start, end);
  focus_start = std::clamp(focus_start, start, end);
  focus_end = std::clamp(focus_end, focus_start, end);
  size_t lo = start, hi = end;
  if (end - start > max_bytes) {
    const size_t focus = focus_end - focus_start;
    const size_t side = focus >= max_bytes ? 0 : (max_bytes - focus) / 2;
    lo = focus_start > start + side ? focus_start - side : start;
    hi = std::min(end, focus_end + side);
    // A cut moves to a space only outside the focus, so no word of the focus is left out.
    if (lo > start) {
      const size_t space = bytes.substr(lo, kWordSearchBytes).find(' ');
      lo = space != std::string_view::npos && lo + space < focus_start
               ? lo + space + 1
               : utf8::ceil_boundary(bytes, lo);
    }
    if (hi < end) {
      const size_t from = hi > kWordSearchBytes ? hi - kWordSearchBytes : 0;
      const size_t space = bytes.substr(from, hi - from).rfind(' ');
      hi = space != std::string_view::npos && from + space > focus_end
               ? from + space
               : utf8::floor_boundary(bytes, hi);
    }
    hi = std::max(hi, lo);  // a window narrower than one character
  }
  std::string text = one_line(display_text(bytes.substr(lo, hi - lo)));
  if (lo > start) text = kEllipsis + text;
  if (hi < end) text += kEllipsis;
  return text;
}

}  // namespace dramatis::ui
