// ForceLayout: a deterministic ForceAtlas2-family force-directed layout with Barnes–Hut
// repulsion (O(n log n) per iteration), adaptive speed, a convergence test, pinned nodes,
// incremental graph changes, a multilevel start for large graphs and overlap removal.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/layout/barnes_hut.h"
#include "core/layout/layout_params.h"
#include "core/layout/layout_types.h"

namespace dramatis::layout {

// What one iteration did.
struct StepStats {
  // Squared norm of the net forces on the free nodes, sum over nodes; 0 at equilibrium.
  double energy = 0.0;
  // ForceAtlas2's global speed after this iteration (dimensionless step multiplier).
  double speed = 0.0;
  // Mean distance a free node moved (world units).
  double mean_displacement = 0.0;
  // mean_displacement / the layout's RMS radius around its centroid: what converged() tests.
  double relative_displacement = 0.0;
};

class ForceLayout {
 public:
  explicit ForceLayout(LayoutParams params = {});

  void set_params(const LayoutParams& params) { params_ = params; }
  const LayoutParams& params() const { return params_; }

  // --- The graph ---

  // Replaces the graph; every node gets a fresh seeded position (a square of side
  // 10 * sqrt(n) world units). Edges must name nodes below node_count (others are ignored);
  // `weights` is empty (all 1) or one per edge; weights that are not finite and positive count
  // as 0 (no attraction). Self-loops are ignored. Pins and sizes are cleared.
  void set_graph(uint32_t node_count, std::span<const Edge> edges,
                 std::span<const float> weights = {});

  // Replaces the graph, keeping what is known: `previous_index[i]` is node i's index in the
  // current graph, or kNew. Kept nodes keep their positions, pins and sizes; new ones are put
  // near the mean of their kept neighbours (or at a seeded spot when they have none).
  static constexpr uint32_t kNew = UINT32_MAX;
  void update_graph(uint32_t node_count, std::span<const Edge> edges,
                    std::span<const float> weights, std::span<const uint32_t> previous_index);

  // Appends `count` nodes (indices node_count() ...) and `new_edges` (which may join old and new
  // nodes); everything else stays where it was.
  void add_nodes(uint32_t count, std::span<const Edge> new_edges,
                 std::span<const float> new_weights = {});

  // Removes the given nodes and their edges; the rest keep their positions and relative order.
  // Returns old index -> new index (kNew for removed nodes).
  std::vector<uint32_t> remove_nodes(std::span<const uint32_t> nodes);

  uint32_t node_count() const { return static_cast<uint32_t>(positions_.size()); }
  size_t edge_count() const { return edges_.size(); }

  // --- Nodes ---

  // Radii in world units, one per node, used by overlap removal (empty: no overlap removal).
  void set_node_sizes(std::span<const float> radii);
  // Moving a node (e.g. a drag) also turns off the multilevel start. A pinned node stays where
  // it is put; forces still act on its neighbours.
  void set_position(uint32_t node, Point position);
  void set_positions(std::span<const Point> positions);
  void set_pinned(uint32_t node, bool pinned);
  bool pinned(uint32_t node) const { return pinned_[node] != 0; }
  std::span<const Point> positions() const { return positions_; }

  // --- Running ---

  // One iteration: forces, adaptive speed, moves. The first step on a graph of at least
  // params().multilevel_threshold nodes with no given positions or pins runs the multilevel
  // start first (which does its own iterations on coarser graphs).
  StepStats step();
  // True when the relative displacement stayed below params().convergence_threshold for
  // params().convergence_window consecutive iterations, or when no node is free to move.
  // Once the relative displacement is within 5x the threshold, the speed's cap shrinks by 3%
  // per iteration, so every graph gets there (ForceAtlas2's speed alone can jitter for ever).
  bool converged() const;
  // Steps until converged() or `max_iterations` steps, then removes overlaps when enabled.
  // Returns the number of steps taken.
  uint32_t run(uint32_t max_iterations);
  // Steps taken on this graph (multilevel iterations on coarser graphs not counted).
  uint32_t iterations() const { return iterations_; }
  const StepStats& last_step() const { return last_; }

  // Pushes apart nodes whose circles overlap (radii from set_node_sizes), moving each pair
  // along the line through their centres; pinned nodes stay. Returns true when no overlap is
  // left (it gives up after a bounded number of sweeps on impossible inputs).
  bool remove_overlaps();

  // The repulsion force on every node from the quadtree (or exactly, O(n^2)), in the same units
  // as the layout's forces: for tests and benchmarks of the Barnes–Hut error.
  std::vector<Point> repulsion_forces(bool exact);

 private:
  void reset_dynamics();
  void compute_masses();
  void apply_weights(std::span<const float> weights);
  void place_new_nodes(std::span<const uint8_t> is_new);
  void multilevel_start();
  void compute_forces();
  // k_r * m_i * (the repulsion sum) for every node i into `out`: exactly, or from the tree with
  // the groups shared among `threads` threads.
  void repulsion(bool exact, unsigned threads, std::span<Point> out);

  LayoutParams params_;
  std::vector<Point> positions_;
  std::vector<Edge> edges_;         // valid, not self-loops
  std::vector<float> raw_weights_;  // as given (after sanitising), one per edge
  std::vector<double> weights_;     // raw weight ^ edge_weight_influence
  double weights_influence_ = 1.0;  // the influence weights_ was computed with
  std::vector<double> masses_;      // degree + 1, or summed masses on coarse levels
  bool custom_masses_ = false;
  std::vector<uint8_t> pinned_;
  std::vector<float> sizes_;
  std::vector<Point> forces_, old_forces_;
  BarnesHutTree tree_;

  double speed_ = 1.0;
  double speed_efficiency_ = 1.0;
  double speed_cap_ = 1e300;  // cap on speed_, shrinking once the layout nearly settled
  uint32_t iterations_ = 0;
  uint32_t calm_streak_ = 0;  // consecutive iterations below the convergence threshold
  // After a multilevel start the picture is already large, so small relative steps do not yet
  // mean the full graph has settled: no convergence before this iteration.
  uint32_t min_iterations_ = 0;
  bool started_ = false;  // the first step (and the multilevel start) happened
  bool positions_given_ = false;
  uint64_t placements_ = 0;  // seeds the placement of added nodes
  StepStats last_;
};

}  // namespace dramatis::layout
