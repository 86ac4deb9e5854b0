# What the benchmarks share (sourced): the platform and demo users' tokens.

# Uses the platform already running, else starts ./run.sh on the data directory $1 with the rate limits raised (one
# user sends everything) and stops it when the benchmark exits.
platform_up() {
  local data=$1
  mkdir -p "$data"
  export ANCHOR_DATA_DIR="$data"
  export GATEWAY_RATE_LIMITS_PER_USER_PER_MINUTE=100000000 GATEWAY_RATE_LIMITS_PER_ADDRESS_PER_MINUTE=100000000
  if curl -sf http://127.0.0.1:9080/q/health/ready >/dev/null 2>&1; then
    echo "using the platform already running (started with raised rate limits, as here?)"
    return
  fi
  ./run.sh > "$data/run.log" 2>&1 &
  platform=$!
  trap 'kill -TERM $platform 2>/dev/null; wait $platform 2>/dev/null || true' EXIT
  until curl -sf http://127.0.0.1:9080/q/health/ready >/dev/null 2>&1; do
    kill -0 $platform 2>/dev/null || { echo "./run.sh stopped: see $data/run.log" >&2; exit 1; }
    sleep 2
  done
}

# A demo user's token (the local realm's password grant; password = user name).
token() {
  curl -sf -d grant_type=password -d client_id=anchor-cli -d username="$1" -d password="$1" \
    http://127.0.0.1:8180/realms/anchor-market/protocol/openid-connect/token |
    sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
