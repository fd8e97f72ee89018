// The subgraph a view shows: the graph filter a ViewState asks for (entity types, minimum edge
// weight, documents, time range, the user's hidden entities) and, with an ego depth, only the
// selected entity's neighbourhood within it. Panels that list "what is on screen" and the graph
// panel read the same answer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/graph/graph_filter.h"
#include "core/view/story.h"
#include "core/view/user_edits.h"
#include "core/view/view_state.h"

namespace dramatis {

// The GraphFilter of a view: its types, minimum weight, document ids (unknown ids keep nothing),
// time range (undated things kept) and the entities `edits` hides.
GraphFilter view_graph_filter(const Story& story, const ViewState& view, const UserEdits& edits);

// The graph nodes (one byte per node, 1: shown) the view shows. With view.ego_depth 1 or 2 and an
// entity selected (or an edge: both ends are the centre), only the nodes within that many hops
// of it in the filtered graph stay; a centre the filter removed leaves the filtered graph whole.
// At most kMaxShownNodes of them (see cap_shown_nodes); `capped`, when given, says how many
// the cap took out.
std::vector<uint8_t> view_visible_nodes(const Story& story, const ViewState& view,
                                        const UserEdits& edits, size_t* capped = nullptr);

// The most graph nodes a view shows at once (docs/security.md, "Limits"): a thousand times the
// built-in story, and what the layout and renderer keep fluid. Past it the view is a sample,
// and the app says so.
inline constexpr size_t kMaxShownNodes = 100000;

// Keeps at most `limit` of the shown nodes (visible[v] == 1): the `keep` nodes (the selection)
// first, then the most mentioned (ties: the lower node), so the sample is the story's core and
// the same every time. Returns how many it took out (0 when all fit).
size_t cap_shown_nodes(const Story& story, std::vector<uint8_t>& visible,
                       const std::vector<uint32_t>& keep, size_t limit = kMaxShownNodes);

}  // namespace dramatis
