#!/usr/bin/env bash
# Runs every test project in the solution and ends with one line: "N passed, N failed, N skipped".
# Exits non-zero when anything failed, did not build, or a test project reported no test (eng/summarize-results.sh).
# Extra arguments go to 'dotnet test'; a --filter that leaves a project without tests therefore fails the run, so
# run a subset with 'dotnet test' directly.
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

summary=$(bash "$root/eng/summarize-results.sh" "$results")
summary_status=$?
printf '%s\n' "$summary" | sed '$d'
line=$(printf '%s\n' "$summary" | tail -n 1)

if [ "$status" -ne 0 ] && [ "$summary_status" -eq 0 ]; then
  # Nothing failed inside a test run, so a project did not build or a test host crashed: count it.
  echo "dotnet test exited with $status before reporting a failed test (build error or crashed test host)."
  line=$(printf '%s' "$line" | awk -F', ' '{ split($2, f, " "); printf "%s, %d failed, %s", $1, f[1] + 1, $3 }')
fi

echo "$line"
[ "$status" -eq 0 ] && [ "$summary_status" -eq 0 ]
