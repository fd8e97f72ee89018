#!/usr/bin/env bash
# dramatis-cli layout end to end: --help, exit codes, the TSV's shape and byte-stability, the
# --stats JSON (parsed by node), and bad input (self-loops, duplicate edges, non-numeric weights,
# an empty file, 100k isolated nodes): clear errors naming the file, or sane output, never NaN.
# Usage: layout_test.sh PATH_TO_dramatis-cli SOURCE_DIR
set -u

source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
harness_init "$@"
cd "$work" || exit 2

# Every line is name<TAB>x<TAB>y with fixed 6-decimal numbers; $1 lines in all.
tsv_shape() {
  [ "$(wc -l <"$1")" -eq "$2" ] &&
    ! grep -qvE $'^[^\t]+\t-?[0-9]+\\.[0-9]{6}\t-?[0-9]+\\.[0-9]{6}$' "$1"
}
no_nan() { ! grep -qiE 'nan|inf' "$1"; }

# A small graph: a square with a tail and weights.
cat >square.txt <<'EDGES'
# a square with a tail
a b 1
b c 2.5
c d
d a
d "e f"
EDGES

run layout --help
check "--help exits 0 and shows the usage" all 'exits 0' 'stdout_has "Usage: dramatis-cli layout"'

run layout
check "no --edges is a usage error" all 'exits 1' 'stderr_has "--edges FILE is required"'

run layout --edges square.txt --bogus
check "an unknown option is a usage error" all 'exits 1'

run layout --edges square.txt --iterations many
check "a non-numeric --iterations is a usage error" all 'exits 1' 'stderr_has "--iterations"'

run layout --edges missing.txt
check "a missing file exits 2 naming the file" all 'exits 2' 'stderr_has "missing.txt"'

run layout --edges square.txt
check "the TSV has one name<TAB>x<TAB>y line per node" all 'exits 0' 'tsv_shape "$out" 5' \
  'stdout_has "\"e f\""'
cp "$out" first.tsv

run layout --edges square.txt
check "the same seed gives the same bytes" cmp -s "$out" first.tsv

run layout --edges square.txt --seed 7
check "another seed gives another layout" all 'exits 0' '! cmp -s "$out" first.tsv'

run layout --edges square.txt --iterations 3 --out positions.tsv
check "--out writes the file, not stdout" all 'exits 0' '[ ! -s "$out" ]' 'tsv_shape positions.tsv 5'

run layout --edges square.txt --stats
check "--stats prints one JSON line that parses" all 'exits 0' \
  "tail -n 1 \"\$out\" | node -e '
    const s = JSON.parse(require(\"fs\").readFileSync(0, \"utf8\"));
    for (const k of [\"nodes\",\"edges\",\"iterations\",\"ms_per_iteration\",\"total_ms\",
                     \"converged\",\"stress\",\"neighborhood_preservation\"])
      if (!(k in s)) process.exit(1);
    process.exit(s.nodes === 5 && s.edges === 5 && s.converged === true &&
                 Number.isFinite(s.stress) ? 0 : 1);'"

printf 'a a\nb b 2\na b\n' >selfloops.txt
run layout --edges selfloops.txt
check "self-loops are dropped with a warning naming the file" all 'exits 0' \
  'stderr_has "selfloops.txt"' 'stderr_has "self-loop"' 'tsv_shape "$out" 2' 'no_nan "$out"'

printf 'a b\nb a 2\na b\nb c\n' >duplicates.txt
run layout --edges duplicates.txt --stats
check "duplicate edges are merged with a warning" all 'exits 0' 'stderr_has "duplicates.txt"' \
  'stderr_has "duplicate"' 'stdout_has "\"edges\":2"' 'no_nan "$out"'

printf 'a b 1\nb c heavy\n' >badweight.txt
run layout --edges badweight.txt
check "a non-numeric weight exits 2 naming the file and line" all 'exits 2' \
  'stderr_has "badweight.txt"' 'stderr_has "line 2"' 'stderr_has "heavy"' '[ ! -s "$out" ]'

: >empty.txt
run layout --edges empty.txt --stats
check "an empty file gives no positions and sane stats" all 'exits 0' 'stderr_has "empty.txt"' \
  'stdout_has "\"nodes\":0"' 'no_nan "$out"'

# 100k isolated nodes: each line a self-loop, which the reader keeps as a node with no edge.
awk 'BEGIN { for (i = 0; i < 100000; ++i) printf "n%d n%d\n", i, i }' >isolated.txt
run layout --edges isolated.txt --iterations 5
check "100k isolated nodes lay out, finitely" all 'exits 0' 'tsv_shape "$out" 100000' \
  'no_nan "$out"'

finish
