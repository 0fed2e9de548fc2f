#!/usr/bin/env bash
# ETL benchmark through the CLI as a user runs it (launcher and JVM start included): a users CSV to
# JSON Lines with the e-mail column masked, by
#  (a) `./sluice convert IN OUT --mask email` with JAVA_OPTS=-Xmx64m (the launcher adds its
#      -XX:+UseSerialGC and its class-data sharing archive),
#  (b) the independent peers' hand-written loop, FastCSV + Jackson on one thread
#      (perf.CsvToJsonl, java -Xmx64m -XX:+UseSerialGC),
#  (e) the independent peers' byte-level converter written for this one file layout, no strings
#      (perf.ByteCsvToJsonl, the same java options): the practical single-thread limit,
#  (d) Node.js with the csv-parse package (bench/node/csv-parse.js), if node is installed
#      (INSTALL_NODE=1 installs it with apt-get).
# The peers are read from PEERS (default ../shared/peers/etl beside the repository; see its
# README): built there into a copy in $TMPDIR (the folder is read-only), never into the project.
# The input is the peers' generator (gen_csv.py, seed 42) at each of SIZES megabytes (default 300;
# the report used SIZES="300 1000"). Every program runs RUNS times (default 3) interleaved, so a
# noisy minute hits them all; the table shows median seconds, MB/s, the ratio to (a) and the
# highest peak RSS (/usr/bin/time), and every run's seconds follow it. Outputs are compared with
# (a) byte for byte. Other work on the machine moves single runs by tens of percent: compare
# medians, and rerun.
# With RESUME_AT=F (such as 0.8) it measures `convert --resume` instead: one run of (a) with
# --resume is killed (SIGKILL) once F of the rows are committed, its state kept, and the resume is
# timed RUNS times from that state (against BASE_JAR too, when given: a jar of another build, whose
# own killed state it resumes). The resumed outputs are compared with an uninterrupted run's.
# Settings: SIZES, RUNS, SKIP_NODE=1, PEERS, RESUME_AT, BASE_JAR. Data in bench/work/etl.
# Output: stdout and bench/results/etl-<UTC time>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
SIZES=${SIZES:-300}
RUNS=${RUNS:-3}
PEERS=${PEERS:-$PWD/../shared/peers/etl}
PEER_OPTS=(-Xmx64m -XX:+UseSerialGC)
work=bench/work/etl
mkdir -p "$work" bench/results
if [ ! -x /usr/bin/time ]; then
  echo "bench/etl.sh: needs /usr/bin/time (apt-get install -y time)" >&2
  exit 1
fi
if [ ! -f "$PEERS/gen_csv.py" ]; then
  echo "bench/etl.sh: no peers in $PEERS (set PEERS)" >&2
  exit 1
fi

# The peers, built from their own folder into a copy outside the project.
peers_build="${TMPDIR:-/tmp}/sluice-etl-peers"
if [ ! -f "$peers_build/target/etl-peers.jar" ] || [ -n "$(find "$PEERS" -newer "$peers_build/target/etl-peers.jar" -type f -print -quit)" ]; then
  echo "building the peers in $peers_build ..." >&2
  rm -rf "$peers_build"
  cp -r "$PEERS" "$peers_build"
  chmod -R u+w "$peers_build"
  (cd "$peers_build" && mvn -q -B -ntp package >"$peers_build/build.log" 2>&1) ||
    { cat "$peers_build/build.log" >&2; exit 1; }
fi
peers_jar="$peers_build/target/etl-peers.jar"

node=
if [ "${SKIP_NODE:-0}" != 1 ]; then
  if ! command -v node >/dev/null && [ "${INSTALL_NODE:-0}" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  if command -v node >/dev/null; then
    [ -d bench/node/node_modules/csv-parse ] || (cd bench/node && npm ci --no-audit --no-fund --silent)
    node=node
  else
    echo "bench/etl.sh: no node; skipping (d) (INSTALL_NODE=1 installs it)" >&2
  fi
fi

# The CLI: built by the launcher; one tiny run first so its start-up archive exists.
printf 'id,name,email\n1,A,a@example.org\n' >"$work/tiny.csv"
SLUICE_CDS=wait ./sluice convert "$work/tiny.csv" "$work/tiny.jsonl" --mask email --quiet

declare -A secs rss all cpu
measure() { # key command...: records the seconds and CPU seconds of this run, the highest peak RSS (MB)
  local key=$1 s kb user sys
  shift
  sync
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" ||
    { cat "$work/stderr.txt" >&2; echo "bench/etl.sh: $key failed: $*" >&2; exit 1; }
  read -r s kb user sys <"$work/time.txt"
  all[$key]="${all[$key]:-}${all[$key]:+ }$s"
  cpu[$key]="${cpu[$key]:-}${cpu[$key]:+ }$(awk "BEGIN { print $user + $sys }")"
  if [ $((kb / 1024)) -gt "${rss[$key]:-0}" ]; then rss[$key]=$((kb / 1024)); fi
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# convert --resume killed at RESUME_AT of the rows, then resumed RUNS times: prints the seconds.
resume() { # label jar input
  local label=$1 jar=$2 in=$3 res=$work/resume.jsonl want pid rows
  want=$(awk "BEGIN { printf \"%d\", ($(wc -l <"$in") - 1) * $RESUME_AT }")
  rm -f "$res" "$res.part" "$res.part.pos"
  java -Xmx64m -XX:+UseSerialGC -jar "$jar" convert "$in" "$res" --mask email --resume --quiet &
  pid=$!
  while kill -0 $pid 2>/dev/null; do
    rows=$(sed -n 4p "$res.part.pos" 2>/dev/null || true)
    if [ "${rows:-0}" -ge "$want" ]; then kill -9 $pid; break; fi
    sleep 0.05
  done
  wait $pid 2>/dev/null || true
  [ -f "$res.part.pos" ] || { echo "bench/etl.sh: $label finished before $RESUME_AT of the rows" >&2; exit 1; }
  cp "$res.part" "$work/saved.part" && cp "$res.part.pos" "$work/saved.pos"
  local times="" s
  for ((run = 1; run <= RUNS; run++)); do
    cp "$work/saved.part" "$res.part" && cp "$work/saved.pos" "$res.part.pos" && sync
    /usr/bin/time -f '%e %U %S' -o "$work/time.txt" java -Xmx64m -XX:+UseSerialGC -jar "$jar" convert "$in" "$res" --mask email --resume --quiet
    read -r s user sys <"$work/time.txt"
    times+=" $s/$(awk "BEGIN { print $user + $sys }")"
  done
  printf '%-28s killed at %s of %s rows; resumes (wall/CPU s):%s; output %s\n' "$label" \
    "$(sed -n 4p "$work/saved.pos")" "$(($(wc -l <"$in") - 1))" "$times" \
    "$(cmp -s "$res" "$work/clean.jsonl" && echo identical || echo DIFFERENT)"
}
if [ -n "${RESUME_AT:-}" ]; then
  out="bench/results/etl-resume-$(date -u +%Y%m%dT%H%M%SZ).txt"
  echo "# bench/etl.sh RESUME_AT=$RESUME_AT $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); java -Xmx64m -XX:+UseSerialGC -jar JAR convert IN OUT --mask email --resume" | tee "$out"
  for mb in $SIZES; do
    in="$work/peers-${mb}mb.csv"
    [ -f "$in" ] || python3 "$PEERS/gen_csv.py" "$in" $((mb * 1000000)) 2>/dev/null
    java -Xmx64m -XX:+UseSerialGC -jar sluice-cli/target/sluice.jar convert "$in" "$work/clean.jsonl" --mask email --quiet
    resume "this build, $mb MB" sluice-cli/target/sluice.jar "$in" | tee -a "$out"
    [ -n "${BASE_JAR:-}" ] && resume "BASE_JAR, $mb MB" "$BASE_JAR" "$in" | tee -a "$out"
    echo "# load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
  done
  exit 0
fi

out="bench/results/etl-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# bench/etl.sh $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1), node $(node --version 2>/dev/null || echo none)"
  echo "# (a) JAVA_OPTS=-Xmx64m ./sluice convert IN OUT --mask email --quiet"
  echo "# (b) java ${PEER_OPTS[*]} -cp etl-peers.jar perf.CsvToJsonl IN OUT        (peers: $PEERS)"
  echo "# (e) java ${PEER_OPTS[*]} -cp etl-peers.jar perf.ByteCsvToJsonl IN OUT"
  [ -n "$node" ] && echo "# (d) node bench/node/csv-parse.js IN OUT email"
  echo "# medians of $RUNS interleaved runs; ratio = seconds / seconds of (a); CPU s = user + sys; peak RSS the highest of the runs"
} | tee "$out"
for mb in $SIZES; do
  in="$work/peers-${mb}mb.csv"
  if [ ! -f "$in" ]; then
    echo "generating $in ..." >&2
    python3 "$PEERS/gen_csv.py" "$in.tmp" $((mb * 1000000)) 2>/dev/null
    mv "$in.tmp" "$in"
  fi
  size=$(stat -L -c %s "$in")
  secs=() rss=() all=() cpu=()
  keys=(a b e)
  [ -n "$node" ] && keys+=(d)
  # Each program writes into a folder emptied just before (not timed), and its output is
  # checksummed and removed after: on this virtual machine a program that writes 1 GB into pages
  # not freed a moment ago spends up to ten times the kernel time (dd shows it: 3.5 s against
  # 0.3 s), so outputs left by the runs before would tax whichever runs next.
  declare -A sums=()
  run_one() { # key command...
    local key=$1
    rm -f "$work"/[abed].jsonl
    measure "$@"
    local sum
    sum=$(md5sum <"$work/$key.jsonl")
    if [ -n "${sums[$key]:-}" ] && [ "${sums[$key]}" != "$sum" ]; then sums[$key]=differs-between-runs; else sums[$key]=$sum; fi
    rm -f "$work/$key.jsonl"
  }
  for ((run = 1; run <= RUNS; run++)); do
    run_one a env JAVA_OPTS=-Xmx64m ./sluice convert "$in" "$work/a.jsonl" --mask email --quiet
    run_one b java "${PEER_OPTS[@]}" -cp "$peers_jar" perf.CsvToJsonl "$in" "$work/b.jsonl"
    run_one e java "${PEER_OPTS[@]}" -cp "$peers_jar" perf.ByteCsvToJsonl "$in" "$work/e.jsonl"
    [ -n "$node" ] && run_one d node bench/node/csv-parse.js "$in" "$work/d.jsonl" email
  done
  same=""
  for k in b e d; do
    [ -n "${sums[$k]:-}" ] || continue
    same+=" ($k) $([ "${sums[a]}" = "${sums[$k]}" ] && echo identical || echo DIFFERENT)"
  done
  rm -f "$work"/[abed].jsonl
  for k in "${keys[@]}"; do secs[$k]=$(median ${all[$k]}); done
  {
    echo
    echo "input $in: $((size / 1000000)) MB, $(($(wc -l <"$in") - 1)) rows; output compared with (a):$same"
    printf '%-40s %8s %8s %12s %8s %12s  %s\n' run seconds MB/s "time / (a)" "CPU s" "peak RSS MB" "seconds of each run"
    for k in "${keys[@]}"; do
      case $k in
        a) label="(a) sluice convert --mask email" ;; b) label="(b) peers FastCSV + Jackson loop" ;;
        e) label="(e) peers byte-level reference" ;; d) label="(d) node csv-parse" ;;
      esac
      printf '%-40s %8.2f %8.1f %12.2f %8.2f %12d  %s\n' "$label" "${secs[$k]}" \
        "$(awk "BEGIN { print $size / 1000000 / ${secs[$k]} }")" \
        "$(awk "BEGIN { print ${secs[$k]} / ${secs[a]} }")" "$(median ${cpu[$k]})" "${rss[$k]}" "${all[$k]}"
    done
  } | tee -a "$out"
done
