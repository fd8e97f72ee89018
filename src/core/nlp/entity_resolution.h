// Stage 2 of entity recognition: turning candidates into entities across the corpus. Aliases are
// merged by explicit rules, each recorded with its evidence and confidence so the UI can show it
// and the user can undo it: surname and first name (only when one person fits), handles,
// one-letter misspellings of a known surname in a document that names that person, acronyms with
// their expansion, short and long organisation names, and the same name in another case. Two
// different full names are never merged.
#pragma once

#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/entity_candidates.h"

namespace dramatis {

// Entities with their mentions, in order of first appearance. Candidates that stay untyped and
// unmerged (a lone capitalised word with no evidence, seen once) are dropped.
std::vector<Entity> resolve_entities(const std::vector<DocumentView>& views,
                                     const std::vector<EntityCandidate>& candidates);

}  // namespace dramatis
