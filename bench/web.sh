#!/usr/bin/env bash
# Web interface benchmark: page weight and time to first render and to a usable page, in Debian's Chromium
# (headless, a fresh profile for every load, so nothing is cached) driven through chromedriver's WebDriver HTTP
# interface with curl. The packaged gateway runs on the demo data (2021-2025 annual and 2025 monthly, 60,000 flows
# a year). Each page is loaded 5 times; the median is printed as a Markdown block for docs/BENCHMARKS.md.
# "ready" is the page's own mark (performance.mark('tg-ready')): the data selection form filled and usable, the
# country and pair pages drawn, the home page's catalog shown. usage: bench/web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/work
jar=target/quarkus-app/quarkus-run.jar
port=18084
driver_port=18085
runs=5
mkdir -p "$work"
command -v chromedriver >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }
./mvnw -B -q package -DskipTests   # always: a stale jar would measure old code

export TRADE_DB_EMBEDDED_DATA_DIR="$PWD/$work/pg-demo" TRADE_HTTP_PORT=$port
java -jar "$jar" > "$work/web-gateway.log" 2>&1 &
gateway=$!
chromedriver --port=$driver_port > "$work/web-chromedriver.log" 2>&1 &
driver=$!
trap 'kill $gateway $driver 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "localhost:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "localhost:$port/site/catalog.json" >/dev/null
wd="http://localhost:$driver_port"

session() {
  curl -sf -X POST "$wd/session" -H 'Content-Type: application/json' -d '{"capabilities":{"alwaysMatch":{
    "browserName":"chrome","goog:chromeOptions":{"binary":"/usr/bin/chromium","args":["--headless=new",
    "--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--disable-background-networking",
    "--disable-component-update","--disable-sync","--no-first-run","--window-size=1280,1000"]}}}}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["value"]["sessionId"])'
}
run() { # session script -> value
  curl -sf -X POST "$wd/session/$1/execute/sync" -H 'Content-Type: application/json' \
    -d "$(python3 -c 'import json,sys; print(json.dumps({"script": sys.argv[1], "args": []}))' "$2")" |
    python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["value"]))'
}
MEASURE='const n = performance.getEntriesByType("navigation")[0];
const paint = performance.getEntriesByName("first-contentful-paint")[0];
const ready = performance.getEntriesByName("tg-ready")[0];
const res = performance.getEntriesByType("resource");
return {fcp: paint ? paint.startTime : null, ready: ready ? ready.startTime : null,
  bytes: n.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
  requests: 1 + res.length, scripts: res.filter(r => r.initiatorType === "script" || r.name.endsWith(".js")).length};'

pages=("/" "/query.html" "/country.html?c=japan&year=2024" "/pair.html?a=japan&b=united-states&year=2024")
echo "| page | requests | transferred | first contentful paint | ready (median of $runs) |"
echo "|---|---|---|---|---|"
for page in "${pages[@]}"; do
  results=()
  for _ in $(seq 1 $runs); do
    s=$(session)
    curl -sf -X POST "$wd/session/$s/url" -H 'Content-Type: application/json' \
      -d "{\"url\":\"http://localhost:$port$page\"}" >/dev/null
    for _ in $(seq 1 100); do
      [ "$(run "$s" 'return performance.getEntriesByName("tg-ready").length')" != "0" ] && break; sleep 0.1
    done
    results+=("$(run "$s" "$MEASURE")")
    curl -sf -X DELETE "$wd/session/$s" >/dev/null
  done
  printf '%s\n' "${results[@]}" | python3 -c '
import json, sys, statistics
rows = [json.loads(l) for l in sys.stdin if l.strip()]
def med(k):
    return statistics.median(r[k] for r in rows if r[k] is not None)
print("| `%s` | %d | %.0f KB | %.0f ms | %.0f ms |" % (sys.argv[1], rows[0]["requests"], med("bytes") / 1024,
      med("fcp"), med("ready")))' "$page"
done
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(chromium --version); $(date -u +%F)"
