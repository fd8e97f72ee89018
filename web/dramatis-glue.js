// Dramatis web glue: checks the browser, loads the Emscripten app with a download progress bar,
// shows friendly errors, and exposes a small API for tests and scripts:
//   window.dramatis = { ready: Promise, state(): object, select(kind, id): boolean,
//                       openView(fragment): number, addFiles(files): Promise }
// It also carries what the app asks of the page: the URL fragment (history steps), downloads,
// the clipboard, the file picker and dropped files and folders, all read locally: nothing is
// ever uploaded.
//
// Sections: [1] page elements and overlay  [2] failure reporting  [3] browser checks
//           [4] wasm download (instantiateWasm)  [5] Module config  [6] public API
//           [7] files, downloads and history  [8] start
//
// The page's Content-Security-Policy forbids inline scripts, inline styles, eval and other
// origins, so everything here uses textContent, the `hidden` attribute and relative URLs only.
// dramatis.js (Emscripten output, not modularized) reads the global `Module` defined below.
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // [1] Page elements and overlay
  // ---------------------------------------------------------------------------------------------

  const WASM_URL = 'dramatis.wasm'; // relative: the page works from any sub-path
  const APP_URL = 'dramatis.js';

  const el = {
    canvas: document.getElementById('canvas'),
    overlay: document.getElementById('overlay'),
    loading: document.getElementById('loading'),
    progress: document.getElementById('progress'),
    status: document.getElementById('status'),
    problem: document.getElementById('problem'),
    problemTitle: document.getElementById('problem-title'),
    problemText: document.getElementById('problem-text'),
    problemTips: document.getElementById('problem-tips'),
    problemDetail: document.getElementById('problem-detail'),
  };

  // 'loading' until the C++ side calls Module.dramatisReady(), then 'ready'; 'failed' is final.
  let phase = 'loading';
  let slowTimer = 0;

  let resolveReady;
  let rejectReady;
  const ready = new Promise(function (resolve, reject) {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // The overlay already reports failures; this keeps a rejection nobody awaits from also being
  // reported as an unhandled rejection. Callers that await `ready` still see it reject.
  ready.catch(function () {});

  function setStatusText(text) {
    el.status.textContent = text;
  }

  // fraction in [0, 1], or null for an indeterminate bar.
  function setProgress(fraction) {
    if (fraction === null || !Number.isFinite(fraction)) {
      el.progress.removeAttribute('value');
    } else {
      el.progress.value = Math.min(1, Math.max(0, fraction));
    }
  }

  function formatBytes(n) {
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(0) + ' KB';
    if (n < 1024 * 1024 * 1024) return (n / (1024 * 1024)).toFixed(1) + ' MB';
    return (n / (1024 * 1024 * 1024)).toFixed(1) + ' GB';
  }

  function showOverlay() {
    el.overlay.hidden = false;
  }

  function hideOverlay() {
    el.overlay.hidden = true;
  }

  // ---------------------------------------------------------------------------------------------
  // [2] Failure reporting
  // ---------------------------------------------------------------------------------------------

  function describe(value) {
    if (value === undefined || value === null) return '';
    if (value instanceof Error) {
      const head = value.name && value.message ? value.name + ': ' + value.message : String(value);
      return value.stack && value.stack.indexOf(value.message) >= 0 ? value.stack : head;
    }
    if (typeof value === 'object') {
      try {
        return JSON.stringify(value);
      } catch (e) {
        return String(value);
      }
    }
    return String(value);
  }

  // Shows a problem in the overlay. Only text nodes are created: nothing is parsed as HTML.
  function showProblem(title, text, tips, detail) {
    el.problemTitle.textContent = title;
    el.problemText.textContent = text;
    el.problemTips.replaceChildren();
    for (const tip of tips || []) {
      const li = document.createElement('li');
      li.textContent = tip;
      el.problemTips.appendChild(li);
    }
    const detailText = describe(detail);
    el.problemDetail.textContent = detailText;
    el.problemDetail.hidden = detailText === '';
    el.loading.hidden = true;
    el.problem.hidden = false;
    showOverlay();
  }

  // The first failure wins: later errors are usually consequences of it. Rejects `ready`.
  function fail(title, text, tips, detail) {
    if (phase === 'failed') {
      if (detail !== undefined) console.warn('Dramatis (after failure):', detail);
      return;
    }
    phase = 'failed';
    clearTimeout(slowTimer);
    showProblem(title, text, tips, detail);
    const reason = detail instanceof Error ? detail : new Error(title + ': ' + (describe(detail) || text));
    rejectReady(reason);
  }

  // The app's memory ceiling (-sMAXIMUM_MEMORY in src/platform/CMakeLists.txt).
  const MAX_MEMORY = 2147483648;
  const MEMORY_TIPS = [
    'Reload the page, then open fewer or smaller documents at a time (one document is read up ' +
      'to 16 MB, a corpus up to 64 MB of text: see docs/security.md, "Limits").',
    'The desktop app (dramatis) has no such ceiling for the same documents.',
  ];

  // An abort is a memory failure when the heap has grown to (nearly) its ceiling or the message
  // says so: allocation failures abort with messages like "OOM" or "Cannot enlarge memory".
  function outOfMemory(what) {
    const text = String(what || '');
    if (/OOM|out of memory|enlarge memory|bad_alloc|allocation failed/i.test(text)) return true;
    const heap = Module.HEAPU8 ? Module.HEAPU8.length : 0;
    return heap > 0.9 * MAX_MEMORY;
  }

  const RELOAD_TIPS = [
    'Reload the page.',
    'If it happens again, try another browser, and report the problem with the details below.',
  ];

  // Uncaught errors while loading stop the start-up: the app cannot be trusted after them.
  window.addEventListener('error', function (event) {
    if (phase !== 'loading') return;
    fail('Dramatis could not start', 'An error stopped the page while it was loading.',
      RELOAD_TIPS, event.error || event.message || 'unknown error');
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (phase !== 'loading') return;
    fail('Dramatis could not start', 'An error stopped the page while it was loading.',
      RELOAD_TIPS, event.reason || 'unknown error');
  });

  // ---------------------------------------------------------------------------------------------
  // [3] Browser checks
  // ---------------------------------------------------------------------------------------------

  function hasWebAssembly() {
    return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
  }

  // A module of one function that uses a 128-bit SIMD instruction (i8x16.popcnt, from the
  // final SIMD proposal): it validates only where the browser has WebAssembly SIMD, which our
  // build uses (cmake/ProjectOptions.cmake).
  const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1,
    0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

  function hasWasmSimd() {
    try {
      return WebAssembly.validate(SIMD_PROBE);
    } catch (e) {
      return false;
    }
  }

  function hasWebGL2() {
    try {
      const probe = document.createElement('canvas');
      const gl = probe.getContext('webgl2');
      if (!gl) return false;
      // Give the probe context back now rather than when it is garbage-collected; browsers cap
      // the number of live contexts.
      const lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();
      return true;
    } catch (e) {
      return false;
    }
  }

  const WEBGL2_TIPS = [
    'Update your browser: current Firefox, Chrome, Edge and Safari (15 or newer) all support WebGL 2.',
    'Turn on hardware acceleration ("Use graphics acceleration when available") in the browser\'s ' +
      'settings, then restart the browser.',
    'Update your graphics driver: browsers turn WebGL off for drivers they do not trust. ' +
      'Chrome and Edge explain why on the page chrome://gpu; in Firefox, see about:support.',
    'Try another browser or another computer.',
  ];

  // ---------------------------------------------------------------------------------------------
  // [4] Wasm download with progress (Module.instantiateWasm)
  // ---------------------------------------------------------------------------------------------

  // Reads the response body chunk by chunk so the progress bar shows real bytes. The bar is
  // indeterminate when the server sends no usable Content-Length (none, or one that counts
  // compressed bytes while the reader sees decompressed ones).
  async function download(url) {
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (e) {
      throw new Error('The download of ' + url + ' failed (' + describe(e) + ').');
    }
    if (!response.ok) {
      throw new Error('The server answered ' + response.status + ' ' + response.statusText +
        ' for ' + url + '.');
    }

    const encoding = (response.headers.get('Content-Encoding') || 'identity').toLowerCase();
    let total = Number(response.headers.get('Content-Length'));
    if (!Number.isFinite(total) || total <= 0 || encoding !== 'identity') total = 0;

    const report = function (received) {
      if (total > 0 && received <= total) {
        setProgress(received / total);
        setStatusText('Downloading Dramatis\u2026 ' + formatBytes(received) + ' of ' +
          formatBytes(total) + ' (' + Math.floor((100 * received) / total) + '%)');
      } else {
        setProgress(null);
        setStatusText('Downloading Dramatis\u2026 ' + formatBytes(received));
      }
    };
    report(0);

    if (!response.body || typeof response.body.getReader !== 'function') {
      const whole = new Uint8Array(await response.arrayBuffer());
      report(whole.length);
      return whole;
    }

    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      report(received);
    }
    if (chunks.length === 1) return chunks[0];
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  // Emscripten calls this with its imports and a callback taking (instance, module); returning
  // {} tells it the exports arrive later through the callback.
  function instantiateWasm(imports, successCallback) {
    download(WASM_URL)
      .then(function (bytes) {
        if (phase === 'failed') return undefined;
        setProgress(null);
        setStatusText('Compiling\u2026');
        return WebAssembly.instantiate(bytes, imports).then(function (result) {
          if (phase === 'failed') return;
          setProgress(1);
          setStatusText('Reading the stories and drawing the first frame\u2026');
          slowTimer = setTimeout(function () {
            if (phase === 'loading') {
              setStatusText('Still starting\u2026 this can take a while on a slow computer or ' +
                'without graphics acceleration.');
            }
          }, 15000);
          successCallback(result.instance, result.module);
        });
      })
      .catch(function (e) {
        fail('Dramatis could not start', 'The app could not be downloaded or compiled.', [
          'Check your connection and reload the page.',
          'If you host Dramatis yourself, check that dramatis.wasm sits beside index.html and ' +
            'is served as application/wasm.',
        ], e);
      });
    return {};
  }

  // ---------------------------------------------------------------------------------------------
  // [5] Module config, read by dramatis.js
  // ---------------------------------------------------------------------------------------------

  const Module = {
    canvas: el.canvas,

    print: function () {
      console.log(Array.prototype.slice.call(arguments).join(' '));
    },

    // stderr goes to console.warn (Emscripten's own default): app diagnostics are not page errors.
    printErr: function () {
      console.warn(Array.prototype.slice.call(arguments).join(' '));
    },

    // The runtime says 'Running...' once the wasm is in, then '' when main() starts.
    setStatus: function (text) {
      if (phase !== 'loading' || !text) return;
      if (/^Running/.test(text)) return;
      setStatusText(String(text));
    },

    onAbort: function (what) {
      const title = phase === 'ready' ? 'Dramatis stopped' : 'Dramatis could not start';
      if (phase === 'ready') phase = 'loading'; // let fail() report it even after start-up
      if (outOfMemory(what)) {
        fail('Dramatis ran out of memory',
          'The browser lets a page use at most ' + formatBytes(MAX_MEMORY) + ' of WebAssembly ' +
            'memory, and the documents open needed more. Nothing was uploaded anywhere, and the ' +
            'edits you saved are kept in this browser.', MEMORY_TIPS, what === undefined ? 'aborted' : what);
        return;
      }
      fail(title, 'The app hit an internal error and had to stop.', RELOAD_TIPS,
        what === undefined ? 'aborted' : what);
    },

    instantiateWasm: instantiateWasm,

    // Called by the C++ side (EM_JS helpers in main_web.cpp).
    dramatisDownload: function (name, mime, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    },
    dramatisCopy: function (text) {
      const url = location.href.replace(/#.*$/, '') + text.replace(/^[^#]*/, '');
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).catch(function (e) {
          console.warn('Dramatis: the link could not be copied:', e);
        });
      }
    },
    dramatisPickFiles: function () {
      pickFiles();
    },

    // Called by the C++ side once the corpus is loaded and the first frame is drawn.
    dramatisReady: function () {
      if (phase !== 'loading') return;
      phase = 'ready';
      clearTimeout(slowTimer);
      setProgress(1);
      setStatusText('Ready.');
      hideOverlay();
      try {
        el.canvas.focus({ preventScroll: true });
      } catch (e) {
        // focus() is best effort
      }
      resolveReady();
    },
  };
  // Emscripten's non-modularized output does `var Module = typeof Module != 'undefined' ? ...`,
  // which picks up this global.
  window.Module = Module;

  // ---------------------------------------------------------------------------------------------
  // [6] Public API
  // ---------------------------------------------------------------------------------------------

  function call(name, returnType, argTypes, args) {
    if (phase !== 'ready') {
      throw new Error(phase === 'failed' ? 'Dramatis failed to start or stopped.'
        : 'Dramatis is not ready yet: await dramatis.ready first.');
    }
    return Module.ccall(name, returnType, argTypes, args);
  }

  // Hands files (File objects, with a relative path for folder contents) to the app, which adds
  // them to the open corpus and analyses them with a progress bar.
  async function addFiles(entries, replace) {
    if (phase !== 'ready') throw new Error('Dramatis is not ready yet: await dramatis.ready first.');
    // A file past the document limit is read only up to one byte past it: the app cuts it to
    // the limit and says so, and a huge file never has to fit in memory whole.
    const readBytes = Module.ccall('dramatis_document_read_bytes', 'number', [], []);
    for (const entry of entries) {
      const name = entry.path || entry.file.name;
      const bytes = new Uint8Array(await entry.file.slice(0, readBytes).arrayBuffer());
      const ptr = Module._malloc(Math.max(1, bytes.length));
      if (!ptr) {
        // Memory growth failed: say so, add nothing of this file, and go on with the others.
        Module.ccall('dramatis_report', null, ['string'], [name + ': not enough memory left in ' +
          'this page to read its ' + formatBytes(bytes.length) + '; it was not added. Reload ' +
          'the page and open fewer documents.']);
        continue;
      }
      Module.HEAPU8.set(bytes, ptr);
      Module.ccall('dramatis_add_file', null, ['string', 'number', 'number'],
        [name, ptr, bytes.length]);
      Module._free(ptr);
    }
    Module.ccall('dramatis_files_done', null, ['number'], [replace ? 1 : 0]);
  }

  window.dramatis = Object.freeze({
    ready: ready,
    // {"schema":"dramatis.state/1","corpus":{...},"selection":{kind,id}|null}
    state: function () {
      return JSON.parse(call('dramatis_state_json', 'string', [], []));
    },
    // True when the app found the item and selected it.
    select: function (kind, id) {
      return call('dramatis_select', 'number', ['string', 'string'], [String(kind), String(id)]) === 1;
    },
    // Restores a view from a fragment; the number of things it could not restore.
    openView: function (fragment) {
      return call('dramatis_open_view', 'number', ['string'], [String(fragment).replace(/^#/, '')]);
    },
    // Downloads an export: node-link | gexf | graphml | png | quotes-csv | analysis | edits.
    export: function (format) {
      return call('dramatis_export', 'number', ['string'], [String(format)]) === 1;
    },
    // An edit, as the inspector makes it: kind merge | split | rename | hide | unhide | note.
    edit: function (kind, entity, other, text) {
      return call('dramatis_edit', 'number', ['string', 'string', 'string', 'string'],
        [String(kind), String(entity), String(other || ''), String(text || '')]) === 1;
    },
    // Adds File objects (or {file, path}) to the open corpus.
    addFiles: function (files) {
      return addFiles(Array.from(files, function (f) { return f.file ? f : { file: f, path: f.name }; }));
    },
  });

  // ---------------------------------------------------------------------------------------------
  // [7] Files, downloads and history
  // ---------------------------------------------------------------------------------------------

  const ACCEPTED = /\.(txt|md|markdown|text|html?|json)$/i;

  function pickFiles() {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.txt,.md,.markdown,.html,.htm,.json';
    input.addEventListener('change', function () {
      addFiles(Array.from(input.files, function (f) { return { file: f, path: f.name }; }))
        .catch(function (e) { console.warn('Dramatis: the files could not be read:', e); });
    });
    input.click();
  }

  // A dropped folder arrives as a directory entry: walk it (names relative to the drop).
  function readEntry(entry, prefix, out) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (file) {
          if (ACCEPTED.test(file.name)) out.push({ file: file, path: prefix + file.name });
          resolve();
        }, function () { resolve(); });
      } else if (entry.isDirectory) {
        const reader = entry.createReader();
        const all = [];
        const next = function () {
          reader.readEntries(function (batch) {
            if (batch.length === 0) {
              Promise.all(all.map(function (e) { return readEntry(e, prefix + entry.name + '/', out); }))
                .then(function () { resolve(); });
              return;
            }
            all.push.apply(all, batch);
            next();
          }, function () { resolve(); });
        };
        next();
      } else {
        resolve();
      }
    });
  }

  window.addEventListener('dragover', function (event) {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', function (event) {
    event.preventDefault();
    if (phase !== 'ready' || !event.dataTransfer) return;
    const items = Array.from(event.dataTransfer.items || []);
    const entries = items.map(function (i) { return i.webkitGetAsEntry ? i.webkitGetAsEntry() : null; });
    const out = [];
    if (entries.length > 0 && entries.every(function (e) { return e; })) {
      Promise.all(entries.map(function (e) { return readEntry(e, '', out); }))
        .then(function () { return addFiles(out); })
        .catch(function (e) { console.warn('Dramatis: the dropped files could not be read:', e); });
    } else {
      addFiles(Array.from(event.dataTransfer.files, function (f) { return { file: f, path: f.name }; }))
        .catch(function (e) { console.warn('Dramatis: the dropped files could not be read:', e); });
    }
  });

  // ?corpus=corpora/name.json: a manifest on this site (same origin only) whose files sit beside
  // it; it replaces the built-in corpus. Anything else is refused with a message.
  async function loadHostedCorpus(param) {
    let manifestUrl;
    try {
      manifestUrl = new URL(param, location.href);
    } catch (e) {
      throw new Error('?corpus= is not a valid address: ' + param);
    }
    if (manifestUrl.origin !== location.origin || !/^https?:$/.test(manifestUrl.protocol)) {
      throw new Error('?corpus= must name a file on this site, not ' + manifestUrl.origin);
    }
    const response = await fetch(manifestUrl, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(manifestUrl.pathname + ': the server answered ' + response.status);
    const text = await response.text();
    let manifest;
    try {
      manifest = JSON.parse(text);
    } catch (e) {
      throw new Error(manifestUrl.pathname + ': not JSON (' + e.message + ')');
    }
    const name = manifestUrl.pathname.replace(/^.*\//, '');
    const entries = [{ file: new File([text], name), path: name }];
    for (const doc of Array.isArray(manifest.documents) ? manifest.documents : []) {
      if (typeof doc.file !== 'string') continue;
      const fileUrl = new URL(doc.file, manifestUrl);
      if (fileUrl.origin !== location.origin) continue; // the app reports the missing file
      const r = await fetch(fileUrl, { credentials: 'same-origin' });
      if (!r.ok) continue;
      entries.push({ file: new File([await r.arrayBuffer()], doc.file), path: doc.file });
    }
    await addFiles(entries, true);
  }

  ready.then(function () {
    const param = new URLSearchParams(location.search).get('corpus');
    if (!param) return;
    loadHostedCorpus(param).catch(function (e) {
      console.warn('Dramatis: the hosted corpus could not be opened:', e.message);
      call('dramatis_report', null, ['string'], [e.message]);
    });
  }, function () {
    // start-up failed: the overlay already says why
  });

  // Back and forward step through views; a hash typed by hand opens that view.
  window.addEventListener('popstate', function () {
    if (phase === 'ready') call('dramatis_open_view', 'number', ['string'], [location.hash.replace(/^#/, '')]);
  });

  // ---------------------------------------------------------------------------------------------
  // [8] Start
  // ---------------------------------------------------------------------------------------------

  el.canvas.addEventListener('contextmenu', function (event) {
    event.preventDefault();
  });

  el.canvas.addEventListener('webglcontextlost', function () {
    if (phase === 'failed') return;
    if (phase === 'ready') phase = 'loading';
    fail('The graphics context was lost',
      'The browser took the graphics context away from Dramatis, so it can no longer draw.', [
        'Reload the page.',
        'Close other tabs that use 3D graphics, or update your graphics driver, if it keeps happening.',
      ], 'webglcontextlost');
  });

  function start() {
    if (location.protocol === 'file:') {
      fail('Dramatis must be served over HTTP',
        'Browsers do not let a page opened from a file load WebAssembly beside it.', [
          'From the project folder, run: node scripts/serve.mjs',
          'Then open the address it prints.',
        ]);
      return;
    }
    if (!hasWebAssembly()) {
      fail('Dramatis needs WebAssembly',
        'Dramatis needs WebAssembly, which this browser does not provide or has turned off.', [
          'Update your browser to a current version of Firefox, Chrome, Edge or Safari.',
          'If your organisation manages this browser, ask whether WebAssembly is blocked.',
        ]);
      return;
    }
    if (!hasWasmSimd()) {
      fail('Dramatis needs WebAssembly SIMD',
        'Dramatis uses WebAssembly SIMD, which this browser does not provide or has turned off.', [
          'Update your browser: Chrome and Edge 91, Firefox 89 and Safari 16.4 or later have it.',
          'If your organisation manages this browser, ask whether WebAssembly SIMD is blocked.',
        ]);
      return;
    }
    if (!hasWebGL2()) {
      fail('Dramatis needs WebGL 2',
        'Dramatis needs WebGL 2 to draw its story graph, and this browser did not provide it. ' +
          'Things to try:', WEBGL2_TIPS);
      return;
    }

    setProgress(null);
    setStatusText('Loading Dramatis\u2026');
    const script = document.createElement('script');
    script.src = APP_URL;
    script.async = true;
    script.addEventListener('error', function () {
      fail('Dramatis could not start', 'The app\'s script could not be loaded.', [
        'Check your connection and reload the page.',
        'If you host Dramatis yourself, check that dramatis.js sits beside index.html.',
      ], 'failed to load ' + APP_URL);
    });
    document.body.appendChild(script);
  }

  start();
})();
