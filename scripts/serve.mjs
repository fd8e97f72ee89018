#!/usr/bin/env node
// Serves the Dramatis web build as static files, with no dependencies beyond Node 20.
//   node scripts/serve.mjs [--root DIR] [--port N] [--host 127.0.0.1] [--prefix /some/sub/path/]
// Prints exactly one line on stdout once listening (tests parse it):
//   Dramatis is being served at http://HOST:PORT/PREFIX
// Only files inside --root are served (symbolic links that lead outside are refused), only under
// --prefix, with the same Content-Security-Policy as web/index.html. Everything else goes to stderr.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Keep in sync with the meta tag in web/index.html.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

function usage(code) {
  const text = 'usage: node scripts/serve.mjs [--root DIR] [--port N] [--host 127.0.0.1] ' +
    '[--prefix /some/sub/path/]\n' +
    '  --root    folder to serve (default: build/wasm/web in the repository)\n' +
    '  --port    port to listen on (default 8080; 0 picks a free one)\n' +
    '  --host    address to bind (default 127.0.0.1, loopback only)\n' +
    '  --prefix  URL path the files appear under (default /)\n';
  (code === 0 ? process.stdout : process.stderr).write(text);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { root: path.join(REPO_ROOT, 'build', 'wasm', 'web'), port: 8080, portGiven: false,
    host: '127.0.0.1', prefix: '/' };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) {
        process.stderr.write(`serve.mjs: ${arg} needs a value\n`);
        usage(2);
      }
      return argv[++i];
    };
    switch (arg) {
      case '--root': opts.root = path.resolve(next()); break;
      case '--port': {
        const raw = next();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) {
          process.stderr.write(`serve.mjs: bad port ${JSON.stringify(raw)}\n`);
          usage(2);
        }
        opts.port = port;
        opts.portGiven = true;
        break;
      }
      case '--host': opts.host = next(); break;
      case '--prefix': opts.prefix = next(); break;
      case '-h': case '--help': usage(0); break;
      default:
        process.stderr.write(`serve.mjs: unknown argument ${JSON.stringify(arg)}\n`);
        usage(2);
    }
  }
  // Normalise the prefix to "/a/b/" form.
  let prefix = opts.prefix.trim();
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  if (prefix.split('/').some((part) => part === '.' || part === '..') || /[?#\\]/.test(prefix)) {
    process.stderr.write(`serve.mjs: bad prefix ${JSON.stringify(opts.prefix)}\n`);
    usage(2);
  }
  opts.prefix = prefix.replace(/\/{2,}/g, '/');
  return opts;
}

function isInside(root, candidate) {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function baseHeaders(extra) {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
    ...extra,
  };
}

function sendText(res, status, text, extra) {
  const body = Buffer.from(text + '\n', 'utf8');
  res.writeHead(status, baseHeaders({
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    ...extra,
  }));
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

// Maps a request to a file inside root, or returns { status } / { redirect }.
async function resolveRequest(root, prefix, rawUrl) {
  const pathname = rawUrl.split(/[?#]/, 1)[0];
  // "/sub/dir" without its slash: redirect, so relative URLs in the page resolve under it.
  if (pathname + '/' === prefix) return { redirect: prefix };
  if (!pathname.startsWith(prefix)) return { status: 404 };

  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return { status: 400 };
  }
  if (rel.includes('\0') || rel.includes('\\')) return { status: 400 };
  // Refuse any dot segment outright rather than normalising it away.
  if (rel.split('/').some((part) => part === '..' || part === '.')) return { status: 404 };

  let file = path.resolve(root, '.' + path.sep + rel);
  if (!isInside(root, file)) return { status: 404 };

  let info;
  try {
    file = await realpath(file);
    if (!isInside(root, file)) return { status: 404 };
    info = await stat(file);
  } catch {
    return { status: 404 };
  }
  if (info.isDirectory()) {
    if (!pathname.endsWith('/')) return { redirect: pathname + '/' };
    file = path.join(file, 'index.html');
    try {
      file = await realpath(file);
      if (!isInside(root, file)) return { status: 404 };
      info = await stat(file);
    } catch {
      return { status: 404 };
    }
  }
  if (!info.isFile()) return { status: 404 };
  return { file, size: info.size, mtime: info.mtime };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let root;
  try {
    root = await realpath(opts.root);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch (e) {
    process.stderr.write(`serve.mjs: cannot serve ${opts.root}: ${e.message}\n` +
      '(build the web app first: cmake --preset wasm && cmake --build --preset wasm)\n');
    process.exit(1);
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
        return;
      }
      const found = await resolveRequest(root, opts.prefix, req.url || '/');
      if (found.redirect) {
        sendText(res, 301, 'Moved', { Location: found.redirect });
        return;
      }
      if (found.status) {
        sendText(res, found.status, found.status === 400 ? 'Bad request' : 'Not found');
        return;
      }
      const type = MIME[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, baseHeaders({
        'Content-Type': type,
        'Content-Length': found.size,
        'Last-Modified': found.mtime.toUTCString(),
      }));
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on('error', (e) => {
        process.stderr.write(`serve.mjs: reading ${found.file}: ${e.message}\n`);
        res.destroy();
      });
      stream.pipe(res);
    } catch (e) {
      process.stderr.write(`serve.mjs: ${e.stack || e}\n`);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 5000;

  const listen = (port) => new Promise((resolve, reject) => {
    const onError = (e) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host: opts.host, exclusive: true });
  });

  try {
    await listen(opts.port);
  } catch (e) {
    if (e.code === 'EADDRINUSE' && !opts.portGiven) {
      process.stderr.write(`serve.mjs: port ${opts.port} is busy; picking a free one\n`);
      try {
        await listen(0);
      } catch (e2) {
        process.stderr.write(`serve.mjs: cannot listen on ${opts.host}: ${e2.message}\n`);
        process.exit(1);
      }
    } else {
      process.stderr.write(`serve.mjs: cannot listen on ${opts.host}:${opts.port}: ${e.message}` +
        (e.code === 'EADDRINUSE' ? ' (use --port 0 for a free port)' : '') + '\n');
      process.exit(1);
    }
  }

  const { port } = server.address();
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  process.stdout.write(`Dramatis is being served at http://${host}:${port}${opts.prefix}\n`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main();
