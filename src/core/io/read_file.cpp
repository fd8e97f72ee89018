#include "core/io/read_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
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
  // Up to max_bytes, in chunks appended to a string sized from the file's length where it is
  // known, so each document costs its own size (a fixed-size read buffer per file would cost a
  // megabyte for each of 100,000 tiny files).
  std::string bytes;
  std::error_code size_ec;
  const std::uintmax_t size = std::filesystem::file_size(path, size_ec);
  if (!size_ec) bytes.reserve(static_cast<size_t>(std::min<std::uintmax_t>(size, max_bytes)));
  char chunk[64 * 1024];
  while (bytes.size() < max_bytes) {
    in.read(chunk, static_cast<std::streamsize>(std::min(sizeof chunk, max_bytes - bytes.size())));
    const auto got = static_cast<size_t>(in.gcount());
    if (got == 0) break;
    bytes.append(chunk, got);
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace dramatis
