#!/usr/bin/env bash
# Every test: installs what is missing, builds the native app, the CLI and the web app, then runs
# the unit, CLI and native end-to-end tests (ctest, plain and under ASan + UBSan) and the
# browser end-to-end test, and a short fuzz smoke of every libFuzzer target (scripts/fuzz.sh,
# 15 s each by default).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh
started=$SECONDS

scripts/setup.sh
echo "== set-up done in $((SECONDS - started)) s"

echo "== native build (build/native)"
cmake --preset native >/dev/null
cmake --build build/native -j "$jobs"

echo "== native tests (unit, CLI, native end-to-end)"
ctest --preset native -j "$jobs"

echo "== sanitizer build and tests (build/native-asan: ASan + UBSan)"
cmake --preset native-asan >/dev/null
cmake --build build/native-asan -j "$jobs"
ctest --preset native-asan -j "$jobs"

echo "== fuzz smoke (build/fuzz: each libFuzzer target for a bounded time)"
scripts/fuzz.sh

echo "== web build (build/wasm/web)"
cmake --preset wasm >/dev/null
cmake --build build/wasm -j "$jobs"

echo "== determinism: native and WASM analyses of the built-in corpus are byte-identical"
build/native/bench/pipeline_bench --json >build/native/analysis-native.json
node --no-experimental-fetch build/wasm/bench/pipeline_bench.js --json >build/wasm/analysis-wasm.json
cmp build/native/analysis-native.json build/wasm/analysis-wasm.json
echo "identical ($(wc -c <build/wasm/analysis-wasm.json) bytes)"
echo "== determinism: native (all cores) and WASM (one thread) layouts give the same positions"
for graph in ba1000 ba10000; do
  native_layout=$(build/native/bench/layout_bench --only $graph | grep -o '"positions_fnv1a":"[0-9a-f]*"')
  wasm_layout=$(node --no-experimental-fetch build/wasm/bench/layout_bench.js --only $graph |
    grep -o '"positions_fnv1a":"[0-9a-f]*"')
  [ -n "$native_layout" ] && [ "$native_layout" = "$wasm_layout" ]
  echo "$graph identical: $(echo $native_layout | tr '\n' ' ')"
done

echo "== browser end-to-end test"
node tests/e2e/browser_e2e.mjs --root build/wasm/web --native build/native/dramatis

echo "== all tests passed in $((SECONDS - started)) s"
