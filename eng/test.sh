#!/usr/bin/env bash
# Runs every test project in the solution and ends with one line: "N passed, N failed, N skipped".
# Exits non-zero when anything failed or did not build. Extra arguments go to 'dotnet test'.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The renderer conformance tests use the official adaptivecards npm package, pinned in tests/renderer.
if [ ! -d tests/renderer/node_modules/adaptivecards ]; then
  (cd tests/renderer && npm ci --no-audit --no-fund) || { echo "npm ci failed in tests/renderer"; echo "0 passed, 1 failed"; exit 1; }
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test CardGen.sln -c Release --logger trx --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed); e=$(value error)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # Nothing failed inside a test run, so a project did not build or a test host crashed: count it.
  echo "dotnet test exited with $status before reporting a failed test (build error or crashed test host)."
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
