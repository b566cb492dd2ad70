#!/usr/bin/env bash
# /api/get benchmark. Loads a generated year of about 10M HS6 flows (2021) and a year of 1M (2020) into an
# embedded PostgreSQL, starts the gateway with a 96 MB heap, and measures in one run:
#  - the one-row query under wrk at 32 connections against a trivial endpoint of the same server;
#  - a 250,000-row CSV and JSON answer against psql COPY of the same rows;
#  - the one-row query on the 1M and on the 10M year.
# Prints a Markdown block for docs/BENCHMARKS.md. usage: bench/query.sh [big-rows] [small-rows]
set -euo pipefail
cd "$(dirname "$0")/.."
big=${1:-10M}
small=${2:-1M}
work=bench/work
jar=target/quarkus-app/quarkus-run.jar
port=18081
mkdir -p "$work"
for tool in psql wrk curl bc; do
  command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client wrk curl bc >/dev/null; break; }
done
./mvnw -B -q package -DskipTests   # always: a stale jar would measure old code

export TRADE_DB_EMBEDDED_DATA_DIR="$PWD/$work/pg-query" TRADE_DEMO_SEED=never TRADE_HTTP_PORT=$port TRADE_LIMITS_ENABLED=false TRADE_LIMITS_GUEST_MAX_RECORDS=250000
if [ ! -f "$work/pg-query/.loaded-$big-$small" ]; then
  rm -rf "$work/pg-query"
  java -jar "$jar" generate --years 2021 --scale "$big" --classification H0 --seed 11 >/dev/null
  java -jar "$jar" generate --years 2020 --scale "$small" --classification H0 --seed 12 >/dev/null
  touch "$work/pg-query/.loaded-$big-$small"
fi

java -Xmx96m -jar "$jar" > "$work/query-gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "localhost:$port/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
pgport=$(sed -n 4p "$work/pg-query/postmaster.pid")
pg() { psql -X -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres "$@"; }

base="http://localhost:$port"
one() { echo "/api/get?r=842&p=156&ps=$1&rg=2&cc=TOTAL&px=H0"; }
curl -sf "$base$(one 2021)" | grep -q '"value":1,' || { echo "the one-row query did not answer one row" >&2; exit 1; }

# wrk prints requests/s and, with --latency, the 50/75/90/99th percentiles.
bench() { wrk -t2 -c32 -d"${2:-20s}" --latency "$base$1"; }
rate() { awk '/Requests\/sec/ {print $2}'; }
p() { awk -v q="$1%" '$1 == q {print $2}'; }
ms() { sed -E 's/([0-9.]+)us/\1 0.001/; s/([0-9.]+)ms/\1 1/; s/([0-9.]+)s$/\1 1000/' | awk '{printf "%.2f", $1 * $2}'; }

bench "$(one 2021)" 60s > /dev/null   # warm-up: the JIT is still compiling the one-row path after a minute
trivial=$(bench /q/health/live)
onerow=$(bench "$(one 2021)")
small_run=$(bench "$(one 2020)" 15s)
big_run=$(bench "$(one 2021)" 15s)

big_url="/api/get?r=all&p=0&ps=2021&rg=2&cc=AG4&max=250000&px=H0"
rows=$(curl -s "$base$big_url" | grep -o '"count":{"value":[0-9]*' | grep -o '[0-9]*$')
timeit() { local a b; a=$(date +%s.%N); "$@" > /dev/null; b=$(date +%s.%N); echo "$b - $a" | bc; }
# the very statement the gateway runs for that query, parameters written in
sql=$(java -jar "$jar" query-sql "${big_url#*\?}" | sed 's/;$//')
best() { local best=999999 t; for _ in 1 2 3; do t=$(timeit "$@"); best=$(echo "if ($t < $best) $t else $best" | bc); done; echo "$best"; }
copy_s=$(best pg -c "COPY ($sql) TO STDOUT (FORMAT csv)")
csv_s=$(best curl -sf "$base$big_url&fmt=csv")
json_s=$(best curl -sf "$base$big_url&fmt=json")
heap=$(tr '\0' ' ' < /proc/$gateway/cmdline | grep -o 'Xmx[0-9a-z]*' || echo "default heap")

tr=$(echo "$trivial" | rate); orr=$(echo "$onerow" | rate)
sp50=$(echo "$small_run" | p 50 | ms); bp50=$(echo "$big_run" | p 50 | ms)
cat <<MD
### /api/get ($(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, gateway -$heap, PostgreSQL $(pg -At -c 'SHOW server_version'))

Data: generated H0 years, $big flows for 2021 and $small for 2020, with their aggregates
($(pg -At -c "SELECT to_char(sum(row_count), 'FM999,999,999') FROM dataset") records).

| measure | value | target |
|---|---|---|
| trivial endpoint \`/q/health/live\`, wrk 32 connections | $tr req/s | |
| one-row query \`r=842&p=156&ps=2021&rg=2&cc=TOTAL\`, wrk 32 connections | $orr req/s, p50 $(echo "$onerow" | p 50 | ms) ms, p99 $(echo "$onerow" | p 99 | ms) ms | |
| one-row throughput / trivial throughput | $(echo "scale=1; 100 * $orr / $tr" | bc) % | ≥ 35 % |
| one-row p99 | $(echo "$onerow" | p 99 | ms) ms | ≤ 25 ms |
| $rows-row answer: psql \`COPY (the gateway's own SQL for it) TO STDOUT (FORMAT csv)\` | $(printf %.2f "$copy_s") s | |
| $rows-row answer: \`fmt=csv\` (best of 3) | $(printf %.2f "$csv_s") s = $(echo "scale=2; $csv_s / $copy_s" | bc)x COPY | ≤ 1.5x |
| $rows-row answer: \`fmt=json\` (best of 3) | $(printf %.2f "$json_s") s = $(echo "scale=2; $json_s / $copy_s" | bc)x COPY | ≤ 2x |
| one-row query p50 on the $small year / on the $big year | $sp50 ms / $bp50 ms = $(echo "scale=2; $bp50 / $sp50" | bc) | ≤ 1.3 |

The gateway ran with a 96 MB heap throughout, serving the $rows-row answers in full.
MD
