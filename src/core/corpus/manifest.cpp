#include "core/corpus/manifest.h"

#include <set>

#include "core/io/json_parse.h"
#include "core/io/json_text.h"

namespace dramatis {
namespace {

using nlohmann::json;

bool is_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// A path inside the manifest's folder: relative, no "..", no empty or "." segments games.
bool is_contained_relative_path(std::string_view file) {
  if (file.empty() || file.front() == '/' || file.find('\\') != std::string_view::npos ||
      file.find('\0') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= file.size()) {
    const size_t slash = std::min(file.find('/', start), file.size());
    if (file.substr(start, slash - start) == "..") return false;
    start = slash + 1;
  }
  return true;
}

// Reads an optional string field; reports a wrong type and returns false.
bool read_string(const json& object, const char* key, std::string& out, const std::string& where,
                 const std::string& path, std::vector<Diagnostic>& diagnostics) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) {
    diagnostics.push_back(
        make_error(path, where + "." + key + ": expected a string, found " + it->type_name()));
    return false;
  }
  out = it->get<std::string>();
  return true;
}

const std::set<std::string_view> kEntryKeys = {"id",  "file", "title",   "source",
                                               "url", "date", "language"};

}  // namespace

bool is_iso_date(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  if (!is_digits(text.substr(0, 4))) return false;
  if (text.size() == 4) return true;
  if (text[4] != '-' || !is_digits(text.substr(5, 2))) return false;
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  if (month < 1 || month > 12) return false;
  if (text.size() == 7) return true;
  if (text[7] != '-' || !is_digits(text.substr(8, 2))) return false;
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int max_day = month == 2 && !leap ? 28 : kDays[month - 1];
  return day >= 1 && day <= max_day;
}

std::optional<Manifest> parse_manifest(std::string_view json_text, const std::string& path,
                                       std::vector<Diagnostic>& diagnostics) {
  std::optional<json> root = parse_json(json_text, path, diagnostics);
  if (!root) return std::nullopt;
  if (!root->is_object()) {
    diagnostics.push_back(make_error(
        path, std::string("the manifest must be a JSON object, found ") + root->type_name()));
    return std::nullopt;
  }
  Manifest manifest;
  if (auto schema = root->find("schema"); schema != root->end()) {
    if (!schema->is_string() || schema->get<std::string>() != "dramatis.corpus/1") {
      diagnostics.push_back(make_error(
          path, "schema: expected \"dramatis.corpus/1\", found " + json_preview(*schema)));
      return std::nullopt;
    }
  }
  read_string(*root, "name", manifest.name, "(manifest)", path, diagnostics);
  auto docs = root->find("documents");
  if (docs == root->end() || !docs->is_array()) {
    diagnostics.push_back(make_error(path, "documents: expected an array of document entries"));
    return std::nullopt;
  }

  std::set<std::string> seen_ids;
  for (size_t i = 0; i < docs->size(); ++i) {
    const json& item = (*docs)[i];
    const std::string where = "documents[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      diagnostics.push_back(
          make_error(path, where + ": expected an object, found " + std::string(item.type_name())));
      continue;
    }
    for (const auto& [key, value] : item.items()) {
      if (!kEntryKeys.count(key))
        diagnostics.push_back(make_warning(path, where + "." + key + ": unknown field, ignored"));
    }
    ManifestEntry entry;
    bool ok = true;
    ok &= read_string(item, "file", entry.file, where, path, diagnostics);
    ok &= read_string(item, "id", entry.meta.id, where, path, diagnostics);
    ok &= read_string(item, "title", entry.meta.title, where, path, diagnostics);
    ok &= read_string(item, "source", entry.meta.source, where, path, diagnostics);
    ok &= read_string(item, "url", entry.meta.url, where, path, diagnostics);
    ok &= read_string(item, "date", entry.meta.date, where, path, diagnostics);
    ok &= read_string(item, "language", entry.meta.language, where, path, diagnostics);
    if (!ok) continue;
    if (entry.file.empty()) {
      diagnostics.push_back(
          make_error(path, where + ".file: missing; each document names its file"));
      continue;
    }
    if (!is_contained_relative_path(entry.file)) {
      diagnostics.push_back(make_error(
          path, where + ".file: \"" + entry.file +
                    "\" must be a relative path inside the manifest's folder (no \"..\")"));
      continue;
    }
    if (!entry.meta.date.empty() && !is_iso_date(entry.meta.date)) {
      diagnostics.push_back(make_error(
          path, where + ".date: \"" + entry.meta.date + "\" is not YYYY, YYYY-MM or YYYY-MM-DD"));
      continue;
    }
    if (!entry.meta.id.empty() && !seen_ids.insert(entry.meta.id).second) {
      diagnostics.push_back(
          make_error(path, where + ".id: \"" + entry.meta.id + "\" is used twice"));
      continue;
    }
    manifest.entries.push_back(std::move(entry));
  }
  return manifest;
}

}  // namespace dramatis
