#!/usr/bin/env bash
# The cost of authentication on every request: wrk on GET /api/auth/me with a valid bearer token (JWT check,
# revocation lookup in Redis, the user read), rate limits off. Median of several runs.
#   bench/auth.sh [seconds per run] [runs]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
duration=${1:-10}
runs=${2:-3}
bench_setup
bench_start_host
email="bench-me-$RANDOM@example.com"
curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench-password\"}" "$api/api/auth/register"
token=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench-password\"}" "$api/api/auth/login" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
echo "GET /api/auth/me ($(nproc) cores, wrk 1 thread 2 connections, median of $runs runs of ${duration} s)"
measure "GET /api/auth/me" "$api/api/auth/me" "" "Authorization: Bearer $token"
