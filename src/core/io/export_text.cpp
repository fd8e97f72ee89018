#include "core/io/export_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/text/utf8.h"

namespace dramatis {

std::string format_export_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
  if (value == 0.0) return "0";  // also -0: "-0" would surprise spreadsheet users
  // The shortest %g form that reads back as the same double. Not std::to_chars: the libc++ of
  // Debian's Emscripten (3.1.6) has no floating-point to_chars, and native and WASM exports
  // must be byte-identical. 17 significant digits always round-trip (IEEE 754 binary64).
  char buffer[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

namespace {

// XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF]. Surrogates never reach here: utf8::decode reports them as invalid.
bool xml_allowed(char32_t cp) {
  if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
  return cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

void append_xml_text(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const utf8::Step step = utf8::decode(text, i);
    const size_t at = i;
    i += step.length;
    if (!step.valid || !xml_allowed(step.codepoint)) continue;
    switch (step.codepoint) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out.append(text.substr(at, step.length));
    }
  }
}

std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_xml_text(out, text);
  return out;
}

void append_csv_field(std::string& out, std::string_view field) {
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace dramatis
