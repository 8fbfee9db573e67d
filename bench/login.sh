#!/usr/bin/env bash
# Login latency for the three ways a login can go: unknown email, wrong password, right password.
# The first two must cost what the third costs (the dummy PBKDF2 check), so their p50s should be within 10 %.
#   bench/login.sh [requests per case, default 150]
# Starts its own PostgreSQL/Redis (.services/bench) and API with rate limits off; stops what it started.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
n=${1:-150}
bench_setup
bench_start_host
email="bench-$RANDOM@example.com"
curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench-password\"}" "$api/api/auth/register"

echo "login latency over $n requests per case (ms), $(nproc) cores"
# The right password first: the two failures must cost what it costs.
bench_post_cases /api/auth/login "$n" \
  "right_password={\"email\":\"$email\",\"password\":\"bench-password\"}" \
  "unknown_email={\"email\":\"nobody-$RANDOM@example.com\",\"password\":\"bench-password\"}" \
  "wrong_password={\"email\":\"$email\",\"password\":\"not-the-password\"}"
