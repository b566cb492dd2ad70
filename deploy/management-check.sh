#!/usr/bin/env bash
# The management-port build: with -Dquarkus.management.enabled=true, health, metrics, OpenAPI and Swagger UI answer
# on TRADE_MANAGEMENT_PORT and no longer on the API's port, while the API stays where it was.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests -Dquarkus.management.enabled=true -Dquarkus.package.output-directory=management-app
dir=$(mktemp -d)
TRADE_DB_EMBEDDED_DATA_DIR="$dir/pg" TRADE_DEMO_SEED=never TRADE_HTTP_PORT=18181 TRADE_MANAGEMENT_PORT=19191 \
  java -jar target/management-app/quarkus-run.jar > "$dir/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 90); do curl -sf localhost:19191/q/health/ready >/dev/null 2>&1 && break; sleep 1; done
status() { curl -s -o /dev/null -w '%{http_code}' "localhost:$1"; }
failed=0
for path in /q/health/ready /q/metrics /q/openapi /q/swagger-ui/; do
  [ "$(status 19191$path)" = 200 ] || { echo "management port: $path is not served"; failed=1; }
  [ "$(status 18181$path)" = 404 ] || { echo "API port: $path is still served"; failed=1; }
done
[ "$(status '18181/api/get?r=all&p=0')" = 200 ] || { echo "API port: /api/get is not served"; failed=1; }
[ $failed = 0 ] || { tail -20 "$dir/gateway.log"; exit 1; }
echo "management port build: health, metrics, OpenAPI and Swagger UI on 19191, the API on 18181"
