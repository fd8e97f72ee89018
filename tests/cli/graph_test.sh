#!/usr/bin/env bash
# dramatis-cli graph: --help, exit codes, the edge list of the built-in corpus (readable back by
# the edge-list grammar), node-link JSON, filters, --out and determinism.
# Usage: graph_test.sh PATH/TO/dramatis-cli SOURCE_DIR
set -uo pipefail
cli="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() {
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
json_check() {  # json_check FILE JS-EXPRESSION-ON-a
  node -e "const a = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
           if (!($2)) { console.error('failed: ' + process.argv[2]); process.exit(1); }" "$1" "$2"
}

"$cli" graph --help >"$tmp/help" 2>&1
check "--help exits 0" test $? -eq 0
check "--help documents --format, --types and --min-weight" \
  grep -q -- "--min-weight" "$tmp/help"

"$cli" graph >"$tmp/builtin.tsv"
check "graph on the built-in corpus exits 0" test $? -eq 0
check "a '#' header comes first" bash -c "head -1 '$tmp/builtin.tsv' | grep -q '^# dramatis entity graph'"
check "every other line is name<TAB>name<TAB>positive weight" awk -F'\t' '
  /^#/ { next } NF != 3 || $3 + 0 <= 0 || $1 == $2 { bad = 1 } END { exit bad }' "$tmp/builtin.tsv"
check "more than 50 edges" test "$(grep -vc '^#' "$tmp/builtin.tsv")" -gt 50
check "Soumith Chintala and PyTorch are linked" grep -q '^"Soumith Chintala"	PyTorch	' "$tmp/builtin.tsv"
"$cli" graph >"$tmp/again.tsv"
check "the same output twice" cmp -s "$tmp/builtin.tsv" "$tmp/again.tsv"

"$cli" graph --format json >"$tmp/graph.json"
check "--format json exits 0" test $? -eq 0
check "json: nodes and links with their fields" json_check "$tmp/graph.json" \
  "a.nodes.length > 20 && a.links.length > 50 && a.nodes.every(n => typeof n.id === 'string' && typeof n.name === 'string' && typeof n.type === 'string' && n.size > 0 && n.pagerank > 0 && Number.isInteger(n.community)) && a.links.every(l => l.weight > 0 && l.types.length > 0)"
check "json: no DATE entities by default" json_check "$tmp/graph.json" "a.nodes.every(n => n.type !== 'DATE')"
check "json: links refer to nodes" json_check "$tmp/graph.json" \
  "a.links.every(l => a.nodes.some(n => n.id === l.source) && a.nodes.some(n => n.id === l.target))"
check "json: PageRank sums to 1, Soumith Chintala highest" json_check "$tmp/graph.json" \
  "Math.abs(a.nodes.reduce((s, n) => s + n.pagerank, 0) - 1) < 1e-9 && a.nodes.reduce((b, n) => n.pagerank > b.pagerank ? n : b).name === 'Soumith Chintala'"
check "json: as many links as edge-list lines" \
  test "$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1])).links.length)" "$tmp/graph.json")" \
  -eq "$(grep -vc '^#' "$tmp/builtin.tsv")"

"$cli" graph --types PERSON --min-weight 2 --format json --out "$tmp/people.json"
check "--types, --min-weight and --out exit 0" test $? -eq 0
check "--types PERSON --min-weight 2: only people, only heavy links" json_check "$tmp/people.json" \
  "a.nodes.length > 0 && a.nodes.every(n => n.type === 'PERSON') && a.links.every(l => l.weight >= 2)"

"$cli" graph --types DATE,PERSON --format json >"$tmp/dates.json"
check "--types DATE,PERSON brings DATE entities in" json_check "$tmp/dates.json" \
  "a.nodes.some(n => n.type === 'DATE') && a.nodes.every(n => n.type === 'DATE' || n.type === 'PERSON')"

printf '"We will reopen the port next week," Maria Lindqvist of the Harbour Authority said.\n' >"$tmp/story.txt"
"$cli" graph "$tmp/story.txt" >"$tmp/story.tsv"
check "a file of the user's exits 0" test $? -eq 0

"$cli" graph "$tmp/story.txt" "$tmp/missing.txt" >/dev/null 2>"$tmp/err"
check "a missing file: exit 2" test $? -eq 2
check "stderr names the missing file" grep -q "missing.txt" "$tmp/err"
"$cli" graph --out "$tmp/no/such/dir/out.tsv" 2>"$tmp/err"
check "an unwritable --out: exit 2 naming it" bash -c "test $? -eq 2 && grep -q 'out.tsv' '$tmp/err'"

"$cli" graph --format xml >/dev/null 2>&1
check "--format xml is a usage error" test $? -eq 1
"$cli" graph --types PERSON,WIZARD >/dev/null 2>"$tmp/err"
check "an unknown type is a usage error" test $? -eq 1
check "...naming it" grep -q WIZARD "$tmp/err"
"$cli" graph --min-weight nan >/dev/null 2>&1
check "--min-weight nan is a usage error" test $? -eq 1
"$cli" graph --min-weight -1 >/dev/null 2>&1
check "--min-weight -1 is a usage error" test $? -eq 1
"$cli" graph --nope >/dev/null 2>&1
check "an unknown option is a usage error" test $? -eq 1

echo "$passed passed, $failed failed"
test "$failed" -eq 0
