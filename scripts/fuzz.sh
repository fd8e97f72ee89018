#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang, ASan + UBSan; fuzz/README.md) and runs
# each for a bounded time, printing its executions, and fails on any crash, hang, leak or broken
# contract. A crashing input is saved under build/fuzz/artifacts/<target>/.
#   scripts/fuzz.sh [--seconds N] [--no-build] [TARGET...]
#     --seconds N  seconds per target (default 15: the smoke run);
#                  a longer search is e.g. `scripts/fuzz.sh --seconds 600` (70 minutes for all)
#     --no-build   run what build/fuzz already holds
#     TARGET       document text engine manifest gold fragment user_edits edge_list (default: all)
# What each target finds new is kept in build/fuzz/corpus/<target>/, so each run starts where the
# last one stopped; the seeds (build/fuzz/fuzz/seeds, made by the build, and fuzz/seeds) are only
# read. Logs: build/fuzz/logs/<target>.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

all=(document text engine manifest gold fragment user_edits edge_list)
seconds=15
build=1
targets=()
while (($# > 0)); do
  case "$1" in
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    --seconds=*) seconds="${1#*=}"; shift ;;
    --no-build) build=0; shift ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 1 ;;
    *) targets+=("${1#fuzz_}"); shift ;;
  esac
done
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "fuzz.sh: --seconds takes a whole number > 0" >&2; exit 1; }
((${#targets[@]} > 0)) || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz.sh: no target '$t' (${all[*]})" >&2; exit 1; }
done

if [[ $build == 1 ]]; then
  cmake --preset fuzz >/dev/null
  cmake --build build/fuzz -j "$jobs" --target fuzz
fi

# Per target: the dictionary, the largest input tried (bytes; the seeds fit) and the seconds one
# input may take before it counts as a hang. The engine's inputs are whole corpora, so it gets
# room for the built-in one (about 23 KB) and more time per input.
options_of() {
  case "$1" in
    document) echo "-dict=fuzz/dicts/text.dict -max_len=16384 -timeout=10" ;;
    text) echo "-dict=fuzz/dicts/text.dict -max_len=16384 -timeout=10" ;;
    engine) echo "-dict=fuzz/dicts/text.dict -max_len=32768 -timeout=30" ;;
    manifest) echo "-dict=fuzz/dicts/json.dict -max_len=8192 -timeout=10" ;;
    gold) echo "-dict=fuzz/dicts/json.dict -max_len=32768 -timeout=10" ;;
    fragment) echo "-dict=fuzz/dicts/fragment.dict -max_len=4096 -timeout=10" ;;
    user_edits) echo "-dict=fuzz/dicts/json.dict -max_len=8192 -timeout=10" ;;
    edge_list) echo "-dict=fuzz/dicts/edge_list.dict -max_len=8192 -timeout=10" ;;
  esac
}
# Read-only seed folders: generated ones, then hand-written ones (text seeds serve every target
# that reads documents).
seeds_of() {
  local dirs=("build/fuzz/fuzz/seeds/$1" "fuzz/seeds/$1")
  [[ $1 == document || $1 == engine ]] && dirs+=(fuzz/seeds/text)
  for d in "${dirs[@]}"; do [[ -d $d ]] && echo "$d"; done
}

export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
mkdir -p build/fuzz/logs
failed=()
for t in "${targets[@]}"; do
  corpus="build/fuzz/corpus/$t"
  artifacts="build/fuzz/artifacts/$t"
  log="build/fuzz/logs/$t.log"
  mkdir -p "$corpus" "$artifacts"
  started=$SECONDS
  # shellcheck disable=SC2046  # options_of and seeds_of are word lists
  if "build/fuzz/fuzz/fuzz_$t" $(options_of "$t") -max_total_time="$seconds" -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" $(seeds_of "$t") >"$log" 2>&1; then
    status="ok"
  else
    status="FAILED (see $log; inputs in $artifacts/)"
    failed+=("$t")
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  inputs=$(find "$corpus" -type f | wc -l)
  printf 'fuzz_%-11s %8s executions in %3d s, %5d inputs in its corpus: %s\n' \
    "$t" "${runs:-?}" "$((SECONDS - started))" "$inputs" "$status"
  if [[ $status != ok ]]; then
    # What went wrong, the first frames in our code, and where the input was saved.
    grep -m 6 -E 'ERROR|contract broken|runtime error|Assertion|SUMMARY' "$log" || true
    grep -m 4 -E ' in dramatis::' "$log" || true
    grep -m 1 -E 'Test unit written' "$log" || true
  fi
done

if ((${#failed[@]} > 0)); then
  echo "fuzz.sh: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
  exit 1
fi
