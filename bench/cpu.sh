#!/usr/bin/env bash
# The gateway's own CPU time per answer, for builds compared side by side. On a machine whose speed moves by a third
# within minutes, latency and throughput of one build against another mostly measure the machine; the CPU time the
# gateway process spends per answer (user + system, from /proc) moves much less. Uses the data of bench/query.sh
# (run it once first). Each build in turn, for each round: start it with a 96 MB heap and every answer read from
# PostgreSQL (TRADE_QUERY_ANSWER_CACHE=0), then for each query 15 s of warm-up and 10 s measured under wrk at 4
# connections. Prints a Markdown table. usage: bench/cpu.sh [rounds] [app-dir...] (default: target/quarkus-app,
# built here; an app dir is a copy of target/quarkus-app of another build)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
shift || true
apps=("$@")
work=bench/work
port=18081
[ -d "$work/pg-query" ] || { echo "run bench/query.sh first" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk curl bc >/dev/null; }
if [ ${#apps[@]} -eq 0 ]; then
  ./mvnw -B -q package -DskipTests   # always: a stale jar would measure old code
  apps=(target/quarkus-app)
fi
export TRADE_DB_EMBEDDED_DATA_DIR="$PWD/$work/pg-query" TRADE_DEMO_SEED=never TRADE_HTTP_PORT=$port
export TRADE_LIMITS_ENABLED=false TRADE_BULK_MEASURE_EVERY=0s TRADE_QUERY_ANSWER_CACHE=0
base="http://localhost:$port"
queries=("r=392&p=842&rg=2&cc=AG4&max=500&ps=2021&px=H0"
         "r=392&p=842&rg=2&cc=AG4&max=500&ps=2021&px=H0&fmt=csv"
         "r=392&p=all&rg=2&cc=27,84,87&ps=2021&px=H0"
         "r=826&p=0&rg=all&cc=ALL&max=50000&ps=2021&px=H0"
         "r=826&p=0&rg=all&cc=ALL&max=50000&ps=2021&px=H0&fmt=csv")
gateway=
stop() { if [ -n "$gateway" ]; then kill "$gateway" 2>/dev/null; wait "$gateway" 2>/dev/null || true; gateway=; fi; }
trap stop EXIT
ticks() { awk '{print $14 + $15}' "/proc/$gateway/stat"; }
hz=$(getconf CLK_TCK)
echo "| round | build | query | gateway CPU per answer | answers/s | p50 |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  for app in "${apps[@]}"; do
    java -Xmx96m -jar "$app/quarkus-run.jar" > "$work/cpu-gateway.log" 2>&1 &
    gateway=$!
    for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
    for q in "${queries[@]}"; do
      wrk -t2 -c4 -d15s "$base/api/get?$q" > /dev/null
      before=$(ticks)
      out=$(wrk -t2 -c4 -d10s --latency "$base/api/get?$q")
      after=$(ticks)
      n=$(echo "$out" | awk '/requests in/ {print $1}')
      cpu=$(echo "scale=2; ($after - $before) * 1000 / $hz / $n" | bc)
      rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      echo "| $round | $app | \`$q\` | $cpu ms | $rate | $(echo "$out" | awk '$1 == "50%" {print $2}') |"
    done
    stop
  done
done
