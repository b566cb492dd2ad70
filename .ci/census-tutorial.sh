#!/usr/bin/env bash
# The Census International Trade tutorial's own code (shared/clients/census_top20.py), run with Debian's python3
# against the packaged gateway started on a fresh embedded database, which loads the demo data: the script must
# exit 0 and save its bar chart as a PNG (kept as target/census-top20.png). Then the demo in SITC Rev.4.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${TRADE_SHARED_DIR:-../shared}"

if ! /usr/bin/python3 -c 'import requests, pandas, matplotlib' >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-requests python3-pandas \
    python3-matplotlib
fi

work="$(mktemp -d)"
port=18093
TRADE_DB_EMBEDDED_DATA_DIR="$work/postgres" TRADE_HTTP_PORT="$port" \
  java -jar target/quarkus-app/quarkus-run.jar >"$work/gateway.log" 2>&1 &
gateway=$!
stop() {
  kill "$gateway" 2>/dev/null || true
  wait "$gateway" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT

for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; then break; fi
  if ! kill -0 "$gateway" 2>/dev/null; then cat "$work/gateway.log"; exit 1; fi
  sleep 1
done
grep 'demo dataset' "$work/gateway.log"

GATEWAY="http://127.0.0.1:$port" CHART="$work/top20.png" /usr/bin/python3 "$shared/clients/census_top20.py"
test "$(head -c 8 "$work/top20.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a"
cp "$work/top20.png" target/census-top20.png
echo "census tutorial: exit 0, chart $(wc -c <target/census-top20.png) bytes of PNG"

# the demo dataset is also converted (trade.demo.convert-to: H0, S4, BEC); a guest waits out its one-second limit
sleep 1.1
curl -sf "http://127.0.0.1:$port/api/get?r=842&p=0&ps=2021&rg=2&px=S4&cc=AG1" | /usr/bin/python3 -c '
import json, sys
answer = json.load(sys.stdin)
records = answer["dataset"]
assert len(records) >= 5 and all(r["pfCode"] == "S4" and len(r["cmdCode"]) == 1 for r in records), answer
print("demo in SITC Rev.4: %d sections of US exports in 2021" % len(records))'
