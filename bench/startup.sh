#!/usr/bin/env bash
# Start-up benchmark: wall time of `./sluice --help` and of a 1-row `./sluice convert in.csv
# out.jsonl`, as a user runs them (the launcher script and JVM start included). Each case runs
# RUNS times (default 15), interleaved with the others so a noisy second hits all of them, after
# one untimed run each (the first run builds the jar and the class-data sharing archives); prints
# the median, min and max milliseconds per case. Other work on the machine shows as a wider spread:
# compare medians.
# Extra cases: CASES="name=command;name=command" (run with bash -c from the repo root), e.g.
#   CASES="help-nocds=JAVA_OPTS=-Xshare:off ./sluice --help"
# Output: stdout and bench/results/startup-<UTC time>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-15}
work=bench/work/startup
mkdir -p "$work" bench/results
printf 'id,name,email\n1,Ada Lovelace,ada@example.org\n' >"$work/in.csv"
names=(help convert)
cmds=("./sluice --help" "./sluice convert $work/in.csv $work/out.jsonl --quiet")
if [ -n "${CASES:-}" ]; then
  IFS=';' read -r -a extra <<<"$CASES"
  for c in "${extra[@]}"; do names+=("${c%%=*}"); cmds+=("${c#*=}"); done
fi

for i in "${!names[@]}"; do # once untimed: builds the jar, makes the launcher's archives
  SLUICE_CDS=wait bash -c "${cmds[$i]}" >/dev/null 2>&1 || true
done

now_ns() { date +%s%N; }
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f '%U %S' -o "$work/cpu.txt"); fi
declare -A ms cpu
for ((run = 1; run <= RUNS; run++)); do
  for i in "${!names[@]}"; do
    n=${names[$i]}
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
  echo "# bench/startup.sh $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), RUNS=$RUNS, JAVA_OPTS=${JAVA_OPTS:-}"
  echo "wall ms: median, min, max of the runs; cpu ms: median user+sys (launcher and JVM)"
  printf '%-14s %7s %7s %7s %7s  %s\n' case median min max cpu command
  for i in "${!names[@]}"; do
    n=${names[$i]}
    sorted=($(printf '%s\n' ${ms[$n]} | sort -n))
    printf '%-14s %7d %7d %7d %7s  %s\n' "$n" "$(median ${ms[$n]})" "${sorted[0]}" "${sorted[-1]}" \
      "$([ -n "${cpu[$n]:-}" ] && median ${cpu[$n]} || echo -)" "${cmds[$i]}"
  done
} | tee "$out"
