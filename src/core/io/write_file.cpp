#include "core/io/write_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

namespace dramatis {

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) {
    error = target.parent_path().string() + ": cannot create the folder (" + ec.message() + ")";
    return false;
  }
  const std::string temp = path + ".tmp";
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) {
    error = temp + ": cannot write (" + std::strerror(errno) + ")";
    return false;
  }
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  ok = std::fflush(file) == 0 && ok;
#if defined(__unix__) || defined(__APPLE__)
  // On disk before the rename, or a power cut could leave the new name with no bytes.
  ok = ::fsync(fileno(file)) == 0 && ok;
#endif
  ok = std::fclose(file) == 0 && ok;
  if (!ok) {
    error = temp + ": writing failed (" + std::strerror(errno) + ")";
    std::remove(temp.c_str());
    return false;
  }
  fs::rename(temp, target, ec);
  if (ec) {
    error = path + ": cannot replace the file (" + ec.message() + ")";
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace dramatis
