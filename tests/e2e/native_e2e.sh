#!/usr/bin/env bash
# Native end-to-end test: runs the desktop app under xvfb-run (Mesa's software OpenGL), takes a
# screenshot and the state JSON, and checks that the frame is not blank and that the state lists
# the five built-in documents. Usage: native_e2e.sh PATH/TO/dramatis PATH/TO/image_stats
set -uo pipefail
app="$1"
image_stats="$2"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
passed=0
failed=0
check() {  # check NAME CONDITION...
  local name="$1"
  shift
  if "$@"; then
    echo "ok - $name"
    passed=$((passed + 1))
  else
    echo "not ok - $name"
    failed=$((failed + 1))
  fi
}

# From another directory, to prove the app needs no files beside it.
(cd / && LIBGL_ALWAYS_SOFTWARE=1 timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
  "$app" --frames 8 --screenshot "$out/shot.png" --state "$out/state.json" \
  --select document:d3 --edits-dir "$out/edits") >"$out/log" 2>&1
rc=$?
check "app exits 0 after --frames" test "$rc" -eq 0 || cat "$out/log"
check "screenshot written" test -s "$out/shot.png"

read -r width height colours stddev < <("$image_stats" "$out/shot.png" 2>/dev/null || echo 0 0 0 0)
check "screenshot is 1280x800" test "$width" = 1280 -a "$height" = 800
# A blank frame has one colour; text and panels give hundreds.
check "screenshot is not blank ($colours colours, luma stddev $stddev)" test "$colours" -ge 50

state_check() {
  node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const docs = s.corpus.documents;
    const ok = docs.length === 5 && docs.every((d, i) => d.id === "d" + i && d.title.length > 0)
      && s.selection && s.selection.kind === "document" && s.selection.id === "d3"
      && Array.isArray(s.ui.missing_glyphs) && s.ui.missing_glyphs.length === 0;
    if (!ok) { console.error(JSON.stringify(s, null, 1).slice(0, 2000)); process.exit(1); }
  ' "$out/state.json"
}
check "state lists five titled documents, the selection, and no missing glyphs" state_check

# A selected entity's neighbours are labelled first: each node gets one label, not two.
(cd / && LIBGL_ALWAYS_SOFTWARE=1 timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
  "$app" --frames 30 --state "$out/state_entity.json" --select entity:e0 \
  --edits-dir "$out/edits") >"$out/log_entity" 2>&1
labels_check() {
  node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const ids = s.graph.labelled.map((l) => l.id);
    const ok = ids.length >= 3 && new Set(ids).size === ids.length && ids.includes("e0");
    if (!ok) { console.error(JSON.stringify(ids)); process.exit(1); }
  ' "$out/state_entity.json"
}
check "a selected entity and its neighbours: one label per node" labels_check

# Saved edits that are partly unreadable: the readable part applies, and the whole file is kept
# aside before anything is saved over it (nothing the user made is lost).
fp=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).fingerprint)' "$out/state.json")
mkdir -p "$out/edits"
printf '%s' '{"schema":"dramatis.edits/1","corpus":"'"$fp"'","extractor":"1","hidden":["e1",42],"merges":"x"}' \
  >"$out/edits/edits-$fp.json"
(cd / && LIBGL_ALWAYS_SOFTWARE=1 timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
  "$app" --frames 3 --state "$out/state2.json" --edits-dir "$out/edits") >"$out/log2" 2>&1
check "partly unreadable edits: the file is kept aside whole" \
  cmp "$out/edits/edits-$fp.json" "$out/edits/edits-$fp.unreadable.json"
edits_check() {
  node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const ok = s.edits.hidden.includes("e1") && s.problems.some((p) => /unreadable/.test(p));
    if (!ok) { console.error(JSON.stringify({ edits: s.edits, problems: s.problems })); process.exit(1); }
  ' "$out/state2.json"
}
check "partly unreadable edits: the readable part applies and the app says so" edits_check

# --window-size: the window (and so the screenshot) at another size; a bad size is a usage error.
(cd / && LIBGL_ALWAYS_SOFTWARE=1 timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
  "$app" --window-size 640x400 --screenshot "$out/small.png" --edits-dir "$out/edits") \
  >"$out/log3" 2>&1
read -r width height colours stddev < <("$image_stats" "$out/small.png" 2>/dev/null || echo 0 0 0 0)
check "--window-size 640x400 gives a 640x400 frame" test "$width" = 640 -a "$height" = 400
"$app" --window-size 640 >/dev/null 2>&1
check "--window-size without a height is a usage error (exit 1)" test $? -eq 1

check "--help exits 0" "$app" --help >/dev/null
"$app" --frames 0 >/dev/null 2>&1
check "--frames 0 is a usage error (exit 1)" test $? -eq 1

echo "$passed passed, $failed failed"
test "$failed" -eq 0
