#!/usr/bin/env node
// Browser end-to-end test of the Dramatis web build: serves it under a sub-path with
// scripts/serve.mjs, loads it in headless Chromium (SwiftShader WebGL2), drives window.dramatis,
// checks the pixels, then checks the friendly message when WebGL 2 is missing.
//   node tests/e2e/browser_e2e.mjs [--root build/wasm/web] [--out DIR] [--timeout SECONDS]
// Prints `ok - name` / `not ok - name` per check and ends with `N passed, M failed`; exit code 1
// on any failure. Needs `npm ci` in tests/e2e and Chromium at /usr/bin/chromium.
//
// Sections: [1] arguments and reporting  [2] server  [3] server checks  [4] app in the browser
//           [5] pages without WebGL 2 or WebAssembly SIMD  [6] main and clean-up

import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const SERVE = path.join(REPO_ROOT, 'scripts', 'serve.mjs');
const CHROMIUM = '/usr/bin/chromium';
const PREFIX = '/sub/dir/';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const WEBGL2_MESSAGE = 'Dramatis needs WebGL 2';
const SIMD_MESSAGE = 'Dramatis needs WebAssembly SIMD';

// -----------------------------------------------------------------------------------------------
// [1] Arguments and reporting
// -----------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = {
    root: path.join(REPO_ROOT, 'build', 'wasm', 'web'),
    out: path.join(REPO_ROOT, 'tests', 'e2e', 'out'),
    timeoutS: 120,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--root') opts.root = path.resolve(value());
    else if (flag === '--out') opts.out = path.resolve(value());
    else if (flag === '--timeout') opts.timeoutS = Number(value());
    else if (flag === '--native') opts.native = path.resolve(value());
    else if (flag === '-h' || flag === '--help') {
      console.log('usage: node tests/e2e/browser_e2e.mjs [--root build/wasm/web] [--out DIR] [--timeout SECONDS]');
      process.exit(0);
    } else {
      console.error(`browser_e2e: unknown argument ${JSON.stringify(argv[i])}`);
      process.exit(2);
    }
  }
  if (!(opts.timeoutS > 0)) {
    console.error('browser_e2e: --timeout needs a positive number of seconds');
    process.exit(2);
  }
  return opts;
}

let passed = 0;
let failed = 0;

function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
  if (detail !== undefined && detail !== '') {
    for (const line of String(detail).split('\n')) console.log(`  # ${line}`);
  }
  return ok;
}

function note(text) {
  for (const line of String(text).split('\n')) console.log(`# ${line}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// -----------------------------------------------------------------------------------------------
// [2] Server
// -----------------------------------------------------------------------------------------------

function startServer(root) {
  const child = spawn(process.execPath, [SERVE, '--root', root, '--port', '0', '--prefix', PREFIX], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { stderr += d; });
  const url = new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /^Dramatis is being served at (http:\/\/\S+)\r?$/m.exec(stdout);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code, signal) => {
      reject(new Error(`serve.mjs exited early (code ${code}, signal ${signal}): ${stderr.trim()}`));
    });
    child.on('error', reject);
  });
  return { child, url: withTimeout(url, 15000, 'starting serve.mjs'), stderr: () => stderr };
}

async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

// A raw request, so that ".." segments reach the server without being normalised away.
function rawGet(base, rawPath, method = 'GET') {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.setTimeout(10000, () => req.destroy(new Error('request timed out')));
    req.end();
  });
}

// -----------------------------------------------------------------------------------------------
// [3] Server checks (no browser)
// -----------------------------------------------------------------------------------------------

async function serverChecks(url, root) {
  const base = new URL(url);
  const html = await readFile(path.join(root, 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);

  const index = await rawGet(url, base.pathname);
  check('server: index.html under the sub-path', index.status === 200 &&
    /^text\/html/.test(index.headers['content-type'] || ''), `status ${index.status}`);
  check('server: CSP header matches the meta tag in index.html',
    meta !== null && index.headers['content-security-policy'] === meta[1],
    `header: ${index.headers['content-security-policy']}\nmeta:   ${meta && meta[1]}`);
  check('server: X-Content-Type-Options nosniff', index.headers['x-content-type-options'] === 'nosniff');

  const wasm = await rawGet(url, base.pathname + 'dramatis.wasm', 'HEAD');
  check('server: dramatis.wasm is application/wasm',
    wasm.status === 200 && wasm.headers['content-type'] === 'application/wasm',
    `status ${wasm.status}, type ${wasm.headers['content-type']}`);
  const js = await rawGet(url, base.pathname + 'dramatis.js', 'HEAD');
  check('server: dramatis.js is text/javascript',
    js.status === 200 && /^text\/javascript/.test(js.headers['content-type'] || ''),
    `status ${js.status}, type ${js.headers['content-type']}`);

  const bare = await rawGet(url, base.pathname.replace(/\/$/, ''));
  check('server: the sub-path without its slash redirects to it',
    bare.status === 301 && bare.headers.location === base.pathname, `status ${bare.status}`);

  const escapes = [
    base.pathname + '../../../../etc/passwd',
    base.pathname + '..%2f..%2f..%2f..%2fetc%2fpasswd',
    base.pathname + '%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  ];
  const statuses = [];
  for (const p of escapes) statuses.push((await rawGet(url, p)).status);
  check('server: path traversal is refused', statuses.every((s) => s === 404 || s === 400),
    `statuses ${statuses.join(', ')}`);
  const outside = await rawGet(url, '/index.html');
  check('server: nothing is served outside the prefix', outside.status === 404, `status ${outside.status}`);
}

// -----------------------------------------------------------------------------------------------
// [4] The app in the browser
// -----------------------------------------------------------------------------------------------

// Records what a page does so checks can look at it afterwards.
function watchPage(page, origin) {
  const log = { requests: [], foreign: [], httpErrors: [], consoleErrors: [], csp: [], pageErrors: [] };
  page.on('request', (req) => {
    const u = req.url();
    log.requests.push(u);
    const protocol = u.slice(0, u.indexOf(':') + 1);
    if (protocol === 'data:' || protocol === 'blob:') return;
    if (new URL(u).origin !== origin) log.foreign.push(u);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) log.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    log.httpErrors.push(`failed ${req.url()} (${req.failure() && req.failure().errorText})`);
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy/i.test(text)) log.csp.push(text);
    if (msg.type() === 'error') log.consoleErrors.push(text);
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e && e.stack ? e.stack : e)));
  return log;
}

// Runs in the page before any of its scripts: reports CSP violations through the console.
function cspProbe() {
  window.__dramatisCspViolations = [];
  window.addEventListener('securitypolicyviolation', (e) => {
    const text = `securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}` +
      ` at ${e.sourceFile}:${e.lineNumber}`;
    if (!window.__dramatisCspViolations.includes(text)) window.__dramatisCspViolations.push(text);
  }, true);
}

function pixelStats(png) {
  const colours = new Set();
  let sum = 0;
  let sumSq = 0;
  const n = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const r = png.data[i], g = png.data[i + 1], b = png.data[i + 2];
    if (colours.size < 65536) colours.add((r << 16) | (g << 8) | b);
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / n;
  return { distinct: colours.size, mean, std: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) };
}

// Label text (light grey on the dark theme, anti-aliased) within a label's reach of a node's
// centre in an image: a few bright, nearly neutral pixels. Node fills are saturated colours.
function labelTextNear(png, cx, cy) {
  let bright = 0;
  for (let y = Math.max(0, Math.round(cy - 60)); y < Math.min(png.height, Math.round(cy + 60)); ++y) {
    for (let x = Math.max(0, Math.round(cx - 160)); x < Math.min(png.width, Math.round(cx + 160)); ++x) {
      const i = 4 * (y * png.width + x);
      const r = png.data[i], g = png.data[i + 1], b = png.data[i + 2];
      if (Math.min(r, g, b) >= 200 && Math.max(r, g, b) - Math.min(r, g, b) <= 24) ++bright;
    }
  }
  return bright >= 12;
}

async function overlayText(page) {
  return page.evaluate(() => {
    const o = document.getElementById('overlay');
    if (!o) return 'no overlay';
    const part = (id) => {
      const e = document.getElementById(id);
      return e && !e.hidden && !e.closest('[hidden]') ? e.textContent.replace(/\s+/g, ' ').trim() : '';
    };
    const text = [part('status'), part('problem-title'), part('problem-text'), part('problem-detail')]
      .filter(Boolean).join(' | ');
    return `overlay ${o.hidden ? 'hidden' : 'shown'}: ${text}`;
  }).catch((e) => `could not read the overlay: ${e.message}`);
}

// The drawing buffer must follow the canvas' CSS size times devicePixelRatio: after a window
// resize, and on a high-DPI screen (emulated through the DevTools protocol).
async function resizeAndHighDpiChecks(page, opts) {
  const bufferMatches = () => page.waitForFunction(() => {
    const c = document.getElementById('canvas');
    return c.width === Math.round(innerWidth * devicePixelRatio) &&
      c.height === Math.round(innerHeight * devicePixelRatio);
  }, null, { timeout: 15000 }).then(() => true, () => false);
  const sizes = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return `buffer ${c.width}x${c.height}, viewport ${innerWidth}x${innerHeight} at ${devicePixelRatio}x`;
  });

  await page.setViewportSize({ width: 900, height: 640 });
  check('drawing buffer follows a window resize', await bufferMatches(), await sizes());

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride',
    { width: 900, height: 640, deviceScaleFactor: 2, mobile: false });
  const sharp = await bufferMatches();
  check('drawing buffer is in device pixels on a 2x screen', sharp &&
    (await page.evaluate(() => document.getElementById('canvas').width)) === 1800, await sizes());
  await page.screenshot({ path: path.join(opts.out, 'app-2x.png') }).catch(() => {});
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await cdp.detach();
}

async function appChecks(context, url, opts) {
  const origin = new URL(url).origin;
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const log = watchPage(page, origin);
  await page.addInitScript(cspProbe);

  let readyOk = false;
  try {
    const started = Date.now();
    const response = await page.goto(url, { waitUntil: 'load' });
    const title = await page.title();
    if (!check('page loads', response !== null && response.status() === 200 && title === 'Dramatis',
      `status ${response && response.status()}, title ${JSON.stringify(title)}`)) {
      return log;
    }

    const layout = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      const r = c.getBoundingClientRect();
      return {
        rect: [r.left, r.top, r.width, r.height], viewport: [innerWidth, innerHeight],
        scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
        tabindex: c.getAttribute('tabindex'),
      };
    });
    check('canvas fills the viewport with no scrollbars',
      layout.rect[0] === 0 && layout.rect[1] === 0 && layout.rect[2] === layout.viewport[0] &&
      layout.rect[3] === layout.viewport[1] && layout.scroll[0] <= layout.viewport[0] &&
      layout.scroll[1] <= layout.viewport[1] && layout.tabindex === '-1', JSON.stringify(layout));

    const readyResult = await withTimeout(
      page.evaluate(() => window.dramatis.ready.then(() => 'ready', (e) => `rejected: ${e && e.message}`)),
      opts.timeoutS * 1000, 'dramatis.ready',
    ).catch((e) => `error: ${e.message}`);
    readyOk = check('window.dramatis.ready resolves', readyResult === 'ready',
      `${readyResult} after ${((Date.now() - started) / 1000).toFixed(1)} s; ${await overlayText(page)}`);
    if (!readyOk) return log;
    note(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const overlayHidden = await page.evaluate(() => document.getElementById('overlay').hidden);
    check('loading overlay is hidden once ready', overlayHidden, await overlayText(page));

    let state = null;
    try {
      state = await page.evaluate(() => window.dramatis.state());
    } catch (e) {
      check('state() returns an object', false, e.message);
    }
    if (state !== null) {
      check('state() has schema dramatis.state/1', state.schema === 'dramatis.state/1', `schema ${state.schema}`);
      const docs = state.corpus && Array.isArray(state.corpus.documents) ? state.corpus.documents : [];
      const ids = docs.map((d) => d.id);
      check('state() lists exactly 5 documents with ids d0..d4',
        docs.length === 5 && ids.join(',') === 'd0,d1,d2,d3,d4', `ids ${JSON.stringify(ids)}`);
      check('every document has a non-empty title',
        docs.length > 0 && docs.every((d) => typeof d.title === 'string' && d.title.trim() !== ''),
        docs.map((d) => `${d.id}: ${JSON.stringify(d.title)}`).join('\n'));
    }

    try {
      const selected = await page.evaluate(() => window.dramatis.select('document', 'd2'));
      check("select('document', 'd2') returns true", selected === true, `returned ${JSON.stringify(selected)}`);
      const selection = await page.evaluate(() => window.dramatis.state().selection);
      check("state().selection is {kind:'document', id:'d2'}",
        selection !== null && typeof selection === 'object' && selection.kind === 'document' && selection.id === 'd2',
        `selection ${JSON.stringify(selection)}`);
      const missing = await page.evaluate(() => window.dramatis.select('document', 'nope'));
      check("select('document', 'nope') returns false", missing === false, `returned ${JSON.stringify(missing)}`);
    } catch (e) {
      check('select() works', false, e.message);
    }

    await graphChecks(page, opts);

    // Let a few frames draw the selection before the picture is taken.
    await page.evaluate(() => new Promise((resolve) => {
      let frames = 0;
      const tick = () => (++frames >= 5 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    }));
    await mkdir(opts.out, { recursive: true });
    const shotPath = path.join(opts.out, 'app.png');
    try {
      const shot = await page.screenshot({ path: shotPath });
      const stats = pixelStats(PNG.sync.read(shot));
      const visible = !(await page.evaluate(() => document.getElementById('overlay').hidden)) ? 'overlay shown' : '';
      check('canvas is not blank', visible === '' && stats.distinct >= 50 && stats.std >= 4,
        `${stats.distinct} distinct colours, luminance mean ${stats.mean.toFixed(1)} std ${stats.std.toFixed(1)}` +
        `${visible ? `, ${visible}` : ''}; screenshot ${shotPath}`);
    } catch (e) {
      check('canvas is not blank', false, `screenshot failed: ${e.message}`);
    }
    await resizeAndHighDpiChecks(page, opts);
  } finally {
    // These run even when start-up failed: they usually say why.
    if (!readyOk) {
      await mkdir(opts.out, { recursive: true });
      await page.screenshot({ path: path.join(opts.out, 'app-failed.png') }).catch(() => {});
    }
    const violations = await page.evaluate(() => window.__dramatisCspViolations || []).catch(() => []);
    check('no requests to other origins', log.foreign.length === 0, log.foreign.join('\n'));
    check('no failed or error HTTP responses', log.httpErrors.length === 0, log.httpErrors.join('\n'));
    check('no Content-Security-Policy violations', log.csp.length === 0 && violations.length === 0,
      [...new Set([...log.csp, ...violations])].join('\n'));
    check('no console errors or uncaught page errors', log.consoleErrors.length === 0 && log.pageErrors.length === 0,
      [...new Set([...log.consoleErrors, ...log.pageErrors])].join('\n'));
    await page.close();
  }
  return log;
}

// -----------------------------------------------------------------------------------------------
// [4b] The graph: rendered, laid out, picked, hovered, dragged, zoomed
// -----------------------------------------------------------------------------------------------

async function frames(page, n) {
  await page.evaluate((count) => new Promise((resolve) => {
    let k = 0;
    const tick = () => (++k >= count ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

async function graphState(page) {
  return page.evaluate(() => window.dramatis.state().graph);
}

async function graphChecks(page, opts) {
  let graph = await graphState(page);
  if (!check('graph: shaders compiled and the renderer is ready', graph && graph.renderer === 'ok',
    JSON.stringify(graph && graph.renderer))) return;
  check('graph: the built-in corpus gives a graph of entities and relations',
    graph.nodes >= 10 && graph.edges >= 10, `${graph.nodes} nodes, ${graph.edges} edges`);
  check('graph: a constant number of draw calls (edges, nodes, overlay)',
    graph.draw_calls >= 2 && graph.draw_calls <= 3, `${graph.draw_calls} draw calls`);

  // The page opens on a living picture: the layout runs, then stops by itself.
  const started = Date.now();
  while (graph.layout.running && Date.now() - started < opts.timeoutS * 1000) {
    await frames(page, 10);
    graph = await graphState(page);
  }
  check('graph: the layout converges and stops by itself',
    !graph.layout.running && graph.layout.converged && graph.layout.iterations > 0,
    JSON.stringify(graph.layout));
  await frames(page, 30);  // the closing fit animation
  graph = await graphState(page);
  check('graph: labels are placed', graph.labels >= 3 && graph.labelled.length >= 3, `${graph.labels} labels`);

  // Nodes and edges are on the screen: saturated node colours, and pixels off the background
  // along the middle of edges whose ends are known.
  const vp = graph.viewport;
  const shot = PNG.sync.read(await page.screenshot({
    clip: { x: vp.x, y: vp.y, width: vp.width, height: vp.height },
  }));
  let saturated = 0;
  for (let i = 0; i < shot.data.length; i += 4) {
    const r = shot.data[i], g = shot.data[i + 1], b = shot.data[i + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 80) saturated++;
  }
  check('graph: screenshot shows coloured nodes', saturated >= 300, `${saturated} saturated pixels`);
  const bg = [shot.data[0], shot.data[1], shot.data[2]];
  let edgesSeen = 0;
  for (const e of graph.edge_sample) {
    let off = 0;
    for (let t = 0.35; t <= 0.65; t += 0.05) {
      const x = Math.round(e.ax + (e.bx - e.ax) * t - vp.x);
      const y = Math.round(e.ay + (e.by - e.ay) * t - vp.y);
      if (x < 0 || y < 0 || x >= shot.width || y >= shot.height) continue;
      const i = (y * shot.width + x) * 4;
      if (Math.abs(shot.data[i] - bg[0]) + Math.abs(shot.data[i + 1] - bg[1]) + Math.abs(shot.data[i + 2] - bg[2]) > 12) off++;
    }
    if (off >= 2) edgesSeen++;
  }
  check('graph: screenshot shows the edges between nodes',
    graph.edge_sample.length > 0 && edgesSeen >= Math.ceil(graph.edge_sample.length * 0.6),
    `${edgesSeen} of ${graph.edge_sample.length} sampled edges visible`);

  // Picking: hover a labelled node, then click it.
  const target = graph.labelled[0];
  await page.mouse.move(target.x, target.y);
  await frames(page, 4);
  graph = await graphState(page);
  check('graph: hovering a node reports it (neighbours highlighted)', graph.hover === target.id,
    `hover ${JSON.stringify(graph.hover)}, expected ${target.id}`);
  await page.mouse.click(target.x, target.y);
  await frames(page, 4);
  let selection = await page.evaluate(() => window.dramatis.state().selection);
  check('graph: clicking a node selects its entity',
    selection && selection.kind === 'entity' && selection.id === target.id, JSON.stringify(selection));

  const other = graph.labelled[graph.labelled.length - 1];
  const ok = await page.evaluate((id) => window.dramatis.select('entity', id), other.id);
  selection = await page.evaluate(() => window.dramatis.state().selection);
  check("graph: select('entity', id) selects it", ok === true && selection.id === other.id,
    JSON.stringify(selection));
  check("graph: select('entity', 'nope') returns false",
    (await page.evaluate(() => window.dramatis.select('entity', 'nope'))) === false);

  // Wheel zooms around the cursor; dragging a node pins it.
  const zoom = graph.camera.zoom;
  await page.mouse.move(vp.x + vp.width / 2, vp.y + vp.height / 2);
  await page.mouse.wheel(0, -300);
  await frames(page, 4);
  graph = await graphState(page);
  check('graph: the wheel zooms in', graph.camera.zoom > zoom * 1.2, `${zoom} -> ${graph.camera.zoom}`);
  const drag = graph.labelled[0];
  await page.mouse.move(drag.x, drag.y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.move(drag.x + 40, drag.y + 25, { steps: 5 });
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 4);
  graph = await graphState(page);
  check('graph: dragging a node pins it', graph.pinned.includes(drag.id),
    `pinned ${JSON.stringify(graph.pinned)}, dragged ${drag.id}`);
}

// -----------------------------------------------------------------------------------------------
// [4c] The explorer: shared views, history, dropped files, exports, edits that survive a reload
// -----------------------------------------------------------------------------------------------

async function openApp(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.dramatis.ready);
  await frames(page, 3);
  return page;
}

const appState = (page) => page.evaluate(() => window.dramatis.state());

// RFC 4180 rows: quoted fields with doubled quotes, commas and line breaks inside quotes.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

async function explorerChecks(context, url, opts) {
  let page = await openApp(context, url);
  let state = await appState(page);
  const entities = state.panels.entities.first;
  if (!check('explorer: the entities panel lists entities', entities.length >= 2, JSON.stringify(entities))) return;
  const first = entities[0];

  // Changing the selection updates the fragment; back restores the previous view.
  await page.evaluate((id) => window.dramatis.select('entity', id), first);
  await frames(page, 4);
  const hashEntity = await page.evaluate(() => location.hash);
  check('explorer: selecting an entity puts it in the URL fragment', hashEntity.includes(`s=e:${first}`), hashEntity);
  state = await appState(page);
  check('explorer: the inspector shows the selected entity', state.panels.inspector.id === first,
    JSON.stringify(state.panels.inspector));
  const quote = state.analysis.quotes > 0 ? 'q0' : null;
  if (quote) {
    await page.evaluate((id) => window.dramatis.select('quote', id), quote);
    await frames(page, 4);
    const hashQuote = await page.evaluate(() => location.hash);
    check('explorer: selecting a quote updates the fragment', hashQuote.includes('s=q:q0'), hashQuote);
    await page.goBack();
    await frames(page, 4);
    state = await appState(page);
    check('explorer: browser back restores the previous view',
      state.selection && state.selection.kind === 'entity' && state.selection.id === first,
      JSON.stringify(state.selection));
  }

  // A link with a fragment opens the stated view.
  const fragment = `v=1&s=e:${first}&eg=1`;
  const linked = await openApp(context, `${url}#${fragment}`);
  state = await appState(linked);
  check('explorer: a link opens the stated view (selection and ego depth)',
    state.selection && state.selection.id === first && state.view.ego_depth === 1,
    JSON.stringify({ selection: state.selection, ego: state.view.ego_depth, problems: state.problems }));
  check('explorer: the ego view shows fewer nodes than the whole graph',
    state.graph.nodes < state.analysis.entities, `${state.graph.nodes} of ${state.analysis.entities}`);
  const webView = state.view;
  await linked.close();
  const other = await openApp(context, `${url}#v=1&c=0000000000000000&s=e:${first}`);
  state = await appState(other);
  check('explorer: a link from another corpus says so instead of showing something else',
    state.problems.some((p) => /another corpus/.test(p)) && !state.selection, JSON.stringify(state.problems));
  await other.close();

  // Exports download and parse.
  const download = async (format) => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }),
      page.evaluate((f) => window.dramatis.export(f), format)]);
    return readFile(await d.path());
  };
  const nodeLink = JSON.parse((await download('node-link')).toString('utf8'));
  check('explorer: node-link export parses with nodes and links',
    Array.isArray(nodeLink.nodes) && nodeLink.nodes.length > 5 && Array.isArray(nodeLink.links),
    `${nodeLink.nodes && nodeLink.nodes.length} nodes`);
  for (const format of ['gexf', 'graphml']) {
    const xml = (await download(format)).toString('utf8');
    const ok = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return doc.getElementsByTagName('parsererror').length === 0 && doc.getElementsByTagName('node').length > 5;
    }, xml);
    check(`explorer: ${format} export is well-formed XML with nodes`, ok, `${xml.length} bytes`);
  }
  const csv = parseCsv((await download('quotes-csv')).toString('utf8'));
  check('explorer: quotes CSV parses, one row per quote plus a header',
    csv.length - 1 === (await appState(page)).analysis.quotes && csv[0].includes('speaker_name'), `${csv.length} rows`);
  const pngBytes = await download('png');
  await writeFile(path.join(opts.out, 'export.png'), pngBytes);  // kept for a look when a check fails
  const png = PNG.sync.read(pngBytes);
  state = await appState(page);
  check('explorer: the PNG export is twice the graph panel in size',
    png.width === Math.round(state.graph.viewport.width * 2) && png.height === Math.round(state.graph.viewport.height * 2),
    `${png.width}x${png.height} for a ${state.graph.viewport.width}x${state.graph.viewport.height} panel`);
  // Dimmed labels (away from the selection) are faint; the others must be there, in full.
  const bright = state.graph.labelled.filter((l) => !l.dimmed);
  const shown = bright.filter((l) => labelTextNear(png, 2 * (l.x - state.graph.viewport.x), 2 * (l.y - state.graph.viewport.y)));
  check('explorer: the PNG export shows the labels that are on screen',
    bright.length >= 3 && shown.length === bright.length,
    `${shown.length} of ${bright.length} labelled nodes (not dimmed) have label text beside them in the PNG`);
  const analysis = JSON.parse((await download('analysis')).toString('utf8'));
  check('explorer: the analysis export is dramatis.analysis/1', analysis.schema === 'dramatis.analysis/1', analysis.schema);

  // A dropped file adds its entities, with a progress indicator while it is read.
  const before = await appState(page);
  await page.evaluate(() => {
    window.__loading = [];
    const watch = () => {
      const s = window.dramatis.state();
      window.__loading.push(s.loading);
      if (s.loading || window.__loading.length < 3) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const text = 'Margrethe Vestager, the European Commission\'s competition chief, said on Tuesday that ' +
      'Brussels would study the deal. "We will look at it closely," Vestager told reporters in Brussels.\n';
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped-story.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  let after = before;
  const t0 = Date.now();
  while (Date.now() - t0 < 20000) {
    await frames(page, 5);
    after = await appState(page);
    if (after.corpus.documents.length > before.corpus.documents.length && !after.loading) break;
  }
  const seen = await page.evaluate(() => window.__loading.filter((l) => l && l.stage).map((l) => l.stage));
  check('explorer: a dropped file joins the corpus and adds its entities',
    after.corpus.documents.length === before.corpus.documents.length + 1 &&
      after.analysis.entities > before.analysis.entities,
    `${before.corpus.documents.length} -> ${after.corpus.documents.length} documents, ` +
      `${before.analysis.entities} -> ${after.analysis.entities} entities`);
  check('explorer: a progress indicator shows while the file is analysed', seen.length > 0, JSON.stringify(seen));
  await page.close();

  // Edits survive a reload (local storage), even opened without the link that carries them.
  page = await openApp(context, url);
  state = await appState(page);
  const target = state.panels.entities.first[1];
  await page.evaluate((id) => window.dramatis.edit('hide', id), target);
  await page.evaluate((id) => window.dramatis.edit('rename', id, '', 'Renamed In Test'), target);
  await frames(page, 3);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.dramatis.ready);
  await frames(page, 3);
  state = await appState(page);
  check('explorer: edits survive a reload',
    state.edits.hidden.includes(target) && state.edits.renames[target] === 'Renamed In Test',
    JSON.stringify(state.edits));
  // They export as one file and import back (here after the saved ones are gone).
  const editsFile = (await download('edits')).toString('utf8');
  check('explorer: edits export as dramatis.edits/1', JSON.parse(editsFile).schema === 'dramatis.edits/1');
  await page.evaluate(() => localStorage.clear());
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.dramatis.ready);
  await frames(page, 3);
  const cleared = (await appState(page)).edits.hidden.length === 0;
  await page.evaluate((text) => window.dramatis.addFiles([new File([text], 'my-edits.json')]), editsFile);
  await frames(page, 3);
  state = await appState(page);
  check('explorer: an exported edits file imports back', cleared && state.edits.hidden.includes(target),
    JSON.stringify(state.edits.hidden));
  await page.evaluate(() => localStorage.clear());
  await page.close();

  // ?corpus= opens a hosted corpus from the same site, and refuses one from anywhere else.
  const hosted = path.join(opts.root, 'corpora', 'e2e-hosted');
  await mkdir(hosted, { recursive: true });
  await writeFile(path.join(hosted, 'story.json'), JSON.stringify({
    schema: 'dramatis.corpus/1', name: 'Hosted test story',
    documents: [{ id: 'h0', file: 'one.txt', title: 'A hosted article', date: '2024-03-05' }],
  }));
  await writeFile(path.join(hosted, 'one.txt'),
    'Ada Lovelace, the mathematician, said on Monday that "the engine might compose music."\n');
  try {
    page = await openApp(context, `${url}?corpus=corpora/e2e-hosted/story.json`);
    const t1 = Date.now();
    do {
      await frames(page, 5);
      state = await appState(page);
    } while ((state.corpus.documents.length !== 1 || state.loading) && Date.now() - t1 < 20000);
    check('explorer: ?corpus= opens a hosted corpus from the same site',
      state.corpus.documents.length === 1 && state.corpus.documents[0].title === 'A hosted article',
      JSON.stringify(state.corpus.documents.map((d) => d.title)));
    await page.close();
  } finally {
    await rm(hosted, { recursive: true, force: true });
  }
  page = await context.newPage();
  const log = watchPage(page, new URL(url).origin);
  await page.goto(`${url}?corpus=http://example.invalid/story.json`, { waitUntil: 'load' });
  await page.evaluate(() => window.dramatis.ready);
  await frames(page, 5);
  state = await appState(page);
  check('explorer: ?corpus= from another origin is refused, with a message, and nothing is fetched',
    state.problems.some((p) => /must name a file on this site/.test(p)) && log.foreign.length === 0 &&
      state.corpus.documents.length === 5,
    JSON.stringify({ problems: state.problems, foreign: log.foreign }));
  await page.close();
  return { fragment, webView };
}

// Limits (docs/security.md, "Limits"): a 1 MB link is refused whole, a file past the document
// limit is cut with a warning, and a failed memory growth is caught and explained, not a crash.
async function limitsChecks(context, url) {
  let page = await context.newPage();
  page.setDefaultTimeout(60000);
  const log = watchPage(page, new URL(url).origin);
  await page.goto(`${url}#v=1&s=e:${'e'.repeat(1 << 20)}`, { waitUntil: 'load' });
  await page.evaluate(() => window.dramatis.ready);
  await frames(page, 3);
  let state = await appState(page);
  check('limits: a 1 MB link is refused with a message, and the app opens as usual',
    state.problems.some((p) => /more than the 65536 this version reads/.test(p)) &&
      state.selection === null && state.corpus.documents.length === 5 && log.foreign.length === 0,
    JSON.stringify(state.problems).slice(0, 300));
  await page.close();

  page = await openApp(context, url);
  // 17 MiB of short lines: read up to the 16 MiB document limit, cut at a line break.
  await page.evaluate(() => {
    const line = 'Ada met Grace at the lab.\n';
    const text = line.repeat(Math.ceil((17 << 20) / line.length));
    return window.dramatis.addFiles([new File([text], 'too-long.txt')]);
  });
  const t0 = Date.now();
  do {
    await frames(page, 5);
    state = await appState(page);
  } while ((state.corpus.documents.length !== 6 || state.loading) && Date.now() - t0 < 120000);
  const cut = state.corpus.documents.find((d) => d.source === 'too-long.txt' || /too-long/.test(d.title || d.path || ''));
  check('limits: a dropped file past 16 MiB is cut to the limit, with a warning naming it',
    state.problems.some((p) => /too-long\.txt: warning at byte \d+: longer than the 16\.0 MB/.test(p)) &&
      state.corpus.documents.length === 6,
    JSON.stringify({ problems: state.problems, docs: state.corpus.documents.length, cut }));
  await page.close();

  // Memory: fill the WebAssembly heap to its ceiling (2 GiB) with the app's own malloc, leave
  // about 2 MB, then drop an 8 MB file. Its copy into the heap cannot be made: the page says so
  // and the app goes on (or, should a frame's own allocation fail first, the page explains that
  // it ran out of memory). Either way: a message, never a silent failure or a blank page.
  page = await openApp(context, url);
  const outcome = await page.evaluate(async () => {
    const reserve = Module._malloc(2 << 20); // freed once the rest is full: the app's headroom
    const blocks = [];
    for (const size of [64 << 20, 1 << 20, 64 << 10]) {
      for (;;) {
        const p = Module._malloc(size);
        if (!p) break;
        blocks.push(p);
      }
    }
    Module._free(reserve);
    const heap = Module.HEAPU8.length;
    let error = null;
    try {
      await window.dramatis.addFiles([new File([new Uint8Array(8 << 20).fill(65)], 'big.txt')]);
    } catch (e) {
      error = String(e);
    }
    for (const p of blocks) Module._free(p);
    return { heap, error };
  });
  await frames(page, 5);
  const overlay = await overlayText(page);
  let alive = null;
  try {
    alive = await appState(page);
  } catch (e) {
    alive = null;
  }
  const reported = alive !== null && alive.problems.some((p) => /big\.txt: not enough memory left/.test(p));
  const explained = /ran out of memory/.test(overlay);
  check('limits: a failed memory growth is caught and explained (the heap reached its ceiling)',
    outcome.heap > 1.9 * 1024 * 1024 * 1024 && (reported || explained),
    JSON.stringify({ outcome, reported, explained, overlay: overlay.slice(0, 200) }));
  if (reported) {
    check('limits: after the failed growth the app goes on (the corpus is unchanged)',
      alive.corpus.documents.length === 5 && !alive.loading, JSON.stringify(alive.corpus.documents.length));
  }
  await page.close();
}

// The native app opens the same fragment to the same view (selection, filters, ego depth, edits).
async function nativeViewChecks(opts, shared) {
  if (!opts.native || !shared) return;
  const out = await mkdtemp(path.join(os.tmpdir(), 'dramatis-native-view-'));
  const statePath = path.join(out, 'state.json');
  const code = await new Promise((resolve) => {
    const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', opts.native, '--frames', '6',
      '--view', shared.fragment, '--state', statePath, '--edits-dir', out, '--screenshot', path.join(out, 'shot.png')],
      { env: { ...process.env, LIBGL_ALWAYS_SOFTWARE: '1' }, stdio: 'ignore' });
    child.on('exit', resolve);
  });
  if (!check('native: --view runs', code === 0, `exit ${code}`)) return;
  const native = JSON.parse(await readFile(statePath, 'utf8')).view;
  const pick = (v) => JSON.stringify({ s: v.selection, f: v.filters, t: v.time_range, e: v.ego_depth,
    q: v.quotes, c: v.corpus, x: v.extractor });
  check('native: --view restores the same view state as the web', pick(native) === pick(shared.webView),
    `${pick(native)} vs ${pick(shared.webView)}`);
  const shot = PNG.sync.read(await readFile(path.join(out, 'shot.png')));
  check('native: --screenshot shows the view', pixelStats(shot).distinct >= 50, `${shot.width}x${shot.height}`);
  await rm(out, { recursive: true, force: true });
}

// -----------------------------------------------------------------------------------------------
// [5] The page without WebGL 2, or without WebAssembly SIMD
// -----------------------------------------------------------------------------------------------

// Runs in the page before its scripts: the browser "has no" WebGL 2.
function hideWebGL2() {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    if (String(type).toLowerCase() === 'webgl2') return null;
    return original.call(this, type, ...rest);
  };
}

// Runs in the page before its scripts: the browser "has no" WebAssembly SIMD (nothing that
// uses it validates).
function hideWasmSimd() {
  WebAssembly.validate = () => false;
}

const MISSING_FEATURES = [
  { label: 'WebGL 2', hide: hideWebGL2, message: WEBGL2_MESSAGE, shot: 'no-webgl2.png' },
  { label: 'WebAssembly SIMD', hide: hideWasmSimd, message: SIMD_MESSAGE, shot: 'no-wasm-simd.png' },
];

// The page on a browser that lacks `feature`: a plain message with tips, no download of the app.
async function missingFeatureChecks(context, url, opts, feature) {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const log = watchPage(page, new URL(url).origin);
  await page.addInitScript(cspProbe);
  await page.addInitScript(feature.hide);
  await page.goto(url, { waitUntil: 'load' });

  let shown = false;
  try {
    await page.waitForFunction((text) => {
      const p = document.getElementById('problem');
      return p && !p.hidden && p.offsetParent !== null && p.textContent.includes(text);
    }, feature.message, { timeout: 15000 });
    shown = true;
  } catch {
    // reported below
  }
  check(`without ${feature.label} the page says "${feature.message}"`, shown, await overlayText(page));
  const tips = await page.evaluate(() => document.querySelectorAll('#problem-tips li').length).catch(() => 0);
  check(`without ${feature.label} the page suggests what to try`, tips > 0, `${tips} tips`);
  const readyState = await withTimeout(
    page.evaluate(() => window.dramatis.ready.then(() => 'resolved', () => 'rejected')), 5000, 'ready',
  ).catch((e) => e.message);
  check(`without ${feature.label} dramatis.ready rejects`, readyState === 'rejected', readyState);

  await page.waitForTimeout(1000); // give a wrongly started download the time to show up
  const appRequests = log.requests.filter((u) => /\/dramatis\.(wasm|js)(\?|$)/.test(new URL(u).pathname));
  check(`without ${feature.label} neither dramatis.js nor dramatis.wasm is requested`, appRequests.length === 0,
    appRequests.join('\n'));
  check(`without ${feature.label} there are no console errors, CSP violations or other origins`,
    log.consoleErrors.length === 0 && log.pageErrors.length === 0 && log.csp.length === 0 &&
    log.foreign.length === 0, [...log.consoleErrors, ...log.pageErrors, ...log.csp, ...log.foreign].join('\n'));
  await mkdir(opts.out, { recursive: true });
  await page.screenshot({ path: path.join(opts.out, feature.shot) }).catch((e) => note(`screenshot: ${e.message}`));
  await page.close();
}

// -----------------------------------------------------------------------------------------------
// [6] Main and clean-up
// -----------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let server = null;
  let context = null;
  let userDataDir = null;

  const cleanup = async () => {
    if (context) await context.close().catch(() => {});
    context = null;
    if (server) await stopServer(server.child).catch(() => {});
    server = null;
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    userDataDir = null;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.log(`# interrupted by ${signal}; cleaning up`);
      cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const missing = [];
    for (const f of ['index.html', 'style.css', 'dramatis-glue.js', 'dramatis.js', 'dramatis.wasm']) {
      try {
        await access(path.join(opts.root, f));
      } catch {
        missing.push(f);
      }
    }
    if (!check(`web build is present in ${opts.root}`, missing.length === 0, missing.length
      ? `missing: ${missing.join(', ')} (build it: cmake --preset wasm && cmake --build --preset wasm)` : '')) {
      return;
    }

    server = startServer(opts.root);
    let url;
    try {
      url = await server.url;
    } catch (e) {
      check('serve.mjs starts and prints its address', false, e.message);
      return;
    }
    check('serve.mjs starts and prints its address', url.endsWith(PREFIX), url);

    try {
      await serverChecks(url, opts.root);
    } catch (e) {
      check('server checks run', false, e.stack || e.message);
    }

    userDataDir = await mkdtemp(path.join(os.tmpdir(), 'dramatis-e2e-'));
    try {
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
        acceptDownloads: true,
        timeout: 60000,
      });
    } catch (e) {
      check('chromium starts', false, e.message);
      return;
    }

    try {
      await appChecks(context, url, opts);
    } catch (e) {
      check('app checks run', false, e.stack || e.message);
    }
    let shared = null;
    try {
      shared = await explorerChecks(context, url, opts);
    } catch (e) {
      check('explorer checks run', false, e.stack || e.message);
    }
    try {
      await limitsChecks(context, url);
    } catch (e) {
      check('limits checks run', false, e.stack || e.message);
    }
    try {
      await nativeViewChecks(opts, shared);
    } catch (e) {
      check('native view checks run', false, e.stack || e.message);
    }
    try {
      for (const feature of MISSING_FEATURES) await missingFeatureChecks(context, url, opts, feature);
    } catch (e) {
      check('no-WebGL2 checks run', false, e.stack || e.message);
    }
    if (server.stderr().trim()) note(`serve.mjs stderr:\n${server.stderr().trim()}`);
  } finally {
    await cleanup();
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  }
}

main().catch((e) => {
  console.log(`not ok - test harness error\n  # ${String(e.stack || e).split('\n').join('\n  # ')}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
