#!/usr/bin/env bash
# Conversion benchmark: a generated HS 2017 year (2021, default 2M directed flows) loaded into a fresh embedded
# PostgreSQL, then converted to HS 1992, SITC Rev.4 and BEC Rev.4 with `convert`; the wall time of each, the
# storage of each dataset, and the same query shapes answered in the loaded revision (px=H5) and in the converted
# ones side by side (wrk, 4 connections, 10 s, p50; answers read from PostgreSQL), the levels named in each
# classification's words (HS AG6/AG4/AG2 are SITC AG5/AG4/AG2 and BEC AG3/AG2/AG1). Prints a Markdown block for
# docs/BENCHMARKS.md.
# usage: bench/convert.sh [flows per year, e.g. 2M or 10M]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-2M}
work=bench/work
jar=target/quarkus-app/quarkus-run.jar
port=18086
pgport=18087
mkdir -p "$work"
for tool in wrk curl psql; do
  command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk curl postgresql-client >/dev/null; break; }
done
./mvnw -B -q package -DskipTests   # always: a stale jar would measure old code

export TRADE_DB_EMBEDDED_DATA_DIR="$PWD/$work/pg-convert" TRADE_DB_EMBEDDED_PORT=$pgport TRADE_DEMO_SEED=never
export TRADE_HTTP_PORT=$port TRADE_LIMITS_ENABLED=false TRADE_BULK_MEASURE_EVERY=0s TRADE_QUERY_ANSWER_CACHE=0
rm -rf "$work/pg-convert"
t0=$(date +%s.%N)
java -jar "$jar" generate --years 2021 --scale "$scale" --classification H5 --seed 21 > "$work/convert-import.log"
t1=$(date +%s.%N)
name=$(grep -o "synthetic-H5-2021-2021-[0-9]*-seed21" "$work/convert-import.log" | head -1)
[ -n "$name" ] || name="synthetic-H5-2021-2021-$(awk 'BEGIN{s=tolower(ARGV[1]); m=1; if (s ~ /m$/) m=1000000; else if (s ~ /k$/) m=1000; sub(/[mk]$/, "", s); printf "%d", s*m}' "$scale")-seed21"
java -jar "$jar" convert "$name" --to H0 > "$work/convert.log"
t2=$(date +%s.%N)
java -jar "$jar" convert "$name" --to S4 > "$work/convert-s4.log"
t3=$(date +%s.%N)
java -jar "$jar" convert "$name" --to BEC > "$work/convert-bec.log"
t4=$(date +%s.%N)

java -Xmx256m -jar "$jar" > "$work/convert-gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
size() {
  psql -h 127.0.0.1 -p $pgport -U postgres -d postgres -Atc "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid)))
    FROM pg_class c WHERE c.relkind = 'r' AND c.relname ~ ('_d' || (SELECT id FROM dataset WHERE name = '$1') || '_p')"
}
base="http://localhost:$port"
bench() { wrk -t2 -c4 -d10s --latency "$base$1" | awk '$1 == "50%" {print $2}'; }
echo "### Conversion of $name to H0, S4 and BEC ($(date -u +%F), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB)"
echo
printf '| step | seconds |\n|---|---|\n'
printf '| import (generate) %s | %.1f |\n' "$scale" "$(echo "$t1 - $t0" | bc)"
printf '| convert to H0 | %.1f |\n' "$(echo "$t2 - $t1" | bc)"
printf '| convert to S4 | %.1f |\n' "$(echo "$t3 - $t2" | bc)"
printf '| convert to BEC | %.1f |\n' "$(echo "$t4 - $t3" | bc)"
echo
echo "Storage: loaded $(size "$name"), H0 $(size "$name-as-H0"), S4 $(size "$name-as-S4"), BEC $(size "$name-as-BEC")."
for log in convert convert-s4 convert-bec; do echo "$(grep 'source flows converted' "$work/$log.log")"; done
echo
# a level of HS in the words of another classification
level() {
  case "$1/$2" in
    S4/AG6) echo AG5 ;; BEC/AG6) echo AG3 ;; BEC/AG4) echo AG2 ;; BEC/AG2) echo AG1 ;; *) echo "$2" ;;
  esac
}
echo "| shape (HS words) | px=H5 (loaded) p50 | px=H0 p50 | px=S4 p50 | px=BEC p50 |"
echo "|---|---|---|---|---|"
for q in "r=392&p=842&rg=2&cc=AG4" "r=392&p=all&rg=1&cc=TOTAL" "r=392&p=0&rg=2&cc=AG2" "r=392&p=842&rg=2&cc=AG6&max=5000"; do
  cc=${q##*cc=}; cc=${cc%%&*}
  row="| \`$q\` |"
  for px in H5 H0 S4 BEC; do
    shaped=${q/cc=$cc/cc=$(level $px "$cc")}
    curl -sf "$base/api/get?$shaped&ps=2021&px=$px" >/dev/null
    bench "/api/get?$shaped&ps=2021&px=$px" >/dev/null
    row="$row $(bench "/api/get?$shaped&ps=2021&px=$px") |"
  done
  echo "$row"
done
