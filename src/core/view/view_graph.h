// The subgraph a view shows: the graph filter a ViewState asks for (entity types, minimum edge
// weight, documents, time range, the user's hidden entities) and, with an ego depth, only the
// selected entity's neighbourhood within it. Panels that list "what is on screen" and the graph
// panel read the same answer.
#pragma once

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
std::vector<uint8_t> view_visible_nodes(const Story& story, const ViewState& view,
                                        const UserEdits& edits);

}  // namespace dramatis
