#!/usr/bin/env bash
# Sums the .trx files in a folder over every test project (tests/*.Tests.csproj) of CardGen.sln and prints one line:
# "N passed, N failed, N skipped". A test project that left no results, or ran no test, counts as a failure: a
# project that did not build, crashed before reporting, or lost its tests to a discovery problem must not pass as
# a silent zero. Exits non-zero when anything failed or is missing.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="${1:?usage: summarize-results.sh <folder of .trx files>}"

passed=0; failed=0; skipped=0; missing=0
# Test projects are named *.Tests; other projects under tests/ (a crash test's child process) are not counted.
projects=$(cd "$root" && dotnet sln CardGen.sln list | tr -d '\r' | grep -E '^tests/.*\.Tests\.csproj$' || true)
if [ -z "$projects" ]; then
  echo "No test projects found in CardGen.sln."
  missing=1
fi

for project in $projects; do
  name=$(basename "$project" .csproj)
  dll=$(printf '%s' "$name.dll" | tr '[:upper:]' '[:lower:]')
  # A .trx names each test's assembly in its (lower-cased) storage attribute.
  files=$(grep -l -i "storage=\"[^\"]*/$dll\"" "$results"/*.trx 2>/dev/null || true)
  if [ -z "$files" ]; then
    echo "$name reported no results."
    missing=$((missing + 1))
    continue
  fi

  executed_here=0
  for trx in $files; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed); e=$(value error)
    executed_here=$((executed_here + ${executed:-0}))
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
    skipped=$((skipped + ${total:-0} - ${executed:-0}))
  done

  if [ "$executed_here" -eq 0 ]; then
    echo "$name ran no test."
    missing=$((missing + 1))
  fi
done

failed=$((failed + missing))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
