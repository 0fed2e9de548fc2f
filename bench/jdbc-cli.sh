#!/usr/bin/env bash
# The CLI part of bench/jdbc.sh (which starts the server and documents the settings):
#   bench/jdbc-cli.sh PSQL PORT WORK_DIR   with ROWS, ROUNDS, CLI_BATCHES from the environment.
#   bench/jdbc-cli.sh PSQL PORT WORK_DIR classlist   (ONLY=classlist bench/run jdbc) writes the
#   launcher's class list of export and import instead (see the end of this header).
# Fills cli_rows (id BIGINT PRIMARY KEY, name TEXT, email TEXT, amount NUMERIC(12,2), created
# TIMESTAMP) with ROWS rows, then per round, interleaved: psql \copy TO, ./sluice export at each
# batch size, ./sluice export to JSON Lines, with --mask and to standard output, psql \copy FROM and
# ./sluice import at each batch size and at its default (into an emptied cli_target), then an
# upsert of every row (unchanged rows, then rows whose values all changed, beside psql running the
# statements the upsert runs: a temporary stage, \copy into it and MERGE, 50,000 rows a batch).
# BASE=/path/to/another/sluice runs that launcher (another build, e.g. a copy of the last
# landing) beside ./sluice on every sluice case, interleaved, and checks that both write the same
# bytes (exports) and the same table (imports).
# classlist: each kind of export and import (COPY and the row path, to a file and to stdout, with a
# rule, upsert, resume, the embedded database) runs once through ./sluice with no archive and
# -XX:DumpLoadedClassList; the union of the lists (each class once, renumbered, in first-load
# order) is sluice-cli/cds/jdbc.classlist.
set -euo pipefail
cd "$(dirname "$0")/.."
psql_bin=$1 port=$2 work=$3
ROWS=${ROWS:-1000000}
if [ "${4:-}" = classlist ]; then ROWS=2500; fi
ROUNDS=${ROUNDS:-3}
CLI_BATCHES=${CLI_BATCHES:-1000 10000 50000}
mkdir -p "$work"
chmod 777 "$work" 2>/dev/null || true
db="jdbc:postgresql://127.0.0.1:$port/postgres"
export PGOPTIONS="-c client_min_messages=warning" # no NOTICE for DROP TABLE IF EXISTS
psql=("$psql_bin" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U sluice -d postgres)
sql() { "${psql[@]}" "$@"; }
select="SELECT id, name, email, amount, created FROM cli_rows ORDER BY id"

sql -c "DROP TABLE IF EXISTS cli_rows; DROP TABLE IF EXISTS cli_target" \
  -c "CREATE TABLE cli_rows (id BIGINT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,
        amount NUMERIC(12,2) NOT NULL, created TIMESTAMP NOT NULL)" \
  -c "INSERT INTO cli_rows SELECT g, 'name, \"' || g, 'user' || g || '@example.org',
        (g % 100000) / 100.0, TIMESTAMP '2024-01-01 00:00:00' + g * INTERVAL '1 second'
        FROM generate_series(1, $ROWS) g" \
  -c "VACUUM ANALYZE cli_rows" -c "CREATE TABLE cli_target (LIKE cli_rows INCLUDING ALL)"
if [ "${4:-}" = classlist ]; then
  lists=()
  dump() { # a run of ./sluice that leaves its list of loaded classes
    lists+=("$work/classes-${#lists[@]}.lst")
    SLUICE_CDS=0 JAVA_OPTS="-XX:DumpLoadedClassList=${lists[-1]}" ./sluice "$@" >/dev/null 2>"$work/stderr.txt" ||
      { cat "$work/stderr.txt" >&2; echo "bench/jdbc-cli.sh: classlist: failed: ./sluice $*" >&2; exit 1; }
  }
  pg=(--db "$db" --user sluice)
  dump export "$work/a.csv" --table cli_rows "${pg[@]}" --batch 1000
  dump export "$work/a.jsonl" --table cli_rows "${pg[@]}" --batch 1000
  dump export "$work/m.csv" --table cli_rows "${pg[@]}" --mask email --quiet
  dump export - --to csv --table cli_rows "${pg[@]}" --quiet
  dump export "$work/a.csv.gz" --table cli_rows "${pg[@]}" --where "id>10" --quiet
  dump import "$work/a.csv" --table cli_target "${pg[@]}" --batch 1000
  dump import "$work/a.jsonl" --table cli_target "${pg[@]}" --upsert-key id
  dump import "$work/a.csv" --table cli_target "${pg[@]}" --upsert-key id --resume --quiet
  ./sluice demo --dir "$work/demo" --rows 10 --db-users 2500 >/dev/null 2>&1 # an embedded database
  mkdir -p "$work/h2" && cp "$work/demo/demo-db.mv.db" "$work/h2/sluice.mv.db"
  dump export "$work/h.csv" --table users --work "$work/h2" --batch 1000
  dump export "$work/h.jsonl" --table users --work "$work/h2" --mask email --quiet
  dump import "$work/h.csv" --table users --work "$work/h2" --upsert-key id
  list=sluice-cli/cds/jdbc.classlist
  mkdir -p "$(dirname "$list")"
  {
    echo "# The classes that ./sluice export and import load (PostgreSQL and the embedded database),"
    echo "# from -XX:DumpLoadedClassList, $(java -version 2>&1 | head -n 1): the launcher dumps its"
    echo "# class-data archive of those commands from this list. Made by ONLY=classlist bench/run jdbc."
    awk '/^#/ || NF == 0 { next }
      /^@/ { if (!seen[$0]++) print; next }
      { if (!($1 in id)) { id[$1] = n++; print $1 " id: " id[$1] } }' "${lists[@]}"
  } >"$list.$$"
  mv -f "$list.$$" "$list"
  echo "bench/jdbc-cli.sh: $list: $(grep -vc '^[#@]' "$list") classes from ${#lists[@]} runs"
  exit 0
fi
empty_target() { sql -c "TRUNCATE cli_target" -c "DELETE FROM sluice_checkpoint" 2>/dev/null || sql -c "TRUNCATE cli_target"; }

declare -A all rss cpu
order=()
measure() { # key command...: one timed run; seconds (wall, and user + sys) appended, peak RSS (MB) kept
  local key=$1 s kb u k
  shift
  [[ " ${order[*]} " == *" $key "* ]] || order+=("$key")
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" ||
    { cat "$work/stderr.txt" >&2; echo "bench/jdbc-cli.sh: $key failed: $*" >&2; exit 1; }
  read -r s kb u k <"$work/time.txt"
  all[$key]="${all[$key]:-}${all[$key]:+ }$s"
  cpu[$key]="${cpu[$key]:-}${cpu[$key]:+ }$(awk "BEGIN { print $u + $k }")"
  if [ $((kb / 1024)) -gt "${rss[$key]:-0}" ]; then rss[$key]=$((kb / 1024)); fi
}
rows_in() { [ "$(sql -t -A -c "SELECT count(*) FROM cli_target")" = "$ROWS" ] || { echo "bench/jdbc-cli.sh: cli_target has not $ROWS rows after $1" >&2; exit 1; }; }
lines_of() { [ "$(($(wc -l <"$1") - 1))" = "$ROWS" ] || { echo "bench/jdbc-cli.sh: $1 has not $ROWS rows" >&2; exit 1; }; }

SLUICE_CDS=wait ./sluice export --help >/dev/null # the launcher's start-up archive, made once
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
BASE=${BASE:-}
launchers=(./sluice)
if [ -n "$BASE" ]; then
  SLUICE_CDS=wait "$BASE" export --help >/dev/null
  launchers+=("$BASE")
fi
tag() { [ "$1" = ./sluice ] && echo "" || echo " (base)"; }
out() { [ "$1" = ./sluice ] && echo "$work/$2" || echo "$work/base-$2"; } # launcher name: its file
same() { # name: the base's output must equal this tree's
  if [ -n "$BASE" ]; then cmp -s "$work/$1" "$work/base-$1" || { echo "bench/jdbc-cli.sh: $1 differs from the base's" >&2; exit 1; }; fi
}
table_sum() { sql -t -A -c "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY id)) FROM cli_target t"; }
sluice_import() { # name args...: an import into the emptied target by each launcher, tables compared
  local name=$1 l sum= first=
  shift
  for l in "${launchers[@]}"; do
    empty_target
    measure "$name$(tag "$l")" "$l" import "$work/sluice.csv" --table cli_target --db "$db" --user sluice --quiet "$@"
    rows_in "$name$(tag "$l")"
    sum=$(table_sum)
    if [ -z "$first" ]; then first=$sum; elif [ "$sum" != "$first" ]; then echo "bench/jdbc-cli.sh: $name: the base left another table" >&2; exit 1; fi
  done
}
for ((round = 1; round <= ROUNDS; round++)); do
  if [ -n "$BASE" ]; then # each launcher first in every other round
    if [ $((round % 2)) = 1 ]; then launchers=(./sluice "$BASE"); else launchers=("$BASE" ./sluice); fi
  fi
  measure "export psql \\copy TO" "${psql[@]}" -c "\\copy ($select) TO '$work/psql.csv' CSV HEADER"
  lines_of "$work/psql.csv"
  for b in $CLI_BATCHES; do
    for l in "${launchers[@]}"; do
      f=$(out "$l" sluice.csv)
      rm -f "$f"
      measure "export sluice --batch $b$(tag "$l")" "$l" export "$f" --table cli_rows --db "$db" --user sluice --batch "$b" --quiet
      lines_of "$f"
    done
    same sluice.csv
  done
  # JSON Lines, CSV with a mask, and CSV to standard output (a pipe into a file)
  for l in "${launchers[@]}"; do
    j=$(out "$l" sluice.jsonl) m=$(out "$l" masked.csv) o=$(out "$l" stdout.csv)
    rm -f "$j" "$m" "$o"
    measure "export sluice - (stdout)$(tag "$l")" bash -c '"$0" "$@" | cat >"'"$o"'"' "$l" export - --to csv --table cli_rows --db "$db" --user sluice --quiet
    cmp -s "$o" "$work/sluice.csv" || { echo "bench/jdbc-cli.sh: $o differs from the file export" >&2; exit 1; }
    measure "export sluice .jsonl$(tag "$l")" "$l" export "$j" --table cli_rows --db "$db" --user sluice --quiet
    [ "$(wc -l <"$j")" = "$ROWS" ] || { echo "bench/jdbc-cli.sh: $j has not $ROWS rows" >&2; exit 1; }
    measure "export sluice --mask email$(tag "$l")" "$l" export "$m" --table cli_rows --db "$db" --user sluice --mask email --quiet
    lines_of "$m"
  done
  same sluice.jsonl
  same masked.csv
  empty_target
  measure "import psql \\copy FROM" "${psql[@]}" -c "\\copy cli_target (id, name, email, amount, created) FROM '$work/psql.csv' CSV HEADER"
  rows_in "psql \\copy FROM"
  for b in $CLI_BATCHES; do
    sluice_import "import sluice --batch $b" --batch "$b"
  done
  sluice_import "import sluice (default batch)"
  # upsert: every key exists already, so each row is an update (of the same values, then of new ones)
  for l in "${launchers[@]}"; do
    measure "import sluice --upsert-key id$(tag "$l")" "$l" import "$work/sluice.csv" --table cli_target --db "$db" --user sluice --upsert-key id --quiet
    rows_in "sluice import --upsert-key id"
  done
  if [ ! -f "$work/changed.csv" ]; then
    sql -c "\\copy (SELECT id, name || 'x' AS name, 'x' || email AS email, amount + 1 AS amount, created + INTERVAL '1 day' AS created FROM cli_rows ORDER BY id) TO '$work/changed.csv' CSV HEADER"
  fi
  if [ ! -f "$work/upsert-psql.sql" ]; then # psql running the upsert's own statements: reference
    rm -rf "$work/changed-parts" && mkdir "$work/changed-parts"
    tail -n +2 "$work/changed.csv" | split -l 50000 -d -a 4 - "$work/changed-parts/p"
    {
      echo "CREATE TEMPORARY TABLE stage ON COMMIT DELETE ROWS AS SELECT id, name, email, amount, created FROM cli_target WITH NO DATA;"
      echo "ALTER TABLE stage ADD COLUMN arrival BIGSERIAL;"
      for part in "$work"/changed-parts/p*; do
        echo "BEGIN;"
        echo "\\copy stage (id, name, email, amount, created) FROM '$part' CSV"
        echo "MERGE INTO cli_target AS t USING (SELECT DISTINCT ON (id) id, name, email, amount, created FROM stage ORDER BY id, arrival DESC) AS r ON t.id = r.id" \
          "WHEN MATCHED AND NOT (ROW(t.name, t.email, t.amount, t.created)::record OPERATOR(pg_catalog.*=) ROW(r.name, r.email, r.amount, r.created)::record)" \
          "THEN UPDATE SET name = r.name, email = r.email, amount = r.amount, created = r.created" \
          "WHEN NOT MATCHED THEN INSERT (id, name, email, amount, created) VALUES (r.id, r.name, r.email, r.amount, r.created);"
        echo "COMMIT;"
      done
    } >"$work/upsert-psql.sql"
  fi
  first=
  sql -c "TRUNCATE cli_target" -c "INSERT INTO cli_target SELECT * FROM cli_rows" -c "VACUUM ANALYZE cli_target"
  measure "import psql MERGE (the upsert's SQL), changed" "${psql[@]}" -f "$work/upsert-psql.sql"
  first=$(table_sum)
  for l in "${launchers[@]}"; do
    sql -c "TRUNCATE cli_target" -c "INSERT INTO cli_target SELECT * FROM cli_rows" -c "VACUUM ANALYZE cli_target"
    measure "import sluice --upsert-key id, changed$(tag "$l")" "$l" import "$work/changed.csv" --table cli_target --db "$db" --user sluice --upsert-key id --quiet
    rows_in "sluice import --upsert-key id, changed"
    sum=$(table_sum)
    if [ "$sum" != "$first" ]; then echo "bench/jdbc-cli.sh: the upsert left another table than psql's statements" >&2; exit 1; fi
  done
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "CLI: $ROWS rows x 5 columns, the launcher with its defaults (-XX:+UseSerialGC, default heap),"
echo "load $load_at_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; medians of $ROUNDS interleaved rounds; ratio = seconds / psql's"
printf '%-46s %9s %11s %9s %12s %8s  %s\n' run seconds rows/s "/ psql" "peak RSS MB" "CPU s" "seconds of each run"
for key in "${order[@]}"; do
  m=$(median ${all[$key]})
  case $key in export*) base=$(median ${all["export psql \\copy TO"]}) ;; *) base=$(median ${all["import psql \\copy FROM"]}) ;; esac
  printf '%-46s %9.2f %11.0f %9.2f %12d %8.2f  %s\n' "$key" "$m" "$(awk "BEGIN { print $ROWS / $m }")" \
    "$(awk "BEGIN { print $m / $base }")" "${rss[$key]}" "$(median ${cpu[$key]})" "${all[$key]}"
done
echo "(CPU s: median user + sys of the client process: the launcher, the JVM or psql; not the server's)"
if [ -n "$BASE" ]; then
  echo
  echo "this tree against BASE=$BASE (the same bytes and tables): base seconds / these seconds, and the same of CPU seconds"
  for key in "${order[@]}"; do
    if [[ $key != *" (base)" ]] && [ -n "${all["$key (base)"]:-}" ]; then
      printf '%-46s %6.2f  CPU %6.2f\n' "$key" "$(awk "BEGIN { print $(median ${all["$key (base)"]}) / $(median ${all[$key]}) }")" \
        "$(awk "BEGIN { print $(median ${cpu["$key (base)"]}) / $(median ${cpu[$key]}) }")"
    fi
  done
fi
