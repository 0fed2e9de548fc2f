#!/usr/bin/env bash
# Start-up benchmark: wall time of `./sluice --help`, of a 1-row `./sluice convert in.csv
# out.jsonl` and of a 10-row `./sluice export` from the embedded database, as a user runs them
# (the launcher script and JVM start included). Each case runs RUNS times (default 15), interleaved
# with the others so a noisy second hits all of them, after one untimed run each (the first run
# builds the jar and the class-data sharing archives); prints the median, min and max milliseconds
# per case. Other work on the machine shows as a wider spread: compare medians.
# PostgreSQL cases: SLUICE_BENCH_DB=jdbc:postgresql://… (user sluice, tables start_small of 10 rows
# and start_big) adds a 10-row export and an export of start_big; `ONLY=startup bench/run jdbc`
# starts a server, fills them (start_big: ROWS rows, default 1,000,000) and runs this.
# BASE=/path/to/another/sluice runs every case with that launcher too (another build, e.g. a copy
# of the last landing, run from a copy of its tree), interleaved, first in every other round.
# Extra cases: CASES="name=command;name=command" (run with bash -c from the repo root), e.g.
#   CASES="help-nocds=JAVA_OPTS=-Xshare:off ./sluice --help"
# Output: stdout and bench/results/startup-<UTC time>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-15}
work=bench/work/startup
mkdir -p "$work" bench/results
printf 'id,name,email\n1,Ada Lovelace,ada@example.org\n' >"$work/in.csv"
if [ ! -f "$work/h2/sluice.mv.db" ]; then # an embedded database with a table of 10 users
  rm -rf "$work/demo" "$work/h2"
  ./sluice demo --dir "$work/demo" --rows 10 --db-users 10 >/dev/null 2>&1
  mkdir -p "$work/h2" && mv "$work/demo/demo-db.mv.db" "$work/h2/sluice.mv.db"
fi
names=(help convert export-h2-10)
cmds=("./sluice --help" "./sluice convert $work/in.csv $work/out.jsonl --quiet"
  "./sluice export $work/h2.csv --table users --work $work/h2 --quiet")
if [ -n "${SLUICE_BENCH_DB:-}" ]; then
  names+=(export-pg-10 export-pg-big)
  cmds+=("./sluice export $work/pg10.csv --table start_small --db $SLUICE_BENCH_DB --user sluice --quiet"
    "./sluice export $work/pgbig.csv --table start_big --db $SLUICE_BENCH_DB --user sluice --quiet")
fi
if [ -n "${CASES:-}" ]; then
  IFS=';' read -r -a extra <<<"$CASES"
  for c in "${extra[@]}"; do names+=("${c%%=*}"); cmds+=("${c#*=}"); done
fi
BASE=${BASE:-}
if [ -n "$BASE" ]; then # every case again with the base launcher, writing files of its own
  n=${#names[@]}
  for ((i = 0; i < n; i++)); do
    names+=("${names[$i]}(base)")
    cmds+=("$(sed -e "s|^\\(.*\\)\\./sluice |\\1$BASE |" -e "s|$work/\\([a-z0-9]*\\)\\.\\(csv\\|jsonl\\)|$work/base-\\1.\\2|g" \
      -e "s|$work/base-in\\.csv|$work/in.csv|" <<<"${cmds[$i]}")")
  done
fi

for i in "${!names[@]}"; do # once untimed: builds the jar, makes the launcher's archives
  SLUICE_CDS=wait bash -c "${cmds[$i]}" >/dev/null 2>&1 || true
done

now_ns() { date +%s%N; }
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f '%U %S' -o "$work/cpu.txt"); fi
declare -A ms cpu
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
for ((run = 1; run <= RUNS; run++)); do
  order=("${!names[@]}")
  if [ -n "$BASE" ] && [ $((run % 2)) = 0 ]; then # the base's cases first in every other round
    half=$((${#names[@]} / 2))
    order=($(seq "$half" $((${#names[@]} - 1))) $(seq 0 $((half - 1))))
  fi
  for i in "${order[@]}"; do
    n=${names[$i]}
    rm -f "$work"/*.part "$work"/*.pos
    t0=$(now_ns)
    "${timer[@]}" bash -c "${cmds[$i]}" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
    t1=$(now_ns)
    ms[$n]="${ms[$n]:-} $(((t1 - t0) / 1000000))"
    if [ -n "${timer[*]}" ]; then cpu[$n]="${cpu[$n]:-} $(awk '{ print int(($1 + $2) * 1000) }' "$work/cpu.txt")"; fi
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

out="bench/results/startup-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# bench/startup.sh $(date -u +%FT%TZ), $(nproc) cores, load $load_at_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end, RUNS=$RUNS, JAVA_OPTS=${JAVA_OPTS:-}, $("$(sed -n 2p sluice-cli/target/jdk)/bin/java" -version 2>&1 | head -n 1)"
  echo "wall ms: median, min, max of the runs; cpu ms: median user+sys (launcher and JVM)"
  printf '%-20s %7s %7s %7s %7s  %s\n' case median min max cpu command
  for i in "${!names[@]}"; do
    n=${names[$i]}
    sorted=($(printf '%s\n' ${ms[$n]} | sort -n))
    printf '%-20s %7d %7d %7d %7s  %s\n' "$n" "$(median ${ms[$n]})" "${sorted[0]}" "${sorted[-1]}" \
      "$([ -n "${cpu[$n]:-}" ] && median ${cpu[$n]} || echo -)" "${cmds[$i]}"
  done
  if [ -n "$BASE" ]; then
    echo
    echo "BASE=$BASE: base median / this median"
    for i in "${!names[@]}"; do
      n=${names[$i]}
      if [[ $n != *"(base)" ]]; then
        printf '%-20s %6.2f\n' "$n" "$(awk "BEGIN { print $(median ${ms["$n(base)"]}) / $(median ${ms[$n]}) }")"
      fi
    done
  fi
} | tee "$out"
