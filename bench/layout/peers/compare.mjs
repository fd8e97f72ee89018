// Dramatis's ForceLayout against d3-force, graphology-layout-forceatlas2 and ngraph.forcelayout
// on the graphs of bench/layout/layout_bench.cpp, from the same start positions, scored with the
// same metrics (graphs.mjs ports the generators, the start placement and layout_quality.cpp).
// Prints one markdown table. See README.md in this folder.
//
//   node compare.mjs [--only ba1000,ba10000] [--tools d3,fa2,ngraph] [--seed S | --seeds S,S,...]
//                    [--max-iterations N] [--fixed] [--dramatis PATH] [--wasm PATH] [--json]
// With several seeds, each seed is a new graph and start; a second table gives each tool's mean
// and range over the seeds, since one seed's quality figures differ by more than tools do.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  GRAPH_NAMES, makeGraph, startPositions, edgesFnv1a, normalizedStress, neighborhoodPreservation,
} from './graphs.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

// --------------------------------------------------------------------------------- options
const args = process.argv.slice(2);
const opt = {
  only: ['ba1000', 'ba10000', 'planted10x1000', 'grid100x100'],
  tools: ['d3', 'fa2', 'ngraph'],
  seeds: [1],
  maxIterations: 1000,  // LayoutParams::max_iterations
  dramatis: path.join(root, 'build/native/bench/layout_bench'),
  // Our WASM build of the same program, run under this Node; its row is left out (with a note)
  // when it has not been built.
  wasm: path.join(root, 'build/wasm/bench/layout_bench.js'),
  json: false,
  fixed: false,  // --fixed: run --max-iterations iterations, no convergence test
};
for (let i = 0; i < args.length; ++i) {
  const a = args[i], v = () => args[++i];
  if (a === '--only') opt.only = v() === 'all' ? GRAPH_NAMES : args[i].split(',');
  else if (a === '--tools') opt.tools = v().split(',');
  else if (a === '--seed') opt.seeds = [Number(v())];
  else if (a === '--seeds') opt.seeds = v().split(',').map(Number);
  else if (a === '--max-iterations') opt.maxIterations = Number(v());
  else if (a === '--dramatis') opt.dramatis = path.resolve(v());
  else if (a === '--wasm') opt.wasm = path.resolve(v());
  else if (a === '--json') opt.json = true;
  else if (a === '--fixed') opt.fixed = true;
  else {
    console.error('usage: node compare.mjs [--only NAME,...|all] [--tools d3,fa2,ngraph] [--seed S] ' +
                  '[--seeds S,...] [--max-iterations N] [--fixed] [--dramatis PATH] [--wasm PATH] [--json]');
    process.exit(1);
  }
}
for (const name of opt.only) {
  if (!GRAPH_NAMES.includes(name)) {
    console.error(`unknown graph ${name}; known: ${GRAPH_NAMES.join(', ')}`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------- the convergence test
// ForceLayout::converged(), applied from outside to every peer: the mean distance a node moved
// in one iteration, divided by the layout's RMS radius around its centroid (at least 0.01),
// stays below 0.002 (LayoutParams::convergence_threshold) for 5 consecutive iterations
// (convergence_window). Peers are stopped there or at --max-iterations.
const THRESHOLD = 0.002, WINDOW = 5, MIN_RADIUS = 0.01;

function relativeDisplacement(px, py, xs, ys) {
  const n = xs.length;
  let moved = 0, cx = 0, cy = 0;
  for (let i = 0; i < n; ++i) {
    const dx = xs[i] - px[i], dy = ys[i] - py[i];
    moved += Math.sqrt(dx * dx + dy * dy);
    cx += xs[i];
    cy += ys[i];
  }
  cx /= n;
  cy /= n;
  let spread = 0;
  for (let i = 0; i < n; ++i) spread += (xs[i] - cx) ** 2 + (ys[i] - cy) ** 2;
  return moved / n / Math.max(Math.sqrt(spread / n), MIN_RADIUS);
}

// -------------------------------------------------------------------------------- peers
// Each adapter: setup(graph, start) -> { step(): bool (the tool's own "done"), read(xs, ys) }.
// setup and step are timed; read and the convergence test are not.

const peers = {
  d3: {
    label: 'd3-force 3.0.1',
    own: 'alpha < alphaMin',
    setup(g, start) {
      const d3 = require('d3-force');
      const nodes = Array.from({ length: g.nodes }, (_, i) => ({ index: i, x: start.xs[i], y: start.ys[i] }));
      const links = g.edges.map(([a, b]) => ({ source: a, target: b }));
      // The defaults of d3's own examples: link (distance 30), many-body (-30, theta 0.9), centre.
      const sim = d3.forceSimulation(nodes)
        .force('link', d3.forceLink(links))
        .force('charge', d3.forceManyBody())
        .force('center', d3.forceCenter(0, 0))
        .stop();
      return {
        step() { sim.tick(); return sim.alpha() < sim.alphaMin(); },
        read(xs, ys) { for (let i = 0; i < nodes.length; ++i) { xs[i] = nodes[i].x; ys[i] = nodes[i].y; } },
      };
    },
  },
  fa2: {
    label: 'graphology FA2 0.10.1',
    own: '(none)',
    setup(g, start) {
      const Graph = require('graphology');
      const forceAtlas2 = require('graphology-layout-forceatlas2');
      const helpers = require('graphology-layout-forceatlas2/helpers.js');
      const iterate = require('graphology-layout-forceatlas2/iterate.js');
      const defaults = require('graphology-layout-forceatlas2/defaults.js');
      const graph = new Graph({ type: 'undirected', multi: true });  // keeps duplicate edges, as ours
      for (let i = 0; i < g.nodes; ++i) graph.addNode(i, { x: start.xs[i], y: start.ys[i] });
      for (const [a, b] of g.edges) if (a !== b) graph.addEdge(a, b);
      // The package's recommended settings, Barnes–Hut forced on.
      const settings = { ...defaults, ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true };
      const getWeight = () => 1;  // no weight attributes: what the default getter returns
      // What forceAtlas2(graph, {iterations}) does, one iteration per call on persistent matrices
      // (the state of the run lives in them, so N calls == iterations: N).
      const m = helpers.graphToByteArrays(graph, getWeight);
      return {
        settings,
        step() { iterate(settings, m.nodes, m.edges); return false; },
        read(xs, ys) { for (let i = 0; i < xs.length; ++i) { xs[i] = m.nodes[i * 10]; ys[i] = m.nodes[i * 10 + 1]; } },
      };
    },
  },
  ngraph: {
    label: 'ngraph.forcelayout 3.3.1',
    own: 'step() stable',
    setup(g, start) {
      const createGraph = require('ngraph.graph');
      const createLayout = require('ngraph.forcelayout');
      const graph = createGraph({ multigraph: true });
      for (let i = 0; i < g.nodes; ++i) graph.addNode(i);
      for (const [a, b] of g.edges) if (a !== b) graph.addLink(a, b);
      const layout = createLayout(graph);  // default physics settings
      for (let i = 0; i < g.nodes; ++i) layout.setNodePosition(i, start.xs[i], start.ys[i]);
      const bodies = Array.from({ length: g.nodes }, (_, i) => layout.getNodePosition(i));
      return {
        step() { return layout.step(); },
        read(xs, ys) { for (let i = 0; i < bodies.length; ++i) { xs[i] = bodies[i].x; ys[i] = bodies[i].y; } },
      };
    },
  },
};

function runPeer(key, g, start) {
  const t0 = performance.now();
  const run = peers[key].setup(g, start);
  const setupMs = performance.now() - t0;
  const n = g.nodes;
  let px = new Float64Array(n), py = new Float64Array(n), xs = new Float64Array(n), ys = new Float64Array(n);
  run.read(px, py);
  let stepsMs = 0, iterations = 0, calm = 0, ownStop = null, converged = false;
  while (iterations < opt.maxIterations) {
    const s = performance.now();
    const done = run.step();
    stepsMs += performance.now() - s;
    ++iterations;
    if (done && ownStop === null) ownStop = iterations;
    run.read(xs, ys);
    calm = relativeDisplacement(px, py, xs, ys) < THRESHOLD ? calm + 1 : 0;
    [px, xs] = [xs, px];
    [py, ys] = [ys, py];
    if (calm >= WINDOW && !opt.fixed) { converged = true; break; }
  }
  return {
    tool: peers[key].label, iterations, converged, ownStop,
    msPerIteration: stepsMs / iterations, totalMs: setupMs + stepsMs,
    stress: normalizedStress(px, py, g.edges), np: neighborhoodPreservation(px, py, g.edges),
  };
}

// ------------------------------------------------------------------------------ Dramatis
function runOurs(g, seed, extra, label, wasm = false) {
  if (!existsSync(opt.dramatis)) throw new Error(`no ${opt.dramatis}: build it (bench/layout/README.md) or pass --dramatis`);
  const args = ['--only', g.name, '--seed', String(seed), ...extra];
  const out = wasm
    ? execFileSync(process.execPath, ['--no-experimental-fetch', opt.wasm, ...args], { encoding: 'utf8' })
    : execFileSync(opt.dramatis, args, { encoding: 'utf8' });
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  const line = lines.find((l) => l.mode === 'converge');
  // The C++ and JS generators must agree: same counts (and graphs.mjs's check, README).
  if (line.nodes !== g.nodes || line.edges !== g.edges.length) {
    throw new Error(`${g.name}: layout_bench has ${line.nodes} nodes / ${line.edges} edges, the JS port ` +
                    `${g.nodes} / ${g.edges.length}`);
  }
  return {
    tool: label, iterations: line.iterations,
    converged: line.converged, ownStop: null, msPerIteration: line.ms_per_iteration,
    totalMs: line.total_ms, stress: line.stress, np: line.neighborhood_preservation,
    multilevelMs: line.multilevel_start_ms,
  };
}

// --------------------------------------------------------------------------------- main
const rows = [];
for (const seed of opt.seeds) {
  for (const name of opt.only) {
    const g = makeGraph(name, seed);
    const start = startPositions(g.nodes, seed);
    const ours = runOurs(g, seed, [], 'Dramatis native');
    const results = [ours];
    // The same layout compiled to WebAssembly (one thread, SIMD): the same positions, its speed.
    if (existsSync(opt.wasm)) results.push(runOurs(g, seed, [], 'Dramatis WASM (Node)', true));
    else if (seed === opt.seeds[0]) process.stderr.write(`no ${opt.wasm}: the WASM row is left out\n`);
    // The same positions, bit for bit, on one thread (LayoutParams::threads): the peers use one.
    if (g.nodes >= 4096) results.push(runOurs(g, seed, ['--threads', '1'], 'Dramatis native, 1 thread'));
    if (g.nodes >= 5000) results.push(runOurs(g, seed, ['--no-multilevel'], 'Dramatis (no multilevel)'));
    // Our ForceAtlas2 with the settings graphology's inferSettings() gives this graph (strong
    // gravity 0.05, scaling 10) and its Barnes–Hut theta 0.5: the same model and accuracy as
    // the graphology row, so the two compare implementations rather than settings.
    results.push(runOurs(g, seed, ['--param', 'strong_gravity=1', '--param', 'gravity=0.05',
                                   '--param', 'scaling=10', '--param', 'theta=0.5'],
                         "Dramatis native, FA2's settings"));
    for (const key of opt.tools) {
      if (!peers[key]) throw new Error(`unknown tool ${key}`);
      process.stderr.write(`${name} seed ${seed}: ${key}...\n`);
      results.push(runPeer(key, g, start));
    }
    for (const r of results) {
      rows.push({ name, seed, graph: `${name} (${g.nodes} / ${g.edges.length})`,
                  ...r, ratio: r.msPerIteration / ours.msPerIteration });
      if (opt.json) console.log(JSON.stringify({ graph: name, seed, edges_fnv1a: edgesFnv1a(g.edges), ...r }));
    }
  }
}

const fmt = (v, d) => v.toFixed(d);
const status = (r) => r.converged ? 'yes' : (opt.fixed && !r.tool.startsWith('Dramatis') ? 'fixed' : 'no (cap)');
console.log('| graph (nodes / edges) | seed | tool | ms/iteration | × ours | iterations | converged | own stop at | time ms | stress | neighbourhood pres. |');
console.log('|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.graph} | ${r.seed} | ${r.tool} | ${fmt(r.msPerIteration, 2)} | ${fmt(r.ratio, 1)} | ${r.iterations} | ` +
              `${status(r)} | ${r.ownStop ?? '—'} | ${fmt(r.totalMs, 0)} | ` +
              `${fmt(r.stress, 3)} | ${fmt(r.np, 4)} |`);
}

if (opt.seeds.length > 1) {
  // Per graph and tool over the seeds: means, and the range of the quality figures.
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const range = (xs, d) => `${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)}`;
  console.log(`\nOver seeds ${opt.seeds.join(', ')}: means (quality: mean, then range)\n`);
  console.log('| graph | tool | ms/iteration | × ours | iterations | converged | time ms | stress | neighbourhood pres. |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|---|');
  const keys = [...new Set(rows.map((r) => `${r.name}\u0000${r.tool}`))];
  for (const key of keys) {
    const [name, tool] = key.split('\u0000');
    const rs = rows.filter((r) => r.name === name && r.tool === tool);
    const stress = rs.map((r) => r.stress), np = rs.map((r) => r.np);
    console.log(`| ${name} | ${tool} | ${fmt(mean(rs.map((r) => r.msPerIteration)), 2)} | ` +
                `${fmt(mean(rs.map((r) => r.ratio)), 1)} | ${fmt(mean(rs.map((r) => r.iterations)), 0)} | ` +
                `${rs.filter((r) => r.converged).length}/${rs.length} | ${fmt(mean(rs.map((r) => r.totalMs)), 0)} | ` +
                `${fmt(mean(stress), 4)} (${range(stress, 3)}) | ${fmt(mean(np), 4)} (${range(np, 4)}) |`);
  }
}
