#include "core/io/read_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace dramatis {

std::optional<std::string> read_file_bytes(const std::string& path, std::string& error,
                                           size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "is a folder, not a file";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = errno == ENOENT ? std::string("no such file")
                            : std::string("cannot open: ") + std::strerror(errno);
    return std::nullopt;
  }
  // In chunks, up to max_bytes: a short file never costs max_bytes of memory.
  constexpr size_t kChunk = 1 << 20;
  std::string bytes;
  while (bytes.size() < max_bytes && in) {
    const size_t old = bytes.size();
    bytes.resize(old + std::min(kChunk, max_bytes - old));
    in.read(bytes.data() + old, static_cast<std::streamsize>(bytes.size() - old));
    bytes.resize(old + static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace dramatis
