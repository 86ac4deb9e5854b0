#!/usr/bin/env bash
# Benchmark (issue 10): matching a published tender to 100,000 suppliers. Publishing writes a notification for every
# organisation whose categories match and that may bid (one INSERT ... SELECT in the publication's transaction) and
# the email job then sends them. This loads that many organisations into tender-service's table of known suppliers
# (written in SQL straight into its database, as anchor.suppliers would leave them: mixed localities, sizes and CPV
# groups), then publishes tenders through the gateway and reports how long each publication takes, how many
# organisations each matched, and the matching statement's own time (EXPLAIN ANALYZE of the same statement).
# Usage: deploy/bench/matching.sh [suppliers] [runs]   Starts ./run.sh with its own data directory unless a platform
# is running, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
suppliers=${1:-100000}
runs=${2:-10}
data=$(pwd)/target/bench-matching
. deploy/bench/lib.sh
platform_up "$data"
db() { PGPASSWORD=tender_local_only psql -h 127.0.0.1 -p 5433 -U tender_service -d tender -qtAX "$@"; }

have=$(db -c "select count(*) from known_supplier where legal_name like 'Bench supplier %'")
if [ "$have" -lt "$suppliers" ]; then
  echo "loading $((suppliers - have)) suppliers into tender-service ..."
  # CPV groups as suppliers register them: 45 (construction), 55 (catering), 79 (business services), 90 (cleaning)
  # and 80 (training) common, 200 groups in all; a third in the borough, 85% SMEs, 90% verified
  db <<SQL
insert into known_supplier (supplier_id, legal_name, status, locality, town, sme, vcfse, cpv_codes, updated_at)
select gen_random_uuid(), 'Bench supplier ' || i,
       case when i % 10 = 0 then 'PENDING' else 'VERIFIED' end,
       (array['IN_BOROUGH','GREATER_MANCHESTER','NORTH_WEST','REST_OF_UK'])[1 + i % 4],
       'Wigan', i % 20 < 17, i % 7 = 0,
       array[(array['45210000','55520000','79410000','90910000','80500000'])[1 + i % 5],
             lpad(((i * 7919) % 200 + 300)::text, 3, '0') || '00000'],
       now()
from generate_series($have + 1, $suppliers) i;
analyze known_supplier;
SQL
fi
echo "known suppliers: $(db -c 'select count(*) from known_supplier')"

buyer=$(token buyer1)
ms() { awk '{ printf "%d", $1 * 1000 }'; }
times=()
for run in $(seq 1 "$runs"); do
  cpv=$([ $((run % 2)) -eq 0 ] && echo 55520000 || echo 79410000)
  now=$(date -u +%s)
  body=$(printf '{"title": "Benchmark tender %s-%s", "cpvCodes": ["%s"], "contractType": "SERVICES",
    "procedure": "OPEN", "estimatedValue": 50000, "clarificationDeadline": "%s", "submissionDeadline": "%s",
    "weights": {"price": 60, "quality": 30, "socialValue": 10}, "reservation": "%s"}' "$now" "$run" "$cpv" \
    "$(date -u -d "@$((now + 86400 * 10))" +%FT%TZ)" "$(date -u -d "@$((now + 86400 * 14))" +%FT%TZ)" \
    "$([ $((run % 3)) -eq 0 ] && echo LOCAL || echo NONE)")
  id=$(curl -sf -H "Authorization: Bearer $buyer" -H "Content-Type: application/json" -d "$body" \
    http://127.0.0.1:8080/api/tenders | sed 's/^{"id":"\([^"]*\)".*/\1/')
  t=$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H "Authorization: Bearer $buyer" \
    "http://127.0.0.1:8080/api/tenders/$id/publication" | ms)
  matched=$(db -c "select count(*) from notification where tender_id = '$id'")
  times+=("$t")
  echo "run $run: CPV $cpv, publication $t ms (through the gateway), $matched organisations matched"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "publication ms over $runs runs: p50 $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p"), max $(echo "$sorted" | tail -1)"

echo "== the matching statement alone (as Notifications.published writes it; EXPLAIN ANALYZE, rolled back): NONE, 79410000"
db <<'SQL' | grep -E "Execution Time|Planning Time|Insert on|rows="
begin;
explain (analyze, costs off, timing on)
insert into notification (id, supplier_id, kind, tender_id, title, text, created_at, email_status)
select gen_random_uuid(), s.supplier_id, 'NEW_OPPORTUNITY', (select id from tender limit 1), 'x', 'x', now(),
       case when s.email is null or s.erased_at is not null then 'NO_ADDRESS' end
from known_supplier s
where s.erased_at is null and coalesce(s.status, 'PENDING') <> 'REJECTED'
  and exists (select 1 from unnest(s.cpv_codes) sc, unnest(cast(array['79410000'] as text[])) tc
              where left(sc, 3) = left(tc, 3))
  and not exists (select 1 from pipeline_follower f where f.pipeline_item_id = '00000000-0000-0000-0000-000000000000'
                  and f.supplier_id = s.supplier_id);
rollback;
SQL
