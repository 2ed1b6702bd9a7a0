#!/usr/bin/env bash
# precursor digest against pt-query-digest on the same generated slow log, in one run: each tool
# RUNS times in turn (precursor, then pt-query-digest, repeated), with GNU time's wall time, CPU time
# (user + sys) and peak RSS; medians are reported, since a shared machine's load moves every run.
# Then whether both found the same query classes: query ids and entry counts, for all classes and
# for pt-query-digest's top 20 by total Query_time.
#
# Usage: bench/digest-vs-pt-query-digest.sh [SIZE_MB] [RUNS] [WORK_DIR]
#        defaults: 100 MB, 3 runs, bench/target/digest
# Needs: Java 17, Debian's percona-toolkit (pt-query-digest), GNU time (/usr/bin/time), python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${1:-100}"
runs="${2:-3}"
work="${3:-$root/bench/target/digest}"
mkdir -p "$work"
log="$work/slow-${size_mb}mb.log"
jar="$root/launcher/target/precursor.jar"

if [[ ! -f "$jar" ]]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package -pl launcher -am)
fi
if [[ ! -f "$log" ]]; then
  java "$root/bench/src/main/java/io/precursor/bench/SlowLogGenerator.java" "$log" "$size_mb" 20261117
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  /usr/bin/time -v -o "$work/precursor.$run.time" \
    java -jar "$jar" digest --json --top 0 --no-examples "$log" >"$work/precursor.json"
  /usr/bin/time -v -o "$work/precursor-xmx128m.$run.time" \
    java -Xmx128m -jar "$jar" digest --json --top 0 --no-examples "$log" >"$work/precursor-xmx128m.json"
  /usr/bin/time -v -o "$work/pt-query-digest.$run.time" \
    pt-query-digest --limit 100%:1000000 --output json "$log" >"$work/pt-query-digest.json" \
    2>"$work/pt-query-digest.err" # its progress reports
done

python3 - "$work" "$runs" "$log" "$load_before" <<'PY'
import json, os, re, statistics, subprocess, sys
work, runs, log, load_before = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
tools = ["precursor", "precursor-xmx128m", "pt-query-digest"]

def measure(tool, run):
    text = open(f"{work}/{tool}.{run}.time").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    wall_s = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.split(":"))))
    cpu = sum(float(re.search(rf"{k} time \(seconds\): (\S+)", text).group(1)) for k in ("User", "System"))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return wall_s, cpu, rss

def sh(*command):
    return subprocess.run(command, capture_output=True, text=True).stdout + \
        subprocess.run(command, capture_output=True, text=True).stderr

results = {t: [measure(t, r) for r in range(1, runs + 1)] for t in tools}
median = {t: tuple(statistics.median(m[i] for m in results[t]) for i in range(3)) for t in tools}
cpu_model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
size = os.path.getsize(log)
entries = sum(1 for l in open(log, encoding="utf-8", errors="replace") if l.startswith("# Time:"))
print(f"- machine: {os.cpu_count()} CPUs ({cpu_model}), load average before the runs: {load_before}")
print(f"- {sh('java', '-version').splitlines()[0]}; {sh('pt-query-digest', '--version').strip()}")
print(f"- input: {os.path.basename(log)}, {size:,} bytes, {entries:,} entries; {runs} runs of each tool, medians")
print()
print("| tool | wall | CPU (user + sys) | peak RSS | MB/s (wall) | each run: wall / CPU |")
print("|---|---|---|---|---|---|")
for t in tools:
    w, c, r = median[t]
    each = ", ".join(f"{m[0]:.1f} / {m[1]:.1f} s" for m in results[t])
    print(f"| {t} | {w:.2f} s | {c:.2f} s | {r:.0f} MiB | {size / 1e6 / w:.1f} | {each} |")
print()
(ow, oc, _), (pw, pc, _) = median["precursor"], median["pt-query-digest"]
print(f"- pt-query-digest / precursor: {pw / ow:.1f}x the wall time, {pc / oc:.1f}x the CPU time")

ours = json.load(open(f"{work}/precursor.json"))
pt = json.load(open(f"{work}/pt-query-digest.json"))
ours_classes = {q["queryId"]: q["count"] for q in ours["queries"]}
pt_classes = {"0x" + c["checksum"]: c["query_count"] for c in pt["classes"]}
pt_top = sorted(pt["classes"], key=lambda c: -float(c["metrics"]["Query_time"]["sum"]))[:20]
top_same = all(ours_classes.get("0x" + c["checksum"]) == c["query_count"] for c in pt_top)
ours_top = [q["queryId"] for q in ours["queries"][:20]]
print(f"- classes: precursor {len(ours_classes)}, pt-query-digest {len(pt_classes)};"
      f" same query ids and counts for every class: {ours_classes == pt_classes};"
      f" for pt-query-digest's top 20 by total Query_time: {top_same};"
      f" same top-20 order: {ours_top == ['0x' + c['checksum'] for c in pt_top]}")
print(f"- entries: precursor {ours['entries']:,} read, {ours['unreadable']} unreadable;"
      f" pt-query-digest {pt['global']['query_count']:,}")
for qid in sorted(set(ours_classes) | set(pt_classes)):
    if ours_classes.get(qid) != pt_classes.get(qid):
        print(f"  - {qid}: precursor {ours_classes.get(qid)}, pt-query-digest {pt_classes.get(qid)}")
PY
