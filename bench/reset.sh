#!/usr/bin/env bash
# Password-reset request latency for an address with an account and one without. The answer must not tell them
# apart (REFERENCE-UPSTREAM.md §B.3): the same work before answering, the e-mail sent afterwards. Their p50s should
# be within 10 %.
#   bench/reset.sh [requests per case, default 200]
# Starts its own PostgreSQL/Redis (.services/bench) and API with rate limits off; stops what it started.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
n=${1:-200}
bench_setup
bench_start_host
email="bench-reset-$RANDOM@example.com"
curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench-password\"}" "$api/api/auth/register"

echo "reset-request latency over $n requests per case (ms), $(nproc) cores"
bench_post_cases /api/auth/reset-request "$n" \
  "unknown_email={\"email\":\"nobody-$RANDOM@example.com\"}" \
  "existing_email={\"email\":\"$email\"}"
