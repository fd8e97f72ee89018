#!/usr/bin/env bash
# dramatis-cli extract: output shape, formats, exit codes, errors naming files, and the golden
# file of the built-in corpus. Usage: extract_test.sh PATH/TO/dramatis-cli SOURCE_DIR
set -u

source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
harness_init "$@"

"$cli" extract --help >"$work/help" 2>&1
check "--help exits 0" test $? -eq 0
check "--help documents --format" grep -q -- "--format" "$work/help"

"$cli" extract --pretty >"$work/builtin.json"
check "extract on the built-in corpus exits 0" test $? -eq 0
check "schema and five documents" json_check "$work/builtin.json" \
  "a.schema === 'dramatis.analysis/1' && a.documents.length === 5 && a.documents[0].path === 'corpus/000_8a1743c4f15dcfb1.txt'"
check "entities, quotes, dates, relations and a conflict" json_check "$work/builtin.json" \
  "a.entities.length > 20 && a.quotes.length > 5 && a.dates.length > 5 && a.relations.length > 5 && a.conflicts.length === 1"
check "every quote speaker is an entity id or null" json_check "$work/builtin.json" \
  "a.quotes.every(q => q.speaker === null || a.entities.some(e => e.id === q.speaker))"
check "output matches the reviewed golden file" diff -q "$work/builtin.json" "$source_dir/tests/golden/builtin.analysis.json"

"$cli" extract --format jsonl >"$work/out.jsonl"
check "jsonl: every line is an object with a record type" node -e "
  const lines = require('fs').readFileSync(process.argv[1], 'utf8').trim().split('\n');
  const kinds = new Set(lines.map(l => JSON.parse(l).record));
  if (!(kinds.has('document') && kinds.has('entity') && kinds.has('quote'))) process.exit(1);" "$work/out.jsonl"

printf '"We will reopen the port next week," Maria Lindqvist said.\n' >"$work/story.txt"
"$cli" extract "$work/story.txt" >"$work/story.json"
check "a file of the user's: the quote gets its speaker" json_check "$work/story.json" \
  "a.quotes.length === 1 && a.entities.find(e => e.id === a.quotes[0].speaker).name === 'Maria Lindqvist'"

printf 'bin\0ary' >"$work/binary.txt"
"$cli" extract "$work/story.txt" "$work/binary.txt" >"$work/mixed.json" 2>"$work/err"
check "a binary file among good ones: exit 2" test $? -eq 2
check "stderr names the binary file" grep -q "binary.txt" "$work/err"
check "the good file is still analysed" json_check "$work/mixed.json" "a.documents.length === 1 && a.quotes.length === 1"

"$cli" extract --format xml >/dev/null 2>&1
check "--format xml is a usage error" test $? -eq 1
"$cli" extract --nope >/dev/null 2>&1
check "an unknown option is a usage error" test $? -eq 1

finish
