#!/usr/bin/env bash
# Regenerates the golden files in tests/golden/ from the current native build. Read the diff
# before committing it: it is the review of what the engine's change did.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/build/native/dramatis-cli" extract --pretty >"$root/tests/golden/builtin.analysis.json"
git -C "$root" diff --stat -- tests/golden
