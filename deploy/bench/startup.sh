#!/usr/bin/env bash
# Benchmark: how long ./run.sh takes from start to a ready gateway (/q/health/ready UP), cold and warm, and how
# much memory the running platform holds. Uses its own data and tool-cache directories, so a developer's
# .anchor-market/ is untouched. Usage: deploy/bench/startup.sh [warm-runs]   (default 2)
# Cold = empty data directory and a freshly unpacked Keycloak (its one-off build step included); the Maven build
# is done before timing starts. Warm = a restart on the same data.
set -euo pipefail
cd "$(dirname "$0")/../.."
warm_runs=${1:-2}
work=$(mktemp -d /tmp/anchor-bench-XXXXXX)
export ANCHOR_DATA_DIR="$work/data" ANCHOR_CACHE_DIR="$work/cache"
./run.sh --help >/dev/null   # builds whatever is missing, outside the timing

run_once() {
  local label=$1 start pid elapsed_ms rss
  start=$(date +%s%N)
  ./run.sh > "$work/$label.log" 2>&1 &
  pid=$!
  until curl -sf http://127.0.0.1:9080/q/health/ready >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: ./run.sh exited; see $work/$label.log" >&2; exit 1; }
    (( ($(date +%s%N) - start) / 1000000000 > 600 )) && { echo "$label: not ready in 600 s" >&2; kill "$pid"; exit 1; }
    sleep 0.5
  done
  elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # Resident memory of the launcher, everything it started, and the PostgreSQL server of this data directory.
  rss=$( (echo "$pid"; pgrep -d ' ' -f "$ANCHOR_DATA_DIR" ; ps -o pid= --ppid "$pid") | tr ' ' '\n' | sort -u \
        | xargs -r ps -o rss= -p 2>/dev/null | awk '{s+=$1} END {printf "%.0f", s/1024}')
  printf '| %s | %d.%d s | %s MiB |\n' "$label" $((elapsed_ms / 1000)) $((elapsed_ms % 1000 / 100)) "$rss"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  if pgrep -f "$ANCHOR_DATA_DIR" >/dev/null; then echo "$label: processes left after SIGTERM" >&2; exit 1; fi
}

echo "| start | gateway ready after | resident memory |"
echo "|---|---|---|"
run_once cold
for i in $(seq 1 "$warm_runs"); do run_once "warm-$i"; done
rm -rf "$work"
