#include "ui/display_text.h"

#include <algorithm>

#include "core/text/ascii.h"
#include "core/text/utf8.h"

namespace dramatis::ui {
namespace {

constexpr size_t kWordSearchBytes = 24;  // how far a snippet's cut looks for a space
constexpr size_t kContextBytes = 60;     // keyword-in-context: at most this much each side
constexpr size_t kWordSnapBytes = 16;    // a cut context moves to a word boundary this close
constexpr size_t kHitBytes = 200;        // the highlighted span itself, at most
constexpr const char* kEllipsis = "\xE2\x80\xA6";

bool ends_sentence(char c) {
  return c == '.' || c == '?' || c == '!';
}

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

Kwic kwic_of(const Corpus& corpus, const DocSpan& span) {
  Kwic kwic;
  if (span.doc >= corpus.documents.size()) return kwic;
  const std::string_view bytes = corpus.documents[span.doc].bytes;
  const size_t start = std::min(span.start, bytes.size());
  const size_t end = std::clamp(span.end, start, bytes.size());

  size_t begin = start > kContextBytes ? utf8::ceil_boundary(bytes, start - kContextBytes) : 0;
  bool cut_left = begin > 0;
  for (size_t p = start; p > begin; --p) {
    const char c = bytes[p - 1];
    if (c == '\n' || (c == ' ' && p >= 2 && p - 2 >= begin && ends_sentence(bytes[p - 2]))) {
      begin = p;
      cut_left = false;
      break;
    }
  }
  if (cut_left) {
    const size_t space = bytes.substr(begin, std::min(kWordSnapBytes, start - begin)).find(' ');
    if (space != std::string_view::npos) begin += space + 1;
  }

  size_t stop = utf8::floor_boundary(bytes, std::min(bytes.size(), end + kContextBytes));
  bool cut_right = stop < bytes.size();
  for (size_t p = end; p < stop; ++p) {
    const char c = bytes[p];
    if (c == '\n' || c == '\r') {
      stop = p;
      cut_right = false;
      break;
    }
    if (ends_sentence(c) &&
        (p + 1 == bytes.size() || bytes[p + 1] == ' ' || bytes[p + 1] == '\n')) {
      stop = p + 1;
      cut_right = false;
      break;
    }
  }
  if (cut_right) {
    const size_t from = stop - std::min(kWordSnapBytes, stop - end);
    const size_t space = bytes.substr(from, stop - from).rfind(' ');
    if (space != std::string_view::npos) stop = from + space;
  }

  const size_t hit_end =
      end - start > kHitBytes ? utf8::floor_boundary(bytes, start + kHitBytes) : end;
  kwic.left =
      (cut_left ? kEllipsis : "") + one_line(display_text(bytes.substr(begin, start - begin)));
  kwic.hit = one_line(display_text(bytes.substr(start, hit_end - start))) +
             (hit_end < end ? kEllipsis : "");
  kwic.right = one_line(display_text(bytes.substr(end, stop - end))) + (cut_right ? kEllipsis : "");
  return kwic;
}

std::string span_text(const Corpus& corpus, const DocSpan& span, size_t max_bytes,
                      bool single_line) {
  if (span.doc >= corpus.documents.size()) return {};
  const std::string_view bytes = corpus.documents[span.doc].bytes;
  const size_t start = std::min(span.start, bytes.size());
  const size_t end = std::clamp(span.end, start, bytes.size());
  const size_t stop =
      end - start > max_bytes ? utf8::floor_boundary(bytes, start + max_bytes) : end;
  std::string text = display_text(text::trim_space(bytes.substr(start, stop - start)));
  if (single_line) text = one_line(text);
  if (stop < end) text += kEllipsis;
  return text;
}

}  // namespace dramatis::ui
