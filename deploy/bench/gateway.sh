#!/usr/bin/env bash
# Benchmark (issue 8): an authenticated supplier-directory search through the gateway and straight to
# supplier-service, side by side in one run, with wrk (Debian's package; installed here when missing and root).
# Usage: deploy/bench/gateway.sh [seconds] [connections]
# Starts ./run.sh with its own data directory (rate limits raised for the load: one user sends everything), waits
# for it, seeds 2,000 extra suppliers once so the directory has pages to search, runs wrk against each, prints the
# figures for docs/performance.md and stops the platform.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
connections=${2:-50}
query='/api/suppliers?locality=IN_BOROUGH'

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    echo "needs wrk: apt-get install wrk (as root)" >&2; exit 1
  fi
fi

data=$(pwd)/target/bench-gateway
. deploy/bench/lib.sh
platform_up "$data"

if [ ! -f "$data/seeded-bench" ]; then
  echo "seeding 2,000 suppliers (once, in four imports of 500) ..."
  postcodes=(WN1 WN2 WN3 WN5 WN6 WN7 M46 M29 WA3 BL5)
  for part in 0 1 2 3; do
    {
      echo "legalName,organisationType,companyNumber,postcode,addressLines,employees,annualTurnover,email"
      for i in $(seq $((part * 500 + 1)) $((part * 500 + 500))); do
        printf 'Bench Firm %d Ltd,LIMITED_COMPANY,08%06d,%s 1AA,%d High St,%d,%d,bench%d@firms.example\n' \
          "$i" "$i" "${postcodes[$((i % 10))]}" "$i" $((i % 200 + 1)) $((i * 1000 + 50000)) "$i"
      done
    } > "$data/bench-$part.csv"
    report=$(curl -sS -H "Authorization: Bearer $(token admin1)" -H "Content-Type: text/csv" \
      --data-binary "@$data/bench-$part.csv" http://127.0.0.1:8080/api/suppliers/imports) ||
      { echo "the seed import failed" >&2; exit 1; }
    # Every row must be in: a seed that was all refused once made this benchmark measure a directory of 4.
    case "$report" in
      *'"rejected":0,'*) ;;
      *) echo "the seed import refused rows: ${report:0:400}" >&2; exit 1 ;;
    esac
  done
  touch "$data/seeded-bench"
fi

buyer=$(token buyer1)
echo "directory: $(curl -sf -H "Authorization: Bearer $buyer" "http://127.0.0.1:8081$query&pageSize=1" |
  grep -o '"total":[0-9]*') suppliers match $query"
# CPU time (ms) a process has used, from /proc: what each request costs the gateway and the service.
cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$1/stat"; }
gateway_pid=$(pgrep -f gateway/target/quarkus-app/quarkus-run.jar | head -1)
service_pid=$(pgrep -f supplier-service/target/quarkus-app/quarkus-run.jar | head -1)
run() {
  echo "== $1"
  local g0 s0 out requests
  g0=$(cpu_ms "$gateway_pid"); s0=$(cpu_ms "$service_pid")
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $buyer" "$2$query")
  echo "$out" | grep -E "Requests/sec|Latency  |50%|90%|99%|Non-2xx|Socket errors"
  requests=$(echo "$out" | grep -o "[0-9]* requests in" | cut -d' ' -f1)
  awk -v g=$(( $(cpu_ms "$gateway_pid") - g0 )) -v s=$(( $(cpu_ms "$service_pid") - s0 )) -v n="$requests" \
    'BEGIN { printf "  CPU per request: gateway %.3f ms, supplier-service %.3f ms\n", g / n, s / n }'
}
# The JIT compiles the hot paths over the first tens of thousands of requests: a cold gateway serves a third of what
# it serves warm (30 s of load once left it at 60% of its warm rate). Both are warmed at the benchmark's own load.
echo "warming up (30 s straight, 60 s through the gateway) ..."
wrk -t2 -c"$connections" -d30s -H "Authorization: Bearer $buyer" "http://127.0.0.1:8081$query" >/dev/null
wrk -t2 -c"$connections" -d60s -H "Authorization: Bearer $buyer" "http://127.0.0.1:8080$query" >/dev/null
run "supplier-service directly (:8081)" http://127.0.0.1:8081
run "through the gateway (:8080)" http://127.0.0.1:8080
run "supplier-service directly again (:8081)" http://127.0.0.1:8081
echo "after the load, one request through the gateway:"
curl -s -o /dev/null -w "%{http_code} in %{time_total} s\n" -m 20 -H "Authorization: Bearer $buyer" \
  "http://127.0.0.1:8080$query"
