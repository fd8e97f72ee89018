// Atomic file writes (src/core/io/write_file.cpp): new folders, replacement, no temp file left,
// a clear error naming the path when the place cannot be written, and links planted beside the
// target never followed into another file.
#include "core/io/write_file.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

using namespace dramatis;

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The files in `dir` whose names start with `prefix`.
int count_starting_with(const std::filesystem::path& dir, const std::string& prefix) {
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    n += entry.path().filename().string().rfind(prefix, 0) == 0 ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("write_file_atomically creates folders, replaces the old bytes and leaves no temp") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "dramatis-write-test" / "a" / "b";
  fs::remove_all(dir.parent_path().parent_path());
  const std::string path = (dir / "edits.json").string();
  std::string error;
  REQUIRE(write_file_atomically(path, "first", error));
  CHECK(slurp(path) == "first");
  REQUIRE(write_file_atomically(path, "second, longer", error));
  CHECK(slurp(path) == "second, longer");
  CHECK_FALSE(fs::exists(path + ".tmp"));
  CHECK(count_starting_with(dir, "edits.json.tmp") == 0);
  fs::remove_all(dir.parent_path().parent_path());
}

TEST_CASE("write_file_atomically names the path when it cannot write") {
  std::string error;
  CHECK_FALSE(write_file_atomically("/proc/dramatis-no/such/place.json", "x", error));
  CHECK(error.find("/proc/dramatis-no") != std::string::npos);
}

#if defined(__unix__) || defined(__APPLE__)
TEST_CASE("write_file_atomically never writes through a link planted at a temporary name") {
  namespace fs = std::filesystem;
  const fs::path root =
      fs::temp_directory_path() / ("dramatis-link-test-" + std::to_string(getpid()));
  fs::remove_all(root);
  const fs::path dir = root / "edits";
  const fs::path elsewhere = root / "elsewhere";
  fs::create_directories(dir);
  fs::create_directories(elsewhere);
  const fs::path victim = elsewhere / "victim.txt";
  std::ofstream(victim, std::ios::binary) << "the victim's bytes";
  const std::string path = (dir / "edits.json").string();

  // An attacker who can write the folder plants links where a save's temporary file used to go
  // (the old fixed name) and at the first names of this process's pattern, all pointing at a
  // file in another folder.
  fs::create_symlink(victim, path + ".tmp");
  for (int n = 0; n < 64; ++n)
    fs::create_symlink(victim, path + ".tmp." + std::to_string(getpid()) + "." + std::to_string(n));

  std::string error;
  REQUIRE_MESSAGE(write_file_atomically(path, "saved", error), error);
  CHECK(slurp(path) == "saved");
  CHECK_FALSE(fs::is_symlink(path));
  CHECK(slurp(victim) == "the victim's bytes");
  CHECK(count_starting_with(elsewhere, "") == 1);  // nothing new beside the victim either
  // The planted links are left as they were, and no temporary file of ours is left.
  CHECK(fs::is_symlink(path + ".tmp"));
  CHECK(count_starting_with(dir, "edits.json.tmp") == 1 + 64);

  // A link at the target itself is replaced, not written through.
  const std::string linked = (dir / "linked.json").string();
  fs::create_symlink(victim, linked);
  REQUIRE_MESSAGE(write_file_atomically(linked, "new", error), error);
  CHECK_FALSE(fs::is_symlink(linked));
  CHECK(slurp(linked) == "new");
  CHECK(slurp(victim) == "the victim's bytes");
  CHECK(count_starting_with(dir, "linked.json.tmp") == 0);
  fs::remove_all(root);
}

TEST_CASE("a failed write removes its temporary file and keeps the old one") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("dramatis-fail-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "target.json");  // a folder: the rename over it fails
  std::string error;
  CHECK_FALSE(write_file_atomically((dir / "target.json").string(), "bytes", error));
  CHECK(error.find("target.json") != std::string::npos);
  CHECK(fs::is_directory(dir / "target.json"));
  CHECK(count_starting_with(dir, "target.json.tmp") == 0);
  fs::remove_all(dir);
}
#endif

TEST_CASE("a save removes temporary files a killed save left long ago, never a fresh one") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("dramatis-stale-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path target = dir / "edits.json";
  const fs::path stale = dir / "edits.json.tmp.1.0";
  const fs::path fresh = dir / "edits.json.tmp.2.0";  // another instance's save in progress
  const fs::path other = dir / "other.json.tmp.1.0";  // another file's: not ours to remove
  for (const fs::path& p : {stale, fresh, other}) std::ofstream(p) << "half a save";
  fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(1));
  fs::last_write_time(other, fs::file_time_type::clock::now() - std::chrono::hours(1));
  std::string error;
  REQUIRE(write_file_atomically(target.string(), "{}", error));
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(fresh));
  CHECK(fs::exists(other));
  fs::remove_all(dir);
}
