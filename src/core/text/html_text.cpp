#include "core/text/html_text.h"

#include <array>
#include <cstdint>

#include "core/text/ascii.h"
#include "core/text/utf8.h"

namespace dramatis {
namespace {

// `a` equals `b` ignoring ASCII case (tag names and extensions are ASCII).
bool iequals(std::string_view a, std::string_view b) {
  return text::equals_lower(a, text::to_lower_ascii(b));
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int digit_value(char c, bool hex) {
  if (c >= '0' && c <= '9') return c - '0';
  if (!hex) return -1;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_block(std::string_view tag) {
  static constexpr std::array<std::string_view, 25> kBlocks = {
      "p",       "div",    "br",     "li",  "ul", "ol",         "h1",    "h2",         "h3",
      "h4",      "h5",     "h6",     "tr",  "td", "th",         "table", "blockquote", "section",
      "article", "header", "footer", "pre", "hr", "figcaption", "title"};
  for (const std::string_view b : kBlocks)
    if (iequals(tag, b)) return true;
  return false;
}

// A character reference's code point as UTF-8; NUL, surrogates and values past U+10FFFF become
// U+FFFD, as in a browser.
void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = utf8::kReplacement;
  utf8::append(out, static_cast<char32_t>(cp));
}

// Decodes the reference at html[i] ('&'); returns the bytes it used, 0 when it is not one.
size_t decode_reference(std::string_view html, size_t i, std::string& out) {
  // A reference ends at most 10 bytes on; looking no further keeps a page of many '&' and few
  // ';' (query strings) linear, where searching the rest of the page for each was quadratic.
  const size_t semi_at = html.substr(i, 11).find(';');
  if (semi_at == std::string_view::npos) return 0;
  const size_t semi = i + semi_at;
  const std::string_view name = html.substr(i + 1, semi - i - 1);
  if (!name.empty() && name[0] == '#') {
    uint32_t cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (const char c : digits) {
      const int v = digit_value(c, hex);
      if (v < 0) return 0;
      cp = cp * (hex ? 16u : 10u) + static_cast<uint32_t>(v);
      if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, becomes U+FFFD
    }
    append_utf8(out, cp);
    return semi - i + 1;
  }
  static constexpr std::pair<std::string_view, uint32_t> kNamed[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013},
      {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
      {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"copy", 0xA9}};
  for (const auto& [n, cp] : kNamed) {
    if (name == n) {
      append_utf8(out, cp);
      return semi - i + 1;
    }
  }
  return 0;
}

void end_line(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.empty()) return;
  // At most one blank line between blocks.
  if (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') return;
  out += '\n';
}

}  // namespace

bool is_html_path(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view ext = path.substr(dot + 1);
  return iequals(ext, "html") || iequals(ext, "htm");
}

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      if (html.substr(i, 4) == "<!--") {
        const size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const size_t close = html.find('>', i + 1);
      if (close == std::string_view::npos) break;  // an unterminated tag: the rest is markup
      size_t name_start = i + 1;
      if (name_start < close && html[name_start] == '/') ++name_start;
      size_t name_end = name_start;
      while (name_end < close && is_alnum(html[name_end])) ++name_end;
      const std::string_view tag = html.substr(name_start, name_end - name_start);
      const bool closing = html[i + 1] == '/';
      i = close + 1;
      if (!closing && (iequals(tag, "script") || iequals(tag, "style") ||
                       iequals(tag, "template") || iequals(tag, "noscript"))) {
        // Skip to the matching end tag (case-insensitive search for "</tag").
        size_t at = i;
        for (;;) {
          at = html.find("</", at);
          if (at == std::string_view::npos) {
            i = html.size();
            break;
          }
          if (iequals(html.substr(at + 2, tag.size()), tag)) {
            const size_t gt = html.find('>', at);
            i = gt == std::string_view::npos ? html.size() : gt + 1;
            break;
          }
          at += 2;
        }
        continue;
      }
      if (is_block(tag)) end_line(out);
      continue;
    }
    if (c == '&') {
      const size_t used = decode_reference(html, i, out);
      if (used > 0) {
        i += used;
        continue;
      }
    }
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      // Whitespace collapses to one space, as a browser shows it.
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  end_line(out);
  return out;
}

}  // namespace dramatis
