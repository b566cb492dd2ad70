#!/usr/bin/env bash
# Import benchmark: generates a BACI-year-sized file (default 10M HS6 flows), imports it into the embedded
# PostgreSQL (aggregates and index included), and in the same run times a raw psql \copy of the same file into
# an unindexed table on the same server. Prints a Markdown block for docs/BENCHMARKS.md.
#
# usage: bench/import.sh [rows]          (needs psql; builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10M}
work=bench/work
jar=target/quarkus-app/quarkus-run.jar
mkdir -p "$work"
command -v psql >/dev/null || { echo "bench/import.sh needs psql (Debian package postgresql-client)" >&2; exit 2; }
./mvnw -B -q package -DskipTests   # always: a stale jar would measure old code

export TRADE_DB_EMBEDDED_DATA_DIR="$PWD/$work/pg" TRADE_DEMO_SEED=never TRADE_HTTP_PORT=18080
# the gateway that serves the import does not measure bulk files in the background while COPY is timed
export TRADE_BULK_MEASURE_EVERY=0s
rm -rf "$work/pg"
file="$work/BACI_HS92_Y2021_bench.csv"

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

t0=$(now)
java -jar "$jar" generate --years 2021 --scale "$rows" --classification H0 --out "$file" >/dev/null
t1=$(now)
lines=$(($(wc -l < "$file") - 1))
size=$(du -h "$file" | cut -f1)

java -jar "$jar" > "$work/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf localhost:18080/q/health/ready >/dev/null 2>&1 && break
  sleep 1
done
port=$(sed -n 4p "$work/pg/postmaster.pid")
pg() { psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"; }

raw_copy() {
  pg -c "DROP TABLE IF EXISTS raw_copy" -c "CREATE TABLE raw_copy (t int, i int, j int, k text, v float8, q float8)"
  local a b
  a=$(now)
  pg -c "\\copy raw_copy FROM '$file' WITH (FORMAT csv, HEADER true)"
  b=$(now)
  secs "$a" "$b"
}

raw1=$(raw_copy)
a=$(now)
java -jar "$jar" import baci "$file" --classification H0 > "$work/import.log"
b=$(now)
import=$(secs "$a" "$b")
raw2=$(raw_copy)
pg -c "DROP TABLE raw_copy"
records=$(pg -At -c "SELECT sum(row_count) FROM dataset")
heap=$(pg -At -c "SELECT pg_size_pretty(sum(pg_table_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'trade_fact'::regclass")
index=$(pg -At -c "SELECT pg_size_pretty(sum(pg_indexes_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'trade_fact'::regclass")

raw=$(echo "if ($raw1 < $raw2) $raw1 else $raw2" | bc)
cat <<MD
### Import of $lines BACI flows ($(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), PostgreSQL $(pg -At -c 'SHOW server_version'))

| step | seconds | input rows/s |
|---|---|---|
| generate the file ($size) | $(printf %.1f "$(secs "$t0" "$t1")") | |
| raw \`psql \\copy\` into an unindexed table, run 1 | $(printf %.1f "$raw1") | $(echo "$lines / $raw1" | bc) |
| raw \`psql \\copy\` into an unindexed table, run 2 | $(printf %.1f "$raw2") | $(echo "$lines / $raw2" | bc) |
| \`import baci\` (JVM start, COPY, both views, aggregates, World, index, analyse, availability, commit) | $(printf %.1f "$import") | $(echo "$lines / $import" | bc) |

Import throughput = $(echo "scale=1; 100 * $raw / $import" | bc) % of the faster raw COPY. Records stored: $records
(heap $heap, index $index).

$(grep -E '^(period|dataset|replacing|committing)' "$work/import.log" | sed 's/^/    /')
MD
