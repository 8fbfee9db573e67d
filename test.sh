#!/usr/bin/env bash
# The one command that proves the project: installs what is missing, restores, builds, starts private
# PostgreSQL and Redis, runs every test (unit, integration, component, browser), always stops the services,
# and ends with a line "N passed, M failed". Its exit code is the tests'.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

configuration=${CONFIGURATION:-Release}
services_dir=.services/test
results=TestResults

summary() { echo "$1 passed, $2 failed${3:+ ($3)}"; }

scripts/prerequisites.sh --tests || { summary 0 0 "prerequisites missing"; exit 1; }
scripts/typescript.sh >/dev/null || { summary 0 0 "the TypeScript compiler could not be installed"; exit 1; }

trap 'scripts/services.sh stop --dir "$services_dir" >/dev/null 2>&1 || true' EXIT
if ! scripts/services.sh start --dir "$services_dir" >/dev/null; then
  summary 0 0 "PostgreSQL or Redis did not start"; exit 1
fi
# shellcheck disable=SC1091
source "$services_dir/env"

if ! dotnet build Discogsography.sln -c "$configuration" -nologo -clp:ErrorsOnly; then
  summary 0 0 "build failed"; exit 1
fi

rm -rf "$results"
dotnet test Discogsography.Tests/Discogsography.Tests.csproj -c "$configuration" --no-build -nologo \
  --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

counters=$(grep -o '<Counters [^>]*>' "$results/tests.trx" 2>/dev/null || true)
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
executed=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
skipped=$(( ${total:-0} - ${executed:-0} ))
summary "${passed:-0}" "${failed:-0}" "$( ((skipped > 0)) && echo "$skipped not run: explicit tasks, or ignored with the reason above")"
exit $status
