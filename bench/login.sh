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

declare -A body=(
  [unknown_email]="{\"email\":\"nobody-$RANDOM@example.com\",\"password\":\"bench-password\"}"
  [wrong_password]="{\"email\":\"$email\",\"password\":\"not-the-password\"}"
  [right_password]="{\"email\":\"$email\",\"password\":\"bench-password\"}"
)
cases=(unknown_email wrong_password right_password)
tmp=$(mktemp -d)
# Warm up (JIT, connection pools), then interleave the cases so drift affects them equally.
for c in "${cases[@]}"; do for _ in 1 2 3 4 5; do curl -s -o /dev/null -H 'Content-Type: application/json' -d "${body[$c]}" "$api/api/auth/login"; done; done
for _ in $(seq 1 "$n"); do
  for c in "${cases[@]}"; do
    curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "${body[$c]}" "$api/api/auth/login" >> "$tmp/$c"
  done
done

percentile() { sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.5); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'; }
right_p50=$(percentile "$tmp/right_password" 50)
echo "login latency over $n requests per case (ms), $(nproc) cores"
printf '%-16s %8s %8s %14s\n' case p50 p99 "p50 / right"
for c in "${cases[@]}"; do
  p50=$(percentile "$tmp/$c" 50); p99=$(percentile "$tmp/$c" 99)
  printf '%-16s %8s %8s %14s\n' "$c" "$p50" "$p99" "$(awk -v a="$p50" -v b="$right_p50" 'BEGIN { printf "%.3f", a / b }')"
done
rm -rf "$tmp"
