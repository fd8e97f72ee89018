#include "core/corpus/document_check.h"

#include <algorithm>

#include "core/text/ascii.h"
#include "core/corpus/corpus_limits.h"

namespace dramatis {
namespace {

// Past this share of invalid bytes the file is not UTF-8 with a few bad bytes but some other
// encoding or binary data, and showing it would be a screen of U+FFFD.
constexpr double kMaxInvalidShare = 0.10;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::optional<std::string> unsupported_encoding(std::string_view bytes) {
  // Explicit lengths: these marks contain NUL bytes.
  if (starts_with(bytes, std::string_view("\xFF\xFE\x00\x00", 4)) ||
      starts_with(bytes, std::string_view("\x00\x00\xFE\xFF", 4)))
    return "the file is UTF-32 (byte order mark); Dramatis reads UTF-8 text, so convert it first";
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF"))
    return "the file is UTF-16 (byte order mark); Dramatis reads UTF-8 text, so convert it first";
  return std::nullopt;
}

// Where a document longer than kMaxDocumentBytes is cut: after the last line break within the
// limit, or, with none in the last 64 KiB before it (one enormous line), before the character
// that would cross it.
size_t cut_point(std::string_view bytes) {
  constexpr size_t kLineSearch = 64 << 10;
  const size_t limit = std::min(bytes.size(), kMaxDocumentBytes);
  const size_t eol = bytes.rfind('\n', limit - 1);
  if (eol != std::string_view::npos && eol + 1 + kLineSearch >= limit) return eol + 1;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

std::string derive_title(std::string_view text, size_t max_bytes) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  while (!text.empty()) {
    const size_t eol = text.find('\n');
    std::string_view line = text::trim_space(text.substr(0, eol));
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    // Markdown markers that are structure, not title text.
    while (!line.empty() && (line.front() == '#' || line.front() == '>'))
      line = text::trim_space(line.substr(1));
    if (starts_with(line, "- ") || starts_with(line, "* ")) line = text::trim_space(line.substr(2));
    // Strong emphasis markers ("**", "__") are dropped; single '_' stays (handles, names).
    std::string title;
    for (size_t i = 0; i < line.size(); ++i) {
      if ((line[i] == '*' || line[i] == '_') && i + 1 < line.size() && line[i + 1] == line[i]) {
        ++i;
        continue;
      }
      if (line[i] != '*') title += line[i];
    }
    if (title.empty() || title.find_first_not_of("-=") == std::string::npos) continue;
    if (title.size() > max_bytes) {
      // The ellipsis (3 bytes) counts toward max_bytes.
      size_t cut = max_bytes > 3 ? max_bytes - 3 : 0;
      while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
      title = title.substr(0, cut) + "\xE2\x80\xA6";  // U+2026 ellipsis
    }
    return title;
  }
  return {};
}

std::optional<Document> check_document(std::string path, std::string bytes,
                                       std::vector<Diagnostic>& diagnostics) {
  if (bytes.size() > kMaxDocumentBytes) {
    // Partial results beat none: the cut keeps every offset of what is read the file's own.
    const size_t kept = cut_point(bytes);
    diagnostics.push_back(make_warning(path,
                                       "longer than the " + format_byte_size(kMaxDocumentBytes) +
                                           " one document may have: only its first " +
                                           std::to_string(kept) +
                                           " bytes were read (split the file to read the rest)",
                                       kept));
    bytes.resize(kept);
  }
  if (auto why = unsupported_encoding(bytes)) {
    diagnostics.push_back(make_error(path, *why, 0));
    return std::nullopt;
  }
  if (const size_t nul = bytes.find('\0'); nul != std::string::npos) {
    diagnostics.push_back(
        make_error(path, "binary file (NUL byte), not text; nothing was loaded from it", nul));
    return std::nullopt;
  }
  if (bytes.empty()) {
    diagnostics.push_back(make_warning(path, "empty file; loaded as an empty document"));
  }

  Document doc;
  doc.invalid_utf8 = utf8::find_invalid(bytes);
  if (!doc.invalid_utf8.empty()) {
    size_t invalid_bytes = 0;
    for (const auto& bad : doc.invalid_utf8) invalid_bytes += bad.length;
    if (static_cast<double>(invalid_bytes) > kMaxInvalidShare * static_cast<double>(bytes.size())) {
      diagnostics.push_back(make_error(
          path,
          "not UTF-8 text (" + std::to_string(invalid_bytes) + " of " +
              std::to_string(bytes.size()) +
              " bytes are invalid): a binary file or an unknown encoding; nothing was loaded",
          doc.invalid_utf8.front().offset));
      return std::nullopt;
    }
    diagnostics.push_back(
        make_warning(path,
                     "invalid UTF-8 (" + std::to_string(doc.invalid_utf8.size()) +
                         " sequence(s) in all); shown as U+FFFD, offsets unchanged",
                     doc.invalid_utf8.front().offset));
  }
  doc.meta.title = derive_title(utf8::DisplayText(bytes).text());
  doc.path = std::move(path);
  doc.bytes = std::move(bytes);
  return doc;
}

}  // namespace dramatis
