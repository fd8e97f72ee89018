// Fuzz target: the corpus manifest (corpus/manifest.h parse_manifest, through io/json_parse.h)
// and loading a corpus from it (corpus/corpus_loader.h load_manifest_text), as for a folder's
// manifest.json, a manifest dropped in the browser or a hosted corpus (?corpus=). Input: the
// manifest's text. Listed files are "read" from memory: a file's bytes are its own name, and names
// starting with "missing" cannot be read, so the loader's error paths run too.
//
// Besides "no crash", it checks what manifest.h promises of every entry it keeps: a file inside
// the manifest's folder, a valid ISO date or none, no id used twice; and of the corpus: every
// document has an id of its own.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/corpus/corpus_loader.h"
#include "core/corpus/manifest.h"
#include "fuzz_check.h"

using namespace dramatis;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::bytes_of(data, size);
  const std::string path = "fuzz/manifest.json";

  std::vector<Diagnostic> diagnostics;
  const std::optional<Manifest> manifest = parse_manifest(text, path, diagnostics);
  for (const Diagnostic& d : diagnostics) FUZZ_CHECK(d.file == path);
  if (!manifest) FUZZ_CHECK(!diagnostics.empty());  // an unusable manifest says why
  if (manifest) {
    std::set<std::string> ids;
    for (const ManifestEntry& entry : manifest->entries) {
      const std::string& file = entry.file;
      FUZZ_CHECK(!file.empty() && file.front() != '/');
      FUZZ_CHECK(file.find('\\') == std::string::npos && file.find('\0') == std::string::npos);
      FUZZ_CHECK(file != ".." && !file.starts_with("../") && !file.ends_with("/..") &&
                 file.find("/../") == std::string::npos);
      FUZZ_CHECK(entry.meta.date.empty() || is_iso_date(entry.meta.date));
      if (!entry.meta.id.empty()) FUZZ_CHECK(ids.insert(entry.meta.id).second);
    }
  }

  Corpus corpus;
  load_manifest_text(path, text, "fuzz", fuzz::read_from_memory, corpus);
  std::set<std::string> ids;
  for (const Document& doc : corpus.documents) {
    FUZZ_CHECK(!doc.meta.id.empty() && ids.insert(doc.meta.id).second);
    FUZZ_CHECK(doc.path.starts_with("fuzz/"));
  }
  FUZZ_CHECK(corpus.documents.size() <= (manifest ? manifest->entries.size() : 0));
  return 0;
}
