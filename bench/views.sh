#!/usr/bin/env bash
# World Trade Flows views benchmark. Loads a generated year of about 10M HS6 flows (2021, H0) into an embedded
# PostgreSQL (the same data as bench/query.sh, so one load serves both), starts the gateway with every answer read
# from PostgreSQL (TRADE_QUERY_ANSWER_CACHE=0; the views keep none in memory) and measures under wrk, side by
# side with the trivial endpoint of the same server: a country profile, a bilateral pair, the rankings, a product
# hub and a historical series, each rendered from the records on every request, then read back as stored
# (view_document) by a client that takes JSON only and by one that takes gzip. Prints a Markdown block for docs/BENCHMARKS.md. usage: bench/views.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
big=${1:-10M}
work=bench/work
jar=target/quarkus-app/quarkus-run.jar
port=18082
mkdir -p "$work"
for tool in wrk curl bc; do
  command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk curl bc >/dev/null; break; }
done
./mvnw -B -q package -DskipTests   # always: a stale jar would measure old code

export TRADE_DB_EMBEDDED_DATA_DIR="$PWD/$work/pg-views" TRADE_DEMO_SEED=never TRADE_HTTP_PORT=$port
export TRADE_LIMITS_ENABLED=false TRADE_BULK_MEASURE_EVERY=0s TRADE_QUERY_ANSWER_CACHE=0
if [ ! -f "$work/pg-views/.loaded-$big" ]; then
  rm -rf "$work/pg-views"
  java -jar "$jar" generate --years 2021 --scale "$big" --classification H0 --seed 11 >/dev/null
  touch "$work/pg-views/.loaded-$big"
fi

base="http://localhost:$port"
bench() { wrk -t2 -c8 -d"${2:-15s}" --latency -H "Accept-Encoding: ${3:-identity}" "$base$1"; }
rate() { awk '/Requests\/sec/ {print $2}'; }
p50() { awk '$1 == "50%" {print $2}'; }
pct() { echo "scale=1; 100 * $1 / $2" | bc; }
views=("/data/yearly/2021/countries/japan.json" "/data/yearly/2021/bilateral/japan-usa.json"
       "/data/yearly/2021/rankings.json" "/data/products/87.json?year=2021" "/data/historical/japan.json")
declare -A out

# Each mode with a gateway of its own: every view rendered from the stored records on each request
# (TRADE_VIEWS_STORED=false), then rendered once and read back from view_document (the default).
for stored in false true; do
  TRADE_VIEWS_STORED=$stored java -Xmx256m -jar "$jar" > "$work/views-gateway-$stored.log" 2>&1 &
  gateway=$!
  trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "localhost:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  for v in "${views[@]}"; do
    out[size,$v]=$(curl -sf "$base$v" | wc -c) || { echo "$v did not answer" >&2; exit 1; }
    bench "$v" 10s > /dev/null   # warm-up
  done
  result=$(bench /q/health/live)
  out[$stored,trivial]="$(echo "$result" | rate) $(echo "$result" | p50)"
  for v in "${views[@]}"; do
    result=$(bench "$v")
    out[$stored,$v]="$(echo "$result" | rate) $(echo "$result" | p50)"
  done
  if [ $stored = true ]; then   # the stored gzip as it is, to a client that takes gzip
    out[gzip,trivial]=${out[true,trivial]}
    for v in "${views[@]}"; do
      out[gzip-size,$v]=$(curl -sf -H "Accept-Encoding: gzip" "$base$v" | wc -c)
      result=$(bench "$v" 15s gzip)
      out[gzip,$v]="$(echo "$result" | rate) $(echo "$result" | p50)"
    done
  fi
  kill $gateway; wait $gateway 2>/dev/null || true
done

row() {  # a view's columns in one mode: req/s, share of that gateway's trivial endpoint, p50
  local r p t
  read -r r p <<< "${out[$1,$2]}"
  read -r t _ <<< "${out[$1,trivial]}"
  echo "$r | $(pct "$r" "$t") % | $p"
}
echo "### World Trade Flows views ($(date -u +%F), $(nproc) cores, $big flows, answers read from PostgreSQL)"
echo
echo "| view | bytes (gzip) | rendered: req/s | of trivial | p50 | stored: req/s | of trivial | p50"\
  "| stored, gzip: req/s | of trivial | p50 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
declare -A trivial
for stored in false true; do read -r r p <<< "${out[$stored,trivial]}"; trivial[$stored]="$r | 100 % | $p"; done
echo "| \`/q/health/live\` (trivial) | | ${trivial[false]} | ${trivial[true]} | ${trivial[true]} |"
for v in "${views[@]}"; do
  echo "| \`$v\` | ${out[size,$v]} (${out[gzip-size,$v]}) | $(row false "$v") | $(row true "$v") | $(row gzip "$v") |"
done
