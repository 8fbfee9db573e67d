#!/usr/bin/env bash
# Import speed and memory on a synthetic dump of N releases (default 1,000,000):
#  (a) decompress + parse only, (b) the full import (load, derived tables, indexes, switch), and (a)/(b);
#  releases/s; peak memory importing only the releases file vs only the labels file (memory must not grow with input).
#   bench/import.sh [releases]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
releases=${1:-1000000}
bench_setup
trap bench_stop EXIT
dump=$(bench_dump "$releases")

seconds() { local start=$1; echo "$(date +%s.%N) - $start" | bc -l; }
peak() { grep -o 'peak memory [0-9]* MB' <<<"$1" | grep -o '[0-9]*'; }

start=$(date +%s.%N); dotnet "$host_dll" import --parse-only "$dump" >/dev/null 2>&1; parse=$(seconds "$start")
start=$(date +%s.%N); full_out=$(dotnet "$host_dll" import "$dump" 2>&1); full=$(seconds "$start")
load=$(grep -o 'releases.xml.gz: [0-9]* records loaded in [0-9.]*' <<<"$full_out" | grep -o '[0-9.]*$')
labels_out=$(dotnet "$host_dll" import "$dump/discogs_20200806_labels.xml.gz" 2>&1)
releases_out=$(dotnet "$host_dll" import "$dump/discogs_20200806_releases.xml.gz" 2>&1)

printf 'import of %s releases (%s cores)\n' "$releases" "$(nproc)"
printf '  (a) decompress + parse only      %8.1f s\n' "$parse"
printf '  (b) full import                  %8.1f s   (releases file loaded in %s s)\n' "$full" "$load"
printf '  ratio (a)/(b)                    %8.2f      (target >= 0.6)\n' "$(echo "$parse / $full" | bc -l)"
printf '  releases/s, full import          %8.0f\n' "$(echo "$releases / $full" | bc -l)"
printf '  peak memory, releases file only  %8s MB\n' "$(peak "$releases_out")"
printf '  peak memory, labels file only    %8s MB\n' "$(peak "$labels_out")"
printf '  ratio releases/labels            %8.2f      (target <= 2)\n' "$(echo "$(peak "$releases_out") / $(peak "$labels_out")" | bc -l)"
