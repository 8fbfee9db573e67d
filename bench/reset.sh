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

declare -A body=(
  [existing_email]="{\"email\":\"$email\"}"
  [unknown_email]="{\"email\":\"nobody-$RANDOM@example.com\"}"
)
cases=(existing_email unknown_email)
tmp=$(mktemp -d)
# Warm up, then interleave the cases so drift affects them equally.
for c in "${cases[@]}"; do for _ in 1 2 3 4 5; do curl -s -o /dev/null -H 'Content-Type: application/json' -d "${body[$c]}" "$api/api/auth/reset-request"; done; done
for _ in $(seq 1 "$n"); do
  for c in "${cases[@]}"; do
    curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "${body[$c]}" "$api/api/auth/reset-request" >> "$tmp/$c"
  done
done

percentile() { sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.5); if (i < 1) i = 1; printf "%.2f", v[i] * 1000 }'; }
unknown_p50=$(percentile "$tmp/unknown_email" 50)
echo "reset-request latency over $n requests per case (ms), $(nproc) cores"
printf '%-16s %8s %8s %16s\n' case p50 p99 "p50 / unknown"
for c in "${cases[@]}"; do
  p50=$(percentile "$tmp/$c" 50); p99=$(percentile "$tmp/$c" 99)
  printf '%-16s %8s %8s %16s\n' "$c" "$p50" "$p99" "$(awk -v a="$p50" -v b="$unknown_p50" 'BEGIN { printf "%.3f", a / b }')"
done
rm -rf "$tmp"
