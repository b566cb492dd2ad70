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
# One view in one mode: 10 s of warm-up in that mode (after a run as JSON, the first seconds as gzip are up to a
# fifth slower), then 5 s of the trivial endpoint, which its share is taken of (this machine's speed moves by up to
# a third within minutes, so a trivial rate measured once would make the later views look slower), then 15 s.
measure() {  # mode view [accept-encoding]
  local result
  bench "$2" 10s "${3:-identity}" > /dev/null
  result=$(bench /q/health/live 5s)
  out[$1,trivial,$2]=$(echo "$result" | rate)
  result=$(bench "$2" 15s "${3:-identity}")
  out[$1,$2]="$(echo "$result" | rate) $(echo "$result" | p50)"
}

# Each mode with a gateway of its own: every view rendered from the stored records on each request
# (TRADE_VIEWS_STORED=false), then rendered once and read back from view_document (the default), by a client that
# takes JSON only and by one that takes gzip (the stored gzip sent as it is).
for stored in false true; do
  TRADE_VIEWS_STORED=$stored java -Xmx256m -jar "$jar" > "$work/views-gateway-$stored.log" 2>&1 &
  gateway=$!
  trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "localhost:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  for v in "${views[@]}"; do
    out[size,$v]=$(curl -sf "$base$v" | wc -c) || { echo "$v did not answer" >&2; exit 1; }
    out[gzip-size,$v]=$(curl -sf -H "Accept-Encoding: gzip" "$base$v" | wc -c)
  done
  bench /q/health/live 10s > /dev/null   # warm-up; each view has its own in measure
  for v in "${views[@]}"; do
    measure $stored "$v"
    if [ $stored = true ]; then measure gzip "$v" gzip; fi
  done
  kill $gateway; wait $gateway 2>/dev/null || true
done

row() {  # a view's columns in one mode: req/s, share of the trivial endpoint measured just before it, p50
  local r p
  read -r r p <<< "${out[$1,$2]}"
  echo "$r | $(pct "$r" "${out[$1,trivial,$2]}") % | $p"
}
span() {  # the lowest and highest trivial rates of a mode
  for v in "${views[@]}"; do echo "${out[$1,trivial,$v]}"; done | sort -n | sed -n '1p;$p' | paste -sd- -
}
echo "### World Trade Flows views ($(date -u +%F), $(nproc) cores, $big flows, answers read from PostgreSQL)"
echo
echo "| view | bytes (gzip) | rendered: req/s | of trivial | p50 | stored: req/s | of trivial | p50"\
  "| stored, gzip: req/s | of trivial | p50 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
echo "| \`/q/health/live\` (trivial, 5 s before each view) | | $(span false) | | | $(span true) | | |"\
  "$(span gzip) | | |"
for v in "${views[@]}"; do
  echo "| \`$v\` | ${out[size,$v]} (${out[gzip-size,$v]}) | $(row false "$v") | $(row true "$v") | $(row gzip "$v") |"
done
