#!/usr/bin/env bash
# The least time any build of this read model can take: the generated dump is imported, then every table the build
# writes is copied from the live catalogue into a scratch schema and given its indexes and statistics again, as many
# tables at once as the build runs steps, biggest first, with the build's session settings. That is the build's
# writing without its computing. Printed beside the import's own phases, with what they mean for the target
# "whole import <= 2x the decompression floor" (issue 19): load + copy floor is the least a whole import can take.
#   bench/build-floor.sh [releases] [runs]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
releases=${1:-1000000}
runs=${2:-3}
bench_setup_dump "$releases"
workers=$(( $(nproc) < 2 ? 2 : $(nproc) ))

floor=$(decompression_floor "$dump")
start=$(now); out=$(dotnet "$host_dll" import "$dump" 2>&1); whole=$(since "$start")
build=$(build_seconds "$out"); load=$(load_seconds "$out")

tables=$(bench_psql "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'graph' AND c.relkind = 'r' AND c.relname NOT LIKE 'src\_%' AND c.relname <> 'catalog_info'
                     ORDER BY pg_total_relation_size(c.oid) DESC")
# One script per table, written before the clock starts: create, copy, index, analyze (psql runs a script's statements
# one by one, so VACUUM runs outside a transaction). One psql per table, biggest first.
jobs=$(mktemp -d); trap 'rm -rf "$jobs"; bench_stop' EXIT
for table in $tables; do
  { echo "CREATE TABLE build_floor.$table (LIKE graph.$table INCLUDING DEFAULTS);"
    echo "INSERT INTO build_floor.$table SELECT * FROM graph.$table;"
    bench_psql "SELECT replace(indexdef, ' ON graph.', ' ON build_floor.') || ';' FROM pg_indexes
                WHERE schemaname = 'graph' AND tablename = '$table'"
    echo "VACUUM (ANALYZE) build_floor.$table;"; } > "$jobs/$table.sql"
done
export -f bench_psql
export POSTGRES_HOST POSTGRES_USERNAME POSTGRES_PASSWORD POSTGRES_DATABASE
copies=""
for _ in $(seq 1 "$runs"); do
  bench_psql "SET client_min_messages = warning; DROP SCHEMA IF EXISTS build_floor CASCADE; CREATE SCHEMA build_floor" >/dev/null
  start=$(now)
  # The sessions are set as the build's are (BuildBudget.SessionSettings: 1 GB shared by two steps, no parallel
  # workers, commits that do not wait for the disk).
  PGOPTIONS="-c work_mem=512MB -c maintenance_work_mem=512MB -c hash_mem_multiplier=1 -c max_parallel_workers_per_gather=0
    -c max_parallel_maintenance_workers=0 -c synchronous_commit=off" \
    xargs -P "$workers" -I{} bash -c 'bench_psql < "$0/{}.sql" >/dev/null' "$jobs" <<<"$tables"
  copies+="$(since "$start")"$'\n'
done
bench_psql "SET client_min_messages = warning; DROP SCHEMA build_floor CASCADE" >/dev/null
copy=$(median <<<"${copies%$'\n'}")

printf 'build floor of %s releases (%s cores, %s tables at once, median of %s copies)\n' "$releases" "$(nproc)" "$workers" "$runs"
printf '  decompression floor (gzip -dc, all files)   %8.1f s\n' "$floor"
printf '  import: load %.1f s, build %.1f s, whole %.1f s   (whole / floor %.2f)\n' "$load" "$build" "$whole" "$(echo "$whole / $floor" | bc -l)"
printf '  copying what the build writes (%s tables, their indexes and statistics)  %8.1f s   (build / copy %.2f)\n' \
  "$(wc -l <<<"$tables")" "$copy" "$(echo "$build / $copy" | bc -l)"
printf '  least whole import with this read model: load + copy = %.1f s = %.2f x the decompression floor\n' \
  "$(echo "$load + $copy" | bc -l)" "$(echo "($load + $copy) / $floor" | bc -l)"
