// Diagnostics: what went wrong (or looks odd) in the user's input, naming the file and, where it
// helps, the byte offset. Core code reports problems this way instead of throwing, so one bad
// file never loses the others (DESIGN.md, "errors by layer").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace dramatis {

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;                   // path as the user gave it, or the embedded path
  std::optional<size_t> byte_offset;  // into the file's original bytes, when one applies
  std::string message;

  // "FILE: error at byte N: MESSAGE" (or "warning"), the form printed on stderr and in the UI.
  std::string format() const;
};

Diagnostic make_error(std::string file, std::string message,
                      std::optional<size_t> byte_offset = std::nullopt);
Diagnostic make_warning(std::string file, std::string message,
                        std::optional<size_t> byte_offset = std::nullopt);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace dramatis
