#!/usr/bin/env bash
# ETL benchmark: the same >= 1 GB users CSV to JSON Lines with the e-mail column masked, by
#  (a) the sluice CLI (`sluice convert --mask email`, two threads),
#  (b) a hand-written loop on FastCSV + Jackson (sluice-bench's HandLoopEtl, one thread),
#  (c) Node.js: readline + split(',') + JSON.stringify in an async generator + stream.pipeline,
#  (d) Node.js: the same with the csv-parse package,
#  (e) a byte-level reference: parsing, masking and JSON escaping on the bytes, no String per field
#      (sluice-bench's ByteLevelEtl, one thread), to show how far from that limit (a) is.
# (a), (b) and (e) run with the same JAVA_OPTS (default -Xmx64m -XX:+UseSerialGC, the collector the
# `sluice` launcher picks). Prints seconds, MB/s and peak RSS
# (from /usr/bin/time) side by side, and checks that (a), (b), (d) and (e) wrote identical output.
# (a), (b) and (e) run RUNS times (default 3), interleaved; the table shows the median seconds and
# the highest peak RSS, and the seconds of every run follow it. (c) and (d) run once.
# Settings: GB (default 1) input size; RSS_4GB=1 also runs (a) on a 4 GB input to compare peak
# RSS; SKIP_NODE=1 skips (c) and (d); SKIP_BUILD=1 reuses the jars. Data in bench/work/etl.
# Output: stdout and bench/results/etl-<UTC time>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
GB=${GB:-1}
RUNS=${RUNS:-3}
JAVA_OPTS=${JAVA_OPTS:--Xmx64m -XX:+UseSerialGC}
ROWS_PER_GB=9500000
work=bench/work/etl
mkdir -p "$work" bench/results
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f sluice-bench/target/benchmarks.jar ] || [ ! -f sluice-cli/target/sluice.jar ]; then
  ./build -q -pl sluice-cli,sluice-bench -am package -DskipTests
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench/etl.sh: needs /usr/bin/time (apt-get install -y time)" >&2
  exit 1
fi
cli=(java $JAVA_OPTS -jar sluice-cli/target/sluice.jar)

input() { # generates the users CSV of $1 GB once
  local file="$work/users-${1}g.csv"
  if [ ! -f "$file" ]; then
    echo "generating $file ..." >&2
    "${cli[@]}" generate "$file" --rows $(($1 * ROWS_PER_GB))
  fi
  printf '%s\n' "$file"
}

declare -A secs rss all
measure() { # name command...: runs it under /usr/bin/time, records seconds (the median of the
  # runs so far, all kept in all[name]) and peak RSS in MB (the highest)
  local name=$1; shift
  sync
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null
  read -r s kb <"$work/time.txt"
  all[$name]="${all[$name]:-}${all[$name]:+ }$s"
  secs[$name]=$(printf '%s\n' ${all[$name]} | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  local m=$((kb / 1024))
  if [ "$m" -gt "${rss[$name]:-0}" ]; then rss[$name]=$m; fi
}

in=$(input "$GB")
mb=$(($(stat -c %s "$in") / 1048576))
for ((run = 1; run <= RUNS; run++)); do # interleaved, so that a noisy minute hits all three
  measure a "${cli[@]}" convert "$in" "$work/a.jsonl" --mask email --quiet
  measure b java $JAVA_OPTS -cp sluice-bench/target/benchmarks.jar dev.sluice.bench.HandLoopEtl "$in" "$work/b.jsonl" email
  measure e java $JAVA_OPTS -cp sluice-bench/target/benchmarks.jar dev.sluice.bench.ByteLevelEtl "$in" "$work/e.jsonl" email
done
if [ "${SKIP_NODE:-0}" != 1 ]; then
  if [ ! -d bench/node/node_modules/csv-parse ]; then
    (cd bench/node && npm ci --no-audit --no-fund --silent)
  fi
  measure c node bench/node/readline-split.js "$in" "$work/c.jsonl" email
  measure d node bench/node/csv-parse.js "$in" "$work/d.jsonl" email
fi
same_b=$(cmp -s "$work/a.jsonl" "$work/b.jsonl" && echo identical || echo DIFFERENT)
same_d=$([ -f "$work/d.jsonl" ] && (cmp -s "$work/a.jsonl" "$work/d.jsonl" && echo identical || echo DIFFERENT) || echo skipped)
same_e=$(cmp -s "$work/a.jsonl" "$work/e.jsonl" && echo identical || echo DIFFERENT)
if [ "${RSS_4GB:-0}" = 1 ]; then
  in4=$(input 4)
  measure a4 "${cli[@]}" convert "$in4" "$work/a4.jsonl" --mask email --quiet
  rm -f "$work/a4.jsonl"
fi
rm -f "$work"/[abcde].jsonl

out="bench/results/etl-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# bench/etl.sh $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -n 1), node $(node --version 2>/dev/null || echo none)"
  echo "input $in, $mb MiB, JAVA_OPTS $JAVA_OPTS; output of (b) $same_b to (a), of (d) $same_d to (a), of (e) $same_e to (a)"
  printf '%-34s %9s %9s %12s\n' run seconds MiB/s "peak RSS MB"
  for k in a b c d e a4; do
    [ -n "${secs[$k]:-}" ] || continue
    case $k in
      a) label="(a) sluice convert" ;; b) label="(b) hand loop FastCSV+Jackson" ;;
      c) label="(c) node readline+split" ;; d) label="(d) node csv-parse" ;;
      e) label="(e) byte-level reference" ;;
      a4) label="(a) sluice convert, 4 GB input" ;;
    esac
    size=$mb
    [ "$k" = a4 ] && size=$(($(stat -c %s "$in4") / 1048576))
    printf '%-34s %9.2f %9.1f %12d\n' "$label" "${secs[$k]}" "$(awk "BEGIN { print $size / ${secs[$k]} }")" "${rss[$k]}"
  done
  printf 'speed-up of (a): %.2fx over (b)' "$(awk "BEGIN { print ${secs[b]} / ${secs[a]} }")"
  [ -n "${secs[c]:-}" ] && printf ', %.2fx over (c), %.2fx over (d)' \
    "$(awk "BEGIN { print ${secs[c]} / ${secs[a]} }")" "$(awk "BEGIN { print ${secs[d]} / ${secs[a]} }")"
  printf '; (a) is %.2fx the time of (e)\n' "$(awk "BEGIN { print ${secs[a]} / ${secs[e]} }")"
  echo "seconds of each run: (a) ${all[a]}; (b) ${all[b]}; (e) ${all[e]}"
} | tee "$out"
