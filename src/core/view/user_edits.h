// The user's changes to an analysis ("nothing lost"): merges, splits, renames, hidden entities,
// pinned nodes and notes, keyed by the entity ids dramatis-cli prints. Saved as JSON
// ("dramatis.edits/1") naming the corpus fingerprint and extractor version they were made on.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace dramatis {

// Entity `from` merged into entity `into` (`from` disappears; its mentions join `into`).
struct EntityMerge {
  std::string from;
  std::string into;
  friend bool operator==(const EntityMerge&, const EntityMerge&) = default;
};

// The mentions of `entity` that read exactly `alias` taken out into an entity of their own.
struct EntitySplit {
  std::string entity;
  std::string alias;
  friend bool operator==(const EntitySplit&, const EntitySplit&) = default;
};

// Where the user pinned a node, in world units (the layout's coordinates, not pixels).
struct PinnedNode {
  double x = 0.0;
  double y = 0.0;
  friend bool operator==(const PinnedNode&, const PinnedNode&) = default;
};

// Ordered and deterministic: merges and splits apply in list order (apply_edits.h); the maps
// and the set are sorted by id, so the same edits always serialise to the same bytes.
struct UserEdits {
  std::string corpus;     // corpus_fingerprint() of the corpus the edits were made on
  std::string extractor;  // kExtractorVersion they were made with
  std::vector<EntityMerge> merges;
  std::vector<EntitySplit> splits;
  std::map<std::string, std::string> renames;  // entity id -> new name
  std::set<std::string> hidden;                // entity ids the graph leaves out
  std::map<std::string, PinnedNode> pins;      // entity id -> world position
  std::map<std::string, std::string> notes;    // entity id -> the user's text

  // True when there is no edit at all (corpus and extractor are not edits).
  bool empty() const;
  friend bool operator==(const UserEdits&, const UserEdits&) = default;
};

// {"schema":"dramatis.edits/1","corpus":...,"extractor":...,"merges":[{"from","into"}],
//  "splits":[{"entity","alias"}],"renames":{id:name},"hidden":[id],"pins":{id:{"x","y"}},
//  "notes":{id:text}}. Empty lists and maps are written too, so the shape is always the same.
nlohmann::json user_edits_to_json(const UserEdits& edits);

struct UserEditsResult {
  // Absent when the text is not an edits file at all (a syntax error, not an object, another
  // schema). Present otherwise, holding every entry that was well formed.
  std::optional<UserEdits> edits;
  // An error per entry left out (naming its path, e.g. "merges[2].into") and for a file made on
  // another corpus; a warning for another extractor version.
  std::vector<Diagnostic> diagnostics;
  bool corpus_mismatch = false;   // the file names another corpus: do not apply it
  bool version_mismatch = false;  // made with another extractor: ids may point elsewhere

  // Edits that can be applied as they are: parsed, same corpus, no entry left out.
  bool ok() const { return edits.has_value() && !corpus_mismatch && !has_errors(diagnostics); }
};

// Parses an edits file. `file` names it in diagnostics (a syntax error gives its byte offset).
// When `expected_corpus` / `expected_extractor` are not empty, the file's own are checked
// against them.
UserEditsResult parse_user_edits(std::string_view text, const std::string& file,
                                 std::string_view expected_corpus = {},
                                 std::string_view expected_extractor = {});

}  // namespace dramatis
