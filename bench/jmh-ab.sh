#!/usr/bin/env bash
# A JMH suite of two builds side by side: bench/jmh-ab.sh OLD.jar NEW.jar CLASS [JMH options...]
# OLD.jar and NEW.jar are sluice-bench/target/benchmarks.jar of two builds (copy one aside before
# rebuilding); CLASS is a benchmark class (CoreBenchmark, AsyncBenchmark). ROUNDS (default 3)
# rounds, interleaved old, new, old, new, ... so load from other work on the machine hits both
# alike; each round is one JMH fork (-f 1 -wi 3 -i 5 -w 2 -r 2 unless JMH options are given). Only
# the benchmarks both builds have are compared. Prints the median score of each benchmark per
# build and new/old (for a time per operation, below 1 is faster), and writes the table and every
# round's raw scores to bench/results/jmh-ab-CLASS-<UTC>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
if [ $# -lt 3 ]; then
  echo "usage: bench/jmh-ab.sh OLD.jar NEW.jar CLASS [JMH options...]" >&2
  exit 2
fi
old=$1 new=$2 class=$3
shift 3
opts=("$@")
if [ ${#opts[@]} -eq 0 ]; then opts=(-f 1 -wi 3 -i 5 -w 2 -r 2); fi
ROUNDS=${ROUNDS:-3}
mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/jmh-ab-$class-$stamp.txt
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jmh-ab.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
{
  echo "# bench/jmh-ab.sh $old $new $class ${opts[*]} ROUNDS=$ROUNDS ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1))"
  for round in $(seq 1 "$ROUNDS"); do
    for build in old new; do
      jar=$old
      [ $build = new ] && jar=$new
      java -jar "$jar" "$class" "${opts[@]}" -rf csv -rff "$tmp/$build-$round.csv" >/dev/null 2>&1 ||
        { echo "jmh-ab: the $build build failed in round $round" >&2; exit 1; }
      # "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
      awk -F, -v b=$build -v r="$round" 'NR > 1 { gsub(/"/, ""); n = split($1, p, "."); printf "round %s %s %s %s %s\n", r, b, p[n], $5, $7 }' \
        "$tmp/$build-$round.csv"
    done
  done | tee "$tmp/raw"
  echo "== medians of $ROUNDS rounds (new/old: below 1 is faster for a time per operation)"
  awk '{ key = $4; unit[key] = $6; v[$3, key, ++n[$3, key]] = $5; names[key] = 1 }
       function median(b, k,   m, i, j, t, a) {
         m = n[b, k]; for (i = 1; i <= m; i++) a[i] = v[b, k, i]
         for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
         return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
       END { for (k in names) if (n["old", k] && n["new", k])
               printf "%-30s old %10.3f  new %10.3f %-8s new/old %.2f\n", k, median("old", k), median("new", k), unit[k], median("new", k) / median("old", k) }' \
    "$tmp/raw" | sort
} | tee "$out"
echo "written to $out" >&2
