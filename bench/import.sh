#!/usr/bin/env bash
# Import speed, memory and disk on a synthetic dump of N releases (default 1,000,000), measured in one run:
#  per file: compressed and XML size, the decompression floor (gzip -dc to /dev/null), the load time, MB/s of XML and
#  records/s; the whole import split into its load phase and its build phase; peak RSS of the full import and of
#  importing only the releases file vs only the labels file (memory must not grow with the input); the catalogue's
#  size on disk; and the target ratio (full import) ÷ (decompression floor).
#   bench/import.sh [releases]   (10000000 needs about 9 GB for the dump and 35 GB for the catalogue)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
releases=${1:-1000000}
bench_setup_dump "$releases"

peak() { grep -o 'peak memory [0-9]* MB' <<<"$1" | grep -o '[0-9]*'; }
loaded() { grep -o "$1.xml.gz: [0-9]* records loaded in [0-9.]*" <<<"$2" | grep -o '[0-9.]*$'; }
# A rate, 0 when the time rounds to 0 s (a small file loads in under 0.05 s).
per_second() { if [ "$(echo "$2 > 0" | bc -l)" = 1 ]; then echo "($1) / $2" | bc -l; else echo 0; fi; }
records() { grep -o "$1.xml.gz: [0-9]* records loaded" <<<"$2" | grep -o '[0-9][0-9]*' | tail -1; }

start=$(now); dotnet "$host_dll" import --parse-only "$dump" >/dev/null 2>&1; parse=$(since "$start")
# The build's statements over a second, from the server's log (steps run in parallel: their sum exceeds the phase).
pg_log="$bench_dir/pg/postgres.log"; log_from=$(($(stat -c %s "$pg_log") + 1))
bench_psql "ALTER SYSTEM SET log_min_duration_statement = 1000" >/dev/null; bench_psql "SELECT pg_reload_conf()" >/dev/null
start=$(now); full_out=$(dotnet "$host_dll" import "$dump" 2>&1); full=$(since "$start")
bench_psql "ALTER SYSTEM RESET log_min_duration_statement" >/dev/null; bench_psql "SELECT pg_reload_conf()" >/dev/null
# (A small dump may have none: grep finding nothing must not end the script.)
slowest=$(tail -c +"$log_from" "$pg_log" | { grep -o 'duration: [0-9.]* ms  [a-z]* [^:]*: .*' || true; } | { grep -v ': COPY ' || true; } \
  | sed -E 's/graph_staging\.//g; s/^duration: ([0-9.]+) ms  [a-z]+ [^:]*: (.{0,100}).*/\1 \2/' \
  | awk '{ v = $1; $1 = ""; printf "    %7.1f s %s\n", v / 1000, $0 }' | sort -gr | head -15)
build=$(build_seconds "$full_out")
disk=$(bench_psql "SELECT round(sum(pg_total_relation_size(c.oid)) / 1048576.0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'graph' AND c.relkind IN ('r', 'm')")
# Peak memory of one file alone, the biggest vs the smallest (above 2M releases the full import's peak is compared with
# a smaller run's instead: importing the releases file again would take as long as the whole import).
if [ "$releases" -le 2000000 ]; then
  labels_out=$(dotnet "$host_dll" import "$dump/discogs_20200806_labels.xml.gz" 2>&1)
  releases_out=$(dotnet "$host_dll" import "$dump/discogs_20200806_releases.xml.gz" 2>&1)
fi

printf 'import of %s releases (%s cores)\n' "$releases" "$(nproc)"
printf '  %-9s %9s %9s %9s %9s %9s %11s\n' file 'gz MB' 'XML MB' 'gunzip s' 'load s' 'XML MB/s' 'records/s'
floor=0; load_total=0
for kind in artists labels masters releases; do
  file="$dump/discogs_20200806_$kind.xml.gz"
  start=$(now); xml_bytes=$(gzip -dc "$file" | wc -c); gunzip_s=$(since "$start")
  floor=$(echo "$floor + $gunzip_s" | bc -l)
  load_s=$(loaded "$kind" "$full_out"); load_total=$(echo "$load_total + $load_s" | bc -l)
  printf '  %-9s %9.1f %9.1f %9.2f %9.2f %9.1f %11.0f\n' "$kind" "$(echo "$(stat -c %s "$file") / 1048576" | bc -l)" \
    "$(echo "$xml_bytes / 1048576" | bc -l)" "$gunzip_s" "$load_s" "$(per_second "$xml_bytes / 1048576" "$load_s")" \
    "$(per_second "$(records "$kind" "$full_out")" "$load_s")"
done
printf '  decompression floor (gzip -dc, all files)  %8.1f s\n' "$floor"
printf '  decompress + parse only                    %8.1f s\n' "$parse"
printf '  full import                                %8.1f s   (load %.1f s, build %s s, the rest locking, copying, switching)\n' \
  "$full" "$load_total" "$build"
printf '  full import / decompression floor          %8.2f     (target <= 2)\n' "$(echo "$full / $floor" | bc -l)"
if [ -n "${releases_out:-}" ]; then
  printf '  peak RSS: full import %s MB, releases file only %s MB, labels file only %s MB (releases/labels %.2f, target <= 2)\n' \
    "$(peak "$full_out")" "$(peak "$releases_out")" "$(peak "$labels_out")" "$(echo "$(peak "$releases_out") / $(peak "$labels_out")" | bc -l)"
else
  printf '  peak RSS: full import %s MB\n' "$(peak "$full_out")"
fi
printf '  catalogue on disk (graph schema, tables and indexes)  %s MB\n' "$disk"
printf '  slowest build statements:\n%s\n' "$slowest"
