#!/usr/bin/env bash
# dramatis-cli graph: --help, exit codes, the edge list of the built-in corpus (readable back by
# the edge-list grammar), node-link JSON, filters, --out and determinism.
# Usage: graph_test.sh PATH/TO/dramatis-cli SOURCE_DIR
set -u

source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
harness_init "$@"

"$cli" graph --help >"$work/help" 2>&1
check "--help exits 0" test $? -eq 0
check "--help documents --format, --types and --min-weight" \
  grep -q -- "--min-weight" "$work/help"

"$cli" graph >"$work/builtin.tsv"
check "graph on the built-in corpus exits 0" test $? -eq 0
check "a '#' header comes first" bash -c "head -1 '$work/builtin.tsv' | grep -q '^# dramatis entity graph'"
check "every other line is name<TAB>name<TAB>positive weight" awk -F'\t' '
  /^#/ { next } NF != 3 || $3 + 0 <= 0 || $1 == $2 { bad = 1 } END { exit bad }' "$work/builtin.tsv"
check "more than 50 edges" test "$(grep -vc '^#' "$work/builtin.tsv")" -gt 50
check "Soumith Chintala and PyTorch are linked" grep -q '^"Soumith Chintala"	PyTorch	' "$work/builtin.tsv"
"$cli" graph >"$work/again.tsv"
check "the same output twice" cmp -s "$work/builtin.tsv" "$work/again.tsv"

"$cli" graph --format json >"$work/graph.json"
check "--format json exits 0" test $? -eq 0
check "json: nodes and links with their fields" json_check "$work/graph.json" \
  "a.nodes.length > 20 && a.links.length > 50 && a.nodes.every(n => typeof n.id === 'string' && typeof n.name === 'string' && typeof n.type === 'string' && n.size > 0 && n.pagerank > 0 && Number.isInteger(n.community)) && a.links.every(l => l.weight > 0 && l.types.length > 0)"
check "json: no DATE entities by default" json_check "$work/graph.json" "a.nodes.every(n => n.type !== 'DATE')"
check "json: links refer to nodes" json_check "$work/graph.json" \
  "a.links.every(l => a.nodes.some(n => n.id === l.source) && a.nodes.some(n => n.id === l.target))"
check "json: PageRank sums to 1, Soumith Chintala highest" json_check "$work/graph.json" \
  "Math.abs(a.nodes.reduce((s, n) => s + n.pagerank, 0) - 1) < 1e-9 && a.nodes.reduce((b, n) => n.pagerank > b.pagerank ? n : b).name === 'Soumith Chintala'"
check "json: as many links as edge-list lines" \
  test "$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1])).links.length)" "$work/graph.json")" \
  -eq "$(grep -vc '^#' "$work/builtin.tsv")"

"$cli" graph --types PERSON --min-weight 2 --format json --out "$work/people.json"
check "--types, --min-weight and --out exit 0" test $? -eq 0
check "--types PERSON --min-weight 2: only people, only heavy links" json_check "$work/people.json" \
  "a.nodes.length > 0 && a.nodes.every(n => n.type === 'PERSON') && a.links.every(l => l.weight >= 2)"

"$cli" graph --types DATE,PERSON --format json >"$work/dates.json"
check "--types DATE,PERSON brings DATE entities in" json_check "$work/dates.json" \
  "a.nodes.some(n => n.type === 'DATE') && a.nodes.every(n => n.type === 'DATE' || n.type === 'PERSON')"

printf '"We will reopen the port next week," Maria Lindqvist of the Harbour Authority said.\n' >"$work/story.txt"
"$cli" graph "$work/story.txt" >"$work/story.tsv"
check "a file of the user's exits 0" test $? -eq 0

"$cli" graph "$work/story.txt" "$work/missing.txt" >/dev/null 2>"$work/err"
check "a missing file: exit 2" test $? -eq 2
check "stderr names the missing file" grep -q "missing.txt" "$work/err"
"$cli" graph --out "$work/no/such/dir/out.tsv" 2>"$work/err"
check "an unwritable --out: exit 2 naming it" bash -c "test $? -eq 2 && grep -q 'out.tsv' '$work/err'"

"$cli" graph --format xml >/dev/null 2>&1
check "--format xml is a usage error" test $? -eq 1
"$cli" graph --types PERSON,WIZARD >/dev/null 2>"$work/err"
check "an unknown type is a usage error" test $? -eq 1
check "...naming it" grep -q WIZARD "$work/err"
"$cli" graph --min-weight nan >/dev/null 2>&1
check "--min-weight nan is a usage error" test $? -eq 1
"$cli" graph --min-weight -1 >/dev/null 2>&1
check "--min-weight -1 is a usage error" test $? -eq 1
"$cli" graph --nope >/dev/null 2>&1
check "an unknown option is a usage error" test $? -eq 1

finish
