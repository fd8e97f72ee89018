#include "core/io/write_file.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <unistd.h>
#define DRAMATIS_POSIX_WRITE 1
#endif

namespace dramatis {
namespace {

// Numbers the temporary files this process makes, so two saves in flight (two threads, or two
// instances with the pid) never write to the same one.
std::atomic<unsigned> temp_counter{0};

#ifdef DRAMATIS_POSIX_WRITE

// Creates a new temporary file beside `path`, named `path`.tmp.<pid>.<n>, and opens it for
// writing. O_EXCL makes the creation fail on any existing name, a planted symlink included (and
// O_NOFOLLOW says so twice), so the bytes can never land in a file someone else chose; a name
// that is taken is skipped. The mode is 0666 less the umask, as fopen gives, because the file
// becomes the saved one (an export is meant to be read by others); only we can have created it.
int create_temp(const std::string& path, std::string& temp) {
  constexpr int kTries = 100;
  for (int i = 0; i < kTries; ++i) {
    temp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(temp_counter++);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

// All of `bytes`, through short writes and interrupted calls.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) {  // No progress and no error: report it rather than spin.
      errno = EIO;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

#endif

// Temporary files of this path that a killed save left behind: removed once they are older
// than any save could take, so another instance's save in progress is never touched.
void remove_stale_temps(const std::filesystem::path& target) {
  namespace fs = std::filesystem;
  constexpr auto kStale = std::chrono::minutes(10);
  std::error_code ec;
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = target.filename().string() + ".tmp";
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix) || !it->is_regular_file(ec)) continue;
    const auto written = it->last_write_time(ec);
    if (!ec && now - written > kStale) fs::remove(it->path(), ec);
  }
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) {
    error = target.parent_path().string() + ": cannot create the folder (" + ec.message() + ")";
    return false;
  }
  std::string temp;
#ifdef DRAMATIS_POSIX_WRITE
  const int fd = create_temp(path, temp);
  if (fd < 0) {
    error = temp + ": cannot write (" + std::strerror(errno) + ")";
    return false;
  }
  // On disk (fsync) before the rename, or a power cut could leave the new name with no bytes.
  // The first failure's errno is the one reported.
  int failure = 0;
  if (!write_all(fd, bytes)) {
    failure = errno;
  } else if (::fsync(fd) != 0) {
    failure = errno;
  }
  if (::close(fd) != 0 && failure == 0) failure = errno;
  if (failure != 0) {
    error = temp + ": writing failed (" + std::strerror(failure) + ")";
    ::unlink(temp.c_str());
    return false;
  }
#else
  // Without POSIX calls: a name of our own still keeps two saves apart, but the open follows
  // links (Windows needs privileges to make one).
  temp = path + ".tmp." + std::to_string(temp_counter++);
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) {
    error = temp + ": cannot write (" + std::strerror(errno) + ")";
    return false;
  }
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  ok = std::fflush(file) == 0 && ok;
  ok = std::fclose(file) == 0 && ok;
  if (!ok) {
    error = temp + ": writing failed (" + std::strerror(errno) + ")";
    std::remove(temp.c_str());
    return false;
  }
#endif
  // rename replaces a link at `path` itself rather than writing through it.
  fs::rename(temp, target, ec);
  if (ec) {
    error = path + ": cannot replace the file (" + ec.message() + ")";
    std::remove(temp.c_str());
    return false;
  }
  remove_stale_temps(target);
  return true;
}

}  // namespace dramatis
