package io.precursor.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One instance's slow queries tallied per fingerprint and minute: small whatever the slow log's
 * rate, and enough to rank the fingerprints of any minute-aligned window (a precursor's).
 */
final class SlowQueryMinutes {

  private static final long MINUTE = 60_000;

  /** Running totals of one fingerprint in one minute. */
  private static final class Tally {
    long count;
    double queryTimeSeconds;
    long rowsExamined;

    void add(long count, double queryTimeSeconds, long rowsExamined) {
      this.count += count;
      this.queryTimeSeconds += queryTimeSeconds;
      this.rowsExamined += rowsExamined;
    }
  }

  private final NavigableMap<Long, Map<Long, Tally>> minutes = new TreeMap<>();

  void add(long time, long fingerprintHash, double queryTimeSeconds, long rowsExamined) {
    minutes
        .computeIfAbsent(Math.floorDiv(time, MINUTE) * MINUTE, m -> new HashMap<>())
        .computeIfAbsent(fingerprintHash, h -> new Tally())
        .add(1, queryTimeSeconds, rowsExamined);
  }

  /**
   * The {@code limit} fingerprints with the most total query time in [{@code from}, {@code to}),
   * most first; {@code texts} names them.
   */
  List<FingerprintShare> top(long from, long to, int limit, Map<Long, String> texts) {
    Map<Long, Tally> window = new HashMap<>();
    for (Map<Long, Tally> minute : minutes.subMap(from, true, to, false).values()) {
      minute.forEach(
          (hash, t) ->
              window
                  .computeIfAbsent(hash, h -> new Tally())
                  .add(t.count, t.queryTimeSeconds, t.rowsExamined));
    }
    List<Map.Entry<Long, Tally>> ranked = new ArrayList<>(window.entrySet());
    ranked.sort(
        (a, b) -> {
          int byTime = Double.compare(b.getValue().queryTimeSeconds, a.getValue().queryTimeSeconds);
          return byTime != 0 ? byTime : Long.compare(a.getKey(), b.getKey());
        });
    List<FingerprintShare> top = new ArrayList<>();
    for (Map.Entry<Long, Tally> e : ranked.subList(0, Math.min(limit, ranked.size()))) {
      Tally t = e.getValue();
      top.add(
          new FingerprintShare(
              texts.getOrDefault(e.getKey(), "?"),
              String.format("%016x", e.getKey()),
              t.count,
              Math.round(t.queryTimeSeconds * 1000) / 1000.0,
              t.rowsExamined));
    }
    return top;
  }
}
