#!/usr/bin/env bash
# JDBC benchmark: starts a throwaway PostgreSQL on loopback, fills a table of $ROWS rows
# (default 1,000,000) and exports it to CSV by keyset, cursor, offset and COPY ... TO STDOUT,
# then times one page at the start versus the end of the table (sluice-bench's JdbcExport); then
# COPY: a 5-column table exported by PgCopy chunks, keyset rows and psql \copy, imported by the
# sink with COPY, with batched inserts and by psql \copy, $ROUNDS interleaved rounds (default 3),
# medians (JdbcCopy). ONLY=copy skips JdbcExport.
# Needs the PostgreSQL server binaries (apt-get install -y postgresql-15) or SLUICE_PG_BIN.
# Output: stdout and bench/results/jdbc-<UTC time>.txt. SKIP_BUILD=1 reuses benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-3}
PG_BIN=${SLUICE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "bench/jdbc.sh: no PostgreSQL server binaries; apt-get install -y postgresql-15 or set SLUICE_PG_BIN" >&2
  exit 1
fi
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f sluice-bench/target/benchmarks.jar ]; then
  ./build -q -pl sluice-bench -am package -DskipTests
fi

dir=$(mktemp -d /tmp/sluice-bench-pg-XXXXXX)
run_as=()
if [ "$(id -u)" = 0 ]; then # PostgreSQL refuses to run as root
  chown postgres: "$dir"
  run_as=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi
server=
cleanup() {
  if [ -n "$server" ]; then kill -INT "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
"${run_as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U sluice --auth=trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log"
port=$((20000 + RANDOM % 20000))
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((20000 + RANDOM % 20000)); done
"${run_as[@]}" "$PG_BIN/postgres" -D "$dir/data" -p "$port" -k "$dir" -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c shared_buffers=256MB >"$dir/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && break
  sleep 0.1
done
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" || { cat "$dir/server.log" >&2; exit 1; }

mkdir -p bench/results
out="bench/results/jdbc-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# bench/jdbc.sh $(date -u +%FT%TZ), $(nproc) cores, $("$PG_BIN/postgres" --version), $(java -version 2>&1 | head -n 1)"
  if [ "${ONLY:-}" != copy ]; then
    java -Xmx512m -cp sluice-bench/target/benchmarks.jar dev.sluice.bench.JdbcExport \
      "jdbc:postgresql://127.0.0.1:$port/postgres" sluice "$ROWS" "$dir/csv"
  fi
  chmod 777 "$dir" 2>/dev/null || true
  java -Xmx512m -cp sluice-bench/target/benchmarks.jar dev.sluice.bench.JdbcCopy \
    "jdbc:postgresql://127.0.0.1:$port/postgres" sluice "$ROWS" "$dir/copy" "$PG_BIN/psql" "$port" "$ROUNDS"
} | tee "$out"
