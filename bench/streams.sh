#!/usr/bin/env bash
# The streams stage against a passthrough Kafka Streams app on the embedded broker, then the
# precursor latency. Usage: bench/streams.sh [RECORDS_PER_SIZE] [LATENCY_SAMPLES] [SIZES...]
# (defaults 10000 100 1 100 1000).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -B -q -Pbench -DskipTests package -pl bench -am)
java -Xmx1g -cp "$root/bench/target/benchmarks.jar" io.precursor.bench.streams.StreamsBenchmark "$@"
