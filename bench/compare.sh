#!/usr/bin/env bash
# Runs benchmark scripts against an earlier commit and the working tree, alternately, in one run on one machine,
# so a change is judged against the same noise. The earlier commit is built in a temporary git worktree.
#   bench/compare.sh BASE_REF [rounds] [script ...]     (default scripts: bench/login.sh bench/auth.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base=${1:?usage: bench/compare.sh BASE_REF [rounds] [script ...]}
rounds=${2:-2}
shift $(( $# >= 2 ? 2 : 1 ))
scripts=("$@")
[ ${#scripts[@]} -gt 0 ] || scripts=(bench/login.sh bench/auth.sh)

worktree=$(mktemp -d)
trap 'git worktree remove --force "$worktree" >/dev/null 2>&1 || true' EXIT
git worktree add --detach "$worktree" "$base" >/dev/null
dotnet build "$worktree/Discogsography.Host" -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build Discogsography.Host -c Release -nologo -clp:ErrorsOnly >/dev/null
base_dll=$worktree/Discogsography.Host/bin/Release/net10.0/Discogsography.Host.dll

for round in $(seq 1 "$rounds"); do
  for script in "${scripts[@]}"; do
    echo "=== round $round: $script, before ($(git rev-parse --short "$base"))"
    BENCH_HOST_DLL=$(realpath "$base_dll") "$script"
    echo "=== round $round: $script, after (working tree $(git rev-parse --short HEAD))"
    "$script"
  done
done
