// Gold annotations for evaluation ("dramatis.gold/1", docs/quality.md): documents (a file or
// inline text) with entity spans and quote spans, speakers optional. Offsets are UTF-8 byte
// offsets into the document's bytes, half-open. Parsing checks every field and names the bad one
// ("documents[2].quotes[5].end: past the end of the text"); it never throws.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/diagnostic.h"
#include "core/nlp/analysis.h"

namespace dramatis::eval {

struct GoldEntity {
  size_t start = 0;  // bytes
  size_t end = 0;    // bytes, exclusive
  EntityType type = EntityType::Person;
  std::string entity;  // canonical name, for alias scoring; empty when not given
};

struct GoldQuote {
  size_t start = 0;  // bytes
  size_t end = 0;    // bytes, exclusive
  // "speaker" absent: not annotated (not scored). null: the gold says there is no known speaker.
  bool speaker_annotated = false;
  std::optional<std::string> speaker;  // set only when annotated with a name
  std::string kind;                    // "direct", "indirect", "mixed" or empty; not scored
};

struct GoldDocument {
  std::string id;    // "id", else "d<index>"
  std::string path;  // the file read (resolved against the gold file's folder); empty when inline
  std::string text;  // the document's bytes
  std::vector<GoldEntity> entities;  // in file order
  std::vector<GoldQuote> quotes;     // in file order
};

struct GoldSet {
  std::vector<GoldDocument> documents;
  // "nesting": "outer": the gold marks only the outermost name of nested ones ("Bank of
  // England", not England), so the scorer leaves out predicted mentions inside a longer predicted
  // mention. "nested" (the default, as in GUM): every name is marked, inner ones included.
  bool outer_names_only = false;
};

// Reads a document named by "path": the path as written in the gold file -> bytes, or nullopt with
// `error` set. Relative paths are resolved by the reader.
using GoldReader =
    std::function<std::optional<std::string>(const std::string& path, std::string& error)>;

// Parses gold JSON text. `file` names the gold file in diagnostics. Returns nullopt when any error
// was found (all of them are reported); warnings do not stop parsing.
std::optional<GoldSet> parse_gold(std::string_view text, const std::string& file,
                                  const GoldReader& read, std::vector<Diagnostic>& diagnostics);

// Reads and parses a gold file from disk; "path" documents are read relative to its folder
// (absolute paths as they are).
std::optional<GoldSet> load_gold_file(const std::string& path,
                                      std::vector<Diagnostic>& diagnostics);

// The gold documents as a corpus, in gold order (document i of the corpus is document i of the
// gold), with the gold ids; for running the engine on them.
Corpus corpus_from_gold(const GoldSet& gold);

}  // namespace dramatis::eval
