# Shared by the CLI end-to-end scripts (sourced, not run): argument checks, a scratch folder,
# running the CLI with captured output, named checks, and the closing "N passed, M failed" line.
#   source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"; harness_init "$@"
#   run corpus list; check "lists d0" stdout_has d0; ...; finish

# harness_init PATH_TO_dramatis-cli SOURCE_DIR: sets $cli, $source_dir, $work, $out, $err.
harness_init() {
  if [ $# -ne 2 ]; then
    echo "usage: $0 PATH_TO_dramatis-cli SOURCE_DIR" >&2
    exit 2
  fi
  cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  source_dir=$(cd "$2" && pwd)
  if [ ! -x "$cli" ]; then
    echo "not an executable: $cli" >&2
    exit 2
  fi
  work=$(mktemp -d "${TMPDIR:-/tmp}/dramatis_cli_test.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  passed=0
  failed=0
  out=$work/stdout
  err=$work/stderr
  rc=0
  : >"$out"
  : >"$err"
}

# run ARGS...: runs the CLI with stdout and stderr captured; its exit status lands in $rc.
run() {
  "$cli" "$@" >"$out" 2>"$err"
  rc=$?
}

# check NAME CONDITION...: a pass, or a failure shown with the last run's captured output.
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok - $name"
  else
    failed=$((failed + 1))
    echo "not ok - $name"
    echo "      last exit status: $rc"
    sed 's/^/      stdout: /' "$out" | head -20
    sed 's/^/      stderr: /' "$err" | head -20
  fi
}

# Conditions used with check.
exits() { [ "$rc" -eq "$1" ]; }
stdout_has() { grep -qF -- "$1" "$out"; }
stderr_has() { grep -qF -- "$1" "$err"; }
stdout_lacks() { ! grep -qF -- "$1" "$out"; }
stdout_empty() { [ ! -s "$out" ]; }
stderr_empty() { [ ! -s "$err" ]; }
all() {
  local condition
  for condition in "$@"; do eval "$condition" || return 1; done
}
# json_check FILE JS-EXPRESSION: the expression, over the parsed file as `a`, is true.
json_check() {
  node -e "const a = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
           if (!($2)) { console.error('failed: ' + process.argv[2]); process.exit(1); }" "$1" "$2"
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
