#!/usr/bin/env bash
# SSE fan-out benchmark: one JVM (-Xmx256m) serving N concurrent SSE clients on loopback (default
# 10000), EVENTS events each (default 100) sent PACE_MS apart (default 10), by
#  (a) sluice: an SseServer serving a generator pipe (shared heartbeat timer, per-client buffer),
#  (b) jetty:  a hand-written Jetty 12 handler writing the same events (the floor),
# each run in its own JVM, ROUNDS times (default 3) interleaved (sluice, jetty, sluice, jetty, ...)
# so load from other work on the machine hits both alike. Each run prints delivered events, p50/p99
# delivery latency, process CPU time (the clients' share is the same in both) and peak RSS; then the
# medians per server and the CPU ratio sluice/jetty of the medians. Then (c): DISCONNECT clients
# (default 1000) leave mid-stream; the upstream runs and Sluice threads left alive must both be 0.
# Settings: N, EVENTS, PACE_MS, ROUNDS, DISCONNECT, SKIP_BUILD=1.
# Output: stdout and bench/results/sse-<UTC>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
N=${N:-10000}
EVENTS=${EVENTS:-100}
PACE_MS=${PACE_MS:-10}
ROUNDS=${ROUNDS:-3}
DISCONNECT=${DISCONNECT:-1000}
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
# clients and server share one process: two sockets per client
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((2 * N + 1000)) ]; then
  echo "sse.sh: warning: $(ulimit -n) open files allowed, $((2 * N + 1000)) needed when all $N streams overlap; clients may fail with 'Too many open files'" >&2
fi
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f sluice-bench/target/benchmarks.jar ]; then
  ./build -q -pl sluice-bench -am package -DskipTests
fi
mkdir -p bench/results
out=bench/results/sse-$(date -u +%Y%m%dT%H%M%SZ).txt
runs=$(mktemp "${TMPDIR:-/tmp}/sse-runs.XXXXXX")
trap 'rm -f "$runs"' EXIT
run() { java -Xmx256m -cp sluice-bench/target/benchmarks.jar dev.sluice.bench.SseFanout "$@"; }
# field NAME LINE: the number after NAME= in LINE (units stripped)
field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
{
  echo "# bench/sse.sh N=$N EVENTS=$EVENTS PACE_MS=$PACE_MS ROUNDS=$ROUNDS DISCONNECT=$DISCONNECT ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), open files $(ulimit -n), $(java -version 2>&1 | head -1))"
  for round in $(seq "$ROUNDS"); do
    for server in sluice jetty; do
      line=$(run "$server" "$N" "$EVENTS" "$PACE_MS")
      echo "round $round: $line"
      echo "$line" >>"$runs"
    done
  done
  for server in sluice jetty; do
    lines=$(grep "^$server " "$runs")
    for f in cpu p50 p99 peakRss wall; do
      printf '%s=%s ' "$f" "$(while read -r l; do field "$f" "$l"; done <<<"$lines" | median)"
    done | sed "s/^/median $server: /"
    echo " complete=$(awk -v want=$((N * EVENTS)) '{ for (i = 1; i <= NF; i++) if ($i ~ /^delivered=/) { split($i, a, "="); if (a[2] != want) bad++ } } END { print bad ? "no" : "yes" }' <<<"$lines")"
  done
  s=$(grep "^sluice " "$runs" | while read -r l; do field cpu "$l"; done | median)
  j=$(grep "^jetty " "$runs" | while read -r l; do field cpu "$l"; done | median)
  awk -v s="$s" -v j="$j" 'BEGIN { printf "cpu ratio sluice/jetty (medians): %.2f\n", s / j }'
  run disconnect "$DISCONNECT" 0 "$PACE_MS"
} | tee "$out"
