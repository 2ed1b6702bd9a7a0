#!/usr/bin/env bash
# Replay benchmark: a steady fleet written by `precursor simulate`, replayed from its files.
# Usage: bench/replay-from-files.sh [INSTANCES] [DURATION] [SLOW_PER_SECOND] [FAILOVERS] [WORK_DIR]
# Defaults: the issue's target, 100 instances x one day at 5 slow-log entries/s each, 4 failovers.
# Environment: LOG_FORMAT=filter_log_events exports the logs per log group instead of as Kinesis
# get-records; JFR=1 records a flight recording (profile settings) into the run's folder;
# JAVA_OPTS goes to the replay's JVM, REPLAY_ARGS to the replay command (e.g.
# "--set ingest.replay.sort.max.records=10000" to make it spill sorted runs).
set -euo pipefail
cd "$(dirname "$0")/.."
instances=${1:-100}
duration=${2:-P1D}
rate=${3:-5}
failovers=${4:-4}
work=${5:-bench/target/replay}
jar=launcher/target/precursor.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl launcher -am

log_format=${LOG_FORMAT:-get_records}
scenario="$work/fleet-$instances-$duration-$rate-$log_format"
mkdir -p "$work"
if [ ! -f "$scenario/scenario.json" ]; then
  echo "writing $scenario"
  /usr/bin/time -f "simulate: %e s wall, %M KiB peak RSS" \
    java -jar "$jar" simulate --scenario steady-fleet --instances "$instances" --duration "$duration" \
      --slow-queries-per-second "$rate" --failovers "$failovers" --seed 20261117 \
      --log-format "$log_format" --out "$scenario" >/dev/null
fi
du -sh "$scenario"

run="$work/run-$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "$run"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
jfr=""
[ "${JFR:-0}" = 1 ] && jfr="-XX:StartFlightRecording=filename=$run/replay.jfr,settings=profile"
# GC log: the heap used before each collection, whose maximum is the peak heap.
/usr/bin/time -v -o "$run/time.txt" \
  java ${JAVA_OPTS:-} $jfr -Xlog:gc:file="$run/gc.log" -jar "$jar" replay --dir "$scenario" --out "$run" \
    --timeout PT3H ${REPLAY_ARGS:-} >"$run/replay.out" 2>"$run/replay.err" || { tail -20 "$run/replay.err"; exit 1; }

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$run/time.txt")
seconds=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$run/time.txt")
cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$run/time.txt")
heap=$(grep -o '[0-9]*M->' "$run/gc.log" | sed 's/M->//' | sort -n | tail -1)
records=$(grep -o 'ingested [0-9]* records: [0-9]* slow queries, [0-9]* error-log lines, [0-9]* metric datapoints, [0-9]* RDS events' "$run/replay.out" \
  | awk '{print $4 + $7 + $10 + $13}')
echo "records (slow queries + error-log lines + datapoints + events): $records"
echo "wall: ${seconds} s, CPU: ${cpu} s, peak RSS: $((rss / 1024)) MiB, peak heap: ${heap:-?} MiB"
awk -v r="$records" -v s="$seconds" 'BEGIN { printf "records/s (wall): %.0f\n", r / s }'
tr '\r' '\n' <"$run/replay.err" | grep -E 'replay: (ingest|detect) .* - done' || true
sed -n '/^INSTANCE  *CLUSTER/,$p' "$run/replay.out"
