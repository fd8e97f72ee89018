// Atomic file writes (src/core/io/write_file.cpp): new folders, replacement, no temp file left,
// and a clear error naming the path when the place cannot be written.
#include "core/io/write_file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace dramatis;

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
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
  fs::remove_all(dir.parent_path().parent_path());
}

TEST_CASE("write_file_atomically names the path when it cannot write") {
  std::string error;
  CHECK_FALSE(write_file_atomically("/proc/dramatis-no/such/place.json", "x", error));
  CHECK(error.find("/proc/dramatis-no") != std::string::npos);
}
