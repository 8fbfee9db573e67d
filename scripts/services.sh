#!/usr/bin/env bash
# Private PostgreSQL and Redis for development and tests, bound to 127.0.0.1 on free ports, with their data
# under a git-ignored folder. Idempotent: `start` on running services only prints their environment again.
#
#   scripts/services.sh start|stop|status|env [--dir DIR]
#
# DIR defaults to .services/dev; ./test.sh uses .services/test so tests never touch a running ./run.sh.
# `start` and `env` print `export NAME=value` lines for POSTGRES_*, REDIS_HOST and the server binaries;
# the same lines are kept in DIR/env for `source`.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
action=${1:-status}
shift || true
dir="$repo/.services/dev"
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
state="$dir/state"

log() { echo "services: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/pg_ctl" ] && echo "$found"
}

ensure_installed() {
  local missing=()
  [ -n "$(pg_bin)" ] || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} with apt"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Runs a command as the user PostgreSQL will run as: it refuses to run as root.
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# shellcheck source=scripts/ports.sh
source "$repo/scripts/ports.sh"

secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

load_state() { [ -f "$state" ] && . "$state" || true; }

save_state() {
  cat > "$state" <<STATE
PG_PORT=${PG_PORT}
PG_PASSWORD=${PG_PASSWORD}
REDIS_PORT=${REDIS_PORT}
REDIS_PASSWORD=${REDIS_PASSWORD}
STATE
  chmod 600 "$state"
}

pg_running() { [ -n "${PG_PORT:-}" ] && [ -f "$dir/pg/data/postmaster.pid" ] && as_pg_user "$(pg_bin)/pg_ctl" -D "$dir/pg/data" status >/dev/null 2>&1; }

redis_running() {
  [ -n "${REDIS_PORT:-}" ] && REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG
}

start_postgres() {
  local bin; bin=$(pg_bin)
  if pg_running; then return 0; fi
  PG_PASSWORD=${PG_PASSWORD:-$(secret)}
  if [ ! -f "$dir/pg/data/PG_VERSION" ]; then
    mkdir -p "$dir/pg/data" "$dir/pg/socket"
    printf '%s\n' "$PG_PASSWORD" > "$dir/pg/pwfile"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir/pg"
    as_pg_user "$bin/initdb" -D "$dir/pg/data" -U discogsography --pwfile="$dir/pg/pwfile" \
      --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log" 2>&1 \
      || { cat "$dir/pg/initdb.log" >&2; return 1; }
    rm -f "$dir/pg/pwfile"
  fi
  if [ -z "${PG_PORT:-}" ] || port_in_use "$PG_PORT"; then PG_PORT=$(free_port); fi
  as_pg_user "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $dir/pg/socket -c fsync=off -c max_connections=200" start >&2 \
    || { tail -n 20 "$dir/pg/postgres.log" >&2; return 1; }
  PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U discogsography -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'discogsography'" | grep -q 1 \
    || PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U discogsography -d postgres -qc "CREATE DATABASE discogsography" >&2
}

start_redis() {
  if redis_running; then return 0; fi
  REDIS_PASSWORD=${REDIS_PASSWORD:-$(secret)}
  if [ -z "${REDIS_PORT:-}" ] || port_in_use "$REDIS_PORT"; then REDIS_PORT=$(free_port); fi
  mkdir -p "$dir/redis"
  # --daemonize exits 0 even when the port is taken: the PONG below is the real check. The append-only file keeps
  # revocations (logouts, ended sessions) across a restart; noeviction because an evicted revocation key would make a
  # revoked token valid again: a full Redis answers errors (the API's 503) instead.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --requirepass "$REDIS_PASSWORD" --daemonize yes \
    --dir "$dir/redis" --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" --save "" \
    --appendonly yes --appendfsync everysec --maxmemory 256mb --maxmemory-policy noeviction >&2
  for _ in $(seq 1 100); do redis_running && return 0; sleep 0.1; done
  tail -n 20 "$dir/redis/redis.log" >&2; log "redis did not answer PING on port $REDIS_PORT"; return 1
}

print_env() {
  local env_file="$dir/env"
  cat > "$env_file" <<ENV
export POSTGRES_HOST=127.0.0.1:${PG_PORT}
export POSTGRES_USERNAME=discogsography
export POSTGRES_PASSWORD=${PG_PASSWORD}
export POSTGRES_DATABASE=discogsography
export REDIS_HOST=redis://:${REDIS_PASSWORD}@127.0.0.1:${REDIS_PORT}/0
export PG_BIN=$(pg_bin)
export REDIS_SERVER_BIN=$(command -v redis-server)
ENV
  chmod 600 "$env_file"
  cat "$env_file"
}

stop_all() {
  if [ -f "$dir/pg/data/postmaster.pid" ]; then
    as_pg_user "$(pg_bin)/pg_ctl" -D "$dir/pg/data" -m fast -w stop >&2 || true
  fi
  if [ -f "$dir/redis/redis.pid" ]; then
    # Read once: redis deletes its pid file as it exits.
    local redis_pid
    redis_pid=$(cat "$dir/redis/redis.pid")
    kill "$redis_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$redis_pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/redis/redis.pid"
  fi
}

load_state
case "$action" in
  start)
    ensure_installed
    start_postgres
    start_redis
    save_state
    print_env
    ;;
  env)
    pg_running && redis_running || { log "not running: scripts/services.sh start"; exit 1; }
    print_env
    ;;
  stop)
    stop_all
    log "stopped (data kept in $dir)"
    ;;
  status)
    if pg_running; then echo "postgresql: running on 127.0.0.1:$PG_PORT"; else echo "postgresql: stopped"; fi
    if redis_running; then echo "redis: running on 127.0.0.1:$REDIS_PORT"; else echo "redis: stopped"; fi
    ;;
  *) echo "usage: scripts/services.sh start|stop|status|env [--dir DIR]" >&2; exit 2 ;;
esac
