#!/usr/bin/env bash
# Two builds of the CLI side by side: runs the same command with jar A and jar B alternately,
# RUNS times each (default 5), under JAVA_OPTS (default -Xmx64m -XX:+UseSerialGC), and prints wall
# seconds, CPU seconds (user + sys) and peak RSS of every run, then the medians and B/A ratios.
# The outputs of the last two runs are compared byte for byte.
#   bench/ab.sh OLD.jar NEW.jar OUT_EXTENSION convert INPUT --mask email
# e.g. the last landing against this tree:
#   git worktree add /tmp/base <commit> && (cd /tmp/base && ./build -q -pl sluice-cli -am package -DskipTests)
#   bench/ab.sh /tmp/base/sluice-cli/target/sluice.jar sluice-cli/target/sluice.jar jsonl convert big.csv --mask email
# (the output file is the command's last positional argument, added by the script).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
[ $# -ge 4 ] || { sed -n '2,11p' "$0"; exit 2; }
a=$1 b=$2 ext=$3
shift 3
cmd=$1
shift
input=$1
shift
runs=${RUNS:-5}
opts=${JAVA_OPTS:--Xmx64m -XX:+UseSerialGC}
[ -x /usr/bin/time ] || { echo "bench/ab.sh: needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sluice-ab.XXXXXX")
trap 'rm -rf "$work"' EXIT
for i in $(seq "$runs"); do
  for v in A B; do
    jar=$a
    [ $v = B ] && jar=$b
    s=$(date +%s.%N)
    # shellcheck disable=SC2086
    /usr/bin/time -f "%U %S %M" -o "$work/time" java $opts -jar "$jar" "$cmd" "$input" "$work/out-$v.$ext" "$@" --quiet
    e=$(date +%s.%N)
    read -r user sys rss <"$work/time"
    echo "$v $(echo "$e - $s" | bc) $(echo "$user + $sys" | bc) $rss" | tee -a "$work/runs"
  done
done
cmp -s "$work/out-A.$ext" "$work/out-B.$ext" && echo "outputs: identical" || echo "outputs: DIFFER"
awk '{ w[$1] = w[$1] " " $2; c[$1] = c[$1] " " $3; r[$1] = ($4 > r[$1] ? $4 : r[$1]) }
  function median(list,   n, x, i, j, t) { n = split(list, x, " ");
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
    return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
  END { wa = median(w["A"]); wb = median(w["B"]); ca = median(c["A"]); cb = median(c["B"]);
    printf "median wall A %.2f s, B %.2f s (B/A %.2f); CPU A %.2f s, B %.2f s (B/A %.2f); peak RSS A %d MB, B %d MB\n",
      wa, wb, wb / wa, ca, cb, cb / ca, r["A"] / 1024, r["B"] / 1024 }' "$work/runs"
