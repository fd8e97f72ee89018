// How long the web app's frames get while it analyses a dropped document (the analysis runs in
// steps between frames, issue 5): serves a built web app (scripts/serve.mjs), opens it in headless
// Chromium (SwiftShader WebGL2), drops one generated document of dense news lines (a name, an
// organisation, a date and a quote on every line) of each size, and prints per size the seconds
// until the corpus is ready and the longest gaps between animation frames (ms). Usage:
//   node bench/frame/web_analysis_frames.mjs [--root build/wasm/web] [MB ...]   (default 0.05 4 16)
// Needs tests/e2e/node_modules (scripts/setup.sh installs it) and /usr/bin/chromium.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(REPO, 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
let root = path.join(REPO, 'build', 'wasm', 'web');
const sizes = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--root') root = path.resolve(args[++i]);
  else sizes.push(Number(args[i]));
}
if (sizes.length === 0) sizes.push(0.05, 4, 16);

const server = spawn(process.execPath, [path.join(REPO, 'scripts', 'serve.mjs'), '--root', root,
  '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (d) => {
    out += d;
    const m = /served at (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.on('exit', () => reject(new Error('serve.mjs exited')));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const mb of sizes) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => window.dramatis.ready);
    const result = await page.evaluate(async (mb) => {
      const names = ['Anna Keller', 'Boris Novak', 'Chen Sato', 'Dana Rossi'];
      const lines = [];
      for (let i = 0, size = 0; size < mb * 1048576; ++i) {
        const who = names[i % 4];
        const line = `Item ${i}: ${who} joined Acme Corp on ${1 + (i % 28)} March 2021. ` +
          `"We expect ${i % 97} products," ${who.split(' ')[1]} said.\n`;
        lines.push(line);
        size += line.length;
      }
      const gaps = [];
      let last = performance.now();
      let stop = false;
      const tick = (t) => {
        gaps.push(t - last);
        last = t;
        if (!stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const start = performance.now();
      await window.dramatis.addFiles([new File([lines.join('')], 'dense.txt')]);
      let ready = false;
      while (!ready && performance.now() - start < 300000) {
        await new Promise((r) => setTimeout(r, 250));
        const s = window.dramatis.state();
        ready = !s.loading && s.corpus.documents.length === 6;
      }
      stop = true;
      gaps.sort((a, b) => b - a);
      return { mb, ready, seconds: +((performance.now() - start) / 1000).toFixed(1),
        frames: gaps.length, longest_frames_ms: gaps.slice(0, 5).map(Math.round) };
    }, mb);
    console.log(JSON.stringify(result));
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
