#include "core/corpus/corpus_loader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/corpus/builtin_corpus.h"
#include "core/corpus/document_check.h"
#include "core/corpus/manifest.h"
#include "core/io/read_file.h"
#include "core/text/html_text.h"

namespace dramatis {
namespace fs = std::filesystem;
namespace {

constexpr const char* kManifestName = "manifest.json";

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_text_extension(const fs::path& path) {
  const std::string ext = lower_extension(path);
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text" || ext == ".html" ||
         ext == ".htm";
}

bool is_manifest_extension(const fs::path& path) {
  return lower_extension(path) == ".json";
}

std::string join_path(const std::string& base, const std::string& relative) {
  if (base.empty() || base == ".") return relative;
  return base.back() == '/' ? base + relative : base + "/" + relative;
}

void leave_out(const std::string& path, Corpus& corpus) {
  if (corpus.left_out++ == 0) corpus.first_left_out = path;
}

// `folder` with every symbolic link resolved, or nothing when it does not resolve. Worked out once
// per load, for resolves_inside.
std::optional<fs::path> canonical_folder(const fs::path& folder) {
  std::error_code ec;
  fs::path real_folder = fs::canonical(folder.empty() ? fs::path(".") : folder, ec);
  if (ec) return std::nullopt;
  return real_folder;
}

// Whether `file` (a path under the folder that canonical_folder resolved to `real_folder`), with
// every symbolic link resolved, still lies inside that folder. A corpus from a stranger may hold
// links that point at the user's own files; those are not read. A file that does not resolve, or
// a folder that did not, counts as inside: reading the file then fails with its own message.
bool resolves_inside(const fs::path& file, const std::optional<fs::path>& real_folder) {
  std::error_code ec;
  const fs::path real_file = fs::canonical(file, ec);
  if (ec || !real_folder) return true;
  const auto [folder_end, file_at] =
      std::mismatch(real_folder->begin(), real_folder->end(), real_file.begin(), real_file.end());
  return folder_end == real_folder->end();
}

constexpr const char* kOutsideFolder =
    "is a link to a file outside the corpus folder, which is not read";

void load_manifest_file(const std::string& path, Corpus& corpus) {
  std::string error;
  std::optional<std::string> text = read_file_bytes(path, error, kDocumentReadBytes);
  if (!text) {
    corpus.diagnostics.push_back(make_error(path, error));
    return;
  }
  if (text->size() > kMaxDocumentBytes) {
    corpus.diagnostics.push_back(make_error(
        path, "a manifest larger than " + format_byte_size(kMaxDocumentBytes) +
                  " is not read (it would list far more documents than a corpus holds)"));
    return;
  }
  const std::string base = fs::path(path).parent_path().generic_string();
  const std::optional<fs::path> real_base = canonical_folder(base);
  load_manifest_text(
      path, *text, base,
      [&](const std::string& relative, std::string& read_error) -> std::optional<std::string> {
        const std::string file = join_path(base, relative);
        if (!resolves_inside(file, real_base)) {
          read_error = kOutsideFolder;
          return std::nullopt;
        }
        return read_file_bytes(file, read_error, kDocumentReadBytes);
      },
      corpus);
}

void load_folder(const std::string& path, Corpus& corpus) {
  std::error_code ec;
  const fs::path manifest = fs::path(path) / kManifestName;
  if (fs::is_regular_file(manifest, ec)) {
    load_manifest_file(manifest.generic_string(), corpus);
    return;
  }
  // Symbolic links to folders are not followed, so a link loop cannot trap the walk.
  std::vector<std::string> files;
  size_t skipped = 0;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    corpus.diagnostics.push_back(make_error(path, "cannot read folder: " + ec.message()));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      corpus.diagnostics.push_back(make_error(path, "cannot read folder: " + ec.message()));
      break;
    }
    const fs::path& entry = it->path();
    const bool hidden = entry.filename().string().starts_with(".");
    if (it->is_directory(ec)) {
      if (hidden) it.disable_recursion_pending();
      continue;
    }
    if (hidden) continue;
    if (it->is_symlink(ec) && !fs::exists(it->status(ec))) {
      // A loop (a.txt -> b.txt -> a.txt) or a missing target: say so, not "skipped".
      corpus.diagnostics.push_back(
          make_warning(entry.generic_string(),
                       "a link that leads nowhere (a loop or a missing file); not read"));
      continue;
    }
    if (it->is_regular_file(ec) && is_text_extension(entry)) {
      files.push_back(entry.generic_string());
    } else {
      ++skipped;
    }
  }
  std::sort(files.begin(), files.end());
  const std::optional<fs::path> real_folder = canonical_folder(path);
  if (skipped > 0) {
    corpus.diagnostics.push_back(make_warning(
        path, std::to_string(skipped) + " file(s) skipped: only .txt and .md files are read"));
  }
  if (files.empty()) {
    corpus.diagnostics.push_back(make_error(path, "no .txt or .md files in this folder"));
  }
  for (const std::string& file : files) {
    if (corpus.full()) {  // not read at all: it could not be added
      leave_out(file, corpus);
      continue;
    }
    if (!resolves_inside(file, real_folder)) {
      corpus.diagnostics.push_back(make_error(file, kOutsideFolder));
      continue;
    }
    std::string error;
    if (std::optional<std::string> bytes = read_file_bytes(file, error, kDocumentReadBytes)) {
      add_document_bytes(file, std::move(*bytes), corpus);
    } else {
      corpus.diagnostics.push_back(make_error(file, error));
    }
  }
}

}  // namespace

// Gives "d<n>" ids to documents that have none, never reusing an id already taken.
void assign_missing_ids(Corpus& corpus) {
  std::set<std::string> taken;
  for (const Document& doc : corpus.documents) {
    if (!doc.meta.id.empty()) taken.insert(doc.meta.id);
  }
  size_t next = 0;
  for (size_t i = 0; i < corpus.documents.size(); ++i) {
    Document& doc = corpus.documents[i];
    if (!doc.meta.id.empty()) continue;
    std::string id = "d" + std::to_string(i);
    while (taken.count(id)) id = "d" + std::to_string(corpus.documents.size() + next++);
    taken.insert(id);
    doc.meta.id = id;
  }
}

void add_document_bytes(const std::string& path, std::string bytes, Corpus& corpus) {
  if (is_html_path(path)) bytes = html_to_text(bytes);  // the document is the page's text
  if (std::optional<Document> doc = check_document(path, std::move(bytes), corpus.diagnostics)) {
    if (doc->meta.title.empty()) doc->meta.title = fs::path(path).stem().string();
    add_to_corpus(std::move(*doc), corpus);
  }
}

void add_to_corpus(Document doc, Corpus& corpus) {
  if (corpus.full() || corpus.text_bytes + doc.bytes.size() > kMaxCorpusBytes) {
    leave_out(doc.path, corpus);
    return;
  }
  corpus.text_bytes += doc.bytes.size();
  corpus.documents.push_back(std::move(doc));
}

void report_left_out(Corpus& corpus) {
  if (corpus.left_out == 0) return;
  corpus.diagnostics.push_back(make_warning(
      corpus.first_left_out, "this and " + std::to_string(corpus.left_out - 1) +
                                 " more document(s) were not loaded: a corpus holds at most " +
                                 std::to_string(kMaxDocuments) + " documents and " +
                                 format_byte_size(kMaxCorpusBytes) +
                                 " of text (docs/security.md, \"Limits\")"));
  corpus.left_out = 0;
  corpus.first_left_out.clear();
}

void load_manifest_text(const std::string& manifest_path, std::string_view manifest_text,
                        const std::string& base_path, const ReadRelative& read, Corpus& corpus) {
  std::optional<Manifest> manifest =
      parse_manifest(manifest_text, manifest_path, corpus.diagnostics);
  if (!manifest) return;
  if (corpus.name.empty()) corpus.name = manifest->name;
  for (ManifestEntry& entry : manifest->entries) {
    const std::string path = join_path(base_path, entry.file);
    if (corpus.full()) {  // not read at all: it could not be added
      leave_out(path, corpus);
      continue;
    }
    std::string error;
    std::optional<std::string> bytes = read(entry.file, error);
    if (!bytes) {
      corpus.diagnostics.push_back(make_error(path, error + " (listed in " + manifest_path + ")"));
      continue;
    }
    std::optional<Document> doc = check_document(path, std::move(*bytes), corpus.diagnostics);
    if (!doc) continue;
    if (!entry.meta.id.empty() && corpus.find(entry.meta.id)) {
      corpus.diagnostics.push_back(make_error(
          manifest_path, "id \"" + entry.meta.id + "\" is already used by another document"));
      continue;
    }
    const std::string derived_title = std::move(doc->meta.title);
    doc->meta = std::move(entry.meta);
    if (doc->meta.title.empty()) doc->meta.title = derived_title;
    add_to_corpus(std::move(*doc), corpus);
  }
  report_left_out(corpus);
  assign_missing_ids(corpus);
}

Corpus load_builtin_corpus() {
  Corpus corpus;
  const auto files = builtin_corpus_files();
  const EmbeddedFile* manifest = find_embedded(files, kManifestName);
  // The manifest is compiled in; its absence is a build error, not a user error.
  if (manifest == nullptr) {
    corpus.diagnostics.push_back(make_error("corpus/manifest.json", "not embedded in this build"));
    return corpus;
  }
  load_manifest_text(
      "corpus/manifest.json", manifest->bytes, "corpus",
      [&](const std::string& relative, std::string& error) -> std::optional<std::string> {
        if (const EmbeddedFile* file = find_embedded(files, relative))
          return std::string(file->bytes);
        error = "not embedded in this build";
        return std::nullopt;
      },
      corpus);
  return corpus;
}

Corpus load_paths(const std::vector<std::string>& paths) {
  Corpus corpus;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {  // e.g. a symbolic link loop
      corpus.diagnostics.push_back(make_error(path, "cannot read: " + ec.message()));
    } else if (ec || !fs::exists(status)) {
      corpus.diagnostics.push_back(make_error(path, "no such file or folder"));
    } else if (fs::is_directory(status)) {
      load_folder(path, corpus);
    } else if (is_manifest_extension(fs::path(path))) {
      load_manifest_file(path, corpus);
    } else {
      std::string error;
      if (std::optional<std::string> bytes = read_file_bytes(path, error, kDocumentReadBytes)) {
        add_document_bytes(path, std::move(*bytes), corpus);
      } else {
        corpus.diagnostics.push_back(make_error(path, error));
      }
    }
  }
  report_left_out(corpus);
  assign_missing_ids(corpus);
  if (corpus.name.empty() && paths.size() == 1)
    corpus.name = fs::path(paths[0]).filename().string();
  return corpus;
}

}  // namespace dramatis
