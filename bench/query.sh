#!/usr/bin/env bash
# /api/get benchmark. Loads a generated year of about 10M HS6 flows (2021) and a year of 1M (2020) into an
# embedded PostgreSQL, starts the gateway with a 96 MB heap, and measures in one run:
#  - the one-row query under wrk at 32 connections against a trivial endpoint of the same server, as shipped
#    (answers kept in memory) and with TRADE_QUERY_ANSWER_CACHE=0 (every answer read from PostgreSQL);
#  - large CSV and JSON answers against psql COPY of the same rows: the issue's r=all&p=0&cc=AG4 (every row the
#    year has) and cc=AG6 cut at max=250000;
#  - the one-row query on the 1M and on the 10M year, read from PostgreSQL;
#  - the legacy API page's own example (r=826&p=0&rg=all&cc=ALL&max=50000) as CSV and JSON, read from PostgreSQL;
#  - the one-row query through the Comtrade+ v1 preview, and a 100,000-row JSON answer through /api/get and
#    /data/v1/get;
#  - every stored shape (gateway p50 and pgbench of the same statement) and a mix of 100 distinct queries through
#    the gateway and under pgbench, read from PostgreSQL.
# Prints a Markdown block for docs/BENCHMARKS.md. usage: bench/query.sh [big-rows] [small-rows]
set -euo pipefail
cd "$(dirname "$0")/.."
big=${1:-10M}
small=${2:-1M}
work=bench/work
jar=target/quarkus-app/quarkus-run.jar
port=18081
mkdir -p "$work"
for tool in psql pgbench wrk curl bc; do
  command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client wrk curl bc >/dev/null; break; }
done
./mvnw -B -q package -DskipTests   # always: a stale jar would measure old code

export TRADE_DB_EMBEDDED_DATA_DIR="$PWD/$work/pg-query" TRADE_DEMO_SEED=never TRADE_HTTP_PORT=$port TRADE_LIMITS_ENABLED=false TRADE_LIMITS_GUEST_MAX_RECORDS=250000
# bulk files are not measured in the background while the answers are timed
export TRADE_BULK_MEASURE_EVERY=0s
if [ ! -f "$work/pg-query/.loaded-$big-$small" ]; then
  rm -rf "$work/pg-query"
  java -jar "$jar" generate --years 2021 --scale "$big" --classification H0 --seed 11 >/dev/null
  java -jar "$jar" generate --years 2020 --scale "$small" --classification H0 --seed 12 >/dev/null
  touch "$work/pg-query/.loaded-$big-$small"
fi

# an account for the Comtrade+ v1 data endpoint (it needs a key); made while no gateway holds the database
java -jar "$jar" accounts create bench-v1 --max 250000 >/dev/null 2>&1 || true
key=$(java -jar "$jar" accounts token-add bench-v1 | awk '{print $NF}')

gateway=
stop() { if [ -n "$gateway" ]; then kill "$gateway" 2>/dev/null; wait "$gateway" 2>/dev/null || true; gateway=; fi; }
trap stop EXIT
start() {   # start [VAR=value ...]: the gateway with a 96 MB heap and these settings
  env "$@" java -Xmx96m -jar "$jar" > "$work/query-gateway.log" 2>&1 &
  gateway=$!
  for _ in $(seq 1 120); do
    curl -sf "localhost:$port/q/health/ready" >/dev/null 2>&1 && return
    sleep 1
  done
  echo "the gateway did not become ready" >&2; exit 1
}
base="http://localhost:$port"
one() { echo "/api/get?r=842&p=156&ps=$1&rg=2&cc=TOTAL&px=H0"; }
# wrk prints requests/s and, with --latency, the 50/75/90/99th percentiles.
bench() { wrk -t2 -c32 -d"${2:-20s}" --latency "$base$1"; }
rate() { awk '/Requests\/sec/ {print $2}'; }
p() { awk -v q="$1%" '$1 == q {print $2}'; }
ms() { sed -E 's/([0-9.]+)us/\1 0.001/; s/([0-9.]+)ms/\1 1/; s/([0-9.]+)s$/\1 1000/' | awk '{printf "%.2f", $1 * $2}'; }
pct() { echo "scale=1; 100 * $1 / $2" | bc; }
metric() { curl -s "$base/q/metrics" | awk -v m="$1" 'index($0, m " ") == 1 {v = $2} END {print v + 0}'; }
timeit() { local a b; a=$(date +%s.%N); "$@" > /dev/null; b=$(date +%s.%N); echo "$b - $a" | bc; }
best() { local best=999999 t; for _ in 1 2 3 4 5; do t=$(timeit "$@"); best=$(echo "if ($t < $best) $t else $best" | bc); done; echo "$best"; }

# --- as shipped: answers kept in memory ---
start
pgport=$(sed -n 4p "$work/pg-query/postmaster.pid")
pg() { psql -X -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres "$@"; }
pgver=$(pg -At -c 'SHOW server_version')
records=$(pg -At -c "SELECT to_char(sum(row_count), 'FM999,999,999') FROM dataset")
curl -sf "$base$(one 2021)" | grep -q '"value":1,' || { echo "the one-row query did not answer one row" >&2; exit 1; }
bench "$(one 2021)" 60s > /dev/null   # warm-up: the JIT is still compiling the one-row path after a minute
trivial=$(bench /q/health/live)
hits0=$(metric 'trade_api_answer_cache_total{result="hit"}')
onerow=$(bench "$(one 2021)")
hits1=$(metric 'trade_api_answer_cache_total{result="hit"}')
# the same one-row query through the Comtrade+ v1 preview, and a 100,000-row JSON answer through both dialects
v1one="/public/v1/preview/C/A/H0?reporterCode=842&partnerCode=156&period=2021&flowCode=X&cmdCode=TOTAL"
curl -sf "$base$v1one" | grep -q '"count":1,' || { echo "the v1 one-row query did not answer one row" >&2; exit 1; }
bench "$v1one" 20s > /dev/null
v1onerow=$(bench "$v1one")
# the two one-row paths alternated, 10 s each, three times: a ratio less moved by the machine's drift in a run
legacy_sum=0; v1_sum=0
for _ in 1 2 3; do
  legacy_sum=$(echo "$legacy_sum + $(bench "$(one 2021)" 10s | rate)" | bc)
  v1_sum=$(echo "$v1_sum + $(bench "$v1one" 10s | rate)" | bc)
done
legacy100k="/api/get?r=all&p=0&ps=2021&rg=2&cc=AG6&max=100000&px=H0"
v1100k="/data/v1/get/C/A/H0?partnerCode=0&period=2021&flowCode=X&cmdCode=AG6&maxRecords=100000&subscription-key=$key"
for _ in 1 2 3; do curl -s "$base$legacy100k" > /dev/null; curl -s "$base$v1100k" > /dev/null; done
legacy100k_s=$(best curl -sf "$base$legacy100k")
v1100k_s=$(best curl -sf "$base$v1100k")
v1100k_rows=$(curl -s "$base$v1100k" | grep -o '"typeCode"' | wc -l)

large() {   # large <cc> <max> [query]: rows, COPY, CSV and JSON seconds (best of 5 each); query: r=all&p=0 unless given
  local url="/api/get?${3:-r=all&p=0}&ps=2021&rg=2&cc=$1&max=$2&px=H0" rows sql
  rows=$(curl -s "$base$url&fmt=csv" | tail -n +2 | wc -l)
  for _ in 1 2 3; do curl -s "$base$url&fmt=csv" > /dev/null; curl -s "$base$url&fmt=json" > /dev/null; done
  # the very statement the gateway runs for that query, parameters written in
  sql=$(java -jar "$jar" query-sql "${url#*\?}" | sed 's/;$//')
  echo "$rows $(best pg -c "COPY ($sql) TO STDOUT (FORMAT csv)") $(best curl -sf "$base$url&fmt=csv") $(best curl -sf "$base$url&fmt=json")"
}
read -r ag4_rows ag4_copy ag4_csv ag4_json <<< "$(large AG4 250000)"
read -r ag6_rows ag6_copy ag6_csv ag6_json <<< "$(large AG6 250000)"
# the stored-shapes issue's two large answers of one reporter to every partner (HS6 flows; every level)
large_table=""
for cc in AG6 ALL; do
  read -r l_rows l_copy l_csv l_json <<< "$(large $cc 100000 'r=392&p=all')"
  large_table+="| \`r=392&p=all&rg=2&cc=$cc&max=100000\` ($l_rows rows) | $(printf %.2f "$l_copy") s"
  large_table+=" | $(printf %.2f "$l_csv") s = $(echo "scale=2; $l_csv / $l_copy" | bc)x"
  large_table+=" | $(printf %.2f "$l_json") s = $(echo "scale=2; $l_json / $l_copy" | bc)x |"$'\n'
done
heap=$(tr '\0' ' ' < /proc/$gateway/cmdline | grep -o 'Xmx[0-9a-z]*' || echo "default heap")
stop

# --- every answer read from PostgreSQL ---
start TRADE_QUERY_ANSWER_CACHE=0
pgport=$(sed -n 4p "$work/pg-query/postmaster.pid")   # the embedded server listens on a new port each start
bench "$(one 2021)" 60s > /dev/null
trivial_nc=$(bench /q/health/live)
onerow_nc=$(bench "$(one 2021)")
small_run=$(bench "$(one 2020)" 15s)
big_run=$(bench "$(one 2021)" 15s)
example="/api/get?r=826&p=0&ps=2021&rg=all&cc=ALL&max=50000&px=H0"
example_rows=$(curl -s "$base$example&fmt=csv" | tail -n +2 | wc -l)
for _ in 1 2 3; do curl -s "$base$example&fmt=csv" > /dev/null; curl -s "$base$example" > /dev/null; done
example_csv=$(best curl -sf "$base$example&fmt=csv")
example_json=$(best curl -sf "$base$example")
example_sql=$(java -jar "$jar" query-sql "${example#*\?}" | sed 's/;$//')
example_pg=$(best pg -c "COPY ($example_sql) TO STDOUT (FORMAT csv)")

# every shape of the stored-shapes table, read from PostgreSQL: p50 through the gateway (wrk, 4 connections) and
# the average latency of the very same statement under pgbench (4 clients)
shapes=("r=392&p=842&rg=all&cc=TOTAL" "r=392&p=0&rg=2&cc=AG2" "r=392&p=all&rg=1&cc=TOTAL"
  "r=392&p=842&rg=1&cc=AG2&fmt=csv" "r=392&p=842&rg=2&cc=AG4&max=500" "r=392&p=all&rg=2&cc=27,84,87"
  "r=392&p=all&rg=2&cc=8703" "r=392&p=842&rg=2&cc=AG6" "r=392&p=all&rg=1&cc=870323" "r=all&p=842&rg=1&cc=AG2"
  "r=392&p=all&rg=2&cc=AG4&max=1000")
sql_of() {   # sql_of <query strings...>: the gateway's SQL, a line each (one command per query for builds that take one)
  local out; out=$(java -jar "$jar" query-sql "$@")
  if [ "$(printf '%s\n' "$out" | wc -l)" -eq "$#" ]; then printf '%s\n' "$out"; return; fi
  for q in "$@"; do java -jar "$jar" query-sql "$q"; done
}
mapfile -t shape_sql < <(sql_of $(for q in "${shapes[@]}"; do printf '%s ' "$q&ps=2021&px=H0"; done))
pgb() {   # pgb <clients> <seconds> <files...>: tps and average latency (ms) of pgbench over those statements
  local c=$1 t=$2; shift 2
  pgbench -n -h 127.0.0.1 -p "$pgport" -U postgres -c "$c" -j 2 -T "$t" $(printf -- '-f %s ' "$@") postgres 2>/dev/null \
    | awk '/latency average/ {l = $4} /^tps/ {t = $3} END {printf "%.0f %.2f", t, l}'
}
shape_table=""
for i in "${!shapes[@]}"; do
  url="/api/get?${shapes[$i]}&ps=2021&px=H0"
  rows=$(curl -s "$base$url" | grep -o '"count":{"value":[0-9]*' | grep -o '[0-9]*$' || true)
  [ -n "$rows" ] || rows="$(curl -s "$base$url" | tail -n +2 | wc -l) (CSV)"
  gw=$(wrk -t2 -c4 -d10s --timeout 10s --latency "$base$url" | p 50 | ms)
  echo "${shape_sql[$i]}" > "$work/shape.sql"
  read -r _ lat <<< "$(pgb 4 10 "$work/shape.sql")"
  shape_table+="| \`${shapes[$i]}\` | $rows | $gw ms | $lat ms |"$'\n'
done

# a mix of 100 distinct everyday queries (10 reporters x 10 shapes), each request the next one: answers per second
# through the gateway (wrk, 8 connections) and of the same 100 statements under pgbench (8 clients)
mix=()
for r in 842 156 276 392 826 251 381 124 410 699; do   # BACI's codes: France 251, Italy 381, India 699
  pt=842; [ "$r" = 842 ] && pt=156
  for q in "p=$pt&rg=all&cc=TOTAL" "p=0&rg=2&cc=AG2" "p=all&rg=1&cc=TOTAL" "p=$pt&rg=1&cc=AG2" \
    "p=$pt&rg=2&cc=AG4&max=500" "p=all&rg=2&cc=27,84,87" "p=all&rg=2&cc=8703" "p=$pt&rg=2&cc=AG6" \
    "p=all&rg=1&cc=870323" "p=$pt,276&rg=all&cc=01,02,03"; do
    mix+=("/api/get?r=$r&$q&ps=2021&px=H0")
  done
done
printf '%s\n' "${mix[@]}" > "$work/mix.txt"
cat > "$work/mix.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("MIX")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
mix_gw=$(MIX="$work/mix.txt" wrk -t2 -c8 -d20s --timeout 10s -s "$work/mix.lua" "$base" | rate)
rm -rf "$work/mix" && mkdir -p "$work/mix"
n=0
sql_of "${mix[@]}" | while IFS= read -r line; do n=$((n + 1)); echo "$line" > "$work/mix/$n.sql"; done
read -r mix_pg _ <<< "$(pgb 8 20 "$work"/mix/*.sql)"
stop

tr=$(echo "$trivial" | rate); orr=$(echo "$onerow" | rate); v1r=$(echo "$v1onerow" | rate)
tr_nc=$(echo "$trivial_nc" | rate); orr_nc=$(echo "$onerow_nc" | rate)
sp50=$(echo "$small_run" | p 50 | ms); bp50=$(echo "$big_run" | p 50 | ms)
x() { echo "scale=2; $1 / $2" | bc; }
s() { printf %.2f "$1"; }
ms_of() { echo "$1 * 1000" | bc | xargs printf %.0f; }
cat <<MD
### /api/get ($(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, gateway -$heap, PostgreSQL $pgver)

Data: generated H0 years, $big flows for 2021 and $small for 2020, with their aggregates ($records records).

| measure | value | target |
|---|---|---|
| trivial endpoint \`/q/health/live\`, wrk 32 connections | $tr req/s | |
| one-row query \`r=842&p=156&ps=2021&rg=2&cc=TOTAL\`, wrk 32 connections, as shipped | $orr req/s, p50 $(echo "$onerow" | p 50 | ms) ms, p99 $(echo "$onerow" | p 99 | ms) ms ($(echo "$hits1 - $hits0" | bc | cut -d. -f1) answers from memory) | |
| one-row throughput / trivial throughput | $(pct "$orr" "$tr") % | ≥ 35 % |
| one-row p99 | $(echo "$onerow" | p 99 | ms) ms | ≤ 25 ms |
| the same through the Comtrade+ v1 preview, as shipped | $v1r req/s, p50 $(echo "$v1onerow" | p 50 | ms) ms, p99 $(echo "$v1onerow" | p 99 | ms) ms = $(pct "$v1r" "$orr") % of \`/api/get\`; alternated with \`/api/get\` 3 x 10 s each: $(pct "$v1_sum" "$legacy_sum") % | ≥ 90 % |
| $v1100k_rows-row JSON answer (\`cc=AG6\` to World, cut at 100,000): \`/api/get\` | $(s "$legacy100k_s") s | |
| the same from \`/data/v1/get\` (47-field records) | $(s "$v1100k_s") s = $(x "$v1100k_s" "$legacy100k_s")x \`/api/get\` | ≤ 1.1x |
| $ag4_rows-row answer \`cc=AG4\` (all rows): psql \`COPY (the gateway's own SQL) TO STDOUT (FORMAT csv)\` | $(s "$ag4_copy") s | |
| the same: \`fmt=csv\` | $(s "$ag4_csv") s = $(x "$ag4_csv" "$ag4_copy")x COPY | ≤ 1.5x |
| the same: \`fmt=json\` | $(s "$ag4_json") s = $(x "$ag4_json" "$ag4_copy")x COPY | ≤ 2x |
| $ag6_rows-row answer \`cc=AG6&max=250000\`: psql COPY of the same | $(s "$ag6_copy") s | |
| the same: \`fmt=csv\` | $(s "$ag6_csv") s = $(x "$ag6_csv" "$ag6_copy")x COPY | ≤ 1.5x |
| the same: \`fmt=json\` | $(s "$ag6_json") s = $(x "$ag6_json" "$ag6_copy")x COPY | ≤ 2x |
| with \`TRADE_QUERY_ANSWER_CACHE=0\`: trivial endpoint | $tr_nc req/s | |
| with \`TRADE_QUERY_ANSWER_CACHE=0\`: one-row query, every answer read from PostgreSQL | $orr_nc req/s = $(pct "$orr_nc" "$tr_nc") % of trivial, p50 $(echo "$onerow_nc" | p 50 | ms) ms, p99 $(echo "$onerow_nc" | p 99 | ms) ms | |
| one-row query p50 on the $small year / on the $big year, read from PostgreSQL | $sp50 ms / $bp50 ms = $(x "$bp50" "$sp50") | ≤ 1.3 |
| the legacy page's example \`r=826&p=0&rg=all&cc=ALL&max=50000\` ($example_rows rows), read from PostgreSQL: psql COPY of its SQL | $(ms_of "$example_pg") ms | |
| the same: \`fmt=csv\` / \`fmt=json\` | $(ms_of "$example_csv") ms / $(ms_of "$example_json") ms | ≤ 100 ms |
| a mix of 100 distinct queries (10 reporters x 10 shapes), read from PostgreSQL: through the gateway, wrk 8 connections | $mix_gw answers/s | |
| the same 100 statements under pgbench, 8 clients | $mix_pg answers/s; gateway = $(pct "$mix_gw" "$mix_pg") % | ≥ 50 % |

Shapes on the $big year (reporter 392), read from PostgreSQL: p50 through the gateway (wrk, 4 connections, 10 s)
and the average latency of the same statement under pgbench (4 clients, 10 s).

| shape | rows | gateway p50 | pgbench |
|---|---|---|---|
$shape_table

Large answers of one reporter to every partner, as shipped: psql COPY of the gateway's own SQL, then the gateway
(targets: CSV ≤ 1.5x, JSON ≤ 2x of COPY).

| answer | COPY | \`fmt=csv\` | \`fmt=json\` |
|---|---|---|---|
$large_table
Times of large answers are the best of 5 after 3 warm-up runs. The gateway ran with a 96 MB heap throughout,
serving every large answer in full.
MD
