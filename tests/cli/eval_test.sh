#!/usr/bin/env bash
# `dramatis-cli eval` end to end: the printed numbers for a hand-written analysis of a tiny gold
# file (tests/data/eval), JSON output, and exit codes for missing or broken gold files.
# Usage: eval_test.sh PATH_TO_dramatis-cli SOURCE_DIR
set -u

source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
harness_init "$@"
data=$source_dir/tests/data/eval

# A table row: its label, then the numbers separated by any run of spaces.
row() { grep -qE "^$1 +$(echo "$2" | sed 's/ / +/g')\$" "$out"; }

run eval --help
check "eval --help exits 0" all 'exits 0' 'stdout_has "Usage: dramatis-cli eval --gold FILE"' \
  'stderr_empty'

run eval
check "eval without --gold exits 1" all 'exits 1' 'stdout_empty' \
  'stderr_has "--gold FILE is required"'

run eval --gold "$data/gold.json" --format xml
check "eval --format xml exits 1" all 'exits 1' 'stderr_has "--format must be table or json"'

run eval --gold "$data/gold.json" --types PERSON,PLACE
check "eval --types with an unknown type exits 1" all 'exits 1' \
  "stderr_has \"unknown entity type 'PLACE'\""

# The hand-written analysis: Meta typed LOCATION instead of ORG; the first quote without its
# closing mark (an overlap match, not an exact one); one spurious quote; speakers right.
run eval --gold "$data/gold.json" --analysis "$data/analysis.json"
check "eval table: entity rows" all 'exits 0' 'stderr_empty' \
  'row PERSON "3 3 3 1.000 1.000 1.000"' 'row ORG "1 0 0 - 0.000 0.000"' \
  'row LOCATION "1 2 1 0.500 1.000 0.667"' \
  'row "micro PERSON,ORG,LOCATION" "5 5 4 0.800 0.800 0.800"'
check "eval table: quote rows" all \
  'row "overlap >= 50% of shorter" "2 3 2 0.667 1.000 0.800"' \
  'row "exact span" "2 3 1 0.333 0.500 0.400"'
check "eval table: speakers and aliases" all \
  'stdout_has "annotated 2, correct 2 (0 of them by mentions), accuracy 1.000"' \
  'stdout_has "named 1, predicted unknown 0, unknown rate 0.000"' \
  'row "mention pairs \(4 mentions\)" "1 1 1 1.000 1.000 1.000"'

run eval --gold "$data/gold.json" --analysis "$data/analysis.json" --format json --types PERSON
check "eval json" all 'exits 0' 'stdout_has "\"schema\": \"dramatis.eval/1\""' \
  'stdout_has "\"types\": ["' \
  '[ "$(grep -A8 "\"micro\": {" "$out" | grep -c "\"f1\": 1.0")" -eq 1 ]'

run eval --gold "$data/gold.json"
check "eval runs the engine when no --analysis is given" all 'exits 0' \
  'stdout_has "Documents: 2"' 'stdout_has "micro PERSON,ORG,LOCATION"'

# --- bad input ----------------------------------------------------------------------------------

run eval --gold "$work/none.json"
check "a missing gold file exits 2 and names it" all 'exits 2' 'stdout_empty' \
  "stderr_has \"$work/none.json: error: no such file\""

printf '{"schema": "dramatis.gold/1", "documents": [' >"$work/syntax.json"
run eval --gold "$work/syntax.json"
check "a gold file with a JSON syntax error exits 2" all 'exits 2' 'stdout_empty' \
  "stderr_has \"$work/syntax.json: error at byte\"" 'stderr_has "invalid JSON"'

run eval --gold "$data/broken_gold.json"
check "a gold file with bad offsets exits 2 and names the fields" all 'exits 2' 'stdout_empty' \
  'stderr_has "documents[0].quotes[0].end: past the end of the text (99 > 15 bytes)"' \
  'stderr_has "documents[0].entities[1].start: byte 4 is inside a UTF-8 character"'

printf '{"schema": "dramatis.gold/1", "documents": [{"path": "gone.txt"}]}' >"$work/gone.json"
run eval --gold "$work/gone.json"
check "a gold document file that is missing exits 2" all 'exits 2' \
  'stderr_has "documents[0].path: \"gone.txt\": no such file"'

run eval --gold "$data/gold.json" --analysis "$work/none.json"
check "a missing analysis file exits 2" all 'exits 2' "stderr_has \"$work/none.json\""

printf '{"schema": "dramatis.analysis/1", "documents": []}' >"$work/short.json"
run eval --gold "$data/gold.json" --analysis "$work/short.json"
check "an analysis of other documents exits 2" all 'exits 2' \
  'stderr_has "documents: has 0 documents, the gold has 2"'

finish
