// Every parameter of the force-directed layout in one struct with documented defaults
// (DESIGN.md: "parameters in one struct"); the settings panel edits it directly and
// ForceLayout reads it on every step. Distances are in world units.
#pragma once

#include <cstdint>

namespace dramatis::layout {

struct LayoutParams {
  // --- Forces (ForceAtlas2: Jacomy et al. 2014) ---

  // Repulsion strength k_r: two nodes of masses m1, m2 (mass = degree + 1) at distance d repel
  // with k_r * m1 * m2 / d. Larger values spread the picture out. Gephi's default for graphs
  // of 100 nodes or more.
  double scaling = 2.0;
  // Gravity k_g pulls every node toward the origin with k_g * mass (constant in distance), so
  // disconnected parts stay on screen.
  double gravity = 1.0;
  // Strong gravity: the pull grows linearly with the distance (k_g * mass * d) instead; gives a
  // rounder, more compact picture.
  bool strong_gravity = false;
  // LinLog: attraction grows with log(1 + d) instead of d, which separates communities more
  // clearly (Noack's LinLog energy model); usually wants a smaller `scaling`.
  bool lin_log = false;
  // Edge weights enter attraction as weight^influence: 0 ignores weights, 1 is linear.
  double edge_weight_influence = 1.0;

  // --- Barnes–Hut ---

  // A quadtree cell of width w whose centre of mass is at distance d is treated as one body
  // when w / d < theta (and the node is not inside the cell). 0 would be exact; larger is
  // faster and coarser. Gephi's default; tests bound the error against exact forces.
  double theta = 1.2;
  // Threads that share the Barnes–Hut sums of graphs of a few thousand nodes or more: 0 uses
  // the machine's cores (at most 8), 1 keeps it on the calling thread. The WebAssembly build
  // always uses one. Positions are the same for every value.
  uint32_t threads = 0;

  // --- Adaptive speed (ForceAtlas2's swinging / traction) ---

  // How much swinging (oscillation) is tolerated before the global speed is reduced. Higher is
  // faster but less precise; 1 is ForceAtlas2's default.
  double jitter_tolerance = 1.0;
  // A node never moves further than this in one iteration (world units): a safety cap against
  // huge steps, e.g. right after nodes were placed on top of each other.
  double max_displacement = 100.0;

  // --- Stopping ---

  // The layout has converged when the mean displacement of the free nodes in one iteration,
  // divided by the layout's RMS radius (both world units), stays below this for
  // `convergence_window` consecutive iterations.
  double convergence_threshold = 0.002;
  uint32_t convergence_window = 5;
  // run() stops after this many iterations even when not converged.
  uint32_t max_iterations = 1000;

  // --- Start ---

  // Seeds the initial positions, the placement of added nodes and the multilevel jitter: the
  // same seed gives bit-identical positions natively and in WASM.
  uint64_t seed = 1;
  // Graphs with at least this many nodes start from a multilevel layout (coarsen by matching,
  // lay out the coarsest graph, interpolate, refine) when no positions were given. 0 disables.
  uint32_t multilevel_threshold = 5000;

  // --- Finish ---

  // After run(), push apart nodes whose circles (radii from set_node_sizes, world units)
  // overlap. Does nothing when no sizes were given.
  bool overlap_removal = true;
  // Gap left between circles by overlap removal, world units.
  double overlap_margin = 0.0;
};

}  // namespace dramatis::layout
