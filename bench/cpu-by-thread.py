#!/usr/bin/env python3
"""Where a JVM's CPU went, by kind of thread, while one thread was busy.

Usage: bench/cpu-by-thread.py RECORDING.jfr THREAD_REGEX [GROUP]

RECORDING.jfr is an async-profiler CPU recording of every thread (for example
-agentpath:.../libasyncProfiler.so=start,event=itimer,interval=2ms,threads,jfr,file=run.jfr).
The span is from the first to the last sample of the threads whose name matches THREAD_REGEX (the
streams benchmark's measured stage: '^bench-1000-precursor-[0-9a-f]{8}-.*StreamThread'). Prints
each kind of thread's share of the samples in that span (the C2 compiler, the collector, the
broker's request handlers, ...); with GROUP (a part of a kind's name, e.g. 'garbage'), also the frames
that kind of thread spent its samples in. Needs the JDK's `jfr` tool on the PATH.
"""
import collections
import re
import subprocess
import sys

KINDS = [
    ('StreamThread', None),  # the span's own app or another: decided below
    ('request-handler', 'broker request handlers'),
    ('network-thread', 'broker network threads'),
    ('producer-network', 'producer network threads'),
    ('C2 Compiler', 'C2 compiler'),
    ('C1 Compiler', 'C1 compiler'),
    ('GC Thread', 'garbage collector'),
    ('G1', 'garbage collector'),
    ('log-cleaner', 'broker log cleaner'),
    ('StateUpdater', 'state updater'),
    ('raft', 'broker raft'),
    ('quorum', 'broker raft'),
    ('metadata', 'broker metadata'),
    ('admin-client', 'admin client'),
]


def samples(path, depth):
    out = subprocess.run(
        ['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', str(depth), path],
        capture_output=True, text=True, check=True).stdout
    current = None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith('startTime ='):
            if current:
                yield current
            current = {'time': line.split('=', 1)[1].strip(), 'thread': '', 'frames': []}
        elif line.startswith('sampledThread ='):
            current['thread'] = line.split('"')[1]
        elif current is not None and 'line:' in line:
            current['frames'].append(re.sub(r'\(.*', '', line))
    if current:
        yield current


def seconds(clock):
    h, m, s = clock.split(':')
    return int(h) * 3600 + int(m) * 60 + float(s)


def kind(thread, span_threads):
    for part, name in KINDS:
        if part in thread:
            if name is None:
                return 'the span\'s stream threads' if span_threads.search(thread) else 'other stream threads'
            return name
    return 'other: ' + re.sub(r'[0-9a-f-]{36}', '*', thread)[:60]


def main():
    path, span_threads = sys.argv[1], re.compile(sys.argv[2])
    group = sys.argv[3] if len(sys.argv) > 3 else None
    every = list(samples(path, 40 if group else 1))
    marks = [seconds(s['time']) for s in every if span_threads.search(s['thread'])]
    if not marks:
        sys.exit('no sample of a thread matching ' + sys.argv[2])
    start, end = min(marks), max(marks)
    inside = [s for s in every if start <= seconds(s['time']) <= end]
    kinds = collections.Counter(kind(s['thread'], span_threads) for s in inside)
    print(f'span {end - start:.2f} s, {len(inside)} samples')
    for name, n in kinds.most_common():
        print(f'{100 * n / len(inside):5.1f}%  {name}')
    if group:
        frames = collections.Counter()
        chosen = [s for s in inside if group in kind(s['thread'], span_threads)]
        for s in chosen:
            for frame in set(s['frames']):
                frames[frame] += 1
        print(f'--- frames of {group} ({len(chosen)} samples)')
        for frame, n in frames.most_common(40):
            print(f'{100 * n / len(chosen):5.1f}%  {frame}')


if __name__ == '__main__':
    main()
