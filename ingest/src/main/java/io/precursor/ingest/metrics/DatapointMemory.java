package io.precursor.ingest.metrics;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The datapoints already published, by series and time, so that re-reading the overlap window drops
 * what is unchanged and marks what CloudWatch revised. Only the window is kept: the poller forgets
 * everything older than the start of the window it reads.
 */
final class DatapointMemory {

  /** What a datapoint read again is, compared with what was published before. */
  enum Verdict {
    /** Not published before: publish it. */
    NEW,
    /** Published before with another value: publish it as a revision. */
    REVISION,
    /** Published before with this value: drop it. */
    DUPLICATE
  }

  private final Map<MetricSeries, NavigableMap<Instant, Double>> published = new HashMap<>();
  private int size;

  /** Judges the datapoint and remembers its value as the published one. */
  Verdict remember(MetricSeries series, Instant time, double value) {
    NavigableMap<Instant, Double> points = published.computeIfAbsent(series, s -> new TreeMap<>());
    Double before = points.put(time, value);
    if (before == null) {
      size++;
      return Verdict.NEW;
    }
    // Bitwise comparison: CloudWatch returns the same double for an unchanged datapoint.
    return Double.compare(before, value) == 0 ? Verdict.DUPLICATE : Verdict.REVISION;
  }

  /** Forgets every datapoint before {@code start}, which later polls no longer read. */
  void forgetBefore(Instant start) {
    for (NavigableMap<Instant, Double> points : published.values()) {
      NavigableMap<Instant, Double> old = points.headMap(start, false);
      size -= old.size();
      old.clear();
    }
    published.values().removeIf(Map::isEmpty);
  }

  /** Forgets everything, e.g. when a publish failed and the window must be published again. */
  void clear() {
    published.clear();
    size = 0;
  }

  /** Datapoints remembered. */
  int size() {
    return size;
  }
}
