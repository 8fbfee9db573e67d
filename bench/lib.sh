# Shared by the bench scripts: private services in .services/bench, a Release build, and a 1M-release catalogue.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bench_dir=.services/bench
# BENCH_HOST_DLL runs another build of the API (bench/compare.sh points it at an earlier commit's).
host_dll=${BENCH_HOST_DLL:-Discogsography.Host/bin/Release/net10.0/Discogsography.Host.dll}

bench_setup() {
  scripts/prerequisites.sh --bench
  scripts/services.sh start --dir "$bench_dir" >/dev/null
  # shellcheck disable=SC1091
  source "$bench_dir/env"
  dotnet build Discogsography.Host -c Release -nologo -clp:ErrorsOnly >/dev/null
}

bench_stop() { scripts/services.sh stop --dir "$bench_dir" >/dev/null 2>&1 || true; }

# The import benches' opening: bench_setup, the services stopped on exit, and $dump, the generated dump of $1 releases.
bench_setup_dump() { bench_setup; trap bench_stop EXIT; dump=$(bench_dump "$1"); }

# Seconds since a time taken with now.
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l; }

# The synthetic dump (deterministic, so it is generated once and reused while the generator's code is unchanged).
bench_dump() {
  local releases=$1 generator
  generator=$(cat Discogsography.ServiceInterface/Catalogue/Sample/*.cs | sha1sum | cut -c1-8)
  local dir="$bench_dir/dump-$releases-$generator"
  if [ ! -f "$dir/discogs_20200806_releases.xml.gz" ]; then
    dotnet "$host_dll" generate-sample --out "$dir" --releases "$releases" >&2
  fi
  echo "$dir"
}

# bench_psql SQL runs one command; without an argument, the script on standard input (each statement on its own).
bench_psql() {
  PGPASSWORD=$POSTGRES_PASSWORD psql -h "${POSTGRES_HOST%:*}" -p "${POSTGRES_HOST##*:}" -U "$POSTGRES_USERNAME" -d "$POSTGRES_DATABASE" \
    -tA -v ON_ERROR_STOP=1 ${1:+-c "$1"}
}

# shellcheck source=scripts/ports.sh
source scripts/ports.sh

# The API in Release mode on free ports, rate limits off, stopped (with the services) when the script exits.
# Sets $api to its base URL.
bench_start_host() {
  local api_port health_port
  api_port=$(free_port); health_port=$(free_port)
  (cd "$(dirname "$host_dll")" && MIGRATE_ON_STARTUP=true JWT_SECRET_KEY=bench-secret-of-more-than-thirty-two-bytes-0123 API_PORT=$api_port HEALTH_PORT=$health_port RATELIMIT_ENABLED=false \
    ENVIRONMENT=production OAUTH_ENCRYPTION_KEY=YmVuY2gta2V5LW9mLWV4YWN0bHktMzItYnl0ZXMhISE= LOG_LEVEL=WARNING \
    exec dotnet Discogsography.Host.dll serve) >/dev/null 2>&1 &
  bench_host_pid=$!
  trap 'kill $bench_host_pid 2>/dev/null; wait $bench_host_pid 2>/dev/null; bench_stop' EXIT
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$health_port/health" >/dev/null && break; sleep 0.2; done
  api="http://127.0.0.1:$api_port"
}

# wrk prints latencies as 522.00us, 2.79ms or 1.02s.
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v / 1000; else if (v ~ /ms$/) printf "%.3f", v + 0; else printf "%.3f", v * 1000 }'; }
# An import's phases, from its log (the output of `import`): the build's seconds, and the seconds loading all its files.
build_seconds() { grep -o 'Build: all [0-9]* steps done in [0-9.]*' <<<"$1" | grep -o '[0-9.]*$'; }
load_seconds() { grep -o 'records loaded in [0-9.]*' <<<"$1" | grep -o '[0-9.]*$' | paste -sd+ | bc -l; }

# The decompression floor of a dump folder: the seconds `gzip -dc` takes to read all its files.
decompression_floor() {
  local file start total=0
  for file in "$1"/*.xml.gz; do
    start=$(now); gzip -dc "$file" >/dev/null; total=$(echo "$total + $(since "$start")" | bc -l)
  done
  echo "$total"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# measure LABEL URL [LUA SCRIPT] [HEADER]: median over $runs wrk runs of $duration s (1 thread, 2 connections) of p50,
# p99 and req/s, printed on one line; the p99 is kept in p99_of[LABEL]. Non-2xx answers are reported.
declare -A p99_of
measure() {
  local out p50s="" p99s="" rates="" args=(-t1 -c2)
  [ -n "${3:-}" ] && args+=(-s "$3")
  [ -n "${4:-}" ] && args+=(-H "$4")
  wrk "${args[@]}" -d1s "$2" >/dev/null   # warm-up: JIT, connection pool, buffer cache
  for _ in $(seq 1 "$runs"); do
    out=$(wrk "${args[@]}" -d"${duration}s" --latency "$2")
    if grep -q "Non-2xx" <<<"$out"; then echo "  ! $1: $(grep Non-2xx <<<"$out")"; fi
    p50s+="$(to_ms "$(awk '/ 50%/{print $2}' <<<"$out")")"$'\n'
    p99s+="$(to_ms "$(awk '/ 99%/{print $2}' <<<"$out")")"$'\n'
    rates+="$(awk '/Requests\/sec/{print $2}' <<<"$out")"$'\n'
  done
  p99_of[$1]=$(median <<<"${p99s%$'\n'}")
  printf '%-44s p50 %7.2f ms  p99 %7.2f ms  %9.0f req/s\n' "$1" "$(median <<<"${p50s%$'\n'}")" "${p99_of[$1]}" "$(median <<<"${rates%$'\n'}")"
}

# The p-th percentile (p = $2) of the seconds listed in file $1, in milliseconds.
bench_percentile() { sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.5); if (i < 1) i = 1; printf "%.2f", v[i] * 1000 }'; }

# Times POSTs of JSON bodies to one route, the cases interleaved so drift affects them equally, after five warm-up
# requests per case: bench_post_cases ROUTE REQUESTS_PER_CASE NAME=BODY... Then prints p50, p99 and the p50 ratio to
# the first case, one line per case.
bench_post_cases() {
  local route=$1 n=$2 tmp pair name
  shift 2
  tmp=$(mktemp -d)
  for pair in "$@"; do for _ in 1 2 3 4 5; do curl -s -o /dev/null -H 'Content-Type: application/json' -d "${pair#*=}" "$api$route"; done; done
  for _ in $(seq 1 "$n"); do
    for pair in "$@"; do
      curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "${pair#*=}" "$api$route" >> "$tmp/${pair%%=*}"
    done
  done
  local first=${1%%=*} base
  base=$(bench_percentile "$tmp/$first" 50)
  printf '%-16s %8s %8s %14s\n' case p50 p99 "p50 / $first"
  for pair in "$@"; do
    name=${pair%%=*}
    local p50 p99
    p50=$(bench_percentile "$tmp/$name" 50); p99=$(bench_percentile "$tmp/$name" 99)
    printf '%-16s %8s %8s %14s\n' "$name" "$p50" "$p99" "$(awk -v a="$p50" -v b="$base" 'BEGIN { printf "%.3f", a / b }')"
  done
  rm -rf "$tmp"
}
