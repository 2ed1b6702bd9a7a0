package io.precursor.report;

import io.precursor.schemas.MetricSample;
import io.precursor.schemas.SlowQueryEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a replay read, kept for its report: the key metrics of every instance and its slow queries
 * tallied per fingerprint and minute. Fed with each record as ingest publishes it; thread-safe.
 */
public final class ReplayObservations {

  private final Map<String, Map<KeyMetric, MetricSeriesBuffer>> metrics = new TreeMap<>();
  private final Map<String, SlowQueryMinutes> slowQueries = new HashMap<>();
  private final Map<Long, String> fingerprints = new HashMap<>();
  private final Map<String, String> clusters = new HashMap<>();
  private long earliest = Long.MAX_VALUE;
  private long latest = Long.MIN_VALUE;

  /** Takes one record published at {@code eventTime}; other kinds of record only widen the span. */
  public synchronized void observe(Object value, Instant eventTime) {
    long time = eventTime.toEpochMilli();
    earliest = Math.min(earliest, time);
    latest = Math.max(latest, time);
    if (value instanceof MetricSample sample) {
      observeMetric(sample);
    } else if (value instanceof SlowQueryEntry entry) {
      rememberCluster(entry.getInstance(), entry.getCluster());
      slowQueries
          .computeIfAbsent(entry.getInstance(), i -> new SlowQueryMinutes())
          .add(
              entry.getEventTime().toEpochMilli(),
              entry.getFingerprintHash(),
              entry.getQueryTimeSeconds(),
              entry.getRowsExamined());
      fingerprints.putIfAbsent(entry.getFingerprintHash(), entry.getFingerprint());
    }
  }

  private void observeMetric(MetricSample sample) {
    Optional<KeyMetric> key = KeyMetric.named(sample.getMetric());
    // Cluster-scope datapoints are keyed by the cluster; the report charts instances.
    if (key.isEmpty() || sample.getScope() != io.precursor.schemas.MetricScope.INSTANCE) {
      return;
    }
    rememberCluster(sample.getInstance(), sample.getCluster());
    metrics
        .computeIfAbsent(sample.getInstance(), i -> new java.util.EnumMap<>(KeyMetric.class))
        .computeIfAbsent(key.get(), MetricSeriesBuffer::new)
        .add(sample.getTime().toEpochMilli(), sample.getValue());
  }

  private void rememberCluster(String instance, String cluster) {
    if (cluster != null) {
      clusters.putIfAbsent(instance, cluster);
    }
  }

  synchronized Map<String, Map<KeyMetric, MetricSeriesBuffer>> metrics() {
    return metrics;
  }

  synchronized Optional<SlowQueryMinutes> slowQueries(String instance) {
    return Optional.ofNullable(slowQueries.get(instance));
  }

  synchronized Map<Long, String> fingerprints() {
    return fingerprints;
  }

  /** The cluster of {@code instance}, as the log group or the metrics' dimensions named it. */
  synchronized Optional<String> cluster(String instance) {
    return Optional.ofNullable(clusters.get(instance));
  }

  /** Every instance some metric or slow query was read for. */
  synchronized java.util.SortedSet<String> instances() {
    java.util.SortedSet<String> all = new java.util.TreeSet<>(metrics.keySet());
    all.addAll(slowQueries.keySet());
    return all;
  }

  /** The earliest and latest event time read, if anything was. */
  synchronized Optional<long[]> span() {
    return earliest > latest ? Optional.empty() : Optional.of(new long[] {earliest, latest});
  }
}
