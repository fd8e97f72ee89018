// Shared by the fuzz targets. FUZZ_CHECK states a contract the code under test documents in its
// header; unlike assert() it stays on in every build type, and a broken contract aborts, which
// libFuzzer reports and saves like any crash (an artifact under build/fuzz/artifacts).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#define FUZZ_CHECK(condition)                                                               \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)

namespace dramatis::fuzz {

// libFuzzer's input as the text the parsers take.
inline std::string_view bytes_of(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A file reader that serves files from memory, for the targets whose input names other files
// (fuzz_gold, fuzz_manifest): a file's bytes are its own path, and paths starting with "missing"
// cannot be read, so the caller's error paths run too.
inline std::optional<std::string> read_from_memory(const std::string& path, std::string& error) {
  if (path.starts_with("missing")) {
    error = "no such file";
    return std::nullopt;
  }
  return path;
}

}  // namespace dramatis::fuzz
