#!/usr/bin/env bash
# SSE fan-out benchmark. A server JVM (-Xmx256m) serves N concurrent SSE clients on loopback
# (default 10000), EVENTS events each (default 100), PACE_MS apart (default 500: N/PACE_MS*1000
# events/s in all, 20,000/s by default); the clients run in a process of their own (SseClients: one
# thread, non-blocking sockets), so the server's CPU and latency are its own. Every stream starts
# when all N are open; PHASE=spread (default) spreads the streams' events evenly over one pace (a
# steady load), PHASE=aligned sends event i to all N clients at one instant (a broadcast). The
# data of each event is the nanoTime it was due; the clients measure due-to-read latency on the
# machine's one monotonic clock. Two servers:
#  (a) sluice: an SseServer serving a generator pipe per client (shared heartbeat timer, per-client
#      buffer, asynchronous writes),
#  (b) jetty:  a hand-written Jetty 12 handler writing the same events with blocking writes,
# each server first serves WARMUP events (default 10) to N warm-up clients (not measured: a server
# that has run a while, its code compiled); then the measured N clients come. Each, run
# ROUNDS times (default 3) interleaved (sluice, jetty, sluice, ...) so load from other work on the
# machine hits both alike. Each run prints the server's CPU, the time its threads waited for a CPU
# (runQueueWait: Linux schedstat, the machine's other work), peak RSS, GC count/time and longest
# GC pause, where its part of the latency went (wake: its stream ran late; write: emit to the
# socket), and the clients' delivered events, p50/p99/max latency, a timeline of late events
# (stderr of SseClients, in the results file); then the medians per server. Then DISCONNECT clients
# (default 1000) leave a relayed stream mid-way (SseDisconnect): the runs, streams and Sluice
# threads left alive must all be 0; it prints the time from a client closing its socket to its run
# ending and to the upstream's run ending.
# Open files: each process holds one socket per client (the two ends of a loopback connection are
# in different processes), so each needs N + ~200 descriptors; the soft limit is raised to the hard
# limit. Settings: N, EVENTS, PACE_MS, PHASE, WARMUP, ROUNDS, DISCONNECT, JFR=1 (a flight recording of each
# server run, in bench/results), SERVER_OPTS (JVM flags for both servers alike, such as -XX:+UseZGC;
# -Xmx256m is always given), SKIP_BUILD=1.
# Output: stdout and bench/results/sse-<UTC>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
N=${N:-10000}
EVENTS=${EVENTS:-100}
PACE_MS=${PACE_MS:-500}
PHASE=${PHASE:-spread}
ROUNDS=${ROUNDS:-3}
DISCONNECT=${DISCONNECT:-1000}
WARMUP=${WARMUP:-10}
SERVER_OPTS=${SERVER_OPTS:-}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((N + 200)) ]; then
  echo "sse.sh: $(ulimit -n) open files allowed (hard limit $(ulimit -Hn)); $((N + 200)) needed per process for N=$N" >&2
  exit 2
fi
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f sluice-bench/target/benchmarks.jar ]; then
  ./build -q -pl sluice-bench -am package -DskipTests
fi
mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/sse-$stamp.txt
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sse.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
jar=sluice-bench/target/benchmarks.jar
# run SERVER ROUND: one server process and one client process; prints "SERVER-LINE | CLIENT-LINE"
run() {
  local server=$1 round=$2 port line stats clients pid pause jfr=()
  if [ "${JFR:-0}" = 1 ]; then
    jfr=("-XX:StartFlightRecording=filename=bench/results/sse-$stamp-$server-$round.jfr,settings=profile")
  fi
  coproc SERVER { exec java -Xmx256m ${SERVER_OPTS:-} -Xlog:gc:file="$tmp/gc.log" "${jfr[@]}" -cp "$jar" \
    dev.sluice.bench.SseFanout serve "$server" "$N" "$EVENTS" "$PACE_MS" "$PHASE" "$WARMUP" 2>"$tmp/server.err"; }
  pid=$SERVER_PID
  # the server's stdout: its port, then its stats line (skipping what else the JVM prints there,
  # such as JFR's start-up message with JFR=1)
  line=
  while [[ $line != port=* ]]; do
    read -r line <&"${SERVER[0]}" || { cat "$tmp/server.err" >&2; return 1; }
  done
  port=${line#port=}
  if [ "$WARMUP" -gt 0 ]; then
    java -Xmx64m -XX:+UseSerialGC -cp "$jar" dev.sluice.bench.SseClients "$port" "$N" "$WARMUP" >/dev/null 2>&1
    # the warm-up's sockets close before the measured clients come (N + 200 descriptors each)
    while [ "$(ls "/proc/$pid/fd" | wc -l)" -gt 300 ]; do sleep 0.2; done
    echo measure >&"${SERVER[1]}"
  fi
  clients=$(java -Xmx64m -XX:+UseSerialGC -cp "$jar" dev.sluice.bench.SseClients "$port" "$N" "$EVENTS" 2>"$tmp/timeline")
  echo stop >&"${SERVER[1]}"
  stats=
  while [[ $stats != "$server "* ]]; do
    read -r stats <&"${SERVER[0]}" || { cat "$tmp/server.err" >&2; return 1; }
  done
  wait "$pid" || true
  pause=$(sed -nE 's/.*Pause.* ([0-9.]+)ms$/\1/p' "$tmp/gc.log" | sort -g | tail -1)
  echo "$stats maxPause=${pause:-0}ms | $clients"
  sed "s/^/  $server round $round: /" "$tmp/timeline" >>"$tmp/timelines"
}
# field NAME LINE: the first number after NAME= in LINE (units stripped)
field() { sed -E "s/^.* $1=([-0-9.]+).*$/\1/" <<<" $2"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
{
  echo "# bench/sse.sh N=$N EVENTS=$EVENTS PACE_MS=$PACE_MS PHASE=$PHASE WARMUP=$WARMUP ROUNDS=$ROUNDS DISCONNECT=$DISCONNECT SERVER_OPTS='$SERVER_OPTS' ($((N * 1000 / PACE_MS)) events/s offered; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), open files $(ulimit -n), $(java -version 2>&1 | head -1))"
  for round in $(seq "$ROUNDS"); do
    for server in sluice jetty; do
      line=$(run "$server" "$round")
      echo "round $round: $line"
      echo "$line" >>"$tmp/runs"
    done
  done
  for server in sluice jetty; do
    lines=$(grep "^$server " "$tmp/runs")
    for f in p50 p99 max cpu runQueueWait clientCpu peakRss gcMs maxPause; do
      printf '%s=%s ' "$f" "$(while read -r l; do field "$f" "$l"; done <<<"$lines" | median)"
    done | sed "s/^/median $server: /"
    echo " complete=$(awk -v want=$((N * EVENTS)) '{ for (i = 1; i <= NF; i++) if ($i ~ /^delivered=/) { split($i, a, "="); if (a[2] != want) bad++ } } END { print bad ? "no" : "yes" }' <<<"$lines")"
  done
  s=$(grep "^sluice " "$tmp/runs" | while read -r l; do field cpu "$l"; done | median)
  j=$(grep "^jetty " "$tmp/runs" | while read -r l; do field cpu "$l"; done | median)
  awk -v s="$s" -v j="$j" 'BEGIN { printf "server cpu ratio sluice/jetty (medians): %.2f\n", s / j }'
  echo "timelines:"
  cat "$tmp/timelines"
  if [ "$DISCONNECT" -gt 0 ]; then
    # events 200 ms apart (5,000/s per server at 1,000 clients, through two servers); the clients
    # leave all at once after 10 events, then one after the other over 10 s
    java -Xmx256m -cp "$jar" dev.sluice.bench.SseDisconnect "$DISCONNECT" 200 1 2>/dev/null
    java -Xmx256m -cp "$jar" dev.sluice.bench.SseDisconnect "$DISCONNECT" 200 50 2>/dev/null
  fi
} | tee "$out"
