// ForceLayout (force_layout.h). Sections:
//   [exact math]      log/exp from + - * / and frexp/ldexp, identical on every libm
//   [graph]           set_graph, update_graph, add_nodes, remove_nodes
//   [nodes]           sizes, positions, pins
//   [forces]          Barnes–Hut repulsion, attraction, gravity
//   [step]            ForceAtlas2's adaptive speed, moves, the convergence test
//   [multilevel]      coarsen, lay out the coarsest graph, interpolate, refine
//   [overlap removal] sweep-and-push until no two circles overlap
#include "core/layout/force_layout.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

#include "core/layout/coarsen.h"
#include "core/layout/parallel_for.h"
#include "core/layout/seeded_random.h"

namespace dramatis::layout {
namespace {

// ---------------------------------------------------------------------------- [exact math]
// std::log/std::exp may differ in the last bit between glibc and the libm of Emscripten; these
// use only exactly rounded operations, so LinLog and fractional weight influences stay
// bit-identical natively and in WASM.

constexpr double kLn2 = 0.69314718055994530942;

// ln(x), x > 0: x = m * 2^e with m in [sqrt(1/2), sqrt(2)), ln(m) = 2 atanh((m-1)/(m+1)).
double exact_log(double x) {
  if (!(x > 0.0)) return -1e300;
  int e = 0;
  double m = std::frexp(x, &e);  // m in [0.5, 1), exact
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    --e;
  }
  const double s = (m - 1.0) / (m + 1.0);  // |s| < 0.172
  const double s2 = s * s;
  double term = s, sum = 0.0;
  for (int k = 1; k < 40; k += 2) {  // |s|^40 < 1e-30: far below double precision
    sum += term / k;
    term *= s2;
  }
  return 2.0 * sum + e * kLn2;
}

// e^x: x = k ln2 + r with |r| <= ln2 / 2, e^r by its Taylor series, times 2^k (exact).
double exact_exp(double x) {
  x = std::clamp(x, -700.0, 700.0);
  const double k = std::floor(x / kLn2 + 0.5);
  const double r = x - k * kLn2;
  double term = 1.0, sum = 1.0;
  for (int i = 1; i < 25; ++i) {
    term *= r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

double exact_pow(double base, double exponent) {
  if (exponent == 0.0) return 1.0;
  if (exponent == 1.0) return base;
  if (!(base > 0.0)) return 0.0;
  return exact_exp(exponent * exact_log(base));
}

float sanitize_weight(float w) {
  return std::isfinite(w) && w > 0.0f ? w : 0.0f;
}

double length(double x, double y) {
  return std::sqrt(x * x + y * y);
}

// Side of the square that fresh nodes are scattered over (world units): about the size a
// ForceAtlas2 layout of n nodes settles at, so the first iterations neither explode nor implode.
double start_side(size_t n) {
  return 10.0 * std::sqrt(std::max<double>(1.0, static_cast<double>(n)));
}

// The coarsening stops at this many nodes: the coarsest layout is cheap to run to convergence.
constexpr uint32_t kCoarsestNodes = 400;
// Iterations the full graph runs after a multilevel start before it may count as converged:
// measured on a 100x100 grid, stopping after 9 left neighbourhood preservation at 0.36.
constexpr uint32_t kMinRefineIterationsAfterMultilevel = 50;

// Iterations spent refining each intermediate level of the multilevel start.
constexpr uint32_t kRefineIterations = 60;

// Cooling (see step()): starts below kCoolingStart * threshold, then kCoolingRate per step.
constexpr double kCoolingStart = 5.0;
constexpr double kCoolingRate = 0.97;
constexpr double kNoCap = 1e300;

// Below this many nodes an iteration takes a millisecond or two, and starting threads
// would cost more than it saves: the repulsion stays on the calling thread.
constexpr uint32_t kParallelMinNodes = 4096;
// The parallel repulsion hands out kRepulsionChunk / kGroupSize groups at a time, about this
// many nodes at most: small enough to balance two to eight threads at a few thousand nodes,
// large enough that taking a chunk costs nothing measurable.
constexpr size_t kRepulsionChunk = 1024;

}  // namespace

ForceLayout::ForceLayout(LayoutParams params) : params_(params) {}

// ---------------------------------------------------------------------------------- [graph]

void ForceLayout::set_graph(uint32_t node_count, std::span<const Edge> edges,
                            std::span<const float> weights) {
  positions_.assign(node_count, Point{});
  SeededRandom random(params_.seed);
  const double side = start_side(node_count);
  for (Point& p : positions_) {
    p.x = random.uniform(-0.5, 0.5) * side;
    p.y = random.uniform(-0.5, 0.5) * side;
  }
  edges_.clear();
  raw_weights_.clear();
  for (size_t k = 0; k < edges.size(); ++k) {
    const auto [a, b] = edges[k];
    if (a >= node_count || b >= node_count || a == b) continue;
    edges_.push_back(edges[k]);
    raw_weights_.push_back(sanitize_weight(k < weights.size() ? weights[k] : 1.0f));
  }
  pinned_.assign(node_count, 0);
  sizes_.clear();
  custom_masses_ = false;
  compute_masses();
  weights_.clear();
  positions_given_ = false;
  started_ = false;
  placements_ = 0;
  reset_dynamics();
}

void ForceLayout::update_graph(uint32_t node_count, std::span<const Edge> edges,
                               std::span<const float> weights,
                               std::span<const uint32_t> previous_index) {
  assert(previous_index.size() == node_count);
  const std::vector<Point> old_positions = std::move(positions_);
  const std::vector<uint8_t> old_pinned = std::move(pinned_);
  const std::vector<float> old_sizes = std::move(sizes_);
  const uint32_t old_n = static_cast<uint32_t>(old_positions.size());

  positions_.assign(node_count, Point{});
  pinned_.assign(node_count, 0);
  sizes_.assign(old_sizes.empty() ? 0 : node_count, 0.0f);
  std::vector<uint8_t> is_new(node_count, 1);
  for (uint32_t i = 0; i < node_count; ++i) {
    const uint32_t old = i < previous_index.size() ? previous_index[i] : kNew;
    if (old >= old_n) continue;
    positions_[i] = old_positions[old];
    pinned_[i] = old_pinned[old];
    if (!old_sizes.empty()) sizes_[i] = old_sizes[old];
    is_new[i] = 0;
  }
  std::vector<Edge> kept_edges;
  std::vector<float> kept_weights;
  for (size_t k = 0; k < edges.size(); ++k) {
    const auto [a, b] = edges[k];
    if (a >= node_count || b >= node_count || a == b) continue;
    kept_edges.push_back(edges[k]);
    kept_weights.push_back(sanitize_weight(k < weights.size() ? weights[k] : 1.0f));
  }
  edges_ = std::move(kept_edges);
  raw_weights_ = std::move(kept_weights);
  custom_masses_ = false;
  compute_masses();
  weights_.clear();
  place_new_nodes(is_new);
  // The kept nodes are where the user saw them: no multilevel restart, and a gentle speed.
  positions_given_ = true;
  started_ = true;
  reset_dynamics();
}

void ForceLayout::add_nodes(uint32_t count, std::span<const Edge> new_edges,
                            std::span<const float> new_weights) {
  const uint32_t old_n = node_count();
  std::vector<uint32_t> previous(old_n + count, kNew);
  std::iota(previous.begin(), previous.begin() + old_n, 0u);
  std::vector<Edge> edges = edges_;
  std::vector<float> weights = raw_weights_;
  for (size_t k = 0; k < new_edges.size(); ++k) {
    edges.push_back(new_edges[k]);
    weights.push_back(k < new_weights.size() ? new_weights[k] : 1.0f);
  }
  update_graph(old_n + count, edges, weights, previous);
}

std::vector<uint32_t> ForceLayout::remove_nodes(std::span<const uint32_t> nodes) {
  const uint32_t old_n = node_count();
  std::vector<uint32_t> mapping(old_n, 0);
  for (uint32_t v : nodes) {
    if (v < old_n) mapping[v] = kNew;
  }
  std::vector<uint32_t> previous;
  for (uint32_t i = 0; i < old_n; ++i) {
    if (mapping[i] == kNew) continue;
    mapping[i] = static_cast<uint32_t>(previous.size());
    previous.push_back(i);
  }
  std::vector<Edge> edges;
  std::vector<float> weights;
  for (size_t k = 0; k < edges_.size(); ++k) {
    const uint32_t a = mapping[edges_[k].first], b = mapping[edges_[k].second];
    if (a == kNew || b == kNew) continue;
    edges.push_back({a, b});
    weights.push_back(raw_weights_[k]);
  }
  update_graph(static_cast<uint32_t>(previous.size()), edges, weights, previous);
  return mapping;
}

void ForceLayout::place_new_nodes(std::span<const uint8_t> is_new) {
  const uint32_t n = node_count();
  std::vector<Point> sum(n);
  std::vector<uint32_t> count(n, 0);
  for (const auto& [a, b] : edges_) {
    if (is_new[a] && !is_new[b]) {
      sum[a].x += positions_[b].x;
      sum[a].y += positions_[b].y;
      ++count[a];
    }
    if (is_new[b] && !is_new[a]) {
      sum[b].x += positions_[a].x;
      sum[b].y += positions_[a].y;
      ++count[b];
    }
  }
  Point centroid;
  uint32_t kept = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (is_new[i]) continue;
    centroid.x += positions_[i].x;
    centroid.y += positions_[i].y;
    ++kept;
  }
  if (kept > 0) {
    centroid.x /= kept;
    centroid.y /= kept;
  }
  SeededRandom random(params_.seed ^ hash_pair(placements_++, n));
  const double side = start_side(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!is_new[i]) continue;
    if (count[i] > 0) {
      // Next to its neighbours, a little off so that two new leaves of one node part.
      positions_[i] = {sum[i].x / count[i] + random.uniform(-1.0, 1.0),
                       sum[i].y / count[i] + random.uniform(-1.0, 1.0)};
    } else {
      positions_[i] = {centroid.x + random.uniform(-0.5, 0.5) * side,
                       centroid.y + random.uniform(-0.5, 0.5) * side};
    }
  }
}

void ForceLayout::reset_dynamics() {
  forces_.assign(positions_.size(), Point{});
  old_forces_.assign(positions_.size(), Point{});
  speed_ = 1.0;
  speed_efficiency_ = 1.0;
  speed_cap_ = kNoCap;
  iterations_ = 0;
  calm_streak_ = 0;
  last_ = StepStats{};
}

void ForceLayout::compute_masses() {
  if (custom_masses_) return;
  masses_.assign(positions_.size(), 1.0);
  for (const auto& [a, b] : edges_) {
    masses_[a] += 1.0;
    masses_[b] += 1.0;
  }
}

// ---------------------------------------------------------------------------------- [nodes]

void ForceLayout::set_node_sizes(std::span<const float> radii) {
  sizes_.assign(radii.begin(), radii.end());
  sizes_.resize(radii.empty() ? 0 : positions_.size(), 0.0f);
  for (float& r : sizes_) {
    if (!std::isfinite(r) || r < 0.0f) r = 0.0f;
  }
}

void ForceLayout::set_position(uint32_t node, Point position) {
  if (node >= node_count() || !std::isfinite(position.x) || !std::isfinite(position.y)) return;
  positions_[node] = position;
  positions_given_ = true;
  calm_streak_ = 0;
  speed_cap_ = kNoCap;  // a moved node (a drag) wakes the layout up
}

void ForceLayout::set_positions(std::span<const Point> positions) {
  const size_t n = std::min(positions.size(), positions_.size());
  for (size_t i = 0; i < n; ++i) set_position(static_cast<uint32_t>(i), positions[i]);
}

void ForceLayout::set_pinned(uint32_t node, bool pinned) {
  if (node < node_count()) pinned_[node] = pinned ? 1 : 0;
}

// --------------------------------------------------------------------------------- [forces]

void ForceLayout::compute_forces() {
  const uint32_t n = node_count();
  if (weights_.size() != raw_weights_.size() ||
      weights_influence_ != params_.edge_weight_influence) {
    weights_.resize(raw_weights_.size());
    for (size_t k = 0; k < raw_weights_.size(); ++k) {
      weights_[k] = exact_pow(raw_weights_[k], params_.edge_weight_influence);
    }
    weights_influence_ = params_.edge_weight_influence;
  }
  // Repulsion: k_r * m_i * sum_j m_j (p_i - p_j) / d^2, i.e. k_r m_i m_j / d along the line.
  repulsion(params_.theta <= 0.0, n >= kParallelMinNodes ? params_.threads : 1, forces_);
  // Attraction along edges: weight * d (linear) or weight * log(1 + d) (LinLog).
  for (size_t e = 0; e < edges_.size(); ++e) {
    const auto [a, b] = edges_[e];
    const double dx = positions_[b].x - positions_[a].x;
    const double dy = positions_[b].y - positions_[a].y;
    double factor = weights_[e];
    if (params_.lin_log) {
      const double d = length(dx, dy);
      // log(1 + d) / d -> 1 as d -> 0.
      factor *= d > 1e-12 ? exact_log(1.0 + d) / d : 1.0;
    }
    forces_[a].x += dx * factor;
    forces_[a].y += dy * factor;
    forces_[b].x -= dx * factor;
    forces_[b].y -= dy * factor;
  }
  // Gravity toward the origin: k_g * m (or k_g * m * d with strong gravity).
  if (params_.gravity != 0.0) {
    for (uint32_t i = 0; i < n; ++i) {
      const Point p = positions_[i];
      const double d = length(p.x, p.y);
      if (d <= 0.0) continue;
      const double factor = params_.gravity * masses_[i] * (params_.strong_gravity ? 1.0 : 1.0 / d);
      forces_[i].x -= p.x * factor;
      forces_[i].y -= p.y * factor;
    }
  }
}

void ForceLayout::repulsion(bool exact, unsigned threads, std::span<Point> out) {
  if (exact) {
    for (uint32_t i = 0; i < node_count(); ++i) {
      const Point r = BarnesHutTree::exact_repulsion(i, positions_, masses_);
      const double k = params_.scaling * masses_[i];
      out[i] = {r.x * k, r.y * k};
    }
    return;
  }
  tree_.build(positions_, masses_);
  // Each group's sums read the tree and write only its own bodies' entries: the threads share
  // nothing else, so the forces are the same for any thread count. Groups come in the tree's
  // spatial order, so each thread's walks stay close together in the tree.
  const size_t chunk = std::max<size_t>(1, kRepulsionChunk / BarnesHutTree::kGroupSize);
  parallel_for(tree_.group_count(), chunk, threads, [&](size_t begin, size_t end) {
    BarnesHutTree::Interactions scratch;
    for (size_t g = begin; g < end; ++g) {
      tree_.group_repulsion(g, params_.theta, scratch, out);
      for (const uint32_t i : tree_.group_bodies(g)) {
        const double k = params_.scaling * masses_[i];
        out[i] = {out[i].x * k, out[i].y * k};
      }
    }
  });
}

std::vector<Point> ForceLayout::repulsion_forces(bool exact) {
  std::vector<Point> out(node_count());
  repulsion(exact, 1, out);
  return out;
}

// ----------------------------------------------------------------------------------- [step]

StepStats ForceLayout::step() {
  if (!started_) {
    started_ = true;
    multilevel_start();
  }
  const uint32_t n = node_count();
  StepStats stats;
  if (n == 0) {
    ++iterations_;
    last_ = stats;
    return stats;
  }
  compute_forces();

  // ForceAtlas2's adaptive global speed (Jacomy et al. 2014, as in Gephi): swinging is how much
  // a node's force changed direction since the last iteration (oscillation), traction how much
  // it kept pulling the same way (useful movement).
  double total_swinging = 0.0, total_traction = 0.0;
  for (uint32_t i = 0; i < n; ++i) {
    if (pinned_[i]) continue;
    const Point f = forces_[i], o = old_forces_[i];
    total_swinging += masses_[i] * length(f.x - o.x, f.y - o.y);
    total_traction += masses_[i] * length(f.x + o.x, f.y + o.y) * 0.5;
  }
  if (total_swinging > 0.0 && total_traction > 0.0) {
    const double nn = static_cast<double>(n);
    const double estimated_jt = 0.05 * std::sqrt(nn);  // bigger graphs tolerate more jitter
    const double min_jt = std::sqrt(estimated_jt), max_jt = 10.0;
    double jt = params_.jitter_tolerance *
                std::max(min_jt, std::min(max_jt, estimated_jt * total_traction / (nn * nn)));
    constexpr double kMinSpeedEfficiency = 0.05;
    if (total_swinging / total_traction > 2.0) {
      if (speed_efficiency_ > kMinSpeedEfficiency) speed_efficiency_ *= 0.5;
      jt = std::max(jt, params_.jitter_tolerance);
    }
    const double target_speed = jt * speed_efficiency_ * total_traction / total_swinging;
    if (total_swinging > jt * total_traction) {
      if (speed_efficiency_ > kMinSpeedEfficiency) speed_efficiency_ *= 0.7;
    } else if (speed_ < 1000.0) {
      speed_efficiency_ *= 1.3;
    }
    constexpr double kMaxRise = 0.5;  // the speed rises by at most 50% per iteration
    speed_ = speed_ + std::min(target_speed - speed_, kMaxRise * speed_);
    speed_ = std::min(speed_, speed_cap_);
    if (!(speed_ > 1e-12)) speed_ = 1e-12;  // never stall completely (and never NaN)
  }

  double moved = 0.0;
  uint32_t free_nodes = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const Point f = forces_[i], o = old_forces_[i];
    if (pinned_[i]) continue;
    ++free_nodes;
    stats.energy += f.x * f.x + f.y * f.y;
    const double swinging = masses_[i] * length(f.x - o.x, f.y - o.y);
    const double factor = speed_ / (1.0 + std::sqrt(speed_ * swinging));
    double dx = f.x * factor, dy = f.y * factor;
    const double step_length = length(dx, dy);
    if (step_length > params_.max_displacement && step_length > 0.0) {
      const double shrink = params_.max_displacement / step_length;
      dx *= shrink;
      dy *= shrink;
    }
    const Point next{positions_[i].x + dx, positions_[i].y + dy};
    if (!std::isfinite(next.x) || !std::isfinite(next.y)) continue;  // never let NaN in
    moved += length(dx, dy);
    positions_[i] = next;
  }
  std::swap(forces_, old_forces_);

  Point centroid;
  for (const Point& p : positions_) {
    centroid.x += p.x;
    centroid.y += p.y;
  }
  centroid.x /= n;
  centroid.y /= n;
  double spread = 0.0;
  for (const Point& p : positions_) {
    spread += (p.x - centroid.x) * (p.x - centroid.x) + (p.y - centroid.y) * (p.y - centroid.y);
  }
  const double rms_radius = std::max(std::sqrt(spread / n), kMinDistance);
  stats.speed = speed_;
  stats.mean_displacement = free_nodes > 0 ? moved / free_nodes : 0.0;
  stats.relative_displacement = stats.mean_displacement / rms_radius;
  calm_streak_ = stats.relative_displacement < params_.convergence_threshold ? calm_streak_ + 1 : 0;
  // ForceAtlas2's adaptive speed alone keeps small graphs jittering around their equilibrium
  // for ever. Once the layout is nearly settled (within kCoolingStart times the threshold),
  // the global speed is capped and the cap shrinks geometrically, so the test above is reached
  // in a few dozen iterations; until then the cooling has no effect on the picture.
  if (speed_cap_ < kNoCap ||
      stats.relative_displacement < kCoolingStart * params_.convergence_threshold) {
    speed_cap_ = std::min(speed_cap_, speed_) * kCoolingRate;
  }
  ++iterations_;
  last_ = stats;
  return stats;
}

bool ForceLayout::converged() const {
  if (std::find(pinned_.begin(), pinned_.end(), uint8_t{0}) == pinned_.end()) return true;
  if (iterations_ < min_iterations_) return false;
  return calm_streak_ >= std::max<uint32_t>(1, params_.convergence_window);
}

uint32_t ForceLayout::run(uint32_t max_iterations) {
  uint32_t steps = 0;
  while (steps < max_iterations && !converged()) {
    step();
    ++steps;
  }
  if (params_.overlap_removal) remove_overlaps();
  return steps;
}

// ----------------------------------------------------------------------------- [multilevel]

void ForceLayout::multilevel_start() {
  const uint32_t n = node_count();
  if (params_.multilevel_threshold == 0 || n < params_.multilevel_threshold || positions_given_ ||
      std::find(pinned_.begin(), pinned_.end(), uint8_t{1}) != pinned_.end()) {
    return;
  }
  // levels[L].parent maps the nodes of level L - 1 (this graph for L = 0) to level L.
  std::vector<CoarseGraph> levels;
  {
    uint32_t current_n = n;
    std::span<const Edge> edges = edges_;
    std::span<const float> weights = raw_weights_;
    std::span<const double> masses = masses_;
    while (current_n > kCoarsestNodes && levels.size() < 32) {
      CoarseGraph coarse = coarsen(current_n, edges, weights, masses);
      // Stop when matching stalls (e.g. mostly isolated nodes): the level would cost as much.
      if (coarse.node_count > current_n - current_n / 8) break;
      levels.push_back(std::move(coarse));
      const CoarseGraph& c = levels.back();
      current_n = c.node_count;
      edges = c.edges;
      weights = c.weights;
      masses = c.masses;
    }
  }
  if (levels.empty()) return;
  min_iterations_ = iterations_ + kMinRefineIterationsAfterMultilevel;

  LayoutParams sub = params_;
  sub.multilevel_threshold = 0;
  sub.overlap_removal = false;
  auto make_level = [&](const CoarseGraph& g) {
    ForceLayout layout(sub);
    layout.set_graph(g.node_count, g.edges, g.weights);
    layout.masses_ = g.masses;
    layout.custom_masses_ = true;
    return layout;
  };
  ForceLayout coarsest = make_level(levels.back());
  coarsest.run(params_.max_iterations);
  std::vector<Point> coarse_positions(coarsest.positions().begin(), coarsest.positions().end());

  for (size_t level = levels.size(); level-- > 0;) {
    // Interpolate: each node starts at its coarse node's position, jittered by about half the
    // distance at which repulsion and attraction between it and a sibling balance.
    const std::vector<uint32_t>& parent = levels[level].parent;
    const std::span<const double> fine_masses =
        level == 0 ? std::span<const double>(masses_)
                   : std::span<const double>(levels[level - 1].masses);
    SeededRandom random(params_.seed ^ hash_pair(0x6d756c7469ull, level));
    std::vector<Point> fine(parent.size());
    for (size_t i = 0; i < parent.size(); ++i) {
      const double spread = 0.5 * std::sqrt(std::max(params_.scaling, 0.01) * fine_masses[i]);
      fine[i] = {coarse_positions[parent[i]].x + random.uniform(-spread, spread),
                 coarse_positions[parent[i]].y + random.uniform(-spread, spread)};
    }
    if (level == 0) {
      positions_ = std::move(fine);
      break;
    }
    ForceLayout refine = make_level(levels[level - 1]);
    refine.positions_ = std::move(fine);
    refine.run(kRefineIterations);
    coarse_positions.assign(refine.positions().begin(), refine.positions().end());
  }
}

// ------------------------------------------------------------------------ [overlap removal]

bool ForceLayout::remove_overlaps() {
  const uint32_t n = node_count();
  if (sizes_.size() != n || n < 2) return true;
  constexpr int kMaxSweeps = 500;
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    // By left edge, then index: a total order, so every standard library sorts alike.
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const double la = positions_[a].x - sizes_[a], lb = positions_[b].x - sizes_[b];
      return la != lb ? la < lb : a < b;
    });
    bool any = false;
    for (uint32_t ai = 0; ai < n; ++ai) {
      const uint32_t a = order[ai];
      for (uint32_t bi = ai + 1; bi < n; ++bi) {
        const uint32_t b = order[bi];
        const double ra = sizes_[a], rb = sizes_[b];
        if (positions_[b].x - rb >= positions_[a].x + ra + params_.overlap_margin) break;
        const double need = ra + rb + params_.overlap_margin;
        const double dx = positions_[b].x - positions_[a].x;
        const double dy = positions_[b].y - positions_[a].y;
        const double d2 = dx * dx + dy * dy;
        if (d2 >= need * need || need <= 0.0) continue;
        if (pinned_[a] && pinned_[b]) continue;  // cannot be fixed: both must stay
        const double d = std::sqrt(d2);
        Point dir = d > 1e-12 ? Point{dx / d, dy / d} : coincident_direction(b, a);
        // Push a hair further than needed so rounding cannot leave the pair touching.
        const double push = (need - d) + need * 1e-9;
        const double share_a = pinned_[a] ? 0.0 : (pinned_[b] ? 1.0 : 0.5);
        const double share_b = 1.0 - share_a;
        positions_[a].x -= dir.x * push * share_a;
        positions_[a].y -= dir.y * push * share_a;
        positions_[b].x += dir.x * push * share_b;
        positions_[b].y += dir.y * push * share_b;
        any = true;
      }
    }
    if (!any) return true;
  }
  return false;
}

}  // namespace dramatis::layout
