#!/usr/bin/env bash
# Builds the JVM image and smoke-tests it: the gateway starts in the image as its non-root user on the embedded
# PostgreSQL, reports ready through the same probe as the image's HEALTHCHECK, and answers a one-row /api/get.
# The check runs as a build step of a throwaway image, so it also works where containers may not be run directly
# (rootless or sandboxed podman). Usage, from the repository root after ./mvnw package -DskipTests:
#   deploy/docker/smoke-jvm.sh [runtime base image]      (default: the Dockerfile's eclipse-temurin:17-jre)
# Uses podman when present, else docker.
set -euo pipefail
cd "$(dirname "$0")/../.."
engine=$(command -v podman || command -v docker)
[ -d target/quarkus-app ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
engine_args=()
if [ "$(basename "$engine")" = podman ]; then
    engine_args+=(--format docker)
    # crun cannot run build steps on some hosts (cgroups in hybrid mode); runc can
    command -v runc >/dev/null && engine_args+=(--runtime runc)
fi
args=("${engine_args[@]}")
[ $# -gt 0 ] && args+=(--build-arg "RUNTIME_IMAGE=$1")
"$engine" build "${args[@]}" -f deploy/docker/Dockerfile.jvm -t trade-gateway:jvm .

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Containerfile" <<'SMOKE'
FROM trade-gateway:jvm
ENV TRADE_HTTP_PORT=18096 TRADE_DEMO_YEARS=2020-2020 TRADE_DEMO_ROWS_PER_YEAR=20000
RUN test "$(id -u)" = 1001 \
    && (java -jar /app/quarkus-run.jar > /tmp/gateway.log 2>&1 &) \
    && for i in $(seq 1 120); do \
         bash -c 'exec 3<>/dev/tcp/127.0.0.1/18096 && printf "GET /q/health/ready HTTP/1.0\r\n\r\n" >&3 && head -1 <&3 | grep -q " 200 "' 2>/dev/null && break; \
         sleep 1; \
       done \
    && echo "ready after ${i} s" \
    && bash -c 'exec 3<>/dev/tcp/127.0.0.1/18096 && printf "GET /api/get?r=842&p=156&ps=2020&rg=2&cc=TOTAL HTTP/1.0\r\n\r\n" >&3 && cat <&3' > /tmp/answer \
    && head -1 /tmp/answer | grep -q " 200 " \
    && grep -q '"rtCode":842,' /tmp/answer \
    && grep -q '"ptCode":156,' /tmp/answer \
    && echo "smoke test passed: $(grep -o '"TradeValue":[0-9.E+]*' /tmp/answer)"
SMOKE
"$engine" build "${engine_args[@]}" --network host --no-cache -t trade-gateway-smoke "$work"
"$engine" rmi trade-gateway-smoke >/dev/null
