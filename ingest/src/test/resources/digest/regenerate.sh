#!/usr/bin/env bash
# Rewrites the digest fixtures: a generated MySQL 8.0 slow log and what pt-query-digest found in it.
# Run from anywhere with Java 17 and Debian's percona-toolkit; the generator is deterministic.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../../.." && pwd)"

java "$root/bench/src/main/java/io/precursor/bench/SlowLogGenerator.java" \
  "$here/generated-mysql80.log" 0.5 42

json="$(mktemp)"
trap 'rm -f "$json"' EXIT
pt-query-digest --limit 100%:100000 --output json "$here/generated-mysql80.log" >"$json"
{
  echo "# $(pt-query-digest --version): pt-query-digest --limit 100%:100000 --output json generated-mysql80.log"
  echo "# query id TAB entries TAB fingerprint, most entries first"
  python3 - "$json" <<'PY'
import json, sys
classes = json.load(open(sys.argv[1]))["classes"]
rows = sorted(((f"0x{c['checksum']}", c["query_count"], c["fingerprint"]) for c in classes),
              key=lambda r: (-r[1], r[0]))
for query_id, count, fingerprint in rows:
    print(f"{query_id}\t{count}\t{fingerprint.replace(chr(92), chr(92) * 2).replace(chr(10), chr(92) + 'n')}")
PY
} >"$here/generated-mysql80.pt-query-digest.tsv"
