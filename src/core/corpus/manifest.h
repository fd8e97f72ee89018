// The corpus manifest (manifest.json): the corpus name and, per document, the file it lives in
// and its metadata. Parsing checks every field and names the wrong one ("documents[2].date:
// ..."); a bad entry is skipped and reported, the good ones are kept.
//
//   { "schema": "dramatis.corpus/1", "name": "...",
//     "documents": [ { "id", "file", "title", "source", "url", "date", "language" } ] }
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/document.h"
#include "core/diagnostic.h"

namespace dramatis {

struct ManifestEntry {
  std::string file;  // relative to the manifest's folder, '/'-separated, never leaving it
  DocumentMeta meta;
};

struct Manifest {
  std::string name;
  std::vector<ManifestEntry> entries;
};

// Returns nullopt when the manifest as a whole is unusable (not JSON, no documents array).
std::optional<Manifest> parse_manifest(std::string_view json_text, const std::string& path,
                                       std::vector<Diagnostic>& diagnostics);

// True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" with a valid month and day.
bool is_iso_date(std::string_view text);

}  // namespace dramatis
