#!/usr/bin/env bash
# SSE fan-out benchmark: one JVM (-Xmx256m) serving N concurrent SSE clients on loopback (default
# 10000), EVENTS events each (default 100) sent PACE_MS apart (default 10), by
#  (a) sluice: an SseServer serving a generator pipe (heartbeat timer, bounded buffer per client),
#  (b) jetty:  a hand-written Jetty 12 handler writing the same events (the floor),
# each in its own JVM; prints delivered events, p50/p99 delivery latency, process CPU time (the
# clients' share is the same in both) and peak RSS. Then (c): DISCONNECT clients (default 1000) leave
# mid-stream; the upstream runs and Sluice threads left alive must both be 0.
# Settings: N, EVENTS, PACE_MS, DISCONNECT, SKIP_BUILD=1. Output: stdout and bench/results/sse-<UTC>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
N=${N:-10000}
EVENTS=${EVENTS:-100}
PACE_MS=${PACE_MS:-10}
DISCONNECT=${DISCONNECT:-1000}
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f sluice-bench/target/benchmarks.jar ]; then
  ./build -q -pl sluice-bench -am package -DskipTests
fi
mkdir -p bench/results
out=bench/results/sse-$(date -u +%Y%m%dT%H%M%SZ).txt
run() { java -Xmx256m -cp sluice-bench/target/benchmarks.jar dev.sluice.bench.SseFanout "$@"; }
{
  echo "# bench/sse.sh N=$N EVENTS=$EVENTS PACE_MS=$PACE_MS DISCONNECT=$DISCONNECT ($(nproc) cores, $(java -version 2>&1 | head -1))"
  run sluice "$N" "$EVENTS" "$PACE_MS"
  run jetty "$N" "$EVENTS" "$PACE_MS"
  run disconnect "$DISCONNECT" 0 "$PACE_MS"
} | tee "$out"
