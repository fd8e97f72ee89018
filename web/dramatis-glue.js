// Dramatis web glue: checks the browser, loads the Emscripten app with a download progress bar,
// shows friendly errors, and exposes a small API for tests and scripts:
//   window.dramatis = { ready: Promise, state(): object, select(kind, id): boolean }
//
// Sections: [1] page elements and overlay  [2] failure reporting  [3] browser checks
//           [4] wasm download (instantiateWasm)  [5] Module config  [6] public API  [7] start
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
    return (n / (1024 * 1024)).toFixed(1) + ' MB';
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
      fail(title, 'The app hit an internal error and had to stop.', RELOAD_TIPS,
        what === undefined ? 'aborted' : what);
    },

    instantiateWasm: instantiateWasm,

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
  });

  // ---------------------------------------------------------------------------------------------
  // [7] Start
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
