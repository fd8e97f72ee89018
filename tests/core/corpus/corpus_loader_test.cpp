// Loading corpora: the built-in one, folders (with or without manifest.json), manifests and single
// files, on real files in a temporary folder (src/core/corpus/corpus_loader.cpp).
#include "core/corpus/corpus_loader.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace dramatis;
namespace fs = std::filesystem;

namespace {

// Openings of the built-in articles, used as file contents.
const std::string kBlog =
    "Soumith Chintala\n\n2025-11-19 Soumith Chintala leaves Meta AI for Thinking Machines Lab, "
    "Mira Murati's AI startup.\n";
const std::string kGigazine =
    "Inventor of PyTorch, a key platform for AI development, leaves Meta\n\n\n\nSoumith "
    "Chintala, the inventor of PyTorch, has announced that he has left Meta.\n";
const std::string kInfoq =
    "# November 7, 2025 \xE2\x80\x93 Zhejiang\n## Soumith Chintala Steps Down from PyTorch "
    "Leadership\nOn **November 6, 2025**, PyTorch co\xE2\x80\x91"
    "founder **Soumith Chintala** "
    "announced he will step down.\n";
const std::string kLeader =
    "PyTorch Leader Soumith Chintala Steps Down: AI Industry Faces Key Transition\nAccording to "
    "Soumith Chintala (@soumithchintala), he is stepping down as leader of PyTorch.\n";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh folder under the system's temporary folder, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    const fs::path base = fs::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
      const fs::path candidate =
          base / ("dramatis_loader_test_" + std::to_string(random()) + std::to_string(attempt));
      std::error_code ec;
      if (fs::create_directory(candidate, ec)) {
        root_ = candidate;
        return;
      }
    }
    FAIL("cannot create a temporary folder under " << base);
  }
  ~TempDir() {
    std::error_code ec;
    if (!root_.empty()) fs::remove_all(root_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The path of `relative` inside the folder, '/'-separated (the form the loader reports).
  std::string path(const std::string& relative = "") const {
    return relative.empty() ? root_.generic_string() : (root_ / relative).generic_string();
  }

  // Writes `bytes` to `relative`, creating its folders; returns its path.
  std::string write(const std::string& relative, const std::string& bytes) const {
    const fs::path file = root_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE_MESSAGE(out.good(), "cannot write " << file);
    return file.generic_string();
  }

 private:
  fs::path root_;
};

std::vector<std::string> paths_of(const Corpus& corpus) {
  std::vector<std::string> paths;
  for (const Document& doc : corpus.documents) paths.push_back(doc.path);
  return paths;
}

std::vector<std::string> ids_of(const Corpus& corpus) {
  std::vector<std::string> ids;
  for (const Document& doc : corpus.documents) ids.push_back(doc.meta.id);
  return ids;
}

bool ids_unique(const Corpus& corpus) {
  const std::vector<std::string> ids = ids_of(corpus);
  const std::set<std::string> unique(ids.begin(), ids.end());
  return unique.size() == ids.size() && !unique.count("");
}

// Diagnostics about `file` (exact match on Diagnostic::file).
std::vector<Diagnostic> diagnostics_for(const Corpus& corpus, const std::string& file) {
  std::vector<Diagnostic> found;
  for (const Diagnostic& d : corpus.diagnostics) {
    if (d.file == file) found.push_back(d);
  }
  return found;
}

}  // namespace

TEST_CASE("load_builtin_corpus gives the five articles byte for byte") {
  const Corpus corpus = load_builtin_corpus();
  CHECK(corpus.diagnostics.empty());
  CHECK(corpus.name == "Soumith Chintala leaves Meta for Thinking Machines Lab (November 2025)");
  REQUIRE(corpus.documents.size() == 5);
  CHECK(ids_of(corpus) == std::vector<std::string>{"d0", "d1", "d2", "d3", "d4"});
  const std::vector<size_t> sizes = {5702, 3505, 2120, 6955, 4262};
  for (size_t i = 0; i < corpus.documents.size(); ++i) {
    const Document& doc = corpus.documents[i];
    CAPTURE(doc.path);
    CHECK_FALSE(doc.meta.title.empty());
    CHECK(doc.meta.language == "en");
    CHECK(doc.path.starts_with("corpus/"));
    CHECK(doc.invalid_utf8.empty());
    CHECK(doc.bytes.size() == sizes[i]);
    CHECK(doc.bytes == read_bytes(fs::path(DRAMATIS_SOURCE_DIR) / doc.path));
  }
  CHECK(corpus.documents[0].meta.title ==
        "Soumith Chintala departs Meta and joins Mira Murati\xE2\x80\x99s Thinking Machines Lab");
  CHECK(corpus.documents[1].meta.date == "2025-11-19");
  CHECK(corpus.documents[1].meta.source == "Artificial Intelligence Blog");
  CHECK(corpus.documents[3].meta.date == "2025-11-07");
  CHECK(corpus.documents[3].meta.source == "InfoQ");
  CHECK(corpus.documents[3].meta.url == "https://qdrl.qq.com/kJkqm8st");
  REQUIRE(corpus.find("d2") != nullptr);
  CHECK(corpus.find("d2")->path == "corpus/002_a2d995588245c49e.txt");
  CHECK(corpus.find("d5") == nullptr);
}

TEST_CASE("load_paths reads every .txt and .md file under a folder, sorted") {
  TempDir dir;
  dir.write("02_infoq.md", kInfoq);
  dir.write("01_gigazine.txt", kGigazine);
  dir.write("03_LEADER.TXT", kLeader);
  dir.write("sub/deeper/04_blog.txt", kBlog);
  dir.write("photo.png", "\x89PNG\r\n\x1A\n");
  dir.write("sub/notes.pdf", "%PDF-1.7\n");
  dir.write(".draft.txt", "Soumith Chintala (draft)\n");
  dir.write(".git/HEAD.txt", "ref: refs/heads/main\n");

  const Corpus corpus = load_paths({dir.path()});
  CHECK(paths_of(corpus) ==
        std::vector<std::string>{dir.path("01_gigazine.txt"), dir.path("02_infoq.md"),
                                 dir.path("03_LEADER.TXT"), dir.path("sub/deeper/04_blog.txt")});
  CHECK(ids_of(corpus) == std::vector<std::string>{"d0", "d1", "d2", "d3"});
  REQUIRE(corpus.documents.size() == 4);
  CHECK(corpus.documents[0].meta.title ==
        "Inventor of PyTorch, a key platform for AI development, leaves Meta");
  CHECK(corpus.documents[1].meta.title == "November 7, 2025 \xE2\x80\x93 Zhejiang");
  CHECK(corpus.documents[3].meta.title == "Soumith Chintala");
  CHECK(corpus.documents[1].bytes == kInfoq);
  CHECK(corpus.name == fs::path(dir.path()).filename().string());

  // The two non-text files are counted in one warning; hidden files are not mentioned.
  REQUIRE(corpus.diagnostics.size() == 1);
  CHECK(corpus.diagnostics[0].severity == Severity::Warning);
  CHECK(corpus.diagnostics[0].file == dir.path());
  CHECK(contains(corpus.diagnostics[0].message, "2 file(s) skipped"));
}

TEST_CASE("load_paths does not follow folder links, so a link loop cannot trap it") {
  TempDir dir;
  dir.write("01_gigazine.txt", kGigazine);
  dir.write("sub/02_blog.txt", kBlog);
  fs::create_directory_symlink("..", dir.path("sub/up"));  // sub/up/sub/up/... forever
  fs::create_directory_symlink(".", dir.path("self"));
  REQUIRE(fs::is_directory(dir.path("sub/up/sub/up/sub")));

  // A loader that followed the links would walk sub/up/self/sub/up/... for hours; it cannot be
  // stopped from here, so a time-out ends the whole test program rather than hang ctest.
  auto pending = std::async(std::launch::async, [&dir] { return load_paths({dir.path()}); });
  if (pending.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
    std::cerr << "FAILED: load_paths still walking a folder link loop after 60 s\n";
    std::_Exit(1);
  }
  const Corpus corpus = pending.get();
  CHECK(paths_of(corpus) ==
        std::vector<std::string>{dir.path("01_gigazine.txt"), dir.path("sub/02_blog.txt")});
  CHECK_FALSE(has_errors(corpus.diagnostics));
}

TEST_CASE("load_paths uses a folder's manifest.json when it has one") {
  TempDir dir;
  dir.write("a_blog.txt", kBlog);
  dir.write("b_infoq.txt", kInfoq);
  dir.write("not_listed.txt", kLeader);
  dir.write("manifest.json", R"({
    "schema": "dramatis.corpus/1",
    "name": "Chintala leaves Meta",
    "documents": [
      {"id": "infoq", "file": "b_infoq.txt", "source": "InfoQ", "date": "2025-11-07",
       "title": "Soumith Chintala Steps Down from PyTorch Leadership"},
      {"file": "a_blog.txt", "source": "Artificial Intelligence Blog"}
    ]})");

  const Corpus corpus = load_paths({dir.path()});
  CHECK(corpus.diagnostics.empty());
  CHECK(corpus.name == "Chintala leaves Meta");
  CHECK(paths_of(corpus) ==
        std::vector<std::string>{dir.path("b_infoq.txt"), dir.path("a_blog.txt")});
  CHECK(ids_of(corpus) == std::vector<std::string>{"infoq", "d1"});
  REQUIRE(corpus.documents.size() == 2);
  CHECK(corpus.documents[0].meta.title == "Soumith Chintala Steps Down from PyTorch Leadership");
  CHECK(corpus.documents[0].meta.date == "2025-11-07");
  CHECK(corpus.documents[0].bytes == kInfoq);
  CHECK(corpus.documents[1].meta.title == "Soumith Chintala");  // derived from the text
  CHECK(corpus.documents[1].meta.source == "Artificial Intelligence Blog");

  SUBCASE("the manifest given as a file gives the same corpus") {
    const Corpus direct = load_paths({dir.path("manifest.json")});
    CHECK(direct.diagnostics.empty());
    CHECK(paths_of(direct) == paths_of(corpus));
    CHECK(ids_of(direct) == ids_of(corpus));
  }
}

TEST_CASE("load_paths reports a file a manifest lists but cannot read, and loads the others") {
  TempDir dir;
  dir.write("a_gigazine.txt", kGigazine);
  dir.write("c_leader.txt", kLeader);
  dir.write("folder/x.txt", kBlog);
  dir.write("manifest.json", R"({"documents": [
      {"id": "g", "file": "a_gigazine.txt"},
      {"id": "gone", "file": "b_missing.txt"},
      {"id": "dir", "file": "folder"},
      {"id": "l", "file": "c_leader.txt"}]})");

  const Corpus corpus = load_paths({dir.path()});
  CHECK(ids_of(corpus) == std::vector<std::string>{"g", "l"});
  const std::vector<Diagnostic> missing = diagnostics_for(corpus, dir.path("b_missing.txt"));
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].severity == Severity::Error);
  CHECK(contains(missing[0].message, "listed in " + dir.path("manifest.json")));
  CHECK(contains(missing[0].format(), dir.path("b_missing.txt") + ": error: "));
  const std::vector<Diagnostic> folder = diagnostics_for(corpus, dir.path("folder"));
  REQUIRE(folder.size() == 1);
  CHECK(contains(folder[0].message, "is a folder"));
  CHECK(corpus.diagnostics.size() == 2);
}

TEST_CASE("load_paths loads single files as given") {
  TempDir dir;
  const std::string infoq = dir.write("infoq.md", kInfoq);
  const std::string leader = dir.write("leader.txt", kLeader);

  SUBCASE("two files, in the order given") {
    const Corpus corpus = load_paths({leader, infoq});
    CHECK(corpus.diagnostics.empty());
    CHECK(paths_of(corpus) == std::vector<std::string>{leader, infoq});
    CHECK(ids_of(corpus) == std::vector<std::string>{"d0", "d1"});
    REQUIRE(corpus.documents.size() == 2);
    CHECK(corpus.documents[0].meta.title ==
          "PyTorch Leader Soumith Chintala Steps Down: AI Industry Faces Key Transition");
    CHECK(corpus.documents[1].bytes == kInfoq);
  }
  SUBCASE("one file names the corpus") {
    const Corpus corpus = load_paths({leader});
    REQUIRE(corpus.documents.size() == 1);
    CHECK(corpus.name == "leader.txt");
  }
  SUBCASE("a file whose text gives no title is named after the file") {
    const std::string blank = dir.write("blank_lines.txt", "\n\n---\n\n");
    const Corpus corpus = load_paths({blank});
    REQUIRE(corpus.documents.size() == 1);
    CHECK(corpus.documents[0].meta.title == "blank_lines");
  }
  SUBCASE("a missing path is reported and the rest still load") {
    const std::string missing = dir.path("no_such_article.txt");
    const Corpus corpus = load_paths({infoq, missing, leader});
    CHECK(paths_of(corpus) == std::vector<std::string>{infoq, leader});
    REQUIRE(corpus.diagnostics.size() == 1);
    CHECK(corpus.diagnostics[0].severity == Severity::Error);
    CHECK(corpus.diagnostics[0].file == missing);
    CHECK(corpus.diagnostics[0].message == "no such file or folder");
  }
}

TEST_CASE("load_paths keeps every good file when some are bad") {
  TempDir dir;
  dir.write("01_gigazine.txt", kGigazine);
  std::string binary = "Soumith";
  binary += '\0';
  const std::string bin_path = dir.write("02_binary.txt", binary);
  const std::string utf16_path = dir.write("03_utf16.txt", std::string("\xFF\xFEP\0y\0", 6));
  dir.write("04_leader.md", kLeader);
  const std::string empty_path = dir.write("05_empty.txt", "");
  dir.write("06_infoq.txt", kInfoq);

  const Corpus corpus = load_paths({dir.path()});
  CHECK(paths_of(corpus) == std::vector<std::string>{dir.path("01_gigazine.txt"),
                                                     dir.path("04_leader.md"), empty_path,
                                                     dir.path("06_infoq.txt")});
  CHECK(ids_of(corpus) == std::vector<std::string>{"d0", "d1", "d2", "d3"});
  REQUIRE(corpus.documents.size() == 4);
  CHECK(corpus.documents[2].meta.title == "05_empty");
  CHECK(corpus.documents[3].bytes == kInfoq);

  const std::vector<Diagnostic> bin = diagnostics_for(corpus, bin_path);
  REQUIRE(bin.size() == 1);
  CHECK(bin[0].severity == Severity::Error);
  CHECK(bin[0].byte_offset == std::optional<size_t>(7));
  const std::vector<Diagnostic> utf16 = diagnostics_for(corpus, utf16_path);
  REQUIRE(utf16.size() == 1);
  CHECK(contains(utf16[0].message, "UTF-16"));
  const std::vector<Diagnostic> empty = diagnostics_for(corpus, empty_path);
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].severity == Severity::Warning);
  CHECK(corpus.diagnostics.size() == 3);
}

TEST_CASE("load_paths reports a folder with no text files") {
  TempDir dir;
  dir.write("photo.jpg", "\xFF\xD8\xFF\xE0");
  const Corpus corpus = load_paths({dir.path()});
  CHECK(corpus.documents.empty());
  CHECK(has_errors(corpus.diagnostics));
  bool named = false;
  for (const Diagnostic& d : corpus.diagnostics) {
    named |= d.severity == Severity::Error && d.file == dir.path() &&
             contains(d.message, "no .txt or .md files");
  }
  CHECK(named);
}

TEST_CASE("load_paths keeps ids unique across files and manifests") {
  TempDir dir;
  const std::string loose = dir.write("loose.txt", kLeader);
  dir.write("one/a.txt", kGigazine);
  dir.write("one/b.txt", kBlog);
  dir.write("one/manifest.json",
            R"({"documents": [{"id": "d0", "file": "a.txt"}, {"id": "d1", "file": "b.txt"}]})");
  dir.write("two/c.txt", kInfoq);
  dir.write("two/manifest.json", R"({"documents": [{"id": "d1", "file": "c.txt"}]})");

  const Corpus corpus = load_paths({loose, dir.path("one"), dir.path("two")});
  CHECK(paths_of(corpus) ==
        std::vector<std::string>{loose, dir.path("one/a.txt"), dir.path("one/b.txt")});
  CHECK(ids_unique(corpus));
  REQUIRE(corpus.documents.size() == 3);
  CHECK(corpus.documents[1].meta.id == "d0");  // a manifest's ids are kept
  CHECK(corpus.documents[2].meta.id == "d1");
  // The second manifest's "d1" is taken: that document is reported, not renamed.
  const std::vector<Diagnostic> clash = diagnostics_for(corpus, dir.path("two/manifest.json"));
  REQUIRE(clash.size() == 1);
  CHECK(contains(clash[0].message, "\"d1\" is already used"));
}
