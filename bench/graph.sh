#!/usr/bin/env bash
# Latency of the graph endpoints on a 1M-release catalogue, rate limits off: p50/p99 and req/s (wrk, 2 connections)
# for autocomplete, explore, expand (first page and a deep page) and trends, for the most-connected entity of each
# type and a median one, then the biggest / median p99 ratios. Targets: every p99 <= 20 ms; biggest / median p99
# <= 3 (explore, trends), <= 5 (expand).
# Each measurement runs several times and reports the median run: wrk, the Host and PostgreSQL share two cores, so a
# single run's p99 of a sub-millisecond query is mostly scheduling noise.
#   bench/graph.sh [seconds per run] [runs per measurement]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
duration=${1:-5}
runs=${2:-3}
bench_setup
if [ "$(bench_psql 'SELECT count(*) FROM graph.releases')" -lt 1000000 ]; then
  dotnet "$host_dll" import "$(bench_dump 1000000)" >/dev/null
fi
bench_start_host
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# The most-connected and the median entity of each type, by release count.
entity() { # type stats_table key name_table pick(max|median)
  local order=$([ "$5" = max ] && echo "DESC" || echo "ASC") offset=$([ "$5" = max ] && echo 0 || echo "(SELECT count(*) / 2 FROM graph.$2 WHERE releases > 0)")
  bench_psql "SELECT t.name FROM graph.$2 s JOIN graph.$4 t ON t.id = s.$3 WHERE s.releases > 0 ORDER BY s.releases $order, s.$3 OFFSET $offset LIMIT 1"
}

# Autocomplete cycles through 2,000 distinct queries so the 512-entry FIFO cache always misses: 3-letter prefixes
# (name-prefix matches), a name's second word and the first two letters of its first ("flirmean ci": word matches, as
# no name starts so), and misspelt names (a letter dropped, so fuzzy pg_trgm matching does the work).
bench_psql "SELECT DISTINCT lower(left(name, 3)) FROM graph.artists WHERE length(name) >= 3 LIMIT 2000" > /tmp/dg-prefixes.txt
bench_psql "SELECT DISTINCT lower(split_part(name, ' ', 2) || ' ' || left(name, 2)) FROM graph.artists WHERE split_part(name, ' ', 2) ~ '^[A-Za-z]{4}' LIMIT 2000" > /tmp/dg-words.txt
bench_psql "SELECT lower(left(name, 1) || substr(name, 3, 6)) FROM graph.artists WHERE length(name) >= 7 ORDER BY id LIMIT 2000" > /tmp/dg-misspelt.txt
autocomplete_script() { # file of queries
  cat > "/tmp/$(basename "$1" .txt).lua" <<LUA
local prefixes = {}
for line in io.lines("$1") do prefixes[#prefixes + 1] = line end
local i = 0
request = function()
  i = i % #prefixes + 1
  return wrk.format("GET", "/api/autocomplete?limit=10&q=" .. prefixes[i]:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
LUA
}
autocomplete_script /tmp/dg-prefixes.txt
autocomplete_script /tmp/dg-words.txt
autocomplete_script /tmp/dg-misspelt.txt

# The measurement labels, with the type and the pick as %s placeholders, and each ratio's target.
ratios() { # type
  local spec template target
  for spec in "explore %s %s:3" "expand %s %s releases, first page:5" "expand %s %s releases, deep page:5" "trends %s %s:3"; do
    template=${spec%:*}; target=${spec##*:}
    printf '  %-42s %5.2f   (target <= %s)\n' "${template//%s %s/$1}" \
      "$(echo "${p99_of[$(printf "$template" "$1" max)]} / ${p99_of[$(printf "$template" "$1" median)]}" | bc -l)" "$target"
  done
}

echo "graph endpoints on $(bench_psql 'SELECT count(*) FROM graph.releases') releases ($(nproc) cores, wrk 1 thread 2 connections, median of $runs runs of ${duration} s)"
measure "autocomplete artist, 3-letter prefixes" "$api/" /tmp/dg-prefixes.lua
measure "autocomplete artist, words out of order" "$api/" /tmp/dg-words.lua
measure "autocomplete artist, misspelt names" "$api/" /tmp/dg-misspelt.lua
[ "${BENCH_ONLY_AUTOCOMPLETE:-}" = 1 ] && exit 0
for spec in "artist artist_stats artist_id artists releases" "genre genre_stats genre_id genres releases" "label label_stats label_id labels releases" "style style_stats style_id styles releases"; do
  read -r type stats key table category <<<"$spec"
  for pick in max median; do
    name=$(entity "$type" "$stats" "$key" "$table" "$pick"); n=$(urlencode "$name")
    total=$(bench_psql "SELECT s.releases FROM graph.$stats s JOIN graph.$table t ON t.id = s.$key WHERE t.name = '${name//\'/\'\'}' ORDER BY s.$key LIMIT 1")
    echo "-- $type, $pick: $name ($total releases)"
    measure "explore $type $pick" "$api/api/explore?type=$type&name=$n"
    measure "expand $type $pick releases, first page" "$api/api/expand?type=$type&category=$category&node_id=$n&limit=50"
    measure "expand $type $pick releases, deep page" "$api/api/expand?type=$type&category=$category&node_id=$n&limit=50&offset=$(( total > 100 ? total / 2 : 0 ))"
    measure "trends $type $pick" "$api/api/trends?type=$type&name=$n"
  done
done
echo "-- biggest / median p99"
for type in artist genre label style; do ratios "$type"; done
