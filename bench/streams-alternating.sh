#!/usr/bin/env bash
# Two builds of the streams benchmark, alternating, so both see the same machine: on 2 cores one
# run's records/s moves by 20-40% from the next, and only a side-by-side run compares changes.
#
#   bench/streams-alternating.sh BEFORE.jar AFTER.jar [ROUNDS] [SIZES...] > results.txt
#
# Each jar is a copy of bench/target/benchmarks.jar built from the commit to compare
# (./mvnw -B -q -Pbench -DskipTests package -pl bench -am). A run that prints nothing for 200 s
# is stopped, its thread dump kept beside the output, and retried once (see
# results/2026-11-24-streams-stores.md for what made runs stall once, and how it was found).
set -euo pipefail

before=${1:?before jar}
after=${2:?after jar}
rounds=${3:-2}
shift $(($# < 3 ? $# : 3))
sizes=${*:-1 100 1000}
stall_limit=200

for round in $(seq 1 "$rounds"); do
  for jar in "$before" "$after"; do
    for attempt in 1 2; do
      echo "=== $(basename "$jar") round $round attempt $attempt, load $(cut -d' ' -f1 /proc/loadavg)"
      out=$(mktemp)
      # shellcheck disable=SC2086 # sizes are separate arguments
      java -Dbench.warmup="${WARMUP:-1}" -Xmx1g -cp "$jar" \
        io.precursor.bench.streams.StreamsBenchmark 100000 20 $sizes > "$out" 2> /dev/null &
      pid=$!
      last=-1
      quiet=0
      hung=0
      while kill -0 "$pid" 2> /dev/null; do
        sleep 5
        size=$(stat -c %s "$out")
        if [[ $size == "$last" ]]; then quiet=$((quiet + 5)); else quiet=0; last=$size; fi
        if ((quiet >= stall_limit)); then
          hung=1
          jstack "$pid" > "hang-$(basename "$jar" .jar)-$round-$attempt.jstack" 2> /dev/null || true
          kill "$pid"
        fi
      done
      wait "$pid" 2> /dev/null || true
      cat "$out"
      rm -f "$out"
      if ((hung == 0)); then break; fi
      echo "no progress for ${stall_limit} s: stopped (thread dump in hang-*.jstack)"
    done
  done
done
