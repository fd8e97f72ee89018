// Exact JS ports of what bench/layout/layout_bench.cpp and the layout code do with seeds, so the
// peers run on the SAME graphs from the SAME start positions as Dramatis, and are scored with
// the SAME metrics:
//   SeededRandom              src/core/layout/seeded_random.h (SplitMix64, in BigInt)
//   barabasiAlbert, plantedPartition, grid    bench/layout/layout_bench.cpp
//   startPositions            ForceLayout::set_graph (src/core/layout/force_layout.cpp)
//   normalizedStress, neighborhoodPreservation   src/core/layout/layout_quality.cpp
// Keep them in step with the C++ when that changes.

const MASK64 = (1n << 64n) - 1n;

export class SeededRandom {
  constructor(seed) {
    this.state = BigInt.asUintN(64, BigInt(seed));
  }
  next() {
    this.state = (this.state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  }
  // [0, 1): the top 53 bits times 2^-53, exact.
  uniform(lo = 0, hi = 1) {
    const u = Number(this.next() >> 11n) * 2 ** -53;
    return lo === 0 && hi === 1 ? u : lo + (hi - lo) * u;
  }
  // [0, bound), multiply-shift as in C++.
  below(bound) {
    return Number((((this.next() >> 32n) * BigInt(bound)) >> 32n) & 0xffffffffn);
  }
}

// Barabási–Albert, m edges per new node (layout_bench.cpp barabasi_albert).
export function barabasiAlbert(n, m, seed) {
  const random = new SeededRandom(seed);
  const edges = [];
  const ends = [];
  for (let v = 1; v < n; ++v) {
    const chosen = [];
    const want = Math.min(m, v);
    while (chosen.length < want) {
      const u = ends.length === 0 ? 0 : ends[random.below(ends.length)];
      if (!chosen.includes(u)) chosen.push(u);
    }
    for (const u of chosen) {
      edges.push([u, v]);
      ends.push(u, v);
    }
  }
  return { name: `ba${n}`, nodes: n, edges };
}

// layout_bench.cpp planted_partition.
export function plantedPartition(groups, size, degreeIn, degreeOut, seed) {
  const random = new SeededRandom(seed);
  const nodes = groups * size;
  const edges = [];
  // static_cast<uint64_t> truncates toward zero.
  const inside = Math.trunc((degreeIn * size * groups) / 2);
  const across = Math.trunc((degreeOut * size * groups) / 2);
  for (let k = 0; k < inside; ++k) {
    const group = random.below(groups);
    const a = group * size + random.below(size);
    const b = group * size + random.below(size);
    if (a !== b) edges.push([a, b]);
  }
  for (let k = 0; k < across; ++k) {
    const a = random.below(nodes);
    const b = random.below(nodes);
    if (Math.floor(a / size) !== Math.floor(b / size)) edges.push([a, b]);
  }
  return { name: `planted${groups}x${size}`, nodes, edges };
}

export function grid(side) {
  const edges = [];
  for (let r = 0; r < side; ++r) {
    for (let c = 0; c < side; ++c) {
      const v = r * side + c;
      if (c + 1 < side) edges.push([v, v + 1]);
      if (r + 1 < side) edges.push([v, v + side]);
    }
  }
  return { name: `grid${side}x${side}`, nodes: side * side, edges };
}

// The graphs of layout_bench.cpp, in its order, by name.
export const GRAPH_NAMES = ['ba1000', 'ba10000', 'ba100000', 'planted10x1000', 'grid100x100'];
export function makeGraph(name, seed) {
  switch (name) {
    case 'ba1000': return barabasiAlbert(1000, 2, seed);
    case 'ba10000': return barabasiAlbert(10000, 2, seed);
    case 'ba100000': return barabasiAlbert(100000, 2, seed);
    case 'planted10x1000': return plantedPartition(10, 1000, 8.0, 0.5, seed);
    case 'grid100x100': return grid(100);
    default: throw new Error(`unknown graph ${name} (known: ${GRAPH_NAMES.join(', ')})`);
  }
}

// ForceLayout::set_graph: a square of side 10 sqrt(n), x then y per node from SeededRandom(seed).
export function startPositions(n, seed) {
  const random = new SeededRandom(seed);
  const side = 10 * Math.sqrt(Math.max(1, n));
  const xs = new Float64Array(n), ys = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    xs[i] = random.uniform(-0.5, 0.5) * side;
    ys[i] = random.uniform(-0.5, 0.5) * side;
  }
  return { xs, ys };
}

// FNV-1a 64 over the edge list as little-endian uint32 pairs (for checking the port).
export function edgesFnv1a(edges) {
  let hash = 1469598103934665603n;
  for (const [a, b] of edges) {
    for (const v of [a, b]) {
      for (let k = 0; k < 4; ++k) {
        hash = ((hash ^ BigInt((v >>> (8 * k)) & 0xff)) * 1099511628211n) & MASK64;
      }
    }
  }
  return hash.toString(16).padStart(16, '0');
}

// ------------------------------------------------------------------------------ metrics
// layout_quality.cpp, QualityOptions defaults (stress_exact_limit 1000, stress_sources 128,
// neighborhood_samples 1000, seed 1), as layout_bench calls them.

const UNREACHED = 0xffffffff;

// Undirected adjacency, rows sorted and deduplicated; self-loops and out-of-range edges skipped.
function makeAdjacency(n, edges) {
  const degree = new Uint32Array(n + 1);
  for (const [a, b] of edges) {
    if (a >= n || b >= n || a === b) continue;
    ++degree[a + 1];
    ++degree[b + 1];
  }
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; ++i) offsets[i + 1] = offsets[i] + degree[i + 1];
  const neighbors = new Uint32Array(offsets[n]);
  const fill = offsets.slice(0, n);
  for (const [a, b] of edges) {
    if (a >= n || b >= n || a === b) continue;
    neighbors[fill[a]++] = b;
    neighbors[fill[b]++] = a;
  }
  for (let i = 0; i < n; ++i) {
    const row = neighbors.subarray(offsets[i], offsets[i + 1]);
    row.sort();  // typed arrays sort numerically
    let w = 0;
    for (let r = 0; r < row.length; ++r) {
      if (r === 0 || row[r] !== row[r - 1]) row[w++] = row[r];
    }
    row.fill(UNREACHED, w);  // as std::unique + fill: duplicates never count twice
  }
  return { offsets, neighbors };
}

function bfs(adj, source, dist, queue) {
  dist.fill(UNREACHED);
  let tail = 0;
  dist[source] = 0;
  queue[tail++] = source;
  for (let head = 0; head < tail; ++head) {
    const u = queue[head];
    for (let k = adj.offsets[u]; k < adj.offsets[u + 1]; ++k) {
      const v = adj.neighbors[k];
      if (v === UNREACHED || dist[v] !== UNREACHED) continue;
      dist[v] = dist[u] + 1;
      queue[tail++] = v;
    }
  }
}

// `count` distinct values below n (all when count >= n), ascending: partial Fisher–Yates.
function sample(n, count, seed) {
  const all = new Uint32Array(n);
  for (let i = 0; i < n; ++i) all[i] = i;
  if (count >= n) return all;
  const random = new SeededRandom(seed);
  for (let i = 0; i < count; ++i) {
    const j = i + random.below(n - i);
    const t = all[i]; all[i] = all[j]; all[j] = t;
  }
  return all.slice(0, count).sort();
}

export function normalizedStress(xs, ys, edges, options = {}) {
  const { stressExactLimit = 1000, stressSources = 128, seed = 1 } = options;
  const n = xs.length;
  if (n < 2) return 0;
  const adj = makeAdjacency(n, edges);
  const allPairs = n <= stressExactLimit;
  const sources = allPairs ? sample(n, n, 0) : sample(n, stressSources, seed);
  let sumR = 0, sumR2 = 0, pairs = 0;
  const dist = new Uint32Array(n), queue = new Uint32Array(n);
  for (const s of sources) {
    bfs(adj, s, dist, queue);
    for (let t = 0; t < n; ++t) {
      if (t === s || dist[t] === UNREACHED) continue;
      if (allPairs && t < s) continue;
      const dx = xs[s] - xs[t], dy = ys[s] - ys[t];
      const r = Math.sqrt(dx * dx + dy * dy) / dist[t];
      sumR += r;
      sumR2 += r * r;
      pairs += 1;
    }
  }
  if (pairs === 0) return 0;
  if (sumR2 <= 0) return 1;
  const scale = sumR / sumR2;
  const stress = scale * scale * sumR2 - 2 * scale * sumR + pairs;
  return Math.max(0, stress / pairs);
}

export function neighborhoodPreservation(xs, ys, edges, options = {}) {
  const { neighborhoodSamples = 1000, seed = 1 } = options;
  const n = xs.length;
  const adj = makeAdjacency(n, edges);
  // seed ^ 0x4e50 on uint64 (BigInt so large seeds stay exact).
  const nodes = sample(n, neighborhoodSamples, BigInt(seed) ^ 0x4e50n);
  let total = 0, counted = 0;
  // Max-heap of the k smallest (d2, j) pairs in lexicographic order: exactly the set that
  // std::nth_element on pairs leaves in front (ties by index).
  const heapD = new Float64Array(n), heapJ = new Uint32Array(n);
  const greater = (da, ja, db, jb) => da > db || (da === db && ja > jb);
  for (const i of nodes) {
    const graphNbrs = [];
    for (let k = adj.offsets[i]; k < adj.offsets[i + 1]; ++k) {
      if (adj.neighbors[k] !== UNREACHED) graphNbrs.push(adj.neighbors[k]);
    }
    const k = graphNbrs.length;
    if (k === 0) continue;
    let size = 0;
    const xi = xs[i], yi = ys[i];
    for (let j = 0; j < n; ++j) {
      if (j === i) continue;
      const dx = xs[j] - xi, dy = ys[j] - yi;
      const d = dx * dx + dy * dy;
      if (size < k) {
        let c = size++;  // sift up
        while (c > 0) {
          const p = (c - 1) >> 1;
          if (!greater(d, j, heapD[p], heapJ[p])) break;
          heapD[c] = heapD[p]; heapJ[c] = heapJ[p]; c = p;
        }
        heapD[c] = d; heapJ[c] = j;
      } else if (greater(heapD[0], heapJ[0], d, j)) {
        let c = 0;  // replace the root, sift down
        for (;;) {
          let m = 2 * c + 1;
          if (m >= size) break;
          if (m + 1 < size && greater(heapD[m + 1], heapJ[m + 1], heapD[m], heapJ[m])) ++m;
          if (!greater(heapD[m], heapJ[m], d, j)) break;
          heapD[c] = heapD[m]; heapJ[c] = heapJ[m]; c = m;
        }
        heapD[c] = d; heapJ[c] = j;
      }
    }
    const layoutNbrs = heapJ.slice(0, k).sort();
    let common = 0;
    for (let a = 0, b = 0; a < k && b < k;) {
      if (graphNbrs[a] === layoutNbrs[b]) { ++common; ++a; ++b; }
      else if (graphNbrs[a] < layoutNbrs[b]) ++a;
      else ++b;
    }
    total += common / (2 * k - common);
    ++counted;
  }
  return counted > 0 ? total / counted : 1;
}
