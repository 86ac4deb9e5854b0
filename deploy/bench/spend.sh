#!/usr/bin/env bash
# Benchmark (issue 9): spend lines end to end — a spend file uploaded through the gateway until every line is
# counted in the reports — and each report's latency over what was loaded.
# Usage: deploy/bench/spend.sh [lines] [report-runs] [copies]   (lines 0: only the reports, over what is loaded)
# copies: after the upload, that many more anchors get a copy of its lines, written in SQL straight into the
# service's database (10,000,000 lines without ten uploads: 1,000,000 and 9 copies); the report times are then over
# them all, and the cube's catch-up is timed.
# The file is made from the four real Greater Manchester 2019 files (../shared/data/gm-council-spend-2019, read by
# path, never copied into the repository): their lines over and over, each round moved a year back and given its own
# transaction numbers, so that every line is a payment of its own. Starts ./run.sh with its own data directory
# (unless a platform is running), prints the figures for docs/performance.md and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-1000000}
runs=${2:-20}
copies=${3:-0}
shared=${ANCHOR_REFERENCE_DATA:-$(pwd)/../shared/data}/gm-council-spend-2019
[ -f "$shared/bolton_2019.csv" ] || { echo "needs the shared data: $shared" >&2; exit 1; }

data=$(pwd)/target/bench-spend
. deploy/bench/lib.sh
platform_up "$data"

admin=$(token admin1)
if [ "$lines" -gt 0 ]; then
# Each run loads its own anchor's copy, so a second run measures new lines, not duplicates.
anchor="bench-$(date +%s)"
file="$data/spend-$lines.csv"
if [ ! -f "$file" ]; then
  echo "making $file ($lines lines from the four real files) ..."
  # Column 4 beneficiary_name, 5 payment_date (yyyy-mm-dd), 6 amount, 10 company_number.
  awk -F, -v want="$lines" 'BEGIN { print "Payment Date,Transaction Number,Net Amount,Supplier Name,Company Number" }
    FNR == 1 { next }
    /"/ { next }  # the few quoted cells (names with commas or quotes) are left out: awk splits on every comma
    { row[n++] = $5 "," $6 "," $4 "," $10 }
    END {
      for (i = 0; i < want; i++) {
        split(row[i % n], f, ",")
        round = int(i / n)
        y = substr(f[1], 1, 4) - round; d = substr(f[1], 6, 2) "/" substr(f[1], 9, 2)
        if (d == "02/29") d = "02/28"
        printf "%s/%s/%d,R%d-%d,%s,\"%s\",%s\n", substr(d, 4, 2), substr(d, 1, 2), y, round, i % n, f[2], f[3], f[4]
      }
    }' "$shared"/bolton_2019.csv "$shared"/oldham_2019.csv "$shared"/salford_2019.csv "$shared"/tameside_2019.csv \
    > "$file"
fi
echo "file: $(($(wc -l < "$file") - 1)) lines, $(du -h "$file" | cut -f1)"

curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H "Content-Type: application/json" \
  -d "{\"id\": \"$anchor\", \"name\": \"Benchmark anchor $anchor\", \"type\": \"OTHER\"}" \
  http://127.0.0.1:8080/api/anchors || { echo "could not register the anchor $anchor" >&2; exit 1; }
now_ms() { date +%s%3N; }
# spend analytics learns the anchor from anchor.anchors: until it has, the upload is refused naming the anchor
for _ in $(seq 1 60); do
  start=$(now_ms)
  location=$(curl -sS -D "$data/upload.head" -o "$data/upload.body" -H "Authorization: Bearer $admin" \
    -H "Content-Type: text/csv" --data-binary "@$file" "http://127.0.0.1:8080/api/spend/uploads?anchor=$anchor" &&
    tr -d '\r' < "$data/upload.head" | sed -n 's/^[Ll]ocation: //p')
  [ -n "$location" ] && break
  grep -q '"anchor"' "$data/upload.body" || break
  sleep 0.5
done
fresh=$start
[ -n "$location" ] || { echo "the upload was refused: $(head -c 400 "$data/upload.body")" >&2; exit 1; }
uploaded=$(now_ms)
while :; do
  status=$(curl -sf -H "Authorization: Bearer $admin" "$location")
  case "$status" in
    *'"status":"RUNNING"'*) sleep 0.2 ;;
    *'"status":"DONE"'*) break ;;
    *) echo "the upload did not finish: ${status:0:400}" >&2; exit 1 ;;
  esac
  # tokens last 15 minutes; a long run takes a new one every ten
  if [ $(( $(now_ms) - fresh )) -gt 600000 ]; then admin=$(token admin1); fresh=$(now_ms); fi
done
done_ms=$(now_ms)
counted=$(curl -sf -H "Authorization: Bearer $admin" "http://127.0.0.1:8080/api/reports/local-spend?anchor=$anchor" |
  grep -o '"lines":[0-9]*' | cut -d: -f2)
queryable=$(now_ms)
accepted=$(echo "$status" | grep -o '"rowsAccepted":[0-9]*' | cut -d: -f2)
echo "== upload of $lines lines (anchor $anchor)"
echo "sent in $(( uploaded - start )) ms; read and stored after $(( done_ms - start )) ms; in the reports after $(( queryable - start )) ms"
echo "accepted $accepted, counted in the report $counted"
echo "lines/s end to end: $(( lines * 1000 / (queryable - start) ))"
[ "$counted" = "$lines" ] || { echo "the report counts $counted lines, not $lines" >&2; exit 1; }
fi

db() { PGPASSWORD=analytics_local_only psql -h 127.0.0.1 -p 5433 -U analytics_service -d analytics -qtAX "$@"; }
if [ "$copies" -gt 0 ] && [ "$lines" -gt 0 ]; then
  for c in $(seq 1 "$copies"); do
    curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H "Content-Type: application/json" \
      -d "{\"id\": \"$anchor-c$c\", \"name\": \"Benchmark anchor $anchor copy $c\", \"type\": \"OTHER\"}" \
      http://127.0.0.1:8080/api/anchors || { echo "could not register the anchor $anchor-c$c" >&2; exit 1; }
  done
  until [ "$(db -c "select count(*) from known_anchor where anchor_id like '$anchor-c%'")" = "$copies" ]; do sleep 0.5; done
  start=$(now_ms)
  for c in $(seq 1 "$copies"); do
    db -c "insert into spend_line (anchor_id, fingerprint, occurrence, upload_id, line, payment_date, amount,
             payee_name, payee_key, supplier_ref, transaction_ref, service_area, category, irrecoverable_vat,
             company_number, charity_number)
           select '$anchor-c$c', fingerprint, occurrence, upload_id, line, payment_date, amount, payee_name, payee_key,
             supplier_ref, transaction_ref, service_area, category, irrecoverable_vat, company_number, charity_number
           from spend_line where anchor_id = '$anchor'"
  done
  copied=$(now_ms)
  until [ "$(db -c "select count(*) from spend_cube_dirty")" = "0" ]; do sleep 1; done
  echo "== $copies copies of the $lines lines written in SQL in $(( copied - start )) ms; the cube caught up $(( $(now_ms) - copied )) ms later"
  admin=$(token admin1)
fi
if [ "$lines" -gt 0 ] && [ "$(db -c "select count(*) from spend_cube_dirty")" != "0" ]; then
  until [ "$(db -c "select count(*) from spend_cube_dirty")" = "0" ]; do sleep 1; done
  echo "the cube caught up with the upload $(( $(now_ms) - queryable )) ms after it was counted"
fi

total=$(curl -sf -H "Authorization: Bearer $admin" "http://127.0.0.1:8080/api/reports/local-spend" |
  grep -o '"lines":[0-9]*' | cut -d: -f2)
echo "== reports over every anchor's lines ($total), $runs runs each, through the gateway (ms: p50 p95 max)"
for report in local-spend local-spend/by/anchor local-spend/by/town local-spend/by/financialYear \
    "local-spend/by/month?from=2018-04-01&to=2019-03-31" top-suppliers leakage funnel; do
  times=()
  # one untimed request first (the first after a start warms the JIT and the caches)
  curl -s -o /dev/null -H "Authorization: Bearer $admin" "http://127.0.0.1:8080/api/reports/$report"
  for _ in $(seq 1 "$runs"); do
    t=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $admin" \
      "http://127.0.0.1:8080/api/reports/$report")
    times+=("$(awk -v t="$t" 'BEGIN { printf "%d", t * 1000 }')")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  p50=$(echo "$sorted" | awk -v n="$runs" 'NR == int((n + 1) / 2)')
  p95=$(echo "$sorted" | awk -v n="$runs" 'NR == int(n * 0.95 + 0.999)')
  max=$(echo "$sorted" | tail -1)
  printf '%-50s %6s %6s %6s\n' "$report" "$p50" "$p95" "$max"
done

# The baseline: the same reports as an analyst's plain SQL GROUP BY over the raw lines (each supplier as it stands
# now, not on the payment date), run in psql on the service's database, timed by psql.
echo "== the same as plain SQL GROUP BY over the raw lines, ${BASELINE_RUNS:-3} runs each, in psql (ms: p50 p95 max)"
paid="spend_line l left join payee p on p.payee_key = l.payee_key
  left join (select distinct on (supplier_id) supplier_id, locality, town, sme, vcfse from supplier_classification
             order by supplier_id, valid_from desc) c on c.supplier_id = p.supplier_id"
figures="sum(l.amount), sum(l.amount) filter (where c.locality = 'IN_BOROUGH'), sum(l.amount) filter (where c.sme),
  sum(l.amount) filter (where c.vcfse), count(distinct coalesce(p.supplier_id::text, l.payee_key)), count(*)"
baseline_runs=${BASELINE_RUNS:-3}  # seconds each over 10,000,000 lines: fewer runs
baseline() {
  local name=$1 sql=$2 times=() t runs=$baseline_runs
  for _ in $(seq 1 "$runs"); do
    t=$(db -c '\timing on' -c "$sql" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
    times+=("${t%.*}")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  p50=$(echo "$sorted" | awk -v n="$runs" 'NR == int((n + 1) / 2)')
  p95=$(echo "$sorted" | awk -v n="$runs" 'NR == int(n * 0.95 + 0.999)')
  printf '%-50s %6s %6s %6s\n' "$name" "$p50" "$p95" "$(echo "$sorted" | tail -1)"
}
baseline local-spend "select $figures from $paid"
baseline local-spend/by/anchor "select l.anchor_id, $figures from $paid group by 1"
baseline local-spend/by/town "select coalesce(c.town, ''), $figures from $paid group by 1"
baseline local-spend/by/financialYear "select extract(year from l.payment_date - interval '3 months'), $figures
  from $paid group by 1"
baseline "local-spend/by/month?from=2018-04-01&to=2019-03-31" "select date_trunc('month', l.payment_date), $figures
  from $paid where l.payment_date between '2018-04-01' and '2019-03-31' group by 1"
baseline top-suppliers "select coalesce(p.supplier_id::text, l.payee_key), sum(l.amount), count(*) from $paid
  where l.payee_key is not null group by 1 order by 2 desc limit 300"
baseline leakage "select coalesce(l.category, ''), c.locality, sum(l.amount) from $paid group by 1, 2"
baseline funnel "select count(distinct p.supplier_id) from $paid"
