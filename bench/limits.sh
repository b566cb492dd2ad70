#!/usr/bin/env bash
# Rate-limiter cost: the one-row query under wrk (32 connections) with limits off, with the in-process limiter
# and with the limiter shared through Redis (redis://127.0.0.1:6379), all in one run on the data of
# bench/query.sh (run that first). Quotas are set high enough that nothing is refused: what is measured is the
# cost of deciding. Prints a Markdown block for docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/work
jar=target/quarkus-app/quarkus-run.jar
port=18083
[ -d "$work/pg-query" ] || { echo "run bench/query.sh first (it loads the data)" >&2; exit 2; }
./mvnw -B -q package -DskipTests
url="http://localhost:$port/api/get?r=842&p=156&ps=2021&rg=2&cc=TOTAL&px=H0"

run() {
  local label=$1; shift
  env TRADE_DB_EMBEDDED_DATA_DIR="$PWD/$work/pg-query" TRADE_DEMO_SEED=never TRADE_HTTP_PORT=$port \
      TRADE_LIMITS_PER_SECOND=100000000 TRADE_LIMITS_GUEST_QUOTA=2000000000 TRADE_BULK_MEASURE_EVERY=0s "$@" \
      java -jar "$jar" > "$work/limits-gateway.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  wrk -t2 -c32 -d30s "$url" > /dev/null   # warm-up: the JIT takes tens of seconds to settle
  local out
  out=$(wrk -t2 -c32 -d20s --latency "$url")
  kill $pid; wait $pid 2>/dev/null || true
  local rate p50 p99 non2xx
  rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  echo "$label|$rate|$p50|$p99|${non2xx:-0}"
}

off=$(run "limits off" TRADE_LIMITS_ENABLED=false)
local_=$(run "in-process limiter" TRADE_LIMITS_ENABLED=true)
shared=$(run "limiter shared through Redis" TRADE_LIMITS_ENABLED=true TRADE_LIMITS_REDIS_URL=redis://127.0.0.1:6379)
base=$(echo "$off" | cut -d'|' -f2)
echo "### Rate-limiter cost ($(date -u +%Y-%m-%d), $(nproc) cores, one-row query, wrk 32 connections, 20 s)"
echo
echo "| configuration | req/s | of limits off | p50 | p99 | refused |"
echo "|---|---|---|---|---|---|"
for line in "$off" "$local_" "$shared"; do
  IFS='|' read -r label rate p50 p99 refused <<< "$line"
  echo "| $label | $rate | $(echo "scale=1; 100 * $rate / $base" | bc) % | $p50 | $p99 | $refused |"
done
