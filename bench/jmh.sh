#!/usr/bin/env bash
# JMH: parse + fingerprint alone, one thread, short runs for a small shared machine
# (1 fork, 3 warm-up and 5 measured iterations of 3 s each, set on the benchmark class).
# Usage: bench/jmh.sh [JMH options...]     e.g. bench/jmh.sh parseAndFingerprint
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -B -q -Pbench -DskipTests package -pl bench -am)
java -jar "$root/bench/target/benchmarks.jar" "${@:-ParseFingerprintBenchmark}"
