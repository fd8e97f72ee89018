// Applies the user's edits (user_edits.h) to an analysis, giving the analysis the graph and the
// panels show: merged entities, split aliases, renamed entities. Hidden entities stay in it (the
// graph filter leaves them out); pins and notes are the view's, not the analysis's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/nlp/analysis.h"
#include "core/view/user_edits.h"

namespace dramatis {

// The id of the entity split out of `entity` for `alias`: "<entity>/<alias>", e.g.
// "e3/Chintala". Derived from the original so a saved view that selects it still finds it.
std::string split_entity_id(std::string_view entity, std::string_view alias);

// Order of application (each step sees the result of the one before):
//  1. merges, in list order. `from`'s mentions, aliases (and its name) and merge records join
//     `into`, plus a merge record with rule "user", confidence 1; `from` disappears. An id an
//     earlier merge took away stands for the entity it went into, so chains work.
//     Quote speakers, event subjects and objects and relations are remapped; relations that
//     become the same (source, target, type) add their weights and join their evidence
//     (duplicate spans kept once); relations of an entity with itself vanish.
//  2. splits, in list order: the mentions whose text (the document bytes at the span) is exactly
//     the alias move to a new entity, split_entity_id(), of the same type, appended after the
//     others; the alias and its merge records leave the original. Evidence follows the mentions:
//     a relation's evidence span, an event's span, that holds a moved mention and none of the
//     original's left goes to the new entity; a quote's speaker goes to it when the mention
//     nearest the quote's cue (else the quote) is a moved one. An id taken away by a merge stands
//     for the entity it went into.
//  3. renames: `name` becomes the new one, the old name becomes an alias. Ids are those after
//     steps 1-2 (a split entity is renamed by its new id).
// Hidden, pinned and noted ids are only checked (they must exist after steps 1-2).
// An edit that names an unknown id, or cannot apply, adds one warning (plain words) and is
// skipped. Entities no edit touches keep their ids (their indices shift when a merge removes an
// entity before them). Deterministic.
Analysis apply_user_edits(const Corpus& corpus, const Analysis& analysis, const UserEdits& edits,
                          std::vector<std::string>& warnings);

// Indices into `edited.entities` (ascending) of the entities `edits` hides. Map them through
// EntityGraph::node_of_entity for GraphFilter::hidden_nodes.
std::vector<uint32_t> hidden_entity_indices(const Analysis& edited, const UserEdits& edits);

}  // namespace dramatis
