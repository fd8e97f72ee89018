#!/usr/bin/env bash
# The main job: installs what is missing, builds the web app and serves it on 127.0.0.1 with the
# built-in corpus, printing the URL.  With --native, builds and opens the desktop app instead.
#   scripts/run.sh [--port N]        web app (default port 8080; 0 picks a free one)
#   scripts/run.sh --native [ARGS]   desktop app; ARGS go to `dramatis` (see dramatis --help)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

if [[ "${1:-}" == "--native" ]]; then
  shift
  scripts/setup.sh --no-browser
  cmake --preset native >/dev/null
  cmake --build build/native -j "$jobs" --target dramatis
  exec build/native/dramatis "$@"
fi

port=8080
if [[ "${1:-}" == "--port" ]]; then port="${2:?--port needs a number}"; fi
scripts/setup.sh --no-browser
cmake --preset wasm >/dev/null
cmake --build build/wasm -j "$jobs"
exec node scripts/serve.mjs --root build/wasm/web --host 127.0.0.1 --port "$port"
