#!/usr/bin/env bash
# Frame-time benchmark: the native app's own frame timer (CPU milliseconds from the start of a
# frame's UI code to the end of its GL submission) on a generated Barabási–Albert graph of N
# nodes and about 2N edges, under xvfb-run with Mesa's software GL. Frames where the layout is
# still stepping ("busy": natively it iterates on a worker thread, and the frame takes its latest
# positions and refills the buffers) are reported apart from the "idle" ones (drawing, labels,
# picking). Usage:
#   bench/frame/frame_bench.sh [PATH/TO/dramatis] [NODES] [FRAMES] [WIDTHxHEIGHT]
# (the window size, default 1280x800: the software rasteriser's share grows with the pixels)
set -euo pipefail
app="${1:-build/native/dramatis}"
nodes="${2:-10000}"
frames="${3:-600}"
size="${4:-1280x800}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$app" --synthetic "$nodes" --frames "$frames" --window-size "$size" --frame-stats "$out/frames.json" \
  --state "$out/state.json" >/dev/null 2>"$out/log" || { cat "$out/log" >&2; exit 1; }
node -e '
  const f = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const s = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
  const row = (name, x) => x.frames
    ? `${name}: ${x.frames} frames, mean ${x.mean_ms.toFixed(2)} ms, p50 ${x.p50_ms.toFixed(2)} ms, p95 ${x.p95_ms.toFixed(2)} ms, max ${x.max_ms.toFixed(2)} ms`
    : `${name}: no frames`;
  console.log(`graph: ${s.graph.nodes} nodes, ${s.graph.edges} edges, ${s.graph.labels} labels, layout ${JSON.stringify(s.graph.layout)}`);
  console.log(row("idle", f.idle));
  console.log(row("busy", f.busy));
  console.log(row("all ", f.all));
  console.log("app code only (UI, layout, labels, buffer updates; no GL submission):");
  console.log(row("idle", f.app.idle));
  console.log(row("busy", f.app.busy));
  console.log(row("all ", f.app.all));
' "$out/frames.json" "$out/state.json"
