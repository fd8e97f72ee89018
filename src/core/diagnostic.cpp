#include "core/diagnostic.h"

#include <algorithm>

namespace dramatis {

std::string Diagnostic::format() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  out += severity == Severity::Error ? ": error" : ": warning";
  if (byte_offset) out += " at byte " + std::to_string(*byte_offset);
  out += ": ";
  out += message;
  return out;
}

Diagnostic make_error(std::string file, std::string message, std::optional<size_t> byte_offset) {
  return {Severity::Error, std::move(file), byte_offset, std::move(message)};
}

Diagnostic make_warning(std::string file, std::string message, std::optional<size_t> byte_offset) {
  return {Severity::Warning, std::move(file), byte_offset, std::move(message)};
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace dramatis
