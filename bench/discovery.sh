#!/usr/bin/env bash
# Latency of the discovery routes on a 1M-release catalogue, rate limits off, search cache defeated (every request has
# parameters of its own): p50/p99 and req/s (wrk, 2 connections, median of several runs) for search (a common and a
# rare word, with and without filters), path (artist pairs at each distance 2..6, and pairs with no path within the
# depth), genre-tree, year-range, genre-emergence, collaborators and expand with before_year (biggest and median
# entity), then the biggest / median p99 ratios.
# Targets: search p99 <= 50 ms; path p99 <= 100 ms up to depth 6; collaborators, genre-tree, year-range, emergence and
# before_year p99 <= 20 ms; biggest / median p99 <= 5.
#   bench/discovery.sh [seconds per run] [runs per measurement]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
duration=${1:-5}
runs=${2:-3}
bench_setup
if [ "$(bench_psql 'SELECT count(*) FROM graph.releases')" -lt 1000000 ]; then
  dotnet "$host_dll" import "$(bench_dump 1000000)" >/dev/null
fi
bench_start_host
work=$(mktemp -d)
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# cycle_script FILE: a wrk script sending the request paths of FILE in turn.
cycle_script() {
  cat > "${1%.txt}.lua" <<LUA
local paths = {}
for line in io.lines("$1") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
  echo "${1%.txt}.lua"
}

# search_script NAME QUERY: requests for QUERY that differ only in limit and offset, counting on from a random start
# (80,000 combinations), so none is a cache hit.
search_script() {
  cat > "$work/$1.lua" <<LUA
math.randomseed(os.time() + os.clock() * 1000000)
local i = math.random(0, 79999)
request = function()
  i = (i + 1) % 80000
  return wrk.format("GET", "/api/search?q=$2&limit=" .. (20 + math.floor(i / 1000)) .. "&offset=" .. (i % 1000))
end
LUA
  echo "$work/$1.lua"
}

# The most and least common lexeme of release titles (the least among those in at least three titles).
read -r common <<<"$(bench_psql "SELECT word FROM ts_stat('SELECT doc FROM graph.search_entries WHERE kind = ''r''') ORDER BY ndoc DESC, word LIMIT 1")"
read -r rare <<<"$(bench_psql "SELECT word FROM ts_stat('SELECT doc FROM graph.search_entries WHERE kind = ''r''') WHERE ndoc >= 3 ORDER BY ndoc, word LIMIT 1")"
filters="&types=release,master&genres=Rock,Electronic&year_min=1970&year_max=1989"

# Path pairs: random artists with releases, bucketed by the length the API finds (random pairs are rarely closer than 4,
# so collaborators and aliases are added for 2 and 3); for "no path", pairs at distance 4 asked with max_depth 3.
bench_psql "SELECT a.name FROM graph.artist_stats s JOIN graph.artists a ON a.id = s.artist_id WHERE s.releases > 0 ORDER BY md5(a.id::text) LIMIT 600" > "$work/artists.txt"
mapfile -t artists < "$work/artists.txt"
for (( i = 0; i + 1 < ${#artists[@]}; i += 2 )); do
  from=$(urlencode "${artists[i]}"); to=$(urlencode "${artists[i+1]}")
  length=$(curl -s "$api/api/path?from_name=$from&to_name=$to&max_depth=6" | python3 -c 'import json, sys; print(json.load(sys.stdin)["length"])')
  echo "/api/path?from_name=$from&to_name=$to&max_depth=6" >> "$work/path-$length.txt"
  [ "$length" = 4 ] && echo "/api/path?from_name=$from&to_name=$to&max_depth=3" >> "$work/path-none.txt"
done
close_pairs() { # sql selecting (from name, to name) pairs
  bench_psql "$1" | while IFS='|' read -r from to; do
    from=$(urlencode "$from"); to=$(urlencode "$to")
    length=$(curl -s "$api/api/path?from_name=$from&to_name=$to&max_depth=6" | python3 -c 'import json, sys; print(json.load(sys.stdin)["length"])')
    echo "/api/path?from_name=$from&to_name=$to&max_depth=6" >> "$work/path-$length.txt"
  done
}
close_pairs "SELECT a.name, b.name FROM graph.collaborators c JOIN graph.artists a ON a.id = c.artist_id JOIN graph.artists b ON b.id = c.other_id ORDER BY md5(c.artist_id::text || c.other_id::text) LIMIT 60"
close_pairs "SELECT a.name, b.name FROM graph.artist_links l JOIN graph.artists a ON a.id = l.artist_id JOIN graph.release_artists ra ON ra.artist_id = l.other_id JOIN graph.release_artists rb ON rb.release_id = ra.release_id AND rb.artist_id NOT IN (l.artist_id, l.other_id) JOIN graph.artists b ON b.id = rb.artist_id WHERE l.kind = 'a' ORDER BY md5(l.artist_id::text || rb.artist_id::text) LIMIT 60"

# The artists with the most and the median number of collaborators.
collaborators() { bench_psql "SELECT artist_id FROM (SELECT artist_id, count(*) AS n FROM graph.collaborators GROUP BY 1) c ORDER BY n DESC, artist_id OFFSET $1 LIMIT 1"; }
most_collaborators=$(collaborators 0)
median_collaborators=$(collaborators "(SELECT count(DISTINCT artist_id) / 2 FROM graph.collaborators)")

# The biggest and the median entity of a type, by releases.
entity() { # type stats_table key name_table pick(max|median)
  local order=$([ "$5" = max ] && echo "DESC" || echo "ASC") offset=$([ "$5" = max ] && echo 0 || echo "(SELECT count(*) / 2 FROM graph.$2 WHERE releases > 0)")
  bench_psql "SELECT t.name FROM graph.$2 s JOIN graph.$4 t ON t.id = s.$3 WHERE s.releases > 0 ORDER BY s.releases $order, s.$3 OFFSET $offset LIMIT 1"
}

echo "discovery routes on $(bench_psql 'SELECT count(*) FROM graph.releases') releases ($(nproc) cores, wrk 1 thread 2 connections, median of $runs runs of ${duration} s)"
echo "-- search: common word '$common', rare word '$rare', filters '$filters' (no cache hits)"
measure "search common word" "$api/" "$(search_script common "$common")"
measure "search common word, filtered" "$api/" "$(search_script common-filtered "$common$filters")"
measure "search rare word" "$api/" "$(search_script rare "$rare")"
measure "search rare word, filtered" "$api/" "$(search_script rare-filtered "$rare$filters")"
echo "-- path (pairs found per length: $(for l in 2 3 4 5 6; do printf '%s:%s ' "$l" "$(cat "$work/path-$l.txt" 2>/dev/null | wc -l)"; done))"
for length in 2 3 4 5 6 none; do
  [ -s "$work/path-$length.txt" ] && measure "path, length $length" "$api/" "$(cycle_script "$work/path-$length.txt")"
done
echo "-- tree, years, statistics"
measure "genre-tree" "$api/api/genre-tree"
measure "year-range" "$api/api/explore/year-range"
measure "genre-emergence 1970" "$api/api/explore/genre-emergence?before_year=1970"
measure "graph stats" "$api/api/graph/stats"
echo "-- collaborators"
measure "collaborators, most" "$api/api/collaborators/$most_collaborators"
measure "collaborators, median" "$api/api/collaborators/$median_collaborators"
echo "-- expand with before_year=1990"
for spec in "artist artist_stats artist_id artists labels" "label label_stats label_id labels artists" "genre genre_stats genre_id genres styles" "style style_stats style_id styles labels"; do
  read -r type stats key table counted <<<"$spec"
  for pick in max median; do
    n=$(urlencode "$(entity "$type" "$stats" "$key" "$table" "$pick")")
    measure "before_year $type $pick releases" "$api/api/expand?type=$type&category=releases&node_id=$n&before_year=1990"
    measure "before_year $type $pick $counted" "$api/api/expand?type=$type&category=$counted&node_id=$n&before_year=1990"
  done
done
echo "-- biggest / median p99 (target <= 5)"
printf '  %-40s %5.2f\n' "collaborators" "$(echo "${p99_of["collaborators, most"]} / ${p99_of["collaborators, median"]}" | bc -l)"
for spec in "artist labels" "label artists" "genre styles" "style labels"; do
  read -r type counted <<<"$spec"
  for category in releases "$counted"; do
    printf '  %-40s %5.2f\n' "before_year $type $category" \
      "$(echo "${p99_of["before_year $type max $category"]} / ${p99_of["before_year $type median $category"]}" | bc -l)"
  done
done
rm -rf "$work"
