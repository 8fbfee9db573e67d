#!/usr/bin/env bash
# How the import scales with cores: the whole import of a generated dump with the catalogue build limited to 1 worker
# and to 2 workers (IMPORT_BUILD_WORKERS), alternated so drift affects both alike; medians of the load phase, the
# build phase and the whole import.
#   bench/build-workers.sh [releases] [runs]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
releases=${1:-1000000}
runs=${2:-2}
bench_setup_dump "$releases"

declare -A builds loads totals
for _ in $(seq 1 "$runs"); do
  for workers in 1 2; do
    start=$(now)
    out=$(IMPORT_BUILD_WORKERS=$workers dotnet "$host_dll" import "$dump" 2>&1)
    totals[$workers]+="$(since "$start")"$'\n'
    builds[$workers]+="$(build_seconds "$out")"$'\n'
    loads[$workers]+="$(load_seconds "$out")"$'\n'
  done
done
printf 'import of %s releases on %s cores, median of %s runs\n' "$releases" "$(nproc)" "$runs"
for workers in 1 2; do
  printf '  %s build worker(s): load %6.1f s, build %6.1f s, whole import %6.1f s\n' "$workers" \
    "$(median <<<"${loads[$workers]%$'\n'}")" "$(median <<<"${builds[$workers]%$'\n'}")" "$(median <<<"${totals[$workers]%$'\n'}")"
done
