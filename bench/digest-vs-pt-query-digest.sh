#!/usr/bin/env bash
# precursor digest against pt-query-digest on the same generated slow log, one after the other in
# one run: wall time, CPU time and peak RSS of each (GNU time), then whether both found the same
# query classes (query ids and entry counts, all classes and the top 20 by total Query_time).
#
# Usage: bench/digest-vs-pt-query-digest.sh [SIZE_MB] [WORK_DIR]     (defaults: 100, bench/target/digest)
# Needs: Java 17, Debian's percona-toolkit (pt-query-digest), GNU time (/usr/bin/time), python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${1:-100}"
work="${2:-$root/bench/target/digest}"
mkdir -p "$work"
log="$work/slow-${size_mb}mb.log"
jar="$root/launcher/target/precursor.jar"

if [[ ! -f "$jar" ]]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package -pl launcher -am)
fi
if [[ ! -f "$log" ]]; then
  java "$root/bench/src/main/java/io/precursor/bench/SlowLogGenerator.java" "$log" "$size_mb" 20261117
fi

measure() { # name, command...: runs it under GNU time, keeps stdout and the time report
  local name="$1"; shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.json"
}
field() { # time report, field name
  sed -n "s/^\s*$2: //p" "$1"
}

measure precursor java -jar "$jar" digest --json --top 0 --no-examples "$log"
measure precursor-xmx128m java -Xmx128m -jar "$jar" digest --json --top 0 --no-examples "$log"
measure pt-query-digest pt-query-digest --limit 100%:1000000 --output json "$log"

echo "## Run $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo
echo "- machine: $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- java: $(java -version 2>&1 | head -1); $(pt-query-digest --version)"
echo "- input: $(basename "$log"), $(stat -c %s "$log") bytes, $(grep -c '^# Time:' "$log") entries"
echo
echo "| tool | wall | user + sys CPU | peak RSS |"
echo "|---|---|---|---|"
for name in precursor precursor-xmx128m pt-query-digest; do
  t="$work/$name.time"
  cpu=$(python3 -c "print(f'{$(field "$t" 'User time (seconds)') + $(field "$t" 'System time (seconds)'):.2f} s')")
  echo "| $name | $(field "$t" 'Elapsed (wall clock) time (h:mm:ss or m:ss)') | $cpu | $(( $(field "$t" 'Maximum resident set size (kbytes)') / 1024 )) MiB |"
done
echo
python3 - "$work" <<'PY'
import json, sys, re
work = sys.argv[1]

def seconds(report):
    text = open(f"{work}/{report}.time").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    parts = [float(p) for p in wall.split(":")]
    wall_s = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = sum(float(re.search(rf"{k} time \(seconds\): (\S+)", text).group(1)) for k in ("User", "System"))
    return wall_s, cpu

ours = json.load(open(f"{work}/precursor.json"))
pt = json.load(open(f"{work}/pt-query-digest.json"))
ours_classes = {q["queryId"]: q["count"] for q in ours["queries"]}
pt_classes = {"0x" + c["checksum"]: c["query_count"] for c in pt["classes"]}
pt_top = sorted(pt["classes"], key=lambda c: -float(c["metrics"]["Query_time"]["sum"]))[:20]
top_same = all(ours_classes.get("0x" + c["checksum"]) == c["query_count"] for c in pt_top)
ours_top = [q["queryId"] for q in ours["queries"][:20]]
(ow, oc), (pw, pc) = seconds("precursor"), seconds("pt-query-digest")
print(f"- ratio (pt-query-digest / precursor): wall {pw / ow:.1f}x, CPU {pc / oc:.1f}x")
print(f"- classes: precursor {len(ours_classes)}, pt-query-digest {len(pt_classes)};"
      f" same query ids and counts for all: {ours_classes == pt_classes};"
      f" for pt's top 20 by total Query_time: {top_same};"
      f" same top-20 order: {ours_top == ['0x' + c['checksum'] for c in pt_top]}")
print(f"- entries: precursor {ours['entries']} read, {ours['unreadable']} unreadable;"
      f" pt-query-digest {pt['global']['query_count']}")
if ours_classes != pt_classes:
    for qid in sorted(set(ours_classes) | set(pt_classes)):
        if ours_classes.get(qid) != pt_classes.get(qid):
            print(f"  - {qid}: precursor {ours_classes.get(qid)}, pt-query-digest {pt_classes.get(qid)}")
PY
