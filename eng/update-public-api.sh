#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of the packable projects from what the build finds public (RS0016/RS0017), for
# when the IDE's code fix is not at hand. Review the diff: every line is a promise to users.
# Needs python3 to read the build's SARIF log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for project in src/Runtime src/Extensions src/RingCentral src/Emulator src/Outbox.PostgreSql src/Outbox.Sqlite; do
  dir="$root/$project"
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  frameworks="$(dotnet msbuild "$dir" -getProperty:TargetFrameworks)"
  [ -n "$frameworks" ] || frameworks="$(dotnet msbuild "$dir" -getProperty:TargetFramework)"
  # The analyzer reports some symbols (a record's primary constructor) only once their type is declared: repeat
  # until a build finds nothing new.
  for pass in 1 2 3 4; do
    logs=()
    for tfm in ${frameworks//;/ }; do
      log="$work/$(basename "$project")-$tfm-$pass.sarif"
      dotnet build "$dir" -c Release -f "$tfm" --no-incremental -nologo -v:q \
        -p:TreatWarningsAsErrors=false -p:ErrorLog="$log%2Cversion=2.1" >/dev/null || true
      logs+=("$log")
    done
    added="$(python3 - "$dir/PublicAPI.Unshipped.txt" "${logs[@]}" <<'PY'
import json, sys
unshipped, logs = sys.argv[1], sys.argv[2:]
per_log = []
for log in logs:
    names = set()
    for result in json.load(open(log))['runs'][0]['results']:
        if result['ruleId'] == 'RS0016':
            names.add(result['properties']['customProperties']['APIName'])
    per_log.append(names)
common = set.intersection(*per_log)
for names in per_log:
    if names != common:
        sys.exit(f"{unshipped}: the target frameworks differ in public API: {sorted(names ^ common)[:10]}")
lines = [l.rstrip('\n') for l in open(unshipped) if l.strip() and not l.startswith('#')]
entries = sorted(set(lines) | common, key=str.lower)
with open(unshipped, 'w') as f:
    f.write('#nullable enable\n')
    f.writelines(e + '\n' for e in entries)
print(len(common))
PY
)"
    echo "$project: pass $pass added $added entries"
    [ "$added" = "0" ] && break
  done
done
