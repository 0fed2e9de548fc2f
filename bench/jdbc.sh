#!/usr/bin/env bash
# JDBC benchmark: starts a throwaway PostgreSQL on loopback, fills a table of $ROWS rows
# (default 1,000,000) and exports it to CSV by keyset, cursor, offset and COPY ... TO STDOUT,
# then times one page at the start versus the end of the table (sluice-bench's JdbcExport); then
# COPY: a 5-column table exported by PgCopy chunks, keyset rows and psql \copy, imported by the
# sink with COPY, with batched inserts and by psql \copy, $ROUNDS interleaved rounds (default 3),
# medians (JdbcCopy); then the CLI as a user runs it (launcher and JVM start included): a 5-column
# table of $ROWS rows exported by `./sluice export --batch N` against psql
# `\copy (SELECT ...) TO ... CSV HEADER`, and that CSV imported by `./sluice import --batch N`
# against psql `\copy ... FROM ... CSV HEADER`, at each N of CLI_BATCHES (default 1000 10000
# 50000), $ROUNDS interleaved rounds, median seconds and highest peak RSS of the client process
# (/usr/bin/time; the server's memory is not counted); BASE=/path/to/sluice also runs another
# build's launcher on every CLI case, interleaved, and checks it writes the same bytes and tables
# (run both from copies of their trees). ONLY=copy, ONLY=export or ONLY=cli runs one
# part (default: all three). The machine may be busy with other work: compare medians.
# ONLY=classlist times nothing: it runs export and import against the server and the embedded
# database with -XX:DumpLoadedClassList and writes the union of the classes they load to
# sluice-cli/cds/jdbc.classlist, the list the launcher's archive of
# export and import is dumped from (run it again when those commands load other classes).
# ONLY=startup fills start_small (10 rows) and start_big ($ROWS rows) and runs bench/startup.sh
# against the server (RUNS, BASE and CASES as there).
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
ONLY=${ONLY:-}
CLI_BATCHES=${CLI_BATCHES:-1000 10000 50000}
if [ "$ONLY" != cli ] && [ "$ONLY" != classlist ] && [ "$ONLY" != startup ] && { [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f sluice-bench/target/benchmarks.jar ]; }; then
  ./build -q -pl sluice-bench -am package -DskipTests
fi
if [ "$ONLY" = "" ] || [ "$ONLY" = cli ] || [ "$ONLY" = classlist ]; then
  [ -x /usr/bin/time ] || { echo "bench/jdbc.sh: needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }
  ./sluice --version >/dev/null # builds the CLI if needed
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

if [ "$ONLY" = classlist ]; then
  chmod 777 "$dir" 2>/dev/null || true
  bench/jdbc-cli.sh "$PG_BIN/psql" "$port" "$dir/cli" classlist
  exit 0
fi
if [ "$ONLY" = startup ]; then
  for t in "start_small 10" "start_big $ROWS"; do
    set -- $t
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U sluice -d postgres \
      -c "CREATE TABLE $1 (id BIGINT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,
            amount NUMERIC(12,2) NOT NULL, created TIMESTAMP NOT NULL)" \
      -c "INSERT INTO $1 SELECT g, 'name, \"' || g, 'user' || g || '@example.org',
            (g % 100000) / 100.0, TIMESTAMP '2024-01-01 00:00:00' + g * INTERVAL '1 second'
            FROM generate_series(1, $2) g" -c "VACUUM ANALYZE $1"
  done
  SLUICE_BENCH_DB="jdbc:postgresql://127.0.0.1:$port/postgres" bench/startup.sh
  exit 0
fi
mkdir -p bench/results
out="bench/results/jdbc-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# bench/jdbc.sh $(date -u +%FT%TZ), $(nproc) cores, $("$PG_BIN/postgres" --version), $(java -version 2>&1 | head -n 1)"
  if [ "$ONLY" = "" ] || [ "$ONLY" = export ]; then
    java -Xmx512m -cp sluice-bench/target/benchmarks.jar dev.sluice.bench.JdbcExport \
      "jdbc:postgresql://127.0.0.1:$port/postgres" sluice "$ROWS" "$dir/csv"
  fi
  chmod 777 "$dir" 2>/dev/null || true
  if [ "$ONLY" = "" ] || [ "$ONLY" = copy ]; then
    java -Xmx512m -cp sluice-bench/target/benchmarks.jar dev.sluice.bench.JdbcCopy \
      "jdbc:postgresql://127.0.0.1:$port/postgres" sluice "$ROWS" "$dir/copy" "$PG_BIN/psql" "$port" "$ROUNDS"
  fi
  if [ "$ONLY" = "" ] || [ "$ONLY" = cli ]; then
    bench/jdbc-cli.sh "$PG_BIN/psql" "$port" "$dir/cli"
  fi
} | tee "$out"
