#!/usr/bin/env bash
# The hostile input catalogue (issue 6; docs/security.md lists each case with what it
# must do). Every case states its expected behaviour (a clear message naming the file, a bound,
# partial results), checks it, and checks a time bound far below what a quadratic path would take
# on inputs this size (100 MB, 100,000 files, a 5 MB line), so a hang or a quadratic slip fails.
# Usage: hostile_catalogue_test.sh PATH/TO/dramatis-cli SOURCE_DIR [PATH/TO/dramatis] [--sanitized]
#   PATH/TO/dramatis  the native app, for the cases only it reads (view links, saved edits);
#                     "-" or absent: those cases are left out (the app is not built).
#   --sanitized       ASan + UBSan builds: every time bound is 10 times longer.
# Scratch files (about 500 MB) go under $TMPDIR (ctest sets it to the build folder).
source "$(dirname "${BASH_SOURCE[0]}")/../cli/harness.sh"
harness_init "$1" "$2"
app="${3:--}"
[ "$app" != "-" ] && app="$(realpath "$app")"
slow=1
[ "${4:-}" = "--sanitized" ] && slow=10

inputs="$work/inputs"
node "$source_dir/tests/hostile/make_inputs.mjs" "$inputs" || {
  echo "not ok - the catalogue's inputs could not be made"
  exit 1
}

# timed BOUND_SECONDS ARGS...: runs the CLI like `run`, killed at twice the bound; $took is
# the time it took in seconds (one decimal).
timed() {
  local bound=$(($1 * slow))
  shift
  local start=$EPOCHREALTIME
  timeout "$((bound * 2))" "$cli" "$@" >"$out" 2>"$err"
  rc=$?
  took=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  limit=$bound
}
within() { awk -v t="$took" -v l="$limit" 'BEGIN { exit !(t <= l) }'; }
# out_json JS-EXPRESSION: the expression over the last run's stdout, parsed as `a`, is true.
out_json() { json_check "$out" "$1"; }

# ---- 1. A 100 MB document: read up to the document limit (16 MiB), cut at a line break, with a
# warning naming the file and the offset; the rest of the analysis is whole.
timed 60 extract "$inputs/huge.txt"
check "100 MB document: analysed in ${took} s (bound ${limit} s)" all 'exits 0' within
check "100 MB document: a warning names the file and where it was cut" \
  stderr_has "huge.txt: warning at byte"
check "100 MB document: what is read ends at a line break, within 16 MiB" \
  out_json 'a.documents.length === 1 && a.documents[0].bytes <= 16 * 1024 * 1024 &&
            a.documents[0].bytes > 15 * 1024 * 1024 && a.entities.length > 0 &&
            a.quotes.length > 0'
cut=$(grep -o 'warning at byte [0-9]*' "$err" | grep -o '[0-9]*$')
check "100 MB document: the cut is right after a line break" \
  test "$(head -c "${cut:-0}" "$inputs/huge.txt" | tail -c 1 | od -An -c | tr -d ' ')" = '\n'

# ---- 2. 100,000 tiny documents plus 5: the first 100,000 load and are analysed; one warning
# names the first left out and counts the rest.
timed 120 extract --format jsonl "$inputs/tiny"
check "100,005 tiny documents: analysed in ${took} s (bound ${limit} s)" all 'exits 0' within
check "100,005 tiny documents: exactly 100,000 documents are read" \
  test "$(grep -c '"record":"document"' "$out")" -eq 100000
check "100,005 tiny documents: one warning names the first left out and counts the others" \
  stderr_has "tiny/n100000.txt: warning: this and 4 more document(s) were not loaded"

# ---- 3. A single 5 MB line: analysed whole.
timed 30 extract "$inputs/one_line.txt"
check "a 5 MB line: analysed in ${took} s (bound ${limit} s)" all 'exits 0' within
check "a 5 MB line: the whole line is read and its names and quotes found" \
  out_json "a.documents[0].bytes === $(wc -c <"$inputs/one_line.txt") && a.entities.length > 0 &&
            a.quotes.length > 100"

# ---- 4. Deeply nested and unbalanced quotes: no crash, every quote a well-formed span of the
# document.
timed 10 extract "$inputs/quotes.txt"
check "nested and unbalanced quotes: analysed in ${took} s (bound ${limit} s)" all 'exits 0' within
check "nested and unbalanced quotes: every quote span lies inside the document" \
  out_json 'a.quotes.every(q => 0 <= q.start && q.start < q.end && q.end <= a.documents[0].bytes)'

# ---- 5. Every kind of invalid UTF-8: loaded, shown as U+FFFD, reported at the first bad byte;
# offsets stay the file's own.
timed 10 extract "$inputs/invalid_utf8.txt"
first_bad=$(cat "$inputs/invalid_utf8.first")
check "invalid UTF-8: analysed in ${took} s (bound ${limit} s)" all 'exits 0' within
check "invalid UTF-8: a warning gives the offset of the first bad byte ($first_bad)" \
  stderr_has "invalid_utf8.txt: warning at byte $first_bad: invalid UTF-8 ("
check "invalid UTF-8: the document keeps all its bytes, and names are still found" \
  out_json "a.documents[0].bytes === $(wc -c <"$inputs/invalid_utf8.txt") &&
            a.entities.some(e => e.type === 'PERSON')"

# ---- 6. NUL bytes: the file is refused at the offset of the first NUL; the good file beside it
# is still analysed; exit 2 (bad input).
timed 10 extract "$inputs/nul.txt" "$inputs/good.txt"
check "NUL bytes: refused in ${took} s (bound ${limit} s), exit 2" all 'exits 2' within
check "NUL bytes: the message names the file and the byte" \
  stderr_has "nul.txt: error at byte 16: binary file (NUL byte)"
check "NUL bytes: the good file beside it is analysed" \
  out_json 'a.documents.length === 1 && /good\.txt$/.test(a.documents[0].path)'

# ---- 7. A manifest pointing outside its folder ("..", an absolute path, a link): each entry is
# refused with a message naming the manifest or the link; the file outside is never read.
timed 10 extract --corpus "$inputs/escape/corpus"
check "manifest escaping its folder: refused in ${took} s (bound ${limit} s), exit 2" \
  all 'exits 2' within
check "manifest escaping its folder: '..' and absolute entries are named" \
  all 'stderr_has "documents[1].file: \"../secret.txt\" must be a relative path"' \
  'stderr_has "documents[2].file: \"/etc/passwd\" must be a relative path"' \
  'stderr_has "documents[3].file: \"sub/../../secret.txt\" must be a relative path"'
check "manifest escaping its folder: a link out of the folder is not read" \
  stderr_has "corpus/link.txt: error: is a link to a file outside the corpus folder"
check "manifest escaping its folder: nothing of the outside file appears, the good file does" \
  all 'stdout_lacks TOPSECRET' 'out_json "a.documents.length === 1"'
rm "$inputs/escape/corpus/manifest.json"
timed 10 extract "$inputs/escape/corpus"
check "a folder walk does not follow a link out of the folder either" \
  all 'exits 2' 'stdout_lacks TOPSECRET' 'stderr_has "link.txt: error: is a link to a file outside"'

# ---- 8. Symbolic link loops: the walk ends; the looping links are named; the real file loads.
timed 10 extract "$inputs/loops"
check "link loops: the folder walk ends in ${took} s (bound ${limit} s)" all 'exits 0' within
check "link loops: each looping link is named, the real file analysed" \
  all 'stderr_has "loops/a.txt: warning: a link that leads nowhere"' \
  'stderr_has "loops/b.txt: warning: a link that leads nowhere"' 'out_json "a.documents.length === 1"'
timed 10 extract "$inputs/loops/a.txt"
check "link loops: a looping file named on the command line is refused, exit 2" \
  all 'exits 2' 'stderr_has "loops/a.txt: error: cannot read: Too many levels of symbolic links"'

# ---- 9-13. The native app: view links (too long, out-of-range ids), saved edits made on
# another corpus, a link's edits over the user's own, a graph past the shown-node limit.
if [ "$app" = "-" ]; then
  echo "# the native app is not built: the view-link and saved-edits cases are left out"
  finish
  exit $?
fi

# run_app BOUND_SECONDS ARGS...: the app under a virtual display, from /; sets rc and took.
run_app() {
  local bound=$(($1 * slow))
  shift
  local start=$EPOCHREALTIME
  # Mesa and Xlib keep allocations until exit that LeakSanitizer cannot attribute (as in
  # native_e2e); the CLI cases above keep leak checking.
  (cd / && ASAN_OPTIONS=detect_leaks=0 LIBGL_ALWAYS_SOFTWARE=1 timeout "$((bound * 2))" xvfb-run -a -s "-screen 0 1280x800x24" \
    "$app" "$@") >"$out" 2>"$err"
  rc=$?
  took=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  limit=$bound
}
state="$work/state.json"
state_json() { json_check "$state" "$1"; }

# 9. A view link past the fragment limit (64 KiB; a 1 MB one cannot pass a command line, which
# stops at 128 KiB, so core's fragment tests read that one): refused whole, the app opens as
# usual and says why.
run_app 60 --frames 3 --state "$state" --edits-dir "$work/edits" \
  --view "$(cat "$inputs/fragment_long.txt")"
check "a view link of $(wc -c <"$inputs/fragment_long.txt") bytes: refused in ${took} s (bound ${limit} s)" \
  all 'exits 0' within
check "a view link too long: the app says so and opens on the default view" \
  state_json 'a.problems.some(p => /more than the 65536 this version reads/.test(p)) &&
              !a.selection && a.graph.nodes > 0'

# 10. Out-of-range ids: each left out with a problem naming it; the rest of the view holds.
run_app 60 --frames 3 --state "$state" --edits-dir "$work/edits" \
  --view "$(cat "$inputs/fragment_ids.txt")"
check "a view link with out-of-range ids: opened in ${took} s (bound ${limit} s)" all 'exits 0' within
check "a view link with out-of-range ids: each id is named, none is selected or filtered on" \
  state_json '["e99999", "d999", "d42", "e77777", "d55", "e123456", "e88888"].every(id =>
                a.problems.some(p => p.includes(id))) && !a.selection && a.graph.nodes > 0'

# 11. Saved edits made on another corpus: not applied, said so, and kept byte for byte beside
# the new edits file; the user's next edit is saved.
run_app 60 --frames 2 --state "$state" --edits-dir "$work/fp"
fp=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).fingerprint)' "$state")
mkdir -p "$work/edits2"
cp "$inputs/other_edits.json" "$work/edits2/edits-$fp.json"
printf '%s\n' '{"edit": "note", "entity": "e0", "text": "mine"}' >"$work/script.jsonl"
run_app 60 --frames 4 --state "$state" --edits-dir "$work/edits2" --edits-script "$work/script.jsonl"
check "edits from another corpus: opened in ${took} s (bound ${limit} s)" all 'exits 0' within
check "edits from another corpus: not applied, and the app says so" \
  state_json 'a.problems.some(p => /made on another corpus/.test(p)) && !a.edits.renames.e1'
check "edits from another corpus: kept byte for byte" \
  cmp -s "$inputs/other_edits.json" "$work/edits2/edits-$fp.unreadable.json"
check "edits from another corpus: the user's own next edit is saved" \
  json_check "$work/edits2/edits-$fp.json" 'a.corpus === "'"$fp"'" && a.notes.e0 === "mine"'

# 12. A shared link whose edits differ from the user's own: the user's next edit saves the
# link's edits, but the user's own saved edits are first kept aside, byte for byte.
cp "$work/edits2/edits-$fp.json" "$work/own.json"
printf '%s\n' '{"edit": "note", "entity": "e2", "text": "after the link"}' >"$work/script2.jsonl"
run_app 60 --frames 4 --state "$state" --edits-dir "$work/edits2" --edits-script "$work/script2.jsonl" \
  --view 'v=1&rn=e1:FROM%20THE%20LINK'
check "a link's edits over the user's own: opened in ${took} s (bound ${limit} s)" all 'exits 0' within
aside=$(ls "$work/edits2" | grep "^edits-$fp\.previous-" | head -n 1)
check "a link's edits over the user's own: the user's own are kept aside, and the app says where" \
  all 'cmp -s "$work/own.json" "$work/edits2/$aside"' \
  'state_json "a.problems.some(p => p.includes(\"${aside%.json}\"))"'

# 13. More nodes than a view shows (100,000): a sample of the most mentioned, said so.
run_app 240 --frames 2 --state "$state" --synthetic 100500 --edits-dir "$work/edits3"
check "100,500-node graph: opened in ${took} s (bound ${limit} s)" all 'exits 0' within
check "100,500-node graph: 100,000 shown, 500 sampled out, reported in the state" \
  state_json 'a.graph.nodes === 100000 && a.graph.sampled_out === 500'

finish
