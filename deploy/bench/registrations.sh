#!/usr/bin/env bash
# Benchmark (issue 11): an event opened to a crowd. Creates a meet-the-buyer event of SEATS seats (one per
# organisation) and sends REQUESTS registrations at once through the gateway (as an admin naming each organisation,
# as for registrations by phone; the organisations are written into events-service's known suppliers in SQL, as
# anchor.suppliers leaves them), RUNS times, each on a new event. Reports the throughput and latencies
# (deploy/bench/Registrations.java) and checks the outcome: exactly SEATS confirmed, the rest waitlisted 1..n.
# Usage: deploy/bench/registrations.sh [requests] [seats] [runs]   Starts ./run.sh with its own data directory unless
# a platform is running, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-1000}
seats=${2:-300}
runs=${3:-3}
data=$(pwd)/target/bench-registrations
. deploy/bench/lib.sh
platform_up "$data"
db() { PGPASSWORD=events_local_only psql -h 127.0.0.1 -p 5433 -U events_service -d events -qtAX "$@"; }

buyer=$(token buyer1)
admin=$(token admin1)
for run in $(seq 1 "$runs"); do
  ids=$data/organisations-$run.txt
  db -c "insert into known_supplier (supplier_id, legal_name, status, updated_at)
         select gen_random_uuid(), 'Bench crowd $run-' || i || ' Ltd', 'VERIFIED', now()
         from generate_series(1, $requests) i returning supplier_id" > "$ids"
  start=$(date -u -d "+30 days" +%FT10:00:00Z)
  event=$(curl -sf -H "Authorization: Bearer $buyer" -H "Content-Type: application/json" -d "{\"title\": \"Bench crowd $run $(date +%s)\",
    \"kind\": \"MEET_THE_BUYER\", \"startsAt\": \"$start\", \"endsAt\": \"$(date -u -d "+30 days" +%FT15:00:00Z)\",
    \"venue\": \"Robin Park Arena\", \"capacity\": $seats, \"seatsPerOrganisation\": 1}" \
    http://127.0.0.1:8080/api/events | sed 's/^{"id":"\([^"]*\)".*/\1/')
  echo "run $run: event $event, $seats seats, $requests registrations"
  java deploy/bench/Registrations.java http://127.0.0.1:8080 "$admin" "$event" "$ids"
  db -c "select status, count(*), min(arrival), max(arrival) from registration where event_id = '$event' group by status order by status"
  bad=$(db -c "select count(*) from (select status, arrival, row_number() over (order by arrival) n from registration
              where event_id = '$event') r
              where (n <= $seats) <> (status = 'CONFIRMED') or arrival <> n")
  taken=$(db -c "select seats_taken from event_seats where event_id = '$event'")
  echo "seats taken $taken of $seats; registrations out of arrival order or overbooked: $bad"
  [ "$bad" = 0 ] && [ "$taken" = "$seats" ] || { echo "FAILED: the outcome is not fair" >&2; exit 1; }
done
